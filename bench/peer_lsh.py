"""Copydesk's candidate index against a peer, datasketch's MinHashLSH, on the same sentences.

    python bench/peer_lsh.py /tmp/mk1k/size-1000 [--thresholds 0.2 0.3 0.5] [--ngrams 1 2]
        [--num-perm 128]

The argument is a corpus folder kept by bench/match_scale.py (`--keep`): its
`library.sqlite` (read-only here) gives the stored sentences, `truth.json` the
true pairs; each side's seconds, candidate pairs and recall are written to
`peer.json` there, for bench/scale_plot.py. Every sentence with matching keys
takes part, on both sides, in the order the library stored them; each asks
only for candidates among the sentences of *other* articles stored before it
(so each unordered pair is considered once, as incremental ingest does): a
whole article is queried, then added.

- engine: `tui.match.index.CandidateIndex` (word 2-gram postings, LSH band keys
  of the 2-grams, the whole-text hash for equal sentences);
- peer: `datasketch.MinHashLSH` (`--num-perm` permutations, one row per
  `--thresholds` value and `--ngrams` size) over the sets of word n-grams of the
  same folded sentences and the same tokens.

Each side's candidate pairs then go through the same verifier,
`tui.match.verify.verify_batch`, with its caches cleared first; as in the engine,
a pair of texts is scored once per side however many copies print it.

Times per side: keys (the engine's text and 2-gram hashes, the peer's MinHash
signatures, both from the folded text), index + candidates, verification,
total. A peer's signatures are computed once per n-gram size and count in
every threshold's row. Wall clock by default; with COPYDESK_BENCH_CPU=1 this
thread's CPU time (bench/match_scale.CLOCK), which other load hardly changes.

Recall is against the generator's truth (exact + near copies, and rewrites;
stored sentences are mapped to generated ones by match_scale's own code), for
the candidates and for the verified pairs. "Of the union" is the share of the
pairs the verifier accepts on any side that this side finds (all of them, and
the true ones: many accepted pairs are template fillings, which the engine's
judge drops later; the verifier alone cannot tell: a table sorts them by cause
as bench/match_scale.py does). Then, for each
side, the true pairs some other side verifies and this one never offers, by
kind, with the median Jaccard of their n-gram sets (LSH aims at pairs above its
threshold; below it, missing them is by design).
"""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import corpus_markov
import match_scale  # bench/: how stored sentences map to the truth, and the clock
from corpus import PAIR_KINDS, load
from datasketch import MinHash, MinHashLSH

from tui.match.index import CandidateIndex
from tui.match.profile import SENTENCES, profile, tokens
from tui.match.shingles import SentenceKey, pack, shingles_of, stable_hash
from tui.match.verify import verify_batch
from tui.store.articles import get_sentences, list_articles

CLOCK = match_scale.CLOCK
T = TypeVar("T")
Pair = tuple[int, int]  # (earlier sentence id, later sentence id)
RESULT = "peer.json"  # written beside the corpus, for bench/scale_plot.py
RECALL_GROUPS = {"exact + near": ("exact", "near"), "rewrites": ("rewrite",)}


@dataclass(frozen=True)
class Stored:
    """One stored sentence with matching keys."""

    id: int
    article_id: int
    i: int
    folded: str
    fold_hash: int
    shingles: bytes


class ReadOnlyLibrary:
    """The part of `tui.library.Library` that match_scale._map_sentences reads,
    over a read-only connection (opening a Library may write: its scans)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def articles(self) -> list:
        return list_articles(self.conn)

    def sentences(self, article_id: int) -> list:
        return get_sentences(self.conn, article_id)


def read_sentences(conn: sqlite3.Connection) -> list[Stored]:
    """Every keyed sentence of the latest versions, in the order they were stored."""
    rows = conn.execute(
        "SELECT s.id, s.article_id, s.i, s.folded, s.fold_hash, s.shingles FROM sentences s"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE a.latest = 1 AND s.fold_hash IS NOT NULL ORDER BY s.id"
    )
    return [Stored(*row) for row in rows]


def by_article(sentences: list[Stored]) -> list[list[Stored]]:
    """Runs of one article's sentences, in storing order."""
    runs: list[list[Stored]] = []
    for sentence in sentences:
        if runs and runs[-1][0].article_id == sentence.article_id:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs


@dataclass
class Side:
    """One way of finding candidates, with what it found and how long it took."""

    name: str
    keys_seconds: float = 0.0
    find_seconds: float = 0.0
    verify_seconds: float = 0.0
    candidates: set[Pair] = field(default_factory=set)
    verified: set[Pair] = field(default_factory=set)

    @property
    def total(self) -> float:
        return self.keys_seconds + self.find_seconds + self.verify_seconds


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    """`work()` and its seconds on CLOCK, with what earlier sides left (millions of
    candidate pairs) frozen out of the garbage collector's scans, so each side
    is timed as if it ran alone."""
    gc.collect()
    gc.freeze()
    start = CLOCK()
    result = work()
    return result, CLOCK() - start


def engine_side(runs: list[list[Stored]]) -> tuple[Side, int]:
    """CandidateIndex, fed and asked one article at a time; also how many
    recomputed keys differ from the stored ones (0 unless the library is stale)."""
    side = Side("Copydesk CandidateIndex")

    def make_keys() -> dict[int, SentenceKey]:
        return {
            s.id: SentenceKey(s.folded, stable_hash(s.folded), pack(shingles_of(tokens(s.folded))))
            for run in runs
            for s in run
        }

    keys, side.keys_seconds = _timed(make_keys)
    stale = sum(
        (keys[s.id].fold_hash, keys[s.id].shingles) != (s.fold_hash, s.shingles)
        for run in runs
        for s in run
    )

    def find() -> set[Pair]:
        index = CandidateIndex()
        pairs: set[Pair] = set()
        for run in runs:
            asked, firsts = index.candidates({s.id: keys[s.id] for s in run})
            for sentence_id, first in zip(asked.tolist(), firsts.tolist(), strict=True):
                pairs.update((other, sentence_id) for other in index.printings(first))
            for s in run:  # what `CandidateIndex.add` does that `candidates` reads
                index.post(s.article_id, {s.id: keys[s.id]})
        return pairs

    side.candidates, side.find_seconds = _timed(find)
    return side, stale


def ngrams(folded: str, n: int) -> list[bytes]:
    """The distinct word n-grams of a folded sentence, as shingles_of joins them."""
    words = tokens(folded)
    grams = zip(*(words[k:] for k in range(n)), strict=False)
    return list(dict.fromkeys(" ".join(gram).encode() for gram in grams))


def signatures(runs: list[list[Stored]], n: int, num_perm: int) -> tuple[dict, float]:
    """Sentence id -> MinHash of its word n-grams, and the seconds they took."""
    ids = [s.id for run in runs for s in run]

    def make() -> dict[int, MinHash]:
        sets = [ngrams(s.folded, n) for run in runs for s in run]
        return dict(zip(ids, MinHash.bulk(sets, num_perm=num_perm), strict=True))

    return _timed(make)


def peer_side(
    runs: list[list[Stored]],
    minhashes: dict,
    seconds: float,
    n: int,
    threshold: float,
    perm: int,
) -> Side:
    """MinHashLSH, fed and asked one article at a time."""
    probe = MinHashLSH(threshold=threshold, num_perm=perm)
    side = Side(
        f"MinHashLSH, word {n}-grams, threshold {threshold:g} (b={probe.b}, r={probe.r})",
        keys_seconds=seconds,
    )

    def find() -> set[Pair]:
        lsh = MinHashLSH(threshold=threshold, num_perm=perm)
        pairs: set[Pair] = set()
        for run in runs:
            for s in run:
                pairs.update((other, s.id) for other in lsh.query(minhashes[s.id]))
            for s in run:
                lsh.insert(s.id, minhashes[s.id], check_duplication=False)
        return pairs

    side.candidates, side.find_seconds = _timed(find)
    return side


def verify(side: Side, folded: dict[int, str]) -> None:
    """Verify the side's candidates in one batch, as the engine does, caches cold,
    each text pair once."""
    profile.cache_clear()
    SENTENCES.clear()

    def run() -> set[Pair]:
        texts = list({(folded[a], folded[b]) for a, b in side.candidates})
        accepted = {texts[p] for p in verify_batch(texts).verdicts}
        return {pair for pair in side.candidates if (folded[pair[0]], folded[pair[1]]) in accepted}

    side.verified, side.verify_seconds = _timed(run)


# --- against the truth ------------------------------------------------------------


@dataclass
class Truth:
    """The true pairs, by stored sentence ids."""

    kind_of: dict[Pair, str]  # stored pair -> kind, for true pairs both of whose sides are keyed
    totals: dict[str, int]  # kind -> true pairs in the corpus (keyed or not)
    ref_of: dict[int, tuple[int, int]]  # sentence id -> (generated article, its sentence)
    articles: list  # the generated articles (bench/corpus.py)
    frames: dict[tuple[int, int], str]  # generated sentence -> its template frame, if any

    def cause(self, pair: Pair) -> str:
        """Why a verified pair that is not true looks right (match_scale.CAUSES)."""
        refs = [self.ref_of.get(sentence) for sentence in pair]
        if None in refs:
            return "unmapped"
        return match_scale._cause(tuple(sorted(refs)), self.articles, self.frames)


def truth_by_ids(folder: Path, conn: sqlite3.Connection, sentences: list[Stored]) -> Truth:
    articles, truth = load(folder / "truth.json")
    refs, _ = match_scale._map_sentences(ReadOnlyLibrary(conn), articles)  # type: ignore[arg-type]
    id_of = {refs[s.article_id, s.i]: s.id for s in sentences if (s.article_id, s.i) in refs}
    kind_of: dict[Pair, str] = {}
    totals = dict.fromkeys(PAIR_KINDS, 0)
    for a, b, kind in truth.pairs():
        totals[kind] += 1
        if a in id_of and b in id_of:
            kind_of[tuple(sorted((id_of[a], id_of[b])))] = kind  # type: ignore[index]
    ref_of = {id_: ref for ref, id_ in id_of.items()}
    frames = corpus_markov.load_frames(folder / "truth.json")
    return Truth(kind_of, totals, ref_of, articles, frames)


def found_of_kinds(pairs: set[Pair], truth: Truth, kinds: tuple[str, ...]) -> tuple[int, int]:
    got = sum(1 for pair in pairs if truth.kind_of.get(pair) in kinds)
    return got, sum(truth.totals[kind] for kind in kinds)


def _share(counts: tuple[int, int]) -> str:
    got, total = counts
    return f"{got / total:.4f}" if total else "-"


def _median_jaccard(pairs: list[Pair], folded: dict[int, str], n: int) -> float:
    """The median Jaccard similarity of the pairs' word n-gram sets."""
    values = []
    for a, b in pairs:
        sa, sb = set(ngrams(folded[a], n)), set(ngrams(folded[b], n))
        values.append(len(sa & sb) / max(1, len(sa | sb)))
    return statistics.median(values)


# --- output ----------------------------------------------------------------------------


def table(sides: list[Side], truth: Truth) -> Iterator[str]:
    union = set().union(*(side.verified for side in sides))
    true_union = {pair for pair in union if pair in truth.kind_of}
    engine = sides[0].total
    groups = list(RECALL_GROUPS)
    yield (
        "| side | keys (s) | index + candidates (s) | verify (s) | total (s) | total / engine's"
        " | candidate pairs | verified pairs | "
        + " | ".join(f"recall, {g}" for g in groups)
        + " | of the union | of the union's true pairs |"
    )
    yield "| --- |" + " ---: |" * (9 + len(groups))
    for side in sides:
        recalls = " | ".join(
            _share(found_of_kinds(side.verified, truth, RECALL_GROUPS[g])) for g in groups
        )
        yield (
            f"| {side.name} | {side.keys_seconds:.2f} | {side.find_seconds:.2f}"
            f" | {side.verify_seconds:.2f} | {side.total:.2f} | {side.total / engine:.2f}"
            f" | {len(side.candidates):,} | {len(side.verified):,} | {recalls}"
            f" | {len(side.verified) / max(1, len(union)):.4f}"
            f" | {len(side.verified & true_union) / max(1, len(true_union)):.4f} |"
        )


def summary(sides: list[Side], truth: Truth, articles: int) -> dict:
    """What bench/scale_plot.py draws: each side's seconds, candidate pairs and recall."""
    return {
        "articles": articles,
        "clock": CLOCK.__name__,
        "sides": [
            {
                "name": side.name,
                "seconds": side.total,
                "candidate_pairs": len(side.candidates),
                "recall": {
                    group: found / total if total else None
                    for group, kinds in RECALL_GROUPS.items()
                    for found, total in [found_of_kinds(side.verified, truth, kinds)]
                },
            }
            for side in sides
        ],
    }


def kinds_table(sides: list[Side], truth: Truth) -> Iterator[str]:
    """Recall per kind of true pair: admitted as candidates / accepted by the verifier."""
    yield "| side | " + " | ".join(f"{k} ({truth.totals[k]:,})" for k in PAIR_KINDS) + " |"
    yield "| --- |" + " ---: |" * len(PAIR_KINDS)
    for side in sides:
        cells = [
            f"{_share(found_of_kinds(side.candidates, truth, (k,)))}"
            f" / {_share(found_of_kinds(side.verified, truth, (k,)))}"
            for k in PAIR_KINDS
        ]
        yield f"| {side.name} | " + " | ".join(cells) + " |"


def wrong_table(sides: list[Side], truth: Truth) -> Iterator[str]:
    """Verified pairs that are not true, by why they look right (match_scale._cause)."""
    causes = match_scale.CAUSES
    yield "| side | verified, not true | " + " | ".join(causes) + " |"
    yield "| --- |" + " ---: |" * (1 + len(causes))
    for side in sides:
        counts = Counter(truth.cause(p) for p in side.verified if p not in truth.kind_of)
        cells = " | ".join(f"{counts[cause]:,}" for cause in causes)
        yield f"| {side.name} | {sum(counts.values()):,} | {cells} |"


def misses(sides: list[Side], truth: Truth, folded: dict[int, str], ns: list[int]) -> Iterator[str]:
    """True pairs verified by some side that a side never offers as a candidate."""
    verified_true = {pair for side in sides for pair in side.verified if pair in truth.kind_of}
    yield (
        f"{len(verified_true):,} true pairs are verified by some side; of these, per side, the"
        " ones it never offers (by kind; median Jaccard of their word n-gram sets):"
    )
    for side in sides:
        missed = verified_true - side.candidates
        by_kind: dict[str, list[Pair]] = defaultdict(list)
        for pair in missed:
            by_kind[truth.kind_of[pair]].append(pair)
        parts = []
        for kind in PAIR_KINDS:
            if pairs := by_kind[kind]:
                medians = ", ".join(
                    f"{n}-grams {_median_jaccard(pairs, folded, n):.2f}" for n in ns
                )
                parts.append(f"{kind} {len(pairs):,} ({medians})")
        yield f"- {side.name}: {len(missed):,} missed" + (": " + "; ".join(parts) if parts else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", type=Path, help="a kept corpus folder (library.sqlite, truth.json)"
    )
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.3])
    parser.add_argument("--ngrams", type=int, nargs="+", default=[2], help="word n-gram sizes")
    parser.add_argument("--num-perm", type=int, default=128)
    args = parser.parse_args(argv)

    db = args.folder / "library.sqlite"
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row  # as tui.store reads rows
        sentences = read_sentences(conn)
        truth = truth_by_ids(args.folder, conn, sentences)
    runs = by_article(sentences)
    folded = {s.id: s.folded for s in sentences}
    print(
        f"{len(sentences):,} keyed sentences in {len(runs):,} articles;"
        f" {len(truth.kind_of):,} of {sum(truth.totals.values()):,} true pairs have both"
        f" sentences keyed; clock: {CLOCK.__name__}",
        file=sys.stderr,
    )

    engine, stale = engine_side(runs)
    if stale:
        print(f"warning: {stale:,} stored keys differ from today's", file=sys.stderr)
    verify(engine, folded)
    print(f"  {engine.name}: {engine.total:.1f} s", file=sys.stderr)
    sides = [engine]
    for n in args.ngrams:
        minhashes, seconds = signatures(runs, n, args.num_perm)
        for threshold in args.thresholds:
            side = peer_side(runs, minhashes, seconds, n, threshold, args.num_perm)
            verify(side, folded)
            print(f"  {side.name}: {side.total:.1f} s", file=sys.stderr)
            sides.append(side)

    print(f"## {args.folder}: {len(sentences):,} sentences, {len(runs):,} articles\n")
    print("\n".join(table(sides, truth)))
    print("\nRecall per kind of true pair (candidates / verified), true pairs in brackets:\n")
    print("\n".join(kinds_table(sides, truth)))
    print("\nVerified pairs that are not true pairs, by cause (as in bench/match_scale.py):\n")
    print("\n".join(wrong_table(sides, truth)))
    print()
    print("\n".join(misses(sides, truth, folded, args.ngrams)))
    (args.folder / RESULT).write_text(json.dumps(summary(sides, truth, len(runs)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
