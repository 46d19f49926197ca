"""The headline of an HTML page, without the site's name or a section label.

Pages print their headline in up to four places: `og:title` (or
`twitter:title`), the JSON-LD headline, the first `h1` and `<title>`. Most
add the site's name ("Headline | Site", "Site.com: Headline", "Headline :
site.com.au") or a section ("Opinion | Headline", "Headline | World | Site").
So each is cut into parts at its separators and:

1. parts that name the site (its outlet or host), look like a web address, or
   are a section label ("Opinion", "World News", "Fact Check") are dropped from
   either end;
2. the first place that gives a headline wins; when it still has several
   parts, a part that another place prints alike is the headline (`<title>`
   says "Harbour Times - Storm batters the coast", the `h1` "Storm batters the
   coast");
3. a short capitalised suffix after a separator is taken for an unknown
   site's name ("Headline - World News"), while dashes and colons inside a
   headline stay ("Man bites dog - again", "Brexit: what happens next").
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from tui.clean import html_jsonld as jsonld
from tui.clean.html_outlet import host_name
from tui.clean.html_text import collapse

# Separators between a headline and a site or section: pipes, spaced dashes, bullets,
# guillemets and "::", and a spaced colon ("Headline : site.com.au").
SEPARATORS = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7\u2022«»]{1,2}|::|:)\s+")
# A label before a colon ("Fact Check: Is an oxygen bar ...", "Site.com: Headline").
_LEAD_LABEL = re.compile(r"^([^:]{2,30}):\s+(?=\S)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# Section and kind labels that pages put before or after a headline.
_SECTIONS = frozenset(  # as `fold_key` gives them: "Fact Check" -> "factcheck"
    (
        "opinion", "analysis", "column", "editorial", "commentary", "comment", "breaking",
        "breakingnews", "exclusive", "factcheck", "live", "video", "watch", "explainer", "world",
        "worldnews", "news", "local", "localnews", "politics", "business", "sport", "sports",
        "tech", "technology", "science", "health", "entertainment", "culture", "lifestyle", "us",
        "usnews", "uk", "uknews", "latest", "latestnews", "topstories", "national",
        "international", "markets", "economy",
    )
)  # fmt: skip


def find_title(
    tree: HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    outlet: str | None,
    url: str | None,
) -> str | None:
    """The headline (rules in the module docstring), or None when the page gives none.

    `metas` are `<meta>` values by lower-cased key, `objects` the page's JSON-LD
    objects, `outlet` the site's name and `url` its address, both used to
    recognise the site's name in a title.
    """
    sites = _site_keys(outlet, url)
    page_title = element_text(tree.find(".//title"))
    candidates = [
        _first(metas, "og:title", "twitter:title"),
        jsonld.first_string(objects, "headline"),
        _headline_h1(tree, page_title),
        page_title,
    ]
    stripped = [strip_site_name(c, sites) for c in candidates if c and fold_key(c) not in sites]
    stripped = [title for title in stripped if title]
    if not stripped:
        return None
    return _agreed_part(stripped[0], stripped[1:]) or stripped[0]


def _agreed_part(title: str, others: list[str]) -> str | None:
    """The longest part of `title` that another place prints alike (its whole, or one
    of its parts): "Harbour Times - Storm batters the coast" beside an h1 "Storm
    batters the coast". None when `title` is one part or nothing agrees."""
    parts = SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    printed = {fold_key(p) for other in others for p in [other, *SEPARATORS.split(other)]}
    agreed = [p.strip() for p in parts if len(_WORDS.findall(p)) >= 2 and fold_key(p) in printed]
    if fold_key(title) in printed:
        return None  # the whole title is printed elsewhere: it is the headline
    return max(agreed, key=lambda part: len(part.split()), default=None)


def strip_site_name(title: str, sites: set[str]) -> str:
    """`title` without the site's name or a section at either end.

    A part is dropped when it names the site (`sites` holds `fold_key`s), looks
    like a web address or is a section label; a last part after a pipe, or a
    short capitalised one, is taken for an unknown site's name ("Headline -
    World News"), so that dashes inside a headline ("Man bites dog - again") survive.
    """
    title = _drop_lead_label(title, sites)
    parts = SEPARATORS.split(title)
    seps = SEPARATORS.findall(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and _is_site_or_section(parts[0], sites, seps[0]):
        parts, seps = parts[1:], seps[1:]
    while len(parts) > 1 and _is_site_or_section(parts[-1], sites, seps[-1]):
        parts, seps = parts[:-1], seps[:-1]
    if len(parts) > 1 and _is_short_name(parts[-1], seps[-1], " ".join(parts[:-1])):
        parts, seps = parts[:-1], seps[:-1]
    kept = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))
    return kept.strip()


def _drop_lead_label(title: str, sites: set[str]) -> str:
    """ "Site.com: Headline" and "Fact Check: Headline" lose their label."""
    match = _LEAD_LABEL.match(title)
    if match and _is_site_or_section(match.group(1), sites, ":"):
        return title[match.end() :]
    return title


def _is_site_or_section(part: str, sites: set[str], sep: str) -> bool:
    """A part that names the site, is a web address, or (after a pipe or as a label) a section."""
    key = fold_key(part)
    if key in sites or _DOMAIN.match(part.strip()):
        return True
    if "|" in sep and part.strip().isupper() and len(part.split()) <= 4:
        return True  # "HARBOUR TIMES | Headline": a masthead in capitals
    return key in _SECTIONS and ("|" in sep or ":" in sep or part.strip().isupper())


def _is_short_name(part: str, sep: str, head: str) -> bool:
    """A suffix such as "World News" or "ACME": at most four words, each capitalised."""
    words = part.split()
    if not words or len(words) > 4 or len(part) > 40 or len(head.split()) < 3:
        return False
    return "|" in sep or all(w[0].isupper() or not w[0].isalpha() for w in words)


def _headline_h1(tree: HtmlElement, page_title: str | None) -> str | None:
    """The first h1, unless it shares too few words with <title> (then it is likely a logo)."""
    h1 = next(filter(None, (element_text(el) for el in tree.iter("h1"))), None)
    if not h1 or not page_title:
        return h1
    words = set(_WORDS.findall(h1.casefold()))
    shared = words & set(_WORDS.findall(page_title.casefold()))
    return h1 if len(shared) * 2 >= len(words) else None


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    return next((metas[key][0] for key in keys if metas.get(key)), None)


def element_text(el: HtmlElement | None) -> str | None:
    """An element's visible text with whitespace collapsed (what a <script>, <style>,
    <noscript> or <template> inside it holds left out), or None when it has none."""
    if el is None:
        return None
    return collapse("".join(el.xpath(_VISIBLE_TEXT))) or None


_VISIBLE_TEXT = (
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def fold_key(text: str) -> str:
    """Letters and digits only, case-folded: "The Times." and "the times" compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _site_keys(outlet: str | None, url: str | None) -> set[str]:
    """Comparison keys for the names a site may add to its titles.

    "The Jerusalem Post | JPost.com" yields keys for the whole and for each part.
    """
    keys = {fold_key(part) for part in [outlet, *SEPARATORS.split(outlet)]} if outlet else set()
    host = host_name(url)
    if host:
        keys.add(fold_key(host))
        keys.add(fold_key(host.split(".")[0]))
    keys.discard("")
    return keys
