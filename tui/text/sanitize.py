"""Make untrusted article text safe to store and display.

Applied once, at the boundary between decoding and cleaning, so everything
downstream (library, app, command line) can treat text as inert characters.
"""

from __future__ import annotations

import json
import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
# DCS/SOS/PM/APC strings (ESC P/X/^/_ ... ST) and two-character escapes.
# A string's payload stops at a newline, an ESC or a C1 control: a stray
# introducer (one "\x90" byte of mojibake) must not swallow the rest of the
# article, and each scan ending at the next introducer keeps the pass linear.
# An unterminated string loses only its introducer (as a two-byte escape or a
# control character); what follows is plain text.
_PAYLOAD = r"[^\x07\x1b\n\x80-\x9f]*"
_ESCAPE_SEQUENCE = re.compile(
    rf"""
    \x1b\[[0-?]*[ -/]*[@-~]                     # CSI
    | \x1b[\]PX^_]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)  # OSC, DCS, SOS, PM, APC strings
    | \x1b[@-Z\\-_]                             # other two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]                     # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)  # 8-bit string controls
    """,
    re.VERBOSE,
)
# Every C0 control except tab and newline, DEL, and every C1 control.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible format characters that can reorder or hide text (bidi overrides, isolates).
_BIDI_CHARS = r"\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_BIDI_CONTROL = re.compile(rf"[{_BIDI_CHARS}]")


def sanitize(text: str) -> str:
    """Strip escape sequences and control characters, normalise to NFC.

    Carriage returns become newlines and form feeds/vertical tabs become
    newlines too, so line structure survives. Bidi overrides are removed: they
    can make displayed text differ from stored text. So are soft hyphens, which
    split a word for search, matching and copying while showing nothing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _BIDI_CONTROL.sub("", text)
    text = text.replace("\u00ad", "")  # soft hyphens: "Engi\u00adneers" is "Engineers"
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


# What `printable` shows as an escape: C0 and C1 controls, DEL, bidi controls,
# line separators, and lone surrogates (how Python spells the bytes of a file
# name that is not UTF-8; SQLite and UTF-8 output refuse them).
_UNPRINTABLE = re.compile(rf"[\x00-\x1f\x7f-\x9f{_BIDI_CHARS}\u2028\u2029\ud800-\udfff]")
# What JSON leaves raw with ensure_ascii=False but a terminal would act on.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for one undecodable byte
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` as one terminal-safe line, for names that must stay recognisable.

    File names, URLs and error reasons are not article text, so rather than
    dropping characters, any control, bidi, line-separator or surrogate
    character is shown as an escape ("\\x1b", "\\u202e", "\\xe9").
    """
    return _UNPRINTABLE.sub(_escape, text)


def safe_json(data: object, **options: object) -> str:
    """`json.dumps(data, ensure_ascii=False)` with C1 controls escaped too.

    JSON always escapes C0 controls, but leaves DEL and C1 (such as the 8-bit
    CSI "\\x9b") raw; as "\\u009b" they decode to the same data and cannot act
    on a terminal.
    """
    text = json.dumps(data, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str | None) -> str:
    """`text` on one line, any control character shown as an escape ("\\x1b"); "" for None.

    Escaping (not dropping) keeps a strange file name recognisable, and it
    also covers the lone surrogates of a file name that is not UTF-8, which
    the terminal could not encode.
    """
    return printable(" ".join((text or "").split()))
