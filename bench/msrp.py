"""Shared-sentence detection on real news pairs judged by people (MSRP, train split).

    python bench/msrp.py ../shared/bench/msrp-train [--fit] [--no-library]

Each pair goes through what the library does to two sentences: the candidate
rule of the index (equal after folding, or enough shared token 2-grams:
`shared_needed`), then the verifier (tui/match/verify.py). "matched" is read as
the rule for "the same sentence reworked" (label 1). Beside it, in the same
run: the library itself, with every sentence stored as an article of its own
(a one-line text file, all of them ingested into one library through the real
pipeline, so the rules that weigh a pair by its articles and by how rare its
words are in the library all run; a pair is matched when its two articles share
a match), the old engine (candidates, then `fuzz.ratio` ≥ 65), brute-force
`fuzz.ratio` ≥ 65 on every pair, the best single `fuzz.ratio` threshold chosen
on this very file (an optimistic oracle), and the majority class. AUC ranks
pairs by the rule's score (0 when unmatched). Per kind: how many pairs got
that kind, and the share of them that people call the same sentence.

`--fit` refits the weights of the `similar` decision (tui/match/kinds.py:
EVIDENCE_WEIGHTS) on this file by logistic regression (Newton's method, a
little L2), prints them, and the accuracy of 10-fold cross-validation: the
honest figure, as the table's own rows are measured on the pairs the weights
were fitted on. Needs numpy (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from tui.library import Library
from tui.match.changes import fact_changes
from tui.match.index import shared_needed
from tui.match.kinds import KINDS, SIMILAR_SCORE
from tui.match.shingles import sentence_key
from tui.match.verify import evidence, verify
from tui.text.normalize import fold

Pair = tuple[int, str, str]  # label, sentence 1, sentence 2
Rule = Callable[[str, str], tuple[bool, float, str | None]]  # matched, score, kind
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def read_pairs(folder: Path) -> list[Pair]:
    path = folder / "msr_paraphrase_train.txt"
    pairs = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("\t")
        if len(parts) == 5 and parts[0] in "01":
            pairs.append((int(parts[0]), parts[3], parts[4]))
    return pairs


def is_candidate(a: str, b: str) -> bool:
    """The candidate index's rule for one pair (its postings budget aside)."""
    key_a, key_b = sentence_key(a), sentence_key(b)
    if key_a.fold_hash is None or key_b.fold_hash is None:
        return False
    if key_a.fold_hash == key_b.fold_hash:
        return True
    needed = shared_needed(len(key_a.hashes), len(key_b.hashes))
    return len(set(key_a.hashes) & set(key_b.hashes)) >= needed


def engine(a: str, b: str) -> tuple[bool, float, str | None]:
    verdict = verify(a, b) if is_candidate(a, b) else None
    return (verdict is not None, verdict.score if verdict else 0.0, verdict and verdict.kind)


def engine_same_numbers(a: str, b: str) -> tuple[bool, float, str | None]:
    """Matched, and no figure changed: label 0 is often a reused sentence with new numbers."""
    matched, score, kind = engine(a, b)
    same = set(_NUMBER.findall(a)) == set(_NUMBER.findall(b))
    return (matched and same, score if same else 0.0, kind)


def engine_no_changed_facts(a: str, b: str) -> tuple[bool, float, str | None]:
    """Matched, and no number or name replaced by another (tui/match/changes.py): the
    rule the issue names for "the same sentence reworked" once changed facts are typed.
    A fact dropped or added is a trim or an extension, which people here call the same."""
    matched, score, kind = engine(a, b)
    replaced = [c for c in fact_changes(a, b) if c.a and c.b]  # dropped or added is a trim
    if matched and any(c.type in ("number", "name") for c in replaced):
        return (False, 0.0, kind)
    return (matched, score, kind)


def old_engine(a: str, b: str) -> tuple[bool, float, str | None]:
    score = fuzz.ratio(fold(a), fold(b)) if is_candidate(a, b) else 0.0
    return (score >= SIMILAR_SCORE, score, None)


def brute_ratio(a: str, b: str) -> tuple[bool, float, str | None]:
    score = fuzz.ratio(fold(a), fold(b))
    return (score >= SIMILAR_SCORE, score, None)


def library_rule(pairs: list[Pair]) -> list[tuple[bool, float, str | None]]:
    """Each sentence an article in one library: (matched, best score, its kind) per pair."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sentences"
        folder.mkdir()
        for n, (_, a, b) in enumerate(pairs):
            (folder / f"{n:05}-a.txt").write_text(a + "\n", encoding="utf-8")
            (folder / f"{n:05}-b.txt").write_text(b + "\n", encoding="utf-8")
        with Library(Path(tmp) / "library.sqlite") as library:
            ids = {
                Path(r.source).stem: r.article_id
                for r in library.ingest([str(folder)])
                if r.article_id is not None
            }
            results = []
            for n in range(len(pairs)):
                a, b = ids.get(f"{n:05}-a"), ids.get(f"{n:05}-b")
                found = [m for m in library.matches(a) if m.b_article == b] if a and b else []
                best = max(found, key=lambda m: m.score, default=None)
                results.append((best is not None, best.score if best else 0.0, best and best.kind))
    return results


def auc(labels: list[int], scores: list[float]) -> float:
    """Area under the ROC curve (Mann-Whitney U with ties counted half)."""
    ranked = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid_rank = (i + j + 1) / 2  # 1-based average rank of the tie group
        rank_sum += mid_rank * sum(label for _, label in ranked[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def row(name: str, labels: list[int], predicted: list[bool], scores: list[float]) -> str:
    tp = sum(p and y for p, y in zip(predicted, labels, strict=True))
    fp = sum(p and not y for p, y in zip(predicted, labels, strict=True))
    fn = sum(not p and y for p, y in zip(predicted, labels, strict=True))
    accuracy = sum(p == bool(y) for p, y in zip(predicted, labels, strict=True)) / len(labels)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        f"| {name} | {accuracy:.3f} | {precision:.3f} | {recall:.3f} | {f1:.3f} "
        f"| {auc(labels, scores):.3f} |"
    )


def weighed(pair: Pair) -> bool:
    """Whether the `similar` decision sees the pair: a candidate, not exact or near."""
    _, a, b = pair
    verdict = verify(a, b) if is_candidate(a, b) else None
    return verdict is None or verdict.kind not in ("exact", "near")


def fit(pairs: list[Pair], ridge: float = 0.1, rounds: int = 30):
    """Logistic regression by Newton's method: (weights, bias) over `evidence`."""
    import numpy as np

    rows = evidence([(fold(a), fold(b)) for _, a, b in pairs])
    x = np.hstack([rows, np.ones((len(rows), 1))])
    y = np.array([label for label, _, _ in pairs], dtype=float)
    w = np.zeros(x.shape[1])
    penalty = ridge * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return x, y, w


def cross_validated_accuracy(pairs: list[Pair], folds: int = 10) -> float:
    import numpy as np

    x, y, _ = fit(pairs)
    seen = np.array([weighed(pair) for pair in pairs])
    right = 0
    for k in range(folds):
        test = np.arange(len(pairs)) % folds == k
        train = [pair for pair, t, s in zip(pairs, test, seen, strict=True) if s and not t]
        _, _, w = fit(train)
        right += int((((x[test] @ w) > 0) == (y[test] == 1)).sum())
    return right / len(pairs)


def print_fit(pairs: list[Pair]) -> None:
    _, _, w = fit([pair for pair in pairs if weighed(pair)])
    weights = ", ".join(f"{value:.3f}" for value in w[:-1])
    print(f"EVIDENCE_WEIGHTS = ({weights})")
    print(f"EVIDENCE_BIAS = {w[-1]:.3f}")
    accuracy = cross_validated_accuracy(pairs)
    print(f"10-fold cross-validated accuracy of the evidence alone: {accuracy:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the msrp-train folder")
    parser.add_argument("--fit", action="store_true", help="refit the similar decision's weights")
    parser.add_argument(
        "--no-library", action="store_true", help="skip the library run (about a minute)"
    )
    args = parser.parse_args(argv)
    pairs = read_pairs(args.folder)
    if args.fit:
        print_fit(pairs)
        return 0
    labels = [label for label, _, _ in pairs]
    print(f"{len(pairs):,} pairs, {sum(labels):,} labelled the same sentence\n")
    print("| rule | accuracy | precision | recall | F1 | AUC |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    kinds: list[str | None] = []
    if not args.no_library:
        results = library_rule(pairs)
        print(
            row(
                "copydesk library: each sentence an article",
                labels,
                [m for m, _, _ in results],
                [s for _, s, _ in results],
            )
        )
    rules: list[tuple[str, Rule]] = [
        ("copydesk: matched (any kind)", engine),
        ("copydesk: matched, numbers unchanged", engine_same_numbers),
        ("copydesk: matched, no number or name replaced (typed)", engine_no_changed_facts),
        ("old engine: candidates, then fuzz.ratio ≥ 65", old_engine),
        ("brute force: fuzz.ratio ≥ 65 on every pair", brute_ratio),
    ]
    for name, rule in rules:
        results = [rule(a, b) for _, a, b in pairs]
        if rule is engine:
            kinds = [kind for _, _, kind in results]
        print(row(name, labels, [m for m, _, _ in results], [s for _, s, _ in results]))
    ratios = [fuzz.ratio(fold(a), fold(b)) for _, a, b in pairs]
    best = max(
        range(40, 100),
        key=lambda t: sum((r >= t) == bool(y) for r, y in zip(ratios, labels, strict=True)),
    )
    print(
        row(
            f"oracle: fuzz.ratio ≥ {best} (chosen on this file)",
            labels,
            [r >= best for r in ratios],
            ratios,
        )
    )
    print(row("majority class (always yes)", labels, [True] * len(labels), [1.0] * len(labels)))
    print("\n| kind | pairs | labelled the same sentence |")
    print("| --- | ---: | ---: |")
    for kind in KINDS:
        chosen = [y for k, y in zip(kinds, labels, strict=True) if k == kind]
        share = sum(chosen) / len(chosen) if chosen else 0.0
        print(f"| {kind} | {len(chosen):,} | {share:.3f} |")
    strong = [y for k, y in zip(kinds, labels, strict=True) if k in ("exact", "near")]
    print(f"\nexact + near precision: {sum(strong) / len(strong) if strong else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
