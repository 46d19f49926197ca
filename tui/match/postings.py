"""Postings of the candidate index: 2-gram hash -> the stored texts holding it.

Most postings live in three numpy arrays (compressed sparse rows): the
distinct hashes in order (`keys`), where each one's list begins (`starts`),
and the lists one after another (`ids`, int32 sentence ids of first
printings). A library opened cold reads them in one sort, where a dict of
lists took a Python step per posting; and a 2-gram costs 12 bytes instead
of an object of its own. What is added later goes to a small dict (the
delta) first, one append per posting, and is merged into the arrays once it
holds MERGE_SHARE of them, so each posting is merged a few times in all.
Measured on the classic corpus at 100,000 articles: a cold open took 117 s
and 4.8 GB with a dict of lists, 50 s and 3.7 GB so; an article matched
while the library grows pays about 0.1 ms more (a binary search in the
arrays besides the dict lookups).

`choose` picks, for each new sentence, its rarest lists within a budget of
postings, and returns them one sentence after another for the count
(kernel.shared_postings).
"""

from __future__ import annotations

import functools
from array import array
from collections import defaultdict
from itertools import repeat

import numpy as np

from tui.match.kernel import rarest_postings

# The delta is merged into the arrays once it holds this share of their
# postings (or MERGE_FLOOR, for a small library): a merge copies every
# posting, so merging at a share keeps the copies a constant per posting.
MERGE_SHARE = 1 / 4
MERGE_FLOOR = 1 << 16
_NONE = array("i")  # the delta's answer for a hash it lacks


class Postings:
    """2-gram hash (int64) -> the stored texts holding it (int32 sentence ids, in the
    order they were added): arrays plus a delta, see the module's docstring."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, np.int64)  # distinct hashes, ascending
        self.starts = np.zeros(1, np.int64)  # keys[k]'s list is ids[starts[k]:starts[k + 1]]
        self.ids = np.zeros(0, np.int32)
        self.delta: dict[int, array] = defaultdict(functools.partial(array, "i"))
        self.delta_size = 0  # postings in the delta

    def __len__(self) -> int:
        """How many postings are held (arrays and delta)."""
        return len(self.ids) + self.delta_size

    def add(self, sentence_ids: np.ndarray, hashes: np.ndarray, counts: np.ndarray) -> None:
        """Post stored texts (int32 sentence ids) under their 2-gram hashes (int64,
        as stored: shingles.pack), which lie one text after another in `hashes`,
        `counts[t]` of them for text t. A batch too large for the delta goes into
        the arrays at once (a cold library in one sort)."""
        ids = np.repeat(sentence_ids.astype(np.int32), counts)
        if self.delta_size + len(hashes) <= max(MERGE_FLOOR, len(self.ids) * MERGE_SHARE):
            delta = self.delta
            for shingle, sentence_id in zip(hashes.tolist(), ids.tolist(), strict=True):
                delta[shingle].append(sentence_id)
            self.delta_size += len(hashes)
            return
        keys = [hashes]
        held = [ids]
        if self.delta:
            keys.append(np.fromiter(self.delta.keys(), np.int64, len(self.delta)))
            keys[-1] = np.repeat(keys[-1], np.fromiter(map(len, self.delta.values()), np.int64))
            held.append(np.frombuffer(b"".join(self.delta.values()), np.int32))
        self._merge(np.concatenate(keys), np.concatenate(held))
        self.delta.clear()
        self.delta_size = 0

    def _merge(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Take (hash, id) postings in any order into the arrays."""
        keys = np.concatenate([np.repeat(self.keys, np.diff(self.starts)), keys])
        # the arrays' postings are one sorted run: a stable sort (timsort) sorts
        # the new ones and merges the two runs in one pass
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        self.ids = np.concatenate([self.ids, ids])[order]
        bounds = np.flatnonzero(keys[1:] != keys[:-1]) + 1
        self.keys = keys[np.concatenate([[0], bounds])] if len(keys) else keys
        self.starts = np.concatenate([[0], bounds, [len(keys)]]).astype(np.int64)

    def lists(self, hashes: np.ndarray) -> tuple[np.ndarray, ...]:
        """Where each hash's postings are: its start and length in `ids`, and in
        `pool`, which holds the delta's lists of these hashes one after another
        (int32). Returns (start, length, pool, pool_start, pool_length), the
        starts and lengths int64 arrays, one place per hash; an unknown hash has
        lengths 0."""
        start = np.zeros(len(hashes), np.int64)
        length = np.zeros(len(hashes), np.int64)
        if len(self.keys):
            at = np.minimum(np.searchsorted(self.keys, hashes), len(self.keys) - 1)
            known = self.keys[at] == hashes
            start = self.starts[at]
            length[known] = self.starts[at[known] + 1] - start[known]
        parts: list[array] = []
        pool_length = np.zeros(len(hashes), np.int64)
        if self.delta:
            parts = list(map(self.delta.get, hashes.tolist(), repeat(_NONE)))
            pool_length = np.fromiter(map(len, parts), np.int64, len(parts))
        # (read-only either way: the kernel is compiled for one type of array)
        pool = np.frombuffer(b"".join(parts), np.int32)
        return start, length, pool, np.cumsum(pool_length) - pool_length, pool_length

    def choose(
        self, hashes: np.ndarray, ends: np.ndarray, budget: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The postings each sentence counts, rarest lists first within `budget`.

        `hashes` (int64) holds the sentences' 2-gram hashes one sentence after
        another, sentence g's ending at `ends[g]`. A sentence takes its lists
        from the shortest up, in order of its hashes among equals, and stops at
        the first that would pass the budget (postings). Returns the chosen
        postings (int32 sentence ids) and where each sentence's end (int64), as
        kernel.shared_postings reads them.
        """
        start, length, pool, pool_start, pool_length = self.lists(hashes)
        return rarest_postings(self.ids, start, length, pool, pool_start, pool_length, ends, budget)
