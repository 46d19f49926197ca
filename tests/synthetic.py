"""Synthetic articles for tests that need many (wire copy shared between outlets), and checks."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from tui.library import Library

_VOCABULARY = """
council minister harbour river budget union strike court ruling inquiry vaccine election
festival airport bridge factory drought flood market bank pension school hospital railway
museum senator mayor police treaty border export harvest storm
"""
WORDS = _VOCABULARY.split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 16))]
    return " ".join(words).capitalize() + "."


def write_articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` plain-text articles; each also prints two sentences of a shared wire story."""
    rng = random.Random(seed)
    wire = [_sentence(rng) for _ in range(10)]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        own = [_sentence(rng) for _ in range(8)]
        copied = rng.sample(wire, 2)
        body = [" ".join(own[:3]), " ".join(copied), " ".join(own[3:])]
        path = folder / f"article-{n:04d}.txt"
        path.write_text(f"Story number {n}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


TITLE_WORDS = [
    *("harbour", "council", "ferry", "budget", "river", "bridge", "school", "market"),
    *("station", "tunnel", "mayor", "report", "vote", "plan", "storm", "coast"),
    *("farmers", "prices", "road", "museum", "hospital"),
]


def write_titled_articles(folder: Path, count: int, seed: int) -> list[str]:
    """`count` plain-text articles with distinct titles; pairs share a sentence."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    titles = []
    for n in range(count):
        title = f"Generated story {seed}-{n} about the {rng.choice(TITLE_WORDS)}"
        topic = TITLE_WORDS[n % 7]
        shared = f"The {topic} committee said on Monday that work on story {n // 2} would go on."
        body = [shared] + [
            " ".join(rng.choice(TITLE_WORDS) for _ in range(12)).capitalize() + "."
            for _ in range(6)
        ]
        (folder / f"story-{seed}-{n:03}.txt").write_text(f"{title}\n\n" + " ".join(body) + "\n")
        titles.append(title)
    return titles


def assert_consistent(conn: sqlite3.Connection) -> None:
    """Every stored article is whole: its sentences, their search index, shared flags, counts."""
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")
    articles = conn.execute("SELECT id, text, sentence_count, shared_count FROM articles")
    for article_id, text, sentence_count, shared_count in articles.fetchall():
        sentences = conn.execute(
            "SELECT start, end, text, shared, EXISTS (SELECT 1 FROM matches"
            " WHERE a_sentence = sentences.id OR b_sentence = sentences.id)"
            " FROM sentences WHERE article_id = ? ORDER BY i",
            (article_id,),
        ).fetchall()
        assert len(sentences) == sentence_count > 0
        assert all(text[start:end] == sentence for start, end, sentence, _, _ in sentences)
        assert all(bool(shared) == bool(matched) for *_, shared, matched in sentences)
        assert shared_count == sum(shared for *_, shared, _ in sentences)


def article_count(db: Path) -> int:
    """Articles committed to the library at `db` (0 before it exists), from a new connection."""
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def matched_pairs(library: Library) -> set[tuple]:
    """Every match as ((file name, i), (file name, i), kind): comparable across libraries."""
    name = {row.id: Path(row.source).name for row in library.articles()}
    return {
        (*sorted([(name[m.a_article], m.a_i), (name[m.b_article], m.b_i)]), m.kind)
        for row in library.articles()
        for m in library.matches(row.id)
    }
