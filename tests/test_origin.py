"""Who printed first: publish times with zones, ties said out loud, never ingest order."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from tests.dam_story import write_pages
from tui.library import Library
from tui.match.origin import PrintTime, find_origin, first_of, shown_time


@dataclass(frozen=True)
class Row:
    id: int
    source: str
    outlet: str | None
    published: str | None
    credit: str | None = None


def test_moments_compare_across_zones() -> None:
    # 02:15 in New York is 07:15 UTC: after 06:12 UTC although its clock reads earlier
    wire = PrintTime.parse("2025-03-04T06:12:00+00:00")
    local = PrintTime.parse("2025-03-04T02:15:00-05:00")
    assert wire.before(local) and not local.before(wire)


def test_a_day_without_a_time_ties_with_any_time_that_day() -> None:
    day = PrintTime.parse("2025-03-04")
    moment = PrintTime.parse("2025-03-04T06:12:00+00:00")
    assert not day.before(moment) and not moment.before(day)
    assert PrintTime.parse("2025-03-03").before(moment)


def test_undated_and_unreadable_times_are_never_ordered() -> None:
    for value in (None, "", "soon", "2025-13-40"):
        time = PrintTime.parse(value)
        assert time.day is None
        assert not time.before(PrintTime.parse("2025-03-04"))


def test_earliest_moment_is_the_certain_origin() -> None:
    rows = [
        Row(1, "a", "Valley Times", "2025-03-04T11:40:00+00:00"),
        Row(2, "b", "AP News", "2025-03-04T06:12:00+00:00"),
        Row(3, "c", "Riverside Post", "2025-03-04T02:15:00-05:00"),
    ]
    origin = find_origin(rows)
    assert origin.article.id == 2 and origin.certain


def test_a_same_day_tie_is_uncertain_and_names_every_candidate() -> None:
    rows = [Row(1, "a", "Ommcom News", "2025-07-15"), Row(2, "b", None, "2025-07-15")]
    origin = find_origin(rows)
    assert not origin.certain
    assert {row.id for row in origin.tied} == {1, 2}


def test_a_wire_credit_on_one_tied_printing_breaks_the_tie() -> None:
    rows = [
        Row(1, "a", "Northern Ledger", "2025-03-04"),
        Row(2, "b", "AP News", "2025-03-04T06:12:00+00:00", credit="AP"),
    ]
    origin = find_origin(rows)
    assert origin.article.id == 2 and origin.certain
    assert len(origin.tied) == 2


def test_dated_printings_come_before_undated_ones() -> None:
    rows = [Row(1, "a", None, None), Row(2, "b", None, "2025-10-24")]
    assert find_origin(rows).article.id == 2


def test_shown_times_keep_the_zone() -> None:
    assert shown_time("2025-03-04T02:15:00-05:00") == "2025-03-04 02:15 -05:00"
    assert shown_time("2025-03-04") == "2025-03-04"
    assert shown_time(None) == "undated"


def _origins(library: Library) -> list[tuple[tuple[str, ...], str, bool]]:
    """Each group as (its sources, the origin's source, certain), independent of ids."""
    rows = {row.id: row for row in library.articles()}
    found = []
    for group in library.groups():
        sources = tuple(sorted(Path(rows[a].source).name for a in group.articles))
        found.append((sources, Path(rows[group.origin[0]].source).name, group.origin_certain))
    return sorted(found)


def test_origins_never_depend_on_ingest_order(tmp_path: Path) -> None:
    """Every order of four of the dam story's pages (24 orders) gives the same origins."""
    names = ["valley-times", "wire", "harbour-gazette", "northern-ledger"]
    seen = None
    for n, order in enumerate(itertools.permutations(names)):
        folder = tmp_path / f"order{n}"
        paths = write_pages(folder, list(order))
        with Library(folder / "library.sqlite") as library:
            list(library.ingest([str(path) for path in paths]))
            origins = _origins(library)
        assert origins, order
        if seen is None:
            seen = origins
        assert origins == seen, order


def test_the_wire_is_first_though_the_rewrite_was_added_first(tmp_path: Path) -> None:
    paths = write_pages(tmp_path / "pages")  # valley-times first
    with Library(tmp_path / "library.sqlite") as library:
        list(library.ingest([str(p) for p in paths]))
        rows = {row.id: row for row in library.articles()}
        groups = library.groups()
        assert groups
        for group in groups:
            assert rows[group.origin[0]].outlet == "AP News", group
            assert group.origin_certain


def test_first_of_two_agrees_with_find_origin() -> None:
    times = [
        None,
        "2025-03-04",
        "2025-03-05",
        "2025-03-04T06:12:00+00:00",
        "2025-03-04T02:15:00-05:00",
        "2025-03-04T06:12:00",
    ]
    for n, (ta, tb) in enumerate(itertools.product(times, times)):
        for credits in itertools.product((None, "AP"), repeat=2):
            a = Row(1, "a", "A", ta, credits[0])
            b = Row(2, "b", "B", tb, credits[1])
            origin = find_origin([a, b])
            first = first_of(a, b)
            assert (first.id if first else None) == (
                origin.article.id if origin.certain else None
            ), (n, ta, tb, credits)


def test_days_and_moments_across_zones_never_order_in_a_cycle() -> None:
    """23:30 at UTC-11 on 4 March is 10:30 UTC on 5 March; 00:15 at UTC+14 on 6 March
    is 10:15 UTC on 5 March; a bare 5 March spans both. Publisher days alone would
    say A < B < C < A."""
    rows = [
        Row(1, "a", "A", "2025-03-04T23:30:00-11:00"),
        Row(2, "b", "B", "2025-03-05"),
        Row(3, "c", "C", "2025-03-06T00:15:00+14:00"),
    ]
    for order in itertools.permutations(rows):
        origin = find_origin(list(order))
        assert not origin.certain
        assert {row.id for row in origin.tied} == {2, 3}
