"""Where else the sentence under the cursor was printed, and who printed it first.

A reporter checking copy wants three answers at once: is this sentence
mine alone, who ran it first, and what did the others change. Everything
is built as rich Text (never markup), so article words show literally.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.library import ArticleRow, Link, first_printed
from tui.match.diff import word_diff
from tui.models import Sentence


def outlet_name(article: ArticleRow) -> str:
    """The outlet, or the file name when the page did not say."""
    return article.label_outlet


class LinksPanel(VerticalScroll):
    """A side panel following the reader's cursor sentence."""

    COMPONENT_CLASSES = {
        "links-panel--heading",
        "links-panel--muted",
        "links-panel--first",
        "links-panel--outlet",
        "links-panel--exact",
        "links-panel--near",
        "links-panel--similar",
        "links-panel--delete",
        "links-panel--insert",
    }

    DEFAULT_CSS = """
    LinksPanel {
        background: $panel;
        padding: 0 1;
    }
    LinksPanel > Static { width: 1fr; }
    LinksPanel > .links-panel--heading { text-style: bold; color: $text; }
    LinksPanel > .links-panel--muted { color: $text-muted; }
    LinksPanel > .links-panel--first { color: $text-warning; text-style: bold; }
    LinksPanel > .links-panel--outlet { text-style: bold; color: $text; }
    LinksPanel > .links-panel--exact { color: $text-success; text-style: bold; }
    LinksPanel > .links-panel--near { color: $text-warning; text-style: bold; }
    LinksPanel > .links-panel--similar { color: $text-primary; text-style: bold; }
    LinksPanel > .links-panel--delete { color: $text-error; text-style: strike; }
    LinksPanel > .links-panel--insert { color: $text-success; text-style: underline; }
    """

    _shown: tuple[ArticleRow, Sentence, int, list[Link]] | None = None
    text = Text()
    """What the panel shows now (kept for tests and screen readers)."""

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="links-body")

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"links-panel--{name}")

    def show(self, here: ArticleRow, sentence: Sentence, total: int, links: list[Link]) -> None:
        """Describe `sentence` (of `total` in `here`) and the `links` to other articles."""
        self._shown = (here, sentence, total, links)
        self._draw()
        self.scroll_home(animate=False)

    def _draw(self) -> None:
        if self._shown is not None and self.is_mounted:
            self.text = self.describe(*self._shown)
            self.query_one("#links-body", Static).update(self.text)

    def notify_style_update(self) -> None:
        """Styles are baked into the Text, so a theme change means drawing it again."""
        super().notify_style_update()
        self._draw()

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
        first = min([here, *(link.article for link in links)], key=first_printed)
        out.append_text(self._first_line(here, first, links)).append("\n")
        any_diff = False
        for link in links:
            out.append("\n")
            out.append_text(self._link_text(link, is_first=link.article.id == first.id))
            if link.kind != "exact":
                any_diff = True
                out.append("\n").append_text(self.diff(sentence.text, link.text))
            out.append("\n")
        if any_diff:
            muted = self._style("muted")
            out.append("\n").append("struck", self._style("delete")).append(" only here · ", muted)
            out.append("underlined", self._style("insert")).append(" only there", muted)
        return out

    def _first_line(self, here: ArticleRow, first: ArticleRow, links: list[Link]) -> Text:
        """Who printed it first; a same-day tie is worth saying, since order is then a guess."""
        if first.id == here.id:
            line = Text("★ First printed here", self._style("first"))
        else:
            line = Text(
                f"★ First: {outlet_name(first)}, {first.published or 'undated'}",
                self._style("first"),
            )
        rivals = {link.article.id for link in links if link.article.published == first.published}
        rivals |= {here.id} if here.published == first.published else set()
        rivals.discard(first.id)
        if first.published and rivals:
            others = f"{len(rivals)} other" + ("s" if len(rivals) > 1 else "")
            line.append(f" (same day as {others})", self._style("muted"))
        return line

    def _link_text(self, link: Link, *, is_first: bool) -> Text:
        text = Text("■ ", self._style(link.kind))
        text.append(outlet_name(link.article), self._style("outlet"))
        if is_first:
            text.append("  ★ first", self._style("first"))
        text.append(f"\n  {link.article.published or 'undated'} · ", self._style("muted"))
        text.append(f"{link.kind} {int(link.score)}", self._style(link.kind))
        text.append(f" · sentence {link.i + 1}", self._style("muted"))
        return text

    def diff(self, ours: str, theirs: str) -> Text:
        """Their sentence against ours, word by word; quotes, case and commas aside."""
        parts = word_diff(ours, theirs)
        if all(part.op == "equal" for part in parts):
            return Text("Same words; only punctuation or case differ.", self._style("muted"))
        out = Text()
        for part in parts:
            if out:
                out.append(" ")
            if part.op == "equal":
                out.append(part.a)
            if part.op in ("delete", "replace"):
                out.append(part.a, self._style("delete"))
            if part.op == "replace":
                out.append(" ")
            if part.op in ("insert", "replace"):
                out.append(part.b, self._style("insert"))
        return out
