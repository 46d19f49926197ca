"""Following feeds against a local web server: follow, feeds, unfollow, update."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import SimpleNamespace

import pytest

from tui import feeds
from tui.cli import main
from tui.ingest import polite
from tui.library import Library

from .local_web import send, serve, without_proxies

STOP = threading.Event()
PARAGRAPH = (
    "The harbour authority said on {day} that the {thing} would stay closed while engineers "
    "checked the damage, and that ferries would run from the north quay until further notice."
)


def story(n: int) -> bytes:
    """An article page, each with words of its own so no two are one story."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    things = ["pier", "lighthouse", "slipway", "breakwater", "marina", "dock"]
    paragraphs = "".join(
        f"<p>{PARAGRAPH.format(day=days[(n + k) % 6], thing=things[n % 6])} Item {n}, part {k}.</p>"
        for k in range(4)
    )
    return (
        f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


class Site:
    """A feed whose items can grow, answering conditional GETs like a real server."""

    def __init__(self) -> None:
        self.items = [1, 2]
        self.answers: list[int] = []  # HTTP status of every feed request

    def rss(self, handler: BaseHTTPRequestHandler) -> None:
        tag = f'"v{len(self.items)}"'
        if handler.headers.get("If-None-Match") == tag:
            self.answers.append(304)
            handler.send_response(304)
            handler.send_header("ETag", tag)
            handler.end_headers()
            return
        items = "".join(
            f"<item><title>Story {n}</title><link>/story/{n}</link></item>" for n in self.items
        )
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
            f"<link>/</link>{items}</channel></rss>"
        ).encode()
        self.answers.append(200)
        send(handler, body, "application/rss+xml", ETag=tag)

    def atom(self, handler: BaseHTTPRequestHandler) -> None:
        stamp = "Tue, 04 Mar 2025 06:12:00 GMT"
        if handler.headers.get("If-Modified-Since") == stamp:
            self.answers.append(304)
            handler.send_response(304)
            handler.end_headers()
            return
        body = (
            b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            b"<title>Quay Post</title><id>urn:q</id><updated>2025-03-04T06:12:00Z</updated>"
            b'<entry><title>Story 5</title><link href="/story/5"/><id>urn:5</id>'
            b"<updated>2025-03-04T06:12:00Z</updated></entry></feed>"
        )
        self.answers.append(200)
        send(handler, body, "application/atom+xml", Last_Modified=stamp)


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">'.encode() for k in range(8)
    )
    + b']><rss version="2.0"><channel><title>&i;</title>'
    b"<item><link>/story/9</link></item></channel></rss>"
)


def ping(other: str) -> bytes:
    """A feed whose one item is another feed, which links back."""
    return (
        f'<rss version="2.0"><channel><title>Ping</title>'
        f"<item><link>/ping-{other}.xml</link></item></channel></rss>"
    ).encode()


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Site]]:
    without_proxies(monkeypatch)
    monkeypatch.setattr(polite, "HOST_DELAY", 0.0)  # every request is to 127.0.0.1
    state = Site()
    routes = {f"/story/{n}": (lambda h, n=n: send(h, story(n), "text/html")) for n in range(12)}
    routes |= {
        "/rss.xml": state.rss,
        "/atom.xml": state.atom,
        "/home.html": lambda h: send(
            h,
            b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
            b"</head><body><p>Home</p></body></html>",
            "text/html",
        ),
        "/plain.html": lambda h: send(h, b"<html><body><p>No feed</p></body></html>", "text/html"),
        "/bomb.xml": lambda h: send(h, BOMB, "application/rss+xml"),
        "/huge.xml": lambda h: send(h, b"<rss>" + b" " * (2 * 2**20) + b"</rss>", "text/xml"),
        "/slow.xml": lambda h: STOP.wait(3) or send(h, b"<rss/>", "text/xml"),
        "/ping-a.xml": lambda h: send(h, ping("b"), "application/rss+xml"),
        "/ping-b.xml": lambda h: send(h, ping("a"), "application/rss+xml"),
        "/odd-links.xml": lambda h: send(
            h,
            b'<rss version="2.0"><channel><title>Odd</title>'
            b"<item><link>http://[bad</link></item><item><link>http://x:port/</link></item>"
            b"<item><link>/story/8</link></item></channel></rss>",
            "application/rss+xml",
        ),
        "/cut.xml": lambda h: send(
            h, b'<rss version="2.0"><channel><title>Broken<item><link>/s', "text/xml"
        ),
        "/self.xml": lambda h: send(
            h,
            b'<rss version="2.0"><channel><title>Loop</title><item><link>/self.xml</link></item>'
            b"<item><link>javascript:alert(1)</link></item>"
            b"<item><link>file:///etc/passwd</link></item>"
            b"<item><link>/story/7</link></item></channel></rss>",
            "application/rss+xml",
        ),
    }
    with serve(routes, STOP) as base:
        yield base, state


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_update_twice_adds_nothing_then_one_new_item_adds_one(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, state = site
    status, out, err = run(capsys, "follow", f"{base}/rss.xml")
    assert status == 0, err
    assert out.startswith("following #1 Harbour News <")
    status, out, err = run(capsys, "update")
    assert status == 0, err
    assert out.count("added #") == 2 and "2 added" in err
    status, out, err = run(capsys, "update")
    assert status == 0 and out == "" and "not modified" in err and "0 added" in err
    assert state.answers[-1] == 304  # the second fetch was conditional
    state.items.append(3)
    status, out, err = run(capsys, "update")
    assert status == 0 and out.count("added #") == 1 and f"{base}/story/3" in out
    with Library(db_path) as library:
        assert len(library.articles()) == 3


def test_atom_feed_uses_last_modified(capsys, db_path: Path, site: tuple[str, Site]) -> None:
    base, state = site
    assert run(capsys, "follow", f"{base}/atom.xml")[0] == 0
    status, out, _ = run(capsys, "update")
    assert status == 0 and out.count("added #") == 1
    run(capsys, "update")
    assert state.answers[-1] == 304


def test_a_page_that_advertises_a_feed_is_followed_through_it(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, _ = site
    status, out, _ = run(capsys, "follow", f"{base}/home.html")
    assert status == 0 and f"<{base}/rss.xml>" in out
    status, out, _ = run(capsys, "follow", f"{base}/rss.xml")
    assert status == 0 and out.startswith("already following #1")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/plain.html", "no RSS or Atom feed here, and the page advertises none"),
        ("/missing.xml", "HTTP 404"),
        ("/huge.xml", "too large: over 1 MB"),
    ],
)
def test_what_is_not_a_feed_gives_one_line_and_stores_nothing(
    capsys, db_path: Path, site: tuple[str, Site], path: str, reason: str
) -> None:
    base, _ = site
    status, out, err = run(capsys, "--max-size", "1", "follow", f"{base}{path}")
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"copydesk: {base}{path}: ") and reason in err
    with Library(db_path) as library:
        assert feeds.feeds(library) == [] and library.articles() == []


def test_a_slow_feed_times_out(db_path: Path, site: tuple[str, Site]) -> None:
    base, _ = site
    with Library(db_path) as library:
        followed = feeds.follow(library, f"{base}/slow.xml", timeout=0.3)
        assert followed.feed is None and followed.reason == "timed out"


def test_an_entity_bomb_is_not_expanded(capsys, db_path: Path, site: tuple[str, Site]) -> None:
    base, _ = site
    status, out, err = run(capsys, "follow", f"{base}/bomb.xml")
    with Library(db_path) as library:
        rows = feeds.feeds(library)
    assert len(out + err) < 300  # one short line either way, never a billion a's
    assert all(len(row.title or "") < 100 for row in rows)


def test_only_http_item_links_are_fetched_and_never_the_feed_itself(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, _ = site
    run(capsys, "follow", f"{base}/self.xml")
    status, out, err = run(capsys, "update")
    assert status == 0, err
    assert out.strip() == f"added #1: {base}/story/7"
    assert "1 added, 0 already present, 0 pages failed, 0 feeds failed" in err


def test_a_failing_feed_exits_1_and_is_listed_with_its_error(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, state = site
    run(capsys, "follow", f"{base}/rss.xml", f"{base}/atom.xml")
    with Library(db_path) as library:  # the feed moves away
        library.conn.execute("UPDATE feeds SET url = ? WHERE id = 2", (f"{base}/gone.xml",))
    status, out, err = run(capsys, "update")
    assert status == 1 and out.count("added #") == 2
    assert f"copydesk: feed {base}/gone.xml: HTTP 404" in err and "1 feeds failed" in err
    status, out, _ = run(capsys, "feeds", "--json")
    listed = json.loads(out)
    assert [feed["items"] for feed in listed] == [2, 0]
    assert listed[1]["error"].startswith("HTTP 404") and listed[0]["error"] is None
    status, out, _ = run(capsys, "feeds")
    assert out.splitlines()[0].startswith("1\tHarbour News\t") and "error: HTTP 404" in out


def test_unfollow_by_id_or_url_keeps_the_articles(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, _ = site
    run(capsys, "follow", f"{base}/rss.xml", f"{base}/atom.xml")
    run(capsys, "update")
    status, out, _ = run(capsys, "unfollow", "1", f"{base}/atom.xml")
    assert status == 0 and out.count("unfollowed #") == 2
    status, _, err = run(capsys, "unfollow", "1")
    assert status == 1 and "no feed matches '1'" in err
    with Library(db_path) as library:
        assert feeds.feeds(library) == [] and len(library.articles()) == 3


def test_command_words_are_commands_even_beside_a_file_of_that_name(
    capsys, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "update").write_text("not an article", encoding="utf-8")
    status, _, err = run(capsys, "--db", str(db_path), "update")
    assert status == 1 and "no library here" in err  # the command, not a file to ingest


def test_ingest_of_a_feed_url_ingests_its_items_once(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, _ = site
    status, out, err = run(capsys, "ingest", f"{base}/rss.xml")
    assert status == 0, err
    assert out.count("added #") == 2 and f"{base}/story/1" in out
    with Library(db_path) as library:
        assert feeds.feeds(library) == []  # ingested once, not followed
    status, out, err = run(capsys, "ingest", f"{base}/missing.xml")
    assert status == 1 and "HTTP 404" in err


def test_feeds_that_link_to_each_other_never_loop(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, _ = site
    status, out, err = run(capsys, "ingest", f"{base}/ping-a.xml")
    assert status == 1 and out == ""  # the item is a feed, not a page: one line, no recursion
    assert err.startswith(f"copydesk: {base}/ping-b.xml: not an article: content type")
    run(capsys, "follow", f"{base}/ping-a.xml")
    status, out, err = run(capsys, "update")
    assert status == 0 and "1 pages failed, 0 feeds failed" in err


def test_malformed_links_are_skipped_and_broken_feeds_refused(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, _ = site
    status, out, err = run(capsys, "ingest", f"{base}/odd-links.xml")
    assert status == 0 and out.strip() == f"added #1: {base}/story/8", err
    status, out, err = run(capsys, "follow", "http://[::1", f"{base}/cut.xml")
    assert status == 1 and out == ""
    first, second = err.splitlines()
    assert first == "copydesk: http://[::1: not an http(s) URL"
    assert second.startswith(f"copydesk: {base}/cut.xml: broken feed: ")


def test_an_update_stops_before_its_next_request_once_cancelled(
    db_path: Path, site: tuple[str, Site]
) -> None:
    base, state = site
    with Library(db_path) as library:
        feeds.follow(library, f"{base}/rss.xml")
        asked = []

        def cancelled() -> bool:
            asked.append(1)
            return len(asked) > 2  # the feed, its first page, then stop

        results = list(feeds.update(library, cancelled=cancelled))
        assert [r.status for r in results] == ["added", "updated"]
        (row,) = feeds.feeds(library)
        assert row.stored == 1 and row.etag is None  # the rest is fetched next time
        results = list(feeds.update(library))
        assert [r.status for r in results] == ["added", "updated"]


def test_a_deleted_article_is_not_fetched_again_and_its_id_is_never_reused(
    capsys, db_path: Path, site: tuple[str, Site]
) -> None:
    base, state = site
    run(capsys, "follow", f"{base}/rss.xml")
    run(capsys, "update")
    status, _, err = run(capsys, "delete", "99999999999999999999")
    assert status == 2 and "not an article id: '99999999999999999999'" in err
    assert run(capsys, "delete", "2")[1].startswith("deleted #2")
    state.items.append(3)
    status, out, _ = run(capsys, "update")
    assert out.strip() == f"added #3: {base}/story/3"  # not story 2 again, and not #2
    status, out, _ = run(capsys, "feeds", "--json")
    assert json.loads(out)[0]["stored"] == 2


def test_ingest_of_a_feed_pauses_between_requests_to_one_host(
    capsys, db_path: Path, site: tuple[str, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = site
    slept: list[float] = []
    monkeypatch.setattr(polite, "HOST_DELAY", 5.0)
    # a clock that stands still, and sleeps that are only noted (in this module alone)
    still = SimpleNamespace(monotonic=lambda: 100.0, sleep=slept.append)
    monkeypatch.setattr(polite, "time", still)
    status, out, _ = run(capsys, "ingest", f"{base}/rss.xml")
    assert status == 0 and out.count("added #") == 2
    assert slept == [5.0]  # before the second page, none before the first
