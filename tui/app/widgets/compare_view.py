"""Two articles side by side in one line-API ScrollView.

Both columns are drawn by the same `render_line`, so they scroll together by
construction: there is no second scroll position to keep in sync.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.safe import one_line
from tui.app.wrap import wrap_offsets
from tui.library import ArticleRow, shown_time
from tui.match.align import Row
from tui.match.diff import token_count, token_spans, word_diff
from tui.models import Sentence
from tui.report.text import MARKS, QUOTE_MARK
from tui.text.normalize import fold

MIN_COLUMN = 16  # below this a column is unreadable: stack the sides instead
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Span = tuple[int, int]


@dataclass(frozen=True)
class Side:
    """One side of a block, ready to draw; `changed` spans are words the other side lacks."""

    text: str
    i: int | None = None
    changed: tuple[Span, ...] = ()
    paragraph: bool = False


@dataclass(frozen=True)
class Block:
    """What the cursor moves over: one aligned row, or a folded run of unshared rows."""

    rows: range
    kind: str | None  # exact / near / partial / similar, None when unshared, "fold"
    left: Side | None
    right: Side | None
    quote: bool = False  # a quotation both printed (marked ❝ instead of the kind's mark)


@dataclass(frozen=True)
class Paint:
    """Styles for drawing one block."""

    band: Style
    text: Style
    deleted: Style  # words only the left (A) side prints
    inserted: Style  # words only the right (B) side prints
    mark: Style
    bar: Segment


@dataclass(frozen=True)
class Placed:
    """A block laid out at one width: first content line and each side's wrapped lines."""

    top: int
    height: int
    left: list[Span]
    right: list[Span]


def diff_spans(a: str, b: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Character spans, on each side, of the words the other side does not have.

    Words the diff calls equal can still differ in punctuation ("Islands" and
    "Islands,"): a copy editor's comma is an edit worth seeing, so those are
    marked too; quote style and case are not (`fold` erases them).
    """
    a_tokens, b_tokens = token_spans(a), token_spans(b)
    a_spans: list[Span] = []
    b_spans: list[Span] = []
    i = j = 0
    for part in word_diff(a, b):
        n, m = token_count(part.a), token_count(part.b)
        if i + n > len(a_tokens) or j + m > len(b_tokens):
            break  # tokenisations disagree: better no highlight than a wrong one
        if part.op == "equal":
            for x, y in zip(a_tokens[i : i + n], b_tokens[j : j + m], strict=False):
                if fold(a[slice(*x)]) != fold(b[slice(*y)]):
                    a_spans.append(x)
                    b_spans.append(y)
        else:
            if n:
                a_spans.append((a_tokens[i][0], a_tokens[i + n - 1][1]))
            if m:
                b_spans.append((b_tokens[j][0], b_tokens[j + m - 1][1]))
        i, j = i + n, j + m
    return _merge(a, a_spans), _merge(b, b_spans)


def _merge(text: str, spans: list[Span]) -> tuple[Span, ...]:
    """Join spans separated only by spaces, so "World War II," reads as one edit."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def paragraph_starts(text: str, sentences: list[Sentence]) -> set[int]:
    """Indexes of sentences that open a paragraph (a line break before them)."""
    starts, previous_end = set(), 0
    for sentence in sentences:
        if sentence.i == 0 or "\n" in text[previous_end : sentence.start]:
            starts.add(sentence.i)
        previous_end = sentence.end
    return starts


def row_blocks(left: ArticleRow, right: ArticleRow, rows: list[Row]) -> list[Block]:
    """One block per aligned row, with diff highlights for near, partial and similar pairs."""
    left_starts = paragraph_starts(left.text, [r.left for r in rows if r.left])
    right_starts = paragraph_starts(right.text, [r.right for r in rows if r.right])
    blocks = []
    for n, row in enumerate(rows):
        a = _CONTROL.sub(" ", row.left.text) if row.left else None
        b = _CONTROL.sub(" ", row.right.text) if row.right else None
        a_changed: tuple[Span, ...] = ()
        b_changed: tuple[Span, ...] = ()
        if row.kind in ("near", "partial", "similar") and a is not None and b is not None:
            a_changed, b_changed = diff_spans(a, b)
        left_side = right_side = None
        if row.left and a is not None:
            left_side = Side(a, row.left.i, a_changed, row.left.i in left_starts)
        if row.right and b is not None:
            right_side = Side(b, row.right.i, b_changed, row.right.i in right_starts)
        blocks.append(Block(range(n, n + 1), row.kind, left_side, right_side, row.quote))
    return blocks


def _only_here(count: int) -> Side | None:
    if not count:
        return None
    return Side(f"⋯ {count} sentence{'s' if count != 1 else ''} only here")


def _one_side_only(block: Block) -> bool:
    return block.kind is None and (block.left is None or block.right is None)


def fold_blocks(blocks: list[Block]) -> list[Block]:
    """Collapse each run of unshared blocks into one summary block (a short sentence
    both print, on one row unmarked, stays in view)."""
    folded: list[Block] = []
    for unshared, group in groupby(blocks, key=_one_side_only):
        run = list(group)
        if not unshared:
            folded.extend(run)
            continue
        left = sum(block.left is not None for block in run)
        right = sum(block.right is not None for block in run)
        rows = range(run[0].rows.start, run[-1].rows.stop)
        folded.append(Block(rows, "fold", _only_here(left), _only_here(right)))
    return folded


def gap_before(previous: Block, block: Block) -> bool:
    """A blank line sets shared rows apart; unshared prose runs on within a paragraph."""
    if previous.kind is not None or block.kind is not None:
        return True
    return any(side is not None and side.paragraph for side in (block.left, block.right))


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def article_label(article: ArticleRow) -> str:
    """Outlet (and wire credit) · time · version · title: who printed what, and when."""
    name = article.label_outlet
    if article.credit and article.credit != article.outlet:
        name += f" via {article.credit}"
    version = f" · v{article.version}" if article.version > 1 or not article.latest else ""
    when = shown_time(article.published)
    return one_line(f"{name} · {when}{version} · {article.label_title}")


class CompareView(ScrollView, can_focus=True):
    """Aligned rows of two articles with a row cursor; colours come from component classes."""

    COMPONENT_CLASSES = {
        "compare-view--header",
        "compare-view--exact",
        "compare-view--near",
        "compare-view--partial",
        "compare-view--similar",
        "compare-view--changed",
        "compare-view--cursor",
        "compare-view--gap",
    }

    DEFAULT_CSS = """
    CompareView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        background: $surface;
        color: $foreground;
        & > .compare-view--header { background: $primary 25%; text-style: bold; }
        & > .compare-view--exact { background: $success 15%; color: $text-success; }
        & > .compare-view--near { background: $warning 15%; color: $text-warning; }
        & > .compare-view--partial { background: magenta 15%; color: $text; }
        & > .compare-view--similar { background: $primary 20%; color: $text-primary; }
        & > .compare-view--changed { background: $warning 55%; text-style: bold; }
        & > .compare-view--cursor { background: $foreground 14%; color: $text-accent; }
        & > .compare-view--gap { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="compare.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="compare.up"),
        Binding("n", "next_shared", "Next shared", id="compare.next_shared"),
        Binding("N", "previous_shared", "Prev shared", show=False, id="compare.previous_shared"),
        Binding("g,home", "top", "Top", show=False, id="compare.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="compare.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left: ArticleRow | None = None
        self.right: ArticleRow | None = None
        self.rows: list[Row] = []
        self.folded = False
        self.cursor = 0
        self._row_blocks: list[Block] = []
        self.blocks: list[Block] = []
        self._placed: list[Placed] = []
        self._tops: list[int] = []
        self._width = 0
        self._stacked = False
        self._columns = (0, 0)
        self._cache: LRUCache[int, list[Strip]] = LRUCache(256)

    # -- data ------------------------------------------------------------------

    def show(self, left: ArticleRow, right: ArticleRow, rows: list[Row]) -> None:
        """Draw a new pair of articles, cursor on the first shared row."""
        self.left, self.right, self.rows = left, right, rows
        self._row_blocks = row_blocks(left, right, rows)
        self.blocks = fold_blocks(self._row_blocks) if self.folded else self._row_blocks
        self.cursor = next((k for k, b in enumerate(self.blocks) if b.kind in MARKS), 0)
        self._relayout()
        self.scroll_to(y=0, animate=False)
        self.scroll_to_cursor(jump=True)

    def current_rows(self) -> list[Row]:
        """The aligned rows under the cursor (several when it sits on a fold)."""
        if not self.blocks:
            return []
        return [self.rows[n] for n in self.blocks[self.cursor].rows]

    def toggle_fold(self) -> None:
        """Fold or unfold unshared runs, keeping the cursor on the same text."""
        anchor = self.blocks[self.cursor].rows.start if self.blocks else 0
        self.folded = not self.folded
        self.blocks = fold_blocks(self._row_blocks) if self.folded else self._row_blocks
        self.cursor = self._block_of_row(anchor)
        self._relayout()
        self.scroll_to_cursor(jump=True)

    def select(self, left_i: int | None, right_i: int | None) -> None:
        """Put the cursor on the block holding either sentence (after a swap, say)."""
        for n, row in enumerate(self.rows):
            if (row.left and row.left.i == left_i) or (row.right and row.right.i == right_i):
                self.move_to(self._block_of_row(n), jump=True)
                return

    def _block_of_row(self, row: int) -> int:
        starts = [block.rows.start for block in self.blocks]
        return max(0, bisect_right(starts, row) - 1)

    # -- layout ----------------------------------------------------------------

    @property
    def header_height(self) -> int:
        return 2 if self._stacked else 1

    def _relayout(self) -> None:
        """Wrap every block at the current width; the line cache starts afresh."""
        width = self.scrollable_content_region.width
        self._width = width
        inner = width - 5  # cursor bar, 3-cell gutter, right margin
        self._stacked = inner // 2 < MIN_COLUMN
        if self._stacked:  # cursor bar, side letter and mark, right margin
            self._columns = (max(1, width - 4), max(1, width - 4))
        else:
            self._columns = (inner // 2, inner - inner // 2)
        self._placed, line = [], 0
        for k, block in enumerate(self.blocks):
            if k and gap_before(self.blocks[k - 1], block):
                line += 1
            left = wrap_offsets(block.left.text, self._columns[0]) if block.left else []
            right = wrap_offsets(block.right.text, self._columns[1]) if block.right else []
            height = len(left) + len(right) if self._stacked else max(len(left), len(right))
            self._placed.append(Placed(line, height, left, right))
            line += height
        self._tops = [placed.top for placed in self._placed]
        self._cache.clear()
        self.virtual_size = Size(width, self.header_height + max(line, 1))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._relayout()
        self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        """A theme change recolours everything."""
        super().notify_style_update()
        self._cache.clear()

    # -- cursor ----------------------------------------------------------------

    class CursorMoved(Message):
        """The cursor is on another block (the screen shows its changed facts)."""

    def move_to(self, block: int, jump: bool = False) -> None:
        if not self.blocks:
            return
        block = max(0, min(block, len(self.blocks) - 1))
        old, self.cursor = self.cursor, block
        if old != block:
            self.post_message(self.CursorMoved())
        for k in {old, block}:
            self._cache.discard(k)
            if k < len(self._placed):
                placed = self._placed[k]
                self.refresh_lines(self.header_height + placed.top, placed.height)
        self.scroll_to_cursor(jump)

    def scroll_to_cursor(self, jump: bool = False) -> None:
        """Show the whole cursor block (or its top).

        A step scrolls the least needed; a jump that lands off screen puts the
        block a quarter down, so the reader sees what leads up to it.
        """
        if not self._placed or self.cursor >= len(self._placed):
            return
        placed = self._placed[self.cursor]
        view = max(1, self.scrollable_content_region.height - self.header_height)
        y = self.scroll_offset.y
        bottom = placed.top + placed.height
        if placed.top >= y and bottom <= y + view:
            return
        if jump:
            y = placed.top - view // 4 if placed.height <= view * 3 // 4 else placed.top
        elif placed.top < y or placed.height > view:
            y = placed.top
        else:
            y = bottom - view
        self.scroll_to(y=max(0, y), animate=False)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_top(self) -> None:
        self.move_to(0, jump=True)

    def action_bottom(self) -> None:
        self.move_to(len(self.blocks) - 1, jump=True)

    def action_next_shared(self) -> None:
        ahead = range(self.cursor + 1, len(self.blocks))
        self._jump(next((k for k in ahead if self.blocks[k].kind in MARKS), None))

    def action_previous_shared(self) -> None:
        behind = range(self.cursor - 1, -1, -1)
        self._jump(next((k for k in behind if self.blocks[k].kind in MARKS), None))

    def _jump(self, block: int | None) -> None:
        if block is None:
            self.app.bell()
        else:
            self.move_to(block, jump=True)

    def on_click(self, event: events.Click) -> None:
        line = self.scroll_offset.y + event.y - self.header_height
        k = bisect_right(self._tops, line) - 1
        if k >= 0 and line < self._tops[k] + self._placed[k].height:
            self.move_to(k)

    # -- drawing ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if y < self.header_height:
            return self._header()[y]
        line = self.scroll_offset.y + y - self.header_height
        k = bisect_right(self._tops, line) - 1
        if k < 0 or line >= self._tops[k] + self._placed[k].height:
            if not self.blocks and line == 0:
                style = self.rich_style + self._style("gap")
                return Strip([Segment(fit(" Neither article has any text.", self._width), style)])
            return Strip.blank(self._width, self.rich_style)
        strips = self._cache.get(k)
        if strips is None:
            strips = self._cache[k] = self._draw_block(k)
        return strips[line - self._tops[k]]

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"compare-view--{name}")

    def _header(self) -> list[Strip]:
        strips = self._cache.get(-1)
        if strips is None:
            strips = self._cache[-1] = self._draw_header()
        return strips

    def _draw_header(self) -> list[Strip]:
        style = self.rich_style + self._style("header")
        labels = [article_label(a) if a else "" for a in (self.left, self.right)]
        if self._stacked:
            lines = [
                f" {tag} {fit(label, self._width - 3)}"
                for tag, label in zip("AB", labels, strict=True)
            ]
        else:
            left_width, right_width = self._columns
            lines = [f" {fit(labels[0], left_width)}   {fit(labels[1], right_width)}"]
        return [Strip([Segment(fit(text, self._width), style)]) for text in lines]

    def _paint(self, k: int) -> Paint:
        """The styles of one block: a band by kind (or cursor), text, edits, mark, bar."""
        block = self.blocks[k]
        kind = self._style(block.kind) if block.kind in MARKS else None
        cursor = self._style("cursor")
        band = self.rich_style
        if k == self.cursor:
            band += Style(bgcolor=cursor.bgcolor)
        elif kind:
            band += Style(bgcolor=kind.bgcolor)
        return Paint(
            band=band,
            text=band + self._style("gap") if block.kind == "fold" else band,
            deleted=band + self._style("changed") + Style(strike=True),
            inserted=band + self._style("changed") + Style(underline=True),
            mark=band + Style(color=kind.color, bold=True) if kind else band,
            bar=Segment("▌" if k == self.cursor else " ", band + Style(color=cursor.color)),
        )

    def _draw_block(self, k: int) -> list[Strip]:
        """Every line of one block: side by side, or one side under the other when narrow."""
        block, placed, paint = self.blocks[k], self._placed[k], self._paint(k)
        mark = QUOTE_MARK if block.quote else MARKS.get(block.kind or "", " ")
        end = Segment(" ", paint.band)

        def cell(side: Side | None, lines: list[Span], n: int, width: int) -> list[Segment]:
            if side is None or n >= len(lines):
                return [Segment(" " * width, paint.band)]
            changed = paint.deleted if side is block.left else paint.inserted
            return _text_segments(side, *lines[n], width, paint, changed)

        strips = []
        if self._stacked:
            sides = (("A", block.left, placed.left), ("B", block.right, placed.right))
            for tag, side, lines in sides:
                for n in range(len(lines)):
                    first = n == 0
                    prefix = [
                        Segment(tag if first else " ", paint.band),
                        Segment(mark if first else " ", paint.mark),
                    ]
                    text = cell(side, lines, n, self._columns[0])
                    strips.append(Strip([paint.bar, *prefix, *text, end]))
        else:
            left_width, right_width = self._columns
            for n in range(placed.height):
                left = cell(block.left, placed.left, n, left_width)
                gutter = Segment(f" {mark} " if n == 0 else "   ", paint.mark)
                right = cell(block.right, placed.right, n, right_width)
                strips.append(Strip([paint.bar, *left, gutter, *right, end]))
        return [strip.adjust_cell_length(self._width, paint.band) for strip in strips]


def _text_segments(
    side: Side, start: int, end: int, width: int, paint: Paint, changed: Style
) -> list[Segment]:
    """One wrapped line of a side, changed words highlighted (struck on the left,
    underlined on the right, so they read without colour too), padded to the column."""
    segments, position = [], start
    for span_start, span_end in side.changed:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        if position < span_start:
            segments.append(Segment(side.text[position:span_start], paint.text))
        segments.append(Segment(side.text[span_start:span_end], changed))
        position = span_end
    if position < end:
        segments.append(Segment(side.text[position:end], paint.text))
    padding = width - cell_len(side.text[start:end])
    if padding > 0:
        segments.append(Segment(" " * padding, paint.text))
    return segments
