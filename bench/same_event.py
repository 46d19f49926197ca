"""What the library calls shared on real coverage of one event, judged by hand.

    python bench/same_event.py ../shared/bench/same-event [--file helsinki_articles.csv]
        [--sample 160] [--seed 23] [--labels bench/labels/helsinki.jsonl]
        [--sheet /tmp/sheet.jsonl] [--keep DIR]

Each CSV row (an outlet's page as scraped: paragraphs joined by " ### ")
becomes an HTML page (one paragraph a `<p>`, the publisher as `og:site_name`,
a canonical URL on the publisher's host) and the whole file is ingested into
one library through the real pipeline. Then a seeded random sample of the
library's matches is looked up in a file of labels made by reading each pair
with the sentences around it (bench/labels/README.md holds the rubric):

- reuse: one outlet's story sentence printed by another (wire copy, edited,
  trimmed or rewritten);
- quote: what both print is a quotation (someone's words) and little else;
- same fact: one fact in independent words;
- different: different statements (another filling of one frame, other facts);
- furniture: credit lines, bylines, promotions, widgets.

"Shared text" is reuse + quote. The table gives, per kind, how many sampled
pairs are shared text, and how many of the quotes the library marked as
quotes. Pairs of the sample not labelled yet are written to `--sheet` (with
their context) for labelling and left out of the figures. Also printed: every
line the library learned as boilerplate, to be read. Labels are keyed by a
hash of the two folded sentences, never by their text: the corpus belongs to
its publishers.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from tui.library import Library
from tui.text.normalize import fold

LABELS = ("reuse", "quote", "same fact", "different", "furniture")
SHARED = ("reuse", "quote")


def read_rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def page(row: dict[str, str]) -> str:
    """A scraped row as the page it came from: paragraphs, outlet and address."""
    host = row["publisher"].split("/")[0]
    paragraphs = "".join(
        f"<p>{html.escape(part.strip())}</p>" for part in row["text"].split(" ### ") if part.strip()
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<meta property="og:site_name" content="{html.escape(row["publisher"])}">'
        f'<link rel="canonical" href="https://{html.escape(host)}/story-{row["id"]}">'
        f"</head><body><article>{paragraphs}</article></body></html>"
    )


def pair_key(a: str, b: str) -> str:
    """The label file's key of a sentence pair: order-free, text-free."""
    first, second = sorted((fold(a), fold(b)))
    return hashlib.sha1(f"{first}\0{second}".encode()).hexdigest()[:16]


def read_labels(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            labels[item["key"]] = item["label"]
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the same-event folder")
    parser.add_argument("--file", default="helsinki_articles.csv")
    parser.add_argument("--sample", type=int, default=160)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument(
        "--labels", type=Path, default=Path(__file__).parent / "labels" / "helsinki.jsonl"
    )
    parser.add_argument("--sheet", type=Path, help="write unlabelled sampled pairs here")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args(argv)
    rows = read_rows(args.folder / args.file)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        pages = work / "pages"
        pages.mkdir(parents=True, exist_ok=True)
        for row in rows:
            (pages / f"{int(row['id']):05}.html").write_text(page(row), encoding="utf-8")
        started = time.perf_counter()
        with Library(work / "library.sqlite") as library:
            failed = sum(r.status == "failed" for r in library.ingest([str(pages)]))
            seconds = time.perf_counter() - started
            report(library, args, len(rows), failed, seconds)
    return 0


def report(library: Library, args: argparse.Namespace, pages: int, failed: int, seconds: float):
    articles = {row.id: row for row in library.articles()}
    texts = {i: [s.text for s in library.sentences(i)] for i in articles}
    matches = sorted(
        {
            (m.a_article, m.a_i, m.b_article, m.b_i): m
            for i in articles
            for m in library.matches(i)
            if m.a_article < m.b_article
        }.values(),
        key=lambda m: (m.a_article, m.a_i, m.b_article, m.b_i),
    )
    kinds = Counter(m.kind for m in matches)
    quotes = sum(bool(getattr(m, "quote", False)) for m in matches)
    print(
        f"{pages} pages, {failed} failed, ingested in {seconds:.1f} s; {len(matches)} matches"
        f" ({', '.join(f'{k} {n}' for k, n in kinds.most_common())}); marked quote: {quotes}\n"
    )
    lines = library.boilerplate()
    print(f"boilerplate learned: {len(lines)} lines")
    for line in lines:
        print(f"  [{line.outlet}, {line.stories} stories] {line.text[:150]}")
    sample = random.Random(args.seed).sample(matches, min(args.sample, len(matches)))
    labels = read_labels(args.labels)
    table: dict[str, Counter] = defaultdict(Counter)
    unlabelled = []
    for m in sample:
        a, b = texts[m.a_article][m.a_i], texts[m.b_article][m.b_i]
        label = labels.get(pair_key(a, b))
        quote = bool(getattr(m, "quote", False))
        if label is None:
            unlabelled.append((m, a, b))
            continue
        for kind in (m.kind, "all"):
            table[kind][label] += 1
            table[kind]["quote marked"] += quote and label == "quote"
            table[kind]["marked, not quote"] += quote and label != "quote"
    print(f"\nsample of {len(sample)} matches (seed {args.seed}): {len(unlabelled)} unlabelled\n")
    print(
        "| kind | labelled | shared text | reuse | quote | same fact | different | furniture"
        " | quotes marked | marked but no quote |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in ("exact", "near", "partial", "similar", "all"):
        counts = table[kind]
        n = sum(counts[label] for label in LABELS)
        if not n:
            continue
        shared = sum(counts[label] for label in SHARED)
        marked = f"{counts['quote marked']}/{counts['quote']}"
        print(
            f"| {kind} | {n} | {shared / n:.1%} | "
            + " | ".join(str(counts[label]) for label in LABELS)
            + f" | {marked} | {counts['marked, not quote']} |"
        )
    if args.sheet and unlabelled:
        with args.sheet.open("w", encoding="utf-8") as sheet:
            for m, a, b in unlabelled:
                sides = []
                for article, i in ((m.a_article, m.a_i), (m.b_article, m.b_i)):
                    sentences = texts[article]
                    sides.append(
                        {
                            "outlet": articles[article].outlet,
                            "before": sentences[max(0, i - 2) : i],
                            "sentence": sentences[i],
                            "after": sentences[i + 1 : i + 3],
                        }
                    )
                sheet.write(
                    json.dumps(
                        {
                            "key": pair_key(a, b),
                            "kind": m.kind,
                            "score": m.score,
                            "quote": bool(getattr(m, "quote", False)),
                            "a": sides[0],
                            "b": sides[1],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        print(f"\n{len(unlabelled)} unlabelled pairs written to {args.sheet}")


if __name__ == "__main__":
    sys.exit(main())
