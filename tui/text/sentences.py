"""Sentence segmentation with character offsets.

Hand-written rather than a library: pysbd is accurate but slow (about ten
seconds for a 10,000-sentence article) and nltk's punkt needs a data download.
News text needs only a few rules, so we scan once with regular expressions:

1. Paragraphs (blank lines) are hard breaks; a paragraph without final
   punctuation, such as a heading, is one sentence. A single newline is
   ordinary whitespace (wrapped text).
2. A candidate break is a run of ``.!?…`` plus any closing quotes or brackets,
   followed by whitespace. Requiring whitespace keeps decimals ("3.5%"),
   numbers ("1.000"), URLs and e-mail addresses whole. CJK full stops need
   no space.
3. A candidate followed by a lowercase letter or a comma-like character never
   breaks: '“Why?” he asked', 'and so on... then'.
4. A lone period after a known abbreviation or an initial breaks only when the
   next word is a common sentence starter: "U.S. President" stays whole,
   "in the U.S. The" breaks, "Mr. Smith" and "J. K. Rowling" never break.
5. Quotations of several sentences are split like any text
   ('“We welcome this.' / 'We agree,” he said.'): outlets often quote only
   part of a statement, and shorter units match across outlets better.
6. Japanese quotes in corner brackets are part of the sentence that quotes
   them ('「明日は雨だ。傘を持っていこう。」と彼は言った。' is one), and a
   Chinese title in book-title marks is part of the sentence that names it
   ('他读了《我们赢了！》这本书。'): a stop inside 「…」, 『…』, 《…》 or 〈…〉
   never ends a sentence, as long as the mark closes within a bounded distance.
7. After a CJK stop, “ opens the next sentence's quotation, and a quotation
   closed after a CJK stop keeps its attribution when a few letters and a
   full stop follow ('“我们会继续努力。”他说。' is one sentence), as a
   lowercase word does in rule 3.
8. Greek asks with ";" (U+037E, which Unicode normalisation turns into the
   ASCII semicolon, as many pages print it anyway): after a Greek word and
   before a Greek capital it ends a question; anywhere else ";" is a clause
   separator.

Every step looks a bounded distance around a candidate, so the whole scan is
linear in the length of the text.
"""

from __future__ import annotations

import re

from tui.models import Sentence

# Full stops of scripts that need no space after them: CJK (。！？), Arabic script
# (Urdu ۔, question mark ؟, semicolon ؛), Devanagari and Bengali danda (। ॥),
# Ethiopic (።) and Armenian (։).
_CJK_TERMINALS = "。！？"
_NO_SPACE_TERMINALS = _CJK_TERMINALS + "۔؟؛।॥።։"
# The Greek question mark, and the semicolon that normalisation makes of it.
_GREEK_QUESTION = ";\u037e"
_TERMINALS = ".!?…‽" + _NO_SPACE_TERMINALS + _GREEK_QUESTION
# Stops that can close a quoted exclamation or question inside a sentence.
_EXCLAIMS = "!?‽！？؟"
_QUOTES = "\"'“”‘’„‚‟‛«»‹›"
_CLOSERS = _QUOTES + ")]}」』）】》〉"
# What closes after a CJK stop: “ and ‘ there open the next sentence's quotation.
_CJK_CLOSERS = "”’»›)]}」』）】》〉"
# Closers of a quotation that an attribution may follow ("“……。”他说。").
_CJK_QUOTE_CLOSERS = "”’」』»›"
# Straight quotes open or close alike: after a CJK stop they are left as before.
_STRAIGHT_QUOTES = "\"'"
_OPENERS = _QUOTES + "([{¿¡「『（【《〈"
# What may follow a stop inside a sentence: "etc., and", "(see p. 4)", "no... -".
_CONTINUATIONS = ",;:.…-‐‑‒–—―)]}%"

_T = re.escape(_TERMINALS)
_C = re.escape(_CLOSERS)
_O = re.escape(_OPENERS)
_CJK_C = re.escape(_CJK_CLOSERS)

# A blank line, spaces allowed on it, and whatever whitespace follows.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*+\n\s*+")
# A run of stops (group 1) and any closing quotes or brackets after it, then
# whitespace: "3.5", "example.com" and the first dot of "U.S" never match.
# Chinese and Japanese put no space after a full stop, so a run that ends in
# a CJK stop (with only closing marks after it: "。”他说", but "。|“我们") or a
# CJK bracket needs none. The lookbehind starts a match only at the first stop
# of a run, so with possessive quantifiers a long run of dots costs one pass;
# the pattern opens with a character class, which lets the regex engine skip
# ahead quickly.
# French sets a space inside guillemets ("gagnerons ! »"): that » still closes.
_STOP_RUN = re.compile(
    rf"([{_T}](?<![{_T}]{{2}})[{_T}]*+)"
    rf"(?:(?<=[{_CJK_TERMINALS}])[{_CJK_C}]*+(?![{_STRAIGHT_QUOTES}])"
    rf"|(?:[{_C}]|[ \u00a0\u202f]»)*+(?:(?!\S)|(?<=[{_NO_SPACE_TERMINALS}」』）】》〉])))"
)
# The start of what follows a stop: whitespace, opening quotes, first word.
_NEXT = re.compile(rf"\s*+(?:[{_O}][ \u00a0\u202f]?)*+(\w*+)")
# Dotted initialisms such as "U.S", "a.m", "Ph.D" (the final dot is the stop).
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def _word_set(words: str) -> frozenset[str]:
    """Turn a space-separated list of words into a set (keeps the lists compact)."""
    return frozenset(words.split())


# Abbreviations that are (almost) never the last word of a sentence.
_NEVER_FINAL = _word_set(
    "mr mrs ms mx dr prof st gen sen rep gov lt col capt cmdr sgt cpl maj adm brig "
    "pvt rev hon pres supt insp det atty amb messrs mme mlle fr rt "
    "vs v e.g i.e cf viz approx ca mt "
    # Hindi and Bengali honorifics, written with a period where the sentence
    # ends with a danda: "श्री. रमेश", "डॉ. शर्मा".
    "श्री श्रीमती सुश्री डॉ प्रो শ্রী ডা ডঃ"
)
# Abbreviations that often end a sentence too: "shares of Apple Inc. The ...".
_MAYBE_FINAL = _word_set("inc ltd co corp llc plc bros etc jr sr ave blvd rd ft dept est al")
_MONTHS = _word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# US states as AP style abbreviates them in datelines ("LAKEVILLE, Ore. (AP) —"),
# counted only when written with a capital (so "the car wash. Then" still breaks).
_STATES = _word_set(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo "
    "mont neb nev okla ore pa tenn vt va wash wis wyo"
)
# German (and Danish, Norwegian) write ordinal days with a period: "am 3. Oktober".
_MONTH_NAMES = _word_set(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "marts maj oktober desember"
)
# Abbreviations that stand before a number: "No. 10", "Jan. 6", "p. 4".
_BEFORE_NUMBER = _MONTHS | _word_set("no nos nr vol vols art p pp ch sec fig figs para op")
# Words that commonly open a news sentence; after an ambiguous abbreviation or
# an initial, only these make the period a sentence end (after punkt's idea of
# frequent sentence starters).
_STARTERS = _word_set(
    "the a an he she it its they we i you this that these those there then but and or "
    "so yet however in on at as by for from with after before while when if his her their "
    "our my your some many most all both each one no not what who why how where meanwhile "
    "also still now today yesterday earlier later last according since despite during "
    "under over although though because mr mrs ms dr officials"
)
# Greek letters, monotonic and polytonic.
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# Longest word before a period that can still be an abbreviation, with openers.
_LONGEST_ABBREVIATION = 12
# The attribution after a quotation closed behind a CJK stop: at most this many
# letters, then a full stop ("他说。", "外交部发言人周二在例行记者会上说。").
_LONGEST_ATTRIBUTION = 20
_ATTRIBUTION = re.compile(rf"[^\S\n]?[^\W\d_]{{1,{_LONGEST_ATTRIBUTION}}}。")
# Marks that enclose a quotation or title a stop inside does not end (opener,
# closer): Japanese (and Traditional Chinese) corner brackets, 『』 for a quote
# inside one, and the Chinese book-title marks around names of books, films,
# laws and programmes ("《我们赢了！》").
_ENCLOSURES = ("「」", "『』", "《》", "〈〉")
# How far a stop looks back for an opening mark and ahead for its closer: an
# unclosed 「 does not hold the rest of a long paragraph together.
_LONGEST_ENCLOSURE = 300


def split_sentences(text: str) -> list[Sentence]:
    """Split article text into sentences, each with offsets into `text`.

    Offsets point at the first and one past the last non-space character, so
    `text[s.start:s.end] == s.text`; sentences never cross a blank line.
    """
    sentences: list[Sentence] = []
    # Most texts hold no corner bracket or title mark: then no stop needs the look.
    enclosures = any(pair[0] in text for pair in _ENCLOSURES)
    for lo, hi in _paragraphs(text):
        cut = lo
        for end in _breaks(text, lo, hi, enclosures):
            _append_stripped(sentences, text, cut, end)
            cut = end
        _append_stripped(sentences, text, cut, hi)
    return sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph, split at blank lines."""
    spans = []
    lo = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((lo, m.start()))
        lo = m.end()
    spans.append((lo, len(text)))
    return spans


def _breaks(text: str, lo: int, hi: int, enclosures: bool) -> list[int]:
    """Return the offsets in text[lo:hi] right after each sentence-ending stop
    (`enclosures`: whether the text holds any quotation or title mark at all)."""
    return [
        m.end()
        for m in _STOP_RUN.finditer(text, lo, hi)
        if not (enclosures and _enclosed(text, m.start(), lo, hi))
        and _ends_sentence(text, m, lo, hi)
    ]


def _enclosed(text: str, at: int, lo: int, hi: int) -> bool:
    """Whether the stop at `at` stands inside a corner-bracket quotation or a title.

    The opening mark must stand at most _LONGEST_ENCLOSURE characters before
    the stop, not closed yet, and its closer as far after it with no other
    opening of the same kind between: an unclosed 「 holds nothing together.
    """
    back, ahead = max(lo, at - _LONGEST_ENCLOSURE), min(hi, at + _LONGEST_ENCLOSURE)
    for opener, closer in _ENCLOSURES:
        opened = text.rfind(opener, back, at)
        if opened < 0 or text.rfind(closer, opened, at) >= 0:
            continue
        closed = text.find(closer, at, ahead)
        if closed >= 0 and text.find(opener, at, closed) < 0:
            return True
    return False


def _append_stripped(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append text[start:end] as a sentence without surrounding whitespace, if any is left."""
    piece = text[start:end]
    core = piece.strip()
    if core:
        first = start + len(piece) - len(piece.lstrip())
        sentences.append(Sentence(len(sentences), first, first + len(core), core))


def _ends_sentence(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """Decide whether the stop run `m` ends a sentence."""
    end = m.end()
    after = _NEXT.match(text, end, hi)
    first = after.start(1) if after else hi
    if first >= hi:  # only whitespace left in the paragraph
        return True
    char = text[first]
    if char.islower() or char in _CONTINUATIONS:
        return False
    stops = m.group(1)
    if stops[-1] in _GREEK_QUESTION:
        return _greek_question_ends(text, m.start(), lo, char)
    if _quoted_exclamation_goes_on(stops, end > m.end(1), char):
        return False
    if stops[-1] in _CJK_TERMINALS and _attribution_follows(text, m, hi):
        return False
    if stops != "." or end > m.end(1):
        # "?", "!", "...", or a period inside closing quotes or brackets.
        return True
    next_word = after.group(1)
    next_is_initial = len(next_word) == 1 and text[after.end(1) : after.end(1) + 1] == "."
    word, at_start = _word_before(text, lo, m.start())
    return _period_ends(word, at_start, next_word, next_is_initial)


def _quoted_exclamation_goes_on(stops: str, quoted: bool, next_char: str) -> bool:
    """'"Stop!" he said' in a script without case: the attribution goes on the sentence.

    In cased scripts a lowercase letter tells (rule 3). In Devanagari, Arabic
    or CJK every letter is caseless, so after a quoted "!" or "?" the next word
    is taken as the attribution ("...पहुँचेगा!" बोले थे ...).
    """
    caseless = next_char.isalpha() and not next_char.isupper() and not next_char.islower()
    return quoted and caseless and stops[-1] in _EXCLAIMS


def _greek_question_ends(text: str, start: int, lo: int, next_char: str) -> bool:
    """'Τι ώρα είναι; Είναι δέκα.': a ";" after a Greek word, before a Greek capital.

    The word before is found past any closing quotes or brackets, a few
    characters back at most; in other scripts ";" never ends a sentence.
    """
    before = text[max(lo, start - 3) : start].rstrip(_CLOSERS)[-1:]
    return (
        next_char.isupper()
        and _GREEK.match(next_char) is not None
        and _GREEK.match(before) is not None
    )


def _attribution_follows(text: str, m: re.Match[str], hi: int) -> bool:
    """'“我们会继续努力。”他说。': a quotation closed after a CJK stop, then its attribution.

    CJK has no lowercase to tell (rule 3), so a short run of letters ending in
    a full stop right after the closing quote is taken as the attribution.
    """
    closers = text[m.end(1) : m.end()]
    return (
        any(closer in _CJK_QUOTE_CLOSERS for closer in closers)
        and _ATTRIBUTION.match(text, m.end(), hi) is not None
    )


def _word_before(text: str, lo: int, end: int) -> tuple[str, bool]:
    """Return the short word ending at `end` and whether it opens the paragraph.

    Only the last few characters are read, so the cost per candidate is
    bounded; a word too long to be an abbreviation comes back as "".
    """
    begin = max(lo, end - _LONGEST_ABBREVIATION)
    window = text[begin:end]
    if not window or window[-1].isspace():
        return "", False
    parts = window.rsplit(None, 1)
    if len(parts) == 1 and begin > lo:
        return "", False
    word = parts[-1]
    return word.lstrip(_OPENERS), end - len(word) == lo


def _period_ends(word: str, at_start: bool, next_word: str, next_is_initial: bool) -> bool:
    """Decide whether a lone period after `word` ends the sentence.

    The next word is known to start with something other than a lowercase
    letter (a capital, digit or symbol).
    """
    key = word.lower()
    if key in _NEVER_FINAL:
        return False
    if next_word[:1].isdigit() and key in _BEFORE_NUMBER:
        return False
    if at_start and key.isdigit() and len(key) <= 3:  # "1. Tax cuts" (a numbered list)
        return False
    if key.isdigit() and len(key) <= 2 and next_word.lower() in _MONTH_NAMES:
        return False
    if _is_abbreviation(word, key):
        return not next_is_initial and next_word.lower() in _STARTERS
    return True


def _is_abbreviation(word: str, key: str) -> bool:
    """True for words that often carry a period without ending a sentence."""
    if key in _MAYBE_FINAL or key in _MONTHS:
        return True
    if key in _STATES and word[:1].isupper():
        return True
    if len(word) == 1:
        return word.isupper()  # an initial: "Donald J. Trump"
    return _DOTTED.fullmatch(word) is not None
