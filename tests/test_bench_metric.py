"""The benchmark metric (bench/metric.py) on toy strings, checked against hand counts."""

from __future__ import annotations

import pytest

from tests.bench_scripts import load_bench

metric = load_bench("metric")


def test_shingles_are_four_unicode_word_tokens_with_repeats() -> None:
    counts = metric.shingles("Ça va, ça va? Ça va, ça va!")
    assert counts[("Ça", "va", "ça", "va")] == 2
    assert counts[("va", "ça", "va", "Ça")] == 1
    assert sum(counts.values()) == 5


def test_short_text_is_one_short_shingle_and_empty_text_none() -> None:
    assert metric.shingles("two words") == {("two", "words"): 1}
    assert metric.shingles("  ...  ") == {}


def test_perfect_prediction_ignores_punctuation_and_layout() -> None:
    page = metric.page_score("One two three four five.", "One two\n\nthree, four -- five")
    assert page == metric.PageScore(1.0, 0.0, 0.0)
    assert metric.precision(page) == metric.recall(page) == 1.0


def test_counts_are_normalised_per_page() -> None:
    # truth: a b c d e -> [abcd, bcde]; prediction: a b c d x -> [abcd, bcdx]
    page = metric.page_score("a b c d e", "a b c d x")
    assert page.tp == pytest.approx(1 / 3)
    assert page.fp == pytest.approx(1 / 3)
    assert page.fn == pytest.approx(1 / 3)
    assert metric.precision(page) == pytest.approx(0.5)
    assert metric.recall(page) == pytest.approx(0.5)


def test_precision_and_recall_are_page_means_and_f1_combines_the_means() -> None:
    perfect = metric.page_score("a b c d e", "a b c d e")  # P = R = 1
    padded = metric.page_score("a b c d", "a b c d e f g")  # 1 of 4 shingles right: P = 1/4
    result = metric.score([perfect, padded])
    assert result.precision == pytest.approx((1 + 0.25) / 2)
    assert result.recall == pytest.approx(1.0)
    assert result.f1 == pytest.approx(2 * 0.625 / 1.625)


def test_no_overlap_scores_zero() -> None:
    page = metric.page_score("a b c d", "w x y z")
    assert metric.precision(page) == 0.0
    assert metric.recall(page) == 0.0


def test_empty_prediction_costs_recall_but_is_left_out_of_precision() -> None:
    # As in the benchmark's evaluate.py: precision is averaged over pages that predicted something.
    empty = metric.page_score("a b c d e", "")
    assert (empty.tp, empty.fp, empty.fn) == (0.0, 0.0, 1.0)
    result = metric.score([metric.page_score("a b c d", "a b c d"), empty])
    assert result.precision == 1.0
    assert result.recall == 0.5
