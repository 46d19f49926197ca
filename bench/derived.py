"""Does the derived share tell derived stories from independent ones? AUC on a labelled set.

    python bench/derived.py ../shared/bench/article-extraction [--seed 7]

The set is built from the benchmark's 181 real article bodies. Each body is a
source; a derived story is made from it the way desks rework wire copy
(keep some of its sentences, trim some to a clause, swap a word here and
there, move a sentence, add paragraphs of its own taken from another real
body), keeping 15-100% of the source. Independent pairs are real bodies and
the other real body closest to them in vocabulary (cosine of word counts), and
each derived story against that neighbour of its source. Everything is
ingested into one library through the real pipeline. Printed: AUC of the
library's derived share (words over aligned spans), of the share of sentences
matched, and of whole-story word Jaccard, in one run.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from msrp import auc

from tui.library import Library
from tui.text.sentences import split_sentences

_WORD = re.compile(r"\w+")


def bodies(folder: Path) -> list[str]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        page["articleBody"]
        for page in truth.values()
        if len(_WORD.findall(page["articleBody"])) > 120
    ]


def derive(source: str, other: str, rng: random.Random) -> str:
    """A story reworked from `source`, with paragraphs of its own from `other`."""
    sentences = [s.text for s in split_sentences(source)]
    keep = rng.uniform(0.15, 1.0)
    kept = [s for s in sentences if rng.random() < keep] or sentences[:1]
    edited = []
    for sentence in kept:
        words = sentence.split()
        roll = rng.random()
        if roll < 0.2 and "," in sentence:  # trim to the first clause
            sentence = sentence.split(",")[0].rstrip() + "."
        elif roll < 0.4 and len(words) > 8:  # swap a word
            spot = rng.randrange(1, len(words) - 1)
            words[spot] = rng.choice(_WORD.findall(other) or ["also"])
            sentence = " ".join(words)
        edited.append(sentence)
    if len(edited) > 3 and rng.random() < 0.5:  # move a sentence
        edited.insert(rng.randrange(len(edited)), edited.pop(rng.randrange(len(edited))))
    own = [s.text for s in split_sentences(other)][: rng.randint(1, 6)]
    at = rng.randrange(len(edited) + 1)
    return " ".join(edited[:at] + own + edited[at:])


def cosine(a: Counter, b: Counter) -> float:
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    return dot / (
        math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    )


def jaccard(a: str, b: str) -> float:
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / len(x | y) if x | y else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", type=Path, help="the article-extraction benchmark folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    texts = bodies(args.bench)
    counts = [Counter(_WORD.findall(t.lower())) for t in texts]
    neighbour = [
        max((j for j in range(len(texts)) if j != i), key=lambda j: cosine(counts[i], counts[j]))
        for i in range(len(texts))
    ]
    derived = [derive(t, texts[neighbour[i]], rng) for i, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        names = [f"source-{i:03}" for i in range(len(texts))] + [
            f"derived-{i:03}" for i in range(len(texts))
        ]
        for name, text in zip(names, texts + derived, strict=True):
            (folder / f"{name}.txt").write_text(f"Story {name}\n\n{text}\n", encoding="utf-8")
        with Library(Path(tmp) / "lib.sqlite") as library:
            ids = {}
            for result in library.ingest(sorted(str(p) for p in folder.iterdir()), workers=0):
                if result.article_id is not None:
                    ids[Path(result.source).stem] = result.article_id
            share = {
                (a, s): v
                for a, s, v in library.conn.execute(
                    "SELECT article_id, source_id, share FROM derived"
                )
            }
            matched: dict[tuple[int, int], set[int]] = {}
            for row in library.articles():
                for m in library.matches(row.id):
                    matched.setdefault((m.a_article, m.b_article), set()).add(m.a_i)
            sentences = {row.id: row.sentence_count for row in library.articles()}
            pairs = []  # (label, article, source, article text, source text)
            for i in range(len(texts)):
                d, s, n = f"derived-{i:03}", f"source-{i:03}", f"source-{neighbour[i]:03}"
                if d in ids and s in ids and n in ids:
                    pairs.append((1, ids[d], ids[s], derived[i], texts[i]))
                    pairs.append((0, ids[d], ids[n], derived[i], texts[neighbour[i]]))
                    pairs.append((0, ids[s], ids[n], texts[i], texts[neighbour[i]]))
    labels = [p[0] for p in pairs]
    measures = {
        "derived share (words over aligned spans)": [
            share.get((a, s), 0.0) for _, a, s, _, _ in pairs
        ],
        "share of sentences matched": [
            len(matched.get((a, s), ())) / max(1, sentences[a]) for _, a, s, _, _ in pairs
        ],
        "whole-story word Jaccard": [jaccard(x, y) for _, _, _, x, y in pairs],
    }
    print(f"{len(pairs)} labelled pairs ({sum(labels)} derived) from {len(texts)} real bodies\n")
    print("| measure | AUC |")
    print("| --- | ---: |")
    for name, scores in measures.items():
        print(f"| {name} | {auc(labels, scores):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
