"""Typing mistakes in a word's first letters, in the real browser: the correction sorts far from the
word as typed, in a term shard the query does not load, and is found by the word's end."""

import bisect
import itertools
import json
import string

import pytest

from generator.build import build_site

from helpers.browser import page_without_errors
from helpers.sites import make_site, write_article


def filler_words():
    """Made-up words sorting between "arbour" and "harbour", enough for several term shards."""
    for letters in itertools.product(string.ascii_lowercase, repeat=3):
        yield "c" + "".join(letters) + "x"


@pytest.fixture(scope="module")
def tab(tmp_path_factory, chromium):
    root = make_site(tmp_path_factory.mktemp("site"), language="en")
    write_article(root, "harbour.md", """
        title: "Harbour ferry adds evening crossings"
        date: "2024-02-01"
        lang: en
    """, "The ferry sails at night.\n")
    words = filler_words()
    for n in range(60):
        write_article(root, f"filler{n:02d}.md", f"""
            title: "Notice {n}"
            date: "2023-01-01"
            lang: en
        """, " ".join(next(words) for _ in range(40)) + "\n")
    build_site(root)
    with page_without_errors(chromium, (root / "output" / "search" / "index.html").as_uri()) as page:
        page.root = root
        yield page


def titles(tab, query):
    return [r["title"] for r in tab.evaluate("q => window.searchArchive(q)", query)]


def test_the_correction_sits_in_another_term_shard(tab):
    manifest = next((tab.root / "output" / "search" / "m").glob("*.js")).read_text(encoding="utf-8")
    first_terms = json.loads(manifest[manifest.index(",") + 1:manifest.rindex(")")])["firstTerms"]
    assert bisect.bisect(first_terms, "arbour") != bisect.bisect(first_terms, "harbour")


@pytest.mark.parametrize("typed", ["arbour", "hrbour", "jarbour"])
def test_a_mistake_in_the_first_letters_still_finds_the_word(tab, typed):
    assert titles(tab, typed + " ") == ["Harbour ferry adds evening crossings"]


def test_the_page_offers_the_word_found_by_its_end(tab):
    tab.goto(tab.url.split("?")[0] + "?q=arbour")
    tab.wait_for_function("() => document.getElementById('search-status').dataset.query === 'arbour'")
    assert tab.locator("#search-suggestion a").inner_text() == "harbour"
