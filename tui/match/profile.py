"""One folded sentence as the verifier reads it, worked out once and cached.

`profile` holds its words and what the decision asks of them (figures,
negation, whether it is long enough to match); `SENTENCES` (a SentenceArena)
the same sentence as the compiled kernel counts it (tui/match/kernel.py), with
each word given an integer id the first time any sentence holds it.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
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


class SentenceArena:
    """Every folded sentence the verifier has read lately, as the compiled kernel
    reads it (tui/match/kernel.py), kept in four flat int64 arrays so that a
    batch of pairs is counted without copying any sentence:

    - `sets` holds each sentence's `kernel.sentence_sets` from `set_starts[id]`;
    - `words` holds its word ids in reading order, from `word_starts[id]` to
      `word_starts[id + 1]`.

    A sentence gets its id (`ids`) the first time it is asked for: about 2 KB and
    10 µs to build, and a stored sentence is a candidate of many new ones.
    Work on ids is done inside `batch()`, which holds the arena for one thread:
    past SETS_CACHE sentences the arena starts afresh (its `generation` counts
    how often) as a batch begins, never within one, so a batch's ids stay valid
    to its end. Growing makes new arrays, copying the old.
    """

    def __init__(self, limit: int = SETS_CACHE) -> None:
        self.limit = limit
        self.generation = 0
        self._lock = threading.RLock()
        self._depth = 0  # batches open in the thread holding the lock
        self._reset()

    def clear(self) -> None:
        """Forget every sentence (benchmarks start cold with it)."""
        with self._lock:
            self._reset()

    def _reset(self) -> None:
        self.generation += 1
        self._ids: dict[str, int] = {}
        self._sets = np.zeros(1 << 16, np.int64)
        self._set_starts = np.zeros(1 << 8, np.int64)
        self._words = np.zeros(1 << 12, np.int64)
        self._word_starts = np.zeros(1 << 8, np.int64)
        self._sets_used = 0

    @contextmanager
    def batch(self, size: int) -> Iterator[SentenceArena]:
        """Hold the arena for a batch of up to `size` new sentences (nested batches
        are part of the outer one)."""
        with self._lock:
            if not self._depth and len(self._ids) + size > self.limit:
                self._reset()
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1

    def ids(self, texts: Sequence[str]) -> np.ndarray:
        """The ids of folded sentences (int64, one per text; equal texts, equal ids)."""
        with self.batch(len(texts)):
            found = list(map(self._ids.get, texts))
            if None in found:
                for at, known in enumerate(found):
                    if known is None:
                        found[at] = self._add(texts[at])
            return np.array(found, np.int64)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """What ids point into, for the batch open: (sets, set_starts, words, word_starts)."""
        assert self._depth, "read the arrays inside a batch"
        return self._sets, self._set_starts, self._words, self._word_starts

    def _add(self, folded: str) -> int:
        known = self._ids.get(folded)  # (a text asked for twice in one batch)
        if known is not None:
            return known
        found = profile(folded)
        words, figures = _ids_of(found.words), _ids_of(found.numbers)
        # (surrogatepass: a lone surrogate is a code point like any other here)
        chars = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), np.uint32)
        sets = sentence_sets(
            words, chars.astype(np.int64), figures, found.long_enough, found.negated
        )
        new = len(self._ids)
        self._set_starts = _grown(self._set_starts, new + 1)
        self._word_starts = _grown(self._word_starts, new + 2)
        start, word_start = self._sets_used, self._word_starts[new]
        self._sets = _grown(self._sets, start + len(sets))
        self._words = _grown(self._words, word_start + len(words))
        self._sets[start : start + len(sets)] = sets
        self._words[word_start : word_start + len(words)] = words
        self._set_starts[new] = start
        self._word_starts[new + 1] = word_start + len(words)
        self._sets_used = start + len(sets)
        self._ids[folded] = new
        return new


def _grown(values: np.ndarray, needed: int) -> np.ndarray:
    """`values`, or a copy at least twice as long once `needed` places do not fit
    (a new array: ids handed out earlier keep pointing into the old one)."""
    if needed <= len(values):
        return values
    grown = np.zeros(max(needed, 2 * len(values)), values.dtype)
    grown[: len(values)] = values
    return grown


SENTENCES = SentenceArena()  # the process's arena: ids of words and sentences are process-wide


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
