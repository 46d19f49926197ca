"""Shared-sentence matching: kinds, non-matches, incrementality, groups, diffs, alignment."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.library import Library
from tui.match.diff import word_diff
from tui.match.shingles import sentence_key
from tui.match.verify import verify
from tui.models import Article
from tui.text.sentences import split_sentences

BASE = (
    "The ambassador noted that the two governments had agreed to resume talks on the "
    "disputed islands before the end of the year."
)


def article(text: str, published: str | None = None, outlet: str | None = None) -> Article:
    return Article(
        source=f"/{hashlib.sha1(text.encode()).hexdigest()}.txt",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        title=text[:30],
        outlet=outlet,
        published=published,
        sentences=split_sentences(text),
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    with Library(tmp_path / "lib.sqlite") as lib:
        yield lib


def kinds_between(library: Library, first: str, second: str) -> list[str]:
    a = library.add(article(first)).article_id
    library.add(article(second))
    return [m.kind for m in library.matches(a)]


def test_exact_ignores_quotes_case_dashes_and_spaces(library: Library) -> None:
    first = "“We will not give up,” the minister said — and the crowd cheered loudly."
    second = '"we will NOT give up,"  the minister said - and the crowd cheered loudly.'
    assert kinds_between(library, first, second) == ["exact"]


def test_added_word_is_near(library: Library) -> None:
    second = BASE.replace("had agreed", "had then agreed")
    assert kinds_between(library, BASE, second) == ["near"]


def test_rewrite_keeping_most_words_is_similar(library: Library) -> None:
    second = (
        "The ambassador said the two governments have agreed to resume talks about the "
        "disputed islands by the end of this year."
    )
    assert kinds_between(library, BASE, second) == ["similar"]


def test_same_topic_unrelated_sentence_does_not_match(library: Library) -> None:
    second = (
        "Talks on the disputed islands have stalled for decades, and neither government "
        "expects a breakthrough this year."
    )
    assert kinds_between(library, BASE, second) == []


def test_short_sentences_never_match(library: Library) -> None:
    assert (
        kinds_between(library, "He said no. Read more here.", "He said no. Read more here.") == []
    )


def test_repeats_inside_one_article_are_not_matches(library: Library) -> None:
    a = library.add(article(f"{BASE}\n\n{BASE}")).article_id
    assert library.matches(a) == []


MARKETS = (
    "Shares in Northwind closed {} percent higher at {} after it reported quarterly revenue. "
    "Forecasters said up to {} millimetres of rain could fall in parts of Sudan this week. "
    "{}"
)


COMPANIES = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Adventure", "Litware", "Proseware"]
PLACES = ["Sudan", "Chad", "Niger", "Mali", "Kenya", "Ghana", "Benin", "Togo"]
MARKET_REPORT = (
    "Shares in {} closed {} percent higher at {} dollars after it reported quarterly revenue. "
    "Forecasters said up to {} millimetres of rain could fall in parts of {} this week. "
    "{}"
)


def market_report(n: int) -> str:
    """A market report as a desk writes one every day: one frame, other names and figures."""
    return MARKET_REPORT.format(
        COMPANIES[n % len(COMPANIES)],
        f"{n % 9}.{n % 7}",
        f"{12 + 3 * n}.{n % 10}5",
        40 + 17 * n,
        PLACES[n % len(PLACES)],
        f"Trading was quiet in the session number {n}, brokers in the capital said.",
    )


def test_a_library_that_knows_a_frame_does_not_match_its_fillings(library: Library) -> None:
    """The library learns a frame from its fillings: once it holds several market
    reports, another day's report shares nothing with them, in any script (no
    capital letters or lists of names are needed)."""
    ids = [library.add(article(market_report(n), outlet=f"Desk {n}")).article_id for n in range(9)]
    latest = library.add(article(market_report(9), outlet="Desk 9")).article_id
    assert library.matches(latest) == []
    assert all(library.matches(i) == [] for i in ids[-2:])


def test_a_lone_copy_with_a_changed_figure_is_matched_and_typed(library: Library) -> None:
    """The fact-checker's core case: one sentence, copied, with the figure changed."""
    wire = "Authorities ordered about 12,000 residents to leave the valley before the dam broke."
    first = library.add(article(wire)).article_id
    library.add(article(wire.replace("12,000", "15,000")))
    (match,) = library.matches(first)
    assert match.kind == "near"
    (link,) = library.links(first, 0)
    assert [(c.type, c.a, c.b) for c in link.changes] == [("number", "12,000", "15,000")]


def test_a_lone_copy_with_a_changed_name_is_matched_in_a_script_without_capitals(
    library: Library,
) -> None:
    wire = "سیلاب کے بعد ضلع راجن پور میں بارہ ہزار افراد کو محفوظ مقامات پر منتقل کر دیا گیا۔"
    first = library.add(article(wire)).article_id
    library.add(article(wire.replace("راجن پور", "ڈیرہ غازی خان")))
    assert [m.kind for m in library.matches(first)] in (["near"], ["similar"])


def test_a_copy_that_changes_a_figure_keeps_that_sentence(library: Library) -> None:
    """Inside a copied story a changed figure is a changed fact, not a template."""
    wire = MARKETS.format("2.1", "41.50", 370, BASE)
    wire_id = library.add(article(wire)).article_id
    library.add(article(MARKETS.format("2.1", "41.50", 50, BASE)))
    assert sorted(m.kind for m in library.matches(wire_id)) == ["exact", "exact", "near"]


def test_delete_removes_matches_and_fixes_counts(library: Library) -> None:
    a = library.add(article(BASE)).article_id
    b = library.add(
        article(BASE + " Extra words make this a different article entirely.")
    ).article_id
    assert library.article(a).shared_count == 1  # type: ignore[union-attr]
    assert library.delete(b)
    assert library.matches(a) == []
    assert library.article(a).shared_count == 0  # type: ignore[union-attr]
    assert not library.delete(b)


def test_groups_take_earliest_published_as_origin(library: Library) -> None:
    late = library.add(article(BASE, published="2025-03-02", outlet="Late")).article_id
    early_text = BASE + " More text follows in the early one, to make it distinct."
    early = library.add(article(early_text, published="2025-03-01", outlet="Early")).article_id
    undated_text = BASE + " And the undated copy adds a sentence of its own here."
    library.add(article(undated_text, outlet="Undated"))
    (group,) = library.groups()
    assert len(group.articles) == 3 and late in group.articles
    assert group.origin == (early, 0)


def test_related_lists_articles_by_shared_count(library: Library) -> None:
    second = "A second sentence, long enough to match, about a harbour and its ferry schedule."
    a = library.add(article(f"{BASE} {second}")).article_id
    b = library.add(article(f"{BASE} {second} A third line here.")).article_id
    c = library.add(article(f"{BASE} Something else entirely, which nobody else printed today."))
    assert library.related(a) == [(b, 2), (c.article_id, 1)]


def test_word_diff_shows_what_changed() -> None:
    parts = word_diff(
        "Relations worsened when Japan imposed sanctions.",
        "Relations then worsened when Japan imposed new sanctions.",
    )
    changed = [(p.op, p.a, p.b) for p in parts if p.op != "equal"]
    assert changed == [("insert", "", "then"), ("insert", "", "new")]


def test_compare_aligns_shared_sentences_on_one_row(library: Library) -> None:
    shared = [
        "The first shared sentence describes the storm that hit the coast overnight.",
        "The second shared sentence quotes the mayor on the damage to the harbour.",
    ]
    left = library.add(article(f"Left only opening line goes first here. {shared[0]} {shared[1]}"))
    right = library.add(
        article(f"{shared[0]} Right adds its own remark in the middle. {shared[1]}")
    )
    rows = library.compare(left.article_id, right.article_id)  # type: ignore[arg-type]
    aligned = [(r.left.text, r.right.text) for r in rows if r.left and r.right]
    assert aligned == [(s, s) for s in shared]
    assert [r.right.text for r in rows if r.right and not r.left] == [
        "Right adds its own remark in the middle."
    ]


def test_compare_lines_up_a_short_sentence_both_print_without_calling_it_shared(
    library: Library,
) -> None:
    """ "Everything is gone." is too short to match (MIN_WORDS), but printed by both
    between two shared sentences it belongs on one row, unmarked."""
    shared = [
        "The river burst its banks overnight and flooded the lower town near the mill.",
        "Firefighters rescued forty residents from rooftops before dawn on Tuesday.",
    ]
    left = library.add(article(f"{shared[0]} Everything is gone. {shared[1]}"))
    right = library.add(article(f"{shared[0]} Everything is gone. Truly. {shared[1]}"))
    rows = library.compare(left.article_id, right.article_id)  # type: ignore[arg-type]
    assert [(r.left and r.left.text, r.right and r.right.text, r.kind) for r in rows] == [
        (shared[0], shared[0], "exact"),
        ("Everything is gone.", "Everything is gone.", None),
        (None, "Truly.", None),
        (shared[1], shared[1], "exact"),
    ]


# -- properties ----------------------------------------------------------------

VOCABULARY = (
    "minister",
    "harbour",
    "council",
    "storm",
    "budget",
    "election",
    "court",
    "police",
    "river",
    "school",
    "hospital",
    "market",
    "border",
    "treaty",
    "summit",
    "farmer",
    "museum",
    "bridge",
    "railway",
    "airport",
    "factory",
    "village",
    "festival",
    "report",
    "witness",
    "senator",
    "engineer",
    "teacher",
    "doctor",
    "lawyer",
    "pilot",
    "captain",
    "announced",
    "rejected",
    "approved",
    "delayed",
    "criticised",
    "welcomed",
    "questioned",
    "blocked",
)
words_strategy = st.lists(st.sampled_from(VOCABULARY), min_size=12, max_size=24, unique=True)


def sentence(tokens: list[str]) -> str:
    return " ".join(tokens).capitalize() + "."


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tokens=words_strategy,
    edits=st.lists(
        st.tuples(st.integers(0, 99), st.sampled_from(VOCABULARY)), min_size=1, max_size=2
    ),
)
def test_copy_with_one_or_two_word_edits_is_found(tmp_path: Path, tokens: list[str], edits) -> None:
    edited = list(tokens)
    for position, word in edits:
        edited[position % len(edited)] = word
    with Library(
        tmp_path / f"{hashlib.sha1(repr((tokens, edits)).encode()).hexdigest()}.db"
    ) as lib:
        a = lib.add(article(sentence(tokens))).article_id
        lib.add(article(sentence(edited) + " Padding sentence to keep the articles apart."))
        assert [m.a_i for m in lib.matches(a)] == [0]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=words_strategy, second=words_strategy)
def test_random_pairs_match_only_as_the_verifier_says(tmp_path: Path, first, second) -> None:
    """Unrelated word salad never matches, unless one really contains the other
    (a trimmed copy): the engine adds nothing to the verifier's verdict."""
    a_text, b_text = sentence(first), sentence(second)
    with Library(
        tmp_path / f"{hashlib.sha1(repr((first, second)).encode()).hexdigest()}.db"
    ) as lib:
        a = lib.add(article(a_text)).article_id
        lib.add(article(b_text + " Padding sentence to keep the articles apart."))
        found = [(m.kind, m.score) for m in lib.matches(a)]
    verdict = verify(a_text, b_text)
    assert found in ([], [(verdict.kind, verdict.score)] if verdict else [])


def match_set(lib: Library) -> set[frozenset[str]]:
    pairs = set()
    for row in lib.articles():
        sentences = lib.sentences(row.id)
        for m in lib.matches(row.id):
            other = lib.sentences(m.b_article)[m.b_i].text
            pairs.add(frozenset((sentences[m.a_i].text, other, m.kind)))
    return pairs


def test_matches_are_symmetric_and_independent_of_ingest_order(tmp_path: Path) -> None:
    texts = [
        f"{BASE} The islands lie north of Hokkaido and have been disputed since 1945.",
        BASE.replace("had agreed", "had then agreed") + " Officials declined to comment further.",
        "The islands lie north of Hokkaido and have been disputed since 1945, officials said. "
        "A separate story about fishing quotas follows in the second half of this piece.",
    ]
    results = []
    for order, name in ((texts, "forward"), (texts[::-1], "backward")):
        with Library(tmp_path / f"{name}.db") as lib:
            for text in order:
                lib.add(article(text))
            results.append(match_set(lib))
            for row in lib.articles():  # every match is seen from both of its articles
                for m in lib.matches(row.id):
                    back = [x for x in lib.matches(m.b_article) if x.b_article == row.id]
                    assert (m.b_i, m.a_i) in {(x.a_i, x.b_i) for x in back}
    assert results[0] == results[1] and len(results[0]) == 2


def test_a_rewrite_that_changes_every_third_word_is_found(library: Library) -> None:
    """Three shared word 3-grams would miss it: its 2-grams still find it."""
    wire = (
        "Rescue crews pulled two fishermen from the cold water near the harbour wall. "
        "The coastguard said both men were taken to hospital as a precaution."
    )
    copy = (
        "Rescue teams pulled two anglers from the icy water close to the harbour wall. "
        "The coastguard said both men were taken to hospital as a precaution."
    )
    first = library.add(article(wire)).article_id
    library.add(article(copy))
    assert sorted(m.kind for m in library.matches(first)) == ["exact", "similar"]


def test_a_library_keyed_by_3_grams_is_keyed_again_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Library(path) as lib:
        lib.add(article(BASE))
        lib.conn.execute("UPDATE sentences SET shingles = X'00'")
        lib.conn.execute("INSERT INTO scans (name) VALUES ('keys')")
        lib.conn.commit()
    with Library(path) as lib:
        rows = lib.conn.execute("SELECT text, shingles FROM sentences").fetchall()
        assert rows and all(blob == sentence_key(text).shingles for text, blob in rows)
        assert not lib.conn.execute("SELECT 1 FROM scans WHERE name = 'keys'").fetchone()
        copy = lib.add(article(BASE.replace("had agreed", "had then agreed"))).article_id
        assert [m.kind for m in lib.matches(copy)] == ["near"]


def test_an_update_that_changes_the_whole_lead_still_shows_each_changed_sentence(
    library: Library,
) -> None:
    """A reader's case: the toll, the injured and the magnitude change in
    the first three sentences, and only then does the copy run on unchanged."""
    lead = (
        "A strong earthquake killed at least {} people in the mountain province of Tavra "
        "on Tuesday, the disaster agency said. More than {} people were injured and {} "
        "others remain missing, according to the agency. The magnitude {} quake struck at "
        "a depth of ten kilometres near the village of Orsk. "
    )
    rest = (
        "Rescue teams were still searching collapsed houses in the villages along the valley. "
        "Aid groups said roads to the worst-hit districts had been cut by landslides."
    )
    wire = library.add(article(lead.format(112, 340, 57, 6.8) + rest)).article_id
    library.add(article(lead.format(168, 520, 31, 6.9) + rest))
    assert sorted(m.kind for m in library.matches(wire)) == [
        "exact",
        "exact",
        "near",
        "near",
        "near",
    ]


def test_a_quote_two_outlets_rework_is_shared_even_alone(library: Library) -> None:
    """On real pages the one sentence two outlets share is often a reworked quote, with
    nothing else shared beside it: two stories on one event (the eastern bridge, the
    winter closure), each in its own words but for the mayor's. It stands alone, and
    it is a quote."""
    first = library.add(
        article(
            "The council met on Tuesday evening to vote on closing the eastern bridge. "
            '"We are going to close the eastern bridge and scale back certain services for '
            'the rest of the winter," the mayor added, speaking after the vote. '
            "Residents queued for an hour to speak against the closure of the bridge."
        )
    ).article_id
    library.add(
        article(
            "Drivers will have to use the ring road once the eastern bridge shuts for winter. "
            '"We are going to close the eastern bridge, and scale back some of our services '
            'for the rest of this winter," the mayor said. '
            "The council vote on the closure passed late on Tuesday despite residents' anger."
        )
    )
    (match,) = library.matches(first)
    assert match.kind in ("similar", "near") and match.quote


EVENTS = [
    ("A bomb exploded near a market in", "killing four people", "the district hospital"),
    ("Gunmen attacked a police checkpoint outside", "wounding two officers", "a clinic nearby"),
    ("A grenade was thrown at a bus stop in", "injuring eleven commuters", "the city hospital"),
    ("Militants fired rockets at an army post near", "killing a soldier", "a military hospital"),
    ("A roadside blast hit a convoy north of", "wounding three guards", "the provincial hospital"),
    ("Attackers set fire to a school in", "leaving the building in ruins", "no hospital at all"),
    ("An explosive device went off at a shrine in", "killing two worshippers", "a trauma centre"),
    ("Armed men ambushed a patrol west of", "killing one policeman", "the base infirmary"),
    ("A suicide bomber struck a rally in", "killing nine people", "several hospitals"),
]
TOWNS = ["Kohat", "Bannu", "Tank", "Lakki", "Chitral", "Swat", "Hangu", "Karak", "Zhob"]


def test_a_stock_clause_between_stories_on_other_events_is_not_shared(library: Library) -> None:
    """A clause every incident report prints, with its own place ("security forces
    cordoned off the area and started a search operation in Kohat") is a stock
    phrase once the library holds such reports: a new report on another incident
    shares nothing with them."""
    for n, ((what, toll, where), town) in enumerate(zip(EVENTS, TOWNS, strict=True)):
        library.add(
            article(
                f"{what} {town} on day {n} of the month, {toll}, police said. "
                f"Security forces cordoned off the area and started a search operation in {town}. "
                f"The wounded were taken to {where}, a spokesman for the provincial "
                f"government told reporters in {town}.",
                outlet=f"Desk {n}",
            )
        )
    latest = library.add(
        article(
            "Unknown assailants torched two lorries on the highway near Parachinar, "
            "blocking traffic for hours. Security forces cordoned off the area and started "
            "a search operation in Parachinar. Traders there said they would close their shops.",
            outlet="Desk 9",
        )
    ).article_id
    assert library.matches(latest) == []


def test_a_lone_trimmed_passage_is_shared_whatever_else_the_stories_say(library: Library) -> None:
    """One outlet's long sentence, trimmed by another into a story about something
    else: no other sentence is shared and the two stories' words hardly overlap
    (their topical overlap is under TOPICAL_MIN), but fourteen words in a row are
    a passage printed twice, not a stock phrase."""
    first = library.add(
        article(
            "The harbour authority closed the northern pier on Tuesday after divers found "
            "cracks in three of its concrete pillars, leaving dozens of fishing boats "
            "without a berth for the rest of the season. Engineers will inspect the "
            "southern pier next week with sonar equipment borrowed from the navy. Fish "
            "prices at the covered market rose by a fifth within hours of the closure. "
            "Skippers asked the mayor for compensation and a temporary floating jetty. "
            "The pier was built in 1962 and last repaired after the storms of 2009.",
            outlet="Coast Gazette",
        )
    ).article_id
    second = library.add(
        article(
            "Teachers in the district voted to strike over pay for the first time in a "
            "decade, closing forty primary schools from Monday. The union said talks with "
            "the education board had broken down over pensions and classroom sizes. "
            "Elsewhere, divers found cracks in three of its concrete pillars, leaving "
            "dozens of fishing boats without a berth. Parents were told to arrange "
            "childcare for at least a week. The board's chairman called the ballot "
            "reckless and promised a revised offer before the holidays.",
            outlet="Valley Times",
        )
    ).article_id
    (match,) = library.matches(second)
    assert {match.a_article, match.b_article} == {first, second}
    assert match.kind == "partial"


def test_a_quote_without_its_attribution_is_a_partial_copy(library: Library) -> None:
    first = library.add(
        article(
            '"It does not change my life at all now and my days are pretty much as they '
            'were before," the patient wrote in a note that accompanied the case report. '
            "Doctors said the treatment had worked better than they expected."
        )
    ).article_id
    library.add(
        article(
            "Here is how things stand in the words of the patient. "
            '"It does not change my life at all now and my days are pretty much as they '
            'were before."'
        )
    )
    assert [m.kind for m in library.matches(first)] == ["partial"]
