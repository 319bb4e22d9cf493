"""UI strings and date formats per site language; never taken from the operating system's locale."""

from datetime import datetime

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni",
           "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"],
}

STRINGS = {
    "de": {
        "skip": "Zum Inhalt springen",
        "home": "Startseite",
        "main_nav": "Hauptnavigation",
        "archive": "Archiv",
        "tags": "Schlagwörter",
        "sources": "Quellen",
        "locations": "Orte",
        "tag": "Schlagwort",
        "source": "Quelle",
        "location": "Ort",
        "newer": "Neuere Artikel",
        "older": "Ältere Artikel",
        "pagination": "Seitennavigation",
        "page": "Seite",
        "previous_article": "Vorheriger Artikel",
        "next_article": "Nächster Artikel",
        "article_nav": "Artikelnavigation",
        "related": "Verwandte Artikel",
        "sample": "Beispiel",
        "sample_note": "Beispieltext für die Demo, keine echte Nachricht.",
        "duplicate_of": "Dieselbe Meldung wie:",
        "articles_count": "{n} Artikel",
        "latest": "Neueste Artikel",
        "all_tags": "Alle Schlagwörter",
        "feed": "Atom-Feed",
        "not_found": "Seite nicht gefunden",
        "not_found_text": "Diese Seite gibt es im Archiv nicht. Vielleicht hilft die Startseite weiter.",
        "estimated_date": "Datum geschätzt",
        "months": "Monate",
        "years": "Jahre",
        "original": "Originalquelle",
        "breadcrumbs": "Brotkrumennavigation",
        "per_month": "Artikel pro Monat",
        "more_from": "Mehr von {source}",
        "translations": "Auch auf",
        "search": "Suche",
        "search_label": "Archiv durchsuchen",
        "search_filters": "Filter",
        "search_any": "alle",
        "search_language": "Sprache",
        "search_from": "von (Monat)",
        "search_to": "bis (Monat)",
        "search_noscript": "Die Suche braucht JavaScript. Ohne JavaScript finden Sie Artikel über das Archiv, die Schlagwörter und die Quellen.",
        "search_loading": "Suche läuft …",
        "search_none": "Keine Artikel gefunden.",
        "search_common": "Nur sehr häufige Wörter: bitte genauer suchen.",
        "search_results": "{n} Treffer",
        "search_failed": "Der Suchindex konnte nicht geladen werden.",
        "date_pattern": "{day}. {month} {year}",
        "language_names": {"de": "Deutsch", "en": "Englisch"},
    },
    "en": {
        "skip": "Skip to content",
        "home": "Home",
        "main_nav": "Main navigation",
        "archive": "Archive",
        "tags": "Tags",
        "sources": "Sources",
        "locations": "Locations",
        "tag": "Tag",
        "source": "Source",
        "location": "Location",
        "newer": "Newer articles",
        "older": "Older articles",
        "pagination": "Pagination",
        "page": "Page",
        "previous_article": "Previous article",
        "next_article": "Next article",
        "article_nav": "Article navigation",
        "related": "Related articles",
        "sample": "Sample",
        "sample_note": "Sample text written for the demo, not real news.",
        "duplicate_of": "The same story as:",
        "articles_count": "{n} articles",
        "latest": "Latest articles",
        "all_tags": "All tags",
        "feed": "Atom feed",
        "not_found": "Page not found",
        "not_found_text": "This page is not in the archive. The home page may help.",
        "estimated_date": "date estimated",
        "months": "Months",
        "years": "Years",
        "original": "Original source",
        "breadcrumbs": "Breadcrumb",
        "per_month": "Articles per month",
        "more_from": "More from {source}",
        "translations": "Also in",
        "search": "Search",
        "search_label": "Search the archive",
        "search_filters": "Filters",
        "search_any": "any",
        "search_language": "Language",
        "search_from": "from (month)",
        "search_to": "to (month)",
        "search_noscript": "Search needs JavaScript. Without it, browse the archive, the tags and the sources.",
        "search_loading": "Searching …",
        "search_none": "No articles found.",
        "search_common": "Only very common words: please be more specific.",
        "search_results": "{n} results",
        "search_failed": "The search index could not be loaded.",
        "date_pattern": "{month} {day}, {year}",
        "language_names": {"de": "German", "en": "English"},
    },
}

LANGUAGES = tuple(STRINGS)

# Names of the languages articles are most often in, each in its own language, for translation links.
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "fr": "Français", "es": "Español", "it": "Italiano",
                  "nl": "Nederlands", "pl": "Polski", "uk": "Українська", "ru": "Русский", "tr": "Türkçe"}


def language_name(tag: str) -> str:
    """'Deutsch' for 'de' or 'de-AT'; the tag itself for a language without a name here."""
    return LANGUAGE_NAMES.get(tag.split("-")[0].lower(), tag)


def month_name(month: int, lang: str) -> str:
    return MONTHS[lang][month - 1]


def format_date(value: datetime, lang: str) -> str:
    """'20. August 2025' in German, 'August 20, 2025' in English (search.js uses the same pattern)."""
    return STRINGS[lang]["date_pattern"].format(day=value.day, month=month_name(value.month, lang), year=value.year)


def format_month(year: int, month: int, lang: str) -> str:
    return f"{month_name(month, lang)} {year}"


def format_count(n: int, lang: str) -> str:
    """Article counts with the language's thousands separator (German 10.000, English 10,000)."""
    number = f"{n:,}".replace(",", "." if lang == "de" else ",")
    if n == 1:
        return "1 Artikel" if lang == "de" else "1 article"
    return STRINGS[lang]["articles_count"].format(n=number)
