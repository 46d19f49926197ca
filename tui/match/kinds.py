"""How alike two sentences must be to count as shared, in one place (used by verify.py).

Scores are `rapidfuzz` measures (0-100) on folded text (see
`tui.text.normalize.fold`). NEAR_SCORE was calibrated on the seeds: copies with a
word or a comma changed score 94-100, and no unrelated sentence on the same story
scores above 56. The `similar` decision weighs several measures (see
EVIDENCE_WEIGHTS); SIMILAR_SCORE is the old single-measure rule (`fuzz.ratio` ≥ 65),
kept as the baseline the benchmarks compare against.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["exact", "near", "partial", "similar"]
KINDS: tuple[Kind, ...] = ("exact", "near", "partial", "similar")  # strongest first

NEAR_SCORE = 90.0
SIMILAR_SCORE = 65.0
# Clauses moved: the same words in another order (`fuzz.token_sort_ratio`).
REORDER_SCORE = 95.0
# A trimmed or extended copy: the shorter sentence is at most this share of the
# longer one's words, and at least PARTIAL_COVERAGE of its own words stand in
# the longer one in order (word-level LCS). See tui/match/verify.py.
PARTIAL_LENGTH = 0.8
PARTIAL_COVERAGE = 0.8
# ... and those words fill at least this share of the stretch of the longer
# sentence they stand in (a trim cuts a clause or two; it does not scatter).
PARTIAL_DENSITY = 0.6
# A rewrite ("similar") is decided by weighing several measures (verify.evidence,
# then fuzz.partial_ratio) with a logistic regression fitted on the MSRP train
# split's 4,076 news pairs judged by people:
# `python bench/msrp.py ../shared/bench/msrp-train --fit` prints these. Order:
# ratio, token sort, token set, LCS coverage of the shorter and of the longer
# side, length ratio, Jaccard, containment, figures differ, negation differs.
EVIDENCE_WEIGHTS = (4.438, 3.642, 1.302, -1.552, 2.325, 1.387, 2.343, 0.477, -0.623, -1.141)
PARTIAL_RATIO_WEIGHT = -4.773
EVIDENCE_BIAS = -5.065
SIMILAR_PROBABILITY = 0.5
# Below this fuzz.ratio the evidence is not weighed at all (it costs ~300 µs a
# pair): on MSRP no pair the weights call similar scores under 40.8.
EVIDENCE_FLOOR = 40.0
# ... nor below this word-set Jaccard: on MSRP one pair of the 2,479 the weights
# call similar shares fewer of its words (the lowest is 0.17), and on the
# synthetic corpus none does, while it spares 72% of the pairs weighed there
# (candidates that share a phrase and little else).
SIMILAR_MIN_JACCARD = 0.2
# Sentence profiles the verifier keeps (about 3 KB each): the sentences most
# often scored again are the wire's, printed by many outlets.
PROFILE_CACHE = 1 << 14
# A pair that changes a figure or a name is reuse only this close (in sentences,
# on both sides) to a pair that changes neither: a changed fact in a copied
# passage, not two fillings of one frame (verify.in_context). On the Markov
# corpus at 1,000 articles this took precision from 0.45 to 0.97 and cost 2%
# of the rewrites.
ANCHOR_DISTANCE = 2
# Sentences shorter than this (in words) never match on their own: "He said."
# or "Read more" are shared by everyone and mean nothing.
MIN_WORDS = 6
# The same for scripts written without spaces, counted in characters: a
# Chinese word is one to four characters, so 12 is about as much as 6 words.
MIN_CHARACTERS = 12
