"""HTML -> paragraphs of plain text, from an lxml tree or (as a last resort) a token stream.

Both walkers are iterative, never recursive, so a page nested 50,000 levels deep
cannot hit Python's recursion limit.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from lxml import etree
from lxml.html import HtmlElement

# Elements that start and end a paragraph. A `div` is a block too: a div that
# only wraps other blocks yields no text of its own, so it adds no paragraph.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
# Table cells sit side by side: keep their words apart without breaking the row.
# A lone `br` is a space too; two in a row (`<br><br>`) end a paragraph.
SPACED_TAGS = frozenset({"br", "td", "th"})
# Elements whose text is never part of the story.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe"}
)

# Zero-width spaces count as spaces; zero-width (non-)joiners do not: they shape
# Persian and Indic words and hold emoji sequences (a family, a rainbow flag) together.
_SPACE = re.compile(r"[\s\u200b\u2060\ufeff]+")


def collapse(text: str) -> str:
    """Fold every run of whitespace (including Unicode and zero-width spaces) to one space."""
    return _SPACE.sub(" ", text).strip()


class _Paragraphs:
    """Collects text pieces and cuts them into whitespace-collapsed paragraphs."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self.done: list[str] = []
        self._after_br = False  # a `br` with nothing but whitespace since

    def add(self, text: str | None) -> None:
        if text:
            self._pieces.append(text)
            self._after_br = self._after_br and not text.strip()

    def line_break(self) -> None:
        """A `br`: a space, or the end of the paragraph when it follows another."""
        if self._after_br:
            self.cut()
        else:
            self.add(" ")
            self._after_br = True

    def cut(self) -> None:
        self._after_br = False
        if self._pieces:
            paragraph = collapse("".join(self._pieces))
            self._pieces.clear()
            if paragraph:
                self.done.append(paragraph)

    def result(self) -> list[str]:
        self.cut()
        return self.done


def element_paragraphs(root: HtmlElement, skip: frozenset[str] = SKIP_TAGS) -> list[str]:
    """Paragraphs of the text inside `root` (its own tail excluded), leaving out the
    elements named in `skip` (lower-case tag names) and what they hold."""
    out = _Paragraphs()
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event in ("comment", "pi"):
            out.add(el.tail)
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in skip:
                walker.skip_subtree()
                continue
            _boundary(out, tag)
            out.add(el.text)
        else:
            if tag != "br":  # a `br` counts once, at its start
                _boundary(out, tag)
            if el is not root:
                out.add(el.tail)
    return out.result()


def _boundary(out: _Paragraphs, tag: str) -> None:
    """What a tag boundary does to the paragraph being built."""
    if tag in BLOCK_TAGS:
        out.cut()
    elif tag == "br":
        out.line_break()
    elif tag in SPACED_TAGS:
        out.add(" ")


# Without a tree an unclosed <head> or <iframe> would hide the rest of the page,
# so the stream skips only elements that are reliably closed.
_STREAM_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "title", "svg", "math"})


class _StreamText(HTMLParser):
    """Tag-soup tokenizer that keeps no tree, so no depth limit applies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _Paragraphs()
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STREAM_SKIP_TAGS:
            self._skipping.append(tag)
        elif not self._skipping:
            _boundary(self.out, tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping and tag not in _STREAM_SKIP_TAGS:
            _boundary(self.out, tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
        else:
            _boundary(self.out, tag)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.out.add(data)


def stream_paragraphs(html: str) -> list[str]:
    """Paragraphs of a whole page without building a tree: the fallback when lxml cannot cope."""
    parser = _StreamText()
    parser.feed(html)
    parser.close()
    return parser.out.result()
