"""Printing for `copydesk compare` and `copydesk shared`: the two match reports.

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

from tui.library import ArticleRow, Library
from tui.text.sanitize import printable, safe_json

MARKS = {"exact": "=", "near": "~", "partial": "⊂", "similar": "≈"}
STYLES = {"exact": "bold green", "near": "yellow", "partial": "magenta", "similar": "cyan"}


def describe(row: ArticleRow) -> str:
    """One line naming an article: #id outlet, date: title."""
    outlet = row.outlet or "unknown outlet"
    date = row.published or "undated"
    return printable(f"#{row.id} {outlet}, {date}: {row.title or '(untitled)'}")


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
            },
            "rows": [
                {
                    "left": {"i": r.left.i, "text": r.left.text} if r.left else None,
                    "right": {"i": r.right.i, "text": r.right.text} if r.right else None,
                    "kind": r.kind,
                    "score": r.score,
                }
                for r in rows
            ],
        }
        print(safe_json(data))
        return
    console = Console(highlight=False, soft_wrap=False)
    table = Table(show_header=True, box=None, expand=True, padding=(0, 1), show_lines=True)
    table.add_column(Text(describe(left)), ratio=1)
    table.add_column("", width=1)
    table.add_column(Text(describe(right)), ratio=1)
    for row in rows:
        style = STYLES.get(row.kind or "", "")
        table.add_row(  # "fold": CJK has no spaces to wrap at, and must not be cut off
            Text(row.left.text, style=style, overflow="fold") if row.left else Text(""),
            Text(MARKS.get(row.kind or "", ""), style=style),
            Text(row.right.text, style=style, overflow="fold") if row.right else Text(""),
        )
    console.print(table)
    shared = sum(1 for row in rows if row.kind)
    legend = "  ".join(f"{mark} {kind}" for kind, mark in MARKS.items())
    console.print(Text(f"{shared} shared sentences aligned.  {legend}"))
    if found is not None:
        later, derivation = found
        console.print(Text(printable(f"#{later}: {derivation.label()} (#{derivation.source.id})")))


def print_shared(library: Library, kind: str | None, as_json: bool) -> None:
    """Groups of shared sentences, largest first: a JSON array or a readable list."""
    rows = {row.id: row for row in library.articles()}
    groups = library.groups(kind)
    if as_json:
        print_json_array(
            {
                "members": [list(ref) for ref in group.members],
                "origin": list(group.origin),
                "outlets": sorted({rows[a].outlet or "" for a in group.articles} - {""}),
                "kinds": sorted(group.kinds),
                "text": library.sentences(group.origin[0])[group.origin[1]].text,
            }
            for group in groups
        )
        return
    if not groups:
        print("No shared sentences.", file=sys.stderr)
        return
    # Piped, a line per line of output (grep-able); on a terminal, the terminal wraps.
    console = Console(highlight=False, soft_wrap=True)
    for number, group in enumerate(groups, start=1):
        origin = rows[group.origin[0]]
        text = library.sentences(origin.id)[group.origin[1]].text
        kinds = ", ".join(sorted(group.kinds))
        header = Text(f"{number}. {len(group.articles)} articles ({kinds}); first: ", style="bold")
        header.append(Text(describe(origin)))
        console.print(header)
        console.print(Text("   " + text))
        others = [rows[a] for a in group.articles if a != origin.id]
        for other in others:
            console.print(Text("   also " + describe(other), style="dim"))
