"""fetch_url against a local ThreadingHTTPServer on 127.0.0.1: no other address is used."""

from __future__ import annotations

import functools
import gzip
import socket
import threading
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from tui import __version__
from tui.errors import SourceError
from tui.ingest.fetch import fetch_url
from tui.ingest.sources import read_source
from tui.models import RawDocument

from .local_web import send, serve, without_proxies

ARTICLE = b"<html><head><title>Hello</title></head><body><p>Story.</p></body></html>"
RUSSIAN = "Правительство объявило о новых мерах поддержки малого бизнеса."
STOP = threading.Event()  # set at teardown so slow handlers finish at once
BOMB_SIZE = 8 * 1024 * 1024


def _redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _drip(handler: BaseHTTPRequestHandler, data: bytes) -> None:
    """Write one byte every 50 ms: each read is quick, the whole is endless."""
    for byte in data:
        if STOP.wait(0.05):
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()


ROUTES: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {
    "/article.html": lambda h: send(h, ARTICLE, "text/html; charset=utf-8"),
    "/plain.txt": lambda h: send(h, b"Just text.", "text/plain"),
    "/xhtml": lambda h: send(h, ARTICLE, "application/xhtml+xml"),
    "/untyped": lambda h: send(h, ARTICLE, None),
    "/cp1251": lambda h: send(h, RUSSIAN.encode("cp1251"), "text/html; charset=windows-1251"),
    "/image.png": lambda h: send(h, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
    "/missing": lambda h: h.send_error(404),
    "/broken": lambda h: h.send_error(500),
    "/agent": lambda h: send(h, h.headers["User-Agent"].encode(), "text/plain"),
    "/hop/3": lambda h: _redirect(h, "/hop/2"),
    "/hop/2": lambda h: _redirect(h, "/hop/1"),
    "/hop/1": lambda h: _redirect(h, "/article.html"),
    "/loop": lambda h: _redirect(h, "/loop"),
    "/to-file": lambda h: _redirect(h, "file:///etc/passwd"),
    "/slow": lambda h: STOP.wait(3) or send(h, ARTICLE, "text/html"),
    "/drip": lambda h: _drip(h, b"HTTP/1.0 200 OK\r\nContent-Length: 100\r\n\r\n" + b"x" * 100),
    "/drip-headers": lambda h: _drip(h, b"HTTP/1.0 200 OK\r\nX-Slow: " + b"y" * 200),
    "/gzip": lambda h: send(h, gzip.compress(ARTICLE), "text/html", Content_Encoding="gzip"),
    "/deflate": lambda h: send(h, zlib.compress(ARTICLE), "text/html", Content_Encoding="deflate"),
    "/raw-deflate": lambda h: send(
        h, zlib.compress(ARTICLE, wbits=-zlib.MAX_WBITS), "text/html", Content_Encoding="deflate"
    ),
    "/bomb": lambda h: send(h, _bomb(), "text/html", Content_Encoding="gzip"),
    "/brotli": lambda h: send(h, b"\x0b\x02\x80", "text/html", Content_Encoding="br"),
    "/corrupt-gzip": lambda h: send(h, b"\x1f\x8bjunk", "text/html", Content_Encoding="gzip"),
    "/big": lambda h: send(h, b"x" * 5000, "text/plain"),
}


@functools.cache
def _bomb() -> bytes:
    """8 MB of spaces gzipped to about 8 KB."""
    return gzip.compress(b" " * BOMB_SIZE, compresslevel=9)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Base URL of a local server on a free port, stopped after the module."""
    with serve(ROUTES, STOP) as url:
        yield url


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    without_proxies(monkeypatch)


def fetch(url: str, *, max_bytes: int = 1024 * 1024, timeout: float = 5.0) -> RawDocument:
    return fetch_url(url, max_bytes=max_bytes, timeout=timeout)


def reason(url: str, *, max_bytes: int = 1024 * 1024, timeout: float = 5.0) -> str:
    """The SourceError message fetching `url` ends with."""
    with pytest.raises(SourceError) as caught:
        fetch(url, max_bytes=max_bytes, timeout=timeout)
    return str(caught.value)


def test_html_page(server: str) -> None:
    raw = fetch(server + "/article.html")
    assert (raw.source, raw.data) == (server + "/article.html", ARTICLE)
    assert (raw.media_type, raw.charset) == ("text/html", "utf-8")


def test_plain_text_and_xhtml_are_articles(server: str) -> None:
    assert fetch(server + "/plain.txt").media_type == "text/plain"
    assert fetch(server + "/xhtml").media_type == "application/xhtml+xml"


def test_missing_content_type_is_left_for_sniffing(server: str) -> None:
    raw = fetch(server + "/untyped")
    assert (raw.media_type, raw.charset, raw.data) == (None, None, ARTICLE)


def test_charset_from_header(server: str) -> None:
    raw = fetch(server + "/cp1251")
    assert raw.charset == "windows-1251"
    assert raw.data.decode(raw.charset) == RUSSIAN


def test_user_agent_names_copydesk(server: str) -> None:
    assert fetch(server + "/agent").data.decode() == f"copydesk/{__version__}"


def test_http_errors(server: str) -> None:
    assert reason(server + "/missing") == "HTTP 404 Not Found"
    assert reason(server + "/broken") == "HTTP 500 Internal Server Error"


def test_redirect_chain_keeps_the_given_url(server: str) -> None:
    raw = fetch(server + "/hop/3")
    assert raw.data == ARTICLE
    assert raw.source == server + "/hop/3"


def test_redirect_loop(server: str) -> None:
    assert reason(server + "/loop") == "too many redirects"


def test_redirect_to_a_non_web_address_is_refused(server: str) -> None:
    assert reason(server + "/to-file") == "not a web address: file"


def test_only_web_addresses(server: str) -> None:
    assert reason("ftp://127.0.0.1/x") == "not a web address: ftp"


def test_not_an_article(server: str) -> None:
    assert reason(server + "/image.png") == "not an article: content type image/png"


def test_unreachable() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert reason(f"http://127.0.0.1:{port}/").startswith("cannot connect: ")


def test_slow_response_times_out(server: str) -> None:
    """The page would come after 3 s; a fetch without the 0.5 s deadline would get it."""
    assert reason(server + "/slow", timeout=0.5) == "timed out"


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_slow_drip_hits_the_deadline(server: str, path: str) -> None:
    """Each byte arrives well within the timeout, so only a deadline on the whole fetch
    stops it: without one, /drip would succeed after about 7 s (no clock is read here)."""
    assert reason(server + path, timeout=0.5) == "timed out"


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_bodies_are_decoded(server: str, path: str) -> None:
    assert fetch(server + path).data == ARTICLE


def test_gzip_bomb_is_stopped(server: str) -> None:
    assert reason(server + "/bomb", max_bytes=1024 * 1024) == "too large: over 1 MB"


def test_bad_compression(server: str) -> None:
    assert reason(server + "/brotli") == "unsupported content encoding: br"
    assert reason(server + "/corrupt-gzip") == "corrupt gzip data"


def test_body_over_the_limit(server: str) -> None:
    assert reason(server + "/big", max_bytes=4000) == "too large: over 4000 bytes"
    assert len(fetch(server + "/big", max_bytes=5000).data) == 5000


def test_read_source_fetches_urls(server: str) -> None:
    raw = read_source(server + "/article.html", timeout=5)
    assert raw.data == ARTICLE
