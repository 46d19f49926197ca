"""Match a newly stored article against the library, incrementally.

Candidates come from the candidate index (tui/match/index.py); only they are
scored with rapidfuzz. The article is stored and matched inside one
transaction, so it is never present without its keys and matches.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from tui.match.boilerplate import detect as detect_boilerplate
from tui.match.boilerplate import outlet_key
from tui.match.changes import changes_to_json, fact_changes
from tui.match.derived import store_shares
from tui.match.index import CandidateIndex
from tui.match.kinds import DEFAULT_CUTOFFS, Cutoffs, Kind
from tui.match.shingles import SentenceKey, sentence_key
from tui.match.verify import (
    Verdict,
    check_names,
    frame_like,
    in_context,
    score_pair,
    standing,
    tokens,
)
from tui.models import Article
from tui.store import articles as store
from tui.store.db import in_query
from tui.store.matches import refresh_shared


@dataclass(frozen=True)
class Match:
    a_sentence: int
    b_sentence: int
    a_article: int
    b_article: int
    score: float
    kind: Kind


def _verify(
    conn: sqlite3.Connection,
    index: CandidateIndex,
    article_id: int,
    keys: Mapping[int, SentenceKey],
    texts: Mapping[int, str],
    candidates: dict[int, list[int]],
    cutoffs: Cutoffs,
) -> list[Match]:
    """Verify candidates (tui/match/verify.py) and keep those that reach a kind.

    `keys` and `texts` are the new sentences' keys and original texts by id.
    Folded text decides first; the original text of the other side is read
    only for the pairs that passed, to tell a template by its names, and the
    pairs each article shares with the new one are judged together
    (`verify.in_context`: a changed figure or name where nothing else is
    shared unchanged, or a doubtful rewrite with no shared sentence beside
    it, is not reuse).
    """
    passed: list[tuple[int, int, int, Verdict]] = []  # new id, old id, old article, verdict
    for new_id, old_ids in candidates.items():
        text = keys[new_id].folded
        verdicts: dict[str, Verdict | None] = {}  # copies of one text are scored once
        for old_id in old_ids:
            other_article, other_text = index.folded[old_id]
            if other_article == article_id or other_article in index.retired:
                continue
            if other_text not in verdicts:
                verdicts[other_text] = score_pair(text, other_text, cutoffs)
            verdict = verdicts[other_text]
            if verdict is not None:
                passed.append((new_id, old_id, other_article, verdict))
    # Another process may have deleted an article the in-memory index still lists.
    sql = "SELECT id, text FROM sentences WHERE id IN ({})"
    stored = {row[0]: row[1] for row in in_query(conn, sql, (old for _, old, _, _ in passed))}
    by_article: dict[int, list[tuple[Match, int]]] = defaultdict(list)
    for new_id, old_id, other_article, verdict in passed:
        if old_id not in stored:
            continue
        checked = check_names(verdict, texts[new_id], stored[old_id])
        if checked is None:
            continue
        (a_sentence, a_article), (b_sentence, b_article) = sorted(
            [(new_id, article_id), (old_id, other_article)]
        )
        match = Match(a_sentence, b_sentence, a_article, b_article, checked.score, checked.kind)
        like = checked.kind != "exact" and frame_like(texts[new_id], stored[old_id])
        rank = standing(checked, like, keys[new_id].folded, index.folded[old_id][1])
        by_article[other_article].append((match, rank))
    matches = []
    for pairs in by_article.values():  # sentence ids run in reading order
        keep = in_context([(m.a_sentence, m.b_sentence, rank) for m, rank in pairs])
        matches += [match for (match, _), kept in zip(pairs, keep, strict=True) if kept]
    return matches


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
    a version never counts as another outlet. `cutoffs` are the near and
    similar thresholds (tui/match/kinds.py). Returns the new article's id and
    its matches.
    """
    index.catch_up(conn)
    if previous is not None:
        retire_version(conn, index, previous.id)
    columns = [key.columns for key in keys]
    article_id = store.insert_article(conn, article, columns, previous)
    ids = store.sentence_ids(conn, article_id)
    by_id = {
        sentence_id: key
        for sentence_id, key in zip(ids, keys, strict=True)
        if key.fold_hash is not None
    }
    texts = {i: sentence.text for i, sentence in zip(ids, article.sentences, strict=True)}
    matches = _verify(conn, index, article_id, by_id, texts, index.candidates(by_id), cutoffs)
    conn.executemany(
        "INSERT OR IGNORE INTO matches (a_sentence, b_sentence, a_article, b_article, score, kind)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(m.a_sentence, m.b_sentence, m.a_article, m.b_article, m.score, m.kind) for m in matches],
    )
    _mark_shared(conn, {m.a_sentence for m in matches} | {m.b_sentence for m in matches})
    pairs = [
        (m.a_sentence, m.b_sentence, m.b_article)
        if m.a_article == article_id
        else (m.b_sentence, m.a_sentence, m.a_article)
        for m in matches
    ]
    folded = {i: key.folded for i, key in by_id.items()}
    folded.update((there, index.folded[there][1]) for _, there, _ in pairs)
    total = sum(len(tokens(key.folded)) for key in keys)
    store_shares(conn, article_id, pairs, folded, total)
    outlet = outlet_key(article.outlet, article.source)
    index.add(article_id, by_id, outlet)
    if detect_boilerplate(conn, index, outlet, (key.fold_hash for key in by_id.values())):
        gone = index.boilerplate_sentences  # their matches were just removed
        matches = [m for m in matches if not {m.a_sentence, m.b_sentence} & gone]
    return article_id, matches


def keys_of(article: Article) -> list[SentenceKey]:
    """An article's matching keys, one per sentence in reading order."""
    return [sentence_key(sentence.text) for sentence in article.sentences]


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
