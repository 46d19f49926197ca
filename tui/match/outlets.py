"""Who printed an article, as matching tells outlets apart (for learned boilerplate)."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit


def outlet_key(outlet: str | None, source: str) -> str | None:
    """Who printed an article, for boilerplate: the outlet's name folded, or the URL's host.

    None when neither is known (a local file with no outlet named in it).
    """
    if outlet and outlet.strip():  # NFKC: full-width "ＢＢＣ" is "BBC"
        return " ".join(unicodedata.normalize("NFKC", outlet).casefold().split())
    if "://" in source:
        host = urlsplit(source).hostname or ""
        return host.removeprefix("www.") or None
    return None
