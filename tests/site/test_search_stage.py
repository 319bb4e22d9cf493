"""The search stage between builds: unchanged articles are not indexed again, yet the files stay exact."""

import shutil

import pytest

from helpers.sites import clean_build_snapshot, snapshot
from generator.search import stage as search_stage
from generator.build import build_site


def search_files_of(files):
    return {path: body for path, body in files.items() if path.startswith("search/")}


def search_files(site):
    return search_files_of(snapshot(site / "output"))


@pytest.fixture
def no_indexing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the index was computed")
    monkeypatch.setattr(search_stage, "current_state", refuse)


def test_a_rebuild_with_unchanged_articles_does_not_index_again(site, request):
    build_site(site)
    before = search_files(site)
    request.getfixturevalue("no_indexing")
    report = build_site(site)
    assert search_files(site) == before and report.written == 0


def test_a_first_build_indexed_in_a_process_of_its_own_makes_the_same_files_and_leaves_no_temporary_ones(
        site, tmp_path, monkeypatch):
    # A large archive's first index is made in a new process, from the articles pickled to a file.
    forked = search_files_of(clean_build_snapshot(site, tmp_path))
    monkeypatch.setattr(search_stage, "FRESH_PROCESS_ARTICLES", 0)
    started = []
    real_start = search_stage.background.start
    monkeypatch.setattr(search_stage.background, "start", lambda *args: started.append(1) or real_start(*args))
    (site / ".cache").mkdir(exist_ok=True)
    (site / ".cache" / "articles-left-by-a-stopped-build.tmp").write_bytes(b"x" * 1000)
    build_site(site)
    assert started and search_files(site) == forked
    assert not list((site / ".cache").glob("*.tmp")) and not list((site / ".cache").glob("*.out"))


def test_an_edited_article_is_indexed_again(site, tmp_path):
    build_site(site)
    path = site / "content/articles/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Kaffee", "Zitronenlimonade"), encoding="utf-8")
    build_site(site)
    assert search_files(site) == search_files_of(clean_build_snapshot(site, tmp_path))
    assert any(b"zitronenlimonad" in body for body in search_files(site).values())


def test_an_edit_computes_the_terms_of_that_article_only(site, monkeypatch):
    build_site(site)
    monkeypatch.setenv("NEWSARCHIVE_WORKERS", "1")  # so the spy below runs in this process
    indexed = []
    real = search_stage.article_terms
    monkeypatch.setattr(search_stage, "article_terms", lambda article: indexed.append(article.title) or real(article))
    path = site / "content/articles/b.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", encoding="utf-8")
    build_site(site)
    assert indexed == ["Übergang für Straßenbahn"]


def test_search_files_lost_from_output_are_made_again_from_the_kept_cache(site, tmp_path):
    build_site(site)
    shutil.rmtree(site / ".output")
    (site / "output").unlink()
    build_site(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


def test_a_changed_site_language_is_indexed_again(site, tmp_path):
    build_site(site)
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: de", "language: en"), encoding="utf-8")
    build_site(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)



def test_an_error_in_the_search_process_is_raised_by_the_build_and_its_files_go(tmp_path):
    pending = search_stage.background.start(int, ("not a number",), tmp_path)
    with pytest.raises(ValueError, match="not a number"):
        pending()
    assert list(tmp_path.iterdir()) == []
