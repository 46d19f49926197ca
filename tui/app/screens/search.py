"""Search as you type: titles and outlets, and every sentence in the library."""

from __future__ import annotations

from contextlib import ExitStack

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from tui.app.messages import SearchResults
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.result_list import ResultList
from tui.library import SearchHit


def counts(hits: list[SearchHit]) -> str:
    """ "3 hits as typed · 4 in other spellings"."""
    typed = sum(hit.exact for hit in hits)
    others = len(hits) - typed
    found = f"{typed} hit{'' if typed == 1 else 's'} as typed"
    return found + (f" · {others} in other spellings" if others else "")


class SearchInput(Input):
    """An Input whose typing repaints it without laying out the whole screen.

    Input sets its virtual size (the text's width, for scrolling sideways) on
    every keystroke, and the stock reactive asks for a screen-wide layout each
    time, although the box keeps its size: a few milliseconds per keystroke
    and a full repaint that competes with the search thread.
    """

    virtual_size = Reactive(Size(0, 0), layout=False)

    def watch_value(self, value: str) -> None:
        screen = self.screen
        if isinstance(screen, SearchScreen):  # now, before the echo can be painted on its own
            screen.hold_updates()


class SearchScreen(Screen[None]):
    """Type to search; enter opens the article at the matching sentence.

    A keystroke's echo and its results are painted in one frame when the
    results come quickly. Textual paints at most one frame per 1/60 s, and
    after a frame drawn on demand the next waits 17 to 33 ms: painting the
    echo on its own (about 2 ms after the key) made the results, ready some
    10 ms later, wait for that slot. So updates are held from the keystroke
    until its results are shown, for at most HOLD seconds (a slow search then
    shows the echo first, still within the 50 ms a keystroke may take).
    """

    HOLD = 0.05

    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
        Binding("ctrl+j", "focus_results", "Results", show=False, id="search.results_alt"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.shown_query: str | None = None  # the query whose results are on screen
        self._status = ""
        self._held: ExitStack | None = None  # screen updates held for the coming results

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchInput(
            placeholder="search titles, outlets and full text (typos are fine)", id="search-input"
        )
        yield Static("", id="search-status", markup=False)
        yield ResultList(id="search-results")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def hold_updates(self) -> None:
        """Hold screen updates until the results for the newest query are shown."""
        if self._held is None:
            self._held = ExitStack()
            self._held.enter_context(self.app.batch_update())
            # an app timer: it fires even if this screen has gone by then
            self._held.callback(self.app.set_timer(self.HOLD, self._release_updates).stop)

    def _release_updates(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            held.close()

    def on_unmount(self) -> None:
        self._release_updates()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.hits:
            self.open_hit(0)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search in a thread; only the newest query's results are shown."""
        hits = self.app.search(query)  # type: ignore[attr-defined]
        self.post_message(SearchResults(query, hits))

    def on_search_results(self, message: SearchResults) -> None:
        if message.query != self.query_one(Input).value:
            return  # a newer keystroke is on its way
        self.hits, self.shown_query = message.hits, message.query
        self.query_one(ResultList).show(message.hits, message.query)
        status = counts(message.hits) if message.query.strip() else ""
        if message.query.strip() and not message.hits:
            status = "No matches. Try fewer or shorter words."
        if status != self._status:  # one fixed line: no need to lay the screen out again
            self._status = status
            self.query_one("#search-status", Static).update(status, layout=False)
        self._release_updates()

    def on_result_list_selected(self, event: ResultList.Selected) -> None:
        self.open_hit(event.index)

    def open_hit(self, index: int) -> None:
        hit = self.hits[index]
        self.app.open_article(hit.article.id, hit.i)  # type: ignore[attr-defined]

    def action_focus_results(self) -> None:
        results = self.query_one(ResultList)
        results.focus()
        if results.cursor is None and results.count:
            results.move_to(0)

    def action_back(self) -> None:
        self.app.pop_screen()
