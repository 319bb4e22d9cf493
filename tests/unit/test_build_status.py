"""The outcome of the last build, as `publish --no-build` reads it."""

from pathlib import Path

import pytest

from generator.status import last_build_error, recorded_build
from generator.core.errors import BuildFailed, SiteError
from generator.scaffold import init_site


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    init_site(root)
    return root


def break_article(site: Path) -> Path:
    path = site / "content" / "articles" / "kaputt.md"
    path.write_text("---\ntitle: Ohne Datum\n---\nText.\n", encoding="utf-8")
    return path


def test_a_site_never_built_has_no_recorded_failure(site):
    assert last_build_error(site) is None


def test_a_failed_build_is_remembered_with_its_first_error(site):
    break_article(site)
    with pytest.raises(BuildFailed):
        recorded_build(site)
    assert last_build_error(site) == "content/articles/kaputt.md: front matter: 'date' is missing"


def test_a_successful_build_clears_the_failure(site):
    broken = break_article(site)
    with pytest.raises(BuildFailed):
        recorded_build(site)
    broken.unlink()
    recorded_build(site)
    assert last_build_error(site) is None


def test_a_config_error_counts_as_a_failed_build(site):
    (site / "site.yaml").write_text("colour: blue\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        recorded_build(site)
    assert "unknown key 'colour'" in last_build_error(site)


def test_a_folder_that_is_not_a_site_gets_no_cache_folder(tmp_path):
    with pytest.raises(SiteError):
        recorded_build(tmp_path)
    assert not (tmp_path / ".cache").exists()
