"""How pages write dates, per language: month names (with their abbreviations), weekday names, the
words that say a date is the article's publication or its last update, and the words for time zones.
A language's words are in its record (`cleaner:` → `dates:`)."""

from generator.ingest.clean.lang import recorded_values, recorded_words

MONTH_NUMBERS = {
    "de": {
        "januar": 1, "jänner": 1, "jan": 1, "jän": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "mär": 3,
        "maerz": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10,
        "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    },
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    },
}

WEEKDAYS = {
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
           "mo", "di", "mi", "do", "fr", "sa", "so"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
}

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

# Zone words written after a time of day → IANA zone, or a fixed offset in minutes; those under ""
# name no language's zone.
ZONE_WORDS = {**recorded_values("dates", "zone_words"), "": {"gmt": 0, "utc": 0, "z": 0}}

# The zone a page in this language means by a time of day that names none ("17:23 Uhr"), for a
# language written in one zone only: German is written in Germany, Austria, Switzerland,
# Liechtenstein and Luxembourg, all on Central European Time. English has no such zone (US, UK,
# India, Australia…), so its bare times are read in the site's zone.
LOCAL_ZONES = recorded_values("dates", "local_zone")
