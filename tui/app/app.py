"""The Copydesk Textual app: screens over the library, ingest in a worker."""

from __future__ import annotations

import io
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import WorkerFailed, get_current_worker

from tui import feeds
from tui.app.commands import ArticleCommands, CompareWithCommand, binding_commands
from tui.app.idle_gc import IdleCollector
from tui.app.messages import (
    CheckFinished,
    FeedProgress,
    FeedsUpdated,
    IngestFinished,
    IngestProgress,
)
from tui.app.safe import one_line
from tui.app.screens.library import LibraryScreen
from tui.config import ConfigError, Settings, save_theme
from tui.errors import SourceError
from tui.library import Library, SearchHit, is_source
from tui.logs import log_exception
from tui.text.counts import counted
from tui.text.sanitize import printable

SHORT = 12  # below this many rows, bars give way to content (the -short class)
NARROW = 40  # below this many columns, boxes take the whole width (the -narrow class)
# During an ingest the table is reloaded at most this often (seconds), and never
# for more than a tenth of the time: a 10,000-article reload is not free.
RELOAD_EVERY = 1.0


class CopydeskApp(App[None]):
    """Read articles side by side and see which sentences outlets share."""

    TITLE = "Copydesk"
    CSS_PATH = "copydesk.tcss"
    COMMANDS = App.COMMANDS | {ArticleCommands, CompareWithCommand}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("a", "add_source", "Add", id="app.add"),
    ]

    def __init__(
        self,
        db_path: Path | str | None = None,
        sources: Sequence[str] = (),
        settings: Settings | None = None,
    ) -> None:
        """`settings` come from the config file (tui/config.py); None is the defaults,
        and then a theme chosen in the app is not saved."""
        super().__init__()
        self.settings = settings or Settings()
        self._save_themes = settings is not None
        self.set_keymap(self.settings.keymap)
        self.library = Library(db_path, cutoffs=self.settings.thresholds)
        self.initial_sources = list(sources)
        self._searcher: Library | None = None  # the search workers' own connection
        self._searcher_lock = threading.Lock()
        self._collector = IdleCollector(self)
        self.crash: str | None = None  # what ended the app, if an unexpected error did
        self._next_reload = 0.0  # when an ingest may next reload the library table
        # when the app last closed on this library (UTC ISO 8601), for "new since last visit"
        self.previous_visit: str | None = self.library.last_visit()

    @property
    def db_path(self) -> Path:
        return self.library.path

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key's action is also a palette command, and so is checking a text."""
        yield from binding_commands(screen, self.BINDINGS)
        yield SystemCommand(
            "Check a text…",
            "which stored articles share text with a file, URL or pasted text",
            self.action_check_text,
        )
        yield from super().get_system_commands(screen)

    def on_mount(self) -> None:
        self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.push_screen(LibraryScreen())
        self.call_after_refresh(self.prepare_search)
        self.call_after_refresh(self._collector.start)
        if self.initial_sources:
            self.ingest(self.initial_sources)

    def on_unmount(self) -> None:
        self._collector.stop()
        try:
            self.library.end_visit()
        except Exception as error:  # a locked or read-only library must not stop the exit
            log_exception(error, "recording the end of a visit")
        self.library.close()
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._collector.input_seen()  # full collections wait for a pause in the input
        await super().on_event(event)

    def _save_theme(self, theme: Theme) -> None:
        """A theme chosen in the app (the palette's "Change theme") is kept for the next start."""
        if not self._save_themes or theme.name == self.settings.theme:
            return
        try:
            save_theme(theme.name)
        except (ConfigError, ValueError) as error:
            self.notify_error(f"theme not saved: {error}", title="Settings")
            return
        self.settings = replace(self.settings, theme=theme.name)

    # -- search ----------------------------------------------------------------

    def search(self, query: str) -> list[SearchHit]:
        """Search on a connection kept for the whole run, so its indexes stay built.

        Blocking: call it from a worker thread (SearchScreen does).
        """
        with self._searcher_lock:
            if self._searcher is None:
                self._searcher = Library(self.db_path)
            return self._searcher.search(query)

    @work(thread=True, group="search-indexes")
    def prepare_search(self) -> None:
        """Build the search indexes once the library is on screen, not on the first keystroke."""
        with self._searcher_lock:
            if self._searcher is None:
                self._searcher = Library(self.db_path)
            self._searcher.prepare_search()

    def on_resize(self, event: events.Resize) -> None:
        """Tiny terminals: copydesk.tcss hides chrome so the text keeps the room."""
        self.set_class(event.size.height < SHORT, "-short")
        self.set_class(event.size.width < NARROW, "-narrow")

    # -- ingest ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="ingest")
    def ingest(self, sources: list[str]) -> None:
        """Ingest in a thread with its own connection; report through messages only.

        A source that fails is reported and the batch goes on. An error that
        stops the batch (the library cannot be opened or written) is logged
        and reported; the articles committed before it stay.
        """
        counts = {"added": 0, "present": 0, "failed": 0}
        stopped: str | None = None
        try:
            with Library(self.db_path, cutoffs=self.settings.thresholds) as library:
                for result in library.ingest(sources):
                    counts[result.status] += 1
                    self.post_message(IngestProgress(result))
        except Exception as error:
            log = log_exception(error, "ingest in the app")
            stopped = f"{type(error).__name__}: {error} (details in {log})"
        self.post_message(IngestFinished(**counts, stopped=stopped))

    def on_ingest_progress(self, message: IngestProgress) -> None:
        result = message.result
        if result.status == "failed":
            self.notify_error(f"{result.source}: {result.reason}", title="Could not add")
        reload = result.status == "added" and time.monotonic() >= self._next_reload
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.show_progress(result.done, result.total)
                if reload:  # rows appear as they are committed, not only at the end
                    started = time.monotonic()
                    screen.reload()
                    took = time.monotonic() - started
                    self._next_reload = time.monotonic() + max(RELOAD_EVERY, 10 * took)

    def on_ingest_finished(self, message: IngestFinished) -> None:
        summary = f"{message.added} added, {message.present} already present"
        if message.failed:
            summary += f", {message.failed} failed"
        self._batch_over(summary, message.stopped, ("Ingest finished", "Ingest stopped"))

    def _batch_over(
        self,
        summary: str,
        stopped: str | None,
        titles: tuple[str, str],
        screens: tuple[type[Screen], ...] = (LibraryScreen,),
    ) -> None:
        """A background batch (an ingest, a feeds update) is over: read the library
        again, reload the `screens` showing it, and say how it went (`titles`: when
        it finished, when an error `stopped` it)."""
        self.library.refresh()
        for screen in self.screen_stack:
            if isinstance(screen, screens):
                screen.reload()  # type: ignore[attr-defined]
        if stopped:
            self.notify_error(f"{summary}; stopped by {stopped}", titles[1], 15)
        else:
            self.notify(summary, title=titles[0], markup=False)

    # -- feeds -----------------------------------------------------------------

    def action_update_feeds(self) -> None:
        """Fetch every followed feed and ingest new items, in a worker (u)."""
        if not feeds.feeds(self.library):
            self.notify("You follow no feeds: copydesk follow URL adds one.", markup=False)
            return
        if any(w.group == "feeds" and not w.is_finished for w in self.workers):
            self.notify("The feeds are being updated already.", markup=False)
            return
        self.notify("Updating feeds…", markup=False, timeout=3)
        self._update_feeds()

    @work(thread=True, exclusive=True, group="feeds")
    def _update_feeds(self) -> None:
        """Like `ingest`: its own connection, messages only, errors logged. It stops
        before its next request once cancelled (the app quitting cancels it)."""
        worker = get_current_worker()
        added = failed_feeds = 0
        stopped: str | None = None
        try:
            with Library(self.db_path) as library:
                for result in feeds.update(library, cancelled=lambda: worker.is_cancelled):
                    if isinstance(result, feeds.FeedResult):
                        failed_feeds += result.status == "failed"
                        self.post_message(FeedProgress(result))
                    else:
                        added += result.status == "added"
                        self.post_message(IngestProgress(result))
        except Exception as error:
            log = log_exception(error, "feeds update in the app")
            stopped = f"{type(error).__name__}: {error} (details in {log})"
        self.post_message(FeedsUpdated(added, failed_feeds, stopped))

    def on_feed_progress(self, message: FeedProgress) -> None:
        result = message.result
        if result.status == "failed":
            self.notify_error(f"{result.feed.url}: {result.reason}", title="Feed failed")
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.show_progress(result.done, result.total, verb="updating feeds,")

    def on_feeds_updated(self, message: FeedsUpdated) -> None:
        from tui.app.screens.feeds import FeedsScreen

        summary = counted(message.added, "new article")
        if message.failed_feeds:
            summary += f", {message.failed_feeds} feeds failed"
        titles = ("Feeds updated", "Update stopped")
        self._batch_over(summary, message.stopped, titles, (LibraryScreen, FeedsScreen))

    def action_feeds(self) -> None:
        from tui.app.screens.feeds import FeedsScreen

        if not isinstance(self.screen, FeedsScreen):
            self.push_screen(FeedsScreen())

    def notify_error(self, text: str, title: str, timeout: float = 8) -> None:
        """An error notification of untrusted text: one line, never parsed as markup."""
        self.notify(one_line(text), title=title, markup=False, severity="error", timeout=timeout)

    # -- actions available everywhere -----------------------------------------

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from tui.app.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_add_source(self) -> None:
        from tui.app.screens.add_source import AddSourceScreen

        def start(source: str | None) -> None:
            if source:
                self.ingest([source])

        self.push_screen(AddSourceScreen(), start)

    def action_check_text(self) -> None:
        """Check a file, URL or pasted text against the library without storing it
        (the palette's "Check a text…")."""
        from tui.app.screens.check import CheckSourceScreen

        def start(source: str | None) -> None:
            if source:
                self.notify("Checking…", markup=False, timeout=3)
                self._check(source)

        self.push_screen(CheckSourceScreen(), start)

    @work(thread=True, exclusive=True, group="check")
    def _check(self, typed: str) -> None:
        """Check in a thread with its own connection; report through a message only.
        What is neither a file nor a URL is the text itself, pasted in."""
        result, failed = None, None
        try:
            with Library(self.db_path, cutoffs=self.settings.thresholds) as library:
                if is_source(typed):
                    result = library.check(typed)
                else:
                    pasted = io.BytesIO(typed.encode("utf-8"))
                    result = replace(library.check("-", stdin=pasted), source="pasted text")
        except SourceError as error:
            failed = f"{typed[:60]}: {error}"
        except Exception as error:
            log = log_exception(error, "check in the app")
            failed = f"{type(error).__name__}: {error} (details in {log})"
        self.post_message(CheckFinished(result, failed))

    def on_check_finished(self, message: CheckFinished) -> None:
        from tui.app.screens.check import CheckScreen

        if message.result is None:
            self.notify_error(message.failed or "nothing to check", title="Could not check")
            return
        self.push_screen(CheckScreen(message.result))

    def _gone(self, *article_ids: int) -> bool:
        """Whether one of these articles is no longer in the library (another process
        deleted it); says so."""
        for article_id in article_ids:
            if self.library.article(article_id) is None:
                self.notify(f"No article #{article_id} in this library.", severity="error")
                return True
        return False

    def open_article(self, article_id: int, sentence: int | None = None) -> None:
        from tui.app.screens.reader import ReaderScreen

        if not self._gone(article_id):
            self.push_screen(ReaderScreen(article_id, sentence))

    def open_compare(self, left_id: int, right_id: int | None = None) -> None:
        """Compare two articles; without a right side, the one sharing most with the
        left, or, when none shares anything, the one picked from all of them."""
        from tui.app.screens.compare import CompareScreen

        if self._gone(left_id) or (right_id is not None and self._gone(right_id)):
            return

        if right_id is None:
            related = self.library.related(left_id)
            if not related:
                self.compare_with(left_id)
                return
            right_id = related[0][0]
        self.push_screen(CompareScreen(left_id, right_id))

    def compare_with(self, left_id: int) -> None:
        """Pick any other article (those sharing the most first) and compare the two."""
        from tui.app.screens.pick_article import PickArticleScreen

        def chosen(right_id: int | None) -> None:
            if right_id is not None:
                self.open_compare(left_id, right_id)

        self.push_screen(PickArticleScreen(left_id), chosen)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app with status 1: the traceback goes to the log.

        Textual would print a screen-filling traceback on exit; `run` prints
        one line naming the log file instead. (A private Textual hook: Textual
        is pinned below 9.)
        """
        cause = error.error if isinstance(error, WorkerFailed) else error
        log = log_exception(cause, "unexpected error in the app")
        if self.crash is None:
            self.crash = f"unexpected error ({type(cause).__name__}); the traceback is in {log}"
        super()._handle_exception(error)
        self._exit_renderables.clear()


def run(db_path: Path | str | None, sources: Sequence[str], settings: Settings) -> int:
    """Run the app until it quits; returns the exit status (1 after an unexpected error)."""
    app = CopydeskApp(db_path, sources, settings)
    app.run()
    if app.crash is not None:
        print(printable(f"copydesk: {app.crash}"), file=sys.stderr)
    return app.return_code or 0
