"""A build that parsed a few article files appends them to the parse cache's journal, and the
pages it changed to the page record's, rather than write either whole again; every later build,
in a process of its own, reads the articles as they are on disk, keeps the page keys the record
allows, and gives the site a clean build gives."""

import subprocess
import sys
from pathlib import Path

from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article

CACHE = ".cache/articles.pickle"
JOURNAL = ".cache/articles-journal.pickle"
RECORD = ".cache/pages-output.pickle"
RECORD_JOURNAL = ".cache/pages-output-journal.pickle"


def build(site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "--site", str(site), "build"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0 and "note:" not in done.stderr, done.stderr


def articles(site: Path) -> list[Path]:
    return sorted((site / "content/articles").glob("*.md"))


def test_edits_adds_and_removals_go_to_the_journal_and_every_build_equals_a_clean_one(tmp_path):
    site = make_site(tmp_path / "site", language="en", per_page=5)
    newsgen.write(60, site / "content/articles")
    build(site)
    whole, record = (site / CACHE).stat(), (site / RECORD).stat()

    first, second, third = articles(site)[:3]
    first.write_text(first.read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8")
    build(site)
    assert (site / JOURNAL).is_file() and (site / RECORD_JOURNAL).is_file()
    # Not written again for one file.
    assert (site / CACHE).stat().st_mtime_ns == whole.st_mtime_ns
    assert (site / RECORD).stat().st_mtime_ns == record.st_mtime_ns

    write_article(site, "late.md", 'title: "Filed late"\ndate: "2026-03-01T08:00:00Z"', "Late news.\n")
    second.unlink()
    build(site)
    third.write_text(third.read_text(encoding="utf-8").replace("\n\n", "\n\nA new first paragraph.\n\n", 1),
                     encoding="utf-8")
    first.write_text(first.read_text(encoding="utf-8") + "\nAnd a second one.\n", encoding="utf-8")
    build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")
    output = snapshot(site / "output")
    assert "A paragraph added later." in output[next(p for p in output if p.endswith("index.html")
                                                     and b"And a second one." in output[p])].decode()


def test_a_journal_grown_to_a_share_of_the_cache_is_folded_into_it(tmp_path):
    site = make_site(tmp_path / "site", language="en", per_page=5)
    newsgen.write(40, site / "content/articles")
    build(site)
    for n, path in enumerate(articles(site)[:12]):
        path.write_text(path.read_text(encoding="utf-8") + f"\nCorrection {n}.\n", encoding="utf-8")
        build(site)
    # A dozen records of one article each are more than an eighth of a 40-article cache.
    assert not (site / JOURNAL).exists() or (site / JOURNAL).stat().st_size <= (site / CACHE).stat().st_size // 8
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")
