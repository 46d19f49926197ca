"""How matching holds up as the library grows: speed, memory, recall, precision.

    python bench/match_scale.py [--sizes 1000 10000] [--brute-force-at 1000] [--seed 7]
        [--sample-brute-force-at 10000 --sample 1000]
        [--generator markov --markov-from ../shared/bench/article-extraction]
        [--keep DIR] [--plot OUT.svg]

For each size a synthetic corpus is written as plain-text files to a
temporary folder and ingested with `Library.ingest`, so reading,
cleaning, segmentation, storage and matching are all timed. Then 20 more
articles are ingested one at a time into the full library (the latency of
adding one article). Each size runs in a fresh subprocess, so peak RSS
(`ru_maxrss`) is that size's own and the corpus generator's memory is not
counted.

The corpus comes from bench/corpus.py (`--generator classic`, sentences from
frames and word lists) or bench/corpus_markov.py (`--generator markov`:
sentences from a Markov chain trained on the real bodies in the
`--markov-from` folder, sharing the stock phrases of news, plus template
sentences, one frame with other names and numbers, that are never true pairs).

Recall and precision are at the sentence-pair level against the generator's
ground truth; stored sentences are mapped back to generated ones by their
text. Precision is also given per kind the engine assigned, and wrong pairs
are sorted by cause: two instances of one template frame, two sentences on
the same story, or neither. At `--brute-force-at` sizes every pair of
sentences (with at least MIN_WORDS words, in different articles) is also
scored with `rapidfuzz.process.cdist`, which tells how much of what a full
comparison finds the engine finds (of all its pairs, and of the true ones),
and how much faster it is (needs numpy). At `--sample-brute-force-at` sizes
only `--sample` sentences, drawn with a fixed seed, are scored against all the
others, and the engine's pairs are counted on them: recall where every pair
would take hours, with no speed-up.

Stage times come from light wrappers around the pipeline's functions; they
are exclusive (a stage's own time without the stages it calls). `--detail`
also times `sentence_key` and the SQL helper, at some cost in overhead.

`--keep DIR` keeps corpora and libraries; `--child DIR` measures one
already-written corpus folder, which is handy under a profiler:
`python -m cProfile -o out.prof bench/match_scale.py --child DIR/size-10000`.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import corpus_markov
from corpus import PAIR_KINDS, describe, generate, load, save, write_articles

import tui.clean
import tui.library
import tui.match.index
import tui.match.plan
import tui.pipeline
import tui.store.articles
import tui.store.plans
from tui.library import Library
from tui.match.kinds import KINDS, MIN_WORDS, SIMILAR_SCORE
from tui.store.matches import all_matches
from tui.text.normalize import fold, words
from tui.text.sanitize import sanitize

EXTRA_ARTICLES = 20
# Stage timers use wall time; COPYDESK_BENCH_CPU=1 makes them count this
# thread's CPU time instead, which other load on the machine hardly changes.
CLOCK = time.thread_time if os.environ.get("COPYDESK_BENCH_CPU") else time.perf_counter
PROGRESS_EVERY = 1000
RESULT = "result.json"
WRONG_EXAMPLES = 10  # wrong pairs printed, taken in turn from each cause
MISSED_EXAMPLES = 5  # true near copies the engine missed, printed
# Why a wrong pair looks right. "same frame, a name kept": two fillings of one
# template that happen to share their names (the same country, say) and differ
# in figures only; the issue defines a template by other names *and* numbers,
# so at the sentence level these are copies with changed figures, which is the
# provenance issue's to type. The table also gives precision without them.
CAUSES = ("same frame", "same frame, a name kept", "same story", "other", "unmapped")
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*")


def _names(text: str) -> set[str]:
    """Capitalised words but the first: the names a template's fillings change."""
    words = _CAPITALISED.findall(text)
    return {word for word in words[1:] if word[:1].isupper()}


SentenceRef = tuple[int, int]
Pair = tuple[SentenceRef, SentenceRef]

# --- stage timing --------------------------------------------------------------


class Timers:
    """Exclusive and inclusive time per wrapped function, nested calls subtracted."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.inclusive: dict[str, float] = defaultdict(float)
        self.last: dict[str, float] = {}
        self._stack: list[list[float]] = []  # per open call: [time spent in callees]

    def wrap(self, label: str, func: Callable, count: str | None = None) -> Callable:
        """`func` timed under `label`; with `count`, the sizes of its results are summed."""

        @functools.wraps(func)
        def timed(*args, **kwargs):
            self._stack.append([0.0])
            start = CLOCK()
            try:
                result = func(*args, **kwargs)
                if count:  # candidates: (new sentences, stored texts), a pair each
                    self.counts[count] += len(result[0])
                return result
            finally:
                elapsed = CLOCK() - start
                (inner,) = self._stack.pop()
                self.own[label] += elapsed - inner
                self.calls[label] += 1
                self.last[label] = elapsed
                self.inclusive[label] += elapsed
                if self._stack:
                    self._stack[-1][0] += elapsed

        return timed

    def patch(self, owner: object, name: str, label: str, count: str | None = None) -> None:
        setattr(owner, name, self.wrap(label, getattr(owner, name), count))

    def snapshot(self) -> dict[str, float]:
        return dict(self.own)


CANDIDATES = "candidates (shingle lookup + count)"
VERIFY = "verify (rapidfuzz)"
# (owner, attribute, label) in pipeline order; owners are where callers look names up.
STORE_MATCH = "match: catch-up, match writes, index upkeep"
KEYS = "sentence keys (fold + shingle hashes)"
STORE = "store article + sentences (FTS5 trigger included)"
ADD = "savepoints"
COMMIT = "commits"
# (owner, attribute, label) in pipeline order; owners are where callers look names up.
# Reading, cleaning and keys run in worker processes unless --workers 0; then
# they are timed here, otherwise the main process waits for them only when it
# runs ahead, which shows as the ingest loop's own time.
STAGES = [
    (tui.pipeline, "read_source", "read file"),
    (tui.clean, "decode", "decode"),
    (tui.clean, "clean_text", "clean text"),
    (tui.clean, "split_sentences", "segment sentences"),
    (tui.pipeline, "load", "other load (sanitise, hash)"),
    (tui.pipeline, "keys_of", KEYS),
    (tui.store.articles, "find_copy", "duplicate check"),
    (tui.store.articles, "insert_article", STORE),
    (tui.match.index.CandidateIndex, "candidates", CANDIDATES),
    (tui.match.plan, "_verify", VERIFY),
    (tui.match.plan, "judge", "judge pairs by article and library"),
    (tui.match.plan, "shares", "passages and derived shares"),
    (tui.store.plans, "mark_shared", "mark shared"),
    (tui.library, "store_article", STORE_MATCH),
    (tui.library.Library, "_add_to_batch", ADD),
    (tui.library.Library, "_commit_batch", COMMIT),
]
DETAIL_STAGES = [
    (tui.match.plan, "sentence_key", "one sentence's keys"),
    (tui.store.plans, "in_query", "SQL IN queries (matching)"),
]


# --- one size, in a subprocess ------------------------------------------------------


def run_child(
    folder: Path, brute_force: bool, detail: bool, workers: int | None, sample: int = 0
) -> dict:
    """Ingest `folder`/corpus, add `folder`/extra one by one, evaluate; return numbers."""
    timers = Timers()
    for owner, name, label in STAGES + (DETAIL_STAGES if detail else []):
        counted = "candidate pairs" if name == "candidates" else None
        timers.patch(owner, name, label, counted)
    db = folder / "library.sqlite"
    for stale in folder.glob("library.sqlite*"):
        stale.unlink()
    library = Library(db)

    start = time.perf_counter()
    statuses: Counter[str] = Counter()
    checkpoints = []  # seconds since start after every PROGRESS_EVERY articles
    for result in library.ingest([str(folder / "corpus")], workers=workers):
        statuses[result.status] += 1
        if result.done % PROGRESS_EVERY == 0:
            checkpoints.append(time.perf_counter() - start)
            print(f"  {result.done:,} articles in {checkpoints[-1]:.0f} s", file=sys.stderr)
    ingest_seconds = time.perf_counter() - start
    candidate_pairs = timers.counts["candidate pairs"]
    stages = timers.snapshot()
    match_seconds = _inclusive_match(timers)
    rss_after_ingest = _peak_rss_mb()

    add_one, add_only = [], []
    for path in sorted((folder / "extra").iterdir()):
        begin = time.perf_counter()
        extra_status = [result.status for result in library.ingest([str(path)])]
        add_one.append(time.perf_counter() - begin)
        add_only.append(timers.last[ADD] + timers.last[COMMIT])
        statuses.update(f"extra {status}" for status in extra_status)
    peak_rss = _peak_rss_mb()
    worker_rss = _peak_rss_mb(resource.RUSAGE_CHILDREN)
    match_seconds_all = _inclusive_match(timers)

    articles, truth = load(folder / "truth.json")
    frames = corpus_markov.load_frames(folder / "truth.json")
    result = {
        "articles": sum(statuses[s] for s in ("added", "present", "failed")),
        "statuses": dict(statuses),
        "ingest_seconds": ingest_seconds,
        "articles_per_second": statuses["added"] / ingest_seconds,
        "match_seconds": match_seconds,
        "stages": stages,
        "checkpoints": checkpoints,
        "candidate_pairs": candidate_pairs,
        "rss_after_ingest_mb": rss_after_ingest,
        "peak_rss_mb": peak_rss,
        "worker_rss_mb": worker_rss,
        "add_one_ms": [1000 * t for t in add_one],
        "add_only_ms": [1000 * t for t in add_only],
        "corpus": {**describe(articles, truth), "template sentences": len(frames)},
        "db_mb": sum(p.stat().st_size for p in folder.glob("library.sqlite*")) / 2**20,
    }
    refs, unmapped = _map_sentences(library, articles)
    result["unmapped_sentences"] = unmapped
    found = _engine_pairs(library, refs)
    true_pairs = {(a, b): kind for a, b, kind in truth.pairs()}
    result.update(_score(found, true_pairs, articles, frames))
    if brute_force:
        result["brute_force"] = _brute_force(
            library, refs, found, true_pairs, truth.family_of(), sample
        )
        result["brute_force"]["engine_match_seconds"] = match_seconds_all
        result["brute_force"]["engine_find_verify_seconds"] = sum(
            timers.inclusive[label] for label in (CANDIDATES, VERIFY)
        )
    library.close()
    return result


def _inclusive_match(timers: Timers) -> float:
    """Matching's whole cost: keys, then storing and matching minus the plain store."""
    return timers.inclusive[KEYS] + timers.inclusive[STORE_MATCH] - timers.inclusive[STORE]


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS of this process, or of its largest finished child (RUSAGE_CHILDREN)."""
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _map_sentences(library: Library, articles: list) -> tuple[dict[SentenceRef, SentenceRef], int]:
    """(article id, stored index) -> (generated article, generated index), by text."""
    by_name = {article.name: index for index, article in enumerate(articles)}
    refs: dict[SentenceRef, SentenceRef] = {}
    unmapped = 0
    for row in library.articles():
        index = by_name[Path(row.source).name]
        # as stored: the library drops soft hyphens and control characters (sanitize)
        wanted = {sanitize(text): i for i, text in enumerate(articles[index].sentences)}
        for sentence in library.sentences(row.id):
            if sentence.text in wanted:
                refs[row.id, sentence.i] = (index, wanted[sentence.text])
            else:
                unmapped += 1
    return refs, unmapped


def _engine_pairs(library: Library, refs: dict) -> dict[Pair, tuple[str, float, Pair]]:
    """Every stored match, keyed by its generated sentence pair."""
    found = {}
    for m in all_matches(library.conn):
        a, b = refs.get((m.a_article, m.a_i)), refs.get((m.b_article, m.b_i))
        stored = ((m.a_article, m.a_i), (m.b_article, m.b_i))
        key = tuple(sorted([a, b])) if a and b else (("unmapped", stored),)
        found[key] = (m.kind, m.score, stored)
    return found


def _cause(pair: tuple, articles: list, frames: dict[SentenceRef, str]) -> str:
    """Why a wrong pair might look right: one of CAUSES."""
    if len(pair) != 2:
        return "unmapped"
    a, b = pair
    if a in frames and frames.get(a) == frames.get(b):
        texts = [articles[x].sentences[i] for x, i in pair]
        return "same frame, a name kept" if _names(texts[0]) & _names(texts[1]) else "same frame"
    if articles[a[0]].event == articles[b[0]].event:
        return "same story"
    return "other"


def _score(
    found: dict, true_pairs: dict[Pair, str], articles: list, frames: dict[SentenceRef, str]
) -> dict:
    """Recall per kind of true pair, precision (overall and per kind the engine
    gave), wrong pairs by cause, and some wrong pairs to look at."""
    recall = {}
    for kind in PAIR_KINDS:
        wanted = [pair for pair, k in true_pairs.items() if k == kind]
        recall[kind] = [sum(pair in found for pair in wanted), len(wanted)]
    kinds_given: dict[str, Counter] = defaultdict(Counter)
    for pair, kind in true_pairs.items():
        if pair in found:
            kinds_given[kind][found[pair][0]] += 1
    precision = {kind: [0, 0] for kind in KINDS}  # engine kind -> [correct, found]
    for pair, (kind, _, _) in found.items():
        counts = precision.setdefault(kind, [0, 0])
        counts[0] += pair in true_pairs
        counts[1] += 1
    wrong = [(pair, info) for pair, info in found.items() if pair not in true_pairs]
    wrong.sort(key=lambda item: -item[1][1])
    by_cause: dict[str, list] = {cause: [] for cause in CAUSES}
    wrong_by_kind: dict[str, Counter] = {cause: Counter() for cause in CAUSES}
    for pair, info in wrong:
        cause = _cause(pair, articles, frames)
        by_cause[cause].append((pair, info))
        wrong_by_kind[cause][info[0]] += 1
    examples: list[dict] = []
    queues = {cause: iter(pairs) for cause, pairs in by_cause.items()}
    shown: set[tuple[str, ...]] = set()  # copies of one sentence make many equal pairs
    while queues and len(examples) < WRONG_EXAMPLES:  # the best-scoring of each cause in turn
        for cause in list(queues):
            for pair, (kind, score, _) in queues[cause]:
                texts = [articles[a].sentences[i] for a, i in pair] if len(pair) == 2 else []
                if tuple(sorted(texts)) not in shown or not texts:
                    shown.add(tuple(sorted(texts)))
                    examples.append({"score": score, "kind": kind, "cause": cause, "texts": texts})
                    break
            else:
                del queues[cause]
    examples = examples[:WRONG_EXAMPLES]
    missed: dict[tuple[str, ...], dict] = {}  # by texts: copies make many equal pairs
    for kind in ("exact", "near", "near_both"):  # the misses that should never happen
        for pair, k in true_pairs.items():
            if k == kind and pair not in found:
                texts = [articles[a].sentences[i] for a, i in pair]
                missed.setdefault(tuple(sorted(texts)), {"kind": kind, "texts": texts})
    return {
        "recall": recall,
        "precision_by_kind": precision,
        "found_pairs": len(found),
        "correct_pairs": len(found) - len(wrong),
        "wrong_pairs": len(wrong),
        "wrong_same_event": sum(
            1
            for pair, _ in wrong
            if len(pair) == 2 and articles[pair[0][0]].event == articles[pair[1][0]].event
        ),
        "wrong_by_cause": {cause: dict(kinds) for cause, kinds in wrong_by_kind.items()},
        "kinds_given": {k: dict(v) for k, v in kinds_given.items()},
        "wrong_examples": examples,
        "missed_examples": list(missed.values())[:MISSED_EXAMPLES],
    }


def _brute_force(
    library: Library, refs: dict, found: dict, true_pairs: dict, family_of: dict, sample: int = 0
) -> dict:
    """Score every pair with rapidfuzz.process.cdist; compare with the engine.

    With `sample`, only that many sentences (drawn with a fixed seed) are scored
    against all the others, and the engine's pairs are counted on them alone:
    recall relative to brute force where every pair would take hours.
    """
    import random

    import numpy as np
    from rapidfuzz import fuzz, process

    keys: list[SentenceRef] = []
    texts: list[str] = []
    for row in library.articles():
        for sentence in library.sentences(row.id):
            folded = fold(sentence.text)
            if len(words(folded)) >= MIN_WORDS:
                keys.append((row.id, sentence.i))
                texts.append(folded)
    article_of = np.array([article for article, _ in keys])
    chunk = max(1, 20_000_000 // max(1, len(texts)))  # rows per block: about 20 MB of uint8
    hits: list[tuple[int, int]] = []
    start = time.perf_counter()
    if sample:
        picked = np.array(sorted(random.Random(7).sample(range(len(texts)), sample)))
        for r0 in range(0, len(picked), chunk):
            rows_of_block = picked[r0 : r0 + chunk]
            block = process.cdist(
                [texts[i] for i in rows_of_block],
                texts,
                scorer=fuzz.ratio,
                score_cutoff=SIMILAR_SCORE,
                dtype=np.uint8,
                workers=-1,
            )
            rows, cols = np.nonzero(block)
            rows = rows_of_block[rows]
            keep = article_of[rows] != article_of[cols]
            hits.extend(
                (min(i, j), max(i, j))
                for i, j in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True)
            )
    else:
        for r0 in range(0, len(texts), chunk):
            r1 = min(len(texts), r0 + chunk)
            block = process.cdist(
                texts[r0:r1],
                texts[r0:],
                scorer=fuzz.ratio,
                score_cutoff=SIMILAR_SCORE,
                dtype=np.uint8,
                workers=-1,
            )
            rows, cols = np.nonzero(block)
            rows, cols = rows + r0, cols + r0
            keep = (cols > rows) & (article_of[rows] != article_of[cols])
            hits.extend(zip(rows[keep].tolist(), cols[keep].tolist(), strict=True))
    seconds = time.perf_counter() - start

    # uint8 scores are rounded: rescore the hits exactly and classify as the engine does.
    bf_pairs: set[tuple[SentenceRef, SentenceRef]] = set()
    for i, j in hits:
        identical = texts[i] == texts[j]
        if identical or fuzz.ratio(texts[i], texts[j]) >= SIMILAR_SCORE:
            bf_pairs.add(tuple(sorted([keys[i], keys[j]])))
    engine_stored = {tuple(sorted(info[2])) for info in found.values()}
    if sample:
        sampled = {keys[i] for i in picked.tolist()}
        engine_stored = {pair for pair in engine_stored if sampled & set(pair)}
    both = len(bf_pairs & engine_stored)

    def generated(pair: tuple[SentenceRef, SentenceRef]) -> Pair | None:
        a, b = refs.get(pair[0]), refs.get(pair[1])
        return tuple(sorted([a, b])) if a and b else None

    bf_generated = {generated(pair) for pair in bf_pairs} - {None}
    recall = {}
    sampled_refs = {refs.get(keys[i]) for i in picked.tolist()} - {None} if sample else None
    for kind in PAIR_KINDS:
        wanted = [
            pair
            for pair, k in true_pairs.items()
            if k == kind and (sampled_refs is None or sampled_refs & set(pair))
        ]
        recall[kind] = [sum(pair in bf_generated for pair in wanted), len(wanted)]
    # Misses that are true pairs first: on the Markov corpus most are template instances.
    missed = sorted(
        bf_pairs - engine_stored, key=lambda pair: (generated(pair) not in true_pairs, pair)
    )
    return {
        "sentences": len(texts),
        "sampled": sample,
        "pairs_compared": (
            sample * (len(texts) - 1) if sample else len(texts) * (len(texts) - 1) // 2
        ),
        "seconds": seconds,
        "pairs_found": len(bf_pairs),
        "engine_found_of_these": both,
        "engine_only": len(engine_stored - bf_pairs),
        "recall": recall,
        "correct_pairs": sum(pair in true_pairs for pair in bf_generated),
        "missed_by_engine_examples": [
            [fold_text for fold_text in (_text(library, a), _text(library, b))]
            for a, b in missed[:5]
        ],
        "missed_true": sum(1 for pair in missed if generated(pair) in true_pairs),
    }


def _text(library: Library, ref: SentenceRef) -> str:
    return library.sentences(ref[0])[ref[1]].text


# --- the parent: write corpora, run children, print ----------------------------------


def write_corpus(folder: Path, size: int, seed: int, markov_from: Path | None = None) -> dict:
    """Generate, write and save one corpus: corpus.py's, or with `markov_from`
    (a folder of article bodies) corpus_markov.py's."""
    folder.mkdir(parents=True, exist_ok=True)
    if markov_from is None:
        articles, truth = generate(size + EXTRA_ARTICLES, seed)
        save(articles, truth, folder / "truth.json")
    else:
        articles, truth = corpus_markov.generate(size + EXTRA_ARTICLES, seed, markov_from)
        corpus_markov.save(articles, truth, folder / "truth.json")
    write_articles(articles[:size], folder / "corpus")
    write_articles(articles[size:], folder / "extra")
    return describe(articles, truth)


def run_size(
    folder: Path,
    size: int,
    seed: int,
    brute_force: bool,
    detail: bool,
    workers: int | None,
    markov_from: Path | None = None,
    sample: int = 0,
) -> dict:
    start = time.perf_counter()
    write_corpus(folder, size, seed, markov_from)
    print(f"  corpus written in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    command = [sys.executable, __file__, "--child", str(folder)]
    command += ["--brute-force"] if brute_force else []
    command += ["--brute-force-sample", str(sample)] if sample else []
    command += ["--detail"] if detail else []
    # Brute-force sizes clean in this process, so the keys' cost is timed with matching.
    workers = 0 if brute_force and not sample else workers
    command += ["--workers", str(workers)] if workers is not None else []
    subprocess.run(command, check=True)
    return json.loads((folder / RESULT).read_text())


def _ratio(pair: list[int]) -> float:
    return pair[0] / pair[1] if pair[1] else float("nan")


def _sampled(bf: dict) -> str:
    return f" ({bf['sampled']:,} sampled)" if bf.get("sampled") else ""


def _times(speedup: float) -> str:
    return "-" if math.isnan(speedup) else f"{speedup:.0f}x"


def _speedup(bf: dict, find_only: bool = False) -> float:
    """Brute-force time over the engine's: all of match_article, or only _candidates + _verify."""
    if bf.get("sampled"):  # brute force on a sample is not the work the engine did
        return float("nan")
    engine = bf.get("engine_find_verify_seconds") if find_only else bf["engine_match_seconds"]
    return bf["seconds"] / engine if engine else float("nan")


def _recall_of_brute_force(bf: dict, true_only: bool = False) -> float:
    """The share of brute force's pairs the engine finds too: of all of them, or of
    the true ones (brute force's pairs include every template look-alike)."""
    if true_only:
        return 1 - bf["missed_true"] / max(1, bf["correct_pairs"])
    return bf["engine_found_of_these"] / max(1, bf["pairs_found"])


def _sum_kinds(recall: dict, kinds: tuple[str, ...]) -> float:
    return _ratio([sum(recall[k][0] for k in kinds), sum(recall[k][1] for k in kinds)])


def report(size: int, r: dict, generator: str = "classic") -> None:
    print(f"\n## {size:,} articles ({generator} corpus)")
    c = r["corpus"]
    print(
        f"corpus: {c['sentences']:,.0f} sentences, {c['words per sentence']:.1f} words per"
        f" sentence ({c['shortest sentence']:.0f}-{c['longest sentence']:.0f}),"
        f" {c['distinct words']:,.0f} distinct words, {c['copied sentences']:,.0f} copied"
        f" sentences in {c['families']:,.0f} families,"
        f" {c.get('template sentences', 0):,.0f} template sentences"
    )
    print(
        f"statuses: {r['statuses']}; stored sentences not found in the corpus:"
        f" {r['unmapped_sentences']}"
    )
    print(
        f"ingest + match: {r['ingest_seconds']:.1f} s, {r['articles_per_second']:.0f}"
        f" articles/s; matching alone {r['match_seconds']:.1f} s; candidate pairs scored"
        " (new sentence, stored text):"
        f" {r.get('candidate_pairs', 0):,}"
    )
    marks = r.get("checkpoints")
    if marks:
        steps = [later - earlier for earlier, later in zip([0.0, *marks], marks, strict=False)]
        per = ", ".join(f"{step:.0f}" for step in steps)
        print(f"seconds per {PROGRESS_EVERY:,} articles as the library grows: {per}")
    print(
        f"peak RSS {r['peak_rss_mb']:.0f} MB (after the main ingest"
        f" {r['rss_after_ingest_mb']:.0f} MB), cleaning worker {r.get('worker_rss_mb', 0):.0f} MB;"
        f" library file {r['db_mb']:.0f} MB"
    )
    ms = r["add_one_ms"]
    print(
        f"add one article to the full library: median {statistics.median(ms):.1f} ms,"
        f" max {max(ms):.1f} ms (storing + matching alone: median"
        f" {statistics.median(r['add_only_ms']):.1f} ms)"
    )
    print("\nstage | seconds | share")
    print("--- | ---: | ---:")
    for label, seconds in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
        print(f"{label} | {seconds:.2f} | {seconds / r['ingest_seconds']:.0%}")
    accounted = sum(r["stages"].values())
    print(
        f"(ingest loop itself) | {r['ingest_seconds'] - accounted:.2f} |"
        f" {(r['ingest_seconds'] - accounted) / r['ingest_seconds']:.0%}"
    )
    print("\ntrue pairs | found | of | recall | kinds the engine gave")
    print("--- | ---: | ---: | ---: | ---")
    for kind in PAIR_KINDS:
        got, total = r["recall"][kind]
        print(
            f"{kind} | {got:,} | {total:,} | {_ratio([got, total]):.4f} |"
            f" {r['kinds_given'].get(kind, {})}"
        )
    print(
        f"precision: {r['correct_pairs']:,} of {r['found_pairs']:,} found pairs are true"
        f" ({r['correct_pairs'] / max(1, r['found_pairs']):.4f}); wrong pairs on the same"
        f" event: {r['wrong_same_event']}"
    )
    print("\nkind the engine gave | found | true | precision | wrong: " + " | ".join(CAUSES))
    print("--- | ---: | ---: | ---: | " + " | ".join("---:" for _ in CAUSES))
    for kind, (correct, total) in r["precision_by_kind"].items():
        causes = " | ".join(f"{r['wrong_by_cause'][c].get(kind, 0):,}" for c in CAUSES)
        print(f"{kind} | {total:,} | {correct:,} | {_precision_cell([correct, total])} | {causes}")
    print(f"\nwrong pairs, best-scoring of each cause in turn ({len(r['wrong_examples'])}):")
    for example in r["wrong_examples"]:
        texts = " ~ ".join(repr(text) for text in example["texts"]) or "(unmapped sentences)"
        print(f"  {example['cause']}, {example['kind']} {example['score']:.1f}: {texts}")
    if r.get("missed_examples"):
        print("\ntrue near copies the engine missed:")
    for example in r.get("missed_examples", []):
        print(f"  {example['kind']}: {example['texts'][0]!r} ~ {example['texts'][1]!r}")
    bf = r.get("brute_force")
    if bf:
        print(
            f"\nbrute force: {bf['sentences']:,} sentences{_sampled(bf)},"
            f" {bf['pairs_compared']:,} pairs"
            f" in {bf['seconds']:.1f} s; it finds {bf['pairs_found']:,} pairs, the engine"
            f" {bf['engine_found_of_these']:,} of them"
            f" ({_recall_of_brute_force(bf):.4f}),"
            f" engine-only pairs {bf['engine_only']}"
        )
        print(
            f"speed-up: {_times(_speedup(bf))} (brute force {bf['seconds']:.1f} s / engine"
            f" matching {bf['engine_match_seconds']:.2f} s, index upkeep included);"
            f" {_times(_speedup(bf, find_only=True))} counting only finding and scoring"
            f" candidates ({bf.get('engine_find_verify_seconds', 0):.2f} s)"
        )
        print(
            f"brute force vs truth: recall exact+near"
            f" {_sum_kinds(bf['recall'], ('exact', 'near')):.4f}, rewrites"
            f" {_sum_kinds(bf['recall'], ('rewrite',)):.4f}, precision"
            f" {bf['correct_pairs'] / max(1, bf['pairs_found']):.4f};"
            f" true pairs it finds and the engine misses: {bf['missed_true']}"
            f" (the engine finds {_recall_of_brute_force(bf, true_only=True):.4f} of its true"
            " pairs)"
        )
        for a, b in bf["missed_by_engine_examples"][:3]:
            print(f"  missed: {a!r} ~ {b!r}")


def table(results: dict[int, dict]) -> str:
    """Targets against measurements, one column per size, ready for the README."""
    sizes = sorted(results)
    rows: list[tuple[str, str, Callable[[dict], str]]] = [
        ("sentences", "", lambda r: f"{r['corpus']['sentences']:,.0f}"),
        ("ingest + match (s)", "≤ 60 at 10k", lambda r: f"{r['ingest_seconds']:.1f}"),
        ("articles per second", "", lambda r: f"{r['articles_per_second']:.0f}"),
        (
            "peak RSS, main + cleaning worker (MB)",
            "≤ 1,536 at 10k",
            lambda r: f"{r['peak_rss_mb'] + r.get('worker_rss_mb', 0):.0f}",
        ),
        (
            "recall, exact + near copies",
            "≥ 0.99",
            lambda r: f"{_sum_kinds(r['recall'], ('exact', 'near')):.4f}",
        ),
        (
            "recall, near copies both edited",
            "",
            lambda r: f"{_sum_kinds(r['recall'], ('near_both',)):.4f}",
        ),
        ("recall, rewrites", "", lambda r: f"{_sum_kinds(r['recall'], ('rewrite',)):.4f}"),
        (
            "recall, rewrites of edited copies",
            "",
            lambda r: f"{_sum_kinds(r['recall'], ('rewrite_both',)):.4f}",
        ),
        ("precision", "≥ 0.99", lambda r: f"{r['correct_pairs'] / max(1, r['found_pairs']):.4f}"),
        (
            "precision, same-frame fillings that keep a name set aside",
            "",
            lambda r: f"{_precision_without_kept_names(r):.4f}",
        ),
        *[
            (
                f"precision of {kind} pairs",
                "",
                lambda r, kind=kind: _precision_cell(r["precision_by_kind"][kind]),
            )
            for kind in KINDS
        ],
        *[
            (
                f"wrong pairs: {cause}",
                "",
                lambda r, cause=cause: f"{sum(r['wrong_by_cause'][cause].values()):,}",
            )
            for cause in CAUSES[:-1]
        ],
        (
            "add one article, median (ms)",
            "≤ 100 at 10k",
            lambda r: f"{statistics.median(r['add_one_ms']):.1f}",
        ),
        (
            "brute force (s)",
            "",
            lambda r: f"{r['brute_force']['seconds']:.1f}" + _sampled(r["brute_force"]),
        ),
        (
            "speed-up over brute force",
            "≥ 50x at 1k",
            lambda r: _times(_speedup(r["brute_force"])),
        ),
        (
            "speed-up, finding and scoring candidates only",
            "",
            lambda r: _times(_speedup(r["brute_force"], find_only=True)),
        ),
        (
            "recall relative to brute force",
            "≥ 0.99 at 1k",
            lambda r: f"{_recall_of_brute_force(r['brute_force']):.4f}",
        ),
        (
            "recall relative to brute force, true pairs only",
            "",
            lambda r: f"{_recall_of_brute_force(r['brute_force'], true_only=True):.4f}",
        ),
    ]
    lines = [
        "| | target | " + " | ".join(f"{s:,} articles" for s in sizes) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in sizes) + " |",
    ]
    for label, target, cell in rows:
        cells = [_cell(cell, results[s]) for s in sizes]
        if any(cells):
            lines.append(f"| {label} | {target} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _precision_cell(counts: list[int]) -> str:
    """correct / found, or "none found"."""
    return f"{_ratio(counts):.4f}" if counts[1] else "none found"


def _precision_without_kept_names(r: dict) -> float:
    kept = sum(r["wrong_by_cause"].get("same frame, a name kept", {}).values())
    return r["correct_pairs"] / max(1, r["found_pairs"] - kept)


def _cell(cell: Callable[[dict], str], result: dict) -> str:
    """A table cell, empty where this size has no such figure (no brute force run)."""
    try:
        return cell(result)
    except KeyError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--brute-force-at", type=int, nargs="*", default=[1000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--generator",
        choices=["classic", "markov"],
        default="classic",
        help="classic: bench/corpus.py; markov: bench/corpus_markov.py (needs --markov-from)",
    )
    parser.add_argument(
        "--markov-from",
        type=Path,
        metavar="DIR",
        help="the article-extraction benchmark folder (its ground-truth.json bodies)"
        " that the markov generator learns from",
    )
    parser.add_argument("--detail", action="store_true", help="also time sentence keys and SQL")
    parser.add_argument("--keep", type=Path, help="keep corpora and libraries in this folder")
    parser.add_argument(
        "--plot", type=Path, metavar="SVG", help="draw seconds and memory by size (scale_plot.py)"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--brute-force", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--brute-force-sample", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--sample-brute-force-at",
        type=int,
        nargs="*",
        default=[],
        help="sizes where brute force scores --sample sentences against all others",
    )
    parser.add_argument("--sample", type=int, default=1000, help="sentences brute force samples")
    parser.add_argument(
        "--workers", type=int, help="cleaning processes (default: one per spare core; 0: none)"
    )
    args = parser.parse_args(argv)

    if args.child:
        result = run_child(
            args.child,
            args.brute_force or bool(args.brute_force_sample),
            args.detail,
            args.workers,
            args.brute_force_sample,
        )
        (args.child / RESULT).write_text(json.dumps(result, indent=1))
        return 0

    markov_from = None
    if args.generator == "markov":
        if args.markov_from is None:
            parser.error("--generator markov needs --markov-from DIR")
        if not (args.markov_from / "ground-truth.json").is_file():
            parser.error(f"no ground-truth.json in {args.markov_from}")
        markov_from = args.markov_from.resolve()
    results = {}
    root = args.keep or Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    try:
        for size in args.sizes:  # one at a time: sizes must not compete for the cores
            print(f"{size:,} articles ...", file=sys.stderr)
            folder = root / f"size-{size}"
            sample = args.sample if size in args.sample_brute_force_at else 0
            results[size] = run_size(
                folder,
                size,
                args.seed,
                size in args.brute_force_at or bool(sample),
                args.detail,
                args.workers,
                markov_from,
                sample,
            )
            report(size, results[size], args.generator)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\n{args.generator} corpus, seed {args.seed}\n" + table(results))
    if args.plot:
        from scale_plot import plot  # matplotlib is needed only here

        plot({f"{args.generator} corpus": results}, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
