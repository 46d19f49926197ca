"""The verifier: is a candidate pair one sentence reused, and how?

Editors do four things to wire sentences, and one score cannot see them all
(measured on the MSRP news pairs, bench/msrp.py): they edit a word or two
(`fuzz.ratio` sees that), trim or extend a sentence (the shorter side's words
stand in order in the longer one: word-level LCS coverage), move a clause
(the same words in another order: `fuzz.token_sort_ratio`), and rewrite.
What is *not* reuse looks like it: one frame with other names and numbers (a
template: match reports, market reports) and a flipped negation. The kinds and
their thresholds live in tui/match/kinds.py.

`score_pair` works on folded text alone (all the index keeps). Whether a
verified pair is reuse or two fillings of one frame, and whether it may stand
alone, is for the library to say (how rare its words are, what else the two
articles share): tui/match/judge.py.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq, Levenshtein

from tui.match.fact_words import NEGATIONS
from tui.match.kinds import (
    DEFAULT_CUTOFFS,
    EVIDENCE_BIAS,
    EVIDENCE_FLOOR,
    EVIDENCE_WEIGHTS,
    MIN_CHARACTERS,
    MIN_WORDS,
    OVERLAPS_CACHE,
    PARTIAL_COVERAGE,
    PARTIAL_DENSITY,
    PARTIAL_LENGTH,
    PARTIAL_MIN_CONTAINMENT,
    PROFILE_CACHE,
    REORDER_SCORE,
    SIMILAR_MIN_JACCARD,
    Cutoffs,
    Kind,
)
from tui.text.normalize import UNSPACED_CHARACTER, WORD_PATTERN, fold


@dataclass(frozen=True)
class Verdict:
    """A verified pair: its kind and a 0-100 score (coverage in percent for `partial`)."""

    kind: Kind
    score: float


def tokens(folded: str) -> list[str]:
    """The tokens of folded text: words, or characters of unspaced scripts."""
    return WORD_PATTERN.findall(folded)


def long_enough(folded: str, count: int) -> bool:
    """Whether a sentence of `count` tokens may match at all (MIN_WORDS / MIN_CHARACTERS)."""
    return count >= (MIN_CHARACTERS if UNSPACED_CHARACTER.search(folded) else MIN_WORDS)


def _negated(words: Iterable[str]) -> bool:
    return not NEGATIONS.isdisjoint(words) or any(
        word.endswith("n't") for word in words if "'" in word
    )


# A figure as printed: "1,250", "3.5", "2003" (digits survive folding).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Profile:
    """What the verifier reads of one folded sentence, worked out once (see `profile`)."""

    words: tuple[str, ...]
    vocabulary: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    long_enough: bool


@functools.lru_cache(maxsize=PROFILE_CACHE)
def profile(folded: str) -> Profile:
    """A sentence's profile, cached: the library's wire sentences are candidates again and
    again. Its words are interned, so the cache holds one copy of each word."""
    words = tuple(map(sys.intern, tokens(folded)))
    return Profile(
        words,
        frozenset(words),
        frozenset(_FIGURE.findall(folded)),
        _negated(words),
        long_enough(folded, len(words)),
    )


@dataclass(frozen=True, slots=True)
class Overlaps:
    """What `evidence` counts in one sentence: only the pairs that get that far need it."""

    counts: Counter  # word -> occurrences
    grams: tuple[frozenset, frozenset, frozenset]  # distinct word 2-, 3- and 4-grams
    trigrams: frozenset[tuple[str, str, str]]  # distinct character 3-grams (folded)


@functools.lru_cache(maxsize=OVERLAPS_CACHE)
def overlaps(folded: str) -> Overlaps:
    """A sentence's n-grams for `evidence`, cached apart from `profile`: they cost
    about 100 µs and 15 KB a sentence, and most candidates never need them."""
    words = profile(folded).words
    return Overlaps(
        Counter(words),
        (
            frozenset(zip(words, words[1:], strict=False)),
            frozenset(zip(words, words[1:], words[2:], strict=False)),
            frozenset(zip(words, words[1:], words[2:], words[3:], strict=False)),
        ),
        frozenset(zip(folded, folded[1:], folded[2:], strict=False)),
    )


def _f_score(shared: int, size_a: int, size_b: int) -> float:
    """Harmonic mean of the two sides' precisions (shared / own size)."""
    return 2 * shared / (size_a + size_b) if shared else 0.0


def evidence(a: str, b: str, pa: Profile, pb: Profile) -> tuple[float, ...]:
    """The cheap measures the reuse decision weighs, in EVIDENCE_WEIGHTS' order.

    BLEU-like word overlap (as in MT-metric paraphrase work, Madnani et al. 2012):
    1. shared words (counted with repeats) over the longer side's word count;
    2. shared distinct word 3-grams over the longer side's count of them;
    3. word-level edit distance over the mean word count (TER-like);
    4. how many figures stand on one side only ("1,250", "3.5");
    5. whether one side negates and the other does not;
    6. Jaccard of the character 3-grams of the folded text;
    7. the geometric mean over n = 1..4 of (F of distinct word n-grams + 0.01).
    Weighed together they reach 0.770 on MSRP in 10-fold cross-validation (every
    pair admitted); the measures of the old rule (ratios, LCS, Jaccard) add nothing.
    """
    wa, wb = pa.words, pb.words
    oa, ob = overlaps(a), overlaps(b)
    longer = max(len(wa), len(wb))
    scores = [_f_score(len(pa.vocabulary & pb.vocabulary), len(pa.vocabulary), len(pb.vocabulary))]
    for ga, gb in zip(oa.grams, ob.grams, strict=True):
        scores.append(_f_score(len(ga & gb), len(ga), len(gb)))
    shared_trigrams = len(oa.grams[1] & ob.grams[1])
    chars = len(oa.trigrams & ob.trigrams)
    return (
        sum(min(oa.counts[w], ob.counts[w]) for w in pa.vocabulary & pb.vocabulary) / longer,
        shared_trigrams / max(1, len(oa.grams[1]), len(ob.grams[1])),
        2 * Levenshtein.distance(wa, wb) / (len(wa) + len(wb)),
        float(len(pa.numbers ^ pb.numbers)),
        float(pa.negated != pb.negated),
        chars / max(1, len(oa.trigrams) + len(ob.trigrams) - chars),
        math.exp(sum(math.log(x + 0.01) for x in scores) / 4),
    )


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
    return common / len(short), _negated(short) != _negated(span)


def _stray(edge, neighbour) -> bool:
    """An edge block of one word standing more than two words away from the next."""
    gap = max(neighbour.dest_start - edge.dest_end, edge.dest_start - neighbour.dest_end)
    return edge.src_end - edge.src_start == 1 and gap > 2


def reuse_score(
    a: str, b: str, pa: Profile, pb: Profile, similar: float = Cutoffs.similar
) -> float | None:
    """How likely (0-100) people would call the pair one sentence, or None below
    `similar` percent (Cutoffs.similar): a logistic regression over `evidence`."""
    z = EVIDENCE_BIAS + sum(
        w * x for w, x in zip(EVIDENCE_WEIGHTS, evidence(a, b, pa, pb), strict=True)
    )
    return None if z < _logit(similar) else round(100 / (1 + math.exp(-z)), 1)


@functools.cache
def _logit(percent: float) -> float:
    return math.log(percent / (100 - percent))


def overlapping(a: str, b: str) -> bool:
    """Whether two folded sentences' word sets overlap enough for any kind of reuse.

    Most candidates share a phrase and little else: no kind is possible when
    the word sets overlap less than SIMILAR_MIN_JACCARD of their union and
    less than PARTIAL_MIN_CONTAINMENT of the smaller (a copy keeps most words
    of the shorter side, a rewrite a fifth of all). Sets cost a microsecond.
    """
    va, vb = profile(a).vocabulary, profile(b).vocabulary
    shared = len(va & vb)
    union = len(va) + len(vb) - shared
    return shared >= SIMILAR_MIN_JACCARD * union or shared >= PARTIAL_MIN_CONTAINMENT * min(
        len(va), len(vb)
    )


def score_pair(a: str, b: str, cutoffs: Cutoffs = DEFAULT_CUTOFFS) -> Verdict | None:
    """Score two folded sentences; None when they are not one sentence reused.

    - exact: equal after folding.
    - near: `fuzz.ratio` ≥ `cutoffs.near` (a word or comma changed), or the same words
      in another order (`token_sort_ratio` ≥ REORDER_SCORE): "At the pier in
      Seabright, samples showed …" and "Samples showed … at the pier in Seabright."
    - partial: the shorter side is at most PARTIAL_LENGTH of the longer and at
      least PARTIAL_COVERAGE of its words stand in order in it (a trimmed or
      extended copy, or one half of a split sentence): "In the final, the visitors
      won the toss and chose to bat." inside "In the final on Sunday, the visitors
      won the toss, chose to bat and made 274 for 5 in their 50 overs."
    - similar: a rewrite; the weighed `evidence` gives a reuse probability of at
      least `cutoffs.similar` percent (the score is that probability). Pairs
      under EVIDENCE_FLOOR or SIMILAR_MIN_JACCARD are not weighed at all.

    A flipped negation ("did not claim" / "has claimed") is never near or
    partial: the claim changed, so at most similar.
    """
    return score_overlapping(a, b, cutoffs) if a == b or overlapping(a, b) else None


def score_overlapping(a: str, b: str, cutoffs: Cutoffs = DEFAULT_CUTOFFS) -> Verdict | None:
    """`score_pair` for two folded sentences already found `overlapping` (or equal):
    the matcher tests every candidate's overlap first, for passages too, and a
    stored text is a candidate of many new sentences."""
    if a == b:
        return Verdict("exact", 100.0)
    pa, pb = profile(a), profile(b)
    if not (pa.long_enough and pb.long_enough):
        return None
    shared = len(pa.vocabulary & pb.vocabulary)
    union = len(pa.vocabulary) + len(pb.vocabulary) - shared
    flipped = pa.negated != pb.negated
    ratio = fuzz.ratio(a, b)
    if not flipped:
        if ratio >= cutoffs.near:
            return Verdict("near", round(ratio, 1))
        reordered = fuzz.token_sort_ratio(a, b, score_cutoff=REORDER_SCORE)
        if reordered:
            return Verdict("near", round(reordered, 1))
    short, long = sorted((pa.words, pb.words), key=len)
    if len(short) <= PARTIAL_LENGTH * len(long):
        coverage, flipped_inside = _coverage(short, long)
        if coverage >= PARTIAL_COVERAGE and not flipped_inside:
            return Verdict("partial", round(100 * coverage, 1))
    if ratio < EVIDENCE_FLOOR:  # no rewrite people judged the same sentence scored lower
        return None
    if shared < SIMILAR_MIN_JACCARD * union:
        return None
    score = reuse_score(a, b, pa, pb, cutoffs.similar)
    return None if score is None else Verdict("similar", score)


def verify(a_text: str, b_text: str) -> Verdict | None:
    """`score_pair` on two original sentences (for benchmarks, tests and one-off checks)."""
    return score_pair(fold(a_text), fold(b_text))
