"""Builds after articles are added, removed or moved write the very search files a clean build of
the same articles writes."""

from generator.build import build_site
from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article


def article(site, name: str, date: str, slug: str | None = None):
    front = f'title: "Harbour ferry resumes evening crossings"\ndate: "{date}"\nsource: Example Wire\nlang: en'
    write_article(site, name, front + (f"\nslug: {slug}" if slug else ""),
                  "The harbour ferry resumed its evening crossings on Monday, the operator said.\n")


def search_files(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: body for path, body in files.items() if path.startswith("search/")}


def test_builds_after_adding_removing_and_moving_articles_equal_clean_builds(tmp_path):
    site = make_site(tmp_path / "site", language="en", per_page=5)
    written = newsgen.write(40, site / "content/articles")
    build_site(site)
    changes = {
        "one added, dated today": lambda: article(site, "today.md", "2026-11-30T09:00:00Z"),
        "one added in the past, one moved to another slug": lambda: (
            article(site, "past.md", "2019-03-01T12:00:00Z"),
            article(site, "today.md", "2026-11-30T09:00:00Z", slug="ferry-back")),
        "one moved to another date, one removed": lambda: (
            article(site, "past.md", "2026-11-29T12:00:00Z"), written[20].unlink()),
    }
    for change, make in changes.items():
        make()
        build_site(site)
        fresh = search_files(clean_build_snapshot(site, tmp_path / "clean"))
        assert search_files(snapshot(site / "output")) == fresh, change
