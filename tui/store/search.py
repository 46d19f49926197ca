"""Full-text search over sentences: SQLite FTS5 finds candidates, callers rank them."""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_TERM = re.compile(r"\w+")


@dataclass(frozen=True)
class SentenceHit:
    article_id: int
    i: int
    text: str


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class Vocabulary:
    """Every indexed word, to tell a typo from a word the library knows."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.words = sorted(row[0] for row in conn.execute("SELECT term FROM sentences_vocab"))
        self.known = set(self.words)

    def has_prefix(self, prefix: str) -> bool:
        index = bisect_left(self.words, prefix)
        return index < len(self.words) and self.words[index].startswith(prefix)

    def close_to(self, term: str) -> list[str]:
        """Indexed words within a typo or two of `term`."""
        if len(term) < 4:
            return []
        found = process.extract(term, self.words, scorer=fuzz.ratio, score_cutoff=75, limit=5)
        return [word for word, _, _ in found]


def _options(term: str, is_last: bool, vocab: Vocabulary | None) -> list[str]:
    """FTS alternatives for one typed word: itself, a prefix while typing, or close spellings."""
    options = [_quote(term)]
    if is_last:
        options.append(_quote(term) + "*")
    if vocab is None or term in vocab.known or (is_last and vocab.has_prefix(term)):
        return options
    return options + [_quote(word) for word in vocab.close_to(term)]


def fts_query(query: str, vocab: Vocabulary | None = None) -> str | None:
    """An FTS5 expression: every word required, the last one also as a prefix (typing)."""
    terms = [term.lower() for term in _TERM.findall(query)]
    if not terms:
        return None
    return " AND ".join(
        "(" + " OR ".join(_options(term, i == len(terms) - 1, vocab)) + ")"
        for i, term in enumerate(terms)
    )


def search_sentences(
    conn: sqlite3.Connection, query: str, vocab: Vocabulary | None = None, limit: int = 200
) -> list[SentenceHit]:
    """Sentences containing every query word (or a close spelling), best FTS rank first."""
    expression = fts_query(query, vocab)
    if expression is None:
        return []
    rows = conn.execute(
        "SELECT s.article_id, s.i, s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid"
        " WHERE sentences_fts MATCH ? ORDER BY f.rank LIMIT ?",
        (expression, limit),
    )
    return [SentenceHit(*row) for row in rows]


class TitleIndex:
    """Typo-tolerant lookup of articles by the words of their title and outlet.

    Each query word is compared (rapidfuzz, in C) with the distinct words of
    all titles, not with every title, so a keystroke stays cheap at 10,000
    articles. An article scores the mean of its best match for each word.
    """

    def __init__(self, labels: dict[int, str]) -> None:
        self.articles_by_word: dict[str, set[int]] = {}
        for article_id, label in labels.items():
            for word in _TERM.findall(label.lower()):
                self.articles_by_word.setdefault(word, set()).add(article_id)
        self.words = list(self.articles_by_word)

    def _word_scores(self, term: str, is_last: bool) -> dict[int, float]:
        best: dict[int, float] = {}
        found = process.extract(term, self.words, scorer=fuzz.ratio, score_cutoff=70, limit=None)
        if is_last:  # still typing: "pesk" should find "peskov"
            found += [(w, 100.0, 0) for w in self.words if len(term) >= 2 and w.startswith(term)]
        for word, score, _ in found:
            for article_id in self.articles_by_word[word]:
                best[article_id] = max(best.get(article_id, 0.0), score)
        return best

    def search(self, query: str, cutoff: float = 75.0) -> list[tuple[int, float]]:
        """(article id, score) for articles whose title words match every query word."""
        terms = [term.lower() for term in _TERM.findall(query)]
        if not terms:
            return []
        totals: dict[int, float] | None = None
        for index, term in enumerate(terms):
            scores = self._word_scores(term, index == len(terms) - 1)
            if totals is None:
                totals = scores
            else:
                totals = {a: totals[a] + s for a, s in scores.items() if a in totals}
        ranked = [(a, total / len(terms)) for a, total in (totals or {}).items()]
        return sorted([r for r in ranked if r[1] >= cutoff], key=lambda r: -r[1])
