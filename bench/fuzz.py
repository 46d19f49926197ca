"""Fuzz the pipeline with hostile input for as long as you like.

    python bench/fuzz.py [--seconds 300 | --inputs N] [--seed N] [--out DIR] [--library-every 20]

Generates bytes (random noise, mutated seeds and pages, escape-laden text in
many encodings, deep and broken markup, element floods) and feeds each through
decode -> sanitize -> clean -> sentences, checking what comes out: only
`SourceError` may be raised, sanitised and cleaned text holds no control
characters but tab and newline, and sentence offsets point into the text.
Every `--library-every`-th article is also stored with `Library.add` in a
temporary library, whose `PRAGMA integrity_check` is run at the end.

Any other exception, broken invariant or input slower than `--slow` seconds
is a finding: the input is saved as DIR/<kind>-<sha1>.bin with the traceback
beside it (.txt), ready to replay with `--replay FILE`. Prints inputs per
second as it goes; exits 1 if anything was found. Plain `random` rather than
hypothesis: with a fixed `--seed` a run is reproducible, and generators aimed
at the pipeline's soft spots find more per second than shrinking would.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a clone
    sys.path.insert(0, str(ROOT))

from tui.clean import clean  # noqa: E402
from tui.errors import SourceError  # noqa: E402
from tui.ingest.decode import decode  # noqa: E402
from tui.library import Library  # noqa: E402
from tui.models import Article, RawDocument  # noqa: E402
from tui.text.sanitize import sanitize  # noqa: E402
from tui.text.sentences import split_sentences  # noqa: E402

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "shift_jis")
ENCODINGS += ("gb18030", "latin-1", "cp1252", "euc-kr", "big5", "koi8-r")
CHARSETS = (None, "utf-8", "iso-8859-1", "windows-1251", "shift_jis", "utf-16", "x-bogus")
MEDIA_TYPES = (None, None, "text/html", "text/plain", "application/xhtml+xml")
HOSTILE = (
    "\x1b[2J", "\x1b[", "\x1b]52;c;aGVsbG8=\x07", "\x1b]", "\x1b\\", "\x1bP", "\x9b31m", "\x9b",
    "\x9d0;t\x9c", "\x90", "\x07", "\x00", "\r\n", "\r", "\x0b", "\x0c", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u200d", "\u200c", "\u200b", "\ufeff", "\u00ad", "e\u0301", "\u0301",
    "[bold red]", "[/]", "[@click=app.quit]", "[link=file:///etc]", "👨‍👩‍👧", "🇯🇵", "東京。",
    "Ｔｏｋｙｏ", "القاهرة.", "שלום", "Москва", "ß", "İ", ". ", "? ", "! ", "…", "\n\n", "\n",
    "Mr. ", "U.S. ", "Inc. ", "“Quote.” ", "3.5%", "(IANS)", "Reuters", "By Jane Doe",
    "&#x1b;", "&#x9b;", "&#0;", "&#xD800;", "&#1114112;", "&amp;", "&nbsp;", "&", "<", ">",
)  # fmt: skip
TAGS = (
    "html", "head", "title", "body", "article", "main", "div", "span", "p", "a", "b", "i",
    "table", "tr", "td", "ul", "li", "h1", "h2", "nav", "footer", "script", "style", "svg",
    "math", "template", "iframe", "noscript", "figure", "figcaption", "blockquote", "time",
)  # fmt: skip
SENTENCES = (
    "The council met on Tuesday evening to discuss the new budget for the town library.",
    "Officials said the bridge would reopen next month after repairs to its steel frame.",
    "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны.",
    "政府は地方の中小企業を支援するための新しい措置を発表しました。",
    "وقال المتحدث إن الاجتماع سيعقد في القاهرة يوم الثلاثاء المقبل.",
)


# -- generators: each returns (bytes, media type, declared charset) ---------------------

Case = tuple[bytes, str | None, str | None]


def _words(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(HOSTILE))
        elif roll < 0.7:
            parts.append(rng.choice(SENTENCES) + " ")
        else:
            parts.append("".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(8))))
    return "".join(parts)


def _encode(rng: random.Random, text: str) -> bytes:
    return text.encode(rng.choice(ENCODINGS), errors=rng.choice(("ignore", "replace")))


def gen_noise(rng: random.Random) -> Case:
    return rng.randbytes(rng.randrange(0, 4096)), rng.choice(MEDIA_TYPES), None


def gen_text(rng: random.Random) -> Case:
    text = "\n".join(_words(rng, rng.randrange(1, 12)) for _ in range(rng.randrange(1, 30)))
    return _encode(rng, text), rng.choice((None, "text/plain")), rng.choice(CHARSETS)


def gen_html(rng: random.Random) -> Case:
    parts = []
    for _ in range(rng.randrange(1, 120)):
        roll = rng.random()
        tag = rng.choice(TAGS)
        if roll < 0.3:
            attrs = rng.choice(("", ' class="story"', ' id="nav"', " hidden", ' style="x'))
            parts.append(f"<{tag}{attrs}>")
        elif roll < 0.5:
            parts.append(f"</{tag}>")
        elif roll < 0.55:
            parts.append(f'<meta property="og:site_name" content="{_words(rng, 2)}">')
        elif roll < 0.6:
            parts.append(f'<meta charset="{rng.choice(CHARSETS[1:])}">')
        else:
            parts.append(_words(rng, rng.randrange(1, 6)))
    return _encode(rng, "".join(parts)), rng.choice(MEDIA_TYPES), rng.choice(CHARSETS)


def gen_deep(rng: random.Random) -> Case:
    depth = rng.choice((300, 3_000, 30_000))
    tag = rng.choice(TAGS[5:])
    close = f"</{tag}>" * depth if rng.random() < 0.5 else ""
    html = f"<html><body>{f'<{tag}>' * depth}<p>{_words(rng, 4)}</p>{close}</body></html>"
    return html.encode(), rng.choice((None, "text/html")), None


def gen_flood(rng: random.Random) -> Case:
    """Many elements, many sentences or one endless line: the size-shaped hazards."""
    n = rng.choice((1_000, 20_000, 60_000))
    shapes = (
        "<i></i>" * n,
        "<p>" + ". " * n + "</p>",
        "<p>" + "A. " * n + "</p>",
        "<table>" + "<tr><td>1</td></tr>" * n + "</table>",
        "x" * (n * 10),
        "\n".join(rng.choice(SENTENCES) for _ in range(n // 10)),
    )
    body = rng.choice(shapes)
    return f"<html><body>{body}</body></html>".encode(), rng.choice(MEDIA_TYPES), None


def gen_mutant(rng: random.Random) -> Case:
    """A seed article or generated page with bytes flipped, cut, spliced and repeated."""
    seeds = sorted((ROOT / "seeds").glob("*")) if (ROOT / "seeds").is_dir() else []
    if seeds and rng.random() < 0.5:
        data = bytearray(rng.choice(seeds).read_bytes())
    else:
        data = bytearray(gen_html(rng)[0])
    for _ in range(rng.randrange(1, 20)):
        if not data:
            break
        at = rng.randrange(len(data))
        roll = rng.random()
        if roll < 0.4:
            data[at] = rng.randrange(256)
        elif roll < 0.6:
            del data[at : at + rng.randrange(1, 64)]
        elif roll < 0.8:
            data[at:at] = rng.choice(HOSTILE).encode("utf-8")
        else:
            data[at:at] = data[at : at + rng.randrange(1, 256)] * rng.randrange(2, 8)
    if rng.random() < 0.2:
        data[:0] = rng.choice((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return bytes(data), rng.choice(MEDIA_TYPES), rng.choice(CHARSETS)


GENERATORS: dict[str, tuple[Callable[[random.Random], Case], int]] = {
    # name: (generator, weight)
    "noise": (gen_noise, 2),
    "text": (gen_text, 4),
    "html": (gen_html, 6),
    "mutant": (gen_mutant, 6),
    "deep": (gen_deep, 1),
    "flood": (gen_flood, 1),
}


# -- checks ------------------------------------------------------------------------------


class Finding(Exception):
    """A broken invariant (as opposed to a crash)."""


def check_text(where: str, text: str) -> None:
    found = UNSAFE.search(text)
    if found:
        raise Finding(f"{where}: control character {found.group()!r} at {found.start()}")
    text.encode("utf-8")  # a lone surrogate would not store


def check_article(article: Article) -> None:
    if not article.text.strip():
        raise Finding("empty article text")
    check_text("text", article.text)
    for name in ("source", "title", "outlet", "published", "byline", "credit"):
        value = getattr(article, name)
        if value is not None:
            check_text(name, value)
            if "\n" in value:
                raise Finding(f"{name}: more than one line")
    end = 0
    for n, s in enumerate(article.sentences):
        if s.i != n or not end <= s.start < s.end <= len(article.text):
            raise Finding(f"sentence {n}: offsets {s.start}..{s.end} out of order")
        if article.text[s.start : s.end] != s.text:
            raise Finding(f"sentence {n}: text does not match its offsets")
        end = s.end


def run_one(raw: RawDocument) -> Article | None:
    """The pipeline on one input, with every check; None when SourceError refused it."""
    try:
        text = decode(raw)
    except SourceError:
        text = None
    if text is not None:
        safe = sanitize(text)
        check_text("sanitize", safe)
        sentences = split_sentences(safe)
        if any(safe[s.start : s.end] != s.text for s in sentences):
            raise Finding("split_sentences: offsets do not match")
    try:
        article = clean(raw)
    except SourceError as error:
        if not str(error) or "\n" in str(error):
            raise Finding(f"SourceError message not one line: {error!r}") from error
        return None
    check_article(article)
    return article


# -- the loop ------------------------------------------------------------------------------


class Fuzzer:
    def __init__(self, out: Path, library_path: Path, library_every: int, slow: float) -> None:
        self.out = out
        self.library = Library(library_path)
        self.library_every = library_every
        self.slow = slow
        self.tried = self.articles = self.stored = self.findings = 0
        self.by_kind: dict[str, int] = {}

    def feed(self, kind: str, case: Case) -> None:
        data, media_type, charset = case
        raw = RawDocument(f"/fuzz/{kind}.html", data, media_type, charset)
        started = time.monotonic()
        try:
            article = run_one(raw)
            if article is not None:
                self.articles += 1
                if self.library_every and self.articles % self.library_every == 0:
                    result = self.library.add(article)
                    self.stored += result.status == "added"
        except Exception:  # any crash or Finding is what we are here for
            self.save(kind, case, traceback.format_exc())
        else:
            elapsed = time.monotonic() - started
            if elapsed > self.slow:
                self.save(kind, case, f"slow: {elapsed:.1f} s for {len(data):,} bytes\n")
        self.tried += 1
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1

    def save(self, kind: str, case: Case, report: str) -> None:
        data, media_type, charset = case
        self.findings += 1
        self.out.mkdir(parents=True, exist_ok=True)
        stem = self.out / f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}"
        stem.with_suffix(".bin").write_bytes(data)
        header = f"media type: {media_type}\ncharset: {charset}\n\n"
        stem.with_suffix(".txt").write_text(header + report, encoding="utf-8")
        last = report.strip().splitlines()[-1] if report.strip() else "?"
        print(f"FOUND {stem.with_suffix('.bin')}: {last}", flush=True)

    def check_library(self) -> str:
        rows = self.library.conn.execute("PRAGMA integrity_check").fetchall()
        result = ", ".join(str(row[0]) for row in rows)
        if result != "ok":
            self.findings += 1
        return result


def replay(path: Path) -> int:
    """Run one saved input again, printing its traceback if it still fails."""
    notes = path.with_suffix(".txt")
    media_type = charset = None
    if notes.exists():
        head = dict(
            line.split(": ", 1) for line in notes.read_text().splitlines()[:2] if ": " in line
        )
        media_type = None if head.get("media type") in (None, "None") else head["media type"]
        charset = None if head.get("charset") in (None, "None") else head["charset"]
    raw = RawDocument(str(path), path.read_bytes(), media_type, charset)
    try:
        article = run_one(raw)
    except Exception:
        traceback.print_exc()
        return 1
    print("refused (SourceError)" if article is None else f"ok: {len(article.sentences)} sentences")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument(
        "--inputs", type=int, metavar="N", help="stop after N inputs instead (same on any machine)"
    )
    parser.add_argument("--seed", type=int, default=None, help="for a reproducible run")
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"), help="reproducers")
    parser.add_argument("--library-every", type=int, default=20, metavar="N")
    parser.add_argument("--slow", type=float, default=30.0, help="seconds that count as a hang")
    parser.add_argument("--replay", type=Path, metavar="FILE", help="rerun one saved input")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    names = list(GENERATORS)
    weights = [GENERATORS[name][1] for name in names]
    budget = f"{args.inputs:,} inputs" if args.inputs is not None else f"{args.seconds:g} s"
    print(f"fuzzing for {budget}, seed {seed}; findings go to {args.out}/", flush=True)
    with tempfile.TemporaryDirectory(prefix="copydesk-fuzz-") as tmp:
        fuzzer = Fuzzer(args.out, Path(tmp) / "fuzz.sqlite", args.library_every, args.slow)
        started = last_report = time.monotonic()
        while (
            fuzzer.tried < args.inputs
            if args.inputs is not None
            else (time.monotonic() - started < args.seconds)
        ):
            now = time.monotonic()
            kind = rng.choices(names, weights)[0]
            fuzzer.feed(kind, GENERATORS[kind][0](rng))
            if now - last_report >= 10:
                rate = fuzzer.tried / (now - started)
                print(
                    f"  {fuzzer.tried:,} inputs, {rate:.1f}/s, {fuzzer.findings} found", flush=True
                )
                last_report = now
        elapsed = max(time.monotonic() - started, 1e-9)
        integrity = fuzzer.check_library()
        fuzzer.library.close()
    kinds = ", ".join(f"{name} {count}" for name, count in sorted(fuzzer.by_kind.items()))
    print(
        f"{fuzzer.tried:,} inputs in {elapsed:.1f} s ({fuzzer.tried / elapsed:.1f}/s): {kinds}\n"
        f"{fuzzer.articles:,} became articles, {fuzzer.stored:,} stored; "
        f"library integrity: {integrity}\n"
        f"{fuzzer.findings} finding(s)" + (f", saved in {args.out}/" if fuzzer.findings else ""),
        flush=True,
    )
    return 1 if fuzzer.findings else 0


if __name__ == "__main__":
    sys.exit(main())
