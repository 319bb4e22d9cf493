"""Sites in other languages, built from real French, Spanish and Japanese news: the interface in
the site's language, CLDR's dates and counts, a site's own strings file, right-to-left text."""

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from generator.core.errors import SiteError
from generator.preview.watch import classify
from generator.build import build_site
from generator.site import Site
from helpers.multilingual import write_samples
from helpers.sites import make_site, write_article


def read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def article_page(output: Path, record: dict) -> str:
    """The page of the sample article `record` (its folder is its date; one article a day here)."""
    day = date.fromisoformat(record["date"][:10])
    folder = output / f"{day:%Y/%m/%d}"
    (page,) = folder.glob("*/index.html")
    return page.read_text(encoding="utf-8")


def search_strings(output: Path) -> dict:
    html = read(output, "search/index.html")
    return json.loads(re.search(r"data-strings='([^']*)'", html).group(1))


def sample_site(root: Path, language: str, samples: str) -> tuple[Path, list[dict]]:
    site = make_site(root, language=language, per_page=10)
    records = write_samples(site, samples)
    build_site(site)
    return site, records


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    site, records = sample_site(tmp_path_factory.mktemp("fr") / "site", "fr", "fr")
    return site / "output", records


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    site, records = sample_site(tmp_path_factory.mktemp("es") / "site", "es", "es")
    return site / "output", records


def test_a_french_site_speaks_french(french):
    output, records = french
    home = read(output, "index.html")
    assert '<html lang="fr">' in home and 'content="fr_FR"' in home
    # The sample articles carry no tags: the navigation names only the kinds they have.
    for text in ("Aller au contenu", "Derniers articles", "Archives", "Articles plus anciens", "Flux Atom"):
        assert text in home, text
    assert "Latest articles" not in home and "Neueste Artikel" not in home
    assert '<p class="count">24 articles' in home
    assert "Page introuvable" in read(output, "404.html")


def test_a_french_site_writes_dates_and_months_as_cldr_does(french):
    output, records = french
    first = next(r for r in records if r["date"] == "2016-03-22")
    page = article_page(output, first)
    assert '<time datetime="2016-03-22T00:00:00+01:00">22 mars 2016</time>' in page
    month = read(output, "2016/03/index.html")
    in_march = Counter(r["date"][:7] for r in records)["2016-03"]
    assert "<h1>mars 2016</h1>" in month
    assert f'<p class="count">{in_march} article' in month
    years = {r["date"][:4] for r in records}
    archive = read(output, "archive/index.html")
    assert all(f">{year}</a>" in archive for year in years) and '<span class="m">mars</span>' in archive


def test_a_french_search_page_carries_french_forms(french):
    output, _ = french
    strings = search_strings(output)
    assert strings["results"] == {"one": "{n} résultat", "many": "{n} résultats", "other": "{n} résultats"}
    assert strings["date"] == "{day} {month} {year}" and strings["months"][2] == "mars"
    assert strings["number"] == {"group": "\u202f", "sizes": [3, 3]}
    search = read(output, "search/index.html")
    assert '<option value="fr">Français</option>' in search and "Rechercher dans les archives" in search


def test_a_spanish_site_speaks_spanish(spanish):
    output, records = spanish
    home = read(output, "index.html")
    assert '<html lang="es">' in home and "Últimas noticias" in home and "Saltar al contenido" in home
    record = next(r for r in records if r["date"] == "2021-02-12")
    assert ">12 de febrero de 2021</time>" in article_page(output, record)
    assert "<h1>febrero de 2021</h1>" in read(output, "2021/02/index.html")
    assert "24 artículos" in read(output, "archive/index.html")


def test_a_danish_site_without_strings_is_english_with_danish_dates(tmp_path):
    site, records = sample_site(tmp_path / "site", "da", "es")
    output = site / "output"
    home = read(output, "index.html")
    assert '<html lang="da">' in home and "Latest articles" in home and "Skip to content" in home
    assert 'content="da_DK"' in home
    record = next(r for r in records if r["date"] == "2021-02-12")
    assert ">12. februar 2021</time>" in article_page(output, record)
    assert "<h1>februar 2021</h1>" in read(output, "2021/02/index.html")
    assert '<option value="es">Spansk</option>' in read(output, "search/index.html")


def test_a_sites_own_strings_file_is_used_and_its_edits_rebuild_the_pages(tmp_path):
    site = make_site(tmp_path / "site", language="da")
    write_samples(site, "es", count=4)
    strings = site / "i18n" / "da.yaml"
    strings.parent.mkdir()
    strings.write_text('latest: "Seneste artikler"\narticles_count: {one: "{n} artikel", other: "{n} artikler"}\n',
                       encoding="utf-8")
    build_site(site)
    home = read(site / "output", "index.html")
    assert "Seneste artikler" in home and "4 artikler" in home and "Skip to content" in home

    strings.write_text('latest: "Nyeste artikler"\n', encoding="utf-8")
    build_site(site)
    home = read(site / "output", "index.html")
    assert "Nyeste artikler" in home and "4 articles" in home


def test_the_preview_rebuilds_the_pages_after_a_strings_file_is_saved(tmp_path):
    site = make_site(tmp_path / "site", language="fr")
    write_samples(site, "fr", count=3)
    preview = Site(site)
    preview.build()
    strings = site / "i18n" / "fr.yaml"
    strings.parent.mkdir()
    strings.write_text('latest: "À la une"\n', encoding="utf-8")
    changes = classify(site, [strings])
    assert changes.templates
    report = preview.build(changes)
    assert report.rendered and "À la une" in read(site / "output", "index.html")


def test_a_bad_strings_file_fails_the_build_naming_it(tmp_path):
    site = make_site(tmp_path / "site", language="fr")
    write_samples(site, "fr", count=2)
    build_site(site)
    before = read(site / "output", "index.html")
    (site / "i18n").mkdir()
    (site / "i18n" / "fr.yaml").write_text("latets: Dernières\n", encoding="utf-8")
    with pytest.raises(SiteError) as info:
        build_site(site)
    assert str(info.value).startswith(str(site / "i18n" / "fr.yaml") + ": unknown key 'latets'")
    assert read(site / "output", "index.html") == before


def test_an_arabic_site_is_right_to_left_and_its_english_articles_left_to_right(tmp_path):
    site = make_site(tmp_path / "site", language="ar")
    write_article(site, "a.md", 'title: "القاهرة تستضيف محادثات السلام"\ndate: "2025-08-20T10:00:00Z"\nlang: ar',
                  "بدأت المحادثات صباح الأربعاء في القاهرة.\n")
    write_article(site, "b.md", 'title: "Talks open in Cairo"\ndate: "2025-08-21T10:00:00Z"\nlang: en',
                  "Talks opened on Thursday in Cairo.\n")
    build_site(site)
    output = site / "output"
    home = read(output, "index.html")
    assert '<html lang="ar" dir="rtl">' in home
    assert '<li class="teaser" lang="ar">' in home and '<li class="teaser" lang="en" dir="ltr">' in home
    assert "20 أغسطس 2025" in home
    assert search_strings(output)["dirs"] == {"en": "ltr"}


def test_an_arabic_article_on_a_german_site_is_right_to_left(tmp_path):
    site = make_site(tmp_path / "site", language="de")
    write_article(site, "a.md", 'title: "القاهرة تستضيف محادثات السلام"\ndate: "2025-08-20T10:00:00Z"\nlang: ar',
                  "بدأت المحادثات صباح الأربعاء في القاهرة.\n")
    write_article(site, "b.md", 'title: "Gespräche in Kairo"\ndate: "2025-08-21T10:00:00Z"\nlang: de')
    build_site(site)
    output = site / "output"
    home = read(output, "index.html")
    assert '<html lang="de">' in home
    assert '<li class="teaser" lang="ar" dir="rtl">' in home and '<li class="teaser" lang="de">' in home
    (page,) = (output / "2025/08/20").glob("*/index.html")
    assert '<article class="article" lang="ar" dir="rtl">' in page.read_text(encoding="utf-8")
    assert '<li lang="ar" dir="rtl">' in read(output, "2025/08/index.html")
    assert search_strings(output)["dirs"] == {"ar": "rtl"}


def test_titles_in_other_scripts_give_readable_addresses(tmp_path):
    site = make_site(tmp_path / "site", language="ja")
    records = write_samples(site, "ja")
    write_article(site, "moskau.md", 'title: "Москва: новые станции метро"\ndate: "2025-08-20T10:00:00Z"\nlang: ru')
    write_article(site, "lodz.md", 'title: "Łódź otwiera nowy dworzec"\ndate: "2025-08-21T10:00:00Z"\nlang: pl')
    build_site(site)
    output = site / "output"
    folders = [p.parent.relative_to(output).as_posix() for p in output.glob("[0-9]*/[0-9]*/[0-9]*/*/index.html")]
    assert len(folders) == len(records) + 2
    assert all(f.isascii() and not f.endswith("/article") for f in folders), folders
    assert "2025/08/20/moskva-novye-stantsii-metro" in folders and "2025/08/21/lodz-otwiera-nowy-dworzec" in folders
    assert "2012年8月22日" in read(output, "index.html")
