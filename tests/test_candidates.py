"""The candidate index finds a near copy whatever the library's size: what a sentence
counts is a share of the stored texts, so 2-grams that grow common with the library
do not crowd out a copy."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import tui.match.index
from tui.match.index import CandidateIndex
from tui.match.kernel import shared_postings
from tui.match.shingles import sentence_key

WIRE = "The harbour authority closed the northern pier after storm damage on Tuesday night."
EDITED = "The harbour authority shut the northern pier after storm damage on Tuesday night."
# every 2-gram of WIRE's words that the copy kept, each printed in other stored sentences
KEPT = [
    ("the", "harbour"),
    ("harbour", "authority"),
    ("the", "northern"),
    ("northern", "pier"),
    ("pier", "after"),
    ("after", "storm"),
    ("storm", "damage"),
    ("damage", "on"),
    ("on", "tuesday"),
    ("tuesday", "night"),
]


def filler(number: int) -> str:
    """A stored sentence that shares one kept 2-gram with WIRE (one in 20 do for each
    2-gram), or none."""
    pair = KEPT[number % 20] if number % 20 < len(KEPT) else ("plain", "words")
    return f"Reporters filed dispatch {number} about {pair[0]} {pair[1]} under code z{number}q."


def library_of(texts: int) -> tuple[CandidateIndex, int]:
    """An index of WIRE plus `texts` fillers: each kept 2-gram is in one in 20 of
    them (a fixed share, so its postings grow with the library). Returns the index
    and WIRE's sentence id."""
    index = CandidateIndex()
    keys = {1: sentence_key(WIRE)}
    for number in range(texts):
        keys[number + 2] = sentence_key(filler(number))
    for sentence_id, key in keys.items():  # one article a sentence, other outlets
        index.add(sentence_id, {sentence_id: key}, f"outlet{sentence_id}", 12)
    return index, 1


@pytest.mark.parametrize("texts", [200, 2_000])
def test_a_near_copy_is_found_in_a_small_and_a_large_library(
    monkeypatch: pytest.MonkeyPatch, texts: int
) -> None:
    # (a floor and a share small enough for a test-sized library)
    monkeypatch.setattr(tui.match.index, "POSTINGS_FLOOR", 10)
    monkeypatch.setattr(tui.match.index, "POSTINGS_SHARE", 1 / 4)
    index, wire = library_of(texts)
    _, firsts = index.candidates({10**6: sentence_key(EDITED)})
    assert wire in firsts.tolist()


def test_band_keys_find_it_where_a_fixed_budget_loses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same search with the budget held at the floor: the kept 2-grams' postings
    outgrow it and the 2-gram count never reaches the copy (why the budget is a
    share); the LSH band keys (tui/match/bands.py) find it all the same."""
    monkeypatch.setattr(tui.match.index, "POSTINGS_FLOOR", 10)
    monkeypatch.setattr(tui.match.index, "POSTINGS_SHARE", 0.0)
    index, wire = library_of(2_000)
    edited = sentence_key(EDITED)
    hashes = np.frombuffer(edited.shingles, np.int64)
    chosen, _ = index.postings.choose(hashes, np.array([len(hashes)]), index.postings_budget())
    assert wire not in chosen.tolist()
    _, firsts = index.candidates({10**6: edited})
    assert wire in firsts.tolist()


def test_the_budget_grows_with_the_stored_texts() -> None:
    small, _ = library_of(10)
    assert small.postings_budget() == tui.match.index.POSTINGS_FLOOR
    large = CandidateIndex()
    large.text_of = dict.fromkeys(range(1_000_000), 0)  # a million stored texts
    assert large.postings_budget() == round(1_000_000 * tui.match.index.POSTINGS_SHARE)


def test_the_compiled_count_agrees_with_counting_in_python() -> None:
    rng = np.random.default_rng(3)
    texts = 50
    short = rng.random(texts) < 0.3
    lists = [rng.integers(0, texts, int(rng.integers(0, 40))).astype(np.int32) for _ in range(30)]
    short_asking = rng.random(len(lists)) < 0.3
    chosen = np.concatenate(lists)
    ends = np.cumsum([len(one) for one in lists]).astype(np.int64)
    counts = np.zeros(texts, np.int32)
    found = shared_postings(chosen, ends, short_asking, short, 2, 3, counts)
    expected = {
        g << 32 | text
        for g, one in enumerate(lists)
        for text, n in Counter(one.tolist()).items()
        if n >= (2 if short_asking[g] or short[text] else 3)
    }
    assert sorted(found.tolist()) == sorted(expected)
    assert not counts.any()  # the scratch is left clean for the next call
