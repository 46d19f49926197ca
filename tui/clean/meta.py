"""Metadata that can be read from article text itself: dates, wire credits, bylines, outlets.

Shared by the HTML and plain-text cleaners. Everything here is pattern work on
short strings: no network, no locale data, no heavy date library, so a call
costs microseconds and never raises.
"""

from __future__ import annotations

import datetime as dt
import re

# --- dates -----------------------------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    """A table row written as one space-separated string, to keep tables compact."""
    return tuple(text.split())


# Month names and common abbreviations in English, German, French, Spanish,
# Italian and Portuguese, with and without accents (dumps often lose them).
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: _names("january jan januar jänner janvier janv enero ene gennaio janeiro"),
    2: _names("february feb februar feber février fevrier févr fevr febrero febbraio fevereiro"),
    3: _names("march mar märz maerz marz mär mars marzo março marco"),
    4: _names("april apr avril avr abril abr aprile"),
    5: _names("may mai mayo maggio maio"),
    6: _names("june jun juni juin junio giugno junho"),
    7: _names("july jul juli juillet juil julio luglio julho"),
    8: _names("august aug août aout agosto ago"),
    9: _names("september sep sept septembre septiembre setiembre settembre setembro"),
    10: _names("october oct oktober okt octobre octubre ottobre outubro"),
    11: _names("november nov novembre noviembre novembro"),
    12: _names("december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro"),
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DAY_SUFFIX = r"(?:st|nd|rd|th|er|º|°|\.)?"

_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 2025-07-15, 2025/07/15, 2025.07.15 (also the date part of 2025-07-15T10:00)
    (re.compile(r"(?<!\d)(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d)"), "ymd"),
    # July 15, 2025 / Jul. 15 2025 / July 15th, 2025
    (
        re.compile(
            rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_DAY_SUFFIX},?\s+(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
        "mdy",
    ),
    # 15 July 2025 / 3. März 2024 / 1er janvier 2025 / 15 de julio de 2025
    (
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}}){_DAY_SUFFIX}\s*(?:de\s+)?(?P<mon>{_MONTH})\b\.?,?\s+"
            rf"(?:de\s+|del\s+)?(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    # 15.07.2025 (German and most of Europe) and 15/07/2025 or 07/15/2025 when unambiguous
    (re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"), "dmy"),
    (re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?!\d)"), "slash"),
)


_YEAR_HINT = re.compile(r"(?:19|20)\d\d")


def parse_date(text: str) -> str | None:
    """Return the first publication date written in `text` as ISO YYYY-MM-DD, if any.

    Only absolute dates with a year count: "31 minutes ago" or "Oct 24" say
    nothing reliable about the year, so they are ignored.
    """
    found = find_date(text)
    return found[0] if found else None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in `text` with its (start, end) span, or None."""
    if not _YEAR_HINT.search(text):
        return None  # every pattern needs a year; most lines have none
    best: tuple[str, int, int] | None = None
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            iso = _match_to_iso(match, order)
            if iso:
                best = (iso, match.start(), match.end())
                break
    return best


def _match_to_iso(match: re.Match[str], order: str) -> str | None:
    """Turn one regex match into an ISO date, or None when it is not a real date."""
    parts = match.groupdict()
    year = int(parts["y"])
    if order == "slash":
        first, second = int(parts["a"]), int(parts["b"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None  # 03/04/2025: day-first or month-first is anyone's guess
    else:
        day = int(parts["d"])
        month = int(parts["m"]) if "m" in parts else _MONTHS[parts["mon"].lower()]
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- wire agencies -----------------------------------------------------------

# Canonical name -> ways agencies are written. Acronyms must match in capitals
# ("ANI", not the given name "Ani"); full names match in any case.
_AGENCIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Reuters": (("REUTERS",), ("reuters", "thomson reuters")),
    "AP": (("AP",), ("associated press", "the associated press")),
    "AFP": (("AFP",), ("agence france-presse", "agence france presse")),
    "IANS": (("IANS",), ("indo-asian news service",)),
    "PTI": (("PTI",), ("press trust of india",)),
    "ANI": (("ANI",), ("asian news international",)),
    "UNI": (("UNI",), ("united news of india",)),
    "Xinhua": (("XINHUA",), ("xinhua", "xinhua news agency")),
    "dpa": (("dpa", "DPA"), ("deutsche presse-agentur",)),
    "Bloomberg": (("BLOOMBERG",), ("bloomberg", "bloomberg news")),
    "TASS": (("TASS",), ("itar-tass",)),
    "RIA Novosti": (("RIA",), ("ria novosti",)),
    "Interfax": (("INTERFAX",), ("interfax",)),
    "EFE": (("EFE",), ()),
    "ANSA": (("ANSA",), ()),
    "Kyodo": (("KYODO",), ("kyodo", "kyodo news")),
    "Yonhap": (("YONHAP",), ("yonhap", "yonhap news agency")),
    "AAP": (("AAP",), ("australian associated press",)),
    "CP": (("CP",), ("the canadian press", "canadian press")),
    "PA": (("PA",), ("pa media", "press association")),
    "Anadolu": (("AA",), ("anadolu", "anadolu agency")),
    "APA": (("APA",), ()),
    "KNA": (("KNA",), ()),
    "epd": (("epd",), ()),
    "Europa Press": ((), ("europa press",)),
    "Lusa": (("LUSA",), ("lusa",)),
    "Belga": (("BELGA",), ("belga",)),
    "Bernama": (("BERNAMA",), ("bernama",)),
    "Antara": (("ANTARA",), ("antara",)),
    "IRNA": (("IRNA",), ()),
    "WAM": (("WAM",), ()),
    "APP": (("APP",), ()),
    "UNB": (("UNB",), ()),
    "BSS": (("BSS",), ()),
    "NNA": (("NNA",), ()),
}
_ALIAS_TO_AGENCY = {
    **{alias: name for name, (caps, _) in _AGENCIES.items() for alias in caps},
    **{alias: name for name, (_, full) in _AGENCIES.items() for alias in full},
    **{name.lower(): name for name in _AGENCIES if len(name) > 4},
}


def _agency_alternation() -> str:
    """One regex alternation: acronyms case-sensitive, full names case-insensitive."""
    caps = {alias for caps, _ in _AGENCIES.values() for alias in caps}
    full = {alias for _, names in _AGENCIES.values() for alias in names}
    full |= {name.lower() for name in _AGENCIES if len(name) > 4}
    by_length = sorted(caps | full, key=len, reverse=True)
    return "|".join(re.escape(a) if a in caps else f"(?i:{re.escape(a)})" for a in by_length)


_AGENCY = rf"(?P<agency>{_agency_alternation()})"
_DASH = r"(?:--|-|–|—|―)"
# "(IANS)", "[IANS]", "--IANS", "— AP", "IANS."
_CREDIT_ALONE = re.compile(rf"^[(\[]?\s*(?:{_DASH}\s*)?{_AGENCY}\s*[)\]]?\s*\.?$")
# "(With inputs from PTI)", "With inputs from IANS and Reuters", "Source: AFP"
_CREDIT_SOURCE = re.compile(
    rf"^\(?\s*(?i:with\s+inputs?\s+from|inputs?\s+from|sources?|quelle|fuente|courtesy)"
    rf"\s*:?\s*{_AGENCY}\b[^.!?]{{0,40}}\)?\.?$"
)
# "Berlin, 15. Juli (dpa) ..." or "LONDON (Reuters) - ...": a credit in parentheses
# after at most a few words of place and date at the start of a paragraph.
_DATELINE = re.compile(rf"^(?P<place>[^()!?]{{0,80}}?)\(\s*{_AGENCY}\s*\)")
# "By IANS | Updated ...", "By Reuters Staff"
_BY_AGENCY = re.compile(rf"^(?i:by|von|par|por)\s+{_AGENCY}\b")
# "... interests. (IANS)" or "... said. --IANS" or "... UNI XC ANV" at a paragraph end.
_TRAILING_PAREN = re.compile(rf"\(\s*{_AGENCY}\s*\)\s*\.?$")
_TRAILING_DASH = re.compile(rf"(?:^|\s){_DASH}\s*{_AGENCY}\s*\.?$")
_DESK_CODE_TAIL = re.compile(rf"\s{_AGENCY}(?:\s+[A-Z]{{2,4}}){{2,6}}\s*$")


def agency_name(name: str) -> str | None:
    """The canonical agency for a name as written ("Associated Press" -> "AP"), or None."""
    name = name.strip()
    return _ALIAS_TO_AGENCY.get(name) or _ALIAS_TO_AGENCY.get(name.lower())


_BYLINE_PARTS = re.compile(r"\s*(?:,|;|&|\||\band\b)\s*")


def byline_agency(byline: str) -> str | None:
    """The wire agency a byline names, or None: "By The Associated Press" -> "AP",
    "Tom Krisher, AP Auto Writer" -> "AP" (the agency opens the job title)."""
    byline = re.sub(r"^\s*(?:by|von|par|por|di)\s+", "", byline, flags=re.IGNORECASE)
    for part in _BYLINE_PARTS.split(byline):
        words = part.split()
        for size in range(min(len(words), 6), 0, -1):
            agency = agency_name(" ".join(words[:size]))
            if agency:
                return agency
    return None


_CREDIT_LEAD_INS = ("(", "with", "input", "source", "quelle", "fuente", "courtesy")


def _credit_line(line: str) -> re.Match[str] | None:
    """Match a line that only credits an agency (length checks first: most lines are not)."""
    if len(line) <= 45:
        match = _CREDIT_ALONE.match(line)
        if match:
            return match
    if len(line) <= 120 and line[:8].lower().startswith(_CREDIT_LEAD_INS):
        return _CREDIT_SOURCE.match(line)
    return None


def is_credit_line(line: str) -> bool:
    """True for a line that only credits an agency: "(IANS)", "--IANS", "Source: AFP"."""
    return _credit_line(line.strip()) is not None


def find_credit(text: str) -> str | None:
    """Return the wire agency credited in `text` (e.g. "IANS", "Reuters"), if any.

    Only places where papers put a credit count (a dateline, a credit line, a
    "By AGENCY" byline, a sign-off at a paragraph end): an agency merely named
    in a sentence ("told Reuters") is a source, not a credit.
    """
    for line in text.split("\n"):
        agency = credit_in_line(line.strip())
        if agency:
            return agency
    return None


def credit_in_line(line: str) -> str | None:
    """The agency credited by one line or paragraph, or None."""
    match = _credit_line(line)
    if match:
        return agency_name(match["agency"])
    head = line[:120]
    match = _BY_AGENCY.match(head)
    if match:
        return agency_name(match["agency"])
    match = _DATELINE.match(head)
    if match and len(match["place"].split()) <= 8:
        return agency_name(match["agency"])
    tail = line[-80:]
    match = (
        _TRAILING_PAREN.search(tail) or _TRAILING_DASH.search(tail) or _DESK_CODE_TAIL.search(tail)
    )
    return agency_name(match["agency"]) if match else None


def strip_desk_code(paragraph: str) -> str:
    """Drop a trailing wire desk code ("... UNI XC ANV GNK"): it is routing, not prose."""
    match = _DESK_CODE_TAIL.search(paragraph[-80:])
    if not match:
        return paragraph
    return paragraph[: len(paragraph) - len(paragraph[-80:]) + match.start()].rstrip()


# --- bylines and outlets -----------------------------------------------------

_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|published|story|text|words)\s+)?(?:by|von|par|por|di)\s+",
    re.IGNORECASE,
)
_BYLINE_END = re.compile(
    r"\s*(?:[|•·,;/(]|\s[-–—]\s|\b(?:on|am|le|el|at|um|(?i:updated|published))\b|\d).*$"
)
# Words after "By" that begin a time phrase, not a name: weekdays, months, times of day.
_WHEN_WORDS = frozenset(_MONTHS) | frozenset(
    _names(
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri"
        " sat sun today tonight tomorrow yesterday noon midnight dawn dusk morning afternoon"
        " evening night then now early late"
    )
)


def _time_phrase(text: str) -> bool:
    """Whether `text` opens with a time phrase ("Wednesday, the rover …", "March 2025",
    "noon"), not a name that starts like one ("May Smith", "Sun Li")."""
    words = text.split(maxsplit=2)
    if not words or words[0].strip(",.").casefold() not in _WHEN_WORDS:
        return False
    return words[0].endswith(",") or len(words) == 1 or not words[1][0].isupper()


_NAME_PARTICLES = set(
    _names(
        "van von der den de da del della di du la le al el bin ibn dos das ten ter y e and und et"
    )
)


def find_byline(line: str) -> str | None:
    """The author named by a short byline line ("By Jane Doe | July 1"), or None.

    "Jane Doe by Jane Doe" (an avatar's alt text next to the name) counts too;
    anything that does not look like a person's or desk's name does not.
    """
    line = " ".join(line.split())
    if not line or len(line) > 160:
        return None
    match = _BY_PREFIX.match(line)
    if match:
        rest = line[match.end() :]
        if _time_phrase(rest):
            return None  # "By Wednesday, the rover had reached …": prose
        return _name(_BYLINE_END.sub("", rest))
    head, sep, tail = line.partition(" by ")
    if sep and head.casefold() == tail.casefold():
        return _name(tail)
    if sep and find_date(head):  # "Posted on March 3, 2024 by Jane Doe"
        return _name(_BYLINE_END.sub("", tail))
    return None


def _name(text: str) -> str | None:
    """`text` if it reads as a name: one to six capitalised words (particles allowed)."""
    words = text.strip(" .:-–—").split()
    if not 1 <= len(words) <= 6:
        return None
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        if not (word[0].isupper() and any(c.isalpha() for c in word)):
            return None
    return " ".join(words)


_COPYRIGHT_START = re.compile(r"^\s*(?:©|\(c\)|copyright\b|℗)", re.IGNORECASE)
_COPYRIGHT_NOISE = re.compile(
    r"(?:©|\(c\)|\bcopyright\b|\b(?:19|20)\d{2}\b(?:\s*[-–—/]\s*(?:19|20)\d{2}\b)?|"
    r"\ball rights reserved\b.*|\balle rechte vorbehalten\b.*|\btous droits réservés\b.*|"
    r"\btodos los derechos reservados\b.*|\btutti i diritti riservati\b.*|"
    r"\b(?:powered|designed|developed|built|hosted|site|theme)\s+by\b.*|^\s*by\s+)",
    re.IGNORECASE,
)


def outlet_from_copyright(line: str) -> str | None:
    """The owner named in a copyright line ("© 2025 - Daily Planet. All Rights Reserved.")."""
    if len(line) > 200 or not _COPYRIGHT_START.match(line):
        return None
    for part in re.split(r"\s[|•·]\s|\|", line):
        name = _COPYRIGHT_NOISE.sub(" ", part)
        name = _COPYRIGHT_NOISE.sub(" ", name)  # a leading "by" shows up once the year is gone
        name = " ".join(name.split()).strip(" -–—,.:;")
        if 2 <= len(name) <= 80 and name[0].isalnum() and len(name.split()) <= 8:
            return name
    return None


_TITLE_SEPARATOR = re.compile(r"\s+(?:\|\|?|‖|::)\s+")


# Words that news outlets put in their names ("Harbour News Online", "The Daily Star").
_MASTHEAD_WORDS = frozenset(
    _names(
        "news online times herald post daily journal tribune gazette press radio tv express"
        " chronicle observer guardian mail star telegraph review today weekly standard courier"
        " monitor media network agency dispatch bulletin record sun independent"
        " zeitung nachrichten rundschau quotidien diario noticias periódico"
        " giornale corriere notizie jornal folha"
    )
)

_SECTION_WORDS = frozenset(
    _names(
        "latest breaking top world local national international more related sport sports"
        " business politics live home opinion video photos headlines stories trending popular"
        " health science tech technology entertainment culture lifestyle money markets weather"
    )
)


def masthead(line: str) -> str | None:
    """An outlet's name standing alone on a line ("Harbour News Online"), or None.

    One to five capitalised words, one of them a word outlets name themselves
    with (_MASTHEAD_WORDS) and one that is neither such a word nor a section's
    ("World News" is a section), and nothing else: no digits or punctuation, no
    byline ("By Jane Okafor, Staff Reporter").
    """
    line = " ".join(line.split())
    words = line.split()
    if not 1 <= len(words) <= 5 or len(line) > 50 or any(c.isdigit() for c in line):
        return None
    if any(c in line for c in ".:,;!?|") or not words[0][0].isupper() or find_byline(line):
        return None
    if not all(w[0].isupper() or w in _NAME_PARTICLES or w == "of" for w in words):
        return None
    folded = {w.casefold().strip("'’") for w in words}
    if _MASTHEAD_WORDS.isdisjoint(folded) or folded <= _MASTHEAD_WORDS | _SECTION_WORDS:
        return None  # "Latest News", "World News Today": a section, not a name
    return line


def split_site_title(line: str) -> tuple[str, str] | None:
    """Split "Headline || Site Name" (a browser-title line) into (headline, site)."""
    parts = _TITLE_SEPARATOR.split(line.strip())
    if len(parts) != 2 or len(parts[0].split()) < 3:
        return None  # "Home | World | Sport" is a menu, not a title
    head, site = parts[0].strip(), parts[1].strip()
    words = site.split()
    if not 1 <= len(words) <= 5 or len(site) > 50 or any(c.isdigit() for c in site):
        return None
    if not site[0].isupper() or site.endswith((".", ":")):
        return None
    return head, site
