"""The library's term counts are the same however its articles arrived: in one process
or many, with or without older versions, with or without articles too short to match."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tui.library import Library
from tui.match.index import CandidateIndex
from tui.matching import catch_up

FERRY = (
    "Ferry cut to weekdays\n\n"
    "The island ferry will stop running on Sundays from next month, the operator said. "
    "Fewer than forty passengers a week used the Sunday crossing last winter. "
    "Shopkeepers on the island said the change would cut them off from weekend visitors.\n"
)
ORCHARD = (
    "Frost hits orchards\n\n"
    "A late frost destroyed most of the apple blossom in the valley orchards this spring. "
    "Growers expect the smallest harvest in twenty years and fear for their seasonal staff.\n"
)
TOO_SHORT = "Share this\n\nShare. More.\n"  # stored, but no sentence long enough to match


def counts(index: CandidateIndex) -> tuple[int, dict[str, int]]:
    """(articles counted, term -> articles holding it) of an index's rarity."""
    rarity = index.rarity
    return rarity.articles, {term: rarity.df(term) for term in rarity.ids if rarity.df(term)}


def read_back(path: Path) -> tuple[int, dict[str, int]]:
    """The counts a new process learns from the library."""
    with Library(path) as library:
        index = CandidateIndex()
        catch_up(library.conn, index)
        return counts(index)


def test_an_article_too_short_to_match_is_not_counted(tmp_path: Path) -> None:
    for name, text in [("a", FERRY), ("b", TOO_SHORT), ("c", ORCHARD)]:
        (tmp_path / f"{name}.txt").write_text(text)
    path = tmp_path / "lib.sqlite"
    with Library(path) as library:
        statuses = [r.status for r in library.ingest([str(tmp_path / f"{n}.txt") for n in "abc"])]
        assert statuses == ["added"] * 3
        live = counts(library._candidates)
    assert live[0] == 2
    assert live == read_back(path)


def test_a_retired_version_leaves_the_counts(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    (tmp_path / "orchard.txt").write_text(ORCHARD)
    path = tmp_path / "lib.sqlite"
    with Library(path) as library:
        source.write_text(FERRY)
        assert [r.status for r in library.ingest([str(source)])] == ["added"]
        assert [r.status for r in library.ingest([str(tmp_path / "orchard.txt")])] == ["added"]
    with Library(path) as library:  # a new process: it counts the first version first
        source.write_text(FERRY.replace("forty", "fifty"))
        assert [r.status for r in library.ingest([str(source)])] == ["added"]
        live = counts(library._candidates)
        assert len(library.articles()) == 2
    assert live[0] == 2
    assert live == read_back(path)
    assert live[1].get("forty", 0) == 0
    assert live[1]["fifty"] == 1


def test_rarity_remove_undoes_add() -> None:
    index = CandidateIndex()
    before = index.rarity.articles
    assert index.rarity.add({"harbour", "ferry"})
    ids = index.rarity.ids_of({"harbour", "ferry"})
    index.rarity.remove(ids)
    assert index.rarity.articles == before
    assert not np.any(index.rarity._df[ids])
    assert not index.rarity.add(set())
