"""Provenance in the app, on the dam story (a wire and four reprints with publish times):
who was first, the facts a copy changed, the changed-facts filter, versions, the way back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app_helpers import drive, wait_for_workers
from tests.dam_story import PAGES, write_pages
from tui.app.app import CopydeskApp
from tui.app.screens.compare import CompareScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.links_panel import LinksPanel
from tui.library import Library


@pytest.fixture
def dam_library(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The five pages, the rewrite that changed the numbers ingested first; outlet -> id."""
    paths = write_pages(tmp_path / "pages")
    db = tmp_path / "library.sqlite"
    with Library(db) as library:
        results = list(library.ingest([str(p) for p in paths]))
        assert [r.status for r in results] == ["added"] * 5
        ids = {row.outlet or "": row.id for row in library.articles()}
    return db, ids


def _update_wire(db: Path, tmp_path: Path, old: str, new: str) -> int:
    """Edit the wire's saved page and ingest it again; the new version's id."""
    wire = tmp_path / "pages" / "wire.html"
    wire.write_text(wire.read_text().replace(old, new), encoding="utf-8")
    with Library(db) as library:
        (result,) = list(library.ingest([str(wire)]))
    assert result.status == "added" and result.article_id is not None
    return result.article_id


async def _open(app: CopydeskApp, pilot: Pilot, article_id: int) -> ReaderScreen:
    app.open_article(article_id, 0)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def test_the_wire_is_first_and_the_panel_lists_the_changed_figures(dam_library) -> None:
    db, ids = dam_library

    async def script(app: CopydeskApp, pilot: Pilot) -> None:
        reader = await _open(app, pilot, ids["AP News"])
        text = reader.query_one(LinksPanel).text.plain
        assert "★ First printed here" in text
        assert "Changed there: 12,000 → 15,000" in text and "Tuesday → Monday" in text
        assert "here:  " in text and "there: " in text  # one above the other, never merged
        header = reader.query_one(ArticleView)._meta
        assert "2025-03-04 06:12 +00:00" in header
        assert str(PAGES["wire"]["url"]) in header

        reader = await _open(app, pilot, ids["Valley Times"])  # added first, printed last
        text = reader.query_one(LinksPanel).text.plain
        assert "★ First: AP News, 2025-03-04 06:12 +00:00" in text
        # read from the first printing to this copy, and said to be this copy's change
        assert "Changed here: 12,000 → 15,000" in text

    drive(db, script)


def test_the_changed_facts_filter_finds_the_copies_that_changed_facts(dam_library) -> None:
    db, ids = dam_library

    async def script(app: CopydeskApp, pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("x")
        await wait_for_workers(app, pilot)
        shown = {row.outlet for row in screen._visible()}
        # the rewrite (figures, weekday), the trim (the weekday dropped), the misspelt name
        assert shown == {"Valley Times", "Riverside Post", "Northern Ledger"}
        assert "copies that changed facts" in screen._status
        await pilot.press("x")
        assert len(screen._visible()) == 5

    drive(db, script)


def test_o_opens_the_canonical_url_in_the_browser(
    dam_library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, ids = dam_library
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))
    # webbrowser reads $BROWSER once, when it first registers browsers
    import webbrowser

    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})

    async def script(app: CopydeskApp, pilot: Pilot) -> None:
        await _open(app, pilot, ids["AP News"])
        await pilot.press("o")
        await wait_for_workers(app, pilot)

    drive(db, script)
    assert opened.read_text(encoding="utf-8").split() == [PAGES["wire"]["url"]]


def test_y_copies_the_url_and_shift_y_the_sentence(dam_library) -> None:
    db, ids = dam_library

    async def script(app: CopydeskApp, pilot: Pilot) -> None:
        reader = await _open(app, pilot, ids["Harbour Gazette"])
        await pilot.press("y")
        assert app.clipboard == PAGES["harbour-gazette"]["url"]
        await pilot.press("j", "Y")
        assert app.clipboard == reader.sentences[1].text
        assert "could then fail" in app.clipboard

    drive(db, script)


def test_v_compares_a_new_version_with_the_one_before(dam_library, tmp_path: Path) -> None:
    db, ids = dam_library
    new_id = _update_wire(db, tmp_path, "12,000", "13,500")

    async def script(app: CopydeskApp, pilot: Pilot) -> None:
        library_screen = app.screen
        assert isinstance(library_screen, LibraryScreen)
        titles = [row.label_title for row in library_screen._visible()]
        assert len(titles) == 5  # the old version is not a row of its own
        cell = library_screen._title_cell(app.library.article(new_id))  # type: ignore[arg-type]
        assert "v2 · updated " in cell.plain
        reader = await _open(app, pilot, new_id)
        assert "v2 · updated " in reader.query_one(ArticleView)._meta
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)

    drive(db, script)


def test_a_version_is_not_another_outlet_in_the_panel(dam_library, tmp_path: Path) -> None:
    db, ids = dam_library
    _update_wire(db, tmp_path, "poor condition", "bad condition")
    with Library(db) as library:
        latest = next(row for row in library.articles() if row.outlet == "AP News")
        for i in range(6):
            outlets = [link.article.outlet for link in library.links(latest.id, i)]
            assert "AP News" not in outlets
    assert os.path.exists(db)
