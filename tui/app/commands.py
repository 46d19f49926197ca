"""Command palette: every key's action on the current screen, articles by title, and
"Compare with…" (any article).

Titles are short strings, so Textual's fuzzy Matcher is the right tool here;
article bodies are searched with FTS5 on the search screen instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import Screen

from tui.app.safe import one_line


def binding_commands(screen: Screen, app_bindings: list[Binding]) -> Iterator[SystemCommand]:
    """A palette entry for every described key binding of the screen and the app."""
    seen: set[str] = set()
    for owner, bindings in ((screen, getattr(screen, "BINDINGS", [])), (screen.app, app_bindings)):
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            keymap = screen.app.settings.keymap  # type: ignore[attr-defined]
            keys = keymap.get(binding.id or "")
            key = (keys or binding.key_display or binding.key).split(",")[0]
            key = key.replace("question_mark", "?").replace("slash", "/")
            yield SystemCommand(
                binding.description,
                f"key: {key}",
                partial(owner.run_action, binding.action),
            )


def literal_highlight(matcher: Matcher, text: str) -> Content:
    """`Matcher.highlight` reads its argument as markup; titles must stay plain text."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """ "Read: <title>" and "Compare: <title>" for every article in the library."""

    async def startup(self) -> None:
        library = self.app.library  # type: ignore[attr-defined]
        self.articles = [
            (row.id, one_line(f"{row.label_title} ({row.label_outlet})"))
            for row in library.articles()
        ]

    async def discover(self) -> Hits:
        for article_id, label in self.articles[:20]:
            command = f"Read: {label}"  # Content, not a str: a str would be read as markup
            yield DiscoveryHit(Content(command), partial(self._read, article_id), command)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article_id, label in self.articles:
            for verb, callback in (("Read", self._read), ("Compare", self._compare)):
                command = f"{verb}: {label}"
                score = matcher.match(command)
                if score > 0:
                    display = literal_highlight(matcher, command)
                    yield Hit(score, display, partial(callback, article_id), command)

    def _read(self, article_id: int) -> None:
        self.app.open_article(article_id)  # type: ignore[attr-defined]

    def _compare(self, article_id: int) -> None:
        self.app.open_compare(article_id)  # type: ignore[attr-defined]


class CompareWithCommand(Provider):
    """ "Compare with…": pick any article and compare the current one with it.

    The current article is the one the screen is about (its `current_id()`): the
    library's cursor row, the reader's article, compare's left side.
    """

    NAME = "Compare with…"
    HELP = "compare this article with any other, picked from a list"

    def _callback(self) -> partial[None] | None:
        current_id = getattr(self.screen, "current_id", None)
        article_id = current_id() if callable(current_id) else None
        if article_id is None:
            return None
        return partial(self.app.compare_with, article_id)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        callback = self._callback()
        if callback is not None:
            yield DiscoveryHit(Content(self.NAME), callback, self.NAME, self.HELP)

    async def search(self, query: str) -> Hits:
        callback = self._callback()
        matcher = self.matcher(query)
        score = matcher.match(self.NAME)
        if callback is not None and score > 0:
            yield Hit(score, literal_highlight(matcher, self.NAME), callback, self.NAME, self.HELP)
