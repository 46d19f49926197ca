"""What the library and the two articles say of verified pairs (tui/match/judge.py, rarity.py)."""

from __future__ import annotations

from dataclasses import replace

from tui.match.judge import Articles, Pair, judge, longest_run, one_to_one
from tui.match.kinds import LONE_RUN
from tui.match.profile import profile
from tui.match.rarity import Rarity, pair_rarity, terms, topical_overlap
from tui.match.verify import Verdict, verify
from tui.text.normalize import fold

NEAR = Verdict("near", 95.0)
DOUBTFUL = Verdict("similar", 70.0)
SURE = Verdict("similar", 90.0)
BIG = Articles(400, 400, topical=0.1)  # two long stories on other events


def library_of(sentences: list[str], copies: int = 1) -> Rarity:
    """A library whose articles each hold one of `sentences` (`copies` times over)."""
    rarity = Rarity()
    for sentence in sentences:
        for _ in range(copies):
            rarity.add(terms(fold(sentence)))
    return rarity


def weigh_pair(a: str, b: str, rarity: Rarity):
    return pair_rarity(terms(fold(a)), terms(fold(b)), rarity)


SCORE_LINES = [
    f"In reply, {team} reached the target in {overs} overs for the loss of {w} wickets."
    for team, overs, w in [
        ("Riverton", "24.3", 5),
        ("Harbour", "18.4", 6),
        ("Eastham", "31.2", 7),
        ("Kingsley", "44.1", 2),
        ("Westbury", "29.5", 8),
        ("Southam", "38.0", 4),
        ("Northby", "22.2", 9),
    ]
]


def test_a_frame_the_library_knows_is_no_copy() -> None:
    """Every word the fillings share is common in a library of score lines; each side
    fills the slots with its own team and figures."""
    rarity = library_of(SCORE_LINES)
    weighed = weigh_pair(SCORE_LINES[0], SCORE_LINES[1], rarity)
    assert weighed.refilled and weighed.shared_max < 0.45
    pair = Pair(0, 0, NEAR, weighed.specificity, weighed.shared_max, weighed.refilled)
    assert pair.frame
    assert judge([pair], Articles(20, 20)) == []


def test_the_same_pair_in_a_library_of_two_is_a_copy_with_changed_facts() -> None:
    """Nothing yet says the frame's words are common: a lone copy with its figures changed."""
    rarity = library_of(SCORE_LINES[1:2])
    weighed = weigh_pair(SCORE_LINES[0], SCORE_LINES[1], rarity)
    pair = Pair(0, 0, NEAR, weighed.specificity, weighed.shared_max, weighed.refilled)
    assert not pair.frame
    assert [k.pair for k in judge([pair], Articles(20, 20))] == [pair]


def test_many_fillings_make_a_frame_even_with_a_rare_word_shared() -> None:
    pair = Pair(0, 0, NEAR, 0.8, shared_max=0.9, refilled=True, fillings=6)
    assert pair.frame
    assert not Pair(0, 0, NEAR, 0.8, shared_max=0.9, refilled=True, fillings=2).frame


def test_a_changed_figure_with_rare_words_shared_is_a_copy() -> None:
    wire = "Authorities ordered about 12,000 residents to leave the valley before the dam gave way."
    copy = wire.replace("12,000", "15,000")
    others = [
        "The council approved the budget for the coming year after a long debate.",
        "Residents were told to leave their homes before the storm reached the coast.",
        "The minister said the talks would resume before the end of the year.",
    ]
    rarity = library_of(others + [copy])
    weighed = weigh_pair(wire, copy, rarity)
    assert weighed.specificity > 0.9 and weighed.shared_max == 1.0
    pair = Pair(0, 0, NEAR, weighed.specificity, weighed.shared_max, weighed.refilled)
    assert not pair.frame


def test_copies_of_one_story_do_not_make_its_words_common() -> None:
    """A wire sentence the library holds in five reprints: weighed as one article."""
    wire = "Engineers closed the old rail bridge after finding cracks in two of its stone piers."
    copy = wire.replace("closed", "shut")
    rarity = library_of([wire], copies=5)
    plain = pair_rarity(terms(fold(copy)), terms(fold(wire)), rarity)
    as_one = pair_rarity(terms(fold(copy)), terms(fold(wire)), rarity, held=5)
    assert plain.shared_max < 0.45 < as_one.shared_max


def test_one_to_one_takes_the_strongest_pair_first() -> None:
    exact = Pair(1, 11, Verdict("exact", 100.0))
    rival = Pair(0, 11, Verdict("near", 99.0))  # the same stored sentence, weaker
    edited = Pair(0, 10, Verdict("near", 92.0))
    assert one_to_one([rival, edited, exact]) == [edited, exact]


def test_a_doubtful_rewrite_needs_a_sure_neighbour_that_is_no_quote() -> None:
    alone = Pair(3, 7, DOUBTFUL, shared_terms=12)
    assert judge([alone], BIG) == []
    two_doubtful = [alone, Pair(4, 8, DOUBTFUL)]
    assert judge(two_doubtful, BIG) == []
    beside_sure = [alone, Pair(4, 8, SURE, shared_terms=12)]
    assert [k.pair for k in judge(beside_sure, BIG)] == beside_sure
    beside_quote = [alone, Pair(4, 8, NEAR, quoted=0.9)]
    assert [k.pair for k in judge(beside_quote, BIG)] == [beside_quote[1]]
    far = [alone, Pair(9, 20, NEAR)]
    assert [k.pair for k in judge(far, BIG)] == [far[1]]


def test_a_lone_pair_between_stories_on_other_events_needs_to_be_whole_or_near() -> None:
    partial = Pair(3, 7, Verdict("partial", 90.0), shared_terms=12, words=12)
    assert judge([partial], BIG) == []  # a stock clause
    same_event = Articles(400, 400, topical=0.6)
    assert [k.pair for k in judge([partial], same_event)] == [partial]
    brief = Articles(12, 14, topical=0.1)  # the pair is most of both articles
    assert [k.pair for k in judge([partial], brief)] == [partial]
    assert [k.pair for k in judge([Pair(3, 7, NEAR)], BIG)] == [Pair(3, 7, NEAR)]


def test_a_lone_quotation_stands_whatever_the_articles_overlap() -> None:
    """Two outlets printing the same words of someone share text on any event; a lone
    stock clause of narration between stories on other events does not."""
    quoted = Pair(3, 7, Verdict("partial", 90.0), shared_terms=12, words=12, quoted=0.9)
    assert [k.pair for k in judge([quoted], BIG)] == [quoted]
    assert judge([quoted], BIG)[0].quote
    few_words = Pair(3, 7, Verdict("partial", 90.0), shared_terms=5, words=5, quoted=0.9)
    assert judge([few_words], BIG) == []
    doubtful = Pair(3, 7, DOUBTFUL, shared_terms=12, quoted=0.9)
    assert judge([doubtful], BIG) == []
    narration = Pair(3, 7, Verdict("partial", 90.0), shared_terms=12, words=12, quoted=0.2)
    assert judge([narration], BIG) == []


def test_a_lone_run_of_many_words_stands_whatever_the_articles_overlap() -> None:
    """LONE_RUN words printed in a row by both is a passage printed twice, on any
    event; a lone pair whose longest run is a stock phrase's length stands only
    between articles on one event."""
    passage = Pair(3, 7, Verdict("partial", 90.0), shared_terms=14, words=16, run=LONE_RUN)
    assert [k.pair for k in judge([passage], BIG)] == [passage]
    assert judge([replace(passage, run=LONE_RUN - 1)], BIG) == []
    assert judge([replace(passage, shared_terms=5)], BIG) == []
    assert judge([replace(passage, verdict=DOUBTFUL)], BIG) == []


def test_the_longest_run_counts_words_in_a_row() -> None:
    def run(a: str, b: str) -> int:
        return longest_run(profile(fold(a)).words, profile(fold(b)).words)

    assert (
        run(
            "German Foreign Minister Heiko Maas has warned Trump against any unilateral deals.",
            "BERLIN (Reuters) - German Foreign Minister Heiko Maas has warned U.S. President "
            "Donald Trump against making any unilateral deals.",
        )
        == 7
    )  # german foreign minister heiko maas has warned
    assert run("Прокуратура возбудила уголовное дело", "Прокуратура возбудила дело") == 2
    # without spaces the tokens are characters, and two characters count as a word
    assert run("北京市政府今天宣布新的交通政策", "上海市政府今天宣布新的交通政策") == 13 // 2
    # figures stay whole tokens and do not make a Chinese sentence a spaced one
    assert run("上海地铁18号线二期工程今天开通", "北京地铁18号线二期工程今天开通") == 12 // 2


def test_a_shared_quotation_is_marked() -> None:
    (kept,) = judge([Pair(0, 0, NEAR, quoted=0.8)], BIG)
    assert kept.quote
    (kept,) = judge([Pair(0, 0, NEAR, quoted=0.2)], BIG)
    assert not kept.quote


def test_topical_overlap_tells_one_event_from_another() -> None:
    rarity = library_of(
        [
            "The summit in Helsinki between the two presidents ended without a statement.",
            "Floods in the delta forced thousands of farmers from their villages overnight.",
            "The central bank raised interest rates for the third time this year.",
        ]
    )
    one = rarity.ids_of(terms(fold("The two presidents met in Helsinki for a summit.")))
    same = rarity.ids_of(
        terms(fold("The summit in Helsinki between the two presidents ended without a statement."))
    )
    other = rarity.ids_of(
        terms(
            fold("Floods in the delta forced thousands of farmers from their villages overnight.")
        )
    )
    assert topical_overlap(one, same, rarity) > 0.35 > topical_overlap(one, other, rarity)


def test_the_verifier_alone_says_how_alike_not_whether_reused() -> None:
    assert verify(SCORE_LINES[0], SCORE_LINES[1]) is not None
