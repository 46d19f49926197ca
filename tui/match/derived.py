"""Derived shares of stored article pairs, worked out again from their matches.

Each pair of articles that shares sentences or runs of words has a row per
direction in the `derived` table: the share (0-1) of the article's words found
in the other's passages (tui/match/passages.py), how many sentence pairs they
share (`matched`) and how many of those are quotes. A new article's shares come
with its plan (tui/match/plan.py); a stored pair's are worked out here when it
loses matches (boilerplate learned later) or was matched before shares were
kept. Which of the two is derived depends on who printed first, which is the
library's call (tui/library.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from tui.match.index import CandidateIndex
from tui.match.passages import Side, shares
from tui.match.plan import PlannedShare, stored_side
from tui.match.profile import overlapping

# A stored match as the derived table needs it: (a_sentence, b_sentence, a_article, quote)
StoredMatch = tuple[int, int, int, bool]
# A derived row: (article_id, source_id, share 0-1, quotes, matched sentence pairs)
ShareRow = tuple[int, int, float, int, int]


def share_rows(article_id: int, planned: Iterable[PlannedShare]) -> list[ShareRow]:
    """A new article's planned shares as derived rows, one per direction."""
    rows = []
    for share in planned:
        rows.append((article_id, share.article, share.here, share.quotes, share.matched))
        rows.append((share.article, article_id, share.there, share.quotes, share.matched))
    return rows


def pair_shares(
    index: CandidateIndex, a: int, b: int, matched: Iterable[StoredMatch]
) -> list[ShareRow]:
    """The derived rows of stored articles a and b from their matches and the index's
    view of both (boilerplate left out); no rows when they share nothing."""
    matched = list(matched)
    side_a, at_a = stored_side(index, a)
    side_b, at_b = stored_side(index, b)
    found = []
    for x, y, x_article, quote in matched:
        here, there = (x, y) if x_article == a else (y, x)
        if here in at_a and there in at_b:
            found.append((at_a[here], at_b[there], bool(quote)))
    result = shares(
        side_a, side_b, _seeds(side_a, side_b), found, lambda term: index.rarity.weight(term, 2)
    )
    if not matched and not result.here and not result.there:
        return []
    return [
        (a, b, result.here, result.quotes, len(matched)),
        (b, a, result.there, result.quotes, len(matched)),
    ]


def _seeds(side_a: Side, side_b: Side) -> list[tuple[int, int]]:
    """Sentence pairs of two stored articles that share a word 2-gram and enough words."""
    by_gram: dict[tuple[str, str], set[int]] = defaultdict(set)
    for y in range(len(side_b.texts)):
        words = side_b.sentence(y)
        for gram in zip(words, words[1:], strict=False):
            by_gram[gram].add(y)
    seeds = []
    for x in range(len(side_a.texts)):
        words = side_a.sentence(x)
        near = set().union(*(by_gram.get(g, ()) for g in zip(words, words[1:], strict=False)))
        seeds += [(x, y) for y in near if overlapping(side_a.texts[x], side_b.texts[y])]
    return seeds
