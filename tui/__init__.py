"""Copydesk: read news articles side by side and see which sentences outlets share."""

__version__ = "0.1.0"
