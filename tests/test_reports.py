"""Reports for people: `export --format csv|md|html` and `compare --format md|html`,
and that nothing from an article can run in them."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from tui.cli import main
from tui.library import Library

OMMCOM, WIRE_OCTOBER = 2, 4  # ids follow the seeds' ingest order


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return status, out, err


def output(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    status, out, err = run(capsys, db, *args)
    assert status == 0, err
    return out


class Inert(HTMLParser):
    """Everything in a page that could run or load something."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []  # on* attributes
        self.hrefs: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src", "action")]
        if (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")


def assert_inert(page: str) -> Inert:
    found = Inert()
    found.feed(page)
    found.close()
    assert not {"script", "img", "iframe", "object", "embed", "form", "base"} & set(found.tags)
    assert found.handlers == []
    assert all(href.startswith(("http://", "https://")) for href in found.hrefs), found.hrefs
    return found


def assert_strict_csp(page: str) -> None:
    (policy,) = assert_inert(page).csp
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'" and "script-src" not in rules
    assert rules["style-src"].startswith("'sha256-")


# -- the seeds ---------------------------------------------------------------------


def test_export_json_stays_the_default_and_json_is_an_alias(capsys, seeded: Path) -> None:
    plain = output(capsys, seeded, "export")
    assert plain == output(capsys, seeded, "export", "--json")
    assert plain == output(capsys, seeded, "export", "--format", "json")
    assert len(json.loads(plain)["articles"]) == 5


@pytest.mark.parametrize(
    "args", [["export", "--format", "pdf"], ["export", "--json", "--format", "csv"]]
)
def test_a_bad_or_doubled_format_is_a_usage_error(capsys, seeded: Path, args) -> None:
    status, out, err = run(capsys, seeded, *args)
    assert status == 2 and out == "" and "usage: copydesk" in err


def test_export_csv_is_a_row_per_article(capsys, seeded: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(output(capsys, seeded, "export", "--format", "csv"))))
    listed = json.loads(output(capsys, seeded, "list", "--json"))
    assert [int(row["id"]) for row in rows] == [article["id"] for article in listed]
    assert list(rows[0]) == [
        "id", "outlet", "title", "published", "url", "byline", "credit", "words", "share", "from",
        "quotes",
    ]  # fmt: skip
    for row, article in zip(rows, listed, strict=True):
        assert row["title"] == article["title"] and row["outlet"] == (article["outlet"] or "")
        assert int(row["words"]) == article["words"]
        derived = article["derived"]
        assert row["from"] == (str(derived[0]["from"]) if derived else "")
        assert row["quotes"] == (str(derived[0]["quotes"]) if derived else "")
        assert row["share"] == (f"{derived[0]['share']:.3f}" if derived else "")
    october = next(row for row in rows if int(row["id"]) == WIRE_OCTOBER)
    assert october["from"] == str(OMMCOM) and float(october["share"]) > 0.3


def test_export_markdown_lists_articles_and_who_printed_first(capsys, seeded: Path) -> None:
    page = output(capsys, seeded, "export", "--format", "md")
    groups = json.loads(output(capsys, seeded, "shared", "--json"))
    assert page.startswith("# Copydesk library\n")
    assert "| 4 | unknown outlet | Russia welcomes new Japanese govt's push" in page
    assert "47% from Ommcom News, 2025-07-15 (\\#2)" in page
    numbered = [line for line in page.splitlines() if re.match(r"\d+\. ", line)]
    assert len(numbered) == len(groups)
    assert page.count("first: order unknown, same day: \\#2 Ommcom News") >= 1
    rendered = lxml_html.fromstring(MarkdownIt("commonmark").enable("table").render(page))
    assert len(rendered.xpath("//table//tbody/tr")) == 5


def test_export_html_lists_articles_and_groups(capsys, seeded: Path) -> None:
    page = output(capsys, seeded, "export", "--format", "html")
    assert_strict_csp(page)
    tree = lxml_html.fromstring(page)
    assert len(tree.xpath("//table/tbody/tr")) == 5
    groups = json.loads(output(capsys, seeded, "shared", "--json"))
    items = tree.xpath("//ol[@class='groups']/li")
    assert len(items) == len(groups)
    assert items[0].xpath("string(blockquote)") == groups[0]["text"]
    assert "First: order unknown, same day: #2 Ommcom News" in items[0].text_content()


def test_compare_html_has_two_columns_kinds_and_word_changes(capsys, seeded: Path) -> None:
    page = output(capsys, seeded, "compare", str(OMMCOM), str(WIRE_OCTOBER), "--format", "html")
    assert_strict_csp(page)
    data = json.loads(output(capsys, seeded, "compare", "--json", "2", "4"))
    tree = lxml_html.fromstring(page)
    rows = tree.xpath("//table[@class='compare']/tbody/tr")
    assert len(rows) == len(data["rows"])
    for row, expected in zip(rows, data["rows"], strict=True):
        left, right = (
            row.xpath("td[contains(@class, 'left')]"),
            row.xpath("td[contains(@class, 'right')]"),
        )
        assert len(left) == len(right) == 1
        assert row.get("class") == (expected["kind"] or "unshared")
        if expected["kind"] == "exact":
            assert left[0].text_content() == expected["left"]["text"]
    kinds = [row.get("class") for row in rows]
    assert kinds.count("exact") == 3 and kinds.count("near") == 4
    war = next(row for row in rows if "archipelago" in row.text_content())
    assert war.xpath(".//td[contains(@class, 'left')]//del/text()") == ["the"]
    assert war.xpath(".//td[contains(@class, 'right')]//ins/text()") == ["World", "II,"]
    assert "changed: added World II (name)" in war.text_content()
    heads = [th.text_content() for th in tree.xpath("//thead//th")]
    assert heads[0].startswith("#2 Ommcom News, 2025-07-15") and heads[2].startswith("#4 ")
    assert "#4: 47% from Ommcom News" in tree.xpath("string(//p[@class='summary'])")


def test_compare_markdown_marks_changed_words(capsys, seeded: Path) -> None:
    page = output(capsys, seeded, "compare", "2", "4", "--format", "md")
    assert page.startswith("# Compare #2 and #4\n")
    war = next(line for line in page.splitlines() if "archipelago" in line)
    assert (
        war.startswith("| After ~~the~~ war,") and "| ~ near | After **World** War **II,**" in war
    )
    assert "**changed:** added World II (name)" in war
    rendered = lxml_html.fromstring(
        MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(page)
    )
    assert {len(row.xpath("td")) for row in rendered.xpath("//tbody/tr")} == {3}
    war = next(row for row in rendered.xpath("//tbody/tr") if "archipelago" in row.text_content())
    assert war.xpath("td[1]/s/text()") == ["the"]
    assert war.xpath("td[3]/strong/text()") == ["World", "II,", "changed:"]


# -- hostile articles --------------------------------------------------------------

HOSTILE = [
    "The harbour authority said the new breakwater &lt;script&gt;alert(1)&lt;/script&gt; "
    "would protect the eastern docks from winter storms for decades.",
    "Engineers placed &lt;img src=x onerror=alert(1)&gt; twelve thousand concrete blocks "
    "along the seaward face during the summer months.",
    "Residents can read the full plan at [link](javascript:alert(1)) or at the town hall "
    "on weekdays until the end of March.",
    "The mayor said the project | had come in under budget and ahead of the schedule agreed "
    "with the contractors last year.",
]


def _page(title: str, site: str, url: str, body: list[str], date: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<link rel="canonical" href="{url}">'
        f'<meta property="article:published_time" content="{date}">'
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Two pages whose titles and text carry markup, handlers and javascript: links,
    the second a light edit of the first (near copies, so word diffs of hostile words)."""
    edited = list(HOSTILE)
    edited[0] = edited[0].replace("new breakwater", "long new breakwater")
    edited[3] = edited[3].replace("and ahead", "and well ahead")
    (tmp_path / "a.html").write_text(
        _page(
            "Breakwater &lt;script&gt;alert(1)&lt;/script&gt; finished",
            "=HYPERLINK(&quot;http://x&quot;)",
            "javascript:alert(1)",
            HOSTILE,
            "2025-03-01T09:00:00+00:00",
        )
    )
    (tmp_path / "b.html").write_text(
        _page(
            "Harbour &lt;img src=x onerror=alert(1)&gt; wall done",
            "Coast Times",
            "https://example.com/harbour",
            edited,
            "2025-03-02T09:00:00+00:00",
        )
    )
    db = tmp_path / "hostile.sqlite"
    with Library(db) as library:
        sources = [str(tmp_path / "a.html"), str(tmp_path / "b.html")]
        assert [r.status for r in library.ingest(sources)] == ["added", "added"]
    return db


def test_hostile_articles_give_inert_html(capsys, hostile: Path) -> None:
    for args in (["compare", "1", "2", "--format", "html"], ["export", "--format", "html"]):
        page = output(capsys, hostile, *args)
        assert_strict_csp(page)
        assert "<script" not in page and "<img" not in page
        text = lxml_html.fromstring(page).text_content()
        assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
        assert "[link](javascript:alert(1))" in text  # shown, never a link
        found = assert_inert(page)
        assert found.hrefs == ["https://example.com/harbour"]
    page = output(capsys, hostile, "compare", "1", "2", "--format", "html")
    assert lxml_html.fromstring(page).xpath("//tbody//ins/text()") == ["long", "well"]


def test_hostile_articles_give_inert_markdown(capsys, hostile: Path) -> None:
    for args in (["compare", "1", "2", "--format", "md"], ["export", "--format", "md"]):
        page = output(capsys, hostile, *args)
        # raw HTML allowed: only the escaping keeps the article's markup out
        rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(page)
        found = assert_inert(rendered)
        assert found.hrefs in ([], ["https://example.com/harbour"])
        tree = lxml_html.fromstring(rendered)
        text = tree.text_content()
        assert "<script>alert(1)</script>" in text and "[link](javascript:alert(1))" in text
        assert "project | had come" in text
        if args[0] == "compare":
            assert {len(row.xpath("td")) for row in tree.xpath("//tbody/tr")} == {3}


def test_csv_cells_never_start_a_formula(capsys, hostile: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(output(capsys, hostile, "export", "--format", "csv"))))
    assert rows[0]["outlet"] == '\'=HYPERLINK("http://x")'
    assert rows[1]["title"] == "Harbour <img src=x onerror=alert(1)> wall done"
    assert rows[0]["url"] == "" and rows[1]["url"] == "https://example.com/harbour"
    assert rows[1]["from"] == "1"


def test_reports_on_a_terminal_carry_no_escape_sequences(capsys, tmp_path: Path) -> None:
    story = "Escape \x1b[31mred\x1b[0m words.\n\nThe council met on Monday to agree the budget."
    (tmp_path / "story\x1b[2J.txt").write_text("Valley \x1b]0;title\x07Times\n\n" + story)
    db = tmp_path / "lib.sqlite"
    with Library(db) as library:
        list(library.ingest([str(tmp_path)]))
    for fmt in ("csv", "md", "html"):
        assert "\x1b" not in output(capsys, db, "export", "--format", fmt)
