import os

import pytest

from helpers.sites import clean_build_snapshot, snapshot
from generator.core.model import BuildReport, PageJob
from generator.output.writer import prepare_spare, update_output
from generator.render.workers import render_jobs
from generator.build import build_site


def write(jobs: list[PageJob], out, late=None) -> BuildReport:
    """output/ brought up to date with `jobs` as a build does; what it did."""
    report = BuildReport()
    update_output(jobs, out, render_jobs, report, late=late)
    return report


def jobs(pages: dict[str, bytes], keyed: bool = True) -> list[PageJob]:
    return [PageJob(path, body.decode() if keyed else None, lambda b=body: b) for path, body in pages.items()]


def test_output_holds_exactly_the_new_pages(tmp_path):
    out = tmp_path / "output"
    write(jobs({"a/index.html": b"alt", "stale.html": b"x"}), out)
    write(jobs({"a/index.html": b"neu", "b/index.html": b"b"}), out)
    assert snapshot(out) == {"a/index.html": b"neu", "b/index.html": b"b"}
    write(jobs({"a/index.html": b"neu"}), out)
    assert snapshot(out) == {"a/index.html": b"neu"}


def test_unchanged_files_are_not_rewritten(tmp_path):
    out = tmp_path / "output"
    write(jobs({"keep.html": b"same", "edit.html": b"v1"}), out)
    before = os.stat(out / "keep.html")
    report = write(jobs({"keep.html": b"same", "edit.html": b"v2"}), out)
    after = os.stat(out / "keep.html")
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert report.written == 1 and (out / "edit.html").read_bytes() == b"v2"


def test_nothing_changed_renders_nothing(tmp_path):
    out = tmp_path / "output"
    write(jobs({"x.html": b"1", "y.html": b"2"}), out)
    target = os.readlink(out)

    def explode():
        raise AssertionError("rendered a page whose inputs did not change")

    report = write([PageJob("x.html", "1", explode), PageJob("y.html", "2", explode)], out)
    assert report.written == 0 and os.readlink(out) == target


def test_failure_while_rendering_keeps_previous_output(tmp_path):
    out = tmp_path / "output"
    write(jobs({"index.html": b"alt", "b.html": b"b"}), out)
    before = snapshot(out)

    def broken():
        raise RuntimeError("template blew up")

    with pytest.raises(RuntimeError):
        write([PageJob("index.html", "neu", lambda: b"neu"), PageJob("b.html", "b2", broken)], out)
    assert snapshot(out) == before
    # and the next good build recovers from the half-updated spare tree
    write(jobs({"index.html": b"neu", "b.html": b"b2"}), out)
    assert snapshot(out) == {"index.html": b"neu", "b.html": b"b2"}


@pytest.mark.parametrize("path", ["../escape.html", "/etc/x", "a/../../b", "a//b", "", "a\\..\\b"])
def test_pages_cannot_be_written_outside_output(tmp_path, path):
    with pytest.raises(ValueError, match="unsafe output path"):
        write(jobs({path: b"x"}), tmp_path / "output")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_an_existing_output_folder_is_adopted(tmp_path):
    out = tmp_path / "output"
    (out / "old").mkdir(parents=True)
    (out / "old/index.html").write_bytes(b"von frueher")
    write(jobs({"index.html": b"neu"}), out)
    assert out.is_symlink() and snapshot(out) == {"index.html": b"neu"}


def test_many_pages_written_by_parallel_workers(tmp_path):
    pages = {f"{n}/index.html": f"page {n}".encode() for n in range(1200)}
    write(jobs(pages), tmp_path / "output")
    assert snapshot(tmp_path / "output") == pages


def test_spare_tree_made_ahead_gives_the_same_next_build(site, tmp_path):
    build_site(site)
    prepare_spare(site / "output")
    assert snapshot(site / ".output" / "a") == snapshot(site / ".output" / "b")
    assert (site / ".output" / "b.manifest").is_file()  # known contents: the next build compares, not re-checks
    path = site / "content/articles/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Kaffee", "Tee"), encoding="utf-8")
    report = build_site(site)
    assert report.written < report.pages
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


def test_jobs_given_late_are_asked_for_after_the_others_render_and_written_alike(tmp_path):
    out = tmp_path / "output"
    order = []

    def page(path, body):
        return PageJob(path, body, lambda: order.append(path) or body.encode())

    def late():
        order.append("late")
        return [page("search/index.html", "s1"), page("search/t/1.js", "t1")]

    write([page("a/index.html", "a1"), page("old.html", "o")], out, late=late)
    assert order == ["a/index.html", "old.html", "late", "search/index.html", "search/t/1.js"]
    # Only a late job changed: it is asked for at once, the rest is left alone, the stale file goes.
    order.clear()
    report = write([page("a/index.html", "a1")], out,
                           late=lambda: [page("search/index.html", "s2"), page("search/t/1.js", "t1")])
    assert order == ["search/index.html"] and report.written == 1 and report.deleted == 1
    assert snapshot(out) == {"a/index.html": b"a1", "search/index.html": b"s2", "search/t/1.js": b"t1"}
    with pytest.raises(ValueError, match="two pages"):
        write([page("a/index.html", "a2")], out, late=lambda: [page("a/index.html", "a3")])
    assert snapshot(out)["a/index.html"] == b"a1"
