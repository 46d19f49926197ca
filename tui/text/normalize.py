"""Normalisation for matching sentences across outlets.

Outlets copy the same wire sentence but differ in typography: curly or
straight quotes, single or double quotes around the same quotation, hyphens
or en dashes, case, doubled spaces, invisible soft hyphens. `fold` erases
those differences, so "exact" means equal after folding and fuzzy scores
measure real edits only.
"""

from __future__ import annotations

import re
import unicodedata

# Quotation marks of every style are dropped: one outlet writes 'In order...'
# and another “In order...”. The apostrophe in "Russia’s" is kept (see below).
_QUOTE_MARKS = "'\"‘’‚‛′“”„‟″‴«»‹›`´"
_DASHES = "‐‑‒–—―−"
# Invisible characters that scraped pages scatter inside words: soft hyphen,
# zero-width space, word joiner, byte-order mark.
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"

_TABLE = str.maketrans(
    {**{c: "'" for c in _QUOTE_MARKS}, **{c: "-" for c in _DASHES}, **dict.fromkeys(_INVISIBLE)}
)
_TO_TRANSLATE = re.compile("[" + re.escape(_QUOTE_MARKS + _DASHES + _INVISIBLE) + "]")
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
# A token of folded text: one character of an unspaced script, or a word.
WORD_PATTERN = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+(?:'[^\W{_UNSPACED}]+)*")


def fold(text: str) -> str:
    """Return `text` folded for comparison: case, quotes, dashes and spaces erased.

    NFKC first (full-width letters, ligatures, "…" to "..."), then casefold,
    quotes dropped except apostrophes inside words, dashes to "-", runs of
    whitespace to one space. NFKC runs again at the end because casefolding
    ("ß" to "ss") or dropping a quote can bring a letter and a combining mark
    together; that second pass keeps fold idempotent (fold(fold(x)) == fold(x)).
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
