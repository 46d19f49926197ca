"""Word wrapping that remembers where each line came from.

Views need to know which characters (and so which sentences) sit on each
screen line, so instead of wrapping into strings we wrap into offsets.
Widths are terminal cells: wide CJK characters and emoji count as two.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


def _split_long_word(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut a word wider than the line into pieces that fit."""
    pieces = []
    piece_start, used = start, 0
    for index in range(start, end):
        cells = cell_len(text[index])
        if used + cells > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, used = index, 0
        used += cells
    pieces.append((piece_start, end))
    return pieces


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy-wrap `text` into lines of at most `width` cells, as (start, end) offsets.

    Spaces at a break are dropped; an empty text gives one empty line.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        cells = cell_len(match.group())
        gap = cell_len(text[line_end:start]) if line_start is not None else 0
        if line_start is not None and used + gap + cells <= width:
            line_end, used = end, used + gap + cells
            continue
        if line_start is not None:
            lines.append((line_start, line_end))
        if cells > width:
            *full, (last_start, last_end) = _split_long_word(text, start, end, width)
            lines.extend(full)
            line_start, line_end = last_start, last_end
            used = cell_len(text[last_start:last_end])
        else:
            line_start, line_end, used = start, end, cells
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]
