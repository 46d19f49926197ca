"""Labels every report format shares: who, when, how much was copied."""

from __future__ import annotations

from collections.abc import Sequence

from tui.library import ArticleRow, Derivation, shown_time, web_address
from tui.text.counts import counted
from tui.text.sanitize import one_line

MARKS = {"exact": "=", "near": "~", "partial": "⊂", "similar": "≈"}
# Beside the kind: the shared words are a quotation both printed (tui/match/quotes.py),
# shared text but no evidence that one outlet copied the other.
QUOTE_MARK = "❝"
LEGEND = {
    "exact": "the same sentence",
    "near": "lightly edited",
    "partial": "trimmed or extended",
    "similar": "rewritten",
}


def who(row: ArticleRow) -> str:
    """ "#2 Ommcom News, 2025-07-15": id, outlet and date, one safe line."""
    when = f", {shown_time(row.published)}" if row.published else ""
    return one_line(f"#{row.id} {row.label_outlet}{when}")


def tie_text(tied: Sequence[ArticleRow]) -> str:
    """What a tie for first printing says of when: "order unknown, same day" when
    every tied printing is dated (same day, no time or equal times), "order
    unknown, undated" when none is, "order unknown" when dated and undated tie."""
    dated = sum(bool(row.published) for row in tied)
    if dated == len(tied):
        return "order unknown, same day"
    return "order unknown, undated" if dated == 0 else "order unknown"


def sharing_articles(found: int) -> str:
    """What `check` found, for its summary line: "1 stored article shares text with
    it", "3 stored articles share text with it"."""
    verb = "shares" if found == 1 else "share"
    return f"{counted(found, 'stored article')} {verb} text with it"


def derivation_text(derivation: Derivation) -> str:
    """ "45% from Ommcom News, 2025-07-15 (#2)", one safe line."""
    return one_line(f"{derivation.label()} (#{derivation.source.id})")


def web_url(row: ArticleRow) -> str | None:
    """The article's http(s) address (`web_address`), the only kind a report links
    to, when it is one printable word; else None."""
    url = web_address(row) or ""
    if url.startswith(("http://", "https://")) and url.isprintable() and " " not in url:
        return url
    return None


def report_name(left_id: int, right_id: int, suffix: str = "html") -> str:
    """The file name a comparison is saved under: copydesk-compare-2-4.html."""
    return f"copydesk-compare-{left_id}-{right_id}.{suffix}"
