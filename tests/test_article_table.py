"""The article table on its own: rows drawn only when on screen, keys, clicks, untrusted text."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from rich.text import Text
from textual.app import App, ComposeResult

from tui.app.widgets.article_table import ArticleTable, Column

COLUMNS = [
    Column("outlet", "Outlet", 12),
    Column("title", "Title", 30),
    Column("words", "Words", 6),
]


class TableApp(App[None]):
    """One table of `count` made-up articles (ids 1000 up), recording which rows were drawn
    and every message the table posts."""

    def __init__(self, count: int, titles: dict[int, str] | None = None) -> None:
        super().__init__()
        self.count = count
        self.titles = titles or {}
        self.asked: set[int] = set()
        self.posted: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        yield ArticleTable(zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(ArticleTable)
        table.set_columns(COLUMNS)
        table.show([1000 + n for n in range(self.count)], self.cells)
        table.focus()

    def cells(self, row: int) -> Sequence[Text]:
        self.asked.add(row)
        title = self.titles.get(row, f"Story number {row}")
        return (Text(f"Outlet {row % 7}"), Text(title), Text(str(row), justify="right"))

    def on_article_table_selected(self, event: ArticleTable.Selected) -> None:
        self.posted.append(("selected", event.article_id))

    def on_article_table_header_selected(self, event: ArticleTable.HeaderSelected) -> None:
        self.posted.append(("header", event.column))


def run(app: TableApp, script, size: tuple[int, int] = (60, 12)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(app, pilot)

    asyncio.run(main())


def screen_lines(app: App) -> list[str]:
    """The plain text of every screen line, as a terminal would show it."""
    strips = app.screen._compositor.render_strips()  # the composited screen
    return ["".join(segment.text for segment in strip) for strip in strips]


def test_only_rows_on_screen_are_drawn() -> None:
    async def script(app: TableApp, pilot) -> None:
        table = app.query_one(ArticleTable)
        assert table.row_count == 100_000
        assert app.asked and max(app.asked) < 12  # a screenful (11 rows under the header)
        await pilot.press("end")
        assert table.current_id() == 1000 + 99_999
        assert len(app.asked) < 30
        assert 99_999 in app.asked

    run(TableApp(100_000), script)


def test_header_stays_on_top_while_rows_scroll() -> None:
    async def script(app: TableApp, pilot) -> None:
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        lines = screen_lines(app)
        assert lines[0].split()[:3] == ["Outlet", "Title", "Words"]  # then the scrollbar
        table = app.query_one(ArticleTable)
        assert f"Story number {table.cursor_row}" in "\n".join(lines)

    run(TableApp(500), script)


def test_keys_move_the_cursor_within_the_rows() -> None:
    async def script(app: TableApp, pilot) -> None:
        table = app.query_one(ArticleTable)
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + 11
        await pilot.press("end", "down")
        assert table.cursor_row == 49
        await pilot.press("home", "enter")
        assert app.posted == [("selected", 1000)]

    run(TableApp(50), script)


def test_a_click_moves_the_cursor_a_second_selects_a_header_names_its_column() -> None:
    async def script(app: TableApp, pilot) -> None:
        table = app.query_one(ArticleTable)
        await pilot.click(ArticleTable, offset=(20, 3))  # row 2, under the header
        assert table.cursor_row == 2 and app.posted == []
        await pilot.click(ArticleTable, offset=(20, 3))
        assert app.posted == [("selected", 1002)]
        await pilot.click(ArticleTable, offset=(20, 0))
        assert app.posted[-1] == ("header", "title")
        await pilot.click(ArticleTable, offset=(50, 0))
        assert app.posted[-1] == ("header", "words")

    run(TableApp(20), script)


def test_cells_are_literal_text_on_one_line_cut_to_their_column() -> None:
    titles = {
        0: "[bold red]not markup[/] \x1b[31m",
        1: "two\nlines",
        2: "Пресс-релиз 東京 กรุงเทพ العربية हिन्दी Ελλάδα and a long tail",
    }

    async def script(app: TableApp, pilot) -> None:
        lines = screen_lines(app)
        assert "[bold red]not markup[/]" in lines[1] and "\x1b" not in "".join(lines)
        assert "two lines" in lines[2]
        assert "Пресс-релиз 東京" in lines[3] and "…" in lines[3]
        assert all(len(line) <= 60 for line in lines)

    run(TableApp(3, titles), script)


def test_an_empty_table_has_no_current_article() -> None:
    async def script(app: TableApp, pilot) -> None:
        table = app.query_one(ArticleTable)
        assert table.current_id() is None and table.row_of(1000) is None
        await pilot.press("down", "end", "enter")
        assert app.posted == []

    run(TableApp(0), script)
