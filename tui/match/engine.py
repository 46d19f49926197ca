"""Match a newly stored article against the library, incrementally.

Candidates come from the shingle index (pairs sharing at least two word
3-grams) and from equal folded text; only candidates are scored with
rapidfuzz. Called inside the transaction that stores the article, so an
article is never present without its matches.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from tui.match.kinds import Kind, classify
from tui.match.shingles import SentenceKey, sentence_key
from tui.store import articles as store

MIN_SHARED_SHINGLES = 2
# A shingle in more sentences than this is boilerplate ("said in a statement
# on"): it is not used to find candidates. Equal sentences are still found
# through their whole-text hash, however many outlets printed them.
POSTINGS_CAP = 1000
_SQL_CHUNK = 5000


@dataclass(frozen=True)
class Match:
    a_sentence: int
    b_sentence: int
    a_article: int
    b_article: int
    score: float
    kind: Kind


def _chunks(values: Sequence[int], size: int = _SQL_CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _in_query(conn: sqlite3.Connection, sql: str, values: Iterable[int]) -> list[sqlite3.Row]:
    """Run `sql` (with one `{}` for an IN list) over many values, chunked."""
    rows: list[sqlite3.Row] = []
    for chunk in _chunks(sorted(set(values))):
        marks = ",".join("?" * len(chunk))
        rows.extend(conn.execute(sql.format(marks), chunk))
    return rows


def _candidates(
    conn: sqlite3.Connection, article_id: int, keys: list[SentenceKey]
) -> set[tuple[int, int]]:
    """(new sentence id, old sentence id) pairs worth scoring."""
    by_shingle: dict[int, list[int]] = defaultdict(list)
    by_fold: dict[int, list[int]] = defaultdict(list)
    for key in keys:
        for shingle in key.shingles:
            by_shingle[shingle].append(key.sentence_id)
        if key.fold_hash is not None:
            by_fold[key.fold_hash].append(key.sentence_id)

    postings: dict[int, list[int]] = defaultdict(list)
    for row in _in_query(
        conn, "SELECT hash, sentence_id FROM shingles WHERE hash IN ({})", by_shingle
    ):
        postings[row[0]].append(row[1])
    shared: Counter[tuple[int, int]] = Counter()
    for shingle, old_ids in postings.items():
        if len(old_ids) > POSTINGS_CAP:
            continue
        for new_id in by_shingle[shingle]:
            for old_id in old_ids:
                shared[new_id, old_id] += 1
    pairs = {pair for pair, count in shared.items() if count >= MIN_SHARED_SHINGLES}

    sql = "SELECT fold_hash, id FROM sentences WHERE fold_hash IN ({}) AND article_id != %d"
    for fold_hash, old_id in _in_query(conn, sql % article_id, by_fold):
        pairs.update((new_id, old_id) for new_id in by_fold[fold_hash])
    return pairs


def _verify(
    conn: sqlite3.Connection, article_id: int, keys: list[SentenceKey], pairs: set[tuple[int, int]]
) -> list[Match]:
    """Score candidate pairs and keep those that reach a kind."""
    new_keys = {key.sentence_id: key for key in keys}
    old: dict[int, tuple[int, SentenceKey]] = {}
    sql = "SELECT id, article_id, text FROM sentences WHERE id IN ({})"
    for sentence_id, other_article, text in _in_query(conn, sql, (p[1] for p in pairs)):
        if other_article != article_id:
            old[sentence_id] = (other_article, sentence_key(sentence_id, text))
    matches = []
    for new_id, old_id in pairs:
        if old_id not in old:
            continue
        other_article, old_key = old[old_id]
        a, b = new_keys[new_id], old_key
        if a.fold_hash is None or b.fold_hash is None:
            continue
        identical = a.folded == b.folded
        score = 100.0 if identical else fuzz.ratio(a.folded, b.folded)
        kind = classify(score, identical)
        if kind is None:
            continue
        (a_sentence, a_article), (b_sentence, b_article) = sorted(
            [(new_id, article_id), (old_id, other_article)]
        )
        matches.append(Match(a_sentence, b_sentence, a_article, b_article, round(score, 1), kind))
    return matches


def _mark_shared(conn: sqlite3.Connection, sentence_ids: Iterable[int]) -> None:
    """Flag sentences as shared and bump their articles' counts, once per sentence."""
    newly = _in_query(
        conn,
        "SELECT article_id, COUNT(*) FROM sentences WHERE id IN ({}) AND shared = 0"
        " GROUP BY article_id",
        sentence_ids,
    )
    _in_query(conn, "UPDATE sentences SET shared = 1 WHERE id IN ({})", sentence_ids)
    conn.executemany(
        "UPDATE articles SET shared_count = shared_count + ? WHERE id = ?",
        [(count, article) for article, count in newly],
    )


def match_article(conn: sqlite3.Connection, article_id: int) -> list[Match]:
    """Index one stored article and record what it shares; returns the new matches."""
    keys = [sentence_key(sid, text) for sid, text in store.sentence_ids(conn, article_id)]
    keys = [key for key in keys if key.fold_hash is not None]
    conn.executemany(
        "UPDATE sentences SET fold_hash = ? WHERE id = ?",
        [(key.fold_hash, key.sentence_id) for key in keys],
    )
    matches = _verify(conn, article_id, keys, _candidates(conn, article_id, keys))
    conn.executemany(
        "INSERT OR IGNORE INTO matches (a_sentence, b_sentence, a_article, b_article, score, kind)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(m.a_sentence, m.b_sentence, m.a_article, m.b_article, m.score, m.kind) for m in matches],
    )
    _mark_shared(conn, {m.a_sentence for m in matches} | {m.b_sentence for m in matches})
    conn.executemany(
        "INSERT OR IGNORE INTO shingles (hash, sentence_id) VALUES (?, ?)",
        [(shingle, key.sentence_id) for key in keys for shingle in key.shingles],
    )
    return matches


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article with its index entries and matches; fix others' shared counts."""
    sentences = store.sentence_ids(conn, article_id)
    keys = [sentence_key(sid, text) for sid, text in sentences]
    conn.executemany(
        "DELETE FROM shingles WHERE hash = ? AND sentence_id = ?",
        [(shingle, key.sentence_id) for key in keys for shingle in key.shingles],
    )
    others = conn.execute(
        "SELECT b_sentence, b_article FROM matches WHERE a_article = ?"
        " UNION SELECT a_sentence, a_article FROM matches WHERE b_article = ?",
        (article_id, article_id),
    ).fetchall()
    store.delete_article(conn, article_id)
    touched = {row[1] for row in others}
    _in_query(
        conn,
        "UPDATE sentences SET shared = EXISTS (SELECT 1 FROM matches"
        " WHERE a_sentence = sentences.id OR b_sentence = sentences.id) WHERE id IN ({})",
        (row[0] for row in others),
    )
    conn.executemany(
        "UPDATE articles SET shared_count ="
        " (SELECT COUNT(*) FROM sentences WHERE article_id = articles.id AND shared = 1)"
        " WHERE id = ?",
        [(article,) for article in touched],
    )
