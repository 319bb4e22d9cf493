"""Page furniture set inside an article's run of lines: photo captions whose credit the page glued
to the caption's last sentence, the captions of a picture gallery, and boxes of teasers for other
articles ("Lesen Sie auch")."""

import re

from generator.ingest.clean.lang import any_language
from generator.ingest.clean.lang.boilerplate import (CAPTION_LABELS, CAPTION_MARKS, CAPTION_PHRASES, COUNTER_JOINS,
                                                    GALLERY_WORDS, PICTURE_CREDITS, SOURCE_LABELS)
from generator.ingest.clean.lines import LineInfo

_PICTURE = "|".join(sorted(any_language(PICTURE_CREDITS)))
_CREDIT_LABELS = "|".join(sorted(any_language(PICTURE_CREDITS) | any_language(SOURCE_LABELS)))
# A picture credit at the end of a line: "… | © Agentur", "… (Foto: dpa)", "… Photo: Reuters",
# "(AP Photo/Alan Diaz)", "Bildrechte: MDR/David Straub".
_CREDIT = re.compile(rf"(?i)(?:©|\b(?:{_PICTURE})s?[:/])(?:[^.!?©]|\.(?=\S)){{0,60}}$")
# A caption's last sentence with the credit glued to it, no space between: "Eingefrorenes Sperma
# in einer Klinik.Friso Gentsch/dpa", "Kleid von GIVENCHY.Foto: Nikolai von Bismarck".
_GLUED_SENTENCE = re.compile(r"[\w)\"”»’][.!?][\"”»’]?(?=[A-ZÄÖÜ])")
_CREDIT_WORD = re.compile(rf"(?i)^(?:{_CREDIT_LABELS})s?:")
# A credit word opening a line: "Foto: Name", "Image copyright Agency" (not "Image 1 of 5").
_PICTURE_WORD = re.compile(rf"(?i)^(?:{_PICTURE})s?(?::|\s+(?:copyright|credit)\b)")
# A credit glued to a caption without even a full stop: "… Ekaterina DuntzovaBild: Alexander Z./AP".
_GLUED_WORD = re.compile(rf"[a-zäöüß](?:{'|'.join(w.capitalize() for w in _CREDIT_LABELS.split('|'))})s?:")

# A gallery's counter above each picture's caption: "Image 2 of 5", "Bild 3 von 12", "4/9".
_COUNTER = re.compile(rf"(?i)^(?:(?:{'|'.join(sorted(any_language(GALLERY_WORDS)))})\s+)?(\d{{1,3}})\s*"
                      rf"(?:/|{'|'.join(sorted(any_language(COUNTER_JOINS)))})\s*(\d{{1,3}})$")


_MARKS = frozenset(mark.replace(" ", "") for mark in any_language(CAPTION_MARKS))
_BRACKETED = re.compile(r"\(([^()]{1,16})\)")


# A caption's label opening the line: "Legende: …", "Image caption …", "Media captionWho is …".
_LABELS = sorted(any_language(CAPTION_LABELS), key=len, reverse=True)
_CAPTION_LABEL = re.compile(
    "(?i)^(?:" + "|".join(re.escape(label) + (r"(?::|\s|(?-i:(?=[A-Z])))" if " " in label else r"\s*:")
                          for label in _LABELS) + ")")


_PHRASES = sorted(any_language(CAPTION_PHRASES), key=len, reverse=True)
_CAPTION_PHRASE = re.compile("(?i)" + "|".join(
    (r",\s+" + re.escape(phrase[:-1].strip()) + r"\s*," if phrase.endswith(",") else rf"\b{re.escape(phrase)}\b")
    for phrase in _PHRASES)) if _PHRASES else None


def captioned(line: LineInfo, longest: int = 60) -> bool:
    """A picture's caption: ending in its credit (or the credit alone), saying in brackets who
    stands where in the picture or that it is a stock picture, or, up to `longest` words, opening
    with a caption's label or saying so in passing ("Anna Muster, left, and …", "file photo")."""
    return line.words < 30 and (bool(_CREDIT.search(line.text)) or _marked(line.text)) or glued_credit(line) \
        or line.words < longest and bool(_CAPTION_LABEL.match(line.text)) \
        or line.words < longest and _CAPTION_PHRASE is not None and bool(_CAPTION_PHRASE.search(line.text))


def _marked(text: str) -> bool:
    return "(" in text and any(m.group(1).replace(" ", "").lower() in _MARKS for m in _BRACKETED.finditer(text))


def glued_credit(line: LineInfo, longest: int = 40) -> bool:
    """True for a caption whose last sentence runs into a picture credit: the text after the glue
    names an agency ("Name/dpa", "© …") or begins with a credit word ("Foto: …")."""
    # Every credit has a colon, a slash or a ©: most lines are let go without a regex.
    if line.words >= longest or not (":" in line.text or "/" in line.text or "©" in line.text):
        return False
    if _GLUED_WORD.search(line.text):
        return True
    match = _GLUED_SENTENCE.search(line.text)
    if not match:
        return False
    tail = line.text[match.end():]
    if _CREDIT_WORD.match(tail):
        return True
    return len(tail.split()) <= 6 and ("/" in tail or "©" in tail) and "://" not in tail


# Picture agencies, named alone on a credit line under a caption ("picture alliance/dpa | Name",
# "Reuters, Name", "IMAGO/ZUMA Press"): names, the same in every language.
_AGENCIES = ("dpa", "afp", "ap", "reuters", "getty", "imago", "picture alliance", "keystone", "epa", "bloomberg",
             "shutterstock", "istock", "zuma", "xinhua", "anadolu", "courtesy of")
_AGENCY_NAMES = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in _AGENCIES)
_AGENCY = re.compile(rf"(?i)(?:^|[\s/(|,])(?:{_AGENCY_NAMES})(?:$|[\s/)|,])")


def credit_line(line: LineInfo, most: int = 8) -> bool:
    """A picture's credit on a line of its own: a credit word and what follows ("Foto: Name"), or a
    short line naming an agency ("Name/dpa", "Reuters, Name", "New York Police via AP")."""
    if line.words > most or line.sentence or line.listed:
        return False
    return bool(_PICTURE_WORD.match(line.text) or _AGENCY.search(line.text))


def captions_over_credits(infos: list[LineInfo], start: int, end: int, longest: int = 40) -> frozenset[int]:
    """Indexes in [start, end) of credit lines and the captions beside them: the line under the credit when that
    is a caption's short line without a sentence end, else the line above it, which a paragraph of
    the text never is: what a picture's credit stands under is its caption, however much it reads
    like a sentence of the text."""
    found = set()
    for i in range(start, end):
        if not credit_line(infos[i]):
            continue
        found.add(i)
        under = infos[i + 1] if i + 1 < end else None
        if under is not None and not under.sentence and under.words < longest and not under.listed:
            found.add(i + 1)
        elif i > start and infos[i - 1].words < longest and not infos[i - 1].listed and not credit_line(infos[i - 1]):
            found.add(i - 1)
    return frozenset(found)


def gallery_captions(infos: list[LineInfo], start: int, end: int, longest: int = 40) -> frozenset[int]:
    """Indexes in [start, end) of a gallery's counters ("Image 2 of 5") and the caption under each."""
    found = set()
    for i in range(start, end):
        match = infos[i].words <= 4 and _COUNTER.match(infos[i].text)
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            found.add(i)
            if i + 1 < end and infos[i + 1].words < longest:
                found.add(i + 1)
    return frozenset(found)


def teaser_boxes(infos: list[LineInfo], start: int, end: int, blurb: int = 25, most: int = 6,
                 headings: frozenset[int] = frozenset()) -> frozenset[int]:
    """Indexes in [start, end) of the boxes of links to other articles set between the article's
    paragraphs: a heading such as "Lesen Sie auch" (or one at an index in `headings`), then
    headlines (no sentence end), each with at most one short sentence of blurb under it. A
    sentence where a headline would be, or a long line, is the article going on."""
    box, left, after_headline = set(), 0, False
    for i in range(start, end):
        line = infos[i]
        if line.teaser_heading or i in headings:
            box.add(i)
            left, after_headline = most, False
        elif left and line.words < blurb and (after_headline or not line.sentence):
            box.add(i)
            left -= 1
            after_headline = not line.sentence
        else:
            left = 0
    return frozenset(box)


def inset_boxes(infos: list[LineInfo], most: int = 20, blurb: int = 25) -> frozenset[int]:
    """Indexes of the boxes of links set between the article's paragraphs: a heading such as
    "Mehr zum Thema" right after a paragraph, at most `most` short lines (headlines, their authors
    and dates, list items), then prose again. Two paragraphs among the three lines before it (ad
    labels not counted) and one among the three after make it the article's box (one paragraph before it may be an
    author's note above other articles' links); the article goes on after it, so the box neither
    ends it nor stays in it."""
    found: set[int] = set()
    for i, line in enumerate(infos):
        before = [other for other in infos[max(i - 6, 0):i] if not other.interstitial][-3:]
        if not line.teaser_heading or i < 2 or not _paragraph(infos[i - 1]) or sum(map(_paragraph, before)) < 2:
            continue
        j = i + 1
        while j < len(infos) and j <= i + most and infos[j].words < blurb and (infos[j].listed or not infos[j].sentence):
            j += 1
        if j > i + 1 and sum(_paragraph(after) for after in infos[j:j + 3]) >= 1:
            found.update(range(i, j))
    return frozenset(found)


def _paragraph(line: LineInfo) -> bool:
    return line.words >= 20 and line.sentence and not (line.listed or line.furniture)
