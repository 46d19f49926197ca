"""A second opinion on readability's pick of the story, from trafilatura.

readability-lxml scores containers by their paragraphs and keeps the best one,
and nothing checks its pick: on a page whose story is heavily linked (names and
places as links) a site's "about us" blurb can outscore it, and a story split
across containers loses all but one. So the pick is checked against the
page's prose: the paragraph-like blocks of 80 characters or more outside
navigation, header, footer and asides. When the pick holds less than half of
that prose (or nothing at all), or less than half of the prose of the story
element that holds the page's headline (an `<article>` or schema.org article
around the `h1`: readability may pick a bigger list of teasers beside it),
trafilatura (Barbaresi 2021, "Trafilatura: A
Web Scraping Library and Command-Line Tool for Text Discovery and
Extraction", ACL demos; Apache-2.0) extracts the page too, and its body is
kept when it covers clearly more of the prose. Elsewhere trafilatura never
runs: on the 181 benchmark pages readability's pick, pruned, scores higher.
"""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from tui.clean.html_text import SKIP_TAGS, element_paragraphs
from tui.text.normalize import fold

PROSE_CHARS = 80  # a block this long (characters) is prose, not a menu item or label
MIN_PROSE_CHARS = 500  # pages with less prose than this are not second-guessed
DOUBT_SHARE = 0.5  # readability's pick holding less of the prose than this is doubtful
BETTER_BY = 0.2  # trafilatura must cover this much more of the prose (0-1) to be kept
_SKIP = SKIP_TAGS | {"nav", "header", "footer", "aside", "form"}  # and their insides
_PROBE_CHARS = 60  # a block counts as covered when its first characters are in a body

# trafilatura logs its own parsing troubles; they are not ours to print.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


def page_prose(tree: HtmlElement) -> list[str]:
    """The page's paragraph-like blocks of PROSE_CHARS or more, outside page chrome."""
    body = tree.find("body")
    if body is None:
        return []
    return [p for p in element_paragraphs(body, _SKIP) if len(p) >= PROSE_CHARS]


def headline_prose(tree: HtmlElement, title: str | None) -> list[str]:
    """The prose blocks of the story element holding the headline: the nearest
    `<article>` or schema.org article (itemprop articleBody, itemtype …Article or
    …Posting) around the `h1` that prints `title`; [] when the page marks none."""
    wanted = fold(title or "")
    if not wanted:
        return []
    for heading in tree.iter("h1"):
        printed = fold(heading.text_content())
        if not printed or (printed not in wanted and wanted not in printed):
            continue
        for holder in heading.iterancestors():
            if _is_story_element(holder):
                return [p for p in element_paragraphs(holder, _SKIP) if len(p) >= PROSE_CHARS]
        return []
    return []


def _is_story_element(element: HtmlElement) -> bool:
    itemtype = element.get("itemtype") or ""
    return (
        element.tag == "article"
        or element.get("itemprop") == "articleBody"
        or itemtype.endswith(("Article", "Posting"))
    )


def doubtful(paragraphs: list[str], prose: list[str]) -> bool:
    """Whether readability's paragraphs hold too little of the page's prose to trust."""
    total = sum(map(len, prose))
    if not paragraphs:
        return total > 0
    return total >= MIN_PROSE_CHARS and coverage(paragraphs, prose) < DOUBT_SHARE


def coverage(paragraphs: list[str], prose: list[str]) -> float:
    """The share (0-1, by characters) of the prose blocks found in `paragraphs`."""
    total = sum(map(len, prose))
    if not total:
        return 0.0
    text = fold(" ".join(paragraphs))
    found = sum(len(block) for block in prose if fold(block)[:_PROBE_CHARS] in text)
    return found / total


def trafilatura_paragraphs(html: str) -> list[str]:
    """trafilatura's body of the page, one paragraph per line; [] when it finds none.

    trafilatura is a heuristic library with many code paths; a failure there must
    not cost us the article, hence the broad except.
    """
    try:
        import trafilatura  # imported on first need: most pages never ask

        text = trafilatura.extract(html, include_comments=False, include_tables=True)
    except Exception:
        return []
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def second_opinion(
    html: str, paragraphs: list[str], prose: list[str], story: list[str]
) -> list[str] | None:
    """trafilatura's paragraphs when readability's pick is doubtful, against the page's
    prose or the headline's story element's (`story`), and trafilatura's covers at
    least BETTER_BY more of that prose; None to keep readability's."""
    doubts = [blocks for blocks in (story, prose) if blocks and doubtful(paragraphs, blocks)]
    if not doubts:
        return None
    other = trafilatura_paragraphs(html)
    if other and all(coverage(other, b) >= coverage(paragraphs, b) + BETTER_BY for b in doubts):
        return other
    return None
