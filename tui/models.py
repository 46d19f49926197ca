"""Plain data passed between pipeline stages: sources -> raw -> article -> library."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawDocument:
    """Bytes as read from a file, stdin or URL, before decoding.

    `media_type` is what the transport said ("text/html", "text/plain") or None
    when unknown (files); `charset` is a declared encoding (HTTP header) if any.
    """

    source: str
    data: bytes
    media_type: str | None = None
    charset: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence with its character offsets into the article text."""

    i: int
    start: int
    end: int
    text: str


@dataclass
class Article:
    """A cleaned article: the story text and what the page says about it.

    `text` holds paragraphs separated by blank lines; `content_hash` is the
    sha256 of the original bytes, so identical input is recognised.
    `published` and `modified` are ISO 8601 as the page gives them: with time
    and UTC offset ("2025-03-04T06:12:00+00:00") when known, a bare date
    ("2025-03-04") when only the day is known. `url` is the canonical URL
    (`rel=canonical`, `og:url`), else the URL fetched, else None.
    """

    source: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    modified: str | None = None
    url: str | None = None
    byline: str | None = None
    credit: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    # whose body was kept: "readability", "trafilatura", "page text" or "text dump"
    extractor: str | None = None
    # where the title came from: "page" (the page's headline) or "lead" (none printed)
    title_from: str | None = None


@dataclass
class Cleaned:
    """What a cleaner returns: the body text plus any metadata it recovered.

    Times and `url` follow `Article`'s conventions.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    modified: str | None = None
    url: str | None = None
    byline: str | None = None
    credit: str | None = None
    extractor: str | None = None  # see Article.extractor


@dataclass
class IndexDelta:
    """What the library holds that a candidate index (tui/match/index.py) has not
    seen yet, as the store reads it (tui/store/plans.index_delta).

    `sentences`: (id, article id, folded text, fold hash, packed shingles, quote
    flags) of keyed sentences stored after the index's last look, in id order;
    `top_sentence`: the largest sentence id stored; `articles`: (id, outlet,
    source, tokens) of articles stored after its last look; `boilerplate`: every
    boilerplate fold hash; `retired`: every older version's id; `links` and
    `exact_links`: article pairs sharing a matched (an exact) sentence, where
    the later one is new to the index.
    """

    sentences: list[tuple] = field(default_factory=list)
    top_sentence: int = 0
    articles: list[tuple] = field(default_factory=list)
    boilerplate: list[int] = field(default_factory=list)
    retired: list[int] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    exact_links: list[tuple[int, int]] = field(default_factory=list)
