"""Churnalism's check: which stored articles share text with a text, nothing stored."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.app_helpers import drive, wait_for_workers
from tui.cli import main
from tui.library import Library

WIRE = (
    "The river burst its banks near the old mill on Tuesday night, flooding forty homes. "
    "Firefighters rescued a family of five from the roof of their cottage before dawn. "
    '"The water rose faster than anyone here has ever seen," the fire chief told reporters. '
    "Officials said the bridge on the valley road would stay closed until engineers checked it."
)
DESK = (
    "Heavy rain hit the county all week. "
    "The river burst its banks near the old mill on Tuesday night, flooding forty homes. "
    "Firefighters rescued a family of five from the roof of their cottage before dawn. "
    '"The water rose faster than anyone here has ever seen," the fire chief told reporters. '
    "Schools in the valley will open late on Thursday, the council said."
)


@pytest.fixture
def library_with_wire(tmp_path: Path) -> Path:
    (tmp_path / "wire.txt").write_text(f"River floods mill town\n\n{WIRE}\n")
    (tmp_path / "other.txt").write_text(
        "Council budget approved\n\nThe council approved the budget for next year on Monday "
        "evening after a long debate about the price of parking in the town centre.\n"
    )
    path = tmp_path / "lib.sqlite"
    with Library(path) as library:
        assert [r.status for r in library.ingest([str(tmp_path / "wire.txt")])] == ["added"]
        assert [r.status for r in library.ingest([str(tmp_path / "other.txt")])] == ["added"]
    return path


def test_check_finds_the_article_and_its_passages_without_storing(
    library_with_wire: Path, tmp_path: Path
) -> None:
    desk = tmp_path / "desk.txt"
    desk.write_text(f"Floods in the valley\n\n{DESK}\n")
    with Library(library_with_wire) as library:
        before = len(library.articles())
        result = library.check(str(desk))
        assert len(library.articles()) == before  # nothing stored
    (found,) = result.found
    assert found.article.title == "River floods mill town"
    assert 0.5 < found.share < 1.0  # the desk's own sentences are not from the wire
    kinds = [p.kind for p in found.passages]
    assert kinds == ["exact", "quote"]
    assert found.passages[0].text.startswith("The river burst its banks")
    assert "Firefighters rescued" in found.passages[0].text  # a run of two sentences


def test_check_json_on_the_command_line_and_from_stdin(
    capsys: pytest.CaptureFixture[str], library_with_wire: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DESK.encode())))
    status = main(["--db", str(library_with_wire), "check", "-", "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    data = json.loads(out)
    assert data["source"] == "-" and data["words"] > 40
    (found,) = data["found"]
    assert set(found) == {"id", "outlet", "title", "share", "passages"}
    assert found["passages"][0] == {"text": found["passages"][0]["text"], "kind": "exact"}


def test_check_says_one_article_shares_text(
    capsys: pytest.CaptureFixture[str], library_with_wire: Path, tmp_path: Path
) -> None:
    desk = tmp_path / "desk.txt"
    desk.write_text(f"Floods in the valley\n\n{DESK}\n")
    assert main(["--db", str(library_with_wire), "check", str(desk)]) == 0
    out, _ = capsys.readouterr()
    assert "; 1 stored article shares text with it" in out


def test_check_a_text_that_shares_nothing_and_a_source_that_fails(
    capsys: pytest.CaptureFixture[str], library_with_wire: Path, tmp_path: Path
) -> None:
    lone = tmp_path / "lone.txt"
    lone.write_text("A cat sat on the warm windowsill all afternoon and watched the birds.\n")
    assert main(["--db", str(library_with_wire), "check", str(lone)]) == 0
    out, _ = capsys.readouterr()
    assert "0 stored articles share text with it" in out
    assert main(["--db", str(library_with_wire), "check", str(tmp_path / "missing.txt")]) == 1
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "missing.txt" in err


def test_check_from_the_app_with_pasted_text(library_with_wire: Path) -> None:
    async def script(app, pilot) -> None:
        app.action_check_text()
        await pilot.pause()
        app.screen.query_one(Input).value = DESK  # pasted in
        await pilot.press("enter")
        await wait_for_workers(app, pilot)
        assert type(app.screen).__name__ == "CheckScreen"
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        passages = str(app.screen.query_one("#check-passages").render())
        assert "The river burst its banks" in passages and "quote" in passages
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"

    drive(library_with_wire, script)


def test_check_leaves_out_the_sources_own_outlet(tmp_path: Path) -> None:
    """An outlet's own pages never match each other when added, so check does not
    offer them either: a stock line of its own is not shared text."""

    def page(name: str, outlet: str) -> Path:
        body = "".join(f"<p>{sentence}.</p>" for sentence in WIRE.split(". "))
        path = tmp_path / f"{name}.html"
        path.write_text(
            f'<html><head><title>{name}</title><meta property="og:site_name" content="{outlet}">'
            f"</head><body><article><h1>{name}</h1>{body}</article></body></html>"
        )
        return path

    stored = page("stored", "Harbour Gazette")
    with Library(tmp_path / "lib.sqlite") as library:
        assert [r.status for r in library.ingest([str(stored)])] == ["added"]
        own = library.check(str(page("own", "Harbour Gazette")))
        other = library.check(str(page("other", "Valley Post")))
    assert own.found == []
    assert [found.article.outlet for found in other.found] == ["Harbour Gazette"]
