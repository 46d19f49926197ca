"""A modal list of every other article: those that share the most with one article first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.safe import one_line
from tui.app.widgets.article_table import ArticleTable, Column
from tui.library import ArticleRow

OUTLET_WIDTH = 22
DATE_WIDTH = 10
COUNT_WIDTH = 10


def row_cells(article: ArticleRow, shared: int) -> tuple[Text, ...]:
    """Outlet, title, date and shared count (none when 0), as plain Text (never markup)."""
    return (
        Text(article.label_outlet, style="bold" if article.outlet else "dim", overflow="ellipsis"),
        Text(article.label_title, style="" if article.title else "dim", overflow="ellipsis"),
        Text(article.published or "undated", style="" if article.published else "dim"),
        Text(f"{shared} shared" if shared else "", style="bold", justify="right"),
    )


class PickArticleScreen(ModalScreen[int | None]):
    """Choose the right-hand article; enter picks, escape cancels (dismisses with None).

    Every other article is listed: those sharing sentences with the left one, most
    first, then the rest, first printed first. The list is an ArticleTable, which
    draws only the rows on screen, so it opens quickly on a library of thousands.
    """

    DEFAULT_CSS = """
    PickArticleScreen {
        align: center middle;
    }
    PickArticleScreen > Vertical {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 90%;
        background: $surface;
        border: round $primary;
        padding: 0 1;
    }
    PickArticleScreen #pick-title {
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    PickArticleScreen ArticleTable, PickArticleScreen ArticleTable:focus {
        height: auto;
        max-height: 20;
        width: 100%;
        border: none;
        padding: 0;
        margin: 1 0;
    }
    PickArticleScreen #pick-hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="pick.cancel"),
        Binding("j", "move(1)", "Down", show=False, id="pick.down"),
        Binding("k", "move(-1)", "Up", show=False, id="pick.up"),
        Binding("g", "edge('first')", "First", show=False, id="pick.first"),
        Binding("G", "edge('last')", "Last", show=False, id="pick.last"),
    ]

    def __init__(self, left_id: int, current_id: int | None = None) -> None:
        super().__init__()
        self.left_id, self.current_id = left_id, current_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="pick-title", markup=False)
            yield ArticleTable(id="pick-list", show_header=False)
            yield Static("enter compares · escape cancels", id="pick-hint", markup=False)

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def on_mount(self) -> None:
        library = self.app.library  # type: ignore[attr-defined]
        left = library.article(self.left_id)
        name = left.label_outlet if left else f"#{self.left_id}"
        self.query_one("#pick-title", Static).update(f"Compare {one_line(name)} with…")
        width = min(self.app.size.width * 9 // 10, 110) - 8  # border, padding, scrollbar
        table = self.table
        title_width = max(8, width - OUTLET_WIDTH - DATE_WIDTH - COUNT_WIDTH - 8)
        table.set_columns(
            [
                Column("outlet", "Outlet", OUTLET_WIDTH),
                Column("title", "Title", title_width),
                Column("date", "Date", DATE_WIDTH),
                Column("shared", "Shared", COUNT_WIDTH),
            ]
        )
        shared = dict(library.related(self.left_id))
        rows = {row.id: row for row in library.articles(by_time=True) if row.id != self.left_id}
        ordered = [rows[other] for other in shared if other in rows]
        ordered += [row for row in rows.values() if row.id not in shared]
        table.show(
            [r.id for r in ordered], lambda n: row_cells(ordered[n], shared.get(ordered[n].id, 0))
        )
        if self.current_id is not None and (row := table.row_of(self.current_id)) is not None:
            table.move_cursor(row)
        table.focus()

    def on_article_table_selected(self, event: ArticleTable.Selected) -> None:
        event.stop()
        self.dismiss(event.article_id)

    def action_move(self, step: int) -> None:
        (self.table.action_cursor_down if step > 0 else self.table.action_cursor_up)()

    def action_edge(self, edge: str) -> None:
        self.table.move_cursor(0 if edge == "first" else self.table.row_count - 1)

    def action_cancel(self) -> None:
        self.dismiss(None)
