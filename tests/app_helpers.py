"""Helpers for driving the app in tests (asyncio.run keeps pytest plugins out of it)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from tui.app.app import CopydeskApp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def drive(
    db: Path,
    script: Callable[[CopydeskApp, Pilot], Awaitable[None]],
    size: tuple[int, int] = (120, 40),
    sources: tuple[str, ...] = (),
) -> None:
    """Run `script` against a live app on library `db`, then shut the app down."""

    async def main() -> None:
        app = CopydeskApp(db, sources)
        async with app.run_test(size=size) as pilot:
            await wait_for_workers(app, pilot)  # the library's stories are grouped
            await script(app, pilot)

    asyncio.run(main())


async def wait_for_workers(app: CopydeskApp, pilot: Pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
