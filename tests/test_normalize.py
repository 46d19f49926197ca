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
    )
)
def test_fold_shortcuts_change_nothing(text: str) -> None:
    assert fold(text) == _fold_reference(text)
