"""The app shares its library with other processes.

A `copydesk ingest` in another process while the app is open: the app keeps
answering keys, and `r` shows the new articles. The app's own ingest while
another process holds the write lock waits its turn (busy timeout) instead
of failing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.app_helpers import drive, wait_for_workers
from tests.synthetic import write_titled_articles
from tui.app.widgets.article_table import ArticleTable
from tui.test_hooks import PAUSE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent


def library_copy(seeded: Path, tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    shutil.copy(seeded, path)
    return path


def copydesk(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def titles_in_table(app) -> set[str]:
    table = app.screen.query_one(ArticleTable)
    return {str(table.row_cells(i)[2]) for i in range(table.row_count)}


def test_app_stays_usable_while_another_process_ingests(seeded: Path, tmp_path: Path) -> None:
    """The other process pauses mid-batch (tui/test_hooks.py), so the app is driven while
    it is still running whatever the machine's speed, then it goes on and finishes."""
    path = library_copy(seeded, tmp_path)
    titles = write_titled_articles(tmp_path / "feed", 40, seed=1)

    async def script(app, pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        process = copydesk(
            "--db",
            str(path),
            "ingest",
            str(tmp_path / "feed"),
            stdin=subprocess.PIPE,
            env={**os.environ, PAUSE_VARIABLE: "20"},
        )
        try:
            assert process.stderr.readline() == "copydesk: paused after 20 articles\n"
            for _ in range(3):
                await pilot.press("g", "j")
                assert table.cursor_row == 1
                selected = app.screen.current_id()
                await pilot.press("enter")
                assert app.screen.article_id == selected
                await pilot.press("j", "n", "escape")
                assert type(app.screen).__name__ == "LibraryScreen"
                await pilot.press("r")  # a refresh halfway through an ingest is fine too
                assert app.screen.current_id() == selected
                assert table.row_count == 5 + 20
            _, errors = process.communicate("\n", timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 0, errors
        await pilot.press("r")
        assert table.row_count == 5 + len(titles)
        assert set(titles) <= titles_in_table(app)

    drive(path, script, size=(100, 30))


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # the write lock, as a long ingest batch holds it
conn.execute("UPDATE articles SET title = title WHERE id = 1")
print("locked", flush=True)
sys.stdin.readline()  # until the test lets go
conn.execute("COMMIT")
"""


def test_app_ingest_waits_for_another_writer(seeded: Path, tmp_path: Path) -> None:
    path = library_copy(seeded, tmp_path)
    titles = write_titled_articles(tmp_path / "mine", 3, seed=2)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    async def script(app, pilot) -> None:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
            await pilot.press("a")
            app.screen.query_one("#add-input").value = str(tmp_path / "mine")
            await pilot.press("enter")
            table = app.screen.query_one(ArticleTable)
            for _ in range(5):  # the worker waits on the lock; the keys do not
                await pilot.press("j", "k")
                assert table.cursor_row == 0
            (ingest,) = [w for w in app.workers if w.group == "ingest"]
            assert not ingest.is_finished  # it cannot commit while the lock is held
            holder.communicate("\n", timeout=30)
            await wait_for_workers(app, pilot)
        finally:
            if holder.poll() is None:
                holder.kill()
        assert holder.wait(timeout=10) == 0
        messages = [n.message for n in app._notifications]
        assert any("3 added" in m for m in messages), messages
        assert table.row_count == 8 and set(titles) <= titles_in_table(app)

    drive(path, script, size=(100, 30))


def test_app_and_command_line_ingest_into_one_library(seeded: Path, tmp_path: Path) -> None:
    """The app ingesting while `copydesk ingest` writes the same library: nothing lost."""
    path = library_copy(seeded, tmp_path)
    theirs = write_titled_articles(tmp_path / "theirs", 12, seed=3)
    mine = write_titled_articles(tmp_path / "mine", 12, seed=4)

    async def script(app, pilot) -> None:
        process = copydesk("--db", str(path), "ingest", str(tmp_path / "theirs"))
        try:
            app.ingest([str(tmp_path / "mine")])
            await wait_for_workers(app, pilot)
            _, errors = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 0, errors
        await pilot.press("r")
        assert set(theirs) | set(mine) <= titles_in_table(app)
        assert app.screen.query_one(ArticleTable).row_count == 5 + 24

    drive(path, script, size=(100, 30))
