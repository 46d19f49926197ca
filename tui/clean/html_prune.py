"""Furniture that readability leaves inside the story, removed from its element tree.

readability picks the container that holds the story and keeps most of what is
in it: photo captions and credits, the byline and timestamp, galleries, share and
newsletter boxes, "related" link lists, tag lists. Each step below removes one
kind, from signals any page may carry (element names, the common class and id
vocabulary of page chrome, link density), never from rules about particular
sites. No step removes an element holding most of the story, so a wrongly named
wrapper cannot empty the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from tui.clean.html_text import BLOCK_TAGS, collapse

# Class or id words naming furniture, matched anywhere in the attribute
# ("wp-caption-text", "articleByline", "photo-credit", "rollover-people-block").
_FURNITURE_WORDS = re.compile(
    r"caption|credit|byline|gallery|dateline|attribution|timestamp|datetime"
    r"|rollover|tooltip|hover-?card|popover|newsletter|sign-?up|promo|related|share"
    r"|trending|carousel|swiper|slideshow|slider|cookie|consent|gdpr"
    r"|tagline|slogan|site-?description|branding",
    re.IGNORECASE,
)
# Names of a pop-up shown on hover, whose wrapper may hold the word hovered.
_POPUP_WORDS = re.compile(r"rollover|tooltip|hover-?card|popover", re.IGNORECASE)
# Short words that are only furniture as a whole token ("dek" but not "desktop").
_FURNITURE_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:dek|cta|(?:post-?|entry-?|article-?)?tag(?:s|box|list|links|-list|-links)?)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# Elements that hold a picture and its caption, not the story's text.
_FIGURE_TAGS = ("figure", "figcaption")
# An element holding more than this share of the story's text is never furniture.
_MAX_SHARE = 0.5
# A block whose text is at least this share link text is a list of links (related
# stories, tags, "Read more: ..."), unless it is long enough to be a paragraph.
_LINK_DENSITY = 0.8
_LINK_BLOCK_MAX_CHARS = 300
# Short blocks that speak to the reader rather than tell the story: calls to follow,
# subscribe or read on, contact lines, cookie banners, and lone advertising labels.
_CALL_TO_ACTION = re.compile(
    r"^\W*(?:follow (?:us|him|her|them)\b|subscribe\b|sign up\b|read more\b|see more\b"
    r"|also on\b|listen\b|email \w+(?: \w+)? at\b|write to\b|reach the\b|have a tip\b"
    r"|like this\b|share this\b|don.t miss\b|more on this\b|watch:"
    r"|related\s*(?::|stories|articles|coverage|content|links|reading|roundup)"
    # cookie banners, in the languages of the text cleaner's date lines
    r"|we use cookies|(?:this|our) (?:web)?site uses cookies|accept (?:all )?cookies"
    r"|wir (?:verwenden|nutzen) cookies|nous utilisons des cookies|utilizamos cookies"
    r"|usamos cookies|utilizziamo (?:i )?cookie)",
    re.IGNORECASE,
)
_AD_LABEL = re.compile(
    r"^\W*(?:advert|advertisement|sponsored|anzeige|publicidad|publicité)\W*$", re.IGNORECASE
)
_CALL_MAX_WORDS = 40


def prune(article: HtmlElement) -> None:
    """Remove furniture from readability's article in place."""
    total = len(collapse(article.text_content())) or 1
    for step in STEPS:
        step(article, total)


def _text_length(el: HtmlElement) -> int:
    return len(collapse(el.text_content()))


def _drop_all(article: HtmlElement, doomed: list[HtmlElement], total: int) -> None:
    """Drop each element (keeping its tail text) unless it holds most of the story."""
    for el in doomed:
        if el is article or el.getparent() is None:
            continue
        if _text_length(el) <= _MAX_SHARE * total:
            el.drop_tree()


def _names(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_named_furniture(el: HtmlElement) -> bool:
    names = _names(el)
    return isinstance(el.tag, str) and bool(
        _FURNITURE_WORDS.search(names) or _FURNITURE_TOKENS.search(names)
    )


def drop_named_furniture(article: HtmlElement, total: int) -> None:
    """Captions, credits, bylines, galleries, share and promo boxes, by class or id.

    A hover card's wrapper also holds what the reader hovers, which is story text
    ("Gov. <span class=rollover-people><a class=rollover-people-link>Kristi
    Noem</a><span class=rollover-people-block>…</span></span> (R)"): the link
    hovered stays, and a wrapper holding furniture of its own loses only that.
    """
    doomed = [
        el
        for el in article.iter()
        if _is_named_furniture(el)
        and not (
            _POPUP_WORDS.search(_names(el))
            and (el.tag == "a" or any(map(_is_named_furniture, el.iterdescendants())))
        )
    ]
    _drop_all(article, doomed, total)


def drop_figures(article: HtmlElement, total: int) -> None:
    """`figure` and `figcaption`: a picture and its caption."""
    _drop_all(article, list(article.iter(*_FIGURE_TAGS)), total)


def drop_link_blocks(article: HtmlElement, total: int) -> None:
    """Blocks that are lists of links: related stories, tag lists, "Read more" teasers.

    Link text inside a paragraph is story text ("Rep. <a>Ilhan Omar</a> (D-Minn.)"):
    only a block that is nearly all links *and* has a list's shape goes (`_is_link_block`).
    """
    doomed = [el for el in article.iter(*BLOCK_TAGS) if el is not article and _is_link_block(el)]
    _drop_all(article, doomed, total)


def _is_link_block(el: HtmlElement) -> bool:
    """Mostly link text, and shaped like a list of links: a lone link that reads as a
    sentence (a paragraph that links the report it quotes) is prose."""
    length = _text_length(el)
    if not length or length > _LINK_BLOCK_MAX_CHARS:
        return False
    links = list(el.iter("a"))
    linked = sum(_text_length(a) for a in links)
    if linked < _LINK_DENSITY * length:
        return False
    return len(links) > 1 or el.tag in _LIST_TAGS or not _reads_as_sentence(el)


_LIST_TAGS = frozenset(["ul", "ol", "li", "nav", "menu", "dl", "dt", "dd"])
_SENTENCE_END = re.compile(r"[.!?。！？।۔][\"'”’»)]*$")
_SENTENCE_MIN_WORDS = 8


def _reads_as_sentence(el: HtmlElement) -> bool:
    """Whether a block's text is a sentence: this many words and a closing stop."""
    text = collapse(el.text_content())
    return len(text.split()) >= _SENTENCE_MIN_WORDS and bool(_SENTENCE_END.search(text))


def drop_calls_to_action(article: HtmlElement, total: int) -> None:
    """Short blocks addressing the reader ("Follow us on", "Sign up", "Advertisement")."""
    doomed = []
    for el in article.iter(*BLOCK_TAGS):
        if el is article or any(child.tag in BLOCK_TAGS for child in el.iterdescendants()):
            continue
        text = collapse(el.text_content())
        if len(text.split()) <= _CALL_MAX_WORDS and (
            _CALL_TO_ACTION.match(text) or _AD_LABEL.match(text)
        ):
            doomed.append(el)
    _drop_all(article, doomed, total)


def drop_controls(article: HtmlElement, total: int) -> None:
    """Buttons and form controls ("Accept all", "Share", "Load more"): the page's
    interface, never the story."""
    _drop_all(article, list(article.iter("button", "select", "option", "textarea")), total)


Step = Callable[[HtmlElement, int], None]
STEPS: list[Step] = [
    drop_named_furniture,
    drop_figures,
    drop_controls,
    drop_link_blocks,
    drop_calls_to_action,
]
