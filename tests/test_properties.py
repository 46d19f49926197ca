"""Property tests across the text stages, on hostile alphabets.

test_sentences, test_normalize, test_clean_html and test_clean_text already
check each stage on arbitrary `str`; these add what they do not: sanitising,
sentences and folding on escape-laden and many-script text, and `clean` from
raw bytes in any encoding, where only SourceError may come out and whatever
comes out is inert.
"""

from __future__ import annotations

import json
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.clean import clean
from tui.errors import SourceError
from tui.models import RawDocument, Sentence
from tui.text.normalize import fold, words
from tui.text.sanitize import printable, safe_json, sanitize
from tui.text.sentences import split_sentences

# Controls a terminal acts on; sanitize keeps only tab and newline.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make trouble: escape sequences (whole, cut short, 8-bit), markup,
# bidi controls, combining marks, joiners, emoji, wide and right-to-left letters.
HOSTILE = st.sampled_from(
    [
        "\x1b[2J",
        "\x1b[",
        "\x1b]52;c;aGVsbG8=\x07",
        "\x1b]",
        "\x1b\\",
        "\x1bP",
        "\x9b31m",
        "\x9b",
        "\x9d0;t\x9c",
        "\x90",
        "\x07",
        "\x00",
        "\r\n",
        "\r",
        "\x0b",
        "\x0c",
        "\u2028",
        "\u2029",
        "\u202e",
        "\u2066",
        "[bold red]",
        "[/]",
        "[@click=app.quit]",
        "e\u0301",
        "\u0301",
        "\u200d",
        "\u200c",
        "\u200b",
        "\ufeff",
        "👨‍👩‍👧",
        "🇯🇵",
        "東京。",
        "Ｔｏｋｙｏ",
        "القاهرة.",
        "שלום",
        "ß",
        "İ",
        ". ",
        "? ",
        "\n\n",
        "Mr. ",
        "U.S. ",
        "“Quote.” ",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=8)), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(), HOSTILE_TEXT)


def assert_sentences_valid(text: str, sentences: list[Sentence]) -> None:
    end = 0
    for n, s in enumerate(sentences):
        assert s.i == n
        assert end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        end = s.end


@SETTINGS
@given(ANY_TEXT)
def test_sanitized_text_is_inert_and_stable(text: str) -> None:
    clean_text = sanitize(text)
    assert not UNSAFE.search(clean_text)
    assert "\r" not in clean_text and "\u2028" not in clean_text
    assert unicodedata.is_normalized("NFC", clean_text)
    assert sanitize(clean_text) == clean_text


@SETTINGS
@given(ANY_TEXT)
def test_sanitize_keeps_plain_text(text: str) -> None:
    """Text without controls, escapes, bidi marks or soft hyphens only gets NFC."""
    plain = re.sub(
        r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u00ad]", "", text
    )
    plain = plain.replace("\u2028", " ").replace("\u2029", " ")
    assert sanitize(plain) == unicodedata.normalize("NFC", plain)


@SETTINGS
@given(ANY_TEXT.map(sanitize))
def test_sentences_of_sanitized_text(text: str) -> None:
    sentences = split_sentences(text)
    assert_sentences_valid(text, sentences)
    for s in sentences:
        assert s.text == s.text.strip() and "\n\n" not in s.text


@SETTINGS
@given(ANY_TEXT)
def test_fold_ignores_canonical_forms(text: str) -> None:
    """Composed or decomposed accents, the same text: the same folded key."""
    text = sanitize(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert words(unicodedata.normalize("NFD", text)) == words(text)


@SETTINGS
@given(st.one_of(ANY_TEXT, st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"]))))
def test_printable_is_one_safe_line(text: str) -> None:
    shown = printable(text)
    assert not UNSAFE.search(shown) and "\n" not in shown and "\t" not in shown
    assert not re.search("[\ud800-\udfff\u2028\u2029]", shown)
    shown.encode("utf-8")  # no lone surrogates left
    assert printable(shown) == shown


@SETTINGS
@given(st.dictionaries(st.text(max_size=5), ANY_TEXT, max_size=4))
def test_safe_json_round_trips_without_raw_controls(data: dict[str, str]) -> None:
    text = safe_json(data)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", text)
    assert json.loads(text) == data


# -- clean(), from raw bytes ---------------------------------------------------------

ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "cp1251", "shift_jis", "gb18030", "latin-1"]
FRAGMENTS = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<title>",
        "</title>",
        '<meta property="og:site_name" content="',
        '">',
        '<meta charset="iso-8859-1">',
        '<meta charset="utf-8">',
        "<body>",
        "<article>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&#x1b;",
        "&#x9b;",
        "&#0;",
        "&#xD800;",
        "&amp;",
        "The council met on Tuesday to discuss the budget. ",
        "Москва объявила о мерах. ",
        "東京都は発表した。",
    ]
)
PAGES = st.lists(st.one_of(FRAGMENTS, HOSTILE, st.text(max_size=10)), max_size=40).map("".join)


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="ignore")


RAW = st.one_of(
    st.binary(max_size=2000),
    st.builds(encoded, PAGES, st.sampled_from(ENCODINGS)),
    st.builds(encoded, HOSTILE_TEXT, st.sampled_from(ENCODINGS)),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    RAW,
    st.sampled_from([None, "text/html", "text/plain"]),
    st.sampled_from([None, "utf-8", "iso-8859-1", "windows-1251", "bogus"]),
)
def test_clean_gives_an_inert_article_or_source_error(
    data: bytes, media_type: str | None, charset: str | None
) -> None:
    raw = RawDocument("/saved/page\x1b[2J.html", data, media_type, charset)
    try:
        article = clean(raw)
    except SourceError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert article.text and article.text == article.text.strip()
    assert not UNSAFE.search(article.text)
    assert not UNSAFE.search(article.source)
    for field in (article.title, article.outlet, article.published, article.byline):
        assert field is None or (field.strip() == field and not UNSAFE.search(field))
        assert field is None or "\n" not in field
    assert article.sentences
    assert_sentences_valid(article.text, article.sentences)
    article.text.encode("utf-8")  # storable: no lone surrogates
