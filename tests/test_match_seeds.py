"""Matching on the bundled seeds: the behaviour a reader sees first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.library import Library

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    path = tmp_path_factory.mktemp("seeds") / "lib.sqlite"
    with Library(path) as library:
        ids = {}
        for result in library.ingest([str(SEEDS)]):
            assert result.status == "added", result
            ids[Path(result.source).name[:3]] = result.article_id
    return {"path": path, **ids}  # type: ignore[dict-item]


def kinds_by_sentence(library: Library, article: int, other: int) -> dict[int, str]:
    return {m.a_i: m.kind for m in library.matches(article) if m.b_article == other}


def test_july_wire_copies_match_sentence_by_sentence(seeded) -> None:
    with Library(seeded["path"]) as library:
        wire = seeded["002"]
        sentences = library.sentences(wire)
        everything = {s.i for s in sentences}
        # 000 was saved without the lead; every other sentence is there verbatim.
        kinds = kinds_by_sentence(library, wire, seeded["000"])
        assert kinds == {i: "exact" for i in everything - {0}}
        # 001 prints it all, the lead with "Moscow:" in place of the dateline.
        kinds = kinds_by_sentence(library, wire, seeded["001"])
        assert kinds == {0: "near"} | {i: "exact" for i in everything - {0}}


def test_october_background_is_a_near_copy(seeded) -> None:
    with Library(seeded["path"]) as library:
        october = seeded["003"]
        kinds = kinds_by_sentence(library, october, seeded["002"])
        assert "near" in kinds.values()
        text = {s.i: s.text for s in library.sentences(october)}
        near = [text[i] for i, kind in kinds.items() if kind == "near"]
        assert any(t.startswith("After World War II, the entire archipelago") for t in near)
        assert any(t.startswith("In response, the Russian Foreign Ministry then") for t in near)


def test_october_quotes_and_rewrite_lead_match_nothing(seeded) -> None:
    with Library(seeded["path"]) as library:
        october = library.sentences(seeded["003"])
        matched = {m.a_i for m in library.matches(seeded["003"])}
        for sentence in october:
            if "Peskov" in sentence.text or "Takaichi" in sentence.text:
                assert sentence.i not in matched, sentence.text
        rewrite = library.sentences(seeded["004"])
        matched = {m.a_i for m in library.matches(seeded["004"])}
        assert rewrite[0].text.startswith("Due to the situation in Ukraine")
        assert not matched & {0, 1, 2}


def test_rewritten_background_matches_as_similar(seeded) -> None:
    with Library(seeded["path"]) as library:
        rewrite = seeded["004"]
        text = {s.i: s.text for s in library.sentences(rewrite)}
        similar = {text[m.a_i][:40] for m in library.matches(rewrite) if m.kind == "similar"}
        assert similar >= {
            "After the war, the entire archipelago wa",
            "The main obstacle to this is the dispute",
            "The Russian Ministry of Foreign Affairs ",
        }


def test_groups_name_the_earliest_outlet_as_origin(seeded) -> None:
    with Library(seeded["path"]) as library:
        groups = library.groups()
        assert groups, "seeds share sentences"
        biggest = groups[0]
        assert len(biggest.articles) >= 4
        origin = library.article(biggest.origin[0])
        assert origin is not None and origin.published == "2025-07-15"
