"""Full-text search over sentences: SQLite FTS5 finds candidates, callers rank them."""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, islice

from rapidfuzz import fuzz, process

from tui.text.normalize import UNSPACED_CHARACTER

_TERM = re.compile(r"\w+")


@dataclass(frozen=True)
class SentenceHit:
    """A sentence found; `exact` when it holds every query word as typed, not another
    spelling (see `exact_words`)."""

    article_id: int
    i: int
    text: str
    exact: bool = True


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class Vocabulary:
    """Every indexed word and how many sentences hold it.

    It tells a typo from a word the library knows, and how many sentences a
    query can match before asking SQLite (see `estimate`).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        rows = sorted(
            (term, doc) for term, doc in conn.execute("SELECT term, doc FROM sentences_vocab")
        )
        self.words = [term for term, _ in rows]
        self.known = set(self.words)
        self._docs = dict(rows)
        self._cumulative = list(accumulate((doc for _, doc in rows), initial=0))
        self._close: dict[str, list[str]] = {}  # close_to's answers: words recur as one types

    def has_prefix(self, prefix: str) -> bool:
        index = bisect_left(self.words, prefix)
        return index < len(self.words) and self.words[index].startswith(prefix)

    def sentences_with(self, term: str, *, prefix: bool) -> int:
        """How many sentences hold `term` (or, with `prefix`, a word starting with it),
        counting a sentence once per such word: an upper bound."""
        if not prefix:
            return self._docs.get(term, 0)
        start = bisect_left(self.words, term)
        end = bisect_left(self.words, term + "\U0010ffff", start)
        return self._cumulative[end] - self._cumulative[start]

    def close_to(self, term: str) -> list[str]:
        """Indexed words within a typo or two of `term` (7 ms at 100,000 words, so kept)."""
        if len(term) < 4:
            return []
        if term not in self._close:
            found = process.extract(term, self.words, scorer=fuzz.ratio, score_cutoff=75, limit=5)
            self._close[term] = [word for word, _, _ in found]
        return self._close[term]


def _options(term: str, prefix: bool, vocab: Vocabulary | None, variants: bool) -> list[str]:
    """FTS alternatives for one typed word.

    As typed: the word itself and, while it is still being typed and is no word
    of its own, the words it begins ("pesk" finds "peskov"). With `variants`, also
    other spellings: words a typo or two away, and the longer words a complete
    word begins ("varga" finds "vargas").
    """
    complete = vocab is not None and term in vocab.known
    options = [_quote(term)]
    if prefix and not complete:
        options.append(_quote(term) + "*")
    if variants and vocab is not None:
        options += [_quote(word) for word in vocab.close_to(term) if word != term]
        if prefix and complete:
            options.append(_quote(term) + "*")
    return options


def query_terms(query: str) -> list[str]:
    return [term.lower() for term in _TERM.findall(query)]


def unspaced_words(query: str) -> list[str] | None:
    """A query in a script written without spaces between words (Chinese, Japanese,
    Thai): its words as typed between spaces, lowercased; None for any other query.
    FTS5's unicode61 tokenizer keeps such a run of characters as one token (a whole
    clause), and a regular expression's words break Thai at its vowel marks, so
    these words are looked for as substrings (`search_unspaced`)."""
    if not UNSPACED_CHARACTER.search(query):
        return None
    return query.lower().split()


def search_unspaced(conn: sqlite3.Connection, words: list[str], limit: int) -> list[SentenceHit]:
    """Sentences holding every word (lowercase) as a substring, in reading order: a
    scan of the sentences table for the words in unspaced scripts, which have no
    case (0.1-0.3 s over 197,412 sentences of the Markov 10k benchmark library when
    nothing matches), the other words checked in Python (SQLite's lower() folds
    ASCII only: "Путин" would not be "путин")."""
    unspaced = [word for word in words if UNSPACED_CHARACTER.search(word)]
    cased = [word for word in words if word not in unspaced]
    clause = " AND ".join(["instr(text, ?) > 0"] * len(unspaced))
    rows = conn.execute(
        f"SELECT article_id, i, text FROM sentences WHERE {clause} ORDER BY id", unspaced
    )
    found = (row for row in rows if all(word in row[2].lower() for word in cased))
    return [SentenceHit(*row) for row in islice(found, limit)]


def _expression(
    terms: list[str], vocab: Vocabulary | None, typing: bool, variants: bool
) -> str | None:
    """Every word required (one of its options), the last one also as a prefix (typing)."""
    if not terms:
        return None
    return " AND ".join(
        "(" + " OR ".join(_options(term, typing and i == len(terms) - 1, vocab, variants)) + ")"
        for i, term in enumerate(terms)
    )


# Ranking (bm25) scores every matching sentence before LIMIT applies: about
# 3 µs a sentence, so half a second for "t" in a 10,000-article library.
RANK_AT_MOST = 5_000
# A prefix as short as "t" or "r" makes FTS5 merge the lists of thousands of
# words (30-80 ms at 7,500 articles, even with a rare word beside it).
PREFIX_AT_MOST = 20_000


def _estimate(terms: list[str], vocab: Vocabulary, typing: bool) -> int:
    """An upper bound on the sentences the expression matches: the rarest word's count."""
    counts = []
    for index, term in enumerate(terms):
        options = _options(term, typing and index == len(terms) - 1, vocab, variants=True)
        counts.append(
            sum(
                vocab.sentences_with(option.strip('"*'), prefix=option.endswith("*"))
                for option in options
            )
        )
    return min(counts, default=0)


def search_sentences(
    conn: sqlite3.Connection, query: str, vocab: Vocabulary | None = None, limit: int = 200
) -> list[SentenceHit]:
    """Sentences holding every query word as typed, best FTS rank first, then (with a
    vocabulary) up to `limit` more that hold another spelling of some word.

    Both kinds always come: a word spelt as the reader typed it must not hide the
    articles that spell it otherwise ("Vargas" and "Varga"). Two shortcuts keep a
    keystroke cheap on a large library: matches too many to rank (RANK_AT_MOST)
    come unranked, as callers rank them by similarity anyway; and a last word too
    short to expand (PREFIX_AT_MOST) is matched here, on the sentences the other
    words found, or exactly if alone.
    """
    unspaced = unspaced_words(query)
    if unspaced is not None:
        return search_unspaced(conn, unspaced, limit)
    terms = query_terms(query)
    if not terms:
        return []
    typing, starts = True, None
    if vocab is not None and vocab.sentences_with(terms[-1], prefix=True) > PREFIX_AT_MOST:
        typing = False
        if len(terms) > 1:
            starts = re.compile(r"\b" + re.escape(terms.pop()), re.IGNORECASE)
    exact = _expression(terms, vocab, typing, variants=False)
    every = _expression(terms, vocab, typing, variants=True)
    assert exact is not None and every is not None
    order = (
        " ORDER BY f.rank"
        if vocab is None or _estimate(terms, vocab, typing) <= RANK_AT_MOST
        else ""
    )
    found = []
    for expression, is_exact in ((exact, True), (f"({every}) NOT ({exact})", False)):
        if not is_exact and every == exact:
            break
        rows = conn.execute(
            "SELECT s.article_id, s.i, s.text FROM sentences_fts f"
            " JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH ?" + order + " LIMIT ?",
            (expression, limit if starts is None else limit * 5),
        )
        hits = [SentenceHit(*row, exact=is_exact) for row in rows]
        if starts is not None:
            hits = [hit for hit in hits if starts.search(hit.text)][:limit]
        found += hits
    return found


class TitleIndex:
    """Typo-tolerant lookup of articles by the words of their title and outlet.

    Each query word is compared (rapidfuzz, in C) with the distinct words of
    all titles, not with every title, so a keystroke stays cheap at 10,000
    articles. An article scores the mean of its best match for each word.
    """

    def __init__(self, labels: dict[int, str]) -> None:
        self.articles_by_word: dict[str, set[int]] = {}
        self.labels = {article_id: label.lower() for article_id, label in labels.items()}
        for article_id, label in labels.items():
            for word in _TERM.findall(label.lower()):
                self.articles_by_word.setdefault(word, set()).add(article_id)
        self.words = list(self.articles_by_word)  # in the order of the labels
        self._position = {word: at for at, word in enumerate(self.words)}
        self._sorted = sorted(self.words)

    def _starting(self, prefix: str) -> list[str]:
        """The title words that begin with `prefix` (itself included), alphabetically."""
        start = bisect_left(self._sorted, prefix)
        return self._sorted[start : bisect_left(self._sorted, prefix + "\U0010ffff", start)]

    def _word_scores(self, term: str, is_last: bool) -> dict[int, float]:
        best: dict[int, float] = {}
        found = process.extract(term, self.words, scorer=fuzz.ratio, score_cutoff=70, limit=None)
        if is_last and len(term) >= 2:  # still typing: "pesk" should find "peskov"
            # (in the order of `words`, so that ties rank as they always have)
            starting = sorted(self._starting(term), key=self._position.__getitem__)
            found += [(word, 100.0, 0) for word in starting]
        for word, score, _ in found:
            for article_id in self.articles_by_word[word]:
                best[article_id] = max(best.get(article_id, 0.0), score)
        return best

    def holding(self, terms: list[str], complete: bool) -> set[int]:
        """The articles whose title or outlet holds every term as a whole word, the
        last one also as the start of a word while it is not `complete` (no word
        of its own): what the reader typed, as typed. Empty for no terms."""
        if not terms:
            return set()
        *whole, last = terms
        found = set(self.articles_by_word.get(last, ()))
        if not complete:
            found = found.union(*(self.articles_by_word[word] for word in self._starting(last)))
        for term in whole:
            found &= self.articles_by_word.get(term, set())
        return found

    def containing(self, words: list[str]) -> set[int]:
        """The articles whose title or outlet holds every word as a substring (for
        scripts written without spaces, `unspaced_words`)."""
        return {a for a, label in self.labels.items() if all(w in label for w in words)}

    def search(self, query: str, cutoff: float = 75.0) -> list[tuple[int, float]]:
        """(article id, score) for articles whose title words match every query word
        (in scripts without spaces: hold every word, scored 100)."""
        unspaced = unspaced_words(query)
        if unspaced is not None:
            return [(article_id, 100.0) for article_id in sorted(self.containing(unspaced))]
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
