"""Keys that let a sentence find its copies without comparing against everything.

A sentence is indexed by hashes of its word 3-grams (shingles) and by a hash
of its whole folded text. Hashes must be stable across processes (they are
stored), so Python's salted `hash()` will not do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tui.match.kinds import MIN_WORDS
from tui.text.normalize import fold, words

SHINGLE_WORDS = 3


def stable_hash(text: str) -> int:
    """A signed 64-bit hash that fits an SQLite INTEGER and never changes."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(frozen=True)
class SentenceKey:
    """What matching needs to know about one sentence."""

    sentence_id: int
    folded: str
    fold_hash: int | None  # None: too short to ever match
    shingles: frozenset[int]


def sentence_key(sentence_id: int, text: str) -> SentenceKey:
    folded = fold(text)
    tokens = words(folded)
    if len(tokens) < MIN_WORDS:
        return SentenceKey(sentence_id, folded, None, frozenset())
    grams = {
        " ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }
    return SentenceKey(
        sentence_id, folded, stable_hash(folded), frozenset(stable_hash(g) for g in grams)
    )
