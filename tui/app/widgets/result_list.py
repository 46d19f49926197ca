"""Search results as a line-API ScrollView, with a cursor on one hit.

Every keystroke replaces up to 50 results. An OptionList measures, wraps and
renders every option's prompt each time (most of a keystroke's cost, well
after the search itself had finished), so here each hit is laid out as plain
offsets into its snippet, which is cheap string work, and only the lines on
screen are highlighted, styled and cached. Lines are built straight as plain
segments (article text is never parsed as markup), without Rich's Text render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.app.safe import one_line
from tui.app.widgets.line_cache import CachedLinesView
from tui.app.wrap import wrap_offsets
from tui.library import SearchHit

_WORD = re.compile(r"\w+")
INDENT = "  "  # before a sentence's snippet, under its article line
SNIPPET_LINES = 2
OTHERS = "── other spellings ──"  # above the hits that spell a query word otherwise
NOTHING_AS_TYPED = "── nothing as typed · other spellings ──"  # the same, with no hit above


class Terms:
    """The words of a query, and which words of a text answer them (a typo or two allowed)."""

    def __init__(self, query: str) -> None:
        self.terms = [term.lower() for term in _WORD.findall(query)]
        self._answers: dict[str, bool] = {}  # by lowered word: "the" recurs in every hit

    def answers(self, word: str) -> bool:
        word = word.lower()
        known = self._answers.get(word)
        if known is None:
            known = self._answers[word] = any(
                (index == len(self.terms) - 1 and word.startswith(term))  # still typing it
                or word == term
                or (len(term) >= 4 and fuzz.ratio(word, term) >= 75)
                for index, term in enumerate(self.terms)
            )
        return known

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where in `text` the words answering the query are, in order."""
        return [match.span() for match in _WORD.finditer(text) if self.answers(match.group())]


def fit(pieces: list[tuple[str, Style]], width: int) -> list[Segment]:
    """Pieces of one line as segments of at most `width` cells, cut with an ellipsis."""
    if width <= 0:
        return []
    total = sum(cell_len(text) for text, _ in pieces)
    if total <= width:
        return [Segment(text, style) for text, style in pieces if text]
    segments: list[Segment] = []
    room = max(0, width - 1)
    style = pieces[0][1] if pieces else Style()
    for text, style in pieces:
        cells = cell_len(text)
        if cells >= room:
            segments.append(Segment(set_cell_size(text, room), style))
            break
        segments.append(Segment(text, style))
        room -= cells
    segments.append(Segment("…", style))
    return segments


def snippet(text: str, query: str, width: int) -> str:
    """A sentence on one line, started near the first query word when that is far in."""
    text = one_line(text)
    lowered = text.lower()
    first = min(
        (found for term in _WORD.findall(query.lower()) if (found := lowered.find(term)) >= 0),
        default=0,
    )
    if first > width // 3:
        text = "…" + text[first - width // 4 :]
    return text[: width * (SNIPPET_LINES + 1)]  # more than the lines can hold: cut below


@dataclass(frozen=True)
class Line:
    """One screen line: which hit, and what of it (its article, its title, or snippet offsets)."""

    hit: int  # -1 for the line that parts exact hits from other spellings
    role: str  # head, title, snippet or others
    start: int = 0
    end: int = 0
    cut: bool = False  # the snippet goes on past this line: end it with an ellipsis


class ResultList(CachedLinesView, can_focus=True):
    """Search hits, best first: an article line and a snippet, or a matching title; the
    hits that spell a query word otherwise come last, under an "other spellings" line."""

    COMPONENT_CLASSES = {"result-list--cursor", "result-list--hover"}

    COMPONENT_PREFIX = "result-list"
    DEFAULT_CSS = """
    ResultList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        padding: 0 1;
    }
    ResultList:focus { background-tint: $foreground 5%; }
    ResultList > .result-list--cursor {
        color: $foreground;
        background: $block-cursor-blurred-background;
    }
    ResultList:focus > .result-list--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    ResultList > .result-list--hover { background: $block-hover-background; }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="search.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="search.up"),
        Binding("home,g", "first", "First", show=False, id="search.first"),
        Binding("end,G", "last", "Last", show=False, id="search.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="search.page_up"),
        Binding("enter", "select", "Open", show=False, id="search.open"),
    ]

    class Selected(Message):
        """A hit was chosen (enter or a click)."""

        def __init__(self, results: ResultList, index: int) -> None:
            super().__init__()
            self.results, self.index = results, index

        @property
        def control(self) -> ResultList:
            return self.results

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[SearchHit] = []
        self.query = ""
        self.cursor: int | None = None
        self.hover: int | None = None
        self._lines: list[Line] = []
        self._first_y: list[int] = []
        self._snippets: list[str] = []
        self._terms = Terms("")
        self._spans: dict[int, list[tuple[int, int]]] = {}  # the query's words, by hit
        self._measure = 1  # cells for a snippet line, after its indent
        self._width = 0
        self._line_style_cache: dict[str, dict[str, Style]] = {}

    @property
    def count(self) -> int:
        return len(self.hits)

    # -- contents ----------------------------------------------------------------

    def show(self, hits: list[SearchHit], query: str) -> None:
        """Replace the results; the cursor goes and the list scrolls back to the top."""
        self.hits, self.query = hits, query
        self._terms = Terms(query)
        self.cursor = self.hover = None
        self._layout(self._width, force=True)
        self.scroll_to(y=0, animate=False, force=True)

    def _layout(self, width: int, *, force: bool = False) -> None:
        """Lay every hit out as lines of `width` cells; nothing is styled yet."""
        if width == self._width and not force:
            return
        self._width = width
        lines: list[Line] = []
        first_y: list[int] = []
        snippets: list[str] = []
        measure = self._measure = max(1, width - len(INDENT))
        for n, hit in enumerate(self.hits):
            if not hit.exact and (n == 0 or self.hits[n - 1].exact):
                lines.append(Line(-1, "others"))
            first_y.append(len(lines))
            if hit.i is None:
                snippets.append(one_line(hit.text))  # a title, or a file name
                lines.append(Line(n, "title"))
                continue
            text = snippet(hit.text, self.query, width) if width > 0 else ""
            snippets.append(text)
            lines.append(Line(n, "head"))
            wrapped = wrap_offsets(text, measure)
            for k, (start, end) in enumerate(wrapped[:SNIPPET_LINES]):
                if k == SNIPPET_LINES - 1 and len(wrapped) > SNIPPET_LINES:
                    lines.append(Line(n, "snippet", start, len(text), cut=True))
                else:
                    lines.append(Line(n, "snippet", start, end))
        self._lines, self._first_y, self._snippets = lines, first_y, snippets
        self._spans.clear()
        self._cache.clear()
        self._set_virtual_size(Size(width, len(lines)))
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size without the screen-wide layout that the reactive asks
        for: this widget's own size does not depend on it, only its scrollbar does."""
        if size == self.virtual_size:
            return
        self.set_reactive(Widget.virtual_size, size)
        if self.is_mounted:
            self._scroll_update(size)  # scrollbars (a layout only if one appears or goes)

    def on_resize(self, event: events.Resize) -> None:
        self._layout(self.scrollable_content_region.width)
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        """A theme or CSS change recolours everything."""
        super().notify_style_update()
        self._line_style_cache.clear()

    # -- drawing -----------------------------------------------------------------

    def _render_index(self, index: int) -> Strip:
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self._style(""))
        line = self._lines[index]
        state = "cursor" if line.hit == self.cursor else "hover" if line.hit == self.hover else ""
        styles = self._line_styles(state)
        segments = fit(self._pieces(line, styles), width)
        used = sum(segment.cell_length for segment in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), styles["plain"]))
        return Strip(Segment.simplify(segments), width)

    def _pieces(self, line: Line, styles: dict[str, Style]) -> list[tuple[str, Style]]:
        """A line as (text, style) pieces, the query's words marked; always literal text."""
        plain = styles["plain"]
        if line.role == "others":
            typed = self.hits and self.hits[0].exact
            return [(OTHERS if typed else NOTHING_AS_TYPED, styles["dim"])]
        hit = self.hits[line.hit]
        if line.role == "head":
            row = hit.article
            return [
                (row.label_outlet, styles["bold"]),
                (" · ", plain),
                (row.published or "undated", styles["dim"]),
                (" · ", plain),
                (one_line(row.label_title), styles["italic"]),
            ]
        text = self._snippets[line.hit]
        spans = self._spans.get(line.hit)
        if spans is None:
            spans = self._spans[line.hit] = self._terms.spans(text)
        if line.role == "title":
            start, end, pieces = 0, len(text), [("title  ", styles["dim"])]
        else:
            start, end, pieces = line.start, line.end, [(INDENT, plain)]
        cut: list[tuple[str, Style]] = []
        for span_start, span_end in spans:
            if span_end <= start or span_start >= end:
                continue
            span_start, span_end = max(span_start, start), min(span_end, end)
            cut.append((text[start:span_start], plain))
            cut.append((text[span_start:span_end], styles["match"]))
            start = span_end
        cut.append((text[start:end], plain))
        if line.cut:  # the snippet's last line: at most its room, then an ellipsis
            cut = [(segment.text, segment.style or plain) for segment in fit(cut, self._measure)]
        return pieces + cut

    def _line_styles(self, state: str) -> dict[str, Style]:
        """Styles for a line's parts, over the widget's colours and the cursor's or hover's."""
        if state not in self._line_style_cache:
            base = self._style("")
            if state:
                base += self._style(state)
            self._line_style_cache[state] = {
                "plain": base,
                "bold": base + Style(bold=True),
                "dim": base + Style(dim=True),
                "italic": base + Style(italic=True),
                "match": base + Style(bold=True, reverse=True),
            }
        return self._line_style_cache[state]

    def _hit_lines(self, n: int) -> range:
        top = self._first_y[n]
        bottom = self._first_y[n + 1] if n + 1 < len(self._first_y) else len(self._lines)
        return range(top, bottom)

    def _refresh_hit(self, n: int | None) -> None:
        if n is None or not 0 <= n < len(self._first_y):
            return
        lines = self._hit_lines(n)
        for y in lines:
            self._cache.discard(y)
        self.refresh_lines(lines.start, len(lines))

    # -- the cursor --------------------------------------------------------------

    def move_to(self, n: int) -> None:
        """Put the cursor on hit `n` and keep it in view."""
        if not self.hits:
            return
        n = min(max(n, 0), len(self.hits) - 1)
        old, self.cursor = self.cursor, n
        if old != n:
            self._refresh_hit(old)
            self._refresh_hit(n)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if self.cursor is None or not self._first_y:
            return
        lines = self._hit_lines(self.cursor)
        height = self.scrollable_content_region.height
        y = round(self.scroll_y)
        if lines.start < y:
            self.scroll_to(y=lines.start, animate=False, force=True)
        elif lines.stop > y + height:
            self.scroll_to(y=max(lines.start, lines.stop - height), animate=False, force=True)

    def hit_at(self, y: int) -> int | None:
        """The hit drawn on content line `y` (scroll included)."""
        hit = self._lines[y].hit if 0 <= y < len(self._lines) else -1
        return hit if hit >= 0 else None

    def on_focus(self, event: events.Focus) -> None:
        if self.cursor is None and self.hits:
            self.move_to(0)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        n = None if offset is None else self.hit_at(offset.y + round(self.scroll_y))
        if n is not None:
            self.move_to(n)
            self.post_message(self.Selected(self, n))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        n = None if offset is None else self.hit_at(offset.y + round(self.scroll_y))
        self._hover(n)

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, n: int | None) -> None:
        if n != self.hover:
            old, self.hover = self.hover, n
            self._refresh_hit(old)
            self._refresh_hit(n)

    # -- actions -----------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_to(0 if self.cursor is None else self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(0 if self.cursor is None else self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.hits) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move the cursor by about a screenful of lines."""
        if not self.hits:
            return
        if self.cursor is None:
            self.move_to(0)
            return
        height = max(1, self.scrollable_content_region.height)
        target = self._first_y[self.cursor] + direction * height
        target = min(max(target, 0), len(self._lines) - 1)
        if self._lines[target].hit < 0:  # the "other spellings" line: the hit under it
            target += 1
        self.move_to(self._lines[target].hit)

    def action_select(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Selected(self, self.cursor))
