"""Every script a newsroom reads: sentence ends, tokens and matching (tests/multilingual.py)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.multilingual import STORIES, articles, page
from tui.library import Library
from tui.match.shingles import pack, sentence_key, shingles_of, stable_hash
from tui.match.verify import verify
from tui.store.db import MIGRATIONS
from tui.text.normalize import WORD_PATTERN, fold, words
from tui.text.sentences import split_sentences

LANGUAGES = sorted(STORIES)
CASES = Path(__file__).resolve().parent.parent.parent / "shared" / "cases"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("multilingual")
    for language in LANGUAGES:
        for name, text in articles(language).items():
            path = folder / f"{language}-{name}.html"
            path.write_text(page(f"{name.title()} story ({language})", text), encoding="utf-8")
    library = Library(tmp_path_factory.mktemp("db") / "lib.sqlite")
    results = list(library.ingest([str(folder)]))
    assert [r.status for r in results] == ["added"] * len(results), results
    yield library
    library.close()


def _article(library: Library, language: str, name: str) -> int:
    (row,) = [r for r in library.articles() if r.source.endswith(f"/{language}-{name}.html")]
    return row.id


def _pairs(library: Library, language: str, name: str) -> dict[tuple[int, int], str]:
    """(i here, i in the wire) -> kind, for matches with the wire only."""
    here, wire = _article(library, language, name), _article(library, language, "wire")
    return {(m.a_i, m.b_i): m.kind for m in library.matches(here) if m.b_article == wire}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wire_story_is_three_sentences(library: Library, language: str) -> None:
    sentences = library.sentences(_article(library, language, "wire"))
    assert [s.text for s in sentences] == STORIES[language]["wire"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exact_copy_matches_every_sentence(library: Library, language: str) -> None:
    assert _pairs(library, language, "exact") == {(0, 0): "exact", (1, 1): "exact", (2, 2): "exact"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_copy_with_one_word_changed_is_near(library: Library, language: str) -> None:
    assert _pairs(library, language, "edited") == {(0, 0): "exact", (1, 1): "near", (2, 2): "exact"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unrelated_story_matches_nothing(library: Library, language: str) -> None:
    assert library.matches(_article(library, language, "unrelated")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "یہ پہلا جملہ ہے۔یہ دوسرا ہے؟ اور یہ تیسرا؛ آخری۔",
            ["یہ پہلا جملہ ہے۔", "یہ دوسرا ہے؟", "اور یہ تیسرا؛", "آخری۔"],
        ),
        ("यह पहला वाक्य है॥यह दूसरा है। और तीसरा।", ["यह पहला वाक्य है॥", "यह दूसरा है।", "और तीसरा।"]),
        ("এটি প্রথম বাক্য।এটি দ্বিতীয়।", ["এটি প্রথম বাক্য।", "এটি দ্বিতীয়।"]),
        (
            "ይህ አንድ ዓረፍተ ነገር ነው።ሁለተኛው ይሄ ነው። ሦስተኛው።",
            ["ይህ አንድ ዓረፍተ ነገር ነው።", "ሁለተኛው ይሄ ነው።", "ሦስተኛው።"],
        ),
        ("Սա առաջինն է։Սա երկրորդն է։ Վերջ։", ["Սա առաջինն է։", "Սա երկրորդն է։", "Վերջ։"]),
        (
            "大桥明年通车。费用约四亿元！你知道吗？",
            ["大桥明年通车。", "费用约四亿元！", "你知道吗？"],
        ),
        ("橋は来年開通する。費用は約四十億円だ。", ["橋は来年開通する。", "費用は約四十億円だ。"]),
    ],
)
def test_sentence_ends_of_every_script_with_or_without_a_space(text: str, expected) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted exclamation and its attribution, in scripts without case.
        ('"हर घर तक पानी पहुँचेगा!" बोले थे मंत्री। काम शुरू हुआ।', 2),
        ("«سيصل الماء إلى كل بيت!» قال الوزير. وبدأ العمل.", 2),
        ("“我们一定会赢！”队长说。比赛明天开始。", 2),
        # An honorific with a period where the sentence ends with a danda.
        ("उद्घाटन श्री. रमेश वर्मा ने किया। डॉ. शर्मा भी आए।", 2),
        # An acronym at a sentence end.
        ("The sanctions were imposed by the U.S. The ministry said it would respond.", 2),
        ("Он сказал: «Хватит!» Потом ушёл.", 2),
        # French spaces inside guillemets; German ordinal days.
        ("« Nous gagnerons ! » a-t-il dit. M. Dupont est arrivé hier.", 2),
        ("« C'est fini ! » Puis il est parti.", 2),
        ("Am 3. Oktober feiert Deutschland. Die Feier beginnt um 10 Uhr.", 2),
    ],
)
def test_quotes_abbreviations_and_acronyms(text: str, expected: int) -> None:
    assert len(split_sentences(text)) == expected, [s.text for s in split_sentences(text)]


def test_the_hindi_case_keeps_its_quote_and_honorific() -> None:
    path = CASES / "10_hindi_sentences.txt"
    if not path.exists():
        pytest.skip("../shared/cases is not beside this checkout")
    texts = [s.text for s in split_sentences(path.read_text(encoding="utf-8"))]
    (quoted,) = [t for t in texts if "पहुँचेगा" in t]
    assert quoted.startswith('"हर घर') and "श्री. रमेश कुमार वर्मा" in quoted
    assert quoted.endswith("के समय।")


def test_unspaced_scripts_are_keyed_by_characters() -> None:
    assert words("铁路停运 Beijing 2025") == ["铁", "路", "停", "运", "beijing", "2025"]
    assert words("สะพานใหม่")[:3] == ["ส", "ะ", "พ"]
    # Twelve characters are needed to match, not six "words" (a clause is one word).
    assert sentence_key("铁路部门表示列车停运").fold_hash is None  # ten characters
    assert sentence_key("铁路部门表示约有一百二十趟旅客列车停运").fold_hash is not None
    assert sentence_key("Short one here.").fold_hash is None


def test_word_counts_in_unspaced_scripts_count_characters() -> None:
    from tui.store.articles import word_count

    assert word_count("铁路部门表示，列车停运。") == 10  # characters, punctuation aside
    assert word_count("The bridge opens in 2025.") == 5
    assert word_count("東京 Tokyo 2025年") == 4  # 東 京, Tokyo, 年 (2025 rides with it)


# One sentence printed with and without marks a reader does not count as another
# word (written for these tests): (marked, bare).
MARKED_COPIES = {
    "arabic-harakat": (
        "اِفْتَتَحَتِ البَلَدِيَّةُ حَدِيقَةً عَامَّةً جَدِيدَةً قُرْبَ المَدْرَسَةِ الاِبْتِدَائِيَّةِ فِي الحَيِّ الشَّمَالِيِّ.",
        "افتتحت البلدية حديقة عامة جديدة قرب المدرسة الابتدائية في الحي الشمالي.",
    ),
    "arabic-tatweel": (
        "افتتحت البلديـــة حديقـة عامة جديدة قرب المدرسـة الابتدائية في الحي الشمالـــي.",
        "افتتحت البلدية حديقة عامة جديدة قرب المدرسة الابتدائية في الحي الشمالي.",
    ),
    "persian-zwnj": (
        "شهرداری می\u200cخواهد پارک\u200cهای تازه\u200cای در محله\u200cهای جنوبی شهر بسازد.",
        "شهرداری میخواهد پارکهای تازهای در محلههای جنوبی شهر بسازد.",
    ),
    "hebrew-niqqud": (
        "הָעִירִיָּה פָּתְחָה גַּן צִבּוּרִי חָדָשׁ לְיַד בֵּית הַסֵּפֶר הַיָּשָׁן בַּשְּׁכוּנָה.",
        "העיריה פתחה גן צבורי חדש ליד בית הספר הישן בשכונה.",
    ),
}
# A changed vowel sign is another word: the village fair (मेला), not dirt (मैला).
HINDI_FAIR = "गाँव का मेला इस साल पहले से कहीं बड़ा और रंगीन था।"
HINDI_DIRT = "गाँव का मैला इस साल पहले से कहीं बड़ा और रंगीन था।"


@pytest.mark.parametrize("name", sorted(MARKED_COPIES))
def test_a_copy_with_reading_marks_is_exact(name: str) -> None:
    marked, bare = MARKED_COPIES[name]
    verdict = verify(marked, bare)
    assert verdict is not None and verdict.kind == "exact"


def test_a_changed_hindi_vowel_sign_is_not_exact() -> None:
    verdict = verify(HINDI_FAIR, HINDI_DIRT)
    assert verdict is None or verdict.kind != "exact"


def _ingest_pair(tmp_path: Path, first: str, second: str) -> tuple[Library, list[int]]:
    """Two plain-text pages (a title line, a blank line, the sentence), ingested."""
    sources = []
    for name, text in (("first", first), ("second", second)):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name.title()} page\n\n{text}\n", encoding="utf-8")
        sources.append(str(path))
    library = Library(tmp_path / "lib.sqlite")
    results = list(library.ingest(sources))
    assert [r.status for r in results] == ["added", "added"], results
    return library, [r.article_id for r in results]


@pytest.mark.parametrize("name", sorted(MARKED_COPIES))
def test_a_library_matches_a_marked_copy_exactly_and_keeps_its_marks(
    tmp_path: Path, name: str
) -> None:
    marked, bare = MARKED_COPIES[name]
    library, (first, second) = _ingest_pair(tmp_path, marked, bare)
    try:
        assert [m.kind for m in library.matches(first)] == ["exact"]
        # folding is for matching: the reader sees each sentence as printed
        assert [s.text for s in library.sentences(first)] == [marked]
        assert [s.text for s in library.sentences(second)] == [bare]
        row = library.article(first)
        assert row is not None and marked in row.text
    finally:
        library.close()


def test_a_library_does_not_call_a_changed_hindi_vowel_sign_exact(tmp_path: Path) -> None:
    library, (first, _) = _ingest_pair(tmp_path, HINDI_FAIR, HINDI_DIRT)
    try:
        assert "exact" not in [m.kind for m in library.matches(first)]
    finally:
        library.close()


def _fold_keeping_marks(text: str) -> str:
    """Folding as it was before reading marks were dropped (enough for text without quotes)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def test_a_library_folded_before_reading_marks_were_dropped_is_rekeyed(tmp_path: Path) -> None:
    marked, bare = MARKED_COPIES["arabic-harakat"]
    stretched = "تابعونا على صفحـــتنا لمزيد من الأخبار المحلـية كل يوم."  # an outlet's pitch
    pages = {}
    for name, text in (("marked", marked), ("bare", bare)):
        pages[name] = tmp_path / f"{name}.txt"
        pages[name].write_text(f"{name.title()} page\n\n{text}\n", encoding="utf-8")
    path = tmp_path / "old.sqlite"
    with Library(path) as lib:
        (first,) = [r.article_id for r in lib.ingest([str(pages["marked"])])]
        # keys as the old folding made them, a boilerplate line filed the old way,
        # and the schema as it was before the re-key was scheduled
        old = _fold_keeping_marks(marked)
        assert old != fold(bare)
        lib.conn.execute(
            "UPDATE sentences SET folded = ?, fold_hash = ?, shingles = ?",
            (old, stable_hash(old), pack(shingles_of(WORD_PATTERN.findall(old)))),
        )
        lib.conn.execute(
            "INSERT INTO boilerplate (fold_hash, outlet, stories, text) VALUES (?, 'x', 2, ?)",
            (stable_hash(_fold_keeping_marks(stretched)), stretched),
        )
        lib.conn.execute("DELETE FROM scans")
        for table, column in (  # what later migrations add
            ("sentences", "quoted"),
            ("matches", "quote"),
            ("derived", "quotes"),
            ("derived", "matched"),
        ):
            lib.conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        lib.conn.execute("DROP INDEX articles_listing")
        lib.conn.execute("PRAGMA user_version = 10")
    with Library(path) as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert not lib.conn.execute("SELECT 1 FROM scans").fetchone()
        stored = lib.conn.execute("SELECT text, folded, fold_hash, shingles FROM sentences")
        assert [tuple(row) for row in stored] == [(marked, *sentence_key(marked).columns[:3])]
        (filed,) = lib.conn.execute("SELECT fold_hash FROM boilerplate").fetchone()
        assert filed == sentence_key(stretched).fold_hash
        results = list(lib.ingest([str(pages["bare"])]))
        assert [r.status for r in results] == ["added"]
        assert [m.kind for m in lib.matches(first)] == ["exact"]
