"""A synthetic news corpus that is hard the way real news is, for the matching benchmarks.

    from corpus_markov import generate
    articles, truth = generate(1000, seed=7, bodies=Path("../shared/bench/article-extraction"))

bench/corpus.py writes its sentences from frames and word lists, so two
unrelated sentences rarely share more than a name and a keyword. Real news
is harder: every outlet writes "said in a statement on", "for the first time
since" and "according to people familiar with", and match reports, market
reports and weather say the same thing with other names and numbers. This
generator keeps corpus.py's stories, roles (reprints, mixed, originals),
versions of wire sentences and ground truth, and changes where the sentences
come from:

- Fresh sentences come from a word-level Markov chain of order 2, trained at
  run time on real article bodies (the `ground-truth.json` of the
  article-extraction benchmark; its text is read, never stored here). Each
  story leans on the chains of two "home" bodies, so sentences on one story
  share its names and phrases. Half the sentences start where a training
  sentence does, half at a capitalised word inside one ("Trump tied himself
  ..." from "In each case, President Trump tied himself ..."), which gives
  many more openings. A sentence must start with a capital, end with
  a full stop, be one sentence to `tui.text.sentences.split_sentences` (alone
  and between two others), hold 8-50 words and balance its quotes and brackets.
- No word 5-gram (the matching engine's words) is used by two stories. Inside
  a story a fresh sentence may share one 5-gram with the story's earlier
  sentences and no 6-gram, so sentences on one story share names and phrases
  but are never copies of each other. The walk never takes a word that breaks
  these rules and backtracks from dead ends; every sentence is checked again.
- An order-2 chain on ~110,000 words mostly retraces its training text, and
  the 5-gram rule uses that text up after ~10,000 sentences. So after a
  function word ("the", "of", "to", ...) the walk may also back off to order
  1, which makes new 5-grams from real 3- and 4-grams; sentences written late
  in a big corpus read more like word salad than early ones.
- Template sentences: one frame (a cricket or football score line, a market
  or currency report, a weather forecast, an earthquake, an election count)
  filled with other names and numbers. Stories on a beat (about three in ten)
  use the frames of that beat for 15% of their sentences, so instances of
  one frame appear in many stories. Two instances are never a true pair; an
  instance in a wire story copied by other outlets is one, like any wire
  sentence.
- Versions keep the first and the last word: a light edit makes one or two
  changes inside (a word added, dropped or swapped for a synonym or for a word
  the training text uses between the same neighbours, a comma, "said" to
  "says", a quote style); a rewrite moves a clause where two inside clauses
  stand between commas (and seven times in ten) and replaces 20-30% of the
  words the same ways.

The output has corpus.generate's shape: `GeneratedArticle`s (here
`MarkovArticle`s, which also say which frame each sentence was filled from)
and a `Truth`, so bench/match_scale.py scores it the same way
(`--generator markov --markov-from DIR`). Deterministic given the seed and
the training folder. `python bench/corpus_markov.py DIR [N] [SEED]` prints a
sample and the corpus statistics.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from corpus import (
    CITIES,
    COUNTRIES,
    FILLERS,
    FIRST_NAMES,
    MONTHS,
    PARTY_NAMES,
    SURNAMES,
    SYNONYMS,
    VARIANTS,
    WEEKDAYS,
    GeneratedArticle,
    Origin,
    Truth,
    _coin,
    _event_sizes,
    _paragraphs,
    in_feed_order,
    lay_out,
)
from corpus import describe as describe_classic
from corpus import save as save_classic

from tui.text.normalize import words
from tui.text.sentences import split_sentences

ORDER_NGRAM = 5  # no word n-gram of this length is used by two stories
STORY_NGRAM = 6  # ... and none of this length twice in one story
STORY_SHARED = 1  # 5-grams a fresh sentence may share with earlier ones on its story
MIN_SENTENCE_WORDS = 8
MAX_SENTENCE_WORDS = 50
HOME_SHARE = 0.5  # how often a story's words come from its home bodies' chains
HOME_BODIES = 2
BEAT_SHARE = 0.3  # stories on a beat (with template sentences)
TEMPLATE_SHARE = 0.15  # of a beat story's fresh sentences
ENGLISH_SHARE = 0.12  # bodies whose words are less than this share of STOPWORDS are skipped
STOPWORDS = frozenset(["the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "was"])
HOME_DRAWS, DRAWS = 2, 4  # successors drawn (by frequency) at each step of a walk
MORE_CANDIDATES = 12
WALK_BUDGET = 400  # steps of one walk, backtracking included, before it gives up
START, END = "", "\n"  # sentence boundaries in the chain (no token is either)
FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "of", "to", "in", "on", "for", "with", "at", "by", "from", "and", "that"]
)
MID_STARTS = 0.5  # sentences that start at a capital inside a training sentence
_OPENING = re.compile(r"^[\"“‘']?[A-Z]")


# --- training ----------------------------------------------------------------------


def load_bodies(folder: Path) -> list[str]:
    """The article bodies of the benchmark in `folder` (ground-truth.json), by id."""
    data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [data[key]["articleBody"] for key in sorted(data)]


def looks_english(text: str) -> bool:
    """True when common English function words make up a fair share of the words."""
    tokens = words(text)
    return sum(t in STOPWORDS for t in tokens) >= ENGLISH_SHARE * max(1, len(tokens))


@cache
def keys_of(token: str) -> tuple[str, ...]:
    """The matching engine's words in one token ("U.S." is two, "—" none)."""
    return tuple(words(token))


class Chain:
    """The words seen after every two-word context: `next2` keeps repeats, so a
    random pick follows the training frequencies; `distinct` lists each once.
    `next1` holds the words seen after each of the FUNCTION_WORDS alone, for the
    walk to back off to ("... the | spacecraft ..."): an order-2 chain on one
    hundred thousand words mostly retraces its training text, and these joins
    are where new 5-grams come from once other stories own the old ones.

    `starts` are the contexts of capitalised words inside sentences ("case,",
    "President"): a sentence may also start there ("President Trump tied ..."),
    which gives many more openings than the training sentences' own.
    """

    def __init__(self) -> None:
        self.next2: dict[tuple[str, str], list[str]] = {}
        self.next1: dict[tuple[str], list[str]] = {}
        self.starts: list[tuple[str, str]] = []
        self._distinct: dict[tuple[str, ...], list[str]] = {}

    def add(self, tokens: list[str]) -> None:
        """Learn one sentence."""
        padded = [START, START, *tokens, END]
        for a, b, c in zip(padded, padded[1:], padded[2:], strict=False):
            self.next2.setdefault((a, b), []).append(c)
            if b in FUNCTION_WORDS and c != END:
                self.next1.setdefault((b,), []).append(c)
        self.starts += [
            (a, b) for a, b in zip(tokens, tokens[1:], strict=False) if _OPENING.match(b)
        ]

    def successors(self, context: tuple[str, ...]) -> list[str]:
        """Successors of a two-word context, or of one function word, with repeats
        (empty when the context is unknown)."""
        return self.next2.get(context, []) if len(context) == 2 else self.next1.get(context, [])

    def distinct(self, context: tuple[str, ...]) -> list[str]:
        """Each successor of a context once, in training order."""
        if context not in self._distinct:
            self._distinct[context] = list(dict.fromkeys(self.successors(context)))
        return self._distinct[context]


@dataclass
class Model:
    """What the generator learns from the training bodies."""

    chain: Chain  # all bodies
    homes: list[Chain]  # one per body
    # Words seen between two given words ("the ___ of"), keyed by their lower-case cores.
    between: dict[tuple[str, str], list[str]]
    bodies: int
    words: int


_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def core(token: str) -> tuple[str, str, str]:
    """Token -> (leading punctuation, the word, trailing punctuation)."""
    m = _CORE.match(token)
    assert m is not None
    return m.group(1), m.group(2), m.group(3)


@cache
def train(folder: Path) -> Model:
    """Chains trained on the English bodies in `folder`, sentence by sentence."""
    chain, homes = Chain(), []
    between: dict[tuple[str, str], list[str]] = {}
    total = 0
    for body in load_bodies(folder):
        if not looks_english(body):
            continue
        home = Chain()
        for sentence in split_sentences(body):
            tokens = sentence.text.split()
            if len(tokens) < 3:
                continue
            chain.add(tokens)
            home.add(tokens)
            total += len(tokens)
            cores = [core(t)[1] for t in tokens]
            for left, middle, right in zip(cores, cores[1:], cores[2:], strict=False):
                if middle.isalpha():
                    between.setdefault((left.lower(), right.lower()), []).append(middle)
        homes.append(home)
    return Model(chain, homes, between, len(homes), total)


# --- sentences -----------------------------------------------------------------------

_CLOSING = re.compile(r"[A-Za-z0-9%)]\.[\"”’']?$")
_PAIRS = ("()", "[]", "“”")
_MARKS = re.compile(r"[\"“”‘()\[\]]|’(?!\w)")  # quotes and brackets, not apostrophes


def is_sentence(text: str) -> bool:
    """One whole sentence: capital first, full stop last, 8-50 words, balanced marks,
    and the project's splitter keeps it whole alone and between two other sentences."""
    if not (_OPENING.match(text) and _CLOSING.search(text)) or "  " in text:
        return False
    counts = len(words(text)), len(text.split())  # the engine's words, and as people count
    if not all(MIN_SENTENCE_WORDS <= count <= MAX_SENTENCE_WORDS for count in counts):
        return False
    if text.count('"') % 2 or any(text.count(a) != text.count(b) for a, b in _PAIRS):
        return False
    for before, after in (
        ("", ""),
        ("It rained. ", " The end came."),
        ("He left. ", " Okafor left."),
    ):
        pieces = [s.text for s in split_sentences(before + text + after)]
        if text not in pieces or len(pieces) != 1 + bool(before) + bool(after):
            return False
    return True


def ngrams(keys: list[str] | tuple[str, ...], n: int) -> list[tuple[str, ...]]:
    """Every run of `n` consecutive keys."""
    return [tuple(keys[i : i + n]) for i in range(len(keys) - n + 1)]


class Writer:
    """Writes fresh sentences for stories; keeps the n-gram rules across the corpus."""

    def __init__(self, rng: random.Random, model: Model) -> None:
        self.rng = rng
        self.model = model
        self.owner: dict[tuple[str, ...], int] = {}  # 5-gram -> the story that used it first
        self.story_grams: set[tuple[str, ...]] = set()  # 6-grams used (each in its story)
        self.seen: set[str] = set()  # every sentence, by its words
        self.attempts = 0  # walks, including those that failed or were rejected

    def _cost(self, story: int, keys: list[str], token: str) -> int | None:
        """What taking `token` after `keys` in a sentence of `story` costs: None when it
        breaks a rule (it completes a 5-gram of another story, or a 6-gram used
        before), else how many 5-grams of this story's earlier sentences it completes."""
        if token == END:
            return 0 if len(keys) >= MIN_SENTENCE_WORDS else None
        added = keys_of(token)
        if not added:
            return 0
        tail = keys[-(STORY_NGRAM - 1) :] + list(added)
        first_new = len(tail) - len(added)  # grams ending after this index are new
        for end in range(max(STORY_NGRAM, first_new + 1), len(tail) + 1):
            if tuple(tail[end - STORY_NGRAM : end]) in self.story_grams:
                return None
        shared = 0
        for end in range(max(ORDER_NGRAM, first_new + 1), len(tail) + 1):
            owner = self.owner.get(tuple(tail[end - ORDER_NGRAM : end]))
            if owner is not None and owner != story:
                return None
            shared += owner == story
        return shared

    def _candidates(self, homes: list[Chain], context: tuple[str, str]) -> Iterator[str]:
        """Successors of `context` in the order to try them: a few drawn by frequency
        from a home chain (sometimes) and from the whole chain, then up to
        MORE_CANDIDATES others in random order, then (after a function word) the
        same from the order-1 chain, so a walk finds other ways on when the common
        ones belong to other stories. Lazy: most steps take the first."""
        rng, chain = self.rng, self.model.chain
        tried: set[str] = set()

        def new(tokens: Iterable[str]) -> Iterator[str]:
            for token in tokens:
                if token not in tried:
                    tried.add(token)
                    yield token

        if rng.random() < HOME_SHARE:
            table = rng.choice(homes).successors(context)
            if table:
                yield from new(rng.choice(table) for _ in range(HOME_DRAWS))
        for key in (context, context[1:]) if context[1] in FUNCTION_WORDS else (context,):
            table = chain.successors(key)
            if table:
                yield from new(rng.choice(table) for _ in range(DRAWS))
                others = chain.distinct(key)
                yield from new(rng.sample(others, min(MORE_CANDIDATES, len(others))))

    def _draft(self, story: int, homes: list[Chain]) -> str | None:
        """Walk the chains from a sentence start, depth first: a word that breaks a
        rule is not taken, and a dead end goes back to try another word. None when
        WALK_BUDGET steps find no way to a sentence end."""
        tokens: list[str] = []
        keys: list[str] = []
        budget = WALK_BUDGET

        def walk(context: tuple[str, str], shared: int) -> bool:
            nonlocal budget
            budget -= 1
            if len(keys) > MAX_SENTENCE_WORDS:  # a run-on: backing up a word or two
                budget = -1  # rarely finds an end, so start again
            if budget < 0:
                return False
            for token in self._candidates(homes, context):
                cost = self._cost(story, keys, token)
                if cost is None or shared + cost > STORY_SHARED:
                    continue
                if token == END:
                    if is_sentence(" ".join(tokens)):
                        return True
                    continue
                added = keys_of(token)
                tokens.append(token)
                keys.extend(added)
                if walk((context[1], token), shared + cost):
                    return True
                tokens.pop()
                del keys[len(keys) - len(added) :]
                if budget < 0:
                    return False
            return False

        context = (START, START)
        if self.rng.random() < MID_STARTS:  # start at a capital inside a sentence
            starts = self.rng.choice([self.model.chain, *homes]).starts
            if starts:
                context = self.rng.choice(starts)
                tokens.append(context[1])
                keys.extend(keys_of(context[1]))
        return " ".join(tokens) if walk(context, 0) else None

    def fresh(self, story: int, homes: list[Chain]) -> str:
        """A new sentence for `story` that keeps every rule (see the module docstring)."""
        while True:
            self.attempts += 1
            text = self._draft(story, homes)
            if text is None or not is_sentence(text):
                continue
            keys = words(text)
            key = " ".join(keys)
            grams = ngrams(keys, ORDER_NGRAM)
            owners = [self.owner.get(gram) for gram in grams]
            if (
                key in self.seen
                or any(owner not in (None, story) for owner in owners)
                or owners.count(story) > STORY_SHARED
                or any(gram in self.story_grams for gram in ngrams(keys, STORY_NGRAM))
            ):
                continue
            self.seen.add(key)
            for gram in grams:
                self.owner.setdefault(gram, story)
            self.story_grams.update(ngrams(keys, STORY_NGRAM))
            return text

    def headline(self, homes: list[Chain]) -> str:
        """The start of a walk on a home chain, cut to six to ten words without
        quotes, brackets, a closing function word or a stop: a headline."""
        rng = self.rng
        for _ in range(100):
            chain = rng.choice(homes)
            tokens: list[str] = []
            context = (START, START)
            while len(tokens) < 10:
                table = chain.successors(context)
                token = rng.choice(table) if table else END
                if token == END or _MARKS.search(token):
                    break
                tokens.append(token)
                context = (context[1], token)
            tokens = tokens[: rng.randint(6, 10)]
            while tokens and core(tokens[-1])[1].lower() in FUNCTION_WORDS:
                tokens.pop()
            if len(tokens) >= 6 and _OPENING.match(tokens[0]):
                head, word, _ = core(tokens[-1])
                tokens[-1] = head + word
                if word and len(split_sentences(" ".join(tokens))) == 1:
                    return " ".join(tokens)
        return "News in brief"


# --- template sentences ------------------------------------------------------------

# Frames by beat. {slot} is filled by `fill_frame`; every frame is a whole sentence.
FRAMES: dict[str, list[str]] = {
    "cricket": [
        "In reply, {nation} reached the target in {overs} overs for the loss of {wickets} wickets.",
        "{Player} top-scored with {runs} off {balls} balls, hitting {fours} fours and {sixes}"
        " sixes.",
        "{Nation} were bowled out for {total} in {overs} overs after winning the toss and"
        " electing to bat.",
        "{Player} took {wickets} wickets for {conceded} runs as {nation} won by {margin} runs"
        " in {city} on {day}.",
    ],
    "football": [
        "{Player} scored after {minute} minutes as {club} beat {club2} {goals}-{goals2} on {day}.",
        "{Club} moved up to {place} in the table with {points} points from {games} games.",
        "{Player} equalised for {club} before {player2} headed the winner with {left} minutes"
        " left.",
    ],
    "markets": [
        "The benchmark {index} index {moved} {pct} percent to {level} points on {day}, led by"
        " {sector} stocks.",
        "Brent crude futures {moved} {cents} cents, or {pct} percent, to ${barrel} a barrel by"
        " {clock} GMT on {day}.",
        "The {currency} {weakened} to {rate} per dollar, its {extreme} level since {month} {year}.",
        "Shares in {company} closed {pct} percent {higher} at {share} after it reported"
        " quarterly revenue of {money}.",
    ],
    "weather": [
        "Temperatures in {city} are expected to reach {degrees} degrees Celsius on {day}, with"
        " winds of up to {wind} kilometres an hour.",
        "Forecasters said up to {rain} millimetres of rain could fall in parts of {country}"
        " over the next {days} days.",
    ],
    "wire": [
        "A magnitude {magnitude} earthquake struck off the coast of {country} on {day} at a"
        " depth of {depth} kilometres, the geological survey said.",
        "With {pct} percent of ballots counted, {player} of the {party} Party led with"
        " {share_pct} percent of the vote.",
        "Police said {count} people were arrested in {city} on {day} and {officers} officers"
        " were injured in the clashes.",
    ],
}
BEATS = list(FRAMES)
CLUB_SUFFIXES = ["United", "City", "Rovers", "Athletic", "Wanderers", "FC", "Sporting"]
INDEXES = ["Nikkei", "Hang Seng", "Sensex", "Kospi", "Bovespa", "Jakarta Composite", "Tadawul"]
SECTORS = ["banking", "energy", "mining", "technology", "property", "retail", "shipping"]
CURRENCIES = ["rupee", "rand", "lira", "peso", "won", "naira", "baht", "ringgit", "real"]
PLACES = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _club(rng: random.Random) -> str:
    return f"{rng.choice(CITIES)} {rng.choice(CLUB_SUFFIXES)}"


def fill_frame(rng: random.Random, frame: str) -> str:
    """One instance of a frame: every slot gets its own name or number."""
    nation = lambda: rng.choice(COUNTRIES).removeprefix("the ")  # noqa: E731
    fillers: dict[str, Callable[[], str]] = {
        "nation": nation,
        "player": lambda: _name(rng),
        "player2": lambda: _name(rng),
        "club": lambda: _club(rng),
        "club2": lambda: _club(rng),
        "city": lambda: rng.choice(CITIES),
        "country": nation,
        "company": lambda: f"{_coin(rng, rng.randint(2, 3))} {rng.choice(['Group', 'Holdings'])}",
        "party": lambda: rng.choice(PARTY_NAMES),
        "index": lambda: rng.choice(INDEXES),
        "sector": lambda: rng.choice(SECTORS),
        "currency": lambda: rng.choice(CURRENCIES),
        "day": lambda: rng.choice(WEEKDAYS),
        "month": lambda: rng.choice(MONTHS),
        "year": lambda: str(rng.randint(2001, 2023)),
        "moved": lambda: rng.choice(["rose", "fell", "gained", "lost", "climbed", "slipped"]),
        "weakened": lambda: rng.choice(["weakened", "strengthened", "slid", "firmed"]),
        "extreme": lambda: rng.choice(["lowest", "highest", "weakest", "strongest"]),
        "higher": lambda: rng.choice(["higher", "lower"]),
        "place": lambda: rng.choice(PLACES),
        "overs": lambda: f"{rng.randint(12, 49)}.{rng.randint(1, 5)}",
        "wickets": lambda: str(rng.randint(2, 9)),
        "runs": lambda: str(rng.randint(40, 180)),
        "balls": lambda: str(rng.randint(30, 160)),
        "fours": lambda: str(rng.randint(2, 16)),
        "sixes": lambda: str(rng.randint(1, 9)),
        "total": lambda: str(rng.randint(90, 340)),
        "conceded": lambda: str(rng.randint(12, 70)),
        "margin": lambda: str(rng.randint(3, 140)),
        "minute": lambda: str(rng.randint(3, 90)),
        "left": lambda: str(rng.randint(2, 20)),
        "goals": lambda: str(rng.randint(1, 5)),
        "goals2": lambda: str(rng.randint(0, 3)),
        "points": lambda: str(rng.randint(8, 80)),
        "games": lambda: str(rng.randint(6, 38)),
        "pct": lambda: f"{rng.uniform(0.1, 9.9):.1f}",
        "share_pct": lambda: f"{rng.uniform(25, 65):.1f}",
        "level": lambda: f"{rng.randint(1200, 42000):,}",
        "cents": lambda: str(rng.randint(3, 95)),
        "barrel": lambda: f"{rng.uniform(55, 120):.2f}",
        "clock": lambda: f"{rng.randint(6, 18):02d}{rng.choice(['00', '15', '30', '45'])}",
        "rate": lambda: f"{rng.uniform(1.2, 1400):,.2f}",
        "share": lambda: f"{rng.uniform(2, 900):.2f}",
        "money": lambda: f"{rng.uniform(1.1, 60):.1f} billion dollars",
        "degrees": lambda: str(rng.randint(-12, 46)),
        "wind": lambda: str(rng.randint(20, 140)),
        "rain": lambda: str(rng.randint(20, 400)),
        "days": lambda: rng.choice(["two", "three", "four", "five"]),
        "magnitude": lambda: f"{rng.uniform(4.5, 7.9):.1f}",
        "depth": lambda: str(rng.randint(5, 120)),
        "count": lambda: str(rng.randint(12, 400)),
        "officers": lambda: str(rng.randint(2, 60)),
    }

    def slot(m: re.Match[str]) -> str:
        value = fillers[m.group(1).lower()]()
        return value[:1].upper() + value[1:] if m.group(1)[:1].isupper() else value

    return re.sub(r"\{(\w+)\}", slot, frame)


# --- versions -----------------------------------------------------------------------


def _inside(tokens: list[str]) -> range:
    """Positions of the words a version may touch: all but the first and the last."""
    return range(1, len(tokens) - 1)


def _swap(tokens: list[str], i: int, new: str) -> None:
    """Replace the word in token `i`, keeping its punctuation and capital."""
    head, old, tail = core(tokens[i])
    if old[:1].isupper() and old.lower() in SYNONYMS:
        new = new[:1].upper() + new[1:]
    tokens[i] = head + new + tail


def replacements(model: Model, tokens: list[str], i: int) -> list[str]:
    """Words that could stand in token `i`'s place: its synonyms, else the words
    the training text puts between the same two neighbours."""
    word = core(tokens[i])[1]
    if word.lower() in SYNONYMS:
        return SYNONYMS[word.lower()]
    left, right = core(tokens[i - 1])[1].lower(), core(tokens[i + 1])[1].lower()
    return [w for w in model.between.get((left, right), []) if w.lower() != word.lower()]


def _requote(rng: random.Random, text: str) -> str:
    """Curly double quotes to straight ones, or straight to curly."""
    if "“" in text:
        return text.replace("“", '"').replace("”", '"')
    if text.count('"') and rng.random() < 0.5:
        parts = text.split('"')
        return (
            "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1]))
            + (parts[-1])
        )
    return text


def _one_light_edit(rng: random.Random, model: Model, tokens: list[str]) -> bool:
    """One small change inside the sentence; False when the pick does not apply."""
    inside = _inside(tokens)
    pick = rng.randrange(5)
    if pick == 0:  # a small word added between two lower-case words
        spots = [i for i in range(1, len(tokens)) if tokens[i][:1].islower()]
        spots = [i for i in spots if tokens[i - 1][-1:].islower()]
        if not spots:
            return False
        tokens.insert(rng.choice(spots), rng.choice(FILLERS))
    elif pick == 1:  # a plain word dropped
        spots = [i for i in inside if core(tokens[i])[1] == tokens[i]]
        if len(tokens) <= 9 or not spots:
            return False
        del tokens[rng.choice(spots)]
    elif pick == 2:  # a word swapped
        spots = [i for i in inside if replacements(model, tokens, i)]
        if not spots:
            return False
        i = rng.choice(spots)
        _swap(tokens, i, rng.choice(replacements(model, tokens, i)))
    elif pick == 3:  # a comma added or dropped
        commas = [i for i in inside if tokens[i].endswith(",") and core(tokens[i])[1]]
        if commas and rng.random() < 0.5:
            i = rng.choice(commas)
            tokens[i] = tokens[i][:-1]
        else:
            spots = [i for i in inside if tokens[i][-1:].isalpha()]
            if not spots:
                return False
            tokens[rng.choice(spots)] += ","
    else:
        spots = [i for i in inside if core(tokens[i])[1] == "said"]
        if not spots:
            return False
        _swap(tokens, rng.choice(spots), "says")
    return True


def light_edit(rng: random.Random, model: Model, text: str) -> str:
    """One or two small changes inside, like a copy desk makes; maybe another quote style."""
    for _ in range(20):
        tokens = text.split(" ")
        edits = 1 if rng.random() < 0.6 else 2
        for _ in range(50):
            if edits == 0:
                break
            edits -= _one_light_edit(rng, model, tokens)
        if rng.random() < 0.5:  # quotes inside only (the check rejects half-changed pairs)
            tokens = [tokens[0], _requote(rng, " ".join(tokens[1:-1])), tokens[-1]]
        edited = " ".join(tokens)
        if edited != text and is_sentence(edited):
            return edited
    tokens = text.split(" ")  # a filler after the first word fits nearly anywhere
    tokens.insert(1, rng.choice(FILLERS))
    return " ".join(tokens)


def _move_clause(rng: random.Random, tokens: list[str]) -> list[str]:
    """Two neighbouring clauses inside the sentence trade places: "A b, c d, e f, g h."
    becomes "A b, e f, c d, g h." Only clauses with a comma on both sides move, so the
    first and last words stay; without two of them the tokens come back unchanged."""
    cuts = [i + 1 for i in _inside(tokens) if tokens[i].endswith(",")]
    clauses = [tokens[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    if len(clauses) < 2:
        return tokens
    at = rng.randrange(len(clauses) - 1)
    clauses[at], clauses[at + 1] = clauses[at + 1], clauses[at]
    return tokens[: cuts[0]] + [t for clause in clauses for t in clause] + tokens[cuts[-1] :]


def rewrite(rng: random.Random, model: Model, text: str) -> str:
    """A clause moved (seven times in ten, where two can move) and 20-30% of the words
    replaced; the first and last words stay. `text` itself when nothing would change."""
    for attempt in range(20):
        tokens = text.split(" ")
        if attempt < 10 and rng.random() < 0.7:
            tokens = _move_clause(rng, tokens)
        share = rng.uniform(0.2, 0.3)
        spots = [i for i in _inside(tokens) if replacements(model, tokens, i)]
        rng.shuffle(spots)
        for i in spots[: max(1, round(share * len(tokens)))]:
            options = replacements(model, tokens, i)  # the neighbours may have changed
            if options:
                _swap(tokens, i, rng.choice(options))
        edited = " ".join(tokens)
        if edited != text and is_sentence(edited):
            return edited
    return text


# --- articles --------------------------------------------------------------------


@dataclass
class MarkovArticle(GeneratedArticle):
    """A generated article that also says which frame each sentence was filled from."""

    frames: list[str | None] = field(default_factory=list)  # None: not a template


@dataclass
class Story:
    """One event: its home chains, its beat and its wire copy."""

    number: int
    homes: list[Chain]
    beat: str | None
    wire: list[str] = field(default_factory=list)
    wire_frames: list[str | None] = field(default_factory=list)
    families: list[int] = field(default_factory=list)


def _frame_name(beat: str, index: int) -> str:
    return f"{beat}-{index}"


class Composer:
    """Writes stories and the articles on them."""

    def __init__(self, rng: random.Random, model: Model) -> None:
        self.rng = rng
        self.model = model
        self.writer = Writer(rng, model)

    def sentence(self, story: Story) -> tuple[str, str | None]:
        """A fresh sentence for `story` and its frame (None unless a template)."""
        rng, writer = self.rng, self.writer
        if story.beat and rng.random() < TEMPLATE_SHARE:
            while True:
                index = rng.randrange(len(FRAMES[story.beat]))
                text = fill_frame(rng, FRAMES[story.beat][index])
                key = " ".join(words(text))
                if key not in writer.seen and is_sentence(text):
                    writer.seen.add(key)
                    return text, _frame_name(story.beat, index)
        return writer.fresh(story.number, story.homes), None

    def story(self, number: int, first_family: int) -> Story:
        rng = self.rng
        homes = rng.sample(self.model.homes, k=min(HOME_BODIES, len(self.model.homes)))
        beat = rng.choice(BEATS) if rng.random() < BEAT_SHARE else None
        story = Story(number, homes, beat)
        for _ in range(rng.randint(18, 26)):
            text, frame = self.sentence(story)
            story.wire.append(text)
            story.wire_frames.append(frame)
        story.families = list(range(first_family, first_family + len(story.wire)))
        return story

    def compose(self, story: Story, role: str) -> MarkovArticle:
        """One article on `story` (reprint, mixed or original), as corpus._compose does."""
        rng, model = self.rng, self.model
        article = MarkovArticle("", "", [], [], [], story.number, role)

        def take(j: int, weights: tuple[int, int, int]) -> None:
            variant = rng.choices(VARIANTS, weights=weights)[0]
            text = story.wire[j]
            if variant == "light":
                text = light_edit(rng, model, text)
            elif variant == "rewrite":
                text = rewrite(rng, model, text)
                if text == story.wire[j]:  # nothing could change: it is a copy
                    variant = "verbatim"
            article.sentences.append(text)
            article.origins.append(Origin(story.families[j], variant))
            article.frames.append(story.wire_frames[j])

        def own() -> None:
            text, frame = self.sentence(story)
            article.sentences.append(text)
            article.origins.append(None)
            article.frames.append(frame)

        lay_out(rng, role, len(story.wire), take, own)
        article.paragraph_sizes = _paragraphs(rng, len(article.sentences))
        return article


def generate(
    n_articles: int, seed: int = 0, bodies: Path | None = None
) -> tuple[list[MarkovArticle], Truth]:
    """`n_articles` articles in feed order (stories interleaved) and the true pairs.

    `bodies` is the article-extraction benchmark folder to learn the words from.
    """
    if bodies is None:
        raise ValueError("the Markov generator needs a folder of article bodies to learn from")
    rng = random.Random(seed)
    composer = Composer(rng, train(Path(bodies)))
    articles: list[MarkovArticle] = []
    next_family = 0
    for number, size in enumerate(_event_sizes(rng, n_articles)):
        story = composer.story(number, next_family)
        next_family += len(story.wire)
        wire_title = composer.writer.headline(story.homes)
        for _ in range(size):
            role = rng.choices(["reprint", "mixed", "original"], weights=[20, 45, 35])[0]
            article = composer.compose(story, role)
            article.title = (
                wire_title
                if role == "reprint" and rng.random() < 0.6
                else composer.writer.headline(story.homes)
            )
            articles.append(article)
    return articles, in_feed_order(rng, articles)


# --- saving and statistics -------------------------------------------------------------


def save(articles: list[MarkovArticle], truth: Truth, path: Path) -> None:
    """corpus.save's JSON plus "frames": per article, each sentence's frame or null."""
    save_classic(articles, truth, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["frames"] = [article.frames for article in articles]
    path.write_text(json.dumps(data), encoding="utf-8")


def load_frames(path: Path) -> dict[tuple[int, int], str]:
    """(article, sentence) -> frame for the template sentences in a saved corpus (none
    for corpus.py's corpora)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        (a, i): frame
        for a, frames in enumerate(data.get("frames", []))
        for i, frame in enumerate(frames)
        if frame is not None
    }


def describe(articles: list[MarkovArticle], truth: Truth) -> dict[str, float]:
    """corpus.describe's statistics plus the template sentences."""
    frames = [f for a in articles for f in a.frames if f is not None]
    return {
        **describe_classic(articles, truth),
        "template sentences": len(frames),
        "frames used": len(set(frames)),
    }


if __name__ == "__main__":
    import sys

    folder = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    sample, sample_truth = generate(n, int(sys.argv[3]) if len(sys.argv) > 3 else 0, folder)
    model = train(folder)
    print(f"trained on {model.bodies} English bodies, {model.words:,} words")
    for item in sample[:3]:
        print(f"--- {item.name} ({item.role}, story {item.event})")
        print(item.text())
    for key, value in describe(sample, sample_truth).items():
        print(f"{key}: {value:.6g}")
