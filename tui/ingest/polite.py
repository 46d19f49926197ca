"""Politeness towards web servers: at most one request per second to each host."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

HOST_DELAY = 1.0  # seconds between two requests to one host


class Politeness:
    """At most one request per `delay` seconds to each host (`clock` and `sleep` in
    seconds; tests pass a delay of 0, so nothing there waits on time)."""

    def __init__(
        self,
        delay: float | None = None,  # HOST_DELAY
        clock: Callable[[], float] | None = None,  # time.monotonic
        sleep: Callable[[float], None] | None = None,  # time.sleep
    ) -> None:
        self.delay = HOST_DELAY if delay is None else delay
        self.clock = clock or time.monotonic
        self.sleep = sleep or time.sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        """Sleep until `url`'s host may be asked again, and note this request."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:  # stored URLs were checked when followed; never fail here
            host = url
        if host in self.last and self.delay > 0:
            self.sleep(max(0.0, self.last[host] + self.delay - self.clock()))
        self.last[host] = self.clock()
