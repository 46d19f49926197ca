"""The reader screen: cursor keys, the links panel, literal text, small terminals.

pytest-asyncio is not a dependency, so each test runs its Pilot session
with asyncio.run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import CopydeskApp
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.links_panel import LinksPanel
from tui.library import Library

WIRE = 2  # Ommcom News, 15 July: all 17 sentences are IANS wire copy
LATER = 4  # 24 October: 7 of 16 sentences reuse the July wire story
MARKUP_TEXT = """\
Local council approves new [bold red]x[/] budget for the harbour district.

The mayor said the plan, written in [link=http://x]brackets[/link] by staff, would fund \
three new ferries and a repaired sea wall before winter.

Residents will be able to comment on the proposal at a public meeting next Tuesday evening.
"""


@pytest.fixture
def library_path(db_path: Path, seeds: Path, tmp_path: Path) -> Path:
    """The five seeds (ids 1-5) plus a local story that shares nothing and holds markup (6)."""
    markup = tmp_path / "council.txt"
    markup.write_text(MARKUP_TEXT, encoding="utf-8")
    with Library(db_path) as library:
        results = list(library.ingest([str(seeds), str(markup)]))
    assert [r.status for r in results] == ["added"] * 6
    return db_path


Session = Callable[[Pilot, ReaderScreen, ArticleView, LinksPanel], Awaitable[None]]


def run_reader(
    path: Path, article_id: int, check: Session, sentence: int | None = None, size=(120, 40)
) -> None:
    """Open the reader on one article and hand the pieces to `check`."""

    async def session() -> None:
        app = CopydeskApp(path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.open_article(article_id, sentence)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            await check(pilot, screen, screen.query_one(ArticleView), screen.query_one(LinksPanel))

    asyncio.run(session())


def test_j_k_g_G_move_one_sentence_or_to_the_ends(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel) -> None:
        assert view.cursor == 0
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        await pilot.press("k", "up")
        assert view.cursor == 1
        await pilot.press("G")
        assert view.cursor == len(view.sentences) - 1
        await pilot.press("j")  # stays on the last sentence
        assert view.cursor == len(view.sentences) - 1
        await pilot.press("g")
        assert view.cursor == 0
        assert panel.text.plain.startswith("Sentence 1 of 17")

    run_reader(library_path, WIRE, check)


def test_n_and_N_visit_only_shared_sentences_and_wrap_round(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel) -> None:
        shared = sorted(view.kinds)
        assert 0 < len(shared) < len(view.sentences)
        visited = []
        for _ in shared:
            await pilot.press("n")
            visited.append(view.cursor)
        assert visited == [i for i in shared if i > 0] + [i for i in shared if i <= 0]
        await pilot.press("N")
        assert view.cursor == visited[-2]
        await pilot.press("g", "N")  # before the first shared sentence: wrap to the last
        assert view.cursor == shared[-1]

    run_reader(library_path, LATER, check)


def test_the_panel_follows_the_cursor_before_the_next_frame(library_path: Path) -> None:
    """The panel is updated in the same step as the cursor, so one frame shows both (a
    message reached the panel a frame later: 13-50 ms on every jump at 100,000
    articles)."""

    async def check(pilot: Pilot, screen, view: ArticleView, panel) -> None:
        for i in (3, 7, 1):
            view.move_to(i)  # no await: nothing else runs in between
            assert panel.text.plain.startswith(f"Sentence {i + 1} of 17")

    run_reader(library_path, WIRE, check)


def test_panel_lists_the_july_printings_and_who_was_first(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        text = panel.text.plain
        assert "Printed by 3 other articles" in text
        # both July printings are dated 15 July without a time: a tie, no star
        assert "First: order unknown, same day (2025-07-15): " in text
        assert "★" not in text
        # no outlet in the page: one label, and the id to tell the two apart
        assert "unknown outlet #3" in text  # seed 002
        assert "unknown outlet #1" in text  # seed 000
        assert ".txt" not in text  # a file name is no outlet

    run_reader(library_path, LATER, check, sentence=9)


def test_panel_says_a_same_day_tie_includes_this_article(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        text = panel.text.plain
        assert "Printed by 4 other articles" in text
        assert "First: order unknown, same day (2025-07-15): " in text
        assert "here" in text.splitlines()[2]  # this article is one of the tied printings

    run_reader(library_path, WIRE, check, sentence=11)


def test_unshared_sentence_is_only_in_this_article(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        assert "Only in this article." in panel.text.plain
        await pilot.press("n")  # nothing shared: the cursor stays and a note says why
        assert view.cursor == 0

    run_reader(library_path, 6, check)


def test_similar_sentence_shows_a_word_diff(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        text = panel.text
        struck = [text.plain[s.start : s.end] for s in text.spans if _has(s.style, "strike")]
        underlined = [text.plain[s.start : s.end] for s in text.spans if _has(s.style, "underline")]
        assert "remains" in struck
        assert "to this is" in underlined
        assert "struck only here · underlined only there" in text.plain

    run_reader(library_path, WIRE, check, sentence=11)


def test_near_sentence_shows_what_the_other_added(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        text = panel.text
        underlined = [text.plain[s.start : s.end] for s in text.spans if _has(s.style, "underline")]
        assert any("(IANS)" in words for words in underlined)

    run_reader(library_path, WIRE, check, sentence=0)


def _has(style: object, attribute: str) -> bool:
    return bool(getattr(style, attribute, False))


def test_markup_in_article_text_stays_literal(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "[bold red]x[/]" in shown
        assert "[link=http://x]brackets[/link]" in shown.replace("\n", " ")

    run_reader(library_path, 6, check)


def test_opening_at_a_sentence_puts_the_cursor_there_in_view(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        assert view.cursor == 15
        top = round(view.scroll_y)
        assert top > 0
        assert top <= view._first_y[15] <= view._last_y[15] < top + view.size.height
        assert panel.text.plain.startswith("Sentence 16 of 17")

    run_reader(library_path, WIRE, check, sentence=15)


def test_clicking_a_sentence_moves_the_cursor(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        y = view._first_y[4] - round(view.scroll_y)  # "The ambassador noted" opens its line
        await pilot.click(ArticleView, offset=(6, y))
        assert view.cursor == 4
        assert panel.text.plain.startswith("Sentence 5 of")
        await pilot.click(ArticleView, offset=(60, y - 2))  # past the end of the paragraph above
        assert view.cursor == 3

    run_reader(library_path, WIRE, check)


def test_moving_the_cursor_keeps_other_cached_lines(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel) -> None:
        for y in range(view.size.height):
            view.render_line(y)
        cached = set(view._cache.keys())
        view.move_to(1)
        changed = {y for i in (0, 1) for y in range(view._first_y[i], view._last_y[i] + 1)}
        assert cached - changed <= set(view._cache.keys())
        assert not changed & set(view._cache.keys())

    run_reader(library_path, WIRE, check)


def test_paging_scrolls_and_brings_the_cursor_along(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view: ArticleView, panel: LinksPanel) -> None:
        await pilot.resize_terminal(120, 16)
        await pilot.pause()
        await pilot.press("pagedown")
        top, height = round(view.scroll_y), view.scrollable_content_region.height
        assert top > 0
        assert top <= view._first_y[view.cursor] < top + height
        assert panel.text.plain.startswith(f"Sentence {view.cursor + 1} of")
        await pilot.press("space", "space", "space", "pageup")
        top = round(view.scroll_y)
        assert top <= view._first_y[view.cursor] < top + height

    run_reader(library_path, WIRE, check)


@pytest.mark.parametrize("size", [(40, 12), (20, 6)])
def test_small_terminals_do_not_crash(library_path: Path, size: tuple[int, int]) -> None:
    async def check(pilot: Pilot, screen: ReaderScreen, view: ArticleView, panel) -> None:
        await pilot.press("n", "j", "G", "pagedown", "pageup", "g")
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert screen.has_class("-narrow")
        await pilot.press("n", "j", "k", "G", "space", "pageup")
        assert view.cursor is not None
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not screen.has_class("-narrow")

    run_reader(library_path, WIRE, check)


def test_q_and_escape_go_back(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view, panel) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)
        pilot.app.open_article(WIRE)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)

    run_reader(library_path, WIRE, check)


def test_enter_follows_the_sentence_to_the_first_printer(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view, panel) -> None:
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen) and reader is not screen
        assert reader.article_id == WIRE
        assert reader.query_one(ArticleView).cursor == 10

    run_reader(library_path, LATER, check, sentence=9)


def test_c_compares_with_the_cursor_sentence_first_printer(library_path: Path) -> None:
    async def check(pilot: Pilot, screen, view, panel) -> None:
        calls = []
        pilot.app.open_compare = lambda left, right=None: calls.append((left, right))  # type: ignore[attr-defined]
        await pilot.press("c")
        await pilot.press("g", "c")  # sentence 0 is only here: the closest article decides
        assert calls == [(LATER, WIRE), (LATER, None)]

    run_reader(library_path, LATER, check, sentence=9)


# -- snapshots --------------------------------------------------------------------


def _opener(article_id: int, sentence: int, theme: str | None = None):
    async def run_before(pilot: Pilot) -> None:
        if theme:
            pilot.app.theme = theme
        pilot.app.open_article(article_id, sentence)  # type: ignore[attr-defined]
        await pilot.pause()

    return run_before


def test_snapshot_wire_copy_dark(snap_compare, library_path: Path) -> None:
    app = CopydeskApp(library_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_opener(WIRE, 11))


def test_snapshot_partial_reuse_light(snap_compare, library_path: Path) -> None:
    app = CopydeskApp(library_path)
    opener = _opener(LATER, 9, theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 40), run_before=opener)


def test_snapshot_narrow_panel_below(snap_compare, library_path: Path) -> None:
    app = CopydeskApp(library_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_opener(LATER, 11))
