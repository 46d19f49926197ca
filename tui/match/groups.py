"""Groups of shared sentences: who printed the same sentence, and who printed it first."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from tui.store.matches import MatchRow

SentenceRef = tuple[int, int]  # (article id, sentence index)
Node = TypeVar("Node", bound=Hashable)


@dataclass
class Group:
    """Sentences connected by matches; `origin` is the first printing (tui/match/origin.py).

    `origin_certain` is False when the first printing is a tie (the same day
    without times, or equal times) that no wire credit broke: `origin` is then
    one of the tied printings, named but not starred.
    """

    members: list[SentenceRef]
    origin: SentenceRef
    kinds: set[str] = field(default_factory=set)
    origin_certain: bool = True

    @property
    def articles(self) -> list[int]:
        return sorted({article for article, _ in self.members})


def _find(parent: dict[Node, Node], item: Node) -> Node:
    root = item
    while parent[root] != root:
        root = parent[root]
    while parent[item] != root:  # path compression keeps later finds flat
        parent[item], item = root, parent[item]
    return root


def build_groups(
    matches: Iterable[MatchRow], origin_of: Callable[[list[int]], tuple[int, bool]]
) -> list[Group]:
    """Union the matched pairs into groups, largest (most articles) first.

    `origin_of(article ids)` gives (the origin article's id, whether certain);
    the origin's first sentence in the group is the group's origin.
    """
    parent: dict[SentenceRef, SentenceRef] = {}
    kinds: dict[SentenceRef, set[str]] = {}
    edges = []
    for m in matches:
        a, b = (m.a_article, m.a_i), (m.b_article, m.b_i)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        root_a, root_b = _find(parent, a), _find(parent, b)
        if root_a != root_b:
            parent[root_b] = root_a
        edges.append((a, m.kind))
    members: dict[SentenceRef, list[SentenceRef]] = {}
    for ref in parent:
        members.setdefault(_find(parent, ref), []).append(ref)
    for ref, kind in edges:
        kinds.setdefault(_find(parent, ref), set()).add(kind)
    groups = []
    for root, refs in members.items():
        origin, certain = origin_of(sorted({article for article, _ in refs}))
        groups.append(
            Group(
                members=sorted(refs),
                origin=min(ref for ref in refs if ref[0] == origin),
                kinds=kinds.get(root, set()),
                origin_certain=certain,
            )
        )
    groups.sort(key=lambda g: (-len(g.articles), -len(g.members), g.members[0]))
    return groups


def build_stories(article_pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Article id -> story number: articles joined by shared sentences form a story.

    Stories are numbered from 1, largest first; an article that shares
    nothing gets no entry.
    """
    parent: dict[int, int] = {}
    for a, b in article_pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[_find(parent, a)] = _find(parent, b)
    members: dict[int, list[int]] = {}
    for article in parent:
        members.setdefault(_find(parent, article), []).append(article)
    ranked = sorted(members.values(), key=lambda ids: (-len(ids), min(ids)))
    return {article: n for n, ids in enumerate(ranked, start=1) for article in ids}
