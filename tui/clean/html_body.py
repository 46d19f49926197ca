"""The story's element tree: readability-lxml's pick, prepared for it and read back as a tree.

readability takes the page tree we already parsed (its output is identical to
parsing the string again, and one parse is saved). It copies the tree before
rewriting it, but first drops hidden elements from it in place, so callers read
metadata before calling `readability_article`.
"""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement
from readability import Document

# readability drops any element whose class or id says "tweet" or "twitter" as page
# furniture; an embedded post quoted by the story is part of it, so it is renamed first.
_EMBED_CLASSES = ("twitter-tweet", "instagram-media")
_EMBED_NAME = "embedded-quote"


def readability_article(tree: HtmlElement) -> HtmlElement | None:
    """readability's article as a detached element (a `div`), or None when it found nothing.

    Raises readability's `Unparseable` (a ValueError) and lxml errors for the caller to handle.
    """
    _protect_embeds(tree)
    summary = Document(tree).summary(html_partial=True)
    if not summary.strip():
        return None
    # A parser per call: lxml parser objects must not be shared between threads.
    parser = lxml.html.HTMLParser(remove_comments=True)
    root = lxml.html.document_fromstring(summary, parser=parser)
    body = root.find("body")
    return body if body is not None else root


def _protect_embeds(tree: HtmlElement) -> None:
    """Rename embedded social posts' classes so readability keeps them as quotes.

    Wrappers that hold nothing but the post ("social-media-embed") are unwrapped:
    readability judges a div by its name and link density, and would drop it.
    """
    for quote in list(tree.iter("blockquote")):
        classes = (quote.get("class") or "").split()
        if not any(name in _EMBED_CLASSES for name in classes):
            continue
        quote.set("class", _EMBED_NAME)
        size = len(quote.text_content().strip())
        wrapper = quote.getparent()
        while (
            wrapper is not None
            and wrapper.tag not in ("body", "html")
            and len(wrapper.text_content().strip()) <= size
        ):
            parent = wrapper.getparent()
            wrapper.drop_tag()
            wrapper = parent
