"""Wire datelines and the lead as a stand-in headline (tui/text/datelines.py)."""

import pytest

from tui.text.datelines import lead_title, strip_dateline


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("LAKEVILLE, Ore. (AP) — A wildfire grew overnight.", "A wildfire grew overnight."),
        ("LONDON, March 4 (Reuters) - Shares fell.", "Shares fell."),
        ("BEIRUT — Talks resumed on Monday.", "Talks resumed on Monday."),
        ("Moscow, July 15 (IANS) Japan is open to talks.", "Japan is open to talks."),
        ("The mayor said NO to the plan.", "The mayor said NO to the plan."),  # no dateline
    ],
)
def test_strip_dateline(sentence: str, rest: str) -> None:
    assert strip_dateline(sentence) == rest


def test_short_lead_is_the_title_without_dateline_or_stop() -> None:
    assert lead_title("Moscow, July 15 (IANS) Japan is open to talks.") == "Japan is open to talks"


def test_long_lead_is_cut_at_its_last_clause_break_within_100_characters() -> None:
    lead = (
        "The city council voted on Tuesday to close the old harbour bridge to lorries, "
        "citing cracks found by inspectors last month, and asked the state for money to repair it."
    )
    # the second break (after "last month") lies past 100 characters, so the first wins
    assert lead_title(lead) == (
        "The city council voted on Tuesday to close the old harbour bridge to lorries"
    )


def test_long_lead_without_clauses_is_cut_at_a_word_with_an_ellipsis() -> None:
    lead = " ".join(["word"] * 40) + "."
    title = lead_title(lead)
    assert title is not None and title.endswith("word…") and len(title) <= 101


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("東京都は月曜日、新しい防災計画を発表した。", "東京都は月曜日、新しい防災計画を発表した"),
        (
            "وقالت الوزارة إن المحادثات ستستأنف يوم الاثنين.",
            "وقالت الوزارة إن المحادثات ستستأنف يوم الاثنين",
        ),
        ("सरकार ने सोमवार को नई योजना की घोषणा की।", "सरकार ने सोमवार को नई योजना की घोषणा की"),
    ],
)
def test_lead_title_in_other_scripts(lead: str, title: str) -> None:
    assert lead_title(lead) == title


def test_long_chinese_lead_is_cut_at_a_comma() -> None:
    lead = "国家统计局周一公布的数据显示" * 3 + "，" + "工业产出连续第三个月增长" * 6 + "。"
    title = lead_title(lead)
    assert title == "国家统计局周一公布的数据显示" * 3


def test_empty_lead_has_no_title() -> None:
    assert lead_title("") is None
    assert lead_title(" . ") is None
