"""Headline re-ranking in the real browser: the one headline holding every query word as typed comes
first, wherever the word scores alone put it among the matches."""

import pytest

from generator.build import build_site

from helpers.sites import make_site, write_article

TARGET = "Attack on Iran oil platform"
RIVALS = 12  # more than the ten best the re-ranking once looked at


@pytest.fixture(scope="module")
def tab(tmp_path_factory, chromium):
    root = make_site(tmp_path_factory.mktemp("site"), language="en")
    write_article(root, "target.md", f"""
        title: "{TARGET}"
        date: "2024-01-01"
        lang: en
    """, "Shipping in the gulf was halted for a day.\n")
    for n in range(RIVALS):
        write_article(root, f"rival{n:02d}.md", f"""
            title: "Gunboats attacked two platforms, report {n}"
            date: "2024-02-{n + 1:02d}"
            lang: en
        """, "Attack after attack, said the crew of the platform. The attack went on; the platform burned.\n")
    for n in range(30):
        write_article(root, f"other{n:02d}.md", f"""
            title: "Market report {n}"
            date: "2023-03-{n % 28 + 1:02d}"
            lang: en
        """, "Prices of oil and grain moved little.\n")
    build_site(root)
    page = chromium.new_page()
    page.goto((root / "output" / "search" / "index.html").as_uri())
    yield page


def test_the_headline_holding_every_word_as_typed_comes_first(tab):
    ranked = tab.evaluate("() => window.searchArchive('attack platform', {limit: 10})")
    assert ranked[0]["title"] == TARGET
