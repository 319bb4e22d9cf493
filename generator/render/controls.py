"""What the pages' controls offer: the search filters' grouped choices, a month's table of pages."""

import unicodedata
from datetime import date

from babel.dates import format_interval

from generator.organise.archive import Term
from generator.organise.pagination import ListingPage

FLAT = 20  # up to this many choices a list is short enough to read whole, without groups
MOST_USED = 10  # choices in the "most used" group of a long list


def filing_name(name: str) -> str:
    """A name as a list files it: 'Ärzte' beside 'Arzneimittel', in any case."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def initial(name: str) -> str:
    """The letter a name is filed under: 'Ärzte' under A, '1. FC' under #."""
    first = filing_name(name)[:1]
    return first.upper() if first.isalpha() else "#"


def option_groups(terms: list[Term], most_used_label: str) -> list[tuple[str, list[Term]]]:
    """A filter's choices as (group label, terms): one unlabelled group when the list is short;
    otherwise the most used terms, then every term under its initial letter, A to Z."""
    by_name = sorted(terms, key=lambda t: (filing_name(t.name), t.slug))
    if len(terms) <= FLAT:
        return [("", by_name)]
    most_used = sorted(terms, key=lambda t: (-len(t.articles), filing_name(t.name), t.slug))[:MOST_USED]
    groups: list[tuple[str, list[Term]]] = [(most_used_label, most_used)]
    for term in by_name:
        letter = initial(term.name)
        if groups[-1][0] != letter or len(groups) == 1:
            groups.append((letter, []))
        groups[-1][1].append(term)
    return groups


def page_days(pages: list[ListingPage], locale: str) -> list[tuple[str, str]]:
    """(path, the days it covers, e.g. '1.–4. März') for each numbered page of a month, oldest first.

    A month's front page lists them all, so any day of a busy month is one click from it.
    """
    table = []
    for page in sorted((p for p in pages if p.number is not None), key=lambda p: p.number):
        first, last = page.articles[-1].date.date(), page.articles[0].date.date()
        table.append((page.path, days_label(first, last, locale)))
    return table


def days_label(first: date, last: date, locale: str) -> str:
    return format_interval(first, last, "MMMd", locale=locale.replace("-", "_"))
