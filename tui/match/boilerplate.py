"""Boilerplate learned from the library: lines an outlet prints under unrelated stories.

Cleaning drops the trailers it can recognise by their words (standards notes,
copyright lines, "Reporting by ...; Editing by ..."; see tui/clean). What it
cannot know is an outlet's own stock lines: a newsletter pitch, a standard
background paragraph, a footer in another language. The library can: a
sentence (equal after folding) that one outlet, and no other, printed under
MIN_STORIES unrelated stories is boilerplate: learned from many stories, as
furniture recurs under any story. (Two of an outlet's own pages are never
matched with each other anyway: tui/match/plan.py.) Its matches are removed and it is never
matched again, so it is neither highlighted nor counted in shares. Page
furniture that cleaning left in is never keyed at all (`sentence_key`); a
library keyed before that has it unkeyed once (tui/matching.unkey_furniture).

Two articles of one outlet are one story when they are on one event (their
rare terms overlap, `rarity.topical_overlap` at least TOPICAL_MIN) or at least
STORY_OVERLAP of the shorter one's sentences stand in the other: a wire
repeats its background paragraphs in every update of a story, and an outlet
that prints two updates has not made those paragraphs boilerplate. A line
another outlet prints too is story text (a wire's paragraph, a quote), never
one outlet's boilerplate.

Only articles whose outlet is known (the page's own name for it, or the host
of its URL) take part: a folder of saved pages from many outlets is not one
outlet, and a quote that several outlets took from one wire story must stay
shared text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from tui.match.index import CandidateIndex
from tui.match.kinds import TOPICAL_MIN
from tui.match.outlets import outlet_key as outlet_key  # where older callers find it
from tui.match.rarity import topical_overlap

MIN_STORIES = 3
STORY_OVERLAP = 0.5


def count_stories(
    articles: Iterable[int], size: Callable[[int], int], related: Callable[[int, int], bool]
) -> int:
    """How many unrelated stories `articles` (ids) hold: the longest first (by `size`,
    in sentences), each counted unless `related` to one already counted."""
    counted: list[int] = []
    for article in sorted(set(articles), key=lambda a: (-size(a), a)):
        if not any(related(article, other) for other in counted):
            counted.append(article)
    return len(counted)


class _Relations:
    """Sizes and one-story tests of an outlet's articles, from the index (an outlet's
    own pages are never matched with each other, so sentences are compared here)."""

    def __init__(self, index: CandidateIndex) -> None:
        self.index = index
        self.texts = functools.cache(self._texts)
        self.related = functools.cache(self._related)

    def _texts(self, article_id: int) -> frozenset[str]:
        texts = self.index.texts
        return frozenset(texts[s] for s in self.index.sentences_of.get(article_id, ()))

    def size(self, article_id: int) -> int:
        return len(self.texts(article_id))

    def _related(self, x: int, y: int) -> bool:
        """One story: on one event (their rare terms overlap, `rarity.topical_overlap`
        at least TOPICAL_MIN), or half the shorter one's sentences printed in the other
        (versions of an update, even lightly edited, share most of their lines)."""
        index = self.index
        if topical_overlap(index.terms_of(x), index.terms_of(y), index.rarity) >= TOPICAL_MIN:
            return True
        shorter, longer = sorted((self.texts(x), self.texts(y)), key=len)
        return len(shorter & longer) >= STORY_OVERLAP * max(1, len(shorter))

    def stories(self, articles: Iterable[int]) -> int:
        return count_stories(articles, self.size, self.related)


def _printed_under(index: CandidateIndex, sentences: Iterable[int]) -> set[int]:
    """The listed articles (latest versions) these sentences stand in."""
    return {
        article
        for sentence in sentences
        if (article := int(index.article_of[sentence])) not in index.retired
    }


def detect(
    index: CandidateIndex, outlet: str | None, fold_hashes: Iterable[int]
) -> list[tuple[int, int]]:
    """Which of a new article's sentences (`fold_hashes`) are now its outlet's
    boilerplate, as (fold hash, unrelated stories it stands under) pairs.

    Call once `index` has learned the article (its sentences and its outlet
    key); nothing is changed: the caller records each line and marks it in
    the index (tui/matching.py).
    """
    if outlet is None:
        return []
    found = []
    relations = _Relations(index)
    verdicts: dict[frozenset[int], int] = {}
    for fold_hash in sorted(set(fold_hashes) - index.boilerplate):
        stored = index.by_fold.get(fold_hash, ())
        if len(stored) < MIN_STORIES:
            continue
        group = frozenset(_printed_under(index, stored))
        if {index.outlets.get(article) for article in group} != {outlet}:
            continue  # another outlet prints it too: story text, a wire's or a quote
        if len(group) < MIN_STORIES:
            continue
        if group not in verdicts:
            verdicts[group] = relations.stories(group)
        if verdicts[group] >= MIN_STORIES:
            found.append((fold_hash, verdicts[group]))
    return found


def scan(index: CandidateIndex, fold_hashes: Iterable[int]) -> list[tuple[int, str, int]]:
    """Boilerplate among lines stored before this check existed: (fold hash, outlet,
    stories) of each of `fold_hashes` (lines printed in MIN_STORIES articles or
    more) that one outlet alone prints under MIN_STORIES unrelated stories.
    `index` must have learned the whole library."""
    found = []
    relations = _Relations(index)
    for fold_hash in fold_hashes:
        by_outlet: dict[str | None, set[int]] = {}
        for article in _printed_under(index, index.by_fold.get(fold_hash, ())):
            by_outlet.setdefault(index.outlets.get(article), set()).add(article)
        if len(by_outlet) != 1 or None in by_outlet:  # story text several outlets print
            continue
        ((outlet, articles),) = by_outlet.items()
        if len(articles) >= MIN_STORIES:
            stories = relations.stories(articles)
            if stories >= MIN_STORIES:
                found.append((fold_hash, outlet, stories))
    return found
