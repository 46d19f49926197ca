"""The candidate index's postings (tui/match/postings.py) hold what a dict of lists
would, through merges of the delta into the arrays, and pick the same lists."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.match.postings
from tui.match.postings import Postings
from tui.match.rarity import article_terms, terms
from tui.match.shingles import pack


def rarest_first(lists: dict[int, list[int]], hashes: list[int], budget: int) -> list[int]:
    """One sentence's counted postings as the rule says: its lists from the shortest
    up (in hash order among equals), stopping at the first past the budget."""
    chosen: list[int] = []
    for stored in sorted((lists[h] for h in hashes if lists.get(h)), key=len):
        if len(stored) > budget:
            break
        budget -= len(stored)
        chosen += stored
    return chosen


@pytest.mark.parametrize("batch", [1, 7, 400])
def test_postings_agree_with_a_dict_of_lists_through_merges(
    monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(tui.match.postings, "MERGE_FLOOR", 50)  # merge often
    rng = np.random.default_rng(batch)
    postings, reference = Postings(), defaultdict(list)
    sentence = 0
    for _ in range(30):
        ids, blobs = [], []
        for _ in range(batch):
            sentence += 1
            hashes = {int(h) for h in rng.integers(-(2**40), 2**40, 3)}
            hashes |= {int(h) for h in rng.integers(0, 60, int(rng.integers(1, 12)))}
            ids.append(sentence)
            blobs.append(pack(hashes))
            for h in sorted(hashes):
                reference[h].append(sentence)
        postings.add(
            np.array(ids, np.int32),
            np.frombuffer(b"".join(blobs), np.int64),
            np.array([len(blob) // 8 for blob in blobs]),
        )
        asked = [sorted({int(h) for h in rng.integers(0, 70, 15)}) for _ in range(5)]
        budget = int(rng.integers(1, 3 * sentence + 2))
        flat = np.array([h for one in asked for h in one], np.int64)
        chosen, ends = postings.choose(flat, np.cumsum([len(one) for one in asked]), budget)
        starts = [0, *ends[:-1].tolist()]
        for one, start, end in zip(asked, starts, ends.tolist(), strict=True):
            expected = rarest_first(reference, one, budget)
            assert sorted(chosen[start:end].tolist()) == sorted(expected)
    assert len(postings) == sum(map(len, reference.values()))
    assert len(postings.ids) > 0  # (the test went through merges)


def test_an_article_s_terms_in_one_pass_are_its_sentences_terms() -> None:
    for sentences in (
        ["the minister said", "prices rose 3.5% in may", "o'brien's team won"],
        ["铁路停运三天", "the rail line", "рост цен", "ราคาน้ำมันขึ้น", "किताब पढ़ी"],
        [],
    ):
        assert article_terms(sentences) == frozenset().union(*map(terms, sentences))


@given(st.lists(st.text(alphabet=st.characters(max_codepoint=127), max_size=40), max_size=6))
@settings(max_examples=300, deadline=None)
def test_ascii_articles_terms_are_the_word_pattern_s(sentences: list[str]) -> None:
    """The split shortcut for ASCII text gives what the pattern gives, apostrophes,
    underscores and punctuation runs included."""
    assert article_terms(sentences) == frozenset().union(*map(terms, sentences))
