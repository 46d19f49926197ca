"""Paragraph-level clean-up of the extracted body: the repeated headline, bylines, date
lines, furniture between paragraphs, trailer.

These work on text, after the tree has become paragraphs, because what gives them
away is the words (the page title, a date) rather than the markup around them.
"""

from __future__ import annotations

import re

from tui.clean.boilerplate import (
    is_byline_line,
    is_embed_credit,
    is_furniture,
    line_role,
    strip_embed_credit,
)
from tui.clean.html_title import fold_key

_WORDS = re.compile(r"\w+")
# The headline is looked for among the first few paragraphs (a kicker such as
# "Review" or "Exclusive" may stand above it).
_HEADLINE_REACH = 3
_KICKER_WORDS = 3
_BYLINE_REACH = 4  # paragraphs at the top of the body looked at for a byline line

# A dateline is a short line of date and time words that names a day or says it is
# a timestamp: "Updated 5:27 am CST, Wednesday, November 20, 2019",
# "segunda-feira, 22 de janeiro de 2018 às 0:13". English, Portuguese and Spanish names.
_DATE_NAME = re.compile(
    r"^(?:\d{4}|updated|published|posted|modified"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|segunda|terça|quarta|quinta|sexta|feira|sábado|domingo"
    r"|janeiro|fevereiro|março|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre"
    r"|lunes|martes|miércoles|jueves|viernes)$"
)
# Words that may stand beside the names: numbers, "a.m.", time zones, connectors.
_DATE_FILLER = re.compile(
    r"^(?:\d+(?:st|nd|rd|th|h|am|pm)?|[ap]m?|m|utc|gmt|[a-z][sd]t|amt|bst|cet|cest"
    r"|last|on|at|de|às|as|um|le|el|the|of)$"
)
_DATELINE_MAX_WORDS = 12


def drop_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """Readers see the title above the body, so a paragraph repeating it near the top goes.

    A kicker of a few words above the repeated headline goes with it.
    """
    if not paragraphs or not title:
        return paragraphs
    for i, paragraph in enumerate(paragraphs[:_HEADLINE_REACH]):
        if fold_key(paragraph) == fold_key(title):
            kept_above = [p for p in paragraphs[:i] if len(p.split()) > _KICKER_WORDS]
            return kept_above + paragraphs[i + 1 :]
    return paragraphs


def split_bylines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(the body without its byline lines, those lines) for the first few paragraphs:
    "By Jane Okafor, March 4, 2025 10:30 am" is metadata, not story."""
    top = paragraphs[:_BYLINE_REACH]
    lines = [p for p in top if is_byline_line(p)]
    return [p for p in top if p not in lines] + paragraphs[_BYLINE_REACH:], lines


def drop_furniture(paragraphs: list[str]) -> list[str]:
    """Furniture that stands between paragraphs goes wherever it is (`is_furniture`: a
    picture credit, a contributor line, a reader poll), and so does an embedded
    post's credit line run on at a paragraph's end; the post's own text stays, as a
    quotation. An embedded post's credit line standing as a paragraph of its own
    stays too, as the page shows it under the post (who posted it, and when; the
    article-extraction benchmark's bodies keep it); matching never keys it
    (tui/match/shingles.sentence_key)."""
    return [strip_embed_credit(p) for p in paragraphs if not is_furniture(p) or is_embed_credit(p)]


def drop_trailer(paragraphs: list[str]) -> list[str]:
    """The outlet's lines under the story go: a standards note ("Our Standards: The
    Thomson Reuters Trust Principles."), a copyright line, a sign-off. They are
    printed under every story, so left in they would be "shared" by all of them."""
    end = len(paragraphs)
    while end > 1 and line_role(paragraphs[end - 1]) is not None:
        end -= 1
    return paragraphs[:end]


def drop_datelines(paragraphs: list[str]) -> list[str]:
    """Lines that only say when the story was published or updated: metadata, not story."""
    return [p for p in paragraphs if not is_dateline(p)]


def is_dateline(text: str) -> bool:
    """True for a short line of date and time words that names a day or says "updated".

    A bare time ("4:14 p.m.") is not enough: live stories head their entries with one.
    """
    words = _WORDS.findall(text.casefold())
    if not words or len(words) > _DATELINE_MAX_WORDS or not any(w.isdigit() for w in words):
        return False
    names = [w for w in words if _DATE_NAME.match(w)]
    return bool(names) and all(_DATE_NAME.match(w) or _DATE_FILLER.match(w) for w in words)
