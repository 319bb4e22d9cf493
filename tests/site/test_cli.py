import os
import subprocess
import sys
from pathlib import Path

from helpers.sites import write_article

ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}
# The command as users type it: the console script installed beside this Python.
NEWSARCHIVE = str(Path(sys.executable).parent / "newsarchive")


def run(*args, cwd, env=ENV):
    return subprocess.run([NEWSARCHIVE, *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_init_creates_a_site_that_builds(tmp_path):
    result = run("init", "neu", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "neu/site.yaml").is_file() and (tmp_path / "neu/content/articles").is_dir()
    write_article(tmp_path / "neu", "a.md", 'title: "Erster Artikel"\ndate: 2025-03-01')
    built = run("build", "--site", "neu", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "built 1 article" in built.stderr
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


def on_terminal(*args, cwd, env=ENV) -> tuple[int, str]:
    """The command run with a terminal for its input and output: its exit status and what it showed."""
    import fcntl
    import pty
    import struct
    import termios
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # a new pty has 0 columns
    done = subprocess.run([NEWSARCHIVE, *args], cwd=cwd, stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    try:
        while chunk := os.read(controller, 4096):
            shown += chunk
    except OSError:
        pass
    os.close(controller)
    return done.returncode, shown.decode()


def test_progress_shows_on_a_terminal_and_stays_quiet_otherwise(site):
    piped = run("build", cwd=site)
    assert piped.returncode == 0 and piped.stderr.startswith("built 4 articles") and piped.stderr.count("\n") == 1
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("per_page: 3", "per_page: 2"))
    status, text = on_terminal("build", cwd=site, env={**ENV, "NEWSARCHIVE_PROGRESS_AFTER": "0"})
    assert status == 0
    assert "parse" in text and "render" in text and "built 4 articles" in text


def test_init_honours_the_site_option(tmp_path):
    result = run("--site", "named", "init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "named/site.yaml").is_file()


def test_a_mistyped_verb_gets_a_suggestion(tmp_path):
    result = run("buld", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown verb 'buld': did you mean 'build'?" in result.stderr
    assert "invalid choice" not in result.stderr


def test_build_outside_a_site_names_the_folder_it_looked_in(tmp_path):
    result = run("build", cwd=tmp_path)
    assert f"not found in {tmp_path}" in result.stderr


def test_every_verbs_help_describes_it_with_examples(tmp_path):
    for verb in ("init", "new", "import", "build", "check", "clean", "serve", "publish"):
        result = run(verb, "--help", cwd=tmp_path)
        assert result.returncode == 0
        description = result.stdout.split("\n\n")[1]  # below the usage lines
        assert len(description) > 40 and not description.startswith("options:"), verb
        assert "example:\n  newsarchive" in result.stdout or "examples:\n  newsarchive" in result.stdout, verb


def test_serve_on_a_busy_port_says_so_without_announcing_itself(site):
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([NEWSARCHIVE, "serve", "--port", str(port)], cwd=site,
                                capture_output=True, text=True, env=ENV, timeout=60)
    assert result.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "serving http://" not in result.stderr + result.stdout


def test_a_jsonl_error_is_reported_whole(site, tmp_path):
    raw = tmp_path / "cut.jsonl"
    raw.write_text('{"title": "A", "text": "x"}\n{"title": "B", "text": "abc\n{z: 1}\n', encoding="utf-8")
    result = run("import", str(raw), cwd=site)
    assert result.returncode == 1
    assert "cut.jsonl:2: invalid JSON: Unterminated string starting at column 24\n" in result.stderr
    assert "cut.jsonl:3: invalid JSON: Expecting property name enclosed in double quotes at column 2\n" in result.stderr


def test_import_names_what_it_wrote_and_skipped_and_quiet_gives_the_count_only(site, tmp_path):
    seed = Path(__file__).parents[1] / "fixtures/import/000_3f014d1e3b49df7b.txt"
    raw = tmp_path / "in"
    raw.mkdir()
    (raw / "seed.txt").write_bytes(seed.read_bytes())
    first = run("import", str(raw), cwd=site)
    assert first.returncode == 0, first.stderr
    wrote = [line for line in first.stdout.splitlines() if line.startswith("wrote ")]
    assert len(wrote) == 1 and (site / wrote[0].removeprefix("wrote ")).is_file()
    again = run("import", str(raw), cwd=site)
    assert "seed.txt: imported before; skipped" in again.stderr and "wrote " not in again.stdout
    quiet = run("-q", "import", str(raw), cwd=site)
    assert quiet.stdout == "" and quiet.stderr == "imported 0, skipped 1, duplicates 0, failed 0\n"


def test_a_long_import_shows_its_progress_on_a_terminal_and_quiet_its_count_only(site, tmp_path):
    import json
    text = (Path(__file__).parents[1] / "fixtures/import/000_3f014d1e3b49df7b.txt").read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    records = [{"title": f"Meldung {n}", "date": "2025-08-20", "text": text.replace("Ukraine", f"Ukraine {n}")}
               for n in range(60)]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    status, shown = on_terminal("-q", "import", str(feed), cwd=site)
    assert status == 0 and shown.strip().startswith("imported ") and "/60" not in shown
    status, shown = on_terminal("import", "--force", str(feed), cwd=site)
    assert status == 0 and "| 0/60 [" in shown  # the progress bar, rewritten in place on the terminal line
    assert "/60" not in run("import", "--force", str(feed), cwd=site).stderr
