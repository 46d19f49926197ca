"""The command line's provenance contract: times, origin, changes and diffs in JSON and in pipes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.dam_story import PAGES, write_pages
from tui.cli import main


@pytest.fixture
def dam_db(tmp_path: Path, capsys) -> tuple[str, dict[str, int]]:
    """The dam story ingested rewrite first; outlet -> id."""
    db = str(tmp_path / "library.sqlite")
    paths = write_pages(tmp_path / "pages")
    assert main(["ingest", "--db", db, *map(str, paths)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return db, {row["outlet"]: row["id"] for row in rows}


def _out(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_list_json_carries_times_with_zones_urls_and_versions(dam_db, capsys) -> None:
    db, ids = dam_db
    rows = {row["outlet"]: row for row in json.loads(_out(capsys, "list", "--db", db, "--json"))}
    wire = rows["AP News"]
    assert wire["published"] == "2025-03-04T06:12:00+00:00"
    assert wire["url"] == PAGES["wire"]["url"]
    assert wire["version"] == 1 and "modified" in wire
    assert rows["Northern Ledger"]["published"] == "2025-03-04"  # only the day is known
    assert rows["Riverside Post"]["published"] == "2025-03-04T02:15:00-05:00"  # its own zone


def test_compare_json_carries_changes_and_the_word_diff(dam_db, capsys) -> None:
    db, ids = dam_db
    data = json.loads(
        _out(capsys, "compare", "--db", db, "--json", str(ids["AP News"]), str(ids["Valley Times"]))
    )
    changed = [row for row in data["rows"] if row["changes"]]
    assert changed
    changes = changed[0]["changes"]
    assert {"type": "number", "a": "12,000", "b": "15,000"} in changes
    assert {"type": "date", "a": "Tuesday", "b": "Monday"} in changes
    ops = {part["op"] for part in changed[0]["diff"]}
    assert "replace" in ops and "equal" in ops
    assert {"op": "replace", "a": "12,000", "b": "15,000"} in changed[0]["diff"]


def test_compare_piped_marks_the_changed_words(dam_db, capsys) -> None:
    db, ids = dam_db
    out = _out(capsys, "compare", "--db", db, str(ids["AP News"]), str(ids["Valley Times"]))
    flat = " ".join(out.split())
    assert "[-12,000-] {+15,000+}" in flat
    assert "12,000 → 15,000 (number)" in flat


def test_shared_json_names_a_certain_origin(dam_db, capsys) -> None:
    db, ids = dam_db
    groups = json.loads(_out(capsys, "shared", "--db", db, "--json"))
    assert groups
    for group in groups:
        assert group["origin"][0] == ids["AP News"] and group["origin_certain"] is True


def test_export_matches_carry_changes_and_diffs(dam_db, capsys) -> None:
    db, ids = dam_db
    data = json.loads(_out(capsys, "export", "--db", db))
    assert all("changes" in m and "diff" in m for m in data["matches"])
    assert any(c["type"] == "name" for m in data["matches"] for c in m["changes"])  # Vargas
    assert all("origin_certain" in g for g in data["groups"])


def test_extract_json_has_the_contract_fields(tmp_path: Path, capsys) -> None:
    (page,) = write_pages(tmp_path / "pages", ["wire"])
    article = json.loads(_out(capsys, "extract", "--json", str(page)))
    assert article["published"] == "2025-03-04T06:12:00+00:00"
    assert article["url"] == PAGES["wire"]["url"]
    assert article["version"] is None  # not stored, so no version yet
