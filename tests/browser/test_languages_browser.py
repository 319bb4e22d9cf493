"""The search page in other languages, in headless Chromium: result dates and counts written as the
build writes them on every other page (CLDR through Babel), from the strings the page carries."""

import re
from datetime import date
from pathlib import Path

import pytest

from generator.lang import cldr
from generator.render.wording import Wording
from generator.build import build_site
from helpers.browser import browser as chromium
from helpers.multilingual import write_samples
from helpers.sites import make_site, write_article

COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 102, 105, 999, 1000, 1234, 12345, 22222, 1000000, 2000000]
DAYS = ["2016-03-22", "2021-02-12", "2026-12-07", "2025-01-01", "2024-05-31"]


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> Path:
    site = make_site(tmp_path_factory.mktemp("fr") / "site", language="fr", per_page=10)
    write_samples(site, "fr")
    build_site(site)
    return site / "output"


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors


def search_page(tab, output: Path, query: str = ""):
    tab.goto((output / "search" / "index.html").as_uri() + (f"?q={query}" if query else ""))
    if query:
        tab.wait_for_function(f"document.getElementById('search-status').dataset.query === {query!r}")


def test_french_results_show_french_dates_and_a_french_count(page, french):
    search_page(page, french, "Laurent")  # as written: the French stemmer leaves it as it is
    status = page.locator("#search-status").inner_text()
    match = re.fullmatch(r"(\d+) résultats?", status)
    assert match, status
    assert status == Wording(None, "fr").counted("search_results", int(match.group(1)))
    times = page.locator("#search-results time")
    assert times.count() >= 1
    for i in range(times.count()):
        iso = times.nth(i).get_attribute("datetime")
        assert times.nth(i).inner_text() == cldr.format_date(date.fromisoformat(iso), "fr")
    assert "17 juin 2017" in page.locator("#search-results").inner_text()


def small_site(root: Path, language: str) -> Path:
    site = make_site(root, language=language)
    write_article(site, "a.md", 'title: "Eins"\ndate: "2025-08-20T10:00:00Z"')
    build_site(site)
    return site / "output"


@pytest.mark.parametrize("language", ["de", "en", "fr", "pl"])
def test_search_js_writes_counts_and_dates_as_the_build_does(page, tmp_path, language):
    search_page(page, small_site(tmp_path / "site", language))
    strings = Wording(None, language).search_strings([])
    written = page.evaluate("""([forms, counts, days]) => [
        counts.map(n => window.searchArchive.format.counted(forms, n)),
        days.map(d => window.searchArchive.format.longDate(d))]""", [strings["results"], COUNTS, DAYS])
    ui = Wording(None, language)
    assert written[0] == [ui.counted("search_results", n) for n in COUNTS]
    assert written[1] == [ui.date(date.fromisoformat(d)) for d in DAYS]
