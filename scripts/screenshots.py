"""Render the real app on the bundled seeds into screenshots/*.svg (shown in the README).

python scripts/screenshots.py [--out screenshots] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from tui.app.app import CopydeskApp
from tui.library import Library

ROOT = Path(__file__).resolve().parent.parent


def build_library(path: Path) -> dict[str, int]:
    """Ingest the seeds; returns article ids by the seed file's number prefix."""
    ids = {}
    with Library(path) as library:
        for result in library.ingest([str(ROOT / "seeds")]):
            ids[Path(result.source).name[:3]] = result.article_id
    return ids


async def shoot(db: Path, ids: dict[str, int], out: Path, size: tuple[int, int]) -> None:
    app = CopydeskApp(db)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.save_screenshot("library.svg", str(out))

        app.open_article(ids["003"])  # the October article: its own lead, then wire background
        await pilot.pause()
        await pilot.press("n")  # first shared sentence
        await pilot.pause()
        app.save_screenshot("reader.svg", str(out))
        app.pop_screen()
        await pilot.pause()

        app.open_compare(ids["001"], ids["003"])
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.save_screenshot("compare.svg", str(out))
        app.pop_screen()
        await pilot.pause()

        await pilot.press("slash", *"kuril islnds")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        app.save_screenshot("search.svg", str(out))
        app.pop_screen()
        await pilot.pause()

        await pilot.press("question_mark")
        await pilot.pause()
        app.save_screenshot("help.svg", str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--size", default="120x36", help="terminal size, COLSxROWS")
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.sqlite"
        ids = build_library(db)
        asyncio.run(shoot(db, ids, args.out, (cols, rows)))
    for svg in sorted(args.out.glob("*.svg")):
        print(svg)


if __name__ == "__main__":
    main()
