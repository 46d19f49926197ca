"""Where else the sentence under the cursor was printed, and who printed it first.

A reporter checking copy wants three answers at once: is this sentence
mine alone, who ran it first, and what did the others change. Everything
is built as rich Text (never markup), so article words show literally.

The panel changes on every cursor move, and a wire sentence can have dozens
of copies, so it is a line-API ScrollView: the text is wrapped once per
sentence and only the lines on screen are styled, with no layout pass (a
Static would re-render and re-measure the whole description each time).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.line_cache import CachedLinesView
from tui.library import (
    ArticleRow,
    Link,
    Origin,
    change_text,
    find_origin,
    first_of,
    flipped,
    shown_time,
)
from tui.marked import marked_sides
from tui.match.diff import word_diff
from tui.models import Sentence
from tui.report.text import QUOTE_MARK, tie_text


class LinksPanel(CachedLinesView):
    """A side panel following the reader's cursor sentence."""

    COMPONENT_CLASSES = {
        "links-panel--heading",
        "links-panel--muted",
        "links-panel--first",
        "links-panel--outlet",
        "links-panel--exact",
        "links-panel--near",
        "links-panel--partial",
        "links-panel--similar",
        "links-panel--delete",
        "links-panel--insert",
        "links-panel--changed",
    }

    COMPONENT_PREFIX = "links-panel"
    DEFAULT_CSS = """
    LinksPanel {
        background: $panel;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: auto;
    }
    LinksPanel > .links-panel--heading { text-style: bold; color: $text; }
    LinksPanel > .links-panel--muted { color: $text-muted; }
    LinksPanel > .links-panel--first { color: $text-warning; text-style: bold; }
    LinksPanel > .links-panel--outlet { text-style: bold; color: $text; }
    LinksPanel > .links-panel--exact { color: $text-success; text-style: bold; }
    LinksPanel > .links-panel--near { color: $text-warning; text-style: bold; }
    LinksPanel > .links-panel--partial { color: magenta; text-style: bold; }
    LinksPanel > .links-panel--similar { color: $text-primary; text-style: bold; }
    LinksPanel > .links-panel--delete { color: $text-error; text-style: strike; }
    LinksPanel > .links-panel--insert { color: $text-success; text-style: underline; }
    LinksPanel > .links-panel--changed { color: $text-error; text-style: bold; }
    """

    text = Text()
    """What the panel shows now (kept for tests and screen readers)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[ArticleRow, Sentence, int, list[Link]] | None = None
        self._lines: list[Text] = []
        self._wrapped_for: tuple[int, int] = (-1, -1)  # (width, height) of the last wrap

    def show(self, here: ArticleRow, sentence: Sentence, total: int, links: list[Link]) -> None:
        """Describe `sentence` (of `total` in `here`) and the `links` to other articles."""
        self._shown = (here, sentence, total, links)
        self._draw()
        self.scroll_to(y=0, animate=False, force=True)

    def _draw(self) -> None:
        if self._shown is not None and self.is_mounted:
            self.text = self.describe(*self._shown)
            self._wrap()

    def _wrap(self) -> None:
        """Wrap the text to the panel, leaving room for a scrollbar only when it is needed."""
        region = self.content_region
        self._wrapped_for = (region.width, region.height)
        if region.width <= 0:
            return  # not laid out yet: on_resize wraps
        console = self.app.console
        lines = self.text.wrap(console, region.width)
        scrollbar = self.styles.scrollbar_size_vertical
        if len(lines) > region.height and region.width > scrollbar:
            lines = self.text.wrap(console, region.width - scrollbar)
        for line in lines:
            line.rstrip()  # as Static does: no styled spaces trailing at a wrap
        self._lines = list(lines)
        self._cache.clear()
        # The panel's size is fixed by CSS, so a new length needs no layout of the screen
        # (which assigning `virtual_size` asks for, and which costs a full repaint): only
        # the scrollbar is updated, and it asks for a layout itself if it comes or goes.
        self.set_reactive(ScrollView.virtual_size, Size(region.width, len(self._lines)))
        self._scroll_update(self.virtual_size)
        self.refresh()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Wrap during the layout that sizes the panel, so the frame it paints shows the
        text (the Resize message comes after that frame; see ArticleView)."""
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized:
            self._fit()
        return resized

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        region = self.content_region
        if (region.width, region.height) != self._wrapped_for:
            self._wrap()

    def notify_style_update(self) -> None:
        """Styles are baked into the Text, so a theme change means drawing it again."""
        super().notify_style_update()
        self._draw()

    def _render_index(self, index: int) -> Strip:
        base = self._style("")
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index].copy()
        line.stylize_before(base)
        return Strip(line.render(self.app.console)).crop_extend(0, width, base)

    def describe(self, here: ArticleRow, sentence: Sentence, total: int, links: list[Link]) -> Text:
        out = Text()
        out.append(f"Sentence {sentence.i + 1} of {total}\n", self._style("heading"))
        if not links:
            out.append("Only in this article.\n", self._style("outlet"))
            out.append("n jumps to the next shared sentence.", self._style("muted"))
            return out
        others = len({link.article.id for link in links})
        plural = "article" if others == 1 else "articles"
        out.append(f"Printed by {others} other {plural}\n", self._style("outlet"))
        origin = find_origin([here, *{link.article.id: link.article for link in links}.values()])
        first = origin.article if origin.certain else None
        out.append_text(self._first_line(here, origin)).append("\n")
        any_diff = False
        for link in links:
            out.append("\n")
            is_first = first is not None and link.article.id == first.id
            out.append_text(self._link_text(link, is_first=is_first))
            if link.changes:
                out.append("\n").append_text(self.changes(here, link))
            if link.kind != "exact":
                any_diff = True
                out.append("\n").append_text(self.diff(sentence.text, link.text))
            out.append("\n")
        if any_diff:
            muted = self._style("muted")
            out.append("\n").append("struck", self._style("delete")).append(" only here · ", muted)
            out.append("underlined", self._style("insert")).append(" only there", muted)
        return out

    def _first_line(self, here: ArticleRow, origin: Origin) -> Text:
        """Who printed it first, or that a tie leaves the order unknown (no star then)."""
        if not origin.certain:
            names = ", ".join(
                "here" if row.id == here.id else row.label_outlet_id for row in origin.tied
            )
            when = tie_text(origin.tied)
            if when.endswith("same day"):
                when += f" ({shown_time(origin.article.published)})"
            return Text(f"First: {when}: {names}", self._style("muted"))
        first = origin.article
        if first.id == here.id:
            line = Text("★ First printed here", self._style("first"))
        else:
            when = shown_time(first.published)
            line = Text(f"★ First: {first.label_outlet_id}, {when}", self._style("first"))
        if len(origin.tied) > 1:  # a tie a wire credit broke
            line.append(f" (wire credit {first.credit}; same day as ", self._style("muted"))
            line.append(f"{len(origin.tied) - 1} other)", self._style("muted"))
        return line

    def _link_text(self, link: Link, *, is_first: bool) -> Text:
        text = Text("■ ", self._style(link.kind))
        text.append(link.article.label_outlet_id, self._style("outlet"))
        if is_first:
            text.append("  ★ first", self._style("first"))
        text.append(f"\n  {shown_time(link.article.published)} · ", self._style("muted"))
        text.append(f"{link.kind} {int(link.score)}", self._style(link.kind))
        if link.quote:  # both printed someone's words: no evidence one copied the other
            text.append(f" · {QUOTE_MARK} quote", self._style("muted"))
        text.append(f" · sentence {link.i + 1}", self._style("muted"))
        return text

    def changes(self, here: ArticleRow, link: Link) -> Text:
        """The facts changed between the two printings, read from the earlier to the
        later: "Changed there: 12,000 → 15,000" when the other printing is the copy,
        "Changed here: Varga → Vargas" when this one is; "Differs" on a tie."""
        first = first_of(here, link.article)
        if first is None:
            label, changes = "Differs (here → there): ", link.changes
        elif first.id == here.id:
            label, changes = "Changed there: ", link.changes
        else:
            label, changes = "Changed here: ", flipped(link.changes)
        out = Text(f"  {label}", self._style("changed"))
        for n, change in enumerate(changes):
            if n:
                out.append(" · ", self._style("muted"))
            out.append(change_text(change), self._style("changed"))
            out.append(f" ({change.type})", self._style("muted"))
        return out

    def diff(self, ours: str, theirs: str) -> Text:
        """Both sentences one above the other, words only in one side marked: struck on
        ours, underlined on theirs (strike and underline read without colour too)."""
        parts = word_diff(ours, theirs)
        if all(part.op == "equal" for part in parts):
            return Text("  Same words; only punctuation or case differ.", self._style("muted"))
        here, there = marked_sides(
            parts,
            self._style("delete"),
            self._style("insert"),
            Text("  here:  ", self._style("muted")),
            Text("  there: ", self._style("muted")),
        )
        return here.append("\n").append_text(there)
