"""The library as CSV: one row per article, for spreadsheets."""

from __future__ import annotations

import csv
import io

from tui.report.model import LibraryReport
from tui.text.sanitize import one_line

COLUMNS = (
    "id",
    "outlet",
    "title",
    "published",
    "url",
    "byline",
    "credit",
    "words",
    "share",
    "from",
    "quotes",
)


def _cell(value: str | None) -> str:
    """Untrusted text as a cell: one line, controls shown as escapes, and a leading
    "=", "+", "-" or "@" quoted with "'" so a spreadsheet reads no formula."""
    text = one_line(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def library_csv(report: LibraryReport) -> str:
    """A header (COLUMNS) and a row per article, first printed first, "\n"-ended.

    `url` is the canonical URL, else the URL fetched, else empty; `share` (0-1,
    three places) and `from` (an article id) name the earlier article that
    printed most of its words, empty when none did; `quotes` counts the
    quotations both printed outside the copied passages (counted apart).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in report.articles:
        derivations = report.derived.get(row.id, [])
        url = row.url or (row.source if row.source.startswith(("http://", "https://")) else None)
        texts = (row.outlet, row.title, row.published, url, row.byline, row.credit)
        writer.writerow(
            (
                row.id,
                *(_cell(text) for text in texts),
                row.words,
                f"{derivations[0].share:.3f}" if derivations else "",
                derivations[0].source.id if derivations else "",
                derivations[0].quotes if derivations else "",
            )
        )
    return out.getvalue()
