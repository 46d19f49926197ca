"""Reports for people: a comparison or the whole library as HTML, Markdown or CSV.

`model` gathers what a report shows through the library API; `html_page`,
`markdown` and `table` turn it into text. Everything from articles is
untrusted and is escaped for the format it lands in; nothing here parses
or keeps article HTML.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.report.html_page import compare_html, library_html
from tui.report.markdown import compare_markdown, library_markdown
from tui.report.model import CompareReport, LibraryReport, compare_report, library_report
from tui.report.table import library_csv
from tui.report.text import report_name

LIBRARY_FORMATS: dict[str, Callable[[LibraryReport], str]] = {
    "csv": library_csv,
    "md": library_markdown,
    "html": library_html,
}
COMPARE_FORMATS: dict[str, Callable[[CompareReport], str]] = {
    "md": compare_markdown,
    "html": compare_html,
}

__all__ = [
    "COMPARE_FORMATS",
    "LIBRARY_FORMATS",
    "CompareReport",
    "LibraryReport",
    "compare_html",
    "compare_report",
    "library_report",
    "report_name",
]
