"""The inotify watcher names the files that changed, in folders old and new."""

import sys
import time

import pytest

from generator.preview.watch import Inotify

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def changes_after(watcher: Inotify, action) -> set:
    action()
    seen: set = set()
    for _ in range(100):  # events arrive asynchronously, though almost always at once
        seen |= watcher.changes()
        if seen:
            return seen
        time.sleep(0.01)
    return seen


def test_edited_added_and_removed_files_are_named(tmp_path):
    (tmp_path / "a.md").write_text("alt")
    watcher = Inotify()
    watcher.watch(tmp_path)
    try:
        assert changes_after(watcher, lambda: (tmp_path / "a.md").write_text("neu")) == {tmp_path / "a.md"}
        assert changes_after(watcher, lambda: (tmp_path / "b.md").write_text("x")) == {tmp_path / "b.md"}
        assert changes_after(watcher, lambda: (tmp_path / "a.md").unlink()) == {tmp_path / "a.md"}
        assert watcher.changes() == set()
    finally:
        watcher.close()


def test_folders_moved_in_are_watched_with_their_files(tmp_path):
    outside = tmp_path / "outside"
    (outside / "2025").mkdir(parents=True)
    (outside / "2025" / "x.md").write_text("x")
    watched = tmp_path / "articles"
    watched.mkdir()
    watcher = Inotify()
    watcher.watch(watched)
    try:
        seen = changes_after(watcher, lambda: (outside / "2025").rename(watched / "2025"))
        assert {watched / "2025", watched / "2025" / "x.md"} <= seen
        later = changes_after(watcher, lambda: (watched / "2025" / "x.md").write_text("y"))
        assert later == {watched / "2025" / "x.md"}
    finally:
        watcher.close()


def test_a_single_folder_watch_ignores_subfolders(tmp_path):
    (tmp_path / "sub").mkdir()
    watcher = Inotify()
    watcher.watch(tmp_path, recursive=False)
    try:
        assert changes_after(watcher, lambda: (tmp_path / "sub" / "x").write_text("x")) == set()
        assert changes_after(watcher, lambda: (tmp_path / "site.yaml").write_text("x")) == {tmp_path / "site.yaml"}
    finally:
        watcher.close()
