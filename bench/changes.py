"""Typed fact changes between matched sentences, against hand-written expectations.

    python bench/changes.py [--show]

The pairs (bench/changes_pairs.py) are invented for this bench: a wire
sentence and a copy that changes a number, a date, a name, a quotation or a
negation, sometimes two of them, in English and other scripts, and pairs that
change style only (or words none of the five types cover), which must give
nothing. Two tables: the pairs the rules were tuned on (three batches; the
first-run scores of the two written blind are noted in the data file), and
fresh pairs written after the rules were frozen, the honest measure.

Scored per type two ways: per (pair, type), whether a pair is said to change
that type of fact; and per exact change, (type, shown in a, shown in b).
Beside `fact_changes`, in the same run, a naive baseline that types each
changed word of the word diff on its own: a digit makes a number, a weekday
or month a date, a quotation mark a quote, a negating word a negation, a
capital letter a name. `--show` lists the pairs `fact_changes` gets wrong.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from changes_pairs import FRESH, HELD_OUT, PAIRS

from tui.match.changes import Change, fact_changes
from tui.match.diff import word_diff
from tui.match.fact_words import NEGATIONS

TYPES = ("number", "date", "name", "quote", "negation")
Triple = tuple[str, str, str]
Rule = Callable[[str, str], list[Change]]

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow"
_MONTHS = "january february march april may june july august september october november december"
_CALENDAR = set(_WEEKDAYS.split()) | set(_MONTHS.split())
_QUOTE_MARKS = re.compile('["“”«»„‘’「」]')


def naive(a: str, b: str) -> list[Change]:
    """Each changed run of the word diff, typed word by word with no context."""
    found = []
    for part in word_diff(a, b):
        if part.op == "equal":
            continue
        for kind in TYPES:
            shown = [
                " ".join(w for w in side.split() if _naive_type(w, kind))
                for side in (part.a, part.b)
            ]
            if any(shown):
                found.append(Change(kind, *shown))  # type: ignore[arg-type]
    return found


def _naive_type(word: str, kind: str) -> bool:
    bare = word.strip(".,;:!?\"'“”«»„‘’()").casefold()
    return {
        "number": any(c.isdigit() for c in word),
        "date": bare in _CALENDAR,
        "quote": bool(_QUOTE_MARKS.search(word)),
        "negation": bare in NEGATIONS or bare.endswith("n't"),
        "name": word.strip("\"'“‘«„(")[:1].isupper(),
    }[kind]


def score(rule: Rule, pairs: list) -> tuple[dict, dict, int, list[int]]:
    """Per type, [tp, fp, fn] per (pair, type) and per exact change; no-change pairs flagged;
    the indices of the pairs not exactly right."""
    by_pair = {kind: [0, 0, 0] for kind in TYPES}
    exact = {kind: [0, 0, 0] for kind in TYPES}
    flagged, wrong = 0, []
    for n, (a, b, expected) in enumerate(pairs):
        got = {(c.type, c.a, c.b) for c in rule(a, b)}
        for kind in TYPES:
            got_kind = {c for c in got if c[0] == kind}
            want_kind = {c for c in expected if c[0] == kind}
            _count(by_pair[kind], {kind} if got_kind else set(), {kind} if want_kind else set())
            _count(exact[kind], got_kind, want_kind)
        flagged += bool(got) and not expected
        if got != expected:
            wrong.append(n)
    return by_pair, exact, flagged, wrong


def _count(counts: list[int], got: set, want: set) -> None:
    counts[0] += len(got & want)
    counts[1] += len(got - want)
    counts[2] += len(want - got)


def cells(tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{precision:.3f} | {recall:.3f} | {tp + fn}"


def table(title: str, pairs: list) -> list[int]:
    """Print one table for `pairs`; return the indices fact_changes got wrong."""
    quiet = sum(not expected for _, _, expected in pairs)
    print(f"\n{title}: {len(pairs)} pairs, {quiet} of them with no fact changed\n")
    print("| rule | type | precision | recall | support | exact P | exact R | exact support |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    summary, wrong_ours = [], []
    for name, rule in (("fact_changes", fact_changes), ("naive baseline", naive)):
        by_pair, exact, flagged, wrong = score(rule, pairs)
        wrong_ours = wrong_ours or wrong
        for kind in [*TYPES, "all"]:
            if kind == "all":
                counts = [
                    [sum(c[kind][i] for kind in TYPES) for i in range(3)] for c in (by_pair, exact)
                ]
            else:
                counts = [by_pair[kind], exact[kind]]
            print(f"| {name} | {kind} | {cells(*counts[0])} | {cells(*counts[1])} |")
        summary.append(
            f"| {name} | {flagged} of {quiet} | {len(pairs) - len(wrong)} of {len(pairs)} |"
        )
    print("\n| rule | no-change pairs flagged | pairs exactly right |\n| --- | ---: | ---: |")
    print("\n".join(summary))
    return wrong_ours


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the pairs scored wrong")
    args = parser.parse_args(argv)
    tuned = PAIRS + HELD_OUT
    wrong = {"tuned": table("Pairs the rules were tuned on", tuned)}
    wrong["fresh"] = table("Fresh pairs, written after the rules were frozen", FRESH)
    if args.show:
        for name, pairs in (("tuned", tuned), ("fresh", FRESH)):
            for n in wrong[name]:
                a, b, expected = pairs[n]
                print(
                    f"\n[{name}] {a}\n{b}\n  want {sorted(expected)}\n  got  {fact_changes(a, b)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
