"""How rare a word is in the library: document frequency, kept as articles arrive.

A shared word is worth what it tells. One that many other articles print
("the", "said", "player of the match" in a sports library, "Putin" in a
library about a summit) says little about copying; one that few print (a
place, a figure, an uncommon verb) says a lot. The library itself says which
is which, in every script and without capital letters or lists of names:
count the articles that hold each term (document frequency, DF) and weigh a
term by its inverse (IDF; Spärck Jones 1972).

Terms are the tokens of folded text (tui/text/normalize.py), except in
scripts written without spaces, where a single character is too common to
tell anything and each pair of neighbouring characters stands for a word.

An article is counted once it is matched, if it holds a term at all (one with
no sentence long enough to match counts for nothing, as when the library is
read back); an older version is taken out of the counts when it is retired,
so a new version is judged as a library holding only it would judge it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tui.match import kernel
from tui.text.normalize import UNSPACED_CHARACTER, WORD_PATTERN


@functools.lru_cache(maxsize=1 << 15)
def terms(folded: str) -> frozenset[str]:
    """The distinct terms of a folded sentence: its words, and each pair of
    neighbouring characters of an unspaced script (Chinese, Japanese, Thai)."""
    tokens = WORD_PATTERN.findall(folded)
    if not UNSPACED_CHARACTER.search(folded):
        return frozenset(tokens)
    found = set()
    for here, after in zip(tokens, [*tokens[1:], ""], strict=True):
        if len(here) == 1 and UNSPACED_CHARACTER.match(here):
            if len(after) == 1 and UNSPACED_CHARACTER.match(after):
                found.add(here + after)
        else:
            found.add(here)
    return frozenset(found)


def article_terms(folded_sentences: Sequence[str]) -> frozenset[str]:
    """The distinct `terms` of an article's folded sentences, read in one pass where
    no sentence holds an unspaced script (a library opened cold reads every
    article's terms)."""
    joined = "\n".join(folded_sentences)
    if joined.isascii():
        # ASCII words are runs of [A-Za-z0-9_], joined by single apostrophes: split
        # on everything else, and read only the runs holding an apostrophe with the
        # pattern (half the time of the pattern over the whole text)
        runs = set(joined.translate(_ASCII_SEPARATORS).split())
        odd = {run for run in runs if "'" in run}
        return frozenset((runs - odd).union(WORD_PATTERN.findall(" ".join(odd))))
    if UNSPACED_CHARACTER.search(joined):  # (character pairs stop at a sentence's end)
        return frozenset().union(*map(terms, folded_sentences))
    return frozenset(WORD_PATTERN.findall(joined))


_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'")}
)


class Rarity:
    """Document frequency of terms over the library's articles.

    Terms get integer ids as they are first seen, and the counts live in a
    numpy array, so an article's whole term set is weighed in one vectorised
    step (`total`). `weight(term, held_by)` is the term's IDF scaled to 0-1: 1
    for a term no other article holds, about 0 for one that every article
    holds.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._df = np.zeros(1 << 12, dtype=np.int32)
        self._figure = np.zeros(1 << 12, dtype=np.bool_)  # term id -> holds a digit
        self.articles = 0
        # a sentence's term ids, asked for again each time it is a candidate
        self.ids_of_sentence = functools.lru_cache(maxsize=1 << 16)(self.ids_of)

    def ids_of(self, article_terms: Collection[str]) -> np.ndarray:
        """The sorted ids of these terms, giving new terms new ids (read twice: a
        collection, not an iterator)."""
        ids = self.ids
        for term in article_terms:
            if term not in ids:
                at = ids[term] = len(ids)
                if at == len(self._df):
                    self._df = np.concatenate([self._df, np.zeros_like(self._df)])
                    self._figure = np.concatenate([self._figure, np.zeros_like(self._figure)])
                self._figure[at] = bool(_FIGURE.search(term))
        return np.unique(np.fromiter(map(ids.__getitem__, article_terms), np.int64))

    def add(self, article_terms: Iterable[str]) -> bool:
        """Count one article holding these (distinct) terms; an article holding none is
        not counted. Returns whether it was."""
        found = set(article_terms)
        if not found:
            return False
        ids = self.ids_of(found)  # may grow the counts: look them up after
        self._df[ids] += 1
        self.articles += 1
        return True

    def remove(self, ids: np.ndarray) -> None:
        """Take back one counted article, given the ids of its terms (`ids_of`)."""
        self._df[ids] -= 1
        self.articles -= 1

    def df(self, term: str) -> int:
        """How many counted articles hold the term."""
        at = self.ids.get(term)
        return 0 if at is None else int(self._df[at])

    def weight(self, term: str, held_by: int = 0) -> float:
        """The term's IDF over the articles other than `held_by` of those counted
        that are known to hold it (the pair being judged), from 0 to 1.

        ln((N + 2) / (df + 1)) / ln(N + 2), with N and df counting the other
        articles only: a term no other article holds weighs 1 whatever the
        library's size (in a library of two, every term does, as nothing yet
        says which words are common), one that all of them hold about 0.
        """
        others = max(0, self.articles - held_by)
        df = max(0, self.df(term) - held_by)
        return math.log((others + 2) / (df + 1)) / math.log(others + 2)

    def total(self, ids: np.ndarray, held_by: int = 0) -> float:
        """Σ `weight` over the terms with these ids, in one step."""
        if not len(ids):
            return 0.0
        others = max(0, self.articles - held_by)
        df = np.maximum(self._df[ids] - held_by, 0)
        return float(np.log((others + 2) / (df + 1)).sum() / math.log(others + 2))


class Weights:
    """`Rarity.weight` remembered for one matching call, while the counts stand still:
    the same terms come back for every article a new one is compared with."""

    def __init__(self, rarity: Rarity) -> None:
        self.rarity = rarity
        self.known: dict[tuple[str, int], float] = {}

    def __call__(self, term: str, held_by: int = 0) -> float:
        """`Rarity.weight(term, held_by)`, worked out once."""
        key = (term, held_by)
        value = self.known.get(key)
        if value is None:
            value = self.known[key] = self.rarity.weight(term, held_by)
        return value


@dataclass(frozen=True, slots=True)
class PairRarity:
    """What the library says about one sentence pair's shared and own terms.

    `specificity` (0-1) is S / (S + min(A, B)): S weighs the terms both hold,
    A and B the terms only one side holds. A copy, however trimmed or with a
    figure changed, shares its rare terms: near 1; taking the smaller side's
    own terms lets a trimmed copy (one side holds little of its own) count as
    the copy it is. `shared_max` is the weight of the rarest shared term (0-1).
    `refilled` is True when each side holds a specific term of its own (a
    figure, or a term of weight SPECIFIC_TERM or more): a slot filled
    otherwise, as a changed figure or another team's name fills one.
    """

    specificity: float
    shared_max: float
    refilled: bool


# A term at least this rare (Rarity.weight) is specific: a name, a place, an
# uncommon word. Figures always are.
SPECIFIC_TERM = 0.5
_FIGURE = re.compile(r"\d")


def pair_rarity(
    here: frozenset[str], there: frozenset[str], rarity: Rarity, held: int = 1
) -> PairRarity:
    """Weigh one pair's terms (new sentence `here`, stored sentence `there`) by the
    library: `weigh_pairs` for one pair."""
    return weigh_pairs([here], [there], [held], rarity)[0]


def weigh_pairs(
    here: Sequence[frozenset[str]],
    there: Sequence[frozenset[str]],
    held: Sequence[int],
    rarity: Rarity,
) -> list[PairRarity]:
    """Weigh each pair's terms (new sentence `here[p]`, stored sentence `there[p]`)
    by the library (`PairRarity`), all pairs in one compiled pass
    (kernel.weigh_pairs).

    Each term weighs `Rarity.weight`. `held[p]` is how many counted articles the
    stored side stands for: its own, and those of its story that print the
    sentence too (a wire sentence reprinted a hundred times). Their terms are
    not counted as other articles' use, or every widely copied sentence would
    look common. The new article is not counted yet.
    """
    sets = list(dict.fromkeys([*here, *there]))
    where = {terms_: at for at, terms_ in enumerate(sets)}
    ids = [rarity.ids_of_sentence(terms_) for terms_ in sets]  # may grow the counts
    ends = np.cumsum([len(x) for x in ids], dtype=np.int64)
    specificity, shared_max, refilled = kernel.weigh_pairs(
        rarity._df,
        rarity._figure,
        rarity.articles,
        np.concatenate(ids) if ids else np.zeros(0, np.int64),
        ends,
        np.fromiter((where[x] for x in here), np.int64, len(here)),
        np.fromiter((where[x] for x in there), np.int64, len(there)),
        np.asarray(held, dtype=np.int64),
        SPECIFIC_TERM,
    )
    return [
        PairRarity(*row)
        for row in zip(specificity.tolist(), shared_max.tolist(), refilled.tolist(), strict=True)
    ]


def topical_overlap(here: np.ndarray, there: np.ndarray, rarity: Rarity, held: int = 1) -> float:
    """How much of the rarer-worded article's terms the other also holds, 0-1.

    `here` and `there` are the two articles' term ids (`Rarity.ids_of`). The
    weighted containment of their term sets, Σ w(shared) / min(Σ w(here),
    Σ w(there)), with the new article (`here`) not counted in the library yet
    and the stored one standing for `held` counted articles (itself and the
    printings of its story the new one shares text with, as in `pair_rarity`).
    Two stories on one event share their names and places (0.4 and more on
    real coverage); stories on other events that share a stock phrase stay
    under 0.3.
    """
    shared = np.intersect1d(here, there, assume_unique=True)
    s = rarity.total(shared, held)
    a = rarity.total(here) - rarity.total(shared) + s
    b = rarity.total(there, held)
    smaller = min(a, b)
    return s / smaller if smaller else 0.0
