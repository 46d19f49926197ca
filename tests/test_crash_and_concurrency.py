"""A library survives kill -9 mid-ingest, and two processes ingesting into it at once."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui.library import Library
from tui.test_hooks import PAUSE_VARIABLE

from .synthetic import article_count, assert_consistent, matched_pairs, write_articles

ARTICLES = 300


def _ingest_command(db: Path, *sources: Path) -> list[str]:
    return [sys.executable, "-m", "tui", "ingest", "--db", str(db), *map(str, sources)]


def _matched_pairs(db: Path) -> set[tuple]:
    with Library(db) as library:
        return matched_pairs(library)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    write_articles(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def reference(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    """The matches of one uninterrupted ingest in this process."""
    db = tmp_path_factory.mktemp("reference") / "lib.sqlite"
    with Library(db) as library:
        assert all(r.status == "added" for r in library.ingest([str(articles)], workers=0))
    return _matched_pairs(db)


def start_paused_ingest(db: Path, *sources: Path, after: int) -> subprocess.Popen:
    """`copydesk ingest` that commits `after` articles, then waits (tui/test_hooks.py)."""
    process = subprocess.Popen(
        _ingest_command(db, *sources),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, PAUSE_VARIABLE: str(after)},
        start_new_session=True,  # its cleaning workers too, for the clean-up
    )
    assert process.stderr is not None
    assert process.stderr.readline() == f"copydesk: paused after {after} articles\n"
    return process


def test_kill_9_mid_ingest_then_resume(articles: Path, reference: set, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    process = start_paused_ingest(db, articles, after=40)
    try:
        process.send_signal(signal.SIGKILL)  # the main process only, as a user would
        process.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    assert article_count(db) == 40  # exactly what was committed when it was killed

    with sqlite3.connect(db) as conn:
        assert_consistent(conn)

    with Library(db) as library:
        statuses = [r.status for r in library.ingest([str(articles)])]
        assert statuses.count("present") == 40
        assert statuses.count("added") == ARTICLES - 40
        assert_consistent(library.conn)
    assert _matched_pairs(db) == reference


def test_a_paused_ingest_goes_on_when_told(articles: Path, reference: set, tmp_path: Path) -> None:
    """The pause point itself: committed while it waits, and the rest follows."""
    db = tmp_path / "lib.sqlite"
    process = start_paused_ingest(db, articles, after=7)
    assert article_count(db) == 7
    _, errors = process.communicate("\n", timeout=300)
    assert process.returncode == 0, errors
    assert f"{ARTICLES} added" in errors
    assert _matched_pairs(db) == reference


def test_two_processes_ingest_at_once(articles: Path, tmp_path: Path) -> None:
    """Each takes every other file; together they must build the same library as one
    process storing the files in the order they were committed (the candidate index's
    postings budget counts what is stored, so a rewrite found may depend on that order)."""
    files = sorted(articles.iterdir())
    db = tmp_path / "lib.sqlite"
    Library(db).close()  # create the schema first, as the app would have
    runs = [
        subprocess.Popen(
            _ingest_command(db, *files[start::2]), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for start in (0, 1)
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    assert article_count(db) == ARTICLES
    with sqlite3.connect(db) as conn:
        assert_consistent(conn)
        order = [row[0] for row in conn.execute("SELECT source FROM articles ORDER BY id")]
    serial = tmp_path / "serial.sqlite"
    with Library(serial) as library:
        assert all(r.status == "added" for r in library.ingest(order, workers=0))
    assert _matched_pairs(db) == _matched_pairs(serial)


def test_two_open_libraries_take_turns(tmp_path: Path) -> None:
    """Each write transaction starts with the matching index caught up on what
    another connection stored since: articles ingested in turns through two open
    libraries find the same matches as one library ingesting them all."""
    files = write_articles(tmp_path / "articles", 6)
    turns = tmp_path / "turns.sqlite"
    first, second = Library(turns), Library(turns)
    try:
        for n, path in enumerate(files):
            library = first if n % 2 == 0 else second
            assert [r.status for r in library.ingest([str(path)], workers=0)] == ["added"]
        assert_consistent(first.conn)
    finally:
        first.close()
        second.close()
    serial = tmp_path / "serial.sqlite"
    with Library(serial) as library:
        assert all(r.status == "added" for r in library.ingest(map(str, files), workers=0))
        expected = matched_pairs(library)
    assert expected  # (the wire copy's sentences are shared)
    assert _matched_pairs(turns) == expected
