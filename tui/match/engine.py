"""Store a new article and apply what matching planned for it, incrementally.

Matching itself is a pure function of the new article's keys and the
in-memory index (tui/match/plan.py); here its plan is written, inside the
transaction that stores the article, so an article is never present without
its keys, matches and derived shares.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from tui.match.boilerplate import detect as detect_boilerplate
from tui.match.changes import changes_to_json, fact_changes
from tui.match.derived import store_shares
from tui.match.index import CandidateIndex
from tui.match.kinds import DEFAULT_CUTOFFS, Cutoffs, Kind
from tui.match.outlets import outlet_key
from tui.match.plan import matchable_words, plan_article
from tui.match.quotes import article_flags
from tui.match.shingles import SentenceKey, sentence_key
from tui.models import Article
from tui.store import articles as store
from tui.store.db import in_query
from tui.store.matches import refresh_shared


@dataclass(frozen=True)
class Match:
    """A stored match: sentence and article ids of both sides (a_sentence < b_sentence)."""

    a_sentence: int
    b_sentence: int
    a_article: int
    b_article: int
    score: float
    kind: Kind
    quote: bool = False


def _mark_shared(conn: sqlite3.Connection, sentence_ids: Iterable[int]) -> None:
    """Flag sentences as shared and bump their articles' counts, once per sentence."""
    newly = in_query(
        conn,
        "SELECT article_id, COUNT(*) FROM sentences WHERE id IN ({}) AND shared = 0"
        " GROUP BY article_id",
        sentence_ids,
    )
    in_query(conn, "UPDATE sentences SET shared = 1 WHERE id IN ({})", sentence_ids)
    conn.executemany(
        "UPDATE articles SET shared_count = shared_count + ? WHERE id = ?",
        [(count, article) for article, count in newly],
    )


def store_article(
    conn: sqlite3.Connection,
    index: CandidateIndex,
    article: Article,
    keys: Sequence[SentenceKey],
    previous: store.ArticleRow | None = None,
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
) -> tuple[int, list[Match]]:
    """Store an article with its sentences' keys (in reading order) and match it.

    Call inside a write transaction. `index` catches up on other processes'
    sentences first, while nobody else can write, then learns this article's.
    With `previous` (`store.previous_version`) the article is its new version:
    the previous one is retired first, so the two never match each other and
    a version never counts as another outlet. Matching is planned without
    touching the library (tui/match/plan.py) and the plan applied here.
    `cutoffs` are the near and similar thresholds (tui/match/kinds.py).
    Returns the new article's id and its matches.
    """
    index.catch_up(conn)
    if previous is not None:
        retire_version(conn, index, previous.id)
    outlet = outlet_key(article.outlet, article.source)
    plan = plan_article(index, keys, cutoffs, outlet)
    words = matchable_words(keys)
    article_id = store.insert_article(conn, article, [key.columns for key in keys], previous)
    ids = store.sentence_ids(conn, article_id)
    matches = [
        Match(*sorted_sides(ids[m.i], article_id, m.sentence, m.article), m.score, m.kind, m.quote)
        for m in plan.matches
    ]
    # Another process may have deleted an article the in-memory index still lists.
    alive = store.existing_sentences(conn, {m.sentence for m in plan.matches})
    matches = [m for m in matches if {m.a_sentence, m.b_sentence} - {*ids} <= alive]
    conn.executemany(
        "INSERT OR IGNORE INTO matches"
        " (a_sentence, b_sentence, a_article, b_article, score, kind, quote)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (m.a_sentence, m.b_sentence, m.a_article, m.b_article, m.score, m.kind, m.quote)
            for m in matches
        ],
    )
    _mark_shared(conn, {m.a_sentence for m in matches} | {m.b_sentence for m in matches})
    conn.execute("UPDATE articles SET tokens = ? WHERE id = ?", (words, article_id))
    store_shares(conn, article_id, plan.shares)
    by_id = {
        sentence_id: key
        for sentence_id, key in zip(ids, keys, strict=True)
        if key.fold_hash is not None
    }
    index.add(article_id, by_id, outlet, words)
    for other in {m.article for m in plan.matches}:
        index.link(article_id, other)
    for other in {m.article for m in plan.matches if m.kind == "exact"}:
        index.link(article_id, other, exact=True)
    if detect_boilerplate(conn, index, outlet, (key.fold_hash for key in by_id.values())):
        gone = index.boilerplate_sentences  # their matches were just removed
        matches = [m for m in matches if not {m.a_sentence, m.b_sentence} & gone]
    return article_id, matches


def sorted_sides(
    sentence: int, article: int, other_sentence: int, other_article: int
) -> tuple[int, int, int, int]:
    """(a_sentence, b_sentence, a_article, b_article) of a pair, a_sentence < b_sentence."""
    (a, a_article), (b, b_article) = sorted([(sentence, article), (other_sentence, other_article)])
    return a, b, a_article, b_article


def keys_of(article: Article) -> list[SentenceKey]:
    """An article's matching keys, one per sentence in reading order, with the
    words each holds inside quotation marks (tui/match/quotes.py)."""
    flags = article_flags(article.text, article.sentences)
    return [
        replace(sentence_key(sentence.text), quoted=quoted)
        for sentence, quoted in zip(article.sentences, flags, strict=True)
    ]


def type_changes(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None
) -> int:
    """Type the fact changes (tui/match/changes.py) of every stored pair not typed yet.

    Typing costs about 0.6 ms a pair, so it is not done while matching (it
    doubled ingest time) but here, once per pair, when the "changed facts"
    filter or an export first needs it. `matches.changes` then holds the
    changes from side a to side b as JSON ("[]" for none); exact pairs stay
    NULL, as they change nothing. `progress(done, total)` is called every
    thousand pairs. Returns how many pairs were typed.
    """
    rows = conn.execute(
        "SELECT m.a_sentence, m.b_sentence, sa.text, sb.text FROM matches m"
        " JOIN sentences sa ON sa.id = m.a_sentence JOIN sentences sb ON sb.id = m.b_sentence"
        " WHERE m.kind != 'exact' AND m.changes IS NULL"
    ).fetchall()
    updates = []
    for done, (a, b, a_text, b_text) in enumerate(rows, start=1):
        changes = changes_to_json(fact_changes(a_text, b_text))
        updates.append((json.dumps(changes, ensure_ascii=False), a, b))
        if progress is not None and (done % 1000 == 0 or done == len(rows)):
            progress(done, len(rows))
    conn.executemany(
        "UPDATE matches SET changes = ? WHERE a_sentence = ? AND b_sentence = ?", updates
    )
    return len(updates)


def _partners(conn: sqlite3.Connection, article_id: int) -> list[sqlite3.Row]:
    """(sentence id, article id) of every sentence matched with this article's."""
    return conn.execute(
        "SELECT b_sentence, b_article FROM matches WHERE a_article = ?"
        " UNION SELECT a_sentence, a_article FROM matches WHERE b_article = ?",
        (article_id, article_id),
    ).fetchall()


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article with its matches; fix the shared counts of the others."""
    # Its sentence ids stay in the in-memory index until the process ends;
    # verification skips them, as they no longer exist.
    others = _partners(conn, article_id)
    store.delete_article(conn, article_id)
    refresh_shared(conn, (row[0] for row in others), {row[1] for row in others})


def retire_version(conn: sqlite3.Connection, index: CandidateIndex, article_id: int) -> None:
    """Take an older version out of matching: its matches and derived shares go, it
    stays readable (and diffable against the new version) but is no longer listed."""
    others = _partners(conn, article_id)
    conn.execute(
        "DELETE FROM matches WHERE a_article = ? OR b_article = ?", (article_id, article_id)
    )
    conn.execute(
        "DELETE FROM derived WHERE article_id = ? OR source_id = ?", (article_id, article_id)
    )
    conn.execute("UPDATE sentences SET shared = 0 WHERE article_id = ?", (article_id,))
    conn.execute("UPDATE articles SET shared_count = 0 WHERE id = ?", (article_id,))
    store.retire(conn, article_id)
    index.retire(article_id)
    refresh_shared(conn, (row[0] for row in others), {row[1] for row in others})
