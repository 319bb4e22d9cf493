import xml.etree.ElementTree as ET

import pytest

from generator.render.sitemap import sitemap_pages, sitemap_paths

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_small_sitemap_is_one_urlset():
    pages = sitemap_pages("https://x.org/", [("", None), ("2025/01/01/a/", "2025-01-01")])
    assert [p.path for p in pages] == ["sitemap.xml"]
    root = ET.fromstring(pages[0].body)
    assert root.tag == f"{NS}urlset"
    assert [u.find(f"{NS}lastmod") is not None for u in root] == [False, True]


def test_large_sitemap_becomes_an_index_of_parts():
    entries = [(f"a/{n}/", None) for n in range(25)]
    pages = sitemap_pages("https://x.org/", entries, max_urls=10)
    assert [p.path for p in pages] == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = ET.fromstring(pages[0].body)
    assert index.tag == f"{NS}sitemapindex"
    assert [s.find(f"{NS}loc").text for s in index] == [f"https://x.org/sitemap-{n}.xml" for n in (1, 2, 3)]
    assert sum(len(ET.fromstring(p.body)) for p in pages[1:]) == 25


def test_urls_are_escaped():
    body = sitemap_pages("https://x.org/", [("tags/a&b/", None)])[0].body
    assert b"tags/a&amp;b/" in body


@pytest.mark.parametrize("count", [0, 1, 3, 4, 5, 9])
def test_the_files_a_sitemap_of_so_many_entries_takes_are_known_before_it_is_made(count):
    entries = [(f"{n}/", None) for n in range(count)]
    assert sitemap_paths(count, max_urls=4) == [p.path for p in sitemap_pages("https://x.org/", entries, max_urls=4)]
