"""The SQLite layer: schema, migrations, transactions, versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.models import Article, Sentence
from tui.store import articles as store
from tui.store.db import MIGRATIONS, connect, transaction


def make_article(source: str = "/a.txt", text: str = "One. Two.", digest: str = "h1") -> Article:
    return Article(
        source=source,
        text=text,
        content_hash=digest,
        title="T",
        sentences=[Sentence(0, 0, 4, "One."), Sentence(1, 5, 9, "Two.")],
    )


def test_new_library_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "sub" / "lib.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_reopening_does_not_rerun_migrations(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    conn = connect(path)
    with transaction(conn):
        store.insert_article(conn, make_article())
    conn.close()
    conn = connect(path)
    assert len(store.list_articles(conn)) == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    connect(path).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(RuntimeError, match="newer"):
        connect(path)


def test_insert_stores_sentences_and_counts_words(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        article_id = store.insert_article(conn, make_article())
    row = store.get_article(conn, article_id)
    assert row is not None and row.words == 2 and row.version == 1
    assert [s.text for s in store.get_sentences(conn, article_id)] == ["One.", "Two."]


def test_same_source_new_content_is_a_new_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        first = store.insert_article(conn, make_article(digest="h1"))
        second = store.insert_article(conn, make_article(digest="h2", text="One. Three."))
    assert first != second
    assert store.get_article(conn, second).version == 2  # type: ignore[union-attr]
    assert store.get_article(conn, first).text == "One. Two."  # type: ignore[union-attr]


def test_failed_transaction_leaves_nothing_half_stored(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    broken = make_article()
    broken.sentences.append(Sentence(0, 0, 1, "dup index"))  # violates UNIQUE(article_id, i)
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        store.insert_article(conn, broken)
    assert store.list_articles(conn) == []
    assert conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0


def test_delete_removes_sentences(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        article_id = store.insert_article(conn, make_article())
    with transaction(conn):
        assert store.delete_article(conn, article_id)
    assert conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0
