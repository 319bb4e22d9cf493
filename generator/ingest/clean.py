"""Scraped page text → article body and metadata: pure functions on text, no disk.

The input is what a scraper saved: the article somewhere among menus, teasers, share widgets,
related links, comments and footers. Each non-empty line gets a weight (positive when it reads
like article prose, negative when it looks like page furniture); the article is the run of lines
with the highest total weight, trimmed at markers after which only boilerplate follows. Title,
dateline, language and date are then read from the body and the lines around it.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

# ----------------------------------------------------------------------------- normalising

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_text(text: str) -> str:
    """NFC, no soft hyphens or zero-width characters, one kind of space and line break."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# ----------------------------------------------------------------------------- language

# Frequent short words: enough to tell German from English prose, and to recognise prose at all
# (menus and link lists contain few of them; sentences contain many).
STOPWORDS = {
    "de": frozenset("""der die das den dem des ein eine einen einem einer eines und oder aber
        nicht auch ist sind war waren wird werden wurde wurden hat haben hatte hatten sich mit
        von vom zu zum zur im in auf aus bei nach für über unter vor durch gegen um als wie so
        noch nur schon sehr mehr dass daß es er sie wir ihr ich man sein seine ihre ihren ihrem
        dieser diese dieses diesem wenn weil doch sei seien kann können soll sollen muss müssen
        bis seit ob was wer wo hier dort dann denn jedoch sowie zwischen ab am beim ins laut""".split()),
    "en": frozenset("""the a an and or but not also is are was were be been being has have had
        of to in on at by for with from as into about over after before than that this these
        those it its he she they we you his her their our which who whom what when where while
        will would can could should may might must do does did there here said says more most
        such only so if because however just up out new one two""".split()),
}
_ALL_STOPWORDS = STOPWORDS["de"] | STOPWORDS["en"]
_WORD = re.compile(r"\w+")


def detect_lang(text: str) -> str:
    """'de' or 'en' by stopword counts over the first 400 words; '' when neither is clearly there."""
    words = [w.lower() for w in _WORD.findall(text[:4000])]
    if not words:
        return ""
    counts = {lang: sum(w in stops for w in words) for lang, stops in STOPWORDS.items()}
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    other = sum(counts.values()) - best
    if best < max(3, 0.12 * len(words)) or best < 1.5 * other:
        return ""
    return lang


# ----------------------------------------------------------------------------- line classes

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
                      "http://", "https://", "www.")


# Words of consent texts (cookie banners, newsletter sign-ups): a line using two of them is
# asking for the reader's permission, however long and fluent it is.
_CONSENT = ("cookie", "einwillig", "consent", "datenschutzerkl", "privacy", "tracking", "widerruf", "zustimm")


def is_furniture(low: str, words: list[str]) -> bool:
    """`low` is the line in lower case, `words` its words."""
    return (any(w in _FURNITURE_WORDS or w.startswith(_FURNITURE_PREFIXES) for w in words)
            or any(p in low for p in _FURNITURE_PHRASES))


_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'“”»«’)\]」』]*$")
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


def describe_lines(lines: list[str]) -> list[LineInfo]:
    """Non-empty lines with their features; the order is the document's."""
    infos = []
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        listed = bool(_LIST_ITEM.match(raw))
        low = text.lower()
        words = _WORD.findall(low)
        consent = sum(w.startswith(_CONSENT) for w in words) >= 2
        stops = sum(w in _ALL_STOPWORDS for w in words)
        # Scripts written without spaces: about two characters make a word.
        count = len(words) + len(_CJK.findall(text)) // 2
        infos.append(LineInfo(
            text=text, words=count,
            stop_ratio=stops / len(words) if words else 0.0,
            sentence=bool(_SENTENCE_END.search(text)),
            listed=listed,
            furniture=consent or is_furniture(low, words),
            consent=consent,
        ))
    return infos


def prose_weight(line: LineInfo, stop_min: float = 0.12) -> float:
    """Positive for lines that read like article prose, negative for page furniture.

    Long sentences full of function words are prose; short lines without sentence punctuation
    (menu entries, headings of teaser boxes, dates, bylines) and list items are furniture,
    unless they are sentences themselves. `stop_min` is 0 for languages without a stopword list.
    """
    if line.words == 0:
        return -3.0
    fluent = line.stop_ratio >= stop_min
    prose = fluent and (line.words >= 8 and line.sentence or line.words >= 20)
    if line.furniture:
        if prose and line.words >= 25 and not line.listed and not line.consent:
            return line.words * 0.3
        return -6.0 - min(line.words, 30) * 0.3
    if line.listed:
        return line.words * 0.5 if prose else -4.0
    if prose:
        return float(line.words) if line.sentence else line.words * 0.7
    if line.sentence and line.words >= 4:
        return line.words * 0.5
    return -2.0 - min(line.words, 10) * 0.2


def escalate_runs(weights: list[float], infos: list[LineInfo], step: float = 0.5) -> list[float]:
    """Make each further line of a block of menus, link lists or furniture cost more than the last.

    A lone short line between paragraphs is a sub-heading or caption; a block of list items or
    furniture is a menu, a teaser list or a footer, and prose beyond it belongs to another text.
    Plain short lines (bylines, captions) neither lengthen nor end such a block.
    """
    out, run = [], 0
    for w, line in zip(weights, infos):
        if w >= 0:
            run = 0
        elif line.listed or line.furniture:
            run += 1
        out.append(w * (1 + step * max(run - 1, 0)) if w < 0 else w)
    return out


def damp_isolated(weights: list[float], infos: list[LineInfo], short: int = 1000) -> list[float]:
    """Shrink short prose lines with no prose neighbour: teaser blurbs and comments, not paragraphs.

    Related-article lists and comment threads alternate a kicker or author line with one
    sentence of text; article paragraphs come in runs.
    """
    out = list(weights)
    for i, w in enumerate(weights):
        if w <= 0 or infos[i].words >= short:
            continue
        before = weights[i - 1] if i > 0 else -1.0
        after = weights[i + 1] if i + 1 < len(weights) else -1.0
        if before <= 0 and after <= 0:
            out[i] = w * 0.25
    return out


def best_run(weights: list[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the largest sum (Kadane); (0, 0) when all ≤ 0."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


# ----------------------------------------------------------------------------- dateline

# "KIEW / LONDON (IT BOLTWISE) –", "BERLIN (dpa) -", "London, 3 May (Reuters) -", "(Reuters) —",
# "CHICAGO, March 4 -": place names, an optional date, an optional agency, then a dash.
_PLACE = r"[A-ZÄÖÜ][\w'’.-]*(?:[ -][A-ZÄÖÜ][\w'’.-]*){0,3}"
_DATELINE = re.compile(
    rf"""^(?P<all>
        (?P<places>{_PLACE}(?:\s*[/,]\s*{_PLACE})*?)?
        (?:,\s*(?P<date>(?:\d{{1,2}}\.?\s+)?[A-Z][a-zä]+\.?(?:\s+\d{{1,2}})?))?
        \s*(?:\((?P<source>[^()]{{1,40}})\))?
        \s*[–—-])\s+(?=\S)""",
    re.X,
)


@dataclass(frozen=True)
class Dateline:
    text: str
    locations: tuple[str, ...]
    source: str


def _place_name(name: str) -> str:
    """'KIEW' → 'Kiew', 'NEW YORK' → 'New York'; names already in mixed case stay."""
    return name.title() if name.isupper() else name


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """A leading wire dateline and the paragraph without it; (None, paragraph) when there is none."""
    match = _DATELINE.match(paragraph)
    if not match or not (match.group("places") or match.group("source")):
        return None, paragraph
    places = match.group("places") or ""
    # Without an agency in brackets, only an all-caps place ("CHICAGO, March 4 -") is a dateline;
    # "Berlin - " could as well be a sentence's first word.
    if not match.group("source") and not (places.isupper() and match.group("date")):
        return None, paragraph
    if places and not places.isupper() and len(places.split()) > 3:
        return None, paragraph
    locations = tuple(_place_name(p.strip()) for p in re.split(r"\s*[/,]\s*", places) if p.strip())
    dateline = Dateline(match.group("all").strip(), locations, (match.group("source") or "").strip())
    return dateline, paragraph[match.end():]


# ----------------------------------------------------------------------------- title

# Each kind of quotation mark with its partner, so a title with other quotes inside survives.
_QUOTED = re.compile(r'"([^"\n]{12,200}?)"|„([^“\n]{12,200}?)“|»([^«\n]{12,200}?)«|«([^»\n]{12,200}?)»|“([^”\n]{12,200}?)”')
# The article named right before the quote ('zum Artikel "…"', 'the story "…"'); not a link to
# the next or previous one.
_MENTIONS_ARTICLE = re.compile(r"(?i)\b(artikel|beitrag|bericht|article|story|post)\W{0,3}$")
_OTHER_ARTICLE = re.compile(r"(?i)\b(next|previous|prev|nächste[rn]?|vorherige[rn]?|voriger?)\b")


@dataclass(frozen=True)
class Title:
    text: str
    source: str  # how it was found: 'metadata', 'quoted', 'heading', 'teaser', 'lead'


def quoted_title(lines: list[str], body: str) -> str:
    """A quoted phrase the page names as its article ('Kommentar zum Artikel "…"', 'share the story "…"');
    a phrase the article itself quotes is a citation, not its title."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in _QUOTED.finditer(line):
            phrase = next(g for g in match.groups() if g is not None).strip()
            before = line[:match.start()][-40:]
            if len(phrase.split()) >= 2 and _MENTIONS_ARTICLE.search(before) and not _OTHER_ARTICLE.search(before) \
                    and phrase not in body:
                counts[phrase] = counts.get(phrase, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0])))
    return ranked[0][0] if ranked else ""


# The header of a comment section names the article: "3 Kommentare zu „…“", "Ein Gedanke zu …",
# "4 thoughts on “…”", "No responses to …".
_COMMENT_HEADER = re.compile(
    r"""(?ix)^(?:\d+|ein|eine|one|no|keine)\s+
        (?:kommentare?|antworten|antwort|gedanken?|reaktionen|responses?|comments?|thoughts?|replies|reply)
        \s+(?:zu|zum\ artikel|auf|für|on|to|for)\s+(?P<title>.{6,200})$""")
_OUTER_QUOTES = "\"'„“”«»‚‘’‹›"


def comment_title(lines: list[str]) -> str:
    """The title a comment section's header gives ('2 Antworten zu „Title“'); '' when there is none."""
    for line in lines:
        match = _COMMENT_HEADER.match(line.strip())
        if match:
            title = match.group("title").strip().strip(_OUTER_QUOTES).strip()
            if 1 <= len(_WORD.findall(title)) <= 30:
                return title
    return ""


def heading_like(line: LineInfo) -> bool:
    return (2 <= line.words <= 30 and not line.furniture
            and not line.text.endswith((".", ",", ";")) and len(line.text) <= 250
            and not _DATE_ONLY.match(line.text))


def _overlap(a: str, body_words: set[str]) -> float:
    words = {w.lower() for w in _WORD.findall(a) if len(w) > 3}
    return len(words & body_words) / len(words) if words else 0.0


_BYLINE = re.compile(r"(?i)^(von|by|stand|aktualisiert|updated|published|veröffentlicht|autor|author)\b|\d{1,2}[.:]\d\d\s*uhr|\b(19|20)\d\d\b")


_BYLINE_START = re.compile(r"(?i)^(von|by|stand|aktualisiert|updated|published|veröffentlicht|autor|author)\b|\d{1,2}[.:]\d\d\s*uhr")


# Breadcrumb trails: "Start / Ausland / …", "Home » Reisen » …", "Forum>iPhone>…".
_CRUMB = re.compile(r"\s/\s|\s?[»›>]\s?")
# A date stamp the page set right before the headline: "27.01.2022Headline", "Jun 17 Headline".
_DATE_PREFIX = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d\d-\d\d|[A-Z][a-z]{2}\.? \d{1,2}),?\s*(?=[^\W\d_])")


def _title_text(line: LineInfo) -> str:
    """A candidate without its list marker, the breadcrumb trail before it ('Start / Ausland / …')
    or a date stamp glued to it; a colon spaced as in 'Kicker : Headline' (two elements of the
    page joined) is set as one."""
    text = _LIST_ITEM.sub("", line.text)
    if len(_CRUMB.findall(text)) >= 2:
        text = _CRUMB.split(text)[-1].strip() or text
    text = _DATE_PREFIX.sub("", text)
    return text.replace(" : ", ": ")


# Weights of the headline evidence, in the order `title_features` lists it; a candidate needs a
# positive score. Fitted on the dev pages as a softmax over each page's candidates and "none"
# (L2 0.003); when fitted, it picked 0.670 of the titles on pages held out of the fit (five-fold)
# and 0.700 on all of them.
# Every feature is a property of page layout in general, none names a site.
TITLE_WEIGHTS = (2.37, 1.61, 0.45, -1.10, 1.65, 0.66, -0.12, -0.77, 1.91, -0.99, 1.19, -0.81, 0.25, -1.02,
                 -1.57, -0.54, -2.11, -0.70, 0.10, 1.03, 0.31, -0.76, -0.48, 0.08, 0.57, -0.12, -1.49, 0.71, -1.62)
_KICKER = re.compile(r"^(.{3,80}?)\s[-–—|/]\s(.{12,})$")
# "Headline | Site": a bar names the site far more often than a kicker.
_SITE_SUFFIX = re.compile(r"^(.{12,}?)\s\|\s[^|]{2,40}$")
_COLON_KICKER = re.compile(r"^(.{3,60}?):\s(.{12,})$")


def title_candidates(infos: list[LineInfo], start: int, reach: int = 40) -> list[tuple[int, str, int]]:
    """(line index, text, kind) for headline-shaped lines shortly above the article and its first
    line (a headline the article's run took in). kind 0 is the whole line or the line without a
    site name after a bar ("Headline | Site"), 1 the part after a kicker and dash ("Kicker - Headline"),
    2 the part after a colon ("Kicker: Headline")."""
    out = []
    for i in range(max(0, start - reach), min(start + 1, len(infos))):
        line = infos[i]
        if not (1 <= line.words <= 30 and len(line.text) <= 250 and not line.text.endswith((".", ",", ";"))
                and not _DATE_ONLY.match(line.text)) or (line.listed and i + 1 < len(infos) and infos[i + 1].listed):
            continue  # list items only as the last of their list (a breadcrumb's end)
        text = _title_text(line)
        out.append((i, text, 0))
        for kind, pattern in ((1, _KICKER), (2, _COLON_KICKER)):
            match = pattern.match(text)
            if match:
                out.append((i, match.group(2), kind))
        suffixed = _SITE_SUFFIX.match(text)
        if suffixed:
            out.append((i, suffixed.group(1), 0))
    return out


def title_features(infos: list[LineInfo], start: int, i: int, text: str, kind: int,
                   body_words: set[str], lead_words: set[str], keys: list[str], offset: int,
                   page: dict[str, int], echoes: "PageEchoes") -> tuple[float, ...]:
    """The evidence that `text` (from line `i`) is the headline; TITLE_WEIGHTS weighs it."""
    line = infos[i]
    words = len(_WORD.findall(text))
    key = " ".join(_WORD.findall(text.lower()))
    echoed = any(j != i - offset and k.endswith(key) and len(key) > 10 for j, k in enumerate(keys))
    nxt = infos[i + 1] if i + 1 < len(infos) else None
    followed = nxt is not None and bool(_BYLINE.search(nxt.text)) and nxt.words <= 12
    lead_next = nxt is not None and nxt.words >= 12 and nxt.sentence and nxt.stop_ratio >= 0.12
    # A menu ends right above it; nothing but bylines and labels lie between it and the article.
    after_menu = float(any(other.listed for other in infos[max(0, i - 3):i]))
    lead_share = _overlap(text, lead_words)
    clear = float(not any(other.listed or other.words >= 12 and other.sentence for other in infos[i + 1:start]))
    return (
        _overlap(text, body_words), min(words, 10) / 10, 1 / (1 + max(start - 1 - i, 0)), float(words < 4),
        float(echoed), float(followed), float(line.listed), float(kind == 1), lead_share,
        float(i >= start), float(lead_next), float(page.get(line.text, 0) > 1),
        float(text.endswith(("?", "!", '"', "“", "«"))), float(line.furniture), float(bool(find_date(text))),
        float(bool(_BYLINE_START.search(text))), float(kind == 2), float(words == 1), float(line.sentence),
        float(words >= 2 and key in echoes.quoted), float(len(key) > 10 and echoes.repeats(key, i)),
        float(text.endswith(":")), float(words > 15), line.stop_ratio,
        after_menu, clear, float(lead_next and clear), float(after_menu and clear),
        lead_share ** 2,  # a line made of the lead's own words is its teaser, not its headline
    )


class PageEchoes:
    """Where else a page names a headline: in quotes ('Kommentare zu "…"', 'Bewertungen für „…“'),
    or inside a longer line far from it (its own entry in a list of stories, 'Mehr zu: Kicker - …')."""

    def __init__(self, infos: list[LineInfo], start: int, reach: int = 40):
        self.quoted = {" ".join(_WORD.findall(m.group(m.lastindex).lower()))
                       for line in infos if '"' in line.text or "„" in line.text or "»" in line.text
                       or "«" in line.text or "“" in line.text
                       for m in _QUOTED.finditer(line.text)}
        self.keys = [" ".join(_WORD.findall(line.text.lower())) for line in infos]
        self.near = range(max(0, start - reach), start + 3)

    def repeats(self, key: str, i: int) -> bool:
        return any(key in k and j not in self.near for j, k in enumerate(self.keys) if j != i)


def title_evidence(infos: list[LineInfo], start: int, body: str, lead: str,
                   repeated: frozenset[str] = frozenset()) -> list[tuple[str, tuple[float, ...]]]:
    """Each headline candidate near the article's start with its `title_features`; a line the
    source prints on most of its pages (`repeated`) names the site or a section, not this article."""
    body_words = {w.lower() for w in _WORD.findall(body[:3000]) if len(w) > 3}
    lead_words = {w.lower() for w in _WORD.findall(lead) if len(w) > 3}
    window = infos[max(0, start - 40):start + 1]
    keys = [" ".join(_WORD.findall(_title_text(line).lower())) for line in window]
    page: dict[str, int] = {}
    for line in infos:
        page[line.text] = page.get(line.text, 0) + 1
    candidates = [c for c in title_candidates(infos, start) if infos[c[0]].text not in repeated]
    echoes = PageEchoes(infos, start) if candidates else None
    return [(text, title_features(infos, start, i, text, kind, body_words, lead_words, keys, max(0, start - 40), page, echoes))
            for i, text, kind in candidates if len(_WORD.findall(text)) <= 18]


def heading_title(infos: list[LineInfo], start: int, body: str, lead: str, repeated: frozenset[str] = frozenset()) -> str:
    """The headline: the best-scored heading-like line shortly above the article (see TITLE_WEIGHTS).

    Evidence: it shares words with the article and its lead, it is near the article, followed
    by a byline or the lead, and pages often print it twice (breadcrumb and headline, or kicker
    joined to headline). Section labels ("Krieg in der Ukraine") also share words, so longer
    lines win ties.
    """
    best, best_score = "", 0.0
    for text, features in title_evidence(infos, start, body, lead, repeated):
        score = sum(w * f for w, f in zip(TITLE_WEIGHTS, features))
        if score > best_score:
            best, best_score = text, score
    return best


def teaser_title(after: list[LineInfo], lead: str, share: float = 0.6, least: int = 3) -> str:
    """With no headline above the article: the page's own entry in a list of stories after it,
    the headline-shaped line whose words the lead uses most (at least `least` of them, `share` of its words)."""
    lead_words = {w.lower() for w in _WORD.findall(lead) if len(w) > 3}
    best, best_share = "", share
    for line in after:
        if not heading_like(line):
            continue
        text = _title_text(line)
        words = {w.lower() for w in _WORD.findall(text) if len(w) > 3}
        shared = len(words & lead_words)
        if shared >= least and shared / len(words) >= best_share:
            best, best_share = text, shared / len(words)
    return best


def first_sentence(text: str, limit: int = 120) -> str:
    match = re.match(r"(.{20,}?[.!?…])(?:\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + " …"
    return sentence.strip()


# ----------------------------------------------------------------------------- dates

_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "march": 3, "mar": 3, "mär": 3, "april": 4, "apr": 4, "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<H>\d\d):(?P<M>\d\d))?"), False),
    (re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d)(?:,?\s+(?:um\s+)?(?P<H>\d{1,2})[:.](?P<M>\d\d))?"), False),
    (re.compile(rf"(?i)\b(?P<d>\d{{1,2}})\.?\s+(?P<mn>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)(?:,?\s+(?:um\s+)?(?P<H>\d{{1,2}})[:.](?P<M>\d\d))?"), True),
    (re.compile(rf"(?i)\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)(?:,?\s+(?:at\s+)?(?P<H>\d{{1,2}}):(?P<M>\d\d)(?:\s*(?P<pm>[ap])\.?m\b)?)?"), True),
)
_DATE_ONLY = re.compile(r"^[\W\d]*(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d\d-\d\d)[\W\d]*(?:uhr)?[\W\d]*$", re.I)


def find_date(text: str) -> datetime | None:
    """The first calendar date (with time when given) in `text`, as a naive datetime."""
    found = []
    for pattern, named_month in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        month = _MONTHS[match.group("mn").lower()] if named_month else int(match.group("m"))
        hour = int(match.group("H") or 0)
        if "pm" in pattern.groupindex and (match.group("pm") or "").lower() == "p" and hour < 12:
            hour += 12
        try:
            value = datetime(int(match.group("y")), month, int(match.group("d")), hour, int(match.group("M") or 0))
        except ValueError:
            continue
        found.append((match.start(), value))
    return min(found)[1] if found else None


# ----------------------------------------------------------------------------- the whole page

@dataclass(frozen=True)
class CleaningRules:
    """Per-source additions from site.yaml: lines to drop, and markers after which all is boilerplate."""

    drop: tuple[re.Pattern, ...] = ()
    cut_after: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """One article as the cleaner found it."""

    paragraphs: tuple[str, ...]  # body paragraphs; list items keep their '- '
    title: Title
    dateline: Dateline | None
    lang: str
    date: datetime | None  # naive: the page rarely says its zone
    summary: str


# Headings after which a page holds only comments, related links or footer.
_END_MARKER = re.compile(
    r"""(?ix)^(?:[-*]\s*)?(
      (\d+\s+)?kommentare?(\s*\(\d+\))?:? | (\d+\s+)?comments?(\s*\(\d+\))?:? | leave\ a\ (comment|reply) | schreibe?n?\ sie\ einen\ kommentar
    | mehr\ (zu|zum|zur|aus|von|über)\b.{0,40} | more\ (on|about)\b.{0,40} | das\ könnte\ (sie|dich)\ auch\ interessieren:? | weitere\ (artikel|inhalte|themen|nachrichten)(\ zum\ thema)?:?
    | related(\ (articles|stories|posts|content))?:? | more\ (from|on|stories)\b.* | you\ (may|might)\ also\ like:? | recommended(\ for\ you)?:?
    | (auch\ )?interessant:? | lesen\ sie\ auch:? | ähnliche\ (artikel|beiträge|themen):? | top(-|\ )themen:? | meistgelesen:?
    | über\ (den|die)\ autor(in)?:? | about\ the\ author:? | share\ this(\ article|\ story)?:? | teilen:? | artikel\ teilen:?
    )$"""
)


def join_neighbours(weights: list[float], start: int, end: int, gap: int = 12, share: float = 0.3) -> tuple[int, int]:
    """Widen [start, end) by the best run on either side when it is close (at most `gap` lines
    away) and carries at least `share` of the article's prose: an inline ad or teaser box can
    cost more than the paragraphs beyond it weigh, yet they are the same article."""
    mass = sum(w for w in weights[start:end] if w > 0)
    right_start, right_end = best_run(weights[end:])
    if right_end > right_start and right_start <= gap and \
            sum(w for w in weights[end + right_start:end + right_end] if w > 0) >= share * mass:
        end += right_end
    left_start, left_end = best_run(weights[:start])
    if left_end > left_start and start - left_end <= gap and \
            sum(w for w in weights[left_start:left_end] if w > 0) >= share * mass:
        start = left_start
    return start, end


def contents_entries(infos: list[LineInfo]) -> frozenset[int]:
    """Indexes of the list items that a line further down repeats: a table of contents, whose
    entries come back as the article's section headings."""
    last: dict[str, int] = {}
    keys = []
    for i, line in enumerate(infos):
        key = _LIST_ITEM.sub("", line.text).lower()
        keys.append(key)
        last[key] = i
    entries = set()
    for i, line in enumerate(infos):
        if line.listed and line.words <= 15 and last[keys[i]] > i + 1 and not (
                i + 1 < len(infos) and keys[i + 1] == keys[i]):
            entries.add(i)
    return frozenset(entries)


def announced_lists(weights: list[float], infos: list[LineInfo]) -> list[float]:
    """A list right after a sentence ending in a colon ("Die Rassen legen:") is the article's own:
    its items cost nothing and do not make a block of furniture, however long the list."""
    out = list(weights)
    announced = False
    for i, line in enumerate(infos):
        if line.listed and announced and not line.furniture:
            out[i] = max(out[i], 0.0)
            continue
        announced = line.text.endswith(":") and line.words >= 3 and not line.listed and not line.furniture
    return out


# A reader comment's header: "3 Responses to …", "Anna says:", "12 Kommentare zu …".
_COMMENT_START = re.compile(r"(?i)^(?:[-*]\s*)?(?:\d+\s+(?:responses?|comments?|kommentare?|antworten|reaktionen|replies)\b.*|.{1,40}\s(?:says|said|sagt|schreibt|meint):)$")


def damp_comments(weights: list[float], infos: list[LineInfo], prose: float = 20.0, factor: float = 0.3) -> list[float]:
    """Shrink the prose after a comment section begins, once enough prose came before it: a long
    reader comment must not outweigh a short article."""
    seen = 0.0
    for i, line in enumerate(infos):
        if seen >= prose and _COMMENT_START.match(line.text):
            return weights[:i] + [w * factor if w > 0 else w for w in weights[i:]]
        seen += max(weights[i], 0)
    return weights


def find_article(infos: list[LineInfo], rules: CleaningRules, repeated: frozenset[str] = frozenset(),
                 contents: frozenset[int] = frozenset()) -> tuple[int, int]:
    """[start, end) indexes into `infos` of the article's lines; `contents` are the entries of a
    table of contents, which cost nothing (they stand between an article's intro and its body)."""
    weights = []
    stop_min = 0.12 if detect_lang("\n".join(line.text for line in infos)) in STOPWORDS else 0.0
    for line in infos:
        if line.text in repeated or any(p.search(line.text) for p in rules.drop):
            weights.append(-8.0)
        else:
            weights.append(prose_weight(line, stop_min))
    weights = announced_lists(damp_comments(damp_isolated(weights, infos), infos), infos)
    for i in contents:
        weights[i] = max(weights[i], 0.0)
    costed = escalate_runs(weights, infos)
    start, end = best_run(costed)
    # A marker ends the article only when most of the prose lies before it: an early
    # "0 Kommentare" under the lead is a widget, not the start of the comment section.
    total = sum(max(w, 0) for w in weights[start:end])
    told = False  # a site.yaml cut_after rule is final
    for i in range(start + 1, end):
        told = any(p.search(infos[i].text) for p in rules.cut_after)
        if told or _END_MARKER.match(infos[i].text) and sum(max(w, 0) for w in weights[start:i]) > total / 2:
            end = i
            break
    # Trailing short lines (bylines, "Foto: …") belong to the page, not to the text.
    while end > start and weights[end - 1] < 0:
        end -= 1
    while start < end and weights[start] < 0:
        start += 1
    if start == end:
        return start, end
    start, end = join_neighbours(costed[:end] if told else costed, start, end)
    return reach_lead(infos, start, stop_min), end


def reach_lead(infos: list[LineInfo], start: int, stop_min: float, gap: int = 4) -> int:
    """Move the start up to a lead paragraph just above it: a lone prose line that a caption,
    date stamp, share bar or ad label separates from the rest of the article weighs too little
    on its own to join it."""
    moved = True
    while moved:
        moved = False
        for j in range(start - 1, max(start - 1 - gap, -1), -1):
            line = infos[j]
            if line.words >= 12 and line.sentence and line.stop_ratio >= stop_min and not (line.listed or line.furniture):
                start, moved = j, True
                break
            if line.words > 30 or line.listed:
                break  # a block of its own, not a caption or label
    return start


# A picture credit at the end of a line: "… | © Agentur", "… (Foto: dpa)", "… Photo: Reuters".
_CREDIT = re.compile(r"(?i)(?:©|\b(?:foto|photo|bild|image|credit)s?:)[^.!?©]{0,60}$")


def _subheading(infos: list[LineInfo], i: int, rules: CleaningRules, repeated: frozenset[str]) -> bool:
    """A word or two between two paragraphs of prose ("Hintergrund", "What next") heads a section."""
    line = infos[i]
    if not (0 < i < len(infos) - 1) or line.furniture or line.listed or line.text in repeated \
            or any(p.search(line.text) for p in rules.drop) or find_date(line.text):
        return False
    return all(other.words >= 12 and other.sentence and not other.furniture for other in (infos[i - 1], infos[i + 1]))


def _kept(line: LineInfo, rules: CleaningRules, repeated: frozenset[str]) -> bool:
    """False for lines inside the article that are still furniture: share bars, photo credits,
    labels such as "Video" or "1 min", and date stamps."""
    if line.text in repeated or any(p.search(line.text) for p in rules.drop):
        return False
    if line.words <= 2 and not line.sentence:
        return False
    if line.words <= 8 and not line.sentence and find_date(line.text):
        return False
    if line.words < 30 and _CREDIT.search(line.text):
        return False  # a picture's caption ending in its credit
    return not (line.furniture and line.words < 12)


def cut_announcement(lines: list[LineInfo], tail: int = 60) -> list[LineInfo]:
    """The article without a short line ending in a colon near its end and the links after it:
    "Mehr Themen:", "Quellen:", "Lesen Sie auch:" announce other pages, not more of the text.
    A colon before a quotation ("Er sagte:" and what he said) is the article's own."""
    after = 0
    for i in range(len(lines) - 1, 0, -1):
        line = lines[i]
        quoting = i + 1 < len(lines) and lines[i + 1].text.startswith(('"', "„", "“", "»", "«", "'"))
        if line.text.endswith(":") and line.words <= 8 and not line.listed and not quoting:
            return lines[:i]
        after += line.words
        if after > tail:
            break
    return lines


def tables_only(infos: list[LineInfo], rules: CleaningRules, repeated: frozenset[str]) -> list[LineInfo]:
    """A text with no prose at all (an earnings table, a list of results) is kept whole, unless
    most of it is list items or furniture: then it is a page without an article."""
    kept = [line for line in infos if not line.listed and _kept(line, rules, repeated)]
    return kept if len(kept) * 2 > len(infos) else []


def summarize(lead: str, limit: int = 300) -> str:
    """The lead, cut at the last sentence end before `limit` characters."""
    if len(lead) <= limit:
        return lead
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'“”»«]?(?=\s)", lead[:limit])]
    if ends and ends[-1] > limit // 3:
        return lead[:ends[-1]]
    return lead[:limit].rsplit(" ", 1)[0] + " …"


def mask_quotes(line: str) -> str:
    """The line with quoted phrases blanked, so 'Kommentar zum Artikel "X"' repeats across articles."""
    return _QUOTED.sub('"…"', line)


def clean_text(text: str, rules: CleaningRules = CleaningRules(), repeated: frozenset[str] = frozenset(),
               title_hint: str = "", extracted: bool = False) -> Cleaned:
    """Page text → Cleaned. `repeated` holds (quote-masked) lines seen on many pages of the same
    source; `extracted` says the text is already the article (from an HTML extractor)."""
    lines = normalize_text(text).split("\n")
    infos = describe_lines(lines)
    if repeated:
        repeated = frozenset(line.text for line in infos if mask_quotes(line.text) in repeated)
    contents = contents_entries(infos)
    start, end = (0, len(infos)) if extracted else find_article(infos, rules, repeated, contents)
    body_lines = [line for k, line in enumerate(infos[start:end], start) if k not in contents
                  and (_kept(line, rules, repeated) or _subheading(infos, k, rules, repeated))]
    # A line printed twice inside the article is a caption or pull quote repeated by the layout.
    seen: set[str] = set()
    body_lines = [line for line in body_lines if not (line.text in seen or seen.add(line.text))]
    body_lines = cut_announcement(body_lines)
    if not body_lines:
        body_lines = tables_only(infos, rules, repeated)
    paragraphs = [line.text for line in body_lines]
    dateline = None
    if paragraphs:
        dateline, rest = split_dateline(paragraphs[0])
        paragraphs[0] = rest
    body = "\n".join(paragraphs)
    title = _choose_title(title_hint, lines, infos, start, end, body, paragraphs, repeated)
    date = find_date("\n".join(i.text for i in infos[max(0, start - 15):start])) or find_date(body[:500]) \
        or find_date("\n".join(i.text for i in infos[end:]))
    lead = paragraphs[0] if paragraphs else ""
    if lead.lstrip().startswith(("- ", "* ")):
        lead = ""
    return Cleaned(
        paragraphs=tuple(paragraphs),
        title=title,
        dateline=dateline,
        lang=detect_lang(body),
        date=date,
        summary=summarize(_LIST_ITEM.sub("", lead)),
    )


def _choose_title(hint: str, lines: list[str], infos: list[LineInfo], start: int, end: int, body: str,
                  paragraphs: list[str], repeated: frozenset[str]) -> Title:
    if hint.strip():
        return Title(" ".join(hint.split()), "metadata")
    quoted = quoted_title(lines, body) or comment_title(lines)
    if quoted:
        return Title(quoted, "quoted")
    heading = heading_title(infos, start, body, paragraphs[0] if paragraphs else "", repeated)
    if heading:
        return Title(heading, "heading")
    teaser = teaser_title(infos[end:], paragraphs[0] if paragraphs else "")
    if teaser:
        return Title(teaser, "teaser")
    if paragraphs:
        return Title(first_sentence(paragraphs[0]), "lead")
    return Title("", "none")


def extract_html(html: str) -> tuple[str, str, str, str]:
    """(title, date, text, url) of the main content of an HTML page; text is '' when there is no article.

    trafilatura is the proven extractor for HTML (F1 0.97 on the dev pages); it is imported
    only when a page needs it, since loading it takes longer than cleaning a thousand text pages.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=False)
    if doc is None:
        return "", "", "", ""
    get = (lambda key: getattr(doc, key, None)) if not isinstance(doc, dict) else doc.get
    return (get("title") or "", get("date") or "", get("text") or "", get("url") or "")
