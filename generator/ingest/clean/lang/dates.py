"""How pages write dates, per language: month names (with their abbreviations), weekday names, the
words that say a date is the article's publication or its last update, and the words for time zones."""

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
PUBLISHED_WORDS = {
    "de": ("veröffentlicht", "publiziert", "erschienen", "erstellt", "eingetragen", "online seit", "gepostet",
           "geschrieben am", "eingestellt", "verfasst am", "datum"),
    "en": ("published", "posted", "created", "first published", "written on", "date"),
}

# Words just before a date that make it a later change to the article, not its publication.
UPDATED_WORDS = {
    "de": ("aktualisiert", "zuletzt aktualisiert", "letzte aktualisierung", "stand", "geändert",
           "zuletzt geändert", "update", "bearbeitet"),
    "en": ("updated", "last updated", "modified", "last modified", "revised", "edited", "update"),
}

# Words just before a date that make it a date the article talks about (a deadline, a period), not
# its own stamp: "Die Preise ab 01.01.2024", "valid until 5 May 2024".
TALKED_ABOUT_WORDS = {
    "de": ("ab", "bis", "seit", "zum", "zur", "nach", "vor", "zwischen", "für", "gültig", "frist"),
    "en": ("from", "until", "till", "since", "before", "after", "between", "through", "for", "by", "due"),
}

# Small words that join a byline's names and its date ("Frank Hahn am 18. September 2019",
# "Hofheim am Taunus | Wiesbaden, 11. November 2021", "by Jane Doe on May 3, 2021").
BYLINE_LINK_WORDS = {
    "de": ("am", "von", "vom", "um", "und", "der", "die", "des"),
    "en": ("on", "by", "at", "and", "of", "the"),
}

# Zone words written after a time of day → IANA zone, or a fixed offset in minutes.
ZONE_WORDS = {
    "de": {"mez": "Europe/Berlin", "mesz": "Europe/Berlin", "oez": "Europe/Helsinki"},
    "en": {"et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
           "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
           "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
           "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
           "bst": "Europe/London", "cet": "Europe/Berlin", "cest": "Europe/Berlin", "ist": "Asia/Kolkata",
           "aest": "Australia/Sydney", "aedt": "Australia/Sydney"},
    "": {"gmt": 0, "utc": 0, "z": 0},
}

# The zone a page in this language means by a time of day that names none ("17:23 Uhr"): German is
# written in Germany, Austria, Switzerland, Liechtenstein and Luxembourg, all on Central European Time.
# English has no such zone (US, UK, India, Australia…), so its bare times are read in the site's zone.
LOCAL_ZONES = {"de": "Europe/Berlin"}
