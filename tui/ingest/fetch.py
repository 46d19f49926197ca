"""Fetch one web page with the standard library, within firm limits.

Redirects are followed here rather than by urllib, so that every hop is
checked: at most MAX_REDIRECTS of them, and only to http or https (never
file: or ftp:). Socket timeouts bound each connect and read; a server that
drips a byte at a time never trips them, so the whole fetch also runs
against a wall-clock deadline, enforced in a daemon thread that is
abandoned if it overruns.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

from tui import __version__
from tui.errors import SourceError
from tui.ingest.feeds import FEED_TYPES
from tui.ingest.sources import too_large
from tui.models import RawDocument

MAX_REDIRECTS = 5
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
NOT_MODIFIED = 304
WEB_SCHEMES = frozenset({"http", "https"})
CHUNK = 64 * 1024
HEADERS = {
    "User-Agent": f"copydesk/{__version__}",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",
}
WBITS = {  # zlib window settings per Content-Encoding; deflate is settled per body
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": zlib.MAX_WBITS,
}

T = TypeVar("T")
Response = http.client.HTTPResponse | urllib.error.HTTPError


def fetch_url(url: str, *, max_bytes: int, timeout: float) -> RawDocument:
    """Download `url` as a RawDocument whose source is `url` as given.

    Raises SourceError (one line) for anything but an article page within the limits.
    """
    deadline = time.monotonic() + timeout
    fetched = _before(deadline, lambda: _fetch(url, max_bytes, deadline, {}, ARTICLE_TYPES))
    assert fetched.document is not None  # no conditional headers, so never 304
    return fetched.document


@dataclass(frozen=True)
class Fetched:
    """A conditional fetch's answer: the document (None when the server said 304 Not
    Modified) and the validators to send next time (`ETag`, `Last-Modified`)."""

    document: RawDocument | None
    etag: str | None
    modified: str | None


def fetch_changed(
    url: str, *, etag: str | None, modified: str | None, max_bytes: int, timeout: float
) -> Fetched:
    """A conditional GET of a feed or the page that advertises one (RFC 9110 13.1):
    `If-None-Match`/`If-Modified-Since` from the last answer's validators.

    `timeout` is in seconds for the whole fetch. Raises SourceError (one line) as
    `fetch_url` does; feed and page media types are accepted.
    """
    headers = {"If-None-Match": etag, "If-Modified-Since": modified}
    sent = {name: value for name, value in headers.items() if value}
    deadline = time.monotonic() + timeout
    types = ARTICLE_TYPES | FEED_TYPES
    return _before(deadline, lambda: _fetch(url, max_bytes, deadline, sent, types))


def _before(deadline: float, work: Callable[[], T]) -> T:
    """Run `work` in a daemon thread; give up on it at `deadline`."""
    outcome: list[T] = []
    failure: list[Exception] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:  # handed to the calling thread below
            failure.append(error)

    worker = threading.Thread(target=run, name="copydesk-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if failure:
        raise failure[0]
    if not outcome:
        raise SourceError("timed out")
    return outcome[0]


def _fetch(
    url: str, max_bytes: int, deadline: float, headers: Mapping[str, str], types: frozenset[str]
) -> Fetched:
    opener = urllib.request.build_opener(_KeepRedirects)
    address = url
    for _hop in range(MAX_REDIRECTS + 1):
        _check_scheme(address)
        with _open(opener, address, deadline, headers) as response:
            location = _redirect_location(response)
            if location is None:
                etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
                if response.getcode() == NOT_MODIFIED:
                    return Fetched(None, etag, modified)
                document = _document(url, response, max_bytes, deadline, types)
                return Fetched(document, etag, modified)
        address = urljoin(address, location)
    raise SourceError("too many redirects")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back (as HTTPError) instead of following them."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _check_scheme(address: str) -> None:
    scheme = urlsplit(address).scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise SourceError(f"not a web address: {scheme or address}")


def _open(
    opener: urllib.request.OpenerDirector,
    address: str,
    deadline: float,
    headers: Mapping[str, str],
) -> Response:
    """Send the request; a redirect or a 304 comes back as a response, any other
    error as SourceError."""
    request = urllib.request.Request(address, headers={**HEADERS, **headers})
    try:
        return opener.open(request, timeout=max(0.01, deadline - time.monotonic()))
    except urllib.error.HTTPError as error:
        if error.code in REDIRECT_CODES and error.headers.get("Location"):
            return error
        if error.code == NOT_MODIFIED and headers:
            return error
        error.close()
        raise SourceError(f"HTTP {error.code} {error.reason}".strip()) from None
    except TimeoutError:  # connected, but no answer in time
        raise SourceError("timed out") from None
    except urllib.error.URLError as error:
        raise SourceError(f"cannot connect: {_describe(error.reason)}") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise SourceError(f"cannot connect: {_describe(error)}") from None


def _redirect_location(response: Response) -> str | None:
    if response.getcode() in REDIRECT_CODES:
        return response.headers.get("Location")
    return None


def _describe(error: object) -> str:
    """A short lower-case reason from whatever urllib, sockets or ssl raised."""
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


def _document(
    url: str, response: Response, max_bytes: int, deadline: float, types: frozenset[str]
) -> RawDocument:
    """Check the headers before reading the body, then read it within the limits."""
    media_type, charset = _content_type(response.headers)
    if media_type is not None and media_type not in types:
        raise SourceError(f"not an article: content type {media_type}")
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise too_large(max_bytes)
    body = _read_body(response, max_bytes, deadline)
    data = _decompress(body, response.headers.get("Content-Encoding"), max_bytes)
    return RawDocument(url, data, media_type, charset)


def _content_type(headers: Message) -> tuple[str | None, str | None]:
    """(media type, charset); both None when the server did not say."""
    if headers.get("Content-Type") is None:
        return None, None
    return headers.get_content_type(), headers.get_content_charset()


def _read_body(response: Response, max_bytes: int, deadline: float) -> bytes:
    """At most `max_bytes`, one socket read at a time so the deadline is checked often.

    (`read(n)` would wait until n bytes arrive; `read1` returns what one read gets.)
    """
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read1(CHUNK):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise too_large(max_bytes)
            if time.monotonic() > deadline:
                raise SourceError("timed out")
    except TimeoutError:
        raise SourceError("timed out") from None
    except (OSError, http.client.HTTPException) as error:
        raise SourceError(f"connection lost: {_describe(error)}") from None
    return b"".join(chunks)


def _decompress(body: bytes, encoding: str | None, max_bytes: int) -> bytes:
    """Undo gzip or deflate, stopping one byte past `max_bytes` (compression bombs)."""
    name = (encoding or "identity").strip().lower()
    if name == "identity":
        return body
    if name not in WBITS:
        raise SourceError(f"unsupported content encoding: {name}")
    wbits = WBITS[name]
    if name == "deflate" and not _has_zlib_header(body):
        wbits = -zlib.MAX_WBITS  # some servers send raw deflate without the zlib wrapper
    try:
        data = zlib.decompressobj(wbits).decompress(body, max_bytes + 1)
    except zlib.error:
        raise SourceError(f"corrupt {name} data") from None
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def _has_zlib_header(body: bytes) -> bool:
    return len(body) >= 2 and body[0] & 0x0F == 8 and int.from_bytes(body[:2], "big") % 31 == 0
