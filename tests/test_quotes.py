"""Which words stand inside quotation marks (tui/match/quotes.py), in many scripts."""

from __future__ import annotations

import pytest

from tui.match.quotes import article_flags, quoted_spans
from tui.text.sentences import split_sentences


def flags(text: str) -> list[str]:
    return article_flags(text, split_sentences(text))


def quoted_words(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we will stay" and left.', ["we will stay"]),
        ("He said “we will stay” and left.", ["we will stay"]),
        ("Er sagte „wir bleiben“ und ging.", ["wir bleiben"]),
        ("Il a dit « nous restons » puis il est parti.", [" nous restons "]),
        ("Он сказал: «Мы останемся» — и ушёл.", ["Мы останемся"]),
        ("他说：「我们会留下来」然后离开了。", ["我们会留下来"]),
        ("قال «سنبقى هنا» ثم غادر.", ["سنبقى هنا"]),
        ("उन्होंने कहा, “हम यहीं रहेंगे” और चले गए।", ["हम यहीं रहेंगे"]),
        ("The minister’s aides didn’t comment on Russia’s reply.", []),  # apostrophes
    ],
)
def test_quotation_marks_of_many_scripts(text: str, quoted: list[str]) -> None:
    assert quoted_words(text) == quoted


def test_a_quotation_over_several_sentences_marks_each_of_them() -> None:
    text = "“We welcome this. We will study the plan,” the minister said. Talks go on."
    marks = flags(text)
    assert marks[0] and set(marks[0]) == {"1"}  # "We welcome this."
    assert marks[1].startswith("11111") and marks[1].endswith("000")  # "…," the minister said.
    assert marks[2] == ""  # narration: nothing quoted


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "“It is over, he said.\n\nThe next paragraph is narration again."
    assert flags(text)[-1] == ""


def test_the_same_opening_mark_again_starts_a_new_quotation() -> None:
    """A quotation of several paragraphs joined into one by the page: its next
    paragraph's opening mark starts a quotation, it does not close one."""
    text = "“We will stay here. “We will not leave,” he said."
    assert quoted_words(text)[-1] == "We will not leave,"
