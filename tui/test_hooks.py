"""A deterministic pause point for tests that kill or race a real ingest process.

With `COPYDESK_PAUSE_AFTER=N` in the environment, an ingest commits as soon
as it has added N articles, prints `copydesk: paused after N articles` on
stderr and waits for a line (or the end) on stdin before it goes on. A test
reads that line, then kills the process or lets it go on: nothing depends on
how fast the machine is. Unset, it costs one environment lookup per library.
"""

from __future__ import annotations

import os
import sys

PAUSE_VARIABLE = "COPYDESK_PAUSE_AFTER"


def pause_after() -> int | None:
    """N from `COPYDESK_PAUSE_AFTER`, or None when unset or not a positive whole number."""
    value = os.environ.get(PAUSE_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def pause(added: int) -> None:
    """Say where the ingest stands, then wait for a line on stdin."""
    print(f"copydesk: paused after {added} articles", file=sys.stderr, flush=True)
    sys.stdin.readline()
