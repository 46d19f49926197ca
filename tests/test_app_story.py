"""A story named by its origin's headline, with its outlets and a timeline."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.app_helpers import drive
from tui.library import Library


def test_story_is_named_by_its_origin_and_lists_every_printing(seeded: Path) -> None:
    with Library(seeded) as library:
        story = library.story(1)
        assert story is not None and len(story.timeline) == 5
        origin = story.origin
        assert story.name == origin.label_title
        assert origin.published and origin.published.startswith("2025-07-15")
        # two July 15 printings with no times: which came first is not known
        assert not story.certain
        assert all(not d.certain for d in story.timeline[0].derived)
        assert all(entry.derived for entry in story.timeline[1:3])
        assert story.outlets == ["Ommcom News", "unknown outlet"] or story.outlets == [
            "unknown outlet",
            "Ommcom News",
        ]


def test_t_opens_the_story_and_enter_reads_a_printing(seeded: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("t")
        assert type(app.screen).__name__ == "StoryScreen"
        summary = str(app.screen.query_one("#story-summary", Static).render())
        assert app.screen.story.name in summary and "5 printings by 2 outlets" in summary
        table = app.screen.query_one(DataTable)
        assert table.row_count == 5
        assert str(table.get_row_at(0)[2]) == "origin?"  # a tie with the next printing
        assert "% from " in str(table.get_row_at(1)[2])
        await pilot.press("j", "enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        await pilot.press("q")
        await pilot.press("c")
        assert type(app.screen).__name__ == "CompareScreen"
        assert app.screen.left_id == app.screen_stack[-2].story.origin.id

    drive(seeded, script)
