"""Derived or independent, on real agency copy labelled by journalists (COUNTER, Urdu).

    python bench/counter.py ../shared/bench/counter-train [--keep DIR]

The folder holds agency stories (`NNNN.xml`, APP) and the newspaper stories
written on the same events (`NNNNp.xml`), each newspaper story labelled wholly
derived (WD), partially derived (PD) or independent (ND) by journalists
(Sharjeel, Nawab and Rayson, LRE 51, 2017). Every story becomes a small HTML
page (headline, outlet, date, body) and all of them are ingested into one
library through the real pipeline, as a user would. Then:

- **Derived or independent**: the AUC of the library's derived share of each
  newspaper story from its agency story (`list --json` `derived`, 0 when
  absent) for WD+PD against ND, beside whole-story containment of the
  newspaper story's word 1-, 2- and 3-grams in the agency story's (the
  corpus's own baselines) in the same run.
  The best single measure a study found here sits beside them too: weighted
  containment of space-free character 4-grams (each 4-gram weighed by
  ln((N+1)/(df+1))^1.5 over all the stories, the pair itself left out;
  spelling folded as `fold` does). It ranks better, but it is no share of
  words, so the library does not show it.
- **Frames**: the share of all matches that join two stories sharing under 10%
  of their word 3-grams (of the smaller story's): other events written in one
  frame ("X was named player of the match"), which are not reuse.
"""

from __future__ import annotations

import argparse
import html
import math
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from xml.etree import ElementTree

from msrp import auc

from tui.library import Library
from tui.text.normalize import fold, words


def read_stories(folder: Path) -> dict[str, dict[str, str]]:
    """File stem ("0002", "0002p") -> the story's fields (label, outlet, date, headline, body)."""
    stories = {}
    for path in sorted(folder.glob("*.xml")):
        root = ElementTree.parse(path).getroot()
        date = re.fullmatch(r"(\d{1,2})[.-](\d{1,2})[.-](\d\d)", root.get("newsdate") or "")
        stories[path.stem.lower()] = {
            "label": root.get("classification") or "",
            "outlet": root.get("newspaper") or "",
            "date": f"20{date[3]}-{int(date[2]):02}-{int(date[1]):02}" if date else "",
            "headline": (root.findtext("headline") or "").strip(),
            "body": (root.findtext("body") or "").strip(),
        }
    return stories


def page(story: dict[str, str]) -> str:
    """A story as the small HTML page an outlet's site would serve."""
    e = {key: html.escape(value) for key, value in story.items()}
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{e['headline']}</title>"
        f'<meta property="og:site_name" content="{e["outlet"]}">'
        + (f'<meta property="article:published_time" content="{e["date"]}">' if e["date"] else "")
        + "</head>"
        f"<body><article><h1>{e['headline']}</h1><p>{e['body']}</p></article></body></html>"
    )


def grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(tokens[i:] for i in range(n)), strict=False))


def containment(source: list[str], derived: list[str], n: int) -> float:
    """The share of `derived`'s distinct word n-grams found in `source`."""
    mine = grams(derived, n)
    return len(mine & grams(source, n)) / len(mine) if mine else 0.0


def char_grams(text: str, n: int = 4) -> set[str]:
    """Character n-grams of folded text with every space and mark removed: Urdu pages
    space words inconsistently ("کر کٹ" / "کرکٹ")."""
    joined = re.sub(r"[\W_]+", "", fold(text))
    return {joined[i : i + n] for i in range(len(joined) - n + 1)}


def char_gram_containment(pairs: list[tuple[str, str]], bodies: dict[str, str]) -> list[float]:
    """Each newspaper story's IDF-weighted character 4-gram containment in its source."""
    grams = {stem: char_grams(body) for stem, body in bodies.items()}
    df: Counter[str] = Counter()
    for found in grams.values():
        df.update(found)
    n = len(grams)
    scores = []
    for a, p in pairs:
        mine, theirs = grams[p], grams[a]

        def weight(g: str, mine=mine, theirs=theirs) -> float:
            return math.log((n + 1) / (df[g] - (g in mine) - (g in theirs) + 1)) ** 1.5

        total = sum(weight(g) for g in mine)
        scores.append(sum(weight(g) for g in mine & theirs) / total if total else 0.0)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the counter-train folder")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args(argv)
    stories = read_stories(args.folder)
    pairs = [(stem[:-1], stem) for stem in stories if stem.endswith("p")]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        folder = work / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        for stem, story in stories.items():
            (folder / f"{stem}.html").write_text(page(story), encoding="utf-8")
        started = time.perf_counter()
        with Library(work / "library.sqlite") as library:
            ids, failed = {}, []
            for result in library.ingest([str(folder)]):
                if result.article_id is not None:
                    ids[Path(result.source).stem] = result.article_id
                else:
                    failed.append(f"{result.source}: {result.reason}")
            seconds = time.perf_counter() - started
            derived = library.derived()
            text = {stem: library.article(i).text for stem, i in ids.items()}
            matches = [m for row in library.articles() for m in library.matches(row.id)]
    tokens = {stem: words(body) for stem, body in text.items()}
    kept = [(a, p) for a, p in pairs if a in ids and p in ids]
    labels = [int(stories[p]["label"] != "ND") for _, p in kept]
    share = {(article, d.source.id): d.share for article, ds in derived.items() for d in ds}
    measures = {
        "copydesk derived share": [share.get((ids[p], ids[a]), 0.0) for a, p in kept],
        **{
            f"word {n}-gram containment": [containment(tokens[a], tokens[p], n) for a, p in kept]
            for n in (1, 2, 3)
        },
        "character 4-gram containment, IDF-weighted (best found)": char_gram_containment(
            kept, text
        ),
    }
    for line in failed:
        print(f"failed: {line}")
    print(
        f"{len(stories)} stories, {len(kept)} pairs ({sum(labels)} derived),"
        f" ingested in {seconds:.1f} s\n"
    )
    print("| measure | AUC, WD+PD vs ND | mean WD | mean PD | mean ND |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, scores in measures.items():
        by_label = defaultdict(list)
        for (_, p), score in zip(kept, scores, strict=True):
            by_label[stories[p]["label"]].append(score)
        means = [sum(by_label[k]) / max(1, len(by_label[k])) for k in ("WD", "PD", "ND")]
        print(
            f"| {name} | {auc(labels, scores):.3f} | "
            + " | ".join(f"{m:.3f}" for m in means)
            + " |"
        )
    stem_of = {i: stem for stem, i in ids.items()}
    trigrams = {stem: grams(t, 3) for stem, t in tokens.items()}
    pairs_seen = {(m.a_article, m.b_article) for m in matches}
    overlap = {}
    for x, y in pairs_seen:
        gx, gy = trigrams[stem_of[x]], trigrams[stem_of[y]]
        overlap[(x, y)] = len(gx & gy) / max(1, min(len(gx), len(gy)))
    unique = {frozenset({(m.a_article, m.a_i), (m.b_article, m.b_i)}): m for m in matches}.values()
    frames = [m for m in unique if overlap[(m.a_article, m.b_article)] < 0.10]
    print(
        f"\nmatches: {len(unique)}; between stories sharing under 10% of their word"
        f" 3-grams: {len(frames)} ({len(frames) / max(1, len(unique)):.1%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
