"""The byline of an HTML page: who wrote the story, as names.

Pages name authors in several places that disagree: `<meta name="author">`
often holds the publisher or the broadcaster, JSON-LD types each author as a
Person or an Organization, and byline elements stand both in the story and in
"Latest" lists around it. The rules, in order:

1. A Person wins over an Organisation: JSON-LD authors typed Person (or
   untyped strings), then a visible byline, then a meta author that does not
   read as an organisation, and only then organisations.
2. A byline element inside the article (`<article>`, `<main>`) wins over one
   outside, and of nested byline elements the innermost is read.
3. "Jane Doe, Senior Reporter": job titles are removed. "A, B and C" stays
   three names, written "A, B and C".
4. A byline that is a wire agency ("The Associated Press", "AP Auto Writer")
   is the story's wire credit (`byline_credit`), not its byline.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from tui.clean import html_jsonld as jsonld
from tui.clean.html_text import collapse
from tui.clean.meta import agency_name, byline_agency

AUTHOR_META = (
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
)
MAX_BYLINE = 120  # characters: longer is a paragraph, not names
_BY = re.compile(
    r"^(?:(?:analysis|opinion|commentary|review|story|text|words|written|reported|posted)\s+)?"
    r"(?:by|from|von|par|por)(?:\s+|$)",
    re.IGNORECASE,
)
# What a name never holds: a handle or a call to follow, a web address, a user slug.
_NOT_A_NAME = re.compile(
    r"@|^follow\b|\.(?:com|org|net|info)\b|^[a-z0-9]+(?:[-_][a-z0-9]+)+$", re.I
)
# Where a byline element's names end and its date or furniture begins ("Jane Doe | Nov 18, 2019",
# "Jeff FoustMonday, November 18", "Staff Published 10:00").
_BYLINE_END = re.compile(
    r"\s*(?:[|\u2022\u00b7]|\b(?:Published|Updated|Posted)\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}).*$",
    re.DOTALL,
)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
# A part of a byline that is a job, not a name ("AP Auto Writer", "Staff Reporter").
_JOB = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer|journalist"
    r"|analyst|chief|photographer|intern|staff|redakteur|redakteurin|journaliste|periodista"
    r"|corresponsal|redacción|rédaction)s?\b",
    re.IGNORECASE,
)
# Words that make an author an organisation ("Riverside Broadcasting Corporation").
_ORGANISATION = re.compile(
    r"\b(?:corporation|corp|inc|ltd|llc|plc|gmbh|group|media|news|press|agency|broadcasting"
    r"|network|newsroom|desk|team|editorial|staff|online|times|herald|post|daily|journal"
    r"|tribune|gazette|radio|television|tv)\b",
    re.IGNORECASE,
)
_BYLINE_XPATH = "//*[@rel='author'] | //*[contains(@class, 'byline')]"
_MAX_FOUND = 200  # byline elements looked at: a hostile page may hold thousands


def find_byline(
    tree: HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    outlet: str | None = None,
) -> str | None:
    """Author names (rules in the module docstring), or None.

    `metas` are `<meta>` values by lower-cased key, `objects` the page's JSON-LD
    objects (article-like first), `outlet` the site's name, which is never a byline.
    """
    for candidate in _candidates(tree, metas, objects, outlet):
        names = clean_byline(candidate, outlet)
        if names and agency_name(names):
            return None  # "By The Associated Press": a wire credit (`byline_credit`)
        if names:
            return names
    return None


def byline_credit(
    tree: HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    outlet: str | None = None,
) -> str | None:
    """The wire agency a byline names ("The Associated Press", "Tom Krisher, AP Auto
    Writer" -> "AP"), looked for in `find_byline`'s order, or None."""
    agencies = (byline_agency(collapse(text)) for text in _candidates(tree, metas, objects, outlet))
    return next((agency for agency in agencies if agency), None)


def _candidates(
    tree: HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    outlet: str | None,
) -> list[str]:
    """Byline texts as found, people before organisations (rule 1)."""
    people, organisations = _jsonld_authors(objects)
    meta = [v for key in AUTHOR_META for v in metas.get(key, []) if not is_url(v)]
    meta_people = [v for v in meta if not _is_organisation(v, outlet)]
    found = [", ".join(people), _visible_byline(tree), *meta_people, ", ".join(organisations)]
    return [text for text in [*found, *meta] if text]


def _jsonld_authors(objects: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(people, organisations) among the first JSON-LD object's authors that has any."""
    for obj in objects:
        value = obj.get("author")
        items = value if isinstance(value, list) else [value]
        people: list[str] = []
        organisations: list[str] = []
        for item in items:
            kind = item.get("@type") if isinstance(item, dict) else None
            found = jsonld.names(item)
            if not found or is_url(found[0]):
                continue
            kinds = kind if isinstance(kind, list) else [kind]
            is_organisation = any(isinstance(k, str) and "Organization" in k for k in kinds)
            (organisations if is_organisation else people).extend(found)
        if people or organisations:
            return people, organisations
    return [], []


def _visible_byline(tree: HtmlElement) -> str | None:
    """The text of the innermost byline element, inside the article first."""
    found = [el for el in tree.xpath(_BYLINE_XPATH) if isinstance(el.tag, str)][:_MAX_FOUND]
    holders = {parent for el in found for parent in el.iterancestors()}
    innermost = [el for el in found if el not in holders]
    # An innermost element may be only the "By" label: then an outer one holds the name.
    for group in (innermost, found):
        inside = [el for el in group if _in_article(el)]
        for el in inside or group:
            text = collapse(el.text_content())
            if len(text) <= MAX_BYLINE and clean_byline(text):
                return text
    return None


def _in_article(el: HtmlElement) -> bool:
    return any(parent.tag in ("article", "main") for parent in el.iterancestors())


def _is_organisation(name: str, outlet: str | None) -> bool:
    same_as_outlet = outlet is not None and name.casefold() == outlet.casefold()
    return same_as_outlet or bool(_ORGANISATION.search(name))


def _affiliation(part: str, outlet: str | None) -> bool:
    """A part of a several-part byline that is no person: a job ("AP Auto Writer"), a
    degree or one-word title ("MS", "Futurism"), an agency, the outlet or a site."""
    folded = part.casefold()
    return (
        bool(_JOB.search(part) or _NOT_A_NAME.search(part) or agency_name(part))
        or len(part.split()) == 1
        or (outlet is not None and (folded in outlet.casefold() or outlet.casefold() in folded))
    )


def is_url(text: str) -> bool:
    """Whether an author value is a link to a profile page rather than a name."""
    return text.startswith(("http://", "https://", "//", "/"))


def clean_byline(text: str, outlet: str | None = None) -> str | None:
    """Names only: no leading "By ", no trailing date, job title or affiliation, nothing
    too long, and not the outlet's own name.

    "By Jane Doe, Senior Reporter | May 2, 2024" -> "Jane Doe"; "A, B and C" -> "A, B and C";
    "Jill Disis, CNN Business" on CNN -> "Jill Disis"; "Rachael Link, MS, RD" -> "Rachael Link".
    """
    text = _BYLINE_END.sub("", _BY.sub("", collapse(text))).strip(" ,;")
    if not text or len(text) > MAX_BYLINE or _NOT_A_NAME.search(text):
        return None
    parts = [part for part in _NAME_SEPARATOR.split(text) if part]
    names = [p for p in parts if not _affiliation(p, outlet)] if len(parts) > 1 else parts
    if not names or (outlet and names[0].casefold() == outlet.casefold()):
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
