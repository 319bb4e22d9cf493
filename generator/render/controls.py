"""What the pages' controls offer: the search filters' grouped choices, a month's table of pages."""

import unicodedata
from dataclasses import dataclass
from datetime import date

from babel.dates import format_interval

from generator.organise.archive import Term
from generator.organise.pagination import ListingPage

FLAT = 20  # up to this many choices a list is short enough to read whole, without groups
MOST_USED = 10  # choices in the "most used" group of a long list
INDEX_MOST_USED = 24  # terms an index page of tags, sources or places shows first, before A to Z


def filing_name(name: str) -> str:
    """A name as a list files it: 'Ärzte' beside 'Arzneimittel', in any case."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def initial(name: str) -> str:
    """The letter a name is filed under: 'Ärzte' under A, '1. FC' under #."""
    first = filing_name(name)[:1]
    return first.upper() if first.isalpha() else "#"


def option_groups(terms: list[Term], most_used_label: str, most_used: int = MOST_USED) -> list[tuple[str, list[Term]]]:
    """A long list of terms (a filter's choices, an index page) as (group label, terms): one
    unlabelled group when the list is short; otherwise the `most_used` terms, then every term
    under its initial letter, A to Z."""
    by_name = sorted(terms, key=lambda t: (filing_name(t.name), t.slug))
    if len(terms) <= FLAT:
        return [("", by_name)]
    top = sorted(terms, key=lambda t: (-len(t.articles), filing_name(t.name), t.slug))[:most_used]
    groups: list[tuple[str, list[Term]]] = [(most_used_label, top)]
    for term in by_name:
        letter = initial(term.name)
        if groups[-1][0] != letter or len(groups) == 1:
            groups.append((letter, []))
        groups[-1][1].append(term)
    return groups


SPELLED_OUT = 15  # up to this many pages, a month lists each with its days; beyond, each day with its pages


@dataclass(frozen=True)
class MonthContents:
    """Where a month's days are: each numbered page with its days ('1.–4. März'), or for a busy
    month, each day ('2. März') with the numbers of the pages that hold it."""

    pages: list[tuple[str, str]]
    days: list[tuple[str, list[tuple[str, int]]]]

    def __bool__(self) -> bool:
        return bool(self.pages or self.days)


def month_contents(pages: list[ListingPage], locale: str) -> MonthContents:
    """The table of a month's numbered pages for its front page, oldest first, so any day of a
    busy month is one click from it."""
    numbered = sorted((p for p in pages if p.number is not None), key=lambda p: p.number)
    if len(numbered) <= SPELLED_OUT:
        return MonthContents([(p.path, days_label(p.articles[-1].date.date(), p.articles[0].date.date(), locale))
                              for p in numbered], [])
    days: dict[date, list[tuple[str, int]]] = {}
    for page in numbered:
        for day in sorted({a.date.date() for a in page.articles}):
            days.setdefault(day, []).append((page.path, page.number))
    return MonthContents([], [(days_label(day, day, locale), found) for day, found in sorted(days.items())])


def days_label(first: date, last: date, locale: str) -> str:
    return format_interval(first, last, "MMMd", locale=locale.replace("-", "_"))
