"""Faults produced for real: a full disk, damaged state files, a refusing remote, killed processes,
output/ deleted while serving. Each gives one clear line and exit status 1 (or a note and 0 where
the run recovers), never a traceback; the last good output/ stays as it was; and once the fault is
gone the next run succeeds with the output of a clean build.

The disk is a small tmpfs when the tests run as root (as in CI); otherwise each run gets a limit
on the size of any file it writes (RLIMIT_FSIZE), which fails the same writes with EFBIG.
"""

import errno
import http.client
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import newsgen
from helpers.sites import clean_build_snapshot, make_site, snapshot, write_article

DISK_SIZE = 24 * 1024 * 1024
REASONS = (os.strerror(errno.ENOSPC), os.strerror(errno.EFBIG))


class Disk:
    """A small disk to put a site on; `fill(leave)` leaves about `leave` bytes writable, `free_up()` undoes it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.mounted = os.geteuid() == 0
        self.limit: int | None = None
        folder.mkdir()
        if self.mounted:
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(folder)], check=True)

    def free(self) -> int:
        return os.statvfs(self.folder).f_bavail * os.statvfs(self.folder).f_frsize

    def fill(self, leave: int) -> None:
        if not self.mounted:
            self.limit = leave  # no file larger than that
            return
        with open(self.folder / "filler", "ab") as f:
            os.posix_fallocate(f.fileno(), 0, os.fstat(f.fileno()).st_size + self.free() - leave)

    def free_up(self) -> None:
        self.limit = None
        (self.folder / "filler").unlink(missing_ok=True)

    def limits(self):
        """For a subprocess: the file size limit, with SIGXFSZ ignored so that writes fail with EFBIG."""
        limit = self.limit
        if limit is None:
            return None

        def apply():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return apply

    def read_only(self, site: Path, on: bool = True) -> None:
        """The disk remounted read-only (EROFS); without root, the site's output trees made unwritable (EACCES)."""
        if self.mounted:
            subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.folder)], check=True)
        else:
            (site / ".output").chmod(0o555 if on else 0o755)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], check=False)


@pytest.fixture
def disk(tmp_path):
    made = Disk(tmp_path / "disk")
    try:
        yield made
    finally:
        made.unmount()


def run(site: Path, *args: str, disk: Disk | None = None, check: int | None = None) -> tuple[int, str]:
    """`newsarchive --site SITE ARGS` in a subprocess: its exit status and stderr."""
    done = subprocess.run([sys.executable, "-m", "generator", "--site", str(site), *args], capture_output=True,
                          text=True, preexec_fn=disk.limits() if disk else None, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    if check is not None:
        assert done.returncode == check, done.stderr
    return done.returncode, done.stderr


def one_error(err: str, *words: str) -> str:
    """The run's one error line, which names `words`; every other line is a note."""
    lines = err.strip().splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1 and all(line.startswith(("error: ", "note: ")) for line in lines), err
    assert all(word in errors[0] for word in words), err
    return errors[0]


def a_note(err: str, *words: str) -> None:
    assert not any(line.startswith("error:") for line in err.splitlines()), err
    assert any(line.startswith("note: ") and all(w in line for w in words) for line in err.splitlines()), err


def small_site(root: Path, articles: int = 24) -> Path:
    site = make_site(root, language="en", per_page=5)
    newsgen.write(articles, site / "content/articles")
    return site


def edit(site: Path, text: str = "An added paragraph.") -> None:
    target = sorted((site / "content/articles").glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def long_article(site: Path, size: int = 400_000) -> None:
    words = " ".join(f"word{i}" for i in range(size // 8))
    write_article(site, "long.md", 'title: "A very long report"\ndate: "2026-02-01T08:00:00Z"', words + "\n")


# --- A full disk -----------------------------------------------------------------------------


def test_disk_full_while_rendering(disk, tmp_path):
    site = small_site(disk.folder / "site")
    run(site, "build", check=0)
    before = snapshot(site / "output")
    long_article(site)  # its page is far larger than the build can guess from the pages there
    disk.fill(leave=96 * 1024)
    free = disk.free()
    code, err = run(site, "build", disk=disk)
    assert code == 1
    line = one_error(err, "error: build: ", "output/ still holds the previous site")
    assert any(reason in line for reason in REASONS), line
    assert snapshot(site / "output") == before
    if disk.mounted:  # the half-written tree was removed, not left holding the space
        assert disk.free() >= free - 8192
    disk.free_up()
    run(site, "build", check=0)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


def test_a_disk_without_room_for_the_changed_files_is_told_before_writing(disk, tmp_path):
    site = small_site(disk.folder / "site")
    run(site, "build", check=0)
    before = snapshot(site / "output")
    edit(site)
    disk.fill(leave=4096)
    code, err = run(site, "build", disk=disk)
    assert code == 1
    line = one_error(err, "error: build: ", "output/ still holds the previous site")
    if disk.mounted:
        assert "the changed files need about" in line and ".output" in line, line
    assert snapshot(site / "output") == before
    disk.free_up()
    run(site, "build", check=0)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


def test_a_read_only_disk(disk, tmp_path):
    site = small_site(disk.folder / "site")
    run(site, "build", check=0)
    before = snapshot(site / "output")
    edit(site)
    disk.read_only(site)
    try:
        code, err = run(site, "build")
    finally:
        disk.read_only(site, on=False)
    assert code == 1
    line = one_error(err, "error: build: .output", "output/ still holds the previous site")
    assert any(reason in line for reason in (os.strerror(errno.EROFS), os.strerror(errno.EACCES))), line
    assert snapshot(site / "output") == before
    run(site, "build", check=0)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


def articles_by_path(site: Path) -> dict[str, str]:
    """Each article's body (what follows the front matter), by path; dates vary with the import time."""
    folder = site / "content/articles"
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            for p in folder.rglob("*.md")}


def test_disk_full_while_importing(disk, tmp_path):
    raw = tmp_path / "raw"
    newsgen.write(30, raw, "raw")
    (raw / "zz-long.txt").write_text("A very long report\n\n" + "Words and more words. " * 20_000, encoding="utf-8")
    clean = make_site(tmp_path / "clean")
    run(clean, "import", str(raw), check=0)
    site = make_site(disk.folder / "site")
    write_article(site, "own.md", 'title: "Written by hand"\ndate: "2026-01-01T08:00:00Z"')
    run(site, "build", check=0)
    before = snapshot(site / "output")
    disk.fill(leave=48 * 1024)
    code, err = run(site, "import", str(raw), disk=disk)
    assert code == 1
    line = one_error(err, "error: import: ", "the articles written before it are kept")
    assert any(reason in line for reason in REASONS), line
    assert snapshot(site / "output") == before
    disk.free_up()
    run(site, "import", str(raw), check=0)
    expected = articles_by_path(clean)
    assert {path: body for path, body in articles_by_path(site).items() if path != "own.md"} == expected
    run(site, "build", check=0)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


# --- Damaged state files ---------------------------------------------------------------------


def junk(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot what was written here\n\x80" * 40)


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


STATE_FILES = {
    "manifest": ".output/*.manifest",
    "article cache": ".cache/articles.pickle",
    "article cache journal": ".cache/articles-journal.pickle",
    "page record": ".cache/pages-output.pickle",
    "page record journal": ".cache/pages-output-journal.pickle",
    "search state": ".cache/search-state.pickle",
    "search memo": ".cache/search.pickle",
    "import state": "content/.imports.json",
}


@pytest.mark.parametrize("damage", [junk, truncated], ids=["junk", "truncated"])
@pytest.mark.parametrize("state", STATE_FILES, ids=list(STATE_FILES))
def test_a_damaged_state_file_is_noted_and_made_afresh(state, damage, tmp_path):
    site = small_site(tmp_path / "site", articles=12)
    newsgen.write(6, site / "content/raw", "raw")  # imported by the build: content/.imports.json
    run(site, "build", check=0)
    edit(site, "First edit.")
    run(site, "build", check=0)  # both output trees and their manifests exist
    damaged = sorted(site.glob(STATE_FILES[state]))
    assert damaged
    for path in damaged:
        damage(path)
    edit(site)  # so that every state file is read, the search state included
    # And a full build: one that takes up from the kept site (site_state.py) reads neither the
    # parse cache nor the page record.
    (site / "site.yaml").touch()
    code, err = run(site, "build")
    assert code == 0, err
    a_note(err, damaged[0].name, "unreadable")
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)
    code, err = run(site, "build")
    assert code == 0 and "note:" not in err, err  # noted once: the file was made afresh


def test_a_damaged_import_state_keeps_hand_edits_on_the_next_import(tmp_path):
    raw = tmp_path / "raw"
    newsgen.write(5, raw, "raw")
    site = make_site(tmp_path / "site")
    run(site, "import", str(raw), check=0)
    edited = sorted((site / "content/articles").rglob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction by hand.\n", encoding="utf-8")
    articles = {p: p.read_bytes() for p in (site / "content/articles").rglob("*.md")}
    junk(site / "content/.imports.json")
    code, err = run(site, "import", str(raw))
    assert code == 0, err
    a_note(err, ".imports.json", "rebuilt from the articles' front matter")
    assert {p: p.read_bytes() for p in (site / "content/articles").rglob("*.md")} == articles


def test_a_stale_lock_left_by_a_killed_build_blocks_nothing(tmp_path):
    site = small_site(tmp_path / "site", articles=8)
    run(site, "build", check=0)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from generator.output.writer import OutputTrees; "
                               "lock = OutputTrees(Path(sys.argv[1])).lock(); print('locked', flush=True); "
                               "time.sleep(60)", str(site / "output")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    edit(site)
    waiting = subprocess.Popen([sys.executable, "-m", "generator", "--site", str(site), "build"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # The note is said when the build reaches the lock, however long a loaded machine takes to get there.
    said = waiting.stderr.readline()
    a_note(said, "another build of this site is running", "waiting")
    time.sleep(0.5)
    assert waiting.poll() is None  # a live build's lock is waited for
    holder.send_signal(signal.SIGKILL)  # and a killed one's lock goes with it
    holder.wait()
    assert waiting.wait(timeout=120) == 0
    a_note(said + waiting.stderr.read(), "another build of this site is running", "waiting")
    assert (site / ".output" / "lock").exists()
    edit(site, "Edited again.")
    code, err = run(site, "build")
    assert code == 0 and "note:" not in err, err
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


def test_a_build_killed_mid_way_leaves_the_old_site_and_the_next_build_recovers(tmp_path):
    site = small_site(tmp_path / "site", articles=200)
    run(site, "build", check=0)
    before = snapshot(site / "output")
    config = site / "site.yaml"
    config.write_text(config.read_text().replace("per_page: 5", "per_page: 6"))  # every page changes
    build = subprocess.Popen([sys.executable, "-m", "generator", "--site", str(site), "build"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    spare = site / ".output" / "b.dirty"
    while not spare.exists() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # the build has begun writing the spare tree
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert snapshot(site / "output") in (before, clean_build_snapshot(site, tmp_path))
    run(site, "build", check=0)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


# --- Publishing ------------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def published_site(root: Path, remote: Path) -> Path:
    """A built site in a git repository whose remote `origin` is the bare repository `remote`."""
    site = small_site(root, articles=10)
    git(remote.parent, "init", "--quiet", "--bare", str(remote))
    git(site, "init", "--quiet")
    git(site, "remote", "add", "origin", str(remote))
    run(site, "build", check=0)
    return site


def remote_files(remote: Path) -> dict[str, bytes]:
    names = git(remote, "ls-tree", "-r", "-z", "--name-only", "gh-pages").split("\0")
    return {name: subprocess.run(["git", "cat-file", "blob", f"gh-pages:{name}"], cwd=remote,
                                 capture_output=True, check=True).stdout for name in names if name}


def published_is_output(site: Path, remote: Path) -> bool:
    return remote_files(remote) == {**snapshot(site / "output"), ".nojekyll": b""}


def tip(repo: Path) -> str:
    return git(repo, "rev-parse", "--verify", "--quiet", "refs/heads/gh-pages").strip()


def hook(remote: Path, script: str) -> Path:
    path = remote / "hooks" / "pre-receive"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o755)
    return path


def test_a_push_the_remote_refuses_quotes_its_reason(isolated_git, tmp_path):
    remote = tmp_path / "remote.git"
    site = published_site(tmp_path / "site", remote)
    refusing = hook(remote, "echo 'rejected by policy: no publishing on Fridays' >&2\nexit 1\n")
    before = snapshot(site / "output")
    code, err = run(site, "publish", "--no-build")
    assert code == 1
    one_error(err, "publish: origin refused the push (pre-receive hook declined): rejected by policy: no publishing on Fridays",
              "nothing was published")
    assert git(remote, "for-each-ref") == ""
    assert snapshot(site / "output") == before
    refusing.unlink()
    run(site, "publish", "--no-build", check=0)
    assert published_is_output(site, remote)


def test_disk_full_while_publishing(isolated_git, disk, tmp_path):
    remote = tmp_path / "remote.git"
    site = published_site(disk.folder / "site", remote)
    before = snapshot(site / "output")
    disk.fill(leave=4096)
    code, err = run(site, "publish", "--no-build", disk=disk)
    assert code == 1
    one_error(err, "publish", "nothing was published")
    assert git(remote, "for-each-ref") == ""
    assert snapshot(site / "output") == before
    disk.free_up()
    run(site, "publish", "--no-build", check=0)
    assert published_is_output(site, remote)


@pytest.mark.parametrize("landed", [False, True], ids=["before-the-push", "after-the-push"])
def test_a_publish_killed_between_commit_and_push_is_finished_by_the_next(isolated_git, tmp_path, landed):
    remote = tmp_path / "remote.git"
    site = published_site(tmp_path / "site", remote)
    run(site, "publish", "--no-build", check=0)
    edit(site)
    run(site, "build", check=0)
    started, go = tmp_path / "push-started", tmp_path / "push-may-finish"
    hook(remote, f"touch {started}\nwhile [ ! -e {go} ]; do sleep 0.05; done\n")
    publishing = subprocess.Popen([sys.executable, "-m", "generator", "--site", str(site), "publish", "--no-build"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert started.exists()  # committed, and pushing
    if landed:
        publishing.send_signal(signal.SIGKILL)  # the push goes on without it and lands
        go.touch()
        deadline = time.monotonic() + 30
        while tip(remote) == tip(site) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert tip(remote) != tip(site)
    else:
        os.killpg(publishing.pid, signal.SIGKILL)  # the push dies with it
        go.touch()
    publishing.wait()
    code, err = run(site, "publish", "--no-build")
    assert code == 0, err
    assert tip(site) == tip(remote)
    assert published_is_output(site, remote)
    assert git(site, "for-each-ref", "refs/newsarchive/") == ""


def test_a_damaged_build_status_or_publish_record_is_noted_and_ignored(isolated_git, tmp_path):
    remote = tmp_path / "remote.git"
    site = published_site(tmp_path / "site", remote)
    junk(site / ".cache" / "last-build.json")
    (site / ".cache" / "publish-pending.json").write_text("{\"commit\": [", encoding="utf-8")
    code, err = run(site, "publish", "--no-build")
    assert code == 0, err
    a_note(err, "last-build.json", "unreadable")
    a_note(err, "publish-pending.json", "unreadable")
    assert published_is_output(site, remote)
    truncated(site / ".cache" / "last-build.json")
    edit(site)
    code, err = run(site, "publish")  # builds first: the status is written afresh
    assert code == 0 and "note:" not in err, err
    assert published_is_output(site, remote)
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)


# --- Serving ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    status = conn.getresponse().status
    conn.close()
    return status


def start_serving(site: Path, disk: Disk | None = None) -> tuple[subprocess.Popen, int, list[str]]:
    """`newsarchive serve` in a subprocess, once it serves: the process, its port and its stderr lines so far."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "--site", str(site), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"},
                              preexec_fn=disk.limits() if disk else None)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(server.stderr), daemon=True).start()
    wait_for(server, lines, "serving http://")
    return server, port, lines


def wait_for(server: subprocess.Popen, lines: list[str], text: str, times: int = 1) -> None:
    deadline = time.monotonic() + 60
    while sum(text in line for line in lines) < times:
        assert server.poll() is None and time.monotonic() < deadline, "".join(lines)
        time.sleep(0.05)


def stop_serving(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=10)


def test_disk_full_while_serving(disk, tmp_path):
    site = small_site(disk.folder / "site")
    long_article(disk.folder)  # written while there is room, moved into the site once the disk is full
    if not disk.mounted:
        disk.fill(leave=96 * 1024)  # a limit on file sizes is set when the server starts
    server, port, lines = start_serving(site, disk)
    preview = site / ".cache/preview"
    try:
        before = snapshot(preview)
        disk.fill(leave=96 * 1024)
        os.rename(disk.folder / "content/articles/long.md", site / "content/articles/long.md")
        wait_for(server, lines, "error: ")
        said = "".join(line for line in lines if not line.startswith(("built ", "serving http://")))
        # Refused up front (".cache/.preview: … the changed files need about …") or failed while
        # writing (".cache/.preview/…"), depending on how large the pages are next to the room left.
        line = one_error(said, ".cache/.preview", ".cache/preview/ still holds the previous site")
        assert any(reason in line for reason in REASONS), line
        assert get(port, "/") == 500  # the error page, while the site does not build
        assert snapshot(preview) == before
        disk.free_up()
        if not disk.mounted:
            return  # the limit stays with the process: the recovery is the next build's, as above
        long_article(site, size=400_008)
        wait_for(server, lines, " rendered, ")
        wait_for(server, lines, " rendered, ", times=2)
        assert get(port, "/") == 200
    finally:
        stop_serving(server)
    assert "Traceback" not in "".join(lines)
    assert snapshot(preview) == clean_build_snapshot(site, tmp_path)


@pytest.mark.parametrize("how", ["link", "contents"])
def test_output_deleted_while_serving_is_built_again(tmp_path, how):
    site = small_site(tmp_path / "site", articles=8)
    server, port, lines = start_serving(site)
    try:
        if how == "link":
            (site / ".cache/preview").unlink()  # rm -rf .cache/preview
        else:
            subprocess.run(["rm", "-rf", f"{site}/.cache/preview/"], check=True)  # the files go, the link stays
        assert get(port, "/") == 200
        assert snapshot(site / ".cache/preview") == clean_build_snapshot(site, tmp_path)
    finally:
        stop_serving(server)
    err = "".join(lines)
    assert "Traceback" not in err, err
    a_note(err, ".cache/preview/ was deleted")
