"""The app under a real pseudo-terminal: what `App.run_test` cannot catch.

Textual swaps the process's stdin, stdout and stderr when it runs on a real
terminal. The ingest's worker processes once failed to start there (for 32 or
more sources), which no Pilot test saw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.synthetic import write_titled_articles
from tests.terminal import Terminal
from tui.pipeline import POOL_MIN_SOURCES

ARTICLES = 40  # more than POOL_MIN_SOURCES: cleaned in worker processes


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert ARTICLES >= POOL_MIN_SOURCES
    path = tmp_path_factory.mktemp("articles")
    write_titled_articles(path, ARTICLES, seed=7)
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A home of its own, and the log where a test can read it."""
    return {"HOME": str(tmp_path / "home"), "COPYDESK_LOG": str(tmp_path / "copydesk.log")}


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.close()


def test_app_ingests_a_folder_given_at_launch(folder, env, tmp_path, terminals) -> None:
    app = Terminal(["--db", str(tmp_path / "lib.sqlite"), str(folder)], env=env)
    terminals.append(app)
    screen = app.wait_for(f"{ARTICLES} of {ARTICLES} articles")
    assert "Generated story 7-0 " in screen and "Generated story 7-1 " in screen
    app.press("enter")  # open the first article, then back, then quit
    app.wait_for("Sentence 1 of")
    app.press("q")
    app.wait_for(f"{ARTICLES} of {ARTICLES} articles")
    app.press("q")
    assert app.exit_status() == 0
    assert b"Traceback" not in app.output


def test_app_ingests_a_folder_added_with_a(folder, env, tmp_path, terminals) -> None:
    app = Terminal(["--db", str(tmp_path / "lib.sqlite")], env=env)
    terminals.append(app)
    app.wait_for("0 of 0 articles")
    app.press("a")
    app.wait_for("enter adds · escape cancels")  # the dialog's own words ("Add" is in the footer)
    app.type(str(folder))
    app.wait_for(str(folder)[-30:])  # typed into the dialog's input, not as keys to the library
    app.press("enter")
    screen = app.wait_for(f"{ARTICLES} of {ARTICLES} articles")
    assert "Generated story 7-0 " in screen
    app.press("q")
    assert app.exit_status() == 0
    assert b"Traceback" not in app.output


CRASH_ON_OPEN = """
import sys
from tui.app.app import CopydeskApp
from tui.cli import main

def open_article(self, article_id, sentence=None):
    raise RuntimeError("a bug in the reader")

CopydeskApp.open_article = open_article
raise SystemExit(main(sys.argv[1:]))
"""


def test_an_unexpected_error_exits_1_with_one_line_naming_the_log(
    folder, env, tmp_path, terminals
) -> None:
    one = str(folder / "story-7-000.txt")
    args = ["--db", str(tmp_path / "lib.sqlite"), one]
    app = Terminal(args, env=env, command=("-c", CRASH_ON_OPEN))
    terminals.append(app)
    app.wait_for("1 of 1 article ·")
    app.press("enter")
    assert app.exit_status() == 1
    log = env["COPYDESK_LOG"]
    printed = app.output.decode("utf-8", "replace")
    lines = re.findall(r"copydesk: unexpected error.*", printed)
    assert lines == [f"copydesk: unexpected error (RuntimeError); the traceback is in {log}\r"]
    assert "Traceback" not in printed
    logged = Path(log).read_text()
    assert "Traceback" in logged and "RuntimeError: a bug in the reader" in logged
