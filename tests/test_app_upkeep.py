"""Keeping a library in the app: delete with a question, read and unread, new since
the last visit, and updating followed feeds in a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.app_helpers import SEEDS, drive, wait_for_workers
from tui import feeds
from tui.app.widgets.article_table import ArticleTable
from tui.ingest import polite
from tui.library import Library

from .local_web import send, serve, without_proxies
from .test_feeds import story


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        list(library.ingest([str(SEEDS)]))
    return path


def title_styles(app) -> dict[int, str]:
    table = app.screen.query_one(ArticleTable)
    return {
        article_id: str(table.row_cells(row)[2].style) for row, article_id in enumerate(table.ids)
    }


def test_d_deletes_after_yes_and_keeps_after_no(library_path: Path) -> None:
    async def script(app, pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        doomed = app.screen.current_id()
        await pilot.press("d")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        assert table.row_count == 5
        await pilot.press("d", "y")
        await pilot.pause()
        assert table.row_count == 4 and doomed not in table.ids
        assert app.library.article(doomed) is None

    drive(library_path, script)


def test_unread_titles_are_bold_until_read(library_path: Path) -> None:
    async def script(app, pilot) -> None:
        assert all("bold" in style for style in title_styles(app).values())
        opened = app.screen.current_id()
        await pilot.press("enter")
        await pilot.press("q")
        await pilot.pause()
        styles = title_styles(app)
        assert "bold" not in styles[opened]
        assert sum("bold" in style for style in styles.values()) == 4

    drive(library_path, script)
    with Library(library_path) as library:  # and it stays read
        assert sum(row.read is not None for row in library.articles()) == 1


def test_n_shows_what_is_new_since_the_last_visit(library_path: Path, tmp_path: Path) -> None:
    async def first_visit(app, pilot) -> None:
        assert app.previous_visit is None

    drive(library_path, first_visit)  # closing the app records the visit
    with Library(library_path) as library:
        visit = library.last_visit()
        assert visit is not None
        library.conn.execute("UPDATE articles SET added = '2000-01-01T00:00:00+00:00'")
        library.conn.execute("UPDATE articles SET added = ? WHERE id = 3", (visit + "Z",))

    async def second_visit(app, pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        await pilot.press("n")
        assert table.ids == [3]
        await pilot.press("n")
        assert table.row_count == 5

    drive(library_path, second_visit)


def test_u_updates_followed_feeds_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_proxies(monkeypatch)
    monkeypatch.setattr(polite, "HOST_DELAY", 0.0)
    rss = (
        b'<rss version="2.0"><channel><title>Quay Post</title>'
        b"<item><link>/story/1</link></item><item><link>/story/2</link></item></channel></rss>"
    )
    routes = {
        "/rss.xml": lambda h: send(h, rss, "application/rss+xml"),
        "/story/1": lambda h: send(h, story(1), "text/html"),
        "/story/2": lambda h: send(h, story(2), "text/html"),
    }
    path = tmp_path / "library.sqlite"
    with serve(routes) as base:
        with Library(path) as library:
            assert feeds.follow(library, f"{base}/rss.xml").feed is not None

        async def script(app, pilot) -> None:
            await pilot.press("u")
            await wait_for_workers(app, pilot)
            assert app.screen.query_one(ArticleTable).row_count == 2
            await pilot.press("F")
            assert type(app.screen).__name__ == "FeedsScreen"
            row = app.screen.query_one(DataTable).get_row_at(0)
            assert str(row[1]) == "Quay Post" and str(row[2]).strip() == "2"

        drive(path, script)


def test_opening_an_article_another_process_deleted_says_so(library_path: Path) -> None:
    async def script(app, pilot) -> None:
        gone = app.screen.current_id()
        with Library(library_path) as other:
            assert other.delete(gone)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryScreen" and app.crash is None
        assert [n.message for n in app._notifications] == [f"No article #{gone} in this library."]

    drive(library_path, script)


def test_keys_still_work_after_deleting_every_article(library_path: Path) -> None:
    async def script(app, pilot) -> None:
        for _ in range(5):
            await pilot.press("d", "y")
            await pilot.pause()
        assert not app.library.articles()
        await pilot.press("F", "escape")  # back from another screen: the focus comes back
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(library_path, script)
