"""Folding for cross-outlet matching: what it erases, what it keeps, and invariants."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.text import normalize
from tui.text.normalize import fold, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Case, including non-ASCII casefolding.
        ("Moscow AND Tokyo", "moscow and tokyo"),
        ("Straße", "strasse"),
        # Quotation marks of every style disappear.
        ("“build relations with Tokyo.”", "build relations with tokyo."),
        ("'build relations with Tokyo.'", "build relations with tokyo."),
        ('‘a’ „b“ ‚c‘ «d» ‹e› ‟f” "g"', "a b c d e f g"),
        # Apostrophes inside words stay, in one form.
        ("Russia’s", "russia's"),
        ("Russia's", "russia's"),
        ("O‘Brien don′t", "o'brien don't"),
        ("the Joneses’ house", "the joneses house"),
        # Dashes of every kind become a hyphen.
        ("mid‐20th – 2025 — now ― minus −5 non‑breaking ‒ fig", None),
        # Whitespace collapses and is trimmed.
        ("  a \t b\n\nc\u00a0d\u2003e  ", "a b c d e"),
        # NFKC: full-width letters, ligatures, ellipsis.
        ("Ｔｏｋｙｏ ﬁne…", "tokyo fine..."),
        # Invisible characters scattered by web pages.
        ("peace\u00adtreaty Rus\u200bsia\ufeff", "peacetreaty russia"),
        ("", ""),
        ("  \n ", ""),
    ],
)
def test_fold(text: str, expected: str | None) -> None:
    if expected is None:
        expected = "mid-20th - 2025 - now - minus -5 non-breaking - fig"
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("marked", "bare"),
    [
        # Arabic vowel marks: fatha, kasra, damma, tanwin, shadda, sukun.
        ("كَتَبَ الطَّالِبُ دَرْسًا جَدِيدًا", "كتب الطالب درسا جديدا"),
        # The superscript alef, a Quranic pause mark, an honorific sign.
        ("هٰذَا ۖ كِتَابٌ", "هذا كتاب"),
        ("هذا\u0610 كتاب\u06e1", "هذا كتاب"),
        # Tatweel (kashida), stretched to fill a justified line.
        ("مـــدينة الجـسر", "مدينة الجسر"),
        # Arabic presentation forms of marks fold like the marks (NFKC first).
        ("\ufe70كتب \ufc5e", "كتب"),
        # Zero-width non-joiner and joiner inside Persian, Urdu and Hindi words.
        ("می\u200cروم به کتاب\u200cخانه", "میروم به کتابخانه"),
        ("क्\u200dष", "क्ष"),
        # Hebrew points: niqqud, dagesh, shin and sin dots, a cantillation mark.
        ("שָׁלוֹם לַמּוֹרֶה\u0591", "שלום למורה"),
        # A presentation form with a point decomposes and loses the point.
        ("\ufb2aמש", "שמש"),
    ],
)
def test_reading_marks_fold_away(marked: str, bare: str) -> None:
    assert fold(marked) == fold(bare)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # Devanagari vowel signs and virama, Bengali vowel signs: other words.
        ("दिन", "दान"),
        ("दिन", "दन"),
        ("पत्नी", "पतनी"),
        ("দিন", "দান"),
        # Thai vowels and Vietnamese tones are spelling.
        ("ปี", "ป"),
        ("bán", "bạn"),
        ("Hà", "Ha"),
        # Hebrew maqaf, paseq and sof pasuq are punctuation, not points.
        ("בית־ספר", "ביתספר"),
        ("סוף׃", "סוף"),
    ],
)
def test_marks_that_spell_another_word_stay(one: str, other: str) -> None:
    assert fold(one) != fold(other)


def test_same_sentence_from_two_outlets_folds_equal() -> None:
    """Seeds 000 and 001 quote the same wire sentence in different typography."""
    a = "'We pay attention to the statements of the Russian leadership,' Muto stressed."
    b = "“We pay attention to the statements of the Russian leadership,”  Muto stressed."
    assert fold(a) == fold(b)
    c = "The ambassador noted that Japan is Russia's natural neighbour"
    d = "The ambassador noted that Japan is Russia’s natural neighbour"
    assert fold(c) == fold(d)


def test_words() -> None:
    assert words("Russia’s “O'Brien” met mid-20th U.S. envoys; 3.5% rose!") == [
        "russia's",
        "o'brien",
        "met",
        "mid",
        "20th",
        "u",
        "s",
        "envoys",
        "3",
        "5",
        "rose",
    ]
    assert words("Ｔｏｋｙｏ — Москва, 東京") == [
        "tokyo",
        "москва",
        "東",
        "京",
    ]  # unspaced: characters
    assert words("") == []
    assert words("'' — …") == []


# Characters that fold treats specially, mixed with arbitrary text so that
# quotes meet letters, marks and spaces in every order.
TRICKY = st.lists(
    st.one_of(
        st.sampled_from(list("'\"‘’‚‛′“”„‟″«»‹›`‐‑‒–—―−\u00ad\u200b\ufeff \n\t\u0301\u0308ßİΣς")),
        # reading marks, joiners and forms that decompose into them, beside letters
        st.sampled_from(
            list("كاد\u064e\u0651\u0670\u0640\u06e1\ufe70\ufc5e\u200c\u200dשׁ\u05bc\ufb2aदि")
        ),
        st.characters(),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500)
@given(st.one_of(st.text(), TRICKY))
def test_fold_is_idempotent_and_total(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded


@settings(max_examples=300)
@given(st.one_of(st.text(), TRICKY))
def test_words_are_folded_tokens(text: str) -> None:
    tokens = words(text)
    folded = fold(text)
    for token in tokens:
        assert token and token in folded
        assert not any(ch.isspace() for ch in token)
    assert words(folded) == tokens


def _fold_reference(text: str) -> str:
    """fold() without its shortcuts: every step on every text."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(normalize._TABLE)
    text = normalize._NOT_APOSTROPHE.sub("", text)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(),
        TRICKY,
        st.text(alphabet=st.sampled_from("aé'’\"“”–—‐ \u00ad\u200b\u0301ßİＡ…«»1x")),
        st.text(alphabet=st.sampled_from("كت\u064e\u0640\u200c ש\u05b8'’x")),
    )
)
def test_fold_shortcuts_change_nothing(text: str) -> None:
    assert fold(text) == _fold_reference(text)


def test_words_keep_their_combining_marks() -> None:
    """Devanagari, Bengali and Tamil vowel signs and viramas belong to their word."""
    assert words("किताब पढ़ने के लिए बच्चों ने") == ["किताब", "पढ़ने", "के", "लिए", "बच्चों", "ने"]
    assert words("বাংলাদেশের রাজধানী ঢাকায়") == ["বাংলাদেশের", "রাজধানী", "ঢাকায়"]
    assert words("தமிழ்நாட்டில் மழை பெய்தது.") == ["தமிழ்நாட்டில்", "மழை", "பெய்தது"]
    assert words("Naïve café in O’Brien’s town") == ["naïve", "café", "in", "o'brien's", "town"]
