"""Boilerplate learned from the library: lines an outlet prints under unrelated stories.

Cleaning drops the trailers it can recognise by their words (standards notes,
copyright lines, "Reporting by ...; Editing by ..."; see tui/clean). What it
cannot know is an outlet's own stock lines: a newsletter pitch, a standard
background paragraph, a footer in another language. The library can: a
sentence (equal after folding) that one outlet, and no other, printed under
MIN_STORIES unrelated stories is boilerplate: learned from many stories, as
furniture recurs under any story. (Two of an outlet's own pages are never
matched with each other anyway: tui/match/plan.py.) Its matches are removed and it is never
matched again, so it is neither highlighted nor counted in shares. Page
furniture that cleaning left in is never keyed at all (`sentence_key`); a
library keyed before that has it unkeyed once (`unkey_furniture`).

Two articles of one outlet are one story when they are on one event (their
rare terms overlap, `rarity.topical_overlap` at least TOPICAL_MIN) or at least
STORY_OVERLAP of the shorter one's sentences stand in the other: a wire
repeats its background paragraphs in every update of a story, and an outlet
that prints two updates has not made those paragraphs boilerplate. A line
another outlet prints too is story text (a wire's paragraph, a quote), never
one outlet's boilerplate.

Only articles whose outlet is known (the page's own name for it, or the host
of its URL) take part: a folder of saved pages from many outlets is not one
outlet, and a quote that several outlets took from one wire story must stay
shared text.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable

from tui.clean.boilerplate import is_furniture
from tui.match.derived import rework_shares
from tui.match.index import CandidateIndex
from tui.match.kinds import TOPICAL_MIN
from tui.match.outlets import outlet_key as outlet_key  # where older callers find it
from tui.match.rarity import topical_overlap
from tui.match.shingles import sentence_key
from tui.store.db import in_query
from tui.store.matches import refresh_shared

MIN_STORIES = 3
STORY_OVERLAP = 0.5


def count_stories(
    articles: Iterable[int], size: Callable[[int], int], related: Callable[[int, int], bool]
) -> int:
    """How many unrelated stories `articles` (ids) hold: the longest first (by `size`,
    in sentences), each counted unless `related` to one already counted."""
    counted: list[int] = []
    for article in sorted(set(articles), key=lambda a: (-size(a), a)):
        if not any(related(article, other) for other in counted):
            counted.append(article)
    return len(counted)


class _Relations:
    """Sizes and one-story tests of an outlet's articles, from the index (an outlet's
    own pages are never matched with each other, so sentences are compared here)."""

    def __init__(self, index: CandidateIndex) -> None:
        self.index = index
        self.texts = functools.cache(self._texts)
        self.related = functools.cache(self._related)

    def _texts(self, article_id: int) -> frozenset[str]:
        folded = self.index.folded
        return frozenset(folded[s][1] for s in self.index.sentences_of.get(article_id, ()))

    def size(self, article_id: int) -> int:
        return len(self.texts(article_id))

    def _related(self, x: int, y: int) -> bool:
        """One story: on one event (their rare terms overlap, `rarity.topical_overlap`
        at least TOPICAL_MIN), or half the shorter one's sentences printed in the other
        (versions of an update, even lightly edited, share most of their lines)."""
        index = self.index
        if topical_overlap(index.terms_of(x), index.terms_of(y), index.rarity) >= TOPICAL_MIN:
            return True
        shorter, longer = sorted((self.texts(x), self.texts(y)), key=len)
        return len(shorter & longer) >= STORY_OVERLAP * max(1, len(shorter))

    def stories(self, articles: Iterable[int]) -> int:
        return count_stories(articles, self.size, self.related)


def _printed_under(index: CandidateIndex, sentences: Iterable[int]) -> set[int]:
    """The listed articles (latest versions) these sentences stand in."""
    return {
        article
        for sentence in sentences
        if (article := index.folded[sentence][0]) not in index.retired
    }


def detect(
    conn: sqlite3.Connection,
    index: CandidateIndex,
    outlet: str | None,
    fold_hashes: Iterable[int],
) -> list[int]:
    """The fold hashes of a new article's sentences that are now its outlet's boilerplate.

    Call once the article is stored, matched and learned by `index`, which
    knows each article's outlet key. Records and purges each one found (see
    `declare`).
    """
    if outlet is None:
        return []
    found = []
    relations = _Relations(index)
    verdicts: dict[frozenset[int], int] = {}
    for fold_hash in sorted(set(fold_hashes) - index.boilerplate):
        stored = index.by_fold.get(fold_hash, ())
        if len(stored) < MIN_STORIES:
            continue
        group = frozenset(_printed_under(index, stored))
        if {index.outlets.get(article) for article in group} != {outlet}:
            continue  # another outlet prints it too: story text, a wire's or a quote
        if len(group) < MIN_STORIES:
            continue
        if group not in verdicts:
            verdicts[group] = relations.stories(group)
        if verdicts[group] >= MIN_STORIES:
            declare(conn, index, fold_hash, outlet, verdicts[group])
            found.append(fold_hash)
    return found


def declare(
    conn: sqlite3.Connection, index: CandidateIndex, fold_hash: int, outlet: str, stories: int
) -> None:
    """Record a boilerplate line and undo what matching made of it.

    Its matches go; the sentences on either side are flagged shared again only
    if another match holds them; the derived shares of each article pair that
    lost a match are worked out again from what is left.
    """
    ids = index.by_fold.get(fold_hash, ())
    # one printing that still exists (the index outlives deletions)
    printed = in_query(conn, "SELECT text FROM sentences WHERE id IN ({}) ORDER BY id LIMIT 1", ids)
    if not printed:
        return
    conn.execute(
        "INSERT OR IGNORE INTO boilerplate (fold_hash, outlet, stories, text) VALUES (?, ?, ?, ?)",
        (fold_hash, outlet, stories, printed[0][0]),
    )
    index.mark_boilerplate(fold_hash)
    undo_matches(conn, index, ids)


def undo_matches(
    conn: sqlite3.Connection, index: CandidateIndex, sentence_ids: Iterable[int]
) -> None:
    """Remove every match holding one of `sentence_ids`.

    The sentences on either side are flagged shared again only if another match
    holds them; the derived shares of each article pair that lost a match are
    worked out again from what is left (`index` must have caught up).
    """
    ids = list(sentence_ids)
    lost = {
        tuple(row)
        for side in ("a_sentence", "b_sentence")
        for row in in_query(
            conn,
            "SELECT a_sentence, b_sentence, a_article, b_article FROM matches"
            f" WHERE {side} IN ({{}})",
            ids,
        )
    }
    if not lost:
        return
    for side in ("a_sentence", "b_sentence"):
        in_query(conn, f"DELETE FROM matches WHERE {side} IN ({{}})", ids)
    sentences = {row[0] for row in lost} | {row[1] for row in lost}
    refresh_shared(conn, sentences, {row[2] for row in lost} | {row[3] for row in lost})
    rework_shares(conn, index, [(row[2], row[3]) for row in lost])


def rekey(conn: sqlite3.Connection) -> None:
    """File each boilerplate line under its printing's fold hash again, after
    folding changed; a line that no longer folds to a key (too short) is dropped,
    and two lines that now fold alike are one."""
    rows = conn.execute("SELECT outlet, stories, text FROM boilerplate").fetchall()
    conn.execute("DELETE FROM boilerplate")
    conn.executemany(
        "INSERT OR IGNORE INTO boilerplate (fold_hash, outlet, stories, text) VALUES (?, ?, ?, ?)",
        [
            (key, outlet, stories, text)
            for outlet, stories, text in rows
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
    rows = conn.execute("SELECT id, text FROM sentences WHERE fold_hash IS NOT NULL")
    ids = [sentence_id for sentence_id, text in rows if is_furniture(text)]
    if ids:
        in_query(
            conn,
            "UPDATE sentences SET folded = NULL, fold_hash = NULL, shingles = NULL"
            " WHERE id IN ({})",
            ids,
        )
        index.forget_sentences(ids)
        undo_matches(conn, index, ids)
    return len(ids)


def scan(conn: sqlite3.Connection, index: CandidateIndex) -> list[int]:
    """Find every boilerplate line in a library stored before this check existed.

    `index` must have caught up with the library. Returns the fold hashes declared.
    """
    rows = conn.execute(
        "SELECT fold_hash FROM sentences WHERE fold_hash IS NOT NULL"
        " GROUP BY fold_hash HAVING COUNT(DISTINCT article_id) >= ?",
        (MIN_STORIES,),
    ).fetchall()
    found = []
    relations = _Relations(index)
    for (fold_hash,) in rows:
        by_outlet: dict[str | None, set[int]] = {}
        for article in _printed_under(index, index.by_fold.get(fold_hash, ())):
            by_outlet.setdefault(index.outlets.get(article), set()).add(article)
        if len(by_outlet) != 1 or None in by_outlet:  # story text several outlets print
            continue
        for outlet, articles in sorted(by_outlet.items()):
            if len(articles) >= MIN_STORIES:
                stories = relations.stories(articles)
                if stories >= MIN_STORIES:
                    declare(conn, index, fold_hash, outlet, stories)
                    found.append(fold_hash)
                    break
    return found
