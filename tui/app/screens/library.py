"""The library screen: every article, grouped by story, with how much it shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, ProgressBar, Static

from tui.app.messages import FactsFound, FactsProgress, StoriesGrouped
from tui.app.widgets.article_table import ArticleTable, Column
from tui.app.widgets.key_footer import KeyFooter
from tui.library import ArticleRow, Library, first_printed, version_label
from tui.text.counts import counted

EMPTY_HELP = """\
Your library is empty.

Add articles: press  a  and give a file, a folder or a URL,
or from a shell:   copydesk ingest ~/saved-pages/   or   copydesk seeds/

Copydesk cleans each page down to its story and highlights every sentence
that another outlet also printed."""

SORTS = ("story", "date", "outlet", "shared", "copied", "words", "title")
STORY_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red")


def story_label(story: int | None) -> Text:
    if story is None:
        return Text("  ·", style="dim")
    return Text(f"■ {story:>2}", style=f"bold {STORY_COLOURS[(story - 1) % len(STORY_COLOURS)]}")


# Up to this many articles, stories are grouped before the table is first drawn (about
# 0.25 s at 20,000 on a 2-core machine); above it, in a worker after the first paint.
GROUP_INLINE_UP_TO = 20_000


def group_stories(library: Library, generation: int, rows: list[ArticleRow]) -> StoriesGrouped:
    """Stories, copied shares and the story order of `rows` (read as `generation`)."""
    stories = library.stories()
    copied = library.copied(rows)
    far = len(rows) + 1  # articles that share nothing come after every story
    order = sorted(rows, key=lambda r: (stories.get(r.id, far), first_printed(r)))
    return StoriesGrouped(generation, stories, copied, [r.id for r in order])


class LibraryScreen(Screen[None]):
    """A table of articles; enter reads one, c compares it with its closest relative (or
    one picked from all, when nothing shares a sentence with it)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g", "top", "Top", show=False, id="library.top"),
        Binding("G", "bottom", "Bottom", show=False, id="library.bottom"),
        Binding("enter", "open", "Read", id="library.open"),
        Binding("c", "compare", "Compare", id="library.compare"),
        Binding("s", "cycle_sort", "Sort", show=False, id="library.sort"),
        Binding("f", "filter", "Filter", id="library.filter"),
        Binding("x", "changed_facts", "Changed facts", id="library.changed_facts"),
        Binding("r", "refresh", "Refresh", show=False, id="library.refresh"),
        Binding("t", "story", "Story", id="library.story"),
        Binding("n", "new_since", "New", id="library.new"),
        Binding("d", "delete", "Delete", id="library.delete"),
        Binding("u", "app.update_feeds", "Update", id="library.update_feeds"),
        Binding("F", "app.feeds", "Feeds", show=False, id="library.feeds"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._cell_texts: dict[tuple[Any, ...], Text] = {}  # shared cells, see _cells
        self.sort_key = "story"
        self.rows: list[ArticleRow] = []
        self.read_now: set[int] = set()  # articles opened since the rows were read
        self.generation = 0  # how many times the rows were read
        self.grouped = False  # stories and copied shares are known for these rows
        self._story_rank: dict[int, int] = {}  # article id -> place in the story order
        self.stories: dict[int, int] = {}
        self.copied: dict[
            int, float
        ] = {}  # article id -> largest share of its words printed earlier
        self._drawn_width = -1  # the table is rebuilt only when the width really changes
        self._status = ""  # counts of what is shown
        self._progress = ""  # an ingest's progress, shown before them
        self.changed_only: set[int] | None = None  # the "changed facts" filter, when on
        self.new_only = False  # the "new since the last visit" filter

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="library-body"):
            yield Input(
                placeholder="filter by outlet or title (escape clears)", id="library-filter"
            )
            yield ArticleTable(id="articles", zebra_stripes=True)
            yield Static(EMPTY_HELP, id="library-empty", markup=False)
            yield Static("", id="library-status", markup=False)
            yield ProgressBar(id="ingest-progress", show_eta=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_filter(False)
        self.query_one("#ingest-progress").display = False
        self.reload()
        self.query_one(ArticleTable).focus()

    def on_resize(self) -> None:
        if self.size.width != self._drawn_width:
            self.redraw()

    def _columns(self, width: int) -> None:
        """Fixed columns for the short fields; the title gets whatever is left."""
        outlet = max(8, min(24, width // 6))
        fixed = {"story": 5, "outlet": outlet, "date": 10, "words": 7, "shared": 6, "copied": 6}
        title = max(10, width - sum(fixed.values()) - 2 * (len(fixed) + 1) - 2)
        self.query_one(ArticleTable).set_columns(
            [
                Column("story", "Story", fixed["story"]),
                Column("outlet", "Outlet", outlet),
                Column("title", "Title", title),
                Column("date", "Date", 10),
                Column("words", "Words", fixed["words"]),
                Column("shared", "Shared", 6),
                Column("copied", "Copied", 6),
            ]
        )

    # -- data --------------------------------------------------------------------

    def reload(self) -> None:
        """Read the library again (after an ingest) and redraw the table, grouped by story.

        A library of more than GROUP_INLINE_UP_TO articles is drawn at once in the
        store's date order, and its stories and copied shares follow from a worker
        (about a second of work at 100,000 articles)."""
        library = self.app.library  # type: ignore[attr-defined]
        self.rows = library.articles()
        self.read_now.clear()
        self.generation += 1
        self.grouped = False
        if len(self.rows) <= GROUP_INLINE_UP_TO:
            self.on_stories_grouped(group_stories(library, self.generation, self.rows))
            return
        self.redraw()
        self._group_stories(self.generation, self.rows)

    @work(thread=True, group="stories")
    def _group_stories(self, generation: int, rows: list[ArticleRow]) -> None:
        with Library(self.app.library.path) as library:  # type: ignore[attr-defined]
            self.post_message(group_stories(library, generation, rows))

    def on_stories_grouped(self, message: StoriesGrouped) -> None:
        if message.generation != self.generation:
            return  # rows read since: their own worker is on its way
        self.stories, self.copied, self.grouped = message.stories, message.copied, True
        self._story_rank = {article_id: n for n, article_id in enumerate(message.order)}
        self._cell_texts.clear()  # story numbers change with the library
        self.redraw(follow=self.query_one(ArticleTable).cursor_row > 0)

    def _sorted(self, rows: list[ArticleRow]) -> list[ArticleRow]:
        if self.sort_key == "story":  # until stories are grouped: the store's date order
            return sorted(rows, key=lambda r: self._story_rank[r.id]) if self.grouped else rows
        keys = {
            "date": first_printed,
            "outlet": lambda r: ((r.outlet or "~").lower(), first_printed(r)),
            "shared": lambda r: (-r.shared_share, r.id),
            "copied": lambda r: (-self.copied.get(r.id, 0.0), r.id),
            "words": lambda r: (-r.words, r.id),
            "title": lambda r: ((r.title or "~").lower(), r.id),
        }
        return sorted(rows, key=keys[self.sort_key])

    def _visible(self) -> list[ArticleRow]:
        needle = self.query_one("#library-filter", Input).value.strip().lower()
        rows = self.rows
        if self.changed_only is not None:
            rows = [r for r in rows if r.id in self.changed_only]
        if self.new_only:
            since = self.app.previous_visit or ""  # type: ignore[attr-defined]
            rows = [r for r in rows if r.added > since]
        if needle:
            rows = [r for r in rows if needle in f"{r.outlet or ''} {r.title or ''}".lower()]
        return self._sorted(rows)

    def redraw(self, follow: bool = True) -> None:
        """Fill the table with the rows shown now; with `follow`, the cursor stays on its
        article, otherwise on its row."""
        table = self.query_one(ArticleTable)
        selected = self.current_id() if follow else None
        self._drawn_width = self.size.width
        self._columns(self.size.width or 120)
        visible = self._visible()
        table.show([row.id for row in visible], lambda index: self._cells(visible[index]))
        empty = not self.rows
        table.display = not empty
        self.query_one("#library-empty").display = empty
        outlets = len({r.outlet for r in self.rows if r.outlet})
        stories = len(set(self.stories.values()))
        grouping = "grouping stories…" if self.rows and not self.grouped else ""
        self._status = (
            f"{len(visible):,} of {counted(len(self.rows), 'article')} · "
            f"{counted(outlets, 'outlet')} · "
            + (grouping or f"{counted(stories, 'story', 'stories')} with shared sentences")
            + f" · sorted by {self.sort_key}"
        )
        if self.changed_only is not None:
            self._status = "copies that changed facts (x: all) · " + self._status
        if self.new_only:
            self._status = "new since your last visit (n: all) · " + self._status
        self._show_status()
        if selected is not None and (row := table.row_of(selected)) is not None:
            table.move_cursor(row)

    def _cells(self, row: ArticleRow) -> tuple[Text, ...]:
        """One table row as Text cells: article text is never read as markup.

        Cells that repeat (a story, an outlet, a date, a share) are one shared
        Text each; the table asks only for the rows it draws.
        """
        shared = row.shared_share
        return (
            self._cell(("story", self.stories.get(row.id)), lambda key: story_label(key[1])),
            self._cell(
                ("outlet", row.label_outlet, bool(row.outlet)),
                lambda key: Text(key[1], style="bold" if key[2] else "dim"),
            ),
            self._title_cell(row),
            self._cell(
                ("date", (row.published or "")[:10]),
                lambda key: Text(key[1] or "undated", style="" if key[1] else "dim"),
            ),
            Text(f"{row.words:,}", justify="right"),
            self._cell(
                ("shared", f"{shared:4.0%}", bool(row.shared_count)),
                lambda key: Text(key[1], justify="right", style="bold green" if key[2] else "dim"),
            ),
            self._cell(
                ("copied", f"{copied:4.0%}" if (copied := self.copied.get(row.id)) else "·"),
                lambda key: Text(key[1], justify="right", style="bold" if key[1] != "·" else "dim"),
            ),
        )

    def _title_cell(self, row: ArticleRow) -> Text:
        """The title, bold until the article is read, and for a later version its label
        ("v2 · updated 14:05")."""
        read = row.read or row.id in self.read_now
        style = ("" if row.title else "italic ") + ("" if read else "bold")
        cell = Text(row.label_title, style=style.strip())
        if row.version > 1:
            cell.append(f"  {version_label(row)}", style="dim")
        return cell

    def _cell(self, key: tuple[Any, ...], make: Callable[[tuple[Any, ...]], Text]) -> Text:
        """The one Text for a repeating cell value (the table never changes a cell it is given)."""
        cell = self._cell_texts.get(key)
        if cell is None:
            cell = self._cell_texts[key] = make(key)
        return cell

    def current_id(self) -> int | None:
        return self.query_one(ArticleTable).current_id()

    def show_progress(self, done: int, total: int, verb: str = "adding") -> None:
        """Long work's progress: the bar, and "adding 24 of 60" in the status line."""
        bar = self.query_one(ProgressBar)
        bar.display = done < total
        bar.update(total=total, progress=done)
        self._progress = f"{verb} {done:,} of {total:,} · " if done < total else ""
        self._show_status()

    def _show_status(self) -> None:
        self.query_one("#library-status", Static).update(self._progress + self._status)

    # -- actions -------------------------------------------------------------------

    def on_article_table_selected(self, event: ArticleTable.Selected) -> None:
        self.action_open()

    def on_article_table_header_selected(self, event: ArticleTable.HeaderSelected) -> None:
        self.sort_key = "story" if event.column not in SORTS else event.column
        self.redraw()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.redraw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(ArticleTable).focus()

    def action_cursor_down(self) -> None:
        self.query_one(ArticleTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ArticleTable).action_cursor_up()

    def action_top(self) -> None:
        self.query_one(ArticleTable).action_first()

    def action_bottom(self) -> None:
        self.query_one(ArticleTable).action_last()

    def action_open(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.app.open_article(article_id)  # type: ignore[attr-defined]

    def action_compare(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.app.open_compare(article_id)  # type: ignore[attr-defined]

    def action_cycle_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.redraw()

    def action_refresh(self) -> None:
        """Read the library again: another process (copydesk ingest, say) may have added to it."""
        self.app.library.refresh()  # type: ignore[attr-defined]
        self.reload()

    def _show_filter(self, shown: bool) -> None:
        """Show or hide the filter box; hidden, it is disabled so it never takes the focus
        (keys typed into an invisible box would look dead)."""
        box = self.query_one("#library-filter", Input)
        box.display = shown
        box.disabled = not shown

    def action_filter(self) -> None:
        self._show_filter(True)
        self.query_one("#library-filter", Input).focus()

    def action_changed_facts(self) -> None:
        """Show only copies that changed a fact of an earlier printing (x again: all).

        Pairs matched since the last time are typed first, in a worker."""
        if self.changed_only is not None:
            self.changed_only = None
            self.redraw()
            self._show_status()
            return
        self._find_changed_facts()

    @work(thread=True, exclusive=True, group="changed-facts")
    def _find_changed_facts(self) -> None:
        with Library(self.app.library.path) as library:  # type: ignore[attr-defined]
            found = library.changed_facts(
                progress=lambda done, total: self.post_message(FactsProgress(done, total))
            )
        self.post_message(FactsFound(found))

    def on_facts_progress(self, message: FactsProgress) -> None:
        self.show_progress(message.done, message.total, verb="checking pairs for changed facts,")

    def on_facts_found(self, message: FactsFound) -> None:
        self.show_progress(1, 1)
        self.changed_only = message.article_ids
        self.redraw()
        self._show_status()
        if not message.article_ids:
            self.notify("No copy changed a number, date, name, quote or negation.", markup=False)

    def mark_read(self, article_id: int) -> None:
        """The reader opened this article: its title is no longer bold."""
        self.read_now.add(article_id)
        table = self.query_one(ArticleTable)
        if (row := table.row_of(article_id)) is not None:
            table.refresh_row(row)

    def action_story(self) -> None:
        """The story of the article under the cursor: its origin, outlets and timeline."""
        from tui.app.screens.story import StoryScreen

        article_id = self.current_id()
        if article_id is None:
            return
        story = self.app.library.story(article_id)  # type: ignore[attr-defined]
        if story is None:
            self.notify("This article shares no sentences, so it is a story of its own.")
            return
        self.app.push_screen(StoryScreen(story))

    def action_new_since(self) -> None:
        """Show only articles added since the last visit began (n again: all)."""
        self.new_only = not self.new_only
        self.redraw()

    def action_delete(self) -> None:
        """Delete the article under the cursor, after a y/n question."""
        from tui.app.screens.confirm import ConfirmScreen

        article_id = self.current_id()
        row = next((r for r in self.rows if r.id == article_id), None)
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.app.library.delete(row.id):  # type: ignore[attr-defined]
                self.reload()
                self.notify(f"Deleted #{row.id}.", markup=False)

        question = f"Delete #{row.id}, {row.label_outlet}: {row.label_title}?"
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_clear_filter(self) -> None:
        self.query_one("#library-filter", Input).value = ""
        self._show_filter(False)
        self.query_one(ArticleTable).focus()
