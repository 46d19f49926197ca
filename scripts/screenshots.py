"""Render the real app on the bundled seeds into screenshots/*.svg (shown in the README).

python scripts/screenshots.py [--out screenshots] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tui import feeds
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
        await app.workers.wait_for_complete()  # the table grouped by story
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

        await pilot.press("t")  # the story of the first row
        await pilot.pause()
        app.save_screenshot("story.svg", str(out))
        app.pop_screen()
        await pilot.pause()

        await pilot.press("question_mark")
        await pilot.pause()
        app.save_screenshot("help.svg", str(out))
        app.pop_screen()
        await pilot.pause()

        app.action_check_text()  # the palette's "Check a text…", with a desk's rewrite pasted
        await pilot.pause()
        app.screen.query_one("#check-input").value = CHECKED  # type: ignore[attr-defined]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        app.save_screenshot("check.svg", str(out))


# A desk's story built on the July wire (the seeds), as a user would paste it in.
CHECKED = (
    "Tokyo wants talks. Japan is open to resuming peace treaty negotiations with Russia as soon "
    "as conditions permit, Japanese Ambassador to Moscow Akira Muto said. The main obstacle "
    "remains the dispute over the southern part of the Kuril Islands, known as the Northern "
    "Territories in Japan. Our correspondent in Sapporo says fishermen there hope for a deal. "
    '"We pay attention to the statements of the Russian leadership," Muto stressed.'
)


class _SeedSite(BaseHTTPRequestHandler):
    """Two seeds as an outlet's feed on 127.0.0.1, so the feeds screen shows a real
    follow and update; /gone.xml is a feed that moved away (404)."""

    ITEMS = tuple(sorted(path.name for path in (ROOT / "seeds").glob("*.txt"))[1::3])

    def do_GET(self) -> None:
        if self.path == "/wire.xml":
            items = "".join(f"<item><link>/seeds/{name}</link></item>" for name in self.ITEMS)
            body = f'<rss version="2.0"><channel><title>Seed Wire</title>{items}</channel></rss>'
            self._send(body.encode(), "application/rss+xml")
        elif self.path.startswith("/seeds/") and self.path[7:] in self.ITEMS:
            self._send((ROOT / "seeds" / self.path[7:]).read_bytes(), "text/plain")
        else:
            self.send_error(404)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def seed_site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _SeedSite)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


async def shoot_feeds(db: Path, out: Path, size: tuple[int, int]) -> None:
    """Follow the seed site's feed and a moved one, update, and show the feeds screen."""
    with seed_site() as base, Library(db) as library:
        for path in ("/wire.xml", "/gone.xml"):
            followed = feeds.follow(library, base + path)
            if followed.feed is None:  # a feed that fails later is still worth showing
                library.conn.execute(
                    "INSERT INTO feeds (url, added) VALUES (?, datetime('now'))", (base + path,)
                )
        list(feeds.update(library, politeness=feeds.Politeness(delay=0)))
    app = CopydeskApp(db)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        app.save_screenshot("feeds.svg", str(out))


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
        asyncio.run(shoot_feeds(Path(tmp) / "feeds.sqlite", args.out, (cols, rows)))
    for svg in sorted(args.out.glob("*.svg")):
        print(svg)


if __name__ == "__main__":
    main()
