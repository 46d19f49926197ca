"""Recall relative to brute force: of every pair the verifier would accept, how many
the library holds.

    python bench/brute_force.py LIBRARY [--sample 2000] [--seed 7]

LIBRARY is a library file that `copydesk ingest` (or bench/match_scale.py
--keep) filled. `--sample` stored sentences are drawn with a fixed seed, and
each is compared with every other stored text (every distinct folded
sentence, boilerplate left out), the way the matcher's own verifier judges
a pair (tui/match/verify.verify_indexed, the library's default cutoffs).

Scoring two million texts per sampled sentence through the verifier would
take hours, so a pair goes to it only if it passes the verifier's own first
test: the word sets overlap by SIMILAR_MIN_JACCARD of their union or
PARTIAL_MIN_CONTAINMENT of the smaller (`profile.overlapping`). No kind is
given to a pair that fails it, so this filter loses nothing. The overlap is
counted for all texts at once in a compiled loop over word postings.

An accepted text pair stands for every pair of its printings in two
articles of different outlets, neither an older version (what the engine
would match). Recall is the share of those sentence pairs stored as
matches. A missed pair is put down to one of:
- candidates: the candidate index does not offer the pair either way
  (CandidateIndex.candidates), the stage whose recall this measures;
- later stages: it is offered and verified, and the article-level judgement
  or a boilerplate decision set it aside.
`--ratio` also times the fuzz.ratio >= 65 brute force the older tables used (every
text scored against the sample with rapidfuzz's cdist, all cores), for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from array import array
from collections import Counter, defaultdict
from pathlib import Path

import numba
import numpy as np
from rapidfuzz import fuzz, process

from tui.match.index import CandidateIndex
from tui.match.kinds import (
    DEFAULT_CUTOFFS,
    PARTIAL_MIN_CONTAINMENT,
    SIMILAR_MIN_JACCARD,
    SIMILAR_SCORE,
)
from tui.match.profile import SENTENCES, profile
from tui.match.shingles import sentence_key
from tui.match.verify import verify_indexed
from tui.matching import catch_up
from tui.store.db import connect
from tui.store.matches import matched_sentences
from tui.text.normalize import fold

CHUNK = 200_000  # pairs verified at once


@numba.njit(nogil=True)  # (no disk cache: tests load this file under another module name)
def overlapping_texts(asked, word_ids, word_starts, postings, posting_starts, sizes, jaccard, part):
    """For each asked text (an index into `sizes`), every text whose distinct words
    overlap its own by `jaccard` of the union or `part` of the smaller set.
    `word_ids[word_starts[t]:word_starts[t + 1]]` are text t's distinct word ids,
    `postings[posting_starts[w]:posting_starts[w + 1]]` the texts holding word w.
    Returns (asked position, text) pairs as two int64 arrays."""
    counts = np.zeros(len(sizes), np.int32)
    touched = np.empty(len(sizes), np.int64)
    left = []
    right = []
    for g in range(len(asked)):
        a = asked[g]
        n = 0
        for k in range(word_starts[a], word_starts[a + 1]):
            w = word_ids[k]
            for p in range(posting_starts[w], posting_starts[w + 1]):
                t = postings[p]
                if counts[t] == 0:
                    touched[n] = t
                    n += 1
                counts[t] += 1
        size_a = sizes[a]
        for k in range(n):
            t = touched[k]
            shared = counts[t]
            counts[t] = 0
            if t == a:
                continue
            union = size_a + sizes[t] - shared
            if shared >= jaccard * union or shared >= part * min(size_a, sizes[t]):
                left.append(g)
                right.append(t)
    return np.array(left, np.int64), np.array(right, np.int64)


def word_postings(texts: list[str]) -> tuple[np.ndarray, ...]:
    """Each text's distinct words (profile.vocabulary) and each word's texts, as
    `overlapping_texts` reads them: (word_ids, word_starts, postings,
    posting_starts, sizes), int64 arrays."""
    word_of: dict[str, int] = {}
    flat, counted = array("q"), array("q")
    for text in texts:
        vocabulary = [word_of.setdefault(w, len(word_of)) for w in profile(text).vocabulary]
        flat.extend(vocabulary)
        counted.append(len(vocabulary))
    sizes = np.frombuffer(counted, np.int64)
    word_starts = np.concatenate([[0], np.cumsum(sizes)])
    word_ids = np.frombuffer(flat, np.int64)
    order = np.argsort(word_ids, kind="stable")
    postings = np.repeat(np.arange(len(texts)), sizes)[order]
    posting_starts = np.concatenate([[0], np.cumsum(np.bincount(word_ids, minlength=len(word_of)))])
    return word_ids, word_starts, postings, posting_starts, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=8, help="missed pairs printed, of each cause")
    parser.add_argument(
        "--ratio", action="store_true", help="also time the older fuzz.ratio brute force"
    )
    parser.add_argument("--missed", type=Path, help="write every missed pair here (JSON)")
    parser.add_argument(
        "--truth", type=Path, help="a synthetic corpus's truth.json: split true pairs out"
    )
    args = parser.parse_args()
    connect(args.library).close()  # (migrated like any library the app opens)
    conn = sqlite3.connect(args.library)

    begin = time.perf_counter()
    index = CandidateIndex()
    catch_up(conn, index)
    # each stored text by its first printing -> its printings (boilerplate left out)
    printed = {f: p for f in sorted(index.text_of) if (p := index.printings(f))}
    firsts = list(printed)
    texts = [index.text(f) for f in firsts]
    position = {first: at for at, first in enumerate(firsts)}
    print(f"{len(texts):,} stored texts read in {time.perf_counter() - begin:.1f} s", flush=True)

    begin = time.perf_counter()
    word_ids, word_starts, postings, posting_starts, sizes = word_postings(texts)

    first_of = {s: f for f, printings in printed.items() for s in printings}
    sentences = list(first_of)
    picked = sorted(random.Random(args.seed).sample(sentences, min(args.sample, len(sentences))))
    asked = np.array(sorted({position[first_of[s]] for s in picked}), np.int64)
    left, right = overlapping_texts(
        asked,
        word_ids,
        word_starts,
        postings,
        posting_starts,
        sizes,
        SIMILAR_MIN_JACCARD,
        PARTIAL_MIN_CONTAINMENT,
    )
    overlap_seconds = time.perf_counter() - begin
    print(
        f"{len(picked):,} sampled sentences ({len(asked):,} texts): {len(left):,} overlapping"
        f" texts in {overlap_seconds:.1f} s",
        flush=True,
    )

    begin = time.perf_counter()
    accepted: list[tuple[int, int, str]] = []  # (text, text, kind) by position
    for start in range(0, len(left), CHUNK):
        a, b = asked[left[start : start + CHUNK]], right[start : start + CHUNK]
        used, back = np.unique(np.concatenate([a, b]), return_inverse=True)
        with SENTENCES.batch(len(used)):
            batch_texts = np.array([texts[t] for t in used.tolist()], dtype=object)
            checked = verify_indexed(
                batch_texts,
                back[: len(a)],
                back[len(a) :],
                DEFAULT_CUTOFFS,
                SENTENCES.ids(batch_texts),
            )
        for p, verdict in checked.verdicts.items():
            accepted.append((int(a[p]), int(b[p]), verdict.kind))
    verify_seconds = time.perf_counter() - begin

    # every pair of printings the engine would match: other article, other outlet
    def matchable(x: int, y: int) -> bool:
        ax, ay = int(index.article_of[x]), int(index.article_of[y])
        if ax == ay or ax in index.retired or ay in index.retired:
            return False
        ox, oy = index.outlets.get(ax), index.outlets.get(ay)
        return ox is None or oy is None or ox != oy

    wanted: dict[tuple[int, int], str] = {}
    same_outlet = 0
    picked_set = set(picked)
    for a, b, kind in accepted:
        for x in printed[firsts[a]]:
            if x not in picked_set:
                continue
            for y in printed[firsts[b]]:
                if matchable(x, y):
                    wanted[min(x, y), max(x, y)] = kind
                elif x != y and index.article_of[x] != index.article_of[y]:
                    same_outlet += 1
    # equal texts: the sampled sentence and the other printings of its own text
    for x in picked:
        for y in printed[first_of[x]]:
            if y != x and matchable(x, y):
                wanted[min(x, y), max(x, y)] = "exact"
    stored = {(a, b) for a, b in matched_sentences(conn) if a in picked_set or b in picked_set}
    # (sentence, other article) for every stored match of a sampled sentence: what the
    # reader shows as "printed by" that article
    shown = {(a, int(index.article_of[b])) for a, b in stored} | {
        (b, int(index.article_of[a])) for a, b in stored
    }
    found = set(wanted) & stored
    missed = set(wanted) - stored

    def offered(x: int, y: int) -> bool:
        """Whether the candidate index offers y's text to x's, or x's to y's."""
        for asking, other in ((x, y), (y, x)):
            key = sentence_key(index.text(asking))  # (folding twice changes nothing)
            _, offered_firsts = index.candidates({asking: key})
            if first_of.get(other, other) in offered_firsts.tolist():
                return True
        return False

    cause_of = {pair: "candidates" if not offered(*pair) else "later stages" for pair in missed}
    causes = Counter(cause_of.values())
    kinds = Counter(wanted.values())
    found_kinds = Counter(wanted[p] for p in found)

    # the older proxy: fuzz.ratio >= 65 against every stored text, same sample
    begin = time.perf_counter()
    ratio_hits = 0
    for start in range(0, len(asked) if args.ratio else 0, 50):
        block = process.cdist(
            [texts[t] for t in asked[start : start + 50].tolist()],
            texts,
            scorer=fuzz.ratio,
            score_cutoff=SIMILAR_SCORE,
            dtype=np.uint8,
            workers=-1,
        )
        ratio_hits += int(np.count_nonzero(block)) - len(block)  # (less each text itself)
    ratio_seconds = time.perf_counter() - begin

    print()
    print(f"library: {args.library} ({len(texts):,} stored texts)")
    print(f"sampled sentences: {len(picked):,} (seed {args.seed})")
    print("| | pairs | found | recall |")
    print("| --- | ---: | ---: | ---: |")
    for kind in ("exact", "near", "partial", "similar"):
        if kinds[kind]:
            print(
                f"| {kind} | {kinds[kind]:,} | {found_kinds[kind]:,} |"
                f" {found_kinds[kind] / kinds[kind]:.4f} |"
            )
    total = len(wanted)
    recall = len(found) / total if total else float("nan")
    print(f"| **all the verifier accepts** | {total:,} | {len(found):,} | **{recall:.4f}** |")
    if args.truth:
        true = true_pairs(args.truth, wanted, index)
        true_found = len(true & found)
        true_offered = len(true) - sum(1 for x, y in true & missed if not offered(x, y))
        print(
            f"| of them true pairs (--truth) | {len(true):,} | {true_found:,} |"
            f" {true_found / len(true):.4f} |"
        )
        print(
            f"| true pairs the candidate index offers | {len(true):,} | {true_offered:,} |"
            f" {true_offered / len(true):.4f} |"
        )
    offered_share = 1 - causes["candidates"] / total if total else float("nan")
    print(
        f"| the candidate index offers (either way) | {total:,} |"
        f" {total - causes['candidates']:,} | {offered_share:.4f} |"
    )
    print()
    print(f"missed: {dict(causes)}; same-outlet pairs left out: {same_outlet:,}")
    partnered = Counter(
        cause_of[x, y]
        for x, y in missed
        if (x, int(index.article_of[y])) in shown or (y, int(index.article_of[x])) in shown
    )
    print(
        f"missed pairs with a side shown as printed by the other's article through another"
        f" pair (the judge keeps one partner a sentence): {dict(partnered)}"
    )
    print(
        f"verifier brute force: word overlap counted in {overlap_seconds:.1f} s,"
        f" {len(left):,} overlapping text pairs verified in {verify_seconds:.1f} s"
    )
    if args.ratio:
        print(
            f"fuzz.ratio >= {SIMILAR_SCORE} against every text (the older proxy):"
            f" {ratio_hits:,} text pairs in {ratio_seconds:.1f} s"
        )
    if args.missed:
        args.missed.write_text(
            json.dumps(
                [
                    [index.text(x), index.text(y), wanted[x, y], cause_of[x, y]]
                    for x, y in sorted(missed)
                ],
                ensure_ascii=False,
            )
        )
    for cause in ("candidates", "later stages"):
        pool = sorted(pair for pair in missed if cause_of[pair] == cause)
        shown = random.Random(args.seed).sample(pool, min(args.show, len(pool)))
        if shown:
            print(f"missed at {cause}, {len(shown)} drawn at random (seed {args.seed}):")
        for n, (x, y) in enumerate(shown, start=1):
            print(f"  {n}. {wanted[x, y]}: {index.text(x)!r} ~ {index.text(y)!r}")
    sys.stdout.flush()


def true_pairs(
    path: Path, pairs: dict[tuple[int, int], str], index: CandidateIndex
) -> set[tuple[int, int]]:
    """The sentence pairs that a synthetic corpus (bench/corpus.py, its truth.json)
    made as versions of one sentence; a stored text stands for every generated
    sentence that folds to it."""
    from corpus import load

    articles, truth = load(path)
    family = truth.family_of()
    families: dict[str, set[int]] = defaultdict(set)
    for a, article in enumerate(articles):
        for i, sentence in enumerate(article.sentences):
            if (a, i) in family:
                families[fold(sentence)].add(family[a, i])
    return {
        (x, y)
        for x, y in pairs
        if families.get(index.text(x), set()) & families.get(index.text(y), set())
    }


if __name__ == "__main__":
    main()
