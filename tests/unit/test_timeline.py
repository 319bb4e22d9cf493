"""The articles-per-month chart on the home and year pages."""

import re
from datetime import datetime, timedelta, timezone

from helpers.sites import make_site, write_article
from helpers.pagedata import timeline
from generator.organise.archive import build_archive
from generator.site import build_site
from generator.core.model import Article
from generator.render.timeline import SPAN, recent_bars, timeline_svg, year_bars
from generator.render.wording import Wording


def bars_of(html: str) -> list[dict]:
    """One entry per month of the chart: its label, link, drawn height and the text under it."""
    svg = timeline(html)
    assert svg is not None, "page has no timeline"
    bars = []
    for column in svg:
        if column.get("aria-hidden") == "true":  # the drawn text of the bar before it
            bars[-1]["initial"] = column.find("text").text
        elif column.tag in ("a", "g"):
            bar = column.find("rect[@class='bar']")
            bars.append({"label": column.get("aria-label"), "href": column.get("href"),
                         "height": float(bar.get("height"))})
    return bars


def listed_articles(page_html: str) -> int:
    # A month page lists its articles in one list per day.
    return sum(len(re.findall(r"<li lang=", day.split("</ol>")[0])) for day in page_html.split('<ol class="compact">')[1:])


def test_home_timeline_bars_link_to_months_with_the_same_counts(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    bars = bars_of(home)
    assert len(bars) == SPAN  # the site spans June 2024 to August 2025: the last twelve months
    assert bars[0]["initial"] == "S 24" and bars[-1]["initial"] == "A"
    linked = [b for b in bars if b["href"]]
    assert [b["label"] for b in linked] == ["Juli 2025: 1 Artikel", "August 2025: 2 Artikel"]
    for bar in linked:
        month_page = (built / bar["href"]).read_text(encoding="utf-8")
        count = int(bar["label"].split(": ")[1].split()[0])
        assert listed_articles(month_page) == count
    assert all(b["height"] == 0 and b["label"] is None for b in bars if not b["href"])
    assert linked[1]["height"] == 2 * linked[0]["height"]


def test_year_page_shows_january_to_december(built):
    bars = bars_of((built / "2024/index.html").read_text(encoding="utf-8"))
    assert [b["initial"] for b in bars] == ["J 24", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]
    assert [(i, b["label"]) for i, b in enumerate(bars) if b["href"]] == [(5, "Juni 2024: 1 Artikel")]
    assert (built / "2024" / bars[5]["href"]).resolve() == (built / "2024/06/index.html").resolve()


def test_numbered_listing_pages_have_no_timeline(built):
    assert timeline((built / "page/1/index.html").read_text(encoding="utf-8")) is None


def test_bars_match_month_counts_for_a_generated_archive():
    start = datetime(2023, 11, 3, tzinfo=timezone.utc)
    articles = [Article(id=str(n), title=f"A{n}", date=start + timedelta(days=n * n % 500), source_path=f"{n}.md",
                        slug=f"a{n}", body_html="") for n in range(200)]
    archive = build_archive(articles, related_items=0)
    counts = {(m.year, m.month): len(m.articles) for m in archive.months}
    bars = recent_bars(archive.months)
    assert len(bars) == SPAN and (bars[-1].year, bars[-1].month) == max(counts)
    assert all(bar.count == counts.get((bar.year, bar.month), 0) for bar in bars)
    for year in {m.year for m in archive.months}:
        assert sum(bar.count for bar in year_bars(year, archive.months)) == sum(
            n for (y, _), n in counts.items() if y == year)


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
    svg = timeline_svg(recent_bars(archive.months), lambda p: '"><script>' + p, Wording(None, "en"))
    assert "<script>" not in svg and "&#34;&gt;&lt;script&gt;" in svg
