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

# Captions and picture credits: "Photo: Jane Doe/Agency", "(File photo)", "... Getty Images".
_CAPTION_HEAD = _Phrases(
    r"""
    (?:photo|image|picture|foto|bild|illustration|fotografía|video)(?: credit| courtesy)?\s*:
    (?:file photo|representational image|crédit photo|crédito)\s*:
    """,
    whole_line=False,
)
_CAPTION_PAREN = re.compile(r"\((?:photo|image|file photo|foto|bild|representational)\b[^)]*\)$")
_PICTURE_AGENCIES = ("getty images", "shutterstock", "istock", "istockphoto", "alamy")
_CAPTION_TAIL = re.compile(rf"\b(?:{'|'.join(_PICTURE_AGENCIES)})\s*\)?$")
_PHOTO_CREDIT = re.compile(
    r"(?:\b[A-Z]{2,}(?: Photo)?|\bPhoto)/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\)?$"
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
    if _is_caption(folded, head) or _is_photo_credit_end(line) or _is_chrome_sentence(folded):
        return "furniture"
    return None


def _is_caption(folded: str, head: tuple[str, int] | None) -> bool:
    """True for a picture caption or credit ("Photo: ...", "(File photo)", "... Getty Images")."""
    if _CAPTION_HEAD.match(folded, head):
        return True
    if folded.startswith("(") and _CAPTION_PAREN.match(folded):
        return True
    tail = folded.rstrip(" )")
    return tail.endswith(_PICTURE_AGENCIES) and bool(_CAPTION_TAIL.search(folded[-40:]))


def _is_photo_credit_end(line: str) -> bool:
    """True for a caption signed "AGENCY/Photographer" ("... town centre. REUTERS/Ana Silva")."""
    return "/" in line[-45:] and _PHOTO_CREDIT.search(line[-45:]) is not None


def _is_chrome_sentence(folded: str) -> bool:
    """True for a sentence only page chrome writes ("We use cookies ...")."""
    return _CHROME_CUES.search(folded) is not None and bool(_CHROME_SENTENCES.search(folded))


def is_link_lead_in(line: str) -> bool:
    """True for "Also read" alone on its line: the next short line is the link."""
    folded = fold(line).rstrip(" :|-–—")
    return len(folded) < 30 and _ALSO_READ.match(folded, _first_word(folded))


def is_meta_line(line: str) -> bool:
    """True for a byline or date line ("By Jane Doe", "Updated: July 1, 2025 10:00 IST")."""
    return is_byline_line(line) or is_date_line(line)


def is_byline_line(line: str) -> bool:
    """True for a byline ("By Jane Doe | Staff Reporter", "Posted on ... by Jane Doe")."""
    if len(line) > 160:
        return False
    folded = fold(line)
    return (folded.startswith(_BY_WORDS) or " by " in folded) and find_byline(line) is not None


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
