"""How alike two sentences must be to count as shared, in one place.

Scores are `rapidfuzz.fuzz.ratio` (0-100) on folded text (see
`tui.text.normalize.fold`). Calibrated on the seeds: copies with a word or a
comma changed score 94-100; rewrites that keep most words score 68-86 ("The
main obstacle to this is the dispute over the rights to the southern part of
the Kuril Islands." against the wire's longer sentence scores 68.8); the best
score of any unrelated sentence on the same story is 56. SIMILAR_SCORE sits
in that gap, and the matching benchmark measures its precision at scale.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["exact", "near", "similar"]
KINDS: tuple[Kind, ...] = ("exact", "near", "similar")

NEAR_SCORE = 90.0
SIMILAR_SCORE = 65.0
# Sentences shorter than this (in words) never match on their own: "He said."
# or "Read more" are shared by everyone and mean nothing.
MIN_WORDS = 6
# The same for scripts written without spaces, counted in characters: a
# Chinese word is one to four characters, so 12 is about as much as 6 words.
MIN_CHARACTERS = 12


def classify(score: float, identical: bool) -> Kind | None:
    """The kind of match for a verified pair, or None when it is no match."""
    if identical:
        return "exact"
    if score >= NEAR_SCORE:
        return "near"
    if score >= SIMILAR_SCORE:
        return "similar"
    return None
