"""What an outlet prints under every story is not story text, so two stories never share it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.library import Library

CASES = Path(__file__).resolve().parent.parent.parent / "shared" / "cases"

STORIES = [
    [
        "Copper prices rose on Tuesday to their highest in three weeks as warehouse stocks fell.",
        "Traders said demand from cable makers had picked up after a slow start to the quarter.",
    ],
    [
        "Chile closed three ports in the south of the country on Thursday as a storm arrived.",
        "The navy said ships would not be allowed to leave until the weather improved again.",
    ],
]
TRAILERS = [
    ["Reporting by Ann Fowler; Editing by Kim Marsh", "Our Standards: The Trust Principles."],
    ["Additional reporting by Luis Pena, editing by Kim Marsh"],
    ["Copyright 2024 The Associated Press. All rights reserved."],
    ["© 2024 Harbour News Ltd. All rights reserved."],
    ["Read our editorial standards and corrections policy here."],
]


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


@pytest.mark.parametrize("trailer", TRAILERS, ids=lambda t: t[0][:20])
@pytest.mark.parametrize("shape", ["html", "text"])
def test_two_stories_with_one_trailer_share_nothing(tmp_path: Path, trailer, shape) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, story in enumerate(STORIES):
        if shape == "html":
            (folder / f"{n}.html").write_text(page(f"Story {n}", story + trailer))
        else:
            (folder / f"{n}.txt").write_text(f"Story {n}\n\n" + "\n\n".join(story + trailer))
    with Library(tmp_path / "lib.sqlite") as library:
        assert [r.status for r in library.ingest([str(folder)])] == ["added", "added"]
        for row in library.articles():
            texts = [s.text for s in library.sentences(row.id)]
            assert not any(line[:12] in " ".join(texts) for line in trailer), texts
            assert library.matches(row.id) == []


def test_the_agency_footer_case() -> None:
    if not (CASES / "15a_wire_boilerplate.html").exists():
        pytest.skip("../shared/cases is not beside this checkout")
    with Library(":memory:") as library:
        sources = [
            str(CASES / "15a_wire_boilerplate.html"),
            str(CASES / "15b_wire_boilerplate.html"),
        ]
        assert [r.status for r in library.ingest(sources)] == ["added", "added"]
        for row in library.articles():
            assert "Our Standards" not in library.article(row.id).text
            assert library.matches(row.id) == []
            assert library.article(row.id).credit == "Reuters"
