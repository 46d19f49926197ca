"""Raw document -> cleaned article, whatever its format.

`clean()` is the one entry point: decode, sanitise, pick the HTML or text
cleaner, sanitise again (HTML entities can spell control characters), and cut
the body into sentences.
"""

from __future__ import annotations

import hashlib
import re

from tui.clean.html import clean_html
from tui.clean.html_meta import page_url
from tui.clean.text import clean_text
from tui.errors import SourceError
from tui.ingest.decode import decode
from tui.models import Article, RawDocument
from tui.text.datelines import lead_title
from tui.text.sanitize import printable, sanitize
from tui.text.sentences import split_sentences

_HTML_MEDIA_TYPES = {"text/html", "application/xhtml+xml"}
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"</?(p|div|span|a|br|article|section|h[1-6]|li|table|meta)\b", re.I)
_SPACES = re.compile(r"\s+")


def looks_like_html(text: str, media_type: str | None = None) -> bool:
    """True for HTML: said so by the transport, or shaped like a page."""
    if media_type in _HTML_MEDIA_TYPES:
        return True
    if media_type == "text/plain":
        return False
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 5


def one_line(value: str | None) -> str | None:
    """Metadata is shown on one line: collapse whitespace, drop empty values."""
    if value is None:
        return None
    value = _SPACES.sub(" ", sanitize(value)).strip()
    return value or None


def clean(raw: RawDocument) -> Article:
    """Turn raw bytes into an article, or raise SourceError saying why not.

    The article's `url` is the page's canonical URL, else `raw.source` when that
    is an http(s) URL (a fetched page), else None (a file or stdin). A story that
    prints no headline is titled by its lead sentence (`title_from` "lead").
    """
    text = sanitize(decode(raw))
    fetched = raw.source.startswith(("http://", "https://"))
    if looks_like_html(text, raw.media_type):
        cleaned = clean_html(text, url=raw.source if fetched else None)
    else:
        cleaned = clean_text(text)
    body = sanitize(cleaned.text).strip()
    if not body:
        raise SourceError("no article text found")
    sentences = split_sentences(body)
    title = one_line(cleaned.title)
    title_from = "page" if title else None
    if not title and sentences:  # a dump that lost its headline: name it by its lead
        title, title_from = one_line(lead_title(sentences[0].text)), "lead"
    return Article(
        source=printable(raw.source),  # a file name may hold escapes or non-UTF-8 bytes
        text=body,
        content_hash=hashlib.sha256(raw.data).hexdigest(),
        title=title,
        title_from=title_from,
        outlet=one_line(cleaned.outlet),
        published=one_line(cleaned.published),
        modified=one_line(cleaned.modified),
        url=one_line(cleaned.url or (page_url(raw.source) if fetched else None)),
        byline=one_line(cleaned.byline),
        credit=one_line(cleaned.credit),
        sentences=sentences,
        extractor=cleaned.extractor or "text dump",
    )
