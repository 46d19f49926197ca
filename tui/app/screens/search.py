"""Search as you type: titles and outlets, and every sentence in the library."""

from __future__ import annotations

import re
import threading

from rapidfuzz import fuzz
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import SearchResults
from tui.library import Library, SearchHit

_WORD = re.compile(r"\w+")


def highlight(text: str, query: str, style: str = "bold reverse") -> Text:
    """`text` as plain Text with the words that answer the query styled."""
    terms = [term.lower() for term in _WORD.findall(query)]
    result = Text(text)
    for match in _WORD.finditer(text):
        word = match.group().lower()
        for index, term in enumerate(terms):
            typing = index == len(terms) - 1 and word.startswith(term)
            if typing or word == term or (len(term) >= 4 and fuzz.ratio(word, term) >= 75):
                result.stylize(style, match.start(), match.end())
                break
    return result


def hit_prompt(hit: SearchHit, query: str, width: int) -> Text:
    """Two lines: which article, then the matching text with the query words marked."""
    row = hit.article
    head = Text.assemble(
        (row.label_outlet, "bold"),
        " · ",
        (row.published or "undated", "dim"),
        " · ",
        (row.label_title, "italic" if hit.i is not None else "bold"),
    )
    head.truncate(width, overflow="ellipsis")
    if hit.i is None:
        body = highlight(hit.text, query)
        body.truncate(width, overflow="ellipsis")
        return Text.assemble(Text("title  ", style="dim"), body)
    text = hit.text
    first = min(
        (
            m.start()
            for t in _WORD.findall(query.lower())
            for m in [re.search(re.escape(t), text.lower())]
            if m
        ),
        default=0,
    )
    if first > width // 3:  # start the snippet near the match
        text = "…" + text[first - width // 4 :]
    snippet = highlight(text, query)
    snippet.truncate(width * 2, overflow="ellipsis")
    return Text.assemble(head, "\n  ", snippet)


class SearchScreen(Screen[None]):
    """Type to search; enter opens the article at the matching sentence."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
        Binding("ctrl+j", "focus_results", "Results", show=False, id="search.results_alt"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self._lock = threading.Lock()
        self._library: Library | None = None  # the worker thread's own connection

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="search titles, outlets and full text (typos are fine)", id="search-input"
        )
        yield Static("", id="search-status", markup=False)
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_unmount(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.hits:
            self.open_hit(0)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search on this worker's own connection; only the newest query's results are posted."""
        with self._lock:
            if self._library is None:
                self._library = Library(self.app.library.path)  # type: ignore[attr-defined]
            hits = self._library.search(query)
        self.post_message(SearchResults(query, hits))

    def on_search_results(self, message: SearchResults) -> None:
        if message.query != self.query_one(Input).value:
            return  # a newer keystroke is on its way
        self.hits = message.hits
        results = self.query_one(OptionList)
        width = max(20, results.size.width - 4)
        results.clear_options()
        results.add_options(
            Option(hit_prompt(hit, message.query, width), id=str(n))
            for n, hit in enumerate(message.hits)
        )
        status = f"{len(message.hits)} results" if message.query.strip() else ""
        if message.query.strip() and not message.hits:
            status = "No matches. Try fewer or shorter words."
        self.query_one("#search-status", Static).update(status)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_hit(int(event.option.id or 0))

    def open_hit(self, index: int) -> None:
        hit = self.hits[index]
        self.app.open_article(hit.article.id, hit.i)  # type: ignore[attr-defined]

    def action_focus_results(self) -> None:
        results = self.query_one(OptionList)
        results.focus()
        if results.highlighted is None and results.option_count:
            results.highlighted = 0

    def action_back(self) -> None:
        self.app.pop_screen()
