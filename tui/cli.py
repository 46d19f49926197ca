"""The `copydesk` command: argument parsing and printing only.

All work goes through `tui.library`; this module only turns arguments into
calls and results into lines.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tui import __version__, config, feeds
from tui.errors import SourceError
from tui.ingest.sources import DEFAULT_MAX_BYTES
from tui.library import (
    ArticleRow,
    IngestResult,
    Library,
    LibraryUnusable,
    article_json,
    check_json,
    default_db_path,
    extract,
)
from tui.match.kinds import KINDS
from tui.report import COMPARE_FORMATS, LIBRARY_FORMATS, compare_report, library_report
from tui.report.terminal import print_check, print_compare, print_json_array, print_shared
from tui.text.counts import counted
from tui.text.sanitize import printable, safe_json

COMMANDS = (
    "ingest",
    "list",
    "extract",
    "export",
    "compare",
    "check",
    "shared",
    "delete",
    "follow",
    "feeds",
    "unfollow",
    "update",
    "config",
    "help",
)


USAGE = """copydesk [--db PATH] [--max-size MB] [PATH|URL ...]
       copydesk [--db PATH] COMMAND [ARGS ...]
       copydesk help [COMMAND] | --help | --version"""


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=lambda value: Path(value).expanduser(),
        default=argparse.SUPPRESS,
        help=f"library file (default: $COPYDESK_DB, the config file's db, or {default_db_path()})",
    )


def _megabytes(value: str) -> float:
    """A size in MiB for --max-size: a positive, finite number."""
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < size < 2**40 or size != size:
        raise argparse.ArgumentTypeError(f"must be a positive number of MiB: {value!r}")
    return size


def _article_id(value: str) -> int:
    """An article id for `delete`: a positive integer SQLite can hold."""
    if not value.isdigit() or not 0 < int(value) < 2**63:
        raise argparse.ArgumentTypeError(f"not an article id: {value!r}")
    return int(value)


def _add_max_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=_megabytes,
        default=argparse.SUPPRESS,  # given before or after the command, the last one wins
        help=f"refuse sources larger than this many MiB (default: {DEFAULT_MAX_BYTES / 2**20:g})",
    )


def _add_format_option(
    parser: argparse.ArgumentParser, formats: Sequence[str], default: str | None, what: str
) -> None:
    """`--format F` (one of `formats`), with `--json` kept as `--format json`."""
    choice = parser.add_mutually_exclusive_group()
    # added first: its default is the one the namespace gets
    choice.add_argument("--format", choices=formats, default=default, help=what)
    choice.add_argument(
        "--json", dest="format", action="store_const", const="json", help="--format json"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        usage=USAGE,
        description="Read news articles side by side and see which sentences outlets share.",
        epilog=(
            "With no command, opens the app; PATHs or URLs given are ingested first. "
            "A first word that is a command is always the command (name a file called "
            "'list' as ./list); any other bare word must be an existing file or folder."
        ),
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    _add_db_option(parser)
    _add_max_size_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="copydesk")

    ingest = commands.add_parser("ingest", help="add files, folders, globs, URLs or - (stdin)")
    _add_db_option(ingest)
    _add_max_size_option(ingest)
    ingest.add_argument("sources", nargs="+", metavar="PATH|URL|-")

    listing = commands.add_parser("list", help="the library, one article per line")
    _add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="a JSON array, one article a line")

    extracting = commands.add_parser("extract", help="clean sources without storing them")
    _add_max_size_option(extracting)
    extracting.add_argument("--json", action="store_true", help="one JSON object per line")
    extracting.add_argument("sources", nargs="+", metavar="PATH|URL|-")

    exporting = commands.add_parser("export", help="the whole library: JSON, CSV or a report")
    _add_db_option(exporting)
    _add_format_option(
        exporting,
        ("json", *LIBRARY_FORMATS),
        "json",
        "json (one document, the default), csv (a row per article), md or html (a report)",
    )

    comparing = commands.add_parser("compare", help="two articles side by side, aligned")
    _add_db_option(comparing)
    comparing.add_argument("left", metavar="A", help="article id or (part of) its title")
    comparing.add_argument("right", metavar="B", help="article id or (part of) its title")
    _add_format_option(
        comparing,
        ("json", *COMPARE_FORMATS),
        None,
        "json (rows as one object), md or html (a report); default: a table",
    )

    checking = commands.add_parser(
        "check", help="which stored articles share text with a text (not stored)"
    )
    _add_db_option(checking)
    _add_max_size_option(checking)
    checking.add_argument("source", metavar="PATH|URL|-")
    checking.add_argument("--json", action="store_true", help="one JSON object")

    sharing = commands.add_parser("shared", help="groups of shared sentences, largest first")
    _add_db_option(sharing)
    sharing.add_argument("--kind", choices=KINDS, help="only groups with a match of this kind")
    sharing.add_argument("--json", action="store_true", help="a JSON array, one group a line")

    deleting = commands.add_parser("delete", help="remove articles (all their versions)")
    _add_db_option(deleting)
    deleting.add_argument("ids", nargs="+", type=_article_id, metavar="ID")

    following = commands.add_parser("follow", help="follow feeds (or pages that advertise one)")
    _add_db_option(following)
    _add_max_size_option(following)
    following.add_argument("urls", nargs="+", metavar="URL")

    listing_feeds = commands.add_parser("feeds", help="the followed feeds, one per line")
    _add_db_option(listing_feeds)
    listing_feeds.add_argument("--json", action="store_true", help="a JSON array, one feed a line")

    unfollowing = commands.add_parser("unfollow", help="stop following feeds (their articles stay)")
    _add_db_option(unfollowing)
    unfollowing.add_argument("feeds", nargs="+", metavar="URL|ID")

    updating = commands.add_parser("update", help="fetch followed feeds and ingest new items")
    _add_db_option(updating)
    _add_max_size_option(updating)
    updating.add_argument("feeds", nargs="*", metavar="URL|ID", help="only these feeds")

    configuring = commands.add_parser("config", help="the settings file: its path, or its settings")
    configuring.add_argument(
        "action", choices=("path", "show"), help="path: where it is; show: the effective settings"
    )

    helping = commands.add_parser("help", help="this usage, or a command's")
    helping.add_argument("topic", nargs="?", choices=COMMANDS, metavar="COMMAND")
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    """`copydesk [--db PATH] [--max-size MB] [SOURCE ...]`: open the app."""
    parser = argparse.ArgumentParser(prog="copydesk", usage=USAGE, add_help=False)
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


def _is_source(word: str) -> bool:
    """Whether a first word that is not a command names a source: the grammar's one rule.

    Commands win: a file called `list` is `./list`. Any other word is a
    source if it exists, or looks like a path, glob or URL (it holds `/`,
    `.`, `*`, `?`, `[` or `:`, or is `-`); a bare word that is none of
    these is an unknown command.
    """
    return word == "-" or any(mark in word for mark in "/.*?[:") or os.path.lexists(word)


def _options_before_sources(argv: Sequence[str]) -> list[str]:
    return list(argv[: argv.index("--")]) if "--" in argv else list(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `copydesk` command line; returns the exit status.

    0 success (help and --version included), 1 a source, article or library
    failed, 2 a usage error (nothing is created then), 130 interrupted (ctrl-c).
    """
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as done:  # argparse's --help, --version and usage errors
        return done.code if isinstance(done.code, int) else 1
    except KeyboardInterrupt:  # ctrl-c: what was committed stays, the rest is rolled back
        print("copydesk: interrupted", file=sys.stderr)
        return 130


def _run(argv: list[str]) -> int:
    first = _first_positional(argv)
    if first not in COMMANDS:
        options = _options_before_sources(argv)
        if any(arg in ("-h", "--help", "--version") for arg in options):
            build_parser().parse_args(
                [arg for arg in options if arg in ("-h", "--help", "--version")]
            )
        if first is not None and not _is_source(first):
            build_parser().print_usage(sys.stderr)
            print(
                printable(f"copydesk: unknown command {first!r} (and no such file or folder)"),
                file=sys.stderr,
            )
            return 2
        args = build_open_parser().parse_args(argv)
        handler = run_open
    else:
        args = build_parser().parse_args(argv)
        handler = HANDLERS[args.command]
    try:
        return handler(args)
    except LibraryUnusable as error:
        print(printable(f"copydesk: {error}"), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `copydesk list | head` closed the pipe: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run_help(args: argparse.Namespace) -> int:
    parser = build_parser()
    if args.topic is None:
        parser.print_help()
        return 0
    parser.parse_args([args.topic, "--help"])  # prints the command's usage and exits 0
    return 0


def _settings(args: argparse.Namespace) -> config.Settings:
    """The config file's settings, read once per run; a broken file is reported once."""
    if not hasattr(args, "settings"):
        args.settings, problems = config.load_or_defaults()
        for line in problems:
            print(printable(line), file=sys.stderr)
    return args.settings


def _db(args: argparse.Namespace) -> Path:
    """--db, else $COPYDESK_DB, else the config file's db, else the default."""
    return config.library_path(getattr(args, "db", None), _settings(args))


def _library(args: argparse.Namespace, create: bool = False) -> Library:
    """The library `_db` names; only ingest and the app create one."""
    return Library(_db(args), create=create, cutoffs=_settings(args).thresholds)


def _max_bytes(args: argparse.Namespace) -> int:
    return max(1, int(getattr(args, "max_size", DEFAULT_MAX_BYTES / 2**20) * 2**20))


def _failure_line(source: str, reason: str | None) -> str:
    """`copydesk: SOURCE: reason`, one line whatever a file name or server put in them."""
    return printable(f"copydesk: {source}: {reason}")


def _fail(source: str, reason: str | None) -> None:
    print(_failure_line(source, reason), file=sys.stderr)


def _with_progress(results: Iterator[IngestResult], library: Library) -> Iterator[IngestResult]:
    """Draw a progress bar on a terminal; pass results through untouched otherwise. The
    bar says when `library` reads its matching index, which can take a while."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def reading_index(articles: int) -> None:
            described = f"reading the matching index of {articles:,} articles"
            progress.update(task, description=described)

        library.on_index_load = reading_index
        try:
            for result in results:
                progress.update(
                    task, completed=result.done, total=result.total, description="ingesting"
                )
                if result.status == "failed":
                    progress.console.print(
                        _failure_line(result.source, result.reason), markup=False, highlight=False
                    )
                yield result
        finally:
            library.on_index_load = None


def ingest(library: Library, sources: list[str], max_bytes: int) -> int:
    """Ingest and report; returns the exit status (1 if any source failed)."""
    counts = {"added": 0, "present": 0, "failed": 0}
    on_terminal = sys.stderr.isatty()
    for result in _with_progress(library.ingest(sources, max_bytes=max_bytes), library):
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
    with _library(args, create=True) as library:
        return ingest(library, args.sources, _max_bytes(args))


def run_list(args: argparse.Namespace) -> int:
    with _library(args) as library:
        rows = library.articles(by_time=True)
        derived = library.derived() if args.json else {}
    if args.json:
        print_json_array(
            _without_text(article_json(row, with_id=True, derived=derived.get(row.id, [])))
            for row in rows
        )
        return 0
    for row in rows:
        print(f"{_line(row)}\t{row.words}")
    return 0


def _line(row: ArticleRow) -> str:
    """An article as `list` shows it: id, outlet, date and title, tab-separated."""
    fields = (row.id, row.label_outlet, row.published or "-", row.label_title)
    return "\t".join(printable(str(field)) for field in fields)


def _without_text(data: dict[str, Any]) -> dict[str, Any]:
    del data["text"]  # a listing reads openings only (ArticleRow.text is not the body)
    return data


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
        if args.format == "json":
            print(safe_json(library.export(), indent=1))
            return 0
        report = library_report(library)
    sys.stdout.write(LIBRARY_FORMATS[args.format](report))
    return 0


def run_compare(args: argparse.Namespace) -> int:
    with _library(args) as library:
        sides = []
        for reference in (args.left, args.right):
            named = library.resolve(reference)
            if len(named) != 1:
                _not_one(reference, named)
                return 1
            sides.append(named[0])
        if sides[0].id == sides[1].id:
            print(f"copydesk: both name the same article (#{sides[0].id})", file=sys.stderr)
            return 1
        left, right = sides[0].id, sides[1].id
        if args.format in COMPARE_FORMATS:
            sys.stdout.write(COMPARE_FORMATS[args.format](compare_report(library, left, right)))
        else:
            print_compare(library, sides[0], sides[1], args.format == "json")
    return 0


def _not_one(reference: str, named: list[ArticleRow]) -> None:
    """Say on stderr that a reference names no article, or list the ones it could mean."""
    if not named:
        print(printable(f"copydesk: no article matches {reference!r}"), file=sys.stderr)
        return
    print(
        printable(f"copydesk: {reference!r} could be any of {len(named)} articles; give an id:"),
        file=sys.stderr,
    )
    for row in named:
        print(_line(row), file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    """Churnalism's check: the stored articles a text shares passages with."""
    with _library(args) as library:
        try:
            result = library.check(args.source, max_bytes=_max_bytes(args), stdin=sys.stdin.buffer)
        except SourceError as error:
            _fail(args.source, str(error))
            return 1
    if args.json:
        print(safe_json(check_json(result)))
        return 0
    print_check(result)
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
    if sys.stdin.isatty() and sys.stdout.isatty():
        from tui.app.app import run

        return run(_db(args), args.sources, _settings(args))
    with _library(args, create=True) as library:
        status = ingest(library, args.sources, _max_bytes(args)) if args.sources else 0
    return max(
        status, run_list(argparse.Namespace(db=_db(args), settings=_settings(args), json=False))
    )


def run_config(args: argparse.Namespace) -> int:
    """`config path` prints where the file is (whether or not it exists);
    `config show` prints the effective settings as TOML."""
    if args.action == "path":
        print(printable(str(config.config_path())))
    else:
        print(config.to_toml(_settings(args)), end="")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    status = 0
    with _library(args) as library:
        for article_id in args.ids:
            row = library.article(article_id)
            if row is None or not library.delete(article_id):
                print(f"copydesk: no article #{article_id}", file=sys.stderr)
                status = 1
            else:
                print(printable(f"deleted #{article_id}: {row.label_outlet}: {row.label_title}"))
    return status


def run_follow(args: argparse.Namespace) -> int:
    status = 0
    with _library(args, create=True) as library:
        for url in args.urls:
            followed = feeds.follow(library, url, max_bytes=_max_bytes(args))
            if followed.feed is None:
                _fail(url, followed.reason)
                status = 1
            else:
                verb = "following" if followed.new else "already following"
                print(f"{verb} {feeds.describe(followed.feed)}")
    return status


def run_feeds(args: argparse.Namespace) -> int:
    with _library(args) as library:
        rows = feeds.feeds(library)
    if args.json:
        print_json_array(feed_json(row) for row in rows)
        return 0
    for row in rows:
        fields = (row.id, row.title or "-", row.url, row.fetched or "never", row.items)
        line = "\t".join(printable(str(field)) for field in fields)
        print(line + (f"\terror: {printable(row.error)}" if row.error else ""))
    return 0


def feed_json(row: feeds.FeedRow) -> dict[str, Any]:
    """A feed as `feeds --json` prints it: last fetch in UTC ISO 8601, item counts."""
    return {
        "id": row.id,
        "url": row.url,
        "title": row.title,
        "fetched": row.fetched,
        "items": row.items,
        "stored": row.stored,
        "error": row.error,
    }


def run_unfollow(args: argparse.Namespace) -> int:
    status = 0
    with _library(args) as library:
        for reference in args.feeds:
            row = feeds.unfollow(library, reference)
            if row is None:
                print(printable(f"copydesk: no feed matches {reference!r}"), file=sys.stderr)
                status = 1
            else:
                print(f"unfollowed {feeds.describe(row)}")
    return status


def _with_feed_progress(
    results: Iterator[IngestResult | feeds.FeedResult],
) -> Iterator[IngestResult | feeds.FeedResult]:
    """A progress bar over feeds on a terminal; results pass through untouched."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("feed 1: pages", total=None)
        for result in results:
            if isinstance(result, feeds.FeedResult):  # the next feed's pages start afresh
                progress.update(task, description=f"feed {result.done + 1}: pages", total=None)
                progress.update(task, completed=0)
            else:
                progress.update(task, completed=result.done, total=result.total)
            yield result


def run_update(args: argparse.Namespace) -> int:
    """Fetch feeds, ingest new items; exit 1 only when a feed itself failed."""
    counts = {"added": 0, "present": 0, "failed": 0}
    failed_feeds = 0
    with _library(args) as library:
        rows = feeds.feeds(library)
        known = {str(row.id) for row in rows} | {row.url for row in rows}
        for reference in args.feeds:
            if reference not in known:
                print(printable(f"copydesk: no feed matches {reference!r}"), file=sys.stderr)
                failed_feeds += 1
        results = feeds.update(library, args.feeds or None, max_bytes=_max_bytes(args))
        for result in _with_feed_progress(results):
            if isinstance(result, feeds.FeedResult):
                if result.status == "failed":
                    failed_feeds += 1
                    _fail(f"feed {result.feed.url}", result.reason)
                else:
                    news = (
                        counted(result.new_items, "new item") if result.new_items else "nothing new"
                    )
                    said = "not modified" if result.status == "not modified" else news
                    print(printable(f"{feeds.describe(result.feed)}: {said}"), file=sys.stderr)
                continue
            counts[result.status] += 1
            if result.status == "failed":
                _fail(result.source, result.reason)
            elif result.status == "added":
                print(f"added #{result.article_id}: {printable(result.source)}")
    print(
        f"{counts['added']} added, {counts['present']} already present, "
        f"{counts['failed']} pages failed, {failed_feeds} feeds failed",
        file=sys.stderr,
    )
    return 1 if failed_feeds else 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": run_ingest,
    "list": run_list,
    "extract": run_extract,
    "export": run_export,
    "compare": run_compare,
    "check": run_check,
    "shared": run_shared,
    "delete": run_delete,
    "follow": run_follow,
    "feeds": run_feeds,
    "unfollow": run_unfollow,
    "update": run_update,
    "config": run_config,
    "help": run_help,
}
