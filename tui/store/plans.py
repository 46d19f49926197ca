"""The SQL that applies what matching planned, and reads what its index learns.

Matching (tui/match/) is pure: it reads an in-memory index and returns plans.
Everything it needs from the library, and everything its plans change, goes
through these functions; tui/matching.py puts the two together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from tui.models import IndexDelta
from tui.store.db import in_query

# (a_sentence, b_sentence, a_article, b_article, score, kind, quote), a_sentence < b_sentence
MatchValues = tuple[int, int, int, int, float, str, bool]
# (a_sentence, b_sentence, a_article, b_article)
PairIds = tuple[int, int, int, int]
# (article_id, source_id, share 0-1, quotes, matched sentence pairs)
ShareValues = tuple[int, int, float, int, int]


def index_delta(
    conn: sqlite3.Connection, sentences_after: int, articles_after: int, links_after: int
) -> IndexDelta:
    """Read what is new to an index that has seen sentences up to id
    `sentences_after`, articles up to `articles_after` and their links up to
    `links_after` (see IndexDelta)."""
    return IndexDelta(
        sentences=conn.execute(
            "SELECT id, article_id, folded, fold_hash, shingles, quoted FROM sentences"
            " WHERE id > ? AND fold_hash IS NOT NULL ORDER BY id",
            (sentences_after,),
        ).fetchall(),
        top_sentence=conn.execute("SELECT COALESCE(MAX(id), 0) FROM sentences").fetchone()[0],
        articles=conn.execute(
            "SELECT id, outlet, source, tokens FROM articles WHERE id > ? ORDER BY id",
            (articles_after,),
        ).fetchall(),
        boilerplate=[row[0] for row in conn.execute("SELECT fold_hash FROM boilerplate")],
        retired=[row[0] for row in conn.execute("SELECT id FROM articles WHERE latest = 0")],
        links=conn.execute(
            "SELECT article_id, source_id FROM derived WHERE matched > 0 AND source_id > ?"
            " AND article_id < source_id",
            (links_after,),
        ).fetchall(),
        exact_links=conn.execute(  # two indexed lookups, not a scan of every match
            "SELECT a_article, b_article FROM matches WHERE a_article > ? AND kind = 'exact'"
            " UNION SELECT a_article, b_article FROM matches WHERE b_article > ?"
            " AND kind = 'exact'",
            (links_after, links_after),
        ).fetchall(),
    )


def insert_matches(conn: sqlite3.Connection, matches: Iterable[MatchValues]) -> None:
    """Store sentence matches (an existing pair is left as it was)."""
    conn.executemany(
        "INSERT OR IGNORE INTO matches"
        " (a_sentence, b_sentence, a_article, b_article, score, kind, quote)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        matches,
    )


def mark_shared(conn: sqlite3.Connection, sentence_ids: Iterable[int]) -> None:
    """Flag sentences as shared and bump their articles' counts, once per sentence."""
    newly = in_query(
        conn,
        "SELECT article_id, COUNT(*) FROM sentences WHERE id IN ({}) AND shared = 0"
        " GROUP BY article_id",
        sentence_ids,
    )
    in_query(conn, "UPDATE sentences SET shared = 1 WHERE id IN ({})", sentence_ids)
    conn.executemany(
        "UPDATE articles SET shared_count = shared_count + ? WHERE id = ?",
        [(count, article) for article, count in newly],
    )


def set_tokens(conn: sqlite3.Connection, counts: Iterable[tuple[int, int]]) -> None:
    """Store articles' token counts: (tokens, article id) pairs."""
    conn.executemany("UPDATE articles SET tokens = ? WHERE id = ?", counts)


def write_shares(
    conn: sqlite3.Connection,
    rows: Iterable[ShareValues],
    gone: Iterable[tuple[int, int]] = (),
) -> None:
    """Store derived shares (one row per direction), and drop the (article,
    source) rows of pairs left with nothing shared."""
    conn.executemany("DELETE FROM derived WHERE article_id = ? AND source_id = ?", gone)
    conn.executemany(
        "INSERT OR REPLACE INTO derived (article_id, source_id, share, quotes, matched)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def matches_between(conn: sqlite3.Connection, a: int, b: int) -> list[tuple[int, int, int, bool]]:
    """(a_sentence, b_sentence, a_article, quote) of every match of articles a and b."""
    return [
        (x, y, article, bool(quote))
        for x, y, article, quote in conn.execute(
            "SELECT a_sentence, b_sentence, a_article, quote FROM matches"
            " WHERE (a_article = ? AND b_article = ?) OR (a_article = ? AND b_article = ?)",
            (a, b, b, a),
        )
    ]


def matched_article_pairs(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every (a_article, b_article) pair that shares a match."""
    return conn.execute("SELECT DISTINCT a_article, b_article FROM matches").fetchall()


def delete_matches_holding(conn: sqlite3.Connection, sentence_ids: Iterable[int]) -> set[PairIds]:
    """Delete every match holding one of these sentences, on either side; returns
    the deleted pairs as (a_sentence, b_sentence, a_article, b_article)."""
    ids = list(sentence_ids)
    lost = {
        tuple(row)
        for side in ("a_sentence", "b_sentence")
        for row in in_query(
            conn,
            "SELECT a_sentence, b_sentence, a_article, b_article FROM matches"
            f" WHERE {side} IN ({{}})",
            ids,
        )
    }
    for side in ("a_sentence", "b_sentence"):
        in_query(conn, f"DELETE FROM matches WHERE {side} IN ({{}})", ids)
    return lost  # type: ignore[return-value]


def first_text(conn: sqlite3.Connection, sentence_ids: Sequence[int]) -> str | None:
    """The text of the earliest of these sentences that still exists, None if none does."""
    found = in_query(
        conn, "SELECT text FROM sentences WHERE id IN ({}) ORDER BY id LIMIT 1", sentence_ids
    )
    return found[0][0] if found else None


def record_boilerplate(
    conn: sqlite3.Connection, fold_hash: int, outlet: str, stories: int, text: str
) -> None:
    """Remember a line an outlet prints under `stories` unrelated stories."""
    conn.execute(
        "INSERT OR IGNORE INTO boilerplate (fold_hash, outlet, stories, text) VALUES (?, ?, ?, ?)",
        (fold_hash, outlet, stories, text),
    )


def boilerplate_lines(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """(outlet, stories, text) of every boilerplate line."""
    return conn.execute("SELECT outlet, stories, text FROM boilerplate").fetchall()


def replace_boilerplate(
    conn: sqlite3.Connection, rows: Iterable[tuple[int, str, int, str]]
) -> None:
    """Replace every boilerplate line with these (fold hash, outlet, stories, text)."""
    conn.execute("DELETE FROM boilerplate")
    conn.executemany(
        "INSERT OR IGNORE INTO boilerplate (fold_hash, outlet, stories, text) VALUES (?, ?, ?, ?)",
        rows,
    )


def repeated_fold_hashes(conn: sqlite3.Connection, articles: int) -> list[int]:
    """Fold hashes of sentences printed in at least `articles` articles."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT fold_hash FROM sentences WHERE fold_hash IS NOT NULL"
            " GROUP BY fold_hash HAVING COUNT(DISTINCT article_id) >= ?",
            (articles,),
        )
    ]


def keyed_sentences(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, text) of every sentence that has matching keys."""
    return conn.execute("SELECT id, text FROM sentences WHERE fold_hash IS NOT NULL").fetchall()


def unkey(conn: sqlite3.Connection, sentence_ids: Iterable[int]) -> None:
    """Take these sentences' matching keys away: they are never matched again."""
    in_query(
        conn,
        "UPDATE sentences SET folded = NULL, fold_hash = NULL, shingles = NULL WHERE id IN ({})",
        sentence_ids,
    )


def untyped_pairs(conn: sqlite3.Connection) -> list[tuple[int, int, str, str]]:
    """(a_sentence, b_sentence, a text, b text) of stored pairs whose changes are not typed."""
    return conn.execute(
        "SELECT m.a_sentence, m.b_sentence, sa.text, sb.text FROM matches m"
        " JOIN sentences sa ON sa.id = m.a_sentence JOIN sentences sb ON sb.id = m.b_sentence"
        " WHERE m.kind != 'exact' AND m.changes IS NULL"
    ).fetchall()


def write_changes(conn: sqlite3.Connection, updates: Iterable[tuple[str, int, int]]) -> None:
    """Store typed changes: (JSON, a_sentence, b_sentence) per pair."""
    conn.executemany(
        "UPDATE matches SET changes = ? WHERE a_sentence = ? AND b_sentence = ?", updates
    )


def partners(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, int]]:
    """(sentence id, article id) of every sentence matched with this article's."""
    return conn.execute(
        "SELECT b_sentence, b_article FROM matches WHERE a_article = ?"
        " UNION SELECT a_sentence, a_article FROM matches WHERE b_article = ?",
        (article_id, article_id),
    ).fetchall()


def unmatch_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Drop an article's matches, derived shares and shared flags (an older version
    leaves matching, but stays readable)."""
    conn.execute(
        "DELETE FROM matches WHERE a_article = ? OR b_article = ?", (article_id, article_id)
    )
    conn.execute(
        "DELETE FROM derived WHERE article_id = ? OR source_id = ?", (article_id, article_id)
    )
    conn.execute("UPDATE sentences SET shared = 0 WHERE article_id = ?", (article_id,))
    conn.execute("UPDATE articles SET shared_count = 0 WHERE id = ?", (article_id,))
