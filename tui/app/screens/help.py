"""Help: every key of every screen, read from the bindings themselves so it never lies."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Copydesk highlights every sentence that another outlet also printed: "
    "exact copies, near copies (a word or comma changed, clauses moved), partial copies "
    "(trimmed or extended) and similar rewrites. "
    "Every action is also in the command palette (ctrl+p). Key ids can be remapped "
    "in a keymap."
)


def key_table(title: str, bindings: list[Binding], keymap: Mapping[str, str]) -> Table:
    """The bindings' keys (as `keymap`, binding id to keys, remaps them), actions and ids."""
    table = Table(title=title, title_justify="left", box=None, show_header=False, expand=True)
    table.add_column("key", style="bold", width=14)
    table.add_column("action", ratio=1)
    table.add_column("id", style="dim", width=26)
    seen: set[str] = set()
    for binding in bindings:
        if binding.action in seen or not binding.description or binding.system:
            continue
        seen.add(binding.action)
        keys = keymap.get(binding.id or "") or binding.key_display or binding.key
        keys = keys.replace("question_mark", "?").replace("slash", "/")
        table.add_row(Text(keys), Text(binding.description), Text(binding.id or ""))
    return table


def sections() -> list[tuple[str, list[Binding]]]:
    """Each screen's bindings, imported here to keep screens independent of help."""
    from tui.app.app import CopydeskApp
    from tui.app.screens.compare import CompareScreen
    from tui.app.screens.feeds import FeedsScreen
    from tui.app.screens.library import LibraryScreen
    from tui.app.screens.reader import ReaderScreen
    from tui.app.screens.search import SearchScreen
    from tui.app.screens.story import StoryScreen
    from tui.app.widgets.article_view import ArticleView
    from tui.app.widgets.compare_view import CompareView
    from tui.app.widgets.result_list import ResultList

    def bindings(cls: type) -> list[Binding]:
        return [b for b in getattr(cls, "BINDINGS", []) if isinstance(b, Binding)]

    return [
        ("Everywhere", bindings(CopydeskApp)),
        ("Library", bindings(LibraryScreen)),
        ("Reader", bindings(ArticleView) + bindings(ReaderScreen)),
        ("Compare", bindings(CompareView) + bindings(CompareScreen)),
        ("Search", bindings(SearchScreen) + bindings(ResultList)),
        ("Story", bindings(StoryScreen)),
        ("Feeds", bindings(FeedsScreen)),
    ]


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k", "scroll_up", "Up", show=False, id="help.up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Copydesk keys", style="bold"), id="help-title")
            yield Static(Text(INTRO, style="dim"))
            keymap = self.app.settings.keymap  # type: ignore[attr-defined]
            for title, bindings in sections():
                yield Static(key_table(title, bindings, keymap))

    def action_scroll_down(self) -> None:
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one(VerticalScroll).scroll_up()
