"""The reader: one article, shared sentences tinted, and where each one also appears."""

from __future__ import annotations

import webbrowser

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header

from tui.app.safe import one_line
from tui.app.widgets.article_view import ArticleView, strongest
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.links_panel import LinksPanel
from tui.library import ArticleRow, Library, Link, web_address
from tui.logs import log_exception
from tui.models import Sentence
from tui.store.matches import MatchRow

WIDE = 100  # from this many columns the links panel sits beside the text


class ReaderScreen(Screen[None]):
    """Read one article; the panel says who else printed the sentence under the cursor."""

    DEFAULT_CSS = """
    ReaderScreen #reader-body { layout: horizontal; height: 1fr; }
    ReaderScreen ArticleView { width: 1fr; height: 1fr; }
    ReaderScreen LinksPanel {
        width: 40%; min-width: 32; max-width: 60; height: 1fr;
        border-left: tall $primary 40%;
    }
    ReaderScreen.-narrow #reader-body { layout: vertical; }
    ReaderScreen.-narrow LinksPanel {
        width: 1fr; min-width: 0; max-width: 100%; height: 40%; max-height: 14;
        border-left: none; border-top: tall $primary 40%;
    }
    """

    BINDINGS = [
        Binding("enter", "open_link", "Open", id="reader.open"),
        Binding("c", "compare", "Compare", id="reader.compare"),
        Binding("o", "open_in_browser", "Browser", id="reader.browser"),
        Binding("y", "copy_url", "Copy URL", id="reader.copy_url"),
        Binding("Y", "copy_sentence", "Copy sentence", show=False, id="reader.copy_sentence"),
        Binding("v", "versions", "Versions", show=False, id="reader.versions"),
        Binding("q,escape", "back", "Back", id="reader.back"),
    ]

    def __init__(self, article_id: int, sentence: int | None = None) -> None:
        super().__init__()
        self.article_id, self.sentence = article_id, sentence
        self.article: ArticleRow | None = None
        self.sentences: list[Sentence] = []
        self._matches: dict[int, list[MatchRow]] = {}

    @property
    def library(self) -> Library:
        return self.app.library  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        # the layout is chosen before the first paint: switching after it moves the text
        self.set_class(self.app.size.width < WIDE, "-narrow")
        self.article = self.library.article(self.article_id)
        yield Header()
        if self.article is not None:
            self.sentences = self.library.sentences(self.article_id)
            for match in self.library.matches(self.article_id):
                self._matches.setdefault(match.a_i, []).append(match)
            kinds = {i: strongest(m.kind for m in ms) for i, ms in self._matches.items()}
            sources = self.library.derived(self.article_id).get(self.article_id)
            derived = sources[0].label() if sources else None
            with Container(id="reader-body"):
                yield ArticleView(
                    self.article,
                    self.sentences,
                    kinds,  # type: ignore[arg-type]
                    self.sentence,
                    derived=derived,
                    on_cursor=self.show_links,
                )
                yield LinksPanel()
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.article is None:
            self.notify(f"No article #{self.article_id} in this library.", severity="error")
            self.call_after_refresh(self.app.pop_screen)
            return
        self.sub_title = one_line(f"{self.article.label_outlet}: {self.article.label_title}")
        self._mark_read()
        view = self.query_one(ArticleView)
        view.focus()
        self.show_links(view.cursor)

    def _mark_read(self) -> None:
        from tui.app.screens.library import LibraryScreen

        self.app.library.mark_read(self.article_id)  # type: ignore[attr-defined]
        for screen in self.app.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.mark_read(self.article_id)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE, "-narrow")

    # -- the links panel -----------------------------------------------------------

    def links(self, i: int) -> list[Link]:
        """Where else sentence `i` appears, first printed first (one indexed query)."""
        return self.library.links(self.article_id, i)

    def show_links(self, i: int | None) -> None:
        if i is None or self.article is None:
            return
        panel = self.query_one(LinksPanel)
        panel.show(self.article, self.sentences[i], len(self.sentences), self.links(i))

    # -- actions -------------------------------------------------------------------

    def _cursor_links(self) -> list[Link]:
        views = self.query(ArticleView)
        cursor = views.first().cursor if views else None
        return self.links(cursor) if cursor is not None else []

    def action_open_link(self) -> None:
        """Follow the sentence to the first other article that printed it."""
        links = self._cursor_links()
        if not links:
            self.notify("This sentence appears only in this article.", markup=False, timeout=3)
            return
        self.app.open_article(links[0].article.id, links[0].i)  # type: ignore[attr-defined]

    def current_id(self) -> int:
        """The article on screen (the palette's "Compare with…" starts from it)."""
        return self.article_id

    def action_compare(self) -> None:
        """Compare with the cursor sentence's first other printer, else the closest article
        (none: one picked from all)."""
        links = self._cursor_links()
        right = links[0].article.id if links else None
        self.app.open_compare(self.article_id, right)  # type: ignore[attr-defined]

    def action_open_in_browser(self) -> None:
        """Open the article's canonical URL (or its saved file) in the browser.

        `webbrowser` honours $BROWSER; it runs in a thread, since a browser
        command may not return at once.
        """
        if self.article is None:
            return
        target = web_address(self.article)
        if target is None:
            self.notify("This article has no URL or file to open.", markup=False, timeout=3)
            return
        self._open_browser(target)
        self.notify(f"Opening {one_line(target)}", markup=False, timeout=3)

    @work(thread=True, group="browser")
    def _open_browser(self, target: str) -> None:
        try:
            opened = webbrowser.open(target)
        except Exception as error:  # a broken $BROWSER must not take the app down
            log_exception(error, f"opening {target}")
            opened = False
        if not opened:
            self.app.call_from_thread(
                self.notify, "No browser could be started.", severity="error", markup=False
            )

    def action_copy_url(self) -> None:
        """Copy the canonical URL, else the source, to the clipboard (OSC 52)."""
        if self.article is not None:
            where = self.article.url or self.article.source
            self.app.copy_to_clipboard(where)
            self.notify(f"Copied {one_line(where)}", markup=False, timeout=3)

    def action_copy_sentence(self) -> None:
        """Copy the sentence under the cursor to the clipboard (OSC 52)."""
        views = self.query(ArticleView)
        cursor = views.first().cursor if views else None
        if cursor is not None:
            self.app.copy_to_clipboard(self.sentences[cursor].text)
            self.notify("Copied the sentence.", markup=False, timeout=3)

    def action_versions(self) -> None:
        """Compare this version with the one before (a silent edit is news)."""
        before = [
            row
            for row in self.library.versions(self.article_id)
            if self.article is not None and row.version < self.article.version
        ]
        if not before:
            self.notify("This article has only one version.", markup=False, timeout=3)
            return
        self.app.open_compare(before[-1].id, self.article_id)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.dismiss()
