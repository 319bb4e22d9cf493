"""A build killed at any moment (SIGKILL) leaves output/ as the old site or the new one, never a mix."""

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article
from generator.build import build_site

KILLS = 8


def start_build(site):
    return subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=site,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def processes_in(folder: Path) -> list[int]:
    """Processes whose working folder is `folder`: a build and the workers it forked."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")) == folder:
                found.append(int(entry.name))
        except OSError:
            pass  # gone meanwhile, or not ours to look at
    return found


def test_killed_builds_never_leave_a_mixed_site(tmp_path):
    site = make_site(tmp_path / "site", language="en", per_page=10)
    newsgen.write(400, site / "content/articles")
    build_site(site)
    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)

    def change(round_: int) -> None:
        """A change that touches many files: a new article on top and an edited one."""
        write_article(site, f"new-{round_}.md", f'title: "Round {round_}"\ndate: "2026-01-{round_ + 1:02d}T08:00:00Z"\ntags: ["usa"]')
        target = site / "content/articles" / f"{rng.randrange(1, 400):06d}.md"
        target.write_text(target.read_text(encoding="utf-8") + f"\nEdited in round {round_}.\n", encoding="utf-8")

    # How long such a build takes here, as a whole process: the kills fall within that time, so
    # that they land mid-build however fast or slow the machine is.
    change(KILLS)
    started = time.monotonic()
    assert start_build(site).wait() == 0
    duration = time.monotonic() - started
    outcomes = {"old": 0, "new": 0}
    for round_ in range(KILLS):
        old = snapshot(site / "output")
        change(round_)
        if round_ % 3 == 0:  # and now and then a change to every page
            config = site / "site.yaml"
            config.write_text(re.sub(r"per_page: \d+", f"per_page: {11 + round_}", config.read_text()))
        new = clean_build_snapshot(site, tmp_path)
        build = start_build(site)
        time.sleep(rng.uniform(0.05, 0.75 * duration))  # the end of a build is exiting, not writing
        build.send_signal(signal.SIGKILL)
        build.wait()
        seen = snapshot(site / "output")
        assert seen in (old, new), f"mixed output after SIGKILL (round {round_}, CRASH_SEED={seed})"
        outcomes["old" if seen == old else "new"] += 1
        build_site(site)  # the next build recovers
        assert snapshot(site / "output") == new, f"round {round_}, CRASH_SEED={seed}"
    assert outcomes["old"] > 0, outcomes  # the kills did land mid-build
    # Nor do they leave workers behind: a killed build's children finish or notice, and exit.
    deadline = time.monotonic() + 60
    while processes_in(site) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_in(site) == []


def articles_by_path(site) -> dict[str, str]:
    """Each article's body (what follows the front matter), by path; dates vary with the import time."""
    folder = site / "content/articles"
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            for p in folder.rglob("*.md")}


def test_killed_imports_leave_only_whole_articles(tmp_path):
    raw = tmp_path / "raw"
    newsgen.write(300, raw, "raw")
    clean = make_site(tmp_path / "clean")
    subprocess.run([sys.executable, "-m", "generator", "import", str(raw)], cwd=clean, check=True, capture_output=True)
    expected = articles_by_path(clean)
    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    for round_ in range(4):
        site = make_site(tmp_path / f"site{round_}")
        run = subprocess.Popen([sys.executable, "-m", "generator", "import", str(raw)], cwd=site,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.0))
        run.send_signal(signal.SIGKILL)
        run.wait()
        partial = articles_by_path(site)
        assert all(expected.get(path) == body for path, body in partial.items()), f"CRASH_SEED={seed}"
        subprocess.run([sys.executable, "-m", "generator", "import", str(raw)], cwd=site, check=True, capture_output=True)
        assert articles_by_path(site) == expected, f"round {round_}, CRASH_SEED={seed}"
