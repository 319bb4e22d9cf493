"""How readers move around: breadcrumbs, more from the same source, counted term pages."""

import re

from helpers.sites import write_article
from generator.build import build_site


def crumbs(html: str) -> list[tuple[str | None, str]]:
    """(href or None for the current page, text) of each breadcrumb."""
    trail = html.split('<nav class="crumbs"')[1].split("</nav>")[0]
    return [(href or None, text) for href, text in
            re.findall(r'<li(?: aria-current="page")?>(?:<a href="([^"]*)">)?([^<]*)', trail)]


def test_lists_under_an_article_mark_titles_in_another_language(built):
    html = (built / "2025/08/20/verhandlungen-in-genf/index.html").read_text(encoding="utf-8")
    related = html.split('id="related-heading"')[1]
    assert 'lang="en">Talks resume in Geneva</a>' in related


def test_article_breadcrumbs_lead_home_through_year_and_month(built):
    html = (built / "2025/08/20/verhandlungen-in-genf/index.html").read_text(encoding="utf-8")
    assert crumbs(html) == [("../../../../index.html", "Startseite"), ("../../../../2025/index.html", "2025"),
                            ("../../../../2025/08/index.html", "August"), (None, "Verhandlungen in Genf")]


def test_breadcrumbs_on_month_term_and_numbered_pages(built):
    read = lambda path: (built / path).read_text(encoding="utf-8")  # noqa: E731
    assert crumbs(read("2025/08/index.html"))[-2:] == [("../../2025/index.html", "2025"), (None, "August")]
    assert crumbs(read("tags/diplomatie/index.html")) == [
        ("../../index.html", "Startseite"), ("../../tags/index.html", "Schlagwörter"), (None, "Diplomatie")]
    assert crumbs(read("page/1/index.html")) == [("../../index.html", "Startseite"), (None, "Seite 1")]
    assert '<nav class="crumbs"' not in read("index.html")


def test_article_shows_more_from_its_source(site):
    write_article(site, "e.md", 'title: "Noch eine Meldung"\ndate: "2025-05-02T10:00:00+02:00"\nsource: Testagentur')
    build_site(site)
    html = (site / "output/2025/08/20/verhandlungen-in-genf/index.html").read_text(encoding="utf-8")
    more = html.split('id="source-heading"')[1].split("</aside>")[0]
    assert "Mehr von Testagentur" in more and 'href="../../../../sources/testagentur/index.html"' in more
    assert re.findall(r'<li><a href="[^"]*">([^<]*)</a>', more) == ["Übergang für Straßenbahn", "Noch eine Meldung"]
    assert "Verhandlungen in Genf" not in more


def test_term_index_sorted_by_count_with_counts(built):
    html = (built / "tags/index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li><a href="[^"]*">([^<]*)</a> <span class="n">(\d+)</span>', html)
    assert entries[0] == ("Diplomatie", "2")
    counts = [int(n) for _, n in entries]
    assert counts == sorted(counts, reverse=True) and len(entries) == 4


def test_month_pages_link_to_their_neighbours(built):
    html = (built / "2025/07/index.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="../../2024/06/index.html">← Juni 2024' in html
    assert 'rel="next" class="older" href="../../2025/08/index.html">August 2025 →' in html


def test_pages_load_nothing_from_elsewhere_and_css_stays_small(built):
    css = (built / "static/style.css").read_text(encoding="utf-8")
    assert len(css.encode("utf-8")) < 20_000
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    for path in ("index.html", "2025/08/20/verhandlungen-in-genf/index.html"):
        html = (built / path).read_text(encoding="utf-8")
        assert re.findall(r'<link rel="(?:stylesheet|icon|preload)" href="(https?:)?', html) == ["", ""]
        assert "<script src" not in html and "<img" not in html


def test_articles_of_the_same_moment_in_other_zones_keep_their_own_offset(tmp_path):
    # Dates are formatted once per moment; the same instant in another zone must not reuse the text.
    from helpers.sites import make_site
    root = make_site(tmp_path / "site")
    write_article(root, "berlin.md", 'title: "Aus Berlin"\ndate: "2025-08-20T23:30:00+02:00"')
    write_article(root, "utc.md", 'title: "Aus London"\ndate: "2025-08-20T21:30:00+00:00"')
    build_site(root)
    listing = (root / "output" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-08-20T23:30:00+02:00">20. August 2025</time>' in listing
    assert '<time datetime="2025-08-20T21:30:00+00:00">20. August 2025</time>' in listing


def test_links_to_article_files_lead_to_their_pages_from_page_and_feed(site):
    write_article(site, "2025/x.md", 'title: "Verweis"\ndate: "2025-08-21T10:00:00+02:00"\nsource: Testagentur',
                  "Siehe [Genf](../a.md#teil) und [weg](missing.md) und [außen](../../../site.yaml).\n")
    build_site(site)
    html = (site / "output/2025/08/21/verweis/index.html").read_text(encoding="utf-8")
    assert '<a href="../../../../2025/08/20/verhandlungen-in-genf/index.html#teil">Genf</a>' in html
    assert "und weg und außen." in html
    feed = (site / "output/feed.xml").read_text(encoding="utf-8")
    assert 'href=&#34;https://news.example.org/archiv/2025/08/20/verhandlungen-in-genf/#teil&#34;&gt;Genf' in feed
