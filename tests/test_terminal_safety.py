"""Terminal safety of the command line: nothing from an article reaches the terminal as a command.

Articles whose text, title, outlet and file name carry escape sequences (CSI,
OSC 52 clipboard writes, C1 controls, BEL) and Rich/Textual markup are
ingested as HTML and as plain text; every command's output must then hold no
ESC, BEL or C1 control, and show the markup as the characters it is. (The
Textual app is tested on its own.)
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tui.cli import main
from tui.text.sanitize import printable, safe_json, sanitize

from .local_web import serve, without_proxies

CSI = "\x1b[2J"
OSC52 = "\x1b]52;c;aGVsbG8=\x07"
C1 = "\x9b31m\x9d0;owned\x9c\x85"
MARKUP = ["[bold red]x[/]", "[link=file:///etc]y[/link]", "[@click=app.quit]z[/]"]
EVIL = f"{CSI}{OSC52}{C1}\x07 {' '.join(MARKUP)}"
# Anything a terminal acts on: C0 controls except tab and newline, DEL, C1.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SENTENCES = [
    "The harbour authority said on Monday that the new pier would open to ferries next spring.",
    "Engineers had found cracks in the old pier during an inspection carried out last winter.",
    "The mayor told reporters that the town would pay for the repairs out of its own reserves.",
]


def html_page() -> str:
    """EVIL as raw characters and as character references, everywhere a page shows text."""
    entities = "".join(f"&#x{ord(c):x};" for c in CSI + OSC52 + C1)
    body = "".join(f"<p>{s} {EVIL} {entities}</p>" for s in SENTENCES)
    return (
        f"<html><head><title>Pier {EVIL} {entities}</title>"
        f'<meta property="og:site_name" content="Harbour {EVIL}">'
        f"</head><body><article>{body}</article></body></html>"
    )


def text_dump() -> str:
    return f"Pier news {EVIL}\n\n" + "\n\n".join(f"{s} {EVIL}" for s in SENTENCES) + "\n"


@pytest.fixture
def evil(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "saved"
    folder.mkdir()
    html = folder / f"pier{CSI}{C1}[bold]page.html"
    html.write_text(html_page(), encoding="utf-8")
    text = folder / f"pier{OSC52}.txt"
    text.write_text(text_dump(), encoding="utf-8")
    empty = folder / f"empty{OSC52}{C1}.txt"
    empty.write_bytes(b"")
    return {"html": html, "text": text, "empty": empty, "missing": folder / f"gone{CSI}.html"}


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps at 80 columns without a terminal; wide output keeps markup on one line."""
    monkeypatch.setenv("COLUMNS", "300")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert not UNSAFE.search(out), (args, UNSAFE.findall(out))
    assert not UNSAFE.search(err), (args, UNSAFE.findall(err))
    return status, out, err


def assert_markup_literal(output: str) -> None:
    for markup in MARKUP:
        assert markup in output


def test_every_command_prints_text_inert(
    capsys: pytest.CaptureFixture[str], db_path: Path, evil: dict[str, Path]
) -> None:
    db = ["--db", str(db_path)]
    sources = [str(evil[name]) for name in ("html", "text", "empty", "missing")]
    status, out, err = run(capsys, *db, "ingest", *sources)
    assert status == 1
    assert out.count("added #") == 2
    assert f"added #1: {printable(str(evil['html']))}" in out
    assert "\\x1b[2J\\x9b31m" in out  # the file name, visibly escaped
    failures = [line for line in err.splitlines() if line.startswith("copydesk: ")]
    assert failures == [
        f"copydesk: {printable(str(evil['empty']))}: empty file",
        f"copydesk: {printable(str(evil['missing']))}: no files match",  # "[" makes it a glob
    ]

    status, out, _ = run(capsys, *db, "list")
    assert status == 0 and len(out.splitlines()) == 2
    assert_markup_literal(out)
    assert "Harbour [bold red]x[/]" in out

    status, out, _ = run(capsys, *db, "list", "--json")
    rows = json.loads(out)
    assert rows[0]["outlet"] == f"Harbour {' '.join(MARKUP)}"
    assert rows[0]["title"].startswith(f"Pier {' '.join(MARKUP)}")
    assert rows[0]["source"] == printable(str(evil["html"]))

    status, out, _ = run(capsys, *db, "export", "--json")
    data = json.loads(out)
    for article in data["articles"]:
        texts = [sentence["text"] for sentence in article["sentences"]]
        assert all(any(t.startswith(s) for t in texts) for s in SENTENCES)
        assert_markup_literal(article["text"])
    assert data["matches"]

    status, out, _ = run(capsys, *db, "shared")
    assert status == 0 and "first: " in out
    assert_markup_literal(out)
    status, out, _ = run(capsys, *db, "shared", "--json")
    assert json.loads(out)

    for args in (["1", "2"], ["--json", "2", "1"]):
        status, out, _ = run(capsys, *db, "compare", *args)
        assert status == 0
        assert_markup_literal(out)

    status, out, err = run(capsys, "extract", *sources)
    assert status == 1 and out.count(SENTENCES[0]) == 2
    assert_markup_literal(out)
    status, out, _ = run(capsys, "extract", "--json", *sources[:2])
    assert [json.loads(line)["outlet"] for line in out.splitlines()] == [
        f"Harbour {' '.join(MARKUP)}",
        None,
    ]


def test_progress_on_a_terminal_prints_failures_inert(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    evil: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a terminal Rich draws the progress bar (its own escapes); ours never get through."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status = main(["--db", str(db_path), "ingest", str(evil["empty"]), str(evil["text"])])
    out, err = capsys.readouterr()
    assert status == 1
    for raw in (OSC52, CSI, "\x9b", "\x9d", "\x9c", "\x85", "\x07"):
        assert raw not in out + err
    assert printable(f"copydesk: {evil['empty']}: empty file") in err


# -- what a web server says -------------------------------------------------------


def _evil_reason(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(404, f"Not {OSC52}Found{CSI}\x9b2J")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _evil_type(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", f"image/x{CSI}{OSC52}")
    handler.send_header("Content-Length", "3")
    handler.end_headers()
    handler.wfile.write(b"abc")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    without_proxies(monkeypatch)
    with serve({"/reason": _evil_reason, "/type": _evil_type}) as url:
        yield url


def test_server_supplied_reasons_are_inert(
    capsys: pytest.CaptureFixture[str], db_path: Path, server: str
) -> None:
    status, _, err = run(
        capsys, "--db", str(db_path), "ingest", server + "/reason", server + "/type"
    )
    assert status == 1
    lines = [line for line in err.splitlines() if line.startswith("copydesk: ")]
    assert lines == [
        f"copydesk: {server}/reason: HTTP 404 Not \\x1b]52;c;aGVsbG8=\\x07Found\\x1b[2J\\x9b2J",
        f"copydesk: {server}/type: not an article: content type "
        "image/x\\x1b[2j\\x1b]52",  # the header's parameters start at ";"
    ]


# -- the helpers themselves ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Whole sequences go, terminated by BEL, ST (ESC \) or 8-bit ST.
        (f"a{CSI}b{OSC52}c\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\d", "abclinkd"),
        ("a\x9d0;title\x9cb\x9b1;31mc\x90dcs\x07d", "abcd"),
        # A stray introducer takes only itself, never the rest of the article.
        (
            "A stray \x1b] here.\n\nThe rest of the story.",
            "A stray  here.\n\nThe rest of the story.",
        ),
        ("Mojibake \x90 and \x9d.\n\nSecond paragraph.", "Mojibake  and .\n\nSecond paragraph."),
        # A string never runs past the end of its line.
        ("One \x1b]0;x\nTwo\x07 three", "One 0;x\nTwo three"),
        ("Tab\tand\r\nlines\x0bstay\x0c.", "Tab\tand\nlines\nstay\n."),
        ("bidi \u202eevil\u202c \u2066x\u2069", "bidi evil x"),
    ],
)
def test_sanitize(text: str, expected: str) -> None:
    assert sanitize(text) == expected


def test_sanitize_is_linear_on_many_introducers() -> None:
    """Each string scan stops at the next introducer: no quadratic blow-up."""
    for text in ("\x90" * 300_000, "\x1b]" * 200_000, "\x1b[" + "1" * 300_000, "\x9d;" * 200_000):
        assert sanitize(text + "\nend").endswith("\nend")


def test_printable_and_safe_json() -> None:
    assert printable(f"a{CSI}\x9b\u202e\udce9\n\t") == "a\\x1b[2J\\x9b\\u202e\\xe9\\x0a\\x09"
    assert printable("[bold]é 東京 👍") == "[bold]é 東京 👍"
    data = {"x": f"{CSI}\x9b\x7f\u2028é"}
    text = safe_json(data)
    assert not UNSAFE.search(text) and "\u2028" not in text and "é" in text
    assert json.loads(text) == data
