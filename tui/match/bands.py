"""LSH band keys: a second way for a near copy to find its original, whatever the library's size.

The 2-gram postings (tui/match/index.py) count a new sentence's rarest
2-grams within a budget, so a near copy made of common 2-grams can lose out
to the stock phrases of news as the library grows. Band keys do not depend
on the library: a sentence's set of 2-gram hashes gets BANDS x ROWS MinHash
values (Broder 1997, "On the resemblance and containment of documents"), and
each band of ROWS values is hashed to one key. Two sentences whose 2-gram
sets have Jaccard similarity s share at least one band key with probability
1 - (1 - s^ROWS)^BANDS (the banding of Leskovec, Rajaraman and Ullman,
"Mining of Massive Datasets", ch. 3.4): with 32 bands of 4 rows, 0.87 at
s = 0.5, 0.99 at s = 0.6 and 0.56 at s = 0.4. Studied first beside the
engine against datasketch's MinHashLSH (bench/peer_lsh.py `--bands`, the
Markov corpus at 10,000 articles): 32x4 took near-copy recall of the
candidates from 0.989 to 0.999, 20x5 to 0.997 with a third of the extra
pairs.

Band keys are nearly unique to their sentence (32 of them per stored text),
so they are held in `BandTable`, an open-addressing hash table in two numpy
arrays searched by compiled code: through the 2-gram postings' dict delta
and sorted arrays, the classic corpus at 10,000 articles spent 10 s posting
them and 9 s looking them up; here both take well under a second.

Each 2-gram hash is spread by the splitmix64 finaliser (Steele, Lea and Flood
2014) once, and the MinHash functions are multiply-add hashes of it (a x + b
mod 2^64, a odd: Dietzfelbinger's multiply-shift family, compared on all 64
bits), not true permutations; a full mix per value took three times as
long. Keys are computed, never stored, so they can change freely.
"""

from __future__ import annotations

import numpy as np

from tui.match.kernel import _compiled

BANDS = 32
ROWS = 4
# A band key is posted for at most this many stored texts: one shared by more
# is a frame that many sentences fill (a weather or earthquake report), whose
# fillings the 2-gram postings and the verifier weigh; the texts past the cap
# keep their other bands.
MAX_TEXTS_A_BAND = 64
_SEEDS = np.random.default_rng(20261207).integers(
    -(1 << 63), (1 << 63) - 1, 2 * BANDS * ROWS, dtype=np.int64, endpoint=True
)


@_compiled
def _mix(x: np.uint64) -> np.uint64:
    """The splitmix64 finaliser: a 64-bit value to a well-spread one."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@_compiled
def _band_keys(hashes, ends, seeds, bands, rows):
    """Band keys of sentences whose 2-gram hashes (int64) lie one after another in
    `hashes`, sentence g's ending at `ends[g]`: an int64 array of `bands` keys per
    sentence, sentence after sentence. Each 2-gram hash is mixed once; MinHash
    value j is the least of `a_j * mixed + b_j` (mod 2^64, a_j odd) over them."""
    out = np.empty(len(ends) * bands, np.int64)
    mixed = np.empty(0, np.uint64)
    minima = np.empty(bands * rows, np.uint64)
    begin = 0
    for g in range(len(ends)):
        n = ends[g] - begin
        if len(mixed) < n:
            mixed = np.empty(2 * n, np.uint64)
        for k in range(n):
            mixed[k] = _mix(np.uint64(hashes[begin + k]))
        for j in range(bands * rows):
            a = np.uint64(seeds[2 * j]) | np.uint64(1)
            b = np.uint64(seeds[2 * j + 1])
            smallest = np.uint64(0xFFFFFFFFFFFFFFFF)
            for k in range(n):
                value = a * mixed[k] + b
                if value < smallest:
                    smallest = value
            minima[j] = smallest
        for band in range(bands):
            key = np.uint64(band + 1)
            for r in range(rows):
                key = _mix(key ^ minima[band * rows + r])
            out[g * bands + band] = np.int64(key)
        begin = ends[g]
    return out


def band_keys(hashes: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The BANDS band keys of each sentence, as an int64 array of shape
    (sentences, BANDS). `hashes` holds the sentences' 2-gram hashes (int64, as
    stored: tui/match/shingles.pack) one sentence after another, sentence g's
    ending at `ends[g]` (int64); a sentence with no 2-grams gets keys that only
    other such sentences share."""
    keys = _band_keys(hashes, ends, _SEEDS, BANDS, ROWS)
    return keys.reshape(len(ends), BANDS)


@_compiled
def _insert(table_keys, table_ids, keys, ids, cap):
    """Post each (key, id) into the table (linear probing; id 0 marks an empty
    slot), unless its key already holds `cap` ids. Returns how many were posted."""
    mask = np.uint64(len(table_keys) - 1)
    posted = 0
    for k in range(len(keys)):
        key = keys[k]
        slot = np.uint64(key) & mask
        held = 0
        while table_ids[slot] != 0:
            if table_keys[slot] == key:
                held += 1
            slot = (slot + np.uint64(1)) & mask
        if held < cap:
            table_keys[slot] = key
            table_ids[slot] = ids[k]
            posted += 1
    return posted


@_compiled
def _find(table_keys, table_ids, keys, per_sentence):
    """The ids posted under each sentence's keys (`per_sentence` keys a sentence,
    one sentence after another), as int32 ids one sentence after another and
    where each sentence's end (int64)."""
    mask = np.uint64(len(table_keys) - 1)
    sentences = len(keys) // per_sentence
    ends = np.empty(sentences, np.int64)
    out = np.empty(64, np.int32)
    n = 0
    for g in range(sentences):
        for k in range(g * per_sentence, (g + 1) * per_sentence):
            key = keys[k]
            slot = np.uint64(key) & mask
            while table_ids[slot] != 0:
                if table_keys[slot] == key:
                    if n == len(out):
                        grown = np.empty(2 * len(out), np.int32)
                        grown[:n] = out
                        out = grown
                    out[n] = table_ids[slot]
                    n += 1
                slot = (slot + np.uint64(1)) & mask
        ends[g] = n
    return out[:n], ends


class BandTable:
    """Band key (int64) -> the stored texts posted under it (int32 sentence ids,
    never 0), in an open-addressing hash table kept under half full: about 24
    bytes a posting."""

    def __init__(self) -> None:
        self.keys = np.zeros(1 << 16, np.int64)
        self.ids = np.zeros(1 << 16, np.int32)
        self.posted = 0

    def __len__(self) -> int:
        """How many postings the table holds."""
        return self.posted

    def add(self, sentence_ids: np.ndarray, keys: np.ndarray) -> None:
        """Post stored texts (int32 sentence ids, each > 0) under their band keys
        (int64, shape (texts, BANDS)), at most MAX_TEXTS_A_BAND a key."""
        slots = len(self.keys)
        while 2 * (self.posted + keys.size) > slots:
            slots *= 2
        if slots > len(self.keys):
            self._grow(slots)
        ids = np.repeat(sentence_ids.astype(np.int32), keys.shape[1])
        self.posted += _insert(self.keys, self.ids, keys.ravel(), ids, MAX_TEXTS_A_BAND)

    def _grow(self, slots: int) -> None:
        """Move the postings into a table of `slots` slots (a power of two)."""
        held = np.flatnonzero(self.ids)
        keys, ids = self.keys[held], self.ids[held]
        self.keys = np.zeros(slots, np.int64)
        self.ids = np.zeros(slots, np.int32)
        _insert(self.keys, self.ids, keys, ids, len(keys) + 1)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The stored texts under each sentence's band keys (int64, shape
        (sentences, BANDS)): int32 ids one sentence after another (a text once
        per band it shares) and where each sentence's end (int64), as
        kernel.shared_postings reads them."""
        return _find(self.keys, self.ids, keys.ravel(), keys.shape[1])
