"""Calendar dates as pages write them, in German and English."""

import re
from datetime import datetime

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
# A line that is nothing but a date stamp, perhaps with a time ("27.01.2022, 10:15 Uhr").
DATE_ONLY = re.compile(r"^[\W\d]*(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d\d-\d\d)[\W\d]*(?:uhr)?[\W\d]*$", re.I)


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
