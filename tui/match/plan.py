"""Match one new article against the library's index: a pure function returning a plan.

Given the new article's sentence keys (in reading order) and the in-memory
candidate index (tui/match/index.py), `plan_article` finds the stored
sentences worth scoring, verifies them (tui/match/verify.py), judges each
stored article's pairs together (tui/match/judge.py) and works out the
derived shares of every article the new one shares passages with
(tui/match/passages.py). It reads nothing but the index and writes nothing:
the store applies the plan in one write (tui/matching.py), and `copydesk
check` reads it without storing anything.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz.distance import LCSseq

from tui.match.index import CandidateIndex
from tui.match.judge import Articles, Pair, judge, longest_run, needs_articles
from tui.match.kinds import DEFAULT_CUTOFFS, MIN_DERIVED_SHARE, Cutoffs, Kind
from tui.match.passages import MIN_RUN, Side, shares
from tui.match.profile import SENTENCES, profile
from tui.match.quotes import article_flags
from tui.match.rarity import PairRarity, Weights, terms, topical_overlap, weigh_pairs
from tui.match.shingles import SentenceKey, sentence_key
from tui.match.verify import Verdict, verify_indexed
from tui.models import Article

# An article the new one shares no whole sentence with is still worked out for
# passages when this many of the new article's sentences have candidates there
# (enough shared word 2-grams): a desk that reworded every sentence of a wire
# story kept runs of its words. On COUNTER, 2 left 34 of 208 derived stories
# with no share at all (AUC 0.75), 1 left 3 (0.82).
LINK_SENTENCES = 1
# Under this share of the shorter article's words no derived share rounds up to
# MIN_DERIVED_SHARE (shares keep four decimals).
NEARLY_DERIVED = MIN_DERIVED_SHARE - 0.0001
EXACT = PairRarity(1.0, 1.0, False)  # an exact copy is never a frame


@dataclass(frozen=True, slots=True)
class PlannedMatch:
    """A new sentence (position `i` in the new article) matched with a stored one."""

    i: int
    sentence: int  # the stored sentence's id
    article: int  # the stored sentence's article id
    kind: Kind
    score: float
    quote: bool


@dataclass(frozen=True, slots=True)
class PlannedShare:
    """Derived shares (0-1) between the new article and a stored one, both ways,
    with how many matched sentence pairs they share and how many are quotes."""

    article: int
    here: float
    there: float
    matched: int
    quotes: int


@dataclass(frozen=True)
class Plan:
    """What matching found for one new article: its matches and derived shares."""

    matches: list[PlannedMatch]
    shares: list[PlannedShare]


def plan_article(
    index: CandidateIndex,
    keys: Sequence[SentenceKey],
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
    outlet: str | None = None,
) -> Plan:
    """Match a new article (its sentences' keys, in reading order) against `index`.

    Copydesk shows what other outlets printed: with the new article's `outlet`
    (tui/match/outlets.outlet_key), the same outlet's other pages are never
    matched (two of an aggregator's listings, an outlet's story under two
    addresses). Older versions are never matched either (the index retires
    them). Keys without a fold hash (too short, furniture) are never matched
    but count in the article's words.
    """
    matchable = {i: key for i, key in enumerate(keys) if key.fold_hash is not None}
    weigh = Weights(index.rarity)
    exclude = index.by_outlet.get(outlet, set()) if outlet else set()
    # article -> its candidate pairs (new position, stored sentence) -> their LCS in words
    linked: dict[int, dict[tuple[int, int], int]] = defaultdict(dict)
    aligned: dict[int, int] = defaultdict(int)  # article -> its seeds' LCS words, runs only
    here = _side_of_new(keys)
    by_article = _verify(index, matchable, cutoffs, exclude, here.words, linked, aligned)
    new_terms: np.ndarray | None = None
    matches: list[PlannedMatch] = []
    planned_shares: list[PlannedShare] = []
    # runs of sentence texts aligned while planning (passages.shares), by the
    # articles the stored side stands for (rarer terms make more runs)
    known_runs: dict[int, dict] = {}
    for article in sorted(set(by_article) | set(linked)):
        pairs = by_article.get(article, [])
        seeds = linked.get(article, {})
        if not pairs and not _may_share(here, keys, seeds, aligned[article], index, article):
            continue  # (too few seed sentences, or too few of their words)
        # the stored article stands for its story's printings of what the new one shares
        held = 1 + len(index.links.get(article, set()) & by_article.keys())
        topical = None
        if pairs and needs_articles(pairs):
            pairs = [_with_run(pair, keys, index) for pair in pairs]
            if needs_articles(pairs):  # (a long run can settle it without the overlap)
                if new_terms is None:
                    new_terms = index.rarity.ids_of(
                        frozenset().union(*(terms(key.folded) for key in matchable.values()))
                    )
                topical = topical_overlap(new_terms, index.terms_of(article), index.rarity, held)
        context = Articles(here.words, index.words_of.get(article, 0), topical)
        found = [
            PlannedMatch(
                k.pair.here,
                k.pair.there,
                article,
                k.pair.verdict.kind,
                k.pair.verdict.score,
                k.quote,
            )
            for k in (judge(pairs, context) if pairs else ())
        ]
        if (
            not found
            and pairs
            and not _may_share(here, keys, seeds, aligned[article], index, article)
        ):
            continue  # (the pairs judged no reuse)
        matches += found
        there, position = stored_side(index, article)
        derived = shares(
            here,
            there,
            [(i, position[s]) for i, s in seeds if s in position],
            [(m.i, position[m.sentence], m.quote) for m in found if m.sentence in position],
            functools.partial(weigh, held_by=held),
            known_runs.setdefault(held, {}),
        )
        if found or max(derived.here, derived.there) >= MIN_DERIVED_SHARE:
            planned_shares.append(
                PlannedShare(article, derived.here, derived.there, len(found), derived.quotes)
            )
    return Plan(matches, planned_shares)


def _may_share(
    here: Side,
    keys: Sequence[SentenceKey],
    seeds: dict[tuple[int, int], int],
    aligned: int,
    index: CandidateIndex,
    article: int,
) -> bool:
    """Whether two articles that share no matched sentence could still share a
    passage worth keeping: LINK_SENTENCES seed sentences, holding at least
    MIN_DERIVED_SHARE of either article's words, and aligning enough words for
    that: each seed pair's runs of MIN_RUN words or more lie inside its LCS, and
    `aligned` sums the LCS of those that reach MIN_RUN."""
    there = index.words_of.get(article, 0)
    if aligned < NEARLY_DERIVED * min(here.words, there):  # (most of them)
        return False
    mine = {i for i, _ in seeds}
    if len(mine) < LINK_SENTENCES:
        return False
    words_here = sum(len(profile(keys[i].folded).words) for i in mine)
    words_there = sum(len(profile(index.texts[s]).words) for s in {s for _, s in seeds})
    return words_here >= MIN_DERIVED_SHARE * here.words or words_there >= MIN_DERIVED_SHARE * there


def _verify(
    index: CandidateIndex,
    keys: dict[int, SentenceKey],
    cutoffs: Cutoffs,
    exclude: set[int],
    words: int,
    linked: dict[int, dict[tuple[int, int], int]],
    aligned: dict[int, int],
) -> dict[int, list[Pair]]:
    """Stored article id -> its verified pairs with the new article (`Pair.there` is
    the stored sentence's id, which runs in reading order), each weighed by the
    library (tui/match/rarity.py). The candidates (`CandidateIndex.candidates`)
    are verified in one batch (`verify.verify_indexed`), a text printed by many
    once. `aligned` learns, by stored article, the summed length in words of the
    longest common subsequences of MIN_RUN words or more of the candidate pairs
    that share enough words to be anything (`profile.overlapping`); `linked`
    learns those pairs (new position, stored sentence id -> LCS), for the
    passages, of the articles with a verified pair or enough aligned words for a
    derived share of the new article's `words` (the others share stock phrases).

    A sentence that a story's copies all print makes its words look common (a
    library of one wire story and its reprints holds every word of it many
    times). So a pair's terms are weighed as if the stored side's story were
    one article: the articles that print a version of the new sentence and
    already share a sentence with the stored article (`CandidateIndex.links`)
    are left out of the counts, with the stored article itself.
    """
    asked, firsts = index.candidates(keys)
    new, left = np.unique(asked, return_inverse=True)
    stored, right = np.unique(firsts, return_inverse=True)
    new_texts = np.array([keys[i].folded for i in new.tolist()], dtype=object)
    with SENTENCES.batch(len(new) + len(stored)):
        ids = np.concatenate([SENTENCES.ids(new_texts), index.arena_ids(stored, SENTENCES)])
        texts = np.concatenate([new_texts, index.texts[stored]])
        checked = verify_indexed(texts, left, len(new) + right, cutoffs, ids)
    # every printing of each overlapping pair's stored text: its row, sentence, article
    overlapping = np.flatnonzero(checked.overlapping)
    sentences, row = index.expand(firsts[overlapping])
    articles, article_at = np.unique(index.article_of[sentences], return_inverse=True)
    lcs = checked.lcs[overlapping][row]
    runs = np.bincount(article_at, np.where(lcs >= MIN_RUN, lcs, 0), len(articles))
    reused = np.zeros(len(overlapping), np.bool_)
    reused[np.isin(overlapping, list(checked.verdicts))] = True
    any_reused = np.bincount(article_at, reused[row], len(articles)) > 0
    kept = np.zeros(len(articles), np.bool_)
    for at, article in enumerate(articles.tolist()):
        if article in exclude or article in index.retired:
            continue
        aligned[article] = int(runs[at])
        # (an article the new one shares only stock phrases with is no more use)
        kept[at] = any_reused[at] or runs[at] >= NEARLY_DERIVED * min(
            words, index.words_of.get(article, 0)
        )
    found: list[tuple[int, int, int, str, Verdict]] = []  # i, sentence, article, text, verdict
    for r in np.flatnonzero(kept[article_at]).tolist():
        p = int(overlapping[row[r]])
        i, sentence, article = int(asked[p]), int(sentences[r]), int(articles[article_at[r]])
        linked[article][i, sentence] = int(lcs[r])
        verdict = checked.verdicts.get(p)
        if verdict is not None:
            found.append((i, sentence, article, index.text(int(firsts[p])), verdict))
    found.sort(key=lambda f: (f[0], f[1]))  # in the candidates' order, whatever the batch's
    printers: dict[int, set[int]] = defaultdict(set)  # new sentence -> articles printing it
    for i, _, article, _, _ in found:
        printers[i].add(article)
    # a stored article stands for its story's printings of the new sentence
    held = [1 + len(printers[i] & index.links.get(article, set())) for i, _, article, _, _ in found]
    weighing = list(
        dict.fromkeys(
            (i, text, h)
            for (i, _, _, text, verdict), h in zip(found, held, strict=True)
            if verdict.kind != "exact"
        )
    )
    weighed = dict(
        zip(
            weighing,
            weigh_pairs(
                [terms(keys[i].folded) for i, _, _ in weighing],
                [terms(text) for _, text, _ in weighing],
                [h for _, _, h in weighing],
                index.rarity,
            ),
            strict=True,
        )
    )
    rarities = [
        EXACT if verdict.kind == "exact" else weighed[i, text, h]
        for (i, _, _, text, verdict), h in zip(found, held, strict=True)
    ]
    # new sentence -> the articles whose sentence it refills (another filling of its frame)
    fillings: dict[int, set[int]] = defaultdict(set)
    for (i, _, article, _, _), rarity in zip(found, rarities, strict=True):
        if rarity.refilled:
            fillings[i].add(article)
    stories = {i: _stories(index, articles) for i, articles in fillings.items()}
    by_article: dict[int, list[Pair]] = defaultdict(list)
    for (i, sentence, article, text, verdict), rarity in zip(found, rarities, strict=True):
        by_article[article].append(
            Pair(
                here=i,
                there=sentence,
                verdict=verdict,
                specificity=rarity.specificity,
                shared_max=rarity.shared_max,
                refilled=rarity.refilled,
                shared_terms=len(terms(keys[i].folded) & terms(text)),
                words=min(len(profile(keys[i].folded).words), len(profile(text).words)),
                quoted=_quoted_share(keys[i], text, index.quoted.get(sentence, "")),
                fillings=stories.get(i, 0),
            )
        )
    return by_article


def _with_run(pair: Pair, keys: Sequence[SentenceKey], index: CandidateIndex) -> Pair:
    """A partial or similar pair with its longest run of words (`judge.longest_run`),
    worked out only where the judgement might turn on it."""
    if pair.verdict.kind not in ("partial", "similar"):
        return pair
    here, there = profile(keys[pair.here].folded), profile(index.texts[pair.there])
    return replace(pair, run=longest_run(here.words, there.words))


def _stories(index: CandidateIndex, articles: set[int]) -> int:
    """How many stories these articles hold: each counted unless it prints a sentence
    word for word that one counted already prints (`CandidateIndex.copies`). A
    wire sentence edited by ten outlets has ten look-alikes but one story (the
    outlets kept other sentences whole); a frame's fillings stand in stories of
    their own (a filling is never printed word for word elsewhere)."""
    counted: list[int] = []
    for article in sorted(articles):
        linked = index.copies.get(article, set())
        if not any(other in linked for other in counted):
            counted.append(article)
    return len(counted)


def _quoted_share(key: SentenceKey, text: str, stored_flags: str) -> float:
    """The share of the pair's aligned words inside quotation marks on either side."""
    if not key.quoted and not stored_flags:
        return 0.0
    a, b = profile(key.folded).words, profile(text).words
    aligned = quoted = 0
    for block in LCSseq.opcodes(a, b):
        if block.tag != "equal":
            continue
        for x, y in zip(
            range(block.src_start, block.src_end),
            range(block.dest_start, block.dest_end),
            strict=True,
        ):
            aligned += 1
            quoted += _flag(key.quoted, x) or _flag(stored_flags, y)
    return quoted / aligned if aligned else 0.0


def _flag(flags: str, at: int) -> bool:
    return at < len(flags) and flags[at] == "1"


def _side_of_new(keys: Sequence[SentenceKey]) -> Side:
    """The new article for passages: its keyed sentences' tokens and quote flags."""
    keyed = [key.fold_hash is not None for key in keys]
    texts = [key.folded if ok else "" for key, ok in zip(keys, keyed, strict=True)]
    tokens = [profile(text).words for text in texts]
    quoted = [key.quoted if ok else "" for key, ok in zip(keys, keyed, strict=True)]
    return Side.of(texts, tokens, quoted, matchable_words(keys))


def matchable_words(keys: Sequence[SentenceKey]) -> int:
    """An article's words in sentences that can match (not too short, not page
    furniture): the denominator of its derived shares, so an exact reprint is
    100% whatever headings and credit lines it carries."""
    return sum(len(profile(key.folded).words) for key in keys if key.fold_hash is not None)


def stored_side(index: CandidateIndex, article: int) -> tuple[Side, dict[int, int]]:
    """A stored article for passages (its keyed sentences, boilerplate left out), and
    each of its sentence ids' position there; kept by the index until its
    boilerplate changes."""
    if article in index.sides:
        return index.sides[article]
    ids = [s for s in index.sentences_of.get(article, ()) if s not in index.boilerplate_sentences]
    texts = [index.texts[s] for s in ids]
    side = Side.of(
        texts,
        [profile(text).words for text in texts],
        [index.quoted.get(s, "") for s in ids],
        index.words_of.get(article, 0),
    )
    index.sides[article] = side, {sentence: position for position, sentence in enumerate(ids)}
    return index.sides[article]


def keys_of(article: Article) -> list[SentenceKey]:
    """An article's matching keys, one per sentence in reading order, with the
    words each holds inside quotation marks (tui/match/quotes.py)."""
    flags = article_flags(article.text, article.sentences)
    return [
        replace(sentence_key(sentence.text), quoted=quoted)
        for sentence, quoted in zip(article.sentences, flags, strict=True)
    ]
