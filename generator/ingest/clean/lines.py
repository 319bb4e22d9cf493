"""What the cleaner knows about each line of a page: its length, how much it reads like prose,
whether it ends like a sentence, is a list item, or holds page furniture."""

import re
from dataclasses import dataclass

from generator.ingest.clean.lang import any_language
from generator.ingest.clean.lang.boilerplate import INTERSTITIALS, TEASER_HEADINGS, TEASER_TAILS
from generator.ingest.clean.language import PROSE_STOPWORDS, WORD_RUN, prose_words

# Page furniture in German and English: calls to action, share/comment/newsletter/feed/job/
# cookie/paywall blocks, legal footers. A line holding one of these words, word beginnings or
# phrases is boilerplate. (Word sets and substring tests: a regular expression with this many
# alternatives cost more than all the rest of the cleaning.)
_FURNITURE_WORDS = frozenset("""teilen share tweet drucken whatsapp facebook twitter linkedin pinterest
    instagram youtube anmelden login logout rss feed feeds job jobs menü menu suche search mediathek
    kontakt impressum imprint agb plus premium related startseite homepage navigation cookies cookie
    privacy datenschutz merken antworten reply""".split())
_FURNITURE_PREFIXES = ("newsletter", "abonn", "subscri", "registrier", "datenschutz", "nutzungsbedingung",
                       "copyright", "kommentar", "comment", "leserbrief", "podcast", "werbung", "anzeige",
                       "advertis", "sponsored", "gesponsert", "stellenangebot", "karriere", "weiterlesen",
                       "bildrechte", "bildquelle", "kostenlos", "gratis", "rabatt", "gutschein", "merkliste",
                       "vorlesen", "paywall", "lesezeit")
_FURNITURE_PHRASES = ("©", "log in", "sign up", "sign in", "terms of use", "terms of service", "print this",
                      "email this", "e-mail this", "diskussion geschlossen", "push-mitteilung", "push notification",
                      "mehr zum thema", "mehr dazu", "mehr lesen", "mehr erfahren", "mehr artikel", "mehr news",
                      "read more", "more from", "das könnte sie auch", "das könnte dich auch", "auch interessant",
                      "you may also", "you might also", "recommended", "empfohlen", "meistgelesen", "most read",
                      "most popular", "zur startseite", "zum seitenanfang", "back to top", "contact us", "about us",
                      "über uns", "foto: ", "photo: ", "bild: ", "legende: ", "rechte: ", "credit: ", "image credit", "quelle: ", "getty images", "jetzt lesen",
                      "jetzt testen", "jetzt kaufen", "jetzt bestellen", "jetzt sichern", "jetzt abonnieren",
                      "artikel anhören", "artikel teilen", "artikel drucken", "artikel verschenken", "listen to this",
                      "exklusiv für", "für abonnenten", "reading time", "min read", "min. lesezeit", "minuten lesezeit",
                      "http://", "https://", "www.",
                      # calls to subscribe, install an app, give or write in, set inside the text
                      "to your inbox", "in your inbox", "delivered to your", "news alerts", "click here", "clicking here",
                      "hier klicken", "email address", "e-mail-adresse", "ihr feedback", "lesekomfort", "mit der app",
                      "supporting our")


# A report that someone would not comment is the article's prose, not a comment box: these
# phrases are taken out of a line before its furniture words are looked for.
_NO_COMMENT = ("declined to comment", "decline to comment", "refused to comment", "request for comment",
               "requests for comment", "no further comment")

# Words of consent texts (cookie banners, newsletter sign-ups): a line using two of them is
# asking for the reader's permission, however long and fluent it is.
_CONSENT = ("cookie", "einwillig", "consent", "datenschutzerkl", "privacy", "tracking", "widerruf", "zustimm",
            "einverstanden", "personenbezog", "drittanbieter", "drittplattform")


def is_furniture(low: str, words: list[str], furniture_words: frozenset[str] = _FURNITURE_WORDS) -> bool:
    """`low` is the line in lower case, `words` its words; `furniture_words` those that are no prose
    word of the page's language (describe_lines)."""
    return (any(w in furniture_words or w.startswith(_FURNITURE_PREFIXES) for w in words)
            or any(p in low for p in _FURNITURE_PHRASES))


_INTERSTITIALS = any_language(INTERSTITIALS)
_TEASER_HEADINGS = any_language(TEASER_HEADINGS)
_TEASER_TAILS = tuple(f"{dots}{space}{word}" for word in any_language(TEASER_TAILS)
                      for dots in ("…", "...") for space in ("", " "))
# What a label may carry around its words: "-- Anzeige --", "Lesen Sie auch:", "Mehr »".
_LABEL_MARKS = " .:!-–—»›>"


# The signature under an embedded post: "— Anna Muster (@amuster) November 18, 2019".
EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},?\s+\d{4}$")
LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
# A line that ends like a sentence, closing quotes and brackets allowed after the punctuation.
_ENDS_SENTENCE = re.compile(r"[.!?…:;。！？][\"'“”»«’)\]」』]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class LineInfo:
    """What the cleaner knows about one non-empty line."""

    text: str
    words: int
    stop_ratio: float
    sentence: bool  # ends like a sentence
    listed: bool  # a list item
    furniture: bool  # contains a boilerplate phrase
    consent: bool = False  # asks about the reader's data: a cookie or newsletter consent text
    interstitial: bool = False  # an ad label or a player's end card standing between paragraphs
    teaser_heading: bool = False  # heads a box of links to other articles ("Lesen Sie auch")
    teaser: bool = False  # another article's blurb ending in its link: "… mehr"
    signature: bool = False  # signs an embedded post quoted by the article: "— Name (@name) May 3, 2019"


def describe_lines(lines: list[str], lang: str = "") -> list[LineInfo]:
    """Non-empty lines with their features; the order is the document's. `lang` is the language
    whose prose words fill the page (language.prose_language), '' when none clearly does."""
    prose = prose_words(lang)
    # A word of the page's own prose is no sign of furniture: French "plus" is "more", not "Plus" content.
    furniture_words = _FURNITURE_WORDS - PROSE_STOPWORDS.get(lang, frozenset())
    infos = []
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        listed = bool(LIST_ITEM.match(raw))
        low = text.lower()
        words = WORD_RUN.findall(low)
        scanned, scanned_words = low, words
        if "comment" in low and any(p in low for p in _NO_COMMENT):
            for phrase in _NO_COMMENT:
                scanned = scanned.replace(phrase, " ")
            scanned_words = WORD_RUN.findall(scanned)
        consent = sum(w.startswith(_CONSENT) for w in words) >= 2
        stops = sum(w in prose for w in words)
        # Scripts written without spaces: about two characters make a word.
        count = len(words) + len(_CJK.findall(text)) // 2
        label = low.strip(_LABEL_MARKS) if count <= 8 and not listed else ""
        # A blurb ending in "… mehr" links to another article, as does a headline after a teaser
        # box's heading on the same line ("Lesen Sie auch: Neue Radwege am Fluss").
        teaser = low.rstrip(" .:»›>").endswith(_TEASER_TAILS) or \
            (count <= 20 and ":" in low and LIST_ITEM.sub("", low).split(":", 1)[0].strip(_LABEL_MARKS) in _TEASER_HEADINGS)
        infos.append(LineInfo(
            text=text, words=count,
            stop_ratio=stops / len(words) if words else 0.0,
            sentence=bool(_ENDS_SENTENCE.search(text)),
            listed=listed,
            furniture=consent or teaser or is_furniture(scanned, scanned_words, furniture_words),
            consent=consent,
            interstitial=label in _INTERSTITIALS,
            teaser_heading=label in _TEASER_HEADINGS,
            teaser=teaser,
            signature=bool(EMBED_SIGNATURE.match(text)),
        ))
    return infos
