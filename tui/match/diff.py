"""Word-level differences between two matched sentences, for display."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from tui.text.normalize import words

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class DiffPart:
    """A run of words: equal in both, only in `a` (delete), only in `b` (insert), or replaced."""

    op: Literal["equal", "delete", "insert", "replace"]
    a: str
    b: str


def word_diff(a: str, b: str) -> list[DiffPart]:
    """Compare two sentences word by word, ignoring case, quotes and punctuation.

    The parts keep each side's own spelling, so a reader sees exactly what
    the other outlet printed.
    """
    a_words, b_words = _TOKEN.findall(a), _TOKEN.findall(b)
    a_keys = [" ".join(words(word)) for word in a_words]
    b_keys = [" ".join(words(word)) for word in b_words]
    parts = []
    for op in Indel.opcodes(a_keys, b_keys):
        a_run = " ".join(a_words[op.src_start : op.src_end])
        b_run = " ".join(b_words[op.dest_start : op.dest_end])
        if a_run and b_run and op.tag != "equal":
            parts.append(DiffPart("replace", a_run, b_run))
        else:
            parts.append(DiffPart(op.tag, a_run, b_run))  # type: ignore[arg-type]
    return _merge_replacements(parts)


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
            out.append(part.a)
            continue
        if part.a:
            out.append(f"[-{part.a}-]")
        if part.b:
            out.append(f"{{+{part.b}+}}")
    return " ".join(out)
