"""A library survives kill -9 mid-ingest, and two processes ingesting into it at once."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.library import Library

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


def test_kill_9_mid_ingest_then_resume(articles: Path, reference: set, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    process = subprocess.Popen(
        _ingest_command(db, articles),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its cleaning worker too, for the clean-up below
    )
    try:
        while article_count(db) < 40 and process.poll() is None:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)  # the main process only, as a user would
        process.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    stored = article_count(db)
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    assert 40 <= stored < ARTICLES

    with sqlite3.connect(db) as conn:
        assert_consistent(conn)

    with Library(db) as library:
        statuses = [r.status for r in library.ingest([str(articles)])]
        assert statuses.count("present") == stored
        assert statuses.count("added") == ARTICLES - stored
        assert_consistent(library.conn)
    assert _matched_pairs(db) == reference


def test_two_processes_ingest_at_once(articles: Path, reference: set, tmp_path: Path) -> None:
    """Each takes every other file; together they must build the same library as one would."""
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
    assert _matched_pairs(db) == reference
