"""An incremental build must give exactly the bytes of a clean build, whatever changed."""


import pytest

from conftest import clean_build_snapshot, make_site, snapshot, write_article
from generator.site import build_site


def edit(site):
    path = site / "content/articles/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Kaffee", "Tee"), encoding="utf-8")


def retitle(site):
    path = site / "content/articles/b.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Übergang für Straßenbahn", "Neuer Titel"), encoding="utf-8")


def add(site):
    write_article(site, "new.md", 'title: "Ganz neu"\ndate: "2025-09-01T08:00:00+02:00"\ntags: [Diplomatie]\nlocations: [Genf]')


def delete(site):
    (site / "content/articles/c.md").unlink()


def rename(site):
    (site / "content/articles/d.md").rename(site / "content/articles/2024-sommerfest.md")


def redate(site):
    path = site / "content/articles/d.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-06-01", "2025-08-21"), encoding="utf-8")


def template(site):
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/article.html").write_text('{% extends "theme/article.html" %}\n{% block title %}X {{ article.title }}{% endblock %}\n')


def base_template(site):
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/base.html").write_text(
        '{% extends "theme/base.html" %}\n{% block head %}<meta name="x" content="y">{% endblock %}\n')


def config(site):
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("per_page: 3", "per_page: 2"), encoding="utf-8")


def static(site):
    (site / "templates/static").mkdir(parents=True, exist_ok=True)
    (site / "templates/static/style.css").write_text("body { color: red; }\n")


def translate(site):
    for name in ("a.md", "b.md"):
        path = site / "content/articles" / name
        text = path.read_text(encoding="utf-8")
        if "translation_key:" not in text:  # the key once: given twice, it is an error
            path.write_text(text.replace("---\n", "---\ntranslation_key: genf\n", 1), encoding="utf-8")


def change_source(site):
    """The summer party joins Testagentur: far from its articles in time, yet now 'more from' them."""
    path = next(p for p in (site / "content/articles").glob("*.md") if "Sommerfest" in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nsource: Testagentur\n", 1), encoding="utf-8")


CHANGES = [edit, retitle, add, delete, redate, rename, template, base_template, config, static, translate, change_source]


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
