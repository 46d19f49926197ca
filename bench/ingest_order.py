"""Does what the library finds depend on the order articles arrive in?

    python bench/ingest_order.py ../shared/bench/same-event [--file helsinki_articles.csv]
    python bench/ingest_order.py FOLDER   # any folder of sources (e.g. a kept corpus)
        [--seed 3] [--keep DIR]

The same sources are ingested into fresh libraries four times: in name order,
in name order again (the control: the same order must give the same library),
reversed, and shuffled with a fixed seed. Matches are compared by (source,
sentence position) on both sides and kind; derived shares (tui/match/derived.py,
rows of at least MIN_DERIVED_SHARE) by (article source, source source). Each
order is compared with the first.

Why they can differ: a pair is judged once, when its later article arrives,
by the term counts of the library as it is then (tui/match/rarity.py: how
rare a shared word is decides frames, lone rewrites and which runs of a
passage count). In another order the same pair is judged against other
articles' counts, and the candidate index's postings budget is a share of
what is stored then.

The same-event folder's CSV rows become HTML pages as in bench/same_event.py.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from same_event import page, read_rows

from tui.library import Library
from tui.match.kinds import MIN_DERIVED_SHARE
from tui.store.matches import all_matches, derived_shares

Matches = set[tuple[tuple[str, int], tuple[str, int], str]]
Shares = dict[tuple[str, str], float]


def sources_of(path: Path, csv_name: str, work: Path) -> list[Path]:
    """The sources to ingest: a folder's files, or the same-event CSV written as pages."""
    if (path / csv_name).is_file():
        pages = work / "pages"
        pages.mkdir(parents=True, exist_ok=True)
        for row in read_rows(path / csv_name):
            (pages / f"{int(row['id']):05}.html").write_text(page(row), encoding="utf-8")
        path = pages
    return sorted(p for p in path.iterdir() if p.is_file())


def ingest(files: list[Path], db: Path) -> tuple[Matches, Shares, float]:
    """Ingest `files` in this order into a new library at `db`; its matches, shares
    and the seconds it took."""
    started = time.perf_counter()
    with Library(db) as library:
        for result in library.ingest([str(f) for f in files]):
            if result.status == "failed":
                print(f"  {result.source}: {result.reason}", file=sys.stderr)
        seconds = time.perf_counter() - started
        name = {row.id: Path(row.source).name for row in library.articles()}
        matches = {
            (*sorted([(name[m.a_article], m.a_i), (name[m.b_article], m.b_i)]), m.kind)
            for m in all_matches(library.conn)
            if m.a_article in name and m.b_article in name
        }
        shares = {
            (name[a], name[b]): share
            for a, b, share, _ in derived_shares(library.conn, MIN_DERIVED_SHARE)
            if a in name and b in name
        }
    return matches, shares, seconds  # type: ignore[return-value]


def compare(label: str, first: tuple[Matches, Shares], other: tuple[Matches, Shares]) -> None:
    """Print how `other` differs from `first`."""
    (m1, s1), (m2, s2) = first, other
    pairs = {(a, b) for a, b, _ in m1} | {(a, b) for a, b, _ in m2}
    kinds1 = {(a, b): k for a, b, k in m1}
    kinds2 = {(a, b): k for a, b, k in m2}
    only1 = sum(p not in kinds2 for p in kinds1)
    only2 = sum(p not in kinds1 for p in kinds2)
    other_kind = sum(p in kinds1 and p in kinds2 and kinds1[p] != kinds2[p] for p in pairs)
    keys = set(s1) | set(s2)
    one_side = sum((k in s1) != (k in s2) for k in keys)
    gaps = [abs(s1[k] - s2[k]) for k in keys if k in s1 and k in s2]
    large = [k for k in keys if max(s1.get(k, 0.0), s2.get(k, 0.0)) >= 0.5]
    print(
        f"| {label} | {len(m2):,} | {only1:,} | {only2:,} | {other_kind:,} "
        f"| {len(s2):,} | {one_side:,} | {sum(g > 0.01 for g in gaps):,} "
        f"| {sum(g > 0.05 for g in gaps):,} "
        f"| {statistics.median(gaps) if gaps else 0:.4f} "
        f"| {sum(abs(s1.get(k, 0.0) - s2.get(k, 0.0)) > 0.05 for k in large):,} of {len(large):,} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the same-event folder, or any folder")
    parser.add_argument("--file", default="helsinki_articles.csv")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the libraries here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        files = sources_of(args.source, args.file, work)
        orders = {
            "name order": files,
            "name order again (control)": files,
            "reversed": files[::-1],
            "shuffled": random.Random(args.seed).sample(files, len(files)),
        }
        found = {}
        for n, (label, order) in enumerate(orders.items()):
            db = work / f"order-{n}.sqlite"
            for stale in work.glob(f"order-{n}.sqlite*"):
                stale.unlink()
            matches, shares, seconds = ingest(order, db)
            found[label] = (matches, shares)
            print(f"{label}: {len(order):,} sources in {seconds:.1f} s", file=sys.stderr)
        if args.keep is None:
            shutil.rmtree(work / "pages", ignore_errors=True)
    first = found["name order"]
    print(f"\n{len(files):,} sources; each order against name order\n")
    print(
        "| order | matches | only in name order | only in this | other kind "
        "| derived rows | in one only | differ > 0.01 | differ > 0.05 | median gap "
        "| shares ≥ 0.5 differing > 0.05 |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, other in found.items():
        if label != "name order":
            compare(label, first, other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
