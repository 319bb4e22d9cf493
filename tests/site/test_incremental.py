"""An incremental build must give exactly the bytes of a clean build, whatever changed."""


import pytest

from generator.build import build_site
from helpers.changes import CHANGES, config
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_incremental_build_equals_clean_build(site, tmp_path, change):
    build_site(site)
    build_site(site)  # both trees exist: the next build updates one that is two builds old
    change(site)
    report = build_site(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)
    assert report.written < report.pages or change in (config,)


def test_series_of_changes_stays_equal_to_clean_builds(site, tmp_path):
    build_site(site)
    for change in CHANGES:
        change(site)
        build_site(site)
        assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path), change.__name__


def test_new_article_rewrites_only_the_newest_listing_pages(tmp_path):
    site = make_site(tmp_path / "s", per_page=2)
    for day in range(1, 10):
        write_article(site, f"{day}.md", f'title: "Tag {day}"\ndate: "2025-03-{day:02d}T12:00:00+01:00"')
    build_site(site)
    before = snapshot(site / "output")
    write_article(site, "10.md", 'title: "Tag 10"\ndate: "2025-03-10T12:00:00+01:00"')
    build_site(site)
    after = snapshot(site / "output")
    listings = [p for p in after if p == "index.html" or p.startswith("page/")]
    changed = sorted(p for p in listings if before.get(p) != after[p])
    assert changed == ["index.html", "page/5/index.html"]
    assert all(before[f"page/{n}/index.html"] == after[f"page/{n}/index.html"] for n in (1, 2, 3))


def test_unchanged_rebuild_writes_nothing(site):
    build_site(site)
    report = build_site(site)
    assert report.written == 0 and report.deleted == 0
