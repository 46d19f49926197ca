"""The library's matching step: plan with tui/match (pure), apply with the store.

Matching never touches the library. Here its index learns what the library
holds (tui/store/plans.index_delta), its plans are made (tui/match/plan.py,
tui/match/boilerplate.py, tui/match/derived.py) and the store applies them
(tui/store/plans.py), inside the transaction that stores the article: an
article is never present without its keys, matches and derived shares, and
what a plan drops (a line that has just become boilerplate) is never written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tui.clean.boilerplate import is_furniture
from tui.match import boilerplate
from tui.match.changes import changes_to_json, fact_changes
from tui.match.derived import ShareRow, pair_shares, share_rows
from tui.match.index import CandidateIndex
from tui.match.kinds import DEFAULT_CUTOFFS, Cutoffs, Kind
from tui.match.outlets import outlet_key
from tui.match.plan import PlannedShare, matchable_words, plan_article
from tui.match.shingles import SentenceKey, sentence_key
from tui.models import Article
from tui.store import articles as store
from tui.store import plans
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

    @property
    def values(self) -> plans.MatchValues:
        return (
            self.a_sentence,
            self.b_sentence,
            self.a_article,
            self.b_article,
            self.score,
            self.kind,
            self.quote,
        )


def catch_up(conn: sqlite3.Connection, index: CandidateIndex) -> None:
    """Teach `index` what the library holds that it has not seen (stored by any process).

    Call inside the write transaction, so nobody can add sentences between this
    and the new article's own insert.
    """
    index.learn(plans.index_delta(conn, index.seen_up_to, index.articles_up_to, index.links_up_to))


def store_article(
    conn: sqlite3.Connection,
    index: CandidateIndex,
    article: Article,
    keys: Sequence[SentenceKey],
    previous: store.ArticleRow | None = None,
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
) -> tuple[int, list[Match]]:
    """Store an article with its sentences' keys (in reading order) and match it.

    Call inside a write transaction, with `index` caught up (`catch_up`) inside
    that transaction: nobody else can write until it ends, so one catch-up
    serves every article it stores. `index` then learns this article's keys.
    With `previous` (`store.previous_version`) the article is its new version:
    the previous one is retired first, so the two never match each other and
    a version never counts as another outlet. `cutoffs` are the near and
    similar thresholds (tui/match/kinds.py). Returns the new article's id and
    its matches.
    """
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
    found = boilerplate.detect(index, outlet, (key.fold_hash for key in by_id.values()))
    gone = _declare_boilerplate(conn, index, [(h, outlet, n) for h, n in found if outlet])
    kept = [m for m in matches if not {m.a_sentence, m.b_sentence} & gone]
    plans.insert_matches(conn, (m.values for m in kept))
    plans.mark_shared(conn, {m.a_sentence for m in kept} | {m.b_sentence for m in kept})
    plans.set_tokens(conn, [(words, article_id)])
    plans.write_shares(conn, *_new_shares(index, article_id, plan.shares, matches, kept))
    return article_id, kept


def _new_shares(
    index: CandidateIndex,
    article_id: int,
    planned: Sequence[PlannedShare],
    matches: Sequence[Match],
    kept: Sequence[Match],
) -> tuple[list[ShareRow], list[tuple[int, int]]]:
    """A new article's derived rows, and the rows to drop: as planned, except for the
    articles it lost a match with to boilerplate, whose shares are worked out again."""
    lost = {
        m.b_article if m.a_article == article_id else m.a_article for m in set(matches) - set(kept)
    }
    rows = share_rows(article_id, [s for s in planned if s.article not in lost])
    gone: list[tuple[int, int]] = []
    for other in sorted(lost):
        found = pair_shares(
            index,
            article_id,
            other,
            [
                (m.a_sentence, m.b_sentence, m.a_article, m.quote)
                for m in kept
                if other in (m.a_article, m.b_article)
            ],
        )
        rows += found
        if not found:
            gone += [(article_id, other), (other, article_id)]
    return rows, gone


def _declare_boilerplate(
    conn: sqlite3.Connection, index: CandidateIndex, found: Iterable[tuple[int, str, int]]
) -> set[int]:
    """Record boilerplate lines (fold hash, outlet, stories), mark them in `index` and
    undo the stored matches of every sentence holding them; returns those sentences."""
    gone: set[int] = set()
    for fold_hash, outlet, stories in found:
        printed = list(index.by_fold.get(fold_hash, ()))
        text = plans.first_text(conn, printed)  # the index outlives deletions
        if text is None:
            continue
        plans.record_boilerplate(conn, fold_hash, outlet, stories, text)
        index.mark_boilerplate(fold_hash)
        gone.update(printed)
    if gone:
        undo_matches(conn, index, gone)
    return gone


def undo_matches(
    conn: sqlite3.Connection, index: CandidateIndex, sentence_ids: Iterable[int]
) -> None:
    """Remove every stored match holding one of `sentence_ids`.

    The sentences on either side are flagged shared again only if another match
    holds them; the derived shares of each article pair that lost a match are
    worked out again from what is left (`index` must have caught up).
    """
    lost = plans.delete_matches_holding(conn, sentence_ids)
    if not lost:
        return
    sentences = {row[0] for row in lost} | {row[1] for row in lost}
    refresh_shared(conn, sentences, {row[2] for row in lost} | {row[3] for row in lost})
    rework_shares(conn, index, [(row[2], row[3]) for row in lost])


def rework_shares(
    conn: sqlite3.Connection, index: CandidateIndex, pairs: Iterable[tuple[int, int]]
) -> None:
    """Work out the derived shares of stored article pairs again from their stored
    matches; a pair left with nothing shared loses its rows."""
    rows: list[ShareRow] = []
    gone: list[tuple[int, int]] = []
    for a, b in sorted({tuple(sorted(pair)) for pair in pairs}):
        found = pair_shares(index, a, b, plans.matches_between(conn, a, b))
        rows += found
        if not found:
            gone += [(a, b), (b, a)]
    plans.write_shares(conn, rows, gone)


def backfill_shares(conn: sqlite3.Connection, index: CandidateIndex) -> None:
    """Shares for every matched pair (a library made before shares were stored);
    `index` must have caught up with the library."""
    rework_shares(conn, index, plans.matched_article_pairs(conn))


def find_boilerplate(conn: sqlite3.Connection, index: CandidateIndex) -> list[int]:
    """Find every boilerplate line in a library stored before this check existed
    (`index` must have caught up); returns the fold hashes declared."""
    found = boilerplate.scan(index, plans.repeated_fold_hashes(conn, boilerplate.MIN_STORIES))
    _declare_boilerplate(conn, index, found)
    return [fold_hash for fold_hash, _, _ in found]


def rekey_boilerplate(conn: sqlite3.Connection) -> None:
    """File each boilerplate line under its printing's fold hash again, after
    folding changed; a line that no longer folds to a key (too short) is dropped,
    and two lines that now fold alike are one."""
    plans.replace_boilerplate(
        conn,
        [
            (key, outlet, stories, text)
            for outlet, stories, text in plans.boilerplate_lines(conn)
            if (key := sentence_key(text).fold_hash) is not None
        ],
    )


def unkey_furniture(conn: sqlite3.Connection, index: CandidateIndex) -> int:
    """Unkey the stored sentences that are page furniture and undo their matches.

    A library keyed before furniture was told apart (tui/clean/boilerplate.py,
    `is_furniture`: embed credit lines, picture credits, contributor lines, ...)
    gets once what a new one gets at ingest (tui/match/shingles.sentence_key):
    no keys for them, so they are never matched again. Returns how many
    sentences were unkeyed. `index` must have caught up with the library (it
    stops offering them as candidates too).
    """
    ids = [sentence_id for sentence_id, text in plans.keyed_sentences(conn) if is_furniture(text)]
    if ids:
        plans.unkey(conn, ids)
        index.forget_sentences(ids)
        undo_matches(conn, index, ids)
    return len(ids)


def sorted_sides(
    sentence: int, article: int, other_sentence: int, other_article: int
) -> tuple[int, int, int, int]:
    """(a_sentence, b_sentence, a_article, b_article) of a pair, a_sentence < b_sentence."""
    (a, a_article), (b, b_article) = sorted([(sentence, article), (other_sentence, other_article)])
    return a, b, a_article, b_article


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
    rows = plans.untyped_pairs(conn)
    updates = []
    for done, (a, b, a_text, b_text) in enumerate(rows, start=1):
        changes = changes_to_json(fact_changes(a_text, b_text))
        updates.append((json.dumps(changes, ensure_ascii=False), a, b))
        if progress is not None and (done % 1000 == 0 or done == len(rows)):
            progress(done, len(rows))
    plans.write_changes(conn, updates)
    return len(updates)


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article with its matches; fix the shared counts of the others."""
    # Its sentence ids stay in the in-memory index until the process ends;
    # verification skips them, as they no longer exist.
    others = plans.partners(conn, article_id)
    store.delete_article(conn, article_id)
    refresh_shared(conn, (row[0] for row in others), {row[1] for row in others})


def retire_version(conn: sqlite3.Connection, index: CandidateIndex, article_id: int) -> None:
    """Take an older version out of matching: its matches and derived shares go, it
    stays readable (and diffable against the new version) but is no longer listed."""
    others = plans.partners(conn, article_id)
    plans.unmatch_article(conn, article_id)
    store.retire(conn, article_id)
    index.retire(article_id)
    refresh_shared(conn, (row[0] for row in others), {row[1] for row in others})
