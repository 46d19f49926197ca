"""The story screen: a story named by its origin's headline, its outlets, and a
timeline of who printed what when and how much each took from earlier printings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from tui.app.safe import one_line
from tui.app.widgets.key_footer import KeyFooter
from tui.library import Story, StoryEntry
from tui.match.origin import shown_time
from tui.text.counts import counted


def took(entry: StoryEntry, is_origin: bool, certain: bool = True) -> Text:
    """What a printing took: "origin" ("origin?" when it ties with the next printing),
    or "68% from IANS" (a "?" when the order is a tie)."""
    if is_origin:
        return Text("origin" if certain else "origin?", style="bold green")
    if not entry.derived:
        return Text("shares sentences", style="dim")
    first = entry.derived[0]
    mark = "" if first.certain else "?"
    return Text(f"{first.share:.0%} from {first.source.label_outlet_id}{mark}")


class StoryScreen(Screen[None]):
    """One story's timeline; enter reads a printing, c compares it with the origin."""

    BINDINGS = [
        Binding("enter", "open", "Read", id="story.open"),
        Binding("c", "compare", "Compare with origin", id="story.compare"),
        Binding("j", "cursor_down", "Down", show=False, id="story.down"),
        Binding("k", "cursor_up", "Up", show=False, id="story.up"),
        Binding("escape,q", "app.pop_screen", "Back", id="story.back"),
    ]

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._summary(), id="story-summary", markup=False)
        yield DataTable(id="story-timeline", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def _summary(self) -> Text:
        story = self.story
        origin = story.origin
        text = Text(one_line(story.name), style="bold")
        when = shown_time(origin.published)
        order = "" if story.certain else " (order unknown: a tie with the next printing)"
        text.append(f"\nfirst printed by {origin.label_outlet_id}, {when}{order}")
        outlets = ", ".join(one_line(name) for name in story.outlets)
        printings = counted(len(story.timeline), "printing")
        text.append(f"\n{printings} by {counted(len(story.outlets), 'outlet')}: {outlets}")
        return text

    def on_mount(self) -> None:
        self.sub_title = one_line(f"Story {self.story.number}: {self.story.name}")
        table = self.query_one(DataTable)
        for label in ("When", "Outlet", "Took", "Shared", "Title"):
            table.add_column(label, key=label)
        for n, entry in enumerate(self.story.timeline):
            row = entry.article
            table.add_row(
                Text(shown_time(row.published)),
                Text(row.label_outlet_id, style="bold"),
                took(entry, n == 0, self.story.certain),
                Text(f"{row.shared_share:.0%}", justify="right"),
                Text(row.label_title),
                key=str(row.id),
            )
        table.focus()

    def _current_id(self) -> int | None:
        """The id of the printing under the cursor; None in an empty timeline."""
        row, timeline = self.query_one(DataTable).cursor_row, self.story.timeline
        return timeline[row].article.id if 0 <= row < len(timeline) else None

    def action_open(self) -> None:
        if (article_id := self._current_id()) is not None:
            self.app.open_article(article_id)  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_compare(self) -> None:
        article_id = self._current_id()
        origin = self.story.origin.id
        if article_id == origin:
            self.notify("This is the origin: pick another printing to compare with it.")
        elif article_id is not None:
            self.app.open_compare(origin, article_id)  # type: ignore[attr-defined]

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
