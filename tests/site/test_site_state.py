"""A one-off build after changes to article files only takes up from the site the last build left
in .cache/ (its summary line says "restore"), in a process of its own, and gives the bytes of a
clean build; a state file damaged, or left by another build, gives a full build, never a wrong site."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.cache import Memo
from generator.build import build_site
from helpers.changes import add, change_source, delete, edit, redate, rename, retitle, translate
from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article

STATE = ".cache/site-state.pickle"
STATE_JOURNAL = ".cache/site-state-journal.pickle"


def build(site: Path) -> str:
    """The summary line of a `newsarchive build` run as its own process."""
    done = subprocess.run([sys.executable, "-m", "generator", "--site", str(site), "build"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return next(line for line in done.stderr.splitlines() if line.startswith("built "))


def add_in_the_past(site):
    write_article(site, "alt.md", 'title: "Aus dem Archiv"\ndate: "2024-01-15T09:00:00+01:00"\ntags: [Schweiz]')


def move_into_folder(site):
    folder = site / "content/articles/2025"
    folder.mkdir()
    (site / "content/articles/b.md").rename(folder / "b.md")


@pytest.mark.parametrize("change", [edit, retitle, add, add_in_the_past, delete, rename, move_into_folder, redate,
                                    translate, change_source], ids=lambda c: c.__name__)
def test_a_build_after_article_changes_takes_up_from_the_kept_site_and_equals_a_clean_one(site, tmp_path, change):
    build(site)
    build(site)  # both output trees exist
    change(site)
    assert "restore" in build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_edits_in_place_go_to_the_journal_and_a_series_of_builds_stays_equal_to_clean_ones(tmp_path):
    site = make_site(tmp_path / "site", language="en", per_page=5)
    newsgen.write(60, site / "content/articles")
    build(site)
    whole = (site / STATE).stat().st_mtime_ns
    first, second, third = sorted((site / "content/articles").glob("*.md"))[:3]
    first.write_text(first.read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8")
    assert "restore" in build(site)
    assert (site / STATE).stat().st_mtime_ns == whole and (site / STATE_JOURNAL).is_file()
    steps = [
        lambda: second.write_text(second.read_text(encoding="utf-8") + "\nCorrection.\n", encoding="utf-8"),
        lambda: write_article(site, "today.md", 'title: "Filed today"\ndate: "2026-03-01T08:00:00Z"', "News.\n"),
        lambda: first.write_text(first.read_text(encoding="utf-8") + "\nAnd another.\n", encoding="utf-8"),
        lambda: write_article(site, "old.md", 'title: "Found in a drawer"\ndate: "2015-02-01T08:00:00Z"', "Old.\n"),
        third.unlink,
    ]
    for n, step in enumerate(steps):
        step()  # the journal is read back, and more appended to it or the state written whole
        assert "restore" in build(site)
        assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean"), n


def _damaged(site):
    (site / STATE).write_bytes(b"\x80\x05not a pickle at all")


def _journal_damaged(site):
    with open(site / STATE_JOURNAL, "ab") as f:
        f.write(b"\x80\x05cut sh")


def _removed(site):
    (site / STATE).unlink()


@pytest.mark.parametrize("harm", [_damaged, _journal_damaged, _removed], ids=lambda h: h.__name__.strip("_"))
def test_a_damaged_or_missing_state_gives_a_full_build_of_the_right_site(site, tmp_path, harm):
    build(site)
    edit(site)
    build(site)  # a journal beside the state file
    harm(site)
    retitle(site)
    assert "restore" not in build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")
    delete(site)
    assert "restore" in build(site)  # kept afresh by the full build
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_a_state_left_by_an_earlier_build_is_not_taken_up(site, tmp_path):
    build(site)
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    shutil.copy2(site / STATE, earlier / "state.pickle")
    add(site)
    build(site)
    shutil.copy(earlier / "state.pickle", site / STATE)  # the site before the article was added
    edit(site)
    assert "restore" not in build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_a_change_beside_the_articles_gives_a_full_build(site, tmp_path):
    build(site)
    edit(site)
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Testarchiv", "Stadtarchiv"), encoding="utf-8")
    assert "restore" not in build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_the_first_article_with_a_location_is_built_as_a_clean_build_would(tmp_path):
    site = make_site(tmp_path / "site")
    write_article(site, "a.md", 'title: "Ohne Ort"\ndate: "2025-03-01T08:00:00+01:00"')
    build(site)
    write_article(site, "b.md", 'title: "Mit Ort"\ndate: "2025-03-02T08:00:00+01:00"\nlocations: [Genf]')
    assert "restore" in build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_a_hidden_file_among_the_articles_is_no_article_to_take_up(site, tmp_path):
    build(site)
    (site / "content/articles/.#a.md").write_text("---\ntitle: Halb gespeichert\n---\n", encoding="utf-8")
    build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_a_state_that_could_not_be_written_is_not_taken_up(site, tmp_path, monkeypatch):
    build_site(site)
    write = Memo.put

    def full_disk(memo, key, value):  # Memo.put gives up quietly, as on a full disk
        if memo.path.name != "site-state.pickle":
            write(memo, key, value)

    monkeypatch.setattr(Memo, "put", full_disk)
    add(site)
    build_site(site)  # the site with the new article could not be kept
    monkeypatch.undo()
    edit(site)
    assert "restore" not in build_site(site).stages
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")


def test_a_state_whose_article_bodies_are_gone_gives_a_full_build(site, tmp_path):
    build(site)
    for pack in (site / ".cache/bodies").glob("*.pack"):
        pack.unlink()
    edit(site)
    assert "restore" not in build(site)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path / "clean")
