"""Typed fact changes between two matched sentences (tui/match/changes.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.match.changes import Change, fact_changes

CONVOY_A = "The group did not immediately claim responsibility for the attack on the convoy."
CONVOY_B = "The group has claimed responsibility for the attack on the convoy."


def test_the_issue_example_number_and_weekday_in_one_pair_give_two_changes() -> None:
    a = "Police said 12,000 residents were evacuated on Tuesday."
    b = "Police said 15,000 residents were evacuated on Monday."
    assert fact_changes(a, b) == [
        Change("number", "12,000", "15,000"),
        Change("date", "Tuesday", "Monday"),
    ]


def test_the_issue_example_claimed_responsibility_is_a_negation() -> None:
    assert fact_changes(CONVOY_A, CONVOY_B) == [Change("negation", "not", "")]
    assert fact_changes(CONVOY_B, CONVOY_A) == [Change("negation", "", "not")]


def test_the_issue_example_respelt_name() -> None:
    a = "Interior Minister Peter Varga said the border would stay open."
    b = "Interior Minister Peter Vargas said the border would stay open."
    assert fact_changes(a, b) == [Change("name", "Varga", "Vargas")]


def test_poor_to_excellent_is_no_fact_type() -> None:
    """An adjective swap changes the meaning but is none of the five types: nothing to show.
    (A fact-checker may still want it; the word diff shows it.)"""
    assert (
        fact_changes("The harvest was poor this year.", "The harvest was excellent this year.")
        == []
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "a profit of $5 million in May",
            "a profit of $6 million in May",
            ("$5 million", "$6 million"),
        ),
        ("Turnout reached 40% on", "Turnout reached 45 percent on", ("40%", "45 percent")),
        ("across 3 km of forest", "across 5 km of forest", ("3 km", "5 km")),
        ("Two soldiers were wounded.", "Three soldiers were wounded.", ("Two", "Three")),
        ("Dozens of families fled.", "Hundreds of families fled.", ("Dozens", "Hundreds")),
        ("it will cost 2.3 billion euros", "it will cost 2.3 million euros", None),
        ("The 34-year-old driver", "The 43-year-old driver", ("34-year-old", "43-year-old")),
        (
            "polls close at 8 p.m. local time",
            "polls close at 9 p.m. local time",
            ("8 p.m.", "9 p.m."),
        ),
        ("Fewer than 100 people came.", "More than 100 people came.", None),
        ("It was the first time.", "It was the second time.", ("first", "second")),
        ("a magnitude of ６.１ quake", "a magnitude of 6.4 quake", ("６.１", "6.4")),
    ],
)
def test_numbers_keep_unit_and_scale(a: str, b: str, expected: tuple[str, str] | None) -> None:
    changes = fact_changes(a, b)
    assert [c.type for c in changes] == ["number"]
    if expected:
        assert (changes[0].a, changes[0].b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The region has 12,000 voters.", "The region has 12000 voters."),
        ("Two people were detained.", "2 people were detained."),
        ("Prices rose 5 percent.", "Prices rose 5%."),
        ("The fund raised $1.5 million.", "The fund raised $1,500,000."),
        ("The trail is 3 km long.", "The trail is 3 kilometres long."),
        ("The UN said 1.2 million people fled.", "The UN said 1.2m people fled."),
        ("More than 200 people left.", "Over 200 people left."),
        ("Police said one man was arrested.", "Police said a man was arrested."),
        ("The 12-year-old boy was found.", "The boy, 12, was found."),
    ],
)
def test_the_same_number_written_otherwise_is_no_change(a: str, b: str) -> None:
    assert fact_changes(a, b) == []


def test_a_dropped_figure_is_reported_with_an_empty_side() -> None:
    a = "The storm left 40,000 homes without power."
    b = "The storm left homes without power."
    assert fact_changes(a, b) == [Change("number", "40,000", "")]
    assert fact_changes(b, a) == [Change("number", "", "40,000")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("due to open on June 3 in court", "due to open on June 4 in court", ("June 3", "June 4")),
        (
            "signed on 3 March 2022 by",
            "signed on 13 March 2022 by",
            ("3 March 2022", "13 March 2022"),
        ),
        ("The filing, dated 2024-05-17, was", "The filing, dated 2024-05-18, was", None),
        ("He resigned yesterday.", "He resigned today.", ("yesterday", "today")),
        (
            "closed since 2019, the union said",
            "closed since 2021, the union said",
            ("2019", "2021"),
        ),
        ("Elections are due in October.", "Elections are due in November.", None),
        ("The council met to vote.", "The council met on Thursday to vote.", ("", "Thursday")),
    ],
)
def test_dates(a: str, b: str, expected: tuple[str, str] | None) -> None:
    changes = fact_changes(a, b)
    assert [c.type for c in changes] == ["date"]
    if expected:
        assert (changes[0].a, changes[0].b) == expected


def test_a_year_is_a_date_only_next_to_date_words() -> None:
    assert fact_changes("She was born in 1984.", "She was born in 1985.")[0].type == "date"
    assert fact_changes("The 1984 law was repealed.", "The 1985 law was repealed.") == [
        Change("number", "1984", "1985")
    ]


def test_a_date_written_otherwise_or_moved_is_no_change() -> None:
    assert fact_changes("set for June 3 by the judge", "set for 3 June by the judge") == []
    a = "The plant will close in March, the company said on Tuesday."
    b = "The company said on Tuesday the plant will close in March."
    assert fact_changes(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "Floodwater reached Riverton on Sunday.",
            "Floodwater reached Harbour on Sunday.",
            ("Riverton", "Harbour"),
        ),
        (
            "Varga told lawmakers the plan failed.",
            "Vargas told lawmakers the plan failed.",
            ("Varga", "Vargas"),
        ),
        ("A French aid worker was hurt.", "A German aid worker was hurt.", ("French", "German")),
        (
            "It was signed by Anna Kowal, the chair.",
            "It was signed by the chair.",
            ("Anna Kowal", ""),
        ),
        (
            "Министр Иван Петров заявил об этом.",
            "Министр Иван Петренко заявил об этом.",
            ("Петров", "Петренко"),
        ),
    ],
)
def test_names(a: str, b: str, expected: tuple[str, str]) -> None:
    assert fact_changes(a, b) == [Change("name", *expected)]


def test_names_that_swap_roles_are_changes_but_names_joined_by_and_are_not() -> None:
    a = "The bill was drafted by Laura Finch and backed by Tom Reyes."
    b = "The bill was drafted by Tom Reyes and backed by Laura Finch."
    assert fact_changes(a, b) == [
        Change("name", "Laura Finch", "Tom Reyes"),
        Change("name", "Tom Reyes", "Laura Finch"),
    ]
    assert fact_changes("Varga and Ruiz met in May.", "Ruiz and Varga met in May.") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A capital from the sentence start: the other sentence has the word in lower case.
        ("Authorities said the road was closed.", "The road was closed, authorities said."),
        # An ordinary word starting both sentences.
        ("Officials said the bridge would reopen.", "Authorities said the bridge would reopen."),
        # A short form of the same name, titles aside.
        ("President Elena Morales will travel.", "Morales will travel."),
        # A country and its people.
        ("Russia's foreign ministry said so.", "The Russian foreign ministry said so."),
        # The same names moved around.
        ("Speaking in Riverton on Sunday, Varga said no.", "Varga said no on Sunday in Riverton."),
    ],
)
def test_capitals_that_are_not_changed_names(a: str, b: str) -> None:
    assert fact_changes(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            'The deal is "a historic step" for us.',
            'The deal is "an important step" for us.',
            ("a historic step", "an important step"),
        ),
        (
            "Il parle d'une « catastrophe » ici.",
            "Il parle d'une « tragédie » ici.",
            ("catastrophe", "tragédie"),
        ),
        ("Die Lage sei „sehr ernst“ und", "Die Lage sei „ernst“ und", ("sehr ernst", "ernst")),
        ("the damage was 'extensive' in", "the damage was 'limited' in", ("extensive", "limited")),
        (
            '"We will not give up," she said.',
            '"We will never give up," she said.',
            ("We will not give up", "We will never give up"),
        ),
        (
            "首相は「慎重に検討する」と述べた。",
            "首相は「直ちに検討する」と述べた。",
            ("慎重に検討する", "直ちに検討する"),
        ),
    ],
)
def test_quotes_show_the_whole_quotation(a: str, b: str, expected: tuple[str, str]) -> None:
    assert fact_changes(a, b) == [Change("quote", *expected)]


def test_quote_marks_changed_or_a_number_in_a_quote_are_not_quote_changes() -> None:
    assert (
        fact_changes('"We are ready," the coach said.', "« We are ready », the coach said.") == []
    )
    assert fact_changes('"We lost 12 homes," he said.', '"We lost 15 homes," he said.') == [
        Change("number", "12", "15")
    ]


def test_a_negation_inside_a_quote_is_a_negation_not_a_quote() -> None:
    a, b = (
        '"There is no evidence of foul play," he said.',
        '"There is evidence of foul play," he said.',
    )
    assert fact_changes(a, b) == [Change("negation", "no", "")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The company said it wouldn't comment.",
            "The company said it would comment.",
            ("wouldn't", ""),
        ),
        ("The water was safe to drink.", "The water was not safe to drink.", ("", "not")),
        ("Injuries were reported.", "No injuries were reported.", ("", "No")),
        (
            "It was signed with the approval of parliament.",
            "It was signed without the approval of parliament.",
            ("", "without"),
        ),
        (
            "Le gouvernement n'a pas confirmé le bilan.",
            "Le gouvernement a confirmé le bilan.",
            ("n'a pas", ""),
        ),
        ("Le suspect ne s'est pas présenté.", "Le suspect s'est présenté.", ("ne pas", "")),
        (
            "Die Polizei hat die Zahl nicht bestätigt.",
            "Die Polizei hat die Zahl bestätigt.",
            ("nicht", ""),
        ),
        ("El ministro no descartó sanciones.", "El ministro descartó sanciones.", ("no", "")),
        ("Министр не подтвердил эти данные.", "Министр подтвердил эти данные.", ("не", "")),
        ("सरकार ने कहा कि पुल बंद नहीं होगा।", "सरकार ने कहा कि पुल बंद होगा।", ("नहीं", "")),
        ("قال إن الحكومة لم توافق على الخطة.", "قال إن الحكومة وافقت على الخطة.", ("لم", "")),
        (
            "وزیر نے کہا کہ مذاکرات ملتوی نہیں ہوں گے۔",
            "وزیر نے کہا کہ مذاکرات ملتوی ہوں گے۔",
            ("نہیں", ""),
        ),
    ],
)
def test_negations(a: str, b: str, expected: tuple[str, str]) -> None:
    assert fact_changes(a, b) == [Change("negation", *expected)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The company did not respond.", "The company didn't respond."),
        ("No one was hurt in the blast.", "Nobody was hurt in the blast."),
        (
            "Neither the club nor the player commented.",
            "The club and the player have not commented.",
        ),
        ("The firm can't confirm it.", "The firm cannot confirm it."),
    ],
)
def test_negation_written_otherwise_is_no_change(a: str, b: str) -> None:
    assert fact_changes(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("قتل ٣٥ شخصا في الهجوم.", "قتل ٣٨ شخصا في الهجوم.", [Change("number", "٣٥", "٣٨")]),
        ("بلغ العدد ۱۲ نفر.", "بلغ العدد ۱۸ نفر.", [Change("number", "۱۲", "۱۸")]),
        ("बाढ़ में १२ लोगों की मौत हुई।", "बाढ़ में १५ लोगों की मौत हुई।", [Change("number", "१२", "१५")]),
        (
            "эвакуированы 1 200 человек.",
            "эвакуированы 1 500 человек.",
            [Change("number", "1 200", "1 500")],
        ),
        (
            "Заседание состоится во вторник.",
            "Заседание состоится в среду.",
            [Change("date", "вторник", "среду")],
        ),
        (
            "قتل ٣٥ شخصا يوم الثلاثاء.",
            "قتل ٤٠ شخصا يوم الأربعاء.",
            [Change("number", "٣٥", "٤٠"), Change("date", "الثلاثاء", "الأربعاء")],
        ),
        (
            "Министр не исключил, что 300 военных останутся.",
            "Министр исключил, что 500 военных останутся.",
            [Change("negation", "не", ""), Change("number", "300", "500")],
        ),
        (
            "Η συνάντηση θα γίνει την Τρίτη 16 Ιουλίου.",
            "Η συνάντηση θα γίνει την Τετάρτη 17 Ιουλίου.",
            [Change("date", "Τρίτη", "Τετάρτη"), Change("date", "16 Ιουλίου", "17 Ιουλίου")],
        ),
        (
            "Ο υπουργός είπε ότι οι συνομιλίες θα συνεχιστούν.",
            "Ο υπουργός είπε ότι οι συνομιλίες δεν θα συνεχιστούν.",
            [Change("negation", "", "δεν")],
        ),
        (
            "Ο υπουργός Γιώργος Παπαδόπουλος μίλησε στη Βουλή.",
            "Ο υπουργός Νίκος Παπαδάκης μίλησε στη Βουλή.",
            [Change("name", "Γιώργος Παπαδόπουλος", "Νίκος Παπαδάκης")],
        ),
        (  # a trimmed copy: the first word an article, the weekday a date
            "Η λιμενική αρχή έκλεισε την Τρίτη τη βόρεια προβλήτα αφού δύτες εντόπισαν ρωγμές.",
            "Αλλού, δύτες εντόπισαν ρωγμές.",
            [Change("date", "Τρίτη", "")],
        ),
    ],
)
def test_other_scripts(a: str, b: str, expected: list[Change]) -> None:
    assert fact_changes(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قتل ٣٥ شخصا في الهجوم.", "قتل 35 شخصا في الهجوم."),
        ("बाढ़ में १२ लोगों की मौत हुई।", "बाढ़ में 12 लोगों की मौत हुई।"),
        ("۳ نفر", "٣ نفر"),
        ("１２人が負傷", "12人が負傷"),
    ],
)
def test_digits_of_another_script_are_the_same_number(a: str, b: str) -> None:
    assert fact_changes(a, b) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The minister said the talks had stalled.",
            "The minister told reporters the talks had stalled.",
        ),
        ("The convoy crossed and headed north.", "The convoy crossed and then headed north."),
        ("The blaze destroyed the old town.", "The fire destroyed the old town."),
        (
            "However, the ministry said it was provisional.",
            "The ministry said, however, that it was provisional.",
        ),
        (
            "In a statement, the agency said it stopped.",
            "The agency said in a statement it stopped.",
        ),
        (
            "The organisation said the programme would go on.",
            "The organization said the program would go on.",
        ),
        (
            "Президент заявил, что переговоры продолжатся.",
            "Президент сказал, что переговоры продолжатся.",
        ),
        (
            "The talks will resume next week in Geneva.",
            "The talks will resume in Geneva next week.",
        ),
    ],
)
def test_style_edits_give_nothing(a: str, b: str) -> None:
    assert fact_changes(a, b) == []


def test_output_is_in_sentence_order_without_duplicates() -> None:
    a = "On Monday, 12 people left Riverton and 30 stayed."
    b = "On Tuesday, 14 people left Harbour and 31 stayed."
    changes = fact_changes(a, b)
    assert changes == [
        Change("date", "Monday", "Tuesday"),
        Change("number", "12", "14"),
        Change("name", "Riverton", "Harbour"),
        Change("number", "30", "31"),
    ]
    assert len(set(changes)) == len(changes)


_ALPHABET = st.sampled_from(
    list("aZ 1,.%$\"'“”«»„「」-")
    + ["not", "n't", "Monday", "June", "3", "12,000", "million", "Varga", "не", "١٢", "नहीं", "  "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join), st.lists(_ALPHABET, max_size=30).map("".join))
def test_any_text_gives_well_formed_changes_from_its_own_words(a: str, b: str) -> None:
    changes = fact_changes(a, b)
    assert fact_changes(a, a) == []
    assert len(set(changes)) == len(changes)
    for change in changes:
        assert change.type in {"number", "date", "name", "quote", "negation"}
        assert change.a or change.b
        for side, text in ((change.a, a), (change.b, b)):
            assert all(word in text for word in side.split())


@pytest.mark.parametrize(
    "wire",
    [
        "LAKEVILLE, Ore. (AP) — Authorities ordered 12,000 residents to leave on Tuesday.",
        "LONDON, March 4 (Reuters) - Authorities ordered 12,000 residents to leave on Tuesday.",
        "BEIRUT — Authorities ordered 12,000 residents to leave on Tuesday.",
        "Lucknow, July 15 (IANS) Authorities ordered 12,000 residents to leave on Tuesday.",
    ],
)
def test_a_wire_dateline_kept_or_dropped_is_no_change(wire: str) -> None:
    copy = "Authorities ordered 12,000 residents to leave on Tuesday."
    assert fact_changes(wire, copy) == []
    assert fact_changes(wire, copy.replace("12,000", "15,000")) == [
        Change("number", "12,000", "15,000")
    ]


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        ("The fund holds $5 million.", "The fund holds €5 million.", ("$5 million", "€5 million")),
        (
            "It was -15 degrees on the pass.",
            "It was 15 degrees on the pass.",
            ("-15 degrees", "15 degrees"),
        ),
        (
            "The blast came at 2 a.m. on the pier.",
            "The blast came at 2 p.m. on the pier.",
            ("2 a.m.", "2 p.m."),
        ),
    ],
)
def test_a_currency_a_sign_or_a_clock_half_is_a_changed_number(a, b, shown) -> None:
    assert [(c.type, c.a, c.b) for c in fact_changes(a, b)] == [("number", *shown)]
    # and the word diff sees the words differ, so no view says "same words"
    from tui.match.diff import word_diff

    assert any(part.op != "equal" for part in word_diff(a, b))


def test_a_changed_figure_in_chinese_is_a_changed_number() -> None:
    """Chinese is written without spaces: the diff works character by character and
    keeps digits together, so the figure stands alone."""
    a, b = "周二，当局下令12000名居民撤离。", "周一，当局下令15000名居民撤离。"
    assert Change("number", "12000", "15000") in fact_changes(a, b)
    assert fact_changes(a, a) == []
