"""What candidate pairs share, counted in bulk by a compiled kernel (numba).

A new article's sentences have hundreds of candidates, and at 10,000
articles the Markov corpus has 8.4 million; building and intersecting Python
sets cost about 50 µs a pair. Here each sentence is turned once into one
int64 array of sorted sets (`sentence_sets`: its distinct word ids with their
counts, its word 2-, 3- and 4-grams, character 3-grams and figures), and a
pair is a few merges of sorted arrays plus the word-level LCS and Levenshtein
distance by dynamic programming, in compiled code that releases the GIL.

Word n-grams are compared by a 64-bit hash of their word ids: two different
n-grams of one pair collide with a chance of about 1 in 10^16. Character
3-grams are packed exactly (code points stay under 2^21).

The reuse measures and their weighing are those of tui/match/verify.py
(`count_pairs` works them out in the same order of floating-point steps as
Python would, so the scores agree to the last bit).
"""

from __future__ import annotations

import numba
import numpy as np

# The header of a sentence's array: sizes of its sets, then flags.
VOCABULARY, GRAMS2, GRAMS3, GRAMS4, TRIGRAMS, FIGURES, LONG_ENOUGH, NEGATED, WORDS = range(9)
HEADER = 9
# Columns of `count_pairs`' integer answer for each pair.
OVERLAPPING, SHARED, UNION, LCS, BOTH_LONG, FLIPPED, SHORTER, LONGER = range(8)
MEASURES = 7  # verify.EVIDENCE_WEIGHTS' order

_MIX = np.int64(-7046029254386353131)  # 0x9E3779B97F4A7C15 (Fibonacci hashing)


def _compiled(func):
    """`func` compiled by numba (releasing the GIL), and kept on disk for the next
    process where numba can write (beside this file, or the user's cache);
    where it cannot (a read-only install and home), compiled in each process."""
    try:
        return numba.njit(cache=True, nogil=True)(func)
    except RuntimeError:  # numba: "cannot cache function ...: no locator available"
        return numba.njit(nogil=True)(func)


@_compiled
def _unique(values: np.ndarray, out: np.ndarray, counts: np.ndarray) -> int:
    """Write the sorted distinct values (and how often each occurs) to the front of
    `out` and `counts`; return how many there are."""
    if len(values) == 0:
        return 0
    ordered = np.sort(values)
    n = 0
    out[0] = ordered[0]
    counts[0] = 1
    for k in range(1, len(ordered)):
        if ordered[k] == out[n]:
            counts[n] += 1
        else:
            n += 1
            out[n] = ordered[k]
            counts[n] = 1
    return n + 1


@_compiled
def _grams(words: np.ndarray, n: int) -> np.ndarray:
    """Hashes of the word n-grams of one sentence's word ids."""
    m = max(0, len(words) - n + 1)
    out = np.empty(m, np.int64)
    for k in range(m):
        h = np.int64(n)
        for j in range(n):
            h = (h ^ words[k + j]) * _MIX
        out[k] = h
    return out


@_compiled
def _char_trigrams(chars: np.ndarray) -> np.ndarray:
    """The character 3-grams of one folded sentence's code points, packed exactly."""
    m = max(0, len(chars) - 2)
    out = np.empty(m, np.int64)
    for k in range(m):
        out[k] = (chars[k] << 42) | (chars[k + 1] << 21) | chars[k + 2]
    return out


@_compiled
def sentence_sets(
    words: np.ndarray, chars: np.ndarray, figures: np.ndarray, long_enough: bool, negated: bool
) -> np.ndarray:
    """One sentence's sorted sets in one int64 array: the HEADER (the sizes of its
    distinct words, word 2-, 3-, 4-grams, character 3-grams and figures, then
    whether it is long enough to match, whether it negates, and its word count),
    then the distinct word ids, their counts, and each set in that order.

    `words` are its word ids in reading order, `chars` its code points, `figures`
    the ids of the figures it prints.
    """
    n = len(words)
    size = HEADER + 2 * n + 3 * n + max(0, len(chars) - 2) + len(figures)
    out = np.empty(size, np.int64)
    scratch = np.empty(max(n, len(chars), len(figures)), np.int64)
    at = HEADER
    found = _unique(words, out[at:], scratch)
    out[VOCABULARY] = found
    out[at + found : at + 2 * found] = scratch[:found]  # the counts, after the words
    at += 2 * found
    for k in range(2, 5):
        found = _unique(_grams(words, k), out[at:], scratch)
        out[GRAMS2 + k - 2] = found
        at += found
    found = _unique(_char_trigrams(chars), out[at:], scratch)
    out[TRIGRAMS] = found
    at += found
    found = _unique(figures, out[at:], scratch)
    out[FIGURES] = found
    at += found
    out[LONG_ENOUGH] = long_enough
    out[NEGATED] = negated
    out[WORDS] = n
    return out[:at]


@_compiled
def _shared_counted(a, ca, b, cb) -> tuple[int, int]:
    """Distinct values two sorted arrays share, and the sum of their smaller counts."""
    i = j = n = repeated = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            n += 1
            repeated += min(ca[i], cb[j])
            i += 1
            j += 1
        elif a[i] < b[j]:
            i += 1
        else:
            j += 1
    return n, repeated


@_compiled
def _shared(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values share."""
    return _shared_counted(a, a, b, b)[0]  # (the sum of smaller values is not used)


@_compiled
def _lcs_and_edit(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
    """Word-level longest common subsequence length and Levenshtein distance
    (unit costs), by dynamic programming over one row each."""
    m = len(b)
    lcs = np.zeros(m + 1, np.int64)
    edit = np.arange(m + 1).astype(np.int64)
    for i in range(1, len(a) + 1):
        lcs_diagonal = 0
        edit_diagonal = edit[0]
        edit[0] = i
        for j in range(1, m + 1):
            lcs_up, edit_up = lcs[j], edit[j]
            if a[i - 1] == b[j - 1]:
                lcs[j] = lcs_diagonal + 1
                edit[j] = edit_diagonal
            else:
                lcs[j] = max(lcs_up, lcs[j - 1])
                edit[j] = 1 + min(edit_diagonal, edit_up, edit[j - 1])
            lcs_diagonal, edit_diagonal = lcs_up, edit_up
    return lcs[m], edit[m]


@_compiled
def _f_score(shared: int, size_a: int, size_b: int) -> float:
    """Harmonic mean of the two sides' precisions (shared / own size)."""
    return 2 * shared / (size_a + size_b) if shared else 0.0


@_compiled
def count_pairs(sets, starts, words, word_starts, left, right, jaccard, containment, weights, bias):
    """Count what each pair (left[p], right[p]) of sentences shares, and weigh it.

    Sentences come as one flat array of their `sentence_sets` with the start of
    each, and one flat array of word ids, sentence x's from `word_starts[x]` to
    `word_starts[x + 1]` (profile.SentenceArena). A pair overlaps
    when its distinct words share at least `jaccard` of their union or
    `containment` of the smaller side (verify.overlapping). Returns, per pair:
    - int64 (pairs, 8): overlapping (0/1), distinct words shared and in all,
      the word LCS (for overlapping pairs; all words for equal sentences),
      whether both sentences are long enough to match (0/1), whether one
      negates and the other does not (0/1), and the word counts of the shorter
      and the longer side;
    - float64 (pairs, MEASURES): verify.EVIDENCE_WEIGHTS' measures, and
    - float64 (pairs,): their weighed sum with `bias` (the logit of reuse),
    the last two for overlapping pairs of unequal sentences only (0 elsewhere).
    """
    counted = np.zeros((len(left), 8), np.int64)
    measured = np.zeros((len(left), MEASURES), np.float64)
    logit = np.zeros(len(left), np.float64)
    scores = np.empty(4, np.float64)
    for p in range(len(left)):
        x, y = left[p], right[p]
        a, b = starts[x], starts[y]
        ha, hb = sets[a : a + HEADER], sets[b : b + HEADER]
        va, vb = ha[VOCABULARY], hb[VOCABULARY]
        a += HEADER
        b += HEADER
        shared, repeated = _shared_counted(
            sets[a : a + va], sets[a + va : a + 2 * va], sets[b : b + vb], sets[b + vb : b + 2 * vb]
        )
        counted[p, SHARED] = shared
        counted[p, UNION] = va + vb - shared
        counted[p, BOTH_LONG] = ha[LONG_ENOUGH] and hb[LONG_ENOUGH]
        counted[p, FLIPPED] = ha[NEGATED] != hb[NEGATED]
        counted[p, SHORTER] = min(ha[WORDS], hb[WORDS])
        counted[p, LONGER] = max(ha[WORDS], hb[WORDS])
        if not (shared >= jaccard * (va + vb - shared) or shared >= containment * min(va, vb)):
            continue
        counted[p, OVERLAPPING] = 1
        if x == y:
            counted[p, LCS] = ha[WORDS]
            continue
        wa = words[word_starts[x] : word_starts[x + 1]]
        wb = words[word_starts[y] : word_starts[y + 1]]
        lcs, edit = _lcs_and_edit(wa, wb)
        counted[p, LCS] = lcs
        scores[0] = _f_score(shared, va, vb)
        a += 2 * va
        b += 2 * vb
        trigrams = 0
        for k in range(3):  # word 2-, 3-, 4-grams
            ga, gb = ha[GRAMS2 + k], hb[GRAMS2 + k]
            found = _shared(sets[a : a + ga], sets[b : b + gb])
            scores[k + 1] = _f_score(found, ga, gb)
            if k == 1:
                trigrams = found
            a += ga
            b += gb
        ta, tb = ha[TRIGRAMS], hb[TRIGRAMS]
        chars = _shared(sets[a : a + ta], sets[b : b + tb])
        a += ta
        b += tb
        fa, fb = ha[FIGURES], hb[FIGURES]
        figures = fa + fb - 2 * _shared(sets[a : a + fa], sets[b : b + fb])
        len_a, len_b = len(wa), len(wb)
        measured[p, 0] = repeated / max(len_a, len_b)
        measured[p, 1] = trigrams / max(1, ha[GRAMS3], hb[GRAMS3])
        measured[p, 2] = 2 * edit / (len_a + len_b)
        measured[p, 3] = float(figures)
        measured[p, 4] = 1.0 if ha[NEGATED] != hb[NEGATED] else 0.0
        measured[p, 5] = chars / max(1, ta + tb - chars)
        total = 0.0
        for k in range(4):
            total += np.log(scores[k] + 0.01)
        measured[p, 6] = np.exp(total / 4)
        total = 0.0
        for k in range(MEASURES):
            total += weights[k] * measured[p, k]
        logit[p] = bias + total
    return counted, measured, logit


@_compiled
def _idf(df: int, articles: int, held: int) -> float:
    """rarity.Rarity.weight: a term's IDF over the counted articles other than the
    `held` ones known to hold it, 0-1."""
    others = max(0, articles - held)
    return np.log((others + 2) / (max(0, df - held) + 1)) / np.log(others + 2)


@_compiled
def weigh_pairs(df, figure, articles, ids, ends, left, right, held, specific):
    """rarity.weigh_pairs' pass: for each pair of term sets (sorted ids, flat, with
    the end of each set), the specificity (0-1), the weight of the rarest shared
    term (0-1), and whether each side holds a term of its own that is a figure
    (`figure[id]`) or weighs `specific` or more. `df` counts the articles
    holding each term, `articles` all counted articles."""
    n = len(left)
    specificity = np.zeros(n, np.float64)
    shared_max = np.zeros(n, np.float64)
    refilled = np.zeros(n, np.bool_)
    for p in range(n):
        x, y, h = left[p], right[p], held[p]
        a, b = ids[ends[x - 1] if x else 0 : ends[x]], ids[ends[y - 1] if y else 0 : ends[y]]
        i = j = 0
        shared = own_a = own_b = 0.0
        best = 0.0
        specific_a = specific_b = False
        while i < len(a) or j < len(b):
            if j == len(b) or (i < len(a) and a[i] < b[j]):
                w = _idf(df[a[i]], articles, 0)
                own_a += w
                specific_a = specific_a or w >= specific or figure[a[i]]
                i += 1
            elif i == len(a) or b[j] < a[i]:
                w = _idf(df[b[j]], articles, h)
                own_b += w
                specific_b = specific_b or w >= specific or figure[b[j]]
                j += 1
            else:
                w = _idf(df[a[i]], articles, h)
                shared += w
                best = max(best, w)
                i += 1
                j += 1
        total = shared + min(own_a, own_b)
        specificity[p] = shared / total if total else 0.0
        shared_max[p] = best
        refilled[p] = specific_a and specific_b
    return specificity, shared_max, refilled


@_compiled
def shared_postings(chosen, ends, short_asking, short, need_short, need, counts):
    """The candidate index's count (tui/match/index.py): `chosen` holds the postings
    lists (int32 stored-text ids) counted for each new sentence, one sentence after
    another, sentence g's ending at `ends[g]`. Returns, as int64 `g << 32 | text`,
    each (new sentence, stored text) found in at least `need` of its lists, or
    `need_short` where the new sentence (`short_asking[g]`) or the stored text
    (`short[text]`) is short; in order of g, then of first posting. `counts` is
    scratch (int32, one per stored text id, all zero) and is left all zero. A
    count in one pass over the postings instead of sorting them: 3.1 -> 1.5 ms
    an article at 100,000 articles."""
    found = np.empty(len(chosen), np.int64)
    touched = np.empty(len(chosen), np.int64)
    n = 0
    start = 0
    for g in range(len(ends)):
        distinct = 0
        for k in range(start, ends[g]):
            text = chosen[k]
            if counts[text] == 0:
                touched[distinct] = text
                distinct += 1
            counts[text] += 1
        for k in range(distinct):
            text = touched[k]
            if counts[text] >= (need_short if short_asking[g] or short[text] else need):
                found[n] = (np.int64(g) << 32) | text
                n += 1
            counts[text] = 0
        start = ends[g]
    return found[:n]


@_compiled
def rarest_postings(ids, start, length, pool, pool_start, pool_length, ends, budget):
    """The postings each new sentence counts (tui/match/postings.py): sentence g owns
    the lists ends[g - 1]..ends[g] (places in `start`...: a part in `ids` from
    `start`, `length` long, then a part in `pool`). It takes them from the
    shortest up (in place order among equals) and stops at the first that would
    pass `budget` postings. Returns the taken postings one sentence after
    another (int32) and where each sentence's end (int64)."""
    total = length + pool_length
    # each sentence takes at most `budget` postings, and no more than its lists hold
    out = np.empty(min(total.sum(), len(ends) * budget), np.int32)
    out_ends = np.empty(len(ends), np.int64)
    n = 0
    begin = 0
    for g in range(len(ends)):
        used = 0
        for h in np.argsort(total[begin : ends[g]], kind="mergesort"):
            at = begin + h
            if used + total[at] > budget:
                break
            used += total[at]
            for k in range(start[at], start[at] + length[at]):
                out[n] = ids[k]
                n += 1
            for k in range(pool_start[at], pool_start[at] + pool_length[at]):
                out[n] = pool[k]
                n += 1
        out_ends[g] = n
        begin = ends[g]
    return out[:n], out_ends
