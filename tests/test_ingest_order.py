"""bench/ingest_order.py: the same sources in the same order build the same library,
and copies printed word for word are found whatever the order."""

from __future__ import annotations

from pathlib import Path

from tests.bench_scripts import load_bench

from .synthetic import write_articles

ingest_order = load_bench("ingest_order")


def test_the_same_order_twice_builds_the_same_library(tmp_path: Path) -> None:
    files = write_articles(tmp_path / "articles", 12)
    first = ingest_order.ingest(files, tmp_path / "first.sqlite")
    again = ingest_order.ingest(files, tmp_path / "again.sqlite")
    assert first[0] and first[1]  # (the wire copy's sentences are shared)
    assert first[:2] == again[:2]


def test_exact_copies_do_not_depend_on_the_order(tmp_path: Path) -> None:
    files = write_articles(tmp_path / "articles", 12)
    forward = ingest_order.ingest(files, tmp_path / "forward.sqlite")[0]
    backward = ingest_order.ingest(files[::-1], tmp_path / "backward.sqlite")[0]

    def exact(matches: set) -> set:
        return {(a, b) for a, b, kind in matches if kind == "exact"}

    assert exact(forward)
    assert exact(forward) == exact(backward)
