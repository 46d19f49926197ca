"""Bytes -> str, whatever the encoding; binary data is refused.

The order of evidence, strongest first:

1. A byte-order mark (UTF-8, UTF-16, UTF-32).
2. NUL or control bytes: BOM-less UTF-16/32 if they fit its pattern (or
   charset-normalizer says so, for CJK text), else binary unless they are a
   stray few (MAX_CONTROL_SHARE), which are dropped.
3. Valid UTF-8, or UTF-8 with a few bad bytes (`_nearly_utf8`). This
   deliberately comes before any declared charset: a declaration is often
   wrong (servers default to ISO-8859-1, pages are re-saved), and a legacy
   single-byte charset "decodes cleanly" whatever the bytes are, whereas
   non-ASCII text that happens to be valid UTF-8 by accident is vanishingly
   rare.
4. The declared charset (HTTP header, then `<meta>`/XML declaration in the
   first 4 KB), if it decodes without errors or replacement characters.
5. charset-normalizer's guess, on a prefix of large inputs; among equally
   good guesses the encoding commonest on the web wins (French text fits
   cp1250 and cp1252 equally well, but only cp1252 gives "à" for 0xE0).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

import charset_normalizer

from tui.errors import SourceError
from tui.models import RawDocument

BINARY_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # ZIP, and so docx, epub, odt
    b"PK\x05\x06",  # empty ZIP
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"BZh",  # bzip2
    b"\xfd7zXZ\x00",  # xz
    b"\x28\xb5\x2f\xfd",  # zstd
    b"SQLite format 3\x00",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE: old .doc/.xls
)
BOMS = (  # UTF-32 LE before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newlines, form feed and escape (ANSI colours).
CONTROL_BYTES = bytes(set(range(32)) - set(b"\t\n\v\f\r\x1b"))
MAX_CONTROL_SHARE = 0.02
SNIFF_BYTES = 64 * 1024  # how much the binary test and charset-normalizer see
DECLARATION_BYTES = 4096
DECLARATION = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_C1_CONTROL = re.compile("[\x80-\x9f]")
# Labels Python does not know, and what browsers decode instead of what is
# declared (WHATWG Encoding): each maps to a superset of the declared one.
LABELS = {"x-sjis": "cp932", "windows-874": "cp874", "x-mac-roman": "mac-roman", "x-gbk": "gbk"}
SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
}
# Web usage, commonest first; breaks ties between equally good guesses.
WEB_POPULARITY = (
    "utf_8", "cp1252", "cp1251", "cp932", "shift_jis", "gb18030", "gbk", "euc_kr", "cp949",
    "cp1250", "euc_jp", "big5", "cp1256", "cp1254", "cp1253", "cp1255", "cp1257", "cp874",
    "koi8_r", "iso8859_2", "iso8859_15",
)  # fmt: skip


def decode(raw: RawDocument) -> str:
    """The text of `raw`, or SourceError if it is empty, binary or undecodable."""
    data = raw.data
    if not data.strip():
        raise SourceError("empty file")
    if data.startswith(BINARY_MAGIC):
        raise SourceError("binary file, not text")
    text = _decode_bom(data) or _decode_wide(data) or _decode_narrow(data, raw.charset)
    text = text.removeprefix("\ufeff").replace("\x00", "")  # stray NULs carry nothing
    if not text.strip():
        raise SourceError("empty file")
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _try(data, encoding)
    return None


def _decode_wide(data: bytes) -> str | None:
    """BOM-less UTF-16/32, or binary; None for data that looks like neither.

    Each has NULs or control bytes, which narrow text lacks. Where the NULs
    fall tells UTF-16/32 with some ASCII in it; CJK text in UTF-16 may have
    no NUL at all, but charset-normalizer recognises it.
    """
    sample = data[:SNIFF_BYTES]
    if b"\x00" not in data and _control_share(sample) <= MAX_CONTROL_SHARE:
        return None
    encoding = _wide_by_nuls(sample) or _wide_by_guess(sample)
    if encoding is None and _control_share(sample) <= MAX_CONTROL_SHARE:
        return None  # a few stray NULs in narrow text (a bad save): text all the same
    text = _try(data, encoding) if encoding else None
    if text is None or _control_share(text) > MAX_CONTROL_SHARE:
        raise SourceError("binary file, not text")
    return text


def _wide_by_guess(sample: bytes) -> str | None:
    """charset-normalizer's verdict, but only if it is UTF-16 or UTF-32."""
    wide = [name for name in _ranked_guesses(sample) if name.startswith(("utf_16", "utf_32"))]
    return wide[0] if wide else None


def _wide_by_nuls(sample: bytes) -> str | None:
    """UTF-32 text has NULs in two fixed bytes of every four (for BMP
    characters); UTF-16 text has them only in the high byte of ASCII
    characters, so all on odd (LE) or all on even (BE) positions."""
    sample = sample[: len(sample) // 4 * 4]
    quarter = len(sample) // 4
    zeros = [sample[i::4].count(0) for i in range(4)]
    if quarter and min(zeros[2], zeros[3]) >= 0.95 * quarter:
        return "utf-32-le"
    if quarter and min(zeros[0], zeros[1]) >= 0.95 * quarter:
        return "utf-32-be"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    if odd and even * 10 <= odd:
        return "utf-16-le"
    if even and odd * 10 <= even:
        return "utf-16-be"
    return None


def _control_share(chars: str | bytes) -> float:
    """Share of control characters in a sample: high in binary, ~0 in text."""
    sample = chars[:SNIFF_BYTES]
    if isinstance(sample, str):
        sample = sample.encode("latin-1", errors="replace")
    return (len(sample) - len(sample.translate(None, CONTROL_BYTES))) / max(len(sample), 1)


def _decode_narrow(data: bytes, charset: str | None) -> str:
    """UTF-8 and legacy encodings, strongest evidence first."""
    text = (
        _try(data, "utf-8")
        or _nearly_utf8(data, "utf-8" in _declared(data, charset))
        or _from_declared(data, charset)
        or _guess(data)
    )
    if text is None:
        raise SourceError("cannot tell the text encoding")
    return text


def _nearly_utf8(data: bytes, declared: bool) -> str | None:
    """UTF-8 with a few bad bytes, read as browsers read it: U+FFFD for each.

    Counted against the well-formed non-ASCII characters around them: a page
    with one stray byte among hundreds of accents is UTF-8 (a legacy reading
    would garble every accent), while legacy text has almost none. A page that
    declares UTF-8 needs as many good as bad; one that does not, four times
    as many. A declared UTF-8 page with no UTF-8 in it (a re-saved Windows-1251
    page, say) is still read in the encoding its bytes fit.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return text if good >= (1 if declared else 4) * bad and good else None


def _from_declared(data: bytes, charset: str | None) -> str | None:
    """The text in the first declared encoding that fits without replacement characters.

    Nor with C1 controls: ISO-8859-1 "fits" any bytes, and Shift_JIS or GB18030
    mislabelled as Latin-1 comes out full of U+0080-U+009F, which real text
    never holds; such a declaration is wrong, so the encoding is guessed.
    """
    for encoding in _declared(data, charset):
        text = _try(data, encoding)
        if text is not None and "\ufffd" not in text and not _C1_CONTROL.search(text):
            return text
    return None


def _declared(data: bytes, charset: str | None) -> Iterator[str]:
    """Declared encodings to try: the header's, then the document's own.

    A declared UTF-16/32 or UTF-7 is ignored: real UTF-16/32 has been found
    by its BOM or NULs already, and on ASCII bytes these would "decode" to
    nonsense.
    """
    found = DECLARATION.search(data[:DECLARATION_BYTES])
    inline = (found.group(1) or found.group(2)).decode("ascii") if found else None
    for label in (charset, inline):
        if not label:
            continue
        try:
            name = codecs.lookup(LABELS.get(label.strip().lower(), label.strip())).name
        except LookupError:
            continue
        if name.startswith(("utf-16", "utf-32", "utf-7")):
            continue
        if name in SUPERSETS:
            yield SUPERSETS[name]
        yield name


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess; on a prefix first, since it is slow.

    The prefix ends at a newline, which is never part of a multi-byte
    character in the encodings it guesses, so no character is cut in half
    (which would rule out the right encoding). If the whole text does not
    decode with a guess made from the prefix, the whole text is guessed on.
    """
    samples = [data] if len(data) <= SNIFF_BYTES else [_prefix(data), data]
    for sample in samples:
        for encoding in _ranked_guesses(sample):
            text = _try(data, encoding)
            if text is not None:
                return text
    return None


def _prefix(data: bytes) -> bytes:
    cut = data.rfind(b"\n", 0, SNIFF_BYTES)
    return data[: cut + 1] if cut > 0 else data[:SNIFF_BYTES]


def _ranked_guesses(sample: bytes) -> list[str]:
    """The encodings charset-normalizer rates best, commonest on the web first."""
    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    if best is None:
        return []
    tied = [
        match
        for match in matches
        if abs(match.chaos - best.chaos) < 1e-9 and abs(match.coherence - best.coherence) < 1e-9
    ]
    names = {name for match in tied for name in match.could_be_from_charset}
    names.add(best.encoding)
    return sorted(names, key=_popularity)


def _popularity(encoding: str) -> tuple[int, str]:
    rank = WEB_POPULARITY.index(encoding) if encoding in WEB_POPULARITY else len(WEB_POPULARITY)
    return rank, encoding


def _try(data: bytes, encoding: str) -> str | None:
    """`data` decoded strictly, or None if it does not fit `encoding`."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
