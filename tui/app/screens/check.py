"""Churnalism's check in the app: which stored articles share text with a text.

`CheckSourceScreen` asks for a file, a URL, or the text itself pasted in;
the app checks it in a worker (tui/app/app.py) and shows `CheckScreen`: the
stored articles that share text with it, the largest share of its words
first, and the shared passages of the one under the cursor. Nothing is
stored.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Static

from tui.app.safe import one_line
from tui.app.widgets.key_footer import KeyFooter
from tui.library import CheckResult, shown_time
from tui.report.text import MARKS, QUOTE_MARK, sharing_articles
from tui.text.counts import counted


class CheckSourceScreen(ModalScreen[str | None]):
    """Returns what was typed or pasted (enter), or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="check.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Static(
                "Check a text against the library: a file, a URL, or paste the text itself",
                markup=False,
            )
            yield Input(placeholder="path, https://… or pasted text", id="check-input")
            yield Static("enter checks (nothing is stored) · escape cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CheckScreen(Screen[None]):
    """The stored articles a checked text shares passages with; enter reads one."""

    BINDINGS = [
        Binding("enter", "open", "Read", id="checked.open"),
        Binding("j", "cursor_down", "Down", show=False, id="checked.down"),
        Binding("k", "cursor_up", "Up", show=False, id="checked.up"),
        Binding("escape,q", "app.pop_screen", "Back", id="checked.back"),
    ]

    DEFAULT_CSS = """
    CheckScreen #check-summary { height: auto; padding: 0 1; background: $panel; }
    CheckScreen #check-found { height: 1fr; }
    CheckScreen #check-passages { height: auto; max-height: 40%; padding: 0 1; }
    """

    def __init__(self, result: CheckResult) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        yield Header()
        found = self.result.found
        summary = (
            f"{one_line(self.result.source)}: {counted(self.result.words, 'word')}; "
            f"{sharing_articles(len(found))}"
        )
        yield Static(summary, id="check-summary", markup=False)
        yield DataTable(id="check-found", cursor_type="row", zebra_stripes=True)
        yield Static(id="check-passages", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Share", "Outlet", "Published", "Passages", "Title")
        for n, item in enumerate(self.result.found):
            row = item.article
            table.add_row(
                f"{item.share:.0%}",
                Text(one_line(row.label_outlet)),
                shown_time(row.published) if row.published else "undated",
                str(len(item.passages)),
                Text(one_line(row.label_title)),
                key=str(n),
            )
        table.focus()
        self._show(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, n: int) -> None:
        found = self.result.found
        text = Text()
        if 0 <= n < len(found):
            for passage in found[n].passages:
                mark = QUOTE_MARK if passage.kind == "quote" else MARKS.get(passage.kind, " ")
                text.append(f"{mark} {passage.kind}  ", style="bold")
                text.append(one_line(passage.text) + "\n")
        elif not found:
            text.append("No stored article shares text with it.")
        self.query_one("#check-passages", Static).update(text)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if 0 <= table.cursor_row < len(self.result.found):
            self.app.open_article(self.result.found[table.cursor_row].article.id)  # type: ignore[attr-defined]

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
