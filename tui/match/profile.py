"""One folded sentence as the verifier reads it, worked out once and cached.

`profile` holds its words and what the decision asks of them (figures,
negation, whether it is long enough to match); `sentence_arrays` the same
sentence as the compiled kernel counts it (tui/match/kernel.py), with each
word given an integer id the first time any sentence holds it.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np

from tui.match.fact_words import NEGATIONS
from tui.match.kernel import sentence_sets
from tui.match.kinds import (
    MIN_CHARACTERS,
    MIN_WORDS,
    PARTIAL_MIN_CONTAINMENT,
    PROFILE_CACHE,
    SETS_CACHE,
    SIMILAR_MIN_JACCARD,
)
from tui.text.normalize import UNSPACED_CHARACTER, WORD_PATTERN

# A figure as printed: "1,250", "3.5", "2003" (digits survive folding).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_IDS: dict[str, int] = {}  # every word and figure a sentence has held -> its id


def tokens(folded: str) -> list[str]:
    """The tokens of folded text: words, or characters of unspaced scripts."""
    return WORD_PATTERN.findall(folded)


def long_enough(folded: str, count: int) -> bool:
    """Whether a sentence of `count` tokens may match at all (MIN_WORDS / MIN_CHARACTERS)."""
    return count >= (MIN_CHARACTERS if UNSPACED_CHARACTER.search(folded) else MIN_WORDS)


def negated(words: Iterable[str]) -> bool:
    """Whether words hold a negation ("not", "never", "n't", "ни", "नहीं"...)."""
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
    """A sentence's profile, cached: the library's wire sentences are candidates again and
    again. Its words are interned, so the cache holds one copy of each word."""
    words = tuple(map(sys.intern, tokens(folded)))
    return Profile(
        words,
        frozenset(words),
        frozenset(_FIGURE.findall(folded)),
        negated(words),
        long_enough(folded, len(words)),
    )


@functools.lru_cache(maxsize=SETS_CACHE)
def sentence_arrays(folded: str) -> tuple[np.ndarray, np.ndarray]:
    """A folded sentence for the kernel: its word ids in reading order (int64), and
    its sorted sets (`kernel.sentence_sets`). About 2 KB, cached: a stored
    sentence is a candidate of many new ones."""
    found = profile(folded)
    words, figures = _ids_of(found.words), _ids_of(found.numbers)
    # (surrogatepass: a lone surrogate is a code point like any other here)
    chars = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.int64)
    return words, sentence_sets(words, chars, figures, found.long_enough, found.negated)


def _ids_of(words: Collection[str]) -> np.ndarray:
    """Words' ids (int64), each new word given the next."""
    ids = _IDS
    for word in words:
        if word not in ids:
            ids[word] = len(ids)
    return np.fromiter(map(ids.__getitem__, words), np.int64)


def overlapping(a: str, b: str) -> bool:
    """Whether two folded sentences' word sets overlap enough for any kind of reuse.

    Most candidates share a phrase and little else: no kind is possible when
    the word sets overlap less than SIMILAR_MIN_JACCARD of their union and
    less than PARTIAL_MIN_CONTAINMENT of the smaller (a copy keeps most words
    of the shorter side, a rewrite a fifth of all). The kernel tests the same
    for a batch (kernel.count_pairs).
    """
    va, vb = profile(a).vocabulary, profile(b).vocabulary
    shared = len(va & vb)
    union = len(va) + len(vb) - shared
    return shared >= SIMILAR_MIN_JACCARD * union or shared >= PARTIAL_MIN_CONTAINMENT * min(
        len(va), len(vb)
    )
