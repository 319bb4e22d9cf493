"""What CLDR (through Babel) says about a language: month names, dates, numbers, plural forms,
language names, text direction. Never taken from the operating system's locale."""

import functools
import re
from datetime import datetime

import babel
from babel import dates, numbers
from babel.core import get_global

from generator.lang import base_code

# A date pattern's quoted literals ('de', with '' for a quote), runs of one field letter (MMMM),
# and the text between them.
_PATTERN_PART = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|[^A-Za-z']+")


@functools.cache
def locale(tag: str) -> babel.Locale:
    """Babel's locale for a language tag ('pt-BR', 'de'); the tag must be one CLDR knows."""
    return babel.Locale.parse(tag.replace("-", "_"))


@functools.cache
def month_names(tag: str, context: str = "stand-alone", width: str = "wide") -> tuple[str, ...]:
    """January to December. Lists and headings name a month on its own ('stand-alone'); a date
    names it inside a phrase ('format'), which in Polish or Russian is the genitive."""
    names = locale(tag).months[context][width]
    return tuple(names[m] for m in range(1, 13))


def month_name(month: int, tag: str) -> str:
    return month_names(tag)[month - 1]


def month_initial(month: int, tag: str) -> str:
    """The month in a letter or two, as under a chart's narrow bars."""
    return month_names(tag, width="narrow")[month - 1]


def month_abbreviation(month: int, tag: str) -> str:
    """'Jan', 'Mär': the month under a chart's wider bars and in compact tables."""
    return month_names(tag, width="abbreviated")[month - 1]


@functools.cache
def date_template(tag: str) -> tuple[str, tuple[str, ...]] | None:
    """CLDR's long date as a template with {day}, {dd}, {month} and {year}, and the twelve ways
    its {month} is written; None when the pattern has a field the template cannot say.

    search/page.js fills in the same template, so its dates read like those on every other page.
    """
    tokens = {"MMMM": month_names(tag, "format"), "MMM": month_names(tag, "format", "abbreviated"),
              "MM": tuple(f"{m:02d}" for m in range(1, 13)), "M": tuple(str(m) for m in range(1, 13)),
              "d": "{day}", "dd": "{dd}", "y": "{year}"}
    eras = locale(tag).eras
    parts, months = [], None
    for match in _PATTERN_PART.finditer(locale(tag).date_formats["long"].pattern):
        text, quoted, field = match.group(0), match.group(1), match.group(2)
        if field is None:
            literal = text if quoted is None else quoted.replace("''", "'")
            if "{" in literal or "}" in literal:
                return None
            parts.append(literal)
        elif field == "G":  # the era, 'AD' in the language: every date shown is of our era
            parts.append(eras["wide" if len(text) == 4 else "narrow" if len(text) == 5 else "abbreviated"][1])
        elif text not in tokens:
            return None
        elif field == "M":
            parts.append("{month}")
            months = tokens[text]
        else:
            parts.append(tokens[text])
    return ("".join(parts), months) if months else None


def format_date(value: datetime, tag: str) -> str:
    """CLDR's long date: '20. August 2025', 'August 20, 2025', '7 grudnia 2026'."""
    template = date_template(tag)
    if template is None:
        return dates.format_date(value, "long", locale=locale(tag))
    text, months = template
    return text.format(day=value.day, dd=f"{value.day:02d}", month=months[value.month - 1], year=value.year)


@functools.cache
def format_month(year: int, month: int, tag: str) -> str:
    """A month of a year as a heading says it: 'August 2025', 'agosto de 2025'."""
    return dates.format_skeleton("yMMMM", datetime(year, month, 1), locale=locale(tag))


@functools.cache
def format_number(n: int, tag: str) -> str:
    """A whole number in CLDR's decimal format: 10.000 in German, 10,000 in English, 10 000 in French."""
    return numbers.format_decimal(n, locale=locale(tag))


def number_grouping(tag: str) -> dict:
    """What format_number does to a whole number, for search/page.js to do the same: the group
    separator and the group sizes (3 and 3; 3 and 2 in Hindi)."""
    pattern = locale(tag).decimal_formats[None]
    return {"group": numbers.get_group_symbol(locale(tag)), "sizes": list(pattern.grouping)}


def plural_category(n: int, tag: str) -> str:
    """CLDR's plural category of `n`: 'one', 'few', 'many', 'other' …"""
    return locale(tag).plural_form(n)


def plural_categories(tag: str) -> frozenset[str]:
    return locale(tag).plural_form.tags | {"other"}


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


@functools.cache
def language_name(tag: str, in_tag: str | None = None) -> str:
    """The language of `tag` named in the language of `in_tag` (by default its own, 'Français');
    the tag itself when CLDR does not know it."""
    try:
        name = locale(in_tag or base_code(tag)).languages.get(base_code(tag))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return tag
    return _capitalised(name) if name else tag


@functools.cache
def likely_territory(code: str) -> str | None:
    """The territory CLDR thinks likeliest for a language: DE for de, US for en, FR for fr."""
    likely = get_global("likely_subtags").get(code.lower())
    return babel.core.parse_locale(likely)[1] if likely else None


@functools.cache
def text_direction(tag: str) -> str:
    """'rtl' or 'ltr'; 'ltr' for a tag CLDR does not know."""
    try:
        return locale(tag).text_direction
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return "ltr"
