"""Shared fixtures: small sites written into tmp_path, built with the real pipeline."""

import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from generator.site import build_site

import newsgen

REPO = Path(__file__).resolve().parent.parent

SITE_YAML = """\
title: "Testarchiv"
base_url: "https://news.example.org/archiv/"
language: {language}
timezone: Europe/Berlin
per_page: {per_page}
"""


def write_article(site: Path, name: str, front_matter: str, body: str = "Ein Absatz.") -> Path:
    """Write content/articles/<name> with the given front matter (YAML lines) and body."""
    path = site / "content" / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + textwrap.dedent(front_matter).strip() + "\n---\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def make_site(root: Path, language: str = "de", per_page: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(SITE_YAML.format(language=language, per_page=per_page), encoding="utf-8")
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    return root


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


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, keyed by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build_snapshot(site: Path, scratch: Path) -> dict[str, bytes]:
    """What a clean build of `site`'s current sources gives, built in a fresh copy under `scratch`."""
    fresh = scratch / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".output", ".cache"))
    build_site(fresh)
    return snapshot(fresh / "output")


def _readable_folder(tmp_path_factory, name: str) -> Path:
    """A scratch folder every user can read: LinkChecker, run as root, drops to 'nobody'."""
    folder = Path(tempfile.mkdtemp(prefix=f"newsarchive-{name}-", dir="/tmp"))
    folder.chmod(0o755)
    return folder


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The repository's own demo site, copied and built once per test run."""
    site = _readable_folder(tmp_path_factory, "demo") / "demo"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    build_site(site)
    yield site
    shutil.rmtree(site.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Path:
    """1,000 generated German and English articles (tests/newsgen.py), built once per test run."""
    site = make_site(_readable_folder(tmp_path_factory, "corpus") / "site", language="en", per_page=20)
    newsgen.write(1000, site / "content/articles")
    build_site(site)
    yield site
    shutil.rmtree(site.parent, ignore_errors=True)
