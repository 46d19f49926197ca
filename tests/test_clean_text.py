"""The plain-text page-dump cleaner (tui.clean.text) on the seeds and on dumps of other shapes.

The seeds are real pages; the other dumps are written here to prove the rules
are general: other menus and footers, a blog, German, French and Spanish pages,
a newsletter box mid-story, captions, a wire story, teaser cards, comments,
hard-wrapped text and a bare article.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.clean import boilerplate, clean
from tui.clean.meta import find_byline
from tui.clean.text import clean_text
from tui.models import Cleaned, RawDocument

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CLEAN = Path(__file__).resolve().parent.parent / "tui" / "clean"


def seed(prefix: str) -> Cleaned:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean_text(path.read_text(encoding="utf-8"))


def paragraphs(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n\n")


def assert_well_formed(cleaned: Cleaned) -> None:
    """Paragraphs are single lines with collapsed spaces, separated by one blank line."""
    assert cleaned.text == cleaned.text.strip()
    for paragraph in paragraphs(cleaned):
        assert paragraph
        assert "\n" not in paragraph
        assert paragraph == " ".join(paragraph.split())


# --- the seeds -----------------------------------------------------------------


def test_seed_000_keeps_the_story_and_drops_appended_stories() -> None:
    cleaned = seed("000")
    assert_well_formed(cleaned)
    assert cleaned.title == "Japan willing to resume peace talks with Russia"
    body = paragraphs(cleaned)
    assert len(body) == 10  # the dump lacks the lead; these are all its story paragraphs
    assert body[0].startswith("'In order to build stable relations with Russia")
    assert body[-1].endswith("seeks to undermine Russia's interests.")
    for furniture in (
        "Try Our AI Features",
        "Explore what",
        "Comments",
        "Related Articles",
        "United News of India",
        "Time of India",
        "Lavrov",
        "tariff",
    ):
        assert furniture not in cleaned.text
    assert cleaned.published is None  # "31 minutes ago" belongs to another story
    assert cleaned.credit is None


def test_seed_001_drops_menus_posts_and_login_and_reads_metadata() -> None:
    cleaned = seed("001")
    assert_well_formed(cleaned)
    assert cleaned.title == "Japan Willing To Resume Peace Talks With Russia"
    assert cleaned.published == "2025-07-15"
    assert cleaned.outlet == "Ommcom News"
    assert cleaned.credit == "IANS"
    body = paragraphs(cleaned)
    assert body[0].startswith("Moscow: Japan is open")
    assert body[-1].endswith("undermine Russia’s interests.")
    assert len(body) == 11
    for furniture in (
        "Feedback",
        "Odisha",
        "No Result",
        "Home",
        "Tags",
        "ShareTweet",
        "Previous Post",
        "Next Post",
        "Related Posts",
        "Xinhua",
        "Password",
        "Login",
        "©",
        "OMMCOM",
        "July 15, 2025",
    ):
        assert furniture not in cleaned.text
    assert cleaned.title not in cleaned.text


def test_seed_002_lifts_the_date_field_and_keeps_the_dateline() -> None:
    cleaned = seed("002")
    assert_well_formed(cleaned)
    assert cleaned.published == "2025-07-15"
    assert cleaned.credit == "IANS"
    assert cleaned.title is None
    body = paragraphs(cleaned)
    assert body[0].startswith("Moscow, July 15 (IANS) Japan is open")
    assert body[-1].endswith("undermine Russia’s interests.")
    assert len(body) == 11
    assert "date 2025" not in cleaned.text
    assert "--IANS" not in cleaned.text
    assert "int/scor/rs" not in cleaned.text


def test_seed_003_drops_repeated_headline_teaser_and_disclaimer() -> None:
    cleaned = seed("003")
    assert_well_formed(cleaned)
    assert cleaned.title == "Russia welcomes new Japanese govt's push for peace treaty"
    assert cleaned.published == "2025-10-24"
    assert cleaned.credit == "IANS"
    assert cleaned.byline is None  # "By IANS" is the agency, recorded as the credit
    body = paragraphs(cleaned)
    assert body[0].startswith("Moscow, Oct 24 The Kremlin spokesperson")
    assert body[-1].endswith("undermine Russia’s interests.")
    assert cleaned.title not in cleaned.text
    assert "welcomed ..." not in cleaned.text
    assert sum(p.startswith("Moscow, Oct 24") for p in body) == 1
    assert "Disclaimer" not in cleaned.text
    assert "Open in app" not in cleaned.text
    assert "By IANS" not in cleaned.text


def test_seed_004_collapses_repeats_and_drops_label_and_editor_credit() -> None:
    cleaned = seed("004")
    assert_well_formed(cleaned)
    assert cleaned.title == "Japan Wants to Conclude a Peace Treaty with Russia"
    assert cleaned.published is None
    body = paragraphs(cleaned)
    assert len(body) == len(set(body)) == 6
    assert body[0].startswith("Due to the situation in Ukraine")
    assert sum(p.startswith("Prime Minister of Japan Shigeru Isiba") for p in body) == 1
    assert "World" not in body
    assert "Powered by" not in cleaned.text


# --- dumps of other shapes --------------------------------------------------------

BLOG = """Skip to content
Menu
Home
About
Archive
Contact

Notes from the Allotment
A gardening blog

Why my tomatoes split this summer
Posted on August 3, 2024 by Priya Raman

Every gardener knows the heartbreak of a ripe tomato that cracks open the day before \
picking. This summer it happened to nearly half of my crop, and I wanted to understand why.

The short answer is water. After three dry weeks, a thunderstorm soaked the beds overnight, \
and the fruit swelled faster than its skin could stretch.

What I will do differently

Next year I plan to mulch the beds thickly in June, so the soil holds moisture evenly through \
the dry spells.

I will also water in the morning rather than the evening, which the old hands at the \
allotment swear by.

Share this:
Twitter
Facebook
Like this:
Like Loading...
Related

Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Email *
Website
Post Comment
"""


def test_blog_layout() -> None:
    cleaned = clean_text(BLOG)
    assert_well_formed(cleaned)
    assert cleaned.title == "Why my tomatoes split this summer"
    assert cleaned.published == "2024-08-03"
    assert cleaned.byline == "Priya Raman"
    body = paragraphs(cleaned)
    assert body[0].startswith("Every gardener knows")
    assert "What I will do differently" in body  # a subheading inside the story stays
    assert body[-1].endswith("swear by.")
    assert len(body) == 5
    for furniture in ("Menu", "Allotment\n", "Share", "Twitter", "Reply", "Email", "Posted"):
        assert furniture not in cleaned.text


GERMAN = """Startseite
Politik
Wirtschaft
Sport
Kultur
Suche
Anmelden

Politik
Stadtrat beschließt neue Regeln für Radwege
Veröffentlicht am 3. März 2024, 14:05 Uhr
Von Anna Schmidt
Teilen
Drucken

Hamburg (dpa) - Der Stadtrat hat am Montag neue Regeln für den Ausbau der Radwege \
beschlossen. Künftig sollen alle Hauptstraßen einen geschützten Radstreifen erhalten.

Die Opposition kritisierte die Kosten des Vorhabens, die auf rund zwölf Millionen Euro \
geschätzt werden. Der Bürgermeister verteidigte den Plan als Investition in die Sicherheit.

Anzeige

Die ersten Arbeiten sollen bereits im Sommer beginnen. Anwohner werden vorab in mehreren \
Versammlungen informiert.

Mehr zum Thema
Radverkehr: Wie andere Städte planen
Neue Ampeln für Fußgänger

Kommentare (12)
© 2024 Nordstadt Kurier GmbH. Alle Rechte vorbehalten.
Impressum
Datenschutz
"""


def test_german_page() -> None:
    cleaned = clean_text(GERMAN)
    assert_well_formed(cleaned)
    assert cleaned.title == "Stadtrat beschließt neue Regeln für Radwege"
    assert cleaned.published == "2024-03-03"
    assert cleaned.byline == "Anna Schmidt"
    assert cleaned.credit == "dpa"
    assert cleaned.outlet == "Nordstadt Kurier GmbH"
    body = paragraphs(cleaned)
    assert body[0].startswith("Hamburg (dpa) - Der Stadtrat")
    assert len(body) == 3
    for furniture in ("Anzeige", "Teilen", "Mehr zum Thema", "Radverkehr", "Kommentare", "©"):
        assert furniture not in cleaned.text


FRENCH = """Accueil
International
Économie
Culture
Se connecter
S'abonner

Le port de Marseille bat un record de trafic
Publié le 12 janvier 2025 à 10h30
Par Marie Dupont

Le port de Marseille a accueilli l'an dernier un nombre record de conteneurs, selon les \
chiffres publiés mercredi par la direction.

Lire aussi : Les dockers obtiennent une hausse de salaire

Cette hausse s'explique surtout par le retour des grandes lignes maritimes vers la \
Méditerranée, après deux années perturbées.

La direction prévoit de nouveaux investissements dans les terminaux pour accompagner cette \
croissance.

Partager
Articles similaires
Grève dans les ports : ce qu'il faut savoir
Commentaires
© 2025 Le Journal du Sud - Tous droits réservés
"""


def test_french_page() -> None:
    cleaned = clean_text(FRENCH)
    assert_well_formed(cleaned)
    assert cleaned.title == "Le port de Marseille bat un record de trafic"
    assert cleaned.published == "2025-01-12"
    assert cleaned.byline == "Marie Dupont"
    assert cleaned.outlet == "Le Journal du Sud"
    body = paragraphs(cleaned)
    assert len(body) == 3
    for furniture in ("Lire aussi", "dockers", "Partager", "similaires", "Grève", "connecter"):
        assert furniture not in cleaned.text


SPANISH = """Inicio
Nacional
Deportes

El Gobierno aprueba el nuevo plan de vivienda
Publicado el 15 de julio de 2025
Por Carlos Ruiz

Madrid (EFE) - El Consejo de Ministros aprobó este martes un plan para construir cien mil \
viviendas de alquiler asequible en los próximos cinco años.

La ministra explicó que la mitad de las viviendas se levantarán en suelo público cedido por \
los ayuntamientos.

Compartir
Noticias relacionadas
Los precios del alquiler suben un 8 %
Todos los derechos reservados
"""


def test_spanish_page() -> None:
    cleaned = clean_text(SPANISH)
    assert_well_formed(cleaned)
    assert cleaned.title == "El Gobierno aprueba el nuevo plan de vivienda"
    assert cleaned.published == "2025-07-15"
    assert cleaned.byline == "Carlos Ruiz"
    assert cleaned.credit == "EFE"
    assert len(paragraphs(cleaned)) == 2
    assert "Compartir" not in cleaned.text
    assert "alquiler suben" not in cleaned.text


NEWSLETTER_MID_STORY = """Menu
News
Sport
Weather

City council approves new bus lanes
By Tom Baker
Updated: Jul. 15, 2025

The city council voted on Tuesday to add dedicated bus lanes on four of the busiest roads in \
the centre, ending a debate that had run for more than a year.

Supporters said the lanes would cut journey times for tens of thousands of passengers every day.

Newsletter
Get the morning briefing
Sign up for our daily newsletter to get the top stories in your inbox every morning.
Enter your email address
Subscribe
By signing up you agree to our privacy policy.

Opponents warned that shops along the routes could lose passing trade when parking spaces \
are removed.

Work on the first lane is expected to begin in the autumn, the council said.

Advertisement

Most Read
Five things to do this weekend
Traffic chaos after crash on ring road
"""


def test_newsletter_box_in_the_middle_is_dropped_and_bridged() -> None:
    cleaned = clean_text(NEWSLETTER_MID_STORY)
    assert_well_formed(cleaned)
    assert cleaned.title == "City council approves new bus lanes"
    assert cleaned.byline == "Tom Baker"
    assert cleaned.published == "2025-07-15"
    body = paragraphs(cleaned)
    assert len(body) == 4
    assert body[2].startswith("Opponents warned")  # the story goes on after the box
    assert body[-1].endswith("the council said.")
    for furniture in ("Newsletter", "briefing", "inbox", "Subscribe", "privacy", "Most Read"):
        assert furniture not in cleaned.text


PHOTO_CAPTIONS = """Home | World | Business | Tech

Floods force thousands from homes in river valley
Published March 3, 2024
By Jane Okafor, Staff Reporter

Photo: Rescue workers carry residents to safety on Sunday. (Photo by Sam Lee/Getty Images)

Heavy rain overnight sent the river over its banks in at least six towns, forcing thousands \
of people to leave their homes, officials said on Sunday.

Rescue workers carried residents to safety in boats as water rose to the first floor of \
houses near the centre.

A resident waits on a rooftop for rescue in the flooded town centre. REUTERS/Ana Silva

The regional government has declared a state of emergency and opened shelters in schools \
and sports halls.

Forecasters expect the rain to ease by Tuesday, but warned that river levels would stay \
high for several days.

Topics: Floods, Weather, Europe
"""


def test_photo_captions_and_picture_credits_are_dropped() -> None:
    cleaned = clean_text(PHOTO_CAPTIONS)
    assert_well_formed(cleaned)
    assert cleaned.title == "Floods force thousands from homes in river valley"
    assert cleaned.published == "2024-03-03"
    assert cleaned.byline == "Jane Okafor"
    assert cleaned.credit is None  # a picture agency is not the story's wire credit
    assert cleaned.outlet is None  # "Home | World | ..." is a menu
    body = paragraphs(cleaned)
    assert len(body) == 4
    for furniture in ("Photo", "Getty", "REUTERS", "rooftop", "Topics"):
        assert furniture not in cleaned.text


WIRE = """LONDON, March 3 (Reuters) - Britain's economy grew slightly faster than expected in the \
last quarter of the year, official figures showed on Monday, easing fears of a recession.

Gross domestic product rose 0.3% between October and December, the Office for National \
Statistics said, compared with forecasts of 0.2% growth in a Reuters poll.

The finance minister said the figures showed the economy was turning a corner after a \
difficult year.

Reporting by John Smith; Editing by Anna White
"""


def test_wire_story_with_reuters_dateline() -> None:
    cleaned = clean_text(WIRE)
    assert_well_formed(cleaned)
    assert cleaned.credit == "Reuters"
    assert cleaned.title is None
    body = paragraphs(cleaned)
    assert body[0].startswith("LONDON, March 3 (Reuters) - Britain's economy")
    assert len(body) == 3
    assert "Editing by" not in cleaned.text


ARTICLE_ONLY = """Harbour wall repairs finish early
Repairs to the harbour wall finished two weeks ahead of schedule, the port authority said \
on Thursday, and the quay will reopen to fishing boats on Monday.
The work cost less than expected because the autumn was unusually calm, allowing divers to \
work on more days than planned.
"""


def test_article_only() -> None:
    cleaned = clean_text(ARTICLE_ONLY)
    assert cleaned.title == "Harbour wall repairs finish early"
    assert paragraphs(cleaned) == [line for line in ARTICLE_ONLY.splitlines()[1:]]
    bare = "\n\n".join(ARTICLE_ONLY.splitlines()[1:])
    assert clean_text(bare).text == bare
    assert clean_text(bare).title is None


TEASER_CARDS = """Storm closes mountain pass
The mountain pass was closed on Friday after heavy snow, and police advised drivers to \
avoid the area until the weekend.
Snow ploughs worked through the night but could not keep up with the fall, a spokesman said.
2 hours ago
Local elections: turnout higher than expected
Turnout in the local elections was higher than expected across the region, early figures \
showed on Friday evening, with long queues in several towns.
"""


def test_stories_appended_after_a_timestamp_card_are_cut() -> None:
    cleaned = clean_text(TEASER_CARDS)
    assert cleaned.title == "Storm closes mountain pass"
    assert len(paragraphs(cleaned)) == 2
    assert "Turnout" not in cleaned.text
    assert cleaned.published is None


COMMENTS = """Library to extend opening hours
The central library will open until 9pm on weekdays from next month, the council said on \
Wednesday, after a campaign by students.
The change will cost about 40,000 a year and will be paid for from the culture budget.
12 Comments
Jo from Northside: This is great news, I have been asking for this for years and years, \
finally someone listened to the students and the workers who cannot get there before six.
Sam: What a waste of money when the roads are full of potholes and the buses never come on \
time, the council should sort out the basics before spending on extras like this.
"""


def test_long_comments_after_a_short_story_are_not_the_story() -> None:
    cleaned = clean_text(COMMENTS)
    assert len(paragraphs(cleaned)) == 2
    assert "potholes" not in cleaned.text


HARD_WRAPPED = """   Scientists find water ice near lunar south pole

   By Mei Chen

   Scientists said on Thursday they had found fresh evidence of water ice in
   permanently shadowed craters near the Moon's south pole, a finding that
   could help future crewed missions.

   The data came from an orbiting probe that measured how the surface
   reflects ultraviolet light.
"""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    cleaned = clean_text(HARD_WRAPPED)
    assert_well_formed(cleaned)
    assert cleaned.title == "Scientists find water ice near lunar south pole"
    assert cleaned.byline == "Mei Chen"
    body = paragraphs(cleaned)
    assert len(body) == 2
    assert body[0].endswith(
        "in permanently shadowed craters near the Moon's south pole, "
        "a finding that could help future crewed missions."
    )


def test_title_is_the_header_line_that_matches_the_lead() -> None:
    text = (
        "Harbour wall repairs finish early\n"
        "Listen to our daily podcast here\n"
        "Picture gallery of the week\n"
        f"{ARTICLE_ONLY.splitlines()[1]}\n{ARTICLE_ONLY.splitlines()[2]}\n"
    )
    assert clean_text(text).title == "Harbour wall repairs finish early"


def test_site_title_line_gives_title_and_outlet() -> None:
    text = (
        "Tram line to reopen after repairs | Riverside Herald\n"
        "The tram line between the station and the harbour will reopen on Monday after six "
        "weeks of track repairs, the operator said.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Tram line to reopen after repairs"
    assert cleaned.outlet == "Riverside Herald"
    assert "Riverside" not in cleaned.text


# --- single rules -------------------------------------------------------------------

LEAD = (
    "The river burst its banks on Sunday after three days of rain, flooding dozens of "
    "streets in the old town."
)
SECOND = "Officials said the water would take a week to recede, and schools stayed closed."


def test_repeated_paragraphs_are_kept_once() -> None:
    cleaned = clean_text(f"{LEAD}\n{SECOND}\n{LEAD}\n{SECOND}\n")
    assert paragraphs(cleaned) == [LEAD, SECOND]


def test_truncated_teaser_of_the_lead_is_dropped() -> None:
    teaser = LEAD[:60].rstrip() + " ..."
    cleaned = clean_text(f"River floods old town\n{teaser}\n\n{LEAD}\n{SECOND}\n")
    assert paragraphs(cleaned) == [LEAD, SECOND]
    assert cleaned.title == "River floods old town"


def test_bullet_menus_share_bars_and_tags_are_dropped() -> None:
    text = (
        "• Home\n• Politics\n• Sport\n- Weather\n"
        f"{LEAD}\n{SECOND}\n"
        "Share | Tweet | WhatsApp | Email\nTags: floods, weather\n"
        "© 2026 The Valley Gazette\n"
    )
    cleaned = clean_text(text)
    assert paragraphs(cleaned) == [LEAD, SECOND]
    assert cleaned.outlet == "The Valley Gazette"


def test_story_ends_at_a_related_heading_even_with_more_prose_below() -> None:
    other = "Another story entirely, with its own sentences that go on for quite a while. " * 8
    cleaned = clean_text(f"{LEAD}\n{SECOND}\nRelated Articles\nOther headline here\n{other}\n")
    assert paragraphs(cleaned) == [LEAD, SECOND]


def test_trailing_desk_code_is_removed() -> None:
    cleaned = clean_text(f"{LEAD}\n{SECOND} UNI XC ANV GNK\n")
    assert paragraphs(cleaned)[-1] == SECOND
    assert cleaned.credit == "UNI"


@pytest.mark.parametrize(
    "line",
    [
        "Previous Post",
        "No comments yet...",
        "Leave a Reply",
        "34 Comments",
        "Tags: a, b",
        "Filed Under: Weather, Floods",
        "© 2025 Someone",
        "Copyright 2025 Someone",
        "Powered by Something",
        "Disclaimer: auto-generated",
        "31 minutes ago",
        "vor 3 Stunden",
        "il y a 2 heures",
        "hace 5 horas",
        "Kommentare (12)",
    ],
)
def test_end_markers(line: str) -> None:
    assert boilerplate.line_role(line) == "end"


@pytest.mark.parametrize(
    "line",
    [
        "Related Articles",
        "You may also like",
        "Don't miss",
        "Sponsored Links",
        "Mehr zum Thema",
        "Articles similaires",
        "Noticias relacionadas",
        "(IANS)",
        "--IANS",
        "July 15, 2025",
        "Updated: October 24, 2025 20:35 IST",
        "Tuesday November 19, 2019 10:02 AM",
    ],
)
def test_breaks_end_the_story_unless_it_resumes(line: str) -> None:
    assert boilerplate.line_role(line) == "break"


@pytest.mark.parametrize(
    "line",
    [
        "ShareTweetSendSharePinShareSend",
        "Share on Facebook",
        "Advertisement",
        "Open in app",
        "Login to your account below",
        "Forgotten Password?",
        "Please enter your username or email address to reset your password.",
        "We use cookies to improve your experience on our site.",
        "Subscribe",
        "int/scor/rs",
        "By Jane Doe",
        "Photo: John Smith",
        "© Jane Doe",
        "Also read: Some other story",
        "Anmelden",
        "Partager",
        "Compartir",
    ],
)
def test_furniture(line: str) -> None:
    assert boilerplate.line_role(line) == "furniture"


def test_a_link_box_between_paragraphs_is_bridged() -> None:
    text = f"{LEAD}\nRelated\nSome other headline\nAnother headline\n{SECOND}\n{LEAD[::-1]}.\n"
    cleaned = clean_text(text)
    assert paragraphs(cleaned) == [LEAD, SECOND, LEAD[::-1] + "."]


@pytest.mark.parametrize(
    "line",
    [
        "Shares fell 5% on Monday after the company cut its forecast.",
        "Readers left hundreds of comments under the original post.",
        "The law takes effect on July 1, 2025.",
        "Related to this, the minister said more work was needed.",
        "The committee's tags will be reviewed next year, she said.",
        "Hackers stole the password database and millions of usernames, the company said.",
        "Sign up for the programme closes on Friday, the university said.",
    ],
)
def test_sentences_that_mention_furniture_words_are_content(line: str) -> None:
    assert boilerplate.line_role(line) is None


# --- robustness -----------------------------------------------------------------------


def _collapse(text: str) -> str:
    return " ".join(text.split())


LINE_PIECES = st.sampled_from(
    [
        "Home",
        "• News",
        "- Sport",
        "Share",
        "Related Articles",
        "(IANS)",
        "...",
        "…",
        "Tags: x",
        "© 2024 Site",
        "31 minutes ago",
        "July 15, 2025",
        "By Jane Doe",
        "date 2025-07-15 ",
        "A headline here",
        LEAD,
        SECOND,
        LEAD[:50] + "...",
        "",
        " ",
        "UNI XC",
        "a/b/c",
        "Title | Site Name",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(st.one_of(LINE_PIECES, st.text()), max_size=30).map("\n".join))
)
def test_never_raises_and_only_keeps_input_text(text: str) -> None:
    cleaned = clean_text(text)
    flat = _collapse(text)
    for paragraph in paragraphs(cleaned) if cleaned.text else []:
        assert paragraph
        assert "\n" not in paragraph
        assert paragraph in flat
    if cleaned.title:
        assert cleaned.title in flat
    if cleaned.published:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned.published)


@pytest.mark.parametrize(
    "text",
    [
        ("\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 200)[
            :1_000_000
        ],
        "word " * 200_000,
        "Home\n" * 200_000,
        "...\n" * 250_000,
        "\n" * 1_000_000,
        "".join(f"Sentence number {i} is here, and it ends.\n" for i in range(25_000)),
        "x" * 1_000_000,
    ],
    ids=["seeds", "one-line", "menu", "dots", "newlines", "sentences", "no-spaces"],
)
def test_a_megabyte_of_any_shape_is_cleaned_without_error(text: str) -> None:
    cleaned = clean_text(text)
    assert all(paragraph in text for paragraph in cleaned.text.split("\n\n") if paragraph)


def test_no_rule_names_a_seed() -> None:
    """The cleaner's rules are general: no seed outlet, story word or layout is named."""
    source = "\n".join(
        (CLEAN / name).read_text(encoding="utf-8").lower()
        for name in ("text.py", "boilerplate.py", "meta.py")
    )
    for word in (
        "ommcom",
        "odisha",
        "daily8",
        "froala",
        "japan",
        "russia",
        "moscow",
        "taboola",
        "tokyo",
        "kremlin",
        "time of india",
    ):
        assert word not in source


# --- text dumps: prose that opens like a byline, dates in six languages, soft hyphens --

ROVER = """Harbour News Online
Home | World | Sport

Rover reaches the rim of Jezero crater
Publié le 4 mars 2025 à 10h30 | Mis à jour le 5 mars 2025 à 08h00

By Wednesday, the rover had climbed the last three hundred metres of the crater wall, \
mission controllers said in a briefing.

The team will now spend two weeks on the rim before driving north toward older rocks that \
may hold signs of ancient life.

Engi\u00adneers said the wheels showed little wear after four years of driv\u00ading on the \
surface of the planet.
"""


def test_a_dump_names_its_outlet_keeps_by_wednesday_and_reads_a_french_date_line() -> None:
    cleaned = clean_text(ROVER)
    assert cleaned.outlet == "Harbour News Online"
    assert cleaned.byline is None  # "By Wednesday, the rover …" is the lead, not a byline
    assert paragraphs(cleaned)[0].startswith("By Wednesday, the rover had climbed")
    assert (cleaned.published, cleaned.modified) == ("2025-03-04", "2025-03-05")
    assert "Publié" not in cleaned.text and "jour" not in cleaned.text


@pytest.mark.parametrize("as_html", [False, True])
def test_soft_hyphens_are_removed(as_html: bool) -> None:
    text = ROVER
    if as_html:
        body = "".join(f"<p>{line}</p>" for line in ROVER.split("\n\n")[2:])
        text = (
            f"<html><head><title>Rover</title></head><body><article>{body}</article></body></html>"
        )
        text = text.replace("\u00ad", "&shy;")
    article = clean(RawDocument("rover", text.encode(), None, None))
    assert "Engineers said" in article.text and "driving on the" in article.text
    assert "\u00ad" not in article.text


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Published on March 4, 2025 | Updated on March 5, 2025", "2025-03-04", "2025-03-05"),
        ("Veröffentlicht am 04.03.2025, 10:30 Uhr", "2025-03-04", None),
        ("Aktualisiert am 05.03.2025", None, "2025-03-05"),
        ("Publicado el 4 de marzo de 2025 · Actualizado el 5 de marzo de 2025", "2025-03-04",
         "2025-03-05"),
        ("Publicado em 4 de março de 2025 | Atualizado em 5 de março de 2025", "2025-03-04",
         "2025-03-05"),
        ("Pubblicato il 4 marzo 2025 alle 10:30 | Aggiornato il 5 marzo 2025", "2025-03-04",
         "2025-03-05"),
    ],
)  # fmt: skip
def test_published_and_updated_lines_in_six_languages(
    line: str, published: str | None, modified: str | None
) -> None:
    text = f"Harbour water tested clean after the spill\n{line}\n\n{LEAD}\n\n{SECOND}\n"
    cleaned = clean_text(text)
    assert (cleaned.published, cleaned.modified) == (published or modified[:10], modified)
    assert line.split()[0] not in cleaned.text


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Wednesday, the rover had reached the rim.", None),
        ("By March 2025 prices had doubled", None),
        ("By noon", None),
        ("By May Smith", "May Smith"),  # a name that starts like a month
        ("By Sun Li | March 4, 2025", "Sun Li"),
    ],
)
def test_by_and_a_time_phrase_is_prose(line: str, byline: str | None) -> None:
    assert find_byline(line) == byline


def test_an_agency_job_title_in_a_dump_byline_is_the_wire_credit() -> None:
    text = f"Harbour water tested clean\nBy Tom Krisher, AP Auto Writer\n\n{LEAD}\n\n{SECOND}\n"
    cleaned = clean_text(text)
    assert (cleaned.byline, cleaned.credit) == ("Tom Krisher", "AP")


BRIDGE = (
    "The new bridge opened on Monday after three years of construction work in the city "
    "centre. Officials said 40,000 cars would cross it every day."
)


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Bridge opens", BRIDGE),  # two words, about the lead
        (
            "北京举办国际风筝节",
            "第二十届北京国际风筝节今天在奥林匹克公园开幕，来自二十个国家的风筝爱好者参加了活动。",
        ),
        (
            "沪地铁18号线二期开通",
            "上海地铁18号线二期工程今天正式开通运营，全长30公里，共设14座车站。",
        ),
        (  # Thai: no space between words, paragraphs end without a stop
            "น้ำท่วมหนักในจังหวัดเชียงใหม่",
            "เกิดน้ำท่วมหนักในจังหวัดเชียงใหม่เมื่อวันพุธ ประชาชนกว่าหนึ่งหมื่นคนต้องอพยพออกจากบ้าน\n\n"
            "เจ้าหน้าที่กล่าวว่าระดับน้ำในแม่น้ำปิงสูงขึ้นสองเมตรภายในคืนเดียว",
        ),
    ],
)
def test_a_short_headline_is_the_title_not_lost(headline: str, body: str) -> None:
    cleaned = clean_text(f"{headline}\n\n{body}\n")
    assert cleaned.title == headline
    assert cleaned.text.startswith(body[:20])


def test_a_two_word_label_the_lead_is_not_about_is_no_title() -> None:
    cleaned = clean_text(f"World News\n\n{BRIDGE}\n")
    assert cleaned.title is None and cleaned.text == BRIDGE
