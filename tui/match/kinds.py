"""How alike two sentences must be to count as shared, in one place (used by verify.py).

Scores are `rapidfuzz` measures (0-100) on folded text (see
`tui.text.normalize.fold`). NEAR_SCORE was calibrated on the seeds: copies with a
word or a comma changed score 94-100, and no unrelated sentence on the same story
scores above 56. The `similar` decision weighs several measures (see
EVIDENCE_WEIGHTS); SIMILAR_SCORE is the old single-measure rule (`fuzz.ratio` ≥ 65),
kept as the baseline the benchmarks compare against.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["exact", "near", "partial", "similar"]
KINDS: tuple[Kind, ...] = ("exact", "near", "partial", "similar")  # strongest first

NEAR_SCORE = 90.0
SIMILAR_SCORE = 65.0
# Clauses moved: the same words in another order (`fuzz.token_sort_ratio`).
REORDER_SCORE = 95.0
# A trimmed or extended copy: the shorter sentence is at most this share of the
# longer one's words, and at least PARTIAL_COVERAGE of its own words stand in
# the longer one in order (word-level LCS). See tui/match/verify.py.
PARTIAL_LENGTH = 0.8
PARTIAL_COVERAGE = 0.8
# ... and those words fill at least this share of the stretch of the longer
# sentence they stand in (a trim cuts a clause or two; it does not scatter).
PARTIAL_DENSITY = 0.6
# No pair whose shorter side has less than this share of its distinct words in
# the other (and whose word-set Jaccard is under SIMILAR_MIN_JACCARD) is scored
# at all: a partial copy keeps PARTIAL_COVERAGE of them, so this leaves a margin.
PARTIAL_MIN_CONTAINMENT = 0.5
# Whether a pair that is neither exact nor near is reuse at all (then `partial`
# or `similar`) is decided by weighing verify.evidence with a logistic regression
# fitted on the MSRP train split's pairs that are not exact or near (ridge 0.1):
# `python bench/msrp.py ../shared/bench/msrp-train --fit` prints these. Order:
# word precision (with repeats), word 3-gram precision, word edit distance,
# figures on one side only, negation differs, character 3-gram Jaccard, BLEU-like F.
EVIDENCE_WEIGHTS = (6.136, 2.169, -2.681, -0.240, -1.192, 5.028, -7.524)
EVIDENCE_BIAS = -1.149
SIMILAR_PROBABILITY = 0.5
# Below this fuzz.ratio the evidence is not weighed at all (it costs ~300 µs a
# pair): on MSRP no pair the weights call similar scores under 40.8.
EVIDENCE_FLOOR = 40.0
# ... nor below this word-set Jaccard: the lowest of the MSRP pairs the weights
# call similar or partial is 0.25 (MSRP accuracy is the same at 0.25 and here),
# while it spares most of the candidates that share a phrase and little else (the
# Markov 1,000-article run: 24.7 s at 0.2, 21.4 s at 0.25, the same pairs found).
# 0.255, not the 0.25 intended, is a slip that the published figures were
# measured with; at 0.25 the classic 1,000-article corpus gains 3
# wrong similar pairs (precision 0.9956 -> 0.9953), so it was left as measured.
SIMILAR_MIN_JACCARD = 0.255
# Sentence profiles the verifier keeps (about 1.4 KB each, words interned): a
# stored sentence is a candidate again and again, and passages read every
# sentence of each article a new one shares with. At 16,384 the cache turned
# over at 10,000 articles and rebuilding profiles took half of the Markov
# corpus's run (1,148 s; 610 s with room for every sentence of the library).
PROFILE_CACHE = 1 << 18
# ... and the sentences as the verifier's kernel counts them (word ids and
# sorted sets of n-grams, tui/match/profile.sentence_arrays): about 2 KB a
# sentence, 10 µs to build (as Python sets they took 25 KB and 100 µs). At
# 65,536 the Markov corpus rebuilt them 1.7 million times at 10,000 articles.
SETS_CACHE = 1 << 18
# What the library says about a verified pair (tui/match/judge.py), fitted on
# real reuse: the MSRP train split with each sentence an article of its own,
# COUNTER's agency and newspaper stories (matches between stories that share
# under 10% of their word 3-grams count as wrong), and 352 pairs of the
# Helsinki coverage labelled by hand (bench/labels/README.md). The figures each
# choice moved are in docs/DECISIONS.md.
#
# A pair whose shared terms carry less of the library's rarity than the terms
# one side has and the other lacks is two fillings of one frame ("Ken
# Williamson was named player of the match" / "Thisara Perera was named …"),
# not a copy with a changed fact: rarity.PairRarity.specificity under this.
SPECIFICITY_MIN = 0.4
# ... and so is a pair where each side fills a slot with a specific term of its
# own (a figure, a name) while the rarest word both share weighs under this
# (rarity.Rarity.weight, 0-1: only common words shared) ...
COMMON_SHARED = 0.45
# ... or while the library already holds sentences the new one refills that
# way in this many stories (tui/match/plan._stories: articles printing a
# sentence word for word in common are one story): a frame has many
# fillings, a copy few look-alikes outside its own story. On the Markov
# corpus at 1,000 articles: 3 gave precision 0.998 and exact+near recall
# 0.990, 4 0.997 and 0.991, 6 0.991 and 0.991.
FRAME_FILLINGS = 4
# A pair stands on its own (no other shared sentence beside it, tui/match/
# judge.py) where its articles are on one event, holding at least this share
# (0-1) of each other's rarity (rarity.topical_overlap) ...
TOPICAL_MIN = 0.35
# ... and it shares at least this many distinct terms: a stock clause ("the
# police cordoned off the area") shares fewer.
ALONE_SHARED_TERMS = 8
# ... or, whatever the articles' overlap, both print at least this many words
# in a row (twice as many characters in scripts written without spaces): a
# stock phrase of news is three to six words ("said in a statement on
# Monday"), so a longer run is a passage printed twice, not an idiom. Unlike
# the overlap it depends on the two sentences only, so it does not flip with
# what the library held when the pair was judged (docs/DECISIONS.md).
LONE_RUN = 12
LONE_RUN_UNSPACED = 2 * LONE_RUN
# A rewrite (similar) needs at least this reuse probability (percent) to stand
# alone or to vouch for a neighbour: unrelated sentences that share a stock
# phrase or two reach the 50s-80s, true rewrites mostly the 90s.
SIMILAR_ALONE = 85.0
# ... or at least this probability (percent) stands alone anywhere, when its
# terms carry at least CERTAIN_SPECIFICITY of the pair's rarity and it refills
# no slot: a short sentence edited past fuzz.ratio's reach. On the Markov
# corpus at 1,000 articles, specificity 0.9 kept exact+near recall at 0.991,
# 0.8 at 0.994; COUNTER's matches across events stay at 2 either way, while a
# bar of 93 instead of 95 adds one ...
SIMILAR_CERTAIN = 95.0
CERTAIN_SPECIFICITY = 0.8
# ... or it makes up at least this share of the words of both its articles (a
# one-sentence brief, a pair of one-sentence articles).
WHOLE_ARTICLE = 0.5
# A pair is beside another shared sentence within this many sentences, on both sides.
ANCHOR_DISTANCE = 2
# A match is a quote when at least this share of its aligned words stands inside
# quotation marks on either side (tui/match/quotes.py). On the hand-labelled
# Helsinki pairs: 97 of 102 shared quotations marked, 4 other pairs marked.
QUOTED_SHARE = 0.5
# A smaller share (0-1) of an article's words found in another's passages is a
# quote or a shared line, not a derived story: not shown, and not stored unless
# the two also share a matched sentence.
MIN_DERIVED_SHARE = 0.05
# Sentences shorter than this (in words) never match on their own: "He said."
# or "Read more" are shared by everyone and mean nothing.
MIN_WORDS = 6
# The same for scripts written without spaces, counted in characters: a
# Chinese word is one to four characters, so 12 is about as much as 6 words.
MIN_CHARACTERS = 12


@dataclass(frozen=True)
class Cutoffs:
    """The two thresholds a user may tune (the `[thresholds]` of tui/config.py).

    near: `fuzz.ratio` (0-100) at or above which a pair is a light edit;
    similar: the reuse probability, in percent, a rewrite needs.
    """

    near: float = NEAR_SCORE
    similar: float = 100 * SIMILAR_PROBABILITY


DEFAULT_CUTOFFS = Cutoffs()
