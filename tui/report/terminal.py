"""Printing for `copydesk compare` and `copydesk shared` on a terminal or a pipe.

Article text goes into Rich `Text` objects, never markup strings, so a
"[bold]" or escape sequence inside an article prints as itself.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.library import (
    ArticleRow,
    CheckResult,
    Library,
    Row,
    changes_text,
    changes_to_json,
    diff_json,
    shown_time,
    word_diff,
    word_diff_text,
)
from tui.marked import marked_sides
from tui.report.model import shared_groups
from tui.report.text import MARKS, QUOTE_MARK, sharing_articles, tie_text
from tui.text.counts import counted
from tui.text.sanitize import printable, safe_json

STYLES = {"exact": "bold green", "near": "yellow", "partial": "magenta", "similar": "cyan"}


def describe(row: ArticleRow) -> str:
    """One line naming an article: #id outlet, date: title."""
    return printable(
        f"#{row.id} {row.label_outlet}, {shown_time(row.published)}: {row.label_title}"
    )


def print_json_array(items: Iterable[Any]) -> None:
    """A JSON array with one item a line: valid JSON when empty (`[]`), and easy to grep."""
    lines = [safe_json(item) for item in items]
    print("[\n" + ",\n".join(lines) + "\n]" if lines else "[]")


def print_compare(library: Library, left: ArticleRow, right: ArticleRow, as_json: bool) -> None:
    rows = library.compare(left.id, right.id)
    found = library.derived_between(left.id, right.id)
    if as_json:
        data: dict[str, Any] = {
            "left": {"id": left.id, "title": left.title, "outlet": left.outlet},
            "right": {"id": right.id, "title": right.title, "outlet": right.outlet},
            "derived": None
            if found is None
            else {
                "article": found[0],
                "from": found[1].source.id,
                "share": round(found[1].share, 3),
                "certain": found[1].certain,  # false: the same day, order unknown
                "quotes": found[1].quotes,  # shared quotations outside copied passages
            },
            "rows": [
                {
                    "left": {"i": r.left.i, "text": r.left.text} if r.left else None,
                    "right": {"i": r.right.i, "text": r.right.text} if r.right else None,
                    "kind": r.kind,
                    "quote": r.quote,
                    "score": r.score,
                    "changes": changes_to_json(r.changes),
                    "diff": diff_json(r.left.text, r.right.text) if r.left and r.right else [],
                }
                for r in rows
            ],
        }
        print(safe_json(data))
        return
    console = Console(highlight=False, soft_wrap=False)
    table = Table(show_header=True, box=None, expand=True, padding=(0, 1), show_lines=True)
    table.add_column(Text(describe(left)), ratio=1)
    table.add_column("", width=2)
    table.add_column(Text(describe(right)), ratio=1)
    for row in rows:
        style = STYLES.get(row.kind or "", "")
        left_cell, right_cell = _cells(row, style, marked=console.is_terminal)
        mark = MARKS.get(row.kind or "", "") + (QUOTE_MARK if row.quote else "")
        table.add_row(left_cell, Text(mark, style=style), right_cell)
    console.print(table)
    shared = sum(1 for row in rows if row.kind)
    legend = "  ".join(f"{mark} {kind}" for kind, mark in MARKS.items())
    legend += f"  {QUOTE_MARK} a quotation both printed"
    console.print(Text(f"{shared} shared sentences aligned.  {legend}"))
    if found is not None:
        later, derivation = found
        console.print(Text(printable(f"#{later}: {derivation.label()} (#{derivation.source.id})")))


def _cells(row: Row, style: str, *, marked: bool) -> tuple[Text, Text]:
    """The two sides of a compare row. A copy that is not exact shows its changed words:
    struck on the left and underlined on the right on a terminal, `[-old-]{+new+}` on
    the right when piped; then its changed facts ("15,000 → 12,000")."""
    # "fold": CJK has no spaces to wrap at, and must not be cut off
    left = Text(row.left.text if row.left else "", style=style, overflow="fold")
    right = Text(row.right.text if row.right else "", style=style, overflow="fold")
    if row.left and row.right and row.kind not in (None, "exact"):
        parts = word_diff(row.left.text, row.right.text)
        if marked:
            left, right = marked_sides(
                parts,
                "strike red",
                "underline green",
                Text(style=style, overflow="fold"),
                Text(style=style, overflow="fold"),
            )
        else:
            right = Text(word_diff_text(parts), style=style, overflow="fold")
    if row.changes:
        right.append(f"\nchanged: {changes_text(row.changes)}", style="bold" if marked else "")
    return left, right


def print_shared(library: Library, kind: str | None, as_json: bool) -> None:
    """Groups of shared sentences, largest first: a JSON array or a readable list."""
    rows = {row.id: row for row in library.articles()}
    if as_json:
        print_json_array(
            {
                "members": [list(ref) for ref in group.members],
                "origin": list(group.origin),
                "origin_certain": group.origin_certain,
                "outlets": sorted({rows[a].outlet or "" for a in group.articles} - {""}),
                "kinds": sorted(group.kinds),
                "text": library.sentences(group.origin[0])[group.origin[1]].text,
            }
            for group in library.groups(kind)
        )
        return
    groups = shared_groups(library, rows, kind)
    if not groups:
        print("No shared sentences.", file=sys.stderr)
        return
    # Piped, a line per line of output (grep-able); on a terminal, the terminal wraps.
    console = Console(highlight=False, soft_wrap=True)
    for number, group in enumerate(groups, start=1):
        count = len(group.first) + len(group.others)
        header = Text(f"{number}. {count} articles ({', '.join(group.kinds)}); first: ")
        header.stylize("bold")
        if not group.certain:
            header.append(f"{tie_text(group.first)}: ", style="bold")
        header.append(Text("; ".join(describe(row) for row in group.first)))
        console.print(header)
        console.print(Text("   " + group.text))
        for other in group.others:
            console.print(Text("   also " + describe(other), style="dim"))


def print_check(result: CheckResult) -> None:
    """`copydesk check` for people: a line per stored article that shares text with the
    checked one (id, outlet, date, the share of the checked text's words, title),
    then the openings of its shared passages (`--json` has them whole), each behind
    its kind's mark (❝ for a quotation)."""
    found = result.found
    print(
        printable(
            f"{result.source}: {counted(result.words, 'word')}; {sharing_articles(len(found))}"
        )
    )
    for item in found:
        row = item.article
        when = shown_time(row.published) if row.published else "undated"
        print(
            printable(
                f"#{row.id} {row.label_outlet}, {when}  {item.share:.0%} of its words  "
                f"{row.label_title}"
            )
        )
        for passage in item.passages:
            mark = QUOTE_MARK if passage.kind == "quote" else MARKS.get(passage.kind, " ")
            opening = passage.text if len(passage.text) <= 90 else passage.text[:89] + "…"
            print(printable(f"  {mark} {passage.kind:<7} {opening}"))
