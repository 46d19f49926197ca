"""The verifier on what editors do to wire copy, and on what only looks like reuse."""

from __future__ import annotations

import pytest

from tui.match.kinds import KINDS, Cutoffs
from tui.match.verify import Verdict, score_pair, verify
from tui.text.normalize import fold


def kind(a: str, b: str) -> str | None:
    verdict = verify(a, b)
    assert verify(b, a) == verdict  # symmetric
    return None if verdict is None else verdict.kind


# -- must match ---------------------------------------------------------------


def test_a_trimmed_copy_is_partial() -> None:
    long = (
        "In the final on Sunday, the visitors won the toss, chose to bat and made 274 for 5 "
        "in their 50 overs."
    )
    assert kind(long, "In the final, the visitors won the toss and chose to bat.") == "partial"


def test_an_extended_copy_is_partial() -> None:
    wire = "The ministry said the new bridge would open to traffic next spring."
    longer = (
        "The ministry said the new bridge would open to traffic next spring, two years later "
        "than first planned, after a dispute with the contractor."
    )
    assert kind(wire, longer) == "partial"


def test_one_sentence_split_in_two_matches_each_half() -> None:
    merged = (
        "The council approved the budget on Tuesday after a long debate, and the mayor said "
        "taxes would not rise this year."
    )
    assert kind(merged, "The council approved the budget on Tuesday after a long debate.") == (
        "partial"
    )
    assert kind(merged, "The mayor said taxes would not rise this year.") == "partial"


def test_reordered_clauses_are_near() -> None:
    assert (
        kind(
            "At the pier in Seabright, samples showed counts of 160 and 120 on June 3 and June 10.",
            "Samples showed counts of 160 and 120 on June 3 and June 10 at the pier in Seabright.",
        )
        == "near"
    )


def test_a_light_edit_is_near_and_a_rewrite_similar() -> None:
    wire = "Japan is open to resuming peace treaty negotiations with Russia, Peskov said."
    assert kind(wire, "Japan is open to resuming peace treaty talks with Russia, Peskov said.") == (
        "near"
    )
    rewrite = (
        "Peskov said that Japan was open to resume negotiations on a peace treaty with Russia."
    )
    assert kind(wire, rewrite) in ("similar", "partial")


def test_a_respelt_name_with_other_figures_is_still_a_copy() -> None:
    a = "About 12,000 residents were ordered to leave on Tuesday, Mayor Varga said."
    b = "About 15,000 residents were ordered to leave on Monday, Mayor Vargas said."
    assert kind(a, b) is not None


# -- must not match, or not as near ------------------------------------------------


def test_a_template_filling_looks_alike_to_the_verifier_alone() -> None:
    """One frame with other names and numbers looks like a copy to the verifier; what
    the library knows decides whether it is one (tests/test_judge.py)."""
    assert (
        kind(
            "Shares of Northwind rose 3.2 percent to 41.50 dollars in early trading on Monday.",
            "Shares of Contoso rose 1.8 percent to 12.75 dollars in early trading on Monday.",
        )
        is not None
    )


def test_a_flipped_negation_is_never_near() -> None:
    a = "The group did not immediately claim responsibility for the attack on the convoy."
    b = "The group has claimed responsibility for the attack on the convoy."
    assert kind(a, b) not in ("exact", "near", "partial")
    assert (
        kind(
            "Сторона не подписала соглашение о прекращении огня в среду вечером.",
            "Сторона подписала соглашение о прекращении огня в среду вечером.",
        )
        != "near"
    )


def test_unrelated_sentences_on_one_story_do_not_match() -> None:
    a = "Japan is open to resuming peace treaty negotiations with Russia, Peskov said."
    b = "The Kremlin spokesman added that no date had been set for a visit by the minister."
    assert kind(a, b) is None


def test_short_sentences_never_match() -> None:
    assert kind("He said so.", "She said so.") is None


@pytest.mark.parametrize("kind_name", KINDS)
def test_every_kind_has_an_example_here(kind_name: str) -> None:
    examples = {
        "exact": ("The bridge will open next spring, the ministry said.",) * 2,
        "near": (
            "The bridge will open next spring, the ministry said.",
            "The bridge will open next spring, the ministry said on Monday.",
        ),
        "partial": (
            "The bridge will open next spring, the ministry said in a statement on Monday "
            "after a meeting with the contractor and the city council.",
            "The bridge will open next spring, the ministry said.",
        ),
        "similar": (
            "The ministry said on Monday that the bridge would open to traffic next spring.",
            "Next spring the bridge will be opened to traffic, the ministry announced Monday.",
        ),
    }
    assert kind(*examples[kind_name]) == kind_name
    assert isinstance(verify(*examples[kind_name]), Verdict)


# -- the thresholds a user may tune (tui/config.py) -----------------------------


def test_the_near_and_similar_cutoffs_move_the_verdict() -> None:
    edited = (  # fuzz.ratio 94.7: a light edit by default
        fold("The council approved the new harbour budget after a long and bitter debate."),
        fold("The council approved the new harbour budget after a long and heated debate."),
    )
    assert score_pair(*edited) == Verdict("near", 94.7)
    assert score_pair(*edited, Cutoffs(near=95)).kind == "similar"  # type: ignore[union-attr]
    rewrite = (  # a reuse probability of 92%
        fold("The minister said the bridge would reopen to traffic before the winter storms."),
        fold(
            "According to the minister, traffic would use the bridge again ahead of winter storms."
        ),
    )
    assert score_pair(*rewrite) == Verdict("similar", 92.0)
    assert score_pair(*rewrite, Cutoffs(similar=95)) is None
