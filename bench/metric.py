"""The article-extraction benchmark's score: 4-token shingle precision, recall and F1.

A re-implementation of scrapinghub/article-extraction-benchmark's `evaluate.py`
(without its bootstrap intervals), kept importable so it can be tested on toy strings.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class PageScore:
    """Shared, extra and missing shingles of one page, as fractions of their sum."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class Score:
    """Precision and recall averaged over pages, and the F1 of those two means."""

    f1: float
    precision: float
    recall: float


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Counts of n-token shingles; a text shorter than n tokens is one short shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_score(truth: str, prediction: str) -> PageScore:
    """TP/FP/FN shingle counts (with repeats), normalised so every page weighs the same."""
    want, got = shingles(truth), shingles(prediction)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def precision(page: PageScore) -> float:
    """1 for a perfect page, 0 when nothing predicted matches."""
    if page.fp == page.fn == 0:
        return 1.0
    if page.tp == page.fp == 0:
        return 0.0
    return page.tp / (page.tp + page.fp)


def recall(page: PageScore) -> float:
    """1 for a perfect page, 0 when nothing expected was found."""
    if page.fp == page.fn == 0:
        return 1.0
    if page.tp == page.fn == 0:
        return 0.0
    return page.tp / (page.tp + page.fn)


def score(pages: Iterable[PageScore]) -> Score:
    """Mean precision and recall over pages, F1 from the two means.

    As in the benchmark's own code, a page with an empty prediction (TP + FP = 0)
    is left out of the precision mean (it still costs recall), and a page with an
    empty truth (TP + FN = 0) is left out of the recall mean.
    """
    pages = list(pages)
    p = statistics.mean([precision(s) for s in pages if s.tp + s.fp > 0] or [0.0])
    r = statistics.mean([recall(s) for s in pages if s.tp + s.fn > 0] or [0.0])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(f1=f1, precision=p, recall=r)
