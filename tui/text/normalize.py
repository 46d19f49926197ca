"""Normalisation for matching sentences across outlets.

Outlets copy the same wire sentence but differ in typography: curly or
straight quotes, single or double quotes around the same quotation, hyphens
or en dashes, case, doubled spaces, invisible soft hyphens, and marks a
reader does not count as another word (Arabic vowel marks and tatweel,
Hebrew points, joiners). `fold` erases those differences, so "exact" means
equal after folding and fuzzy scores measure real edits only. Folded text is
a key for matching, never shown: the library keeps every sentence as printed.
"""

from __future__ import annotations

import re
import unicodedata

# Quotation marks of every style are dropped: one outlet writes 'In order...'
# and another “In order...”. The apostrophe in "Russia’s" is kept (see below).
_QUOTE_MARKS = "'\"‘’‚‛′“”„‟″‴«»‹›`´"
_DASHES = "‐‑‒–—―−"
# Invisible characters that scraped pages scatter inside words: soft hyphen,
# zero-width space, word joiner, byte-order mark, and the zero-width non-joiner
# and joiner that Persian, Urdu and Hindi pages set inconsistently ("می‌خواهم"
# and "میخواهم" are one word).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def _span(first: str, last: str) -> str:
    """Every character from `first` to `last`, both included."""
    return "".join(map(chr, range(ord(first), ord(last) + 1)))


# Marks a reader does not count as another word: Arabic vowel marks (harakat,
# shadda, sukun, the superscript alef), honorific and Quranic annotation signs,
# the tatweel (kashida) that stretches a word to fill a line, and Hebrew points
# (niqqud, cantillation; not maqaf, paseq or sof pasuq, which are punctuation).
# Not combining marks in general: Devanagari vowel signs and virama, Thai vowels
# and Vietnamese tones spell another word.
_READING_MARKS = (
    _span("\u0610", "\u061a")
    + "\u0640"
    + _span("\u064b", "\u065f")
    + "\u0670"
    + _span("\u06d6", "\u06ed")
    + _span("\u0591", "\u05bd")
    + "\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
)
_DROPPED = _INVISIBLE + _READING_MARKS

_TABLE = str.maketrans(
    {**{c: "'" for c in _QUOTE_MARKS}, **{c: "-" for c in _DASHES}, **dict.fromkeys(_DROPPED)}
)
_TO_TRANSLATE = re.compile("[" + re.escape(_QUOTE_MARKS + _DASHES + _DROPPED) + "]")
# After the table, every quotation mark is "'"; one between two word characters
# is an apostrophe ("russia's", "o'brien") and stays, any other goes.
_NOT_APOSTROPHE = re.compile(r"(?<!\w)'|'(?!\w)")
# Scripts written without spaces between words: kana, CJK ideographs, Thai,
# Lao, Myanmar, Khmer. Each of their characters is a token of its own, so a
# Chinese clause is not one long "word" (Hangul is written with spaces).
_UNSPACED = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
)
UNSPACED_CHARACTER = re.compile(f"[{_UNSPACED}]")
# A token of text as printed, for word diffs: a character of an unspaced script,
# or a run of anything else but spaces ("12000", "周", "二", "residents,").
PRINTED_TOKEN = re.compile(rf"[{_UNSPACED}]|[^\s{_UNSPACED}]+")


def _combining_marks() -> str:
    """A regex class body of the combining marks (Unicode Mn, Mc, Me) outside the
    unspaced scripts: Devanagari and Bengali vowel signs and viramas, Tamil pulli,
    Latin accents written apart. Python's \\w leaves them out, which cut
    "किताब" into क, त, ब."""
    marks = [
        chr(code)
        for low, high in ((0x0300, 0x0DFF), (0x0F00, 0x0FFF), (0x1AB0, 0x1AFF))
        for code in range(low, high + 1)
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
    ]
    marks += [chr(c) for c in range(0x1DC0, 0x1E00)] + [chr(c) for c in range(0x20D0, 0x2100)]
    return re.escape("".join(marks))


_MARKS = _combining_marks()
# A token of folded text: one character of an unspaced script, or a word (its
# combining marks included).
_LETTER = rf"[^\W{_UNSPACED}]"
# runs of letters and of marks, not a choice at every character: as fast as \w+
_WORD_PART = rf"{_LETTER}+(?:[{_MARKS}]+{_LETTER}*)*"
WORD_PATTERN = re.compile(rf"[{_UNSPACED}]|{_WORD_PART}(?:'{_WORD_PART})*")


def fold(text: str) -> str:
    """Return `text` folded for comparison: case, quotes, dashes, spaces, reading marks erased.

    NFKC first (full-width letters, ligatures, Arabic presentation forms, "…"
    to "..."), then casefold, quotes dropped except apostrophes inside words,
    dashes to "-", invisible characters and reading marks (harakat, tatweel,
    niqqud) dropped, runs of whitespace to one space. NFKC runs again at the
    end because casefolding ("ß" to "ss") or dropping a quote or a mark can
    bring a letter and a combining mark together; that second pass keeps fold
    idempotent (fold(fold(x)) == fold(x)).
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    # The table and the quote rule cost more than the rest together; most
    # sentences need neither, and `in` and a class search are cheap checks.
    if _TO_TRANSLATE.search(text):
        text = text.translate(_TABLE)
    if "'" in text:
        text = _NOT_APOSTROPHE.sub("", text)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def words(text: str) -> list[str]:
    """Return the tokens of the folded text: words ("russia's" is one), and each
    character of a script written without spaces ("铁路停运" is four)."""
    return WORD_PATTERN.findall(fold(text))
