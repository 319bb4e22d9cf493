"""Which of the dates on a page is the article's: its candidates with where they stand (near the
headline and byline, inside the text, in the lists after the article) and the words before them
("Veröffentlicht", "Stand", "updated" …), and the choice among them.

A page shows many dates: teasers of other stories, comments, the day's date in the header, dates
the article talks about, and its own publication and update stamps. The article's stamp stands
on a short line next to where the article begins. When the page does not say clearly which date
is the article's, the choice is left open (`estimated`): a wrong date files the article under the
wrong month, which is worse than the import time marked as an estimate.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from generator.ingest.clean.dates import DateFound, dates_in
from generator.ingest.clean.lang import any_language
from generator.ingest.clean.lang.dates import BYLINE_LINK_WORDS, TALKED_ABOUT_WORDS, WEEKDAYS
from generator.ingest.clean.lines import LineInfo

# Lines above the article's first line where its date stamp may stand (headline, kicker, byline,
# a lead picture's caption), and the first lines of the article that may still be a stamp.
HEAD_BEFORE, HEAD_INTO = 20, 8
# A date that the page calls the publication date may stand further up, above a lead picture and
# its caption, or a kicker and a summary.
CUED_BEFORE = 30
# Where the article's start was found below its headline and byline (a long lead picture caption,
# a table of contents), the stamp stands further up; it is taken when it is the only day there.
FAR_BEFORE = 200
# Lines after the article where a closing stamp may stand ("Quelle: BILD 15.05.2023"), and further
# lines read to see whether it is one of a list of other stories' dates.
TAIL_AFTER, TAIL_LIST = 10, 30
STAMP_WORDS = 25  # a line with a date and at most this many words is a stamp, not a sentence about a date
FIRST_YEAR = 1990  # older dates are history the article talks about, or two-digit years misread
# A line opening with the weekday, far above the article, is the page's "today" in its header.
_TODAY = re.compile(r"^\W*(?:" + "|".join(w for ws in WEEKDAYS.values() for w in ws if len(w) > 3) + r")\b", re.I)
_DIGITS = re.compile(r"\d+")
_LINKS = any_language(BYLINE_LINK_WORDS)
_HYPHENED_WORD = re.compile(r"\w[\w-]*")
# A date in brackets after other words, or after "ab"/"until" …: a date the text refers to.
_REFERRED = re.compile(r"(?:\w.*\(|\b(?:" + "|".join(w for ws in TALKED_ABOUT_WORDS.values() for w in ws)
                       + r")\b)\W*(?:\w{2,10},?\s*)?$", re.I)


@dataclass(frozen=True)
class PageDate:
    """The date chosen for an article."""

    when: datetime | None  # aware when the page says its zone; None when the page gives no date
    has_time: bool = False
    estimated: bool = False  # the page shows dates but does not say which is the article's


@dataclass(frozen=True)
class Candidate:
    """A date on the page with where it stands and what surrounds it."""

    found: DateFound
    offset: int  # line index relative to the article's first line
    stamp: bool  # on a short line or opening a paragraph, not inside a sentence
    shape: str  # the line with its digits masked: lines of one shape are a list (comments, teasers)
    today: bool = False  # on a line that opens with the weekday


def candidates(infos: list[LineInfo], start: int, end: int) -> list[Candidate]:
    """The dates near the article's beginning and just after its end, with their context."""
    out = []
    rows = [*range(max(0, start - FAR_BEFORE), min(end, start + HEAD_INTO)), *range(end, min(len(infos), end + TAIL_LIST))]
    for i in rows:
        line = infos[i]
        found = [f for f in dates_in(line.text) if f.when.year >= FIRST_YEAR]
        shape = _DIGITS.sub("0", line.text) if found else ""
        short = line.words <= STAMP_WORDS and not (line.sentence and line.stop_ratio > 0.25)
        today = bool(found) and bool(_TODAY.match(line.text))
        out += [Candidate(f, i - start, _stamp_like(line.text, f, i - start, short), shape, today) for f in found]
    return out


def _stamp_like(text: str, found: DateFound, offset: int, short: bool) -> bool:
    """A date is a stamp on a short line, or at the start of a paragraph ("29.11.2022 – Die …"); not
    after words like "ab", "bis", "seit" or in brackets (a date the text refers to). Inside the
    article's first lines it must also begin the line, have a cue, or follow only names
    ("Frankfurt, 23. Oktober 2024"), not words of a sentence ("Die Preise ab …")."""
    before = text[:found.start]
    # "— Jane Doe (@jdoe) November 3, 2023" closes a quoted post, not the article.
    if found.start > 2 and (not short or "@" in before or _REFERRED.search(before[-60:])):
        return False
    return offset < 0 or found.start <= 2 or bool(found.cue) or _names_only(before)


def _names_only(text: str) -> bool:
    return all(w[0].isupper() or w in _LINKS for w in _HYPHENED_WORD.findall(text) if not w[0].isdigit())


def _closest(chosen: list[Candidate]) -> Candidate:
    # Above the article's first line beats inside it at the same distance: the byline comes first.
    return min(chosen, key=lambda c: (abs(c.offset) if c.offset < 0 else c.offset + 0.5))


def choose_date(infos: list[LineInfo], start: int, end: int) -> PageDate:
    """The article's date among the dates around its text `infos[start:end]`."""
    found = candidates(infos, start, end)
    if not found:
        return PageDate(None)
    into = min(HEAD_INTO, end - start)
    head = [c for c in found if -HEAD_BEFORE <= c.offset < into and c.stamp]
    published = [c for c in found if -CUED_BEFORE <= c.offset < into and c.stamp and c.found.cue == "published"]
    if published:
        return _settled(_closest(published))
    # An "updated"/"Stand" stamp only when the byline gives no other: it is often the day itself.
    plain = [c for c in head if c.found.cue != "updated"] or [c for c in head if c.found.cue == "updated"]
    if plain:
        best = _closest(plain)
        # Two days in one byline with no word for either ("28. Juni 2019 14. Januar 2020"): no telling.
        rivals = {c.found.when.date() for c in plain if c.offset == best.offset and not c.found.cue}
        return _settled(best, estimated=len(rivals) > 1 or _listed(best, found))
    tail = _from_tail([c for c in found if c.offset >= end - start and c.stamp], end - start)
    if tail.when:
        return tail
    far = [c for c in found if c.offset < -HEAD_BEFORE and c.stamp and not c.today]
    if far and len({c.found.when.date() for c in far}) == 1:
        return _settled(_closest(far))
    return tail


def _listed(best: Candidate, found: list[Candidate]) -> bool:
    """The best date is one of a list of dated items (comments, teasers) above the article: two more
    lines there have its shape."""
    return len({c.offset for c in found if c.shape == best.shape and c.offset < 0}) >= 3


def _from_tail(tail: list[Candidate], length: int) -> PageDate:
    """After the article stand its closing stamp, but also lists of other stories and comments with
    theirs: a date there is the article's only when the dates there (called published, if some
    are) agree on the day. An uncued one must stand close to the article's end."""
    published = [c for c in tail if c.found.cue == "published"]
    tail = published or tail
    near = published or [c for c in tail if c.offset < length + TAIL_AFTER]
    if not near or len({c.found.when.date() for c in tail}) > 1:
        return PageDate(None, estimated=True)
    return _settled(min(near, key=lambda c: c.offset))


def _settled(chosen: Candidate, estimated: bool = False) -> PageDate:
    return PageDate(chosen.found.when, chosen.found.has_time, estimated)
