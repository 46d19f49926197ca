"""Schema.org JSON-LD blocks: the most reliable metadata a news page carries, when it is valid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

# Types whose headline, date and author describe the story itself (not the site or a video).
_ARTICLE_TYPES = ("Article", "BlogPosting", "ReportageNews", "Report", "LiveBlogPosting")
_MAX_OBJECTS = 500


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, article-like ones first.

    Invalid JSON (common: trailing commas, stray HTML) is skipped rather than
    repaired, because a wrong guess is worse than falling back to meta tags.
    """
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        found.extend(_flatten(data))
        if len(found) > _MAX_OBJECTS:
            break
    return sorted(found, key=lambda obj: not is_article(obj))


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Objects in a block, walking top-level lists and `@graph` (without recursion)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))


def is_article(obj: dict[str, Any]) -> bool:
    """True for NewsArticle, BlogPosting and friends."""
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.endswith(_ARTICLE_TYPES) for k in kinds)


def first_string(objects: list[dict[str, Any]], key: str) -> str | None:
    """The first non-empty string value of `key` (lists contribute their first string)."""
    for obj in objects:
        value = obj.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def names(value: Any) -> list[str]:
    """Names in a schema.org Person/Organization value: a string, an object or a list of them."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip() and item.strip() not in out:
            out.append(item.strip())
    return out


def first_names(objects: list[dict[str, Any]], key: str) -> list[str]:
    """Names under `key` (e.g. "author", "publisher") in the first object that has any."""
    for obj in objects:
        found = names(obj.get(key))
        if found:
            return found
    return []
