"""Which verified pairs two articles share are reuse: judged by the article and the library.

The verifier (tui/match/verify.py) says how alike two sentences are. Whether
that likeness is reuse depends on what the library and the two articles say,
which a sentence alone cannot (measured on real reuse; the figures are in
kinds.py and docs/DECISIONS.md):

1. **Frames.** In any script and without capital letters or lists of
   names, the library's own word counts (tui/match/rarity.py) tell a refilled
   frame from a copy with a changed fact. A pair is two fillings of one frame
   ("X was named player of the match", "Temperatures in X are expected to
   reach N degrees") when its shared terms carry less rarity than what each
   side holds alone (`specificity` under SPECIFICITY_MIN), or when each side
   fills a slot with a specific term of its own (a figure, a name) and either
   the shared terms are all common words (none rarer than COMMON_SHARED) or
   the library already holds FRAME_FILLINGS or more such fillings of the new
   sentence. A copy whose figure changed shares its rare words and has few
   look-alikes: it stays, with its change typed.
2. **One to one.** Each sentence keeps one partner in the other article,
   taken strongest first (kind, then score): a copy is aligned with its
   source sentence, not with every sentence of the other story that shares a
   phrase with it.
3. **Beside other reuse.** Stories are copied in runs: a pair within
   ANCHOR_DISTANCE sentences (both sides) of another candidate pair is reuse,
   but a doubtful rewrite needs a neighbour that is neither doubtful nor a
   quote (two stock phrases side by side are no run, and a quote both heard
   is no evidence of copying).
4. **On its own**, a pair is reuse when it is exact or near (a whole sentence
   copied, perhaps with a word or a figure changed), a rewrite all but certain
   (SIMILAR_CERTAIN) whose own words are common ones (CERTAIN_SPECIFICITY, no
   slot refilled), when it makes up most of
   both articles (WHOLE_ARTICLE: a one-sentence brief), or when it shares
   ALONE_SHARED_TERMS terms or more (a rewrite also needs SIMILAR_ALONE) and
   is mostly a quotation (QUOTED_SHARE: the same words of someone, printed
   by both), prints LONE_RUN words in a row on both sides (a passage printed
   twice), or the two articles are on one event (`rarity.topical_overlap` ≥
   TOPICAL_MIN). A lone trimmed clause or rewrite of narration between
   stories on other events is a stock phrase, not reuse. The quotation and
   the long run need no overlap because in a library of one event's coverage
   the overlap sits at the threshold and flips with what the library holds,
   so the order articles arrive in decided them (docs/DECISIONS.md).

A kept pair is a quote when QUOTED_SHARE of its aligned words stand inside
quotation marks on either side (tui/match/quotes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from tui.match.kinds import (
    ALONE_SHARED_TERMS,
    ANCHOR_DISTANCE,
    CERTAIN_SPECIFICITY,
    COMMON_SHARED,
    FRAME_FILLINGS,
    KINDS,
    LONE_RUN,
    LONE_RUN_UNSPACED,
    QUOTED_SHARE,
    SIMILAR_ALONE,
    SIMILAR_CERTAIN,
    SPECIFICITY_MIN,
    TOPICAL_MIN,
    WHOLE_ARTICLE,
)
from tui.match.verify import Verdict
from tui.text.normalize import UNSPACED_CHARACTER

_STRENGTH = {kind: len(KINDS) - rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class Pair:
    """A verified sentence pair between a new article and a stored one.

    `here` and `there` are sentence positions (reading order) in the new and the
    stored article. `specificity`, `shared_max` and `refilled` are what the
    library says of the pair's terms (tui/match/rarity.PairRarity); `fillings`
    is in how many stories the library holds sentences the new one refills that
    way (its frame's fillings; a story's own edited copies count once).
    `shared_terms` counts distinct terms both
    hold; `words` is the shorter sentence's word count; `quoted` is the share
    (0-1) of the pair's aligned words inside quotation marks on either side;
    `run` the most words both print in a row (`longest_run`; 0 when not
    worked out, as for exact and near pairs, which need no run to stand).
    """

    here: int
    there: int
    verdict: Verdict
    specificity: float = 1.0
    shared_max: float = 1.0
    refilled: bool = False
    fillings: int = 0
    shared_terms: int = 0
    words: int = 0
    quoted: float = 0.0
    run: int = 0

    @property
    def strength(self) -> tuple[int, float]:
        return _STRENGTH[self.verdict.kind], self.verdict.score

    @property
    def doubtful(self) -> bool:
        """A rewrite less likely than SIMILAR_ALONE: it vouches for no neighbour."""
        return self.verdict.kind == "similar" and self.verdict.score < SIMILAR_ALONE

    @property
    def is_quote(self) -> bool:
        """Mostly a quotation (QUOTED_SHARE): shared text, not evidence of copying."""
        return self.quoted >= QUOTED_SHARE

    @property
    def frame(self) -> bool:
        """Two fillings of one frame rather than a copy (rule 1 of the module)."""
        if self.verdict.kind == "exact":
            return False
        if self.specificity < SPECIFICITY_MIN:
            return True
        return self.refilled and (
            self.shared_max < COMMON_SHARED or self.fillings >= FRAME_FILLINGS
        )


@dataclass(frozen=True, slots=True)
class Articles:
    """What the two articles say as wholes: their word counts and their topical
    overlap (`rarity.topical_overlap`, 0-1; None when not worked out, as no
    pair needs it)."""

    words_here: int
    words_there: int
    topical: float | None = None


@dataclass(frozen=True, slots=True)
class Kept:
    """A pair judged reuse, and whether it is a quote."""

    pair: Pair
    quote: bool


def one_to_one(pairs: Sequence[Pair]) -> list[Pair]:
    """At most one pair per sentence on either side, in the order given: the pairs
    are taken strongest first (kind, then score, then reading order), each unless
    one of its sentences is taken already (a greedy alignment)."""
    taken_here: set[int] = set()
    taken_there: set[int] = set()
    chosen: set[int] = set()
    ranked = sorted(range(len(pairs)), key=lambda k: (-_rank(pairs[k]), k))
    for k in ranked:
        pair = pairs[k]
        if pair.here not in taken_here and pair.there not in taken_there:
            taken_here.add(pair.here)
            taken_there.add(pair.there)
            chosen.add(k)
    return [pair for k, pair in enumerate(pairs) if k in chosen]


def _rank(pair: Pair) -> float:
    kind, score = pair.strength
    return kind * 1000 + score


def _candidates(pairs: Sequence[Pair]) -> list[Pair]:
    return one_to_one([p for p in pairs if not p.frame])


def needs_articles(pairs: Sequence[Pair]) -> bool:
    """Whether `judge` must know the articles' topical overlap for these pairs: some
    pair that is no frame stands alone and could stand alone only on one event."""
    candidates = _candidates(pairs)
    return any(
        p.verdict.kind in ("partial", "similar")
        and _enough_alone(p)
        and not _shared_text_alone(p)
        and not _beside(p, candidates)
        for p in candidates
    )


def _beside(pair: Pair, pairs: Sequence[Pair]) -> bool:
    """Within ANCHOR_DISTANCE of another pair that vouches for it: any pair vouches for
    a sure one; a doubtful rewrite needs a sure pair that is no quote."""
    return any(
        other is not pair
        and not (pair.doubtful and (other.doubtful or other.is_quote))
        and abs(other.here - pair.here) <= ANCHOR_DISTANCE
        and abs(other.there - pair.there) <= ANCHOR_DISTANCE
        for other in pairs
    )


def _alone(pair: Pair, articles: Articles) -> bool:
    if pair.verdict.kind in ("exact", "near"):
        return True
    if (
        pair.verdict.kind == "similar"
        and pair.verdict.score >= SIMILAR_CERTAIN
        and pair.specificity >= CERTAIN_SPECIFICITY
        and not pair.refilled
    ):
        return True
    if pair.words >= WHOLE_ARTICLE * max(articles.words_here, articles.words_there):
        return True
    if _shared_text_alone(pair):
        return True
    if articles.topical is None or articles.topical < TOPICAL_MIN:
        return False
    return _enough_alone(pair)


def _enough_alone(pair: Pair) -> bool:
    """What any lone partial or similar pair needs (rule 4): ALONE_SHARED_TERMS
    shared terms, and no doubtful rewrite."""
    return pair.shared_terms >= ALONE_SHARED_TERMS and not pair.doubtful


def _shared_text_alone(pair: Pair) -> bool:
    """A lone quotation both print, or a run of LONE_RUN words both print (rule 4):
    shared text on any event, whatever the articles' overlap."""
    return (pair.is_quote or pair.run >= LONE_RUN) and _enough_alone(pair)


def longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """The most tokens two sentences' token lists (`profile.profile(...).words`)
    print in a row, as their longest common subsequence aligns them
    (`rapidfuzz.distance.LCSseq`), counted in words: in scripts written without
    spaces the tokens are characters (figures stay whole), and in a sentence that
    is mostly such characters LONE_RUN_UNSPACED tokens count as LONE_RUN words."""
    longest = max(
        (block.src_end - block.src_start for block in LCSseq.opcodes(a, b) if block.tag == "equal"),
        default=0,
    )
    unspaced = sum(bool(UNSPACED_CHARACTER.fullmatch(token)) for token in a)
    return longest * LONE_RUN // LONE_RUN_UNSPACED if 2 * unspaced > len(a) else longest


def judge(pairs: Sequence[Pair], articles: Articles) -> list[Kept]:
    """The pairs two articles share that are reuse (see the module's rules), in
    the order given, each marked as a quote or not."""
    candidates = _candidates(pairs)
    return [
        Kept(pair, pair.is_quote)
        for pair in candidates
        if _beside(pair, candidates) or _alone(pair, articles)
    ]
