"""Reports as Markdown (GitHub's dialect: tables, ~~strike~~) whose only links are
the articles' own http(s) addresses. (A renderer that turns bare URLs into links,
as GitHub's does, will still link an http(s) URL printed in an article's text.)

Article text is put on one line and every character Markdown or HTML gives a
meaning is backslash-escaped, so a title holding "<script>", "[x](javascript:…)"
or "| table |" renders as those characters.
"""

from __future__ import annotations

import re

from tui.library import ArticleRow, Row, changes_text
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

# What gives text a meaning inline (emphasis, code, links, HTML, entities, tables,
# strike); "(" and "!" only act after "]" or before "[", which are escaped.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# What opens a block at the start of a line: a list item ("- ", "+ ", "1. ", "1) ").
_LIST = re.compile(r"^(?:[-+]|\d+[.)])")


def md(text: str | None) -> str:
    """Untrusted text as inert Markdown: one line, controls shown as escapes,
    specials backslash-escaped ("<b>" -> "\\<b\\>")."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    found = _LIST.match(escaped)
    if found is None:
        return escaped
    cut = found.end() - 1  # before the "-", "+", "." or ")"
    return f"{escaped[:cut]}\\{escaped[cut:]}"


def _title(row: ArticleRow) -> str:
    """The title, a link only to an http(s) address."""
    url = web_url(row)
    if url is None:
        return md(row.label_title)
    target = _SPECIAL.sub(r"\\\1", url)
    return f"[{md(row.label_title)}](<{target}>)"


def _compare_row(row: Row) -> str:
    left, right = row_sides(row, md, "~~{}~~".format, "**{}**".format)
    if row.changes:
        right += f" · **changed:** {md(changes_text(row.changes))}"
    mark = f"{MARKS[row.kind]} {row.kind}" if row.kind in MARKS else ""
    if row.quote and mark:
        mark += f" {QUOTE_MARK} quote"
    return f"| {left} | {mark} | {right} |\n"


def _heading(row: ArticleRow) -> str:
    return f"{md(who(row))}: {_title(row)}"


def compare_markdown(report: CompareReport) -> str:
    """A comparison as Markdown: a three-column table (left, kind, right), a row per
    aligned sentence, words only the left prints ~~struck~~, only the right **bold**."""
    counts = " · ".join(f"{n} {kind}" for kind, n in report.counts().items())
    lines = [
        f"# Compare #{report.left.id} and #{report.right.id}",
        "",
        f"- left: {_heading(report.left)}",
        f"- right: {_heading(report.right)}",
        f"- {sum(report.counts().values())} shared sentences ({counts or 'none'}); "
        f"left {report.left_share:.0%} shared, right {report.right_share:.0%} shared",
    ]
    if report.derived is not None:
        later, derivation = report.derived
        lines.append(f"- #{later}: {md(derivation_text(derivation))}")
    legend = "; ".join(f"{MARKS[kind]} {kind}: {LEGEND[kind]}" for kind in KINDS)
    lines += [
        f"- {legend}; ~~struck~~ only on the left, **bold** only on the right",
        "",
        f"| #{report.left.id} | | #{report.right.id} |",
        "| --- | :-: | --- |",
    ]
    return "\n".join(lines) + "\n" + "".join(_compare_row(row) for row in report.rows)


def _group(number: int, group: SharedGroup) -> str:
    if group.certain:
        first = f"first: {md(who(group.first[0]))}"
    else:
        first = f"first: {tie_text(group.first)}: " + "; ".join(md(who(r)) for r in group.first)
    lines = [f"{number}. {md(group.text)}", f"   - {', '.join(group.kinds)}; {first}"]
    lines += [f"   - also {md(who(row))}" for row in group.others]
    return "\n".join(lines) + "\n"


def library_markdown(report: LibraryReport) -> str:
    """The library as Markdown: an articles table (first printed first, with the
    largest share an earlier article printed) and the shared-sentence groups,
    largest first, each with who printed it first."""
    lines = [
        "# Copydesk library",
        "",
        f"{len(report.articles)} articles, {len(report.groups)} shared sentences.",
        "",
        "## Articles",
        "",
        "| # | Outlet | Title | Published | Byline | Words | Copied |",
        "| ---: | --- | --- | --- | --- | ---: | --- |",
    ]
    for row in report.articles:
        derivations = report.derived.get(row.id, [])
        copied = md(derivation_text(derivations[0])) if derivations else ""
        outlet, published, byline = (md(x) for x in (row.label_outlet, row.published, row.byline))
        lines.append(
            f"| {row.id} | {outlet} | {_title(row)} | {published} | {byline} "
            f"| {row.words} | {copied} |"
        )
    lines += ["", "## Shared sentences", ""]
    groups = [_group(n, group) for n, group in enumerate(report.groups, start=1)]
    return "\n".join(lines) + "\n" + ("".join(groups) if groups else "None.\n")
