import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from helpers.sites import REPO, copy_demo_site, make_site, snapshot, write_article
from helpers.sitecheck import active_content, broken_links
from generator.build import build_site
from generator.core.errors import BuildFailed, SiteError

ATOM = "{http://www.w3.org/2005/Atom}"


def test_build_makes_every_page_kind(built):
    expected = [
        "index.html", "page/1/index.html", "page/2/index.html",
        "2025/08/20/verhandlungen-in-genf/index.html", "2025/index.html", "2025/08/index.html",
        "archive/index.html", "tags/index.html", "tags/diplomatie/index.html", "sources/index.html",
        "sources/testagentur/index.html", "locations/index.html", "locations/genf/index.html",
        "feed.xml", "tags/diplomatie/feed.xml", "sources/testagentur/feed.xml",
        "sitemap.xml", "robots.txt", "404.html", "static/style.css",
    ]
    missing = [path for path in expected if not (built / path).is_file()]
    assert missing == []


def test_every_internal_link_resolves(built):
    assert broken_links(built, "/archiv/") == []


def test_article_page_shows_metadata_and_neighbours(built):
    html = (built / "2025/08/20/verhandlungen-in-genf/index.html").read_text(encoding="utf-8")
    assert "<h1>Verhandlungen in Genf</h1>" in html and html.count("<h1") == 1
    assert '<time datetime="2025-08-20T10:00:00+02:00">20. August 2025</time>' in html
    assert 'href="../../../../sources/testagentur/index.html">Testagentur<' in html
    assert 'href="../../../../locations/genf/index.html">Genf<' in html
    assert 'href="../../../../tags/schweiz/index.html">Schweiz<' in html
    assert 'rel="prev" href="../../../../2025/08/12/uebergang-fuer-strassenbahn/index.html"' in html
    related = html.split('id="related-heading"')[1]
    assert "Talks resume in Geneva" in related  # shares the tag Diplomatie and the location Genf


def test_listing_pages_are_localized_and_paginated(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in home and "Ältere Artikel" in home
    assert home.count('class="teaser"') == 3
    assert 'href="page/1/index.html"' in home


def test_two_builds_are_byte_identical(site, tmp_path):
    build_site(site, tmp_path / "one")
    build_site(site, tmp_path / "two")
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


DUPLICATE = b"---\ntitle: X\nslug: gleich\ndate: 2025-08-20T11:00:00+02:00\n---\n"
BAD_INPUTS = {
    "broken YAML": ({"bad.md": b"---\ntitle: [kaputt\ndate: 2025-01-01\n---\nText\n"}, "bad.md:2: front matter: invalid YAML"),
    "not UTF-8": ({"bad.md": "---\ntitle: Müll\ndate: 2025-01-01\n---\n".encode("cp1252")}, "bad.md: is not UTF-8 text"),
    "empty file": ({"bad.md": b""}, "bad.md: empty file"),
    "date gestern": ({"bad.md": b"---\ntitle: T\ndate: gestern\n---\n"}, "bad.md: front matter: 'date' is not a date"),
    "date not in the calendar": ({"bad.md": b"---\ntitle: T\ndate: 2025-02-30\n---\n"}, "bad.md:3: front matter: not a date"),
    "duplicate slug": ({"dup1.md": DUPLICATE, "dup2.md": DUPLICATE}, "dup2.md: duplicate slug 'gleich'"),
    "key given twice": ({"bad.md": b"---\ntitle: Eins\ndate: 2025-01-01\ntitle: Zwei\n---\n"},
                        "bad.md:4: front matter: invalid YAML: the key 'title' is given twice"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_failed_build_leaves_previous_output_byte_identical(site, kind):
    build_site(site)
    before = snapshot(site / "output")
    files, message = BAD_INPUTS[kind]
    for name, data in files.items():
        (site / "content/articles" / name).write_bytes(data)
    with pytest.raises(BuildFailed) as info:
        build_site(site)
    assert any(message in str(e) for e in info.value.errors), info.value.errors
    assert snapshot(site / "output") == before


def test_template_error_names_template_and_line_and_keeps_output(site):
    build_site(site)
    before = snapshot(site / "output")
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text('{% extends "base.html" %}\n{% block main %}\n{{ article.title | }}\n{% endblock %}\n')
    with pytest.raises(SiteError, match=r"templates/article.html:3: template error"):
        build_site(site)
    assert snapshot(site / "output") == before


def test_site_template_overrides_one_theme_template(site):
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text(
        '{% extends "theme/article.html" %}\n{% block title %}Eigener Titel: {{ article.title }}{% endblock %}\n')
    build_site(site)
    article = (site / "output/2025/08/20/verhandlungen-in-genf/index.html").read_text(encoding="utf-8")
    assert "<title>Eigener Titel: Verhandlungen in Genf</title>" in article
    assert "<h1>Verhandlungen in Genf</h1>" in article  # the rest still comes from the theme
    assert "Eigener Titel" not in (site / "output/index.html").read_text(encoding="utf-8")


def test_hostile_article_comes_out_inert(tmp_path):
    site = make_site(tmp_path / "s")
    write_article(site, "x.md", """
        title: "<script>alert('t')</script> Titel"
        date: 2025-01-01
        source: "<img src=x onerror=alert(1)>"
        tags: ["<b onmouseover=alert(1)>tag</b>"]
        url: "javascript:alert(1)"
        summary: "\\"><script>alert(2)</script>"
    """, '<script>alert(3)</script>\n\n<a href="javascript:alert(4)">klick</a> <img src="a.png" onerror="alert(5)">\n')
    build_site(site)
    pages = [p for p in (site / "output").rglob("*") if p.suffix in (".html", ".xml")]
    assert len(pages) > 10
    for path in pages:
        if path.suffix == ".xml":  # feed readers render the HTML inside type="html" elements
            for element in ET.parse(path).iter():
                if element.get("type") == "html":
                    assert active_content(element.text or "") == [], path
        else:
            assert active_content(path.read_text(encoding="utf-8")) == [], path


@pytest.mark.parametrize("language, expected", [
    ("de", ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]),
    ("en", ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]),
])
def test_all_month_names_in_site_language(tmp_path, language, expected):
    site = make_site(tmp_path / "s", language=language)
    for month in range(1, 13):
        write_article(site, f"{month}.md", f'title: "Artikel {month}"\ndate: "2024-{month:02d}-15T12:00:00+01:00"')
    build_site(site)
    for month, name in enumerate(expected, start=1):
        page = (site / f"output/2024/{month:02d}/index.html").read_text(encoding="utf-8")
        assert f"<h1>{name} 2024</h1>" in page
        article = (site / f"output/2024/{month:02d}/15/artikel-{month}/index.html").read_text(encoding="utf-8")
        day = f"15. {name} 2024" if language == "de" else f"{name} 15, 2024"
        assert f">{day}</time>" in article


def test_english_site_strings(tmp_path):
    site = make_site(tmp_path / "s", language="en", per_page=1)
    for n in (1, 2):
        write_article(site, f"{n}.md", f'title: "News {n}"\ndate: 2024-05-0{n}')
    build_site(site)
    home = (site / "output/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home and "Older articles" in home and "Latest articles" in home


def test_sample_articles_are_labelled(tmp_path):
    site = make_site(tmp_path / "s")
    write_article(site, "x.md", 'title: "Erfunden"\ndate: 2024-05-01\nsample: true')
    build_site(site)
    page = (site / "output/2024/05/01/erfunden/index.html").read_text(encoding="utf-8")
    assert '<span class="badge">Beispiel</span>' in page and "keine echte Nachricht" in page
    assert '<span class="badge">Beispiel</span>' in (site / "output/index.html").read_text(encoding="utf-8")


def test_feeds_are_atom_with_absolute_links_and_limited_entries(built):
    feed = ET.parse(built / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    assert entries[0].find(f"{ATOM}link").get("href") == "https://news.example.org/archiv/2025/08/20/verhandlungen-in-genf/"
    assert feed.find(f"{ATOM}updated").text == "2025-08-20T10:00:00+02:00"
    tag_feed = ET.parse(built / "tags/diplomatie/feed.xml").getroot()
    assert [e.find(f"{ATOM}title").text for e in tag_feed.findall(f"{ATOM}entry")] == ["Verhandlungen in Genf", "Talks resume in Geneva"]


def test_sitemap_lists_every_html_page_except_404(built):
    sitemap = ET.parse(built / "sitemap.xml").getroot()
    locs = {e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {p.relative_to(built).as_posix() for p in built.rglob("index.html")}
    assert locs == {"https://news.example.org/archiv/" + p[: -len("index.html")] for p in pages}
    assert "Sitemap: https://news.example.org/archiv/sitemap.xml" in (built / "robots.txt").read_text()


def test_demo_site_builds_with_every_link_resolving(tmp_path):
    demo = copy_demo_site(tmp_path / "demo")
    report = build_site(demo)
    output = demo / "output"
    assert report.articles >= 9 and report.warnings == []
    assert broken_links(output, "/newsarchive/") == []
    seed = next(output.glob("*/*/*/ukraine-und-russland*/index.html")).read_text(encoding="utf-8")
    assert "Ukraine und Russland: Verhandlungen in Sicht?" in seed and "Stellenangebote" not in seed
    assert (output / "page/2/index.html").is_file()


def test_corpus_markdown_builds_as_is(tmp_path):
    site = make_site(tmp_path / "s", language="en")
    subprocess.run([sys.executable, str(REPO / "tests/helpers/newsgen.py"), "60", str(site / "content/articles")], check=True)
    report = build_site(site)
    assert report.articles == 60
    assert broken_links(site / "output", "/archiv/") == []


def test_near_duplicate_page_names_and_links_the_first_copy_and_feeds_show_it_once(site, tmp_path):
    write_article(site, "first.md", """
        id: "aaa111"
        title: "Waffenruhe vereinbart"
        date: "2025-09-01T08:00:00+02:00"
    """, "Die Parteien einigten sich.\n")
    write_article(site, "copy.md", """
        id: "bbb222"
        title: "Waffenruhe vereinbart (Agentur)"
        date: "2025-09-01T09:00:00+02:00"
        duplicate_of: "aaa111"
    """, "Die Parteien einigten sich.\n")
    build_site(site)
    out = site / "output"
    copy_page = (out / "2025/09/01/waffenruhe-vereinbart-agentur/index.html").read_text(encoding="utf-8")
    assert 'Dieselbe Meldung wie: <a href="../../../../2025/09/01/waffenruhe-vereinbart/index.html">Waffenruhe vereinbart</a>' in copy_page
    for page in ("index.html", "feed.xml", "2025/09/index.html", "sitemap.xml"):
        text = (out / page).read_text(encoding="utf-8")
        assert "waffenruhe-vereinbart/" in text and "waffenruhe-vereinbart-agentur" not in text, page
