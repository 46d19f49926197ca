"""ArticleRow is built positionally from _ROW_COLUMNS (fast listing): keep them in step."""

from __future__ import annotations

from dataclasses import fields

from tui.store.articles import _ROW_COLUMNS, ArticleRow


def test_row_columns_are_in_field_order() -> None:
    columns = [column.strip() for column in _ROW_COLUMNS.split(",")] + ["text"]
    assert columns == [field.name for field in fields(ArticleRow)]
