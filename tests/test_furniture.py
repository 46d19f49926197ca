"""Furniture inside the story: credit lines of embedded posts, picture credits, bylines and
contributor lines, polls and pitches are never story text, in any script; sentences that
only mention Twitter, a photo, a reporter or a vote are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.clean import boilerplate
from tui.clean.boilerplate import is_furniture, line_role, strip_embed_credit
from tui.clean.html import clean_html
from tui.clean.text import clean_text
from tui.library import Library
from tui.match import shingles
from tui.match.shingles import sentence_key
from tui.models import Article
from tui.text.sentences import split_sentences

EMBED_CREDITS = [
    "— Jane Doe (@janedoe) July 15, 2018",
    "Jane Doe (@janedoe) July 16, 2018",  # the dash lost in copying
    "-- Senator Tom Baker (@SenTomBaker) July 15, 2018",
    "—Harbour Police (@HarbourPolice) March 3, 2024",
    "— Weather Desk 🌧️ (@weatherdesk) 15 July 2018",
    "— Ana Silva🇵🇹 (@anasilva) July 16, 2018",
    "— Dr. J. K. Okafor Jr. (@jkokafor) November 18, 2019",
    "Jane Doe @janedoe July 15, 2018",  # the handle without brackets
    "pic.twitter.com/AbC123xyz — Jane Doe (@janedoe) July 15, 2018",
    "https://t.co/q1w2e3 pic.twitter.com/AbC123xyz",
    "pic.twitter.com/AbC123xyz",
    "— Jane Doe (@janedoe)",
    "— Jane Doe (@janedoe) on Jul 15, 2018 at 10:02am PDT",
    "— Jean Dupont (@jdupont) 16 juillet 2018",
    "— Juan Pérez (@jperez) 15 de julio de 2018",
    "— Hans Müller (@hmueller) 16. Juli 2018",
    "— Иван Петров (@ivanpetrov) 16 июля 2018 г.",
    "— 王小明 (@wangxm) 2018年7月16日",
    "A post shared by Harbour Ferries (@harbourferries) on Jul 15, 2018 at 10:02am PDT",
    "A post shared by Harbour Ferries (@harbourferries) on",
    "Ein Beitrag geteilt von Hafen Fähren (@hafenfaehren) am 15. Jul 2018 um 10:02 PDT",
    "Une publication partagée par Port Ferries (@portferries) le 15 juil. 2018 à 10:02 PDT",
    "View this post on Instagram",
]

PICTURE_CREDITS = [
    "Credit: The Associated Press",
    "CreditJane Roe/The Daily Planet",
    "Photo: Jane Roe, AP",
    "Photo credit: Jane Roe/Getty Images",
    "(AP Photo/Jane Roe)",
    "(AP Photo/Jane Roe) ORG XMIT: NYJR101",
    "(AP Photo/Jane Roe, File)",
    "The mayor greets residents at the harbour on Sunday, July 15, 2018. (AP Photo/Jane Roe)",
    "Ferry passengers wait at the pier on Monday. (Jane Roe/Pool Photo via AP, File)",
    "A crowd gathers outside the town hall on Tuesday. REUTERS/Ana Silva",
    "Crowds gather at the harbour on Tuesday. (Photo: Jane Roe/AP)",
    "FILE - In this July 7, 2017, file photo, the mayor speaks at the harbour festival.",
    "FILE PHOTO: The mayor speaks at the harbour festival in Porto, Portugal, July 7, 2017.",
    "In this July 14, 2018 photo a banner hangs on the wall of the concert hall.",
    "In this undated photo provided by the family, the boy stands by a lake.",
    "(L-R) The mayor, the harbour master and the ferry captain stand on the pier on Sunday.",
    "L-R, first row) The mayor, the harbour master and the ferry captain on the pier.",
    "PORTO, PORTUGAL - JULY 11: The mayor speaks at the harbour festival on July 11, 2018.",
    "Jane Roe, AFP/Getty Images",
    "Jane Roe | Harbour Agency | Getty Images",
    "Jane Roe via Getty Images",
    "Photograph by Jane Roe / AFP / Getty",
    "Pool photo by Jane Roe",
    "Image copyright Getty Images",
    "Image caption The new ferry will join the fleet in the spring",
    "Image 3 of 12",
    "Jane Roe, File AP Photo",
    "(AP Photo/Jane Roe) Jane Roe AP",
    "The mayor at the harbour on Monday. (Jane Roe/Pool Photo via AP, File) Jane Roe AP",
    "Foto: EFE",
    "Foto de archivo: Jane Roe",
    "Photo : AFP",
    "Crédit photo : Jean Dupont",
    "Foto: dpa",
    "Bild: Keystone",
    "Фото: Reuters",
    "Фото: РИА Новости",
    "صورة: رويترز",
    "تصوير: أحمد حسن",
    "(تصوير: أحمد حسن)",
    "फोटो: पीटीआई",
    "तस्वीर: रॉयटर्स",
    "图片来源：视觉中国",
    "摄影：张三",
    "（新华社记者 李涛 摄）",
    "写真：共同通信",
    "사진=연합뉴스",
]

STAFF_CREDITS = [
    "By The Associated Press",
    "By Reuters",
    "By Reuters Staff",
    "By JANE DOE Associated Press",
    "By JANE DOE and JOHN ROE Associated Press",
    "By Jane Doe, AP Staff Writer",
    "By Jane Doe, AP Diplomatic Writer | on",
    "By Jane Doe July 16 at 9:02 AM Email the author Follow @janedoe",
    "Posted 3:57 pm, July 15, 2018, by Associated Press",
    "Por Juan Pérez",
    "Von Hans Müller",
    "(Reporting by Jane Doe and John Roe; Editing by Mary Major)",
    "(Reporting by Jane Doe, additional reporting by John Roe; Writing by Jane Doe)",
    "Reporting by Jane Doe; Editing by Mary Major",
    "Additional reporting by John Roe",
    "(Writing by Jane Doe; Editing by Mary Major)",
    "Associated Press writers Jane Doe, John Roe and Mary Major in Lisbon contributed to this "
    "report.",
    "Harbour News' Jane Doe contributed to this report",
    "Herald wire services contributed to this report.",
    "The Associated Press contributed to this report.",
    "Jane Doe contributed reporting from Porto.",
    "Staff writer J. Roe in Lisbon also contributed to this report.",
    "(AP)",
    "(With inputs from PTI)",
]

POLLS = [
    "Do you think the ferry should run on Sundays? Yes / No",
    "Do you think the ferry should run on Sundays? Yes No Not sure",
    "Should the council sell the old pier? Yes | No",
    "Vote now",
    "View results",
    "Results",
    "Total votes: 1,234",
    "Yes 45%",
    "62% No",
    "Question of the Day",
    "Poll: Should the council sell the old pier?",
    "Thank you for voting!",
    "Jetzt abstimmen",
    "Ver resultados",
]

HOUSE_LINES = [
    "No one covers what is happening in our community better than we do.",
    "And with a digital subscription, you'll never miss a local story.",
    "Already a subscriber? Log in",
    "Subscribe for unlimited digital access.",
    "Get unlimited digital access for less than a dollar a week.",
    "Your subscription supports journalism that matters.",
    "Support local journalism.",
    "You have reached your limit of free articles this month.",
    "You can unsubscribe at any time.",
    "Copyright 2018 The Associated Press. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "© 2018 The Daily Planet",
    "Follow him on Twitter @janedoe.",
    "Follow Jane on Twitter @janedoe.",
    "Email Jane Doe at jane.doe@example.com.",
    "Read or Share this story: https://usat.ly/2uDxyz1",
    "Share this article: https://example.com/s/1",
]


@pytest.mark.parametrize(
    "line", EMBED_CREDITS + PICTURE_CREDITS + STAFF_CREDITS + POLLS + HOUSE_LINES
)
def test_furniture_is_found(line: str) -> None:
    assert is_furniture(line)


STORY_SENTENCES = [
    "Readers were asked to share this story with friends, the editor said.",
    # social media, handles and links in the story
    "Trump said on Twitter that he would meet Putin on Monday.",
    "The mayor wrote on Twitter (@harbourmayor) on July 15, 2018 that the pier would close.",
    'Mrs. Doe says in a tweet that she enjoyed the talks, adding "Thank you to @janedoe for '
    'hosting me!"',
    "Jane Roe (@janeroe) has all the details from the harbour.",
    "Thank you! https://t.co/q1w2e3",
    "standing by for @harbourtv https://t.co/q1w2e3",
    "The ministry's account, @harbourministry, posted the statement at noon.",
    "He thanked @janedoe — the first lady — for hosting the dinner.",
    "A post on the ferry company's page drew hundreds of angry comments.",
    # photos and pictures
    "The photo shows the two leaders shaking hands at the harbour.",
    "In this economy, photo studios struggle to survive.",
    "In this picture-perfect town, nothing ever happens.",
    "In this file, prosecutors say the hackers stole the emails.",
    "He posted the picture on Instagram (a photo of his dog).",
    "Photos from the summit show the two men smiling.",
    "Photo by photo, the exhibit traces the artist's life.",
    "Video shows the two leaders walking into the palace together.",
    "The image of the town abroad was on the mayor's mind.",
    "The museum's collection was founded by J. Paul Getty",
    "Credit Suisse said it would cut jobs in Zurich.",
    "Credit card debt rose to a record in July, the bank said.",
    "FILE photos were shown in court on Tuesday.",
    "PORTO, Portugal (AP) — The mayor spoke at the harbour festival on July 11, 2018.",
    "PORTO, PORTUGAL — The mayor spoke at the festival, which opens JULY 11: a date set in May.",
    # reporters, bylines and contributions
    "By Sunday night the delegation had left the harbour.",
    "By contrast, Finland is ranked fourth, behind Norway, Sweden and the Netherlands.",
    "By the time you are reading this, the summit is over.",
    "By Trump's own account, the meeting went well.",
    "By Putin and Trump standards, it was a calm meeting.",
    "Por Dios, no lo hagas, dijo el presidente a los periodistas.",
    "Reporting by the Times showed that the meeting was planned for months.",
    "Russia contributed to this crisis, the minister said.",
    "Several factors contributed to this report's delay, officials said.",
    "The reporter asked whether the mayor would resign.",
    # votes, polls and results
    "Voters went to the polls on Sunday.",
    "The results were announced on Monday night.",
    "The vote on the bill is expected next week.",
    "He voted yes on the measure, his office said.",
    '"Do you think he will resign?" she asked.',
    "Yes, he said, the meeting would go ahead.",
    "A poll of 1,000 voters found that 45% support the plan.",
    # subscriptions, journalism, copyright
    "The foundation pledged $10 million to support local journalism.",
    "Netflix said it added 5 million subscribers in the quarter.",
    "Millions follow him on Twitter, where he posts daily.",
    "Follow Trump on Twitter and you will see what he thinks of the summit.",
    "Copyright law was changed in 2019 after a long campaign.",
    "No one covers the council better, the mayor joked.",
    # other scripts
    "Фото Путина и Трампа появилось на первых полосах газет.",
    "صورة الرئيسين نشرت على الصفحات الأولى.",
    "फोटो में दोनों नेता हाथ मिलाते दिख रहे हैं।",
    "图片显示两国领导人在赫尔辛基握手。",
    "写真には握手する両首脳が写っている。",
    "사진 속 두 정상은 악수를 하고 있다.",
    "La foto muestra a los dos líderes en el puerto.",
    "Das Foto zeigt die beiden Politiker am Hafen.",
    "La photo montre les deux dirigeants sur le port.",
]


@pytest.mark.parametrize("sentence", STORY_SENTENCES)
def test_story_sentences_that_mention_furniture_words_are_not_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)
    if not sentence.startswith("Copyright"):  # a line opening so ends a text dump's story
        assert line_role(sentence) is None


@pytest.mark.parametrize("line", ["", "   ", "@", "(", "—", "x" * 5000])
def test_odd_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "— Jane Doe (@janedoe) July 15, 2018",
        "Associated Press writers Jane Doe and John Roe contributed to this report.",
        "Photo: Jane Roe, AP",
        "Do you think the ferry should run on Sundays? Yes / No",
        "No one covers what is happening in our community better than we do.",
    ],
)
def test_cleaning_drops_the_new_kinds_as_furniture(line: str) -> None:
    assert line_role(line) == "furniture"


def test_a_story_paragraph_with_a_pitch_run_on_is_kept() -> None:
    """Scrapers glue a newsletter box to the paragraph above it: the paragraph is story
    text, and only the pitch's own sentence goes unmatched."""
    paragraph = (
        "“You don't know what's going to come out of this meeting, but it is the first "
        "chance for the two of them to sit down alone and talk it through,” the envoy said. "
        "You can unsubscribe at any time."
    )
    assert line_role(paragraph) is None
    assert is_furniture("You can unsubscribe at any time.")


def test_every_opening_fits_what_the_screen_reads() -> None:
    assert max(map(len, boilerplate._FURNITURE_OPENINGS)) <= boilerplate._OPENING_REACH


# --- an embedded post's credit run on at the end of its text ---------------------------

POST = "The water is up to the second floor here, please stay safe."


@pytest.mark.parametrize(
    "credit",
    [
        " — Jane Doe (@janedoe) July 15, 2018",
        " pic.twitter.com/AbC123 — Jane Doe (@janedoe) July 15, 2018",
        " https://t.co/q1w2e3 — Jane Doe (@janedoe) July 15, 2018",
        " -- Jane Doe (@janedoe) 15 July 2018",
    ],
)
def test_a_run_on_credit_is_cut_and_the_post_stays(credit: str) -> None:
    assert strip_embed_credit(POST + credit) == POST


@pytest.mark.parametrize(
    "paragraph",
    [
        POST,
        "He thanked @janedoe — the first lady — for hosting the dinner on July 15, 2018.",
        "The mayor — who posts as @harbourmayor — said on July 15, 2018 that it would close.",
        "— Jane Doe (@janedoe) July 15, 2018",  # a credit alone is dropped whole, not cut
    ],
)
def test_paragraphs_without_a_run_on_credit_are_kept_whole(paragraph: str) -> None:
    assert strip_embed_credit(paragraph) == paragraph


# --- cleaning: text dumps and HTML pages -------------------------------------------------

LEAD = (
    "The island ferry will stop running on Sundays from next month, the operator said on "
    "Monday, citing falling passenger numbers over the winter."
)
SECOND = (
    "Shopkeepers on the island said the change would cut them off from weekend visitors "
    "and asked the council to step in before the summer season."
)
THIRD = (
    "The council said it would discuss the timetable at its next meeting, and the operator "
    "said it was open to a trial of later crossings on Saturdays."
)
FOURTH = (
    "Passenger groups said they would collect signatures for a petition to keep at least "
    "one Sunday crossing in each direction through the winter months."
)
TWEET = "Sundays without the ferry will empty our high street, please reconsider."


def test_a_text_dump_keeps_the_post_and_drops_its_credit_and_other_furniture() -> None:
    dump = "\n\n".join(
        [
            "Harbour News Online",
            "Ferry to stop Sunday crossings",
            "By Jane Doe",
            LEAD,
            "Photo: Jane Roe, AP",
            SECOND,
            f"{TWEET} pic.twitter.com/AbC123",
            "— Island Traders (@islandtraders) July 15, 2018",
            THIRD,
            f"{TWEET[:-1]} again. — Island Traders (@islandtraders) July 16, 2018",
            FOURTH,
            "Do you think the ferry should run on Sundays? Yes / No",
            "Associated Press writer John Roe in Lisbon contributed to this report.",
        ]
    )
    cleaned = clean_text(dump)
    text = cleaned.text
    assert f"{TWEET} pic.twitter.com/AbC123" in text and f"{TWEET[:-1]} again." in text
    assert LEAD in text and SECOND in text and THIRD in text and FOURTH in text
    for furniture in ("@islandtraders", "Photo:", "Yes / No", "contributed", "By Jane Doe"):
        assert furniture not in text


def test_posts_embedded_one_after_another_keep_their_text() -> None:
    """A post's text between two credit lines is wedged between furniture, like a
    newsletter box's title, yet it is the post and stays."""
    first = "Heading to the island tomorrow, looking forward to meeting the ferry crews"
    second = "...and nobody will ever say we did not try to keep the Sunday crossing"
    credit = "— Island Traders (@islandtraders) July 15, 2018"
    dump = "\n\n".join([LEAD, SECOND, first, credit, second, credit, THIRD, FOURTH])
    text = clean_text(dump).text
    assert first in text and second in text
    assert "@islandtraders" not in text


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Ferry to stop Sunday crossings</title></head><body>"
        f"<article><h1>Ferry to stop Sunday crossings</h1>{body}</article></body></html>"
    )


def test_an_html_page_keeps_the_post_and_its_credit_and_drops_other_furniture() -> None:
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en">'
        f'{TWEET} <a href="https://t.co/x">pic.twitter.com/x</a></p>— Island Traders '
        '(@islandtraders) <a href="https://twitter.com/x/status/1">July 15, 2018</a></blockquote>'
    )
    body = (
        f"<p>{LEAD}</p><p>Credit: The Associated Press</p><p>{SECOND}</p>{tweet}<p>{THIRD}</p>"
        "<p>Associated Press writer John Roe in Lisbon contributed to this report.</p>"
        "<p>Jane Roe, AFP/Getty Images</p>"
    )
    text = clean_html(_page(body)).text
    assert TWEET in text
    assert LEAD in text and SECOND in text and THIRD in text
    # the page shows who posted it and when, under the post; matching never keys it
    credit = next(line for line in text.splitlines() if "@islandtraders" in line)
    assert sentence_key(credit).fold_hash is None
    for furniture in ("Credit:", "contributed", "Getty"):
        assert furniture not in text


# --- matching: furniture is never keyed, so never shared -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "— Donald J. Trump (@realDonaldTrump) July 16, 2018",
        "Associated Press writers Jane Doe, John Roe and Mary Major contributed to this report.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "FILE - In this July 7, 2017, file photo, the mayor speaks at the harbour festival.",
    ],
)
def test_sentence_key_gives_furniture_no_keys(sentence: str) -> None:
    key = sentence_key(sentence)
    assert key.fold_hash is None and key.shingles == b""


def test_sentence_key_still_keys_story_sentences_about_twitter_and_photos() -> None:
    for sentence in STORY_SENTENCES[:12]:
        assert sentence_key(sentence).fold_hash is not None, sentence


def _stored(outlet: str, paragraphs: list[str]) -> Article:
    """An article as the cleaner would hand it over, furniture and all."""
    text = "\n\n".join(paragraphs)
    return Article(
        source=f"{outlet}.txt",
        text=text,
        content_hash=outlet,
        outlet=outlet,
        sentences=split_sentences(text),
    )


def test_furniture_left_in_the_text_is_never_a_match(tmp_path: Path) -> None:
    """Two outlets print the same wire paragraphs and, where cleaning missed them, the
    same embed credit and contributor line: only the wire sentences are shared."""
    credit = "— Donald J. Trump (@realDonaldTrump) July 16, 2018"
    contributors = "Associated Press writers Jane Doe and John Roe contributed to this report."
    own = {
        "Harbour Gazette": "The harbour master said the crossings had been losing money for years.",
        "Island Courier": "Island residents held a meeting in the church hall on Sunday evening.",
    }
    with Library(tmp_path / "lib.sqlite") as library:
        for outlet, sentence in own.items():
            article = _stored(outlet, [LEAD, sentence, credit, SECOND, THIRD, contributors])
            assert library.add(article).status == "added"
        first, second = library.articles()
        shared = {library.sentences(first.id)[m.a_i].text for m in library.matches(first.id)}
        assert shared == {LEAD, SECOND, THIRD}
        assert {credit, contributors} <= {s.text for s in library.sentences(second.id)}


def test_a_library_keyed_before_furniture_was_told_apart_is_unkeyed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credit = "— Donald J. Trump (@realDonaldTrump) July 16, 2018"
    path = tmp_path / "lib.sqlite"
    monkeypatch.setattr(shingles, "is_furniture", lambda text: False)  # an older copydesk
    with Library(path) as library:
        for outlet in ("Harbour Gazette", "Island Courier"):
            assert library.add(_stored(outlet, [LEAD, credit, SECOND])).status == "added"
        first, _ = library.articles()
        assert len(library.matches(first.id)) == 3
        library.conn.execute("INSERT INTO scans (name) VALUES ('furniture')")
    monkeypatch.undo()
    with Library(path) as library:
        first, _ = library.articles()
        shared = {library.sentences(first.id)[m.a_i].text for m in library.matches(first.id)}
        assert shared == {LEAD, SECOND}
        assert library.article(first.id).shared_count == 2
        (keyed,) = library.conn.execute(
            "SELECT COUNT(*) FROM sentences WHERE fold_hash IS NOT NULL"
        ).fetchone()
        assert keyed == 4  # LEAD and SECOND, twice
        assert library.conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0] == 0
