"""The candidate index: which stored sentences share word 2-grams (or an LSH band) with a new one.

Each sentence's keys (its folded-text hash and the hashes of its word
2-grams) are stored with it in the library, so the index is persistent; the
lookup structure itself lives in memory. A B-tree of shingles in SQLite was
measured first: 400 random inserts per article made every commit write about
1.6 MB, and 10,000 articles took two minutes on index writes alone. Here
appending a blob per sentence is cheap, and the in-memory lists are built
once per process and then kept in step.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain

import numpy as np

from tui.match.bands import BandTable, band_keys
from tui.match.kernel import shared_postings
from tui.match.outlets import outlet_key
from tui.match.postings import Postings
from tui.match.profile import SentenceArena
from tui.match.rarity import Rarity, article_terms
from tui.match.shingles import SentenceKey
from tui.models import IndexDelta

MIN_SHARED_SHINGLES = 3
# ... or this many for a sentence of fewer than SHORT_SENTENCE distinct 2-grams:
# a rewrite of a ten-word sentence keeps two or three of them. Measured on the
# Markov corpus at 1,000 articles: rewrites admitted 0.98 (2 for all: 1.0, at
# twice the candidates; 3 for all: 0.95).
MIN_SHARED_SHORT = 2
SHORT_SENTENCE = 12
# How many stored postings one new sentence may count: a share of the stored
# texts (first printings), and never fewer than POSTINGS_FLOOR. Its rarest
# 2-grams are counted first: they carry the signal, while a 2-gram found in
# thousands of sentences ("in the") would only cost time. A fixed budget bound
# harder as the library grew (its lists grow with it): on the classic corpus,
# the true pairs that reached the verifier fell from 0.9995 (near copies) and
# 0.981 (rewrites) at 10,000 articles to 0.948 and 0.745 at 100,000 with 300
# postings; with a share of the texts (3,000 at 100,000) they were 0.9995 and
# 0.979, at 7.1 candidates a sentence instead of 4.5.
# Equal sentences are still found through their whole-text hash, however
# many outlets printed them.
POSTINGS_FLOOR = 300
POSTINGS_SHARE = 1 / 580  # 300 of the 174,380 texts of the classic corpus at 10,000 articles


class CandidateIndex:
    """Shingle and folded-text hashes -> sentence ids, mirrored from the library."""

    def __init__(self) -> None:
        # 2-gram hash -> stored texts (tui/match/postings.py). Postings list one
        # sentence per distinct folded text (the first stored):
        # a wire sentence reprinted by 100 outlets costs one posting per 3-gram,
        # and its copies are reached through `by_fold` (fold hash -> every copy).
        self.by_fold: dict[int, list[int]] = defaultdict(list)
        self.text_of: dict[int, int] = {}  # a first printing's sentence id -> its fold hash
        self.postings = Postings()
        # LSH band key -> stored texts (tui/match/bands.py): near copies found
        # whatever the library's size
        self.bands = BandTable()
        self.sentences_of: dict[int, list[int]] = defaultdict(list)  # article id -> sentence ids
        self.quoted: dict[int, str] = {}  # sentence id -> its quote flags, where any is set
        self.words_of: dict[int, int] = {}  # article id -> its tokens, all sentences
        # article id -> its side for passages (tui/match/plan.stored_side), built on first need
        self.sides: dict[int, tuple] = {}
        # article id -> the articles it shares a matched sentence with (its story's
        # printings, for rarity: tui/match/plan._verify)
        self.links: dict[int, set[int]] = defaultdict(set)
        # article id -> the articles it shares an exact copy of a sentence with: one
        # story's printings (tui/match/plan._stories)
        self.copies: dict[int, set[int]] = defaultdict(set)
        self._terms: dict[int, np.ndarray] = {}  # article id -> its term ids, on first need
        self.seen_up_to = 0  # sentences with a larger id are not loaded yet
        # Who printed each article (tui/match/boilerplate.outlet_key), and the
        # lines found to be boilerplate: fold hashes, and the sentences holding them.
        self.outlets: dict[int, str | None] = {}
        self.by_outlet: dict[str, set[int]] = defaultdict(set)  # outlet key -> its articles
        self.articles_up_to = 0
        self.links_up_to = 0  # derived rows of articles above this are not loaded yet
        self.boilerplate: set[int] = set()
        self.boilerplate_sentences: set[int] = set()
        self.retired: set[int] = set()  # older versions of articles: never matched
        self.article_of = np.zeros(1 << 12, np.int64)  # sentence id -> its article id
        self.texts = np.full(1 << 12, None, object)  # sentence id -> its folded text, if known
        # a first printing's sentence id -> its text's id in the verifier's arena
        # (profile.SENTENCES), -1 where unknown; valid for the arena's generation
        self.arena_slots = np.full(1 << 12, -1, np.int64)
        self.arena_generation = 0
        # sentence id -> a first printing of fewer than SHORT_SENTENCE 2-grams
        self.short = np.zeros(1 << 12, dtype=np.bool_)
        # sentence id -> a first printing that is its text's only printing and not
        # boilerplate (its `printings` are itself)
        self.alone = np.zeros(1 << 12, dtype=np.bool_)
        # How many articles hold each term (tui/match/rarity.py); an article is
        # counted once it is matched, so a new one is judged against the others.
        self.rarity = Rarity()
        self.counted: set[int] = set()  # the articles `rarity` counts
        # `candidates`' scratch counts (kernel.shared_postings), one per sentence id
        self._counts = np.zeros(0, np.int32)
        self._counting = threading.Lock()

    def learn(self, delta: IndexDelta) -> None:
        """Take in what the library holds that this index has not seen yet (read by
        tui/store/plans.index_delta from the marks `seen_up_to`, `articles_up_to` and
        `links_up_to`)."""
        texts: dict[int, list[str]] = defaultdict(list)  # article id -> its folded sentences
        firsts: list[int] = []
        blobs: list[bytes] = []
        for sentence_id, article_id, folded, fold_hash, blob, quoted in delta.sentences:
            if self._add(sentence_id, article_id, folded, fold_hash, len(blob) // 8, quoted):
                firsts.append(sentence_id)
                blobs.append(blob)
            texts[article_id].append(folded)
        self._post(firsts, blobs)
        self.seen_up_to = max(self.seen_up_to, delta.top_sentence)
        for article_id, outlet, source, tokens in delta.articles:
            self._set_outlet(article_id, outlet_key(outlet, source))
            self.words_of[article_id] = tokens or 0
            self.articles_up_to = article_id
        for fold_hash in delta.boilerplate:
            if fold_hash not in self.boilerplate:
                self.mark_boilerplate(fold_hash)
        for article_id in delta.retired:
            self.retire(article_id)
        for article_id, folded in texts.items():
            if article_id not in self.retired and self.rarity.add(article_terms(folded)):
                self.counted.add(article_id)
        for a, b in delta.links:
            self.link(a, b)
        for a, b in delta.exact_links:
            self.link(a, b, exact=True)
        self.links_up_to = self.articles_up_to

    def _set_outlet(self, article_id: int, outlet: str | None) -> None:
        old = self.outlets.get(article_id)
        if old is not None:
            self.by_outlet[old].discard(article_id)
        self.outlets[article_id] = outlet
        if outlet is not None:
            self.by_outlet[outlet].add(article_id)

    def terms_of(self, article_id: int) -> np.ndarray:
        """The term ids (tui/match/rarity.py) of an article's matchable sentences."""
        found = self._terms.get(article_id)
        if found is None:
            found = self.rarity.ids_of(
                article_terms([self.texts[s] for s in self.sentences_of.get(article_id, ())])
            )
            self._terms[article_id] = found
        return found

    def link(self, a: int, b: int, exact: bool = False) -> None:
        """Two articles share a matched sentence (`exact`: one printed word for word)."""
        self.links[a].add(b)
        self.links[b].add(a)
        if exact:
            self.copies[a].add(b)
            self.copies[b].add(a)

    def forget_sentences(self, sentence_ids: Iterable[int]) -> None:
        """Never offer these sentences as candidates, nor count them in passages
        (their keys were taken away: page furniture found after they were keyed)."""
        for sentence_id in sentence_ids:
            if sentence_id < len(self.texts) and self.texts[sentence_id] is not None:
                self.boilerplate_sentences.add(sentence_id)
                self.alone[sentence_id] = False
                self.sides.pop(int(self.article_of[sentence_id]), None)

    def retire(self, article_id: int) -> None:
        """An older version: never a candidate, no outlet's story for boilerplate, and
        no longer counted in the library's term counts."""
        self.retired.add(article_id)
        self._set_outlet(article_id, None)
        if article_id in self.counted:
            self.rarity.remove(self.terms_of(article_id))
            self.counted.discard(article_id)

    def mark_boilerplate(self, fold_hash: int) -> None:
        """Never offer sentences equal to this one (after folding) as candidates again."""
        self.boilerplate.add(fold_hash)
        printed = self.by_fold.get(fold_hash, ())
        self.boilerplate_sentences.update(printed)
        self.alone[list(printed)] = False
        for sentence in printed:  # their passages leave the boilerplate out
            self.sides.pop(int(self.article_of[sentence]), None)

    def _add(
        self,
        sentence_id: int,
        article_id: int,
        folded: str,
        fold_hash: int,
        shingles: int,
        quoted: str | None = None,
    ) -> bool:
        """Learn one stored sentence (`shingles`: how many 2-grams it has); True for
        a first printing of its text, whose 2-grams the caller posts."""
        while sentence_id >= len(self.article_of):  # (sentence ids run up from 1)
            self.article_of = _doubled(self.article_of, 0)
            self.texts = _doubled(self.texts, None)
            self.short = _doubled(self.short, False)
            self.alone = _doubled(self.alone, False)
            self.arena_slots = _doubled(self.arena_slots, -1)
        self.article_of[sentence_id] = article_id
        self.texts[sentence_id] = folded
        self.sentences_of[article_id].append(sentence_id)
        if quoted:
            self.quoted[sentence_id] = quoted
        copies = self.by_fold[fold_hash]
        copies.append(sentence_id)
        if fold_hash in self.boilerplate:
            self.boilerplate_sentences.add(sentence_id)
        self.alone[copies[0]] = len(copies) == 1 and fold_hash not in self.boilerplate
        if len(copies) > 1:
            return False
        self.text_of[sentence_id] = fold_hash  # a first printing stands for all its copies
        self.short[sentence_id] = shingles < SHORT_SENTENCE
        return True

    def add(
        self, article_id: int, keys: Mapping[int, SentenceKey], outlet: str | None, words: int
    ) -> None:
        """Learn an article's keys (sentence id -> key), outlet key and token count
        (all its sentences) once they are stored."""
        self._set_outlet(article_id, outlet)
        self.words_of[article_id] = words
        self.articles_up_to = max(self.articles_up_to, article_id)
        if self.rarity.add(
            article_terms([key.folded for key in keys.values() if key.fold_hash is not None])
        ):
            self.counted.add(article_id)
        self.post(article_id, keys)

    def post(self, article_id: int, keys: Mapping[int, SentenceKey]) -> None:
        """Learn stored sentences of one article (sentence id -> key) as candidates:
        what `candidates` and `printings` read, without the article's outlet and
        term counts (`add` does both)."""
        firsts: list[int] = []
        blobs: list[bytes] = []
        for sentence_id, key in keys.items():
            if key.fold_hash is not None:
                shingles = len(key.shingles) // 8
                if self._add(
                    sentence_id, article_id, key.folded, key.fold_hash, shingles, key.quoted
                ):
                    firsts.append(sentence_id)
                    blobs.append(key.shingles)
                self.seen_up_to = max(self.seen_up_to, sentence_id)
        self._post(firsts, blobs)

    def _post(self, firsts: list[int], blobs: list[bytes]) -> None:
        """Post first printings (sentence ids) under their 2-grams (packed hashes)
        and their band keys."""
        ids = np.array(firsts, np.int32)
        hashes = np.frombuffer(b"".join(blobs), np.int64)
        counts = np.fromiter(map(len, blobs), np.int64, len(blobs)) // 8
        self.postings.add(ids, hashes, counts)
        self.bands.add(ids, band_keys(hashes, np.cumsum(counts)))

    def candidates(self, keys: Mapping[int, SentenceKey]) -> tuple[np.ndarray, np.ndarray]:
        """The pairs of a new sentence and a stored text worth scoring, as two int64
        arrays in order of both, each pair once: the new sentences' ids, and the
        stored texts, each given by its first printing's sentence id (`text`,
        `printings`).

        A stored text qualifies by sharing `shared_needed` of the new sentence's
        rarest word 2-grams (counted on first printings), or one of its LSH band
        keys (tui/match/bands.py: a near copy whatever the library's size), or
        by being equal after folding. All of an article's sentences are counted in one
        vectorised step. Boilerplate (tui/match/boilerplate.py) is never a
        candidate, on either side.
        """
        found: list[int] = []  # (new sentence id << 32) | first printing: equal texts
        asking: list[int] = []  # new sentence ids
        blobs: list[bytes] = []  # ... their 2-gram hashes
        for sentence_id, key in keys.items():
            if key.fold_hash is None or key.fold_hash in self.boilerplate:
                continue
            copies = self.by_fold.get(key.fold_hash)
            if copies:
                found.append(sentence_id << 32 | copies[0])
            asking.append(sentence_id)
            blobs.append(key.shingles)
        shingles = np.fromiter(map(len, blobs), np.int64, len(blobs)) // 8
        hashes = np.frombuffer(b"".join(blobs), np.int64)
        budget = self.postings_budget()
        short_asking = shingles < SHORT_SENTENCE
        ids = np.array(asking, np.int64)
        pairs = [np.array(found, np.int64)]
        ends = np.cumsum(shingles)
        by_2grams = self.postings.choose(hashes, ends, budget)
        by_bands = self.bands.find(band_keys(hashes, ends))
        for (chosen, chosen_ends), need_short, need in (
            (by_2grams, MIN_SHARED_SHORT, MIN_SHARED_SHINGLES),
            (by_bands, 1, 1),
        ):
            if not len(chosen):
                continue
            with self._counting:
                if len(self._counts) < len(self.short):
                    self._counts = np.zeros(len(self.short), np.int32)
                counted = shared_postings(
                    chosen, chosen_ends, short_asking, self.short, need_short, need, self._counts
                )
            pairs.append((ids[counted >> 32] << 32) | (counted & 0xFFFFFFFF))
        pairs = np.unique(np.concatenate(pairs))
        return pairs >> 32, pairs & 0xFFFFFFFF

    def postings_budget(self) -> int:
        """How many stored postings one new sentence may count (POSTINGS_SHARE of the
        stored texts, at least POSTINGS_FLOOR): what a sentence finds depends on
        how rare its 2-grams are in the library, not on how large the library is."""
        return max(POSTINGS_FLOOR, round(len(self.text_of) * POSTINGS_SHARE))

    def text(self, first: int) -> str:
        """A stored text (folded), by its first printing's sentence id."""
        return self.texts[first]

    def arena_ids(self, firsts: np.ndarray, arena: SentenceArena) -> np.ndarray:
        """The ids in `arena` (profile.SentenceArena) of stored texts, given by their
        first printings (int64): kept from earlier batches while the arena's
        generation lasts, read in where new. Call inside the arena's batch."""
        if self.arena_generation != arena.generation:
            self.arena_slots.fill(-1)
            self.arena_generation = arena.generation
        ids = self.arena_slots[firsts]
        missing = np.flatnonzero(ids < 0)
        if len(missing):
            ids[missing] = arena.ids(self.texts[firsts[missing]])
            self.arena_slots[firsts[missing]] = ids[missing]
        return ids

    def printings(self, first: int) -> list[int]:
        """The stored sentences printing a text (by its first printing's sentence id),
        boilerplate left out (`expand` does it for many)."""
        copies = self.by_fold.get(self.text_of[first], [])
        if self.boilerplate_sentences.isdisjoint(copies):
            return copies
        return [s for s in copies if s not in self.boilerplate_sentences]

    def expand(self, firsts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The `printings` of many stored texts (int64 first printings' ids): every
        printing's sentence id, and the place in `firsts` it was expanded from."""
        alone = self.alone[firsts]
        counts = np.ones(len(firsts), np.int64)
        shared = np.flatnonzero(~alone)
        printed = list(map(self.printings, firsts[shared].tolist()))
        counts[shared] = np.fromiter(map(len, printed), np.int64, len(printed))
        row = np.repeat(np.arange(len(firsts)), counts)
        sentences = firsts[row]
        sentences[~alone[row]] = np.fromiter(chain.from_iterable(printed), np.int64)
        return sentences, row


def _doubled(values: np.ndarray, fill) -> np.ndarray:
    """An array twice as long, its new half `fill`."""
    return np.concatenate([values, np.full_like(values, fill)])


def shared_needed(shingles_a: int, shingles_b: int) -> int:
    """How many 2-grams two sentences of so many distinct 2-grams must share to be
    candidates: fewer when either is short, so the rule is the same both ways."""
    short = min(shingles_a, shingles_b) < SHORT_SENTENCE
    return MIN_SHARED_SHORT if short else MIN_SHARED_SHINGLES
