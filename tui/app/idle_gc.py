"""Full garbage collections while the reader pauses, not in the middle of a key press.

CPython starts a full collection whenever enough objects have survived the
young ones, and a full collection walks every tracked object: about 400,000
with a 10,000-article library on screen, 40-340 ms each, so they landed on
whichever key press happened to allocate the last straw (17 in one benchmark
run, most of the slow tails).

So once the library is painted everything alive is frozen (`gc.freeze`):
CPython's own collections go on, but they only walk what was made since.
Each return to the library collects what the closed screens left (only the
unfrozen objects: a few tens of milliseconds at most) and freezes the rest,
such as Textual's render caches, which only grow. After a few seconds
without input everything is unfrozen, collected in full and frozen again, so
frozen objects that died since (in cycles) are still freed, while nobody
waits; if the frozen set doubles without such a pause, the next return to the
library does that full collection instead.
Leaving the app unfreezes everything, since tests run many apps in one process.
"""

from __future__ import annotations

import gc
import time

from textual.app import App
from textual.screen import Screen

IDLE_SECONDS = 3.0  # no key or mouse input for this long counts as a pause
GROWTH = 2.0  # frozen objects may reach this times the count after a full collection
SLACK = 100_000  # (plus this many) before a return to the library collects in full


def release_closed_watchers(app: App) -> None:
    """Drop watchers of the app's reactives that belong to removed widgets.

    Textual's Header watches the app's `title` and `sub_title`, and Textual only
    prunes such watchers when the watched value changes, which ours never does:
    every screen opened kept its Header (and the Header its children and render
    caches) alive for good, about 5,000 objects per article read.
    """
    watchers: dict[str, list[tuple[object, object]]] = getattr(app, "__watchers", {})
    for pairs in watchers.values():
        pairs[:] = [(node, callback) for node, callback in pairs if not node._closing]  # type: ignore[attr-defined]


class IdleCollector:
    """Freezes the heap after launch and collects it in full in the app's idle moments."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.last_input = time.monotonic()
        self.collected_at = self.last_input
        self.collections = 0  # full collections run here (for tests)
        self.frozen_after_collect = 0
        # objects frozen since: counted as they are frozen, since gc.get_freeze_count()
        # walks every frozen object (80 ms with a 100,000-article library on screen)
        self.frozen = 0
        self.home: Screen | None = None  # the screen painted at launch (the library)

    def start(self) -> None:
        """Call once the first screen is painted: its objects live as long as the app."""
        self.home = self.app.screen
        self.collect()
        self.app.set_interval(IDLE_SECONDS / 2, self._collect_if_idle, name="idle-gc")
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed)

    def _screen_changed(self, screen: Screen) -> None:
        if screen is self.home:
            self.app.call_after_refresh(self.checkpoint)

    def checkpoint(self) -> None:
        """Free what closed screens left and freeze what lives on (or collect in full).

        The screen just closed is often still held while its timers stop, so it is
        frozen with the rest; the next full collection frees it. Waiting for it
        instead meant collecting again a moment later, in the middle of the next key.
        """
        release_closed_watchers(self.app)
        gc.collect()  # the frozen objects are not walked
        self.frozen += len(gc.get_objects())  # (the objects not frozen yet)
        if self.frozen > self.frozen_after_collect * GROWTH + SLACK:
            self.collect()
            return
        gc.freeze()

    def input_seen(self) -> None:
        self.last_input = time.monotonic()

    def _collect_if_idle(self) -> None:
        now = time.monotonic()
        if self.last_input > self.collected_at and now - self.last_input >= IDLE_SECONDS:
            self.collect()

    def collect(self) -> None:
        """Collect everything, the frozen objects too, then freeze what survives."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.frozen = self.frozen_after_collect = gc.get_freeze_count()
        self.collected_at = time.monotonic()
        self.collections += 1

    @staticmethod
    def stop() -> None:
        """Hand the frozen objects back to the collector (the app is closing)."""
        gc.unfreeze()
