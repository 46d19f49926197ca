"""Counts in words for people: "1 story", "2 stories"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """Say "1 story", "2 stories", "1,204 articles" (`plural` when not noun + "s")."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
