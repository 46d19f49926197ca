"""Queries on followed feeds and the item links seen in them. Every function takes an
open connection; the caller holds the transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tui.store.db import now_utc as now


@dataclass(frozen=True)
class FeedRow:
    """A followed feed: its URL, title, the last fetch (UTC ISO 8601) and its failure
    (None when it worked), the validators for the next conditional GET, and how many
    item links it has given (`items`) and how many are articles in the library now
    (`stored`: one deleted since no longer counts, and is not fetched again)."""

    id: int
    url: str
    title: str | None
    fetched: str | None
    error: str | None
    etag: str | None
    modified: str | None
    items: int
    stored: int


_SELECT = """
    SELECT f.id, f.url, f.title, f.fetched, f.error, f.etag, f.modified,
           COUNT(i.link) AS items, COUNT(a.id) AS stored
    FROM feeds f LEFT JOIN feed_items i ON i.feed_id = f.id
    LEFT JOIN articles a ON a.id = i.article_id
"""


def list_feeds(conn: sqlite3.Connection) -> list[FeedRow]:
    """Every followed feed, in the order they were followed."""
    rows = conn.execute(_SELECT + " GROUP BY f.id ORDER BY f.id").fetchall()
    return [FeedRow(*row) for row in rows]


def find_feed(conn: sqlite3.Connection, reference: str) -> FeedRow | None:
    """The feed with this id (digits) or URL, or None."""
    column = "f.id" if reference.isdigit() else "f.url"
    row = conn.execute(_SELECT + f" WHERE {column} = ? GROUP BY f.id", (reference,)).fetchone()
    return FeedRow(*row) if row else None


def add_feed(conn: sqlite3.Connection, url: str, title: str | None) -> tuple[int, bool]:
    """(id, newly added) for `url`; an already followed feed keeps its state."""
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    if row:
        return row[0], False
    cursor = conn.execute(
        "INSERT INTO feeds (url, title, added) VALUES (?, ?, ?)", (url, title, now())
    )
    return int(cursor.lastrowid or 0), True


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Stop following a feed; the articles its items became stay in the library."""
    conn.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed_id,))
    conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def stored_links(conn: sqlite3.Connection, feed_id: int) -> set[str]:
    """The item links of this feed whose pages are already articles."""
    rows = conn.execute(
        "SELECT link FROM feed_items WHERE feed_id = ? AND article_id IS NOT NULL", (feed_id,)
    )
    return {link for (link,) in rows}


def record_item(conn: sqlite3.Connection, feed_id: int, link: str, article_id: int | None) -> None:
    """Remember an item link and the article its page became (None: not stored yet)."""
    conn.execute(
        "INSERT INTO feed_items (feed_id, link, article_id) VALUES (?, ?, ?)"
        " ON CONFLICT (feed_id, link) DO UPDATE"
        " SET article_id = COALESCE(excluded.article_id, article_id)",
        (feed_id, link, article_id),
    )


def record_fetch(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    error: str | None,
    title: str | None = None,
    etag: str | None = None,
    modified: str | None = None,
    validators: bool = False,
) -> None:
    """Note a fetch: its time and failure; the title when the feed gave one; the
    validators only when `validators` (every item of that answer is stored)."""
    conn.execute(
        "UPDATE feeds SET fetched = ?, error = ?, title = COALESCE(?, title) WHERE id = ?",
        (now(), error, title, feed_id),
    )
    if validators:
        conn.execute(
            "UPDATE feeds SET etag = ?, modified = ? WHERE id = ?", (etag, modified, feed_id)
        )
