"""Line two articles up like a diff: shared sentences on the same row."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tui.match.changes import Change, fact_changes
from tui.match.kinds import DEFAULT_CUTOFFS, Cutoffs
from tui.match.shingles import sentence_key
from tui.match.verify import verify_batch
from tui.models import Sentence
from tui.store.matches import MatchRow


@dataclass(frozen=True)
class Row:
    """One row of a side-by-side view; a side is None where the other has no counterpart.

    `changes` are the facts the right side changed (tui/match/changes.py).
    """

    left: Sentence | None
    right: Sentence | None
    kind: str | None = None
    score: float | None = None
    changes: tuple[Change, ...] = ()
    quote: bool = False  # a quotation both printed: shared text, not evidence of copying


def _best_pairs(matches: Sequence[MatchRow]) -> list[MatchRow]:
    """For each left sentence its best-scoring right sentence."""
    best: dict[int, MatchRow] = {}
    for m in matches:
        if m.a_i not in best or m.score > best[m.a_i].score:
            best[m.a_i] = m
    return sorted(best.values(), key=lambda m: m.a_i)


def _increasing_run(pairs: list[MatchRow]) -> list[MatchRow]:
    """Longest run of pairs whose right indexes increase (patience sorting, O(n log n)).

    Pairs that would cross are left unaligned; they still show as shared.
    """
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for index, pair in enumerate(pairs):
        position = bisect_left(tails, pair.b_i)
        if position == len(tails):
            tails.append(pair.b_i)
            tail_at.append(index)
        else:
            tails[position] = pair.b_i
            tail_at[position] = index
        previous[index] = tail_at[position - 1] if position else -1
    run: list[MatchRow] = []
    index = tail_at[-1] if tail_at else -1
    while index != -1:
        run.append(pairs[index])
        index = previous[index]
    return run[::-1]


def pair_directly(
    left: Sequence[Sentence], right: Sequence[Sentence], cutoffs: Cutoffs = DEFAULT_CUTOFFS
) -> list[MatchRow]:
    """Verify every left sentence against every right one (tui/match/verify.py).

    For two versions of one article, which never enter the matching index
    together: O(left x right) verifications, in one batch.
    Returned rows put the left article on side a, with article ids 0 and 1.
    """
    lefts = [(s.i, key) for s in left if (key := sentence_key(s.text)).fold_hash is not None]
    rights = [(s.i, key) for s in right if (key := sentence_key(s.text)).fold_hash is not None]
    both = [(i, j) for i, _ in lefts for j, _ in rights]
    checked = verify_batch([(a.folded, b.folded) for _, a in lefts for _, b in rights], cutoffs)
    return [
        MatchRow(0, both[p][0], 1, both[p][1], verdict.score, verdict.kind)
        for p, verdict in sorted(checked.verdicts.items())
    ]


def _gap(left: Sequence[Sentence], right: Sequence[Sentence]) -> list[Row]:
    """The rows between two shared sentences: each side's own sentences, left first,
    except that a sentence too short to be matched (MIN_WORDS) and printed the same
    on both sides ("Everything is gone.") shares a row, unmarked: it lines the
    sides up without claiming the words as shared text."""

    def short(s: Sentence, side: str) -> str:
        key = sentence_key(s.text)
        return key.folded if key.fold_hash is None and key.folded else f"{side}{s.i}"

    blocks = SequenceMatcher(
        None, [short(s, "a") for s in left], [short(s, "b") for s in right], autojunk=False
    ).get_matching_blocks()
    rows: list[Row] = []
    i = j = 0
    for block in blocks:
        rows.extend(Row(left[k], None) for k in range(i, block.a))
        rows.extend(Row(None, right[k]) for k in range(j, block.b))
        rows.extend(Row(left[block.a + k], right[block.b + k]) for k in range(block.size))
        i, j = block.a + block.size, block.b + block.size
    return rows


def align(
    left: Sequence[Sentence], right: Sequence[Sentence], matches: Sequence[MatchRow]
) -> list[Row]:
    """Rows for a side-by-side view; `matches` have the left article on side a."""
    anchors = _increasing_run(_best_pairs(matches))
    rows: list[Row] = []
    i = j = 0
    for anchor in [*anchors, None]:
        stop_i = anchor.a_i if anchor else len(left)
        stop_j = anchor.b_i if anchor else len(right)
        rows.extend(_gap(left[i:stop_i], right[j:stop_j]))
        if anchor:
            a, b = left[anchor.a_i], right[anchor.b_i]
            changes = () if anchor.kind == "exact" else tuple(fact_changes(a.text, b.text))
            rows.append(Row(a, b, anchor.kind, anchor.score, changes, anchor.quote))
            i, j = anchor.a_i + 1, anchor.b_i + 1
    return rows
