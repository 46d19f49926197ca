"""Following feeds: part of the library layer, which the app and command line call.

`follow` stores a feed (or the feed a page advertises); `update` fetches every
followed feed with a conditional GET and ingests each new item's page (the full
page, never the feed's summary) through `Library.ingest`, so pages are cleaned,
stored and matched like any other source. A feed's validators (ETag,
Last-Modified) are kept only once every item of that answer is stored: an item
whose page failed is tried again on the next update, and nothing is
half-stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from tui.errors import SourceError
from tui.ingest.feeds import (
    ParsedFeed,
    advertised_feeds,
    fetch_feed_or_page,
    parse_feed,
    web_link,
)
from tui.ingest.polite import Politeness
from tui.ingest.sources import DEFAULT_MAX_BYTES
from tui.library import IngestResult, Library
from tui.store import feeds as feed_store
from tui.store.db import transaction
from tui.store.feeds import FeedRow
from tui.text.sanitize import printable

FEED_TIMEOUT = 20.0  # seconds for one feed or page fetch, all of it


@dataclass(frozen=True)
class Followed:
    """What `follow` did with one URL: the feed's URL and title when it is followed
    (`new` is False when it already was), else the reason it is not."""

    source: str
    feed: FeedRow | None
    new: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class FeedResult:
    """What `update` did with one feed: "not modified" (a 304), "updated" (read, with
    `new_items` item links not stored before) or "failed" (`reason`, one line).
    `done`/`total` count feeds, for progress."""

    feed: FeedRow
    status: Literal["not modified", "updated", "failed"]
    done: int
    total: int
    new_items: int = 0
    reason: str | None = None


def follow(
    library: Library, url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = FEED_TIMEOUT
) -> Followed:
    """Follow the feed at `url`, or the first feed the page at `url` advertises with
    `<link rel="alternate">`. Never raises for a bad URL, page or feed: the reason
    is in the result."""
    if web_link(url, url) is None:
        return Followed(url, None, reason="not an http(s) URL")
    try:
        feed_url, parsed = _find_feed(url, max_bytes, timeout)
    except SourceError as error:
        return Followed(url, None, reason=str(error))
    with transaction(library.conn):
        feed_id, new = feed_store.add_feed(library.conn, feed_url, parsed.title)
        row = feed_store.find_feed(library.conn, str(feed_id))
    return Followed(url, row, new=new)


def _find_feed(url: str, max_bytes: int, timeout: float) -> tuple[str, ParsedFeed]:
    """(feed URL, its parsed feed) for a feed URL or a page that advertises one."""
    document = fetch_feed_or_page(url, max_bytes=max_bytes, timeout=timeout)
    try:
        return url, parse_feed(document, url)
    except SourceError as error:
        advertised = advertised_feeds(document, url)
        if not advertised and str(error).startswith("broken feed"):
            raise
        if not advertised:
            raise SourceError("no RSS or Atom feed here, and the page advertises none") from None
    feed_url = advertised[0]
    fetched = fetch_feed_or_page(feed_url, max_bytes=max_bytes, timeout=timeout)
    return feed_url, parse_feed(fetched, feed_url)


def feeds(library: Library) -> list[FeedRow]:
    """Every followed feed, in the order followed."""
    return feed_store.list_feeds(library.conn)


def unfollow(library: Library, reference: str) -> FeedRow | None:
    """Stop following the feed with this id or URL; None when none matches. The
    articles its items became stay in the library."""
    with transaction(library.conn):
        row = feed_store.find_feed(library.conn, reference)
        if row is not None:
            feed_store.remove_feed(library.conn, row.id)
    return row


def update(
    library: Library,
    references: Iterable[str] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = FEED_TIMEOUT,
    politeness: Politeness | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[IngestResult | FeedResult]:
    """Fetch the followed feeds (all, or those named by id or URL) and ingest each new
    item's page. Yields an IngestResult per item page as it is stored or fails
    (`done`/`total` count that feed's new pages), then a FeedResult per feed.
    Raises nothing for a bad feed or page. `cancelled` is asked before each
    request: once it says True, nothing more is fetched (the app's worker passes
    its own cancellation, so quitting stops an update at once)."""
    polite = politeness or Politeness()
    if references is None:
        rows = feed_store.list_feeds(library.conn)
    else:
        found = (feed_store.find_feed(library.conn, ref) for ref in references)
        rows = [row for row in found if row is not None]
    for done, row in enumerate(rows, start=1):
        if cancelled():
            return
        yield from _update_one(library, row, done, len(rows), max_bytes, timeout, polite, cancelled)


def _update_one(
    library: Library,
    row: FeedRow,
    done: int,
    total: int,
    max_bytes: int,
    timeout: float,
    polite: Politeness,
    cancelled: Callable[[], bool],
) -> Iterator[IngestResult | FeedResult]:
    from tui.ingest.fetch import fetch_changed

    polite.wait(row.url)
    try:
        fetched = fetch_changed(
            row.url, etag=row.etag, modified=row.modified, max_bytes=max_bytes, timeout=timeout
        )
        parsed = parse_feed(fetched.document.data, row.url) if fetched.document else None
    except SourceError as error:
        with transaction(library.conn):
            feed_store.record_fetch(library.conn, row.id, error=str(error))
        yield FeedResult(row, "failed", done, total, reason=str(error))
        return
    if parsed is None:
        with transaction(library.conn):
            feed_store.record_fetch(library.conn, row.id, error=None)
        yield FeedResult(row, "not modified", done, total)
        return
    stored = feed_store.stored_links(library.conn, row.id)
    new_links = [link for link in parsed.links if link not in stored]
    all_stored = True
    for page, link in enumerate(new_links, start=1):
        if cancelled():  # validators stay unsaved: the rest is fetched next time
            all_stored = False
            break
        polite.wait(link)
        # the whole ingest first: it holds its batch transaction open between results
        for result in list(library.ingest([link], max_bytes=max_bytes, feeds=False)):
            result = replace(result, done=page, total=len(new_links))  # pages of this feed
            stored_as = result.article_id if result.status in ("added", "present") else None
            all_stored = all_stored and stored_as is not None
            with transaction(library.conn):
                feed_store.record_item(library.conn, row.id, link, stored_as)
            yield result
    with transaction(library.conn):
        feed_store.record_fetch(
            library.conn,
            row.id,
            error=None,
            title=parsed.title,
            etag=fetched.etag,
            modified=fetched.modified,
            validators=all_stored,
        )
    yield FeedResult(row, "updated", done, total, new_items=len(new_links))


def describe(row: FeedRow) -> str:
    """One terminal-safe line for a feed: id, title and URL."""
    return printable(f"#{row.id} {row.title or '(untitled feed)'} <{row.url}>")
