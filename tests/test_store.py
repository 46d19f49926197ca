"""The SQLite layer: schema, migrations, transactions, versions."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tui.models import Article, Sentence
from tui.store import articles as store
from tui.store.db import MIGRATIONS, LibraryUnusable, connect, copy_key, transaction


def make_article(source: str = "/a.txt", text: str = "One. Two.", digest: str = "h1") -> Article:
    return Article(
        source=source,
        text=text,
        content_hash=digest,
        title="T",
        sentences=[Sentence(0, 0, 4, "One."), Sentence(1, 5, 9, "Two.")],
    )


def _insert(conn, article: Article) -> int:
    """Store an article as the library does: its sentences, then their search entries."""
    after = store.last_sentence_id(conn)
    article_id = store.insert_article(conn, article)
    store.index_for_search(conn, after)
    return article_id


def test_new_library_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "sub" / "lib.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_reopening_does_not_rerun_migrations(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    conn = connect(path)
    with transaction(conn):
        _insert(conn, make_article())
    conn.close()
    conn = connect(path)
    assert len(store.list_articles(conn)) == 1


def test_an_up_to_date_library_opens_while_another_connection_holds_the_write_lock(
    tmp_path: Path,
) -> None:
    """A reader (the app's story grouping, say) never waits for a writer's long batch."""
    path = tmp_path / "lib.sqlite"
    connect(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE scans SET name = name")
    try:
        reader = connect(path)
        reader.execute("PRAGMA busy_timeout = 0")  # a wait for the lock would fail at once
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    connect(path).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(LibraryUnusable, match="newer"):
        connect(path)


@pytest.mark.parametrize("make", ["text file", "folder", "under a file"])
def test_what_is_not_a_library_is_refused_in_one_line(tmp_path: Path, make: str) -> None:
    path = tmp_path / "lib.sqlite"
    if make == "text file":
        path.write_text("Harbour News\n\nNot a database at all, but a story.\n" * 50)
    elif make == "folder":
        path.mkdir()
    else:
        (tmp_path / "file").write_text("x")
        path = tmp_path / "file" / "lib.sqlite"
    with pytest.raises(LibraryUnusable) as caught:
        connect(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot use as a library: ") and "\n" not in message


def test_insert_stores_sentences_and_counts_words(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        article_id = _insert(conn, make_article())
    row = store.get_article(conn, article_id)
    assert row is not None and row.words == 2 and row.version == 1
    assert [s.text for s in store.get_sentences(conn, article_id)] == ["One.", "Two."]


def test_same_source_new_content_is_a_new_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        first = _insert(conn, make_article(digest="h1"))
        newer = make_article(digest="h2", text="One. Three.")
        previous = store.previous_version(conn, newer)
        assert previous is not None and previous.id == first
        second = store.insert_article(conn, newer, previous=previous)
        store.retire(conn, first)
    assert first != second
    assert [row.id for row in store.list_articles(conn)] == [second]  # one row: the latest
    assert [row.id for row in store.versions(conn, first)] == [first, second]
    assert store.get_article(conn, second).version == 2  # type: ignore[union-attr]
    assert store.get_article(conn, first).text == "One. Two."  # type: ignore[union-attr]


def test_failed_transaction_leaves_nothing_half_stored(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    broken = make_article()
    broken.sentences.append(Sentence(0, 0, 1, "dup index"))  # violates UNIQUE(article_id, i)
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        _insert(conn, broken)
    assert store.list_articles(conn) == []
    assert conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0


def test_delete_removes_sentences(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        article_id = _insert(conn, make_article())
    with transaction(conn):
        assert store.delete_article(conn, article_id)
    assert conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0


def test_search_index_follows_inserts_and_deletes(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    with transaction(conn):
        article_id = _insert(conn, make_article(text="One. Two."))
    found = "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'two'"
    assert len(conn.execute(found).fetchall()) == 1
    with transaction(conn):
        store.delete_article(conn, article_id)
    assert conn.execute(found).fetchall() == []
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")


def test_a_first_version_library_is_upgraded_in_place(tmp_path: Path) -> None:
    """Migration 2 drops the insert trigger; articles stored before stay searchable."""
    path = tmp_path / "lib.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    old.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    old.execute(
        "INSERT INTO articles (id, source, version, content_hash, text, words, sentence_count,"
        " added) VALUES (1, 'a', 1, 'h', 'Old words.', 2, 1, 'now')"
    )
    old.execute(
        "INSERT INTO sentences (article_id, i, start, end, text) VALUES (1, 0, 0, 10, 'Old words.')"
    )
    old.close()

    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    # migration 4: the content hash stays, and the unique key is now bytes + source
    row = conn.execute("SELECT content_hash, copy_key FROM articles WHERE id = 1").fetchone()
    assert tuple(row) == ("h", copy_key("h", "a"))
    triggers = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    assert triggers == {"sentences_fts_delete"}
    with transaction(conn):
        _insert(conn, make_article(text="One. Two."))
    assert (
        len(
            conn.execute(
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'old OR two'"
            ).fetchall()
        )
        == 2
    )
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")


def test_the_listing_reads_the_listing_index_alone(tmp_path: Path) -> None:
    """The listing never scans the articles with their texts (0.77 s at 100,000
    articles against 0.20 s from the covering index)."""
    conn = connect(tmp_path / "lib.sqlite")
    plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + store.LISTING))
    assert "COVERING INDEX articles_listing" in plan
    assert "TEMP B-TREE" not in plan  # (the index holds the listing's order too)


def test_listed_rows_carry_an_opening_only_where_the_label_needs_it(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lib.sqlite")
    untitled = replace(make_article("/b.txt", "Moscow, July 15. Two.", "h2"), title=None)
    with transaction(conn):
        titled_id, untitled_id = _insert(conn, make_article()), _insert(conn, untitled)
    rows = {row.id: row for row in store.list_articles(conn)}
    assert rows[titled_id].label_title == "T" and rows[titled_id].text == ""
    assert rows[untitled_id].label_title.startswith("(untitled) Moscow, July 15. Two.")
    assert [field for field in rows[titled_id].__dataclass_fields__][-1] == "text"
    full = store.get_article(conn, titled_id)
    assert full is not None
    assert replace(rows[titled_id], text=full.text) == full  # every other field as stored


def test_a_new_version_is_looked_up_by_source_and_url_not_by_scanning(tmp_path: Path) -> None:
    """Every stored article asks for its previous version: a scan of the listed
    articles cost 3 ms an article at 10,000 (30 ms at 100,000)."""
    conn = connect(tmp_path / "lib.sqlite")
    plan = " ".join(
        row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + store.PREVIOUS_VERSION, "abcde")
    )
    assert "INDEX articles_source (source=?)" in plan and "INDEX articles_url (url=?)" in plan
    assert "articles_listing" not in plan
