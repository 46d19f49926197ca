"""Changed facts between two matched sentences, typed for a fact-checker.

`fact_changes(a, b)` aligns the two sentences with the display word diff
(tui/match/diff.py), then types the words that changed. Each `Change` shows
both sides as printed; "" stands for a side without the fact, so a trimmed copy
that drops a figure shows as Change("number", "40,000", ""): the figures,
dates, names and quotations a copy loses are what a fact-checker wants to see.

- number: digits in any script (12,000; ١٢; ۱۲; १२; full-width ６) and English
  number words, shown with currency, scale, unit and bound: ("$5 million",
  "$6 million"), ("40%", "45 percent"), ("3 km", "5 km"), ("Two", "Three"),
  ("Fewer than 100", "More than 100"). The value decides: "12,000" / "12000",
  "two" / "2", "5%" / "5 percent", "$1.5 million" / "$1,500,000" are the same.
  Ordinals, fractions and "one" count only against another number ("first"
  and "one" are often an adverb and an article). Clock times are numbers.
- date: weekdays, months (English, French, German, Spanish, Russian, Hindi,
  Arabic), "June 3" / "3 June" / "June 3, 2024", ISO and d/m/y dates,
  yesterday / today / tomorrow: ("Tuesday", "Monday"), ("June 3", "June 4").
  A 4-digit year 1900-2100 is a date after a month or day, or after "in",
  "since", "by"... (с, в, منذ, عام...) or before "года", "में"; otherwise it
  is a number. English and German months count only when capitalised, so
  sentence-initial "May" is the month.
- quote: changed words inside quotation marks (" " “ ” « » „ “ ‘ ’ 「 」),
  shown as the whole quotation without marks: ("a historic step", "an
  important step"). Marks gone on one side (reported speech) is style.
- name: capitalised words of cased scripts, shown as the words that changed:
  ("Varga", "Vargas"), ("Riverton", "Harbour"). Not names: a first word that
  is an ordinary word ("Authorities", "The"; ORDINARY_FIRST_WORDS), a word the
  other sentence also prints in any case ("Authorities said ..." / "...,
  authorities said"), a short form ("President Elena Morales" / "Morales"), a
  country for its people ("Russia's" / "Russian"). Two names that trade
  places around other words than "and" are changes ("drafted by Finch and
  backed by Reyes" / "drafted by Reyes and backed by Finch").
- negation: negating words added or removed (not, n't, no, never, none,
  nobody, nothing, neither, without...; French ne/pas, German nicht/kein,
  Spanish no/nunca, Russian не/нет, Hindi नहीं/न, Arabic لا/لم/لن/ليس, Urdu
  نہیں), only when the count of negators differs: ("not", "") for "did not
  immediately claim" / "has claimed"; "did not" / "didn't" and "no one" /
  "nobody" are style. Verbs of denial ("denied") are not negators.

Each word gets at most one type, by precedence negation > date > number >
quote > name, and a changed run gives one change per fact in it: "12,000
residents on Tuesday" / "15,000 residents on Monday" gives a number and a
date. A fact that only moved (a clause reordered) is no change. Facts pair up
within a diff run, then in sentence order; the list is in sentence order,
without duplicates. Style edits, synonyms and other words ("poor" /
"excellent", "arrested" / "questioned") give nothing.

Limits: names are out of reach in scripts without case (Arabic, Hindi, CJK)
and over-reported in German (every noun is capitalised); an ordinary word
swapped at the start of a sentence and missing from ORDINARY_FIRST_WORDS
reads as a name ("Rescue workers" / "Rescuers"). Swapped roles are seen only
when the word diff pairs the two names ("Riverton beat Harbour" / "Harbour
beat Riverton" keeps "Harbour" in place and is missed). Unspaced scripts are
compared by space-separated chunks. Negators are counted, so a negation moved
to another clause is missed. "12.000" reads as twelve (a single dot is a
decimal point).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

from tui.match.diff import token_count, token_spans, word_diff
from tui.match.fact_words import (
    AND,
    BOUNDS,
    CASED_MONTHS,
    CURRENCIES,
    DEMONYM_ENDINGS,
    FRACTIONS,
    KEEP,
    MONTHS,
    NEGATORS,
    NOT_ONE,
    NUMBER_WORDS,
    OPENERS,
    ORDINAL_WORDS,
    ORDINARY_FIRST_WORDS,
    RELATIVE,
    SCALES,
    SUFFIX_SCALES,
    TITLES,
    UNIT_PAIRS,
    UNITS,
    VAGUE,
    WEAK,
    WEEKDAYS,
    YEAR_AFTER,
    YEAR_BEFORE,
    fold_word,
)
from tui.text.datelines import strip_dateline
from tui.text.normalize import words

ChangeType = Literal["number", "date", "name", "quote", "negation"]


@dataclass(frozen=True)
class Change:
    """One changed fact: its type and what each sentence prints ("" when absent)."""

    type: ChangeType
    a: str
    b: str

    def flipped(self) -> Change:
        """The same change read the other way (b -> a)."""
        return Change(self.type, self.b, self.a)


def changes_to_json(changes: Iterable[Change]) -> list[dict[str, str]]:
    """The JSON shape of changes, stored in `matches.changes` and printed in the
    contract: [{"type": "number", "a": "12,000", "b": "15,000"}]."""
    return [{"type": c.type, "a": c.a, "b": c.b} for c in changes]


def changes_from_json(stored: str | None) -> tuple[Change, ...]:
    """Changes as `changes_to_json` wrote them (JSON text); () for None or "[]"."""
    return tuple(Change(**item) for item in json.loads(stored)) if stored else ()


_NUMERAL = re.compile(r"([-−+])?(us\$|[$€£¥₹])?(\d+(?:[.,٫٬]\d+)*)(\S*)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er)?")


@dataclass(eq=False)
class _Token:
    index: int
    text: str  # as printed
    core: str  # NFKC, outer punctuation stripped ("$5", "40%", "didn't")
    low: str  # core casefolded
    quote: int | None  # the quotation it stands in
    initial: bool  # first word of the sentence, of a clause after ":" or of a quotation
    run: int | None = None  # the diff part that changed it
    used: bool = False  # part of a date or number, or a reported negator
    reported: bool = False  # part of a reported negation, date or number


@dataclass(eq=False)
class _Fact:
    type: ChangeType
    tokens: list[_Token]
    key: Any  # compared across sides: (value, unit), a date tuple, a name's words

    @property
    def run(self) -> int:
        return min(t.run for t in self.tokens if t.run is not None)

    @property
    def order(self) -> tuple[int, int]:
        return self.run, self.tokens[0].index


def fact_changes(a: str, b: str) -> list[Change]:
    """The facts sentence `b` changed against sentence `a`, in sentence order.

    `[Change("number", "12,000", "15,000"), Change("date", "Tuesday", "Monday")]`
    for "Police said 12,000 residents left on Tuesday." / "Police said 15,000
    residents left on Monday."; `[]` for style edits. The rules and their
    limits are in the module docstring. The strings come from the sentences
    as they are: a caller that prints them sanitises them first.
    """
    a, b = strip_dateline(a), strip_dateline(b)
    if not _may_change_facts(a, b):
        return []
    (ta, quotes_a), (tb, quotes_b) = _tokens(a), _tokens(b)
    starts = _mark_runs(ta, tb, a, b)
    facts_a, facts_b = _facts(ta), _facts(tb)
    found = _negations(ta, tb)
    found += _paired(_unmatched(facts_a, facts_b), _unmatched(facts_b, facts_a), shown=_phrase)
    found += _quotes(ta, tb, quotes_a, quotes_b, starts)
    found += _paired(*_names(ta, tb), shown=_changed_words)
    changes: list[Change] = []
    for _, change in sorted(found, key=lambda item: item[0]):
        if change not in changes:
            changes.append(change)
    return changes


# A word that holds a digit (any script), a capital or a quotation mark, or is
# one of the word tables' spellings, may carry a fact; nothing else can.
_QUOTE_MARK = re.compile(r"[\"“”‘«»„‚‹›「」『』]|(?<!\w)'|'(?!\w)")  # not "didn't"
_FACT_MARK = re.compile(r"\d")  # digits of every script
_FACT_WORDS = frozenset().union(
    NEGATORS,
    WEEKDAYS,
    RELATIVE,
    CASED_MONTHS,
    MONTHS,
    SCALES,
    UNITS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    FRACTIONS,
    VAGUE,
    NOT_ONE,
    YEAR_BEFORE,
    YEAR_AFTER,
    *BOUNDS,
    *UNIT_PAIRS,
)


_CLOCK_HALVES = frozenset({"a.m", "p.m", "am", "pm"})  # "2 a.m." / "2 p.m." (the 2 stays)


def _looks_factual(word: str) -> bool:
    """A digit, a quotation mark, a capital, or a word from the tables above."""
    if _FACT_MARK.search(word) or any(char.isupper() for char in word):
        return True
    folded = fold_word(_strip(word))
    return folded in _FACT_WORDS or folded.endswith("n't") or folded in _CLOCK_HALVES


def _may_change_facts(a: str, b: str) -> bool:
    """A quick test before the full analysis: does a word printed more often on one
    side than the other look like part of a fact? Most rewrites change only
    ordinary lower-case words, and then no fact can have changed (about 20 times
    cheaper than the analysis)."""
    if _QUOTE_MARK.search(a) or _QUOTE_MARK.search(b):  # any changed word may be quoted
        return True
    counts = Counter(a.split())
    counts.subtract(b.split())
    return any(count and _looks_factual(word) for word, count in counts.items())


def _tokens(text: str) -> tuple[list[_Token], list[str]]:
    """The tokens of `text` (as word_diff splits it) and its quotations."""
    quote_of, quotations = _quotations(text)
    tokens: list[_Token] = []
    for start, end in token_spans(text):
        word = text[start:end]
        core = _strip(unicodedata.normalize("NFKC", word))
        inside = (quote_of[i] for i in range(start, end) if text[i].isalnum())
        quote = next((q for q in inside if q is not None), None)
        previous = tokens[-1] if tokens else None
        initial = (
            previous is None or _closes(previous, ".!?:") or quote not in (None, previous.quote)
        )
        tokens.append(_Token(len(tokens), word, core, fold_word(core), quote, initial))
    return tokens, quotations


def _quotations(text: str) -> tuple[list[int | None], list[str]]:
    """Which quotation each character stands in, and each quotation's text without its marks."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # closing marks, opening position
    for i, ch in enumerate(text if any(mark in text for mark in OPENERS) else ""):
        before, after = text[i - 1 : i] or " ", text[i + 1 : i + 2] or " "
        apostrophe = ch in "'’" and after.isalnum()
        level = next((n for n in reversed(range(len(stack))) if ch in stack[n][0]), None)
        if level is not None and not apostrophe:
            del stack[level + 1 :]
            start = stack.pop()[1]
            if not stack:
                spans.append((start + 1, i))
        elif ch in OPENERS and (ch not in "\"'‘" or not before.isalnum() and not after.isspace()):
            stack.append((OPENERS[ch], i))
    if stack and stack[0][0] not in "'’":  # a quotation may run on to the paragraph's end
        spans.append((stack[0][1] + 1, len(text)))
    quote_of: list[int | None] = [None] * len(text)
    for n, (start, end) in enumerate(spans):
        quote_of[start:end] = [n] * (end - start)
    return quote_of, [_trim(text[start:end]) for start, end in spans]


def _strip(word: str) -> str:
    """`word` without the punctuation around it; currency signs, % and combining marks stay."""
    start, end = 0, len(word)
    while start < end and not (word[start].isalnum() or word[start] in KEEP):
        if word[start] in "-−+" and word[start + 1 : start + 2].isdigit():
            break  # a sign: "-15"
        start += 1
    while end > start and not _kept(word[end - 1]):
        end -= 1
    return word[start:end]


def _kept(ch: str) -> bool:
    return ch.isalnum() or ch in KEEP or unicodedata.category(ch)[0] == "M"


def _trim(text: str) -> str:
    """Shown text: outer quotes and trailing punctuation off, abbreviations ("p.m.") kept."""
    text = text.strip().lstrip("\"'“‘«„‚「『‹([")
    while text and not _kept(text[-1]) and not re.search(r"\.\w\.$", text):
        text = text[:-1].rstrip()
    return text


def _closes(token: _Token, marks: str = ",;:.!?") -> bool:
    return token.text.rstrip("\"'”’»」)]").endswith(tuple(marks))


def _mark_runs(ta: list[_Token], tb: list[_Token], a: str, b: str) -> dict[int, tuple[int, int]]:
    """Mark each changed token with its diff part; return where each changed part starts."""
    i = j = 0
    starts = {}
    for k, part in enumerate(word_diff(a, b)):
        n, m = token_count(part.a), token_count(part.b)
        if part.op != "equal":
            starts[k] = (i, j)
            for token in ta[i : i + n] + tb[j : j + m]:
                token.run = k
        i, j = i + n, j + m
    return starts


def _negator(tokens: list[_Token], i: int) -> bool:
    low, after = tokens[i].low, tokens[i + 1].low if i + 1 < len(tokens) else ""
    if (low, after) == ("not", "only") or (low == "no" and _ascii(after)[:1].isdigit()):
        return False
    return low in NEGATORS or low.endswith("n't") or (low.startswith("n'") and len(low) > 2)


def _negations(ta: list[_Token], tb: list[_Token]) -> list[tuple[tuple[int, int], Change]]:
    """A negation change wherever a changed run holds more negators on one side.

    Runs are compared only when the sentences' changed negators differ in number,
    so "did not" / "didn't" and a moved "not" stay style.
    """
    neg_a = [t for i, t in enumerate(ta) if t.run is not None and _negator(ta, i)]
    neg_b = [t for i, t in enumerate(tb) if t.run is not None and _negator(tb, i)]
    if len(neg_a) == len(neg_b):
        return []
    groups: list[tuple[int, list[_Token], list[_Token]]] = []
    for run in sorted({t.run for t in neg_a + neg_b if t.run is not None}):
        in_a, in_b = [t for t in neg_a if t.run == run], [t for t in neg_b if t.run == run]
        if len(in_a) == len(in_b):
            continue
        for token in in_a + in_b:
            token.used = token.reported = True
        if groups and (_near(groups[-1][1], in_a) or _near(groups[-1][2], in_b)):
            groups[-1][1].extend(in_a)  # "ne ... pas": one negation in two runs
            groups[-1][2].extend(in_b)
        else:
            groups.append((run, in_a, in_b))
    return [
        ((run, (in_a or in_b)[0].index), Change("negation", _cores(in_a), _cores(in_b)))
        for run, in_a, in_b in groups
    ]


def _near(before: list[_Token], after: list[_Token]) -> bool:
    return bool(before and after) and after[0].index - before[-1].index <= 3


def _cores(tokens: list[_Token]) -> str:
    return " ".join(t.core for t in tokens)


def _ascii(text: str) -> str:
    """Decimal digits of any script as ASCII: "١٢" and "१२" read "12"."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _plain(tokens: list[_Token], i: int) -> str:
    return tokens[i].low.replace(".", "") if i < len(tokens) else ""


def _facts(tokens: list[_Token]) -> list[_Fact]:
    """The dates and numbers of a sentence, each with the words that make it up."""
    facts, i = [], 0
    while i < len(tokens):
        found = _date_at(tokens, i) or _number_at(tokens, i)
        if found is None:
            i += 1
            continue
        kind, end, key = found
        start, bound = _bound(tokens, i) if kind == "number" else (i, "")
        facts.append(_Fact(kind, tokens[start:end], (*key, bound) if bound else key))
        for token in tokens[start:end]:
            token.used = True
        i = end
    return facts


def _bound(tokens: list[_Token], i: int) -> tuple[int, str]:
    """Where a number starts with the words that bound it ("more than"), and the bound."""
    for size in (2, 1):
        before = tokens[max(i - size, 0) : i]
        key = tuple(t.low for t in before)
        if len(before) == size and key in BOUNDS and not any(t.used for t in before):
            return i - size, BOUNDS[key]
    return i, ""


def _changed(facts: list[_Fact]) -> list[_Fact]:
    return [f for f in facts if any(t.run is not None for t in f.tokens)]


def _date_at(ts: list[_Token], i: int) -> tuple[ChangeType, int, tuple] | None:
    low = _ascii(ts[i].low).removesuffix("'s")  # "Monday's attack"
    if match := _ISO.fullmatch(low):
        return "date", i + 1, ("md", int(match[2]), int(match[3]), int(match[1]))
    if _NUMERIC_DATE.fullmatch(low):
        return "date", i + 1, ("numeric", low)
    for kind, table in (("weekday", WEEKDAYS), ("relative", RELATIVE)):
        if low in table:
            return "date", i + 1, (kind, table[low])
    if (month := _month(ts, i)) is not None:
        day = _day(ts, i + 1) if not _closes(ts[i]) else None
        return _with_year(ts, i + 1 + (day is not None), ("md", month, day))
    day = _day(ts, i)
    if day is not None and not _closes(ts[i]) and (month := _month(ts, i + 1)) is not None:
        return _with_year(ts, i + 2, ("md", month, day))
    before, after = ts[i - 1].low if i else "", _plain(ts, i + 1)
    if _year(ts, i) and (before in YEAR_BEFORE or after in YEAR_AFTER):
        return "date", i + 1, (float(_year(ts, i)), "")  # the key of the same number
    return None


def _with_year(ts: list[_Token], end: int, key: tuple) -> tuple[ChangeType, int, tuple]:
    """A month or day and month, with the year that follows it ("June 3, 2024")."""
    year = _year(ts, end) if not _closes(ts[end - 1], ";:.!?") else None
    return "date", end + (year is not None), (*key, year)


def _month(ts: list[_Token], i: int) -> int | None:
    """A month's number; English and German ones only capitalised ("may" is a verb)."""
    if i >= len(ts):
        return None
    low = ts[i].low.removesuffix("'s")
    if low in MONTHS:
        return MONTHS[low]
    return CASED_MONTHS.get(low) if ts[i].core[:1].isupper() else None


def _day(ts: list[_Token], i: int) -> int | None:
    match = _DAY.fullmatch(_ascii(ts[i].low)) if i < len(ts) else None
    return int(match[1]) if match and 1 <= int(match[1]) <= 31 else None


def _year(ts: list[_Token], i: int) -> int | None:
    low = _ascii(ts[i].low) if i < len(ts) else ""
    return int(low) if re.fullmatch(r"\d{4}", low) and 1900 <= int(low) <= 2100 else None


def _number_at(ts: list[_Token], i: int) -> tuple[ChangeType, int, tuple] | None:
    """A number at `i`, with the currency before it and the scale and unit after it."""
    unit, j = "", i
    if _plain(ts, i) in CURRENCIES and not _closes(ts[i]) and _value(ts, i + 1):
        unit, j = CURRENCIES[_plain(ts, i)], i + 1
    start = _value(ts, j)
    if start is None:
        return None
    value, end, own_unit = start
    unit = unit or own_unit
    while end < len(ts) and not _closes(ts[end - 1]):
        word, pair = _plain(ts, end), (_plain(ts, end), _plain(ts, end + 1))
        if word in SCALES and isinstance(value, float):
            value *= SCALES[word]
        elif not unit and word in UNITS:
            unit = UNITS[word]
        elif not unit and pair in UNIT_PAIRS:
            unit, end = UNIT_PAIRS[pair], end + 1
        else:
            break
        end += 1
    return "number", end, (round(value, 6) if isinstance(value, float) else value, unit)


def _value(ts: list[_Token], i: int) -> tuple[float | str, int, str] | None:
    """The value written at `i`, where it ends, and a unit glued to it."""
    if i >= len(ts):
        return None
    low = _ascii(ts[i].low)
    match = _NUMERAL.fullmatch(low)
    if not match:
        return _number_word(ts, i, low)
    sign, *groups = match.groups()
    found = _digits(ts, i, *groups)
    if sign in ("-", "−") and isinstance(found[0], float):  # "-15 degrees" is not "15 degrees"
        return -found[0], found[1], found[2]
    return found


def _digits(ts: list[_Token], i: int, currency: str | None, digits: str, rest: str):
    """Digits and what is glued to them ("$5", "40%", "5bn", "34-year-old"); "1 200" is one."""
    end = i + 1
    while not rest and len(digits) <= 3 and end < len(ts) and not _closes(ts[end - 1]):
        if not re.fullmatch(r"\d{3}", _ascii(ts[end].low)):
            break
        digits, end = digits + _ascii(ts[end].low), end + 1
    value, unit = _parse(digits), CURRENCIES.get(currency or "", "")
    if scale := SCALES.get(rest) or SUFFIX_SCALES.get(rest):
        return value * scale, end, unit
    if rest.endswith("-old") or (rest[:1] == "-" and rest[1:] not in UNITS):
        rest = ""  # an age ("34-year-old") or a count ("27-member"): the number alone
    return value, end, unit or UNITS.get(rest.lstrip("-"), rest)


def _number_word(ts: list[_Token], i: int, low: str) -> tuple[float | str, int, str] | None:
    """An English number word: "two", "twenty-five", "third" (unit "th"), "half", "dozens"."""
    before, after = ts[i - 1].low if i else "", _plain(ts, i + 1)
    if low == "one" and (before in NOT_ONE or after == "another"):
        return None
    parts = low.split("-")
    if len(parts) <= 2 and all(part in NUMBER_WORDS for part in parts):
        return sum(NUMBER_WORDS[part] for part in parts), i + 1, ""
    if low in ORDINAL_WORDS:
        return ORDINAL_WORDS[low], i + 1, "th"
    if low in FRACTIONS:
        return FRACTIONS[low], i + 1, ""
    if low in VAGUE:
        return low, i + 1, ""
    return (SCALES[low], i + 1, "") if low in SCALES and low.isalpha() else None


def _parse(digits: str) -> float:
    """12,000 and 12000 are one value; a comma before other than three digits is decimal."""
    digits = digits.replace("٬", ",").replace("٫", ".")
    if "," in digits and "." in digits:
        point = max(digits.rfind(","), digits.rfind("."))
        digits = re.sub(r"[.,]", "", digits[:point]) + "." + digits[point + 1 :]
    elif "," in digits:
        head, *groups = digits.split(",")
        decimal = len(groups) == 1 and len(groups[0]) != 3
        digits = f"{head}.{groups[0]}" if decimal else head + "".join(groups)
    elif digits.count(".") > 1:
        digits = digits.replace(".", "")
    return float(digits)


def _unmatched(facts: list[_Fact], others: list[_Fact]) -> list[_Fact]:
    """The changed facts whose value the other side prints fewer times: moves and respellings
    ("12,000" / "12000", "5 percent" / "5%") cancel out."""
    extra = Counter(f.key for f in facts)
    extra.subtract(f.key for f in others)
    kept = []
    for fact in _changed(facts):
        if extra[fact.key] > 0:
            extra[fact.key] -= 1
            kept.append(fact)
    return kept


def _paired(
    a: list[_Fact], b: list[_Fact], shown: Callable[[_Fact], str]
) -> list[tuple[tuple[int, int], Change]]:
    """Changes from the facts left: paired within a run, then in order, then alone."""
    a, b = list(a), list(b)
    pairs: list[tuple[_Fact | None, _Fact | None]] = []
    for same_run in (True, False):
        for fact in list(a):
            other = next((g for g in b if g.type == fact.type and g.run == fact.run), None)
            other = other or next((g for g in b if g.type == fact.type and not same_run), None)
            if other is not None:
                a.remove(fact)
                b.remove(other)
                pairs.append((fact, other))
    pairs += [(f, None) for f in a if not _weak(f)] + [(None, f) for f in b if not _weak(f)]
    found = []
    for fact_a, fact_b in pairs:
        first = fact_a or fact_b
        assert first is not None
        for token in (fact_a.tokens if fact_a else []) + (fact_b.tokens if fact_b else []):
            token.reported = True
        change = Change(
            first.type, shown(fact_a) if fact_a else "", shown(fact_b) if fact_b else ""
        )
        found.append((first.order, change))
    return found


def _weak(fact: _Fact) -> bool:
    """An ordinal, a fraction or "one" alone: a change only against another number."""
    return fact.type == "number" and len(fact.tokens) == 1 and fact.tokens[0].low in WEAK


def _phrase(fact: _Fact) -> str:
    return _trim(" ".join(t.text for t in fact.tokens))


def _changed_words(fact: _Fact) -> str:
    return " ".join(t.core for t in fact.tokens if t.run is not None)


def _quotes(
    ta: list[_Token],
    tb: list[_Token],
    qa: list[str],
    qb: list[str],
    starts: dict[int, tuple[int, int]],
) -> list[tuple[tuple[int, int], Change]]:
    """A quote change where a run changed words inside a quotation that both sides print."""
    found = []
    for run, (i, j) in starts.items():
        side_a, side_b = [t for t in ta if t.run == run], [t for t in tb if t.run == run]
        words_a, words_b = _quoted_words(side_a), _quoted_words(side_b)
        if words_a == words_b or any(t.reported for t in side_a + side_b):
            continue  # nothing quoted changed, or a negation, date or number says it already
        quote_a, quote_b = _quote_at(ta, side_a, i), _quote_at(tb, side_b, j)
        if quote_a is None or quote_b is None or words(qa[quote_a]) == words(qb[quote_b]):
            continue  # marks gone on one side (reported speech), or the quotation only moved
        found.append(((run, i), Change("quote", qa[quote_a], qb[quote_b])))
    return found


def _quoted_words(side: list[_Token]) -> list[str]:
    return [w for t in side if t.quote is not None and not t.used for w in words(t.core)]


def _quote_at(tokens: list[_Token], side: list[_Token], start: int) -> int | None:
    """The quotation a changed run stands in; for an empty run, the one around the gap."""
    if side:
        return next((t.quote for t in side if t.quote is not None), None)
    around = tokens[max(start - 1, 0) : start + 1]
    return next((t.quote for t in around if t.quote is not None), None)


def _names(ta: list[_Token], tb: list[_Token]) -> tuple[list[_Fact], list[_Fact]]:
    """The changed names of each side that the other side does not print, and swapped ones."""
    phrases_a, phrases_b = _name_phrases(ta), _name_phrases(tb)
    changed_a, changed_b = _changed(phrases_a), _changed(phrases_b)
    swapped = _swapped(ta, tb, changed_a, changed_b)
    words_a = {w for t in ta for w in _name_key([t])}
    words_b = {w for t in tb for w in _name_key([t])}
    keys_a, keys_b = [p.key for p in phrases_a], [p.key for p in phrases_b]
    kept_a = [p for p in changed_a if p in swapped or not _same_name(p.key, words_b, keys_b)]
    kept_b = [p for p in changed_b if p in swapped or not _same_name(p.key, words_a, keys_a)]
    return kept_a, kept_b


def _same_name(key: frozenset[str], other_words: set[str], other_keys: list) -> bool:
    """Printed on the other side too, in any case, or as a short form ("Morales")."""
    return (
        not key
        or _within(key, other_words)
        or any(k and (_within(k, key) or _within(key, k)) for k in other_keys)
    )


def _within(words: set[str], others: set[str]) -> bool:
    """Every word of `words` stands in `others`, or its country or people does: Russia, Russian;
    Japan, Japanese; Germany, German (but Varga is not Vargas)."""
    return all(any(_alike(w, v) or _alike(v, w) for v in others) for w in words)


def _alike(short: str, long: str) -> bool:
    stem = short.rstrip("aeiouy") or short
    return long.startswith(stem) and long[len(stem) :] in DEMONYM_ENDINGS


def _swapped(ta: list[_Token], tb: list[_Token], a: list[_Fact], b: list[_Fact]) -> set[_Fact]:
    """Names that trade places around other words than "and": "drafted by Finch and backed by
    Reyes" / "drafted by Reyes and backed by Finch". Both names stay, their roles swap."""
    whole = {}  # run → (name, name) for a run that replaces one name by another and nothing else
    for run in sorted({p.run for p in a}):
        in_a, in_b = [p for p in a if p.run == run], [p for p in b if p.run == run]
        if len(in_a) == len(in_b) == 1 and _fills(in_a[0], ta) and _fills(in_b[0], tb):
            whole[run] = (in_a[0], in_b[0])
    swapped: set[_Fact] = set()
    for (a1, b1), (a2, b2) in combinations(whole.values(), 2):
        between = ta[a1.tokens[-1].index + 1 : a2.tokens[0].index]
        if a1.key == b2.key != a2.key == b1.key and any(t.low not in AND for t in between):
            swapped |= {a1, b1, a2, b2}
    return swapped


def _fills(phrase: _Fact, tokens: list[_Token]) -> bool:
    return [t for t in tokens if t.run == phrase.run] == phrase.tokens


def _name_phrases(tokens: list[_Token]) -> list[_Fact]:
    """Runs of capitalised words, broken at punctuation: "Interior Minister Peter Varga"."""
    phrases: list[_Fact] = []
    current: list[_Token] = []
    for index, token in enumerate(tokens):
        if _capitalised(token):
            current.append(token)
        if current and (not _capitalised(token) or _closes(token) or index == len(tokens) - 1):
            phrases.append(_Fact("name", current, _name_key(current)))
            current = []
    return phrases


def _name_key(tokens: list[_Token]) -> frozenset[str]:
    found = {w.removesuffix("'s") for t in tokens for w in words(t.core)}
    return frozenset(found - TITLES)


def _capitalised(token: _Token) -> bool:
    """A word that may be a name: capitalised, untyped, outside quotations, not "I" or "The"."""
    if token.used or token.quote is not None or not token.core[:1].isupper() or token.core == "I":
        return False
    if token.low in NEGATORS or (token.initial and token.low in ORDINARY_FIRST_WORDS):
        return False
    return any(c.isalpha() for c in token.core)
