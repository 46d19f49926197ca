"""clean_html on small made-up pages: body paragraphs, each metadata source, hostile markup."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import readability
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tui.clean.html as html_module
from tui.clean.html import clean_html
from tui.clean.html_meta import iso_date
from tui.clean.html_title import strip_site_name
from tui.errors import SourceError

P1 = (
    "A powerful storm hit the coast on Tuesday, flooding streets and cutting power "
    "to thousands of homes across the region."
)
P2 = (
    "Officials said the damage was extensive, and that crews would work through "
    "the night to restore electricity to the worst hit towns."
)
P3 = (
    "Residents were urged to stay indoors until the winds eased, according to the "
    "local emergency management office, which opened three shelters."
)
STORY = f"<p>{P1}</p>\n<p>{P2}</p>\n<p>{P3}</p>"


def page(head: str = "", body: str = STORY, title: str = "Storm hits coast") -> str:
    """A minimal news page: navigation, an article and a footer around `body`."""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article>{body}</article><footer>Copyright 2019 The Daily Planet</footer>"
        "</body></html>"
    )


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- body ---------------------------------------------------------------------


def test_paragraphs_are_kept_and_joined_by_one_blank_line() -> None:
    assert clean_html(page()).text == f"{P1}\n\n{P2}\n\n{P3}"


def test_br_is_a_space_and_whitespace_collapses_within_a_paragraph() -> None:
    body = STORY.replace("damage was", "damage\n   was<br>") + "<p>  Line one<br/>line\ttwo.  </p>"
    text = clean_html(page(body=body)).text
    assert "damage was extensive" in text.replace("  ", " ")
    assert "damage  was" not in text
    assert text.endswith("\n\nLine one line two.")


LINKED = (
    '<p>Rep. <a href="/p/omar">Ilhan Omar</a> (D-Minn.) said the vote should come before '
    'the recess, and <a href="/m/x">The Lumineers</a> will play a benefit for the relief fund.</p>'
    '<p><a href="/audit.pdf">The full audit report, published by the state comptroller on '
    "Tuesday morning, found that the agency overspent by 14 percent.</a></p>"
)
RELATED = (
    '<ul><li><a href="/1">Senate passes budget deal after long night</a></li>'
    '<li><a href="/2">Governor signs new housing law</a></li></ul>'
    '<p><a href="/3">Floods force thousands from homes</a> <a href="/4">Bridge to reopen</a></p>'
)


def test_links_are_text_and_only_lists_of_links_go() -> None:
    text = clean_html(page(body=STORY + LINKED + RELATED)).text
    assert "Rep. Ilhan Omar (D-Minn.) said" in text
    assert "and The Lumineers will play" in text
    assert "\n\nThe full audit report, published by the state comptroller" in text
    for teaser in ("Senate passes", "Governor signs", "Floods force", "Bridge to reopen"):
        assert teaser not in text


@pytest.mark.parametrize("breaks", ["<br><br>", "<br/>\n  <br />", "<br>&nbsp;<br>"])
def test_two_line_breaks_end_a_paragraph(breaks: str) -> None:
    """Pages built without `<p>`: a subhead between `<br><br>` pairs stands alone."""
    body = f"<div>{P1}{breaks}Shelters open{breaks}{P2}<br>{P3}</div>"
    assert clean_html(page(body=body)).text.split("\n\n") == [
        P1,
        "Shelters open",
        f"{P2} {P3}",
    ]


@pytest.mark.parametrize(
    "holder",
    ["<table><tr><td>{}</td></tr></table>", "<font size='2'>{}</font>", "<span>{}</span>"],
)
def test_text_in_cells_font_and_span_is_found_without_the_site_tagline(holder: str) -> None:
    """Old pages with no `<p>`: the story is `<br>`-separated text; the tagline is not story."""
    story = f"{P1}<br><br>{P2}<br><br>{P3}"
    html = (
        "<html><head><title>Storm hits coast</title></head><body>"
        "<div class='tagline'>Your window on the bay, every day since 1887</div>"
        f"{holder.format(story)}</body></html>"
    )
    text = clean_html(html).text
    assert text.split("\n\n") == [P1, P2, P3]


def _linked(paragraph: str) -> str:
    """Every three words of four a link, as pages that link each name and place do."""
    words = paragraph.split()
    return " ".join(
        f"<a href='/t/{i}'>{' '.join(words[i : i + 3])}</a> {' '.join(words[i + 3 : i + 4])}"
        for i in range(0, len(words), 4)
    )


BLURB = (
    "The Harbour Gazette has served the towns of the bay since 1887, with news, sport and "
    "weather from our newsroom on Quay Street and our reporters across the four counties."
)


def test_a_doubtful_pick_gets_a_second_opinion() -> None:
    """readability scores the linked story below the site's blurb; trafilatura finds it."""
    paragraphs = [P1, P2, P3, P1.replace("Tuesday", "Monday"), P2.replace("night", "day")]
    story = "".join(f"<p>{_linked(p)}</p>" for p in paragraphs)
    html = (
        "<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1>"
        f"<div class='story'>{story}</div><div class='site-info'><p>{BLURB}</p></div></body></html>"
    )
    cleaned = clean_html(html)
    assert cleaned.extractor == "trafilatura"
    assert P1 in cleaned.text and P3 in cleaned.text and "Gazette" not in cleaned.text
    # a page readability reads well never asks
    assert clean_html(page()).extractor == "readability"


def test_block_elements_become_paragraphs() -> None:
    body = (
        f"<h2>Shelters open</h2><p>{P1}</p><ul><li>First item of the list.</li>"
        f"<li>Second item.</li></ul><blockquote>We lost everything, said one man.</blockquote>"
        f"<div>{P2}</div><p>{P3}</p>"
    )
    paragraphs = clean_html(page(body=body)).text.split("\n\n")
    assert paragraphs == [
        "Shelters open",
        P1,
        "First item of the list.",
        "Second item.",
        "We lost everything, said one man.",
        P2,
        P3,
    ]


def test_script_style_and_noscript_text_is_dropped() -> None:
    body = (
        f"<p>{P1}</p><script>var secret = 'SCRIPTTEXT';</script>"
        f"<style>.x {{ color: red }} /* STYLETEXT */</style><p>{P2}</p>"
        f"<noscript>NOSCRIPTTEXT enable JavaScript</noscript><p>{P3}</p>"
    )
    head = "<script>var HEADSCRIPT = 1;</script><style>body{}</style>"
    text = clean_html(page(head=head, body=body)).text
    for junk in ("SCRIPTTEXT", "STYLETEXT", "NOSCRIPTTEXT", "HEADSCRIPT", "color"):
        assert junk not in text
    assert text == f"{P1}\n\n{P2}\n\n{P3}"


def test_headline_is_not_repeated_as_the_first_paragraph() -> None:
    cleaned = clean_html(page(body=f"<h1>Storm hits coast</h1>{STORY}"))
    assert cleaned.title == "Storm hits coast"
    assert cleaned.text.startswith(P1)


def test_a_first_paragraph_that_differs_from_the_title_stays() -> None:
    cleaned = clean_html(page(body=f"<h2>Shelters open</h2>{STORY}"))
    assert cleaned.text.startswith("Shelters open\n\n")


# --- metadata -----------------------------------------------------------------


def test_open_graph_and_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Storm batters the coast | The Daily Planet">'
        '<meta property="og:site_name" content="The Daily Planet">'
        '<meta property="article:published_time" content="2019-11-19T23:30:00-05:00">'
        '<meta name="author" content="Jane Doe">'
    )
    cleaned = clean_html(page(head=head))
    assert cleaned.title == "Storm batters the coast"
    assert cleaned.outlet == "The Daily Planet"
    assert cleaned.published == "2019-11-19T23:30:00-05:00"  # the publisher's offset, not UTC
    assert cleaned.byline == "Jane Doe"


def test_twitter_title_when_there_is_no_og_title() -> None:
    head = '<meta name="twitter:title" content="Storm batters the coast">'
    assert clean_html(page(head=head)).title == "Storm batters the coast"


def test_json_ld_article_inside_a_graph() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Planet Site"},
            {
                "@type": "NewsArticle",
                "headline": "Storm batters the coast",
                "datePublished": "2019-11-19T10:00:00Z",
                "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],
                "publisher": {"@type": "Organization", "name": "The Daily Planet"},
            },
        ],
    }
    cleaned = clean_html(page(head=jsonld(data), title="Planet Site"))
    assert cleaned.title == "Storm batters the coast"
    assert cleaned.published == "2019-11-19T10:00:00+00:00"
    assert cleaned.byline == "Jane Doe and John Roe"
    assert cleaned.outlet == "The Daily Planet"


def test_invalid_json_ld_is_ignored() -> None:
    head = (
        '<script type="application/ld+json">{"headline": "Broken",}</script>'
        '<meta name="pubdate" content="2020-02-03">'
    )
    cleaned = clean_html(page(head=head))
    assert cleaned.title == "Storm hits coast"
    assert cleaned.published == "2020-02-03"


def test_meta_date_and_author_names() -> None:
    head = '<meta name="date" content="2018/10/09"><meta name="byl" content="By Ann Smith">'
    cleaned = clean_html(page(head=head))
    assert cleaned.published == "2018-10-09"
    assert cleaned.byline == "Ann Smith"


def test_time_element_prefers_the_marked_publication_time() -> None:
    body = (
        '<time datetime="2021-01-01">Related story</time>'
        f'<p class="byline">By Jane Doe</p>{STORY}'
        '<time itemprop="datePublished" datetime="2020-02-03T08:00:00Z">Feb 3</time>'
    )
    cleaned = clean_html(page(body=body))
    assert cleaned.published == "2020-02-03T08:00:00+00:00"
    assert cleaned.byline == "Jane Doe"


def test_a_person_wins_over_an_organisation_in_meta_author() -> None:
    head = '<meta name="author" content="Harbour Broadcasting Corporation">' + jsonld(
        {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Okafor"}]}
    )
    assert clean_html(page(head=head)).byline == "Jane Okafor"
    # and with no JSON-LD, the visible byline beats the organisation
    body = f'<div class="byline">By <a href="/a/1">Jane Okafor</a></div>{STORY}'
    head = '<meta name="author" content="Harbour Broadcasting Corporation">'
    assert clean_html(page(head=head, body=body)).byline == "Jane Okafor"
    # an organisation is a byline when nothing names a person
    assert clean_html(page(head=head)).byline == "Harbour Broadcasting Corporation"


def test_the_byline_inside_the_article_and_innermost_wins() -> None:
    latest = (
        '<aside><h3>Latest</h3><div class="byline">By Tom Latest</div>'
        '<a href="/x">Another story</a></aside>'
    )
    story = (
        '<div class="byline-block"><span class="byline">By <a rel="author" href="/p">'
        "Amira Haddad</a> | March 3, 2025</span></div>" + STORY
    )
    html = (
        "<!DOCTYPE html><html><head><title>Storm hits coast</title></head><body>"
        f"{latest}<article>{story}</article></body></html>"
    )
    assert clean_html(html).byline == "Amira Haddad"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Tom Krisher, AP Auto Writer", "Tom Krisher"),
        ("By Jane Doe, Senior Correspondent | May 2, 2024", "Jane Doe"),
        ("By Ana López, Carlos Ruiz and Marta Gil", "Ana López, Carlos Ruiz and Marta Gil"),
        ("Von Eva Braun und Max Weber", "Eva Braun and Max Weber"),
        ("Analysis by Chris Cillizza, Editor-at-large", "Chris Cillizza"),
        ("By Rachael Link, MS, RD", "Rachael Link"),
        ("By Meg Kinnard and Errin Haines, Associated Press", "Meg Kinnard and Errin Haines"),
    ],
)
def test_job_titles_go_and_several_names_stay_names(byline: str, expected: str) -> None:
    body = f'<p class="byline">{byline}</p>{STORY}'
    assert clean_html(page(body=body)).byline == expected


@pytest.mark.parametrize("byline", ["By The Associated Press", "By Tom Krisher, AP Auto Writer"])
def test_an_agency_byline_is_the_wire_credit(byline: str) -> None:
    cleaned = clean_html(page(body=f'<p class="byline">{byline}</p>{STORY}'))
    assert cleaned.credit == "AP"
    assert cleaned.byline == (None if "Associated" in byline else "Tom Krisher")


@pytest.mark.parametrize(
    "banner",
    [
        "<div class='banner'><p>We use cookies to improve your experience. By clicking Accept"
        " all you agree to our use of cookies.</p><button>Accept all</button></div>",
        "<div id='cmp-consent'><p>Manage your privacy choices for this site.</p></div>",
        "<p>Wir verwenden Cookies, um unsere Website für Sie zu verbessern.</p>",
    ],
)
def test_cookie_banners_are_not_story(banner: str) -> None:
    text = clean_html(page(body=banner + STORY)).text
    assert text == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_byline_line_in_the_body_is_metadata() -> None:
    body = f"<p>By Jane Okafor, March 4, 2025 10:30 am</p>{STORY}"
    cleaned = clean_html(page(body=body))
    assert (cleaned.byline, cleaned.published) == ("Jane Okafor", "2025-03-04")
    assert cleaned.text.startswith(P1)


def test_rel_author_link() -> None:
    body = f'<p>Words by <a rel="author" href="/staff/jd">Jane Doe</a></p>{STORY}'
    assert clean_html(page(body=body)).byline == "Jane Doe"


def test_author_urls_are_not_bylines() -> None:
    head = '<meta property="article:author" content="https://www.facebook.com/janedoe">'
    assert clean_html(page(head=head)).byline is None


def test_htmldate_finds_a_date_nothing_else_marks() -> None:
    url = "https://www.example.com/2019/11/19/storm-hits-coast.html"
    assert clean_html(page(), url=url).published == "2019-11-19"


def test_outlet_falls_back_to_the_url_host() -> None:
    unnamed = page().replace("Copyright 2019 The Daily Planet", "")
    cleaned = clean_html(unnamed, url="https://www.example.co.uk:8080/news/storm")
    assert cleaned.outlet == "example.co.uk"
    assert clean_html(unnamed).outlet is None
    assert clean_html(page()).outlet == "The Daily Planet"  # the copyright line names it


@pytest.mark.parametrize(
    ("head", "url", "outlet"),
    [
        # a bare stem gives way to a fuller spelling of the same name
        ('<meta property="og:site_name" content="harbourtimes">', None, "Harbour Times"),
        # a list of sections or a tagline after the name goes
        ('<meta property="og:site_name" content="Autoracing | F1 | Indy | NASCAR">', None,
         "Autoracing"),
        ("<meta property=\"og:site_name\" content=\"LinkNaija | Nigeria's news platform\">",
         None, "LinkNaija"),
        # a section alone gives way to the name the host backs
        ('<meta property="og:site_name" content="U.S."><meta name="twitter:site" content="@Wire">',
         "https://www.wire.example/markets/oil", "Wire"),
        ('<meta property="og:site_name" content="@factdesk">', None, "factdesk"),
    ],
)  # fmt: skip
def test_the_outlet_is_the_name_the_site_prints(head: str, url: str | None, outlet: str) -> None:
    footer = "Copyright 2019 The Daily Planet"
    html = page(head=head).replace(footer, "© 2025 Harbour Times. All rights reserved.")
    if outlet != "Harbour Times":
        html = html.replace("© 2025 Harbour Times. All rights reserved.", "")
    assert clean_html(html, url=url).outlet == outlet


def test_application_name_is_an_outlet() -> None:
    head = '<meta name="application-name" content="Planet News">'
    assert clean_html(page(head=head), url="https://planet.example/x").outlet == "Planet News"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Storm hits coast | The Daily Planet", "Storm hits coast"),
        ("Storm hits coast - The Daily Planet", "Storm hits coast"),
        ("Storm hits coast — The Daily Planet", "Storm hits coast"),
        ("The Daily Planet | Storm hits coast", "Storm hits coast"),
        ("Storm hits coast | World | The Daily Planet", "Storm hits coast"),
        # unknown site names: short capitalised suffixes go, lower-case words stay
        ("Storm hits the coast - World News", "Storm hits the coast"),
        ("Storm hits the coast | ACME", "Storm hits the coast"),
        ("Man bites dog - again", "Man bites dog - again"),
        ("Brexit: what happens next", "Brexit: what happens next"),
        ("Trump - Ukraine call: what we know so far", "Trump - Ukraine call: what we know so far"),
        # web addresses, sections and labels at either end
        ("Dailyplanet.com: Storm hits coast", "Storm hits coast"),
        ("Storm hits coast : dailyplanet.com.au", "Storm hits coast"),
        ("Opinion | Storm hits coast", "Storm hits coast"),
        ("World | Storm hits coast | The Daily Planet", "Storm hits coast"),
        (
            "Fact Check: Is the storm the worst in a century?",
            "Is the storm the worst in a century?",
        ),
        ("BREAKING: Storm hits coast", "Storm hits coast"),
        ("PLANET NEWS | Storm hits coast", "Storm hits coast"),
        ("Storm hits coast « The Daily Planet", "Storm hits coast"),
        ("Storm hits coast | Local | dailyplanet.com", "Storm hits coast"),
    ],
)
def test_site_names_are_stripped_from_titles(title: str, expected: str) -> None:
    assert strip_site_name(title, {"thedailyplanet"}) == expected


def test_a_part_the_h1_prints_alike_is_the_headline() -> None:
    html = page(title="Harbour Gazette - Storm hits coast").replace(
        "<article>", "<article><h1>Storm hits coast</h1>"
    )
    assert clean_html(html).title == "Storm hits coast"


def test_title_suffix_stripped_using_the_url_host() -> None:
    url = "https://planetnews.com/a"
    assert clean_html(page(title="Storm hits coast - Planetnews.com"), url).title == (
        "Storm hits coast"
    )


def test_a_headline_starting_with_the_site_name_keeps_it() -> None:
    assert (
        strip_site_name("Planet view on storms | Editorial", {"planet"}) == "Planet view on storms"
    )


def test_site_name_parts_are_each_recognised() -> None:
    head = '<meta property="og:site_name" content="The Daily Planet | Planet.com">'
    title = "Storm hits coast - Breaking News - The Daily planet"
    assert clean_html(page(head=head, title=title)).title == "Storm hits coast"


def test_an_h1_unrelated_to_the_title_is_a_logo_not_the_headline() -> None:
    body = f"<h1>Planet Media</h1>{STORY}"
    assert clean_html(page(body=body, title="Storm hits coast")).title == "Storm hits coast"


def test_a_url_as_site_name_becomes_its_host() -> None:
    head = '<meta property="og:site_name" content="https://www.planet.example">'
    assert clean_html(page(head=head)).outlet == "planet.example"


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe | November 18, 2019",
        "Jane DoeMonday, November 18, 2019",
        "By Jane Doe 27/09/2018 Comments",
        "Jane Doe Published 10:00 AM",
    ],
)
def test_byline_elements_lose_their_dates(byline: str) -> None:
    body = f'<div class="article-byline">{byline}</div>{STORY}'
    assert clean_html(page(body=body)).byline == "Jane Doe"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-19T10:00:00Z", "2019-11-19"),
        ("20191119", "2019-11-19"),
        ("2019/1/9", "2019-01-09"),
        ("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19"),
        ("2019-02-30", None),
        ("1066-10-14", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


# --- credit -------------------------------------------------------------------


def test_credit_comes_from_find_credit_on_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(html_module, "find_credit", lambda text: seen.append(text) or "Reuters")
    cleaned = clean_html(page())
    assert cleaned.credit == "Reuters"
    assert seen == [cleaned.text]


def test_unfinished_find_credit_means_no_credit(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_yet(text: str) -> str | None:
        raise NotImplementedError

    monkeypatch.setattr(html_module, "find_credit", not_yet)
    assert clean_html(page()).credit is None


# --- hostile input ------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n\t ",
        "<html></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>document.write('hi')</script><style>p{}</style></body></html>",
        "<!-- nothing but a comment -->",
        "\x00\x01\x02",
    ],
)
def test_pages_without_text_raise_source_error(html: str) -> None:
    with pytest.raises(SourceError, match="no article text found"):
        clean_html(html)


def test_malformed_markup_still_yields_the_story() -> None:
    body = (
        f"<p>{P1}<p>{P2}</b></i></div></span><p class='x>{P3}"
        "<table><tr><td>cell<td>other</table></article></body></html></html><p>after the end"
    )
    text = clean_html(page(body=body)).text
    assert P1 in text
    assert P2 in text


def test_encoding_declaration_in_a_str_is_harmless() -> None:
    html = '<?xml version="1.0" encoding="ISO-8859-1"?>' + page()
    assert clean_html(html).text.startswith(P1)


def test_lone_surrogates_and_control_characters_do_not_crash() -> None:
    text = clean_html(page(body=STORY + "<p>bad \ud800 char \x0b here and more words</p>")).text
    assert text.startswith(P1)


def test_deep_nesting_falls_back_to_flat_text() -> None:
    depth = 50_000
    html = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + STORY
        + "</div>" * depth
        + "<p>After the nest.</p></body></html>"
    )
    text = clean_html(html).text
    assert text == f"{P1}\n\n{P2}\n\n{P3}\n\nAfter the nest."


def test_a_text_node_past_lxml_size_limit_falls_back_to_flat_text() -> None:
    # libxml2 stops at 10 MB of text in one node unless told otherwise.
    words = "word " * 2_100_000
    text = clean_html(page(body=f"<p>{P1}</p><p>{words}</p>")).text
    assert text.startswith("Home World\n\n" + P1)
    assert text.count("word") == 2_100_000


def test_unparseable_flat_text_is_a_one_line_source_error() -> None:
    html = "<div>" * 300 + "<![bogus[ markup ]]>" + STORY
    with pytest.raises(SourceError, match="^unreadable HTML: [^\n]+$"):
        clean_html(html)


def test_deep_unclosed_inline_tags() -> None:
    html = page(body="<b><i><font>" * 5_000 + STORY)
    assert P3 in clean_html(html).text


def test_huge_json_ld_nesting_is_ignored() -> None:
    head = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    assert clean_html(page(head=head)).title == "Storm hits coast"


def test_readability_failure_falls_back_to_the_page_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(readability.Document, "score_paragraphs", broken)
    text = clean_html(page()).text
    assert text.startswith("Home World\n\n")
    assert P3 in text


def test_nothing_is_printed_even_when_readability_logs_a_traceback() -> None:
    # pytest captures logging itself, so only a fresh interpreter shows what a user would see.
    script = (
        "import readability\n"
        "from tui.clean.html import clean_html\n"
        "def broken(self): raise ValueError('boom')\n"
        "readability.Document.score_paragraphs = broken\n"
        "clean_html('<p>Some words here.</p>' * 3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


_FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<title>",
        "<meta property='og:title' content='x'>",
        '<time datetime="2019-13-45">',
        "&amp;",
        "&#0;",
        "&#xD800;",
        "<",
        ">",
        "\x00",
        " Some words of text. ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS | st.text(max_size=20), max_size=40))
def test_arbitrary_markup_gives_text_or_source_error(parts: list[str]) -> None:
    try:
        cleaned = clean_html("".join(parts))
    except SourceError as error:
        assert "\n" not in str(error)
    else:
        assert cleaned.text.strip()
        assert "\n\n\n" not in cleaned.text


def test_doubt_is_measured_against_the_page_prose() -> None:
    from tui.clean.html_second import coverage, doubtful

    prose = [P1, P2, P3, BLURB]
    assert doubtful([], prose)  # nothing picked from a page with prose
    assert doubtful([BLURB], prose)  # a quarter of the prose
    assert not doubtful([P1, P2, P3], prose)
    assert coverage([P1, P2], prose) == pytest.approx((len(P1) + len(P2)) / sum(map(len, prose)))
    assert not doubtful([], [])  # no prose at all: nothing to doubt


def test_a_pick_beside_the_headlines_story_element_gets_a_second_opinion() -> None:
    """A one-paragraph post in its schema.org element, beside a bigger list of teasers:
    readability takes the teasers, which hold none of the headline's story."""
    post = (
        "Loving yourself is where every other love begins, the counsellor wrote, because "
        "nobody else can fill a gap we dig ourselves. We ask others to be responsible for "
        "our needs while we abandon them, and each new relationship repeats the last one. "
        "Each of us is the only one responsible for our own needs, and only someone who "
        "loves themselves can find a love that lasts. Dissatisfaction and an inner void "
        "turn into an endless search for new relationships, whose frustrating ends repeat, "
        "and we condition love on our neurotic needs until we put an end to it."
    )
    teaser = (
        "Optimism and courage let us hope for the best and make the best happen, teaser "
        "number {n} begins, before it asks the reader to click through to read the rest of "
        "this other post on another page of the site, where pessimism, it says, only "
        "stiffens the smile and locks the joints, and lets nobody leave their place …"
    )
    teasers = "<article class='postbox'><h3>You may also like...</h3>" + "".join(
        f"<article class='postbox'><p>{teaser.format(n=n)}</p></article>" for n in range(8)
    )
    html = (
        "<html><head><title>Only those who love themselves</title></head><body>"
        "<div id='primary'><article itemscope itemtype='http://schema.org/BlogPosting'>"
        "<h1 itemprop='headline'>Only those who love themselves</h1>"
        f"<p>{post}</p><p><a href='/c1'>Self-esteem</a>, <a href='/c2'>Life</a></p></article>"
        f"{teasers}</article></div></body></html>"
    )
    cleaned = clean_html(html)
    assert cleaned.extractor == "trafilatura"
    assert cleaned.text.startswith("Loving yourself is where every other love begins")


def test_a_script_inside_the_headline_is_not_part_of_the_title() -> None:
    page = (
        "<html><body><article><h1>Council <script>alert(1)</script>approves "
        "<style>h1{color:red}</style>budget</h1><p>The council approved the budget on "
        "Tuesday after a long debate about the schools and the roads of the town.</p>"
        "</article></body></html>"
    )
    assert clean_html(page).title == "Council approves budget"
