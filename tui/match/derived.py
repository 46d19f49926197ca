"""How much of one article's text another printed: the derived share of a pair.

For articles A and B, A's share from B is the part of A's words (tokens, see
`tui.text.normalize.words`) that stand in B: for each of A's sentences matched
to B, the words of the longest common subsequence with its best match there
(all of them for an exact copy, the kept words for a trimmed one), summed and
divided by all of A's words. This is containment over aligned spans rather
than the share of whole sentences matched: an editor who trims every wire
sentence still printed most of the wire's words. Which of the pair is derived
depends on who printed first, which is the library's call (tui/library.py);
both directions are stored.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz.distance import LCSseq

from tui.match.verify import profile
from tui.text.normalize import WORD_PATTERN, words


def _tokens(conn: sqlite3.Connection, article_id: int) -> dict[int, list[str]]:
    """Sentence id -> tokens; the folded text stored for matching saves folding again."""
    rows = conn.execute(
        "SELECT id, folded, text FROM sentences WHERE article_id = ?", (article_id,)
    )
    return {
        sentence_id: WORD_PATTERN.findall(folded) if folded is not None else words(text)
        for sentence_id, folded, text in rows
    }


def pair_shares(
    conn: sqlite3.Connection, a: int, b: int, known: dict[int, dict[int, list[str]]] | None = None
) -> tuple[float, float]:
    """(A's share from B, B's share from A), each 0-1, from the stored matches.

    `known` caches articles' sentence tokens across calls (article id -> sentence id -> tokens).
    """
    known = {} if known is None else known
    for article in (a, b):
        if article not in known:
            known[article] = _tokens(conn, article)
    of_a, of_b = known[a], known[b]
    tokens = {**of_a, **of_b}
    best: dict[int, int] = defaultdict(int)  # sentence id -> its words found on the other side
    rows = conn.execute(
        "SELECT a_sentence, b_sentence FROM matches WHERE (a_article = ? AND b_article = ?)"
        " OR (a_article = ? AND b_article = ?)",
        (a, b, b, a),
    )
    for x, y in rows:
        common = LCSseq.similarity(tokens[x], tokens[y])
        best[x] = max(best[x], common)
        best[y] = max(best[y], common)
    return _share(of_a, best), _share(of_b, best)


def _share(tokens: dict[int, list[str]], best: dict[int, int]) -> float:
    total = sum(len(words) for words in tokens.values())
    return min(1.0, sum(best.get(i, 0) for i in tokens) / total) if total else 0.0


def store_shares(
    conn: sqlite3.Connection,
    article_id: int,
    pairs: Iterable[tuple[int, int, int]],
    folded: Mapping[int, str],
    total: int,
) -> None:
    """Store the shares between a newly matched article and each article it matched.

    `pairs` are (its sentence id, the other sentence id, the other article id) for
    every match just made; `folded` gives both sides' folded text by sentence id;
    `total` is the new article's token count. Works from what matching already
    holds in memory, so a new article costs one LCS per match and one query.
    """
    # other article -> {sentence id -> its words found on the other side}, for both sides
    here_best: dict[int, dict[int, int]] = defaultdict(dict)
    there_best: dict[int, dict[int, int]] = defaultdict(dict)
    tokens: dict[int, Sequence[str]] = {}
    for here, there, other in pairs:
        for sentence in (here, there):
            if sentence not in tokens:  # the verifier's cached profile: tokenized once
                tokens[sentence] = profile(folded[sentence]).words
        common = LCSseq.similarity(tokens[here], tokens[there])
        for best, sentence in ((here_best[other], here), (there_best[other], there)):
            best[sentence] = max(best.get(sentence, 0), common)
    conn.execute("UPDATE articles SET tokens = ? WHERE id = ?", (total, article_id))
    totals = _totals(conn, list(here_best))
    rows = []
    for other, best in here_best.items():
        rows.append((article_id, other, _ratio(sum(best.values()), total)))
        rows.append((other, article_id, _ratio(sum(there_best[other].values()), totals[other])))
    conn.executemany(
        "INSERT OR REPLACE INTO derived (article_id, source_id, share) VALUES (?, ?, ?)", rows
    )


def _ratio(found: int, total: int) -> float:
    return round(min(1.0, found / total), 4) if total else 0.0


def _totals(conn: sqlite3.Connection, articles: list[int]) -> dict[int, int]:
    """Articles' token counts; counted once from their sentences where not stored yet."""
    totals = {}
    for article in articles:
        (stored,) = conn.execute("SELECT tokens FROM articles WHERE id = ?", (article,)).fetchone()
        if stored is None:
            stored = sum(len(words) for words in _tokens(conn, article).values())
            conn.execute("UPDATE articles SET tokens = ? WHERE id = ?", (stored, article))
        totals[article] = stored
    return totals


def rework_shares(conn: sqlite3.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """Work out the shares of article pairs again from their stored matches.

    A pair left with no matched words (both shares 0) loses its rows.
    """
    known: dict[int, dict[int, list[str]]] = {}
    rows, gone = [], []
    for a, b in sorted({tuple(sorted(pair)) for pair in pairs}):
        share_a, share_b = pair_shares(conn, a, b, known)
        if share_a == 0 and share_b == 0:
            gone += [(a, b), (b, a)]
        else:
            rows += [(a, b, round(share_a, 4)), (b, a, round(share_b, 4))]
    conn.executemany("DELETE FROM derived WHERE article_id = ? AND source_id = ?", gone)
    conn.executemany(
        "INSERT OR REPLACE INTO derived (article_id, source_id, share) VALUES (?, ?, ?)", rows
    )


def backfill(conn: sqlite3.Connection) -> None:
    """Shares for every matched pair (a library made before shares were stored)."""
    rework_shares(conn, conn.execute("SELECT DISTINCT a_article, b_article FROM matches"))
