"""How much of an article is copied, and from whom (the derived share)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.library import Library

WIRE = [
    "The city council approved a new budget for the harbour on Tuesday after a long debate.",
    "The plan sets aside 40 million dollars to repair the old sea wall before next winter.",
    "Opposition members said the repairs should have started three years ago, when storms hit.",
    "Work is due to begin in March and should take about eighteen months to complete.",
]
OWN = [
    "Fishermen at the north quay said they had waited a decade for the sea wall to be fixed.",
    "One of them, who has worked the harbour for forty years, called the vote long overdue.",
]


def write(folder: Path, name: str, published: str, sentences: list[str]) -> None:
    head = f'<meta property="article:published_time" content="{published}">'
    body = "".join(f"<p>{s}</p>" for s in sentences)
    html = f"<html><head><title>{name}</title>{head}</head><body><article><h1>{name}</h1>{body}"
    (folder / f"{name}.html").write_text(html + "</article></body></html>")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "pages"
    folder.mkdir()
    write(
        folder,
        "rewrite",
        "2025-03-05T10:00:00Z",
        [WIRE[0], WIRE[1].split(" before")[0] + "."] + OWN,
    )
    write(folder, "wire", "2025-03-03T08:00:00Z", WIRE)  # dates only: see issue 12
    write(folder, "reprint", "2025-03-04T12:00:00Z", WIRE)
    write(
        folder,
        "other",
        "2025-03-04T09:00:00Z",
        OWN[:1] + ["A farmer found a hoard of coins near the old mill on Sunday morning."],
    )
    lib = Library(tmp_path / "lib.sqlite")
    assert all(r.status == "added" for r in lib.ingest([str(folder)]))
    yield lib
    lib.close()


def ids(library: Library) -> dict[str, int]:
    return {row.title: row.id for row in library.articles()}


def test_the_share_counts_words_over_aligned_spans(library: Library) -> None:
    a = ids(library)
    derived = library.derived()
    assert a["wire"] not in derived  # printed first: derived from nothing
    (reprint,) = derived[a["reprint"]]
    assert reprint.source.id == a["wire"] and reprint.share == 1.0
    rewrite = {d.source.id: d.share for d in derived[a["rewrite"]]}
    # one whole sentence and one trimmed one of the wire, then two of its own
    words = [len(s.split()) for s in (WIRE[0], WIRE[1].split(" before")[0], *OWN)]
    assert rewrite[a["wire"]] == pytest.approx((words[0] + words[1]) / sum(words), abs=0.02)
    assert rewrite[a["other"]] < rewrite[a["wire"]]


def test_the_later_article_is_the_derived_one(library: Library) -> None:
    a = ids(library)
    later, derivation = library.derived_between(a["wire"], a["reprint"])
    assert later == a["reprint"] and derivation.source.id == a["wire"]


def test_deleting_the_source_removes_the_share(library: Library) -> None:
    a = ids(library)
    library.delete(a["wire"])
    assert a["wire"] not in {d.source.id for ds in library.derived().values() for d in ds}


def test_list_json_and_export_carry_the_shares(library: Library, capsys) -> None:
    a = ids(library)
    path = str(library.path)
    assert main(["--db", path, "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[a["reprint"]]["derived"] == [
        {"from": a["wire"], "share": 1.0, "certain": True, "quotes": 0}
    ]
    assert rows[a["wire"]]["derived"] == []
    assert main(["--db", path, "export", "--json"]) == 0
    exported = {x["id"]: x for x in json.loads(capsys.readouterr().out)["articles"]}
    assert exported[a["reprint"]]["derived"] == [
        {"from": a["wire"], "share": 1.0, "certain": True, "quotes": 0}
    ]
    assert main(["--db", path, "compare", "--json", str(a["rewrite"]), str(a["wire"])]) == 0
    derived = json.loads(capsys.readouterr().out)["derived"]
    assert derived["article"] == a["rewrite"] and derived["from"] == a["wire"]
    assert 0.3 < derived["share"] < 0.6


def test_a_library_from_before_shares_gets_them_on_open(library: Library) -> None:
    before = library.derived()
    library.conn.execute("DELETE FROM derived")
    with Library(library.path) as reopened:
        assert reopened.derived() == before
