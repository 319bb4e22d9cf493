"""The articles-over-time chart on the home and year pages."""

import re
from datetime import datetime, timedelta, timezone

from helpers.sites import make_site, write_article
from helpers.pagedata import timeline
from generator.organise.archive import build_archive
from generator.build import build_site
from generator.core.model import Article
from generator.render.timeline import MONTHLY_SPAN, archive_bars, timeline_svg, year_bars
from generator.render.wording import Wording


def bars_of(html: str) -> list[dict]:
    """One entry per bar of the chart: its label, link, drawn height, the text under it and its drawn count."""
    svg = timeline(html)
    assert svg is not None, "page has no timeline"
    bars = []
    for column in svg:
        if column.get("aria-hidden") == "true":  # the drawn text of the bar before it
            texts = column.findall("text")
            bars[-1]["initial"] = " ".join(t.text for t in texts if t.get("class") != "n")
            bars[-1]["count"] = next((t.text for t in texts if t.get("class") == "n"), None)
        elif column.tag in ("a", "g"):
            bar = column.find("rect[@class='bar']")
            bars.append({"label": column.get("aria-label"), "href": column.get("href"),
                         "height": float(bar.get("height")), "initial": "", "count": None})
    return bars


def listed_articles(page_html: str) -> int:
    # A month page lists its articles in one list per day.
    return sum(len(re.findall(r"<li lang=", day.split("</ol>")[0])) for day in page_html.split('<ol class="compact">')[1:])


def test_home_timeline_bars_link_to_months_with_the_same_counts(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    bars = bars_of(home)
    assert len(bars) == 15  # the site spans June 2024 to August 2025: every month of it
    assert bars[0]["initial"] == "J 2024" and bars[7]["initial"] == "J 2025" and bars[-1]["initial"] == "A"
    linked = [b for b in bars if b["href"]]
    assert [b["label"] for b in linked] == ["Juni 2024: 1 Artikel", "Juli 2025: 1 Artikel", "August 2025: 2 Artikel"]
    for bar in linked:
        month_page = (built / bar["href"]).read_text(encoding="utf-8")
        count = int(bar["label"].split(": ")[1].split()[0])
        assert listed_articles(month_page) == count
    assert all(b["height"] == 0 and b["label"] is None for b in bars if not b["href"])
    assert linked[2]["height"] == 2 * linked[1]["height"]
    assert "Artikel pro Monat" in home


def test_year_page_shows_january_to_december(built):
    bars = bars_of((built / "2024/index.html").read_text(encoding="utf-8"))
    assert [b["initial"] for b in bars] == ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
    assert [(i, b["label"]) for i, b in enumerate(bars) if b["href"]] == [(5, "Juni 2024: 1 Artikel")]
    assert (built / "2024" / bars[5]["href"]).resolve() == (built / "2024/06/index.html").resolve()


def test_numbered_listing_pages_have_no_timeline(built):
    assert timeline((built / "page/1/index.html").read_text(encoding="utf-8")) is None


def generated_archive(days: int, n: int = 200):
    start = datetime(2013, 11, 3, tzinfo=timezone.utc)
    articles = [Article(id=str(i), title=f"A{i}", date=start + timedelta(days=i * i % days), source_path=f"{i}.md",
                        slug=f"a{i}", body_html="") for i in range(n)]
    return build_archive(articles, related_items=0)


def test_a_young_archive_is_drawn_month_by_month_with_every_count():
    archive = generated_archive(500)
    counts = {(m.year, m.month): len(m.articles) for m in archive.months}
    bars = archive_bars(archive.months)
    assert len(bars) <= MONTHLY_SPAN and (bars[0].year, bars[0].month) == min(counts)
    assert (bars[-1].year, bars[-1].month) == max(counts)
    assert all(bar.count == counts.get((bar.year, bar.month), 0) for bar in bars)
    for year in {m.year for m in archive.months}:
        assert sum(bar.count for bar in year_bars(year, archive.months)) == sum(
            n for (y, _), n in counts.items() if y == year)


def test_an_archive_of_decades_is_drawn_year_by_year_linking_the_year_pages():
    archive = generated_archive(365 * 30, n=2000)
    bars = archive_bars(archive.months)
    years = sorted({m.year for m in archive.months})
    assert [b.year for b in bars] == list(range(years[0], years[-1] + 1))
    assert all(b.month is None and b.path == f"{b.year:04d}/" for b in bars if b.count)
    assert sum(b.count for b in bars) == 2000
    svg = timeline_svg(bars, lambda p: p, Wording(None, "en"))
    # Years label the first and the last bar and every fifth year between; only the busiest bar
    # carries its count.
    labels = [int(y) for y in re.findall(r'<text x="[^"]+" y="\d+" text-anchor="\w+">(\d+)</text>', svg)]
    assert labels[0] == years[0] and labels[-1] == years[-1]
    assert len(labels) > 4 and all(y % 5 == 0 for y in labels[1:-1])
    assert len(re.findall(r'class="n"', svg)) == 1
    assert '<svg class="chart" width="100%"' in svg  # as wide as its column


def test_young_archive_shows_only_its_own_months(tmp_path):
    site = make_site(tmp_path / "site", language="en")
    write_article(site, "a.md", 'title: "One"\ndate: "2025-03-02T10:00:00Z"')
    write_article(site, "b.md", 'title: "Two"\ndate: "2025-05-02T10:00:00Z"')
    build_site(site)
    bars = bars_of((site / "output/index.html").read_text(encoding="utf-8"))
    assert [b["label"] for b in bars] == ["March 2025: 1 article", None, "May 2025: 1 article"]


def test_labels_are_escaped_and_empty_archive_draws_nothing():
    assert timeline_svg([], lambda p: p, Wording(None, "en")) == ""
    start = datetime(2025, 1, 5, tzinfo=timezone.utc)
    archive = build_archive([Article(id="1", title="x", date=start, source_path="x.md", slug="x", body_html="")])
    svg = timeline_svg(archive_bars(archive.months), lambda p: '"><script>' + p, Wording(None, "en"))
    assert "<script>" not in svg and "&#34;&gt;&lt;script&gt;" in svg
