"""The one service API over the library: what the app and the command line call.

Nothing outside this module talks to the cleaners or the store directly, so
the pipeline (sources -> clean -> library) stays in one place.
"""

from __future__ import annotations

import functools
import gc
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, Literal

import platformdirs
from rapidfuzz import fuzz

from tui import test_hooks
from tui.errors import SourceError
from tui.ingest.feeds import feed_item_links, is_feed_refusal
from tui.ingest.polite import Politeness
from tui.ingest.sources import DEFAULT_MAX_BYTES, SourceFailure, expand_sources, is_url
from tui.logs import log_exception
from tui.match.align import Row, align, pair_directly
from tui.match.changes import Change, changes_from_json, changes_to_json, fact_changes
from tui.match.diff import word_diff, word_diff_text
from tui.match.groups import Group, build_groups, build_stories
from tui.match.index import CandidateIndex
from tui.match.kinds import DEFAULT_CUTOFFS, MIN_DERIVED_SHARE, Cutoffs
from tui.match.origin import (
    Origin,
    Stamp,
    find_origin,
    first_of,
    first_of_stamps,
    shown_time,
    sort_key,
    stamp,
)
from tui.match.outlets import outlet_key
from tui.match.plan import keys_of, matchable_words, plan_article
from tui.match.profile import tokens
from tui.match.quotes import article_flags
from tui.match.shingles import SentenceKey, sentence_key
from tui.matching import (
    backfill_shares,
    catch_up,
    find_boilerplate,
    forget_article,
    rekey_boilerplate,
    retire_version,
    store_article,
    type_changes,
    unkey_furniture,
)
from tui.models import Article, Sentence
from tui.pipeline import load, prepare_all
from tui.references import named_by
from tui.store import articles as store
from tui.store import matches as match_store
from tui.store import search as search_store
from tui.store.db import LibraryUnusable as LibraryUnusable  # for the app and command line
from tui.store.db import connect, now_utc, transaction
from tui.store.matches import MatchRow
from tui.text.counts import counted

ArticleRow = store.ArticleRow
_WEB = ("http://", "https://")
__all__ = [  # what the app and the command line use beside Library
    "ArticleRow",
    "change_text",
    "changes_text",
    "changes_to_json",
    "first_of",
    "flipped",
    "Library",
    "Origin",
    "Row",
    "find_origin",
    "first_printed",
    "shown_time",
    "version_label",
    "web_address",
    "where_from",
    "word_diff",
    "word_diff_text",
]

# How long a bulk ingest keeps adding articles to one transaction. Committing
# each article alone costs about a third of the ingest time (FTS5 flushes its
# index and the WAL grows at every commit); a kill loses at most this much work.
# At 10,000 Markov articles, committing every 2 s instead of every 0.5 s wrote
# the same library with 5.3 s of commits instead of 9.3 s (a page changed by
# several articles goes to the WAL once per commit).
BATCH_SECONDS = 2.0
FETCH_TIMEOUT = 20.0  # seconds to fetch a feed given to `ingest`


def default_db_path() -> Path:
    """`COPYDESK_DB` if set, else the per-user data folder."""
    override = os.environ.get("COPYDESK_DB")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("copydesk") / "library.sqlite"


@dataclass(frozen=True)
class IngestResult:
    """What happened to one source; `done`/`total` let callers draw progress."""

    source: str
    status: Literal["added", "present", "failed"]
    done: int
    total: int
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Extracted:
    """A source cleaned without storing it, or the reason it failed."""

    source: str
    article: Article | None = None
    reason: str | None = None


def extract(
    specs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Extracted]:
    """Clean each source without touching any library."""
    for item in expand_sources(specs):
        if isinstance(item, SourceFailure):
            yield Extracted(item.source, reason=item.reason)
            continue
        try:
            yield Extracted(item, article=load(item, max_bytes, stdin))
        except SourceError as error:
            yield Extracted(item, reason=str(error))


@dataclass(frozen=True)
class Link:
    """Another article's printing of a sentence: where else it appears, and how alike.

    `changes` are the facts the other printing changed, read from this
    sentence (`a`) to the other (`b`): "12,000" -> "15,000".
    """

    article: ArticleRow
    i: int
    text: str
    kind: str
    score: float
    changes: tuple[Change, ...] = ()
    quote: bool = False  # a quotation both printed: shared text, not evidence of copying


@functools.lru_cache(maxsize=4096)
def _typed_changes(a: str, b: str) -> tuple[Change, ...]:
    """fact_changes for a pair the reader shows, kept: the cursor comes back to them."""
    return tuple(fact_changes(a, b))


def change_text(change: Change) -> str:
    """One change for people, the same in every view: "12,000 → 15,000", "dropped not",
    "added Tuesday"."""
    if not change.b:
        return f"dropped {change.a}"
    if not change.a:
        return f"added {change.b}"
    return f"{change.a} → {change.b}"


def changes_text(changes: Iterable[Change]) -> str:
    """Changes on one line: "12,000 → 15,000 (number) · dropped Tuesday (date)"."""
    return " · ".join(f"{change_text(c)} ({c.type})" for c in changes)


def flipped(changes: Iterable[Change]) -> tuple[Change, ...]:
    """The same changes read the other way (b -> a)."""
    return tuple(change.flipped() for change in changes)


def diff_json(a: str, b: str) -> list[dict[str, str]]:
    """The JSON contract's `diff`: word operations from a to b, each
    {"op": "equal"|"delete"|"insert"|"replace", "a": words, "b": words}."""
    return [{"op": part.op, "a": part.a, "b": part.b} for part in word_diff(a, b)]


@dataclass(frozen=True)
class Derivation:
    """An earlier article and the share (0-1) of a later article's words it printed first.

    `certain` is False when the two tie (tui/match/origin.py): the words are
    shared, but which printed them first is not known.
    """

    source: ArticleRow
    share: float
    certain: bool = True
    quotes: int = 0  # shared quotations outside the copied passages, counted apart

    def label(self) -> str:
        """ "68% from IANS, 2025-07-15": the source's outlet (or wire credit) and date;
        "68% also in IANS, 2025-07-15 (order unknown)" for a tie; " · 3 quotes also
        printed there" when the two share quotations outside the copied passages."""
        name = self.source.credit if self.source.credit and not self.source.outlet else None
        who = name or self.source.label_outlet
        when = f", {shown_time(self.source.published)}" if self.source.published else ""
        quotes = ""
        if self.quotes:
            quotes = f" · {counted(self.quotes, 'quote')} also printed there"
        if not self.certain:
            return f"{self.share:.0%} also in {who}{when} (order unknown){quotes}"
        return f"{self.share:.0%} from {who}{when}{quotes}"


def _earlier(source: Stamp, article: Stamp) -> bool | None:
    """True when `source` was printed first, None for a tie, False when after."""
    first = first_of_stamps(source, article)
    return None if first is None else first == 0


@dataclass(frozen=True)
class StoryEntry:
    """One printing in a story's timeline: the article and what it took from earlier
    printings (largest share first; empty for the origin)."""

    article: ArticleRow
    derived: list[Derivation]


@dataclass(frozen=True)
class Story:
    """Articles joined by shared sentences, named by the origin's headline.

    `timeline` is first printed first (tui/match/origin.sort_key); its first entry
    is the origin, `certain` False when the next printing ties with it (same day,
    times unknown). `outlets` are in order of first printing, each once.
    """

    number: int
    name: str
    timeline: list[StoryEntry]
    certain: bool

    @property
    def origin(self) -> ArticleRow:
        return self.timeline[0].article

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(entry.article.label_outlet for entry in self.timeline))


@dataclass(frozen=True)
class Passage:
    """A run of a checked text's sentences that a stored article also printed:
    its text, and its kind (exact, near, partial, similar, or quote for a
    quotation both printed)."""

    text: str
    kind: str


@dataclass(frozen=True)
class Found:
    """A stored article that shares text with a checked one: the share (0-1) of the
    checked text's words found in their passages, and the shared passages in the
    checked text's reading order."""

    article: ArticleRow
    share: float
    passages: list[Passage]


@dataclass(frozen=True)
class CheckResult:
    """What `Library.check` found for a text it cleaned without storing it: the text's
    words that can match, and the stored articles sharing text with it, the largest
    share first."""

    source: str
    words: int
    found: list[Found]


@dataclass(frozen=True)
class BoilerplateLine:
    """A line the library learned is boilerplate (tui/match/boilerplate.py).

    `outlet` is who printed it under `stories` unrelated stories (outlet names
    are folded to lower case); `text` is one printing of it.
    """

    text: str
    outlet: str
    stories: int


@dataclass(frozen=True)
class SearchHit:
    """A search result: an article by its title or outlet (i is None), or one sentence.

    `exact` when it holds every query word as typed; otherwise it spells some word
    another way (a typo, a longer form), and comes after the exact hits."""

    article: ArticleRow
    i: int | None
    text: str
    score: float
    exact: bool = True


def web_address(row: ArticleRow) -> str | None:
    """Where a browser finds the article: its canonical URL, the http(s) URL it was
    fetched from, or its saved file as a file:// URI; None when there is none."""
    if row.url and row.url.startswith(_WEB):
        return row.url
    if row.source.startswith(_WEB):
        return row.source
    path = Path(row.source)
    return path.resolve().as_uri() if path.is_absolute() and path.is_file() else None


def where_from(source: str) -> str:
    """A source for a header: a URL whole, a file by its name ("file 001.txt")."""
    if source.startswith(_WEB) or source == "-":
        return source
    return f"file {source.rstrip('/').rsplit('/', 1)[-1]}"


def version_label(row: ArticleRow) -> str:
    """ "v2 · updated 14:05" for a later version (the page's modified time, else when
    it was fetched; the date too when not the day it was published), "" for v1."""
    if row.version <= 1:
        return ""
    when = shown_time(row.modified or row.added)
    day, _, clock = when.partition(" ")
    same_day = clock and row.published and row.published.startswith(day)
    return f"v{row.version} · updated {clock if same_day else when}"


def first_printed(row: ArticleRow) -> tuple:
    """Sort key for "who printed it first" (tui/match/origin.sort_key): publish time
    as far as known, then outlet and source; never the order of ingest."""
    return sort_key(row)


class Library:
    """An open library file. Cheap to create; close it when done."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        create: bool = True,
        cutoffs: Cutoffs = DEFAULT_CUTOFFS,
    ) -> None:
        """Open the library at `path` (default: `default_db_path()`).

        `cutoffs` are the near and similar thresholds new matches are found
        with (tui/match/kinds.py). Raises LibraryUnusable when it cannot be
        used, or does not exist and `create` is false (commands that only read
        never make one).
        """
        self.path = Path(path) if path is not None else default_db_path()
        self.cutoffs = cutoffs
        self.conn: sqlite3.Connection = connect(self.path, create=create)
        pending = {name for (name,) in self.conn.execute("SELECT name FROM scans")}
        self._scan_once(pending, "versions", self._retire_old_versions)
        self._scan_once(pending, "keys", self._rekey)
        self._scan_once(pending, "quotes", self._read_quotes)
        self._scan_once(pending, "furniture", self._unkey_furniture)
        self._fill_derived_shares()
        self._scan_once(pending, "boilerplate", self._find_boilerplate)
        self._vocabulary: search_store.Vocabulary | None = None
        self._titles: search_store.TitleIndex | None = None
        self._rows: dict[int, ArticleRow] = {}  # the articles the title index was built from
        self._candidates: CandidateIndex | None = None  # built on the first add
        # whether `_candidates` has caught up with the library inside the open
        # write transaction (nobody else can write until it ends)
        self._in_step = False
        # Told the number of stored articles when the matching index is about to be
        # read from the library (tens of seconds at 100,000 articles): a command line
        # says so instead of showing a bar that does not move.
        self.on_index_load: Callable[[int], None] | None = None
        self._batch_started = 0.0  # when the open ingest transaction began
        self._batch_after = 0  # the last sentence id stored before it
        self._added = 0  # articles this connection has added
        self._pause_after = test_hooks.pause_after()

    def close(self) -> None:
        self.conn.close()

    def _fill_derived_shares(self) -> None:
        """A library matched before derived shares were stored gets them once, now."""
        (missing,) = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM matches) AND NOT EXISTS (SELECT 1 FROM derived)"
        ).fetchone()
        if missing:
            with transaction(self.conn):
                index = CandidateIndex()
                catch_up(self.conn, index)
                backfill_shares(self.conn, index)

    def _scan_once(self, pending: set[str], name: str, work: Callable[[], None]) -> None:
        """Run a library-wide check that a migration left in `scans` (tui/store/db.py),
        in one transaction with its own removal from the list, so it runs once."""
        if name in pending:
            with transaction(self.conn):
                work()
                self.conn.execute("DELETE FROM scans WHERE name = ?", (name,))

    def _retire_old_versions(self) -> None:
        """A library stored before versions were one article gets its older ones retired."""
        index = CandidateIndex()
        for (article_id,) in self.conn.execute(
            "SELECT id FROM articles WHERE latest = 0"
        ).fetchall():
            retire_version(self.conn, index, article_id)

    def _rekey(self) -> None:
        """A library keyed by older rules (3-grams; folding that kept Arabic vowel
        marks) gets every sentence's keys worked out again from its text.

        Boilerplate lines are filed under their new hashes, and articles' token
        counts are counted again when next needed. Matches stay as they were
        found; what is added from now on is matched with the new keys (about
        60 µs a sentence, once).
        """
        rows = self.conn.execute("SELECT id, text FROM sentences").fetchall()
        self.conn.executemany(
            "UPDATE sentences SET folded = ?, fold_hash = ?, shingles = ? WHERE id = ?",
            [(*sentence_key(text).columns[:3], sentence_id) for sentence_id, text in rows],
        )
        rekey_boilerplate(self.conn)
        self._count_tokens()

    def _count_tokens(self) -> None:
        """Every article's token count in sentences that can match (the denominator of
        its derived shares, tui/match/plan.matchable_words)."""
        counts: dict[int, int] = {}
        rows = self.conn.execute(
            "SELECT article_id, folded FROM sentences WHERE fold_hash IS NOT NULL"
        )
        for article_id, folded in rows:
            counts[article_id] = counts.get(article_id, 0) + len(tokens(folded))
        self.conn.executemany(
            "UPDATE articles SET tokens = ? WHERE id = ?",
            [(count, article_id) for article_id, count in counts.items()],
        )

    def _read_quotes(self) -> None:
        """A library stored before quotes were read gets each sentence's quoted words
        (tui/match/quotes.py) and every article's token count."""
        updates = []
        for article_id, text in self.conn.execute("SELECT id, text FROM articles").fetchall():
            sentences = store.get_sentences(self.conn, article_id)
            for sentence, flags in zip(sentences, article_flags(text, sentences), strict=True):
                if flags:
                    updates.append((flags, article_id, sentence.i))
        self.conn.executemany(
            "UPDATE sentences SET quoted = ? WHERE article_id = ? AND i = ?", updates
        )
        self._count_tokens()

    def _unkey_furniture(self) -> None:
        """A library keyed before furniture was told apart has it unkeyed, and its
        matches undone (tui/matching.unkey_furniture)."""
        index = CandidateIndex()
        catch_up(self.conn, index)
        unkey_furniture(self.conn, index)

    def _find_boilerplate(self) -> None:
        """A library stored before boilerplate was learned gets it found."""
        index = CandidateIndex()
        catch_up(self.conn, index)
        find_boilerplate(self.conn, index)

    def refresh(self) -> None:
        """Forget cached search indexes after another connection changed the library."""
        self._vocabulary = self._titles = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def ingest(
        self,
        specs: Iterable[str],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stdin: BinaryIO | None = None,
        workers: int | None = None,
        feeds: bool = True,
    ) -> Iterator[IngestResult]:
        """Add sources, yielding a result per source as it finishes.

        A URL that serves a feed ingests the feed's item pages once (`feeds`; the
        items of that feed are pages only: a feed inside a feed is refused, so
        feeds that link to each other cannot loop).

        Sources are cleaned ahead in worker processes when the batch is large
        (`workers`, see tui/pipeline.py). Articles are committed about every
        BATCH_SECONDS, each inside its own savepoint: a failure or a kill
        leaves every article whole or absent, and running the same ingest
        again adds whatever is missing.
        """
        items = list(expand_sources(specs))
        total = len(items)
        sources = [item for item in items if not isinstance(item, SourceFailure)]
        prepared = prepare_all(sources, max_bytes=max_bytes, stdin=stdin, workers=workers)
        frozen_before = gc.get_freeze_count()
        try:
            for done, item in enumerate(items, start=1):
                if isinstance(item, SourceFailure):
                    yield IngestResult(item.source, "failed", done, total, reason=item.reason)
                    continue
                ready = next(prepared)
                serves_feed = is_url(item) and is_feed_refusal(ready.reason)
                if ready.article is None and feeds and serves_feed:
                    yield from self._ingest_feed(item, max_bytes, done, total)
                    continue
                if ready.article is None:
                    yield IngestResult(item, "failed", done, total, reason=ready.reason)
                    continue
                yield self._add_to_batch(ready.article, ready.keys, done, total)
        finally:
            prepared.close()
            self._commit_batch()
            if not frozen_before:  # leave the process as found (cycles freed again)
                gc.unfreeze()

    def _ingest_feed(
        self, url: str, max_bytes: int, done: int, total: int
    ) -> Iterator[IngestResult]:
        """A feed given to `ingest`: its items' pages, once (`copydesk follow` keeps a
        feed current), one request per second per host. Their results count the
        feed's pages."""
        try:
            links = feed_item_links(url, max_bytes=max_bytes, timeout=FETCH_TIMEOUT)
        except SourceError as error:
            yield IngestResult(url, "failed", done, total, reason=str(error))
            return
        self._commit_batch()
        polite = Politeness()
        for page, link in enumerate(links, start=1):  # one at a time, politely
            polite.wait(link)
            for result in list(self.ingest([link], max_bytes=max_bytes, feeds=False)):
                yield replace(result, done=page, total=len(links))

    def _add_to_batch(
        self, article: Article, keys: list[SentenceKey], done: int, total: int
    ) -> IngestResult:
        """Store one article in the open batch (beginning one if needed)."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_step = False
            self._batch_started = time.monotonic()
            self._batch_after = store.last_sentence_id(self.conn)
        self.conn.execute("SAVEPOINT article")
        try:
            result = self._store(article, keys, done, total)
        except BaseException as error:
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            self._candidates = None  # it may hold keys of the rolled-back article
            if not isinstance(error, Exception):
                raise
            # One article that cannot be stored (a bug, a full disk) fails alone.
            log_exception(error, f"storing {article.source}")
            reason = f"could not store: {type(error).__name__}: {error}"
            return IngestResult(article.source, "failed", done, total, reason=reason)
        self.conn.execute("RELEASE article")
        self._added += result.status == "added"
        if self._added == self._pause_after and result.status == "added":
            self._commit_batch()
            test_hooks.pause(self._added)
        elif time.monotonic() - self._batch_started >= BATCH_SECONDS:
            self._commit_batch()
        return result

    def _commit_batch(self) -> None:
        if self.conn.in_transaction:
            try:
                store.index_for_search(self.conn, self._batch_after)
                self.conn.execute("COMMIT")
                # What is alive now (the candidate index, the verifier's caches)
                # lives on: CPython's full collections need not walk it again.
                # 8.0 s -> 2.5 s of collections in a 10,000-article ingest.
                gc.freeze()
            except BaseException:
                self.conn.execute("ROLLBACK")
                self._candidates = None
                raise
        self._vocabulary = self._titles = None

    def add(self, article: Article, *, done: int = 1, total: int = 1) -> IngestResult:
        """Store and match one cleaned article in its own transaction."""
        self._in_step = False
        try:
            with transaction(self.conn):
                after = store.last_sentence_id(self.conn)
                result = self._store(article, keys_of(article), done, total)
                store.index_for_search(self.conn, after)
                return result
        except BaseException:
            self._candidates = None  # it may hold keys of the rolled-back article
            raise
        finally:
            self._vocabulary = self._titles = None

    def _store(
        self, article: Article, keys: list[SentenceKey], done: int, total: int
    ) -> IngestResult:
        """Store and match an article unless the same bytes from the same source are here."""
        existing = store.find_copy(self.conn, article)
        if existing is not None:
            return IngestResult(article.source, "present", done, total, existing, article.title)
        previous = store.previous_version(self.conn, article)
        if previous is not None and previous.text == article.text:  # new bytes, same story
            return IngestResult(article.source, "present", done, total, previous.id, article.title)
        hashes = {key.fold_hash for key in keys if key.fold_hash is not None}
        if previous is not None and not store.same_story(self.conn, previous.id, hashes):
            previous = None  # another story under the same name: an article of its own
        if previous is not None and previous.published:
            # First printed when the first version was: a CMS that re-stamps the
            # publish time of an update must not make the outlet look like a copier.
            modified = article.modified or (
                article.published if article.published != previous.published else None
            )
            article = replace(article, published=previous.published, modified=modified)
        if self._candidates is None:
            if self.on_index_load is not None:
                self.on_index_load(store.article_count(self.conn))
            self._candidates = CandidateIndex()
            self._in_step = False
        if not self._in_step:
            catch_up(self.conn, self._candidates)
            self._in_step = True
        article_id, _ = store_article(
            self.conn, self._candidates, article, keys, previous, self.cutoffs
        )
        return IngestResult(article.source, "added", done, total, article_id, article.title)

    def check(
        self,
        source: str,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stdin: BinaryIO | None = None,
    ) -> CheckResult:
        """Churnalism's check: clean a text (a file, URL or "-") without storing it and
        find the stored articles that share text with it.

        Matching runs exactly as for an article being added (tui/match/plan.py),
        but nothing is written: the source's own outlet's articles are not
        offered, as they would not match it. Raises SourceError when the source
        cannot be read or cleaned.
        """
        article = load(source, max_bytes, stdin)
        keys = keys_of(article)
        index = CandidateIndex()
        catch_up(self.conn, index)
        plan = plan_article(index, keys, self.cutoffs, outlet_key(article.outlet, article.source))
        by_article: dict[int, list] = {}
        for match in plan.matches:
            by_article.setdefault(match.article, []).append(match)
        found = []
        for share in plan.shares:
            row = self.article(share.article)
            if row is None or not row.latest:
                continue
            matched = sorted(by_article.get(share.article, []), key=lambda m: m.i)
            if share.here < MIN_DERIVED_SHARE and not matched:
                continue
            found.append(Found(row, share.here, _passages(article.sentences, matched)))
        found.sort(key=lambda f: (-f.share, -len(f.passages), f.article.id))
        return CheckResult(source, matchable_words(keys), found)

    def delete(self, article_id: int) -> bool:
        """Delete an article with all its versions; the matches, derived shares and
        shared counts of the articles it shared with are updated. False when no
        article has this id."""
        with transaction(self.conn):
            versions = store.versions(self.conn, article_id)
            if not versions:
                return False
            for version in versions:
                forget_article(self.conn, version.id)
            self._candidates = None  # rebuilt without it on the next add
            return True

    def mark_read(self, article_id: int) -> None:
        """Note that the reader opened this article (unread rows are bold in the app)."""
        with transaction(self.conn):
            store.mark_read(self.conn, article_id, now_utc())

    def last_visit(self) -> str | None:
        """When the app last closed on this library (UTC ISO 8601), None before the
        first time: what "new since your last visit" counts from."""
        row = self.conn.execute("SELECT value FROM state WHERE key = 'visit'").fetchone()
        return row[0] if row else None

    def end_visit(self) -> None:
        """Record that a visit ends now (the app calls this as it closes)."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO state (key, value) VALUES ('visit', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (now_utc(),),
            )

    # -- reading -----------------------------------------------------------

    def articles(self, *, by_time: bool = False) -> list[ArticleRow]:
        """The latest version of every article. With `by_time`, first printed first
        (publish times compared as moments across zones, tui/match/origin.sort_key);
        otherwise in the store's order (the app sorts its own way: 0.07 s saved at
        10,000 articles)."""
        rows = store.list_articles(self.conn)
        return sorted(rows, key=first_printed) if by_time else rows

    def article(self, article_id: int) -> ArticleRow | None:
        return store.get_article(self.conn, article_id)

    def sentences(self, article_id: int) -> list[Sentence]:
        return store.get_sentences(self.conn, article_id)

    def matches(self, article_id: int) -> list[MatchRow]:
        """Every match of this article's sentences, this article on side a."""
        return match_store.matches_of(self.conn, article_id)

    def related(self, article_id: int) -> list[tuple[int, int]]:
        """(other article id, sentences shared with it), most shared first."""
        return match_store.related_articles(self.conn, article_id)

    def groups(self, kind: str | None = None, matches: list[MatchRow] | None = None) -> list[Group]:
        """Groups of shared sentences, largest first; `kind` keeps groups with such a pair.

        `matches` saves a second read of every match when the caller has them.
        """
        if matches is None:
            matches = match_store.all_matches(self.conn)
        rows = {row.id: row for row in self.articles()}

        def origin_of(article_ids: list[int]) -> tuple[int, bool]:
            found = find_origin(
                [rows[i] for i in article_ids if i in rows]
                or [r for i in article_ids if (r := self.article(i))]
            )
            return found.article.id, found.certain

        groups = build_groups(matches, origin_of)
        return [g for g in groups if kind is None or kind in g.kinds]

    def versions(self, article_id: int) -> list[ArticleRow]:
        """Every version of this article, oldest first; one when it never changed."""
        return store.versions(self.conn, article_id)

    def links(self, article_id: int, i: int) -> list[Link]:
        """Where else sentence `i` of an article appears, first printed first.

        One indexed query for the sentence's matches and one row per other
        article: cheap enough for the reader to call on every cursor move.
        """
        others: dict[int, ArticleRow | None] = {}
        links = []
        here: str | None = None  # this sentence's text, read when first needed
        for (
            other_id,
            other_i,
            text,
            score,
            kind,
            stored,
            reverse,
            quote,
        ) in match_store.sentence_links(self.conn, article_id, i):
            if other_id not in others:
                others[other_id] = self.article(other_id)
            other = others[other_id]
            if other is None:
                continue
            if stored is not None or kind == "exact":
                typed = changes_from_json(stored)
                typed = flipped(typed) if reverse else typed
            else:  # not typed yet: one pair costs well under a millisecond
                here = (
                    here if here is not None else store.get_sentence_text(self.conn, article_id, i)
                )
                typed = _typed_changes(here, text)
            links.append(Link(other, other_i, text, kind, score, typed, quote))
        return sorted(links, key=lambda link: (first_printed(link.article), link.i))

    def derived(self, article_id: int | None = None) -> dict[int, list[Derivation]]:
        """Article id -> the earlier articles it shares words with, largest share first.

        Only sources printed before the article count, or on the same day with
        the order unknown (tui/match/origin.py; such a derivation is not
        `certain`), and only shares of at least MIN_DERIVED_SHARE. With
        `article_id`, that article's entry alone (absent when it derives from
        nothing).
        """
        rows = match_store.derived_shares(self.conn, MIN_DERIVED_SHARE, article_id)
        if article_id is None:
            by_id = {row.id: row for row in self.articles()}
        else:
            ids = {article_id} | {source for _, source, _, _ in rows}
            by_id = {i: row for i in ids if (row := self.article(i)) is not None}
        found: dict[int, list[Derivation]] = {}
        stamps = {i: stamp(row) for i, row in by_id.items()}
        for article, source, share, quotes in rows:
            if article in by_id and source in by_id:
                earlier = _earlier(stamps[source], stamps[article])
                if earlier is not False:
                    derivation = Derivation(
                        by_id[source], share, certain=earlier is True, quotes=quotes
                    )
                    found.setdefault(article, []).append(derivation)
        for derivations in found.values():
            derivations.sort(key=lambda d: (-d.share, first_printed(d.source)))
        return found

    def copied(self, articles: Iterable[ArticleRow]) -> dict[int, float]:
        """Article id -> the largest share of its words an earlier article printed: the
        library's Copied column, by `derived`'s rule, for `articles` the caller listed
        (about 0.2 s at 10,000 articles)."""
        stamps = {row.id: stamp(row) for row in articles}
        largest: dict[int, float] = {}
        for article, source, share, _ in match_store.derived_shares(self.conn, MIN_DERIVED_SHARE):
            known = article in stamps and source in stamps
            if known and _earlier(stamps[source], stamps[article]) is not False:
                largest[article] = max(share, largest.get(article, 0.0))
        return largest

    def derived_between(self, a: int, b: int) -> tuple[int, Derivation] | None:
        """(the later article's id, its derivation from the earlier) for a pair, or None."""
        for later, earlier in ((a, b), (b, a)):
            for derivation in self.derived(later).get(later, []):
                if derivation.source.id == earlier:
                    return later, derivation
        return None

    def changed_facts(
        self,
        articles: Iterable[ArticleRow] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> set[int]:
        """Ids of copies that changed a fact (a number, date, name, quote or negation)
        of what they copied: the library's "changed facts" filter.

        A copy is counted when one of its sentences changed a fact of the same
        sentence in its main source, the earlier article that printed most of
        its words (`derived`; a same-day tie counts both ways). Pairs matched
        since the last call are typed first (about 0.6 ms a pair;
        `progress(done, total)` follows it), and the types are kept.
        """
        self.type_changes(progress)
        listed = {row.id for row in articles} if articles is not None else None
        main_sources = {
            article: {d.source.id for d in derivations if d.share == derivations[0].share}
            for article, derivations in self.derived().items()
            if listed is None or article in listed
        }
        return {
            copy
            for a, b in match_store.changed_copies(self.conn)
            for copy, source in ((a, b), (b, a))
            if source in main_sources.get(copy, ())
        }

    def type_changes(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Type the changed facts of every pair matched since the last time (see
        tui/matching.type_changes); returns how many pairs were typed."""
        with transaction(self.conn):
            return type_changes(self.conn, progress)

    def boilerplate(self) -> list[BoilerplateLine]:
        """Lines never highlighted or counted because an outlet prints them under any story."""
        rows = self.conn.execute(
            "SELECT text, outlet, stories FROM boilerplate ORDER BY outlet, text"
        )
        return [BoilerplateLine(*row) for row in rows]

    def stories(self) -> dict[int, int]:
        """Article id -> story number (1 = largest); articles that share nothing are absent."""
        return build_stories(match_store.article_pairs(self.conn))

    def story(self, article_id: int) -> Story | None:
        """The story this article belongs to, None when it shares nothing."""
        stories = self.stories()
        number = stories.get(article_id)
        if number is None:
            return None
        members = [row for row in self.articles() if stories.get(row.id) == number]
        members.sort(key=first_printed)
        derived = self.derived()
        timeline = [StoryEntry(row, derived.get(row.id, [])) for row in members]
        tie = len(members) > 1 and _earlier(stamp(members[0]), stamp(members[1])) is not True
        return Story(number, members[0].label_title, timeline, certain=not tie)

    _indexed_version: int | None = None  # PRAGMA data_version when the indexes were built

    def prepare_search(self) -> tuple[search_store.TitleIndex, search_store.Vocabulary]:
        """The title index and the word list, built on first use and again after any
        connection changes the library (half a second at 10,000 articles, so the app
        calls this ahead of the first keystroke)."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._indexed_version:  # another connection committed
            self._vocabulary = self._titles = None
            self._indexed_version = version
        if self._titles is None:
            self._rows = {row.id: row for row in self.articles()}
            labels = {
                aid: f"{row.title or ''} {row.outlet or ''}" for aid, row in self._rows.items()
            }
            self._titles = search_store.TitleIndex(labels)
        if self._vocabulary is None:
            self._vocabulary = search_store.Vocabulary(self.conn)
        return self._titles, self._vocabulary

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Titles and outlets (fuzzy) and sentences (FTS5): up to `limit` hits that hold
        the words as typed, best first, then up to `limit` that spell some word
        otherwise (typos, longer forms), best first. The second kind always comes:
        a checker searching "Vargas" must see the articles that print "Varga"."""
        query = query.strip()
        terms = search_store.query_terms(query)
        if not terms:
            return []
        titles, vocabulary = self.prepare_search()
        rows = self._rows
        complete = terms[-1] in vocabulary.known or terms[-1] in titles.articles_by_word
        hits = []
        unspaced = search_store.unspaced_words(query)
        as_typed = titles.containing(unspaced) if unspaced else titles.holding(terms, complete)
        taken = {True: 0, False: 0}  # title hits of each kind so far, best first
        for aid, score in titles.search(query):
            exact = aid in as_typed
            if taken[exact] == limit:
                continue  # (ranked below `limit` of its kind already)
            taken[exact] += 1
            hits.append(
                SearchHit(rows[aid], None, rows[aid].title or rows[aid].source, score, exact)
            )
        for hit in search_store.search_sentences(self.conn, query, vocabulary, limit * 4):
            # another process may have added the article since the rows were read
            row = rows.get(hit.article_id) or self.article(hit.article_id)
            if row is not None:
                score = fuzz.partial_ratio(query.lower(), hit.text.lower())
                hits.append(SearchHit(row, hit.i, hit.text, score, hit.exact))
        hits.sort(key=lambda hit: -hit.score)
        exact = [hit for hit in hits if hit.exact][:limit]
        return exact + [hit for hit in hits if not hit.exact][:limit]

    def compare(self, left_id: int, right_id: int) -> list[Row]:
        """Two articles aligned like a diff, shared sentences on the same row.

        Two versions of one article are never matched in the library, so their
        sentences are verified against each other here (a silent edit is news).
        """
        left, right = self.sentences(left_id), self.sentences(right_id)
        if {row.id for row in self.versions(left_id)} >= {left_id, right_id}:
            return align(left, right, pair_directly(left, right, self.cutoffs))
        pairs = [m for m in self.matches(left_id) if m.b_article == right_id]
        return align(left, right, pairs)

    def resolve(self, reference: str) -> list[ArticleRow]:
        """The articles a reference names: an id, an outlet's name or a title (typos
        welcome; tui/references.py). One when it is clear, none when nothing fits,
        several, best first, when it is ambiguous. "#6" is id 6, as commands print it."""
        digits = reference.removeprefix("#")
        if digits.isdigit():
            number = int(digits)
            row = self.article(number) if number < 2**63 else None
            return [row] if row is not None else []
        return named_by(reference, self.articles())

    def export(self) -> dict[str, Any]:
        """The whole library as one JSON-ready document."""
        self.type_changes()
        matches = match_store.all_matches(self.conn)
        derived = self.derived()
        sentences: dict[int, list[str]] = {}

        def texts(article_id: int) -> list[str]:
            if article_id not in sentences:
                sentences[article_id] = [s.text for s in self.sentences(article_id)]
            return sentences[article_id]

        return {
            "articles": [
                article_json(
                    full, self.sentences(row.id), with_id=True, derived=derived.get(row.id, [])
                )
                for row in self.articles()
                if (full := self.article(row.id)) is not None
            ],
            "matches": [
                {
                    "a": [m.a_article, m.a_i],
                    "b": [m.b_article, m.b_i],
                    "score": m.score,
                    "kind": m.kind,
                    "quote": m.quote,
                    "changes": changes_to_json(changes_from_json(m.changes)),
                    "diff": diff_json(texts(m.a_article)[m.a_i], texts(m.b_article)[m.b_i]),
                }
                for m in matches
            ],
            "groups": [
                {
                    "members": [list(ref) for ref in g.members],
                    "origin": list(g.origin),
                    "origin_certain": g.origin_certain,
                    "kinds": sorted(g.kinds),
                }
                for g in self.groups(matches=matches)
            ],
            "boilerplate": [
                {"text": line.text, "outlet": line.outlet, "stories": line.stories}
                for line in self.boilerplate()
            ],
            # earlier versions of listed articles (never matched: a silent edit is news)
            "versions": [
                article_json(row, self.sentences(row.id), with_id=True)
                for row in store.older_versions(self.conn)
            ],
        }


def is_source(typed: str) -> bool:
    """Whether what a user typed names a source to read (an http(s) URL or an existing
    file) rather than being the text itself, pasted in."""
    typed = typed.strip()
    if not typed or "\n" in typed:
        return False
    if is_url(typed):
        return True
    try:
        return Path(typed).expanduser().is_file()
    except (OSError, ValueError):
        return False


def _passages(sentences: list[Sentence], matched: list) -> list[Passage]:
    """Consecutive matched sentences of one kind, joined into passages."""
    passages: list[Passage] = []
    last = -2
    for match in matched:
        kind = "quote" if match.quote else match.kind
        text = sentences[match.i].text
        if passages and match.i == last + 1 and passages[-1].kind == kind:
            passages[-1] = Passage(f"{passages[-1].text} {text}", kind)
        else:
            passages.append(Passage(text, kind))
        last = match.i
    return passages


def check_json(result: CheckResult) -> dict[str, Any]:
    """The JSON shape of `copydesk check`: {"source", "words", "found": [{"id",
    "outlet", "title", "share", "passages": [{"text", "kind"}]}]}."""
    return {
        "source": result.source,
        "words": result.words,
        "found": [
            {
                "id": f.article.id,
                "outlet": f.article.outlet,
                "title": f.article.title,
                "share": round(f.share, 3),
                "passages": [{"text": p.text, "kind": p.kind} for p in f.passages],
            }
            for f in result.found
        ],
    }


def article_json(
    article: ArticleRow | Article,
    sentences: list[Sentence] | None = None,
    *,
    with_id: bool,
    derived: list[Derivation] | None = None,
) -> dict[str, Any]:
    """The JSON shape of an article shared by `extract --json`, `list --json` and export.

    `published` and `modified` are ISO 8601 as the page gave them (with time
    and offset, or a bare date), null when unknown; `url` is the canonical URL,
    else the URL fetched, else null; `version` counts from 1 (null from extract).

    With `derived` (stored articles), `"derived": [{"from": id, "share": 0.68}]`:
    the earlier articles that printed its words, largest share (0-1) first.
    """
    data: dict[str, Any] = {}
    if with_id and isinstance(article, ArticleRow):
        data["id"] = article.id
    data.update(
        source=article.source,
        url=article.url or (article.source if article.source.startswith(_WEB) else None),
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        modified=article.modified,
        byline=article.byline,
        credit=article.credit,
        text=article.text,
        version=article.version if isinstance(article, ArticleRow) else None,
    )
    if isinstance(article, Article):  # extract: whose body was kept
        data["extractor"] = article.extractor
        data["title_from"] = article.title_from
    if isinstance(article, ArticleRow):
        data["words"] = article.words
        data["added"] = article.added
    if derived is not None:
        data["derived"] = [
            {
                "from": d.source.id,
                "share": round(d.share, 3),
                "certain": d.certain,
                "quotes": d.quotes,
            }
            for d in derived
        ]
    if sentences is not None:
        data["sentences"] = [
            {"i": s.i, "text": s.text, "start": s.start, "end": s.end} for s in sentences
        ]
    return data
