"""How fast the app feels on a 10,000-article library (headless, not a real terminal).

    python bench/app_latency.py [--articles 10000] [--db PATH] [--seed 7] [--profile FILE]

Builds the library from the matching benchmark's generator (bench/corpus.py)
through the real ingest pipeline, or reuses `--db` if it already holds one,
then drives the real app headless at 120x40 and prints:

- launch to first painted library screen (all rows in the table, in date order);
- launch to the table grouped by story (stories and copied shares come from a
  worker after the first paint);
- opening an article (reader screen composed and painted);
- each search keystroke (results for the new query painted), p95;
- jumping to the next shared sentence in the reader (cursor and panel painted), p95.

Each time runs from the input (a key handed to the driver, as a terminal
would, or the call that opens a screen) to the first frame the app sends to
the terminal that shows the result; that frame is also encoded into terminal
escapes, which the headless driver would otherwise skip. Pilot is only used to
let the app settle between measurements: `Pilot.press` and `Pilot.pause` wait
for the process to look idle, which sleeps at least 20 ms per check (two
checks per press), so timing them measures those sleeps as much as the app.
The last line shows that floor: Pilot pressing a key nothing is bound to.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import generate, write_articles
from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input

from tui.app.app import CopydeskApp
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.search import SearchScreen
from tui.app.widgets.article_table import ArticleTable
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.links_panel import LinksPanel
from tui.library import Library

SIZE = (120, 40)
KEY_CHARACTERS = {"space": " ", "slash": "/"}


def build(db: Path, articles: int, seed: int) -> int:
    """Make `db` hold at least `articles` generated articles (a library given with
    --db is used as it is); returns how many articles it holds."""
    if db.exists():
        with Library(db) as library:
            held = len(library.articles())
            if held >= articles:
                return held
    generated, _ = generate(articles, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        write_articles(generated, Path(folder))
        started = time.perf_counter()
        with Library(db) as library:
            for result in library.ingest([folder]):
                if result.done % 1000 == 0:
                    print(f"  ingested {result.done}/{result.total}", flush=True)
        print(f"built {articles} articles in {time.perf_counter() - started:.1f} s")
    return articles


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Frames:
    """Watches the frames the app sends to the terminal, to time when a result is shown."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._display = app._display
        app._display = self._on_display  # type: ignore[method-assign]
        self._shown: Callable[[], bool] = lambda: False
        self._waiter: asyncio.Future[float] | None = None

    def _on_display(self, screen: Screen, renderable: RenderableType | None) -> None:
        self._display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.app.console)  # what a real terminal would be sent
        waiter = self._waiter
        if renderable is not None and waiter is not None and not waiter.done() and self._holds():
            waiter.set_result(time.perf_counter())

    def _holds(self) -> bool:
        try:
            return self._shown()
        except NoMatches:  # the screen is still being built
            return False

    def expect(self, shown: Callable[[], bool]) -> asyncio.Future[float]:
        """A future for the time of the first frame sent while `shown()` holds."""
        self._shown = shown
        self._waiter = asyncio.get_running_loop().create_future()
        return self._waiter


async def timed(frames: Frames, action: Callable[[], object], shown: Callable[[], bool]) -> float:
    """Seconds from `action()` to the first frame that shows its result."""
    waiter = frames.expect(shown)
    started = time.perf_counter()
    action()
    return await asyncio.wait_for(waiter, timeout=30) - started


def send_key(app: App, key: str) -> None:
    """Hand the app a key as the terminal driver does, without Pilot's settling waits."""
    event = events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None))
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def panel_on_cursor(app: App) -> bool:
    """The reader shows its text and the panel describes the cursor sentence."""
    screen = app.screen
    if not isinstance(screen, ReaderScreen):
        return False
    view = screen.query_one(ArticleView)
    heading = f"Sentence {(view.cursor or 0) + 1} of "
    return view.virtual_size.height > 0 and screen.query_one(LinksPanel).text.plain.startswith(
        heading
    )


async def measure(db: Path, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    timings: dict[str, list[float]] = {
        "launch": [],
        "grouped": [],
        "open": [],
        "search": [],
        "next": [],
    }
    with Library(db) as library:
        rows = library.articles()
    app = CopydeskApp(db)
    frames = Frames(app)

    def library_shown() -> bool:
        screen = app.screen
        if not isinstance(screen, LibraryScreen):
            return False
        return screen.query_one(ArticleTable).row_count == len(rows)

    started = time.perf_counter()
    launched = frames.expect(library_shown)
    async with app.run_test(size=SIZE) as pilot:
        timings["launch"].append(await asyncio.wait_for(launched, timeout=60) - started)
        if app.screen.grouped:  # a small library is grouped before the first paint
            timings["grouped"].append(timings["launch"][0])
        else:
            grouped = frames.expect(lambda: library_shown() and app.screen.grouped)
            timings["grouped"].append(await asyncio.wait_for(grouped, timeout=60) - started)
        await app.workers.wait_for_complete()
        await pilot.pause()

        shared = [row for row in rows if row.shared_count >= 3]
        for row in rng.sample(shared, min(20, len(shared))):
            opened = await timed(
                frames, lambda row=row: app.open_article(row.id), lambda: panel_on_cursor(app)
            )
            timings["open"].append(opened)
            await pilot.pause()
            for _ in range(3):
                view = app.screen.query_one(ArticleView)
                before = view.cursor

                def moved(view: ArticleView = view, before: int | None = before) -> bool:
                    return view.cursor != before and panel_on_cursor(app)

                timings["next"].append(await timed(frames, lambda: send_key(app, "n"), moved))
                await pilot.pause()
            app.pop_screen()
            await pilot.pause()

        titles = [row.title for row in rng.sample(rows, 5) if row.title]
        queries = [" ".join(title.split()[:2]) for title in titles]
        queries += ["minster", "the governmnt"]  # typos
        for query in queries:
            await pilot.press("slash")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            for typed in range(1, len(query) + 1):
                character = query[typed - 1]

                def answered(screen: SearchScreen = screen, typed: str = query[:typed]) -> bool:
                    return screen.query_one(Input).value == typed and screen.shown_query == typed

                press = "space" if character == " " else character
                timings["search"].append(
                    await timed(frames, lambda press=press: send_key(app, press), answered)
                )
                await app.workers.wait_for_complete()
                await pilot.pause()
            app.pop_screen()
            await pilot.pause()

        started = time.perf_counter()
        await pilot.press("z")  # bound to nothing on the library screen
        timings["Pilot.press, unbound key"] = [time.perf_counter() - started]
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "copydesk-10k.db")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the measured run here")
    args = parser.parse_args()
    held = build(args.db, args.articles, args.seed)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    timings = asyncio.run(measure(args.db, args.seed))
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    targets = {"launch": 1.0, "open": 0.100, "search": 0.050, "next": 0.050}
    notes = {"grouped": "(the table is usable before)", "Pilot.press, unbound key": "(floor)"}
    labels = {
        "launch": "launch to first painted library",
        "grouped": "launch to the table grouped by story",
        "open": "open an article",
        "search": "search keystroke",
        "next": "next shared sentence",
    }
    print(f"\n{held:,} articles, terminal {SIZE[0]}x{SIZE[1]}\n")
    print("| measure | n | median | p95 | target |")
    print("| --- | --- | --- | --- | --- |")
    for key, values in timings.items():
        target = f"≤ {targets[key] * 1000:.0f} ms" if key in targets else notes.get(key, "")
        print(
            f"| {labels.get(key, key)} | {len(values)} | {statistics.median(values) * 1000:.0f} ms"
            f" | {p95(values) * 1000:.0f} ms | {target} |"
        )


if __name__ == "__main__":
    main()
