"""Queries on articles and sentences. Every function takes an open connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.models import Article, Sentence
from tui.store.db import copy_key, in_query, now_utc
from tui.text.normalize import UNSPACED_CHARACTER
from tui.text.sanitize import printable


@dataclass(frozen=True)
class ArticleRow:
    """An article as stored, without its sentences (cheap to list)."""

    id: int
    source: str
    version: int
    title: str | None
    outlet: str | None
    published: str | None
    byline: str | None
    credit: str | None
    words: int
    sentence_count: int
    shared_count: int
    added: str
    modified: str | None
    url: str | None  # canonical URL, else the URL fetched, else None
    lineage: int  # the id of the article's first version
    latest: int  # 1 for the version listed and matched, 0 for older ones
    read: str | None  # when it was first opened in the app (UTC ISO 8601), None if unread
    text: str  # the whole text from get_article; from list_articles, an untitled one's opening

    @property
    def label_title(self) -> str:
        """The title; for a page that gave none, UNTITLED and its opening words
        ("(untitled) Moscow, July 15 (IANS) Japan is open to…"). Every command and
        screen shows this one label."""
        if self.title:
            return self.title
        opening = " ".join(self.text[:120].split()[:12])
        return f"{UNTITLED} {opening}…" if opening else UNTITLED

    @property
    def label_outlet(self) -> str:
        """The outlet; for a page that did not say, the host it was fetched from, and
        UNKNOWN_OUTLET for a file (a file name is no outlet). Every command and
        screen shows this one label.

        Safe to print: one line, control characters shown as escapes.
        """
        name = self.outlet
        if not name and "://" in self.source:
            name = self.source.split("://", 1)[1].split("/", 1)[0][:60]
        return printable(" ".join((name or "").split())) or UNKNOWN_OUTLET

    @property
    def label_outlet_id(self) -> str:
        """`label_outlet`, with the article's id when the outlet is unknown ("unknown
        outlet #3"), for lists where several unnamed articles must be told apart."""
        label = self.label_outlet
        return f"{label} #{self.id}" if label == UNKNOWN_OUTLET else label

    @property
    def shared_share(self) -> float:
        """Share of this article's sentences that another article also printed."""
        return self.shared_count / self.sentence_count if self.sentence_count else 0.0


UNTITLED = "(untitled)"
UNKNOWN_OUTLET = "unknown outlet"


_ROW_COLUMNS = (
    "id, source, version, title, outlet, published, byline, credit, words,"
    " sentence_count, shared_count, added, modified, url, lineage, latest, read"
)
# A new version keeps at least this share of the earlier one's sentences.
MIN_KEPT_BY_VERSION = 0.25
# Listing 10,000 articles must not read every body: list rows carry the opening only.
OPENING_CHARS = 200


def _row(row: sqlite3.Row) -> ArticleRow:
    # positional: _ROW_COLUMNS + text are in field order (by name costs 40% of a 10k listing)
    return ArticleRow(*row)


def word_count(text: str) -> int:
    """Words as readers count them: space-separated, and each character of a script
    written without spaces (Chinese, Japanese, Thai) counts as one."""
    chunks = text.split()
    if not UNSPACED_CHARACTER.search(text):  # most text: one search instead of one per word
        return len(chunks)
    return sum(len(UNSPACED_CHARACTER.findall(chunk)) or 1 for chunk in chunks)


def find_copy(conn: sqlite3.Connection, article: Article) -> int | None:
    """The stored article with these bytes from this source (see `db.copy_key`), if any."""
    key = copy_key(article.content_hash, article.source)
    row = conn.execute("SELECT id FROM articles WHERE copy_key = ?", (key,)).fetchone()
    return row[0] if row else None


# The source and the URL lookups, each by its own index ("+latest" keeps the
# planner off the listing index, which starts with `latest` and would make
# this a scan of every listed article: 3 ms at 10,000 articles, 0.1 ms so).
PREVIOUS_VERSION = (
    f"SELECT {_ROW_COLUMNS}, text FROM articles WHERE +latest = 1"
    " AND (source IN (?, ?) OR url IN (?, ?)) ORDER BY source = ? DESC, id DESC LIMIT 1"
)


def previous_version(conn: sqlite3.Connection, article: Article) -> ArticleRow | None:
    """The listed article this one may be a new version of, if any.

    The same source, or the same canonical URL (as either side's source or
    URL), is one article, with two guards:
    - stdin ("-") is no source of its own: two pipes are two articles;
    - the outlets must agree when both pages name one, and a link through a
      canonical URL alone needs both to name it: a canonical URL shared by
      pages of two outlets (or one unnamed) is syndication, not a version.
    The caller still checks that the two tell the same story (`same_story`).
    """
    names = sorted({article.source, article.url or article.source} - {"-"})
    if not names:
        return None
    row = conn.execute(
        PREVIOUS_VERSION, (names[0], names[-1], names[0], names[-1], article.source)
    ).fetchone()
    if row is None:
        return None
    previous = _row(row)
    ours, theirs = (article.outlet or "").casefold(), (previous.outlet or "").casefold()
    if ours and theirs and ours != theirs:
        return None
    if previous.source != article.source and not (ours and theirs):
        return None
    return previous


def same_story(conn: sqlite3.Connection, previous_id: int, fold_hashes: set[int]) -> bool:
    """True when a new page keeps at least a quarter of an earlier version's sentences
    (after folding): an update, not another story saved under the same name."""
    rows = conn.execute(
        "SELECT fold_hash FROM sentences WHERE article_id = ? AND fold_hash IS NOT NULL",
        (previous_id,),
    ).fetchall()
    old = {row[0] for row in rows}
    if not old or not fold_hashes:
        return False
    return len(old & fold_hashes) >= MIN_KEPT_BY_VERSION * min(len(old), len(fold_hashes))


def retire(conn: sqlite3.Connection, article_id: int) -> None:
    """Mark a version as superseded: it stays readable but is no longer listed."""
    conn.execute("UPDATE articles SET latest = 0 WHERE id = ?", (article_id,))


def insert_article(
    conn: sqlite3.Connection,
    article: Article,
    keys: Sequence[tuple[str | None, int | None, bytes | None, str | None]] | None = None,
    previous: ArticleRow | None = None,
) -> int:
    """Store an article and its sentences; call inside a transaction.

    `keys` are the sentences' matching columns (folded, fold_hash, shingles,
    quoted), one per sentence, written in the same INSERT. With `previous` (see
    `previous_version`) the article is that one's next version, in its
    lineage; the caller retires the previous one. The caller adds the
    sentences to the search index (`index_for_search`) before committing.
    """
    version = previous.version + 1 if previous else 1
    cursor = conn.execute(
        "INSERT INTO articles (id, source, version, copy_key, content_hash, title, outlet,"
        " published, byline, credit, text, words, sentence_count, added, modified, url, lineage)"
        f" VALUES (({_NEXT_ID}), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.source,
            version,
            copy_key(article.content_hash, article.source),
            article.content_hash,
            article.title,
            article.outlet,
            article.published,
            article.byline,
            article.credit,
            article.text,
            word_count(article.text),
            len(article.sentences),
            now_utc(),
            article.modified,
            article.url,
            previous.lineage if previous else None,
        ),
    )
    article_id = cursor.lastrowid
    assert article_id is not None
    if previous is None:
        conn.execute("UPDATE articles SET lineage = id WHERE id = ?", (article_id,))
    if keys is None:
        keys = [(None, None, None, None)] * len(article.sentences)
    conn.executemany(
        "INSERT INTO sentences (article_id, i, start, end, text, folded, fold_hash, shingles,"
        " quoted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, s.i, s.start, s.end, s.text, *key)
            for s, key in zip(article.sentences, keys, strict=True)
        ],
    )
    return article_id


def article_count(conn: sqlite3.Connection) -> int:
    """How many articles the library holds (every version)."""
    return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def last_sentence_id(conn: sqlite3.Connection) -> int:
    (top,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM sentences").fetchone()
    return top


def index_for_search(conn: sqlite3.Connection, after_sentence_id: int) -> None:
    """Add sentences stored since `after_sentence_id` to the full-text index.

    Call in the transaction that stored them, before it commits. One
    INSERT ... SELECT for a whole batch costs about a quarter of what a row
    trigger did (0.35 against 1.55 ms an article).
    """
    conn.execute(
        "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?",
        (after_sentence_id,),
    )


# The listing, read from the listing index alone (migration 15), and the openings
# of the untitled articles in it, for their labels.
LISTING = (
    f"SELECT {_ROW_COLUMNS} FROM articles"
    " WHERE latest = 1 ORDER BY published IS NULL, published, added, id"
)
UNTITLED_OPENINGS = (
    f"SELECT id, substr(text, 1, {OPENING_CHARS}) FROM articles WHERE latest = 1 AND title IS NULL"
)


def list_articles(conn: sqlite3.Connection) -> list[ArticleRow]:
    """The latest version of every article, by publication date, then by when added.

    A row's `text` is only what its label needs: the first OPENING_CHARS
    characters of an untitled article (`ArticleRow.label_title`), empty for the
    others; `get_article` gives the whole text.
    """
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, in field order
    openings = dict(cursor.execute(UNTITLED_OPENINGS).fetchall())
    rows = cursor.execute(LISTING).fetchall()
    return [ArticleRow(*row, openings.get(row[0], "")) for row in rows]


def older_versions(conn: sqlite3.Connection) -> list[ArticleRow]:
    """Every version that a later one replaced, by article and version (whole texts)."""
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS}, text FROM articles WHERE latest = 0 ORDER BY lineage, version"
    )
    return [_row(row) for row in rows]


def versions(conn: sqlite3.Connection, article_id: int) -> list[ArticleRow]:
    """Every version of the article `article_id` belongs to, oldest first (whole texts)."""
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS}, text FROM articles"
        " WHERE lineage = (SELECT lineage FROM articles WHERE id = ?) ORDER BY version",
        (article_id,),
    )
    return [_row(row) for row in rows]


def get_article(conn: sqlite3.Connection, article_id: int) -> ArticleRow | None:
    row = conn.execute(
        f"SELECT {_ROW_COLUMNS}, text FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return _row(row) if row else None


def sentence_ids(conn: sqlite3.Connection, article_id: int) -> list[int]:
    """An article's sentence ids, in reading order."""
    rows = conn.execute("SELECT id FROM sentences WHERE article_id = ? ORDER BY i", (article_id,))
    return [row[0] for row in rows]


def get_sentences(conn: sqlite3.Connection, article_id: int) -> list[Sentence]:
    rows = conn.execute(
        "SELECT i, start, end, text FROM sentences WHERE article_id = ? ORDER BY i", (article_id,)
    )
    return [Sentence(row["i"], row["start"], row["end"], row["text"]) for row in rows]


def get_sentence_text(conn: sqlite3.Connection, article_id: int, i: int) -> str:
    row = conn.execute(
        "SELECT text FROM sentences WHERE article_id = ? AND i = ?", (article_id, i)
    ).fetchone()
    return row[0] if row else ""


def mark_read(conn: sqlite3.Connection, article_id: int, when: str) -> None:
    """Note that an article was opened (the first time counts)."""
    conn.execute("UPDATE articles SET read = COALESCE(read, ?) WHERE id = ?", (when, article_id))


def delete_article(conn: sqlite3.Connection, article_id: int) -> bool:
    """Remove an article; its sentences (and later its matches) go with it. Its id is
    never given to another article: "#6" in an earlier export keeps naming it."""
    conn.execute(
        "INSERT INTO state (key, value) VALUES ('deleted_id', ?) ON CONFLICT (key)"
        " DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        (str(article_id),),
    )
    return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0


# The next article id: past every id stored and every id deleted, so none is reused.
_NEXT_ID = (
    "SELECT MAX(COALESCE((SELECT MAX(id) FROM articles), 0),"
    " COALESCE((SELECT CAST(value AS INTEGER) FROM state WHERE key = 'deleted_id'), 0)) + 1"
)


def existing_sentences(conn: sqlite3.Connection, sentence_ids: Iterable[int]) -> set[int]:
    """The ids among `sentence_ids` still stored (another process may delete articles)."""
    return {
        row[0] for row in in_query(conn, "SELECT id FROM sentences WHERE id IN ({})", sentence_ids)
    }
