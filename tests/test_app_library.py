"""The library screen, search, help, adding sources and the command palette."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Input

from tests.app_helpers import SEEDS, drive, wait_for_workers
from tui.app.app import CopydeskApp
from tui.app.messages import IngestProgress
from tui.app.screens import library as library_screen
from tui.app.widgets.article_table import ArticleTable
from tui.app.widgets.result_list import ResultList, Terms, fit
from tui.library import IngestResult, Library
from tui.models import Article
from tui.text.sentences import split_sentences


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(ArticleTable)
    return [[str(cell) for cell in table.row_cells(i)] for i in range(table.row_count)]


def test_library_lists_articles_grouped_by_story(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        table = rows(app)
        assert len(table) == 5
        assert {row[0].strip() for row in table} == {"■  1"}
        assert any(row[1] == "Ommcom News" for row in table)
        assert any(row[5].strip() == "100%" for row in table)

    drive(seeded, script)


def test_a_large_library_is_grouped_by_story_in_a_worker(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above GROUP_INLINE_UP_TO articles the table is drawn first and grouped after: the
    same rows and story labels in the end, and the worker that grouped them ran."""
    inline: list[list[str]] = []

    async def grouped_before_paint(app, pilot) -> None:
        inline.extend(rows(app))
        assert not [w for w in app.workers if w.group == "stories"]

    drive(seeded, grouped_before_paint)
    monkeypatch.setattr(library_screen, "GROUP_INLINE_UP_TO", 0)
    started: list[str] = []

    async def grouped_after_paint(app, pilot) -> None:  # drive waits for the worker
        assert app.screen.grouped and rows(app) == inline
        assert "grouping" not in str(app.screen.query_one("#library-status").render())

    original = library_screen.LibraryScreen._group_stories

    def recording(self, *args):  # the worker really ran (not the inline path)
        started.append("stories")
        return original(self, *args)

    monkeypatch.setattr(library_screen.LibraryScreen, "_group_stories", recording)
    drive(seeded, grouped_after_paint)
    assert started == ["stories"] and {row[0].strip() for row in inline} == {"■  1"}


def test_keys_move_and_open_reader_and_compare(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 4
        await pilot.press("g")
        assert table.cursor_row == 0
        expected = app.screen.current_id()
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.article_id == expected
        app.pop_screen()
        await pilot.pause()
        await pilot.press("c")
        assert type(app.screen).__name__ == "CompareScreen"
        assert app.screen.left_id == expected

    drive(seeded, script)


def test_sort_and_filter(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("s")
        assert app.screen.sort_key == "date"
        dates = [row[3] for row in rows(app)]
        assert dates == sorted(dates, key=lambda d: d if d[0].isdigit() else "9999")
        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"ommcom")
        assert [row[1] for row in rows(app)] == ["Ommcom News"]
        await pilot.press("escape")
        assert len(rows(app)) == 5

    drive(seeded, script)


def test_empty_library_explains_how_to_add(tmp_path: Path) -> None:
    async def script(app, pilot) -> None:
        empty = app.screen.query_one("#library-empty")
        assert empty.display and "copydesk ingest" in str(empty.render())
        assert not app.screen.query_one(ArticleTable).display

    drive(tmp_path / "empty.sqlite", script)


def test_sources_given_at_launch_are_ingested_in_a_worker(tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")

    async def script(app, pilot) -> None:
        await wait_for_workers(app, pilot)
        assert len(rows(app)) == 5
        messages = [n.message for n in app._notifications]
        assert any("broken.txt" in m and "empty" in m for m in messages)
        assert any("5 added" in m and "1 failed" in m for m in messages)

    drive(tmp_path / "lib.sqlite", script, sources=(str(SEEDS), str(bad)))


def test_an_ingest_stopped_by_an_error_is_a_notification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library file goes away under the ingest: the app says so and stays usable."""
    monkeypatch.setenv("COPYDESK_LOG", str(tmp_path / "copydesk.log"))
    real = Library.ingest

    def failing(self, specs, **options):
        for result in real(self, specs, **options):
            yield result
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Library, "ingest", failing)

    async def script(app, pilot) -> None:
        await wait_for_workers(app, pilot)
        (message,) = [n.message for n in app._notifications]
        assert message.startswith("1 added, 0 already present; stopped by OperationalError: ")
        assert str(tmp_path / "copydesk.log") in message
        assert len(rows(app)) == 1  # what was committed before the error
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"

    drive(tmp_path / "lib.sqlite", script, sources=(str(SEEDS),))
    assert "disk I/O error" in (tmp_path / "copydesk.log").read_text()


def test_ingest_progress_shows_in_the_status_line_and_bar(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        status = app.screen.query_one("#library-status")
        bar = app.screen.query_one("#ingest-progress")
        assert not bar.display
        app.post_message(IngestProgress(IngestResult("x.html", "failed", 24, 60, reason="empty")))
        await pilot.pause()
        assert str(status.render()).startswith("adding 24 of 60 · 5 of 5 articles · ")
        assert bar.display and bar.progress == 24 and bar.total == 60
        app.post_message(IngestProgress(IngestResult("y.html", "failed", 60, 60, reason="empty")))
        await pilot.pause()
        assert str(status.render()).startswith("5 of 5 articles · 1 outlet · 1 story with")
        assert not bar.display

    drive(seeded, script)


def test_add_source_from_inside_the_app(tmp_path: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("a")
        assert type(app.screen).__name__ == "AddSourceScreen"
        app.screen.query_one(Input).value = str(SEEDS / "002_a925cdd380a090ad.txt")
        await pilot.press("enter")
        await wait_for_workers(app, pilot)
        assert type(app.screen).__name__ == "LibraryScreen"
        assert len(rows(app)) == 1

    drive(tmp_path / "lib.sqlite", script)


def test_search_as_you_type_and_open_at_sentence(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("slash")
        assert type(app.screen).__name__ == "SearchScreen"
        await pilot.press(*"peskov")
        await wait_for_workers(app, pilot)
        hits = app.screen.hits
        assert hits and all("Peskov" in hit.text for hit in hits if hit.i is not None)
        assert app.screen.query_one(ResultList).count == len(hits)
        first = hits[0]
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert (app.screen.article_id, app.screen.sentence) == (first.article.id, first.i)

    drive(seeded, script)


def test_search_tolerates_typos(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("slash", *"kurril islnds")
        await wait_for_workers(app, pilot)
        assert any("Kuril Islands" in hit.text for hit in app.screen.hits)

    drive(seeded, script)


def test_search_results_by_keys_and_mouse(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("slash", *"kuril")
        await wait_for_workers(app, pilot)
        search, results = app.screen, app.screen.query_one(ResultList)
        hits = search.hits
        assert results.count == len(hits) >= 3 and results.cursor is None
        await pilot.press("down")  # from the input into the list
        assert app.focused is results and results.cursor == 0
        await pilot.press("j", "j", "k")
        assert results.cursor == 1
        await pilot.press("G")
        assert results.cursor == len(hits) - 1
        await pilot.press("g", "j", "enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert (app.screen.article_id, app.screen.sentence) == (hits[1].article.id, hits[1].i)
        await pilot.press("escape")
        assert app.screen is search
        line = results._first_y[2]  # a click anywhere on a hit opens it
        await pilot.click(ResultList, offset=(4, line + 1 if hits[2].i is not None else line))
        assert (app.screen.article_id, app.screen.sentence) == (hits[2].article.id, hits[2].i)

    drive(seeded, script)


def test_result_lines_mark_query_words_and_cut_with_an_ellipsis() -> None:
    terms = Terms("kurril islnds")  # typos, and the last word may be half typed
    text = "the Kuril Islands, known as the Northern Territories"
    assert [text[a:b] for a, b in terms.spans(text)] == ["Kuril", "Islands"]
    assert [text[a:b] for a, b in Terms("northern terr").spans(text)] == [
        "Northern",
        "Territories",
    ]
    plain, marked = Style(), Style(bold=True)
    cut = fit([("ab", plain), ("cdef", marked), ("gh", plain)], 5)
    assert [s.text for s in cut] == ["ab", "cd", "…"] and cut[1].style == marked
    assert "".join(s.text for s in fit([("[b]x[/b]", plain)], 20)) == "[b]x[/b]"


def test_help_lists_every_screen_and_closes(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        text = app.export_screenshot()
        for section in ("Everywhere", "Library", "Reader", "Compare", "Search", "library.open"):
            assert section in text
        await pilot.press("escape")
        assert type(app.screen).__name__ == "LibraryScreen"

    drive(seeded, script)


def test_every_key_action_is_in_the_command_palette(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Search", "Help", "Add", "Compare", "Sort", "Filter", "Read"} <= titles

    drive(seeded, script)


def test_markup_in_titles_stays_literal(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    text = "The [bold red]council[/] met on Tuesday to debate the budget for next year."
    with Library(path) as library:
        library.add(
            Article(
                source="/x.txt",
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                title="[bold red]Budget[/] vote",
                outlet="[link=http://x]Gazette[/link]",
                sentences=split_sentences(text),
            )
        )

    async def script(app, pilot) -> None:
        (row,) = rows(app)
        assert row[1] == "[link=http://x]Gazette[/link]"
        assert row[2] == "[bold red]Budget[/] vote"

    drive(path, script)


@pytest.mark.parametrize("size", [(40, 12), (20, 6), (300, 100)])
def test_library_survives_small_and_large_terminals(seeded: Path, size) -> None:
    async def script(app, pilot) -> None:
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert app.screen.query_one(ArticleTable).row_count == 5

    drive(seeded, script, size=size)


def test_library_snapshot(tmp_path: Path, snap_compare) -> None:
    """The table after reading the third article: its title no longer bold, the cursor on it."""
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        list(library.ingest([str(SEEDS)]))

    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()  # stories grouped
        await pilot.pause()
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(CopydeskApp(path), terminal_size=(120, 40), run_before=run_before)
