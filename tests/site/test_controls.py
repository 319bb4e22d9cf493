"""The archive's month grid and the search page's filters: choices a reader can find and read."""

import re

from helpers.sites import write_article
from generator.build import build_site


def read(output, path):
    return (output / path).read_text(encoding="utf-8")


def test_the_archive_shows_every_month_of_a_year_in_calendar_order_with_its_count(built):
    archive = read(built, "archive/index.html")
    year = archive.split('id="y2025"')[1].split("</section>")[0]
    cells = re.findall(r'<li( class="empty")?>(?:<a href="([^"]+)"[^>]*>)?<span class="m">([^<]+)</span>'
                       r'(?: <span class="n">(\d+)</span>)?', year)
    assert [c[2] for c in cells] == ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
    assert [(c[1], c[3]) for c in cells if c[1]] == [("../2025/07/index.html", "1"), ("../2025/08/index.html", "2")]
    assert '<a href="#y2024">2024</a>' in archive  # the jump bar over the years


def test_the_date_filters_offer_the_archives_months_by_name(built):
    search = read(built, "search/index.html")
    start = search.split('<select id="search-from" name="from">')[1].split("</select>")[0]
    assert re.findall(r'<option value="([\d-]+)">([^<]+)</option>', start) == [
        ("2025-08", "August 2025"), ("2025-07", "Juli 2025"), ("2024-06", "Juni 2024")]
    assert '<optgroup label="2024">' in start
    assert 'type="month"' not in search


def test_a_long_tag_list_is_grouped_most_used_first_then_by_letter(site):
    for n in range(30):
        tags = ["Ärzte" if n % 2 else f"Thema {n:02d}", "Zoll"] if n < 25 else [f"{n} Jahre"]
        write_article(site, f"t{n}.md", f'title: "Meldung {n}"\ndate: "2025-05-{1 + n % 28:02d}"\ntags: {tags}')
    build_site(site)
    select = read(site / "output", "search/index.html").split('<select id="search-tag" name="tag">')[1].split("</select>")[0]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert groups == ["Am häufigsten", "#", "A", "D", "K", "S", "T", "V", "Z"]
    most_used = select.split('<optgroup label="Am häufigsten">')[1].split("</optgroup>")[0]
    assert re.findall(r">([^<]+)</option>", most_used)[:2] == ["Zoll", "Ärzte"]
    assert '<option value="aerzte">Ärzte</option>' in select.split('<optgroup label="A">')[1]


def test_a_short_list_of_sources_is_not_grouped(built):
    search = read(built, "search/index.html")
    sources = search.split('<select id="search-source" name="source">')[1].split("</select>")[0]
    assert "<optgroup" not in sources and '<option value="testagentur">Testagentur</option>' in sources


def test_a_long_tag_index_starts_with_the_most_used_then_files_every_tag_by_letter(site):
    for n in range(30):
        write_article(site, f"t{n}.md", f'title: "Meldung {n}"\ndate: "2025-05-{1 + n % 28:02d}"\ntags: ["Thema {n:02d}", Zoll]')
    build_site(site)
    index = read(site / "output", "tags/index.html")
    assert re.findall(r'<h2 id="i\d+">([^<]+)</h2>', index) == ["Am häufigsten", "D", "K", "S", "T", "V", "Z"]
    assert re.findall(r'<li><a href="#i(\d+)">([^<]+)</a></li>', index)[:2] == [("1", "D"), ("2", "K")]
    t = index.split('<h2 id="i4">T</h2>')[1].split("</ul>")[0]
    assert len(re.findall(r"<li>", t)) == 30  # every tag under its letter, the most used ones too
    most_used = index.split('<h2 id="i0">Am häufigsten</h2>')[1].split("</ul>")[0]
    assert re.findall(r">([^<]+)</a>", most_used)[0] == "Zoll"


def test_an_open_period_reads_as_a_phrase_in_the_sites_language(built):
    search = read(built, "search/index.html")
    assert '<label for="search-from">Von</label>\n<select id="search-from" name="from">\n<option value="">erster Monat</option>' in search
    assert '<label for="search-to">Bis</label>\n<select id="search-to" name="to">\n<option value="">letzter Monat</option>' in search
