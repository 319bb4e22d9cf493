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
from collections.abc import Iterator
from pathlib import Path

from generator.core.errors import SiteError

FILE_MODE = "100644"  # never the executable bit: the tree must not depend on the builder's umask


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


def resolve_commit(cwd: Path, name: str) -> str | None:
    """The commit `name` points to, or None when there is no such ref."""
    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"],  # nosec B603 B607
                          cwd=cwd, capture_output=True, check=False)
    return done.stdout.decode().strip() or None


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


def _import_commands(tree: dict[str, str], sources: dict[str, Path | bytes], stored: set[str],
                     commit: tuple[str, str, str, str | None, str]) -> Iterator[bytes]:
    """The `git fast-import` stream: each new file once, then a commit listing the whole tree.

    `commit` is (ref, author, committer, parent, message); files whose blob is already `stored`
    in the repository are referred to by id rather than sent again.
    """
    ref, author, committer, parent, message = commit
    marks: dict[str, str] = {}
    for path, blob in tree.items():
        if blob not in stored and blob not in marks:
            source = sources[path]
            data = source if isinstance(source, bytes) else source.read_bytes()
            marks[blob] = f":{len(marks) + 1}"
            yield b"blob\nmark %s\ndata %d\n%s\n" % (marks[blob].encode(), len(data), data)
    text = message.encode("utf-8")
    yield f"commit {ref}\nauthor {author}\ncommitter {committer}\n".encode("utf-8")
    yield b"data %d\n%s\n" % (len(text), text)
    yield (f"from {parent}\n" if parent else "").encode() + b"deleteall\n"
    for path, blob in tree.items():
        yield f"M {FILE_MODE} {marks.get(blob, blob)} {_quote(path)}\n".encode("utf-8", "surrogateescape")
    yield b"\ndone\n"


def write_commit(cwd: Path, tree: dict[str, str], sources: dict[str, Path | bytes], stored: set[str],
                 parent: str | None, message: str) -> str:
    """Write the new files and the commit with one `git fast-import`, as a single pack.

    One pack instead of thousands of loose objects makes the first publish of a large archive,
    and its push, several times faster. fast-import can only commit onto a ref, so it gets a
    private one, deleted at once; the user's refs are never involved.
    """
    scratch_ref = f"refs/newsarchive/publish-{os.getpid()}"
    author, committer = (run_git(cwd, "var", who).strip() for who in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"))
    commands = _import_commands(tree, sources, stored, (scratch_ref, author, committer, parent, message))
    # stderr goes to a file: a pipe nobody reads while the stream is written could fill and stall.
    with tempfile.TemporaryFile() as errors:
        importer = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=cwd,  # nosec B603 B607
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            with importer.stdin as stream:
                stream.writelines(commands)
        except BrokenPipeError:
            pass  # fast-import stopped early; its own message is reported below
        importer.wait()
        errors.seek(0)
        failure = errors.read()
    try:
        if importer.returncode != 0:
            raise PublishRefused(f"git fast-import failed: {first_error(failure)}")
        return run_git(cwd, "rev-parse", "--verify", scratch_ref).strip()
    finally:
        subprocess.run(["git", "update-ref", "-d", scratch_ref], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
