"""Which articles a command-line reference names: an id, an outlet or a title."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from tui.store.articles import ArticleRow

# A title must match at least this well (partial_ratio, 0-100) to be named at all.
TITLE_CUTOFF = 70
# Titles within this many points of the best match it about equally well: ambiguous.
TIE_MARGIN = 3


def named_by(reference: str, rows: Sequence[ArticleRow]) -> list[ArticleRow]:
    """The articles `reference` names, best first: one when it is clear, none when nothing
    fits, several when it is ambiguous (the caller lists them).

    An outlet's name (any case) names its articles. Otherwise titles are matched
    with typos allowed; a title equal to the reference (case and punctuation aside)
    wins over ones that merely contain it, and titles that match about equally
    well (within TIE_MARGIN) are all returned: the same title printed twice is two
    candidates, never a silent pick.
    """
    wanted = utils.default_process(reference)
    if not wanted:
        return []
    outlets = [row for row in rows if row.outlet and utils.default_process(row.outlet) == wanted]
    if outlets:
        return outlets
    titles = {index: utils.default_process(row.title or "") for index, row in enumerate(rows)}
    equal = [rows[index] for index, title in titles.items() if title == wanted]
    if equal:
        return equal
    found = process.extract(
        wanted, titles, scorer=fuzz.partial_ratio, score_cutoff=TITLE_CUTOFF, limit=None
    )
    best = max((score for _, score, _ in found), default=0.0)
    return [rows[index] for _, score, index in found if score >= best - TIE_MARGIN]
