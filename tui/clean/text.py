"""Plain-text page dump -> article text and metadata.

A select-all-and-copy of a news page holds the story between layers of
furniture: menus and a headline above; share bars, tags, comments and other
stories below. The cleaner

1. cuts the dump into units, one paragraph each (hard-wrapped blocks are re-joined);
2. labels every unit prose, short, furniture or end marker (see `boilerplate`); a
   "Related" heading, a date line or a lone credit ends the story unless two
   paragraphs follow within a few lines (then it was a box dropped mid-story);
3. splits the page at end markers and takes the first part that holds real prose,
   because whatever follows "Related articles" or "Comments" is someone else's text;
4. keeps the densest run of prose inside that part (a maximum-sum run), so menus
   and headers around the story fall away while a newsletter box inside it is bridged;
5. drops furniture, repeats, truncated teasers and the headline from that run, and the
   credit line an embedded post runs on at the end of its paragraph;

and reads title, dates, byline, outlet and wire credit from the lines around the run
(a date line that spells out a time with its zone, "Published: 2025-03-04 06:12 UTC",
gives that time too).
No rule names a site: the signals are line length, sentence punctuation, list
markers, repetition, position and the common vocabulary of page chrome.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from tui.clean import boilerplate as bp
from tui.clean.html_meta import iso_datetime
from tui.clean.meta import (
    agency_name,
    byline_agency,
    find_byline,
    find_credit,
    find_date,
    masthead,
    outlet_from_copyright,
    parse_date,
    split_site_title,
    strip_desk_code,
)
from tui.models import Cleaned


class Kind(Enum):
    """What a unit of the dump is."""

    PROSE = "prose"  # a paragraph of running text
    SHORT = "short"  # a headline, subheading, label or menu item
    FURNITURE = "furniture"  # page chrome, dropped wherever it is
    END = "end"  # chrome that closes the story ("Comments", "Tags: ...", a copyright)
    BREAK = "break"  # "Related", a date, "(IANS)": END or FURNITURE, decided in context


_ROLE_KINDS = {"end": Kind.END, "break": Kind.BREAK, "furniture": Kind.FURNITURE}


@dataclass
class Unit:
    """One paragraph-like line of the dump, whitespace collapsed."""

    text: str
    words: int
    bullet: bool
    kind: Kind = Kind.SHORT

    @cached_property
    def key(self) -> str:
        """The text folded for comparison: case, punctuation and spacing ignored."""
        return _key(self.text)


# A leading "date 2025-07-15" field that some scrapers write before the text.
_META_PREFIX = re.compile(
    r"^\s*(?:date|published|pubdate|datum|fecha)\s*[:=]?\s*(\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)",
    re.IGNORECASE,
)
# "Published: ...", "Updated on ...": the labels that split a date line into its times.
# English, French, German, Spanish, Portuguese and Italian.
_TIME_LABEL = re.compile(
    r"\b(?:(?P<update>(?:last\s+|zuletzt\s+)?(?:updated|modified|mis à jour|aktualisiert"
    r"|actualizado|atualizado|aggiornato))|(?:first\s+)?published|posted|publié|veröffentlicht"
    r"|erschienen|publicado|pubblicato)(?!\w)"
    r"(?:\s+(?:on|at|le|am|el|em|il))?\s*:?",
    re.IGNORECASE,
)
# The clock after a written date, with a zone we can trust ("06:12 UTC", ", 6:12 pm +05:30"),
# then nothing but separators. Zones such as "IST" or "ET" are ambiguous: those keep the day.
_CLOCK = re.compile(
    r"(?:\s*,|\s+at|\s*T|\s)\s*(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>UTC|GMT|Z|[+-]\d{2}:?\d{2})\s*[|•·,]?\s*$",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_THAI = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e46]")  # consonants and leading vowels
_KEY_DROP = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W\d_]+")

_MAX_UNITS = 10_000  # lines read from one dump
_MAX_WRAPPED_LINES = 60  # a hard-wrapped paragraph is no longer than this
_LONG_PROSE_WORDS = 25  # this long, a line is prose even without a full stop
_MIN_PROSE_WORDS = 7
_BOX_LINES = 8  # link lines in a box dropped between two paragraphs
_HEADER_REACH = 15  # units above the story searched for headline, date and byline
_TAIL_REACH = 3  # units below the story searched for a credit line or date
_SHORT_PENALTY = 3
_FURNITURE_PENALTY = 4


def clean_text(text: str) -> Cleaned:
    """Drop page furniture from a select-all-and-copy dump; keep the story."""
    prefix_date, text = _take_date_prefix(text)
    units = _classify(_units(text))
    if not any(u.kind is Kind.PROSE for u in units):
        return _fallback(units, prefix_date)
    start, end = _densest_run(units, *_story_part(units))
    title, title_at = _find_title(units, start, end)
    cleaned = _metadata(units, start, end, title_at)
    cleaned.text = "\n\n".join(_body(units, start, end, title))
    cleaned.title = title
    cleaned.published = prefix_date or cleaned.published
    return cleaned


# --- cutting and labelling ---------------------------------------------------


def _take_date_prefix(text: str) -> tuple[str | None, str]:
    """Lift a leading "date 2025-07-15" field off the first line: it is metadata."""
    stripped = text.lstrip()
    match = _META_PREFIX.match(stripped)
    if not match:
        return None, text
    stamp, day = match.group(1), parse_date(match.group(1))
    exact = iso_datetime(stamp)  # "2025-07-15T10:00:00Z" keeps its time and zone
    return (exact if day and exact and exact.startswith(day) else day), stripped[match.end() :]


def _units(text: str) -> list[Unit]:
    """Non-empty lines, whitespace collapsed; hard-wrapped paragraphs joined first.

    Reading stops after `_MAX_UNITS` lines: no news page is that long, and the cap
    bounds the time spent on a book or a log pasted in by mistake.
    """
    units: list[Unit] = []
    for block in _BLANK_LINES.split(text):
        for line in _block_lines(block):
            line, bullet = bp.strip_bullet(line)
            if line:
                units.append(Unit(line, _words(line), bullet))
                if len(units) >= _MAX_UNITS:
                    return units
    return units


def _block_lines(block: str) -> Iterator[str]:
    """The non-empty lines of a block, whitespace collapsed, or the block as one line
    when it is a hard-wrapped paragraph."""
    raw = block.split("\n")
    if 1 < len(raw) <= _MAX_WRAPPED_LINES:
        lines = [collapsed for line in raw if (collapsed := " ".join(line.split()))]
        if _looks_wrapped(lines):
            yield " ".join(lines)
            return
    for line in raw:
        collapsed = " ".join(line.split())
        if collapsed:
            yield collapsed


def _looks_wrapped(lines: list[str]) -> bool:
    """True for a block hard-wrapped at a fixed width (mail, `lynx -dump`, terminals).

    Wrapped lines are all nearly as long as the wrap width and mostly stop
    mid-sentence; one-paragraph-per-line text has ragged lengths and full stops.
    Two lines are only joined when the second carries on in lower case, because a
    headline above a date line looks the same otherwise.
    """
    if len(lines) < 2:
        return False
    body = [len(line) for line in lines[:-1]]
    widest = max(max(body), len(lines[-1]))
    if min(body) < 55 or widest > 100 or widest - min(body) > 20:
        return False
    if len(lines) == 2 and not lines[1][0].islower():
        return False
    if any(bp.strip_bullet(line)[1] for line in lines):
        return False
    open_ends = sum(not _SENTENCE_END.search(line) for line in lines[:-1])
    return open_ends * 2 >= len(body)


def _words(text: str) -> int:
    """Words in `text`, counting two CJK characters or four Thai letters as one word."""
    words = text.count(" ") + 1
    if text.isascii():
        return words
    return words + len(_CJK.findall(text[:2000])) // 2 + len(_THAI.findall(text[:2000])) // 4


def _classify(units: list[Unit]) -> list[Unit]:
    """Label every unit, then mark teasers and "Also read" links as furniture."""
    known: dict[tuple[str, bool], Kind] = {}  # menus and footers repeat; label each once
    for unit in units:
        ident = (unit.text, unit.bullet)
        if ident not in known:
            known[ident] = _kind(unit)
        unit.kind = known[ident]
    for i, unit in enumerate(units[:-1]):
        following = units[i + 1]
        if bp.is_link_lead_in(unit.text) and following.kind is Kind.SHORT:
            following.kind = Kind.FURNITURE
    for unit in _teasers(units):
        unit.kind = Kind.FURNITURE
    _resolve_breaks(units)
    return units


def _resolve_breaks(units: list[Unit]) -> None:
    """Decide each break: a box dropped between paragraphs (the story goes on after a
    few link lines with two paragraphs in a row) is furniture; otherwise the story ends.

    Other stories appended below carry teaser cards (a headline, a summary, a time),
    so their prose comes one paragraph at a time or after an end marker.
    """
    for i, unit in enumerate(units):
        if unit.kind is Kind.BREAK:
            unit.kind = Kind.FURNITURE if _story_resumes(units, i + 1) else Kind.END


def _story_resumes(units: list[Unit], start: int) -> bool:
    """True when two paragraphs in a row follow within a few short lines of `start`."""
    for i in range(start, min(start + _BOX_LINES, len(units) - 1)):
        kind = units[i].kind
        if kind is Kind.PROSE:
            return units[i + 1].kind is Kind.PROSE
        if kind is Kind.END:
            return False
    return False


def _kind(unit: Unit) -> Kind:
    """The kind of one unit on its own, before looking at its neighbours."""
    text = unit.text
    role = bp.line_role(text)
    if role is not None:
        return _ROLE_KINDS[role]
    if text[-1].isupper():  # "... said. UNI XC ANV": judge the prose without the code
        text = strip_desk_code(text)
    sentence = _SENTENCE_END.search(text[-8:]) is not None
    if unit.bullet and unit.words <= 5 and not sentence:
        return Kind.FURNITURE  # a menu item
    if _ELLIPSIS_END.search(text[-8:]):
        return Kind.SHORT  # a truncated teaser, or at best a fragment
    # Thai ends sentences with a space, not a stop: its paragraphs are prose by length
    ends = sentence or _THAI.search(text[-8:]) is not None
    if unit.words >= _LONG_PROSE_WORDS or (unit.words >= _MIN_PROSE_WORDS and ends):
        return Kind.PROSE
    return Kind.SHORT


def _teasers(units: list[Unit]) -> list[Unit]:
    """Units that end in "..." and are the start of another unit: a cut-off copy."""
    cut = [u for u in units if _ELLIPSIS_END.search(u.text[-8:])]
    if not cut:
        return []
    keys = sorted(u.key for u in units)
    found = []
    for unit in cut:
        stem = _key(_ELLIPSIS_END.sub("", unit.text))
        if len(stem) < 20:
            continue
        i = bisect_left(keys, stem)
        if any(k.startswith(stem) and len(k) > len(stem) + 1 for k in keys[i : i + 3]):
            found.append(unit)
    return found


def _key(text: str) -> str:
    """Text folded for comparison: case, punctuation and spacing ignored."""
    return _KEY_DROP.sub(" ", text.casefold()).strip()


# --- finding the story -------------------------------------------------------


def _story_part(units: list[Unit]) -> tuple[int, int]:
    """The first stretch between end markers that holds a story's worth of prose.

    Stories come first and what follows "Related" or "Comments" is other text,
    so an early stretch wins over a longer later one if it has half as much
    prose, or two paragraphs and a fifth as much (a short story before long
    comments). A lone paragraph far smaller than the rest is a cookie or legal
    notice, not a story.
    """
    parts: list[tuple[int, int, list[int]]] = []
    lo = 0
    for i, unit in enumerate([*units, Unit("", 0, False, Kind.END)]):
        if unit.kind is Kind.END:
            prose = [len(u.text) for u in units[lo:i] if u.kind is Kind.PROSE]
            parts.append((lo, i, prose))
            lo = i + 1
    most = max(sum(prose) for _, _, prose in parts)
    for lo, hi, prose in parts:
        mass = sum(prose)
        if mass >= most / 2 or (len(prose) >= 2 and mass >= most / 5):
            return lo, hi
    return parts[0][:2]  # not reached: the largest part always qualifies


def _densest_run(units: list[Unit], lo: int, hi: int) -> tuple[int, int]:
    """The run of units with the most prose net of clutter (Kadane's maximum subarray)."""
    best, best_span = 0, (lo, lo)
    total, run_start = 0, lo
    for i in range(lo, hi):
        total += _weight(units[i])
        if total <= 0:
            total, run_start = 0, i + 1
        elif total > best:
            best, best_span = total, (run_start, i + 1)
    return best_span


def _weight(unit: Unit) -> int:
    """Prose counts by its words; short lines and furniture count against a run."""
    if unit.kind is Kind.PROSE:
        return unit.words
    return -_SHORT_PENALTY if unit.kind is Kind.SHORT else -_FURNITURE_PENALTY


def _body(units: list[Unit], start: int, end: int, title: str | None) -> list[str]:
    """The story's paragraphs: no furniture, labels, repeats or repeated headline."""
    seen = {_key(title)} if title else set()
    paragraphs = []
    for i in range(start, end):
        unit = units[i]
        if unit.kind is Kind.FURNITURE or (unit.kind is Kind.SHORT and _is_stray(units, i)):
            continue
        if unit.key and unit.key not in seen:
            seen.add(unit.key)
            paragraphs.append(bp.strip_embed_credit(unit.text))
    if paragraphs:
        paragraphs[-1] = strip_desk_code(paragraphs[-1])
    return [p for p in paragraphs if p]


def _is_stray(units: list[Unit], i: int) -> bool:
    """True for a short line that is no subheading: a one- or two-word label such as
    "World", or a line wedged between furniture (the title of a newsletter box) that
    is not an embedded post's own text, above its credit line."""
    unit = units[i]
    if unit.words <= 2 and not _SENTENCE_END.search(unit.text):
        return True
    chrome = (Kind.FURNITURE, Kind.END)
    before = units[i - 1].kind if i > 0 else Kind.END
    after = units[i + 1].kind if i + 1 < len(units) else Kind.END
    if before not in chrome or after not in chrome:
        return False
    return after is Kind.END or not bp.is_embed_credit(units[i + 1].text)


def _fallback(units: list[Unit], published: str | None) -> Cleaned:
    """No paragraph of prose anywhere: keep whatever is not furniture, deduplicated."""
    seen: set[str] = set()
    lines = []
    for unit in units:
        if unit.kind is Kind.SHORT and unit.key and unit.key not in seen:
            seen.add(unit.key)
            lines.append(unit.text)
    return Cleaned(text="\n\n".join(lines), published=published)


# --- metadata around the story -------------------------------------------------


def _find_title(units: list[Unit], start: int, end: int) -> tuple[str | None, int | None]:
    """The headline: of the headline-shaped lines just above the story, the one that
    shares most words with the opening paragraphs, the nearest if none does."""
    reach = range(start - 1, max(-1, start - 1 - _HEADER_REACH), -1)
    lead = _stems(" ".join(u.text for u in units[start : min(end, start + 3)]))
    best, best_at, best_shared = None, None, -1
    for i in reach:
        unit = units[i]
        if unit.kind is not Kind.SHORT or unit.bullet:
            continue
        parts = split_site_title(unit.text)
        text = parts[0] if parts else unit.text  # "Headline | Site": the headline half
        shared = len(_stems(text) & lead) - (1 if parts else 0)
        # a two-word headline ("Bridge opens") is one only when the lead is about it
        short = shared > 0 and _is_headline(text, min_words=2, min_width=8)
        if (short or _is_headline(text)) and shared > best_shared:
            best, best_at, best_shared = text, i, shared
    return best, best_at


def _stems(text: str) -> set[str]:
    """Rough content-word stems (first five letters of words of four or more)."""
    return {word[:5] for word in _WORD.findall(text.casefold()) if len(word) >= 4}


def _is_headline(text: str, min_words: int = 3, min_width: int = 12) -> bool:
    """Headline-shaped: a few words (CJK characters count
    half a word and two columns, Thai letters a quarter of a word), no closing
    full stop, colon, ellipsis or site name."""
    wide = len(_CJK.findall(text))
    if not min_width <= len(text) + wide <= 250 or split_site_title(text) or find_date(text):
        return False  # a date makes it a dateline, not a headline
    words = sum(any(c.isalpha() for c in word) for word in text.split())
    words += wide // 2 + len(_THAI.findall(text)) // 4
    if not min_words <= words <= 30:
        return False
    return not text.endswith((".", ":", ",", ";", "…")) and any(c.isalpha() for c in text)


def _metadata(units: list[Unit], start: int, end: int, title_at: int | None) -> Cleaned:
    """Outlet, date, byline and credit from the lines around the story (and the
    date or byline lines inside it); the text and title are filled in by the caller."""
    header = _header(units, start, title_at)
    story = units[start:end]
    tail = units[end : end + _TAIL_REACH]
    around = header + [u for u in story if u.kind is Kind.FURNITURE] + tail
    outlet = _find_outlet(units, units[max(0, start - _HEADER_REACH) : start])
    byline = _first(find_byline, around)
    credit = _find_credit([u for u in story if u.kind is Kind.PROSE], header + tail)
    if byline and agency_name(byline):
        credit, byline = credit or agency_name(byline), None
    credit = credit or _first(_byline_line_agency, around)  # "By X, AP Auto Writer"
    if byline and outlet and byline.casefold() == outlet.casefold():
        byline = None  # the site's name in the byline slot
    published = _first(_published, around) or _first(_updated_day, around)
    modified = _first(_modified, around)
    return Cleaned(
        text="",
        outlet=outlet,
        published=published,
        modified=modified,
        byline=byline,
        credit=credit,
    )


def _header(units: list[Unit], start: int, title_at: int | None) -> list[Unit]:
    """Units above the story, the ones under the headline first, nearest first."""
    top = max(0, start - _HEADER_REACH)
    if title_at is None:
        return units[top:start][::-1]
    return units[title_at + 1 : start] + units[top:title_at][::-1]


def _byline_line_agency(line: str) -> str | None:
    return byline_agency(line) if bp.is_byline_line(line) else None


def _published(line: str) -> str | None:
    """The publish time of a date or byline line; None for a sentence that mentions a date.

    "Published: March 4, 2025 06:12 UTC" -> "2025-03-04T06:12:00+00:00"; "July 15, 2025"
    -> "2025-07-15". A date after "Updated" is not a publish time (see `_modified`).
    """
    return next((time for time, update in _line_times(line) if not update), None)


def _modified(line: str) -> str | None:
    """The time after "Updated"/"Modified" on a date line, in `_published`'s shapes."""
    return next((time for time, update in _line_times(line) if update), None)


def _updated_day(line: str) -> str | None:
    """The day of an update, for dumps that show no other date: only its day is kept
    (a dump that only says "Updated: July 15, 2025" was at least published by then)."""
    modified = _modified(line)
    return modified[:10] if modified else None


def _line_times(line: str) -> list[tuple[str, bool]]:
    """The times on a date or byline line, each with whether it follows an update label.

    "Nov. 20, 2019 Updated: Nov. 21, 2019 1:35 GMT" -> [("2019-11-20", False),
    ("2019-11-21T01:35:00+00:00", True)]; [] for a sentence that mentions a date.
    """
    if not bp.is_meta_line(line):
        return []
    labels = list(_TIME_LABEL.finditer(line))
    starts = [0, *(label.end() for label in labels)]
    ends = [*(label.start() for label in labels), len(line)]
    updates = [False, *(bool(label["update"]) for label in labels)]
    times = []
    for start, end, update in zip(starts, ends, updates, strict=True):
        time = _written_time(line[start:end])
        if time:
            times.append((time, update))
    return times


def _written_time(text: str) -> str | None:
    """The first date in `text` with the clock after it when that has a clear zone.

    "March 4, 2025 06:12 UTC" -> "2025-03-04T06:12:00+00:00"; "March 4, 2025 06:12 IST"
    -> "2025-03-04" (an ambiguous zone); "no date here" -> None.
    """
    found = find_date(text)
    if not found:
        return None
    day = found[0]
    clock = _CLOCK.match(text, found[2])
    if not clock:
        return day
    hour = int(clock["h"])
    if clock["ampm"]:
        if not 1 <= hour <= 12:
            return day
        hour = hour % 12 + (12 if clock["ampm"][0].lower() == "p" else 0)
    zone = clock["zone"]
    zone = "Z" if zone.upper() in ("UTC", "GMT", "Z") else zone
    exact = iso_datetime(f"{day}T{hour:02d}:{clock['m']}:{clock['s'] or '00'}{zone}")
    return exact if exact and exact.startswith(day) else day


def _first(read: Callable[[str], str | None], units: list[Unit]) -> str | None:
    """The first value `read` finds in the chrome lines of `units`."""
    for unit in units:
        if unit.kind in (Kind.FURNITURE, Kind.END):
            value = read(unit.text)
            if value:
                return value
    return None


def _find_credit(prose: list[Unit], around: list[Unit]) -> str | None:
    """The wire credit, from the story's opening and closing paragraphs (datelines,
    sign-offs) or the lines around it; a credit mid-story would be a quotation."""
    ends = prose[:3] + prose[-3:] if len(prose) > 6 else prose
    return find_credit("\n".join(u.text for u in ends + around))


def _find_outlet(units: list[Unit], header: list[Unit]) -> str | None:
    """The site's name, from a copyright line, a "Headline || Site" line, or a
    line above the story that is a masthead alone ("Harbour News Online")."""
    for unit in units:
        if unit.kind is Kind.END:
            name = outlet_from_copyright(unit.text)
            if name:
                return name
    for unit in header:
        parts = split_site_title(unit.text)
        if parts:
            return parts[1]
    names = (masthead(unit.text) for unit in header if unit.kind is not Kind.PROSE)
    return next((name for name in names if name), None)
