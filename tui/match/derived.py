"""Derived shares in the library: written from a plan, or worked out again.

Each pair of articles that shares sentences or runs of words has a row per
direction in the `derived` table: the share (0-1) of the article's words found
in the other's passages (tui/match/passages.py), how many sentence pairs they
share (`matched`) and how many of those are quotes. Which of the two is
derived depends on who printed first, which is the library's call
(tui/library.py).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tui.match.index import CandidateIndex
from tui.match.passages import Side, shares
from tui.match.plan import PlannedShare, stored_side
from tui.match.verify import overlapping


def store_shares(
    conn: sqlite3.Connection, article_id: int, planned: Sequence[PlannedShare]
) -> None:
    """Write a new article's derived shares with the articles it shares passages with."""
    rows = []
    for share in planned:
        rows.append((article_id, share.article, share.here, share.quotes, share.matched))
        rows.append((share.article, article_id, share.there, share.quotes, share.matched))
    conn.executemany(
        "INSERT OR REPLACE INTO derived (article_id, source_id, share, quotes, matched)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def rework_shares(
    conn: sqlite3.Connection, index: CandidateIndex, pairs: Iterable[tuple[int, int]]
) -> None:
    """Work out the shares of stored article pairs again (after boilerplate lost them
    matches), from their stored matches and the index's view of both articles.
    A pair left with nothing shared loses its rows."""
    rows, gone = [], []
    for a, b in sorted({tuple(sorted(pair)) for pair in pairs}):
        matched = conn.execute(
            "SELECT a_sentence, b_sentence, a_article, quote FROM matches"
            " WHERE (a_article = ? AND b_article = ?) OR (a_article = ? AND b_article = ?)",
            (a, b, b, a),
        ).fetchall()
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
            gone += [(a, b), (b, a)]
            continue
        rows.append((a, b, result.here, result.quotes, len(matched)))
        rows.append((b, a, result.there, result.quotes, len(matched)))
    conn.executemany("DELETE FROM derived WHERE article_id = ? AND source_id = ?", gone)
    conn.executemany(
        "INSERT OR REPLACE INTO derived (article_id, source_id, share, quotes, matched)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


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


def backfill(conn: sqlite3.Connection, index: CandidateIndex) -> None:
    """Shares for every matched pair (a library made before shares were stored);
    `index` must have caught up with the library."""
    rework_shares(conn, index, conn.execute("SELECT DISTINCT a_article, b_article FROM matches"))
