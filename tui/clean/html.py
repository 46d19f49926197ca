"""HTML page -> article text and metadata (readability-lxml plus page metadata).

The page is parsed once with lxml: metadata is read from the tree first, then
readability-lxml picks the story from the same tree (it works on a copy, but
drops hidden elements from ours), and `html_prune` takes the furniture readability
leaves in (captions, bylines, share and newsletter boxes, link lists). Whatever the
markup, the only exception that leaves `clean_html` is `SourceError`.
"""

from __future__ import annotations

import logging
import re

import lxml.html
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from readability.readability import Unparseable

from tui.clean.html_body import readability_article
from tui.clean.html_lines import (
    drop_datelines,
    drop_furniture,
    drop_headline,
    drop_trailer,
    split_bylines,
)
from tui.clean.html_meta import PageMeta, iso_date, page_meta
from tui.clean.html_outlet import host_name
from tui.clean.html_prune import prune
from tui.clean.html_second import headline_prose, page_prose, second_opinion
from tui.clean.html_text import element_paragraphs, stream_paragraphs
from tui.clean.meta import agency_name, byline_agency, find_credit, parse_date
from tui.clean.meta import find_byline as byline_of
from tui.errors import SourceError
from tui.models import Cleaned

# readability logs a traceback for every page it cannot summarise; with no
# logging configured Python would print it to stderr, so give it somewhere quiet.
logging.getLogger("readability").addHandler(logging.NullHandler())

_WORD = re.compile(r"\w")
_PARSE_ERRORS = (etree.LxmlError, ValueError, RecursionError)
# News pages have a few thousand elements (at most 1,709 among the 181 benchmark
# pages). readability and htmldate cost about 0.1 ms per element, and several
# times the page in memory: 20 MB of tiny <div>s took 70 s and 1 GB, so a page
# this far beyond any article is refused rather than cleaned.
MAX_ELEMENTS = 50_000


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Extract the story body (paragraphs separated by blank lines) and metadata.

    `url` is where the page was fetched from, if it was. `published` and
    `modified` keep the time and zone the page gives ("2019-11-19T23:30:00-05:00");
    htmldate's fallback gives a day ("2019-11-19"). `url` is the page's canonical
    URL, None when it names none (`clean()` then falls back to the fetched URL).
    """
    tree, truncated = parse_page(html)
    if tree is not None and tree.xpath("count(//*)") > MAX_ELEMENTS:
        raise SourceError(f"page too complex: over {MAX_ELEMENTS:,} HTML elements")
    meta = _metadata(tree, url)
    published = meta.published or _htmldate(tree, url)  # before readability touches the tree
    prose = page_prose(tree) if tree is not None and not truncated else []
    story = headline_prose(tree, meta.title) if tree is not None and not truncated else []
    body, extractor = _body(html, tree, truncated)
    if extractor == "readability":
        other = second_opinion(html, body, prose, story)
        if other is not None:
            body, extractor = other, "trafilatura"
    paragraphs = drop_datelines(drop_headline(body, meta.title))
    paragraphs, bylines = split_bylines(paragraphs)
    credit = _credit("\n\n".join(paragraphs)) or meta.byline_credit  # sign-off or byline
    credit = credit or next(filter(None, map(byline_agency, bylines)), None)
    byline = meta.byline or next(filter(None, map(byline_of, bylines)), None)
    if byline and agency_name(byline):
        byline = None  # "By The Associated Press" is the credit
    line_date = next(filter(None, map(parse_date, bylines)), None)
    published = meta.published or line_date or published
    text = "\n\n".join(drop_trailer(drop_furniture(paragraphs)))  # after the credit is read
    if not _WORD.search(text):
        raise SourceError("no article text found")
    return Cleaned(
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        published=published,
        modified=meta.modified,
        url=meta.url,
        byline=byline,
        credit=credit,
        extractor=extractor,
    )


def parse_page(html: str) -> tuple[HtmlElement | None, bool]:
    """Parse like readability does (UTF-8 bytes, so encoding declarations are harmless).

    Returns the tree, or None when lxml builds none, and whether libxml2 gave up
    part-way: past 256 levels of nesting or 10 MB of text it reports a fatal
    error, stops, and silently drops the rest of the page.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except _PARSE_ERRORS:
        return None, False
    truncated = any(error.level == etree.ErrorLevels.FATAL for error in parser.error_log)
    return tree, truncated


def _metadata(tree: HtmlElement | None, url: str | None) -> PageMeta:
    """Page metadata; a page too broken to read any from still gets its outlet from the URL."""
    if tree is not None:
        try:
            return page_meta(tree, url)
        except _PARSE_ERRORS:
            pass
    return PageMeta(outlet=host_name(url))


def _body(html: str, tree: HtmlElement | None, truncated: bool) -> tuple[list[str], str]:
    """Readability's article, pruned, or the page's flat text when readability cannot
    run, with which it is: "readability" or "page text"."""
    if tree is None or truncated:
        return _stream(html), "page text"
    try:
        article = readability_article(tree)
        if article is not None:
            prune(article)
    except (Unparseable, *_PARSE_ERRORS):
        body = tree.find("body")
        return element_paragraphs(body if body is not None else tree), "page text"
    return (element_paragraphs(article) if article is not None else []), "readability"


def _stream(html: str) -> list[str]:
    """Flat text without a tree, for pages lxml truncates or cannot parse at all."""
    try:
        return stream_paragraphs(html)
    except (AssertionError, ValueError, RecursionError) as error:
        raise SourceError(f"unreadable HTML: {error}".splitlines()[0]) from error


def _htmldate(tree: HtmlElement | None, url: str | None) -> str | None:
    """htmldate's guess, for pages without machine-readable dates: a day ("2019-11-19").

    htmldate is a heuristic library with many code paths; a failure there must
    not cost us the article, hence the broad except.
    """
    if tree is None:
        return None
    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:
        return None
    return iso_date(found)


def _credit(text: str) -> str | None:
    """The wire agency credited in the body, if the credit finder is available yet."""
    try:
        return find_credit(text)
    except NotImplementedError:
        return None
