"""How much of one article another printed: passages, not only whole sentences.

Desks rework wire copy: they keep a sentence, trim one to a clause, rewrite
the next, merge two. Counting only sentences matched whole misses most of
that (on COUNTER's partially derived Urdu stories the share of sentences
matched was 0.07). So the derived share of article A from article B counts
A's words in aligned passages of the two:

1. **Runs of words.** Seeded by the sentence pairs that share word 2-grams
   (the candidate index's find, as passim seeds its alignments with shared
   n-grams) and by the matched pairs, each pair is aligned word by word: the
   longest common subsequence of their tokens (`rapidfuzz.distance.LCSseq`)
   gives blocks printed in both, wherever the desk moved the paragraph. A
   block of at least MIN_RUN tokens (MIN_RUN_UNSPACED characters in Chinese,
   Japanese, Thai) that holds a term at least as rare as RUN_RARITY is a run;
   a lone stock phrase ("in the", "according to the") is none. In a matched
   pair, already judged reuse, every aligned word counts (the kept words of
   a trimmed or reworded sentence). On COUNTER
   this ranks derived stories as aligning the two whole articles does (AUC
   0.80 against 0.82) at a fraction of the cost on a library of one event,
   where every article shares something with every other.
2. **Rewritten sentences inside a passage.** Sentences that stand between
   two matched sentence pairs (within ANCHOR_DISTANCE sentences, in order on
   both sides) count whole: a desk that rewrote the middle of a copied run
   still took it.
3. **Quotes apart.** A shared quotation standing alone is shared text, not
   evidence of copying: words inside quotation marks (tui/match/quotes.py)
   count only inside a passage (a run of matched pairs, each within
   ANCHOR_DISTANCE + 1 sentences of the one before on both sides, that holds
   a pair of narration), where the desk took the quote with the narration
   around it. The number of matched quotes outside passages is reported
   beside the share.

The share is the words counted over all the article's words (0-1). Which of
the two is derived depends on who printed first, which is the library's
call; both directions are worked out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz.distance import LCSseq

from tui.match.kinds import ANCHOR_DISTANCE
from tui.match.rarity import terms
from tui.text.normalize import UNSPACED_CHARACTER

MIN_RUN = 2
MIN_RUN_UNSPACED = 4
# A run must hold a term whose weight (rarity.Rarity.weight, 0-1) reaches this:
# on COUNTER, 0.3 keeps the share of independent stories at a median of 0.07
# while derived ones keep 0.64 (wholly) and 0.15 (partly).
RUN_RARITY = 0.3


@dataclass(frozen=True, slots=True)
class Side:
    """One article as passages see it: the tokens of its matchable sentences end to
    end (`tokens`), where each sentence starts there (`starts`, one more entry
    than sentences: the end), how many of the tokens before each position stand
    inside quotation marks (`quoted_before`, one more entry than tokens), and
    all its words (`words`, the share's denominator: sentences too short to
    match included)."""

    texts: Sequence[str]
    tokens: Sequence[str]
    starts: Sequence[int]
    quoted_before: Sequence[int]
    words: int

    @classmethod
    def of(
        cls,
        texts: Sequence[str],
        sentences: Sequence[Sequence[str]],
        flags: Sequence[str],
        words: int,
    ) -> Side:
        """A side from each sentence's folded text, tokens and quote flags ("" or one
        "0"/"1" a token)."""
        tokens: list[str] = []
        quoted: list[int] = []
        for sentence, flag in zip(sentences, flags, strict=True):
            tokens += sentence
            quoted += [int(flag[i] == "1") if i < len(flag) else 0 for i in range(len(sentence))]
        starts = [0, *accumulate(len(sentence) for sentence in sentences)]
        return cls(texts, tokens, starts, [0, *accumulate(quoted)], words)

    def sentence(self, x: int) -> Sequence[str]:
        return self.tokens[self.starts[x] : self.starts[x + 1]]

    def quoted(self, lo: int, hi: int) -> int:
        return self.quoted_before[hi] - self.quoted_before[lo]

    def is_quoted(self, at: int) -> bool:
        return self.quoted_before[at + 1] > self.quoted_before[at]


@dataclass(frozen=True, slots=True)
class Shares:
    """Each article's share (0-1) of words found in the other's passages, and how
    many matched sentence pairs are quotes."""

    here: float
    there: float
    quotes: int


def _is_run(run: Sequence[str], weight: Callable[[str], float]) -> bool:
    if len(run) < MIN_RUN:
        return False
    unspaced = all(len(token) == 1 and UNSPACED_CHARACTER.match(token) for token in run)
    if unspaced and len(run) < MIN_RUN_UNSPACED:
        return False
    found = terms(" ".join(run)) if unspaced else run
    return any(weight(term) >= RUN_RARITY for term in found)


def _runs(
    a: Sequence[str], b: Sequence[str], weight: Callable[[str], float] | None
) -> list[tuple[int, int, int]]:
    """Runs two token sequences share: (start in a, start in b, length). With no
    `weight` (a pair already judged reuse) every aligned word counts."""
    found = []
    for block in LCSseq.opcodes(a, b):
        lo, hi = block.src_start, block.src_end
        if block.tag != "equal":
            continue
        if weight is None or (hi - lo >= MIN_RUN and _is_run(a[lo:hi], weight)):
            found.append((lo, block.dest_start, hi - lo))
    return found


def shares(
    here: Side,
    there: Side,
    seeds: Iterable[tuple[int, int]],
    pairs: Sequence[tuple[int, int, bool]],
    weight: Callable[[str], float],
    known: dict[tuple[str, str, bool], list[tuple[int, int, int]]] | None = None,
) -> Shares:
    """Both articles' derived shares from each other.

    `seeds` are the sentence pairs (here's sentence, there's sentence) to align
    word by word: those that share word 2-grams (the candidate index's find, as
    passim seeds its alignments with shared n-grams). `pairs` are the matched
    sentence pairs (here's sentence, there's sentence, is a quote); every one
    is aligned too. Sentences are numbered as in the sides. `weight` gives a
    term's rarity (0-1). `known` keeps the runs of sentence texts already
    aligned (a wire sentence reprinted a hundred times is aligned once).
    """
    known = {} if known is None else known
    copied = [run for run in _passages(pairs) if not all(quote for _, _, quote in run)]
    in_passage = {(x, y) for run in copied for x, y, _ in run}
    narration = sorted(in_passage)
    quotes = [(x, y) for x, y, quote in pairs if quote and (x, y) not in in_passage]
    in_passage_a = {x for x, _ in in_passage}
    in_passage_b = {y for _, y in in_passage}
    covered_a: set[int] = set()
    covered_b: set[int] = set()
    matched = {(x, y) for x, y, _ in pairs}
    for x, y in set(seeds) | matched:
        reused = (x, y) in matched  # judged reuse: every aligned word counts
        key = (here.texts[x], there.texts[y], reused)
        if key not in known:
            known[key] = _runs(here.sentence(x), there.sentence(y), None if reused else weight)
        apart = x not in in_passage_a or y not in in_passage_b  # quoted words count apart
        i0, j0 = here.starts[x], there.starts[y]
        for i, j, length in known[key]:
            i, j = i0 + i, j0 + j
            if not apart or not (here.quoted(i, i + length) or there.quoted(j, j + length)):
                covered_a.update(range(i, i + length))
                covered_b.update(range(j, j + length))
                continue
            for k in range(length):
                if not (here.is_quoted(i + k) or there.is_quoted(j + k)):
                    covered_a.add(i + k)
                    covered_b.add(j + k)
    inside_a, inside_b = _inside_passages(narration)
    for side, inside, covered in ((here, inside_a, covered_a), (there, inside_b, covered_b)):
        for x in inside:
            covered.update(range(side.starts[x], side.starts[x + 1]))
    return Shares(
        _ratio(len(covered_a), here.words),
        _ratio(len(covered_b), there.words),
        len(quotes),
    )


def _passages(pairs: Sequence[tuple[int, int, bool]]) -> list[list[tuple[int, int, bool]]]:
    """Matched pairs in runs: each next pair within ANCHOR_DISTANCE + 1 sentences of
    the one before, forward on both sides."""
    runs: list[list[tuple[int, int, bool]]] = []
    for pair in sorted(set(pairs)):
        x, y, _ = pair
        for run in runs:
            last_x, last_y, _ = run[-1]
            if 0 < x - last_x <= ANCHOR_DISTANCE + 1 and 0 < y - last_y <= ANCHOR_DISTANCE + 1:
                run.append(pair)
                break
        else:
            runs.append([pair])
    return runs


def _inside_passages(pairs: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Sentences standing between two consecutive matched pairs of a passage."""
    inside_a: set[int] = set()
    inside_b: set[int] = set()
    ordered = sorted(set(pairs))
    for (x1, y1), (x2, y2) in zip(ordered, ordered[1:], strict=False):
        if 0 < x2 - x1 <= ANCHOR_DISTANCE + 1 and 0 < y2 - y1 <= ANCHOR_DISTANCE + 1:
            inside_a.update(range(x1 + 1, x2))
            inside_b.update(range(y1 + 1, y2))
    return inside_a, inside_b


def _ratio(found: int, total: int) -> float:
    return round(min(1.0, found / total), 4) if total else 0.0
