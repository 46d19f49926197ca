"""Queries on matched sentence pairs."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from tui.store.db import in_query


@dataclass(frozen=True)
class MatchRow:
    """One matched pair, with both sides' article ids and sentence indexes."""

    a_article: int
    a_i: int
    b_article: int
    b_i: int
    score: float
    kind: str
    # facts changed from a to b, JSON; None until typed, for exact pairs, and on
    # rows `matches_of` turned around (nothing reads them from that side)
    changes: str | None = None
    quote: bool = False  # a shared quotation (tui/match/quotes.py), not evidence of copying


_SELECT = (
    "SELECT m.a_article, sa.i, m.b_article, sb.i, m.score, m.kind, m.changes, m.quote"
    " FROM matches m"
    " JOIN sentences sa ON sa.id = m.a_sentence JOIN sentences sb ON sb.id = m.b_sentence"
)


def _rows(cursor: sqlite3.Cursor) -> list[MatchRow]:
    return [MatchRow(*row[:7], bool(row[7])) for row in cursor]


def all_matches(conn: sqlite3.Connection) -> list[MatchRow]:
    return _rows(conn.execute(_SELECT + " ORDER BY m.a_article, sa.i, m.b_article, sb.i"))


def matched_sentences(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every stored match as its two sentence ids (a_sentence < b_sentence)."""
    return conn.execute("SELECT a_sentence, b_sentence FROM matches").fetchall()


def matches_of(conn: sqlite3.Connection, article_id: int) -> list[MatchRow]:
    """Every pair with a sentence in this article, this article always on side a."""
    rows = _rows(
        conn.execute(
            _SELECT + " WHERE m.a_article = ? UNION ALL " + _SELECT + " WHERE m.b_article = ?",
            (article_id, article_id),
        )
    )
    return [
        row
        if row.a_article == article_id
        else MatchRow(
            row.b_article, row.b_i, row.a_article, row.a_i, row.score, row.kind, quote=row.quote
        )
        for row in rows
    ]


def related_articles(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, int]]:
    """(other article, sentences shared with it), most shared first."""
    rows = conn.execute(
        "SELECT other, COUNT(DISTINCT mine) AS n FROM ("
        " SELECT b_article AS other, a_sentence AS mine FROM matches WHERE a_article = ?"
        " UNION ALL"
        " SELECT a_article AS other, b_sentence AS mine FROM matches WHERE b_article = ?"
        ") GROUP BY other ORDER BY n DESC, other",
        (article_id, article_id),
    )
    return [(row[0], row[1]) for row in rows]


def article_pairs(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every pair of articles that share at least one sentence, each once.

    Read from the derived shares, which hold a row for every pair that shares a
    sentence or a run of words (a fifth of the rows of the matches table), as
    plain tuples.
    """
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(
        "SELECT article_id, source_id FROM derived WHERE article_id < source_id AND matched > 0"
    ).fetchall()


def sentence_links(
    conn: sqlite3.Connection, article_id: int, i: int
) -> list[tuple[int, int, str, float, str, str | None, bool, bool]]:
    """(other article, its sentence index, its text, score, kind, changes, reverse,
    quote) for one sentence's matches; `changes` (JSON) reads from this sentence to
    the other unless `reverse`; `quote` marks a shared quotation.

    Two indexed lookups (the primary key and matches_b_sentence), so a reader
    can ask on every cursor move.
    """
    rows = conn.execute(
        "SELECT m.b_article, sb.i, sb.text, m.score, m.kind, m.changes, 0, m.quote"
        " FROM sentences sa"
        " JOIN matches m ON m.a_sentence = sa.id JOIN sentences sb ON sb.id = m.b_sentence"
        " WHERE sa.article_id = ? AND sa.i = ?"
        " UNION ALL "
        "SELECT m.a_article, sa.i, sa.text, m.score, m.kind, m.changes, 1, m.quote"
        " FROM sentences sb"
        " JOIN matches m ON m.b_sentence = sb.id JOIN sentences sa ON sa.id = m.a_sentence"
        " WHERE sb.article_id = ? AND sb.i = ?",
        (article_id, i, article_id, i),
    )
    return [
        (row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7])) for row in rows
    ]


def changed_copies(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """(article a, article b) of every matched pair whose sentences differ in a fact."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(
        "SELECT DISTINCT a_article, b_article FROM matches"
        " WHERE changes IS NOT NULL AND changes != '[]'"
    ).fetchall()


def derived_shares(
    conn: sqlite3.Connection, min_share: float, article_id: int | None = None
) -> list[tuple[int, int, float, int]]:
    """(article id, source id, share 0-1, quotes) rows of the derived table with a share
    of at least `min_share`: all, or one article's. `quotes` counts the shared
    quotations outside the copied passages. Plain tuples (10k articles: ~50k rows)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    if article_id is None:
        sql, args = (
            "SELECT article_id, source_id, share, quotes FROM derived WHERE share >= ?",
            (min_share,),
        )
    else:
        sql = (
            "SELECT article_id, source_id, share, quotes FROM derived"
            " WHERE article_id = ? AND share >= ?"
        )
        args = (article_id, min_share)
    return cursor.execute(sql, args).fetchall()


def refresh_shared(
    conn: sqlite3.Connection, sentences: Iterable[int], articles: Iterable[int]
) -> None:
    """Set the shared flag of `sentences` from the matches left, and recount `articles`."""
    in_query(
        conn,
        "UPDATE sentences SET shared = EXISTS (SELECT 1 FROM matches"
        " WHERE a_sentence = sentences.id OR b_sentence = sentences.id) WHERE id IN ({})",
        sentences,
    )
    conn.executemany(
        "UPDATE articles SET shared_count ="
        " (SELECT COUNT(*) FROM sentences WHERE article_id = articles.id AND shared = 1)"
        " WHERE id = ?",
        [(article,) for article in sorted(set(articles))],
    )
