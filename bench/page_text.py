"""A page's whole visible text, as a browser's select-all-and-copy gives it.

    python bench/page_text.py /work/shared/bench/article-extraction [--page ID] [--out DIR]

This is the input of copydesk's text cleaner when a user pastes a page instead of
saving its HTML, so the text benchmark (bench/extraction.py) scores the cleaner on
it. The conversion follows what browsers do when they copy rendered text
(`innerText`): block elements start new lines, paragraphs and headings are set off
by a blank line, `<br>` breaks a line, table cells are separated by tabs, inline
text is joined and its whitespace collapsed (except in `<pre>`), and nothing that
is not rendered is copied: `<head>`, scripts, styles, `<template>`, and elements
hidden with the `hidden` attribute, `aria-hidden="true"` or an inline
`display: none` / `visibility: hidden` style. Pages are read in place, never
copied into this repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

# Elements a browser never renders as text.
_UNRENDERED = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "title",
        "meta",
        "link",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "img",
        "select",
        "datalist",
        "textarea",
        "input",
    }
)
# Blocks whose text innerText sets off with a blank line above and below.
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
# Other elements browsers display as blocks: they start and end a line.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)
_CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
# Line-break markers: one for a line break, two for a blank line. A run of them
# (with spaces between) becomes the largest, like innerText's "required line break count".
_LINE = "\x01"
_BLANK = "\x02"
_BREAKS = re.compile(r"[ \x01\x02]*[\x01\x02][ \x01\x02]*")


def is_hidden(el: HtmlElement) -> bool:
    """True for elements a browser does not show (and so does not copy)."""
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def page_text(html: str) -> str:
    """The visible text of a page: one line per block, a blank line around paragraphs."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.LxmlError, ValueError):
        return ""
    return element_text(root)


def element_text(root: HtmlElement) -> str:
    """innerText-like text of `root`; the walk is iterative, so deep pages cannot overflow."""
    pieces: list[str] = []
    pre_depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in _UNRENDERED or is_hidden(el):
                if el is not root and el.tail:  # the tail is outside the skipped element
                    pieces.append(_inline(el.tail, pre_depth))
                walker.skip_subtree()
                continue
            pre_depth += tag == "pre"
            pieces.append(_opening(tag))
            if el.text:
                pieces.append(_inline(el.text, pre_depth))
        else:
            pieces.append(_closing(tag))
            pre_depth -= tag == "pre"
            if el is not root and el.tail:
                pieces.append(_inline(el.tail, pre_depth))
    return _finish("".join(pieces))


def _opening(tag: str) -> str:
    if tag in _PARAGRAPHS:
        return _BLANK
    if tag in _BLOCKS:
        return _LINE
    if tag == "br":
        return "\n"
    return ""


def _closing(tag: str) -> str:
    if tag in _CELLS:
        return "\t"
    return _opening(tag) if tag != "br" else ""


def _inline(text: str, pre_depth: int) -> str:
    """Inline text: whitespace runs become one space, except inside `<pre>`."""
    return text if pre_depth else _SPACES.sub(" ", text)


def _finish(text: str) -> str:
    """Resolve break markers, trim every line, and drop leading and trailing blank lines."""
    text = _BREAKS.sub(lambda m: "\n\n" if _BLANK in m.group() else "\n", text)
    lines = [line.strip(" \t") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def main(argv: list[str] | None = None) -> int:
    from extraction import load_pages  # a sibling script, imported only when run as one

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the article-extraction benchmark folder")
    parser.add_argument("--page", help="print one page's text (an id or its first characters)")
    parser.add_argument("--out", type=Path, help="write <id>.txt for every page into this folder")
    args = parser.parse_args(argv)
    pages = load_pages(args.folder)
    if args.page:
        matches = [p for p in pages if p.id.startswith(args.page)]
        if len(matches) != 1:
            print(f"{len(matches)} pages match {args.page!r}", file=sys.stderr)
            return 2
        print(page_text(matches[0].html))
        return 0
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (args.out / f"{page.id}.txt").write_text(page_text(page.html), encoding="utf-8")
        print(f"wrote {len(pages)} pages to {args.out}")
        return 0
    parser.error("give --page ID or --out DIR")
    return 2


if __name__ == "__main__":
    sys.exit(main())
