"""LSH band keys (tui/match/bands.py): near copies share one, other sentences do not,
in every script."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest

from tui.match.bands import BANDS, MAX_TEXTS_A_BAND, ROWS, BandTable, band_keys
from tui.match.shingles import sentence_key


def keys_of(*texts: str) -> np.ndarray:
    blobs = [sentence_key(text).shingles for text in texts]
    ends = np.cumsum([len(blob) // 8 for blob in blobs])
    return band_keys(np.frombuffer(b"".join(blobs), np.int64), ends)


def shares_a_band(a: str, b: str) -> bool:
    first, second = keys_of(a, b)
    return bool(set(first.tolist()) & set(second.tolist()))


@pytest.mark.parametrize(
    ("wire", "copy", "other"),
    [
        (
            "The harbour authority closed the northern pier after storm damage on Tuesday night.",
            "The harbour authority closed the northern pier after storm damage late on Tuesday.",
            "The city council approved a new budget for public libraries on Monday morning.",
        ),
        (
            "رئيس الوزراء أعلن اليوم عن خطة جديدة لإصلاح نظام التعليم في جميع المدارس الحكومية",
            "رئيس الوزراء أعلن اليوم عن خطة جديدة لإصلاح نظام التعليم في المدارس الحكومية",
            "فاز الفريق الوطني بالمباراة النهائية بعد أداء قوي في الشوط الثاني من اللقاء",
        ),
        (
            "प्रधानमंत्री ने आज राजधानी में नई शिक्षा नीति की घोषणा की और सभी राज्यों से सहयोग मांगा",
            "प्रधानमंत्री ने आज राजधानी में नई शिक्षा नीति की घोषणा की और राज्यों से सहयोग मांगा",
            "भारतीय क्रिकेट टीम ने फाइनल मुकाबले में शानदार जीत दर्ज कर खिताब अपने नाम किया",
        ),
        (
            "東京都は月曜日に新しい防災計画を発表し、全ての区に避難所の増設を求めた。",
            "東京都は月曜日に新しい防災計画を発表し、全ての区に避難所の拡充を求めた。",
            "大阪の野球チームが日曜日の決勝戦で劇的な逆転勝利を収めて優勝した。",
        ),
        (
            "Правительство объявило в понедельник о новой программе поддержки бизнеса в регионах",
            "Правительство объявило в понедельник о новой программе поддержки бизнеса",
            "Футбольный клуб выиграл финальный матч после серии пенальти в воскресенье вечером",
        ),
        (
            "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือ",
            "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมภาคเหนือ",
            "ทีมฟุตบอลชาติไทยชนะการแข่งขันนัดชิงชนะเลิศด้วยประตูในนาทีสุดท้ายของเกม",
        ),
        (
            "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέο πρόγραμμα στήριξης για επιχειρήσεις της χώρας",
            "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέο πρόγραμμα στήριξης για επιχειρήσεις",
            "Η ομάδα κέρδισε τον τελικό αγώνα μετά από παράταση την Κυριακή το βράδυ στην Αθήνα",
        ),
    ],
    ids=["latin", "arabic", "devanagari", "cjk", "cyrillic", "thai", "greek"],
)
def test_a_near_copy_shares_a_band_and_another_sentence_does_not(
    wire: str, copy: str, other: str
) -> None:
    assert shares_a_band(wire, copy)
    assert not shares_a_band(wire, other)


def test_each_sentence_gets_one_key_per_band_and_equal_sets_equal_keys() -> None:
    text = "The harbour authority closed the northern pier after storm damage on Tuesday night."
    keys = keys_of(text, text.upper(), "Another sentence about something else entirely today.")
    assert keys.shape == (3, BANDS)
    assert keys[0].tolist() == keys[1].tolist()  # (folding makes them one text)
    assert not set(keys[0].tolist()) & set(keys[2].tolist())


def test_the_band_table_agrees_with_a_dict_of_lists_through_growth_and_the_cap() -> None:
    rng = np.random.default_rng(5)
    table = BandTable()
    expected: dict[int, list[int]] = defaultdict(list)
    next_id = 1
    for _ in range(40):  # 40 batches of up to 900 texts: the table grows several times
        texts = int(rng.integers(1, 900))
        keys = rng.integers(-(2**63), 2**63 - 1, (texts, BANDS), dtype=np.int64)
        pooled = rng.random(keys.shape) < 0.05  # keys from a pool of 200: they repeat
        keys[pooled] = rng.integers(0, 200, int(pooled.sum()))
        ids = np.arange(next_id, next_id + texts, dtype=np.int32)
        next_id += texts
        table.add(ids, keys)
        for sentence_id, row in zip(ids.tolist(), keys.tolist(), strict=True):
            for key in row:
                if len(expected[key]) < MAX_TEXTS_A_BAND:
                    expected[key].append(sentence_id)
    assert len(table) == sum(map(len, expected.values()))
    asked = np.array([list(range(BANDS)), list(expected)[-BANDS:]], np.int64)
    found, ends = table.find(asked)
    assert ends.tolist()[-1] == len(found)
    begins = [0, *ends[:-1].tolist()]
    for row, begin, end in zip(asked.tolist(), begins, ends.tolist(), strict=True):
        assert sorted(found[begin:end].tolist()) == sorted(
            sentence_id for key in row for sentence_id in expected.get(key, [])
        )


@pytest.mark.parametrize("shared", [6, 10, 13])
def test_two_sets_share_a_band_as_often_as_banding_promises(shared: int) -> None:
    """Pairs of 20-hash sets with `shared` hashes in common (Jaccard 0.18, 0.33, 0.48)
    share a band about 1 - (1 - J^ROWS)^BANDS of the time: the hash functions behave as
    MinHash should (a fixed seed, so the count never changes between runs)."""
    rng = np.random.default_rng(shared)
    pairs = 2_000
    blobs: list[np.ndarray] = []
    for _ in range(pairs):
        drawn = rng.choice(2**32, 40 - shared, replace=False).astype(np.int64)
        blobs += [np.sort(drawn[:20]), np.sort(np.concatenate([drawn[:shared], drawn[20:]]))]
    keys = band_keys(np.concatenate(blobs), np.cumsum([len(blob) for blob in blobs]))
    hits = sum(
        bool(set(keys[2 * p].tolist()) & set(keys[2 * p + 1].tolist())) for p in range(pairs)
    )
    jaccard = shared / (40 - shared)
    assert hits / pairs == pytest.approx(1 - (1 - jaccard**ROWS) ** BANDS, abs=0.03)
