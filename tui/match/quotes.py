"""Which words of an article stand inside quotation marks.

A quotation two outlets share is shared text, but not evidence that one
copied the other: both may have heard the press conference or read the
tweet. So a match whose shared words are mostly quoted is marked as a quote
and counted apart (tui/match/judge.py, tui/match/passages.py).

Quotation marks are read per paragraph, as typesetters use them: “…” and
‘…’ (English), „…“ (German), «…» and »…« (French, Russian, German), 「…」
and 『…』 (Chinese, Japanese), straight "…" toggling. A quotation left open
at the end of a paragraph runs to its end (English opens it again in the
next paragraph). A ’ or ' between two letters is an apostrophe, never a
quote. The result is one flag per token of the folded sentence
(tui/text/normalize.WORD_PATTERN), kept as a string of "0" and "1".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.models import Sentence
from tui.text.normalize import WORD_PATTERN, fold

# opening mark -> the marks that close it
_CLOSERS = {
    "“": "”“",  # “…” in English, “…“ in some German typesetting
    "„": "“”",
    "«": "»",
    "»": "«",
    "「": "」",
    "『": "』",
    "‘": "’",
    "‚": "‘’",
    '"': '"',
}
_MARKS = re.compile('[“”„«»「」『』‘’‚"]')
_PARAGRAPH = re.compile(r"\n\s*\n")
_APOSTROPHES = str.maketrans("’‘ʼ`", "''''")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of `text` that stand inside quotation marks."""
    spans = []
    start = 0
    for paragraph in [*_PARAGRAPH.finditer(text), None]:
        end = paragraph.start() if paragraph else len(text)
        spans += _spans_in(text, start, end)
        start = paragraph.end() if paragraph else end
    return spans


def _spans_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    opener: str | None = None
    opened = lo
    for match in _MARKS.finditer(text, lo, hi):
        mark, at = match.group(), match.start()
        if mark in "’‘" and _between_letters(text, at):
            continue  # an apostrophe: "Russia’s", "don’t"
        if opener is not None and mark == opener and mark in "“„«「『" and _after_space(text, at):
            # the same mark opening again: the quotation before ran on unclosed
            # (a quote of several paragraphs, joined into one by the page)
            spans.append((opened, at))
            opened = at + 1
            continue
        if opener is not None and mark in _CLOSERS[opener]:
            spans.append((opened, at))
            opener = None
        elif opener is None and mark in _CLOSERS and _opens(text, at, mark):
            opener, opened = mark, at + 1
    if opener is not None:
        spans.append((opened, hi))
    return spans


def _after_space(text: str, at: int) -> bool:
    return at == 0 or text[at - 1].isspace()


def _between_letters(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()


def _opens(text: str, at: int, mark: str) -> bool:
    """A mark that closes elsewhere opens only where a quotation can start: not right
    after a letter ("rock’n’roll", a stray ’ at a word's end)."""
    if mark in '‘’"»':
        return at == 0 or not text[at - 1].isalnum()
    return True


def token_flags(text: str, sentence: Sentence, spans: Sequence[tuple[int, int]]) -> str:
    """One "1" (quoted) or "0" per token of the folded sentence; "" when none is quoted.

    `spans` are `quoted_spans(text)` of the whole article `text`.
    """
    inside = [(max(a, sentence.start), min(b, sentence.end)) for a, b in spans]
    inside = [(a, b) for a, b in inside if a < b]
    if not inside:
        return ""
    plain = sentence.text.translate(_APOSTROPHES)  # "Russia’s" is one token, as folded
    starts = [sentence.start + m.start() for m in WORD_PATTERN.finditer(plain)]
    flags = ["1" if any(a <= s < b for a, b in inside) else "0" for s in starts]
    count = len(WORD_PATTERN.findall(fold(sentence.text)))
    if len(flags) != count and flags:  # folding joined or split a token: spread the flags
        flags = [flags[i * len(flags) // count] for i in range(count)]
    return "".join(flags) if "1" in flags else ""


def article_flags(text: str, sentences: Sequence[Sentence]) -> list[str]:
    """`token_flags` for each sentence of an article, in reading order."""
    spans = quoted_spans(text)
    return [token_flags(text, sentence, spans) for sentence in sentences]
