"""Wire datelines at the start of a lead sentence, and the lead as a stand-in headline."""

from __future__ import annotations

import re

# A wire dateline opening a sentence, which reprints keep or drop as they like:
# "LAKEVILLE, Ore. (AP) — ", "LONDON, March 4 (Reuters) - ", "BEIRUT — ".
DATELINE = re.compile(
    r"^[^\W\d_a-z]{2,}(?:[ .'-]+[^\W\d_a-z]{2,})*"  # the place in capitals
    r"(?:,[^()—–-]{1,30})?"  # a state, a country or a date
    r"(?:\s*\([^()]{1,30}\))?"  # the agency
    r"\s*[—–-]{1,2}\s+"
    # or any place and date, then an agency in brackets: "Lucknow, July 15 (IANS) "
    r"|^[^\W\d_][^()\n]{0,50}?\(\s*(?:[A-Z]{2,6}|Reuters|Xinhua|dpa)\s*\)\s*(?:[—–:-]{1,2}\s*)?"
)
_CLAUSE_BREAK = re.compile(r",\s|\s[—–-]\s|;\s|،\s|，|、")
_LEAD_TITLE_CHARS = 100  # a stand-in headline is at most this long (characters)
_MIN_CLAUSE_CHARS = 40  # a clause shorter than this is too little to name a story


def strip_dateline(sentence: str) -> str:
    """`sentence` without an opening wire dateline ("Moscow, July 15 (IANS) Japan is…"
    -> "Japan is…"); unchanged when it has none."""
    return DATELINE.sub("", sentence, count=1)


def lead_title(sentence: str) -> str | None:
    """A stand-in headline for a story that prints none: its lead sentence without the
    dateline and the closing stop, cut to its first clauses when longer than 100
    characters ("Japan is open to resuming peace treaty negotiations with Russia as
    soon as conditions permit"), else at a word with "…". None for an empty lead."""
    text = " ".join(strip_dateline(sentence).split()).rstrip(".。!?！？۔।")
    if len(text) <= _LEAD_TITLE_CHARS:
        return text or None
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text, 0, _LEAD_TITLE_CHARS)]
    cuts = [c for c in cuts if c >= _MIN_CLAUSE_CHARS]
    if cuts:
        return text[: cuts[-1]].rstrip()
    head = text[:_LEAD_TITLE_CHARS]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + "…"
