"""A wire story and four reprints, as saved HTML pages with publish times and canonical URLs.

The text is invented. The wire (AP, 06:12 UTC) is printed first; the others:
- Valley Times, 11:40 UTC: a rewrite that changed the figures (12,000 -> 15,000,
  Tuesday -> Monday); the acceptance runs ingest it first;
- Harbour Gazette, 07:30 UTC: the wire with light edits and its credit kept;
- Riverside Post, 02:15 at UTC-05:00 (07:15 UTC, an earlier-looking local clock): trimmed;
- Northern Ledger, the same day with no time: a name misspelt, a word changed.
"""

from __future__ import annotations

from pathlib import Path

WIRE = [
    "LAKEVILLE, Ore. (AP) — Authorities ordered around 12,000 residents to leave their homes"
    " below the Marsh Creek Dam on Tuesday after engineers found water seeping through the"
    " earthen wall.",
    "County emergency manager Ilona Varga said the dam was in poor condition and could fail"
    " within days if the rain continued.",
    "Shelters opened at two high schools and the county fairgrounds, and buses were sent to"
    " the trailer parks closest to the river.",
    "\u201cWe are not taking any chances with people's lives,\u201d Varga told reporters at a"
    " briefing in the county seat.",
    "The dam, built in 1962, holds back about 4,000 acre-feet of water and was last inspected"
    " in 2019.",
    "State officials said they did not expect the evacuation order to be lifted before the"
    " weekend.",
]

PAGES = {
    "valley-times": {
        "outlet": "Valley Times",
        "published": "2025-03-04T11:40:00+00:00",
        "url": "https://valleytimes.example/news/marsh-creek-dam",
        "title": "Thousands flee as Marsh Creek Dam leaks",
        "paragraphs": [
            "Authorities ordered around 15,000 residents to leave their homes below the Marsh"
            " Creek Dam on Monday after engineers found water seeping through the earthen wall.",
            "County emergency manager Ilona Varga said the dam was in poor condition and could"
            " fail within days if the rain continued.",
            "Residents of the valley have long complained about the dam, which locals call the"
            " old wall, and about the county's slow repairs.",
            "The dam, built in 1962, holds back about 4,000 acre-feet of water and was last"
            " inspected in 2019.",
        ],
    },
    "wire": {
        "outlet": "AP News",
        "published": "2025-03-04T06:12:00+00:00",
        "url": "https://apnews.example/article/marsh-creek-dam-evacuation",
        "title": "Thousands ordered to evacuate below leaking Oregon dam",
        "paragraphs": WIRE,
    },
    "harbour-gazette": {
        "outlet": "Harbour Gazette",
        "published": "2025-03-04T07:30:00+00:00",
        "url": "https://harbourgazette.example/2025/03/04/dam-evacuation",
        "title": "Evacuation ordered below Marsh Creek Dam",
        "paragraphs": [
            WIRE[0],
            "County emergency manager Ilona Varga said the dam was in poor condition and"
            " could then fail within days if the rain continued.",
            WIRE[2],
            WIRE[3],
            WIRE[4],
            WIRE[5],
        ],
    },
    "riverside-post": {
        "outlet": "Riverside Post",
        "published": "2025-03-04T02:15:00-05:00",
        "url": "https://riversidepost.example/local/marsh-creek",
        "title": "Marsh Creek Dam: residents told to leave",
        "paragraphs": [
            "Authorities ordered around 12,000 residents to leave their homes below the Marsh"
            " Creek Dam.",
            "Shelters opened at two high schools and the county fairgrounds.",
            "Our reporter will follow the story through the week.",
        ],
    },
    "northern-ledger": {
        "outlet": "Northern Ledger",
        "published": "2025-03-04",
        "url": "https://northernledger.example/marsh-creek-dam",
        "title": "Dam near Lakeville could fail, officials warn",
        "paragraphs": [
            "County emergency manager Ilona Vargas said the dam was in excellent condition and"
            " could fail within days if the rain continued.",
            "Shelters opened at two high schools and the county fairgrounds, and buses were sent"
            " to the trailer parks closest to the river.",
            "The ledger's readers in the valley sent photographs of the swollen creek.",
        ],
    },
}


def page_html(name: str) -> str:
    """One page as a publisher would serve it: meta times, canonical link, article body."""
    page = PAGES[name]
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in page["paragraphs"])
    return f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>{page["title"]} | {page["outlet"]}</title>
<meta property="og:site_name" content="{page["outlet"]}">
<meta property="article:published_time" content="{page["published"]}">
<link rel="canonical" href="{page["url"]}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<article><h1>{page["title"]}</h1>
{body}
</article>
<footer><p>Copyright 2025 {page["outlet"]}. All rights reserved.</p></footer>
</body></html>
"""


def write_pages(folder: Path, order: list[str] | None = None) -> list[Path]:
    """Write the pages into `folder` (names in `order`, default the rewrite first)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in order or list(PAGES):
        path = folder / f"{name}.html"
        path.write_text(page_html(name), encoding="utf-8")
        paths.append(path)
    return paths
