"""Boilerplate learned from the library: lines an outlet prints under unrelated stories.

Cleaning drops the trailers it can recognise by their words (standards notes,
copyright lines, "Reporting by ...; Editing by ..."; see tui/clean). What it
cannot know is an outlet's own stock lines: a newsletter pitch, a standard
background paragraph, a footer in another language. The library can: a
sentence (equal after folding) that one outlet printed in articles belonging
to at least MIN_STORIES different stories is boilerplate; so is a line only
that outlet ever printed, under OWN_LINE_STORIES different stories (a blog's
"Leave your questions below!" under two unrelated posts). A line other
outlets also printed needs the larger number: it may be a wire sentence that
the outlet reused in a follow-up. Boilerplate's matches are removed and it
is never matched again, so it is neither highlighted nor counted in shares.

Two articles of one outlet belong to one story when at least STORY_OVERLAP
of the shorter one's distinct sentences also stand in the other (versions of
an update share most of their text; unrelated stories share only the stock
lines). Stories are the connected groups under that relation.

Only articles whose outlet is known (the page's own name for it, or the host
of its URL) take part: a folder of saved pages from many outlets is not one
outlet, and a quote that several outlets took from one wire story must stay
shared text.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.match.derived import pair_shares

if TYPE_CHECKING:
    from tui.match.index import CandidateIndex

MIN_STORIES = 3
OWN_LINE_STORIES = 2
STORY_OVERLAP = 0.5


def outlet_key(outlet: str | None, source: str) -> str | None:
    """Who printed an article, for boilerplate: the outlet's name folded, or the URL's host.

    None when neither is known (a local file with no outlet named in it).
    """
    if outlet and outlet.strip():
        return " ".join(outlet.casefold().split())
    if "://" in source:
        host = urlsplit(source).hostname or ""
        return host.removeprefix("www.") or None
    return None


def count_stories(articles: Iterable[int], hashes_of: Callable[[int], set[int]]) -> int:
    """How many stories `articles` (ids) belong to; `hashes_of` gives an article's sentence hashes.

    Connected groups under "at least STORY_OVERLAP of the shorter article's
    distinct sentences stand in the other".
    """
    ids = sorted(set(articles))
    parent = {article: article for article in ids}

    def root(article: int) -> int:
        while parent[article] != article:
            parent[article] = parent[parent[article]]
            article = parent[article]
        return article

    for n, x in enumerate(ids):
        for y in ids[n + 1 :]:
            hx, hy = hashes_of(x), hashes_of(y)
            shorter = min(len(hx), len(hy))
            if shorter and len(hx & hy) >= STORY_OVERLAP * shorter:
                parent[root(x)] = root(y)
    return len({root(article) for article in ids})


def _hash_reader(conn: sqlite3.Connection) -> Callable[[int], set[int]]:
    """Article id -> its sentences' fold hashes, each article read once."""

    @functools.cache
    def hashes_of(article_id: int) -> set[int]:
        rows = conn.execute(
            "SELECT fold_hash FROM sentences WHERE article_id = ? AND fold_hash IS NOT NULL",
            (article_id,),
        )
        return {row[0] for row in rows}

    return hashes_of


def detect(
    conn: sqlite3.Connection,
    index: CandidateIndex,
    article_id: int,
    outlet: str | None,
    fold_hashes: Iterable[int],
) -> list[int]:
    """The fold hashes of a new article that are now known to be its outlet's boilerplate.

    Call after the article is stored and before it is matched; `index` holds
    every other stored sentence (and each article's outlet key). Records and
    purges each one found (see `declare`).
    """
    if outlet is None:
        return []
    found = []
    hashes_of = _hash_reader(conn)
    verdicts: dict[frozenset[int], int] = {}

    for fold_hash in sorted(set(fold_hashes) - index.boilerplate):
        stored = index.by_fold.get(fold_hash, ())
        if len(stored) < OWN_LINE_STORIES - 1:
            continue
        printers = {index.folded[sentence][0] for sentence in stored} - {article_id}
        same = {other for other in printers if index.outlets.get(other) == outlet}
        needed = MIN_STORIES if len(same) < len(printers) else OWN_LINE_STORIES
        if len(same) < needed - 1:
            continue
        group = frozenset(same | {article_id})
        if group not in verdicts:
            verdicts[group] = count_stories(group, hashes_of)
        if verdicts[group] >= needed:
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
    ids = sorted(index.by_fold.get(fold_hash, ()))
    if not ids:
        return
    conn.execute(
        "INSERT OR IGNORE INTO boilerplate (fold_hash, outlet, stories, text)"
        " SELECT ?, ?, ?, text FROM sentences WHERE id = ?",
        (fold_hash, outlet, stories, ids[0]),
    )
    index.mark_boilerplate(fold_hash)
    marks = ",".join("?" * len(ids))
    lost = conn.execute(
        f"SELECT a_sentence, b_sentence, a_article, b_article FROM matches"
        f" WHERE a_sentence IN ({marks}) OR b_sentence IN ({marks})",
        ids + ids,
    ).fetchall()
    if not lost:
        return
    conn.execute(
        f"DELETE FROM matches WHERE a_sentence IN ({marks}) OR b_sentence IN ({marks})", ids + ids
    )
    sentences = {row[0] for row in lost} | {row[1] for row in lost}
    refresh_shared(conn, sentences, {row[2] for row in lost} | {row[3] for row in lost})
    known: dict[int, dict[int, list[str]]] = {}
    for a, b in sorted({(row[2], row[3]) for row in lost}):
        share_a, share_b = pair_shares(conn, a, b, known)
        if share_a == 0 and share_b == 0:
            conn.execute(
                "DELETE FROM derived WHERE (article_id = ? AND source_id = ?)"
                " OR (article_id = ? AND source_id = ?)",
                (a, b, b, a),
            )
        else:
            conn.executemany(
                "INSERT OR REPLACE INTO derived (article_id, source_id, share) VALUES (?, ?, ?)",
                [(a, b, round(share_a, 4)), (b, a, round(share_b, 4))],
            )


def refresh_shared(
    conn: sqlite3.Connection, sentences: Iterable[int], articles: Iterable[int]
) -> None:
    """Set the shared flag of `sentences` from the matches left, and recount `articles`."""
    sentences = sorted(set(sentences))
    for start in range(0, len(sentences), 5000):
        chunk = sentences[start : start + 5000]
        conn.execute(
            "UPDATE sentences SET shared = EXISTS (SELECT 1 FROM matches"
            " WHERE a_sentence = sentences.id OR b_sentence = sentences.id)"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    conn.executemany(
        "UPDATE articles SET shared_count ="
        " (SELECT COUNT(*) FROM sentences WHERE article_id = articles.id AND shared = 1)"
        " WHERE id = ?",
        [(article,) for article in sorted(set(articles))],
    )


def scan(conn: sqlite3.Connection, index: CandidateIndex) -> list[int]:
    """Find every boilerplate line in a library stored before this check existed.

    `index` must have caught up with the library. Returns the fold hashes declared.
    """
    rows = conn.execute(
        "SELECT fold_hash FROM sentences WHERE fold_hash IS NOT NULL"
        " GROUP BY fold_hash HAVING COUNT(DISTINCT article_id) >= ?",
        (OWN_LINE_STORIES,),
    ).fetchall()
    found = []
    hashes_of = _hash_reader(conn)

    for (fold_hash,) in rows:
        by_outlet: dict[str | None, set[int]] = {}
        for sentence in index.by_fold.get(fold_hash, ()):
            article = index.folded[sentence][0]
            by_outlet.setdefault(index.outlets.get(article), set()).add(article)
        needed = MIN_STORIES if len(by_outlet) > 1 else OWN_LINE_STORIES
        for outlet, articles in sorted(by_outlet.items(), key=lambda item: str(item[0])):
            if outlet is not None and len(articles) >= needed:
                stories = count_stories(articles, hashes_of)
                if stories >= needed:
                    declare(conn, index, fold_hash, outlet, stories)
                    found.append(fold_hash)
                    break
    return found
