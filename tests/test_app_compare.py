"""The compare screen: aligned rows, jumps, folding, swapping, picking and drawing."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from tests.app_helpers import drive, wait_for_workers
from tui.app.app import CopydeskApp
from tui.app.screens.compare import summary
from tui.app.screens.pick_article import PickArticleScreen
from tui.app.widgets.article_table import ArticleTable
from tui.app.widgets.compare_view import (
    MARKS,
    Block,
    CompareView,
    Side,
    diff_spans,
    fold_blocks,
)
from tui.library import Library
from tui.match.align import Row
from tui.models import Sentence

OMMCOM, WIRE_JULY, WIRE_OCTOBER = 2, 3, 4  # ids follow the seeds' ingest order

MARKUP_A = """[i]Markup[/i] in the headline

The editor typed [bold]x[/] into the story by mistake and nobody caught it in time.

Nobody noticed the stray [red]tag[/red] until the second edition went out to readers.
"""
MARKUP_B = """Another outlet's take

The editor typed [bold]x[/] into the story by mistake and nobody caught it in time.

Nobody at all noticed the stray [red]tag[/red] until the second edition went out to readers.
"""


def visible_lines(view: CompareView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


async def open_compare(app: CopydeskApp, pilot, left: int, right: int) -> CompareView:
    app.open_compare(left, right)
    await pilot.pause()
    await pilot.pause()
    return app.screen.query_one(CompareView)


# -- pure helpers ----------------------------------------------------------------


def test_diff_spans_mark_differing_words_and_punctuation_not_quotes() -> None:
    a, b = "After the war, the archipelago", "After World War II, the archipelago"
    a_spans, b_spans = diff_spans(a, b)
    assert [a[s:e] for s, e in a_spans] == ["the war,"]
    assert [b[s:e] for s, e in b_spans] == ["World War II,"]
    a, b = "Earlier relations said “yes” to Russia’s", 'Earlier, relations said "yes" to Russia\'s'
    a_spans, b_spans = diff_spans(a, b)
    assert [a[s:e] for s, e in a_spans] == ["Earlier"]
    assert [b[s:e] for s, e in b_spans] == ["Earlier,"]


def test_diff_spans_in_chinese_mark_only_the_changed_characters() -> None:
    """The spans come from the same tokens as the word diff: characters of a script
    written without spaces, digits kept together."""
    a, b = "周二，当局下令12000名居民撤离。", "周一，当局下令15000名居民撤离。"
    a_spans, b_spans = diff_spans(a, b)
    assert [a[s:e] for s, e in a_spans] == ["二", "12000"]
    assert [b[s:e] for s, e in b_spans] == ["一", "15000"]


def test_fold_collapses_each_unshared_run_and_counts_sides() -> None:
    side = Side("text")
    blocks = [
        Block(range(0, 1), None, side, None),
        Block(range(1, 2), None, None, side),
        Block(range(2, 3), None, None, side),
        Block(range(3, 4), "exact", side, side),
        Block(range(4, 5), None, side, None),
    ]
    folded = fold_blocks(blocks)
    assert [b.kind for b in folded] == ["fold", "exact", "fold"]
    assert folded[0].rows == range(0, 3)
    assert folded[0].left.text == "⋯ 1 sentence only here"
    assert folded[0].right.text == "⋯ 2 sentences only here"
    assert folded[2].right is None


def test_fold_keeps_a_short_sentence_both_print_in_view() -> None:
    side = Side("text")
    blocks = [
        Block(range(0, 1), None, side, None),
        Block(range(1, 2), None, side, side),  # "Everything is gone." on both sides
        Block(range(2, 3), None, None, side),
    ]
    assert [(b.kind, b.rows) for b in fold_blocks(blocks)] == [
        ("fold", range(0, 1)),
        (None, range(1, 2)),
        ("fold", range(2, 3)),
    ]


def test_summary_counts_kinds() -> None:
    s = Sentence(0, 0, 1, "x")
    rows = [Row(s, s, "exact", 100), Row(s, s, "near", 95), Row(s, None), Row(s, s, "exact", 100)]
    assert summary(rows, 0.8, 0.45) == (
        "3 shared sentences: 2 exact · 1 near · left 80% shared · right 45% shared"
    )
    assert summary([Row(s, None)], 0, 0) == "No shared sentences"


# -- the screen ------------------------------------------------------------------


def test_wire_copies_put_shared_sentences_on_one_row(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, WIRE_JULY, OMMCOM)
        assert type(app.screen).__name__ == "CompareScreen"
        shared = [row for row in view.rows if row.kind]
        assert len(shared) == 17
        assert all(row.left and row.right for row in shared)
        # the cursor starts on the first shared row; both texts begin on its first line
        row = view.current_rows()[0]
        first = next(line for line in visible_lines(view) if line.startswith("▌"))
        assert row.left.text.split()[0] in first.split(MARKS[row.kind])[0]
        assert row.right.text.split()[0] in first.split(MARKS[row.kind])[1]
        status = str(app.screen.query_one("#compare-status").render())
        assert status.startswith("17 shared sentences:")
        assert "left 100% shared · right 100% shared" in status

    drive(seeded, script)


def test_n_and_shift_n_land_only_on_shared_rows(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        await pilot.press("g")
        assert view.current_rows()[0].kind is None  # this pair opens with unshared text
        visited = []
        for _ in range(10):
            await pilot.press("n")
            visited.append(view.cursor)
            assert all(row.kind in MARKS for row in view.current_rows())
        assert len(set(visited)) == 7  # every shared row, then it stops at the last
        await pilot.press("G", "N")
        assert view.current_rows()[0].kind in MARKS
        await pilot.press("j", "k")
        assert view.current_rows()[0].kind in MARKS

    drive(seeded, script)


def test_f_folds_and_unfolds_unshared_text(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        lines, blocks = view.virtual_size.height, len(view.blocks)
        row = view.current_rows()[0]
        await pilot.press("f")
        assert view.folded
        assert len(view.blocks) < blocks and view.virtual_size.height < lines
        assert view.current_rows()[0] == row
        await pilot.press("g")
        assert "10 sentences only here" in visible_lines(view)[1]
        assert "9 sentences only here" in visible_lines(view)[1]
        await pilot.press("f")
        assert not view.folded
        assert len(view.blocks) == blocks and view.virtual_size.height == lines

    drive(seeded, script)


def test_s_swaps_sides_and_keeps_the_cursor_sentence(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        await pilot.press("n", "n")
        before = view.current_rows()[0]
        await pilot.press("s")
        screen = app.screen
        assert (screen.left_id, screen.right_id) == (WIRE_OCTOBER, OMMCOM)
        assert (view.left.id, view.right.id) == (WIRE_OCTOBER, OMMCOM)
        after = view.current_rows()[0]
        assert (after.left.i, after.right.i) == (before.right.i, before.left.i)
        assert visible_lines(view)[0].lstrip().startswith("unknown outlet via IANS")

    drive(seeded, script)


def test_o_picks_another_right_hand_article(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, OMMCOM, WIRE_JULY)
        await pilot.press("o")
        assert isinstance(app.screen, PickArticleScreen)
        await pilot.press("escape")
        assert app.screen.right_id == WIRE_JULY
        await pilot.press("o")
        table = app.screen.table
        assert table.row_count == 4
        assert table.cursor_row == 0  # the current right side, most shared first
        assert "17 shared" in row_text(app, 0)
        await pilot.press("j", "j")
        assert picked_ids(app)[2] == WIRE_OCTOBER
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"
        assert app.screen.right_id == WIRE_OCTOBER
        assert view.right.id == WIRE_OCTOBER

    drive(seeded, script)


def test_enter_opens_the_reader_at_the_cursor_sentence(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        await pilot.press("n")
        row = view.current_rows()[0]
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.article_id == OMMCOM
        assert app.screen.sentence == row.left.i
        app.pop_screen()
        await pilot.pause()
        await pilot.press("q")
        assert type(app.screen).__name__ == "LibraryScreen"

    drive(seeded, script)


def test_markup_in_articles_stays_literal(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MARKUP_A)
    (tmp_path / "b.txt").write_text(MARKUP_B)
    db = tmp_path / "lib.sqlite"
    with Library(db) as library:
        ids = [
            r.article_id for r in library.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        ]

    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, *ids)
        assert [row.kind for row in view.rows] == ["exact", "near"]
        text = "\n".join(visible_lines(view))
        assert "[bold]x[/]" in text
        assert "[red]tag[/red]" in text
        assert "[i]Markup[/i]" in text

    drive(db, script)


def test_resizing_down_to_tiny_terminals(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        view = await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        for width, height in ((40, 12), (20, 6), (300, 100), (40, 12)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.press("n", "j", "f", "G", "f", "g")
            await pilot.pause()
            lines = visible_lines(view)
            assert lines and all(
                len(line) == view.scrollable_content_region.width for line in lines
            )
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        lines = visible_lines(view)
        assert lines[0].startswith(" A ") and lines[1].startswith(" B ")  # stacked when narrow
        await pilot.press("o")
        assert isinstance(app.screen, PickArticleScreen)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "CompareScreen"

    drive(seeded, script)


def test_compare_snapshot(seeded: Path, snap_compare) -> None:
    async def run_before(pilot) -> None:
        pilot.app.open_compare(OMMCOM, WIRE_OCTOBER)
        await pilot.pause()

    assert snap_compare(CopydeskApp(seeded), terminal_size=(120, 40), run_before=run_before)


def test_e_saves_the_html_report_named_from_the_ids(
    seeded: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def script(app, pilot) -> None:
        await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        await pilot.press("s", "e")
        await wait_for_workers(app, pilot)
        saved = tmp_path / f"copydesk-compare-{WIRE_OCTOBER}-{OMMCOM}.html"
        assert [n.message for n in app._notifications] == [f"Saved {saved}"]
        tree = lxml_html.fromstring(saved.read_text(encoding="utf-8"))
        heads = [th.text_content() for th in tree.xpath("//thead//th")]
        assert heads[0].startswith("#4 ") and heads[2].startswith("#2 Ommcom News")
        rows = tree.xpath("//table[@class='compare']/tbody/tr")
        assert len(rows) == len(app.screen.report.rows)
        assert [row.get("class") for row in rows].count("near") == 4
        assert tree.xpath("//tbody//del") and tree.xpath("//tbody//ins")

    drive(seeded, script)


def test_e_says_when_the_report_cannot_be_written(seeded: Path, tmp_path: Path) -> None:
    async def script(app, pilot) -> None:
        await open_compare(app, pilot, OMMCOM, WIRE_OCTOBER)
        app.screen.report_dir = tmp_path / "no such folder"
        await pilot.press("e")
        await wait_for_workers(app, pilot)
        (message,) = [n.message for n in app._notifications]
        assert message.startswith(f"Could not save {tmp_path / 'no such folder'}")
        assert "No such file or directory" in message

    drive(seeded, script)


LONELY = """Ferry timetable changes for the winter

The island ferry will sail twice a day from November instead of four times, the operator said.

Passengers with cars are asked to book at least two days ahead during the holiday weeks.
"""


def seeds_and_a_lonely_article(tmp_path: Path, seeded: Path) -> tuple[Path, int]:
    """The seeds (which all share sentences) and one article that shares nothing."""
    db = tmp_path / "lib.sqlite"
    db.write_bytes(seeded.read_bytes())
    (tmp_path / "lonely.txt").write_text(LONELY)
    with Library(db) as library:
        (result,) = library.ingest([str(tmp_path / "lonely.txt")])
        assert not library.related(result.article_id)
    assert result.article_id is not None
    return db, result.article_id


def picked_ids(app: CopydeskApp) -> list[int]:
    return list(app.screen.table.ids)


def row_text(app: CopydeskApp, index: int) -> str:
    return " ".join(str(cell) for cell in app.screen.table.row_cells(index))


def test_picker_lists_every_article_those_sharing_most_first(tmp_path: Path, seeded: Path) -> None:
    db, lonely = seeds_and_a_lonely_article(tmp_path, seeded)

    async def script(app, pilot) -> None:
        await open_compare(app, pilot, OMMCOM, WIRE_JULY)
        await pilot.press("o")
        sharers = [other for other, _ in app.library.related(OMMCOM)]
        assert len(sharers) == 4 and picked_ids(app) == sharers + [lonely]
        last = row_text(app, 4)
        assert "Ferry timetable" in last and "shared" not in last
        await pilot.press("G", "enter")  # one that shares nothing can be compared too
        await pilot.pause()
        assert (app.screen.left_id, app.screen.right_id) == (OMMCOM, lonely)
        assert str(app.screen.query_one("#compare-status").render()).startswith(
            "No shared sentences"
        )

    drive(db, script)


def test_c_on_an_article_that_shares_nothing_offers_every_other(
    tmp_path: Path, seeded: Path
) -> None:
    db, lonely = seeds_and_a_lonely_article(tmp_path, seeded)

    async def script(app, pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        table.move_cursor(table.row_of(lonely))
        await pilot.press("c")
        assert isinstance(app.screen, PickArticleScreen)
        ids = picked_ids(app)
        with Library(db) as library:  # none shares: every other, first printed first
            assert ids == [row.id for row in library.articles(by_time=True) if row.id != lonely]
        await pilot.press("j", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"
        assert (app.screen.left_id, app.screen.right_id) == (lonely, ids[1])

    drive(db, script)


def test_palette_compare_with_compares_the_current_article(tmp_path: Path, seeded: Path) -> None:
    db, lonely = seeds_and_a_lonely_article(tmp_path, seeded)

    async def script(app, pilot) -> None:
        app.open_article(OMMCOM)  # it shares most with WIRE_JULY; any other may be picked
        await pilot.pause()
        await pilot.press("ctrl+p", *"compare with")
        await wait_for_workers(app, pilot)  # the palette searches in a worker
        commands = app.screen.query_one("CommandList")
        assert str(commands.highlighted_option.prompt).startswith("Compare with…")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickArticleScreen) and app.screen.left_id == OMMCOM
        assert picked_ids(app)[-1] == lonely
        await pilot.press("G", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"
        assert (app.screen.left_id, app.screen.right_id) == (OMMCOM, lonely)

    drive(db, script)
