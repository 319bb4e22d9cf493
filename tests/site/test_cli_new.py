"""`newsarchive new`, through the console script."""

from test_cli import ENV, run


def test_new_writes_the_article_where_the_build_publishes_it(site):
    result = run("new", "Hafen öffnet wieder", "--date", "2025-08-20T09:30", "--draft", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content/articles/2025/08/hafen-oeffnet-wieder.md\n"
    assert (site / result.stdout.strip()).read_text(encoding="utf-8") == (
        '---\ntitle: "Hafen öffnet wieder"\ndate: "2025-08-20T09:30:00+02:00"\nlang: "de"\ndraft: true\n---\n\n')
    result = run("new", "Ohne Entwurf", "--date", "2025-01-05", "--lang", "fr", cwd=site)
    written = (site / result.stdout.strip()).read_text(encoding="utf-8")
    assert 'date: "2025-01-05T00:00:00+01:00"\nlang: "fr"\n---' in written and "draft" not in written
    built = run("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert (site / "output/2025/01/05/ohne-entwurf/index.html").is_file()


def test_new_without_a_date_takes_the_current_time_in_the_site_zone(site):
    # Berlin is an hour ahead: the last half hour of 2025 in UTC is already 2026 there.
    env = {**ENV, "NEWSARCHIVE_NOW": "2025-12-31T23:30:00+00:00"}
    result = run("--site", str(site), "new", "Silvester", cwd=site.parent, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{site}/content/articles/2026/01/silvester.md\n"
    assert 'date: "2026-01-01T00:30:00+01:00"' in (site / "content/articles/2026/01/silvester.md").read_text()


def test_new_refuses_to_overwrite_an_existing_file(site):
    assert run("new", "Zweimal", "--date", "2025-02-01", cwd=site).returncode == 0
    before = (site / "content/articles/2025/02/zweimal.md").read_bytes()
    again = run("new", "Zweimal", "--date", "2025-02-03", cwd=site)
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr == ("error: content/articles/2025/02/zweimal.md: already exists; "
                            "choose another title or --date, or edit that file\n")
    assert (site / "content/articles/2025/02/zweimal.md").read_bytes() == before


def test_new_rejects_a_malformed_date(site):
    result = run("new", "X", "--date", "20.8.2025", cwd=site)
    assert result.returncode == 1
    assert result.stderr == "error: --date: '20.8.2025' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM\n"
