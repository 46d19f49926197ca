"""Check headlines: how often each extractor's title is missing or still carries the site name.

    python bench/titles.py /work/shared/bench/article-extraction [--show]

The benchmark has no hand-made titles, so the check is mechanical and independent of
copydesk's own title code: a title "carries the site name" when, with case, spaces
and punctuation erased, it holds one of the page's own names for itself (its
og:site_name, its application-name, or its host's name without "www." and the
top-level domain, 4 characters or more) and also holds a separator ("|", " - ",
"–", "—", ":", "«", "»", "·") that could set that name off. A headline about the
outlet itself ("Planet News sold to rival") has no separator and is not counted.
Sections ("Opinion |") are not detected: `--show` lists every title so they can be
read. copydesk's `clean_html` is compared with readability-lxml's `title()` and
`short_title()` and trafilatura's metadata title, in one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from readability import Document

from tui.clean.html import clean_html

_SEPARATOR = re.compile(r"\s[|\-–—:·«»]\s|[|«»]|\s[–—]|:\s")
_LETTERS = re.compile(r"[\W_]+")


def squash(text: str) -> str:
    """Lower case, with everything but letters and digits erased."""
    return _LETTERS.sub("", text.casefold())


def site_names(html: str, url: str) -> set[str]:
    """The names a page gives itself: og:site_name, application-name, the host's name."""
    names = set()
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        for xpath in (
            "//meta[@property='og:site_name']/@content",
            "//meta[@name='application-name']/@content",
        ):
            names.update(str(value) for value in tree.xpath(xpath))
    except (ValueError, lxml.etree.LxmlError):
        pass
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    labels = host.split(".")
    if len(labels) >= 2:
        names.add(labels[-3] if len(labels) > 2 and len(labels[-2]) <= 3 else labels[-2])
    return {squash(name) for name in names if len(squash(name)) >= 4}


def carries_site_name(title: str, names: set[str]) -> bool:
    """Whether the title holds one of the site's names and a separator to set it off."""
    return bool(_SEPARATOR.search(title)) and any(name in squash(title) for name in names)


def trafilatura_title(html: str) -> str:
    import trafilatura

    metadata = trafilatura.extract_metadata(html)
    return (metadata.title if metadata else None) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true", help="print every copydesk title")
    args = parser.parse_args(argv)
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    extractors: dict[str, Callable[[str, str], str]] = {
        "copydesk clean_html": lambda html, url: clean_html(html, url).title or "",
        "readability title()": lambda html, url: Document(html).title() or "",
        "readability short_title()": lambda html, url: Document(html).short_title() or "",
        "trafilatura metadata": lambda html, url: trafilatura_title(html),
    }
    counts = {name: [0, 0] for name in extractors}  # missing, carries the site name
    for page_id, item in truth.items():
        with gzip.open(args.folder / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as f:
            html = f.read()
        names = site_names(html, item["url"])
        for name, extract in extractors.items():
            try:
                title = " ".join(extract(html, item["url"]).split())
            except Exception:  # a failure is a missing title here, not a crash
                title = ""
            counts[name][0] += not title
            counts[name][1] += bool(title) and carries_site_name(title, names)
            if args.show and name.startswith("copydesk"):
                flag = "SITE" if title and carries_site_name(title, names) else "    "
                print(f"{flag} {page_id[:12]} {title!r}")
    pages = len(truth)
    print(f"{pages} pages from {args.folder}\n")
    print("| extractor | no title | site name kept | clean headline |")
    print("| --- | ---: | ---: | ---: |")
    for name, (missing, site) in counts.items():
        clean = (pages - missing - site) / pages
        print(f"| {name} | {missing} | {site} | {clean:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
