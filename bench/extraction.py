"""Score article extraction on the article-extraction benchmark, from HTML and from plain text.

    python bench/extraction.py /work/shared/bench/article-extraction [--worst 10]

HTML mode compares copydesk's `clean_html` with bare readability-lxml and, when it
is installed, trafilatura. Text mode turns every page into its whole visible text
(bench/page_text.py, what a browser's select-all-and-copy gives) and scores that
text as it is, then copydesk's `clean_text` run on it. Each row gets F1, precision
and recall as the benchmark defines them (see bench/metric.py) and pages per
CPU-second on one process; the table is Markdown, ready for the README. Pages are
read from the benchmark folder in place, never copied into this repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from metric import PageScore, Score, page_score, score
from page_text import page_text
from readability import Document

from tui.clean.html import clean_html
from tui.clean.text import clean_text
from tui.errors import SourceError


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    truth: str
    text: str = ""  # the page's visible text, for the text-mode extractors


@dataclass(frozen=True)
class Extractor:
    """A named way to get the article body from a page, in one of the two modes."""

    name: str
    mode: str  # "HTML" or "text"
    extract: Callable[[Page], str]


@dataclass
class Run:
    """One extractor's outputs over the benchmark and the CPU time spent extracting."""

    extractor: Extractor
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    refused: list[str] = field(default_factory=list)  # SourceError: scored as empty
    crashed: list[str] = field(default_factory=list)  # anything else: scored as empty


def load_pages(folder: Path, ids: Iterable[str] | None = None) -> list[Page]:
    """Pages (all, or those whose id starts with one of `ids`), decompressed up front.

    Their visible text is computed here too, so that text-mode timing measures the
    cleaner only (the whole-page-text row times the conversion itself).
    """
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    wanted = tuple(ids) if ids is not None else None
    pages = []
    for page_id, item in sorted(truth.items()):
        if wanted is not None and not page_id.startswith(wanted):
            continue
        with gzip.open(folder / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as f:
            html = f.read()
        pages.append(Page(page_id, item.get("url", ""), html, item["articleBody"], page_text(html)))
    return pages


def copydesk_html(page: Page) -> str:
    return clean_html(page.html, url=page.url or None).text


def bare_readability(page: Page) -> str:
    """readability-lxml's summary with its markup dropped (text nodes joined by spaces)."""
    summary = Document(page.html).summary(html_partial=True)
    return " ".join(lxml.html.fromstring(summary).itertext())


def whole_page_text(page: Page) -> str:
    return page_text(page.html)


def copydesk_text(page: Page) -> str:
    return clean_text(page.text).text


def extractors() -> list[Extractor]:
    found = [
        Extractor("copydesk clean_html", "HTML", copydesk_html),
        Extractor("readability-lxml (bare)", "HTML", bare_readability),
    ]
    try:
        import trafilatura
    except ImportError:
        pass
    else:

        def run_trafilatura(page: Page) -> str:
            return trafilatura.extract(page.html, include_comments=False) or ""

        found.append(Extractor(f"trafilatura {trafilatura.__version__}", "HTML", run_trafilatura))
    found += [
        Extractor("whole page text", "text", whole_page_text),
        Extractor("copydesk clean_text", "text", copydesk_text),
    ]
    return found


def run_all(named: list[Extractor], pages: list[Page]) -> list[Run]:
    """Every extractor on every page, taking turns page by page.

    Taking turns, and counting this process's CPU time rather than wall time,
    keeps the speed comparison fair when other work shares the machine.
    """
    runs = [Run(extractor) for extractor in named]
    for page in pages:
        for result in runs:
            extract_one(result, page)
    return runs


def extract_one(result: Run, page: Page) -> None:
    """Extract one page; failures are recorded and scored as empty predictions."""
    start = time.process_time()
    try:
        result.outputs[page.id] = result.extractor.extract(page)
    except SourceError:
        result.refused.append(page.id)
    except Exception as error:  # a crash is a finding to report, not a reason to stop
        result.crashed.append(f"{page.id}: {type(error).__name__}: {error}")
    finally:
        result.seconds += time.process_time() - start


def page_scores(result: Run, pages: list[Page]) -> dict[str, PageScore]:
    return {p.id: page_score(p.truth, result.outputs.get(p.id, "")) for p in pages}


def rate(result: Run, n_pages: int) -> float:
    return n_pages / result.seconds if result.seconds else float("inf")


def print_table(rows: list[tuple[Run, Score]], n_pages: int) -> None:
    """A Markdown table: one row per extractor, HTML mode first."""
    print("| mode | extractor | F1 | precision | recall | pages/s | failed |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for result, s in rows:
        failed = len(result.refused) + len(result.crashed)
        print(
            f"| {result.extractor.mode} | {result.extractor.name} | {s.f1:.3f} "
            f"| {s.precision:.3f} | {s.recall:.3f} | {rate(result, n_pages):.1f} | {failed} |"
        )


def print_speed_ratio(runs: list[Run], n_pages: int) -> None:
    """copydesk's HTML speed as a multiple of bare readability's, measured in this run."""
    by_name = {r.extractor.name: r for r in runs}
    ours, bare = by_name.get("copydesk clean_html"), by_name.get("readability-lxml (bare)")
    if ours and bare:
        ratio = rate(ours, n_pages) / rate(bare, n_pages)
        print(f"\ncopydesk clean_html runs at {ratio:.2f}x the pages/s of bare readability-lxml")


def print_worst(name: str, scores: dict[str, PageScore], pages: list[Page], count: int) -> None:
    """The pages an extractor scores worst on, to know where to look next."""
    urls = {p.id: p.url for p in pages}
    ranked = sorted(scores.items(), key=lambda item: item[1].tp)
    print(f"\nworst {count} pages for {name} (tp, fp, fn as shares of all shingles):")
    for page_id, s in ranked[:count]:
        print(f"  {s.tp:.2f} {s.fp:.2f} {s.fn:.2f}  {page_id[:12]}  {urls[page_id]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the article-extraction benchmark folder")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of copydesk")
    args = parser.parse_args(argv)

    pages = load_pages(args.folder)
    print(f"{len(pages)} pages from {args.folder}; pages/s is per CPU-second, one process\n")
    runs = run_all(extractors(), pages)
    scores = [page_scores(result, pages) for result in runs]
    print_table(
        [(result, score(s.values())) for result, s in zip(runs, scores, strict=True)], len(pages)
    )
    print_speed_ratio(runs, len(pages))
    for result in runs:
        for line in result.crashed:
            print(f"{result.extractor.name} crashed on {line}", file=sys.stderr)
        if result.refused:
            print(f"{result.extractor.name} refused (SourceError) {len(result.refused)}")
    if args.worst:
        for result, s in zip(runs, scores, strict=True):
            if result.extractor.name.startswith("copydesk"):
                print_worst(result.extractor.name, s, pages, args.worst)
    copydesk_crashed = any(r.crashed for r in runs if r.extractor.name.startswith("copydesk"))
    return 1 if copydesk_crashed else 0  # copydesk must never crash


if __name__ == "__main__":
    sys.exit(main())
