"""Month and weekday names as CLDR (through Babel) gives them for a language and its regional
variants: Austrian German writes 'Jänner', Peruvian Spanish 'setiembre', Canadian French 'juill.'."""

import babel
from babel.dates import get_day_names, get_month_names
from babel.localedata import locale_identifiers

# Every width pages write in full or abbreviated, as a date's part ("format": Polish "grudnia")
# and on its own ("stand-alone": "grudzień"). Narrow forms are single letters.
_FORMS = [(width, context) for width in ("wide", "abbreviated") for context in ("format", "stand-alone")]


def locales(code: str) -> list[str]:
    """The CLDR locales of language `code` in its usual script: 'de', 'de_AT', 'de_CH' … (not en_Dsrt)."""
    return [tag for tag in locale_identifiers()
            if tag.split("_")[0] == code and babel.Locale.parse(tag).script is None]


def _form(name: str) -> str:
    """A name as the cleaner compares it: lower case, without an abbreviation's dot ('janv.' → 'janv';
    the date patterns allow the dot after any month)."""
    return name.lower().rstrip(".")


def month_forms(code: str) -> dict[str, tuple[frozenset[int], bool]]:
    """Each month name of the language → (the months it names, whether it is a full name somewhere)."""
    numbers: dict[str, set[int]] = {}
    full: set[str] = set()
    for tag in locales(code):
        for width, context in _FORMS:
            for number, name in get_month_names(width, context, tag).items():
                numbers.setdefault(_form(name), set()).add(number)
                if width == "wide":
                    full.add(_form(name))
    return {name: (frozenset(months), name in full) for name, months in numbers.items()}


def weekday_forms(code: str) -> frozenset[str]:
    """Every weekday name of the language, full and abbreviated."""
    return frozenset(_form(name) for tag in locales(code) for width, context in _FORMS
                     for name in get_day_names(width, context, tag).values())
