"""Which lines inside the article's run are its text: share bars, credits, bylines, labels, date stamps
and announcements of other pages are left out; sub-headings between paragraphs stay."""

import re

from generator.ingest.clean.authors import find_authors, is_byline
from generator.ingest.clean.dates import find_date
from generator.ingest.clean.inline import captioned, captions_over_credits, gallery_captions, inset_boxes, teaser_boxes
from generator.ingest.clean.lines import LineInfo
from generator.ingest.clean.locate import END_MARKER


def article_lines(infos: list[LineInfo], start: int, end: int, contents: frozenset[int],
                  dropped: list[bool]) -> list[LineInfo]:
    """The lines of `infos[start:end]` that are the article's text, without the entries of a table
    of contents (`contents`) and the lines a rule drops (`dropped`, one flag per line of `infos`);
    a page without prose keeps its table, if it has one."""
    # A heading after which only links and comments follow ("More from UK"), inside the article
    # because the article goes on after it, heads a box of links.
    headings = frozenset(k for k in range(start, end) if infos[k].words <= 8 and END_MARKER.match(infos[k].text))
    boxed = teaser_boxes(infos, start, end, headings=headings) | gallery_captions(infos, start, end) | \
        inset_boxes(infos) | captions_over_credits(infos, start, end)
    lines = [line for k, line in enumerate(infos[start:end], start) if k not in contents and k not in boxed
             and (_kept(line, dropped[k]) or _subheading(infos, k, dropped) or _embedded_post(infos, k, dropped))]
    # A line printed twice inside the article is a caption or pull quote repeated by the layout.
    seen: set[str] = set()
    lines = [line for line in lines if not (line.text in seen or seen.add(line.text))]
    lines = cut_author_note(lines, find_authors(infos, start, end))
    return cut_announcement(lines) or tables_only(infos, dropped)


_NAME_PART = re.compile(r"\w{3,}")


def cut_author_note(lines: list[LineInfo], authors: tuple[str, ...], last: int = 3, longest: int = 80,
                    opening: int = 4, share: float = 3.0) -> list[LineInfo]:
    """The article without the note on its author that closes it ("Jeff Foust is the editor of …",
    "Korrespondent Ulrich Exner ist bei WELT für …"): a paragraph among the `last` ones that names
    one of the byline's authors within its first `opening` words, and what follows it, when the
    text before them is at least `share` times as long."""
    parts = {part.casefold() for name in authors for part in _NAME_PART.findall(name)}
    if not parts:
        return lines
    for i in range(max(len(lines) - last, 2), len(lines)):
        line = lines[i]
        if line.words <= longest and any(w.casefold() in parts for w in _NAME_PART.findall(line.text)[:opening]):
            # A note is short beside the article; a closing third that names the author is the article's.
            if sum(other.words for other in lines[:i]) >= share * sum(other.words for other in lines[i:]):
                return lines[:i]
    return lines


def _subheading(infos: list[LineInfo], i: int, dropped: list[bool]) -> bool:
    """A word or two between two paragraphs of prose ("Hintergrund", "What next") heads a section."""
    line = infos[i]
    if not (0 < i < len(infos) - 1) or line.furniture or line.listed or dropped[i] or line.interstitial \
            or find_date(line.text) or captioned(line):
        return False
    return all(other.words >= 12 and other.sentence and not other.furniture for other in (infos[i - 1], infos[i + 1]))


def _embedded_post(infos: list[LineInfo], i: int, dropped: list[bool]) -> bool:
    """The text of a post the article quotes, right above its signature: a link or hashtags in it
    do not make it a share bar."""
    return i + 1 < len(infos) and infos[i + 1].signature and not dropped[i]


def _kept(line: LineInfo, dropped: bool) -> bool:
    """False for lines inside the article that are still furniture: share bars, photo credits,
    labels such as "Video" or "1 min", and date stamps."""
    if dropped or line.interstitial or line.teaser or line.consent:
        return False  # a consent text asks for the reader's permission, however long it is
    if line.signature:
        return True  # an embedded post quoted by the article, signed by its author and dated
    if line.words <= 2 and not line.sentence:
        return False
    if line.words <= 14 and not line.sentence and find_date(line.text):
        return False
    if captioned(line):
        return False  # a picture's caption ending in its credit
    if is_byline(line):
        return False  # who wrote it, not what
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


def tables_only(infos: list[LineInfo], dropped: list[bool]) -> list[LineInfo]:
    """A text with no prose at all (an earnings table, a list of results) is kept whole, unless
    most of it is list items or furniture: then it is a page without an article."""
    kept = [line for line, drop in zip(infos, dropped) if not line.listed and _kept(line, drop)]
    return kept if len(kept) * 2 > len(infos) else []
