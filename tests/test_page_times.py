"""Publish and modified times with their zones, and the page's canonical URL."""

from __future__ import annotations

import json

import pytest

from tui.clean import clean
from tui.clean.html import clean_html
from tui.clean.html_meta import iso_date, iso_datetime, page_url
from tui.clean.text import clean_text
from tui.models import RawDocument

STORY = (
    "<p>A powerful storm hit the coast on Tuesday, flooding streets and cutting power "
    "to thousands of homes across the region.</p>"
    "<p>Officials said the damage was extensive, and that crews would work through "
    "the night to restore electricity to the worst hit towns.</p>"
    "<p>Residents were urged to stay indoors until the winds eased, according to the "
    "local emergency management office, which opened three shelters.</p>"
)


def page(head: str = "", body: str = "") -> str:
    """A minimal news page with `head` in <head> and `body` above the story."""
    return (
        f"<!DOCTYPE html><html><head><title>Storm hits coast</title>{head}</head>"
        f"<body><article>{body}{STORY}</article></body></html>"
    )


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def fetched(html: str, source: str = "https://news.example/2025/03/04/storm?ref=rss"):
    return clean(RawDocument(source=source, data=html.encode(), media_type="text/html"))


# --- publish times -------------------------------------------------------------


def test_json_ld_time_keeps_its_own_offset() -> None:
    head = jsonld({"@type": "NewsArticle", "datePublished": "2025-03-04T11:42:00+05:30"})
    assert clean_html(page(head)).published == "2025-03-04T11:42:00+05:30"


def test_meta_published_time_in_utc_z() -> None:
    head = '<meta property="article:published_time" content="2025-03-04T06:12:00.123Z">'
    assert clean_html(page(head)).published == "2025-03-04T06:12:00+00:00"


def test_time_element_without_a_zone_stays_naive() -> None:
    body = '<time datetime="2025-03-04T06:12:00">March 4</time>'
    assert clean_html(page(body=body)).published == "2025-03-04T06:12:00"


def test_rfc_2822_date() -> None:
    head = jsonld({"@type": "NewsArticle", "datePublished": "Tue, 04 Mar 2025 06:12:30 -0600"})
    assert clean_html(page(head)).published == "2025-03-04T06:12:30-06:00"


def test_date_only_stays_a_date() -> None:
    head = '<meta name="pubdate" content="2025-03-04">'
    assert clean_html(page(head)).published == "2025-03-04"


def test_a_later_source_adds_the_time_a_first_one_lacks() -> None:
    head = (
        '<meta name="date" content="2025-03-04">'
        '<meta name="pubdate" content="2025-03-05T01:00:00Z">'  # another day: not a refinement
        '<meta name="dc.date" content="2025-03-04T06:12:00-05:00">'
    )
    assert clean_html(page(head)).published == "2025-03-04T06:12:00-05:00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-04T06:12:00Z", "2025-03-04T06:12:00+00:00"),
        ("2025-03-04T06:12:00.5+0000", "2025-03-04T06:12:00+00:00"),
        ("2025-03-04T06:12-05:00", "2025-03-04T06:12:00-05:00"),
        ("2025-03-04 6:12:00 -0600", "2025-03-04T06:12:00-06:00"),
        ("2025-03-04 06:12:00 UTC", "2025-03-04T06:12:00+00:00"),
        ("2025-03-04T06:12:00.123456", "2025-03-04T06:12:00"),
        # JavaScript's Date.toString()
        ("Tue Mar 04 2025 06:12:00 GMT+0000 (UTC)", "2025-03-04T06:12:00+00:00"),
        ("04 Mar 2025 06:12 GMT", "2025-03-04T06:12:00+00:00"),
        ("Tue, 04 Mar 2025 06:12:00 -0000", "2025-03-04T06:12:00"),  # RFC 2822: zone unknown
        ("March 4, 2025, 06:12 PM EST", "2025-03-04"),  # email.utils would lose "PM"
        ("2025-03-04T06:12:00 EST", "2025-03-04"),  # a zone we cannot place
        ("2025-03-04T25:12:00Z", "2025-03-04"),
        ("2025-03-04T06:12:00+15:00", "2025-03-04"),
        ("2025/3/4", "2025-03-04"),
        ("0001-01-01T00:00:00Z", None),
        ("yesterday", None),
    ],
)
def test_iso_datetime(value: str, expected: str | None) -> None:
    assert iso_datetime(value) == expected
    assert iso_date(value) == (expected[:10] if expected else None)


# --- modified times --------------------------------------------------------------


def test_modified_is_read_and_never_taken_as_published() -> None:
    head = jsonld(
        {
            "@type": "NewsArticle",
            "datePublished": "2025-03-04T06:12:00+00:00",
            "dateModified": "2025-03-05T09:30:00+00:00",
        }
    )
    body = (
        '<p class="dates">Updated <time datetime="2025-03-05T09:30:00Z">Mar 5</time>'
        ' Published <time datetime="2025-03-04T06:12:00Z">Mar 4</time></p>'
    )
    cleaned = clean_html(page(head, body))
    assert cleaned.published == "2025-03-04T06:12:00+00:00"
    assert cleaned.modified == "2025-03-05T09:30:00+00:00"


def test_an_updated_time_shown_first_is_skipped_without_json_ld() -> None:
    body = (
        '<p>Updated: <time datetime="2025-03-05T09:30:00Z">Mar 5</time></p>'
        '<p>Published: <time datetime="2025-03-04T06:12:00Z">Mar 4</time></p>'
    )
    cleaned = clean_html(page(body=body))
    assert cleaned.published == "2025-03-04T06:12:00+00:00"
    assert cleaned.modified == "2025-03-05T09:30:00+00:00"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:modified_time" content="2025-03-05T09:30:00Z">',
        '<meta property="og:updated_time" content="2025-03-05T09:30:00+00:00">',
        '<meta name="last-modified" content="2025-03-05T09:30:00Z">',
        '<meta name="dc.date.modified" content="2025-03-05T09:30:00Z">',
        '<meta itemprop="dateModified" content="2025-03-05T09:30:00Z">',
    ],
)
def test_modified_meta_tags(head: str) -> None:
    cleaned = clean_html(page(head))
    assert cleaned.modified == "2025-03-05T09:30:00+00:00"
    assert cleaned.published != cleaned.modified


def test_time_element_marked_as_modified() -> None:
    body = (
        '<time itemprop="dateModified" datetime="2025-03-05T09:30:00+01:00">Mar 5</time>'
        '<time itemprop="datePublished" datetime="2025-03-04T06:12:00+01:00">Mar 4</time>'
    )
    cleaned = clean_html(page(body=body))
    assert cleaned.published == "2025-03-04T06:12:00+01:00"
    assert cleaned.modified == "2025-03-05T09:30:00+01:00"


def test_wordpress_published_updated_class_is_a_publish_time() -> None:
    body = '<time class="entry-date published updated" datetime="2025-03-04T06:12:00+00:00">'
    assert clean_html(page(body=body + "</time>")).published == "2025-03-04T06:12:00+00:00"


# --- canonical URL --------------------------------------------------------------


def test_relative_canonical_is_resolved_against_the_fetched_url() -> None:
    head = '<link rel="alternate canonical" href=" /news/storm-hits-coast ">'
    article = fetched(page(head))
    assert article.url == "https://news.example/news/storm-hits-coast"


def test_og_url_when_there_is_no_canonical_link() -> None:
    head = '<meta property="og:url" content="https://news.example/storm">'
    assert clean_html(page(head)).url == "https://news.example/storm"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>hi</b>",
        "https://news.example/a b",
        "https://news.example/a\x07b",
        "https://news.example/\u202eb",
        "https://news.example/" + "a" * 2000,
        "ftp://news.example/storm",
    ],
)
def test_unsafe_canonical_is_refused(href: str) -> None:
    # clean_html directly: clean() strips control and bidi characters from the whole
    # document before parsing, so those never reach the link.
    assert clean_html(page(f'<link rel="canonical" href="{href}">')).url is None


def test_a_refused_canonical_leaves_the_fetched_url() -> None:
    head = '<link rel="canonical" href="javascript:alert(1)">'
    assert fetched(page(head)).url == "https://news.example/2025/03/04/storm?ref=rss"


def test_a_refused_canonical_falls_back_to_og_url() -> None:
    head = (
        '<link rel="canonical" href="javascript:void(0)">'
        '<meta property="og:url" content="https://news.example/storm">'
    )
    assert clean_html(page(head)).url == "https://news.example/storm"


def test_file_without_canonical_has_no_url(tmp_path) -> None:
    article = clean(RawDocument(source=str(tmp_path / "storm.html"), data=page().encode()))
    assert article.url is None
    relative = '<link rel="canonical" href="/news/storm">'  # nothing to resolve it against
    assert clean(RawDocument(source="storm.html", data=page(relative).encode())).url is None


def test_fetched_page_without_canonical_keeps_the_fetched_url() -> None:
    assert fetched(page()).url == "https://news.example/2025/03/04/storm?ref=rss"


def test_clean_carries_times_through_to_the_article() -> None:
    head = (
        '<meta property="article:published_time" content="2025-03-04T06:12:00Z">'
        '<meta property="article:modified_time" content="2025-03-05T09:30:00Z">'
        '<link rel="canonical" href="https://news.example/storm">'
    )
    article = fetched(page(head))
    assert article.published == "2025-03-04T06:12:00+00:00"
    assert article.modified == "2025-03-05T09:30:00+00:00"
    assert article.url == "https://news.example/storm"


def test_page_url() -> None:
    assert page_url("  https://news.example/a  ") == "https://news.example/a"
    assert page_url("//news.example/a") is None
    assert page_url("//news.example/a", "https://x.example/") == "https://news.example/a"
    assert page_url("http://[::1") is None
    assert page_url("/a", "file:///tmp/x.html") is None


# --- text dumps -------------------------------------------------------------------

DUMP = """Menu
News

City council approves new bus lanes
By Tom Baker
Updated: March 5, 2025 09:30 GMT
Published: March 4, 2025 06:12 UTC

The city council voted on Tuesday to add dedicated bus lanes on four of the busiest roads in \
the centre, ending a debate that had run for more than a year.

Supporters said the lanes would cut journey times for tens of thousands of passengers every day.

Opponents warned that shops along the routes could lose passing trade when parking spaces \
are removed.
"""


def test_text_dump_published_and_updated_lines_keep_time_and_zone() -> None:
    cleaned = clean_text(DUMP)
    assert cleaned.published == "2025-03-04T06:12:00+00:00"
    assert cleaned.modified == "2025-03-05T09:30:00+00:00"


def test_text_dump_with_an_unclear_zone_keeps_the_day() -> None:
    cleaned = clean_text(DUMP.replace("06:12 UTC", "06:12 IST"))
    assert cleaned.published == "2025-03-04"


def test_text_dump_with_only_an_updated_line_keeps_its_day_as_before() -> None:
    cleaned = clean_text(DUMP.replace("Published: March 4, 2025 06:12 UTC\n", ""))
    assert cleaned.published == "2025-03-05"
    assert cleaned.modified == "2025-03-05T09:30:00+00:00"


def test_text_dump_date_field_keeps_its_time() -> None:
    cleaned = clean_text("date 2025-03-04T06:12:00Z " + DUMP)
    assert cleaned.published == "2025-03-04T06:12:00+00:00"
