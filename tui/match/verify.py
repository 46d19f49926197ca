"""The verifier: is a candidate pair one sentence reused, and how?

Editors do four things to wire sentences, and one score cannot see them all
(measured on the MSRP news pairs, bench/msrp.py): they edit a word or two
(`fuzz.ratio` sees that), trim or extend a sentence (the shorter side's words
stand in order in the longer one: word-level LCS coverage), move a clause
(the same words in another order: `fuzz.token_sort_ratio`), and rewrite.
What is *not* reuse looks like it: one frame with other names and numbers (a
template: match reports, market reports) and a flipped negation. The kinds and
their thresholds live in tui/match/kinds.py.

Pairs are verified a batch at a time (`verify_batch`; `score_pair` is a batch
of one): the compiled kernel (tui/match/kernel.py) counts what every pair
shares and weighs the evidence, rapidfuzz's `cpdist` gives the character
ratios in C, and Python looks only at the few pairs that may be partial
copies. At 10,000 articles a new one has about 800 candidate pairs.

`verify_batch` works on folded text alone (all the index keeps). Whether a
verified pair is reuse or two fillings of one frame, and whether it may stand
alone, is for the library to say (how rare its words are, what else the two
articles share): tui/match/judge.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq
from rapidfuzz.process import cpdist

from tui.match import kernel
from tui.match.kinds import (
    DEFAULT_CUTOFFS,
    EVIDENCE_BIAS,
    EVIDENCE_FLOOR,
    EVIDENCE_WEIGHTS,
    PARTIAL_COVERAGE,
    PARTIAL_DENSITY,
    PARTIAL_LENGTH,
    PARTIAL_MIN_CONTAINMENT,
    REORDER_SCORE,
    SIMILAR_MIN_JACCARD,
    Cutoffs,
    Kind,
)
from tui.match.profile import SENTENCES, negated, profile
from tui.text.normalize import fold

# Batches at least this large have their character ratios worked out on every
# core; below it starting the threads costs more than it saves (about 1 ms).
PARALLEL_PAIRS = 20_000
_WEIGHTS = np.array(EVIDENCE_WEIGHTS, dtype=np.float64)


@dataclass(frozen=True)
class Verdict:
    """A verified pair: its kind and a 0-100 score (coverage in percent for `partial`)."""

    kind: Kind
    score: float


@dataclass(frozen=True)
class Checked:
    """A verified batch of n pairs: `overlapping`, a bool array (n,), says whose word
    sets overlap enough for any kind of reuse (profile.overlapping); `verdicts`
    maps the position of each pair found to be reuse to its Verdict; `lcs`, an int
    array (n,), holds the length in words of the longest common subsequence of
    each overlapping pair (0 for the others)."""

    overlapping: np.ndarray
    verdicts: dict[int, Verdict]
    lcs: np.ndarray


def verify_batch(pairs: Sequence[tuple[str, str]], cutoffs: Cutoffs = DEFAULT_CUTOFFS) -> Checked:
    """Verify pairs of folded sentences, each (a, b), all at once (`verify_indexed`)."""
    return verify_indexed(*_flat(pairs), cutoffs)


def verify_indexed(
    texts: Sequence[str],
    left: np.ndarray,
    right: np.ndarray,
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
    ids: np.ndarray | None = None,
) -> Checked:
    """Verify the pairs (texts[left[p]], texts[right[p]]) of folded sentences
    `texts`, all at once; `left` and `right` are int64 arrays. A text may stand
    in `texts` more than once. `ids` are the texts' ids in `profile.SENTENCES`,
    where the caller has them inside its batch.

    - exact: equal after folding.
    - near: `fuzz.ratio` ≥ `cutoffs.near` (a word or comma changed), or the same words
      in another order (`token_sort_ratio` ≥ REORDER_SCORE): "At the pier in
      Seabright, samples showed …" and "Samples showed … at the pier in Seabright."
    - partial: the shorter side is at most PARTIAL_LENGTH of the longer and at
      least PARTIAL_COVERAGE of its words stand in order in it (a trimmed or
      extended copy, or one half of a split sentence): "In the final, the visitors
      won the toss and chose to bat." inside "In the final on Sunday, the visitors
      won the toss, chose to bat and made 274 for 5 in their 50 overs."
    - similar: a rewrite; the `evidence`, weighed by EVIDENCE_WEIGHTS, gives a reuse
      probability of at least `cutoffs.similar` percent (the score is that
      probability). Pairs under EVIDENCE_FLOOR or SIMILAR_MIN_JACCARD are not rewrites.

    A flipped negation ("did not claim" / "has claimed") is never near or
    partial: the claim changed, so at most similar. Sentences too short to
    match (profile.long_enough) are only ever exact.

    The evidence, in EVIDENCE_WEIGHTS' order (BLEU-like word overlap, as in
    MT-metric paraphrase work, Madnani et al. 2012): shared words (with
    repeats) over the longer side's word count; shared distinct word 3-grams
    over the longer side's count of them; word-level edit distance over the
    mean word count (TER-like); figures on one side only; whether one side
    negates and the other does not; Jaccard of character 3-grams; the
    geometric mean over n = 1..4 of (F of distinct word n-grams + 0.01).
    """
    n = len(left)
    if not n:
        return Checked(np.zeros(0, bool), {}, np.zeros(0, np.int64))
    texts = np.asarray(texts, dtype=object)  # (picked from by the pairs' positions)
    counted, _, logit, equal = _count(
        texts, left, right, SIMILAR_MIN_JACCARD, PARTIAL_MIN_CONTAINMENT, ids
    )
    overlapping = counted[:, kernel.OVERLAPPING].astype(bool)
    verdicts = {int(p): Verdict("exact", 100.0) for p in np.flatnonzero(equal)}
    open_ = overlapping & ~equal & counted[:, kernel.BOTH_LONG].astype(bool)
    flipped = counted[:, kernel.FLIPPED].astype(bool)
    ratio = np.zeros(n)
    ratio[open_] = _scores(texts, left, right, open_, fuzz.ratio)
    near = open_ & ~flipped & (ratio >= cutoffs.near)
    for p in np.flatnonzero(near).tolist():
        verdicts[p] = Verdict("near", round(float(ratio[p]), 1))
    reordering = open_ & ~flipped & ~near
    reordered = np.zeros(n)
    reordered[reordering] = _scores(
        texts, left, right, reordering, fuzz.token_sort_ratio, REORDER_SCORE
    )
    for p in np.flatnonzero(reordered > 0).tolist():
        verdicts[p] = Verdict("near", round(float(reordered[p]), 1))
    open_ &= ~near & (reordered == 0)
    shorter, longer = counted[:, kernel.SHORTER], counted[:, kernel.LONGER]
    lcs = counted[:, kernel.LCS]
    may_be_partial = open_ & (shorter <= PARTIAL_LENGTH * longer)
    may_be_partial[may_be_partial] &= (
        lcs[may_be_partial] / shorter[may_be_partial] >= PARTIAL_COVERAGE
    )
    for p in np.flatnonzero(may_be_partial).tolist():
        a, b = texts[left[p]], texts[right[p]]
        short, long = sorted((profile(a).words, profile(b).words), key=len)
        coverage, flipped_inside = _coverage(short, long)
        if coverage >= PARTIAL_COVERAGE and not flipped_inside:
            verdicts[p] = Verdict("partial", round(100 * coverage, 1))
            open_[p] = False
    shared = counted[:, kernel.SHARED]
    union = counted[:, kernel.UNION]
    rewrite = (
        open_
        & (ratio >= EVIDENCE_FLOOR)  # no rewrite people judged the same sentence scored lower
        & (shared >= SIMILAR_MIN_JACCARD * union)
        & (logit >= _logit(cutoffs.similar))
    )
    for p in np.flatnonzero(rewrite).tolist():
        verdicts[p] = Verdict("similar", round(100 / (1 + math.exp(-float(logit[p]))), 1))
    return Checked(overlapping, verdicts, lcs)


def evidence(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """The weighed evidence (`verify_batch`) of pairs of unequal folded sentences,
    overlapping or not: a float array (pairs, 7), in EVIDENCE_WEIGHTS' order
    (bench/msrp.py fits the weights on it)."""
    return _count(*_flat(pairs), 0.0, 0.0)[1]


def _flat(pairs: Sequence[tuple[str, str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Pairs of texts as one list (a, b, a, b, ...) and the positions of each side."""
    texts = [text for pair in pairs for text in pair]
    return texts, np.arange(0, len(texts), 2), np.arange(1, len(texts), 2)


def _count(
    texts: Sequence[str],
    left: np.ndarray,
    right: np.ndarray,
    jaccard: float,
    containment: float,
    ids: np.ndarray | None = None,
):
    """The kernel's counts (kernel.count_pairs) for pairs of folded texts given by
    position: (counted, measures, logit, equal), `equal` saying which pairs hold
    one text twice. `ids` are the texts' ids in SENTENCES, where the caller has
    them (inside its batch)."""
    with SENTENCES.batch(len(texts)):
        if ids is None:
            ids = SENTENCES.ids(texts)
        left, right = ids[left], ids[right]
        counted, measures, logit = kernel.count_pairs(
            *SENTENCES.arrays(), left, right, jaccard, containment, _WEIGHTS, EVIDENCE_BIAS
        )
    return counted, measures, logit, left == right


def _scores(
    texts: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    chosen: np.ndarray,
    scorer,
    cutoff: float = 0,
) -> np.ndarray:
    """`scorer` (a rapidfuzz ratio, 0-100) of the chosen pairs, in C; 0 under `cutoff`."""
    picked = np.flatnonzero(chosen)
    if not len(picked):
        return np.zeros(0)
    return cpdist(
        texts[left[picked]],
        texts[right[picked]],
        scorer=scorer,
        score_cutoff=cutoff,
        dtype=np.float64,
        workers=-1 if len(picked) >= PARALLEL_PAIRS else 1,
    )


def _logit(percent: float) -> float:
    return math.log(percent / (100 - percent))


def _coverage(short: Sequence[str], long: Sequence[str]) -> tuple[float, bool]:
    """How much of `short` stands in order in `long` (0-1), and whether the
    negation differs within the stretch of `long` that `short` covers (a
    negation in the part an editor cut is no flip). Words scattered over a
    stretch of `long` more than 1/PARTIAL_DENSITY times their number count as
    no coverage: unrelated sentences share phrases that way."""
    blocks = [block for block in LCSseq.opcodes(short, long) if block.tag == "equal"]
    # A lone word aligned far from the rest ("the" at the start of `long`) is
    # the alignment's chance, not part of the copy.
    while len(blocks) > 1 and _stray(blocks[0], blocks[1]):
        blocks.pop(0)
    while len(blocks) > 1 and _stray(blocks[-1], blocks[-2]):
        blocks.pop()
    common = sum(block.src_end - block.src_start for block in blocks)
    if not blocks:
        return 0.0, False
    span = long[blocks[0].dest_start : blocks[-1].dest_end]
    if common < PARTIAL_DENSITY * len(span):  # scattered: a shared phrase, not a copy
        return 0.0, False
    return common / len(short), negated(short) != negated(span)


def _stray(edge, neighbour) -> bool:
    """An edge block of one word standing more than two words away from the next."""
    gap = max(neighbour.dest_start - edge.dest_end, edge.dest_start - neighbour.dest_end)
    return edge.src_end - edge.src_start == 1 and gap > 2


def score_pair(a: str, b: str, cutoffs: Cutoffs = DEFAULT_CUTOFFS) -> Verdict | None:
    """Two folded sentences' verdict (`verify_batch` of one pair); None when they are
    not one sentence reused."""
    return verify_batch([(a, b)], cutoffs).verdicts.get(0)


def verify(a_text: str, b_text: str) -> Verdict | None:
    """`score_pair` on two original sentences (for benchmarks, tests and one-off checks)."""
    return score_pair(fold(a_text), fold(b_text))
