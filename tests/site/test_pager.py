"""Numbered pagination: the newest and oldest page and the neighbours, and no count that changes."""

import re

from helpers.sites import write_article
from generator.build import build_site


def add(site, n):
    write_article(site, f"p{n}.md", f'title: "Meldung {n}"\ndate: "2025-09-{n + 1:02d}T10:00:00+02:00"')


def pager(html):
    nav = html.split('<nav class="pager numbered" aria-label="Seitennavigation">')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]*)"( aria-current="page")?>(?:<span class="visually-hidden">Seite </span>)?([^<]*)</a>', nav)


def test_pages_link_newest_oldest_and_neighbours_and_mark_the_current_one(site):
    for n in range(8):  # 12 articles, 3 a page: the front page and pages 1 to 4
        add(site, n)
    build_site(site)
    read = lambda path: (site / "output" / path).read_text(encoding="utf-8")  # noqa: E731
    assert pager(read("page/2/index.html")) == [
        ("../../index.html", "", "Neueste"), ("../../page/3/index.html", "", "3"),
        ("../../page/2/index.html", ' aria-current="page"', "2"), ("../../page/1/index.html", "", "Älteste")]
    assert pager(read("index.html")) == [
        ("index.html", ' aria-current="page"', "Neueste"), ("page/3/index.html", "", "3"),
        ("page/1/index.html", "", "Älteste")]
    assert pager(read("page/4/index.html"))[:3] == [
        ("../../index.html", "", "Neueste"), ("../../page/4/index.html", ' aria-current="page"', "4"),
        ("../../page/3/index.html", "", "3")]
    assert pager(read("page/1/index.html"))[-1] == ("../../page/1/index.html", ' aria-current="page"', "Älteste")


def test_old_pages_stay_byte_identical_when_news_arrives(site):
    for n in range(8):
        add(site, n)
    build_site(site)
    pages = [site / f"output/page/{n}/index.html" for n in (1, 2, 3)]
    before = [p.read_bytes() for p in pages]
    add(site, 20)
    build_site(site)
    assert [p.read_bytes() for p in pages] == before
    assert (site / "output/page/5/index.html").is_file()
