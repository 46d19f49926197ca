"""Copydesk's sentence splitter against sentencex, for correctness in many scripts and speed.

    python bench/segmenters.py ../shared/bench/article-extraction

Correctness: hand-labelled texts in thirteen languages (written for this bench; the
right split of each is given below), scored as the share of texts split exactly
right. sentencex is told each text's language, which copydesk never needs (in use
it would also need a language detector). Speed: sentences per second over the
benchmark's 181 hand-made article bodies (one process, wall clock), the same
text for both. Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tui.text.sentences import split_sentences

# (language code for sentencex, text, the right sentences)
LABELLED: list[tuple[str, str, list[str]]] = [
    (
        "en",
        "The sanctions were imposed by the U.S. The ministry said it would respond.",
        ["The sanctions were imposed by the U.S.", "The ministry said it would respond."],
    ),
    (
        "en",
        '"Why now?" she asked. Mr. Smith said the U.S. Navy would stay. Shares rose 3.5%.',
        ['"Why now?" she asked.', "Mr. Smith said the U.S. Navy would stay.", "Shares rose 3.5%."],
    ),
    (
        "en",
        "Donald J. Trump spoke at 9 a.m. on Jan. 6. He left early.",
        ["Donald J. Trump spoke at 9 a.m. on Jan. 6.", "He left early."],
    ),
    (
        "ur",
        "یہ پہلا جملہ ہے۔یہ دوسرا ہے؟ اور یہ تیسرا؛ آخری۔",
        ["یہ پہلا جملہ ہے۔", "یہ دوسرا ہے؟", "اور یہ تیسرا؛", "آخری۔"],
    ),
    (
        "ar",
        "«سيصل الماء إلى كل بيت!» قال الوزير. وبدأ العمل يوم الاثنين.",
        ["«سيصل الماء إلى كل بيت!» قال الوزير.", "وبدأ العمل يوم الاثنين."],
    ),
    (
        "hi",
        '"हर घर तक पानी पहुँचेगा!" बोले थे श्री. रमेश वर्मा। काम शुरू हुआ।',
        ['"हर घर तक पानी पहुँचेगा!" बोले थे श्री. रमेश वर्मा।', "काम शुरू हुआ।"],
    ),
    (
        "hi",
        "यह पहला वाक्य है॥यह दूसरा है। डॉ. शर्मा भी आए।",
        ["यह पहला वाक्य है॥", "यह दूसरा है।", "डॉ. शर्मा भी आए।"],
    ),
    (
        "bn",
        "এটি প্রথম বাক্য।এটি দ্বিতীয়। তৃতীয় বাক্য এখানে।",
        ["এটি প্রথম বাক্য।", "এটি দ্বিতীয়।", "তৃতীয় বাক্য এখানে।"],
    ),
    (
        "zh",
        "“我们一定会赢！”队长说。比赛明天开始。你知道吗？",
        ["“我们一定会赢！”队长说。", "比赛明天开始。", "你知道吗？"],
    ),
    (
        "ja",
        "橋は来年開通する。費用は約四十億円だ！本当か？",
        ["橋は来年開通する。", "費用は約四十億円だ！", "本当か？"],
    ),
    (
        "ja",
        "「橋は安全だ。心配はいらない。」と市長は述べた。住民は納得しなかった。",
        ["「橋は安全だ。心配はいらない。」と市長は述べた。", "住民は納得しなかった。"],
    ),
    (
        "zh",
        "大桥今天通车了。“我们终于等到了。”一位司机说。他买了《再见了！旧桥》这本书。",
        ["大桥今天通车了。", "“我们终于等到了。”一位司机说。", "他买了《再见了！旧桥》这本书。"],
    ),
    (
        "el",
        "Πότε θα ανοίξει η γέφυρα; Κανείς δεν ξέρει; ίσως του χρόνου. Ο δήμαρχος σιώπησε.",
        ["Πότε θα ανοίξει η γέφυρα;", "Κανείς δεν ξέρει; ίσως του χρόνου.", "Ο δήμαρχος σιώπησε."],
    ),
    (
        "am",
        "ይህ አንድ ዓረፍተ ነገር ነው።ሁለተኛው ይሄ ነው። ሦስተኛው።",
        ["ይህ አንድ ዓረፍተ ነገር ነው።", "ሁለተኛው ይሄ ነው።", "ሦስተኛው።"],
    ),
    ("hy", "Սա առաջինն է։Սա երկրորդն է։ Վերջ։", ["Սա առաջինն է։", "Սա երկրորդն է։", "Վերջ։"]),
    (
        "ru",
        "Он сказал: «Хватит!» Потом ушёл. В 2025 г. цены выросли на 3,5%.",
        ["Он сказал: «Хватит!»", "Потом ушёл.", "В 2025 г. цены выросли на 3,5%."],
    ),
    (
        "de",
        "Am 3. Oktober feiert Deutschland. Die Feier beginnt um 10 Uhr.",
        ["Am 3. Oktober feiert Deutschland.", "Die Feier beginnt um 10 Uhr."],
    ),
    (
        "fr",
        "« Nous gagnerons ! » a-t-il dit. M. Dupont est arrivé hier.",
        ["« Nous gagnerons ! » a-t-il dit.", "M. Dupont est arrivé hier."],
    ),
]


def copydesk(language: str, text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def sentencex(language: str, text: str) -> list[str]:
    from sentencex import segment

    return [piece.strip() for piece in segment(language, text) if piece.strip()]


def correct(split: Callable[[str, str], list[str]]) -> tuple[int, list[str]]:
    """How many labelled texts come out exactly right, and the languages that do not."""
    wrong = [language for language, text, right in LABELLED if split(language, text) != right]
    return len(LABELLED) - len(wrong), wrong


def speed(split: Callable[[str, str], list[str]], bodies: list[str]) -> tuple[int, float]:
    """(sentences, seconds) for splitting every body."""
    started = time.perf_counter()
    count = sum(len(split("en", body)) for body in bodies)
    return count, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", type=Path, help="the article-extraction benchmark folder")
    args = parser.parse_args(argv)
    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [page["articleBody"] for page in truth.values()]
    print("| segmenter | labelled texts right | wrong on | sentences/s (181 bodies) |")
    print("| --- | ---: | --- | ---: |")
    for name, split in (("copydesk split_sentences", copydesk), ("sentencex", sentencex)):
        right, wrong = correct(split)
        count, seconds = speed(split, bodies)
        print(
            f"| {name} | {right} of {len(LABELLED)} | {', '.join(wrong) or '-'} "
            f"| {count / seconds:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
