"""What a report shows, read through the library API: plain data, no formatting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.library import ArticleRow, Derivation, Library, Row, find_origin, word_diff

KINDS = ("exact", "near", "partial", "similar")


@dataclass(frozen=True)
class CompareReport:
    """Two articles aligned (`Library.compare` rows) and how much each shares.

    `left_share` and `right_share` are the shares (0-1) of each side's
    sentences matched on the other; `derived` is (the later article's id,
    its derivation from the earlier) or None.
    """

    left: ArticleRow
    right: ArticleRow
    rows: list[Row]
    left_share: float
    right_share: float
    derived: tuple[int, Derivation] | None

    def counts(self) -> dict[str, int]:
        """Shared rows per kind, in KINDS order, kinds with none left out."""
        kinds = [row.kind for row in self.rows]
        return {kind: kinds.count(kind) for kind in KINDS if kind in kinds}


def compare_report(library: Library, left_id: int, right_id: int) -> CompareReport:
    """Read a comparison from the library. Raises LookupError when an article is gone."""
    left, right = library.article(left_id), library.article(right_id)
    if left is None or right is None:
        raise LookupError(f"no article #{right_id if left else left_id}")
    pairs = [m for m in library.matches(left_id) if m.b_article == right_id]
    return CompareReport(
        left=left,
        right=right,
        rows=library.compare(left_id, right_id),
        left_share=len({m.a_i for m in pairs}) / max(1, left.sentence_count),
        right_share=len({m.b_i for m in pairs}) / max(1, right.sentence_count),
        derived=library.derived_between(left_id, right_id),
    )


def row_sides(
    row: Row,
    escape: Callable[[str], str],
    deleted: Callable[[str], str],
    inserted: Callable[[str], str],
) -> tuple[str, str]:
    """A compare row's two cells ("" for a missing side), each run of words passed
    through `escape`; in a copy that is not exact, the runs only the left prints
    wrapped by `deleted`, those only the right prints by `inserted`."""
    if row.left is None or row.right is None or row.kind in (None, "exact"):
        return (
            escape(row.left.text) if row.left else "",
            escape(row.right.text) if row.right else "",
        )
    left: list[str] = []
    right: list[str] = []
    for part in word_diff(row.left.text, row.right.text):
        for words, side, mark in ((part.a, left, deleted), (part.b, right, inserted)):
            if words:
                side.append(escape(words) if part.op == "equal" else mark(escape(words)))
    return " ".join(left), " ".join(right)


@dataclass(frozen=True)
class SharedGroup:
    """One sentence several articles printed: the first printing's text, who may have
    printed it first (one article, or every tied one when not `certain`), the others."""

    text: str
    kinds: tuple[str, ...]
    first: tuple[ArticleRow, ...]
    certain: bool
    others: tuple[ArticleRow, ...]


@dataclass(frozen=True)
class LibraryReport:
    """Every listed article, first printed first, with what it derives from
    (article id -> derivations, largest share first), and the shared-sentence
    groups, largest first."""

    articles: list[ArticleRow]
    derived: dict[int, list[Derivation]]
    groups: list[SharedGroup]


def shared_groups(
    library: Library, rows: dict[int, ArticleRow], kind: str | None = None
) -> list[SharedGroup]:
    """The library's shared-sentence groups (`Library.groups`), largest first, among
    the articles in `rows` (id -> row); `kind` keeps groups with a pair of that kind."""
    groups = []
    for group in library.groups(kind):
        members = [rows[a] for a in group.articles if a in rows]
        origin_id, i = group.origin
        if origin_id not in rows:
            continue
        first = (
            (rows[origin_id],) if group.origin_certain else tuple(find_origin(members).tied)  # type: ignore[arg-type]
        )
        groups.append(
            SharedGroup(
                text=library.sentences(origin_id)[i].text,
                kinds=tuple(kind for kind in KINDS if kind in group.kinds),
                first=first,
                certain=group.origin_certain,
                others=tuple(row for row in members if row not in first),
            )
        )
    return groups


def library_report(library: Library) -> LibraryReport:
    """Read the whole library's report."""
    articles = library.articles(by_time=True)
    groups = shared_groups(library, {row.id: row for row in articles})
    return LibraryReport(articles, library.derived(), groups)
