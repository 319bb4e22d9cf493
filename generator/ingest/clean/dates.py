"""Calendar dates as pages write them (numeric, ISO, day-month-year and month-day-year with month
names, a time of day and a zone after them), found in a line of text with the words around them.

The words per language are data in lang/dates.py; which of a page's dates is the article's is
chosen in date_choice.py.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from generator.ingest.clean.lang import any_language
from generator.ingest.clean.lang.dates import (CUE_JOINERS, DATE_JOINERS, DAY_SUFFIXES, MONTH_NUMBERS, PUBLISHED_WORDS,
                                               TIME_WORDS, UPDATED_WORDS, ZONE_WORDS)

MONTH_NUMBER = {name: number for names in MONTH_NUMBERS.values() for name, number in names.items()}
_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_DAY_SUFFIXES = sorted(any_language(DAY_SUFFIXES), key=len, reverse=True)
# A run of letters that holds a month's name where a date pattern can read it: alone, or after a
# day's suffix it is glued to ("3rdMay").
_MONTH_RUNS = frozenset(MONTH_NUMBER) | {suffix + name for suffix in _DAY_SUFFIXES for name in MONTH_NUMBER}


def _either(words) -> str:
    """A regular expression for any of `words`, the longer first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DAY_SUFFIX = _either(_DAY_SUFFIXES)
_JOINER = rf"(?:(?:{_either(any_language(DATE_JOINERS))})\s+)?"  # "7 de diciembre de 2026"
_TIME_WORD = _either(any_language(TIME_WORDS))

_ZONE_NAME = {word: zone for words in ZONE_WORDS.values() for word, zone in words.items()}
_ZONE = "|".join(sorted((re.escape(w) for w in _ZONE_NAME), key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d{3})"
# A time of day after the date, with its am/pm, zone word or UTC offset when the page gives them.
_TIME = (rf"(?:(?:,|\s|\||-|–|/|{_TIME_WORD})*\s*(?P<H>[012]?\d)[:.](?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
         rf"(?:\s*(?P<pm>[ap])\.?\s?m\b\.?)?"
         rf"(?:\s*(?P<off>Z|[+-][01]\d:?[0-5]\d)\b|\s*\(?(?P<zone>{_ZONE})\b)?)?")
_PATTERNS = (
    r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:(?:T\s?|\s)(?P<H>[012]\d):(?P<M>[0-5]\d)(?::\d\d(?:\.\d+)?)?"
    r"(?P<off>Z|[+-][01]\d:?[0-5]\d)?)?",
    rf"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?{_YEAR}{_TIME}",
    rf"(?<![\d.])(?P<d>[0-3]?\d)(?:\.|{_DAY_SUFFIX})?\s*{_JOINER}(?P<mn>{_MONTH})\b\.?,?\s*{_JOINER}{_YEAR}{_TIME}",
    rf"\b(?P<mn>{_MONTH})\b\.?\s*(?P<d>[0-3]?\d)(?:{_DAY_SUFFIX})?,?\s+{_YEAR}{_TIME}",
    # Short German stamps: "19.10.19, 08:16 Uhr" (both day and month with two digits, or it is a
    # version or section number).
    rf"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<yy>\d\d)(?![\d.]){_TIME}",
    # Slashes: day first in Europe, month first in the US; read only when one of the two is over 12.
    rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?:{_YEAR}|(?P<yy>\d\d)(?![\d/])){_TIME}",
)
_DATE = [re.compile(p, re.I) for p in _PATTERNS]
_NAMED_MONTH = frozenset(p for p in _DATE if "mn" in p.groupindex)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Glued text from scraped pages: a word run into a date ("Publiziert17. Dezember 2024"), a year
# run into the next date ("28. Juni 201914. Januar 2020").
_GLUED_DATE = re.compile(r"(?<=[^\W\d])(?=\d)|(?<=(?:19|20)\d\d)(?=[0-3]?\d\.\s?(?:[01]?\d\.|[^\W\d]))")
_CUE_WORDS = sorted(((w, "published") for ws in PUBLISHED_WORDS.values() for w in ws), key=lambda c: -len(c[0])) \
    + sorted(((w, "updated") for ws in UPDATED_WORDS.values() for w in ws), key=lambda c: -len(c[0]))
_CUE = re.compile(r"\b(" + "|".join(re.escape(w) for w, _ in sorted(_CUE_WORDS, key=lambda c: -len(c[0]))) + r")\b"
                  rf"(?:\s+(?:{_either(any_language(CUE_JOINERS))}))?[\s:,.\-–|]*(?:\w{{2,10}},?\s*)?$", re.I)
_CUE_KIND = dict(_CUE_WORDS)
# A line that is nothing but a date stamp, perhaps with a time ("27.01.2022, 10:15 Uhr").
DATE_ONLY = re.compile(r"^[\W\d]*(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d\d-\d\d)[\W\d]*(?:uhr)?[\W\d]*$", re.I)


@dataclass(frozen=True)
class DateFound:
    """One date written in a line."""

    when: datetime  # aware when the page gives an offset or a zone word, else naive
    has_time: bool
    cue: str  # "published", "updated" or "": what the words just before the date say it is
    start: int  # where in the line
    zone_word: str  # the zone word after the time ("uhr", "et", …), lower case


def _value(match: re.Match) -> tuple[datetime, bool] | None:
    groups = match.groupdict()
    if groups.get("a"):
        groups = {**groups, **_day_month(int(groups["a"]), int(groups["b"]))}
        if not groups.get("d"):
            return None
    month = MONTH_NUMBER[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
    hour = int(groups["H"]) if groups.get("H") else 0
    if groups.get("pm") and groups["pm"].lower() == "p" and hour < 12:
        hour += 12
    year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    try:
        return datetime(year, month, int(groups["d"]), hour, int(groups.get("M") or 0)), bool(groups.get("H"))
    except ValueError:
        return None


def _day_month(a: int, b: int) -> dict:
    """Day and month of a slashed date when only one order makes sense, else nothing."""
    if a > 12 >= b:
        return {"d": a, "m": b}
    if b > 12 >= a:
        return {"d": b, "m": a}
    return {}


def _zoned(value: datetime, groups: dict) -> tuple[datetime, str]:
    """The value made aware when the page says its zone: an offset, or a zone word after the time."""
    if groups.get("off"):
        offset = groups["off"].upper().replace(":", "")
        if offset == "Z":
            return value.replace(tzinfo=timezone.utc), "z"
        minutes = int(offset[1:3]) * 60 + int(offset[3:5])
        return value.replace(tzinfo=timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))), ""
    word = (groups.get("zone") or "").lower()
    zone = _ZONE_NAME.get(word)
    if zone is None:
        return value, word
    return value.replace(tzinfo=timezone.utc if zone == 0 else ZoneInfo(zone)), word


def cue_before(text: str) -> str:
    """'published' or 'updated' when `text` ends with such a word (perhaps with 'am', a weekday or
    a colon after it), else ''."""
    match = _CUE.search(text[-40:])
    return _CUE_KIND[match.group(1).lower()] if match else ""


def dates_in(line: str) -> list[DateFound]:
    """Every date written in `line`, in order, with the cue words before it."""
    if not any(c.isdigit() for c in line):
        return []
    text = _GLUED_DATE.sub(" ", line)
    found, taken = [], []
    named = _names_month(text)
    for pattern in _DATE:
        if pattern in _NAMED_MONTH and not named:
            continue
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            parsed = _value(match)
            if parsed is None:
                continue
            when, zone_word = _zoned(parsed[0], match.groupdict())
            taken.append((match.start(), match.end()))
            found.append(DateFound(when, parsed[1], cue_before(text[:match.start()]), match.start(), zone_word))
    return sorted(found, key=lambda f: f.start)


def _names_month(text: str) -> bool:
    """Whether `text` holds a month's name: else the patterns with one cannot match, and with every
    language's names they are the slow ones."""
    return any(run in _MONTH_RUNS for run in _LETTER_RUN.findall(text.lower()))


def find_date(text: str) -> datetime | None:
    """The first calendar date (with time when given) in `text`, naive."""
    for line in text.split("\n"):
        found = dates_in(line)
        if found:
            return found[0].when.replace(tzinfo=None)
    return None
