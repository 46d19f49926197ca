"""Open the SQLite library and keep its schema current.

Migrations are numbered SQL scripts; `PRAGMA user_version` records how many
have run, so an old library is upgraded in place when it is opened.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

MIGRATIONS: list[str] = [
    # 1: articles, sentences (with their matching keys), matches, full-text search.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        outlet TEXT,
        published TEXT,
        byline TEXT,
        credit TEXT,
        text TEXT NOT NULL,
        words INTEGER NOT NULL,
        sentence_count INTEGER NOT NULL,
        shared_count INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the match index keys on it
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        i INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        folded TEXT,  -- matching keys (tui/match): folded text, its hash, 2-gram hashes
        fold_hash INTEGER,
        shingles BLOB,
        shared INTEGER NOT NULL DEFAULT 0,
        UNIQUE (article_id, i)
    );
    -- each matched pair once, a_sentence < b_sentence.
    CREATE TABLE matches (
        a_sentence INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        b_sentence INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        a_article INTEGER NOT NULL,
        b_article INTEGER NOT NULL,
        score REAL NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (a_sentence, b_sentence)
    ) WITHOUT ROWID;
    CREATE INDEX matches_b_sentence ON matches(b_sentence);
    CREATE INDEX matches_a_article ON matches(a_article, b_article);
    CREATE INDEX matches_b_article ON matches(b_article, a_article);
    -- full-text search over sentences, kept in step by triggers.
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');
    CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    """,
    # 2: sentences enter the search index with one INSERT ... SELECT per batch
    # (index_for_search in tui/store/articles.py), a quarter of a row trigger's time.
    """
    DROP TRIGGER sentences_fts_insert;
    """,
    # 3: how much of each article's words another printed (tui/match/derived.py),
    # both directions of every matched pair.
    """
    CREATE TABLE derived (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        share REAL NOT NULL,
        PRIMARY KEY (article_id, source_id)
    ) WITHOUT ROWID;
    CREATE INDEX derived_source ON derived(source_id);
    """,
    # 4: the same bytes from two sources are two articles (a reprint), the same
    # bytes from the same source stay one: the unique key is now the copy key,
    # sha256 of (content hash, source); the content hash stays beside it.
    """
    ALTER TABLE articles RENAME COLUMN content_hash TO copy_key;
    ALTER TABLE articles ADD COLUMN content_hash TEXT;
    UPDATE articles SET content_hash = copy_key, copy_key = copy_key(copy_key, source);
    CREATE INDEX articles_content ON articles(content_hash);
    """,
    # 5: each article's token count, the denominator of its derived shares
    # (tui/match/derived.py); NULL until first needed for articles stored before.
    """
    ALTER TABLE articles ADD COLUMN tokens INTEGER;
    """,
    # 6: lines an outlet prints under unrelated stories (tui/match/boilerplate.py),
    # by folded-text hash; `scans` lists library-wide checks still to run once
    # (a library stored before this one needs its boilerplate found).
    """
    CREATE TABLE boilerplate (
        fold_hash INTEGER PRIMARY KEY,
        outlet TEXT NOT NULL,
        stories INTEGER NOT NULL,
        text TEXT NOT NULL  -- one printing of it, as printed
    );
    CREATE TABLE scans (name TEXT PRIMARY KEY);
    INSERT INTO scans (name) SELECT 'boilerplate' WHERE EXISTS (SELECT 1 FROM articles);
    """,
    # 7: provenance. Publish and modified times as the page gave them, the
    # canonical URL, versions (`lineage` is the first version's id; only the
    # `latest` version of an article is listed and matched), and the facts a
    # copy changed (`matches.changes`, JSON, typed on first need by
    # tui/matching.type_changes; NULL until then). A library stored before
    # gets its older versions retired once (`scans`).
    """
    ALTER TABLE articles ADD COLUMN modified TEXT;
    ALTER TABLE articles ADD COLUMN url TEXT;
    ALTER TABLE articles ADD COLUMN lineage INTEGER;
    ALTER TABLE articles ADD COLUMN latest INTEGER NOT NULL DEFAULT 1;
    UPDATE articles SET lineage = (
        SELECT MIN(b.id) FROM articles b WHERE b.source = articles.source
    );
    UPDATE articles SET latest = 0 WHERE version < (
        SELECT MAX(b.version) FROM articles b WHERE b.source = articles.source
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_lineage ON articles(lineage);
    CREATE INDEX articles_retired ON articles(id) WHERE latest = 0;
    ALTER TABLE matches ADD COLUMN changes TEXT;
    INSERT INTO scans (name)
        SELECT 'versions' WHERE EXISTS (SELECT 1 FROM articles WHERE latest = 0);
    """,
    # 8: sentences are keyed by word 2-grams instead of 3-grams
    # (tui/match/shingles.py); a library stored before is re-keyed once (`scans`).
    """
    INSERT INTO scans (name)
        SELECT 'keys' WHERE EXISTS (SELECT 1 FROM sentences WHERE fold_hash IS NOT NULL);
    """,
    # 9: followed feeds (tui/feeds.py): the validators of the last answer for a
    # conditional GET, and each item link seen, with the article it became (NULL
    # until its page is stored; an item whose page failed is tried again).
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        modified TEXT,
        fetched TEXT,  -- UTC, ISO 8601, of the last fetch that got an answer
        error TEXT,  -- the last fetch's failure, NULL when it worked
        added TEXT NOT NULL
    );
    CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        link TEXT NOT NULL,
        article_id INTEGER,
        PRIMARY KEY (feed_id, link)
    );
    """,
    # 10: upkeep. When an article was first opened (NULL: unread), and small
    # library-wide state such as the previous visit's time (`state`).
    """
    ALTER TABLE articles ADD COLUMN read TEXT;
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 11: folding drops reading marks (Arabic vowel marks and tatweel, Hebrew
    # points, zero-width joiners; tui/text/normalize.py), which changes stored
    # folded text and hashes: a library stored before is re-keyed from its
    # sentences' text once (`scans`).
    """
    INSERT OR IGNORE INTO scans (name)
        SELECT 'keys' WHERE EXISTS (SELECT 1 FROM sentences);
    """,
    # 12: quotes and passages (tui/match/judge.py, passages.py). Each sentence's
    # quoted words (one "0"/"1" per folded token, NULL when none is quoted), a
    # match that is a shared quotation, and per article pair how many quotes
    # they share and how many sentence pairs they share (`matched`; a pair can
    # share runs of words without a whole sentence). A library stored before
    # gets its sentences' quoted words read once (`scans`); its matches stay
    # as they were found.
    """
    ALTER TABLE sentences ADD COLUMN quoted TEXT;
    ALTER TABLE matches ADD COLUMN quote INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE derived ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE derived ADD COLUMN matched INTEGER NOT NULL DEFAULT 0;
    UPDATE derived SET matched = (
        SELECT COUNT(*) FROM matches m WHERE (m.a_article = derived.article_id
        AND m.b_article = derived.source_id) OR (m.b_article = derived.article_id
        AND m.a_article = derived.source_id)
    );
    INSERT OR IGNORE INTO scans (name)
        SELECT 'quotes' WHERE EXISTS (SELECT 1 FROM sentences);
    """,
    # 13: page furniture left in the text (tui/clean/boilerplate.is_furniture) is
    # never keyed for matching; a library keyed before has it unkeyed once (`scans`).
    """
    INSERT OR IGNORE INTO scans (name)
        SELECT 'furniture' WHERE EXISTS (SELECT 1 FROM sentences WHERE fold_hash IS NOT NULL);
    """,
    # 14: words keep their combining marks (tui/text/normalize.WORD_PATTERN): a
    # Devanagari, Bengali or Tamil word is one token, no longer cut at every vowel
    # sign, which changes the keys; a library stored before is re-keyed once.
    """
    INSERT OR IGNORE INTO scans (name)
        SELECT 'keys' WHERE EXISTS (SELECT 1 FROM sentences);
    """,
    # 15: the listing (tui/store/articles.list_articles) reads this covering index,
    # in its order, instead of every row with the text stored in the middle of it:
    # 0.77 -> 0.20 s at 100,000 articles, for about 200 bytes an article.
    """
    CREATE INDEX articles_listing ON articles(
        latest, published IS NULL, published, added, id, source, version, title, outlet,
        byline, credit, words, sentence_count, shared_count, modified, url, lineage, read
    );
    """,
]

BUSY_TIMEOUT_MS = 30_000
# Values bound per statement by `in_query`, well under SQLite's variable limit.
IN_CHUNK = 5000


def now_utc() -> str:
    """The current UTC time to the second, ISO 8601 ("2025-03-04T06:12:00+00:00"): how
    the library records when something happened."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def copy_key(content_hash: str, source: str) -> str:
    """What makes an article unique: its bytes (their sha256) *from* one source.

    Re-reading the same bytes from the same source is "already present"; the
    same bytes from another source is a reprint, stored as an article of its own.
    """
    return hashlib.sha256(f"{content_hash}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()


class LibraryUnusable(Exception):
    """The library file cannot be opened or upgraded; the message is one line for the user."""


def connect(path: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """Open a library (creating it if `create`): WAL, foreign keys, schema migrated.

    Autocommit mode: callers group writes with `transaction()`. Raises
    LibraryUnusable ("PATH: reason") when the file is not a library (or
    another program's database), its folder cannot be made, its schema is
    newer than this code, or it does not exist and `create` is false.
    """
    if not create and str(path) != ":memory:" and not Path(path).exists():
        raise LibraryUnusable(f"{path}: no library here (copydesk ingest makes one)")
    conn = None
    try:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.create_function("copy_key", 2, copy_key, deterministic=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except (sqlite3.DatabaseError, OSError, RuntimeError) as error:
        if conn is not None:
            conn.close()
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise LibraryUnusable(f"{path}: cannot use as a library: {reason}") from error
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    """Run the migrations this library has not seen yet, each in its own transaction.

    A library that is up to date is not written to, so opening one never waits for
    another process's write lock (a long `copydesk ingest` batch holds it)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
        return
    with transaction(conn):
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current == 0 and conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            raise RuntimeError("another program's database (it holds tables of its own)")
        if current > len(MIGRATIONS):
            raise RuntimeError(
                f"library schema version {current} is newer than this copydesk understands"
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")


def in_query(conn: sqlite3.Connection, sql: str, values: Iterable[int]) -> list[sqlite3.Row]:
    """Run `sql` (with one `{}` for an IN list) over many distinct values, IN_CHUNK at a time."""
    ordered = sorted(set(values))
    rows: list[sqlite3.Row] = []
    for start in range(0, len(ordered), IN_CHUNK):
        chunk = ordered[start : start + IN_CHUNK]
        rows.extend(conn.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return rows


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements; triggers contain semicolons of their own."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                yield buffer
            buffer = ""


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two writers queue on the busy
    timeout instead of failing halfway through.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
