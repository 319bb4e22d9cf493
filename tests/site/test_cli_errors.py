"""Every mistake of a run reported together, site.yaml's included: through the console script."""

from helpers.sites import snapshot, write_article
from test_cli import ENV, on_terminal, run

MISTAKES = """\
title: "Testarchiv"
base_url: "https://news.example.org/archiv/"
language: xx
timezone: Europe/Atlantis
per_page: 0
colour: blue
"""


def test_four_mistakes_in_site_yaml_and_three_broken_articles_are_reported_in_one_build(site):
    assert run("build", cwd=site).returncode == 0
    before = snapshot(site / "output")
    (site / "site.yaml").write_text(MISTAKES, encoding="utf-8")
    write_article(site, "x1.md", 'title: "Ohne Datum"')
    write_article(site, "x2.md", 'title: "Falsches Datum"\ndate: "gestern"')
    (site / "content" / "articles" / "x3.md").write_text("---\ntitle: [kaputt\n---\nText\n", encoding="utf-8")
    result = run("build", cwd=site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 7, result.stderr
    for expected in ("'language'", "'timezone'", "'per_page'", "unknown key 'colour'", "x1.md", "x2.md", "x3.md"):
        assert sum(expected in line for line in errors) == 1, (expected, result.stderr)
    assert "build failed with 7 errors" in result.stderr
    assert snapshot(site / "output") == before


def test_check_reports_the_same_seven_mistakes_without_touching_output(site):
    assert run("build", cwd=site).returncode == 0
    before = snapshot(site / "output")
    assert run("check", cwd=site).returncode == 0
    (site / "site.yaml").write_text(MISTAKES, encoding="utf-8")
    write_article(site, "x1.md", 'title: "Ohne Datum"')
    write_article(site, "x2.md", 'title: "Falsches Datum"\ndate: "gestern"')
    (site / "content" / "articles" / "x3.md").write_text("---\ntitle: [kaputt\n---\nText\n", encoding="utf-8")
    result = run("check", cwd=site)
    assert result.returncode == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith("error: ")]) == 7, result.stderr
    assert "7 problems" in result.stderr
    assert snapshot(site / "output") == before


def test_check_names_a_broken_template_and_a_duplicate_slug(site):
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("{% if %}", encoding="utf-8")
    write_article(site, "d1.md", 'title: "Eins"\ndate: 2025-01-01\nslug: gleich')
    write_article(site, "d2.md", 'title: "Zwei"\ndate: 2025-01-01\nslug: gleich')
    result = run("check", cwd=site)
    assert result.returncode == 1
    assert "templates/article.html" in result.stderr and "duplicate slug 'gleich'" in result.stderr
    assert not (site / "output").exists()


def test_a_raw_file_that_cannot_be_imported_fails_import_and_check_while_build_builds_the_rest(site):
    raw = site / "content" / "raw" / "feed.jsonl"
    raw.parent.mkdir(exist_ok=True)
    raw.write_bytes(b'{"title": "Abgeschnitten", "text": "Der Rat tagt\n')
    first, again = run("build", cwd=site), run("build", cwd=site)
    for built in (first, again):  # every build, not only the first: the raw file is never edited to get past it
        assert built.returncode == 0, built.stderr
        assert "; 1 raw input not imported" in built.stderr
        assert (site / "output/2025/08/20/verhandlungen-in-genf/index.html").is_file()
    assert first.stderr.startswith("warning: content/raw/feed.jsonl:1: invalid JSON")
    assert again.stderr.endswith("; 1 raw input not imported; 1 warning as before (-v lists them)\n")
    checked = run("check", cwd=site)
    assert checked.returncode == 1 and "error: content/raw/feed.jsonl:1: invalid JSON" in checked.stderr
    imported = run("import", str(raw), cwd=site)
    assert imported.returncode == 1 and "error: content/raw/feed.jsonl:1: invalid JSON" in imported.stderr
    assert raw.read_bytes() == b'{"title": "Abgeschnitten", "text": "Der Rat tagt\n'


def test_errors_and_warnings_are_coloured_on_a_terminal_only_and_never_with_no_color(site):
    write_article(site, "same.md", 'title: "Sommerfest"\ndate: "2024-06-01T12:00:00+02:00"')
    write_article(site, "kaputt.md", 'title: "Kaputt"\ndate: "gestern"')
    red, yellow = "\033[1;31merror:\033[0m content/articles/kaputt.md", "\033[1;33mwarning:\033[0m content/articles/"
    status, shown = on_terminal("build", cwd=site)
    assert status == 1 and red in shown
    assert "\033[" not in run("build", cwd=site).stderr  # piped: plain text
    status, shown = on_terminal("build", cwd=site, env={**ENV, "NO_COLOR": "1"})
    assert status == 1 and "error: content/articles/kaputt.md" in shown and "\033[1;" not in shown
    (site / "content/articles/kaputt.md").unlink()
    assert yellow in on_terminal("build", cwd=site)[1]


def test_check_names_a_link_to_an_article_file_that_is_not_there(site):
    write_article(site, "links.md", 'title: "Verweise"\ndate: 2025-02-02',
                  "Siehe [Genf](a.md), [Straßenbahn](b.md#oben) und [Fehlt](2024/fehlt.md).\n")
    result = run("check", cwd=site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == ["error: content/articles/links.md: links to content/articles/2024/fehlt.md, "
                      "which is not an article of the site"]


def test_a_duplicate_slug_is_reported_with_the_broken_articles_in_the_same_build(site):
    write_article(site, "d1.md", 'title: "Eins"\ndate: 2025-01-01\nslug: gleich')
    write_article(site, "d2.md", 'title: "Zwei"\ndate: 2025-01-01\nslug: gleich')
    write_article(site, "kaputt.md", 'title: "Kaputt"\ndate: "gestern"')
    result = run("build", cwd=site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2 and "kaputt.md" in errors[0] and "duplicate slug 'gleich'" in errors[1], result.stderr


def test_check_names_a_raw_record_the_last_build_could_not_import(site):
    raw = site / "content" / "raw" / "feed.jsonl"
    raw.parent.mkdir(exist_ok=True)
    raw.write_text('{"title": "Nur Menü", "date": "2024-12-03", "html": "<nav><a href=\'/\'>Start</a></nav>"}\n',
                   encoding="utf-8")
    assert "warning: content/raw/feed.jsonl:1: HTML with no article text in it" in run("build", cwd=site).stderr
    checked = run("check", cwd=site)
    assert checked.returncode == 1
    assert "error: content/raw/feed.jsonl:1: HTML with no article text in it" in checked.stderr
