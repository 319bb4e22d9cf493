import os
import subprocess
import sys

from helpers.sites import write_article

ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=ENV)


def test_init_creates_a_site_that_builds(tmp_path):
    result = run("init", "neu", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "neu/site.yaml").is_file() and (tmp_path / "neu/content/articles").is_dir()
    write_article(tmp_path / "neu", "a.md", 'title: "Erster Artikel"\ndate: 2025-03-01')
    built = run("build", "--site", "neu", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "built 1 articles" in built.stdout
    assert (tmp_path / "neu/output/2025/03/01/erster-artikel/index.html").is_file()


def test_init_in_current_empty_folder_and_refuses_a_full_one(tmp_path):
    assert run("init", ".", cwd=tmp_path).returncode == 0
    again = run("init", ".", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.startswith("error: .: is not empty") and "Traceback" not in again.stderr


def test_site_option_works_before_and_after_the_verb(site, tmp_path):
    assert run("--site", str(site), "build", cwd=tmp_path).returncode == 0
    assert run("build", "--site", str(site), cwd=tmp_path).returncode == 0


def test_bad_input_gives_one_line_per_file_and_nonzero_exit(site):
    (site / "content/articles/kaputt.md").write_text("---\ntitle: [kaputt\ndate: 2025-01-01\n---\n", encoding="utf-8")
    (site / "content/articles/leer.md").write_text("", encoding="utf-8")
    result = run("build", cwd=site)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("error: content/articles/kaputt.md:2: front matter: invalid YAML")
    assert lines[1] == "error: content/articles/leer.md: empty file"
    assert "output/ was left as it was" in lines[-1]


def test_build_outside_a_site_explains(tmp_path):
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "site.yaml: not found" in result.stderr and "Traceback" not in result.stderr


def test_progress_shows_on_a_terminal_and_stays_quiet_otherwise(site):
    import pty
    piped = run("build", cwd=site)
    assert piped.returncode == 0 and piped.stderr == ""
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("per_page: 3", "per_page: 2"))
    controller, terminal = pty.openpty()
    env = {**ENV, "NEWSARCHIVE_PROGRESS_AFTER": "0"}
    done = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=site, stdin=terminal, stdout=terminal,
                          stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    try:
        while chunk := os.read(controller, 4096):
            shown += chunk
    except OSError:
        pass
    os.close(controller)
    assert done.returncode == 0
    text = shown.decode()
    assert "parse" in text and "render" in text and "built 4 articles" in text
