"""Dates, wire credits, bylines and outlets read from article text (tui.clean.meta)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.clean.meta import (
    agency_name,
    find_byline,
    find_credit,
    outlet_from_copyright,
    parse_date,
    split_site_title,
    strip_desk_code,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-07-15", "2025-07-15"),
        ("date 2025-07-15 Moscow", "2025-07-15"),
        ("2025-10-24T20:31:36+5:30", "2025-10-24"),
        ("2024/03/09", "2024-03-09"),
        ("July 15, 2025", "2025-07-15"),
        ("July 15 2025", "2025-07-15"),
        ("July 15th, 2025", "2025-07-15"),
        ("15 July 2025", "2025-07-15"),
        ("15th July, 2025", "2025-07-15"),
        ("Jul. 15, 2025", "2025-07-15"),
        ("Sept. 5, 2025", "2025-09-05"),
        ("Updated: October 24, 2025 20:35 IST", "2025-10-24"),
        ("By IANS | Updated: October 24, 2025 20:35 IST2025-10-24T20:31:36", "2025-10-24"),
        ("Tuesday, 4 March 2025, 09:12 GMT", "2025-03-04"),
        ("Veröffentlicht am 3. März 2024, 14:05 Uhr", "2024-03-03"),
        ("3. Maerz 2024", "2024-03-03"),
        ("Stand: 21.11.2024 18:30 Uhr", "2024-11-21"),
        ("Publié le 12 janvier 2025 à 10h30", "2025-01-12"),
        ("Mis à jour le 1er février 2025", "2025-02-01"),
        ("le 7 août 2023", "2023-08-07"),
        ("Publicado el 15 de julio de 2025", "2025-07-15"),
        ("3 de diciembre del 2024", "2024-12-03"),
        ("5 dicembre 2024", "2024-12-05"),
        ("13/04/2025", "2025-04-13"),
        ("04/13/2025", "2025-04-13"),
    ],
)
def test_parse_date_reads_common_formats(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31 minutes ago",
        "2 hours ago",
        "vor 3 Stunden",
        "Oct 24",  # no year: cannot be placed
        "Moscow, July 15 (IANS) Japan is open",
        "February 30, 2025",  # not a day
        "2025-13-01",
        "03/04/2025",  # day-first or month-first: unknowable
        "Rs 20L aid for 2025 season",
        "",
    ],
)
def test_parse_date_ignores_relative_partial_and_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_returns_the_first_date_written() -> None:
    text = "Published March 3, 2024. Updated 2024-03-05. Related: February 9, 2026"
    assert parse_date(text) == "2024-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow, July 15 (IANS) Japan is open to talks.", "IANS"),
        ("Moscow/Tehran, July 15 (UNI) Russian Foreign Minister said.", "UNI"),
        ("LONDON, March 3 (Reuters) - Britain's economy grew.", "Reuters"),
        ("(Reuters) - The dollar rose on Monday.", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted.", "AP"),
        ("Berlin (dpa) - Der Stadtrat hat beschlossen.", "dpa"),
        ("Paris, 12 janv. (AFP) - Le gouvernement a annoncé.", "AFP"),
        ("(IANS)", "IANS"),
        ("--IANS", "IANS"),
        ("— AFP", "AFP"),
        ("PTI", "PTI"),
        ("(With inputs from PTI)", "PTI"),
        ("With inputs from ANI and agencies", "ANI"),
        ("Source: Xinhua", "Xinhua"),
        ("By IANS | Updated: October 24, 2025 20:35 IST", "IANS"),
        ("By Reuters Staff", "Reuters"),
        ("The talks will resume next week. (AFP)", "AFP"),
        ("Zero enrichment is unacceptable. UNI XC ANV GNK", "UNI"),
        ("The Associated Press", "AP"),
        ("Bloomberg", "Bloomberg"),
    ],
)
def test_find_credit_reads_datelines_credit_lines_and_sign_offs(text: str, expected: str) -> None:
    assert find_credit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said in an interview with Russian state-run news agency TASS.",
        "Shares fell, Reuters reported, citing two sources.",
        "By Ani Sharma",  # a name, not Asian News International
        "(Xinhua/Pang Xinglei/IANS)",  # a picture credit
        "A resident waits on a rooftop. REUTERS/Ana Silva",
        "Apple unveiled a new phone.",
        "",
    ],
)
def test_find_credit_ignores_agencies_merely_mentioned(text: str) -> None:
    assert find_credit(text) is None


def test_find_credit_prefers_the_first_credited_line() -> None:
    text = "NEW DELHI, July 1 (PTI) The minister said.\nMore text.\n(IANS)"
    assert find_credit(text) == "PTI"


def test_agency_name_is_canonical() -> None:
    assert agency_name("Associated Press") == "AP"
    assert agency_name("agence france-presse") == "AFP"
    assert agency_name("REUTERS") == "Reuters"
    assert agency_name("Jane Doe") is None


def test_strip_desk_code_removes_routing_codes_only() -> None:
    assert strip_desk_code("is unacceptable. UNI XC ANV GNK") == "is unacceptable."
    assert strip_desk_code("The EU and NATO met.") == "The EU and NATO met."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe | July 1, 2025", "Jane Doe"),
        ("By Jane Okafor, Staff Reporter", "Jane Okafor"),
        ("Von Anna Schmidt", "Anna Schmidt"),
        ("Par Marie Dupont le 12 janvier 2025", "Marie Dupont"),
        ("Por Carlos Ruiz", "Carlos Ruiz"),
        ("Written by Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("Posted on August 3, 2024 by Priya Raman", "Priya Raman"),
        ("NEWS DESK by NEWS DESK", "NEWS DESK"),  # an avatar's alt text beside the name
        ("By continuing you agree to our terms", None),
        ("Bridge damaged by storm", None),
        ("Japan Hit By Typhoon", None),
        ("The ministers agreed on upcoming contacts.", None),
    ],
)
def test_find_byline(line: str, expected: str | None) -> None:
    assert find_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("© 2025 - Riverside Herald. All Rights Reserved.", "Riverside Herald"),
        ("Copyright © 2019-2024 by The Daily Planet | Privacy Policy", "The Daily Planet"),
        ("© 2024 Nordstadt Kurier GmbH. Alle Rechte vorbehalten.", "Nordstadt Kurier GmbH"),
        ("© 2025 Le Journal du Sud - Tous droits réservés", "Le Journal du Sud"),
        ("(c) 2023 Hill Valley Telegraph", "Hill Valley Telegraph"),
        ("All rights reserved.", None),
        ("Todos los derechos reservados", None),
        ("The copyright case was heard on Monday.", None),
    ],
)
def test_outlet_from_copyright(line: str, expected: str | None) -> None:
    assert outlet_from_copyright(line) == expected


def test_split_site_title() -> None:
    assert split_site_title("Tram line to reopen | Riverside Herald") == (
        "Tram line to reopen",
        "Riverside Herald",
    )
    assert split_site_title("Local News, Breaking News || City Times") == (
        "Local News, Breaking News",
        "City Times",
    )
    assert split_site_title("Home | World | Business | Tech") is None  # a menu
    assert split_site_title("By IANS | Updated: October 24, 2025") is None
    assert split_site_title("No separator here") is None


@given(st.text())
def test_meta_helpers_never_raise(text: str) -> None:
    date = parse_date(text)
    assert date is None or len(date) == 10
    credit = find_credit(text)
    assert credit is None or agency_name(credit) == credit
    find_byline(text)
    outlet_from_copyright(text)
    split_site_title(text)


def test_meta_helpers_handle_a_megabyte() -> None:
    text = ("The minister said the talks would resume soon, officials said. " * 16000)[:1_000_000]
    assert parse_date(text) is None
    assert find_credit(text) is None
