"""Drafts and articles dated after "now" stay out of build and publish unless asked for."""

import subprocess

import pytest

from helpers.sites import snapshot, write_article
from test_cli import ENV, run as run_cli

NOW = "2025-09-01T12:00:00+00:00"
DRAFT = "2025/08/25/entwurf-zur-wahl/"
LATER = "2025/09/02/morgen-im-rat/"


def run(*args, cwd):
    return run_cli(*args, cwd=cwd, env={**ENV, "NEWSARCHIVE_NOW": NOW})


@pytest.fixture
def unfinished(site):
    write_article(site, "entwurf.md", 'title: "Entwurf zur Wahl"\ndate: 2025-08-25\ndraft: true\ntags: [Schweiz]',
                  "Geheimer Entwurf.\n")
    write_article(site, "morgen.md", 'title: "Morgen im Rat"\ndate: "2025-09-02T09:00:00+02:00"\ntags: [Schweiz]',
                  "Erscheint morgen.\n")
    return site


def with_remote(site, tmp_path):
    """The site made a git repository with a bare repository as its remote 'origin', which is returned."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    for command in (["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "Site"],
                    ["remote", "add", "origin", str(remote)]):
        subprocess.run(["git", *command], cwd=site, check=True, capture_output=True)
    return remote


def _everywhere(site, output="output") -> str:
    """Every text file of the built site, for the titles that must not be in any of them."""
    return "\n".join(b.decode("utf-8", "replace") for b in snapshot(site / output).values())


def test_build_leaves_out_drafts_and_scheduled_articles_everywhere(unfinished):
    result = run("build", cwd=unfinished)
    assert result.returncode == 0, result.stderr
    assert "built 4 articles" in result.stderr
    text = _everywhere(unfinished)
    for hidden in ("Entwurf zur Wahl", "entwurf-zur-wahl", "Morgen im Rat", "morgen-im-rat", "Geheimer", "Erscheint"):
        assert hidden not in text, hidden  # pages, listings, feeds, sitemap, search index, related articles


def test_drafts_and_future_flags_include_them(unfinished, tmp_path):
    assert run("build", "-D", cwd=unfinished).returncode == 0
    assert (unfinished / "output" / DRAFT / "index.html").is_file()
    assert not (unfinished / "output" / LATER).exists()
    assert run("build", "--future", "--output", str(tmp_path / "all"), "--drafts", cwd=unfinished).returncode == 0
    assert (tmp_path / "all" / LATER / "index.html").is_file() and (tmp_path / "all" / DRAFT).is_dir()
    assert run("build", "-F", cwd=unfinished).returncode == 0
    assert (unfinished / "output" / LATER).is_dir() and not (unfinished / "output" / DRAFT).exists()


def test_the_same_content_on_the_same_day_builds_the_same_bytes(unfinished):
    assert run("build", cwd=unfinished).returncode == 0
    first = snapshot(unfinished / "output")
    assert run("clean", cwd=unfinished).returncode == 0
    assert run("build", cwd=unfinished).returncode == 0
    assert snapshot(unfinished / "output") == first


@pytest.mark.usefixtures("isolated_git")
def test_publish_never_sends_drafts_or_scheduled_articles(unfinished, tmp_path):
    remote = with_remote(unfinished, tmp_path)
    assert run("build", "--drafts", cwd=unfinished).returncode == 0
    refused = run("publish", "--no-build", cwd=unfinished)
    assert refused.returncode == 1 and "drafts or scheduled articles" in refused.stderr
    published = run("publish", cwd=unfinished)
    assert published.returncode == 0, published.stderr
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote, capture_output=True,
                           text=True, check=True).stdout
    assert "entwurf-zur-wahl" not in names and "morgen-im-rat" not in names and "2025/08/20/" in names
    files = subprocess.run(["git", "grep", "-l", "-e", "Entwurf zur Wahl", "-e", "Morgen im Rat", "gh-pages"],
                           cwd=remote, capture_output=True, text=True)
    assert files.stdout == ""


def test_an_article_made_a_draft_while_serving_gets_its_mark_in_the_preview(site, monkeypatch):
    """The preview's rebuild after one saved file: a draft is marked, and the mark goes when it is published."""
    from generator.core.model import Changes
    from generator.preview.server import Preview

    monkeypatch.setenv("NEWSARCHIVE_NOW", NOW)
    preview = Preview(site).site
    preview.build()
    page = site / ".cache/preview/2025/08/20/verhandlungen-in-genf/index.html"
    mark = '<span class="badge">Entwurf</span>'
    assert mark not in page.read_text(encoding="utf-8")
    path = site / "content/articles/a.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("lang: de", "lang: de\ndraft: true", 1), encoding="utf-8")
    preview.build(Changes(articles={path}))
    assert mark in page.read_text(encoding="utf-8") and mark in (site / ".cache/preview/index.html").read_text()
    path.write_text(text, encoding="utf-8")
    preview.build(Changes(articles={path}))
    assert mark not in page.read_text(encoding="utf-8")
    assert not (site / "output").exists()


@pytest.mark.usefixtures("isolated_git")
def test_serve_marks_drafts_and_scheduled_articles_in_its_own_tree_and_publish_never_sends_them(unfinished, tmp_path):
    from test_cli_options import serving

    remote = with_remote(unfinished, tmp_path)
    assert run("build", cwd=unfinished).returncode == 0
    published_tree = snapshot(unfinished / "output")
    with serving(unfinished, env={**ENV, "NEWSARCHIVE_NOW": NOW}) as get:
        draft, scheduled, home = get("/" + DRAFT), get("/" + LATER), get("/")
    assert '<span class="badge">Entwurf</span>' in draft and '<span class="badge">Geplant</span>' in scheduled
    assert "Entwurf zur Wahl</a>" in home and "Morgen im Rat</a>" in home and home.count('class="badge"') == 2
    assert snapshot(unfinished / "output") == published_tree  # the preview has a tree of its own
    assert (unfinished / ".cache/preview" / DRAFT / "index.html").is_file()
    published = run("publish", "--no-build", cwd=unfinished)
    assert published.returncode == 0, published.stderr
    files = subprocess.run(["git", "grep", "-l", "-e", "Entwurf", "-e", "Geplant", "-e", "Morgen im Rat", "gh-pages"],
                           cwd=remote, capture_output=True, text=True)
    assert files.stdout == ""


def test_a_first_preview_of_a_built_site_renders_only_the_pages_that_differ(unfinished, tmp_path, monkeypatch):
    """At a million articles a whole build takes minutes: serve starts from output/ instead."""
    import io
    import shutil

    from generator.preview.server import Preview

    monkeypatch.setenv("NEWSARCHIVE_NOW", NOW)
    for n in range(20):  # an archive mostly of pages that show neither a draft nor a scheduled article
        write_article(unfinished, f"alt{n}.md", f'title: "Bericht {n}"\ndate: 2024-0{1 + n % 9}-1{n % 10}\ntags: [T{n}]',
                      f"Text {n}.\n")
    assert run("build", cwd=unfinished).returncode == 0
    published_tree = snapshot(unfinished / "output")
    fresh = tmp_path / "fresh"
    shutil.copytree(unfinished, fresh, ignore=shutil.ignore_patterns("output", ".output", ".cache"))
    said, said_fresh = io.StringIO(), io.StringIO()
    Preview(unfinished, stream=said).start()
    Preview(fresh, stream=said_fresh).start()
    assert snapshot(unfinished / ".cache/preview") == snapshot(fresh / ".cache/preview")
    assert snapshot(unfinished / "output") == published_tree
    assert "note: .cache/preview/ starts from output/" in said.getvalue()
    rendered = int(said.getvalue().split(": ")[-1].split(" rendered")[0])
    everything = int(said_fresh.getvalue().split(": ")[-1].split(" rendered")[0])
    # The draft, the scheduled article, and the pages listing them or linking to them.
    assert rendered < everything / 2, (said.getvalue(), said_fresh.getvalue())


def test_a_scheduled_article_is_published_by_the_first_build_after_its_time(unfinished):
    assert run("build", cwd=unfinished).returncode == 0
    assert not (unfinished / "output" / LATER).exists()
    later = run_cli("build", cwd=unfinished, env={**ENV, "NEWSARCHIVE_NOW": "2025-09-02T07:00:00+00:00"})
    assert later.returncode == 0 and "built 5 articles" in later.stderr
    page = (unfinished / "output" / LATER / "index.html").read_text(encoding="utf-8")
    assert "Morgen im Rat" in page and 'class="badge"' not in page


@pytest.mark.parametrize("preview", [True, False], ids=["serve", "build"])
def test_a_save_after_a_scheduled_articles_time_publishes_it_in_a_running_site(site, monkeypatch, preview):
    """Any save, not only one of the scheduled article: a preview drops its mark, a build brings it in."""
    from generator.core.model import Changes
    from generator.preview.server import Preview
    from generator.site import Site

    monkeypatch.setenv("NEWSARCHIVE_NOW", NOW)
    write_article(site, "later.md", 'title: "Morgen im Rat"\ndate: "2025-09-02T09:00:00+02:00"')
    running = Preview(site).site if preview else Site(site, keep_index=True)
    running.build()
    home = site / (".cache/preview" if preview else "output") / "index.html"
    scheduled = 'Morgen im Rat</a></h2>\n<p class="meta"><time datetime="2025-09-02T09:00:00+02:00">'
    assert ('<span class="badge">Geplant</span>' in home.read_text()) is preview
    monkeypatch.setenv("NEWSARCHIVE_NOW", "2025-09-02T08:00:00+00:00")
    other = site / "content/articles/b.md"
    other.write_text(other.read_text(encoding="utf-8") + "Noch ein Satz.\n", encoding="utf-8")
    running.build(Changes(articles={other}))
    text = home.read_text(encoding="utf-8")
    assert scheduled in text and '<span class="badge">Geplant</span>' not in text
