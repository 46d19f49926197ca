"""A table of articles that draws only the rows on screen (Textual's line API).

A library of 100,000 articles is a list of 100,000 ids here, not 700,000
cells: a row's cells are asked for (`cells(index)`) when the row is drawn, and
the drawn line is kept until the rows, the cursor on it, the size or the theme
change. Columns have fixed widths, rows are one line each, the header stays on
the top line. Keys: up/down, page up/down, home/end, enter; a click moves the
cursor, a click on the cursor row selects it, a click on a header names its
column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from tui.app.widgets.line_cache import CachedLinesView
from tui.text.sanitize import printable

CELL_PADDING = 1  # blank cells on each side of a column's text
_BREAKS = str.maketrans("\n\r\t\f\v", "     ")  # a cell is one line


@dataclass(frozen=True)
class Column:
    """A column: its key (for sorting), its header label and its width in cells."""

    key: str
    label: str
    width: int


def _no_cells(index: int) -> Sequence[Text]:
    return ()


class ArticleTable(CachedLinesView, can_focus=True):
    """Rows of articles by id, one line each, under a header of fixed-width columns.

    `show(ids, cells)` replaces the rows: `ids[i]` is the article on row i and
    `cells(i)` its Texts, one per column, drawn as literal text (never markup).
    """

    COMPONENT_PREFIX = "article-table"
    COMPONENT_CLASSES = {
        "article-table--header",
        "article-table--cursor",
        "article-table--even-row",
    }
    DEFAULT_CSS = """
    ArticleTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        overflow-y: auto;
    }
    ArticleTable:focus { background-tint: $foreground 5%; }
    ArticleTable > .article-table--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    ArticleTable:ansi > .article-table--header {
        background: ansi_bright_blue;
        color: ansi_default;
    }
    ArticleTable > .article-table--even-row { background: $surface-lighten-1 50%; }
    ArticleTable:dark > .article-table--even-row { background: $surface-darken-1 40%; }
    ArticleTable > .article-table--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    ArticleTable:focus > .article-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    BINDINGS = [
        Binding("enter", "select", "Select", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    class Selected(Message):
        """An article was chosen: enter, or a click on the cursor row."""

        def __init__(self, table: ArticleTable, article_id: int) -> None:
            super().__init__()
            self.table, self.article_id = table, article_id

        @property
        def control(self) -> ArticleTable:
            return self.table

    class HeaderSelected(Message):
        """A column's header was clicked."""

        def __init__(self, table: ArticleTable, column: str) -> None:
            super().__init__()
            self.table, self.column = table, column

        @property
        def control(self) -> ArticleTable:
            return self.table

    def __init__(
        self, *, id: str | None = None, show_header: bool = True, zebra_stripes: bool = False
    ) -> None:
        super().__init__(id=id)
        self.show_header = show_header
        self.zebra_stripes = zebra_stripes
        self.columns: list[Column] = []
        self.ids: list[int] = []
        self._cells: Callable[[int], Sequence[Text]] = _no_cells
        self._row_of: dict[int, int] | None = None  # article id -> row, built when asked
        self.cursor_row = 0
        self._header: Strip | None = None

    # -- contents ----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.ids)

    @property
    def header_height(self) -> int:
        return 1 if self.show_header else 0

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Replace the columns (the rows stay)."""
        self.columns = list(columns)
        self._changed()

    def show(self, ids: Sequence[int], cells: Callable[[int], Sequence[Text]]) -> None:
        """Replace the rows: article `ids[i]` on row i, drawn from `cells(i)`. The cursor
        stays on its row number, within the new rows."""
        self.ids = list(ids)
        self._cells = cells
        self._row_of = None
        self.cursor_row = min(self.cursor_row, max(0, len(self.ids) - 1))
        self._changed()
        self._scroll_to_cursor()

    def refresh_row(self, row: int) -> None:
        """Draw row `row` again (its cells changed)."""
        self._cache.discard(row)
        self.refresh_lines(row - round(self.scroll_y) + self.header_height)

    def _changed(self) -> None:
        self._forget_drawn()
        width = sum(column.width + 2 * CELL_PADDING for column in self.columns)
        self.virtual_size = Size(width, len(self.ids) + self.header_height)
        self.refresh()

    def _forget_drawn(self) -> None:
        """Drop every drawn line, the header's too."""
        self._cache.clear()
        self._header = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._header = None

    @property
    def _rows_on_screen(self) -> int:
        return max(1, self.scrollable_content_region.height - self.header_height)

    def current_id(self) -> int | None:
        """The id of the article under the cursor; None in an empty table."""
        return self.ids[self.cursor_row] if self.ids else None

    def row_of(self, article_id: int) -> int | None:
        """The row that shows `article_id`, None when it is not shown."""
        if self._row_of is None:
            self._row_of = {article_id: row for row, article_id in enumerate(self.ids)}
        return self._row_of.get(article_id)

    def row_cells(self, row: int) -> Sequence[Text]:
        """The cells of row `row`, one Text per column."""
        return self._cells(row)

    # -- drawing -----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if y < self.header_height:
            if self._header is None:
                labels = [Text(column.label) for column in self.columns]
                self._header = self._line(labels, self._style("") + self._style("header"))
            return self._header
        return super().render_line(y - self.header_height)

    def _render_index(self, index: int) -> Strip:
        base = self._style("")
        if index >= len(self.ids):
            return Strip.blank(self.scrollable_content_region.width, base)
        if self.zebra_stripes and index % 2:
            base += self._style("even-row")
        if index == self.cursor_row:
            base += self._style("cursor")
        return self._line(self._cells(index), base)

    def _line(self, cells: Sequence[Text], base: Style) -> Strip:
        """One line of cells, each cut or padded to its column, over `base`. Each cell is
        its own run of segments (the column in its style's meta, so the terminal's
        renderer never merges two cells), and a screenshot places every column where it
        belongs."""
        segments: list[Segment] = []
        pad = " " * CELL_PADDING
        console = self.app.console
        for n, (column, cell) in enumerate(zip(self.columns, cells, strict=False)):
            shown = printable(cell.plain.translate(_BREAKS))
            if shown != cell.plain:  # a control character or a line break: plain text
                cell = Text(shown, style=cell.style, justify=cell.justify)
            else:
                cell = cell.copy()
            cell.truncate(column.width, overflow="ellipsis")
            room = " " * (column.width - cell.cell_len)
            right = cell.justify == "right"
            line = Text(pad + (room if right else ""), no_wrap=True, end="")
            line.append_text(cell)
            line.append(("" if right else room) + pad)
            cell_base = base + Style.from_meta({"column": n})  # keeps the cell's segments apart
            segments += Segment.apply_style(line.render(console), cell_base)
        width = self.scrollable_content_region.width
        return Strip(segments).adjust_cell_length(width, base)

    # -- the cursor --------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on row `row` (kept within the rows) and keep it in view."""
        if not self.ids:
            return
        row = min(max(row, 0), len(self.ids) - 1)
        old, self.cursor_row = self.cursor_row, row
        if old != row:
            self.refresh_row(old)
            self.refresh_row(row)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        height = self._rows_on_screen
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, force=True)

    def on_resize(self, event: events.Resize) -> None:
        self._forget_drawn()
        self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y < self.header_height:
            x = 0
            for column in self.columns:
                x += column.width + 2 * CELL_PADDING
                if offset.x < x:
                    self.post_message(self.HeaderSelected(self, column.key))
                    return
            return
        row = offset.y - self.header_height + round(self.scroll_y)
        if 0 <= row < len(self.ids):
            if row == self.cursor_row:
                self.action_select()
            else:
                self.move_cursor(row)

    # -- actions -----------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.ids) - 1)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * self._rows_on_screen)

    def action_select(self) -> None:
        if (article_id := self.current_id()) is not None:
            self.post_message(self.Selected(self, article_id))
