"""Page metadata (title, outlet, publication date, byline) read from an lxml tree.

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
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from tui.clean import html_jsonld as jsonld
from tui.clean.html_text import collapse

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
_AUTHOR_META = (
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
)
_MAX_BYLINE = 120
_SEPARATORS = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7\u2022]{1,2})\s+")
_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
_BY = re.compile(r"^(?:by|from|von|par|por)\s+", re.IGNORECASE)
# Where a byline element's names end and its date or furniture begins ("Jane Doe | Nov 18, 2019",
# "Jeff FoustMonday, November 18", "Staff Published 10:00").
_BYLINE_END = re.compile(
    r"\s*(?:[|\u2022\u00b7]|\b(?:Published|Updated|Posted)\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}).*$",
    re.DOTALL,
)
_WORDS = re.compile(r"\w+")


@dataclass
class PageMeta:
    """What the page says about the story, each field None when not found."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None


def page_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Read title, outlet, date (without htmldate) and byline from a parsed page."""
    metas = meta_values(tree)
    objects = jsonld.jsonld_objects(tree)
    outlet = find_outlet(metas, objects, url)
    return PageMeta(
        title=find_title(tree, metas, objects, outlet, url),
        outlet=outlet,
        published=find_published(tree, metas, objects),
        byline=find_byline(tree, metas, objects),
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


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key][0]
    return None


# --- outlet -------------------------------------------------------------------


def find_outlet(
    metas: dict[str, list[str]], objects: list[dict[str, Any]], url: str | None
) -> str | None:
    """og:site_name, JSON-LD publisher, application-name, else the URL's host."""
    publisher = jsonld.first_names(objects, "publisher")
    name = (
        _first(metas, "og:site_name")
        or (publisher[0] if publisher else None)
        or _first(metas, "application-name", "apple-mobile-web-app-title")
    )
    if name and _is_url(name):
        name = host_name(name)
    return name or host_name(url)


def host_name(url: str | None) -> str | None:
    """Host without "www." ("www.example.co.uk:8080" -> "example.co.uk"), else None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


# --- title --------------------------------------------------------------------


def find_title(
    tree: HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    outlet: str | None,
    url: str | None,
) -> str | None:
    """The headline, from og/twitter tags, JSON-LD, the first h1 or <title>, minus site names."""
    sites = _site_keys(outlet, url)
    page_title = _element_text(tree.find(".//title"))
    candidates = [
        _first(metas, "og:title", "twitter:title"),
        jsonld.first_string(objects, "headline"),
        _headline_h1(tree, page_title),
        page_title,
    ]
    for candidate in candidates:
        if candidate and fold_key(candidate) not in sites:
            title = strip_site_name(candidate, sites)
            if title:
                return title
    return None


def _headline_h1(tree: HtmlElement, page_title: str | None) -> str | None:
    """The first h1, unless it shares too few words with <title> (then it is likely a logo)."""
    h1 = next(filter(None, (_element_text(el) for el in tree.iter("h1"))), None)
    if not h1 or not page_title:
        return h1
    words = set(_WORDS.findall(h1.casefold()))
    shared = words & set(_WORDS.findall(page_title.casefold()))
    return h1 if len(shared) * 2 >= len(words) else None


def _element_text(el: HtmlElement | None) -> str | None:
    if el is None:
        return None
    return collapse(el.text_content()) or None


def fold_key(text: str) -> str:
    """Letters and digits only, case-folded: "The Times." and "the times" compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _site_keys(outlet: str | None, url: str | None) -> set[str]:
    """Comparison keys for the names a site may append to its titles.

    "The Jerusalem Post | JPost.com" yields keys for the whole and for each part.
    """
    keys = {fold_key(part) for part in [outlet, *_SEPARATORS.split(outlet)]} if outlet else set()
    host = host_name(url)
    if host:
        keys.add(fold_key(host))
        keys.add(fold_key(host.split(".")[0]))
    keys.discard("")
    return keys


def strip_site_name(title: str, sites: set[str]) -> str:
    """Drop " | Site", " - Site", " — Site" suffixes (and "Site | " prefixes).

    A part is dropped when it names the site, or when it is the last part after a
    pipe or looks like a short proper name ("Headline - World News"), so that
    dashes inside a headline ("Man bites dog - again") survive.
    """
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(parts) < 2:
        return title
    if _names_site(parts[0], sites):
        parts, seps = parts[1:], seps[1:]
    while len(parts) > 1 and _names_site(parts[-1], sites):
        parts, seps = parts[:-1], seps[:-1]
    if len(parts) > 1 and _is_short_name(parts[-1], seps[-1], " ".join(parts[:-1])):
        parts, seps = parts[:-1], seps[:-1]
    kept = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))
    return kept.strip()


def _names_site(part: str, sites: set[str]) -> bool:
    return fold_key(part) in sites


def _is_short_name(part: str, sep: str, head: str) -> bool:
    """A suffix such as "World News" or "ACME": at most four words, each capitalised."""
    words = part.split()
    if not words or len(words) > 4 or len(part) > 40 or len(head.split()) < 3:
        return False
    return "|" in sep or all(w[0].isupper() or not w[0].isalpha() for w in words)


# --- date ---------------------------------------------------------------------


def find_published(
    tree: HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> str | None:
    """ISO date from JSON-LD, meta tags or <time datetime> (htmldate is the caller's fallback)."""
    candidates = [jsonld.first_string(objects, "datePublished")]
    candidates += [value for key in _DATE_META for value in metas.get(key, [])]
    candidates += _time_datetimes(tree)
    for candidate in candidates:
        date = iso_date(candidate)
        if date:
            return date
    return None


def _time_datetimes(tree: HtmlElement) -> list[str]:
    """`datetime` of <time> elements, ones marked as the publication time first."""
    times = [t for t in tree.iter("time") if t.get("datetime")]
    marked = [t for t in times if t.get("itemprop") == "datePublished" or "pubdate" in t.attrib]
    return [t.get("datetime", "") for t in marked + times]


def iso_date(value: str | None) -> str | None:
    """ISO date of "2019-11-19T10:00:00-05:00", "2019/11/19" or "Tue, 19 Nov 2019 ...".

    The date is taken as written (the publisher's local day), not shifted to UTC.
    """
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.match(value) or _SLASH_DATE.match(value)
    if match:
        return _valid(*(int(g) for g in match.groups()))
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return _valid(parsed.year, parsed.month, parsed.day)


def _valid(year: int, month: int, day: int) -> str | None:
    """The ISO form of a real calendar date between 1990 and next year."""
    if not 1990 <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- byline -------------------------------------------------------------------


def find_byline(
    tree: HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> str | None:
    """Author names from meta tags, JSON-LD, rel=author links or a ".byline" element."""
    meta = [v for key in _AUTHOR_META for v in metas.get(key, []) if not _is_url(v)]
    if meta:
        return _byline(meta[0])
    authors = [a for a in jsonld.first_names(objects, "author") if not _is_url(a)]
    if authors:
        return _byline(", ".join(authors))
    for el in tree.xpath("//*[@rel='author'] | //*[contains(@class, 'byline')]"):
        text = _element_text(el)
        if text and len(text) <= _MAX_BYLINE:
            return _byline(text)
    return None


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "//", "/"))


def _byline(text: str) -> str | None:
    """Names only: no leading "By ", no trailing date, nothing too long to be names."""
    text = _BYLINE_END.sub("", _BY.sub("", collapse(text))).strip(" ,;")
    return text if text and len(text) <= _MAX_BYLINE else None
