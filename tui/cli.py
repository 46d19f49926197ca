"""The `copydesk` command: argument parsing and printing only.

All work goes through `tui.library`; this module only turns arguments into
calls and results into lines.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tui import __version__
from tui.ingest.sources import DEFAULT_MAX_BYTES
from tui.library import IngestResult, Library, article_json, default_db_path, extract
from tui.match.kinds import KINDS
from tui.reports import print_compare, print_shared
from tui.text.sanitize import printable, safe_json

COMMANDS = ("ingest", "list", "extract", "export", "compare", "shared")


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,
        help=f"library file (default: $COPYDESK_DB or {default_db_path()})",
    )


def _add_max_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=float,
        default=DEFAULT_MAX_BYTES / 2**20,
        help="refuse sources larger than this many MiB (default: %(default)g)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Read news articles side by side and see which sentences outlets share.",
        epilog="With no command, opens the app; PATHs or URLs given are ingested first.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    _add_db_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="add files, folders, globs, URLs or - (stdin)")
    _add_db_option(ingest)
    _add_max_size_option(ingest)
    ingest.add_argument("sources", nargs="+", metavar="PATH|URL|-")

    listing = commands.add_parser("list", help="the library, one article per line")
    _add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="one JSON object per line")

    extracting = commands.add_parser("extract", help="clean sources without storing them")
    _add_max_size_option(extracting)
    extracting.add_argument("--json", action="store_true", help="one JSON object per line")
    extracting.add_argument("sources", nargs="+", metavar="PATH|URL|-")

    exporting = commands.add_parser("export", help="the whole library as one JSON document")
    _add_db_option(exporting)
    exporting.add_argument("--json", action="store_true", required=True)

    comparing = commands.add_parser("compare", help="two articles side by side, aligned")
    _add_db_option(comparing)
    comparing.add_argument("left", metavar="A", help="article id or (part of) its title")
    comparing.add_argument("right", metavar="B", help="article id or (part of) its title")
    comparing.add_argument("--json", action="store_true", help="rows as one JSON object")

    sharing = commands.add_parser("shared", help="groups of shared sentences, largest first")
    _add_db_option(sharing)
    sharing.add_argument("--kind", choices=KINDS, help="only groups with a match of this kind")
    sharing.add_argument("--json", action="store_true", help="one JSON object per group")
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="copydesk", add_help=False)
    _add_db_option(parser)
    _add_max_size_option(parser)
    parser.add_argument("sources", nargs="*")
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    """The first argument that is not an option or the value of --db/--max-size."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--db", "--max-size"):
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-") or arg == "-":
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_positional(argv)
    if first not in COMMANDS:
        if any(arg in ("-h", "--help", "--version") for arg in argv):
            build_parser().parse_args(
                [arg for arg in argv if arg.startswith("--v") or arg.startswith("-h")]
            )
        return run_open(build_open_parser().parse_args(argv))
    args = build_parser().parse_args(argv)
    handlers = {
        "ingest": run_ingest,
        "list": run_list,
        "extract": run_extract,
        "export": run_export,
        "compare": run_compare,
        "shared": run_shared,
    }
    try:
        return handlers[args.command](args)
    except BrokenPipeError:
        # `copydesk list | head` closed the pipe: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _library(args: argparse.Namespace) -> Library:
    return Library(getattr(args, "db", None))


def _max_bytes(args: argparse.Namespace) -> int:
    return max(1, int(args.max_size * 2**20))


def _failure_line(source: str, reason: str | None) -> str:
    """`copydesk: SOURCE: reason`, one line whatever a file name or server put in them."""
    return printable(f"copydesk: {source}: {reason}")


def _fail(source: str, reason: str | None) -> None:
    print(_failure_line(source, reason), file=sys.stderr)


def _with_progress(results: Iterator[IngestResult]) -> Iterator[IngestResult]:
    """Draw a progress bar on a terminal; pass results through untouched otherwise."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingest", total=None)
        for result in results:
            progress.update(task, completed=result.done, total=result.total)
            if result.status == "failed":
                progress.console.print(
                    _failure_line(result.source, result.reason), markup=False, highlight=False
                )
            yield result


def ingest(library: Library, sources: list[str], max_bytes: int) -> int:
    """Ingest and report; returns the exit status (1 if any source failed)."""
    counts = {"added": 0, "present": 0, "failed": 0}
    on_terminal = sys.stderr.isatty()
    for result in _with_progress(library.ingest(sources, max_bytes=max_bytes)):
        counts[result.status] += 1
        if result.status == "failed":
            if not on_terminal:
                _fail(result.source, result.reason)
        elif result.status == "present":
            print(f"already present: {printable(result.source)} (#{result.article_id})")
        else:
            print(f"added #{result.article_id}: {printable(result.source)}")
    print(
        f"{counts['added']} added, {counts['present']} already present, {counts['failed']} failed",
        file=sys.stderr,
    )
    return 1 if counts["failed"] else 0


def run_ingest(args: argparse.Namespace) -> int:
    with _library(args) as library:
        return ingest(library, args.sources, _max_bytes(args))


def run_list(args: argparse.Namespace) -> int:
    with _library(args) as library:
        for row in library.articles():
            if args.json:
                data = article_json(row, with_id=True)
                del data["text"]
                print(safe_json(data))
            else:
                fields = (row.id, row.outlet or "-", row.published or "-", row.title or "-")
                print("\t".join(printable(str(field)) for field in fields) + f"\t{row.words}")
    return 0


def run_extract(args: argparse.Namespace) -> int:
    status = 0
    for item in extract(args.sources, max_bytes=_max_bytes(args)):
        if item.article is None:
            _fail(item.source, item.reason)
            status = 1
        elif args.json:
            data: dict[str, Any] = article_json(item.article, with_id=False)
            print(safe_json(data), flush=True)
        else:
            print(item.article.text + "\n", flush=True)
    return status


def run_export(args: argparse.Namespace) -> int:
    with _library(args) as library:
        print(safe_json(library.export(), indent=1))
    return 0


def run_compare(args: argparse.Namespace) -> int:
    with _library(args) as library:
        sides = [library.resolve(reference) for reference in (args.left, args.right)]
        for reference, side in zip((args.left, args.right), sides, strict=True):
            if side is None:
                print(f"copydesk: no article matches {reference!r}", file=sys.stderr)
                return 1
        print_compare(library, sides[0], sides[1], args.json)  # type: ignore[arg-type]
    return 0


def run_shared(args: argparse.Namespace) -> int:
    with _library(args) as library:
        print_shared(library, args.kind, args.json)
    return 0


def run_open(args: argparse.Namespace) -> int:
    """Open the app (it ingests any sources in the background, with progress).

    Without a terminal there is nothing to draw on: ingest and list instead,
    so `copydesk seeds/ | cat` still does something useful.
    """
    db = getattr(args, "db", None)
    if sys.stdin.isatty() and sys.stdout.isatty():
        from tui.app.app import run

        run(db or default_db_path(), args.sources)
        return 0
    with Library(db) as library:
        status = ingest(library, args.sources, _max_bytes(args)) if args.sources else 0
    return max(status, run_list(argparse.Namespace(db=db, json=False)))
