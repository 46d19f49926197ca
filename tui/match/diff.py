"""Word-level differences between two matched sentences, for display."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from tui.text.normalize import PRINTED_TOKEN, fold


@dataclass(frozen=True)
class DiffPart:
    """A run of words: equal in both, only in `a` (delete), only in `b` (insert), or replaced."""

    op: Literal["equal", "delete", "insert", "replace"]
    a: str
    b: str


# What a word keeps at its edges when compared: a currency or a sign before a
# number ("$5" is not "€5", "-15" is not "15"), a percent or degree after it.
_KEEP_FIRST = frozenset("$€£¥₹+-−")
_KEEP_LAST = frozenset("%‰°")


def _word_key(word: str) -> str:
    """A word as compared: folded (case, quotes, dashes), punctuation at its edges
    dropped except currency, signs and percent; letters, digits and combining
    marks (Devanagari vowel signs) always kept (folding has dropped Arabic
    vowel marks and Hebrew points already)."""
    text = fold(word)
    start, end = 0, len(text)
    while start < end and not _kept(text[start], _KEEP_FIRST):
        start += 1
    while end > start and not _kept(text[end - 1], _KEEP_LAST):
        end -= 1
    return text[start:end]


def _kept(char: str, extra: frozenset[str]) -> bool:
    return char.isalnum() or char in extra or unicodedata.category(char)[0] == "M"


def word_diff(a: str, b: str) -> list[DiffPart]:
    """Compare two sentences word by word, ignoring case, quotes and punctuation
    (but not a currency, a sign or a percent: "$5" / "€5", "-15" / "15" differ).
    Scripts written without spaces (Chinese, Japanese, Thai) are compared
    character by character, digits as one number ("12000人" is "12000", "人").

    The parts keep each side's own spelling, so a reader sees exactly what
    the other outlet printed.
    """
    a_spans, b_spans = token_spans(a), token_spans(b)
    a_keys = [_word_key(a[start:end]) for start, end in a_spans]
    b_keys = [_word_key(b[start:end]) for start, end in b_spans]
    parts = []
    for op in Indel.opcodes(a_keys, b_keys):
        a_run = _printed(a, a_spans[op.src_start : op.src_end])
        b_run = _printed(b, b_spans[op.dest_start : op.dest_end])
        if a_run and b_run and op.tag != "equal":
            parts.append(DiffPart("replace", a_run, b_run))
        else:
            parts.append(DiffPart(op.tag, a_run, b_run))  # type: ignore[arg-type]
    return _merge_replacements(parts)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens `word_diff` compares, in order."""
    return [m.span() for m in PRINTED_TOKEN.finditer(text)]


def token_count(words: str) -> int:
    """How many of those tokens one side of a `DiffPart` holds."""
    return len(PRINTED_TOKEN.findall(words))


def _printed(text: str, spans: list[tuple[int, int]]) -> str:
    """The tokens as printed, with the spacing between them (none in Chinese)."""
    return " ".join(text[spans[0][0] : spans[-1][1]].split()) if spans else ""


def _merge_replacements(parts: list[DiffPart]) -> list[DiffPart]:
    """Indel gives a change as delete+insert; show it as one replacement."""
    merged: list[DiffPart] = []
    for part in parts:
        previous = merged[-1] if merged else None
        if previous and {previous.op, part.op} == {"delete", "insert"}:
            merged[-1] = DiffPart("replace", previous.a or part.a, previous.b or part.b)
        else:
            merged.append(part)
    return merged


def word_diff_text(parts: list[DiffPart]) -> str:
    """Plain text of a diff in wdiff's notation, as `git diff --word-diff=plain` prints it:
    words only in a as `[-old-]`, words only in b as `{+new+}`."""
    out = []
    for part in parts:
        if part.op == "equal":
            out.append(part.b)  # b's own spelling: this is b's text, marked
            continue
        if part.a:
            out.append(f"[-{part.a}-]")
        if part.b:
            out.append(f"{{+{part.b}+}}")
    return " ".join(out)
