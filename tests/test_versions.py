"""Versions: one source or canonical URL with new content is one article, not another outlet."""

from __future__ import annotations

import io
from pathlib import Path

from tests.dam_story import PAGES, page_html, write_pages
from tui.cli import main
from tui.library import Library, version_label


def _write(path: Path, name: str, *, edit: tuple[str, str] | None = None, **changes: str) -> Path:
    html = page_html(name)
    page = PAGES[name]
    for field, value in changes.items():
        html = html.replace(str(page[field]), value)
    if edit:
        html = html.replace(*edit)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def _two_versions(library: Library, page: Path, **changes: str) -> None:
    """Ingest the wire from `page`, then its update (12,000 -> 13,500) from the same file."""
    list(library.ingest([str(_write(page, "wire"))]))
    _write(page, "wire", edit=("12,000", "13,500"), **changes)
    list(library.ingest([str(page)]))


def test_a_changed_page_from_the_same_source_is_version_two(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "wire.html"
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(_write(page, "wire"))]))
        (first,) = library.articles()
        _write(page, "wire", edit=("12,000", "13,500"))
        (result,) = list(library.ingest([str(page)]))
        assert result.status == "added"
        (listed,) = library.articles()  # one row: the latest version
        assert listed.id == result.article_id and listed.version == 2
        assert [row.version for row in library.versions(first.id)] == [1, 2]
        assert version_label(listed).startswith("v2 · updated ")
        assert library.article(first.id) is not None  # the old version stays readable


def test_a_version_never_counts_as_another_outlet(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, ["wire", "harbour-gazette"])
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(folder / "wire.html"), str(folder / "harbour-gazette.html")]))
        _write(folder / "wire.html", "wire", edit=("poor condition", "worrying condition"))
        list(library.ingest([str(folder / "wire.html")]))
        rows = library.articles()
        assert sorted(row.outlet for row in rows) == ["AP News", "Harbour Gazette"]
        for group in library.groups():
            assert len(group.articles) == 2  # the wire's latest version and the Gazette
        wire = next(row for row in rows if row.outlet == "AP News")
        for i in range(len(library.sentences(wire.id))):
            outlets = [link.article.outlet for link in library.links(wire.id, i)]
            assert "AP News" not in outlets


def test_the_same_canonical_url_from_a_file_and_a_later_copy_is_one_article(
    tmp_path: Path,
) -> None:
    saved = _write(tmp_path / "saved" / "dam.html", "wire")
    later = _write(
        tmp_path / "later" / "dam-updated.html", "wire", edit=("Tuesday", "Tuesday night")
    )
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(saved)]))
        (result,) = list(library.ingest([str(later)]))
        (listed,) = library.articles()
        assert listed.id == result.article_id and listed.version == 2


def test_the_same_text_under_the_same_canonical_url_is_already_present(tmp_path: Path) -> None:
    saved = _write(tmp_path / "saved" / "dam.html", "wire")
    again = tmp_path / "again" / "dam.html"
    again.parent.mkdir()
    again.write_text(saved.read_text() + "\n<!-- cached copy -->\n", encoding="utf-8")
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(saved)]))
        (result,) = list(library.ingest([str(again)]))
        assert result.status == "present"
        assert len(library.articles()) == 1


def test_a_syndicated_copy_pointing_its_canonical_at_the_wire_is_another_article(
    tmp_path: Path,
) -> None:
    wire = _write(tmp_path / "wire.html", "wire")
    gazette = _write(tmp_path / "gazette.html", "harbour-gazette", url=str(PAGES["wire"]["url"]))
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(wire), str(gazette)]))
        assert len(library.articles()) == 2


def test_the_reader_can_compare_two_versions(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite") as library:
        _two_versions(library, tmp_path / "wire.html")
        old, new = library.versions(library.articles()[0].id)
        rows = library.compare(old.id, new.id)
        kinds = [row.kind for row in rows if row.left and "residents" in row.left.text]
        assert kinds and kinds[0] in ("near", "similar", "partial")
        assert all(row.kind for row in rows)  # every sentence lines up with its new version


def test_list_json_lists_the_latest_version_once(tmp_path: Path, capsys) -> None:
    page = _write(tmp_path / "wire.html", "wire")
    db = str(tmp_path / "library.sqlite")
    assert main(["ingest", "--db", db, str(page)]) == 0
    _write(page, "wire", edit=("12,000", "13,500"))
    assert main(["ingest", "--db", db, str(page)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", db, "--json"]) == 0
    import json

    (article,) = json.loads(capsys.readouterr().out)
    assert article["version"] == 2
    assert article["url"] == PAGES["wire"]["url"]


def test_two_pipes_are_two_articles(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite") as library:
        for name in ("wire", "valley-times"):
            stdin = io.BytesIO(page_html(name).encode("utf-8"))
            (result,) = list(library.ingest(["-"], stdin=stdin))
            assert result.status == "added"
        assert len(library.articles()) == 2


def test_another_story_saved_under_the_same_name_is_an_article_of_its_own(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(_write(page, "wire"))]))
        other = page_html("wire").replace("<article>", "<article><p>x</p>")
        for paragraph in PAGES["wire"]["paragraphs"]:
            other = other.replace(str(paragraph), "A council vote on the harbour budget is due.")
        page.write_text(other, encoding="utf-8")
        (result,) = list(library.ingest([str(page)]))
        assert result.status == "added"
        assert [row.version for row in library.articles()] == [1, 1]


def test_an_unnamed_copy_pointing_its_canonical_at_the_original_stays_separate(
    tmp_path: Path,
) -> None:
    wire = _write(tmp_path / "wire.html", "wire")
    anonymous = _write(tmp_path / "copy.html", "harbour-gazette", url=str(PAGES["wire"]["url"]))
    anonymous.write_text(
        anonymous.read_text().replace('content="Harbour Gazette"', 'content=""'), encoding="utf-8"
    )
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(wire), str(anonymous)]))
        assert sorted(row.version for row in library.articles()) == [1, 1]


def test_an_update_that_restamps_its_publish_time_keeps_the_first_one(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite") as library:
        _two_versions(library, tmp_path / "wire.html", published="2025-03-04T16:00:00+00:00")
        (latest,) = library.articles()
        assert latest.version == 2
        assert latest.published == "2025-03-04T06:12:00+00:00"
        assert latest.modified == "2025-03-04T16:00:00+00:00"


def test_one_canonical_url_however_it_is_spelt_is_one_article(tmp_path: Path) -> None:
    url = str(PAGES["wire"]["url"])
    first = _write(tmp_path / "a" / "dam.html", "wire", url=url + "/")
    later = _write(
        tmp_path / "b" / "dam.html",
        "wire",
        url=url.replace("https://apnews.example", "HTTPS://APNews.example:443") + "#top",
        edit=("12,000", "13,500"),
    )
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(first), str(later)]))
        (listed,) = library.articles()
        assert listed.version == 2 and listed.url == url


def test_export_keeps_the_older_versions(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite") as library:
        _two_versions(library, tmp_path / "wire.html")
        data = library.export()
        assert [a["version"] for a in data["articles"]] == [2]
        (older,) = data["versions"]
        assert older["version"] == 1 and "12,000" in older["text"]
