"""A modal list of every other article: those that share the most with one article first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.safe import one_line
from tui.library import ArticleRow

OUTLET_WIDTH = 22
DATE_WIDTH = 10
COUNT_WIDTH = 10


def option_prompt(article: ArticleRow, shared: int, width: int) -> Text:
    """Outlet, title, date and shared count (none when 0) in fixed columns, as plain text
    (never markup)."""
    title_width = max(8, width - OUTLET_WIDTH - DATE_WIDTH - COUNT_WIDTH - 3)
    name = Text(article.label_outlet, style="bold" if article.outlet else "dim")
    name.truncate(OUTLET_WIDTH, overflow="ellipsis", pad=True)
    title = Text(article.label_title)
    title.stylize("" if article.title else "dim")
    title.truncate(title_width, overflow="ellipsis", pad=True)
    date = Text(article.published or "undated", style="" if article.published else "dim")
    date.truncate(DATE_WIDTH, pad=True)
    count = Text((f"{shared} shared" if shared else "").rjust(COUNT_WIDTH), style="bold")
    return Text.assemble(name, " ", title, " ", date, " ", count)


class PickArticleScreen(ModalScreen[int | None]):
    """Choose the right-hand article; enter picks, escape cancels (dismisses with None).

    Every other article is listed: those sharing sentences with the left one, most
    first, then a separator and the rest, first printed first.
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
    PickArticleScreen OptionList, PickArticleScreen OptionList:focus {
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
            yield OptionList(id="pick-list")
            yield Static("enter compares · escape cancels", id="pick-hint", markup=False)

    def on_mount(self) -> None:
        library = self.app.library  # type: ignore[attr-defined]
        left = library.article(self.left_id)
        name = left.label_outlet if left else f"#{self.left_id}"
        self.query_one("#pick-title", Static).update(f"Compare {one_line(name)} with…")
        width = min(self.app.size.width * 9 // 10, 110) - 8  # border, padding, scrollbar
        shared = dict(library.related(self.left_id))
        rows = {row.id: row for row in library.articles(by_time=True) if row.id != self.left_id}
        sharers = [rows[other] for other in shared if other in rows]
        rest = [row for row in rows.values() if row.id not in shared]
        options = self.query_one(OptionList)
        options.add_options(
            [Option(option_prompt(row, shared[row.id], width), id=str(row.id)) for row in sharers]
            + ([None] if sharers and rest else [])
            + [Option(option_prompt(row, 0, width), id=str(row.id)) for row in rest]
        )
        ids = [row.id for row in sharers + rest]
        if ids:
            current = str(self.current_id) if self.current_id in ids else str(ids[0])
            options.highlighted = options.get_option_index(current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id) if event.option.id else None)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_edge(self, edge: str) -> None:
        options = self.query_one(OptionList)
        (options.action_first if edge == "first" else options.action_last)()

    def action_cancel(self) -> None:
        self.dismiss(None)
