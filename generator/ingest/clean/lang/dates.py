"""How pages write dates, per language: month names (with their abbreviations), weekday names, the
words that say a date is the article's publication or its last update, and the words for time zones.
Month and weekday names come from CLDR; a language's other words are in its record (`cleaner:` →
`dates:`)."""

from generator.ingest.clean.lang import cleaner_codes, recorded_values, recorded_words
from generator.ingest.clean.lang.calendar_names import month_forms, weekday_forms
from generator.lang import language


def _month_numbers() -> dict[str, dict[str, int]]:
    """Each recorded language's month names → month number: CLDR's full and abbreviated names and the
    record's `extra_months` (spellings CLDR lacks: "maerz", "feber"). Left out: an abbreviation that
    is a common word of a recorded language (Polish "sie" for sierpień is German "sie", Portuguese
    "out" for outubro is English "out"), since the names are read beside any number and in bylines;
    and a form that names two months, in case a language brings one."""
    forms = {code: month_forms(code) for code in cleaner_codes()}
    months: dict[str, set[int]] = {}
    full = set()
    for table in forms.values():
        for name, (numbers, is_full) in table.items():
            months.setdefault(name, set()).update(numbers)
            if is_full:
                full.add(name)
    common = frozenset().union(*(language(code).stopwords for code in cleaner_codes()),
                               *recorded_words("prose_words").values())
    usable = {name for name, numbers in months.items() if len(numbers) == 1 and (name in full or name not in common)}
    extra = recorded_values("dates", "extra_months")
    return {code: {**{name: min(numbers) for name, (numbers, _) in table.items() if name in usable},
                   **{str(name): int(number) for name, number in extra.get(code, {}).items()}}
            for code, table in forms.items()}


MONTH_NUMBERS = _month_numbers()
# Weekday names, full and abbreviated, with the record's `extra_weekdays` ("Sonnabend", "Thurs").
_EXTRA_WEEKDAYS = recorded_words("dates", "extra_weekdays")
WEEKDAYS = {code: tuple(sorted(weekday_forms(code) | set(_EXTRA_WEEKDAYS.get(code, ())))) for code in cleaner_codes()}

# Words just before a date that make it the article's own publication date.
PUBLISHED_WORDS = recorded_words("dates", "published_words")
# Words just before a date that make it a later change to the article, not its publication.
UPDATED_WORDS = recorded_words("dates", "updated_words")
# Words just before a date that make it a date the article talks about (a deadline, a period), not
# its own stamp: "Die Preise ab 01.01.2024", "valid until 5 May 2024".
TALKED_ABOUT_WORDS = recorded_words("dates", "talked_about_words")
# Small words that join a byline's names and its date ("Frank Hahn am 18. September 2019",
# "Hofheim am Taunus | Wiesbaden, 11. November 2021", "by Jane Doe on May 3, 2021").
BYLINE_LINK_WORDS = recorded_words("dates", "byline_link_words")

# Words a page writes between the parts of a date: the day's ordinal suffix ("3rd", French "1er"),
# the words around the month (Spanish "7 de diciembre de 2026"), before the time of day ("um",
# "at", "à"), and between a cue word and its date ("Veröffentlicht am", "publié le").
DAY_SUFFIXES = recorded_words("dates", "day_suffixes")
DATE_JOINERS = recorded_words("dates", "date_joiners")
TIME_WORDS = recorded_words("dates", "time_words")
CUE_JOINERS = recorded_words("dates", "cue_joiners")

# Zone words written after a time of day → IANA zone, or a fixed offset in minutes; those under ""
# name no language's zone.
ZONE_WORDS = {**recorded_values("dates", "zone_words"), "": {"gmt": 0, "utc": 0, "z": 0}}

# The zone a page in this language means by a time of day that names none ("17:23 Uhr"), for a
# language written in one zone only: German is written in Germany, Austria, Switzerland,
# Liechtenstein and Luxembourg, Italian in Italy, Switzerland and San Marino, Polish in Poland, all
# on Central European Time. English, French, Spanish, Portuguese, Dutch (Suriname, the Caribbean)
# and Swedish (Finland) have no such zone, so their bare times are read in the site's zone.
LOCAL_ZONES = recorded_values("dates", "local_zone")
