"""Page metadata (title, outlet, times, canonical URL, byline) read from an lxml tree.

Each field tries the sources publishers fill in most carefully first (Open Graph,
JSON-LD) and falls back to visible markup, because meta tags are written for
machines and rarely carry navigation clutter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from tui.clean import html_jsonld as jsonld
from tui.clean.html_byline import byline_credit, find_byline
from tui.clean.html_outlet import find_outlet
from tui.clean.html_text import collapse
from tui.clean.html_title import find_title

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
# Tags that carry the last-modified time: never read as the publish time.
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
)
_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# What may follow an ISO date: a time ("T06:12", " 06:12:00.123") and a zone ("Z", " UTC",
# "+0530", "-05:00"), and nothing else. Fractions of a second are read and dropped.
_ISO_CLOCK = re.compile(
    r"[T\s]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(?:(Z|UTC|GMT)|([+-])(\d{2}):?(\d{2})?)?\s*",
    re.IGNORECASE,
)
# A JavaScript Date.toString() zone ("GMT+0000 (Coordinated Universal Time)"), for RFC 2822.
_JS_ZONE = re.compile(r"\bGMT([+-]\d{4})(?:\s*\([^()]*\))?\s*$")
_CLOCK_IN = re.compile(r"\d:\d\d")
# email.utils skips "PM" (and then misreads the zone): "07:47 PM EST" would read as 07:47.
_AM_PM = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
_MAX_OFFSET = dt.timedelta(hours=14)  # UTC+14 (Kiribati) is the furthest zone in use
# Words that mark a visible time as an update, not the publication ("Updated: ...").
_UPDATE_WORDS = re.compile(r"\b(?:(?:last\s+)?updated|modified|edited)\b", re.IGNORECASE)
_UPDATE_LABEL = re.compile(
    r"\b(?:updated|modified|edited)(?:\s+(?:on|at))?[\s:\-\u2013\u2014]*$", re.IGNORECASE
)
_UPDATE_CLASS = re.compile(r"updat|modif", re.IGNORECASE)
_MAX_URL = 2000


@dataclass
class PageMeta:
    """What the page says about the story, each field None when not found."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    modified: str | None = None
    url: str | None = None
    byline: str | None = None
    byline_credit: str | None = None  # a wire agency named as the byline


def page_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Read title, outlet, times (without htmldate), canonical URL and byline from a page.

    `url` is where the page was fetched from, if it was: it names the outlet when
    the page does not and resolves a relative canonical link.
    """
    metas = meta_values(tree)
    objects = jsonld.jsonld_objects(tree)
    canonical = find_url(tree, metas, url)
    outlet = find_outlet(tree, metas, objects, url or canonical)
    return PageMeta(
        title=find_title(tree, metas, objects, outlet, url),
        outlet=outlet,
        published=find_published(tree, metas, objects),
        modified=find_modified(tree, metas, objects),
        url=canonical,
        byline=find_byline(tree, metas, objects, outlet),
        byline_credit=byline_credit(tree, metas, objects, outlet),
    )


def meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    """`<meta>` contents keyed by lower-cased name, property or itemprop, in page order."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = collapse(meta.get("content") or "")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    return values


# --- times -------------------------------------------------------------------


def find_published(
    tree: HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> str | None:
    """When the story was published, from JSON-LD, meta tags or <time datetime>.

    Returns what `iso_datetime` makes of the first readable value, e.g.
    "2019-11-19T23:30:00-05:00", "2019-11-19T23:30:00" (no zone given) or
    "2019-11-19"; None when the page gives none (htmldate is the caller's fallback).
    A time marked or labelled as an update ("Updated: ...") is never taken.
    """
    marked, unmarked = _time_datetimes(tree)
    candidates = [jsonld.first_string(objects, "datePublished")]
    candidates += [value for key in _DATE_META for value in metas.get(key, [])]
    return _best_time(candidates + marked) or _best_time(unmarked)


def find_modified(
    tree: HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> str | None:
    """When the story was last modified: JSON-LD dateModified, article:modified_time,
    og:updated_time and like tags, or a <time> marked or labelled as an update.

    Same shapes as `find_published` ("2019-11-20T08:01:24+00:00", "2019-11-20").
    """
    candidates = [jsonld.first_string(objects, "dateModified")]
    candidates += [value for key in _MODIFIED_META for value in metas.get(key, [])]
    candidates += [t.get("datetime", "") for t in tree.iter("time") if _is_update(t)]
    return _best_time(candidates)


def _best_time(candidates: list[str | None]) -> str | None:
    """The first readable time, refined by a later one that adds to it.

    Sources often disagree only in precision ("2019-11-19" in one tag,
    "2019-11-19T10:00:00-05:00" in another): a later value that extends the
    first one (same day, same wall-clock time) replaces it; any other value is ignored.
    """
    best = None
    for candidate in candidates:
        found = iso_datetime(candidate)
        if found and (best is None or (len(found) > len(best) and found.startswith(best))):
            best = found
    return best


def _time_datetimes(tree: HtmlElement) -> tuple[list[str], list[str]]:
    """`datetime` of <time> elements marked as the publication time, and of unmarked ones.

    Update times (itemprop=dateModified, an "Updated" label) are in neither list.
    """
    marked: list[str] = []
    unmarked: list[str] = []
    for time in tree.iter("time"):
        value = time.get("datetime")
        if not value or _is_update(time):
            continue
        is_marked = time.get("itemprop") == "datePublished" or "pubdate" in time.attrib
        (marked if is_marked else unmarked).append(value)
    return marked, unmarked


def _is_update(time: HtmlElement) -> bool:
    """True for a <time> that says when the story was updated, not published.

    Marked by itemprop=dateModified, an "updated" class on it or its parent (not
    WordPress's class="published updated", which marks an unchanged post), its
    own text ("Updated 10:30") or a label just before it ("Updated: <time>").
    """
    if (time.get("itemprop") or "").strip().lower() == "datemodified":
        return True
    parent = time.getparent()
    parent_class = (parent.get("class") or "") if parent is not None else ""
    classes = f"{time.get('class') or ''} {parent_class}"
    if _UPDATE_CLASS.search(classes) and "publish" not in classes.lower():
        return True
    if _UPDATE_WORDS.match((time.text or "").strip()):
        return True
    previous = time.getprevious()
    if previous is not None:
        before = previous.tail or ""
        if not before.strip() and len(previous) == 0:
            before = previous.text or ""  # "<span>Updated:</span><time>"
    else:
        before = (parent.text or "") if parent is not None else ""
    return bool(_UPDATE_LABEL.search(before[-40:]))


def iso_datetime(value: str | None) -> str | None:
    """A page's date value in ISO 8601, as precise as the page gives it, else None.

    - time and zone: "2019-11-19T10:00:00.000Z" -> "2019-11-19T10:00:00+00:00",
      "Tue, 19 Nov 2019 06:13:48 -0600" -> "2019-11-19T06:13:48-06:00" (the page's
      own offset, never shifted to UTC; seconds kept, fractions dropped);
    - a time without a zone (or one we cannot read, such as "IST"):
      "2019-11-19 06:30:42" -> "2019-11-19T06:30:42", a wall-clock time of no known zone;
    - a date only, or a time we cannot make sense of: "2019/1/9" -> "2019-01-09",
      "November 19, 2019, 07:47 PM EST" -> "2019-11-19".

    Dates outside 1990 to next year, impossible dates and offsets beyond 14 hours
    are refused or dropped. Reads ISO 8601 with stdlib `datetime` and RFC 2822
    (plus JavaScript's "GMT+0000 (UTC)") with `email.utils`.
    """
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.match(value) or _SLASH_DATE.match(value)
    if match:
        date = _valid(*(int(g) for g in match.groups()))
        if date is None or match.re is _SLASH_DATE:
            return date
        clock = _ISO_CLOCK.fullmatch(value, match.end())
        return date + (_iso_clock(clock) if clock else "")
    try:
        parsed = parsedate_to_datetime(_JS_ZONE.sub(r"\1", value))
    except (TypeError, ValueError, IndexError):
        return None
    date = _valid(parsed.year, parsed.month, parsed.day)
    if date is None or not _CLOCK_IN.search(value) or _AM_PM.search(value):
        return date
    return date + _clock(parsed.time(), parsed.utcoffset())


def iso_date(value: str | None) -> str | None:
    """Only the day of `iso_datetime`: "2019-11-19T23:30:00-05:00" -> "2019-11-19".

    The date is taken as written (the publisher's local day), not shifted to UTC.
    """
    found = iso_datetime(value)
    return found[:10] if found else None


def _iso_clock(match: re.Match[str]) -> str:
    """ "T06:12:00+00:00" from an `_ISO_CLOCK` match, or "" when the time is impossible."""
    hour, minute, second, utc, sign, off_hours, off_minutes = match.groups()
    try:
        clock = dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return ""
    if utc:
        return _clock(clock, dt.timedelta(0))
    if sign:
        offset = dt.timedelta(hours=int(off_hours), minutes=int(off_minutes or 0))
        return _clock(clock, -offset if sign == "-" else offset)
    return _clock(clock, None)


def _clock(clock: dt.time, offset: dt.timedelta | None) -> str:
    """ "T06:12:00" plus "+05:30" when the offset is known; "" for an impossible offset."""
    if offset is None:
        return "T" + clock.replace(microsecond=0).isoformat()
    if abs(offset) > _MAX_OFFSET or offset % dt.timedelta(minutes=1):
        return ""
    zone = dt.timezone(offset)
    return "T" + clock.replace(microsecond=0, tzinfo=zone).isoformat()


def _valid(year: int, month: int, day: int) -> str | None:
    """The ISO form of a real calendar date between 1990 and next year."""
    if not 1990 <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- canonical URL ------------------------------------------------------------


def find_url(tree: HtmlElement, metas: dict[str, list[str]], base: str | None) -> str | None:
    """The page's own address: `<link rel="canonical" href>`, else og:url, else None.

    Relative links are resolved against `base` (the fetched URL) when there is one:
    href="/news/storm" with base "https://example.com/x?y" -> "https://example.com/news/storm".
    Only absolute http(s) URLs under 2,000 characters, with no spaces or control
    characters, are returned; anything else (javascript:, data:, "/x" with no base) is skipped.
    """
    links = [
        link.get("href")
        for link in tree.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    for candidate in [*links, *metas.get("og:url", [])]:
        url = page_url(candidate, base)
        if url:
            return url
    return None


def page_url(href: str | None, base: str | None = None) -> str | None:
    """`href` as an absolute http(s) URL, resolved against `base`, or None if unsafe.

    "  https://example.com/a  " -> "https://example.com/a"; "javascript:alert(1)",
    "https://example.com/a b", "//example.com/a" without a base, a port beyond
    65535 -> None. One page is one URL however it is spelt, so versions find
    each other: scheme and host in lower case, no credentials, no default port,
    no fragment, no trailing "/" ("HTTPS://Example.com:443/a/#x" -> "https://example.com/a").
    """
    if not href:
        return None
    href = href.strip()
    if len(href) > _MAX_URL or any(ch.isspace() or not ch.isprintable() for ch in href):
        return None
    try:
        if base and urlsplit(base).scheme.lower() in ("http", "https"):
            href = urljoin(base, href)
        parts = urlsplit(href)
        host, port = parts.hostname, parts.port
    except ValueError:  # "http://[::1", a port beyond 65535 and other broken hosts
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host or len(href) > _MAX_URL:
        return None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address keeps its brackets
    if port is not None and port != {"http": 80, "https": 443}[scheme]:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, parts.query, ""))
