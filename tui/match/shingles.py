"""Keys that let a sentence find its copies without comparing against everything.

A sentence is indexed by hashes of its word 2-grams (shingles) and by a hash
of its whole folded text. 2-grams, not 3-grams: a rewrite that changes a
word in four breaks most 3-grams of a short sentence (on the Markov corpus,
three shared 3-grams admitted 0.81 of the rewrites, three shared 2-grams
0.98). Hashes must be stable across processes (they are stored), so Python's
salted `hash()` will not do.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from tui.clean.boilerplate import is_furniture
from tui.match.kinds import MIN_CHARACTERS, MIN_WORDS
from tui.text.normalize import UNSPACED_CHARACTER, fold
from tui.text.normalize import WORD_PATTERN as _WORD


def stable_hash(text: str) -> int:
    """A signed 64-bit hash that fits an SQLite INTEGER and never changes."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(frozen=True)
class SentenceKey:
    """What matching needs to know about one sentence.

    Computed from the text alone, so it can be worked out before the sentence
    is stored (in a cleaning worker process) and written with it.
    """

    folded: str
    fold_hash: int | None  # None: never matched (too short, or page furniture)
    shingles: bytes  # the 2-gram hashes, packed as stored (see `pack`)
    quoted: str = ""  # one "0"/"1" per token: inside quotation marks (tui/match/quotes.py)

    @property
    def hashes(self) -> array:
        return unpack(self.shingles)

    @property
    def columns(self) -> tuple[str | None, int | None, bytes | None, str | None]:
        """The sentence's matching columns as stored (folded, fold_hash, shingles,
        quoted): all NULL for a sentence too short to ever match."""
        if self.fold_hash is None:
            return None, None, None, None
        return self.folded, self.fold_hash, self.shingles, self.quoted or None


def pack(shingles: Iterable[int]) -> bytes:
    """Hashes as stored in the library: sorted signed 64-bit integers."""
    return array("q", sorted(shingles)).tobytes()


def unpack(blob: bytes) -> array:
    keys = array("q")
    keys.frombytes(blob)
    return keys


def sentence_key(text: str) -> SentenceKey:
    """Fold a sentence and hash it whole and by 2-grams of its tokens.

    Tokens are words, or single characters in scripts written without spaces
    (see `tui.text.normalize.WORD_PATTERN`), so Chinese, Japanese and Thai are
    keyed by character 2-grams, as Chinese retrieval usually is. Too short to
    match (fewer than MIN_WORDS tokens, or MIN_CHARACTERS where unspaced
    characters appear): no keys. Page furniture that cleaning left in (a tweet
    embed's credit line, a picture credit, a byline or contributor line, a poll:
    `tui.clean.boilerplate.is_furniture`) gets none either, so it is never shown
    as shared text nor counted in a derived share. That test refuses nine
    sentences in ten on a few substring checks; on 100,000 news sentences it
    adds 4 to 6 µs a sentence to the 24 µs this costs (a fifth more).
    """
    folded = fold(text)
    tokens = _WORD.findall(folded)
    if len(tokens) < (MIN_CHARACTERS if UNSPACED_CHARACTER.search(folded) else MIN_WORDS):
        return SentenceKey(folded, None, b"")
    if is_furniture(text):
        return SentenceKey(folded, None, b"")
    return SentenceKey(folded, stable_hash(folded), pack(shingles_of(tokens)))


def shingles_of(tokens: list[str]) -> set[int]:
    """CRC-32 of each token 2-gram: fast, stable, and 32 bits is plenty for finding
    candidates (a collision only adds a pair, which verification rejects)."""
    return {zlib.crc32(f"{a} {b}".encode()) for a, b in zip(tokens, tokens[1:], strict=False)}
