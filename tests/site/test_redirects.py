"""An article's old URL keeps working after a retitle, a corrected date or a re-import that renames it."""

import subprocess

import pytest

from generator.cli import main
from generator.core.model import Changes
from generator.build import build_site
from generator.site import Site
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article

OLD = "2025/08/20/verhandlungen-in-sicht/"
FRONT = """
    id: 3f014d1e3b49df7b
    title: "{title}"
    date: "{date}"
    tags: [Ukraine]
"""


@pytest.fixture
def news(tmp_path):
    site = make_site(tmp_path / "site")
    write_article(site, "ukraine.md", FRONT.format(title="Verhandlungen in Sicht", date="2025-08-20T10:00:00+02:00"))
    write_article(site, "radweg.md", 'title: "Radweg eröffnet"\ndate: "2025-08-21T09:00:00+02:00"')
    build_site(site)
    return site


def move(site, title="Verhandlungen in Sicht", date="2025-08-20T10:00:00+02:00"):
    return write_article(site, "ukraine.md", FRONT.format(title=title, date=date))


def test_retitled_article_answers_its_old_url_with_a_redirect_page(news, tmp_path):
    move(news, title="Gespräche beginnen in Genf")
    build_site(news)
    page = (news / "output" / OLD / "index.html").read_text(encoding="utf-8")
    new = "2025/08/20/gespraeche-beginnen-in-genf/"
    assert '<meta http-equiv="refresh" content="0; url=../../../../2025/08/20/gespraeche-beginnen-in-genf/index.html">' in page
    assert f'<a href="../../../../{new}index.html" lang="de">Gespräche beginnen in Genf</a>' in page
    assert '<link rel="canonical" href="https://news.example.org/archiv/2025/08/20/gespraeche-beginnen-in-genf/">' in page
    assert '<meta name="robots" content="noindex">' in page
    sitemap = (news / "output/sitemap.xml").read_text(encoding="utf-8")
    assert new in sitemap and OLD not in sitemap
    assert (news / "content/urls.yaml").read_text(encoding="utf-8").endswith(
        f'"3f014d1e3b49df7b": ["{OLD}", "{new}"]\n')
    # The record is all a build needs: a fresh checkout without .cache/ gives the same pages.
    assert snapshot(news / "output") == clean_build_snapshot(news, tmp_path)


def test_corrected_date_answers_the_old_url_and_a_rebuild_changes_nothing(news):
    move(news, date="2025-08-19T10:00:00+02:00")
    build_site(news)
    page = (news / "output" / OLD / "index.html").read_text(encoding="utf-8")
    assert 'url=../../../../2025/08/19/verhandlungen-in-sicht/index.html"' in page
    before = snapshot(news)
    report = build_site(news)
    assert report.written == 0 and report.deleted == 0
    assert snapshot(news) == before


def test_article_moved_back_loses_the_redirect_at_its_url(news):
    move(news, title="Gespräche beginnen in Genf")
    build_site(news)
    move(news)
    build_site(news)
    assert "<h1>Verhandlungen in Sicht</h1>" in (news / "output" / OLD / "index.html").read_text(encoding="utf-8")
    assert (news / "output/2025/08/20/gespraeche-beginnen-in-genf/index.html").is_file()  # now the redirect


def test_preview_records_a_retitle_saved_while_it_runs(news, tmp_path):
    preview = Site(news, keep_index=True)
    preview.build()
    path = move(news, title="Gespräche beginnen in Genf")
    preview.build(Changes(articles={path}))
    assert "refresh" in (news / "output" / OLD / "index.html").read_text(encoding="utf-8")
    assert snapshot(news / "output") == clean_build_snapshot(news, tmp_path)


def test_check_lists_the_redirects(news, capsys):
    move(news, title="Gespräche beginnen in Genf")
    build_site(news)
    assert main(["--site", str(news), "check"]) == 0
    captured = capsys.readouterr()
    assert f"redirect: {OLD} -> 2025/08/20/gespraeche-beginnen-in-genf/" in captured.out
    assert "1 redirect" in captured.err


def test_broken_record_fails_the_build_naming_the_file(news, capsys):
    (news / "content/urls.yaml").write_text("abc: [", encoding="utf-8")
    assert main(["--site", str(news), "build"]) == 1
    assert "content/urls.yaml" in capsys.readouterr().err


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.mark.usefixtures("isolated_git")
def test_publish_carries_the_redirect_pages(news, tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(news, "init", "--quiet")
    git(news, "add", "-A")
    git(news, "commit", "--quiet", "-m", "Site")
    git(news, "remote", "add", "origin", str(remote))
    move(news, title="Gespräche beginnen in Genf")
    assert main(["--site", str(news), "publish"]) == 0
    published = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert f"{OLD}index.html" in published and "2025/08/20/gespraeche-beginnen-in-genf/index.html" in published
