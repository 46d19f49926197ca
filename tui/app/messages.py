"""Messages that workers post to the app; workers never touch widgets themselves."""

from __future__ import annotations

from textual.message import Message

from tui.feeds import FeedResult
from tui.library import CheckResult, IngestResult, SearchHit


class IngestProgress(Message):
    """One source finished ingesting (added, already present, or failed)."""

    def __init__(self, result: IngestResult) -> None:
        super().__init__()
        self.result = result


class IngestFinished(Message):
    """An ingest batch is over; screens showing the library should refresh.

    `stopped` is the one-line reason when an error ended the batch early.
    """

    def __init__(self, added: int, present: int, failed: int, stopped: str | None = None) -> None:
        super().__init__()
        self.added, self.present, self.failed = added, present, failed
        self.stopped = stopped


class SearchResults(Message):
    """Results for one search query, possibly stale by the time they arrive."""

    def __init__(self, query: str, hits: list[SearchHit]) -> None:
        super().__init__()
        self.query, self.hits = query, hits


class FactsProgress(Message):
    """Typing changed facts for the library's filter: `done` of `total` pairs."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class FactsFound(Message):
    """The ids of copies that changed a fact, for the library's filter."""

    def __init__(self, article_ids: set[int]) -> None:
        super().__init__()
        self.article_ids = article_ids


class StoriesGrouped(Message):
    """Stories, copied shares and the story order for the rows read as `generation`."""

    def __init__(
        self, generation: int, stories: dict[int, int], copied: dict[int, float], order: list[int]
    ) -> None:
        super().__init__()
        self.generation, self.stories, self.copied, self.order = generation, stories, copied, order


class FeedProgress(Message):
    """`update` finished one followed feed (`result.done` of `result.total`)."""

    def __init__(self, result: FeedResult) -> None:
        super().__init__()
        self.result = result


class FeedsUpdated(Message):
    """A feeds update is over: pages added, feeds that failed, or what stopped it."""

    def __init__(self, added: int, failed_feeds: int, stopped: str | None = None) -> None:
        super().__init__()
        self.added, self.failed_feeds, self.stopped = added, failed_feeds, stopped


class CheckFinished(Message):
    """A check of a text against the library is over: its result, or why it failed."""

    def __init__(self, result: CheckResult | None, failed: str | None = None) -> None:
        super().__init__()
        self.result, self.failed = result, failed
