"""Feeds: read an RSS or Atom feed's item links, or find the feed a page advertises.

feedparser (Mark Pilgrim, Kurt McKee; BSD) reads RSS 0.9x, 1.0 and 2.0 and Atom
0.3 and 1.0, well-formed or not. It never expands external entities, and the
expat it runs on refuses exponential entity expansion ("billion laughs"), so a
hostile feed costs milliseconds. It is always given bytes wrapped in a stream:
given a bare string or bytes, feedparser would treat a URL or a file name in it as
something to open.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

from tui.errors import SourceError
from tui.text.sanitize import sanitize

WEB_SCHEMES = ("http", "https")
# media types a feed is served as (a page fetch refuses them as "not an article")
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
# `<link rel="alternate" type=…>` values that announce a feed
ADVERTISED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title (None when it gives none) and its items' page links, absolute
    http(s) URLs in feed order, each once, never the feed's own URL."""

    title: str | None
    links: list[str]
    skipped: int  # item links left out: not http(s), or the feed itself


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """Read the feed in `data` (fetched from `url`, which resolves relative links).

    Raises SourceError("not a feed") when feedparser recognises no feed format.
    """
    import feedparser  # on first need: 50 ms that most commands never spend

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    if not parsed.get("version"):
        raise SourceError("not a feed (no RSS or Atom found)")
    if parsed.get("bozo") and not parsed.entries:
        reason = " ".join(str(parsed.get("bozo_exception") or "unreadable").split())
        raise SourceError(f"broken feed: {reason}"[:200])
    links: list[str] = []
    skipped = 0
    feed_url = _same_page(url)
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link is None:
            continue
        absolute = web_link(url, link)
        if absolute is None or _same_page(absolute) == feed_url:
            skipped += 1
        elif absolute not in links:
            links.append(absolute)
    title = " ".join(sanitize(parsed.feed.get("title") or "").split()) or None
    return ParsedFeed(title, links, skipped)


def web_link(base: str, link: str) -> str | None:
    """`link` made absolute against `base`, without its fragment; None unless it is a
    well-formed http(s) URL ("http://[bad" and "javascript:…" are None)."""
    try:
        absolute = urldefrag(urljoin(base, link.strip()))[0]
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return absolute


def _same_page(url: str) -> str:
    """A URL spelt one way for "is this the feed itself?": scheme and host in lower
    case, no fragment ("HTTP://Site/feed.xml" is "http://site/feed.xml")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path or '/'}{query}"


def _entry_link(entry: dict) -> str | None:
    """The item's page: its `link`, else an alternate link, else a permalink guid."""
    if entry.get("link"):
        return str(entry["link"])
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    if entry.get("guidislink") and entry.get("id"):
        return str(entry["id"])
    return None


def advertised_feeds(data: bytes, url: str) -> list[str]:
    """The feed URLs an HTML page announces with `<link rel="alternate" type=…>`, absolute,
    in page order; [] for a page that announces none or cannot be parsed."""
    try:
        tree = lxml.html.document_fromstring(data)
    except (etree.LxmlError, ValueError):
        return []
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in ADVERTISED_TYPES and href:
            absolute = web_link(url, href)
            if absolute is not None and absolute not in found:
                found.append(absolute)
    return found


def is_feed_refusal(reason: str | None) -> bool:
    """Whether a page fetch failed only because the URL serves a feed (the fetcher's
    "not an article: content type application/rss+xml")."""
    return any(reason == f"not an article: content type {kind}" for kind in FEED_TYPES)


def fetch_feed_or_page(url: str, *, max_bytes: int, timeout: float) -> bytes:
    """The bytes at `url`, a feed or a page (which may advertise one), fetched
    unconditionally. `timeout` is in seconds for the whole fetch. Raises SourceError."""
    from tui.ingest.fetch import fetch_changed  # urllib costs ~50 ms at start-up

    fetched = fetch_changed(url, etag=None, modified=None, max_bytes=max_bytes, timeout=timeout)
    assert fetched.document is not None  # nothing conditional was asked
    return fetched.document.data


def feed_item_links(url: str, *, max_bytes: int, timeout: float) -> list[str]:
    """Fetch the feed at `url` and return its items' page links (see `parse_feed`).

    `timeout` is in seconds for the whole fetch. Raises SourceError (one line).
    """
    return parse_feed(fetch_feed_or_page(url, max_bytes=max_bytes, timeout=timeout), url).links
