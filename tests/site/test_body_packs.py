"""Article bodies kept in .cache/bodies/: the parse cache finds them however the site is named,
and a pack lost or cut short costs a re-parse, never a wrong page."""

import os

import pytest

import generator.content.articles as articles
from generator.build import build_site
from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot


@pytest.fixture
def site(tmp_path):
    made = make_site(tmp_path / "site")
    newsgen.write(12, made / "content/articles")
    return made


@pytest.fixture
def parsed(monkeypatch):
    """The article files parsed from now on."""
    seen = []
    original = articles.parse_article

    def counting(text, path, *args, **kwargs):
        seen.append(path)
        return original(text, path, *args, **kwargs)
    monkeypatch.setattr(articles, "parse_article", counting)
    return seen


def test_a_site_built_by_a_relative_path_and_then_by_its_full_path_parses_nothing_again(site, parsed, monkeypatch):
    monkeypatch.chdir(site.parent)
    build_site(type(site)(site.name))
    parsed.clear()
    build_site(site)
    assert parsed == []


@pytest.mark.parametrize("damage", ["deleted", "cut short"])
def test_a_damaged_pack_costs_a_parse_and_gives_the_same_site(site, tmp_path, parsed, damage):
    build_site(site)
    for pack in (site / ".cache/bodies").glob("*.pack"):
        if damage == "deleted":
            pack.unlink()
        else:
            os.truncate(pack, pack.stat().st_size // 2)
    (site / "output").unlink()  # so that every page is made again from what the cache holds
    parsed.clear()
    build_site(site)
    assert parsed
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)
