"""The compiled kernel counts what Python sets would: each measure against a plain
reference written here, on sentences in several scripts."""

from __future__ import annotations

import importlib.util
import math
from collections import Counter

import numba
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel, Levenshtein

from tui.match import kernel
from tui.match.index import CandidateIndex
from tui.match.profile import SentenceArena, overlapping, profile
from tui.match.rarity import SPECIFIC_TERM, Rarity, terms, weigh_pairs
from tui.match.verify import evidence, score_pair, verify_batch
from tui.text.normalize import fold

WORDS = [
    *("the", "minister", "said", "not", "no", "12", "3.5", "1,250", "paris", "flood", "toll"),
    *("rose", "to", "министр", "сказал", "не", "наводнение", "मंत्री", "ने", "कहा", "नहीं"),
    *("बाढ़", "وزير", "قال", "لم", "فيضان", "υπουργός", "είπε", "δεν", "πλημμύρα", "東京"),
    *("の", "洪水", "น้ำท่วม", "กรุงเทพ"),
]
sentences = st.lists(st.sampled_from(WORDS), min_size=0, max_size=18).map(" ".join).map(fold)


def f_score(shared: int, a: int, b: int) -> float:
    return 2 * shared / (a + b) if shared else 0.0


def reference_measures(a: str, b: str) -> list[float]:
    """The seven measures, from Python sets (verify_batch's docstring)."""
    wa, wb = profile(a).words, profile(b).words
    ca, cb = Counter(wa), Counter(wb)

    def grams(words, n):
        return set(zip(*(words[k:] for k in range(n)), strict=False))

    scores = [f_score(len(set(wa) & set(wb)), len(set(wa)), len(set(wb)))]
    for n in (2, 3, 4):
        ga, gb = grams(wa, n), grams(wb, n)
        scores.append(f_score(len(ga & gb), len(ga), len(gb)))
    g3a, g3b = grams(wa, 3), grams(wb, 3)
    ta, tb = set(zip(a, a[1:], a[2:], strict=False)), set(zip(b, b[1:], b[2:], strict=False))
    chars = len(ta & tb)
    return [
        sum(min(ca[w], cb[w]) for w in set(wa) & set(wb)) / max(len(wa), len(wb)),
        len(g3a & g3b) / max(1, len(g3a), len(g3b)),
        2 * Levenshtein.distance(wa, wb) / (len(wa) + len(wb)),
        float(len(profile(a).numbers ^ profile(b).numbers)),
        float(profile(a).negated != profile(b).negated),
        chars / max(1, len(ta) + len(tb) - chars),
        math.exp(sum(math.log(x + 0.01) for x in scores) / 4),
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(sentences, sentences), min_size=1, max_size=12))
def test_the_kernel_counts_what_sets_count(pairs: list[tuple[str, str]]) -> None:
    pairs = [(a, b) for a, b in pairs if a != b and profile(a).words and profile(b).words]
    if not pairs:
        return
    for (a, b), measured in zip(pairs, evidence(pairs).tolist(), strict=True):
        assert measured == reference_measures(a, b)
    checked = verify_batch(pairs)
    assert checked.overlapping.tolist() == [overlapping(a, b) for a, b in pairs]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(sentences, sentences), min_size=1, max_size=12))
def test_a_batch_gives_each_pair_its_own_verdict(pairs: list[tuple[str, str]]) -> None:
    """Batched or alone, in any company, both ways round: the same verdict."""
    together = verify_batch(pairs).verdicts
    flipped = verify_batch([(b, a) for a, b in pairs]).verdicts
    for p, (a, b) in enumerate(pairs):
        assert together.get(p) == score_pair(a, b) == flipped.get(p)


def test_a_long_sentence_and_an_empty_one() -> None:
    long = fold(" ".join(WORDS * 20))
    checked = verify_batch([(long, long), (long, ""), ("", ""), (long, long[:-40])])
    assert checked.verdicts[0].kind == "exact"
    assert 1 not in checked.verdicts
    assert checked.verdicts[2].kind == "exact"  # equal after folding, as ever
    assert checked.verdicts[3].kind in ("near", "partial")
    assert Indel.normalized_similarity(long, long[:-40]) > 0.9


def reference_rarity(here: frozenset, there: frozenset, rarity: Rarity, held: int):
    """rarity.PairRarity by hand, from Rarity.weight."""
    shared = here & there
    shared_weights = [rarity.weight(t, held) for t in shared]
    own_here = [(t, rarity.weight(t, 0)) for t in here - shared]
    own_there = [(t, rarity.weight(t, held)) for t in there - shared]
    s = sum(shared_weights)
    total = s + min(sum(w for _, w in own_here), sum(w for _, w in own_there))

    def specific(own):
        return any(w >= SPECIFIC_TERM or any(c.isdigit() for c in t) for t, w in own)

    return (
        s / total if total else 0.0,
        max(shared_weights, default=0.0),
        specific(own_here) and specific(own_there),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(sentences, min_size=0, max_size=8),
    st.lists(st.tuples(sentences, sentences, st.integers(0, 4)), min_size=1, max_size=8),
)
def test_pairs_are_weighed_as_rarity_weighs_each_term(library, pairs) -> None:
    rarity = Rarity()
    for article in library:
        rarity.add(terms(article))
    here = [terms(a) for a, _, _ in pairs]
    there = [terms(b) for _, b, _ in pairs]
    held = [h for _, _, h in pairs]
    for got, a, b, h in zip(weigh_pairs(here, there, held, rarity), here, there, held, strict=True):
        want = reference_rarity(a, b, rarity, h)
        assert got.specificity == pytest.approx(want[0], abs=1e-12)
        assert got.shared_max == pytest.approx(want[1], abs=1e-12)
        assert got.refilled == want[2]


def test_kernels_compile_where_numba_cannot_keep_them(monkeypatch) -> None:
    """A read-only install with no writable home: numba refuses `cache=True` with a
    RuntimeError at import; the kernels then compile in each process instead."""
    real = numba.njit

    def refusing(*args, cache: bool = False, **options):
        if cache:
            raise RuntimeError("cannot cache function '_unique': no locator available")
        return real(*args, **options)

    monkeypatch.setattr(numba, "njit", refusing)
    spec = importlib.util.spec_from_file_location("kernel_uncached", kernel.__file__)
    uncached = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(uncached)
    a, b = np.array([1, 4, 9, 12], np.int64), np.array([4, 5, 12], np.int64)
    assert uncached._shared(a, b) == kernel._shared(a, b) == 2


def test_a_lone_surrogate_is_a_character_like_any_other() -> None:
    """The library's text is sanitised before it is keyed, but the verifier takes
    any str, as the set-based one did."""
    a = fold("The minister said the flood toll rose \udcff to twelve on Monday night")
    b = fold("The minister said the flood toll rose \udcff to 12 on Monday night")
    assert score_pair(a, b) is not None
    assert evidence([(a, b)]).tolist()[0] == reference_measures(a, b)


def test_the_arena_gives_equal_texts_one_id_and_starts_afresh_when_full() -> None:
    """Sentences keep their kernel arrays in one arena: a text asked for twice has one
    id, the arrays grow past their first size keeping what they held, and past its
    limit the arena starts afresh as a batch begins, never within one."""
    arena = SentenceArena(limit=600)
    texts = [fold(f"the flood toll rose to {n} in paris, the minister said") for n in range(500)]
    with arena.batch(len(texts)):
        ids = arena.ids([*texts, texts[3]])
        assert ids.tolist() == [*range(500), 3]
        held = arena.arrays()

    def arrays(at, sets, starts, words, word_starts):
        size = sum(sets[starts[at] : starts[at] + kernel.FIGURES + 1]) + sets[starts[at]]
        return (
            sets[starts[at] : starts[at] + kernel.HEADER + size].tolist(),
            words[word_starts[at] : word_starts[at + 1]].tolist(),
        )

    for at in (0, 3, 499):  # each as a fresh arena holding it alone would give it
        alone = SentenceArena()
        with alone.batch(1):
            assert alone.ids([texts[at]]).tolist() == [0]
            assert arrays(at, *held) == arrays(0, *alone.arrays())
        assert len(arrays(at, *held)[1]) == len(profile(texts[at]).words)
    generation = arena.generation
    with arena.batch(200):  # 700 > 600: afresh, as the batch begins
        assert arena.generation == generation + 1
        assert arena.ids(texts[:200]).tolist() == list(range(200))
        assert arena.ids(texts[200:]).tolist() == list(range(200, 500))  # (not within it)
        assert arena.generation == generation + 1


def test_the_index_keeps_arena_ids_while_the_arena_lasts() -> None:
    """The index remembers its stored texts' arena ids, and reads them in again once
    the arena has started afresh."""
    index, arena = CandidateIndex(), SentenceArena()
    for sentence_id, text in ((1, "the minister said"), (2, "the flood toll rose")):
        index._add(sentence_id, sentence_id, fold(text), sentence_id, 0)
    with arena.batch(2):
        kept = index.arena_ids(np.array([1, 2]), arena)
        assert kept.tolist() == arena.ids([index.text(1), index.text(2)]).tolist() == [0, 1]
        assert index.arena_ids(np.array([2]), arena).tolist() == [1]
    arena.clear()
    with arena.batch(1):
        assert index.arena_ids(np.array([2]), arena).tolist() == [0]
        assert arena.ids([index.text(2)]).tolist() == [0]


def test_expanding_texts_gives_each_its_printings_in_order() -> None:
    """`expand` lists what `printings` lists, text by text, whether a text stands
    alone, is reprinted, is boilerplate or has a printing forgotten."""
    index = CandidateIndex()
    stored = [  # (sentence id, article id, text, its fold hash)
        (1, 1, "the minister said", 10),
        (2, 1, "the flood toll rose", 20),
        (3, 2, "the minister said", 10),
        (4, 2, "subscribe to our newsletter", 30),
        (5, 3, "rescue teams reached the valley", 40),
        (6, 3, "the flood toll rose", 20),
        (7, 4, "the minister said", 10),
        (8, 4, "a lone line", 50),
    ]
    for sentence_id, article_id, text, fold_hash in stored:
        index._add(sentence_id, article_id, fold(text), fold_hash, 0)
    index.mark_boilerplate(30)
    index.mark_boilerplate(99)  # (a line no stored sentence prints)
    index.forget_sentences([6, 8])
    firsts = np.array([1, 2, 4, 5, 8, 1, 5])
    sentences, row = index.expand(firsts)
    expected = [(at, s) for at, first in enumerate(firsts.tolist()) for s in index.printings(first)]
    assert list(zip(row.tolist(), sentences.tolist(), strict=True)) == expected
    assert expected[:4] == [(0, 1), (0, 3), (0, 7), (1, 2)]
