"""Search as you type: titles and outlets, and every sentence in the library."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import SearchResults
from tui.app.safe import one_line, outlet
from tui.app.widgets.key_footer import KeyFooter
from tui.library import SearchHit

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
        (outlet(row), "bold"),
        " · ",
        (row.published or "undated", "dim"),
        " · ",
        (row.label_title, "italic" if hit.i is not None else "bold"),
    )
    head.truncate(width, overflow="ellipsis")
    if hit.i is None:
        body = highlight(one_line(hit.text), query)  # a title, or a file name
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


def screenful(hits: list[SearchHit], height: int) -> int:
    """How many hits fill `height` lines (hit_prompt: a title takes one, a sentence three)."""
    lines = 0
    for count, hit in enumerate(hits, start=1):
        lines += 1 if hit.i is None else 3
        if lines >= height:
            return count
    return len(hits)


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
        self.shown_query: str | None = None  # the query whose results are on screen
        self._status = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="search titles, outlets and full text (typos are fine)", id="search-input"
        )
        yield Static("", id="search-status", markup=False)
        yield OptionList(id="search-results")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

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
        results = self.query_one(OptionList)
        results.clear_options()
        # a screenful now, the rest once that is painted
        shown = screenful(self.hits, results.size.height)
        self._add_hits(message.query, 0, shown)
        if len(self.hits) > shown:
            self.call_after_refresh(self._add_hits, message.query, shown, len(self.hits))
        status = f"{len(message.hits)} results" if message.query.strip() else ""
        if message.query.strip() and not message.hits:
            status = "No matches. Try fewer or shorter words."
        if status != self._status:  # an update re-measures the screen: skip it when unchanged
            self._status = status
            self.query_one("#search-status", Static).update(status)

    def _add_hits(self, query: str, start: int, end: int) -> None:
        """List hits[start:end] as options, unless newer results have replaced them."""
        if query != self.shown_query:
            return
        results = self.query_one(OptionList)
        width = max(8, results.size.width - 4)
        results.add_options(
            Option(hit_prompt(hit, query, width), id=str(n))
            for n, hit in enumerate(self.hits[start:end], start)
        )

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

    def on_resize(self) -> None:
        """Prompts are cut to the list's width: cut them again once it has changed."""
        self.call_after_refresh(self._refit_prompts)

    def _refit_prompts(self) -> None:
        results = self.query_one(OptionList)
        if self.shown_query is None or results.option_count != len(self.hits):
            return
        width = max(8, results.size.width - 4)
        for n, hit in enumerate(self.hits):
            results.replace_option_prompt_at_index(n, hit_prompt(hit, self.shown_query, width))

    def action_back(self) -> None:
        self.app.pop_screen()
