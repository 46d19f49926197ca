"""Preparing sources in worker processes, and committing a bulk ingest in batches."""

from __future__ import annotations

import gc
import io
import os
import sqlite3
from pathlib import Path

import pytest

import tui.library
from tui.library import Library
from tui.pipeline import CRASHED, Prepared, in_workers, prepare_all

from .synthetic import article_count, assert_consistent, matched_pairs, write_articles


def test_workers_build_the_same_library_as_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 12)
    (folder / "article-0005.txt").write_bytes(b"")  # a failure in the middle of the batch
    results = {}
    pairs = {}
    for workers in (0, 1):
        with Library(tmp_path / f"lib-{workers}.sqlite") as library:
            results[workers] = [
                (Path(r.source).name, r.status, r.reason)
                for r in library.ingest([str(folder)], workers=workers)
            ]
            pairs[workers] = matched_pairs(library)
    assert results[0] == results[1]
    assert [status for _, status, _ in results[1]].count("added") == 11
    assert results[1][5][:2] == ("article-0005.txt", "failed")
    assert pairs[0] == pairs[1]
    assert len(pairs[1]) > 10  # the wire sentences were found


def test_stdin_is_read_by_this_process(tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path, 1)
    stdin = io.BytesIO(b"Piped in\n\nThis article came through standard input today.\n")
    ready = list(prepare_all(["-", str(path)], stdin=stdin, workers=1))
    assert [r.source for r in ready] == ["-", str(path)]
    assert "standard input" in ready[0].article.text
    assert ready[1].article is not None and len(ready[1].keys) == len(ready[1].article.sentences)


def crash_on_bomb(source: str) -> Prepared:
    """A task for the worker pool that dies the way a crashing C library would."""
    if source == "bomb":
        os._exit(1)
    return Prepared(source, reason=f"seen {source}")


def test_a_crashing_worker_fails_only_its_source() -> None:
    results = list(in_workers(["a", "bomb", "b", "c"], crash_on_bomb, workers=1))
    assert [source for source, _ in results] == ["a", "bomb", "b", "c"]
    reasons = [ready.reason for _, ready in results]
    assert reasons == ["seen a", CRASHED, "seen b", "seen c"]


def test_a_crash_is_blamed_on_its_source_whatever_runs_beside_it() -> None:
    """Two workers, chunks of eight: the crash takes down work on other sources too."""
    sources = [f"s{n:02}" for n in range(20)]
    sources[11] = "bomb"
    results = list(in_workers(sources, crash_on_bomb, workers=2))
    assert [source for source, _ in results] == sources
    blamed = [source for source, ready in results if ready.reason == CRASHED]
    assert blamed == ["bomb"]


def test_an_article_that_cannot_be_stored_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_articles(tmp_path / "in", 6)
    monkeypatch.setenv("COPYDESK_LOG", str(tmp_path / "copydesk.log"))
    real = tui.library.store_article
    calls = []

    def failing(conn, index, article, keys, *rest):
        calls.append(article.source)
        if len(calls) == 4:
            real(conn, index, article, keys, *rest)  # stored, then failing: all must go
            raise sqlite3.OperationalError("disk I/O error")
        return real(conn, index, article, keys, *rest)

    monkeypatch.setattr(tui.library, "store_article", failing)
    db = tmp_path / "lib.sqlite"
    with Library(db) as library:
        results = list(library.ingest([str(tmp_path / "in")], workers=0))
    assert [r.status for r in results] == ["added"] * 3 + ["failed"] + ["added"] * 2
    assert results[3].reason == "could not store: OperationalError: disk I/O error"
    assert article_count(db) == 5
    assert "disk I/O error" in (tmp_path / "copydesk.log").read_text()  # with its traceback

    monkeypatch.setattr(tui.library, "store_article", real)
    with Library(db) as library:
        statuses = [r.status for r in library.ingest([str(tmp_path / "in")], workers=0)]
        assert statuses == ["present"] * 3 + ["added"] + ["present"] * 2
        assert_consistent(library.conn)
        stored = matched_pairs(library)
    with Library(tmp_path / "reference.sqlite") as reference:
        list(reference.ingest([str(tmp_path / "in")], workers=0))
        assert stored == matched_pairs(reference)  # the rolled-back matches came back


def test_stopping_an_ingest_commits_what_it_reported(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    db = tmp_path / "lib.sqlite"
    with Library(db) as library:
        results = library.ingest([str(tmp_path / "in")], workers=0)
        reported = [next(results).status for _ in range(2)]
        results.close()  # the consumer stops early (Ctrl-C in the command line)
        assert reported == ["added", "added"]
        assert article_count(db) == 2  # visible to another connection: committed


def test_an_ingest_freezes_what_lives_on_and_leaves_the_process_as_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.library, "BATCH_SECONDS", 0.0)  # commit after every article
    write_articles(tmp_path / "in", 3)
    frozen = []
    with Library(tmp_path / "lib.sqlite") as library:
        for _ in library.ingest([str(tmp_path / "in")], workers=0):
            frozen.append(gc.get_freeze_count())
    assert all(count > 0 for count in frozen)  # the index is out of full collections
    assert gc.get_freeze_count() == 0  # and unfrozen once the ingest is done


def test_the_library_says_when_it_reads_its_matching_index(tmp_path: Path) -> None:
    """Reading the index takes tens of seconds at 100,000 articles: the command line's
    bar says so (tui/cli.py), told once, with the article count, and only when an
    article is to be matched."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(3):
        (pages / f"{n}.txt").write_text(
            f"Title {n}\n\nThe harbour authority closed the pier number {n} on Tuesday night."
            " Officials said repairs would take several weeks to finish.\n",
            encoding="utf-8",
        )
    with Library(tmp_path / "lib.sqlite") as library:
        list(library.ingest([str(pages / "0.txt"), str(pages / "1.txt")], workers=0))
    told: list[int] = []
    with Library(tmp_path / "lib.sqlite") as library:
        library.on_index_load = told.append
        list(library.ingest([str(pages / "0.txt")], workers=0))  # already present
        assert told == []
        list(library.ingest([str(pages / "2.txt")], workers=0))
        list(library.ingest([str(pages / "1.txt"), str(pages / "2.txt")], workers=0))
    assert told == [2]
