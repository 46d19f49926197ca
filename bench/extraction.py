"""Score HTML article extraction on the article-extraction benchmark.

    python bench/extraction.py /work/shared/bench/article-extraction [--worst 10]

Compares copydesk's `clean_html` with bare readability-lxml and, when it is
installed, trafilatura: F1, precision and recall as the benchmark defines them
(see bench/metric.py) and pages per second on one process. Pages are read from
the benchmark folder in place, never copied into this repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from metric import PageScore, Score, page_score, score
from readability import Document

from tui.clean.html import clean_html
from tui.errors import SourceError

Extractor = Callable[[str, str], str]


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    truth: str


@dataclass
class Run:
    """One extractor's outputs over the benchmark and the time spent extracting."""

    name: str
    outputs: dict[str, str]
    seconds: float
    refused: list[str]  # pages the extractor declined (SourceError), scored as empty
    crashed: list[str]  # pages that raised anything else, scored as empty


def load_pages(folder: Path) -> list[Page]:
    """All pages, decompressed up front so that timing measures extraction only."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        with gzip.open(folder / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as f:
            pages.append(Page(page_id, item.get("url", ""), f.read(), item["articleBody"]))
    return pages


def copydesk(html: str, url: str) -> str:
    return clean_html(html, url=url or None).text


def bare_readability(html: str, url: str) -> str:
    """readability-lxml's summary with its markup dropped (text nodes joined by spaces)."""
    summary = Document(html).summary(html_partial=True)
    return " ".join(lxml.html.fromstring(summary).itertext())


def extractors() -> dict[str, Extractor]:
    found: dict[str, Extractor] = {
        "copydesk clean_html": copydesk,
        "readability-lxml (bare)": bare_readability,
    }
    try:
        import trafilatura
    except ImportError:
        return found

    def run_trafilatura(html: str, url: str) -> str:
        return trafilatura.extract(html, include_comments=False) or ""

    found[f"trafilatura {trafilatura.__version__}"] = run_trafilatura
    return found


def run_all(named: dict[str, Extractor], pages: list[Page]) -> list[Run]:
    """Every extractor on every page, taking turns page by page.

    Taking turns, and counting this process's CPU time rather than wall time,
    keeps the speed comparison fair when other work shares the machine.
    """
    runs = [Run(name, {}, 0.0, [], []) for name in named]
    for page in pages:
        for result, extract in zip(runs, named.values(), strict=True):
            extract_one(result, extract, page)
    return runs


def extract_one(result: Run, extract: Extractor, page: Page) -> None:
    """Extract one page; failures are recorded and scored as empty predictions."""
    start = time.process_time()
    try:
        result.outputs[page.id] = extract(page.html, page.url)
    except SourceError:
        result.refused.append(page.id)
    except Exception as error:  # a crash is a finding to report, not a reason to stop
        result.crashed.append(f"{page.id}: {type(error).__name__}: {error}")
    finally:
        result.seconds += time.process_time() - start


def page_scores(result: Run, pages: list[Page]) -> dict[str, PageScore]:
    return {p.id: page_score(p.truth, result.outputs.get(p.id, "")) for p in pages}


def print_table(rows: list[tuple[Run, Score]], n_pages: int) -> None:
    header = f"{'extractor':<26} {'F1':>6} {'prec':>6} {'recall':>6} {'pages/s':>8} {'failed':>7}"
    print(header)
    print("-" * len(header))
    for result, s in rows:
        failed = len(result.refused) + len(result.crashed)
        rate = n_pages / result.seconds if result.seconds else float("inf")
        print(
            f"{result.name:<26} {s.f1:>6.3f} {s.precision:>6.3f} {s.recall:>6.3f}"
            f" {rate:>8.1f} {failed:>7}"
        )


def print_worst(scores: dict[str, PageScore], pages: list[Page], count: int) -> None:
    """The pages copydesk scores worst on, to know where to look next."""
    urls = {p.id: p.url for p in pages}
    ranked = sorted(scores.items(), key=lambda item: item[1].tp)
    print(f"\nworst {count} pages for copydesk (tp, fp, fn as shares of all shingles):")
    for page_id, s in ranked[:count]:
        print(f"  {s.tp:.2f} {s.fp:.2f} {s.fn:.2f}  {page_id[:12]}  {urls[page_id]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the article-extraction benchmark folder")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst copydesk pages")
    args = parser.parse_args(argv)

    pages = load_pages(args.folder)
    print(f"{len(pages)} pages from {args.folder}; pages/s is per CPU-second, one process\n")
    runs = run_all(extractors(), pages)
    scores = [page_scores(result, pages) for result in runs]
    print_table(
        [(result, score(s.values())) for result, s in zip(runs, scores, strict=True)], len(pages)
    )
    for result in runs:
        for line in result.crashed:
            print(f"{result.name} crashed on {line}", file=sys.stderr)
        if result.refused:
            print(f"{result.name} refused (SourceError) {len(result.refused)}: {result.refused}")
    if args.worst:
        print_worst(scores[0], pages, args.worst)
    return 1 if runs[0].crashed else 0  # copydesk must never crash


if __name__ == "__main__":
    sys.exit(main())
