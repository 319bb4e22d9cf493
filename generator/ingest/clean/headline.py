"""The headline among the lines shortly above the article: each headline-shaped line scored by
layout evidence with weights fitted on the dev pages."""

import re
from collections.abc import Callable

from generator.ingest.clean.authors import byline_names
from generator.ingest.clean.dates import DATE_ONLY, MONTH_NUMBER, find_date
from generator.ingest.clean.lang.headlines import SERVICE_WORDS
from generator.ingest.clean.language import WORD_RUN
from generator.ingest.clean.learned import weights as weights_of
from generator.ingest.clean.lines import LIST_ITEM, LineInfo
from generator.ingest.clean.normalize import QUOTED

# A byline or time stamp, as the line below a headline often is; a candidate that itself starts
# like one (a year alone does not count: headlines name years) is rarely the headline.
_BYLINE = re.compile(r"(?i)^(von|by|stand|aktualisiert|updated|published|veröffentlicht|autor|author)\b|\d{1,2}[.:]\d\d\s*uhr|\b(19|20)\d\d\b")
_NAMES_WORD = re.compile(r"(?i)^(von|by)\b")
_BYLINE_START = re.compile(r"(?i)^(von|by|stand|aktualisiert|updated|published|veröffentlicht|autor|author)\b|\d{1,2}[.:]\d\d\s*uhr")
# A line that opens with a service of the page (any language's words): a sign-up thank-you or a
# newsletter box above the headline shares its layout but never its words.
_SERVICE = re.compile(r"(?i)^(?:%s)(?!\w)" % "|".join(sorted({re.escape(w) for ws in SERVICE_WORDS.values() for w in ws},
                                                          key=len, reverse=True)))
# A quoted kicker the page set flush against its headline, two elements joined without a space:
# '"Es wird bald beginnen"Trump spricht …'.
_GLUED_QUOTE = re.compile(r'^[„"“«»][^"“”«»\n]{3,80}["“”«»](?=\w.{11,}$)')
# A web address or domain in the line: a site's name ('… | EXAMPLE.NET'), a shared post or a link.
_WEB_ADDRESS = re.compile(r"(?i)\b[\w-]+\.(?:com|net|org|de|at|ch|uk|eu|info|world|io)\b|https?://|www\.")
# Breadcrumb trails: "Start / Ausland / …", "Home » Reisen » …", "Forum>iPhone>…".
_CRUMB = re.compile(r"\s/\s|\s?[»›>]\s?")
# A date stamp the page set right before the headline: "27.01.2022Headline", "Jun 17 Headline"
# (a month's name: "Die 25 erfolgreichsten …" starts with a number too).
_DATE_PREFIX = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d\d-\d\d|(?P<month>[A-Z][a-z]{2})\.? \d{1,2}),?\s*(?=[^\W\d_])")


def _without_date_prefix(text: str) -> str:
    """`text` without a date stamp set before it (_DATE_PREFIX)."""
    match = _DATE_PREFIX.match(text)
    if not match or match.group("month") and match.group("month").lower() not in MONTH_NUMBER:
        return text
    return text[match.end():]


def headline_text(line: LineInfo) -> str:
    """A candidate without its list marker, the breadcrumb trail before it ('Start / Ausland / …')
    or a date stamp or quoted kicker glued to it; a colon spaced as in 'Kicker : Headline' (two elements of the
    page joined) is set as one."""
    text = LIST_ITEM.sub("", line.text)
    if len(_CRUMB.findall(text)) >= 2:
        text = _CRUMB.split(text)[-1].strip() or text
    text = _GLUED_QUOTE.sub("", _without_date_prefix(text))
    return text.replace(" : ", ": ")


# The evidence `title_features` gives, in its order; models/headline.json weighs it (fitted by
# bench/train_headline.py as a softmax over each page's candidates and "none"), and a candidate
# needs a positive score. Every feature is a property of page layout in general, none names a site.
FEATURES = ("body_overlap", "length", "nearness", "short", "echoed", "followed_by_byline", "listed",
            "dash_kicker_cut", "lead_overlap", "in_article", "lead_next", "twice_on_page", "ends_quote_or_mark",
            "furniture", "has_date", "starts_like_byline", "colon_kicker_cut", "one_word", "sentence",
            "quoted_elsewhere", "repeated_far", "ends_colon", "long", "stop_ratio", "after_menu", "clear",
            "lead_next_clear", "after_menu_clear", "lead_overlap_sq", "service",
            "has_kicker", "kicker_length", "kicker_shorter", "domain", "crumb_twin", "byline_below",
            "lowercase_start",
            # relative to the page's other candidates (`_ranked`)
            "most_body_overlap", "most_lead_overlap")
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
                and not DATE_ONLY.match(line.text)) or (line.listed and i + 1 < len(infos) and infos[i + 1].listed):
            continue  # list items only as the last of their list (a breadcrumb's end)
        text = headline_text(line)
        out.append((i, text, 0))
        for kind, pattern in ((1, _KICKER), (2, _COLON_KICKER)):
            match = pattern.match(text)
            if match:
                out.append((i, match.group(2), kind))
        suffixed = _SITE_SUFFIX.match(text)
        if suffixed:
            out.append((i, suffixed.group(1), 0))
    return out


def _overlap(a: str, body_words: set[str]) -> float:
    """The share of the longer words (over three letters) of `a` that `body_words` holds."""
    words = {w.lower() for w in WORD_RUN.findall(a) if len(w) > 3}
    return len(words & body_words) / len(words) if words else 0.0


def title_features(infos: list[LineInfo], start: int, i: int, text: str, kind: int,
                   body_words: set[str], lead_words: set[str], keys: list[str], offset: int,
                   page: dict[str, int], echoes: "PageEchoes", stamped: Callable[[int], bool]) -> tuple[float, ...]:
    """The evidence that `text` (from line `i`) is the headline, named by FEATURES."""
    line = infos[i]
    words = len(WORD_RUN.findall(text))
    key = " ".join(WORD_RUN.findall(text.lower()))
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
        float(_starts_like_byline(text)), float(kind == 2), float(words == 1), float(line.sentence),
        float(words >= 2 and key in echoes.quoted), float(len(key) > 10 and echoes.repeats(key, i)),
        float(text.endswith(":")), float(words > 15), line.stop_ratio,
        after_menu, clear, float(lead_next and clear), float(after_menu and clear),
        lead_share ** 2,  # a line made of the lead's own words is its teaser, not its headline
        float(bool(_SERVICE.match(text))),
        float(kind == 0 and bool(_KICKER.match(text) or _COLON_KICKER.match(text))),
        min(len(WORD_RUN.findall(headline_text(line))) - words, 10) / 10 if kind else 0.0,
        # 'Kicker - Headline' has the longer part last; 'Headline - Site name' the shorter.
        float(kind > 0 and 2 * words > len(WORD_RUN.findall(headline_text(line)))),
        float(bool(_WEB_ADDRESS.search(text))),
        float(kind == 0 and _crumb_twin(infos, i, key, keys, offset)),
        float(any(stamped(j) for j in range(i + 1, min(i + 4, len(infos))))),
        # A line that starts in lower case goes on from another or is a menu of abbreviations
        # ('eic kyf msh nnz'); a headline starts with a capital, a digit or a quote.
        float(text[:1].islower()),
    )


def _stamps(infos: list[LineInfo]) -> Callable[[int], bool]:
    """Whether line j carries a date or starts like a byline: a headline's byline block (date,
    author, often after a deck or a picture credit) follows it within a few lines. Each line is
    read once, however many candidates ask."""
    seen: dict[int, bool] = {}

    def stamped(j: int) -> bool:
        if j not in seen:
            text = infos[j].text
            seen[j] = bool(_BYLINE_START.search(text) or find_date(text))
        return seen[j]
    return stamped


def _crumb_twin(infos: list[LineInfo], i: int, key: str, keys: list[str], offset: int) -> bool:
    """Line `i` ends a breadcrumb trail (a list) and a headline below it says nearly the same:
    the trail's last item is the page's own title, which the visible headline may shorten or
    reword ('BIP: Diese Grafiken zeigen …' above 'Diese zwei Grafiken zeigen …'). On the dev pages
    with such a pair the trail's item was the title 43 times, the line below it never alone."""
    words = set(key.split())
    if not infos[i].listed or len(words) < 3:
        return False
    for j in range(i + 1 - offset, len(keys)):
        other = set(keys[j].split())
        if not infos[offset + j].listed and len(words & other) >= 0.5 * len(words | other):
            return True
    return False


def _starts_like_byline(text: str) -> bool:
    """A time stamp or a byline word; "Von"/"By" only before names: "Von Sprachregeln, Gender-Politik
    und …" is a headline."""
    if not _BYLINE_START.search(text):
        return False
    return not _NAMES_WORD.match(text) or bool(byline_names(text))


class PageEchoes:
    """Where else a page names a headline: in quotes ('Kommentare zu "…"', 'Bewertungen für „…“'),
    or inside a longer line far from it (its own entry in a list of stories, 'Mehr zu: Kicker - …')."""

    def __init__(self, infos: list[LineInfo], start: int, reach: int = 40):
        self.quoted = {" ".join(WORD_RUN.findall(m.group(m.lastindex).lower()))
                       for line in infos if '"' in line.text or "„" in line.text or "»" in line.text
                       or "«" in line.text or "“" in line.text
                       for m in QUOTED.finditer(line.text)}
        self.keys = [" ".join(WORD_RUN.findall(line.text.lower())) for line in infos]
        self.near = range(max(0, start - reach), start + 3)

    def repeats(self, key: str, i: int) -> bool:
        return any(key in k and j not in self.near for j, k in enumerate(self.keys) if j != i)


def title_evidence(infos: list[LineInfo], start: int, body: str, lead: str,
                   repeated: frozenset[str] = frozenset()) -> list[tuple[str, tuple[float, ...]]]:
    """Each headline candidate near the article's start with its `title_features`; a line the
    source prints on most of its pages (`repeated`) names the site or a section, not this article."""
    body_words = {w.lower() for w in WORD_RUN.findall(body[:3000]) if len(w) > 3}
    lead_words = {w.lower() for w in WORD_RUN.findall(lead) if len(w) > 3}
    window = infos[max(0, start - 40):start + 1]
    keys = [" ".join(WORD_RUN.findall(headline_text(line).lower())) for line in window]
    page: dict[str, int] = {}
    for line in infos:
        page[line.text] = page.get(line.text, 0) + 1
    candidates = [c for c in title_candidates(infos, start) if infos[c[0]].text not in repeated]
    echoes = PageEchoes(infos, start) if candidates else None
    stamped = _stamps(infos)
    found = [(text, title_features(infos, start, i, text, kind, body_words, lead_words, keys, max(0, start - 40), page,
                                   echoes, stamped))
             for i, text, kind in candidates if len(WORD_RUN.findall(text)) <= 18]
    return _ranked(found)


def _ranked(found: list[tuple[str, tuple[float, ...]]]) -> list[tuple[str, tuple[float, ...]]]:
    """Each candidate's evidence with whether it shares the most words with the article and with
    its lead of all the page's candidates: what counts is the best among them, not a fixed share
    (a short news item shares few words with any line, a long essay many with several)."""
    if not found:
        return found
    best_body = max(f[0] for _, f in found)
    best_lead = max(f[8] for _, f in found)
    return [(text, f + (float(f[0] > 0 and f[0] >= best_body), float(f[8] > 0 and f[8] >= best_lead)))
            for text, f in found]


def heading_title(infos: list[LineInfo], start: int, body: str, lead: str, repeated: frozenset[str] = frozenset()) -> str:
    """The headline: the best-scored heading-like line shortly above the article (see FEATURES).

    Evidence: it shares words with the article and its lead, it is near the article, followed
    by a byline or the lead, and pages often print it twice (breadcrumb and headline, or kicker
    joined to headline). Section labels ("Krieg in der Ukraine") also share words, so longer
    lines win ties.
    """
    best, best_score = "", 0.0
    weights = weights_of("headline")["weights"]
    for text, features in title_evidence(infos, start, body, lead, repeated):
        score = sum(w * f for w, f in zip(weights, features))
        if score > best_score:
            best, best_score = text, score
    return best
