"""clean, and the options build and serve share with Hugo, Zola and MkDocs: through the console script."""

import http.client
import os
import subprocess
import threading
import time
from contextlib import contextmanager

import pytest

from helpers.sites import write_article
from test_cli import ENV, NEWSARCHIVE, run
from test_faults import free_port, stop_serving, wait_for


def test_clean_removes_what_builds_made_and_says_so(site):
    assert run("build", cwd=site).returncode == 0
    result = run("clean", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "removed output, .output/, .cache/\n"
    assert sorted(p.name for p in site.iterdir()) == ["content", "site.yaml"]
    assert run("clean", cwd=site).stdout == "nothing to remove\n"


def test_clean_outside_a_site_removes_nothing(tmp_path):
    (tmp_path / "output").mkdir()
    result = run("clean", cwd=tmp_path)
    assert result.returncode == 1 and "site.yaml: not found" in result.stderr
    assert (tmp_path / "output").is_dir()


def test_build_into_another_folder_with_another_base_url(site, tmp_path):
    result = run("build", "--output", str(tmp_path / "staging"), "--base-url", "https://staging.example.org/",
                 cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"open {tmp_path / 'staging/index.html'}\n")
    assert "https://staging.example.org/" in (tmp_path / "staging/sitemap.xml").read_text()
    assert not (site / "output").exists()


def test_quiet_prints_nothing_and_verbose_every_warning(site):
    for n in range(22):  # the same title and date: every one after the first gets a warning about its slug
        write_article(site, f"same-{n:02}.md", 'title: "Gleich"\ndate: 2025-05-05')
    normal = run("build", cwd=site)
    assert normal.stderr.count("warning: ") == 21 and "1 more warnings (-v shows them all)" in normal.stderr
    for verbose in (["-v", "build"], ["build", "-v"]):
        shown = run(*verbose, cwd=site).stderr
        assert shown.count("warning: ") == 21 and "more warnings" not in shown
    quiet = run("build", "-q", cwd=site)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""


@contextmanager
def serving(site, *options, env=ENV):
    """`newsarchive serve` running on a free port, as a function that gets a page's text."""
    port = free_port()
    server, _ = _serve(site, "--port", str(port), *options, env=env)

    def get(path: str) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path)
        response = conn.getresponse()
        assert response.status == 200, path
        return response.read().decode("utf-8")
    try:
        yield get
    finally:
        stop_serving(server)


def _serve(site, *options, env=ENV):
    server = subprocess.Popen([NEWSARCHIVE, "serve", *options], cwd=site, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(server.stderr), daemon=True).start()
    wait_for(server, lines, "serving http://")
    return server, lines


def test_serve_short_port_other_output_and_open(site, tmp_path):
    port = free_port()
    opened = tmp_path / "opened"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    server, lines = _serve(site, "-p", str(port), "--open", "--output", str(tmp_path / "preview"),
                           env={**ENV, "BROWSER": str(browser)})
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop_serving(server)
    assert (tmp_path / "preview/index.html").is_file() and not (site / "output").exists()
    assert opened.read_text().strip() == f"http://127.0.0.1:{port}/"


def test_serve_warns_when_bound_beyond_this_machine(site):
    port = free_port()
    server, lines = _serve(site, "--bind", "0.0.0.0", "--port", str(port))
    stop_serving(server)
    assert any(line.startswith("warning: serving on 0.0.0.0") for line in lines)
    assert os.path.exists(site / ".cache/preview/index.html") and not os.path.exists(site / "output")


def test_a_failed_build_into_another_folder_names_that_folder(site, tmp_path):
    write_article(site, "broken.md", 'title: "Kaputt"\ndate: "nicht ein Datum"')
    result = run("build", "--output", str(tmp_path / "staging"), cwd=site)
    assert result.returncode == 1
    assert f"{tmp_path / 'staging'}/ was left as it was" in result.stderr and "output/" not in result.stderr


def test_a_warning_is_repeated_only_when_its_article_changes_and_counted_otherwise(site):
    write_article(site, "same.md", 'title: "Verhandlungen in Genf"\ndate: 2025-08-20T10:00:00+02:00')
    first = run("build", cwd=site)
    warning = "warning: content/articles/same.md: slug 'verhandlungen-in-genf' already used by"
    assert first.stderr.startswith(warning) and "as before" not in first.stderr
    assert first.stdout == f"open {site / 'output/index.html'}\n"  # the summary and warnings are on stderr
    for again in (run("build", cwd=site), run("build", cwd=site)):
        assert "warning: " not in again.stderr
        assert again.stderr.startswith("built 5 articles") and again.stderr.endswith("; 1 warning as before (-v lists them)\n")
    assert run("build", "-v", cwd=site).stderr.startswith(warning)
    write_article(site, "same.md", 'title: "Verhandlungen in Genf"\ndate: 2025-08-20T10:00:00+02:00', "Neu.")
    assert run("build", cwd=site).stderr.startswith(warning)


@pytest.mark.usefixtures("isolated_git")
def test_publish_counts_the_warnings_of_the_build_before_instead_of_repeating_them(site, tmp_path):
    from test_cli_drafts import with_remote

    write_article(site, "same.md", 'title: "Verhandlungen in Genf"\ndate: 2025-08-20T10:00:00+02:00')
    with_remote(site, tmp_path)
    assert "warning: content/articles/same.md" in run("build", cwd=site).stderr
    published = run("publish", cwd=site)
    assert published.returncode == 0, published.stderr
    assert "warning: " not in published.stderr and "; 1 warning as before" in published.stderr
    assert published.stdout.startswith("published to origin gh-pages as ")


def test_a_warning_a_quiet_build_left_out_is_printed_by_the_next_build(site):
    write_article(site, "same.md", 'title: "Verhandlungen in Genf"\ndate: 2025-08-20T10:00:00+02:00')
    assert run("-q", "build", cwd=site).stderr == ""
    assert "warning: content/articles/same.md" in run("build", cwd=site).stderr
    assert "warning: " not in run("build", cwd=site).stderr
