"""Month pages: cut into pages like every listing, the days as headings."""

import re

from helpers.sites import write_article
from generator.build import build_site


def add(site, day, hour, n):
    write_article(site, f"m{n}.md", f'title: "Meldung {n}"\ndate: "2025-08-{day:02d}T{hour:02d}:00:00+02:00"')


def test_a_busy_month_is_cut_into_pages_of_per_page_articles(site):
    for n in range(7):  # with the fixture's two, 9 articles in August 2025; per_page is 3
        add(site, 1 + n // 3, 8 + n, n)
    build_site(site)
    out = site / "output/2025/08"
    pages = [out / "index.html", *sorted(out.glob("page/*/index.html"))]
    assert [p.relative_to(out).as_posix() for p in pages] == [
        "index.html", "page/1/index.html", "page/2/index.html", "page/3/index.html"]
    for page in pages:
        assert len(re.findall(r'<li lang="[^"]*"><a href=', page.read_text(encoding="utf-8"))) <= 3
    front = pages[0].read_text(encoding="utf-8")
    assert "9 Artikel" in front and 'href="../../2025/08/page/2/index.html"' in front
    assert "<title>August 2025 · Seite 1 · Testarchiv</title>" in pages[1].read_text(encoding="utf-8")


def test_numbered_month_pages_stay_byte_identical_when_news_arrives(site):
    for n in range(7):
        add(site, 1 + n // 3, 8 + n, n)
    build_site(site)
    out = site / "output/2025/08"
    before = (out / "page/1/index.html").read_bytes(), (out / "page/2/index.html").read_bytes()
    add(site, 28, 9, 99)
    build_site(site)
    assert ((out / "page/1/index.html").read_bytes(), (out / "page/2/index.html").read_bytes()) == before


def test_month_pages_say_each_date_once_as_a_heading(site):
    for n in range(3):
        add(site, 5, 8 + n, n)
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("per_page: 3", "per_page: 10"))
    build_site(site)
    html = (site / "output/2025/08/index.html").read_text(encoding="utf-8")
    assert html.count("5. August 2025") == 1
    assert '<h2 class="day"><time datetime="2025-08-05">5. August 2025</time></h2>' in html
    assert re.findall(r'<h2 class="day"><time datetime="([^"]*)"', html) == ["2025-08-20", "2025-08-12", "2025-08-05"]


def test_a_busy_months_front_page_names_the_days_of_each_of_its_pages(site):
    for n in range(7):  # three a day from 1 August, then the fixture's 12th and 20th
        add(site, 1 + n // 3, 8 + n, n)
    build_site(site)
    out = site / "output/2025/08"
    front = (out / "index.html").read_text(encoding="utf-8")
    contents = front.split('class="month-pages"')[1].split("</nav>")[0]
    assert "Alle Seiten dieses Monats" in contents
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', contents) == [
        ("../../2025/08/page/1/index.html", "1. Aug."), ("../../2025/08/page/2/index.html", "2. Aug."),
        ("../../2025/08/page/3/index.html", "3.–20. Aug.")]
    assert 'class="month-pages"' not in (out / "page/1/index.html").read_text(encoding="utf-8")


def test_a_very_busy_months_front_page_lists_each_day_with_the_pages_holding_it(site):
    for n in range(50):  # ten a day from 1 to 5 August: with the fixture's two, 18 pages of 3
        add(site, 1 + n // 10, 8 + n % 10, n)
    build_site(site)
    front = (site / "output/2025/08/index.html").read_text(encoding="utf-8")
    table = front.split('<dl class="month-days">')[1].split("</dl>")[0]
    rows = re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", table)
    assert [day for day, _ in rows] == ["1. Aug.", "2. Aug.", "3. Aug.", "4. Aug.", "5. Aug.", "12. Aug.", "20. Aug."]
    pages = [re.findall(r"page/(\d+)/", links) for _, links in rows]
    assert pages[0] == ["1", "2", "3", "4"] and pages[1] == ["4", "5", "6", "7"]  # page 4 holds the 1st and the 2nd
    assert sorted({int(n) for found in pages for n in found}) == list(range(1, 19))
