"""Match a newly stored article against the library, incrementally.

Candidates come from the candidate index (tui/match/index.py); only they are
scored with rapidfuzz. Called inside the transaction that stores the
article, so an article is never present without its keys and matches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from tui.match.index import CandidateIndex, pack
from tui.match.kinds import SIMILAR_SCORE, Kind, classify
from tui.match.shingles import SentenceKey, sentence_key
from tui.store import articles as store

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


def _verify(
    conn: sqlite3.Connection,
    index: CandidateIndex,
    article_id: int,
    keys: list[SentenceKey],
    candidates: dict[int, list[int]],
) -> list[Match]:
    """Score candidates (rapidfuzz, in C, per new sentence) and keep those that reach a kind."""
    folded = {key.sentence_id: key.folded for key in keys}
    matches: list[tuple[int, Match]] = []
    for new_id, old_ids in candidates.items():
        old_ids = [old for old in old_ids if index.folded[old][0] != article_id]
        choices = [index.folded[old][1] for old in old_ids]
        scored = process.extract(
            folded[new_id], choices, scorer=fuzz.ratio, score_cutoff=SIMILAR_SCORE, limit=None
        )
        for choice, score, position in scored:
            old_id = old_ids[position]
            kind = classify(score, identical=choice == folded[new_id])
            if kind is None:
                continue
            other_article = index.folded[old_id][0]
            (a_sentence, a_article), (b_sentence, b_article) = sorted(
                [(new_id, article_id), (old_id, other_article)]
            )
            match = Match(a_sentence, b_sentence, a_article, b_article, round(score, 1), kind)
            matches.append((old_id, match))
    # Another process may have deleted an article the in-memory index still lists.
    sql = "SELECT id FROM sentences WHERE id IN ({})"
    alive = {row[0] for row in _in_query(conn, sql, (old_id for old_id, _ in matches))}
    return [match for old_id, match in matches if old_id in alive]


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


def match_article(conn: sqlite3.Connection, index: CandidateIndex, article_id: int) -> list[Match]:
    """Store one article's matching keys and what it shares; returns the new matches.

    `index` is brought up to date first, then learns this article's keys.
    """
    index.catch_up(conn)
    keys = [sentence_key(sid, text) for sid, text in store.sentence_ids(conn, article_id)]
    keys = [key for key in keys if key.fold_hash is not None]
    conn.executemany(
        "UPDATE sentences SET folded = ?, fold_hash = ?, shingles = ? WHERE id = ?",
        [(key.folded, key.fold_hash, pack(key.shingles), key.sentence_id) for key in keys],
    )
    matches = _verify(conn, index, article_id, keys, index.candidates(keys))
    conn.executemany(
        "INSERT OR IGNORE INTO matches (a_sentence, b_sentence, a_article, b_article, score, kind)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(m.a_sentence, m.b_sentence, m.a_article, m.b_article, m.score, m.kind) for m in matches],
    )
    _mark_shared(conn, {m.a_sentence for m in matches} | {m.b_sentence for m in matches})
    index.add(article_id, keys)
    return matches


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article with its matches; fix the shared counts of the others."""
    # Its sentence ids stay in the in-memory index until the process ends;
    # verification skips them, as they no longer exist.
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
