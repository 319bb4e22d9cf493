"""CLDR through Babel: dates, month names, numbers, language names and text direction per language."""

from datetime import datetime

import babel
import pytest
from babel import dates

from generator.lang import cldr

DAY = datetime(2026, 12, 7, 9, 30)


@pytest.mark.parametrize("tag, expected", [
    ("de", "7. Dezember 2026"),
    ("en", "December 7, 2026"),
    ("fr", "7 décembre 2026"),
    ("es", "7 de diciembre de 2026"),
    ("pt-BR", "7 de dezembro de 2026"),
    ("pl", "7 grudnia 2026"),  # the genitive, as a date says it
    ("ru", "7 декабря 2026\u202fг."),
    ("ja", "2026年12月7日"),
])
def test_long_dates_are_cldrs(tag, expected):
    assert cldr.format_date(DAY, tag) == expected


def test_months_on_their_own_are_nominative_and_in_dates_genitive():
    assert cldr.month_name(12, "pl") == "grudzień"
    assert cldr.format_month(2026, 12, "pl") == "grudzień 2026"
    assert cldr.date_template("pl") == ("{day} {month} {year}", cldr.month_names("pl", "format"))
    assert cldr.month_names("pl", "format")[11] == "grudnia"


def test_german_and_english_months_read_as_they_always_did():
    assert cldr.month_names("de")[2] == "März" and cldr.format_month(2025, 8, "de") == "August 2025"
    assert cldr.format_month(2025, 8, "en") == "August 2025"
    assert [cldr.month_initial(m, "de") for m in range(1, 13)] == list("JFMAMJJASOND")


def test_the_date_template_writes_every_locales_long_date_as_babel_does():
    """search/page.js fills in the same template: it must say what Babel says, in every locale."""
    days = [datetime(2026, 12, 7), datetime(2025, 1, 31), datetime(2024, 5, 3)]
    for identifier in babel.localedata.locale_identifiers():
        tag = identifier.replace("_", "-")
        for day in days:
            assert cldr.format_date(day, tag) == dates.format_date(day, "long", locale=identifier), tag


def test_quoted_literals_and_two_digit_days_become_template_text():
    assert cldr.date_template("es")[0] == "{day} de {month} de {year}"
    assert cldr.date_template("ja")[0] == "{year}年{month}月{day}日"
    assert cldr.date_template("ja")[1][11] == "12"


@pytest.mark.parametrize("tag, expected", [("de", "10.000"), ("en", "10,000"), ("fr", "10\u202f000"),
                                           ("pl", "10\xa0000")])
def test_numbers_are_grouped_as_cldr_says(tag, expected):
    assert cldr.format_number(10000, tag) == expected
    assert cldr.number_grouping(tag) == {"group": expected[2], "sizes": [3, 3]}


def test_languages_are_named_in_their_own_language_or_the_sites():
    assert [cldr.language_name(t) for t in ("de", "en", "fr", "uk", "de-AT")] == \
        ["Deutsch", "English", "Français", "Українська", "Deutsch"]
    assert cldr.language_name("en", "de") == "Englisch" and cldr.language_name("de", "en") == "German"
    assert cldr.language_name("Klingonisch") == "Klingonisch"


def test_text_direction():
    assert [cldr.text_direction(t) for t in ("ar", "he", "fa", "de", "ja", "xx", "")] == \
        ["rtl", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr"]


def test_plural_categories_follow_cldr():
    assert [cldr.plural_category(n, "pl") for n in (1, 2, 5, 12, 22, 25, 112)] == \
        ["one", "few", "many", "many", "few", "many", "many"]
    assert cldr.plural_categories("pl") == {"one", "few", "many", "other"}
    assert cldr.plural_categories("ja") == {"other"}
