"""Escape sequences and markup inside articles never reach the terminal or run.

Hostile pages (an HTML page with <title> and og:site_name, a plain-text dump)
carry CSI, OSC 52 (clipboard write) and C1 controls, and Rich/Textual markup,
in their text, title, outlet and file name. Every screen must show the markup
as the literal characters, with no link or click action attached, and no
ESC, BEL or C1 control may be in what the app draws.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from rich.segment import Segment

from tests.app_helpers import drive, wait_for_workers
from tui.app.app import CopydeskApp
from tui.app.widgets.article_table import ArticleTable
from tui.library import Library

ESCAPES = "\x1b[2J\x1b]52;c;aGVsbG8=\x07\x9b31m\x9d0;title\x07\x1b[0m"
MARKUP = "[bold red]x[/] [link=file:///etc]y[/link] [@click=app.quit]z[/]"
LITERALS = ("red]x[/]", "[link=file:///etc]y[/link]", "[@click=app.quit]z[/]")
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# File names cannot hold "/", so theirs is markup without closing tags.
NAME_MARKUP = "[@click=app.quit]q"  # first: outlet labels keep 24 characters


def sentences(tag: str) -> str:
    return " ".join(
        f"The council {MARKUP} met {ESCAPES} on day {n} to debate the {tag} budget for next year."
        for n in range(6)
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A library of two hostile articles sharing their sentences, and a hostile empty file."""
    folder = tmp_path_factory.mktemp("hostile")
    html = (
        f"<html><head><title>Budget {MARKUP} {ESCAPES}</title>"
        f'<meta property="og:site_name" content="Gazette {MARKUP} {ESCAPES}"></head>'
        f"<body><article><h1>Budget {MARKUP}</h1><p>{sentences('city')}</p>"
        f"<p>{sentences('city')}</p></article></body></html>"
    )
    (folder / f"{NAME_MARKUP}{ESCAPES}page.html").write_text(html)
    # a copy whose first sentence was edited, so the reader's panel prints its text
    edited = sentences("city").replace("for next year.", "for the next year.", 1)
    text = f"Budget {MARKUP} {ESCAPES}\n\n{edited}\n"
    (folder / f"{NAME_MARKUP}{ESCAPES}dump.txt").write_text(text)
    empty = tmp_path_factory.mktemp("empty") / f"{NAME_MARKUP}{ESCAPES}empty.txt"
    empty.write_bytes(b"")
    path = folder.parent / f"{folder.name}.sqlite"
    with Library(path) as library:
        assert [r.status for r in library.ingest([str(folder)])] == ["added", "added"]
    return path, empty


def rendered(app) -> tuple[str, list[Segment]]:
    """The current screen as the terminal would get it: text, and the styled segments."""
    strips = app.screen._compositor.render_strips()
    segments = [segment for strip in strips for segment in strip]
    text = "\n".join("".join(segment.text for segment in strip) for strip in strips)
    return text, segments


def assert_inert(app, *, literals: tuple[str, ...] = LITERALS) -> str:
    """Markup shows as written, nothing carries a link or click from it, no control gets out."""
    text, segments = rendered(app)
    assert not UNSAFE.search(text), repr(UNSAFE.findall(text))
    flat = " ".join(text.split())  # wrapped lines: look across line ends too
    for literal in literals:
        assert literal in text or literal in flat, literal
    for segment in segments:
        style = segment.style
        if style is None:
            continue
        assert not (style.link and "etc" in style.link), segment
        click = str((style.meta or {}).get("@click", ""))
        assert "app.quit" not in click, segment
    assert app.is_running and app.return_code is None
    return text


def test_library_reader_links_and_compare_show_markup_literally(hostile) -> None:
    path, _ = hostile

    async def script(app, pilot) -> None:
        assert app.screen.query_one(ArticleTable).row_count == 2
        assert_inert(app, literals=("Budget [bold red]x[/]", "Gazette [bold red]"))
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert_inert(app)
        links = app.screen.query_one("LinksPanel").text.plain
        assert "[@click=app.quit]z[/]" in links and not UNSAFE.search(links)
        await pilot.click("ArticleView", offset=(10, 8))  # clicks on the text do nothing else
        await pilot.press("n", "j")
        assert_inert(app)
        await pilot.press("c")
        assert type(app.screen).__name__ == "CompareScreen"
        assert_inert(app)
        await pilot.press("escape", "escape")
        table = app.screen.query_one(ArticleTable)
        unnamed = next(row.id for row in app.screen.rows if row.outlet is None)
        table.move_cursor(table.row_of(unnamed))
        await pilot.press("enter")
        assert app.screen.article_id == unnamed
        assert NAME_MARKUP in assert_inert(app)  # the file name stands in for the outlet

    drive(path, script, size=(120, 40))


def test_search_snippets_show_markup_literally(hostile) -> None:
    path, _ = hostile

    async def script(app, pilot) -> None:
        await pilot.press("slash", *"council")
        await wait_for_workers(app, pilot)
        assert app.screen.hits
        assert_inert(app, literals=("red]x[/]", "[link=file:///etc]y[/link]"))
        await pilot.press("ctrl+a", "ctrl+k", *"budget")
        await wait_for_workers(app, pilot)
        assert any(hit.i is None for hit in app.screen.hits)  # title hits
        assert_inert(app, literals=("red]x[/]",))

    drive(path, script, size=(120, 40))


def test_command_palette_lists_articles_literally(hostile) -> None:
    path, _ = hostile

    async def script(app, pilot) -> None:
        await pilot.press("ctrl+p")
        await wait_for_workers(app, pilot)  # discovery lists "Read: <title>" (a markup crash, once)
        assert_inert(app, literals=())
        await pilot.press(*"budget")
        await wait_for_workers(app, pilot)  # the palette searches in a worker
        text = assert_inert(app, literals=("Budget [bold red]x[/] [link=file:///etc]y[/link]",))
        assert "Read: Budget" in text and "Compare: Budget" in text
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ in ("ReaderScreen", "CompareScreen")
        assert_inert(app, literals=())

    drive(path, script, size=(120, 40))


def test_ingest_error_for_a_hostile_file_name_is_shown_literally(hostile, tmp_path) -> None:
    _, empty = hostile

    async def script(app, pilot) -> None:
        await wait_for_workers(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("empty" in m and NAME_MARKUP in m for m in messages), messages
        assert not any(UNSAFE.search(m) for m in messages)
        assert_inert(app, literals=(NAME_MARKUP,))

    async def main() -> None:
        app = CopydeskApp(tmp_path / "lib.sqlite", [str(empty)])
        async with app.run_test(size=(120, 40), notifications=True) as pilot:  # toasts drawn
            await script(app, pilot)

    asyncio.run(main())
