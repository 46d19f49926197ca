"""The word tables behind tui/match/changes.py: negators, dates, numbers, units, titles.

Each table maps the spellings a newsroom prints (English, French, German,
Spanish, Russian, Greek, Hindi, Arabic, Urdu where they differ) to what they stand
for, folded with `fold_word` (NFKC, casefolded, straight apostrophes).
"""

from __future__ import annotations

import unicodedata


def fold_word(word: str) -> str:
    """NFKC, casefolded, with a straight apostrophe: how the tables spell words."""
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'")


def _set(spellings: str) -> frozenset[str]:
    return frozenset(fold_word(w) for w in spellings.split())


# Words that negate, in the languages of tests/multilingual.py and more. A pair
# where one side negates and the other does not is a flipped claim
# (tui/match/verify.py).
NEGATIONS = _set(
    "not no never nor neither without cannot none nobody nothing "  # en
    "ne pas jamais aucun sans "  # fr
    "nicht kein keine keinen keiner nie niemals ohne "  # de
    "nunca ningún ninguna sin "  # es, pt
    "non mai senza "  # it
    "не нет ни никогда без "  # ru
    "नहीं न मत "  # hi
    "نہیں نہ "  # ur
    "لا لم لن ليس ليست "  # ar
    "δεν μην όχι ποτέ χωρίς "  # el
    "不 没 未 无"  # zh (one character a token)
)


def _groups(rows: str) -> dict[str, int]:
    """ "a b|c" → {a: 0, b: 0, c: 1}: the spellings of one value share a group."""
    return {w: i for i, group in enumerate(rows.split("|")) for w in _set(group)}


def _values(rows: dict[str, str]) -> dict[str, str]:
    return {w: value for value, spellings in rows.items() for w in _set(spellings)}


# "mai" (Italian "never") is a French month; "nor" pairs with "neither" and would count twice.
NEGATORS = (NEGATIONS - {"mai", "nor"}) | _set("nowhere ни нигде बिना بدون")
WEEKDAYS = _groups(
    "monday lundi montag lunes понедельник понедельника सोमवार الاثنين الإثنين|"
    "tuesday mardi dienstag martes вторник вторника मंगलवार الثلاثاء|"
    "wednesday mercredi mittwoch miércoles среда среду среды बुधवार الأربعاء|"
    "thursday jeudi donnerstag jueves четверг четверга गुरुवार बृहस्पतिवार الخميس|"
    "friday vendredi freitag viernes пятница пятницу пятницы शुक्रवार الجمعة|"
    "saturday samedi samstag sábado суббота субботу субботы शनिवार السبت|"
    "sunday dimanche sonntag domingo воскресенье воскресенья रविवार الأحد|"
    # Greek: nominative and accusative, then genitive ("της Τρίτης")
    "δευτέρα δευτέρας|τρίτη τρίτης|τετάρτη τετάρτης|πέμπτη πέμπτης|παρασκευή παρασκευής|"
    "σάββατο σαββάτου|κυριακή κυριακής"
)
RELATIVE = _groups(
    "yesterday hier gestern ayer вчера أمس الأمس|today aujourd'hui heute hoy сегодня आज اليوم|"
    "tomorrow demain morgen mañana завтра غدا غداً|tonight|कल|"
    "χθες χτες|σήμερα|αύριο"
)
# English and German month names are capitalised; in other languages case says nothing.
CASED_MONTHS = _groups(
    "january jan januar|february feb februar|march mar märz|april apr|may mai|june jun juni|"
    "july jul juli|august aug|september sep sept|october oct oktober|november nov|"
    "december dec dezember"
)
MONTHS = _groups(
    "janvier enero январь января जनवरी يناير|février febrero февраль февраля फ़रवरी فبراير|"
    "mars marzo март марта मार्च مارس|avril abril апрель апреля अप्रैल أبريل|"
    "mai mayo май мая मई مايو|juin junio июнь июня जून يونيو|juillet julio июль июля जुलाई يوليو|"
    "août agosto август августа अगस्त أغسطس|septembre septiembre сентябрь сентября सितंबर سبتمبر|"
    "octobre octubre октябрь октября अक्टूबर أكتوبر|novembre noviembre ноябрь ноября नवंबर نوفمبر|"
    "décembre diciembre декабрь декабря दिसंबर ديسمبر|"
    # Greek: nominative, then the genitive of dates ("16 Ιουλίου")
    "ιανουάριος ιανουαρίου|φεβρουάριος φεβρουαρίου|μάρτιος μαρτίου|απρίλιος απριλίου|"
    "μάιος μαΐου|ιούνιος ιουνίου|ιούλιος ιουλίου|αύγουστος αυγούστου|"
    "σεπτέμβριος σεπτεμβρίου|οκτώβριος οκτωβρίου|νοέμβριος νοεμβρίου|δεκέμβριος δεκεμβρίου"
)
YEAR_BEFORE = _set("in since until till by from before after during of в с до к en depuis")
YEAR_BEFORE |= _set("seit bis desde hasta عام سنة منذ")
YEAR_AFTER = _set("году года год г में से")
SCALES = {
    w: 10.0**power
    for power, spellings in {
        2: "hundred",
        3: "thousand mille mil tausend тысяча тысячи тысяч тыс हज़ार हजार ألف آلاف",
        5: "lakh lakhs लाख",
        6: "million millions millón millones millionen млн миллион миллиона миллионов "
        "मिलियन مليون ملايين",
        7: "crore crores करोड़",
        9: "billion bn milliard milliards milliarde milliarden млрд миллиард миллиарда "
        "миллиардов अरब مليار",
        12: "trillion tn трлн",
    }.items()
    for w in _set(spellings)
}
CURRENCIES = _values(
    {
        "$": "$ us$ usd dollar dollars dólares долларов доллара डॉलर دولار",
        "€": "€ eur euro euros d'euros евро",
        "£": "£ gbp pound pounds sterling",
        "₹": "₹ rs inr rupee rupees रुपये रुपए",
        "₽": "₽ rouble roubles ruble rubles рублей рубля",
        "¥": "¥ yen yuan",
    }
)
UNITS = CURRENCIES | _values(
    {
        "%": "% ٪ percent pct процент процента процентов प्रतिशत بالمئة بالمائة",
        "km": "km kilometre kilometres kilometer kilometers км किलोमीटर كيلومتر كم",
        "mi": "mile miles",
        "m": "metre metres meter meters метров मीटर متر",
        "kg": "kg kilogram kilograms кг",
        "t": "tonne tonnes ton tons тонн टन طن",
        "°": "° degrees °c",
        "am": "am",
        "pm": "pm",
        "h": "hour hours часов घंटे ساعة",
        "day": "day days дней दिन أيام",
        "year": "year years лет साल",
        "th": "st nd rd th",
    }
)
UNIT_PAIRS = {("per", "cent"): "%", ("في", "المئة"): "%", ("في", "المائة"): "%"}
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
ONES += "fifteen sixteen seventeen eighteen nineteen"
TENS = "- - twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {w: float(i) for i, w in enumerate(ONES.split())} | {"dozen": 12.0}
NUMBER_WORDS |= {w: 10.0 * i for i, w in enumerate(TENS.split()) if w != "-"}
ORDINALS = "- first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
ORDINALS += "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
# Ordinals and fractions count only against another number: "first" is often an adverb.
ORDINAL_WORDS = {w: float(i) for i, w in enumerate(ORDINALS.split()) if w != "-"}
FRACTIONS = {"half": 0.5, "quarter": 0.25}
WEAK = {*ORDINAL_WORDS, *FRACTIONS, "one"}  # "one man" / "a man" is style
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}  # "$5m", "1.2bn"
# Words before a number that bound it: "more than 100" is not "fewer than 100".
BOUNDS = {(w,): ">" for w in _set("over above exceeding более свыше")}
BOUNDS |= {(w,): "<" for w in _set("under below менее")}
BOUNDS |= {tuple(p.split()): ">" for p in ("more than", "at least", "plus de", "أكثر من")}
BOUNDS |= {tuple(p.split()): "<" for p in ("fewer than", "less than", "up to", "at most")}
BOUNDS |= {tuple(p.split()): "<" for p in ("moins de", "menos de", "أقل من")}
VAGUE = _set("dozens scores tens hundreds thousands millions billions")
NOT_ONE = _set("no any every some each another")  # "no one", "one another": pronouns
# Words that start sentences without being names ("Officials said..." / "Authorities said...").
ORDINARY_FIRST_WORDS = _set(
    "the a an in on at for to of by with from after before during while when as but and or so "
    "yet if though although because since until despite however meanwhile instead also still "
    "then now later earlier there here this that these those it its he she they we you his her "
    "their our my some many most more several few all both each every other another such about "
    "around nearly almost only even just last next according speaking asked under over between "
    "among against within through across near what who which where why how whether officials "
    "authorities police residents witnesses rescuers firefighters crews troops soldiers "
    "protesters demonstrators analysts experts critics investigators prosecutors doctors "
    "lawmakers ministers leaders workers voters shares prices sources reports people families "
    "survivors victims students officers government scientists researchers economists investors "
    "markets separately elsewhere overall already local regional federal national state "
    "emergency security military health hospital spokesman spokeswoman fewer less "
    # French, German, Spanish, Russian: articles, prepositions, pronouns, conjunctions
    "le la les l' un une des du en dans pour par sur avec selon mais et il elle ils nous on ce "
    "der die das den dem des ein eine einen im am an auf mit nach bei für von zu und aber er es "
    "wir el los las una por para con según pero y él ella ellos "
    "в во на с со по из к у о об от до за для и но а это он она они мы "
    # Greek
    "ο η το οι τα τον την του της των τους τις ένας μια μία ένα σε στο στη στην στον στα στις "
    "στους από με για κατά μετά πριν προς και αλλά ή ενώ όταν αν ότι αυτός αυτή αυτό αυτοί "
    "αυτές αυτά αλλού επίσης ωστόσο όμως σύμφωνα"
)
TITLES = _set("mr mrs ms dr prof president minister prime senator sen governor gov mayor general")
TITLES |= _set("gen judge king queen prince chancellor secretary министр президент")
OPENERS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“”", "‚": "‘’", "「": "」"}
DEMONYM_ENDINGS = {"", "a", "e", "i", "y", "n", "an", "ian", "ia", "ese", "ish"}
AND = _set("and or & und et y и или و और")
KEEP = frozenset("$€£¥₹%٪°")
