"""The verifier: is a candidate pair one sentence reused, and how?

Editors do four things to wire sentences, and one score cannot see them all
(measured on the MSRP news pairs, bench/msrp.py): they edit a word or two
(`fuzz.ratio` sees that), trim or extend a sentence (the shorter side's words
stand in order in the longer one: word-level LCS coverage), move a clause
(the same words in another order: `fuzz.token_sort_ratio`), and rewrite.
What is *not* reuse looks like it: one frame with other names and numbers (a
template: match reports, market reports) and a flipped negation. The kinds and
their thresholds live in tui/match/kinds.py.

Two stages, so the engine can stop early: `score_pair` works on folded text
alone (all the index keeps); `check_names` needs the original text, for the
capitals that tell names apart, and runs only on the pairs that passed.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from tui.match.kinds import (
    ANCHOR_DISTANCE,
    EVIDENCE_BIAS,
    EVIDENCE_FLOOR,
    EVIDENCE_WEIGHTS,
    MIN_CHARACTERS,
    MIN_WORDS,
    NEAR_SCORE,
    PARTIAL_COVERAGE,
    PARTIAL_DENSITY,
    PARTIAL_LENGTH,
    PARTIAL_RATIO_WEIGHT,
    PROFILE_CACHE,
    REORDER_SCORE,
    SIMILAR_MIN_JACCARD,
    SIMILAR_PROBABILITY,
    Kind,
)
from tui.text.normalize import UNSPACED_CHARACTER, WORD_PATTERN, fold


# Words that negate, in the languages of tests/multilingual.py and more. A pair
# where one side negates and the other does not is a flipped claim.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


NEGATIONS = _word_set(
    "not no never nor neither without cannot none nobody nothing "  # en
    "ne pas jamais aucun sans "  # fr
    "nicht kein keine keinen keiner nie niemals ohne "  # de
    "nunca ningún ninguna sin "  # es, pt
    "non mai senza "  # it
    "не нет ни никогда без "  # ru
    "नहीं न मत "  # hi
    "نہیں نہ "  # ur
    "لا لم لن ليس ليست "  # ar
    "不 没 未 无"  # zh (one character a token)
)


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
    """A sentence's profile, cached: the library's wire sentences are candidates again and again."""
    words = tuple(tokens(folded))
    return Profile(
        words,
        frozenset(words),
        frozenset(word for word in words if word[:1].isdigit()),
        _negated(words),
        long_enough(folded, len(words)),
    )


def evidence(a: str, b: str, pa: Profile, pb: Profile) -> tuple[float, ...]:
    """The cheap measures the `similar` decision weighs, each 0-1, in EVIDENCE_WEIGHTS' order.

    Character edits (`fuzz.ratio`), word order ignored (`token_sort_ratio`,
    `token_set_ratio`), in-order word coverage of the shorter and of the longer
    side (LCS), the length ratio, word-set Jaccard and containment, and
    whether the figures or a negation differ. `reuse_score` adds the best
    aligned window (`partial_ratio`). No single one separates reuse from
    same-story sentences on MSRP (0.70-0.73 accuracy each); weighed together
    they reach 0.752 in 10-fold cross-validation.
    """
    short, long = sorted((pa.words, pb.words), key=len)
    common = LCSseq.similarity(pa.words, pb.words)
    set_a, set_b = pa.vocabulary, pb.vocabulary
    return (
        fuzz.ratio(a, b) / 100,
        fuzz.token_sort_ratio(a, b) / 100,
        fuzz.token_set_ratio(a, b) / 100,
        common / len(short),
        common / len(long),
        len(short) / len(long),
        len(set_a & set_b) / len(set_a | set_b),
        len(set_a & set_b) / min(len(set_a), len(set_b)),
        float(pa.numbers != pb.numbers),
        float(pa.negated != pb.negated),
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


def reuse_score(a: str, b: str, pa: Profile, pb: Profile, ratio: float) -> float | None:
    """How likely (0-100) people would call the pair one sentence, or None below
    SIMILAR_PROBABILITY: a logistic regression over `evidence` and `partial_ratio`.

    `partial_ratio` is the costly measure (about 50 µs a pair) and its weight is
    negative, while it is never below `ratio`: it is computed only when the
    decision still depends on it.
    """
    z = EVIDENCE_BIAS + sum(
        w * x for w, x in zip(EVIDENCE_WEIGHTS, evidence(a, b, pa, pb), strict=True)
    )
    if z + PARTIAL_RATIO_WEIGHT * ratio / 100 < _THRESHOLD:
        return None
    z += PARTIAL_RATIO_WEIGHT * fuzz.partial_ratio(a, b) / 100
    return None if z < _THRESHOLD else round(100 / (1 + math.exp(-z)), 1)


_THRESHOLD = math.log(SIMILAR_PROBABILITY / (1 - SIMILAR_PROBABILITY))
assert PARTIAL_RATIO_WEIGHT <= 0, "reuse_score's shortcut needs a non-positive weight"


def score_pair(a: str, b: str) -> Verdict | None:
    """Score two folded sentences; None when they are not one sentence reused.

    - exact: equal after folding.
    - near: `fuzz.ratio` ≥ NEAR_SCORE (a word or comma changed), or the same words
      in another order (`token_sort_ratio` ≥ REORDER_SCORE): "At the pier in
      Seabright, samples showed …" and "Samples showed … at the pier in Seabright."
    - partial: the shorter side is at most PARTIAL_LENGTH of the longer and at
      least PARTIAL_COVERAGE of its words stand in order in it (a trimmed or
      extended copy, or one half of a split sentence): "In the final, the visitors
      won the toss and chose to bat." inside "In the final on Sunday, the visitors
      won the toss, chose to bat and made 274 for 5 in their 50 overs."
    - similar: a rewrite; the weighed `evidence` gives a reuse probability of at
      least SIMILAR_PROBABILITY (the score is that probability in percent). Pairs
      under EVIDENCE_FLOOR or SIMILAR_MIN_JACCARD are not weighed at all.

    A flipped negation ("did not claim" / "has claimed") is never near or
    partial: the claim changed, so at most similar.
    """
    if a == b:
        return Verdict("exact", 100.0)
    pa, pb = profile(a), profile(b)
    if not (pa.long_enough and pb.long_enough):
        return None
    flipped = pa.negated != pb.negated
    ratio = fuzz.ratio(a, b)
    if not flipped:
        if ratio >= NEAR_SCORE:
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
    shared = len(pa.vocabulary & pb.vocabulary)
    if shared < SIMILAR_MIN_JACCARD * (len(pa.vocabulary) + len(pb.vocabulary) - shared):
        return None
    score = reuse_score(a, b, pa, pb, ratio)
    return None if score is None else Verdict("similar", score)


# A capitalised word that is not a name: calendar words change in real copies.
_CALENDAR = _word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*")


def _names(text: str, first: bool = False) -> set[str]:
    """Capitalised words outside the calendar: "Riverton", "Harbour". The first
    word, and a word opening a quotation or following a colon, are capitalised
    anyway, so they count only with `first`."""
    found = set()
    for index, match in enumerate(_CAPITALISED.finditer(text)):
        word = match.group()
        opening = index == 0 or text[: match.start()].rstrip()[-1:] in _OPENERS
        if (first or not opening) and word[0].isupper() and word.lower() not in _CALENDAR:
            found.add(fold(word))
    return found


_OPENERS = frozenset(":\"“‘'«„(")


def _share_a_name(a: set[str], b: set[str]) -> bool:
    """Whether a name stands on both sides; a spelling change (Varga, Vargas) counts."""
    return any(fuzz.ratio(x, y) >= 80 for x in a for y in b)


def check_names(verdict: Verdict, a_text: str, b_text: str) -> Verdict | None:
    """Reject a template: other names *and* other numbers in one frame.

    Both sides name someone and share no name, and both carry figures and
    share none: "In reply, Riverton reached the target in 24.3 overs for the
    loss of 5 wickets." / "In reply, the Harbour women's team reached the
    target in 18.4 overs for the loss of 3 wickets." A changed figure or
    weekday alone is a copy with changed facts, and a respelt name (Varga,
    Vargas) is still the same name. Names alone decide nothing: on MSRP,
    rejecting every pair whose capitalised words differ cost 2 points of
    accuracy. Exact pairs are never templates.
    """
    if verdict.kind == "exact":
        return verdict
    numbers_a, numbers_b = set(_NUMBER.findall(a_text)), set(_NUMBER.findall(b_text))
    if not numbers_a or not numbers_b or numbers_a & numbers_b:
        return verdict
    names_a, names_b = _names(a_text), _names(b_text)
    if names_a and names_b and not _share_a_name(names_a, names_b):
        return None
    return verdict


def frame_like(a_text: str, b_text: str) -> bool:
    """Whether a verified pair could be two fillings of one frame rather than a copy:
    each side has a figure the other lacks (a trimmed copy only loses some), or
    both sides name someone and share no name. On its own such a pair may be a
    copy with a changed fact; `in_context` decides by the article.
    """
    numbers_a, numbers_b = set(_NUMBER.findall(a_text)), set(_NUMBER.findall(b_text))
    if numbers_a - numbers_b and numbers_b - numbers_a:
        return True
    names_a, names_b = _names(a_text), _names(b_text)
    # "Yersinia pestis, per the WHO, …" keeps the name a copy's first word held
    return (
        bool(names_a and names_b)
        and not _share_a_name(names_a, _names(b_text, first=True))
        and not _share_a_name(names_b, _names(a_text, first=True))
    )


def in_context(pairs: Sequence[tuple[int, int, bool]]) -> list[bool]:
    """Which of the sentence pairs two articles share are reuse, judged by the article.

    `pairs` gives each verified pair as (position in one article, position in
    the other, `frame_like`); positions are sentence numbers (or ids, which
    run in reading order). A frame-like pair is reuse only where it stands
    in a copied passage: within ANCHOR_DISTANCE sentences, on both sides, of
    a pair that changes no figure or name. There it is a copy with a changed
    fact ("12,000" → "15,000" in a reworked wire story). Alone it is the
    frame of another report: two match reports, market reports or forecasts
    share "Shares in Acme closed 2.1 percent higher …" / "… 0.4 percent lower
    …" and, between them, nothing else. Returns one flag per pair.
    """
    anchors = [(here, there) for here, there, like in pairs if not like]
    return [
        not like
        or any(
            abs(here - a) <= ANCHOR_DISTANCE and abs(there - b) <= ANCHOR_DISTANCE
            for a, b in anchors
        )
        for here, there, like in pairs
    ]


def verify(a_text: str, b_text: str) -> Verdict | None:
    """Both stages on two original sentences (for benchmarks, tests and one-off checks)."""
    verdict = score_pair(fold(a_text), fold(b_text))
    return None if verdict is None else check_names(verdict, a_text, b_text)
