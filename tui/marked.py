"""A word diff as two lines of Rich Text, one per side: what the reader's panel and
`copydesk compare` both draw. Text, never markup, so article words show literally."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tui.match.diff import DiffPart


def marked_sides(
    parts: list[DiffPart],
    deleted: Style | str,
    inserted: Style | str,
    left: Text | None = None,
    right: Text | None = None,
) -> tuple[Text, Text]:
    """Each side's words, those only it prints styled `deleted` (left) or `inserted`
    (right): struck and underlined read in monochrome too. `left` and `right` may
    hold a label to append to ("here: "); words are separated by one space."""
    left = left if left is not None else Text()
    right = right if right is not None else Text()
    for part in parts:
        for side, words, mark in ((left, part.a, deleted), (right, part.b, inserted)):
            if not words:
                continue
            if side.plain and not side.plain.endswith(" "):
                side.append(" ")
            side.append(words, style="" if part.op == "equal" else mark)
    return left, right
