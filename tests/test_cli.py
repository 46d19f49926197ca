"""The command line contract: commands, exit codes, output shapes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.library import Library

FURNITURE = [
    "View All Result",
    "ShareTweet",
    "Related Posts",
    "Related Articles",
    "Previous Post",
    "Next Post",
    "Login to your account",
    "Forgotten Password",
    "All Rights Reserved",
    "Powered by",
    "Disclaimer",
    "Open in app",
    "Try Our AI Features",
    "No comments yet",
    "int/scor/rs",
    "Tags:",
    "Time of India",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def export(capsys: pytest.CaptureFixture[str], db: Path) -> dict:
    status, out, _ = run(capsys, "--db", str(db), "export", "--json")
    assert status == 0
    return json.loads(out)


def test_ingest_seeds_then_export(capsys, db_path: Path, seeds: Path) -> None:
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(seeds))
    assert status == 0, err
    assert out.count("added #") == 5
    assert "5 added, 0 already present, 0 failed" in err

    library = export(capsys, db_path)
    assert isinstance(library["matches"], list)
    articles = library["articles"]
    assert len(articles) == 5
    for article in articles:
        assert set(article) >= {"id", "source", "title", "outlet", "published", "byline"}
        assert {"credit", "text", "sentences"} <= set(article)
        assert Path(article["source"]).is_absolute()
        text = article["text"]
        for sentence in article["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        for phrase in FURNITURE:
            assert phrase not in text, (article["source"], phrase)
        paragraphs = text.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs)), "a repeated paragraph survived"
        assert "Kuril Islands" in text  # every seed carries the story's background


def test_seed_metadata(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    by_name = {Path(a["source"]).name[:3]: a for a in export(capsys, db_path)["articles"]}
    assert by_name["000"]["title"] == "Japan willing to resume peace talks with Russia"
    assert by_name["001"]["title"] == "Japan Willing To Resume Peace Talks With Russia"
    assert by_name["003"]["title"] == "Russia welcomes new Japanese govt's push for peace treaty"
    assert by_name["004"]["title"] == "Japan Wants to Conclude a Peace Treaty with Russia"
    assert by_name["001"]["published"] == "2025-07-15"
    assert by_name["002"]["published"] == "2025-07-15"
    assert by_name["003"]["published"] == "2025-10-24"
    for name in ("001", "002", "003"):
        assert by_name[name]["credit"] == "IANS"


def test_reingest_is_reported_as_present(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(seeds))
    assert status == 0
    assert out.count("already present") == 5
    assert len(export(capsys, db_path)["articles"]) == 5


def test_bad_sources_fail_alone(capsys, db_path: Path, seeds: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.html"
    good = seeds / "002_a925cdd380a090ad.txt"
    status, out, err = run(
        capsys, "--db", str(db_path), "ingest", str(empty), str(missing), str(binary), str(good)
    )
    assert status == 1
    lines = [line for line in err.splitlines() if line.startswith("copydesk: ")]
    assert len(lines) == 3
    assert any(str(empty) in line for line in lines)
    assert any(str(missing) in line for line in lines)
    assert any(str(binary) in line for line in lines)
    assert "1 added" in err
    assert len(export(capsys, db_path)["articles"]) == 1


def test_list_is_one_line_per_article(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    status, out, _ = run(capsys, "--db", str(db_path), "list")
    assert status == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) == 5 and all(len(row) == 5 for row in rows)
    assert all(row[0].isdigit() and row[4].isdigit() for row in rows)
    status, out, _ = run(capsys, "--db", str(db_path), "list", "--json")
    assert [article["id"] for article in json.loads(out)] == [int(r[0]) for r in rows]
    # one label for what a page does not say, in every command: never a file name
    outlets = {row[1] for row in rows}
    assert outlets == {"Ommcom News", "unknown outlet"}
    # every seed has a title: one that prints no headline is named by its lead
    assert all(article["title"] for article in json.loads(out))
    assert {row[3] for row in rows} >= {
        "Japan is open to resuming peace treaty negotiations with Russia"
        " as soon as conditions permit"
    }
    status, out, _ = run(capsys, "--db", str(db_path), "compare", "3", "2")
    assert "#3 unknown outlet, 2025-07-15: Japan" in out


def test_copydesk_db_environment_variable(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "ingest", str(seeds / "002_a925cdd380a090ad.txt"))
    assert db_path.exists()


def test_extract_json_does_not_store(capsys, db_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Storm hits coast | Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet"></head><body>'
        "<nav><a href='/'>Home</a><a href='/w'>World</a></nav><article><h1>Storm hits coast</h1>"
        + "".join(
            f"<p>Paragraph {n} tells the reader about the storm that hit the coast on "
            f"Tuesday night, and what the town council will do next about it.</p>"
            for n in range(6)
        )
        + "</article><footer>Copyright Daily Planet</footer></body></html>",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "extract", "--json", str(page))
    assert status == 0, err
    data = json.loads(out)
    assert data["title"] == "Storm hits coast"
    assert data["outlet"] == "Daily Planet"
    assert "Paragraph 5 tells" in data["text"]
    assert "\n\n" in data["text"]
    assert data["extractor"] == "readability"  # whose body was kept
    assert data["title_from"] == "page"  # and where the title came from
    assert not db_path.exists()


def test_extract_names_a_headline_less_dump_by_its_lead(capsys, tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(
        "BEIRUT (AP) — Rescuers pulled survivors from the rubble on Sunday, officials said.\n\n"
        "The search went on through the night as cranes lifted the collapsed roof.\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "extract", "--json", str(dump))
    assert status == 0, err
    data = json.loads(out)
    assert data["title"] == "Rescuers pulled survivors from the rubble on Sunday, officials said"
    assert data["title_from"] == "lead"


def test_extract_plain_text_and_failure(capsys, seeds: Path, tmp_path: Path) -> None:
    status, out, err = run(capsys, "extract", str(seeds / "004_881be3b2da86ddc3.txt"))
    assert status == 0 and "Kuril Islands" in out
    status, out, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert status == 1 and err.startswith("copydesk: ")


def test_ingest_stdin(capsys, db_path: Path, seeds: Path, monkeypatch) -> None:
    data = (seeds / "002_a925cdd380a090ad.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, err = run(capsys, "--db", str(db_path), "ingest", "-")
    assert status == 0, err
    assert export(capsys, db_path)["articles"][0]["source"] == "-"


def test_module_entry_point_prints_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("copydesk ")


def test_compare_by_id_and_fuzzy_title(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    status, out, _ = run(capsys, "--db", str(db_path), "compare", "--json", "2", "3")
    assert status == 0
    data = json.loads(out)
    assert data["left"]["id"] == 2 and data["right"]["id"] == 3
    aligned = [row for row in data["rows"] if row["left"] and row["right"]]
    # The Ommcom copy prints the whole IANS text: every sentence finds its partner.
    assert len(aligned) == len(data["rows"]) and all(row["kind"] for row in aligned)
    order = [row["left"]["i"] for row in aligned]
    assert order == sorted(order)
    status, out, _ = run(capsys, "--db", str(db_path), "compare", "--json", "russia welcoms", "2")
    assert status == 0 and json.loads(out)["left"]["id"] == 4
    status, out, err = run(capsys, "--db", str(db_path), "compare", "2", "zzzz qqqq")
    assert status == 1 and "no article matches" in err


def test_compare_prints_side_by_side(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    status, out, _ = run(capsys, "--db", str(db_path), "compare", "2", "4")
    assert status == 0
    assert "#2 Ommcom News" in out and "shared sentences aligned" in out
    assert "~" in out  # the October edits are marked as near copies


def test_shared_lists_groups_largest_first(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    status, out, _ = run(capsys, "--db", str(db_path), "shared", "--json")
    groups = json.loads(out)
    assert status == 0 and groups
    sizes = [len({member[0] for member in g["members"]}) for g in groups]
    assert sizes == sorted(sizes, reverse=True)
    assert groups[0]["origin"][0] in {2, 3}  # a July article printed it first
    # both July printings are dated 15 July with no time: a tie, said out loud
    assert groups[0]["origin_certain"] is False
    status, out, _ = run(capsys, "--db", str(db_path), "shared", "--kind", "similar", "--json")
    similar = json.loads(out)
    assert similar and all("similar" in g["kinds"] for g in similar)
    status, out, _ = run(capsys, "--db", str(db_path), "shared")
    assert status == 0 and "first: order unknown, same day: #" in out


def test_a_tie_between_undated_printings_is_not_called_the_same_day(
    capsys, db_path: Path, tmp_path: Path
) -> None:
    story = (
        "The harbour authority closed the northern pier on Tuesday after divers found "
        "cracks in three of its concrete pillars. Engineers will inspect the southern "
        "pier next week with sonar equipment borrowed from the navy."
    )
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(f"Pier closed\n\n{story}\n", encoding="utf-8")
    sources = [str(tmp_path / "one.txt"), str(tmp_path / "two.txt")]
    run(capsys, "--db", str(db_path), "ingest", *sources)
    status, out, _ = run(capsys, "--db", str(db_path), "shared")
    assert status == 0 and "first: order unknown, undated: #1" in out
    assert "same day" not in out


def test_export_carries_matches_and_groups(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(seeds))
    data = export(capsys, db_path)
    assert data["matches"] and data["groups"]
    pairs = {(tuple(m["a"]), tuple(m["b"])) for m in data["matches"]}
    assert len(pairs) == len(data["matches"])  # each pair once
    assert not any((b, a) in pairs for a, b in pairs)
    for m in data["matches"]:
        assert m["kind"] in {"exact", "near", "similar"} and 0 <= m["score"] <= 100
        assert m["a"][0] != m["b"][0]


def test_open_without_a_terminal_ingests_and_lists(capsys, db_path: Path, seeds: Path) -> None:
    status, out, err = run(capsys, "--db", str(db_path), str(seeds))
    assert status == 0
    assert len([line for line in out.splitlines() if "\t" in line]) == 5


# -- usage, and every command on small libraries -------------------------------


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["help"], ["--db", "x.db", "--help"]])
def test_help_prints_usage_and_exits_0(capsys, db_path: Path, args: list[str]) -> None:
    status, out, err = run(capsys, *args)
    assert status == 0 and err == ""
    assert out.startswith("usage: copydesk") and "compare" in out and "shared" in out
    assert not db_path.exists()


@pytest.mark.parametrize("command", ["ingest", "list", "export", "compare", "shared", "help"])
def test_help_command_prints_its_usage(capsys, db_path: Path, command: str) -> None:
    status, out, _ = run(capsys, "help", command)
    assert status == 0 and out.startswith(f"usage: copydesk {command}")
    assert not db_path.exists()


@pytest.mark.parametrize(
    "args", [["frobnicate"], ["--frobnicate"], ["list", "--frobnicate"], ["help", "nope"]]
)
def test_unknown_command_or_option_is_a_usage_error(capsys, db_path: Path, args) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert "usage: copydesk" in err
    assert not db_path.exists()  # nothing created


def test_a_bare_word_that_names_a_file_is_a_source(
    capsys, db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story").write_text("Harbour News\n\nThe harbour reopened on Monday after the storm.\n")
    status, out, _ = run(capsys, "story")  # no terminal: ingest and list
    assert status == 0 and f"added #1: {tmp_path / 'story'}" in out
    assert [line.split("\t")[0] for line in out.splitlines() if "\t" in line] == ["1"]


def _library_of(kind: str, tmp_path: Path, seeds: Path) -> Path:
    """An empty library, one with one article, or one where nothing is shared."""
    db = tmp_path / f"{kind}.sqlite"
    sources = {
        "empty": [],
        "one article": [seeds / "002_a925cdd380a090ad.txt"],
        "nothing shared": [seeds / "002_a925cdd380a090ad.txt", tmp_path / "other.txt"],
    }[kind]
    (tmp_path / "other.txt").write_text(
        "Valley Times\n\nA farmer found a hoard of coins while ploughing near the old mill.\n"
    )
    with Library(db) as library:
        assert all(r.status == "added" for r in library.ingest(map(str, sources)))
    return db


@pytest.mark.parametrize("kind", ["empty", "one article", "nothing shared"])
def test_every_command_on_small_libraries(capsys, tmp_path: Path, seeds: Path, kind: str) -> None:
    db = str(_library_of(kind, tmp_path, seeds))
    count = {"empty": 0, "one article": 1, "nothing shared": 2}[kind]

    status, out, err = run(capsys, "--db", db, "list")
    assert status == 0 and len(out.splitlines()) == count
    status, out, _ = run(capsys, "--db", db, "list", "--json")
    assert status == 0 and len(json.loads(out)) == count
    status, out, _ = run(capsys, "--db", db, "export", "--json")
    data = json.loads(out)
    assert status == 0 and len(data["articles"]) == count
    assert data["matches"] == [] and data["groups"] == []
    for args in (["shared"], ["shared", "--kind", "near"]):
        status, out, err = run(capsys, "--db", db, *args)
        assert status == 0 and out == "" and "No shared sentences." in err
    status, out, _ = run(capsys, "--db", db, "shared", "--json")
    assert status == 0 and json.loads(out) == []

    status, out, err = run(capsys, "--db", db, "compare", "999", "1")
    assert status == 1 and out == "" and err == "copydesk: no article matches '999'\n"
    status, out, err = run(capsys, "--db", db, "compare", "--json", "1", "2")
    if count == 2:
        rows = json.loads(out)["rows"]
        assert status == 0 and rows and not any(row["kind"] for row in rows)
    else:
        assert status == 1 and out == "" and len(err.splitlines()) == 1


@pytest.mark.parametrize("make", ["text file", "folder"])
def test_a_file_that_is_not_a_library_gives_one_line(capsys, tmp_path: Path, make: str) -> None:
    path = tmp_path / "lib.sqlite"
    if make == "folder":
        path.mkdir()
    else:
        path.write_text("Not a database.\n" * 100)
    for args in (["list"], ["shared", "--json"], ["ingest", str(path)], [str(tmp_path)]):
        status, out, err = run(capsys, "--db", str(path), *args)
        assert status == 1 and out == ""
        assert err.startswith(f"copydesk: {path}: cannot use as a library: ")
        assert len(err.splitlines()) == 1


def test_reading_commands_never_make_a_library(capsys, tmp_path: Path) -> None:
    path = tmp_path / "typo" / "lib.sqlite"
    for args in (["list"], ["export"], ["shared"], ["compare", "1", "2"]):
        status, out, err = run(capsys, "--db", str(path), *args)
        assert status == 1 and out == ""
        assert err == f"copydesk: {path}: no library here (copydesk ingest makes one)\n"
    assert not path.parent.exists()


def test_another_programs_database_is_left_alone(capsys, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    status, _, err = run(capsys, "--db", str(path), "list")
    assert status == 1 and "another program's database" in err
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"moz_places"}


@pytest.mark.parametrize("size", ["nan", "inf", "1e400", "0", "-5", "lots"])
def test_a_bad_max_size_is_a_usage_error(capsys, db_path: Path, size: str) -> None:
    status, out, err = run(capsys, "ingest", "--max-size", size, "x.txt")
    assert status == 2 and "--max-size" in err and not db_path.exists()


def test_max_size_before_or_after_the_command(capsys, db_path: Path, seeds: Path) -> None:
    seed = str(seeds / "002_a925cdd380a090ad.txt")
    status, _, err = run(capsys, "--max-size", "0.001", "ingest", seed)
    assert status == 1 and "too large" in err
    status, _, err = run(capsys, "ingest", "--max-size", "1", seed)
    assert status == 0


def test_compare_lookups(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "ingest", str(seeds))
    status, out, _ = run(capsys, "compare", "JAPAN WANTS TO CONCLUDE", "4")
    assert status == 0 and "#5 unknown outlet" in out  # titles ignore case
    status, out, err = run(capsys, "compare", "2", "#2")  # "#2" as commands print it
    assert status == 1 and err == "copydesk: both name the same article (#2)\n"
    status, out, err = run(capsys, "compare", "9" * 30, "1")
    assert status == 1 and err.startswith("copydesk: no article matches")


def test_delete_removes_an_article_and_what_it_shared(capsys, db_path: Path, seeds: Path) -> None:
    run(capsys, "ingest", str(seeds))
    with Library(db_path) as library:
        shared_before = {row.id: row.shared_count for row in library.articles()}
        partners = {other for other, _ in library.related(2)}
    status, out, err = run(capsys, "delete", "2", "99")
    assert status == 1 and out.startswith("deleted #2: ") and "no article #99" in err
    with Library(db_path) as library:
        rows = {row.id: row for row in library.articles()}
        assert 2 not in rows and library.article(2) is None
        assert all(d.source.id != 2 for ds in library.derived().values() for d in ds)
        assert any(rows[other].shared_count < shared_before[other] for other in partners)
    status, out, _ = run(capsys, "list")
    assert len(out.splitlines()) == 4


def _page(folder: Path, name: str, outlet: str, title: str, body: str) -> Path:
    path = folder / f"{name}.html"
    path.write_text(
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
        f"</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )
    return path


def test_compare_lists_the_candidates_of_an_ambiguous_reference(
    capsys, db_path: Path, seeds: Path
) -> None:
    run(capsys, "ingest", str(seeds))
    # Seeds 1 and 2 print the same title (one capitalised): neither is picked silently.
    status, out, err = run(capsys, "compare", "japan willing to resume peace talks", "4")
    assert status == 1 and out == ""
    head, *candidates = err.splitlines()
    assert head.startswith("copydesk: 'japan willing to resume peace talks' could be any of 2")
    assert sorted(candidates) == [
        "1\tunknown outlet\t-\tJapan willing to resume peace talks with Russia",
        "2\tOmmcom News\t2025-07-15\tJapan Willing To Resume Peace Talks With Russia",
    ]
    # Ids still name one article each.
    status, out, _ = run(capsys, "compare", "1", "2")
    assert status == 0 and "shared sentences aligned" in out


def test_compare_takes_outlet_names(capsys, db_path: Path, tmp_path: Path) -> None:
    story = (
        "The harbour board approved a new breakwater on Monday after ten years of debate. "
        "Work will start in spring and cost about 40 million dollars."
    )
    pages = [
        _page(tmp_path, "a", "Reuters", "Harbour board approves breakwater", story),
        _page(tmp_path, "b", "Coast Daily", "Breakwater approved at last", story),
        _page(tmp_path, "c", "Coast Daily", "Harbour vote: what comes next", story),
    ]
    assert run(capsys, "ingest", *map(str, pages))[0] == 0
    status, out, err = run(capsys, "compare", "--json", "reuters", "Breakwater approved")
    assert status == 0, err
    data = json.loads(out)
    assert (data["left"]["outlet"], data["right"]["outlet"]) == ("Reuters", "Coast Daily")
    status, out, err = run(capsys, "compare", "Reuters", "Coast Daily")
    assert status == 1 and out == ""
    lines = err.splitlines()
    assert "'Coast Daily' could be any of 2 articles" in lines[0]
    assert [line.split("\t")[1:2] for line in lines[1:]] == [["Coast Daily"], ["Coast Daily"]]
    assert {line.split("\t")[3] for line in lines[1:]} == {
        "Breakwater approved at last",
        "Harbour vote: what comes next",
    }
