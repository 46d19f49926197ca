"""Reports as self-contained HTML pages that run nothing.

Every piece of text is escaped with `html.escape`; no article HTML is ever
kept or emitted, links are made only from http(s) addresses, and a
Content-Security-Policy meta tag allows nothing but the page's own
stylesheet (by its hash): no script, image, font, frame or form target.
"""

from __future__ import annotations

import base64
import hashlib
import html

from tui.library import ArticleRow, Row, changes_text, shown_time
from tui.report.model import KINDS, CompareReport, LibraryReport, SharedGroup, row_sides
from tui.report.text import (
    LEGEND,
    MARKS,
    QUOTE_MARK,
    derivation_text,
    tie_text,
    web_url,
    who,
)
from tui.text.sanitize import one_line

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.3em; margin: 0 0 .3em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
.summary, .legend { color: #555; margin: .2em 0; }
table { border-collapse: collapse; width: 100%; }
table.compare { table-layout: fixed; }
table.articles td:nth-child(4) { white-space: nowrap; }
table.compare col.mark { width: 5em; }
th, td { vertical-align: top; text-align: left; padding: .35em .6em; }
th, td { border-bottom: 1px solid #e4e4e7; }
th { background: #f4f4f5; font-weight: 600; }
th .title { display: block; font-weight: 400; }
td.mark { text-align: center; color: #555; font-size: .85em; }
td.mark b { display: block; font-size: 1.4em; }
tr.exact td.side, .kind.exact { background: #e3f4e1; }
tr.near td.side, .kind.near { background: #fdf1d6; }
tr.partial td.side, .kind.partial { background: #f1e4f7; }
tr.similar td.side, .kind.similar { background: #e1edfa; }
.kind { padding: 0 .4em; border-radius: .3em; }
del { color: #b42318; text-decoration: line-through; background: #fde2e1; }
ins { color: #05603a; text-decoration: underline; background: #d1fadf; }
.changed { margin: .3em 0 0; font-weight: 600; color: #b42318; }
.muted { color: #666; }
ol.groups li { margin-bottom: .8em; }
blockquote { margin: .2em 0; padding-left: .8em; border-left: 3px solid #d4d4d8; }
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def _e(text: str | None) -> str:
    """Untrusted text as inert HTML: one line, controls shown as escapes, escaped."""
    return html.escape(one_line(text), quote=True)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def _title(row: ArticleRow) -> str:
    """The article's title, a link when it has an http(s) address."""
    url = web_url(row)
    if url is None:
        return _e(row.label_title)
    return (
        f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer nofollow">'
        f"{_e(row.label_title)}</a>"
    )


def _legend() -> str:
    items = " ".join(
        f'<span class="kind {kind}">{MARKS[kind]} {kind}</span> {LEGEND[kind]}' for kind in KINDS
    )
    return (
        f'<p class="legend">{items}; <del>struck</del> only on the left, '
        "<ins>underlined</ins> only on the right.</p>\n"
    )


def _compare_row(row: Row) -> str:
    left, right = row_sides(row, _e, "<del>{}</del>".format, "<ins>{}</ins>".format)
    if row.changes:
        right += f'<p class="changed">changed: {_e(changes_text(row.changes))}</p>'
    kind = row.kind if row.kind in MARKS else None
    mark = f"<b>{MARKS[kind]}</b>{kind}" if kind else ""
    if kind and row.quote:
        mark += f" <b>{QUOTE_MARK}</b>quote"
    return (
        f'<tr class="{kind or "unshared"}"><td class="side left">{left}</td>'
        f'<td class="mark">{mark}</td><td class="side right">{right}</td></tr>\n'
    )


def _side_heading(row: ArticleRow) -> str:
    byline = f'<span class="muted">{_e(row.byline)}</span>' if row.byline else ""
    return f'{_e(who(row))}<span class="title">{_title(row)}</span>{byline}'


def compare_html(report: CompareReport) -> str:
    """A comparison as one HTML page: the two articles in two columns, a row per
    aligned sentence, shared rows marked by kind (`<tr class="near">`), changed
    words in <del> (left) and <ins> (right), changed facts under the right side."""
    left, right = report.left, report.right
    counts = " · ".join(f"{n} {kind}" for kind, n in report.counts().items())
    summary = (
        f"{sum(report.counts().values())} shared sentences ({counts or 'none'}); "
        f"left {report.left_share:.0%} shared, right {report.right_share:.0%} shared."
    )
    if report.derived is not None:
        later, derivation = report.derived
        summary += f" #{later}: {derivation_text(derivation)}."
    body = (
        f"<h1>Compare #{left.id} and #{right.id}</h1>\n"
        f'<p class="summary">{_e(summary)}</p>\n{_legend()}'
        '<table class="compare">\n<colgroup><col class="side"><col class="mark">'
        '<col class="side"></colgroup>\n'
        f"<thead><tr><th>{_side_heading(left)}</th><th></th>"
        f"<th>{_side_heading(right)}</th></tr></thead>\n<tbody>\n"
        + "".join(_compare_row(row) for row in report.rows)
        + "</tbody>\n</table>\n"
    )
    return _page(f"Copydesk: compare #{left.id} and #{right.id}", body)


def _article_row(row: ArticleRow, report: LibraryReport) -> str:
    derivations = report.derived.get(row.id, [])
    copied = _e(derivation_text(derivations[0])) if derivations else ""
    cells = (
        str(row.id),
        _e(row.label_outlet),
        _title(row),
        _e(shown_time(row.published) if row.published else ""),
        _e(row.byline or ""),
        str(row.words),
        copied,
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n"


def _group_item(group: SharedGroup) -> str:
    kinds = " ".join(f'<span class="kind {kind}">{kind}</span>' for kind in group.kinds)
    if group.certain:
        first = f"First: {_e(who(group.first[0]))}"
    else:
        tied = "; ".join(_e(who(r)) for r in group.first)
        first = f"First: {tie_text(group.first)}: {tied}"
    others = "; ".join(_e(who(row)) for row in group.others)
    also = f'<br><span class="muted">Also: {others}</span>' if others else ""
    return f"<li><blockquote>{_e(group.text)}</blockquote>{kinds} {first}{also}</li>\n"


def library_html(report: LibraryReport) -> str:
    """The library as one HTML page: an articles table (first printed first, with
    the largest share an earlier article printed) and the shared-sentence
    groups, largest first, each with who printed it first."""
    head = "".join(
        f"<th>{name}</th>"
        for name in ("#", "Outlet", "Title", "Published", "Byline", "Words", "Copied")
    )
    groups = "".join(_group_item(group) for group in report.groups)
    body = (
        "<h1>Copydesk library</h1>\n"
        f'<p class="summary">{len(report.articles)} articles, '
        f"{len(report.groups)} shared sentences.</p>\n"
        f'<h2>Articles</h2>\n<table class="articles">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "".join(_article_row(row, report) for row in report.articles)
        + "</tbody>\n</table>\n<h2>Shared sentences</h2>\n"
        + (f'<ol class="groups">\n{groups}</ol>\n' if groups else "<p>None.</p>\n")
    )
    return _page("Copydesk library", body)
