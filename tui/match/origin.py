"""Who printed it first: publish times with their zones, ties said out loud.

A publish time is kept as the page gave it (see `tui.models.Article`): a
moment with a UTC offset, a wall-clock time without a zone, or a bare day.
Each is read as a span of UTC time in which the printing happened: a moment
is a point ("02:15-05:00" is 07:15 UTC); a bare day, or a time without a
zone, is that whole day (UTC, 00:00 to 24:00). One printing is before another
only when its span ends before the other's begins, so:

- moments compare as moments ("06:12+00:00" before "11:40+00:00");
- days compare as days ("2025-03-04" before "2025-03-05");
- a day and a moment inside it, or equal moments, tie: order unknown;
- an undated article is never placed before or after anything.

Spans make the order transitive (an interval order), so a set of printings
always has a first one or a tie among several, never a cycle.

The origin of a set of printings is the one no other was printed before. When
several remain (a tie), a wire credit on exactly one of them (it names an
agency: "(IANS)", "— AP") makes that one the origin; otherwise the origin is
uncertain. Ingest order never decides anything here.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Printed(Protocol):
    """What the origin rules read from an article row."""

    @property
    def id(self) -> int: ...
    @property
    def source(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def credit(self) -> str | None: ...


@dataclass(frozen=True)
class PrintTime:
    """A publish time: the publisher's day, and the span of UTC time it stands for
    (one moment when time and offset are known, else the whole day)."""

    day: dt.date | None
    earliest: dt.datetime | None  # UTC, aware; None when undated
    latest: dt.datetime | None

    @classmethod
    def parse(cls, value: str | None) -> PrintTime:
        """Read "2025-03-04T06:12:00+00:00", "2025-03-04T06:12:00" or "2025-03-04".

        Anything unreadable is undated (PrintTime(None, None, None)); never raises.
        Cached: a library lists the same few thousand times over and over.
        """
        return _parse(cls, value)

    @classmethod
    def _read(cls, value: str | None) -> PrintTime:
        if not value:
            return cls(None, None, None)
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return cls(None, None, None)
        if parsed.tzinfo is not None and "T" in value:
            moment = parsed.astimezone(dt.UTC)
            return cls(parsed.date(), moment, moment)
        start = dt.datetime.combine(parsed.date(), dt.time(), dt.UTC)
        return cls(parsed.date(), start, start + dt.timedelta(days=1, microseconds=-1))

    def before(self, other: PrintTime) -> bool:
        """True when this was certainly printed before `other` (its span ends first)."""
        if self.latest is None or other.earliest is None:
            return False
        return self.latest < other.earliest


def shown_time(value: str | None) -> str:
    """A publish time for people: "2025-03-04 06:12 +00:00", "2025-03-04" or "undated"."""
    if not value:
        return "undated"
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    if "T" not in value:
        return parsed.date().isoformat()
    offset = parsed.utcoffset()
    if offset is None:
        return parsed.strftime("%Y-%m-%d %H:%M")
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return parsed.strftime("%Y-%m-%d %H:%M") + f" {sign}{hours:02d}:{minutes:02d}"


def sort_key(row: Printed) -> tuple:
    """Order of printing for lists and derived shares: time, then outlet (named ones
    first) and source.

    Never the order articles were added, so every ingest order lists alike.
    """
    earliest, latest = _span(row.published)
    outlet = (row.outlet is None, (row.outlet or "").casefold())  # named outlets first
    if earliest is None or latest is None:
        return (True, 0.0, 0.0, outlet, row.source, row.id)
    return (False, earliest, latest, outlet, row.source, row.id)


@functools.lru_cache(maxsize=1 << 16)
def _parse(cls: type[PrintTime], value: str | None) -> PrintTime:
    return cls._read(value)


@functools.lru_cache(maxsize=1 << 16)
def _span(value: str | None) -> tuple[float | None, float | None]:
    """A publish time's span as POSIX seconds (None, None when undated)."""
    time = PrintTime.parse(value)
    if time.earliest is None or time.latest is None:
        return (None, None)
    return (time.earliest.timestamp(), time.latest.timestamp())


Stamp = tuple[float | None, float | None, bool]  # a printing's span and whether it credits a wire


def stamp(row: Printed) -> Stamp:
    """What `first_of_stamps` compares, worked out once per article."""
    return (*_span(row.published), bool(row.credit))


def first_of_stamps(a: Stamp, b: Stamp) -> int | None:
    """0 when the printing stamped `a` came first, 1 for `b`, None for a tie: the rules
    of `find_origin` for two printings, as cheap as it gets (the library asks this
    for every pair of articles that share words: 50,000 pairs at 10,000 articles)."""
    if _before(a, b):
        return 0
    if _before(b, a):
        return 1
    if (a[0] is None) != (b[0] is None):  # dated before undated
        return 0 if a[0] is not None else 1
    if a[2] != b[2]:  # a wire credit breaks a tie
        return 0 if a[2] else 1
    return None


def _before(a: Stamp, b: Stamp) -> bool:
    """`PrintTime.before` on stamps: `a`'s span ends before `b`'s begins."""
    return a[1] is not None and b[0] is not None and a[1] < b[0]


@dataclass(frozen=True)
class Origin:
    """The first printing among several, and whether that is certain.

    `tied` holds every printing that may have come first (the origin among
    them); it has one member when `certain`, unless a wire credit broke a tie.
    """

    article: Printed
    certain: bool
    tied: tuple[Printed, ...]


def find_origin(rows: Sequence[Printed]) -> Origin:
    """The origin of one sentence or story among the articles that printed it.

    Dated printings are preferred to undated ones; among them, those that no
    other was printed before may be first. One such printing is the certain
    origin; several are a tie, broken only by a wire credit on exactly one.
    Raises ValueError on an empty `rows`.
    """
    if not rows:
        raise ValueError("no printings to find an origin among")
    stamps = {row.id: stamp(row) for row in rows}
    dated = [row for row in rows if stamps[row.id][0] is not None]
    pool = dated or list(rows)
    may_be_first = [
        row for row in pool if not any(_before(stamps[o.id], stamps[row.id]) for o in pool)
    ]
    may_be_first.sort(key=sort_key)  # never empty: spans cannot order in a cycle
    if len(may_be_first) == 1 and dated:
        return Origin(may_be_first[0], True, tuple(may_be_first))
    credited = [row for row in may_be_first if row.credit]
    if len(credited) == 1:
        return Origin(credited[0], True, tuple(may_be_first))
    return Origin(may_be_first[0], False, tuple(may_be_first))


def first_of(a: Printed, b: Printed) -> Printed | None:
    """Which of two printings came first by `find_origin`'s rules; None for a tie.

    The same answer as `find_origin([a, b])`, without building lists: the
    library asks it for every pair of articles that share words.
    """
    first = first_of_stamps(stamp(a), stamp(b))
    return None if first is None else (a, b)[first]
