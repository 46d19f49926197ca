"""The library's table: a DataTable that adds many fixed-size rows cheaply.

Filling DataTable with 10,000 articles took about four seconds, for two
reasons that do not apply to a table whose columns have fixed widths and
whose rows are one line each:

- after rows are added, it measures every new cell to widen columns that
  size to their content (60,000 measurements that decide nothing here);
- `add_row` re-checks the cursor (a reactive with watchers) after every row.

Both are skipped here; tables with an auto-sized column or row take
DataTable's own path. This leans on DataTable internals (Textual 8, pinned
below 9 in pyproject.toml); tests/test_app_library.py covers the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey


class ArticleTable(DataTable):
    """A DataTable whose new rows cost no measuring when every size is fixed, keyed
    by article id."""

    def current_id(self) -> int | None:
        """The id of the article under the cursor; None in an empty table."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return int(row_key.value) if row_key.value else None

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        auto_width = any(column.auto_width for column in self.columns.values())
        added = (self.rows[key] for key in new_rows if key in self.rows)
        auto_height = any(row.auto_height or row.label is not None for row in added)
        if auto_width or auto_height:
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header_height
        )

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[CellType]]]) -> None:
        """Add one-line rows, each (key, cells), checking the cursor once at the end."""
        columns = self.ordered_columns
        was_empty = self.row_count == 0
        for key, cells in rows:
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            self._row_locations[row_key] = self.row_count
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1)
            self._new_rows.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        visible_cursor = self.show_cursor and self.cursor_type != "none"
        if was_empty and self.row_count and columns and visible_cursor:
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()
