"""The preview server's in-memory rebuilds give exactly the bytes of a clean build."""

from pathlib import Path

import pytest

from helpers.sites import clean_build_snapshot as clean_build, make_site, snapshot, write_article
from generator.core.errors import BuildFailed, SiteError
from generator.core.model import Changes
from generator.preview.watch import classify
from generator.site import Site
from helpers.changes import CHANGES


def changed_files(site, change) -> set:
    """Every file under the site that `change` adds, edits or removes (what the watcher reports)."""
    def listing():
        return {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file() and "output" not in p.parts[-3:]}
    before = listing()
    change(site)
    after = listing()
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def rebuild_after(preview, site, change):
    return preview.build(classify(site, changed_files(site, change)))


def fix_headline(site):
    path = site / "content/articles/c.md"
    path.write_text(path.read_text(encoding="utf-8").replace('title: "Talks resume in Geneva"',
                                                             'title: "Talks resume in Geneva"\nslug: talks'),
                    encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("Talks resume in Geneva", "Talks resumed in Geneva"),
                    encoding="utf-8")


def fix_sentence(site):
    path = site / "content/articles/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Es gab Kaffee.", "Es gab Tee."), encoding="utf-8")


def move_folder(site):
    write_article(site, "2025/x.md", 'title: "Im Ordner"\ndate: "2025-08-13T10:00:00+02:00"\ntags: [Verkehr]')
    (site / "content/articles/2025").rename(site / "content/articles/2026")


def translate(site):
    """a.md and c.md become translations of each other: each page links the other."""
    for name in ("a.md", "c.md"):
        path = site / "content/articles" / name
        text = path.read_text(encoding="utf-8")
        if "translation_key:" not in text:  # applied twice in one test: the key once (twice is an error)
            path.write_text(text.replace("---\n", "---\ntranslation_key: genf\n", 1), encoding="utf-8")


EDITS = [translate, fix_sentence, fix_headline, move_folder, *CHANGES]


@pytest.mark.parametrize("change", EDITS, ids=[c.__name__ for c in EDITS])
def test_preview_rebuild_equals_clean_build(site, tmp_path, change):
    translate(site)
    preview = Site(site, keep_index=True)
    preview.build()
    report = rebuild_after(preview, site, change)
    assert snapshot(site / "output") == clean_build(site, tmp_path)
    assert report.written < report.pages


def test_series_of_edits_stays_equal_to_clean_builds(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    for change in EDITS:
        rebuild_after(preview, site, change)
        assert snapshot(site / "output") == clean_build(site, tmp_path), change.__name__


def test_sentence_fix_renders_only_pages_showing_the_article(tmp_path):
    site = make_site(tmp_path / "big", per_page=3)
    for n in range(40):
        write_article(site, f"{n:02d}.md", f'title: "Meldung {n}"\ndate: "2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}"\n'
                                           f'tags: [Thema{n % 5}]', f"Text {n}.\n")
    preview = Site(site, keep_index=True)
    first = preview.build()
    path = site / "content/articles/07.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Text 7.", "Text sieben."), encoding="utf-8")
    report = preview.build(classify(site, {path}))
    copied = sum(1 for f in (site / "output" / "static").rglob("*") if f.is_file())  # theme files, read on every build
    assert first.rendered == report.pages and report.rendered - copied < (report.pages - copied) // 4
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_broken_article_fails_the_rebuild_and_its_fix_recovers(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    before = snapshot(site / "output")
    path = site / "content/articles/b.md"
    good = path.read_text(encoding="utf-8")
    path.write_text("---\ntitle: [kaputt\n---\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        preview.build(classify(site, {path}))
    assert str(failed.value.errors[0]).startswith("content/articles/b.md:2: front matter: invalid YAML")
    with pytest.raises(BuildFailed):
        rebuild_after(preview, site, fix_sentence)  # another save while b.md is still broken
    assert snapshot(site / "output") == before
    path.write_text(good, encoding="utf-8")
    preview.build(classify(site, {path}))
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_changes_are_sorted_by_kind(site):
    changes = classify(site, {site / "content/articles/x.md", site / "content/articles/.x.md.swp",
                              site / "templates/static/style.css", site / "templates/base.html",
                              site / "output", site / "content/articles/x.md~"})
    assert changes == Changes(articles={site / "content/articles/x.md"}, templates=True,
                              static={site / "templates/static/style.css"})
    assert classify(site, {site / "site.yaml"}).config
    assert classify(site, None).config


def test_template_error_names_the_template_and_the_fix_recovers(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    template = site / "templates/article.html"
    template.parent.mkdir()
    template.write_text('{% extends "theme/article.html" %}\n{% block title %}{{ article.title }{% endblock %}\n')
    with pytest.raises(SiteError) as failed:
        preview.build(classify(site, {template}))
    assert str(failed.value).startswith("templates/article.html:2: template error")
    with pytest.raises(SiteError):
        rebuild_after(preview, site, fix_sentence)  # the template is still broken
    template.write_text('{% extends "theme/article.html" %}\n{% block title %}X {{ article.title }}{% endblock %}\n')
    preview.build(classify(site, {template}))
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_broken_site_yaml_fails_every_rebuild_until_fixed(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    config = site / "site.yaml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "per_page: [\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:  # with every broken article, if there were any
        preview.build(classify(site, {config}))
    assert "invalid YAML" in str(failed.value.errors[0])
    with pytest.raises(BuildFailed):
        rebuild_after(preview, site, fix_sentence)
    config.write_text(good.replace("per_page: 3", "per_page: 2"), encoding="utf-8")
    preview.build(classify(site, {config}))
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_new_raw_file_is_imported_and_its_article_built(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    seed = Path(__file__).parents[1] / "fixtures/import/000_3f014d1e3b49df7b.txt"
    raw = site / "content/raw" / seed.name
    raw.parent.mkdir(parents=True, exist_ok=True)
    before = set((site / "content/articles").rglob("*.md"))
    raw.write_bytes(seed.read_bytes())
    assert "import" in preview.build(classify(site, {raw})).stages
    imported = set((site / "content/articles").rglob("*.md")) - before
    assert len(imported) == 1
    report = preview.build(classify(site, imported))  # the watcher reports the article the import wrote
    assert report.articles == 5
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_edits_reach_pages_showing_the_article_as_same_source_or_translation(tmp_path):
    site = make_site(tmp_path / "quellen", per_page=3)
    for n in range(16):
        key = f"translation_key: fest\nlang: {'en' if n else 'de'}\n" if n in (0, 15) else ""
        write_article(site, f"{n:02d}.md", f'title: "Meldung {n}"\nslug: meldung-{n}\ndate: "2025-03-{n + 1:02d}"\n'
                                           f'source: Agentur\n{key}')
    preview = Site(site, keep_index=True)
    preview.build()
    for n in (5, 0):  # shown two places away as "more from this source"; shown far away as a translation
        path = site / f"content/articles/{n:02d}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(f"Meldung {n}", f"Berichtigte Meldung {n}"),
                        encoding="utf-8")
        preview.build(classify(site, {path}))
        assert snapshot(site / "output") == clean_build(site, tmp_path)


def search_snapshot(site):
    return {p: b for p, b in snapshot(site / "output").items() if p.startswith("search/")}


def test_an_edit_in_place_updates_the_search_files_at_once(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    before = search_snapshot(site)
    path = site / "content/articles/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Es gab Kaffee.", "Es gab Tee."), encoding="utf-8")
    preview.build(classify(site, {path}), search=False)
    assert search_snapshot(site) != before
    assert snapshot(site / "output") == clean_build(site, tmp_path)
    assert preview.refresh_search() is None


def test_search_files_may_follow_a_larger_edit_later(site, tmp_path):
    preview = Site(site, keep_index=True)
    preview.build()
    before = search_snapshot(site)
    path = site / "content/articles/a.md"
    # Twenty more words on a four-article site move the average length, so every posting changes.
    path.write_text(path.read_text(encoding="utf-8") + "\nNoch " + "viel " * 20 + "mehr.\n", encoding="utf-8")
    report = preview.build(classify(site, {path}), search=False)
    assert "search" not in report.stages
    assert search_snapshot(site) == before
    assert "search" in preview.refresh_search().stages
    assert snapshot(site / "output") == clean_build(site, tmp_path)
    assert preview.refresh_search() is None


def test_a_preview_reads_the_clock_for_every_build(site, monkeypatch):
    """A scheduled article appears in a running preview once its time has come."""
    monkeypatch.setenv("NEWSARCHIVE_NOW", "2025-08-01T00:00:00+00:00")
    preview = Site(site, keep_index=True)
    write_article(site, "later.md", 'title: "Geplant"\ndate: "2025-12-24T10:00:00+01:00"')
    preview.build()
    assert "Geplant" not in (site / "output/index.html").read_text(encoding="utf-8")
    monkeypatch.setenv("NEWSARCHIVE_NOW", "2025-12-25T00:00:00+00:00")
    path = site / "content/articles/later.md"
    path.write_text(path.read_text(encoding="utf-8") + "Noch ein Satz.\n", encoding="utf-8")
    preview.build(classify(site, {path}))
    assert "Geplant" in (site / "output/index.html").read_text(encoding="utf-8")
