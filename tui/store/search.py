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
