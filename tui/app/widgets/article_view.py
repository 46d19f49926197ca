"""One article as a line-API ScrollView, with a sentence cursor.

Articles can run to 10,000 sentences, so the text is wrapped once per width
into offsets (not strings), only visible lines are styled, styled lines are
cached, and moving the cursor redraws just the lines of two sentences.
Colours come from component classes, so every theme can restyle them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.strip import Strip

from tui.app.widgets.line_cache import CachedLinesView
from tui.app.wrap import wrap_offsets
from tui.library import ArticleRow, shown_time, version_label, where_from
from tui.models import Sentence
from tui.text.sanitize import printable

KINDS = ("exact", "near", "partial", "similar")
"""Match kinds, strongest first: a sentence shows the strongest it has."""

GUTTER = 2  # a change bar in the kind's colour, then a space
MAX_MEASURE = 100  # longer lines are hard to read
CONTEXT = 2  # lines kept visible around the cursor sentence
_PARAGRAPH_LINE = re.compile(r"[^\n]+")


def strongest(kinds: Iterable[str]) -> str | None:
    """The strongest of some match kinds (exact > near > partial > similar), or None."""
    present = set(kinds)
    return next((kind for kind in KINDS if kind in present), None)


@dataclass(frozen=True)
class Line:
    """One screen line: a role and offsets into the string that role draws from."""

    role: str  # title, meta, legend, blank or text
    start: int = 0
    end: int = 0


class ArticleView(CachedLinesView, can_focus=True):
    """The article text, shared sentences tinted by kind, one sentence under the cursor."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--exact",
        "article-view--near",
        "article-view--partial",
        "article-view--similar",
        "article-view--exact-mark",
        "article-view--near-mark",
        "article-view--partial-mark",
        "article-view--similar-mark",
        "article-view--cursor",
        "article-view--cursor-mark",
    }

    COMPONENT_PREFIX = "article-view"
    CACHED_LINES = 1024
    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $text;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        padding: 0 1;
    }
    ArticleView > .article-view--title { color: $text; text-style: bold; }
    ArticleView > .article-view--meta { color: $text-muted; }
    ArticleView > .article-view--exact { background: $success 25%; }
    ArticleView > .article-view--near { background: $warning 25%; }
    ArticleView > .article-view--partial { background: magenta 20%; }
    ArticleView > .article-view--similar { background: $primary 25%; }
    ArticleView > .article-view--exact-mark { color: $success; }
    ArticleView > .article-view--near-mark { color: $warning; }
    ArticleView > .article-view--partial-mark { color: magenta; }
    ArticleView > .article-view--similar-mark { color: $primary; }
    ArticleView > .article-view--cursor { background: $foreground 20%; text-style: bold; }
    ArticleView > .article-view--cursor-mark { color: $foreground; text-style: bold; }
    ArticleView:blur > .article-view--cursor { background: $foreground 10%; text-style: none; }
    """

    BINDINGS = [
        Binding("j,down", "next", "Next", show=False, id="reader.next"),
        Binding("k,up", "previous", "Previous", show=False, id="reader.previous"),
        Binding("n", "next_shared", "Next shared", id="reader.next_shared"),
        Binding("N", "previous_shared", "Prev shared", id="reader.previous_shared"),
        Binding("g,home", "first", "First", show=False, id="reader.first"),
        Binding("G,end", "last", "Last", show=False, id="reader.last"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="reader.page_up"),
    ]

    def __init__(
        self,
        article: ArticleRow,
        sentences: list[Sentence],
        kinds: dict[int, str],
        cursor: int | None = None,
        *,
        derived: str | None = None,
        on_cursor: Callable[[int], None] | None = None,
        id: str | None = None,
    ) -> None:
        """`on_cursor(i)` is called as soon as the cursor moves to sentence i, before the
        next frame: a panel that shows the cursor sentence is drawn in the same frame
        as the cursor (a message would reach it a frame later, 13-50 ms)."""
        super().__init__(id=id)
        self._on_cursor = on_cursor
        self.article, self.sentences, self.kinds = article, sentences, kinds
        self.derived = derived  # "68% from IANS, 2025-07-15": who printed its words first
        self._starts = [s.start for s in sentences]
        self._ends = [s.end for s in sentences]
        self.shared = sorted(kinds)
        self.cursor: int | None = None
        if sentences:
            self.cursor = min(max(cursor or 0, 0), len(sentences) - 1)
        self._title = article.label_title
        self._meta = " · ".join(self._meta_parts())
        self._lines: list[Line] = []
        self._first_y: list[int] = []
        self._last_y: list[int] = []
        self._header_height = 0
        self._width = 0
        self._center_pending = cursor is not None

    def _meta_parts(self) -> list[str]:
        a = self.article
        parts = [a.label_outlet, shown_time(a.published)]
        if a.version > 1:
            parts.append(version_label(a))
        elif a.modified and a.modified != a.published:
            parts.append(f"modified {shown_time(a.modified)}")
        parts += [p for p in (a.byline, a.credit and f"credit: {a.credit}") if p]
        parts += [f"{a.words:,} words", *([self.derived] if self.derived else [])]
        parts.append(printable(a.url or where_from(a.source)))
        if a.url and a.source.startswith(("http://", "https://")) and a.source != a.url:
            parts.append(printable(f"fetched from {a.source}"))  # the page's claim, and where
        return parts

    # -- layout ------------------------------------------------------------------

    def _layout(self, width: int) -> None:
        """Wrap header and text to `width`, and note which lines each sentence spans."""
        measure = max(1, min(width - GUTTER, MAX_MEASURE))
        lines = [Line("title", s, e) for s, e in wrap_offsets(self._title, measure)]
        lines += [Line("meta", s, e) for s, e in wrap_offsets(self._meta, measure)]
        lines += [Line("legend"), Line("blank")]
        self._header_height = len(lines)
        text, previous_end = self.article.text, None
        for paragraph in _PARAGRAPH_LINE.finditer(text):
            start, end = paragraph.span()
            if previous_end is not None and text.count("\n", previous_end, start) > 1:
                lines.append(Line("blank"))
            wrapped = wrap_offsets(text[start:end], measure)
            lines += [Line("text", start + s, start + e) for s, e in wrapped]
            previous_end = end
        self._lines = lines
        self._index_sentences()
        self._width = width
        self._cache.clear()
        self.virtual_size = Size(width, len(lines))

    def _index_sentences(self) -> None:
        count = len(self.sentences)
        first, last = [-1] * count, [-1] * count
        j = 0
        for y, line in enumerate(self._lines):
            if line.role != "text":
                continue
            while j < count and self._ends[j] <= line.start:
                j += 1
            k = j
            while k < count and self._starts[k] < line.end:
                if first[k] < 0:
                    first[k] = y
                last[k] = y
                k += 1
        fallback = self._header_height
        for i in range(count):  # a sentence of only spaces still needs a place
            if first[i] < 0:
                first[i] = last[i] = fallback
            fallback = last[i]
        self._first_y, self._last_y = first, last

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Wrap as soon as the layout gives a size, rather than on the Resize message
        that follows: the frame painted after that layout then already shows the text
        (the Resize comes after it, and its own layout waits for another frame)."""
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized:
            self._fit()
        return resized

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._layout(width)
            self.refresh()
        self.scroll_to_cursor(center=self._center_pending)
        self._center_pending = False

    # -- drawing -----------------------------------------------------------------

    def _render_index(self, index: int) -> Strip:
        base = self._style("")
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        mark = Text(" " * GUTTER)
        if line.role == "title":
            body = Text(self._title[line.start : line.end], self._style("title"))
        elif line.role == "meta":
            body = Text(self._meta[line.start : line.end], self._style("meta"))
        elif line.role == "legend":
            body = self.legend()
        elif line.role == "text":
            mark, body = self._text_line(line)
        else:
            body = Text()
        line_text = Text.assemble(mark, body, no_wrap=True, end="")
        line_text.stylize_before(base)  # under the tints: Text.render ignores Text.style
        segments = line_text.render(self.app.console)
        return Strip(segments).crop_extend(0, width, base)

    def legend(self) -> Text:
        """What the tints mean, and how much of this article is shared."""
        legend = Text()
        for kind in KINDS:
            legend.append(f" {kind} ", self._style(kind)).append(" ")
        shared, total = len(self.shared), len(self.sentences)
        legend.append(f" {shared} of {total} sentences shared", self._style("meta"))
        return legend

    def _text_line(self, line: Line) -> tuple[Text, Text]:
        """One wrapped line of article text: tints by kind, the cursor, a change bar."""
        body = Text(self.article.text[line.start : line.end].replace("\t", " "))
        line_kinds = []
        on_cursor = False
        i = bisect_right(self._ends, line.start)
        while i < len(self.sentences) and self._starts[i] < line.end:
            start = max(self._starts[i], line.start) - line.start
            end = min(self._ends[i], line.end) - line.start
            kind = self.kinds.get(i)
            if kind:
                line_kinds.append(kind)
                joined = i + 1 < len(self.sentences) and self.kinds.get(i + 1) == kind
                tint_end = min(self._starts[i + 1], line.end) - line.start if joined else end
                body.stylize(self._style(kind), start, tint_end)
            if i == self.cursor:
                on_cursor = True
                body.stylize(self._style("cursor"), start, end)
            i += 1
        kind = strongest(line_kinds)
        mark_style = self._style(f"{kind}-mark" if kind else "cursor-mark")
        if on_cursor:
            return Text("▶ ", mark_style), body
        return Text("▌ " if kind else "  ", mark_style), body

    # -- the cursor --------------------------------------------------------------

    def move_to(self, i: int, *, center: bool = False, scroll: bool = True) -> None:
        """Put the cursor on sentence `i`, redraw only what changed, and keep it in view."""
        if not self.sentences:
            return
        i = min(max(i, 0), len(self.sentences) - 1)
        old, self.cursor = self.cursor, i
        if old != i:
            if old is not None:
                self._refresh_sentence(old)
            self._refresh_sentence(i)
            if self._on_cursor is not None:
                self._on_cursor(i)
        if scroll:
            self.scroll_to_cursor(center=center)

    def _refresh_sentence(self, i: int) -> None:
        if not self._lines:
            return
        top, bottom = self._first_y[i], self._last_y[i]
        for y in range(top, bottom + 1):
            self._cache.discard(y)
        self.refresh_lines(top, bottom - top + 1)

    def _in_view(self, i: int) -> bool:
        """Is all of sentence `i` on screen? A jump off-screen lands a third of the way down."""
        if not self._lines:
            return False
        y, height = round(self.scroll_y), self.scrollable_content_region.height
        return y <= self._first_y[i] and self._last_y[i] < y + height

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        """Scroll as little as needed to show the cursor sentence (or a third down, if centred)."""
        if self.cursor is None or not self._lines:
            return
        top, bottom = self._first_y[self.cursor], self._last_y[self.cursor]
        height = self.scrollable_content_region.height
        y = round(self.scroll_y)
        if center:
            target = top - height // 3
        elif top - CONTEXT < y:
            target = top - CONTEXT
        elif bottom + CONTEXT >= y + height:
            target = min(top - CONTEXT, bottom + CONTEXT - height + 1)
        else:
            return
        if target <= self._header_height:
            target = 0 if top + 1 < height else target
        # force: straight after a layout the scrollbars are not yet known to be needed
        self.scroll_to(y=max(0, target), animate=False, force=True)

    def sentence_at(self, y: int, x: int) -> int | None:
        """The sentence drawn at content line `y`, column `x` (gutter included)."""
        if not 0 <= y < len(self._lines) or self._lines[y].role != "text":
            return None
        line = self._lines[y]
        offset, cells = line.start, 0
        while offset < line.end and cells + cell_len(self.article.text[offset]) <= x - GUTTER:
            cells += cell_len(self.article.text[offset])
            offset += 1
        i = bisect_right(self._ends, offset)
        if i >= len(self.sentences) or self._starts[i] >= line.end:
            i -= 1  # past the last sentence on the line: take the one before
        return i if i >= 0 else None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        i = self.sentence_at(offset.y + round(self.scroll_y), offset.x)
        if i is not None:
            self.move_to(i)

    # -- actions -----------------------------------------------------------------

    def action_next(self) -> None:
        if self.cursor is not None:
            self.move_to(self.cursor + 1)

    def action_previous(self) -> None:
        if self.cursor is not None:
            self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.sentences) - 1)

    def action_next_shared(self) -> None:
        self._jump_shared(forward=True)

    def action_previous_shared(self) -> None:
        self._jump_shared(forward=False)

    def _jump_shared(self, *, forward: bool) -> None:
        """Go to the next (or previous) shared sentence, wrapping round at the ends."""
        if not self.shared:
            self.notify("No sentence of this article was printed elsewhere.", markup=False)
            return
        cursor = -1 if self.cursor is None else self.cursor
        if forward:
            index = bisect_right(self.shared, cursor)
            wrapped = index == len(self.shared)
            target = self.shared[0 if wrapped else index]
        else:
            index = bisect_left(self.shared, cursor) - 1
            wrapped = index < 0
            target = self.shared[index]
        if wrapped:
            where = "first" if forward else "last"
            self.notify(f"Wrapped round to the {where} shared sentence.", markup=False, timeout=2)
        self.move_to(target, center=not self._in_view(target))

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll a screenful; a cursor left off screen lands on a sentence in view."""
        height = self.scrollable_content_region.height
        step = direction * max(1, height - 1)
        target = min(max(0, round(self.scroll_y) + step), self.max_scroll_y)
        self.scroll_to(y=target, animate=False, force=True)
        if self.cursor is None or not self._lines:
            return
        if target <= self._first_y[self.cursor] and self._last_y[self.cursor] < target + height:
            return
        bottom = target + height - 1
        if direction > 0:  # the first sentence starting in view
            i = bisect_left(self._first_y, target)
        else:  # the last sentence ending in view
            i = bisect_right(self._last_y, bottom) - 1
        if not (0 <= i < len(self.sentences) and target <= self._first_y[i] <= bottom):
            i = max(0, bisect_right(self._first_y, target) - 1)  # one taller than the screen
        self.move_to(i, scroll=False)
