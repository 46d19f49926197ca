"""Boilerplate learned from the library: an outlet's stock lines are not shared text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.library import BoilerplateLine, Library
from tui.match import boilerplate

PITCH = "Readers can send the newsroom tips at any hour of the day through the contact page."
STORIES = {
    "ferry": [
        "The island ferry will stop running on Sundays from next month, the operator said.",
        "Fewer than forty passengers a week used the Sunday crossing last winter.",
        "Shopkeepers on the island said the change would cut them off from weekend visitors.",
    ],
    "library": [
        "The town library reopened on Monday after a two-year renovation of its reading rooms.",
        "Volunteers carried more than ten thousand books back onto the new oak shelves.",
        "The mayor cut a ribbon at the front steps while a brass band played on the lawn.",
    ],
    "orchard": [
        "A late frost destroyed most of the apple blossom in the valley orchards this spring.",
        "Growers expect the smallest harvest in twenty years and fear for their seasonal staff.",
        "The regional farm office has promised emergency loans to the worst hit families.",
    ],
    "bridge": [
        "Engineers closed the old rail bridge after finding cracks in two of its stone piers.",
        "Trains between the two market towns will be replaced by buses for at least a month.",
        "The rail company said repairs would begin as soon as divers had checked the riverbed.",
    ],
}


def page(folder: Path, name: str, outlet: str | None, sentences: list[str]) -> Path:
    meta = f'<meta property="og:site_name" content="{outlet}">' if outlet else ""
    body = "".join(f"<p>{s}</p>" for s in sentences)
    path = folder / f"{name}.html"
    path.write_text(
        f"<html><head><title>{name}</title>{meta}</head><body><article><h1>{name}</h1>"
        f"{body}</article></body></html>"
    )
    return path


def gazette(folder: Path, *names: str) -> list[Path]:
    """One Harbour Gazette page per story name, each ending with the pitch."""
    return [page(folder, name, "Harbour Gazette", STORIES[name] + [PITCH]) for name in names]


def ingest(library: Library, *paths: Path) -> None:
    for path in paths:
        results = list(library.ingest([str(path)]))
        assert [r.status for r in results] == ["added"], results


def pitch_sentences(library: Library) -> list[tuple[int, bool]]:
    """(article id, matched anywhere) of every stored copy of the pitch, and the flag agrees."""
    found = []
    for row in library.articles():
        matched = {m.a_i for m in library.matches(row.id)}
        for sentence in library.sentences(row.id):
            if sentence.text == PITCH:
                found.append((row.id, sentence.i in matched))
        assert row.shared_count == len(matched)
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    return tmp_path / "pages"


def test_a_line_only_one_outlet_prints_is_boilerplate_after_three_unrelated_stories(
    folder: Path, tmp_path: Path
) -> None:
    """Learned from many stories: two that share a line may be two stories of one wire
    that repeats its background paragraphs; a third unrelated one makes it furniture."""
    with Library(tmp_path / "lib.sqlite") as library:
        ferry, bridge, orchard, library_story = gazette(
            folder, "ferry", "bridge", "orchard", "library"
        )
        ingest(library, ferry)
        ingest(library, bridge)
        # one outlet's pages never match each other: the pitch is not shared yet either
        assert [shared for _, shared in pitch_sentences(library)] == [False, False]
        assert library.boilerplate() == []
        ingest(library, orchard)
        assert library.boilerplate() == [BoilerplateLine(PITCH, "harbour gazette", 3)]
        assert not any(shared for _, shared in pitch_sentences(library))
        assert all(row.shared_count == 0 for row in library.articles())
        assert library.derived() == {}
        ingest(library, library_story)  # a fourth story never matches it
        assert len(pitch_sentences(library)) == 4
        assert not any(shared for _, shared in pitch_sentences(library))


def test_background_two_stories_of_one_outlet_share_is_not_boilerplate(
    folder: Path, tmp_path: Path
) -> None:
    """A wire repeats its background paragraph under every story of a running event, and
    an outlet prints two of them: that paragraph is story text, shared."""
    background = STORIES["bridge"][2]
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            page(folder, "a", "Harbour Gazette", STORIES["ferry"] + [background]),
            page(folder, "b", "Harbour Gazette", STORIES["orchard"] + [background]),
        )
        assert library.boilerplate() == []


def test_a_line_other_outlets_print_too_is_story_text(folder: Path, tmp_path: Path) -> None:
    """A line one outlet prints under three stories but another outlet prints as well (a
    wire's background paragraph, a quote) is not the outlet's furniture."""
    background = STORIES["bridge"][2]
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            page(folder, "wire", "Valley Post", STORIES["bridge"]),
            *(
                page(folder, name, "Harbour Gazette", STORIES[name] + [background])
                for name in ("ferry", "orchard", "library")
            ),
        )
        assert library.boilerplate() == []


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2)])
def test_what_is_learned_does_not_depend_on_ingest_order(
    folder: Path, tmp_path: Path, order: tuple[int, ...]
) -> None:
    pages = [
        page(folder, "ferry", "Harbour Gazette", STORIES["ferry"] + [PITCH]),
        page(folder, "bridge", "Harbour Gazette", STORIES["bridge"] + [PITCH]),
        page(folder, "orchard", "Harbour Gazette", STORIES["orchard"] + [PITCH]),
        page(folder, "reprint", "Valley Post", STORIES["ferry"]),
    ]
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(library, *(pages[n] for n in (*order, 3)))
        assert library.boilerplate() == [BoilerplateLine(PITCH, "harbour gazette", 3)]
        assert not any(shared for _, shared in pitch_sentences(library))


def test_an_update_that_edits_most_sentences_is_still_one_story(
    folder: Path, tmp_path: Path
) -> None:
    """Versions are told by their matches, not only by sentences kept word for word."""
    first = STORIES["bridge"] + STORIES["ferry"][:2] + [PITCH]
    edited = [
        first[0].replace("Engineers closed", "Engineers have closed"),
        first[1].replace("at least a month", "at least six weeks"),
        first[2].replace("said repairs", "says repairs"),
        first[3].replace("next month", "next month onwards"),
        first[4],
        PITCH,
    ]
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            page(folder, "v1", "Harbour Gazette", first),
            page(folder, "v2", "Harbour Gazette", edited),
            page(folder, "v3", "Harbour Gazette", edited[:2] + STORIES["orchard"] + [PITCH]),
        )
        assert library.boilerplate() == []


def test_a_brief_does_not_join_unrelated_stories_into_one(folder: Path, tmp_path: Path) -> None:
    """One line of news and the pitch shares half its lines with everything; it joins nothing."""
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            page(folder, "brief", "Harbour Gazette", STORIES["library"][:1] + [PITCH]),
            page(folder, "ferry", "Harbour Gazette", STORIES["ferry"] + [PITCH]),
            page(folder, "bridge", "Harbour Gazette", STORIES["bridge"] + [PITCH]),
            page(folder, "orchard", "Harbour Gazette", STORIES["orchard"] + [PITCH]),
        )
        assert library.boilerplate() == [BoilerplateLine(PITCH, "harbour gazette", 3)]


def test_a_deleted_article_neither_teaches_nor_keeps_a_line(folder: Path, tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(library, page(folder, "ferry", "Harbour Gazette", STORIES["ferry"] + [PITCH]))
        (first,) = library.articles()
        library.delete(first.id)
        ingest(library, page(folder, "bridge", "Harbour Gazette", STORIES["bridge"] + [PITCH]))
        assert library.boilerplate() == []  # one live story only


def test_the_same_line_from_other_outlets_is_not_shared_either(
    folder: Path, tmp_path: Path
) -> None:
    """Boilerplate is a property of the text: a reprint of the outlet's footer elsewhere too."""
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            *gazette(folder, "ferry", "bridge", "orchard"),
        )
        reprint = page(folder, "reprint", "Valley Post", STORIES["ferry"] + [PITCH])
        ingest(library, reprint)
        (row,) = [r for r in library.articles() if r.outlet == "Valley Post"]
        matched = {m.a_i for m in library.matches(row.id)}
        shared = [s.text for s in library.sentences(row.id) if s.i in matched]
        assert shared == STORIES["ferry"]  # the story is wire copy; the footer is not


def test_versions_of_one_story_keep_their_shared_sentences(folder: Path, tmp_path: Path) -> None:
    """Three updates of one story by one outlet are one story, not three."""
    with Library(tmp_path / "lib.sqlite") as library:
        first = STORIES["bridge"]
        second = first + ["Passengers were told to allow an extra hour for the bus journey."]
        third = second + ["A spokesman said the bridge was last inspected eighteen months ago."]
        ingest(
            library,
            *(
                page(folder, f"bridge-{n}", "Harbour Gazette", text + [PITCH])
                for n, text in enumerate((first, second, third))
            ),
        )
        assert library.boilerplate() == []


def test_unknown_outlets_never_make_boilerplate(folder: Path, tmp_path: Path) -> None:
    """Saved pages that do not name their outlet: a quote several of them carry stays shared."""
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            *(page(folder, name, None, STORIES[name] + [PITCH]) for name in STORIES),
        )
        assert all(shared for _, shared in pitch_sentences(library))


def test_a_library_stored_before_boilerplate_was_learned_is_scanned_once(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite"
    monkeypatch.setattr(boilerplate, "MIN_STORIES", 99)  # as if stored by an older copydesk
    with Library(path) as library:
        ingest(
            library,
            *gazette(folder, "ferry", "bridge", "orchard"),
        )
        assert library.boilerplate() == []
        library.conn.execute("INSERT INTO scans (name) VALUES ('boilerplate')")
    monkeypatch.undo()
    with Library(path) as library:
        assert not any(shared for _, shared in pitch_sentences(library))
        assert [line.text for line in library.boilerplate()] == [PITCH]
        assert library.conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("outlet", "source", "key"),
    [
        ("  Harbour   GAZETTE ", "/pages/a.html", "harbour gazette"),
        ("ＢＢＣ News", "/pages/a.html", "bbc news"),
        (None, "https://www.example.org/news/1", "example.org"),
        (None, "/pages/a.html", None),
        ("", "-", None),
    ],
)
def test_outlet_key(outlet: str | None, source: str, key: str | None) -> None:
    assert boilerplate.outlet_key(outlet, source) == key


def test_export_lists_the_boilerplate(folder: Path, tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            *gazette(folder, "ferry", "bridge", "orchard"),
        )
        assert library.export()["boilerplate"] == [
            {"text": PITCH, "outlet": "harbour gazette", "stories": 3}  # learned at the third
        ]
        assert library.export()["matches"] == []


ARABIC_FOOTER = "تابعوا آخر الأخبار العاجلة على تطبيق الجريدة المجاني في كل وقت ومن أي مكان."
ARABIC_STORIES = [
    [
        "افتتحت البلدية جسرا جديدا فوق النهر صباح الاثنين بعد عامين من الأعمال.",
        "وقال رئيس البلدية إن الجسر سيختصر الطريق إلى السوق بنصف ساعة.",
    ],
    [
        "ضربت عاصفة رملية قوية المدن الساحلية وأغلقت المطار لساعات طويلة.",
        "وحذرت هيئة الأرصاد السائقين من قلة الرؤية على الطرق السريعة.",
    ],
    [
        "فاز فريق المدينة بكأس البطولة بعد مباراة نهائية مثيرة أمام جمهور كبير.",
        "واحتفل اللاعبون مع المشجعين في الساحة الرئيسية حتى منتصف الليل.",
    ],
]


def test_an_arabic_footer_is_learned_like_any_other(folder: Path, tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        ingest(
            library,
            *(
                page(folder, f"ar{n}", "الجريدة", story + [ARABIC_FOOTER])
                for n, story in enumerate(ARABIC_STORIES)
            ),
        )
        assert [line.text for line in library.boilerplate()] == [ARABIC_FOOTER]
        assert all(not library.matches(row.id) for row in library.articles())
