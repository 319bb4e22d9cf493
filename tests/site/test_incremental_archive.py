"""Articles added, removed and moved in an archive of many articles, sources and months: each
rebuild gives exactly the bytes of a clean build, and leaves most article pages alone."""

import re

import pytest

from generator.build import build_site
from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article

ARTICLES = "content/articles"


def _front(path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M), encoding="utf-8")


def add_newest(site):
    write_article(site, "today.md", 'title: "Heute neu"\ndate: "2026-03-02T08:00:00Z"\nsource: "Testagentur"\ntags: [Wirtschaft]')


def add_three_of_today(site):
    for n in range(3):
        write_article(site, f"today-{n}.md", f'title: "Heute {n}"\ndate: "2026-03-03T0{n}:00:00Z"\nsource: "Testagentur"')


def add_in_the_past(site):
    write_article(site, "old.md", 'title: "Aus dem Archiv"\ndate: "2020-06-15T12:00:00Z"\nsource: "Testagentur"\ntags: [Politik]')


def remove_newest(site):
    (site / ARTICLES / "today.md").unlink()


def remove_in_the_middle(site):
    (site / ARTICLES / "000020.md").unlink()


def move_to_another_month(site):
    _front(site / ARTICLES / "000007.md", "date", "2019-02-03T04:05:06Z")


def change_source(site):
    _front(site / ARTICLES / "000011.md", "source", '"Ganz andere Quelle"')


def retitle(site):
    _front(site / ARTICLES / "000012.md", "title", '"Ein völlig neuer Titel über Wahlen und Energie"')


def link_another_article(site):
    write_article(site, "linking.md", 'title: "Verweis"\ndate: "2026-02-05T05:05:05Z"',
                  "Siehe [den Bericht](000030.md) und [den anderen](000031.md).\n")


def remove_a_linked_article(site):
    (site / ARTICLES / "000030.md").unlink()


def rename_a_file(site):
    (site / ARTICLES / "000031.md").rename(site / ARTICLES / "renamed.md")


STEPS = [add_newest, add_three_of_today, add_in_the_past, remove_newest, remove_in_the_middle, move_to_another_month,
         change_source, retitle, link_another_article, remove_a_linked_article, rename_a_file]


@pytest.fixture
def archive(tmp_path):
    site = make_site(tmp_path / "site", per_page=4)
    newsgen.write(60, site / ARTICLES)
    build_site(site)
    return site


def test_each_change_builds_what_a_clean_build_does(archive, tmp_path):
    for step in STEPS:
        step(archive)
        build_site(archive)
        assert snapshot(archive / "output") == clean_build_snapshot(archive, tmp_path), step.__name__


@pytest.mark.parametrize("step", [add_newest, add_in_the_past, remove_in_the_middle, move_to_another_month],
                         ids=lambda s: s.__name__)
def test_one_change_equals_a_clean_build_from_either_tree(archive, tmp_path, step):
    build_site(archive)  # both trees exist: the next build updates one that is two builds old
    if step is remove_in_the_middle or step is move_to_another_month:
        add_newest(archive)
        build_site(archive)
    step(archive)
    report = build_site(archive)
    assert snapshot(archive / "output") == clean_build_snapshot(archive, tmp_path)
    assert report.written < report.pages / 4
