"""What page furniture says: the vocabulary of menus, share bars, forms and footers.

Three kinds of chrome are told apart. *Furniture* is dropped wherever it
appears (a share bar, "Advertisement", a newsletter box in mid-story). An *end
marker* also means the story is over (comments, tags, a copyright line, "Next
post"), so whatever follows belongs to other stories. A *break* (a "Related
articles" heading, a lone credit line) usually ends the story too, but may also
head a box of links between two paragraphs; the cleaner decides which from what
follows it. Phrases match whole short lines (or, for "Tags:"-style prefixes, line
starts), so a sentence that merely mentions "share" or "comments" is never
touched. English, German, French and Spanish are covered.

Phrase lists are written one group per line, phrases separated by ";". Each
phrase is a case-folded regular expression that starts with a literal word or
a group of literal words, "(?:next|previous) post": lines are looked up by
their first word, so hundreds of phrases cost one dictionary lookup per line.
"""

from __future__ import annotations

import re
from collections import defaultdict

from tui.clean.meta import find_byline, find_date, is_credit_line

_LINE_WORD = re.compile(r"^\W*?([^\W\d_][\w'-]*|\d+)")
_LITERAL_WORD = re.compile(r"[^\W\d_][\w'-]*|\\d\+")
_WORD_GROUP = re.compile(r"\(\?:((?:[^\W\d_][\w' -]*\|)+[^\W\d_][\w' -]*)\)")
_AFTER_FIRST_WORD = (" ", "(?: ", "(?:\\s", "\\s", "\\b", ":")
_FIRST_WORDS: set[str] = set()  # every word that starts some phrase


class _Phrases:
    """A set of phrases, each compiled under the first word(s) it can start with."""

    def __init__(self, phrases: str, *, whole_line: bool) -> None:
        groups: dict[str, list[str]] = defaultdict(list)
        for phrase in _split_phrases(phrases):
            for word in _first_words(phrase):
                groups[word].append(phrase)
        end = r"[\s:.!?…|»›>*]*$" if whole_line else ""
        self.by_word = {
            word: re.compile(rf"(?:{'|'.join(group)}){end}") for word, group in groups.items()
        }
        _FIRST_WORDS.update(self.by_word)

    def match(self, folded: str, head: tuple[str, int] | None) -> bool:
        """True when `folded`, whose first word is `head`, starts with or is a phrase."""
        if head is None:
            return False
        pattern = self.by_word.get(head[0])
        return pattern is not None and pattern.match(folded, head[1]) is not None


def _split_phrases(text: str) -> list[str]:
    """Phrases from a block: ";"-separated, one group per line, "#" lines are comments."""
    lines = (line.strip() for line in text.splitlines())
    return [
        phrase.strip()
        for line in lines
        if line and not line.startswith("# ")
        for phrase in line.split(";")
        if phrase.strip()
    ]


def _first_words(phrase: str) -> list[str]:
    """The literal word(s) a phrase starts with ("#" for a number); typos fail at import."""
    group = _WORD_GROUP.match(phrase)
    match = group or _LITERAL_WORD.match(phrase)
    rest = phrase[match.end() :] if match else "?"
    if not match or not (rest == "" or rest.startswith(_AFTER_FIRST_WORD)):
        raise ValueError(f"phrase must start with whole literal words: {phrase!r}")
    if group:
        return [words.split()[0] for words in group.group(1).split("|")]
    return ["#" if match.group() == r"\d+" else match.group()]


def _first_word(folded: str) -> tuple[str, int] | None:
    """A line's first word and where it starts, when some phrase starts with it."""
    found = _LINE_WORD.match(folded)
    if not found:
        return None
    word = "#" if found.group(1).isdigit() else found.group(1)
    return (word, found.start(1)) if word in _FIRST_WORDS else None


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string, to keep tables compact."""
    return tuple(text.split())


def fold(line: str) -> str:
    """A line as phrases see it: case-folded, curly apostrophes made straight."""
    return line.casefold().replace("’", "'")


# Headings of what only comes after a story: comments, pagination to other posts.
_END_HEADINGS = _Phrases(
    r"""
    about the author; tag; tags; topics
    (?:previous|prev|next|older|newer) (?:post|article|story|entry)
    (?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)
    comment; comments(?: \(\d+\))?; \d+ comments?; no comments(?: yet)?; (?:show|view) comments
    be the first to comment.*; (?:join|start) the (?:conversation|discussion)
    comments are closed; \d+ (?:comments?|responses?|replies|thoughts?) (?:to|on) .{1,120}
    one (?:comment|response|reply|thought) (?:to|on) .{1,120}
    # German, French, Spanish
    kommentar; kommentare(?: \(\d+\))?; kommentar schreiben
    (?:vorheriger|nächster) (?:artikel|beitrag)
    commentaire; commentaires; (?:laisser|ajouter|écrire) un commentaire
    (?:article|billet) (?:précédent|suivant)
    comentario; comentarios; (?:deja|escribe) (?:un|tu) comentario
    (?:artículo|entrada) (?:anterior|siguiente)
    """,
    whole_line=True,
)

# Headings of link boxes: other stories, sponsors. Usually the story is over, but
# big sites also drop such a box between two paragraphs (see `text._resolve_breaks`).
_BOX_HEADINGS = _Phrases(
    r"""
    related; related (?:articles?|posts?|stories|news|content|coverage|reading|links|topics)
    related (?:videos?|galleries)
    (?:more|other|latest|recent|top|similar|trending) (?:stories|news|articles|posts|headlines)
    (?:more|other|latest|top|similar) (?:stories|news|articles) (?:from|on|in) .{1,40}
    more from .{1,40}; also recommended; recommended(?: for you| (?:stories|articles|reading))?
    you (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in)
    (?:read|watch|up) next; what to read next; keep reading; trending(?: now| today)?
    most (?:read|popular|viewed|shared|commented); popular (?:now|posts|stories|articles)
    don't miss(?: this)?; dont miss
    (?:sponsored|promoted|paid|partner)(?: (?:links?|content|stories|posts?|by .{1,40}))*
    # German
    mehr zum thema; das könnte sie auch interessieren; auch interessant; meistgelesen
    (?:ähnliche|verwandte|weitere) (?:artikel|beiträge|nachrichten|themen)
    meistgelesene artikel
    # French
    (?:article|articles|contenu|contenus) (?:similaires|liés|associés)
    sur le même sujet; les plus lus; vous (?:aimerez|pourriez aimer) aussi
    # Spanish
    (?:noticias|artículos|notas) relacionad[oa]s; te puede interesar
    también te puede interesar; lo más (?:leído|visto)
    """,
    whole_line=True,
)

# Lines that begin a trailer of the page, whatever follows on the line.
_END_PREFIXES = _Phrases(
    r"""
    (?:tag|tags|topic|topics|keyword|keywords|category|categories)\s*:; filed under\b
    (?:schlagwörter|schlagworte|stichwörter|themen|mots-clés|étiquettes|etiquetas|temas)\s*:
    mots clés\s*:; (?:disclaimer|haftungsausschluss|avertissement)\s*:; aviso legal\s*:
    copyright\b; powered by\b; all rights reserved
    our standards\s*:; (?:editorial|journalism) standards\s*:; the thomson reuters trust principles
    (?:read|see) our (?:editorial )?(?:standards|corrections policy|ethics policy)
    reporting by [^.\x3b]{1,80}[\x3b,] (?:writing|editing|edited) by
    additional reporting by [^.\x3b]{1,80}[\x3b,] (?:writing|editing|edited) by
    """,
    whole_line=False,
)
_COPYRIGHT_SIGN = ("©", "(c) ", "(c)2", "(c)1")
# A footer's copyright names a year or reserves rights; "© Jane Doe" alone credits a picture.
_FOOTER_COPYRIGHT = re.compile(r"(?:19|20)\d\d|rights|rechte|droits|derechos|diritti")

# "31 minutes ago" on a line of its own: a timestamp on a teaser card.
_RELATIVE_TIME = _Phrases(
    r"""
    (?:updated|posted|published) (?:\d+|an?|one) <unit>s? ago; \d+ <unit>s? ago
    (?:a|an|one) <unit>s? ago
    vor (?:\d+|einer?) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)
    il y a (?:\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)
    hace (?:\d+|una?) (?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)
    just now; gerade eben; à l'instant; ahora mismo
    """.replace("<unit>", "(?:sec|second|min|minute|hr|hour|day|week|month|year)"),
    whole_line=True,
)

# Share buttons, alone or run together ("ShareTweetSendSharePin").
_SHARE_WORDS = _words(
    """share tweet send pin email e-mail mail print whatsapp facebook twitter x linkedin
    telegram reddit pinterest messenger flipboard copy save bookmark teilen drucken
    partager imprimer compartir imprimir"""
)
_SHARE_BAR = re.compile(rf"(?:(?:copy link|{'|'.join(_SHARE_WORDS)})[\s|•·,/-]*)+$")

_FURNITURE_LINES = _Phrases(
    r"""
    # sharing and following
    share (?:this|on|via|the|article|story|post|page).{0,40}; follow us(?: on .{1,30})?
    like this; teilen sie (?:diesen|den) artikel; partager (?:cet|l') ?article.{0,20}
    click to (?:share|email|print|tweet).{0,60}; permalink
    # accounts and comment forms (form sentences are caught by _CHROME_SENTENCES)
    log in; login; sign in; signin; sign up; signup; register; log out; logout; my account
    create (?:an |your )?account; welcome back; remember me; username; password; name
    email; e-mail; website; post comment; submit; anmelden; abmelden; registrieren
    se connecter; connexion; s'inscrire; iniciar sesión; registrarse; passwort vergessen
    mot de passe oublié; olvidaste tu contraseña; contraseña
    (?:log in|login|sign in) to (?:your|my) account.{0,20}
    # newsletters and subscriptions
    subscribe(?: now| today| here)?; newsletter; sign up for (?:our|the) .{1,40}
    get (?:our|the) .{1,40} newsletter; enter your e-?mail(?: address)?; your e-?mail(?: address)?
    abonnieren; newsletter abonnieren; s'abonner; abonnez-vous; suscríbete; suscribirse
    # advertising
    advertisement; advertising; ad; ads; anzeige; werbung; publicité; publicidad; pub
    continue reading (?:below|after (?:the )?ad(?:vertisement)?)
    story continues below(?: advertisement)?; scroll to continue(?: with content)?
    # navigation and player controls
    home; menu; search; close; back to top; top; show more sharing options; more sharing options
    skip to (?:main )?(?:content|article|navigation); submit a tip
    open in app; open app; get the app; download (?:the|our) app
    view all(?: results?)?; view more; no results?; show more; load more; see more; see all
    read more; continue reading; read full (?:article|story)
    listen(?: to (?:this|the) (?:article|story))?; play; pause; font size; text size
    print this (?:article|page); feedback; rss(?: feed)?; sitemap; contact(?: us)?; about(?: us)?
    privacy(?: policy)?; cookie (?:policy|settings); terms (?:of (?:use|service)|and conditions)
    accept(?: all)?(?: cookies)?; reject all; manage (?:cookies|preferences)
    imprint; impressum; datenschutz; datenschutzerklärung; kontakt; mentions légales
    aviso legal; política de privacidad; startseite; accueil; inicio
    watch(?: now| live)?; video; videos; photo; photos; gallery; photo gallery; live tv
    e-paper; epaper; breaking(?: news)?; undo
    """,
    whole_line=True,
)

# "Also read: <link>" and friends: a link to another story placed in the body.
_ALSO_READ = _Phrases(
    r"""
    (?:also read|read also|see also|also see|read more|related)\s*(?:[:|–—-]|$)
    (?:lire aussi|à lire aussi|à lire également|voir aussi)\s*(?:[:|–—-]|$)
    (?:lesen sie auch|auch lesen|mehr lesen|lee también|leer más|ver también)\s*(?:[:|–—-]|$)
    """,
    whole_line=False,
)

# Sentences that only page chrome writes, in lines of any length up to a paragraph.
# Each needs one of the cue words, checked first because a substring test is cheap.
_CHROME_CUES = re.compile(r"pass|user|newsletter|cookie|mail|app|required|agree")
_CHROME_SENTENCES = re.compile(
    r"\b(?:enter|reset|forgot|forgotten|retrieve|lost|choose|confirm) (?:your |a )?"
    r"(?:username|password|e-?mail address)\b|\busername or (?:e-?mail|password)\b"
    r"|\b(?:sign up|subscribe) (?:for|to) (?:our|the|my)\b.{0,40}\bnewsletter"
    r"|\bnewsletter\b.{0,80}\b(?:inbox|sign up|subscribe)\b"
    r"|\bcookies\b.{0,160}\b(?:experience|browsing|consent|accept|agree|privacy|analytics)"
    r"|\b(?:we|our (?:site|website)|this (?:site|website)) uses? cookies\b|\buse of cookies\b"
    r"|\b(?:wir verwenden|verwendet) cookies\b|\bnous utilisons des cookies\b"
    r"|\butilizamos cookies\b"
    r"|\byour e-?mail address will not be published\b|\brequired fields are marked\b"
    r"|\bby (?:clicking|signing up|subscribing|continuing)\b.{0,60}\b(?:agree|accept)"
    r"|\b(?:download|get) (?:our|the) (?:free )?app\b"
)

# Wire desk routing codes ("int/scor/rs") at the foot of agency copy.
_DESK_CODE = re.compile(r"[a-z]{1,6}(?:/[a-z]{1,6}){1,6}$")

_BULLET = re.compile(r"(?:[•·▪▸►▶‣◦●■□»›*]|[-–—](?=\s))\s*")
_BULLET_CHARS = "•·▪▸►▶‣◦●■□»›*-–—"

# Date and byline lines: "Updated: July 1, 2025 10:00 IST", "Veröffentlicht am 3. März 2024".
_PUBLISH_WORDS = _Phrases(
    r"""
    published; updated; last updated; posted; first published; modified; date
    veröffentlicht; aktualisiert; zuletzt aktualisiert; stand; erschienen
    publié; mis à jour; publicado; actualizado; atualizado; fecha
    pubblicato; aggiornato
    """,
    whole_line=False,
)
_BY_WORDS = ("by ", "von ", "par ", "por ", "di ", "written ", "posted ", "reported ", "text ")
_TIME_WORDS = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?\b|\b(?:am|pm|a\.m\.|p\.m\.|uhr|ist|gmt|utc|cet|cest|est|"
    r"edt|pst|pdt|bst|et|on|at|um|le|à|el|a las|de|del)\b"
    r"|\b(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:day)?\b"
    r"|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
    r"|\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b"
    r"|[|,:•·()\[\]/+-]",
    re.IGNORECASE,
)

_SHORT_LINE = 120  # whole-line phrases are only tried on lines up to this long
_PHRASE_LINE = 400  # chrome sentences are only looked for in lines up to this long

# --- furniture that stands inside the story ------------------------------------------
#
# Some furniture sits between the paragraphs, and outlets that run the same wire copy or
# embed the same post print it alike: the credit line of an embedded post, a picture's
# credit or caption, a byline or contributor line, a reader poll, the outlet's pitch for
# subscriptions. Each kind has a shape that story text does not take; a sentence that
# merely mentions Twitter, a photo, a reporter or a vote is left alone.

# An embedded post's credit line: "— Donald J. Trump (@realDonaldTrump) July 15, 2018",
# perhaps after the post's picture link, with the dash lost in copying or the handle
# without brackets. The post's own text above it is a quotation and stays.
_SOCIAL_LINK = r"(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)"
_SOCIAL_LINKS = re.compile(_SOCIAL_LINK)
_LINK_LINE = re.compile(rf"(?:{_SOCIAL_LINK}\s*)+$")
_EMBED_CREDIT = re.compile(
    rf"(?:{_SOCIAL_LINK}\s*)*(?:[-–—―]{{1,2}}\s*)?(?P<name>[^@()]{{0,60}}?)\s*"
    r"(?P<open>\()?@\w{1,30}(?(open)\))(?P<when>[^@]{0,60})$"
)
# The same credit at the end of the post's paragraph; a dash always sets it off there.
_EMBED_TAIL = re.compile(
    rf"\s(?:{_SOCIAL_LINK}\s*)*[-–—―]{{1,2}}\s*[^@()\-–—―]{{0,60}}\(?@\w{{1,30}}\)?[^@]{{0,60}}$"
)
_EMBED_NAME_WORDS = 8  # "Norah O'Donnell🇺🇸", "Senator Jane Doe", "Foreign Ministry 🇫🇮"
_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
# Dates the shared date finder does not read: "16 июля 2018 г.", "2018年7月16日".
_OTHER_DATE = re.compile(
    r"\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+(?:19|20)\d\d(?:\s*г\.?)?"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
# Embeds that say what they are: Instagram's "A post shared by NAME (@handle) on DATE".
_EMBED_HEAD = re.compile(
    r"(?:a (?:post|photo|video) (?:shared|posted) by|ein beitrag geteilt von"
    r"|une publication partagée par|una publicación compartida (?:de|por)"
    r"|uma publicação compartilhada (?:por|de)|публикация от"
    r"|view this post on instagram|diesen beitrag auf instagram ansehen"
    r"|voir cette publication sur instagram|ver esta publicación en instagram)\b"
)
_EMBED_HEAD_LINE = 200  # characters: the head, a name, a handle and a date

# Picture credits and captions: "Photo: Jane Doe/Agency", "Credit: The Associated Press",
# "(File photo)", "... Getty Images", "... (AP Photo/Jane Doe, File)", "Image 3 of 12".
_CAPTION_HEAD = _Phrases(
    r"""
    (?:photo|photos|image|picture|foto|fotos|bild|illustration|fotografía|fotografia|video)\s*:
    (?:photo|image|picture|foto|bild|illustration|video) (?:credit|courtesy|source)\s*:
    (?:file photo|representational image|crédit photo|crédito|credit|credits)\s*:
    (?:foto de archivo|photo d'archives|archivbild|archivfoto)\s*:
    (?:image|picture|media|photo) (?:copyright|caption|source)\b; photographie\s*:
    """,
    whole_line=False,
)
# Other scripts (Devanagari vowel signs are no word characters, so no first-word lookup):
# Cyrillic, Arabic, Devanagari, Chinese, kana and Hangul "photo:", "picture source:".
_CAPTION_HEAD_SCRIPTS = re.compile(
    r"[\s(（\[【]*(?:фото|фотография|изображение|صورة|الصورة|تصوير|फोटो|फ़ोटो|तस्वीर"
    r"|图片来源|圖片來源|图片|圖片|图|圖|摄影|攝影|写真|撮影|사진)\s*(?:[:：=／/|]|$)",
    re.IGNORECASE,
)
_ARABIC_PHOTOGRAPHED = "تصوير "  # "تصوير أحمد حسن": photographed by, without a colon
_CHINESE_PHOTOGRAPHED = re.compile(r"(?:记者|記者)\s*[^\s，,。]{1,12}\s*摄[)）]?$")
_CAPTION_PAREN = re.compile(r"\((?:photo|image|file photo|foto|bild|representational)\b[^)]*\)$")
_PICTURE_AGENCIES = ("getty images", "shutterstock", "istock", "istockphoto", "alamy", "getty")
# "Getty" alone only after a credit's slash, bar or "via": J. Paul Getty ends sentences too.
_CAPTION_TAIL = re.compile(
    r"(?:\b(?:getty images|shutterstock|istock(?:photo)?|alamy)|(?:[/|]|\bvia)\s*getty)\s*\)?$"
)
# "(AP Photo/Jane Doe) Jane Doe AP", "Jane Doe, File AP Photo": a credit opening or closing
# a short line.
_LEADING_PHOTO_CREDIT = re.compile(r"\([A-Z]{2,}(?: Photo)?/[^()]{1,60}\)")
_AGENCY_PHOTO_END = re.compile(r"\b[A-Z]{2,} Photo\)?$")
_CREDIT_LINE_WORDS = 8
_PHOTO_CREDIT = re.compile(
    r"(?:\b[A-Z]{2,}(?: Photo)?|\bPhoto)/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [Ff]ile)?\)?$"
)
# "(Jane Doe/Pool Photo via AP, File)", "(Photo: Jane Doe/AP)": a photo named beside a
# slash, colon or "via" in brackets closing the line ("(a photo of his dog)" is prose).
_PAREN_PHOTO_END = re.compile(
    r"\([^()]{0,60}?(?:\bphoto\s*[/:]|/\s*(?:pool )?photo\b|\bphoto via\b)[^()]{0,60}\)$",
    re.IGNORECASE,
)
# Transmission codes agencies append to a picture's caption ("ORG XMIT: GBRM159"), and the
# photographer and agency some sites print again after the credit ("(AP Photo/Jane Roe)
# Jane Roe AP").
_PHOTO_CODE = re.compile(r"\s*(?:ORG XMIT|ORIG FILE ID)\s*:\s*\S+\s*$")
_AGENCY_ECHOES = (" AP", " AFP", " EPA", " Reuters", " REUTERS", " Getty", " TASS")
_CREDIT_ECHO = re.compile(
    r"(?<=\))\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:AP|AFP|EPA|Reuters|REUTERS|Getty|TASS)$"
)
# "Pool photo by Jane Doe", "Photograph by Jane Doe / AFP / Getty": the rest must be a name.
_PICTURE_BY = re.compile(
    r"\(?(?:[a-z]+ )?(?:photo|photograph|picture|image|video|illustration|graphic)s?"
    r" (?:by|courtesy of|courtesy)\s+(?=\S)"
)
_GALLERY_COUNT = re.compile(
    r"(?:image|photo|picture|slide|foto|bild)\s*\d+\s*(?:of|/|von|de|sur)"
    r"\s*/?\s*\d+$"
)
# AP's captions of file pictures: "FILE - In this July 7, 2017, file photo, ...".
# Captions also name who stands where, "(L-R) ...", and picture agencies open theirs with
# a place and a day in capitals: "BRUSSELS, BELGIUM - JULY 11: Heads of state ...".
_CAPTION_OPENINGS = ("FILE -", "FILE –", "FILE —", "FILE:", "FILE PHOTO", "(L-R", "L-R", "(R-L")
_AGENCY_CAPTION_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{1,30}, [A-Z][A-Z .'-]{1,30} [-–—] (?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE"
    r"|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER) \d{1,2}:"
)
_IN_THIS_PHOTO = re.compile(
    r"in this (?:(?:file |undated |handout |aerial )*(?:photos?|photograph|image|picture)(?![\w-])"
    r"|.{0,40}?\b(?:19|20)\d\d\b,?\s*(?:file |handout )?(?:photos?|photograph|image|picture)"
    r"(?![\w-]))"
)

# Staff credits: "Associated Press writers X and Y contributed to this report.",
# "(Reporting by X; Editing by Y)", "Additional reporting by X".
_CONTRIBUTED = re.compile(
    r"^(?P<who>.{3,200}?)\s+(?:also |have |has )?contributed (?:additional )?"
    r"(?:reporting|to this (?:report|story|article|dispatch))(?: (?:from|in) [^.!?]{1,60})?"
    r"\s*[.!]?$",
)
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?]\s")  # "said. The", not "J. Smith"
_STAFF_CREDIT = re.compile(
    r"\(?(?:additional |with |and )?(?:reporting|writing|editing|edited|compiled|research"
    r"|graphics?)(?: by\b|\s*:)\s*"
)
# Words a byline may hold beside names: "By Jane Doe, AP Staff Writer | on July 15 at 9 AM".
_BYLINE_WORDS = frozenset(
    _words(
        """and on at by of the in for from with am pm a.m. p.m. updated published posted staff
        writer writers reporter reporters correspondent editor contributor email e-mail author
        follow und et y e von der de la le el del di da"""
    )
)
_BYLINE_LOWER_WORDS = 2  # other lower-case words a byline may hold
_AUTHORS = re.compile(r"\s*(?:,|&|\b(?:and|AND|und|et|y)\b)\s*")  # "By A, B and C"

# Reader polls: a question with its answers, "Vote now", "View results", "Yes 45%".
_POLL_ANSWER = r"(?:yes|no|not sure|maybe|undecided|don't know|ja|nein|oui|non|sí|si)"
_POLL = re.compile(
    r"(?:(?:vote|cast your vote|submit(?: your)? vote|view (?:the )?results|see (?:the )?results"
    r"|show results|results|thanks? (?:you )?for voting|you(?: have|'ve) already voted"
    r"|total votes?\s*:?\s*[\d,.]+|[\d,.]+ votes?|question of the day"
    r"|(?:reader|quick|daily|online|today's|our|weekly) poll|take (?:our|the) poll|vote now"
    r"|jetzt abstimmen|abstimmen|ergebnis(?:se)? anzeigen|votez|voter|voir les résultats"
    r"|votar|ver (?:los )?resultados)\W*"
    rf"|(?:.{{3,200}}\?\s*)?{_POLL_ANSWER}(?:\s*[/|•]?\s*{_POLL_ANSWER}){{1,4}}\W*"
    rf"|{_POLL_ANSWER}\s*[:–-]?\s*\d{{1,3}}(?:[.,]\d+)?\s*%|\d{{1,3}}(?:[.,]\d+)?\s*%\s*{_POLL_ANSWER}"
    r"|(?:poll|umfrage|sondage|encuesta)\s*:\s*.{5,200}\?)$"
)
_POLL_LINE = 250  # characters
_POLL_LABEL = 40  # characters: "Thank you for voting!", "Total votes: 1,234"

# The outlet's pitch for its subscriptions: lines that open with it ("Subscribe for
# unlimited access", "Already a subscriber?") and sentences that hold it, looked for only
# when one of their cue words is there.
_PITCH_OPENING = re.compile(
    r"(?:already|not) an? (?:regular |current |digital |print )?subscriber\b|subscribe\b"
    r"|(?:get|enjoy|start) unlimited (?:digital )?access\b"
    r"|your (?:subscription|support) (?:supports|helps|makes|allows|keeps)\b"
    r"|(?:please )?(?:support|help fund) (?:local|independent|quality|our) (?:news|journalism)\b"
    r"|(?:read (?:or|and) )?share this (?:story|article)\s*:"  # "Read or Share this story: URL"
)
_PITCH = re.compile(
    r"(?:no one|nobody) covers .{1,80}? better than (?:we do|us)\b"
    r"|\bwith an? (?:digital |print |premium |all-access )?subscription,?"
    r" you(?:'ll| will| can| get)\b|\bunsubscribe\b"
    r"|\byou(?:'ve| have) (?:successfully )?subscribed\b"
    r"|\byou(?:'ve| have) reached (?:your|the) (?:limit|maximum|monthly limit)\b"
)
_PITCH_CUES = ("subscri", "covers", "reached")
_HOUSE_LINE = 200  # characters: a pitch or rights notice is a sentence or two
# The outlet's rights notice: "Copyright 2018 The Associated Press. All rights reserved.",
# "This material may not be published, broadcast, rewritten or redistributed."
_COPYRIGHT_YEAR = re.compile(r"copyright\s*(?:©\s*|\(c\)\s*)?(?:19|20)\d\d\b")
_RIGHTS_NOTICE = re.compile(
    r"\ball rights reserved\b|\bmay not be (?:re)?(?:published|produced|copied|distributed)\b"
    r".{0,40}\b(?:broadcast|rewritten|redistributed|distributed|reproduced)\b"
)
# The author's contact line: "Follow him on Twitter @handle", "Email Jane Doe at jd@example.com".
_CONTACT = re.compile(
    r"(?:follow (?:him|her|them|me|us|the author)\b.{0,20}? on (?:twitter|x|facebook|instagram"
    r"|threads|bluesky)\b|(?:contact|reach|email|e-mail) (?:him|her|them|the (?:author|reporter|"
    r"writer)|[^\W\d_]+ [^\W\d_'-]+) at \S+@"
    r"|follow [^\W\d_]+(?: [^\W\d_'-]+)? on (?:twitter|x|facebook|instagram|threads|bluesky)"
    r"(?: at)?(?: @\w+)?[\s.]*$)"
)
_CONTACT_WORDS = 25

# What `is_furniture` looks at before any pattern runs, to stay cheap on the sentences of
# a whole library (nine in ten are refused in a microsecond or two):
# - a line that opens like some kind ("By", "Photo", "FILE", "(", a dash, a place in
#   capitals before a colon) is looked at;
# - a line that ends like prose only when it mentions subscribing, says "contributed"
#   near its end, or ends in a word contributor lines and rights notices end in ("…
#   contributed to this report.", "… or redistributed."); other pitches open with what
#   gives them away;
# - any other line (credit lines end in a date, a name or a bracket; polls and labels in
#   no full stop) when it is as short as a poll's label, holds "@", "/", "?" or "%", a
#   letter of another script than Latin at either end, or a cue word of some kind.
_OPENING_REACH = 16  # characters: the longest opening below
_FURNITURE_OPENINGS = (
    *_BY_WORDS,
    *("in this", "copyright", "support", "please", "a post", "view this", "additional"),
    *("subscri", "get unlimited", "no one", "nobody", "all rights", "you've", "you have"),
    *("you can", "thank you for", "thanks for"),
    *_words(
        """file photo image picture foto credit reporting editing writing follow contact reach
        email e-mail poll umfrage sondage encuesta l-r ( [ © - – — ―"""
    ),
)
_PROSE_LAST = frozenset(".!?…。！？।۔\"'”’»")
_PROSE_LAST_WORDS = _words("report story article reporting dispatch reserved redistributed")
_CLOSING_MARKS = ".!?\"'”’» "
_CUE_REACH = 70  # characters at the end of a prose line searched for "contributed"
_LINE_SIGNS = ("@", "/", "?", "%")
_LINE_CUES = _words(
    """contribut reserved redistribut subscri covers reached unlimited photo image picture
    getty credit caption video shutterstock alamy yes vote poll result"""
)
# Credits in other scripts start ("Фото:", "（摄影：") or end ("记者 李涛 摄）") in them.
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u9fff\uac00-\ud7af]")


def strip_bullet(line: str) -> tuple[str, bool]:
    """Remove a leading list marker; say whether there was one."""
    if not line or line[0] not in _BULLET_CHARS:
        return line, False
    match = _BULLET.match(line)
    return (line[match.end() :], True) if match else (line, False)


def line_role(line: str) -> str | None:
    """What chrome a line is: "end" (the story is over), "break" (a link box or a lone
    credit, which usually ends the story), "furniture" (drop it), or None (not chrome)."""
    if len(line) > _PHRASE_LINE:
        return None
    folded = fold(line)
    head = _first_word(folded)
    short = len(line) <= _SHORT_LINE
    if short and (_END_HEADINGS.match(folded, head) or _RELATIVE_TIME.match(folded, head)):
        return "end"
    if folded.startswith(_COPYRIGHT_SIGN):
        return "end" if _FOOTER_COPYRIGHT.search(folded) else "furniture"
    if _END_PREFIXES.match(folded, head):
        return "end"
    if short and (_BOX_HEADINGS.match(folded, head) or is_credit_line(line) or is_date_line(line)):
        return "break"
    if short and (
        _FURNITURE_LINES.match(folded, head)
        or _ALSO_READ.match(folded, head)
        or (folded.startswith(_SHARE_WORDS) and _SHARE_BAR.match(folded))
        or ("/" in line and _DESK_CODE.match(line))
        or is_byline_line(line)
    ):
        return "furniture"
    if _is_chrome_sentence(folded) or stands_as_furniture(line, folded, head):
        return "furniture"
    return None


def _is_chrome_sentence(folded: str) -> bool:
    """True for a sentence only page chrome writes ("We use cookies ...")."""
    return _CHROME_CUES.search(folded) is not None and bool(_CHROME_SENTENCES.search(folded))


def is_furniture(text: str) -> bool:
    """True for a line or sentence that is page furniture wherever it stands.

    The kinds: an embedded post's credit line ("— Name (@handle) July 15, 2018", a
    bare "pic.twitter.com/…" link, "A post shared by …"), a picture credit or caption
    ("Photo: Jane Doe, AP", "Foto: EFE", "Фото: ТАСС", "图片来源：…", "… (AP Photo/Jane
    Doe)", "FILE - In this … file photo, …"), a byline, wire credit or contributor line
    standing alone ("By The Associated Press", "(Reporting by …; Editing by …)", "… contributed
    to this report."), a reader poll ("Do you think …? Yes / No", "Vote now"), the
    outlet's pitch or rights notice, and the author's contact line. Story text that
    mentions Twitter, a photo, a reporter or a vote is not furniture. Cheap on most
    text (about a microsecond): a line holding none of the kinds' cue words is refused
    before any pattern runs.
    """
    text = text.strip()
    if not text or len(text) > _PHRASE_LINE or not _has_furniture_cue(text):
        return False
    folded = fold(text)
    return stands_as_furniture(text, folded, _first_word(folded))


def _has_furniture_cue(text: str) -> bool:
    """True when `text` may be furniture (see the comment above `_FURNITURE_OPENINGS`)."""
    if text[:_OPENING_REACH].lower().startswith(_FURNITURE_OPENINGS):
        return True
    if text[1:2].isupper() and ":" in text[:_CUE_REACH]:  # "PORTO, PORTUGAL - JULY 11:"
        return True
    if text[-1] in _PROSE_LAST:
        return (
            "subscri" in text
            or "contribut" in text[-_CUE_REACH:]
            or text.rstrip(_CLOSING_MARKS).endswith(_PROSE_LAST_WORDS)
        )
    if len(text) <= _POLL_LABEL or any(s in text for s in _LINE_SIGNS):
        return True
    if not text.isascii() and _OTHER_SCRIPT.search(text[:4] + text[-4:]):
        return True
    lowered = text.lower()
    return any(cue in lowered for cue in _LINE_CUES)


def stands_as_furniture(line: str, folded: str, head: tuple[str, int] | None) -> bool:
    """True for furniture that may stand between paragraphs (see `is_furniture`);
    `folded` is `fold(line)` and `head` its first word (`_first_word`)."""
    return (
        _is_embed_credit(line, folded)
        or _is_picture_credit(line, folded, head)
        or _is_staff_credit(line, folded)
        or _is_poll(folded)
        or _is_house_line(folded)
    )


def is_embed_credit(line: str) -> bool:
    """True for an embedded post's credit line ("— Jane Doe (@janedoe) July 15, 2018",
    "pic.twitter.com/…", "A post shared by …"): the line above it is the post's text."""
    line = line.strip()
    return bool(line) and _is_embed_credit(line, fold(line))


def _is_embed_credit(line: str, folded: str) -> bool:
    """True for an embedded post's credit line or its bare picture link."""
    if "@" in line:
        match = _EMBED_CREDIT.match(line)
        if match and _is_poster(match["name"]) and _is_post_date(match["when"], match["open"]):
            return True
    if "/" in line and _LINK_LINE.match(line):
        return True
    return len(line) <= _EMBED_HEAD_LINE and _EMBED_HEAD.match(folded) is not None


def _is_poster(name: str) -> bool:
    """True for the name before the handle in a credit line: a few words, not starting
    in lower case ("Donald J. Trump", "Foreign Ministry 🇫🇮", "王小明"; not "standing by for")."""
    words = name.split()
    return len(words) <= _EMBED_NAME_WORDS and not (words and words[0][0].islower())


def _is_post_date(when: str, bracket: str | None) -> bool:
    """True for what may follow the handle in a credit line: a date and time ("July 15,
    2018", "on Jul 15, 2018 at 10:02am PDT", "16 июля 2018 г."), or nothing after a
    bracketed handle ("— Jane Doe (@janedoe)")."""
    rest = _SOCIAL_LINKS.sub(" ", when).strip(" .")
    if not rest:
        return bracket is not None
    found = find_date(rest)
    if not found:
        return _OTHER_DATE.fullmatch(rest) is not None
    rest = _CLOCK_TIME.sub(" ", rest[: found[1]] + " " + rest[found[2] :])
    return not _TIME_WORDS.sub(" ", rest).split()


def strip_embed_credit(paragraph: str) -> str:
    """`paragraph` without an embedded post's credit line run on at its end: the post's
    text stays, "— Name (@handle) July 15, 2018" (and a picture link before it) goes."""
    if "@" not in paragraph[-_EMBED_HEAD_LINE:]:
        return paragraph
    match = _EMBED_TAIL.search(paragraph, max(0, len(paragraph) - _EMBED_HEAD_LINE))
    if match is None or match.start() == 0:
        return paragraph
    credit = match.group().strip()
    return (
        paragraph[: match.start()].rstrip() if _is_embed_credit(credit, fold(credit)) else paragraph
    )


def _is_picture_credit(line: str, folded: str, head: tuple[str, int] | None) -> bool:
    """True for a picture's credit or caption, in any of the forms above `_CAPTION_HEAD`."""
    if "ORG XMIT" in line or "FILE ID" in line or line.endswith(_AGENCY_ECHOES):
        line = _CREDIT_ECHO.sub("", _PHOTO_CODE.sub("", line))
        folded = fold(line)
    return (
        _CAPTION_HEAD.match(folded, head)
        or _is_caption_end(line, folded)
        or _is_credit_by(line, folded)
        or _is_caption_opening(line, folded)
        or _is_other_script_credit(line)
        or (len(line) <= _SHORT_LINE and _GALLERY_COUNT.match(folded) is not None)
        or (line.startswith("Credit") and line[6:7].isupper())  # "CreditJane Doe/Agency"
    )


def _is_caption_end(line: str, folded: str) -> bool:
    """True for a line closed by a picture credit: "(File photo)", "... Getty Images",
    "... town centre. REUTERS/Ana Silva", "... (Jane Doe/Pool Photo via AP, File)"."""
    if folded.startswith("(") and _CAPTION_PAREN.match(folded):
        return True
    if folded.rstrip(" )").endswith(_PICTURE_AGENCIES) and _CAPTION_TAIL.search(folded[-40:]):
        return True
    tail = line[-45:]
    if "/" in tail and _PHOTO_CREDIT.search(tail):
        return True
    if len(line.split()) <= _CREDIT_LINE_WORDS and _is_short_agency_credit(line):
        return True
    return line.endswith(")") and _PAREN_PHOTO_END.search(line[-125:]) is not None


def _is_short_agency_credit(line: str) -> bool:
    """True for a short line opened or closed by an agency's photo credit."""
    if line.startswith("(") and (match := _LEADING_PHOTO_CREDIT.match(line)):
        return len(line[match.end() :].split()) <= _CREDIT_LINE_WORDS // 2
    return line.endswith(("Photo", "Photo)")) and _AGENCY_PHOTO_END.search(line) is not None


def _is_credit_by(line: str, folded: str) -> bool:
    """True for "Pool photo by Jane Doe" and the like: a picture word, "by", a name."""
    match = _PICTURE_BY.match(folded)
    return match is not None and find_byline("By " + line[match.end() :]) is not None


def _is_caption_opening(line: str, folded: str) -> bool:
    """True for a line that opens like a caption: "FILE - ...", "In this July 7, 2017, photo,
    ...", "(L-R) ...", "BRUSSELS, BELGIUM - JULY 11: ..."."""
    if line.startswith(_CAPTION_OPENINGS):
        return True
    if line[:1].isupper() and line[1:2].isupper() and _AGENCY_CAPTION_DATELINE.match(line):
        return True
    if folded.startswith("file"):
        folded = folded[4:].lstrip(" -–—:")
    return folded.startswith("in this") and _IN_THIS_PHOTO.match(folded) is not None


def _is_other_script_credit(line: str) -> bool:
    """True for a picture credit in Cyrillic, Arabic, Devanagari, Chinese, kana or Hangul."""
    if line.isascii():
        return False
    if _CAPTION_HEAD_SCRIPTS.match(line) or _CHINESE_PHOTOGRAPHED.search(line[-30:]):
        return True
    return line.startswith(_ARABIC_PHOTOGRAPHED) and len(line.split()) <= 5


def _is_staff_credit(line: str, folded: str) -> bool:
    """True for a byline, wire credit or contributor line standing alone."""
    if is_byline_line(line) or is_credit_line(line):
        return True
    if "contributed" in folded:
        match = _CONTRIBUTED.match(line)
        return match is not None and not _SENTENCE_BREAK.search(match["who"])
    match = _STAFF_CREDIT.match(folded)
    return match is not None and find_byline("By " + line[match.end() :]) is not None


def _few_lower_words(line: str) -> bool:
    """True when a byline line holds names and a few job or time words ("By Jane Doe, AP
    Staff Writer | on July 15 at 9 AM"), not a clause ("Por Dios, no lo hagas, dijo.")."""
    lower = [w for w in line.split()[1:] if w[0].islower() and w.strip(",.|") not in _BYLINE_WORDS]
    return len(lower) <= _BYLINE_LOWER_WORDS


def _names_authors(line: str) -> bool:
    """True for "By A B and C D Agency Name": several authors, each a name on its own
    (`find_byline` reads at most six words)."""
    head, _, rest = line.partition(" ")
    parts = _AUTHORS.split(rest)
    return len(parts) > 1 and all(find_byline(f"{head} {part}") for part in parts)


def _is_poll(folded: str) -> bool:
    """True for a reader poll's line: a label ("Vote now"), a question with its answers,
    or a result ("Yes 45%"); only short lines, or lines with a "?" or "%", are tried."""
    if len(folded) > _POLL_LINE:
        return False
    if len(folded) > _POLL_LABEL and "?" not in folded and "%" not in folded:
        return False
    return _POLL.match(folded) is not None


def _is_house_line(folded: str) -> bool:
    """True for the outlet's own lines: its subscription pitch, its rights notice, a
    copyright line, or the author's contact line."""
    if folded.startswith(_COPYRIGHT_SIGN) or _COPYRIGHT_YEAR.match(folded):
        return True
    if _PITCH_OPENING.match(folded):
        return True
    if len(folded) > _HOUSE_LINE:  # a story paragraph with a pitch glued on stays
        return False
    if ("reserved" in folded or "may not be" in folded) and _RIGHTS_NOTICE.search(folded):
        return True
    stop = folded.find(". ")
    first = folded if stop < 0 else folded[: stop + 1]  # a pitch opens its paragraph
    if any(cue in first for cue in _PITCH_CUES) and _PITCH.search(first):
        return True
    return len(folded.split()) <= _CONTACT_WORDS and _CONTACT.match(folded) is not None


def is_link_lead_in(line: str) -> bool:
    """True for "Also read" alone on its line: the next short line is the link."""
    folded = fold(line).rstrip(" :|-–—")
    return len(folded) < 30 and _ALSO_READ.match(folded, _first_word(folded))


def is_meta_line(line: str) -> bool:
    """True for a byline or date line ("By Jane Doe", "Updated: July 1, 2025 10:00 IST")."""
    return is_byline_line(line) or is_date_line(line)


def is_byline_line(line: str) -> bool:
    """True for a byline ("By Jane Doe | Staff Reporter", "Posted on ... by Jane Doe",
    "By JANE DOE and JOHN ROE Associated Press") and nothing more: a sentence that
    opens like one ("Por Dios, no lo hagas, dijo el presidente.") is not."""
    if len(line) > 160:
        return False
    folded = fold(line)
    if not (folded.startswith(_BY_WORDS) or " by " in folded):
        return False
    return (find_byline(line) is not None or _names_authors(line)) and _few_lower_words(line)


def is_date_line(line: str) -> bool:
    """True for a line that only dates something ("Tuesday November 19, 2019 10:02 AM")."""
    if len(line) > 160:
        return False
    found = find_date(line)
    if not found:
        return False
    folded = fold(line)
    if _PUBLISH_WORDS.match(folded, _first_word(folded)):
        return True
    rest = line
    for _ in range(3):  # "Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m." has two
        rest = rest[: found[1]] + " " + rest[found[2] :]
        found = find_date(rest)
        if not found:
            break
    return len(_TIME_WORDS.sub(" ", rest).split()) <= 2
