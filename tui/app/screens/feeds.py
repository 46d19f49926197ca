"""The feeds screen: every followed feed, its last fetch, items and last error."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from tui import feeds
from tui.app.safe import one_line
from tui.app.widgets.key_footer import KeyFooter

NO_FEEDS = """\
You follow no feeds yet.

From a shell:   copydesk follow https://example.com/feed.xml
(a page that advertises its feed works too), then press  u  to update."""


class FeedsScreen(Screen[None]):
    """A table of followed feeds; u updates them all (in the app's worker)."""

    BINDINGS = [
        Binding("u", "app.update_feeds", "Update", id="feeds.update"),
        Binding("r", "refresh", "Refresh", id="feeds.refresh"),
        Binding("escape,q", "app.pop_screen", "Back", id="feeds.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Static(NO_FEEDS, id="feeds-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Feeds"
        table = self.query_one(DataTable)
        for label in ("#", "Feed", "Items", "Stored", "Last fetch", "Error", "URL"):
            table.add_column(label, key=label)
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Read the feeds again (after an update)."""
        rows = feeds.feeds(self.app.library)  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            table.add_row(
                Text(str(row.id)),
                Text(one_line(row.title or "(untitled feed)")[:40], style="bold"),
                Text(str(row.items), justify="right"),
                Text(str(row.stored), justify="right"),
                Text((row.fetched or "never").replace("T", " ")[:16]),
                Text(one_line(row.error or "")[:60], style="red"),
                Text(one_line(row.url)),
                key=str(row.id),
            )
        table.display = bool(rows)
        self.query_one("#feeds-empty").display = not rows

    def action_refresh(self) -> None:
        self.reload()
