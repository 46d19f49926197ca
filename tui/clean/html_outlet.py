"""The outlet of an HTML page: the name the site prints for itself.

Pages name themselves in several places, and the first one is not always the
best: `og:site_name` is often a bare stem ("cleveland", "usatoday"), a list
of sections ("Autoracing | F1 | Indy | NASCAR"), a section alone ("U.S." on a
Reuters page) or a Twitter handle ("@politifact"). So every name the page
gives is gathered (og:site_name, the JSON-LD publisher, application-name,
the site part of `<title>`, the copyright owner, twitter:site), each cut to
its first part, and:

1. a short name that neither the site's host nor any other name backs (a
   section) gives way to one the host backs ("U.S." -> "Reuters" on reuters.com);
2. a bare stem gives way to a fuller spelling of the same name
   ("usatoday" -> "USA TODAY", "cleveland" -> "Cleveland.com").

The host itself ("example.co.uk") is used only when the page names nothing.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from tui.clean import html_jsonld as jsonld
from tui.clean.html_text import collapse
from tui.clean.meta import outlet_from_copyright

# Where a site's name ends and its tagline or sections begin.
_NAME_END = re.compile(r"\s+[|\-–—:·•]+\s+|\s*\|\s*")
_TITLE_PARTS = re.compile(r"\s+[|\-–—·•]+\s+|\s*\|\s*")
_KEY_DROP = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_PARTICLES = frozenset(["of", "the", "de", "du", "la", "le", "di", "del", "der", "und", "and", "&"])
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "or", "ne", "go"])
_MAX_WORDS = 6
_MAX_COPYRIGHT_NODES = 20


def find_outlet(
    tree: HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    url: str | None,
) -> str | None:
    """The outlet's name (rules in the module docstring), else the URL's host, else None.

    `metas` are `<meta>` values by lower-cased key, `objects` the page's JSON-LD
    objects, `url` the fetched or canonical URL.
    """
    candidates = _names(tree, metas, objects)
    if not candidates:
        return host_name(url)
    chosen = candidates[0]
    site = _site_label(url)
    if site and _lone_section(chosen, candidates, site):
        chosen = next((c for c in candidates if _agrees(c, site) and not _bare(c)), chosen)
    if _bare(chosen):
        chosen = next((c for c in candidates if not _bare(c) and _agrees(c, _key(chosen))), chosen)
    return chosen


def _lone_section(name: str, candidates: list[str], site: str) -> bool:
    """A short name that neither the host nor any other name backs: a section ("U.S.")."""
    others = [c for c in candidates if c != name]
    return (
        len(name.split()) <= 2
        and not _agrees(name, site)
        and not any(_agrees(name, _key(other)) for other in others)
    )


def _names(
    tree: HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> list[str]:
    """Every name the page gives itself, best sources first, each cut to its name."""
    publisher = jsonld.first_names(objects, "publisher")
    raw = [
        *metas.get("og:site_name", [])[:1],
        *publisher[:1],
        *metas.get("application-name", [])[:1],
        *metas.get("apple-mobile-web-app-title", [])[:1],
        _title_site(tree),
        _copyright_owner(tree),
        *metas.get("twitter:site", [])[:1],
    ]
    names: list[str] = []
    for value in raw:
        name = _clean_name(value) if value else None
        if name and name not in names:
            names.append(name)
    return names


def _clean_name(value: str) -> str | None:
    """A site name as printed, cut before a tagline or list of sections; a URL is its host."""
    value = collapse(value)
    if value.startswith(("http://", "https://", "//")):
        return host_name(value if not value.startswith("//") else "https:" + value)
    name = _NAME_END.split(value)[0].strip().removeprefix("@").strip("_")
    words = name.split()
    return name if name and len(words) <= _MAX_WORDS and any(c.isalpha() for c in name) else None


def _title_site(tree: HtmlElement) -> str | None:
    """The last part of `<title>` when it reads as a site's name ("Headline - nj.com",
    "Headline | The Daily Planet"): a web address or at most four capitalised words."""
    title = tree.find(".//title")
    if title is None:
        return None
    parts = _TITLE_PARTS.split(collapse(title.text_content()))
    return parts[-1] if len(parts) > 1 and _name_like(parts[-1]) else None


def _name_like(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 4:
        return False
    if _DOMAIN.match(part):
        return True
    return all(w[0].isupper() or w in _PARTICLES or not w[0].isalpha() for w in words)


def _copyright_owner(tree: HtmlElement) -> str | None:
    """The owner in the page's last copyright line ("© 2019 Cleveland.com. All rights ...")."""
    nodes = tree.xpath("//text()[contains(., '©') or contains(., 'Copyright')]")
    for node in reversed(nodes[-_MAX_COPYRIGHT_NODES:]):
        owner = outlet_from_copyright(collapse(str(node)))
        if owner:
            return owner
    return None


def _key(name: str) -> str:
    """Letters and digits only, lower case, no leading "the": how names are compared."""
    return _KEY_DROP.sub("", name.casefold()).removeprefix("the")


def _agrees(name: str, key: str) -> bool:
    """Whether `name` spells the same site as `key` (one key holds the other)."""
    own = _key(name)
    return bool(own and key) and (key in own or own in key)


def _bare(name: str) -> bool:
    """A stem or handle rather than a name as printed: one word with no capital."""
    return len(name.split()) == 1 and name == name.lower()


def _site_label(url: str | None) -> str | None:
    """The registered label of a URL's host ("news.sky.com" -> "sky", "bbc.co.uk" -> "bbc")."""
    host = host_name(url)
    if not host:
        return None
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else labels[0]


def host_name(url: str | None) -> str | None:
    """Host without "www." ("www.example.co.uk:8080" -> "example.co.uk"), else None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None
