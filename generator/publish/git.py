"""git for publishing: commands run as argument lists, their failures turned into refusals, and the
plumbing that reads a branch's tree and writes new files and a commit without touching a checkout.

Only plumbing is used (the files and the commit go in through `git fast-import`), so the user's
HEAD, index, working tree and stash are never written.
"""

import hashlib
import os
# git runs with argument lists, never through a shell; bandit's B404/B603/B607 notes are expected here.
import subprocess  # nosec B404
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from generator.core.errors import SiteError
from generator.publish.changes import TreeChanges

FILE_MODE = "100644"  # never the executable bit: the tree must not depend on the builder's umask
SCRATCH_REFS = "refs/newsarchive/publish-"  # + the pid of the publish committing through it


class PublishRefused(SiteError):
    """Publishing cannot go ahead; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(None, f"publish: {message}; nothing was published")


def run_git(cwd: Path, *args: str) -> str:
    """Run git; its failure becomes a refusal quoting git's error line."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
    if done.returncode != 0:
        raise PublishRefused(f"git {args[0]} failed: {first_error(done.stderr)}")
    return done.stdout.decode("utf-8", "surrogateescape")


def first_error(stderr: bytes) -> str:
    """git's 'fatal:' or 'error:' line, rather than the hints that follow it."""
    lines = stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
    return next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[-1])


def remote_reason(stderr: bytes) -> str:
    """What the remote itself said (its hooks' output, as 'remote: ...' lines), joined into one line."""
    lines = stderr.decode("utf-8", "replace").splitlines()
    said = (line[len("remote:"):].strip() for line in lines if line.startswith("remote:"))
    return "; ".join(line for line in said if line)


def resolve_commit(cwd: Path, name: str) -> str | None:
    """The commit `name` points to, or None when there is no such ref."""
    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"],  # nosec B603 B607
                          cwd=cwd, capture_output=True, check=False)
    return done.stdout.decode().strip() or None


def remove_stale_scratch_refs(cwd: Path) -> None:
    """Delete the scratch refs of publishes killed while committing, so their objects can go."""
    for ref in run_git(cwd, "for-each-ref", "--format=%(refname)", SCRATCH_REFS + "*").split():
        pid = ref.removeprefix(SCRATCH_REFS)
        if not (pid.isdigit() and _running(int(pid))):
            run_git(cwd, "update-ref", "-d", ref)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process
    return True


def blob_id(data: bytes, algorithm: str) -> str:
    """The id git gives a file with these bytes, in a repository using `algorithm` (sha1 or sha256)."""
    digest = hashlib.new(algorithm, b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def list_tree(cwd: Path, commit: str) -> dict[str, str]:
    """Blob ids of a commit's files, by path."""
    listing = {}
    for entry in run_git(cwd, "ls-tree", "-r", "-z", "--full-tree", commit).split("\0"):
        if entry:
            info, path = entry.split("\t", 1)
            listing[path] = info.split()[2]
    return listing


def _quote(path: str) -> str:
    """A path as git fast-import reads it: C-style quoted when it could be misread."""
    if not path.startswith('"') and "\n" not in path:
        return path
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _commit_commands(tree: dict[str, str], marks: dict[str, str], changes: TreeChanges | None,
                     commit: tuple[str, str, str, str | None, str]) -> Iterator[bytes]:
    """The `git fast-import` commit; `commit` is (ref, author, committer, parent, message).

    On a parent, only the `changes` are listed: fast-import starts from the parent's tree and reads
    only the folders they touch, so the cost follows the change, not the site. Without a parent
    (or without `changes`) the whole tree is listed. Files sent in this stream are named by their
    mark, the others by their blob id.
    """
    ref, author, committer, parent, message = commit
    text = message.encode("utf-8")
    yield f"commit {ref}\nauthor {author}\ncommitter {committer}\n".encode("utf-8")
    yield b"data %d\n%s\n" % (len(text), text)
    if parent and changes is not None:
        yield f"from {parent}\n".encode()
        paths = [*changes.added, *changes.modified]
        yield from (f"D {_quote(path)}\n".encode("utf-8", "surrogateescape") for path in changes.removed)
    else:
        yield (f"from {parent}\n" if parent else "").encode() + b"deleteall\n"
        paths = list(tree)
    for path in paths:
        blob = tree[path]
        yield f"M {FILE_MODE} {marks.get(blob, blob)} {_quote(path)}\n".encode("utf-8", "surrogateescape")
    yield b"\n"


class PackWriter:
    """New files and then one commit, written as a single pack by one `git fast-import`.

    One pack instead of thousands of loose objects makes the first publish of a large archive,
    and its push, several times faster. Files go in as they are read, so each is read once and
    only one is held in memory. fast-import starts with the first file or the commit, so a
    publish that stores nothing starts no process. Used as a context manager: leaving the block
    ends the stream, and an error inside it stops fast-import before it commits anything.
    """

    def __init__(self, cwd: Path, stored: set[str]):
        self._cwd = cwd
        self._stored = stored  # blob ids the repository already holds: referred to, not sent again
        self._marks: dict[str, str] = {}
        self._importer: subprocess.Popen | None = None
        self._errors: IO[bytes] | None = None

    def __enter__(self) -> "PackWriter":
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        # After an error the stream may end inside a file: fast-import is stopped rather than told it is done.
        self._finish(stop=error_type is not None)

    def store(self, blob: str, data: bytes) -> None:
        """Send a file's bytes, unless the repository or this pack already holds blob `blob`."""
        if blob in self._stored or blob in self._marks:
            return
        self._marks[blob] = mark = f":{len(self._marks) + 1}"
        self._send([b"blob\nmark %s\ndata %d\n" % (mark.encode(), len(data)), data, b"\n"])

    def commit(self, tree: dict[str, str], parent: str | None, message: str,
               changes: TreeChanges | None = None) -> str:
        """Commit `tree` ({path: blob id}, every new file stored) on `parent`, whose tree differs from
        it by `changes` when given; the new commit's id.

        fast-import can only commit onto a ref, so it gets a private one, deleted at once; the
        user's refs are never involved.
        """
        scratch_ref = f"{SCRATCH_REFS}{os.getpid()}"
        author, committer = (run_git(self._cwd, "var", who).strip() for who in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"))
        try:
            self._send(_commit_commands(tree, self._marks, changes, (scratch_ref, author, committer, parent, message)))
            self._finish()
            return run_git(self._cwd, "rev-parse", "--verify", scratch_ref).strip()
        finally:
            subprocess.run(["git", "update-ref", "-d", scratch_ref], cwd=self._cwd, capture_output=True, check=False)  # nosec B603 B607

    def _send(self, commands: Iterable[bytes]) -> None:
        if self._importer is None:
            # stderr goes to a file: a pipe nobody reads while the stream is written could fill and stall.
            self._errors = tempfile.TemporaryFile()
            # fast-import tries each file as a delta of the one before it, another page: at
            # 100,000 articles that halved its speed and saved nothing. Light compression doubles
            # it again for a pack 8% larger; the push makes its own deltas against what the
            # remote has.
            self._importer = subprocess.Popen(["git", "-c", "pack.compression=1", "fast-import", "--quiet",  # nosec B603 B607
                                               "--done", "--depth=0"], cwd=self._cwd,
                                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._errors)
        try:
            self._importer.stdin.writelines(commands)
        except BrokenPipeError:
            self._finish()  # fast-import stopped early: its own message is the refusal
            raise PublishRefused("git fast-import stopped reading") from None

    def _finish(self, stop: bool = False) -> None:
        """End the stream (or `stop` fast-import) and wait for it; its failure becomes a refusal."""
        importer, errors = self._importer, self._errors
        if importer is None or errors is None:
            return
        self._importer = self._errors = None
        if stop:
            importer.kill()
        try:
            with importer.stdin as stream:
                if not stop:
                    stream.write(b"done\n")
        except BrokenPipeError:
            pass  # fast-import stopped early; its own message is reported below
        importer.wait()
        with errors:
            errors.seek(0)
            failure = errors.read()
        if importer.returncode != 0 and not stop:
            raise PublishRefused(f"git fast-import failed: {first_error(failure)}")
