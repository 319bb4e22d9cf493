"""The article's title: from the page's metadata, a quote that names the article, the headline
above it, its own entry in a list of stories, or else the lead's first sentence."""

import re
from dataclasses import dataclass

from generator.ingest.clean.dates import DATE_ONLY
from generator.ingest.clean.headline import heading_title, headline_text
from generator.ingest.clean.language import WORD_RUN
from generator.ingest.clean.lines import LineInfo
from generator.ingest.clean.normalize import QUOTED

# The article named right before the quote ('zum Artikel "…"', 'the story "…"'); not a link to
# the next or previous one.
_MENTIONS_ARTICLE = re.compile(r"(?i)\b(artikel|beitrag|bericht|article|story|post)\W{0,3}$")
_OTHER_ARTICLE = re.compile(r"(?i)\b(next|previous|prev|nächste[rn]?|vorherige[rn]?|voriger?)\b")


@dataclass(frozen=True)
class Title:
    text: str
    source: str  # how it was found: 'metadata', 'quoted', 'heading', 'teaser', 'lead'


def _whole_phrase(line: str, match: re.Match) -> str:
    """The quoted phrase, kept whole when straight quotes nest: in 'zum Artikel "Georgien: Tausende
    unterstützen das "Agentengesetz""' the first pair ends at the inner quote; the phrase runs to
    the line's last straight quote, when that ends the line and the quotes between pair up."""
    phrase = next(g for g in match.groups() if g is not None)
    if match.group(1) is not None:
        last = line.rfind('"')
        inner = line[match.start() + 1:last]
        if last >= match.end() and inner.count('"') % 2 == 0 and not line[last + 1:].strip(" .,;:!?)"):
            phrase = inner
    return phrase.strip()


def quoted_title(lines: list[str], body: str) -> str:
    """A quoted phrase the page names as its article ('Kommentar zum Artikel "…"', 'share the story "…"');
    a phrase the article itself quotes is a citation, not its title."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in QUOTED.finditer(line):
            phrase = _whole_phrase(line, match)
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


def _unquoted(title: str) -> str:
    """The title without one pair of outer quotes; quotes inside it stay ('„Das "Gesetz"“')."""
    if len(title) > 2 and title[0] in _OUTER_QUOTES and title[-1] in _OUTER_QUOTES:
        title = title[1:-1]
    return title.strip()


def comment_title(lines: list[str]) -> str:
    """The title a comment section's header gives ('2 Antworten zu „Title“'); '' when there is none."""
    for line in lines:
        match = _COMMENT_HEADER.match(line.strip())
        if match:
            title = _unquoted(match.group("title").strip())
            if 1 <= len(WORD_RUN.findall(title)) <= 30:
                return title
    return ""


def heading_like(line: LineInfo) -> bool:
    return (2 <= line.words <= 30 and not line.furniture
            and not line.text.endswith((".", ",", ";")) and len(line.text) <= 250
            and not DATE_ONLY.match(line.text))


def teaser_title(after: list[LineInfo], lead: str, share: float = 0.6, least: int = 3) -> str:
    """With no headline above the article: the page's own entry in a list of stories after it,
    the headline-shaped line whose words the lead uses most (at least `least` of them, `share` of its words)."""
    lead_words = {w.lower() for w in WORD_RUN.findall(lead) if len(w) > 3}
    best, best_share = "", share
    for line in after:
        if not heading_like(line):
            continue
        text = headline_text(line)
        words = {w.lower() for w in WORD_RUN.findall(text) if len(w) > 3}
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


def choose_title(hint: str, lines: list[str], infos: list[LineInfo], start: int, end: int, body: str,
                 paragraphs: tuple[str, ...], repeated: frozenset[str]) -> Title:
    """The first title found, in order of trust: `hint` (the page's metadata), a quote naming the
    article, the headline above it (`start`), the article's entry below it (`end`), its lead."""
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
