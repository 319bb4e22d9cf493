"""Details a reader notices: the site's name said once, no empty sections, estimated dates, the 404 page."""

import re

from helpers.sites import REPO, write_article
from generator.build import build_site


def read(output, path):
    return (output / path).read_text(encoding="utf-8")


def test_numbered_home_pages_name_the_site_once_in_their_title(built):
    assert "<title>Testarchiv · Seite 1</title>" in read(built, "page/1/index.html")
    assert "<title>Schlagwort: Diplomatie · Testarchiv</title>" in read(built, "tags/diplomatie/index.html")


def test_footer_does_not_repeat_the_site_name_of_the_header(built):
    footer = read(built, "index.html").split('<footer class="site-footer">')[1]
    assert "Testarchiv" not in footer and "feed.xml" in footer


def test_without_any_location_there_is_no_locations_page_nor_link(site):
    for path in (site / "content/articles").glob("*.md"):
        path.write_text(re.sub(r"locations: \[Genf\]\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    build_site(site)
    output = site / "output"
    assert not (output / "locations").exists()
    html = read(output, "index.html")
    assert "locations/" not in html and 'href="tags/index.html"' in html


def test_listings_mark_estimated_dates(site):
    write_article(site, "e.md", 'title: "Undatiert"\ndate: "2025-08-25"\ndate_estimated: true\ntags: [Kultur]')
    build_site(site)
    for path in ("index.html", "2025/08/index.html", "tags/kultur/index.html"):
        assert '<span class="estimated">(Datum geschätzt)</span>' in read(site / "output", path), path


def test_the_404_page_links_by_full_address_so_it_works_at_any_depth(built):
    html = read(built, "404.html")
    assert 'href="https://news.example.org/archiv/feed.xml"' in html
    assert 'href="https://news.example.org/archiv/index.html"' in html
    assert not re.search(r'(?:href|src|action)="/', html)
    assert '<link rel="stylesheet"' not in html and "<style>/* newsarchive default theme" in html


def test_the_date_line_keeps_its_distance_from_the_first_paragraph():
    css = (REPO / "templates/static/style.css").read_text(encoding="utf-8")
    assert re.search(r"\.article header \{[^}]*margin-bottom: 1\.5rem", css)
