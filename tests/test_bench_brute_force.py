"""bench/brute_force.py sends a pair to the verifier only when the word sets overlap
as the verifier's own first test asks (profile.overlapping): checked on all pairs
of a few sentences, so its filter loses nothing the verifier would accept."""

from __future__ import annotations

import numpy as np

from tests.bench_scripts import load_bench
from tui.match.kinds import PARTIAL_MIN_CONTAINMENT, SIMILAR_MIN_JACCARD
from tui.match.profile import overlapping
from tui.text.normalize import fold

brute_force = load_bench("brute_force")

SENTENCES = [
    "The harbour authority closed the northern pier after storm damage on Tuesday.",
    "The harbour authority shut the northern pier after the storm on Tuesday night.",
    "Storm damage closed the pier, the harbour authority said.",
    "Officials said the pier would reopen next week.",
    "Rescue teams reached the flooded valley on Wednesday.",
    "The pier after storm damage on Tuesday.",
    "铁路停运三天，乘客滞留。",
    "铁路停运三天。",
    "Цены на топливо выросли на 3%.",
    "Цены на топливо выросли.",
]


def test_the_word_overlap_filter_is_the_verifier_s_own() -> None:
    texts = [fold(s) for s in SENTENCES]
    arrays = brute_force.word_postings(texts)
    asked = np.arange(len(texts), dtype=np.int64)
    left, right = brute_force.overlapping_texts(
        asked, *arrays, SIMILAR_MIN_JACCARD, PARTIAL_MIN_CONTAINMENT
    )
    found = set(zip(left.tolist(), right.tolist(), strict=True))
    expected = {
        (a, b)
        for a in range(len(texts))
        for b in range(len(texts))
        if a != b and overlapping(texts[a], texts[b])
    }
    assert found == expected
    assert len(expected) > 4  # (the sentences do overlap, in several scripts)
