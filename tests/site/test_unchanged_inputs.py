"""A build whose inputs are those of the last successful one has nothing to do and says so at once;
whatever a build reads, changed, gives a build that shows the change."""

import shutil

import pytest

from generator.build import build_site
from helpers.sites import snapshot, write_article


def test_a_build_with_nothing_changed_writes_nothing_and_describes_the_site_as_before(site):
    first = build_site(site)
    before = snapshot(site / "output")
    again = build_site(site)
    assert (again.articles, again.pages, again.bytes, again.warnings) == (first.articles, first.pages, first.bytes,
                                                                         first.warnings)
    assert again.written == again.deleted == 0
    assert list(again.stages) == ["check"]  # the summary line says only the inputs were looked at
    assert snapshot(site / "output") == before


def _same_size_edit(site):
    path = site / "content" / "articles" / "a.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kaffee", "Kuchen"), encoding="utf-8")  # same length: only the time tells
    return lambda out: "Kuchen" in _page(out, "Verhandlungen in Genf")


def _new_article(site):
    write_article(site, "e.md", 'title: "Neu im Archiv"\ndate: "2025-08-21T10:00:00+02:00"')
    return lambda out: "Neu im Archiv" in (out / "index.html").read_text(encoding="utf-8")


def _removed_article(site):
    (site / "content" / "articles" / "b.md").unlink()
    return lambda out: "Straßenbahn" not in (out / "index.html").read_text(encoding="utf-8")


def _settings(site):
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Testarchiv", "Stadtarchiv"), encoding="utf-8")
    return lambda out: "Stadtarchiv" in (out / "index.html").read_text(encoding="utf-8")


def _site_stylesheet(site):
    static = site / "templates" / "static"
    static.mkdir(parents=True)
    (static / "style.css").write_text("body { color: teal }\n", encoding="utf-8")
    return lambda out: (out / "static" / "style.css").read_text(encoding="utf-8") == "body { color: teal }\n"


def _output_removed(site):
    shutil.rmtree(site / ".output")
    (site / "output").unlink()
    return lambda out: (out / "index.html").is_file()


def _files_deleted_by_hand(site):
    for name in ("robots.txt", "404.html"):
        (site / "output" / name).unlink()
    return lambda out: (out / "robots.txt").is_file() and (out / "404.html").is_file()


@pytest.mark.parametrize("change", [_same_size_edit, _new_article, _removed_article, _settings, _site_stylesheet,
                                    _output_removed, _files_deleted_by_hand])
def test_a_change_to_what_the_build_reads_is_built(site, tmp_path, change):
    build_site(site)
    build_site(site)  # nothing to do: what the next build compares with
    shown = change(site)
    report = build_site(site)
    assert shown(site / "output")
    assert "check" not in report.stages
    # And the build after it has nothing to do again.
    assert list(build_site(site).stages) == ["check"]


def test_another_base_url_is_built_and_the_sites_own_again_after_it(site):
    build_site(site)
    build_site(site, overrides={"base_url": "https://mirror.example.net/"})
    assert "https://mirror.example.net/" in (site / "output" / "sitemap.xml").read_text(encoding="utf-8")
    build_site(site)
    assert "https://mirror.example.net/" not in (site / "output" / "sitemap.xml").read_text(encoding="utf-8")


def _page(out, title):
    for page in (out).rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if f"<h1>{title}</h1>" in text or f">{title}</h1>" in text:
            return text
    raise AssertionError(f"no page with the headline {title!r}")


def test_a_save_during_a_build_is_built_by_the_next_one(site, monkeypatch):
    from generator.site import Site

    build_site(site)
    path = site / "content" / "articles" / "a.md"
    organise = Site.organise

    def saved_meanwhile(self, *args, **kwargs):
        # The article was read; the editor saves it again before the build ends.
        path.write_text(path.read_text(encoding="utf-8").replace("Tee", "Kuchen"), encoding="utf-8")
        return organise(self, *args, **kwargs)

    path.write_text(path.read_text(encoding="utf-8").replace("Kaffee", "Tee"), encoding="utf-8")
    monkeypatch.setattr(Site, "organise", saved_meanwhile)
    build_site(site)
    monkeypatch.setattr(Site, "organise", organise)
    assert "Tee" in _page(site / "output", "Verhandlungen in Genf")
    build_site(site)
    assert "Kuchen" in _page(site / "output", "Verhandlungen in Genf")
