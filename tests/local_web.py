"""A local web server for tests that fetch URLs: each path is a function of the request."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Route = Callable[[BaseHTTPRequestHandler], object]


@contextlib.contextmanager
def serve(routes: Mapping[str, Route], stop: threading.Event | None = None) -> Iterator[str]:
    """Base URL of a server on a free port; unknown paths are 404.

    `stop` is set when the server closes, so slow routes waiting on it return at once.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                # a client that gave up (the timeout tests) is no error
                route(self) if route else self.send_error(404)

        def log_message(self, format: str, *args: object) -> None:
            pass

    if stop is not None:
        stop.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        if stop is not None:
            stop.set()
        httpd.shutdown()
        httpd.server_close()


def send(
    handler: BaseHTTPRequestHandler, body: bytes, content_type: str | None, **headers: str
) -> None:
    """Answer 200 with `body`; `Content_Encoding="gzip"` sends the header Content-Encoding."""
    handler.send_response(200)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def without_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reach the local server directly even if the environment sets a proxy."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
