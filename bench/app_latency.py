"""How fast the app feels on a 10,000-article library (Pilot, not a real terminal).

    python bench/app_latency.py [--articles 10000] [--db PATH] [--seed 7]

Builds the library from the matching benchmark's generator (bench/corpus.py)
through the real ingest pipeline, or reuses `--db` if it already holds one,
then drives the real app with Textual's Pilot at 120x40 and prints:

- launch to first painted library screen (all rows in the table);
- opening an article (reader screen composed and painted);
- each search keystroke (worker finished and results shown), p95;
- jumping to the next shared sentence in the reader, p95.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from corpus import generate, write_articles

from tui.app.app import CopydeskApp
from tui.library import Library

SIZE = (120, 40)


def build(db: Path, articles: int, seed: int) -> None:
    if db.exists():
        with Library(db) as library:
            if len(library.articles()) >= articles:
                return
    generated, _ = generate(articles, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        write_articles(generated, Path(folder))
        started = time.perf_counter()
        with Library(db) as library:
            for result in library.ingest([folder]):
                if result.done % 1000 == 0:
                    print(f"  ingested {result.done}/{result.total}", flush=True)
        print(f"built {articles} articles in {time.perf_counter() - started:.1f} s")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def measure(db: Path, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    timings: dict[str, list[float]] = {"launch": [], "open": [], "search": [], "next": []}
    started = time.perf_counter()
    app = CopydeskApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timings["launch"].append(time.perf_counter() - started)
        table = app.screen.query_one("DataTable")
        rows = app.library.articles()
        assert table.row_count == len(rows), "library not fully shown"

        shared = [row for row in rows if row.shared_count >= 3]
        for row in rng.sample(shared, min(20, len(shared))):
            started = time.perf_counter()
            app.open_article(row.id)
            await pilot.pause()
            timings["open"].append(time.perf_counter() - started)
            for _ in range(3):
                started = time.perf_counter()
                await pilot.press("n")
                timings["next"].append(time.perf_counter() - started)
            app.pop_screen()
            await pilot.pause()

        titles = [row.title for row in rng.sample(rows, 5) if row.title]
        queries = [" ".join(title.split()[:2]) for title in titles]
        queries += ["minster", "the governmnt"]  # typos
        for query in queries:
            await pilot.press("slash")
            await pilot.pause()
            for character in query:
                started = time.perf_counter()
                await pilot.press(character if character != " " else "space")
                await app.workers.wait_for_complete()
                await pilot.pause()
                timings["search"].append(time.perf_counter() - started)
            app.pop_screen()
            await pilot.pause()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "copydesk-10k.db")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(args.db, args.articles, args.seed)
    timings = asyncio.run(measure(args.db, args.seed))
    targets = {"launch": 1.0, "open": 0.100, "search": 0.050, "next": 0.050}
    labels = {
        "launch": "launch to first painted library",
        "open": "open an article",
        "search": "search keystroke",
        "next": "next shared sentence",
    }
    print(f"\n{args.articles} articles, terminal {SIZE[0]}x{SIZE[1]}\n")
    print("| measure | n | median | p95 | target |")
    print("| --- | --- | --- | --- | --- |")
    for key, values in timings.items():
        print(
            f"| {labels[key]} | {len(values)} | {statistics.median(values) * 1000:.0f} ms"
            f" | {p95(values) * 1000:.0f} ms | ≤ {targets[key] * 1000:.0f} ms |"
        )


if __name__ == "__main__":
    main()
