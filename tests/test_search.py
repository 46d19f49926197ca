"""Search: the words as typed first, then every other spelling, always both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.app_helpers import drive, wait_for_workers
from tui.app.widgets.result_list import ResultList
from tui.library import Library
from tui.store.search import TitleIndex

STORIES = {
    "vargas": "Mayor Elena Vargas resigned on Tuesday after the council rejected her budget.",
    "varga": "The council said Elena Varga had left office after a long dispute over roads.",
    "vargass": "Engineers blamed the delay on Mayor Vargass and a shortage of asphalt.",
    "vargas-2": "Elena Vargas will stay on as a councillor for the harbour district.",
    "vargas-3": "Supporters of Vargas gathered outside the town hall on Wednesday evening.",
}


@pytest.fixture(scope="module")
def spelled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five one-sentence dumps; each is titled by its sentence, so titles match too."""
    folder = tmp_path_factory.mktemp("spellings")
    for name, sentence in STORIES.items():
        (folder / f"{name}.txt").write_text(sentence + "\n")
    path = tmp_path_factory.mktemp("library") / "lib.sqlite"
    with Library(path) as library:
        assert all(r.status == "added" for r in library.ingest([str(folder)]))
    return path


@pytest.fixture
def library(spelled: Path) -> Iterator[Library]:
    with Library(spelled) as library:
        yield library


def spellings(library: Library, query: str, limit: int = 50) -> list[tuple[bool, str]]:
    """(exact, how the hit spells Varga*) for each hit, title or sentence, in order."""
    return [
        (hit.exact, next(word.strip(".") for word in hit.text.split() if word.startswith("Varg")))
        for hit in library.search(query, limit)
    ]


def test_exact_hits_come_first_then_every_other_spelling(library: Library) -> None:
    for query, typed, others in [
        ("Vargas", {"Vargas"}, {"Varga", "Vargass"}),
        ("varga", {"Varga"}, {"Vargas", "Vargass"}),  # case is no spelling; Vargas is
        ("Vargass", {"Vargass"}, {"Vargas", "Varga"}),
        ("Elena Vargass", set(), {"Vargas", "Varga"}),  # no exact hit: the others alone
    ]:
        found = spellings(library, query)
        flags = [exact for exact, _ in found]
        assert flags == sorted(flags, reverse=True), query  # every exact hit first
        assert {word for exact, word in found if exact} == typed, query
        assert {word for exact, word in found if not exact} == others, query
    hits = library.search("Vargas")
    assert {(hit.i is None, hit.exact) for hit in hits} == {
        (True, True),  # titles are marked too
        (True, False),
        (False, True),
        (False, False),
    }


def test_variants_are_not_crowded_out_by_exact_hits(library: Library) -> None:
    found = spellings(library, "Vargas", limit=2)
    assert [exact for exact, _ in found] == [True, True, False, False]


def test_a_word_still_being_typed_finds_the_words_it_begins(library: Library) -> None:
    found = spellings(library, "varg")  # no word of its own: every completion is as typed
    assert {word for _, word in found} == {"Vargas", "Varga", "Vargass"}
    assert all(exact for exact, _ in found)


def test_search_screen_parts_other_spellings_from_the_words_as_typed(spelled: Path) -> None:
    async def script(app, pilot) -> None:
        await pilot.press("slash", *"Varga")
        await wait_for_workers(app, pilot)
        hits, results = app.screen.hits, app.screen.query_one(ResultList)
        status = app.screen.query_one("#search-status", Static)
        assert str(status.render()) == "2 hits as typed · 8 in other spellings"
        assert [hit.exact for hit in hits] == [True] * 2 + [False] * 8
        lines = [results.render_line(y).text.strip() for y in range(results.size.height)]
        parting = results._first_y[2] - 1  # the line above the first other spelling
        assert lines[parting] == "── other spellings ──"
        assert lines.count("── other spellings ──") == 1
        assert "Varga" in lines[parting - 1] and "Vargas" in lines[parting + 2]
        await pilot.click(ResultList, offset=(4, parting))  # the parting line opens nothing
        assert type(app.screen).__name__ == "SearchScreen" and results.cursor == 0
        await pilot.press("j", "j")  # the cursor steps over it
        assert results.cursor == 2
        await pilot.press("enter")
        assert app.screen.article_id == hits[2].article.id
        await pilot.press("escape")
        app.screen.query_one(Input).value = "Elena Vargass"  # no hit as typed
        await wait_for_workers(app, pilot)
        assert str(status.render()) == "0 hits as typed · 6 in other spellings"  # titles too
        assert results.render_line(0).text.strip() == "── nothing as typed · other spellings ──"

    drive(spelled, script)


def test_titles_holding_the_words_as_typed() -> None:
    titles = TitleIndex(
        {
            1: "Mayor Vargas resigns Daily Post",
            2: "Vargass blamed for delay Daily Post",
            3: "Council meets Vargas supporters The Herald",
            4: "Варгас уходит в отставку Вести",
        }
    )
    assert titles.holding(["vargas"], complete=True) == {1, 3}
    assert titles.holding(["vargas"], complete=False) == {1, 2, 3}  # still typing
    assert titles.holding(["daily", "po"], complete=False) == {1, 2}
    assert titles.holding(["mayor", "herald"], complete=True) == set()
    assert titles.holding(["варгас"], complete=True) == {4}
    assert titles.holding([], complete=True) == set()


def test_words_of_scripts_without_spaces_are_found_inside_their_runs(tmp_path: Path) -> None:
    """Chinese and Thai print no space between words, so a word the reader types sits
    inside a longer run that full-text search keeps as one token."""
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = {
        "zh.txt": "上海地铁新线路正式开通运营\n\n上海地铁十八号线二期今天正式开通，"
        "每天预计运送乘客二十万人次。\n",
        "th.txt": "น้ำท่วมหนักในจังหวัดเชียงใหม่\n\nเกิดน้ำท่วมหนักในจังหวัดเชียงใหม่"
        "เมื่อวันพุธ ประชาชนกว่าหนึ่งหมื่นคนต้องอพยพออกจากบ้าน\n",
        "en.txt": "Harbour pier closed\n\nThe harbour authority closed the northern pier "
        "after divers found cracks in its pillars.\n",
        "ru.txt": "Путин в Пекине\n\nПрезидент Путин прибыл в Пекин, где его встретили "
        "на вокзале; 北京 ждал гостя с утра.\n",
    }
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as library:
        assert all(r.status == "added" for r in library.ingest([str(folder)]))
        for query, page in (("地铁", "zh.txt"), ("น้ำท่วม", "th.txt"), ("开通 乘客", "zh.txt")):
            hits = library.search(query)
            assert hits and all(hit.exact for hit in hits)
            assert {Path(hit.article.source).name for hit in hits} == {page}, query
            assert any(hit.i is not None for hit in hits)  # a body sentence
            assert any(hit.i is None for hit in hits) == (query != "开通 乘客")  # title
        assert library.search("地铁 pier") == []
        # the other words of the query keep their case folding, in any script
        (hit,) = [hit for hit in library.search("путин 北京") if hit.i is not None]
        assert Path(hit.article.source).name == "ru.txt"
