"""The interface's strings: built-in files per language, a site's own i18n/ file, the order they
are looked up in, plural forms, and the errors a bad site file gives."""

from datetime import datetime

import pytest

from generator.core.errors import SiteError
from generator.lang import cldr
from generator.lang.interface import COUNTED, built_in_languages, english, load_strings
from generator.render.wording import Wording


def site_strings(root, name, text):
    folder = root / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return root


def test_every_language_the_issue_names_has_a_file():
    assert {"en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv"} <= set(built_in_languages())


@pytest.mark.parametrize("tag", built_in_languages())
def test_built_in_files_translate_every_string_with_the_languages_plural_forms(tag):
    strings = load_strings(None, tag)
    own = Wording(None, tag).strings
    assert strings.keys() == english().keys() == own.keys()
    for key in COUNTED:
        assert set(strings[key]) == cldr.plural_categories(tag), key
    if tag != "en":  # a file of its own says every string: none is left to English
        translated = [k for k in english() if strings[k] != english()[k]]
        assert len(translated) > len(english()) * 0.8


def test_german_and_english_keep_their_texts():
    de, en = load_strings(None, "de"), load_strings(None, "en")
    assert de["skip"] == "Zum Inhalt springen" and de["more_from"] == "Mehr von {source}"
    assert en["not_found_text"] == "This page is not in the archive. The home page may help."
    assert "date_pattern" not in de and "language_names" not in en


def test_a_language_without_a_file_is_english_string_by_string():
    assert load_strings(None, "da") == english()


def test_a_regional_tag_falls_back_to_its_language():
    assert load_strings(None, "pt-BR") == load_strings(None, "pt")
    assert load_strings(None, "de-AT")["home"] == "Startseite"


def test_lookup_order_site_tag_then_site_language_then_built_in_then_english(tmp_path):
    site_strings(tmp_path, "pt-BR.yaml", 'home: "Capa"\n')
    site_strings(tmp_path, "pt.yaml", 'home: "Página inicial"\nlatest: "Mais recentes"\n')
    brazil, portugal = load_strings(tmp_path, "pt-BR"), load_strings(tmp_path, "pt-PT")
    assert brazil["home"] == "Capa" and portugal["home"] == "Página inicial"
    assert brazil["latest"] == portugal["latest"] == "Mais recentes"
    assert brazil["archive"] == "Arquivo"  # built in
    assert load_strings(tmp_path, "es")["home"] == "Portada"  # the site's files are for Portuguese only


def test_a_site_file_for_a_language_without_one_built_in(tmp_path):
    site_strings(tmp_path, "da.yaml", 'latest: "Seneste artikler"\narticles_count: {one: "{n} artikel", other: "{n} artikler"}\n')
    danish = Wording(tmp_path, "da")
    assert danish.strings["latest"] == "Seneste artikler"
    assert danish.strings["home"] == "Home"
    assert (danish.count(1), danish.count(1500)) == ("1 artikel", "1.500 artikler")


def test_file_names_match_in_any_case_and_with_underscores(tmp_path):
    site_strings(tmp_path, "pt_br.yaml", 'home: "Capa"\n')
    assert load_strings(tmp_path, "pt-BR")["home"] == "Capa"


@pytest.mark.parametrize("text, expected", [
    ('home: "Start\n', "da.yaml:1: invalid YAML"),
    ("- home\n- latest\n", "da.yaml: must be a mapping of interface strings"),
    ('hom: "Start"\n', "da.yaml: unknown key 'hom' (known: all_tags, archive,"),
    ("home: [a, b]\n", "da.yaml: 'home' must be text"),
    ('articles_count: {one: "{n} artikel"}\n', "da.yaml: 'articles_count' needs the form 'other'"),
    ('articles_count: {few: "x", other: "y"}\n', "da.yaml: 'articles_count': 'few' is not a plural form of 'da' (its forms: one, other)"),
    ("articles_count: [x]\n", "da.yaml: 'articles_count' must map plural forms (one, other) to text"),
])
def test_a_bad_site_file_is_one_line_naming_it(tmp_path, text, expected):
    site_strings(tmp_path, "da.yaml", text)
    with pytest.raises(SiteError) as info:
        load_strings(tmp_path, "da")
    message = str(info.value)
    assert "\n" not in message and expected in message and message.startswith(str(tmp_path / "i18n"))


def test_a_counted_string_may_be_one_text_for_every_count(tmp_path):
    site_strings(tmp_path, "en.yaml", 'search_results: "hits: {n}"\n')
    assert Wording(tmp_path, "en").counted("search_results", 1) == "hits: 1"


@pytest.mark.parametrize("n, expected", [(1, "1 artykuł"), (2, "2 artykuły"), (4, "4 artykuły"), (5, "5 artykułów"),
                                         (12, "12 artykułów"), (22, "22 artykuły"), (25, "25 artykułów"),
                                         (0, "0 artykułów"), (10234, "10\xa0234 artykuły")])
def test_polish_counts_take_cldrs_plural_forms(n, expected):
    assert Wording(None, "pl").count(n) == expected


def test_german_and_english_counts_read_as_they_always_did():
    de, en = Wording(None, "de"), Wording(None, "en")
    assert [de.count(n) for n in (1, 3, 10000)] == ["1 Artikel", "3 Artikel", "10.000 Artikel"]
    assert [en.count(n) for n in (1, 3, 10000)] == ["1 article", "3 articles", "10,000 articles"]
    assert [en.counted("search_results", n) for n in (1, 2)] == ["1 result", "2 results"]


def test_dates_and_months_in_the_sites_language():
    fr = Wording(None, "fr")
    assert fr.date(datetime(2026, 12, 7)) == "7 décembre 2026" and fr.month(2026, 12) == "décembre 2026"
    assert Wording(None, "es").date(datetime(2026, 12, 7)) == "7 de diciembre de 2026"


def test_text_in_another_direction_than_the_page_says_so():
    de, ar = Wording(None, "de"), Wording(None, "ar")
    assert (de.direction, ar.direction) == ("ltr", "rtl")
    assert de.dir_attribute("ar") == ' dir="rtl"' and de.dir_attribute("en") == "" and de.dir_attribute("") == ""
    assert ar.dir_attribute("en") == ' dir="ltr"' and ar.dir_attribute("ar-EG") == ""
    assert de.directions(["de", "en", "ar", "he"]) == {"ar": "rtl", "he": "rtl"}
    assert (de.arrow_start, de.arrow_end, ar.arrow_start, ar.arrow_end) == ("←", "→", "→", "←")


def test_search_strings_carry_the_date_template_grouping_and_plural_forms():
    strings = Wording(None, "pl").search_strings(["pl", "ar"])
    assert strings["date"] == "{day} {month} {year}" and strings["months"][11] == "grudnia"
    assert strings["number"] == {"group": "\xa0", "sizes": [3, 3]}
    assert strings["results"]["few"] == "{n} wyniki"
    assert strings["dirs"] == {"ar": "rtl"}
