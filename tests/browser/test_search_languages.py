"""Search in French, Spanish and Japanese archives, in the real browser: the query is stemmed by the
generated Snowball stemmers as the index was, so inflected forms find each other."""

import pytest

from generator.build import build_site

from helpers.browser import page_without_errors
from helpers.multilingual import make_multilingual_site
from helpers.sites import make_site, write_article


@pytest.fixture(scope="module")
def tab(tmp_path_factory, chromium):
    root = make_multilingual_site(tmp_path_factory.mktemp("site"), language="fr")
    build_site(root)
    with page_without_errors(chromium, (root / "output" / "search" / "index.html").as_uri()) as page:
        yield page


def titles(tab, query):
    return [r["title"] for r in tab.evaluate("q => window.searchArchive(q, {limit: 10})", query)]


def test_a_french_plural_query_finds_the_singular_headline(tab):
    assert "Mort de Diana : un employé de Matignon brise le silence" in titles(tab, "employés")
    assert "Au Groenland, la calotte glaciaire fond irrémédiablement" in titles(tab, "calottes glaciaires")


def test_french_words_typed_without_accents_still_find_them(tab):
    assert "Mont-Saint-Michel évacué : le site a pu rouvrir" in titles(tab, "evacue")
    assert "Désarmement : l'avenir du dernier traité USA-Russie débattu à Vienne" in titles(tab, "desarmement traite")


def test_a_french_singular_query_finds_the_plural_headline(tab):
    assert titles(tab, "attentat bruxelles")[0] == \
        "Attentats de Bruxelles : des dessins pour partager la douleur de la Belgique"


def test_spanish_inflections_find_each_other_on_the_same_page(tab):
    assert "Covid-19: mentiras que matan" in titles(tab, "mentira")
    assert "La política tóxica contamina a España" in titles(tab, "políticas tóxicas")


def test_japanese_is_found_by_any_word_it_contains(tab):
    found = titles(tab, "結婚")
    assert "通えば結婚できる？ 結婚予備校ってどんなところ？" in found
    assert "「結婚しないの？」という人への対応は" in found
    assert titles(tab, "ヨドバシカメラ")[0].startswith("約2倍の広さで日本最大級規模")


def test_the_page_loads_only_the_stemmers_of_the_archives_languages(tab):
    loaded = tab.evaluate("Object.keys(globalThis.__NA_STEM || {}).sort()")
    assert loaded == ["french", "spanish"]


DANISH = {
    "husene.md": ("Husene ved havnen får nye tage", "Kommunen betaler for tagene på de gamle huse ved havnen."),
    "skolen.md": ("Skolen åbner igen efter sommerferien", "Eleverne vender tilbage til skolerne på mandag."),
}


def test_a_language_without_a_strings_file_is_still_stemmed_by_snowball(tmp_path, chromium):
    """Danish has no strings file and no record: the interface falls back to English, the search
    stems with Snowball's Danish algorithm on both sides."""
    site = make_site(tmp_path / "da", language="da")
    for name, (title, body) in DANISH.items():
        write_article(site, name, f'title: "{title}"\ndate: 2025-06-01\nlang: da', body + "\n")
    build_site(site)
    page = chromium.new_page()
    page.goto((site / "output" / "search" / "index.html").as_uri())
    assert page.locator("h1").inner_text() == "Search"
    found = page.evaluate("q => window.searchArchive(q, {limit: 10})", "huset")
    assert [r["title"] for r in found] == ["Husene ved havnen får nye tage"]
    found = page.evaluate("q => window.searchArchive(q, {limit: 10})", "skolers")
    assert [r["title"] for r in found] == ["Skolen åbner igen efter sommerferien"]
    assert page.evaluate("Object.keys(globalThis.__NA_STEM)") == ["danish"]
