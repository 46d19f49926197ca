"""Every screen works from 20×6 to 300×100 and keeps working through resizes.

One app run per screen: open it at the smallest size, then walk through the
sizes (small to huge and back), checking at each that the screen still shows
its content and still answers its keys.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input

from tests.app_helpers import drive, wait_for_workers
from tui.app.widgets.article_table import ArticleTable
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.compare_view import CompareView
from tui.app.widgets.result_list import ResultList

TINY, SMALL, MEDIUM, HUGE = (20, 6), (40, 12), (80, 24), (300, 100)
WALK = (TINY, HUGE, SMALL, TINY)  # opened at MEDIUM: small to huge and back


def screen_text(app) -> str:
    """What the terminal would show for the current screen, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def visible(widget: Widget, *, min_height: int = 1) -> None:
    """The widget shows at least `min_height` lines of content, not hidden under a bar."""
    screen = widget.screen
    region = widget.content_region.intersection(screen.region)
    rows = set(range(region.y, region.bottom))
    for bar in screen.query("Header, Footer"):
        if bar.display:
            rows -= set(range(bar.region.y, bar.region.bottom))
    assert widget.display and region.width >= 10 and len(rows) >= min_height, region


async def resize(pilot, size: tuple[int, int]) -> None:
    await pilot.resize_terminal(*size)
    await pilot.pause()


def test_library_at_every_size(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        for size in WALK:
            await resize(pilot, size)
            table = app.screen.query_one(ArticleTable)
            assert table.row_count == 5
            visible(table, min_height=2)  # the column headers and at least one article
            await pilot.press("j")
            assert table.cursor_row == 1
            await pilot.press("k")
            assert table.cursor_row == 0
            assert "Sputnik" in screen_text(app) or "Ommcom" in screen_text(app)

    drive(seeded, script, size=MEDIUM)


def test_reader_at_every_size(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        article_id = app.screen.article_id
        for size in WALK:
            await resize(pilot, size)
            assert type(app.screen).__name__ == "ReaderScreen"
            view = app.screen.query_one(ArticleView)
            assert view.article.id == article_id and view.sentences
            visible(view, min_height=3 if size == TINY else 5)  # the text keeps the room
            cursor = view.cursor
            await pilot.press("j")
            assert view.cursor == cursor + 1
            await pilot.press("k")
            assert view.cursor == cursor
            await pilot.press("n")
            assert view.cursor in view.shared
            words = [w for w in view.sentences[view.cursor].text.split() if len(w) > 3]
            assert any(word in screen_text(app) for word in words)  # the cursor is in view
        await pilot.press("escape")
        assert type(app.screen).__name__ == "LibraryScreen"

    drive(seeded, script, size=MEDIUM)


def test_compare_at_every_size(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("c")
        assert type(app.screen).__name__ == "CompareScreen"
        for size in WALK:
            await resize(pilot, size)
            view = app.screen.query_one(CompareView)
            assert view.blocks
            visible(view, min_height=3)
            await pilot.press("n")
            assert view.blocks[view.cursor].kind in ("exact", "near", "similar")
            await pilot.press("f")
            await pilot.press("f")
            assert not view.folded
        await pilot.press("escape")
        assert type(app.screen).__name__ == "LibraryScreen"

    drive(seeded, script, size=MEDIUM)


def test_search_at_every_size(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("slash", *"kuril")
        await wait_for_workers(app, pilot)
        assert app.screen.hits
        for size in WALK:
            await resize(pilot, size)
            results = app.screen.query_one(ResultList)
            assert results.count == len(app.screen.hits)
            visible(app.screen.query_one(Input))
            visible(results, min_height=2)  # at least one result shows
            assert "Kuril" in screen_text(app)
        await pilot.press("down", "enter")
        assert type(app.screen).__name__ == "ReaderScreen"

    drive(seeded, script, size=MEDIUM)


def test_help_add_and_palette_at_every_size(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        for key, modal in (
            ("question_mark", "HelpScreen"),
            ("a", "AddSourceScreen"),
            ("ctrl+p", "CommandPalette"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == modal
            for size in WALK[:3]:
                await resize(pilot, size)
                assert type(app.screen).__name__ == modal
                if modal == "HelpScreen":
                    await pilot.press("j", "k")
                    assert "Copydesk" in screen_text(app)
                else:
                    visible(app.screen.query_one(Input))
            if modal == "CommandPalette":
                await pilot.press(*"help")
                await wait_for_workers(app, pilot)  # the palette searches in a worker
                await pilot.press("enter")
                await pilot.pause()
                assert type(app.screen).__name__ == "HelpScreen"
            await pilot.press("escape")
            assert type(app.screen).__name__ == "LibraryScreen"
            await pilot.press("j", "k")
            assert app.screen.query_one(ArticleTable).cursor_row == 0

    drive(seeded, script, size=MEDIUM)
