"""Fixtures every group of tests uses: small sites written into tmp_path, built with the real pipeline."""

import shutil
from pathlib import Path

import pytest

from generator.build import build_site
from helpers import newsgen
from helpers.sites import copy_demo_site, make_site, readable_folder, write_article


@pytest.fixture
def site(tmp_path) -> Path:
    """A German site with four articles across two months and shared tags."""
    root = make_site(tmp_path / "site")
    write_article(root, "a.md", """
        title: "Verhandlungen in Genf"
        date: "2025-08-20T10:00:00+02:00"
        source: Testagentur
        locations: [Genf]
        tags: [Diplomatie, Schweiz]
        lang: de
    """, "Die Delegationen trafen sich am Morgen. Es gab Kaffee.\n\nZweiter Absatz.\n")
    write_article(root, "b.md", """
        title: "Übergang für Straßenbahn"
        date: "2025-08-12"
        source: Testagentur
        tags: [Verkehr]
        lang: de
    """)
    write_article(root, "c.md", """
        title: "Talks resume in Geneva"
        date: 2025-07-03T08:00:00Z
        source: Example Wire
        locations: [Genf]
        tags: [Diplomatie]
        lang: en
    """, "Talks resumed on Thursday.\n")
    write_article(root, "d.md", """
        title: "Sommerfest"
        date: "2024-06-01T12:00:00+02:00"
        tags: [Kultur]
    """)
    return root


@pytest.fixture
def built(site) -> Path:
    build_site(site)
    return site / "output"


@pytest.fixture(scope="session")
def demo_site() -> Path:
    """The repository's own demo site, copied and built once per test run."""
    site = readable_folder("demo") / "demo"
    build_site(copy_demo_site(site))
    yield site
    shutil.rmtree(site.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_site() -> Path:
    """1,000 generated German and English articles (tests/helpers/newsgen.py) and one scraped page
    with relative links and images, built once per test run."""
    site = make_site(readable_folder("corpus") / "site", language="en", per_page=20)
    newsgen.write(999, site / "content/articles")
    write_article(site, "links.md", """
        title: "Bilder und Verweise aus der alten Website"
        date: "2020-05-14T09:00:00+02:00"
        lang: de
        tags: [Politik]
    """, """
        Der Bericht zeigt ein Foto: <img src="/bilder/a.jpg" alt="Foto"> und verweist auf
        [den Vorbericht](/politik/artikel.html), [eine Nachbarmeldung](000001.md) und
        [eine externe Quelle](https://example.org/quelle).

        ![Karte](karte.png) ![Grafik](/grafik/umfrage.svg)

        <a href="javascript:alert(1)">Klick</a>
    """)
    build_site(site)
    yield site
    shutil.rmtree(site.parent, ignore_errors=True)


@pytest.fixture
def isolated_git(tmp_path_factory, monkeypatch):
    """A known identity and no system or user git config; no repository above the test folders."""
    home = tmp_path_factory.mktemp("home")
    config = home / "gitconfig"
    config.write_text("[user]\n\tname = Archiv Redaktion\n\temail = redaktion@example.org\n"
                      "[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(home.parent))
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR"):
        monkeypatch.delenv(name, raising=False)
