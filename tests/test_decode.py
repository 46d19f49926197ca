"""decode(): bytes -> text for every encoding news pages come in, and refusal of the rest.

The samples are real sentences encoded with str.encode, one to three
sentences long. None needs a hint: windows-1251, Shift_JIS, GB18030 and
BOM-less UTF-16 are each recognised from one sentence. Latin-1 French is
where charset-normalizer alone goes wrong (it rates cp1250 and cp1252 the
same, and cp1250 turns "à" into "ŕ"); decode breaks that tie by web usage.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zipfile

import charset_normalizer
import pytest

from tui.errors import SourceError
from tui.ingest import decode as decode_module
from tui.ingest.decode import decode
from tui.models import RawDocument

RUSSIAN = (
    "Правительство объявило о новых мерах поддержки малого бизнеса, которые вступят в силу "
    "с первого января следующего года. Эксперты считают, что это поможет тысячам компаний."
)
JAPANESE = (
    "東京都は来年度から新しい子育て支援策を始めると発表しました。"
    "対象となる家庭には毎月の給付金が支給されます。"
)
CHINESE = "国家统计局今天发布的数据显示，今年前三个季度全国经济保持稳定增长，居民消费价格温和上涨。"
FRENCH = (
    "Le ministre a déclaré mercredi que la réforme des retraites serait présentée à "
    "l'Assemblée nationale avant l'été, malgré les critiques des syndicats."
)
GERMAN = (
    "Die Bundesregierung hat am Donnerstag beschlossen, die Förderung für Wärmepumpen zu "
    "erhöhen; Verbände begrüßten die Entscheidung ausdrücklich."
)
ENGLISH = "The council approved the budget on Tuesday after a long debate."


def text_of(data: bytes, charset: str | None = None) -> str:
    return decode(RawDocument("test", data, None, charset))


def refusal(data: bytes, charset: str | None = None) -> str:
    with pytest.raises(SourceError) as caught:
        text_of(data, charset)
    return str(caught.value)


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>News</title></head><body><p>{body}</p></body></html>"


# -- plain cases -----------------------------------------------------------------


def test_ascii_and_utf8() -> None:
    assert text_of(ENGLISH.encode()) == ENGLISH
    assert text_of(RUSSIAN.encode()) == RUSSIAN


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    assert text_of(bom + JAPANESE.encode(encoding)) == JAPANESE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("sample", [RUSSIAN, JAPANESE, CHINESE], ids=["ru", "ja", "zh"])
def test_utf16_and_utf32_without_bom(sample: str, encoding: str) -> None:
    """Russian has NULs from its spaces; Japanese and Chinese here have none at all."""
    assert text_of(sample.encode(encoding)) == sample


@pytest.mark.parametrize(
    ("sample", "encoding"),
    [
        (RUSSIAN, "windows-1251"),
        (RUSSIAN, "koi8-r"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "euc-jp"),
        (CHINESE, "gb18030"),
        (CHINESE, "gbk"),
        (FRENCH, "latin-1"),
        (FRENCH, "windows-1252"),
        (GERMAN, "latin-1"),
    ],
)
def test_undeclared_legacy_encodings(sample: str, encoding: str) -> None:
    assert text_of(sample.encode(encoding)) == sample


# -- declared charsets -----------------------------------------------------------


def test_charset_from_the_header() -> None:
    assert text_of(RUSSIAN.encode("koi8-r"), "koi8-r") == RUSSIAN
    assert text_of(FRENCH.encode("latin-1"), "ISO-8859-1") == FRENCH


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1251">',
        "<meta charset=windows-1251>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_charset_from_meta(head: str) -> None:
    html = page(RUSSIAN, head)
    assert text_of(html.encode("cp1251")) == html


def test_charset_from_xml_declaration() -> None:
    xhtml = '<?xml version="1.0" encoding="koi8-r"?>\n' + page(RUSSIAN)
    assert text_of(xhtml.encode("koi8-r")) == xhtml


def test_declared_charset_settles_what_guessing_cannot() -> None:
    """Four Cyrillic words: too short to guess, easy when declared."""
    short = "Мир труд май весна"
    assert text_of(short.encode("koi8-r"), "koi8-r") == short


def test_page_declaring_utf8_but_in_windows_1251() -> None:
    html = page(RUSSIAN, '<meta charset="utf-8">')
    assert text_of(html.encode("cp1251")) == html
    assert text_of(html.encode("cp1251"), "utf-8") == html


def test_wrong_legacy_declaration_loses_to_valid_utf8() -> None:
    """Servers often say ISO-8859-1 by default; Latin-1 would "decode" anything."""
    assert text_of(FRENCH.encode("utf-8"), "iso-8859-1") == FRENCH
    html = page(GERMAN, '<meta charset="windows-1252">')
    assert text_of(html.encode("utf-8")) == html


def test_wrong_declaration_that_fails_is_ignored() -> None:
    assert text_of(JAPANESE.encode("shift_jis"), "utf-8") == JAPANESE
    assert text_of(CHINESE.encode("gb18030"), "shift_jis") == CHINESE


def test_declaration_giving_replacement_characters_is_ignored() -> None:
    """Python's codecs raise rather than substitute, so only bytes that spell U+FFFD
    in the declared charset produce one; such a declaration is not trusted."""
    data = "\ufffd".encode("gb18030") + CHINESE.encode("gb18030")
    assert decode_module._from_declared(data, "gb18030") is None
    assert decode_module._from_declared(CHINESE.encode("gb18030"), "gb18030") == CHINESE


def test_unknown_and_wide_declarations_are_ignored() -> None:
    assert text_of(RUSSIAN.encode("cp1251"), "no-such-charset") == RUSSIAN
    assert text_of(ENGLISH.encode(), "utf-16") == ENGLISH  # would turn ASCII into CJK
    assert text_of(ENGLISH.encode(), "base64") == ENGLISH  # not a text codec


def test_latin1_declaration_reads_as_windows_1252() -> None:
    """As browsers do: 0x93/0x94 are curly quotes, not C1 controls."""
    quoted = "He said \u201cno\u201d and left."
    assert text_of(quoted.encode("cp1252"), "iso-8859-1") == quoted


# -- refusals --------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8 + b"  \n"])
def test_empty(data: bytes) -> None:
    assert refusal(data) == "empty file"


def test_wide_whitespace_is_empty() -> None:
    assert refusal(codecs.BOM_UTF16_LE + " \n\u3000".encode("utf-16-le")) == "empty file"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", ENGLISH)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"IHDR" * 10,
        b"\xff\xd8\xff\xe0" + b"JFIF" * 10,
        b"GIF89a" + b"text-like" * 10,
        b"%PDF-1.7\n" + ENGLISH.encode(),
        _zip(),
        gzip.compress(ENGLISH.encode()),
        b"\x7fELF\x02\x01\x01" + b"code" * 10,
    ],
    ids=["png", "jpeg", "gif", "pdf", "zip", "gzip", "elf"],
)
def test_known_binary_formats(data: bytes) -> None:
    assert refusal(data) == "binary file, not text"


def test_nul_bytes_mean_binary() -> None:
    assert refusal(ENGLISH.encode() + b"\x00\x01\x02\x00\xff" + ENGLISH.encode()) == (
        "binary file, not text"
    )


def test_stray_nul_bytes_in_text_are_dropped() -> None:
    """A page saved with a NUL or two in it (a bad copy, a CMS bug) is still text."""
    html = page(FRENCH + " " + ENGLISH * 40)
    data = html.encode("utf-8")
    middle = len(data) // 2
    assert text_of(data[:middle] + b"\x00" + data[middle:] + b"\x00\x00") == html


def test_utf8_with_one_bad_byte_is_utf8() -> None:
    """One stray byte among many accents: a legacy reading would garble them all."""
    good = page(FRENCH + " " + GERMAN)
    data = good.encode("utf-8").replace(b"r\xc3\xa9forme", b"r\xe9forme")  # a Latin-1 é
    text = text_of(data)
    assert "r\ufffdforme" in text
    assert text.replace("r\ufffdforme", "réforme") == good


def test_declared_utf8_with_a_few_bad_bytes_is_utf8() -> None:
    html = page(RUSSIAN, '<meta charset="utf-8">')
    data = html.encode("utf-8").replace("малого".encode(), b"\xec\xe0\xeb\xee\xe3\xee")
    text = text_of(data)
    assert "Правительство" in text and "бизнеса" in text
    assert text.count("\ufffd") == 6


def test_control_bytes_mean_binary() -> None:
    noisy = bytes(range(1, 32)) * 20 + ENGLISH.encode()
    assert refusal(noisy) == "binary file, not text"


def test_escape_sequences_are_text() -> None:
    """ANSI colours (ESC) and form feeds appear in real text dumps."""
    coloured = "\x1b[1mBREAKING\x1b[0m " + ENGLISH + "\f\n"
    assert text_of(coloured.encode()) == coloured


def test_undecodable() -> None:
    assert refusal(bytes(range(0x80, 0x100)) * 20) == "cannot tell the text encoding"


# -- speed on large inputs -------------------------------------------------------


def test_large_input_is_guessed_from_a_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    """charset-normalizer sees at most SNIFF_BYTES, cut at a newline, of a big file."""
    seen: list[int] = []
    real = charset_normalizer.from_bytes

    def spy(data: bytes, **kwargs: object) -> charset_normalizer.CharsetMatches:
        seen.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(decode_module.charset_normalizer, "from_bytes", spy)
    text = (JAPANESE + "\n") * 20_000  # about 2 MB of Shift_JIS
    assert text_of(text.encode("shift_jis")) == text
    assert seen and max(seen) <= decode_module.SNIFF_BYTES
