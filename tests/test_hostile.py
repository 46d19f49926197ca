"""Hostile input at batch level: each bad source gives one clear line, the rest goes on.

The unit tests (test_sources, test_fetch, test_decode, test_clean_*) pin each
rule down; these drive the real pipeline, `copydesk ingest` and
`Library.ingest`, with a bad source between two good ones, and then check the
library: `PRAGMA integrity_check` is ok and holds exactly the articles it should.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import random
import shutil
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import tui.library
from tui.clean.html import MAX_ELEMENTS
from tui.cli import main
from tui.ingest import fetch
from tui.ingest.sources import DEFAULT_MAX_BYTES, MIB
from tui.library import Library

from .local_web import send, serve, without_proxies

GOOD = ("002_a925cdd380a090ad.txt", "004_881be3b2da86ddc3.txt")
STORY = "The council met on Tuesday evening to discuss the new budget for the town library."
RUSSIAN = "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны."
JAPANESE = "政府は地方の中小企業を支援するための新しい措置を発表しました。"
CHINESE = "政府宣布了支持各地区小企业的新措施，这些措施将于明年实施。"
FRENCH = "Le gouvernement a annoncé à Orléans des mesures d'aide aux petites entreprises."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>A story</title></head><body>{body}</body></html>"


def check_library(db: Path, articles: int) -> None:
    """The file is whole and holds `articles` articles, each with its sentences."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone() == (articles,)
        rows = conn.execute(
            "SELECT a.sentence_count, COUNT(s.id) FROM articles a"
            " LEFT JOIN sentences s ON s.article_id = a.id GROUP BY a.id"
        ).fetchall()
        assert all(expected == stored > 0 for expected, stored in rows)


def failure_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("copydesk: ")]


# -- files that cannot become articles ---------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(6).randbytes(64 * 1024))


def _nul_bytes(path: Path) -> None:
    path.write_bytes((STORY + "\x00\x00\x00 ").encode() * 50)


def _over_the_limit(path: Path) -> None:
    with path.open("wb") as f:  # sparse: costs no disk and no time
        f.truncate(DEFAULT_MAX_BYTES + 1)


def _element_bomb(path: Path) -> None:
    path.write_text(page(f"<p>{STORY}</p>" + "<i></i>" * (MAX_ELEMENTS + 1)))


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path)


def _no_article(path: Path) -> None:
    path.write_text(page("<script>var story = 1;</script><style>p {}</style><nav></nav>"))


def _cleans_to_nothing(path: Path) -> None:
    path.write_text(page("<p>&nbsp;</p><p>\u200b</p><p>&#8203; &#x1b; &#x9b; &#xad;</p>"))


def _undecodable(path: Path) -> None:
    path.write_bytes(bytes(range(0x80, 0x100)) * 20)


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "random.bin": (_random_bytes, "binary file, not text"),
    "empty.txt": (lambda path: path.write_bytes(b""), "empty file"),
    "blank.html": (lambda path: path.write_bytes(b" \n\t\r\n " * 100), "empty file"),
    "nul.txt": (_nul_bytes, "binary file, not text"),
    "huge.html": (_over_the_limit, "too large: over 25 MB"),
    "bomb.html": (_element_bomb, f"page too complex: over {MAX_ELEMENTS:,} HTML elements"),
    "loop.html": (_symlink_loop, "symlink loop"),
    "dangling.html": (lambda path: path.symlink_to(path.parent / "gone"), "broken symlink"),
    "no-article.html": (_no_article, "no article text found"),
    "nothing-left.html": (_cleans_to_nothing, "no article text found"),
    "undecodable.txt": (_undecodable, "cannot tell the text encoding"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_fails_alone(
    capsys: pytest.CaptureFixture[str], db_path: Path, seeds: Path, tmp_path: Path, name: str
) -> None:
    make, reason = BAD_FILES[name]
    bad = tmp_path / name
    make(bad)
    good = [str(seeds / n) for n in GOOD]
    status, out, err = run(capsys, "--db", str(db_path), "ingest", good[0], str(bad), good[1])
    assert status == 1
    assert failure_lines(err) == [f"copydesk: {bad}: {reason}"]
    assert out.count("added #") == 2
    assert "2 added, 0 already present, 1 failed" in err
    check_library(db_path, 2)


def test_unreadable_file_fails_alone(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    seeds: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "secret.html"
    bad.write_text(page(f"<p>{STORY}</p>"))
    bad.chmod(0)
    if os.geteuid() == 0:  # root reads anything: refuse the open as the kernel would
        import tui.ingest.sources as sources

        real = sources._open_nonblocking

        def refuse(path: str, flags: int) -> int:
            if path == str(bad):
                raise PermissionError(13, "Permission denied", path)
            return real(path, flags)

        monkeypatch.setattr(sources, "_open_nonblocking", refuse)
    good = [str(seeds / n) for n in GOOD]
    status, out, err = run(capsys, "--db", str(db_path), "ingest", good[0], str(bad), good[1])
    assert status == 1
    assert failure_lines(err) == [f"copydesk: {bad}: permission denied"]
    assert out.count("added #") == 2
    check_library(db_path, 2)


def test_every_bad_file_in_one_folder(
    capsys: pytest.CaptureFixture[str], db_path: Path, seeds: Path, tmp_path: Path
) -> None:
    """A folder mixing all of the above with good files: one line per bad file, in order."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for name, (make, _reason) in BAD_FILES.items():
        make(folder / name)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop as well as a file loop
    for name in GOOD:
        shutil.copy(seeds / name, folder / name)
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(folder))
    assert status == 1
    lines = failure_lines(err)
    expected = {f"copydesk: {folder / name}: {reason}" for name, (_, reason) in BAD_FILES.items()}
    expected.add(f"copydesk: {folder / 'sub' / 'up'}: symlink loop")
    assert set(lines) == expected and len(lines) == len(expected)
    assert out.count("added #") == 2
    check_library(db_path, 2)


def test_limit_can_be_lowered(capsys: pytest.CaptureFixture[str], db_path: Path, seeds: Path):
    status, out, err = run(
        capsys,
        "--db",
        str(db_path),
        "ingest",
        "--max-size",
        "0.0029",
        *[str(seeds / n) for n in GOOD],
    )
    assert status == 1
    assert failure_lines(err) == [f"copydesk: {seeds / GOOD[1]}: too large: over 3040 bytes"]
    assert out.count("added #") == 1
    check_library(db_path, 1)


# -- files that make odd but real articles -------------------------------------------


def ingest_one(db: Path, path: Path) -> tuple[tui.library.IngestResult, str]:
    """Ingest one file; the result and the stored text."""
    with Library(db) as library:
        [result] = library.ingest([str(path)])
        assert result.status == "added", result.reason
        row = library.article(result.article_id)
        assert row is not None
        sentences = library.sentences(row.id)
        assert sentences
        for s in sentences:
            assert row.text[s.start : s.end] == s.text
        return result, row.text


ENCODED: dict[str, tuple[str, bytes]] = {
    "windows-1251 undeclared": (RUSSIAN, page(f"<p>{RUSSIAN}</p>").encode("cp1251")),
    "windows-1251 labelled utf-8": (
        RUSSIAN,
        page(f"<p>{RUSSIAN}</p>", '<meta charset="utf-8">').encode("cp1251"),
    ),
    "windows-1251 text": (RUSSIAN, (RUSSIAN + "\n").encode("cp1251")),
    "shift_jis undeclared": (JAPANESE, page(f"<p>{JAPANESE}</p>").encode("shift_jis")),
    "shift_jis labelled latin-1": (
        JAPANESE,
        page(f"<p>{JAPANESE}</p>", '<meta charset="iso-8859-1">').encode("shift_jis"),
    ),
    "shift_jis text": (JAPANESE, (JAPANESE + "\n").encode("shift_jis")),
    "gb18030 undeclared": (CHINESE, page(f"<p>{CHINESE}</p>").encode("gb18030")),
    "gb18030 labelled shift_jis": (
        CHINESE,
        page(f"<p>{CHINESE}</p>", '<meta charset="shift_jis">').encode("gb18030"),
    ),
    "gb18030 text": (CHINESE, (CHINESE + "\n").encode("gb18030")),
    "utf-16 with bom": (RUSSIAN, page(f"<p>{RUSSIAN}</p>").encode("utf-16")),
    "utf-16-le without bom": (JAPANESE, page(f"<p>{JAPANESE}</p>").encode("utf-16-le")),
    "utf-16-be text without bom": (CHINESE, (CHINESE + "\n").encode("utf-16-be")),
    "latin-1 undeclared": (FRENCH, page(f"<p>{FRENCH}</p>").encode("latin-1")),
    "latin-1 labelled utf-8": (
        FRENCH,
        page(f"<p>{FRENCH}</p>", '<meta charset="utf-8">').encode("latin-1"),
    ),
    "latin-1 text": (FRENCH, (FRENCH + "\n").encode("latin-1")),
}


@pytest.mark.parametrize("case", list(ENCODED))
def test_encodings_come_through_readable(db_path: Path, tmp_path: Path, case: str) -> None:
    sentence, data = ENCODED[case]
    path = tmp_path / ("page.txt" if case.endswith(("text", "text without bom")) else "page.html")
    path.write_bytes(data)
    _, text = ingest_one(db_path, path)
    assert text == sentence
    check_library(db_path, 1)


# Mixed scripts, right-to-left text, combining marks (decomposed, so NFC composes
# them), emoji with joiners and skin tones, wide CJK and full-width forms.
WORLD = [
    "Le café de Zoë a rouvert mardi, a annoncé la mairie de Saint-Étienne.",
    "وقال المتحدث إن الاجتماع سيعقد في القاهرة يوم الثلاثاء المقبل.",
    "הממשלה הודיעה היום על תוכנית חדשה לתחבורה ציבורית בירושלים.",
    "Nguye\u0302\u0303n Va\u0306n A said the Hà Nội council would vote on Tuesday.",
    "The family 👨‍👩‍👧‍👦 posted 👍🏽 and 🇯🇵 flags after the match in Ｔｏｋｙｏ.",
    "東京都は火曜日、新しい図書館の建設計画を発表した。市民の反応は様々だ。",
    "او می\u200cخواهد فردا به تهران برود، سخنگوی وزارت گفت.",
    "यह फ़ैसला क्षेत्र\u200d के लिए महत्वपूर्ण है, मंत्री ने कहा।",
    "Москва и 東京 и القاهرة: three capitals in one sentence, said the minister.",
]


def test_mixed_scripts_rtl_marks_emoji_and_wide_characters(db_path: Path, tmp_path: Path):
    html = tmp_path / "world.html"
    html.write_text(page("".join(f"<p>{p}</p>" for p in WORLD)), encoding="utf-8")
    text_file = tmp_path / "world.txt"
    text_file.write_text("\n\n".join(reversed(WORLD)) + "\n", encoding="utf-8")
    for path in (html, text_file):
        _, text = ingest_one(db_path, path)
        for paragraph in WORLD:
            assert unicodedata.normalize("NFC", paragraph) in text
    check_library(db_path, 2)


def test_deeply_nested_html(db_path: Path, tmp_path: Path) -> None:
    """libxml2 stops at 256 levels; the page is read as a stream instead."""
    depth = 30_000
    nested = tmp_path / "nested.html"
    nested.write_text(page("<div><span>" * depth + f"<p>{STORY}</p>" + "</span></div>" * depth))
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text(page("<div>" * depth + f"<p>{STORY} It was never closed.</p>"))
    assert ingest_one(db_path, nested)[1] == STORY
    assert ingest_one(db_path, unclosed)[1] == f"{STORY} It was never closed."
    check_library(db_path, 2)


def test_broken_markup(db_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><head><title>Broken</title><body><p>Unclosed <b>bold <i>italic"
        f"<p>{STORY}</td></tr></table><<<>>>&&&;<p class='x>Quote not closed"
        "<!-- comment never ends <p>hidden"
    )
    _, text = ingest_one(db_path, broken)
    assert STORY in text
    check_library(db_path, 1)


def test_one_word_articles(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path):
    """A page's one word is its story; a text dump of one word is a headline without one."""
    html = tmp_path / "one.html"
    html.write_text(page("<p>Breaking</p>"))
    text = tmp_path / "one.txt"
    text.write_text("Breaking\n")
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(html), str(text))
    assert status == 1
    assert out.splitlines() == [f"added #1: {html}"]
    assert failure_lines(err) == [f"copydesk: {text}: no article text found"]
    with Library(db_path) as library:
        assert library.article(1).text == "Breaking"  # type: ignore[union-attr]
    check_library(db_path, 1)


def test_same_content_under_two_names(
    capsys: pytest.CaptureFixture[str], db_path: Path, seeds: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.txt"
    second = tmp_path / "copy" / "second.html"
    second.parent.mkdir()
    shutil.copy(seeds / GOOD[0], first)
    shutil.copy(seeds / GOOD[0], second)
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(first), str(second))
    assert status == 0
    assert out.splitlines() == [f"added #1: {first}", f"added #2: {second}"]  # a reprint
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(second), str(first))
    assert out.splitlines() == [f"already present: {second} (#2)", f"already present: {first} (#1)"]
    assert "0 added, 2 already present, 0 failed" in err
    check_library(db_path, 2)
    with Library(db_path) as library:
        matches = library.matches(2)
        # .txt and .html are cleaned differently: the heading is folded in as a near copy
        assert matches and {m.kind for m in matches} <= {"exact", "near"}
        # undated and alike: one reprints the other, but which is not known
        derived = library.derived()
        assert sorted(derived) == [1, 2]
        for derivations in derived.values():
            assert [d.share for d in derivations] >= [0.95]
            assert not derivations[0].certain
            assert "(order unknown)" in derivations[0].label()


def test_ten_thousand_sentences_ingest_and_match(db_path: Path, tmp_path: Path) -> None:
    """One very long article, then a short one that reprints 50 of its sentences."""

    def sentence(n: int) -> str:
        return (
            f"Council member {n} said on Tuesday that the budget for ward {n * 7 % 1000} "
            f"would pay for {n % 40 + 2} more librarians and a new reading room."
        )

    long = tmp_path / "long.txt"
    long.write_text(
        "\n\n".join(" ".join(sentence(p * 5 + k) for k in range(5)) for p in range(2_000))
    )
    short = tmp_path / "short.txt"
    short.write_text("\n\n".join(sentence(n) for n in range(3_000, 3_050)))
    with Library(db_path) as library:
        first, second = library.ingest([str(long), str(short)])
        assert (first.status, second.status) == ("added", "added")
        assert len(library.sentences(first.article_id)) == 10_000
        rows = library.compare(second.article_id, first.article_id)
        assert sum(1 for row in rows if row.kind == "exact") == 50
    check_library(db_path, 2)


def test_a_twenty_megabyte_page(db_path: Path, tmp_path: Path) -> None:
    """Big pages are mostly inline data; the story inside still comes out whole."""
    story = "".join(f"<p>Paragraph {n}. {STORY}</p>" for n in range(8))
    blob = random.Random(20).randbytes(10 * MIB).hex()[: 19 * MIB]
    path = tmp_path / "big.html"
    path.write_text(page(f"<script>var data = '{blob}';</script><article>{story}</article>"))
    assert 19 * MIB < path.stat().st_size < DEFAULT_MAX_BYTES
    _, text = ingest_one(db_path, path)
    assert text.count(STORY) == 8 and blob[:100] not in text
    check_library(db_path, 1)


# -- web addresses -------------------------------------------------------------------

STOP = threading.Event()  # set at teardown so the slow handler returns at once


@functools.cache
def _bomb() -> bytes:
    """4 MB of spaces gzipped to about 4 KB: over a 1 MB limit once inflated."""
    return gzip.compress(b" " * (4 * MIB), compresslevel=9)


def _redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


ROUTES: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {
    "/story.html": lambda h: send(
        h, page(f"<article><p>{STORY}</p></article>").encode(), "text/html; charset=utf-8"
    ),
    "/slow": lambda h: STOP.wait(5) or send(h, b"<p>late</p>", "text/html"),
    "/loop": lambda h: _redirect(h, "/loop"),
    "/png": lambda h: send(h, b"\x89PNG\r\n\x1a\n" + bytes(512), "image/png"),
    "/png-as-html": lambda h: send(h, b"\x89PNG\r\n\x1a\n" + bytes(512), "text/html"),
    "/noise-as-html": lambda h: send(h, random.Random(1).randbytes(4096), "text/html"),
    "/bomb": lambda h: send(h, _bomb(), "text/html", Content_Encoding="gzip"),
}
URL_FAILURES = {
    "/missing": "HTTP 404 Not Found",
    "/slow": "timed out",
    "/loop": "too many redirects",
    "/png": "not an article: content type image/png",
    "/png-as-html": "binary file, not text",
    "/noise-as-html": "binary file, not text",
    "/bomb": "too large: over 1 MB",
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(ROUTES, STOP) as url:
        yield url


@pytest.fixture
def quick_web(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server directly, whatever proxy is set, and a short fetch deadline."""
    without_proxies(monkeypatch)
    real = fetch.fetch_url
    monkeypatch.setattr(fetch, "fetch_url", lambda url, **kw: real(url, **{**kw, "timeout": 0.5}))


def test_bad_urls_fail_alone(
    capsys: pytest.CaptureFixture[str], db_path: Path, seeds: Path, server: str, quick_web: None
) -> None:
    bad = [server + path for path in URL_FAILURES]
    args = [server + "/story.html", *bad, str(seeds / GOOD[0])]
    status, out, err = run(capsys, "--db", str(db_path), "ingest", "--max-size", "1", *args)
    assert status == 1
    assert failure_lines(err) == [
        f"copydesk: {server}{path}: {reason}" for path, reason in URL_FAILURES.items()
    ]
    assert out.splitlines()[0] == f"added #1: {server}/story.html"
    assert out.count("added #") == 2
    check_library(db_path, 2)


def test_file_names_that_are_not_utf8(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    """Linux names are bytes; one that is not UTF-8 is stored and shown with \\x escapes."""
    saved = tmp_path / "saved"
    saved.mkdir()
    Path(os.fsdecode(os.fsencode(saved) + b"/caf\xe9.txt")).write_text(STORY)
    Path(os.fsdecode(os.fsencode(saved) + b"/vide\xff.txt")).write_bytes(b"")
    status, out, err = run(capsys, "--db", str(db_path), "ingest", str(saved))
    assert status == 1
    assert out.splitlines() == [f"added #1: {saved}/caf\\xe9.txt"]
    assert failure_lines(err) == [f"copydesk: {saved}/vide\\xff.txt: empty file"]
    with Library(db_path) as library:
        assert library.articles()[0].source == f"{saved}/caf\\xe9.txt"
    check_library(db_path, 1)
