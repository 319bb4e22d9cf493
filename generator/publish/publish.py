"""`newsarchive publish`: output/ committed as the whole tree of a publishing branch, then pushed.

Only git plumbing is used (the files and the commit go in through `git fast-import`), so the
user's HEAD, index, working tree and stash are never written. The publishing branch moves only
after the push succeeded (or with --no-push); a refusal leaves every ref as it was.
"""

import hashlib
import os
import re
# git runs with argument lists, never through a shell; bandit's B404/B603/B607 notes are expected here.
import subprocess  # nosec B404
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.status import last_build_error
from generator.core.errors import SiteError

# GitHub Pages runs Jekyll on a branch without it, which drops files and folders starting with "_".
NOJEKYLL = ".nojekyll"
CNAME = "CNAME"
FILE_MODE = "100644"  # never the executable bit: the tree must not depend on the builder's umask
_ARTICLE_PAGE = re.compile(r"\d{4}/\d{2}/\d{2}/[^/]+/index\.html")
_DOMAIN = re.compile(r"(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_LISTED = 100  # lines per section of a commit message, so a first publish of 30,000 pages stays readable


class PublishRefused(SiteError):
    """Publishing cannot go ahead; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(None, f"publish: {message}; nothing was published")


@dataclass(frozen=True)
class PublishOptions:
    """The options of `newsarchive publish`."""

    branch: str = "gh-pages"
    remote: str = "origin"
    message: str = ""
    push: bool = True
    history: bool = True
    cname: str = ""
    dry_run: bool = False
    force: bool = False


@dataclass(frozen=True)
class Target:
    """The repository and branch to publish to, checked before anything is built."""

    cwd: Path
    options: PublishOptions
    local_tip: str | None
    remote_tip: str | None  # None when the remote has no such branch yet, or with --no-push

    @property
    def ref(self) -> str:
        return f"refs/heads/{self.options.branch}"


@dataclass(frozen=True)
class Changes:
    """How the new tree differs from the branch's previous one: site paths by kind of change."""

    added: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.modified or self.removed)


@dataclass(frozen=True)
class PublishResult:
    """What publishing did, for the summary line."""

    changes: Changes
    message: str
    new_commit: bool  # whether a commit was (or, in a dry run, would be) made
    commit: str | None  # the new commit
    pushed: str | None  # the commit pushed, if any
    target: Target

    def summary(self) -> str:
        options = self.target.options
        where = f"{options.remote} {options.branch}" if options.push else f"local branch {options.branch}"
        subject = self.message.split("\n", 1)[0]
        if options.dry_run:
            if not self.new_commit:
                return f"dry run: nothing to publish, {where} already holds this site"
            return f"dry run: would publish to {where}: {subject}\n{_body(self.changes)}".rstrip()
        if self.commit:
            pushed = "" if options.push else " (not pushed: --no-push)"
            return f"published to {where} as {self.commit[:12]}{pushed}: {subject}"
        if self.pushed:
            return f"nothing new to commit; pushed {options.branch} ({self.pushed[:12]}) to {options.remote}"
        return f"nothing to publish: {where} already holds this site"


def _git(cwd: Path, *args: str, input: bytes | None = None) -> str:
    """Run git; its failure becomes a refusal quoting git's error line."""
    done = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True, check=False)  # nosec B603 B607
    if done.returncode != 0:
        raise PublishRefused(f"git {args[0]} failed: {_first_error(done.stderr)}")
    return done.stdout.decode("utf-8", "surrogateescape")


def _first_error(stderr: bytes) -> str:
    """git's 'fatal:' or 'error:' line, rather than the hints that follow it."""
    lines = stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
    return next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[-1])


def _rev(cwd: Path, name: str) -> str | None:
    """The object `name` points to, or None when there is no such ref."""
    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"],  # nosec B603 B607
                          cwd=cwd, capture_output=True, check=False)
    return done.stdout.decode().strip() or None


def _require_repository(cwd: Path) -> None:
    try:
        done = subprocess.run(["git", "rev-parse", "--git-dir"], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
    except FileNotFoundError:
        raise PublishRefused("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        raise PublishRefused(f"{cwd} is not in a git repository (run 'git init' and add a remote first)")


def _require_identity(cwd: Path) -> None:
    # Checked up front so that a missing identity fails before the build, not after the push.
    for who in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        done = subprocess.run(["git", "var", who], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
        if done.returncode != 0:
            raise PublishRefused("git does not know who you are: set it with "
                                 "'git config user.name \"Your Name\"' and 'git config user.email you@example.org'")


def _require_branch_free(cwd: Path, options: PublishOptions) -> None:
    """Refuse a bad branch name, or a branch checked out anywhere: moving it would change that checkout."""
    ref = f"refs/heads/{options.branch}"
    done = subprocess.run(["git", "check-ref-format", ref], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
    if done.returncode != 0 or options.branch.startswith("-"):
        raise PublishRefused(f"--branch {options.branch!r} is not a valid branch name")
    worktree = None
    for line in _git(cwd, "worktree", "list", "--porcelain").splitlines():
        if line.startswith("worktree "):
            worktree = line[len("worktree "):]
        elif line == f"branch {ref}":
            raise PublishRefused(f"branch {options.branch} is checked out in {worktree}: "
                                 "switch that checkout to another branch, or publish with --branch NAME")


def _remote_tip(cwd: Path, options: PublishOptions) -> str | None:
    done = subprocess.run(["git", "remote", "get-url", options.remote], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
    if done.returncode != 0:
        known = _git(cwd, "remote").split()
        hint = f"known remotes: {', '.join(known)}" if known else "add one with 'git remote add origin URL'"
        raise PublishRefused(f"there is no git remote named {options.remote!r} ({hint}), or use --no-push")
    listing = _git(cwd, "ls-remote", "--heads", options.remote, f"refs/heads/{options.branch}")
    return listing.split("\t", 1)[0] if listing else None


def _check_cname(cname: str) -> None:
    if cname and not _DOMAIN.fullmatch(cname):
        raise PublishRefused(f"--cname takes a bare domain name like news.example.org, not {cname!r}")


def check_target(site_root: Path, options: PublishOptions) -> Target:
    """Every refusal that needs no build: repository, branch, identity, remote, --cname."""
    _require_repository(site_root)
    _check_cname(options.cname)
    _require_branch_free(site_root, options)
    if not options.dry_run:
        _require_identity(site_root)
    remote_tip = _remote_tip(site_root, options) if options.push else None
    return Target(site_root, options, _rev(site_root, f"refs/heads/{options.branch}"), remote_tip)


def output_files(output_dir: Path) -> dict[str, Path]:
    """Every file under output/, by its site path with '/' separators, in a stable order."""
    found: dict[str, Path] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    found[prefix + entry.name] = Path(entry.path)

    walk(str(output_dir.resolve()), "")
    return found


def _require_site(site_root: Path, output_dir: Path) -> dict[str, Path]:
    error = last_build_error(site_root)
    if error:
        raise PublishRefused(f"the last build failed ({error}): fix it and build again, "
                             f"since {output_dir} still holds an older site")
    files = output_files(output_dir) if output_dir.is_dir() else {}
    if not files:
        raise PublishRefused(f"{output_dir} is empty or missing: build the site first ('newsarchive build')")
    return files


def blob_id(data: bytes, algorithm: str) -> str:
    """The id git gives a file with these bytes, in a repository using `algorithm` (sha1 or sha256)."""
    digest = hashlib.new(algorithm, b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def _tree_listing(cwd: Path, commit: str) -> dict[str, str]:
    """Blob ids of a commit's files, by path."""
    listing = {}
    for entry in _git(cwd, "ls-tree", "-r", "-z", "--full-tree", commit).split("\0"):
        if entry:
            info, path = entry.split("\t", 1)
            listing[path] = info.split()[2]
    return listing


def new_tree(files: dict[str, Path], previous: dict[str, str], options: PublishOptions,
             algorithm: str) -> tuple[dict[str, str], dict[str, Path | bytes]]:
    """The branch's next tree as {path: blob id}, and where each file's bytes come from.

    Beside output/: .nojekyll always; CNAME from --cname, else output/CNAME, else kept from the
    branch, since GitHub commits one there when a custom domain is set in the repository's
    settings, and a publish that dropped it would take the site offline.
    """
    sources: dict[str, Path | bytes] = dict(files)
    sources.setdefault(NOJEKYLL, b"")
    if options.cname:
        sources[CNAME] = f"{options.cname}\n".encode("ascii")
    tree = {path: blob_id(source if isinstance(source, bytes) else source.read_bytes(), algorithm)
            for path, source in sources.items()}
    if CNAME not in tree and CNAME in previous:
        tree[CNAME] = previous[CNAME]
    return dict(sorted(tree.items())), sources


def diff_trees(old: dict[str, str], new: dict[str, str]) -> Changes:
    """Paths added, modified and removed between two {path: blob id} listings."""
    return Changes(
        added=tuple(sorted(new.keys() - old.keys())),
        modified=tuple(sorted(p for p in new.keys() & old.keys() if new[p] != old[p])),
        removed=tuple(sorted(old.keys() - new.keys())),
    )


def _article(path: str) -> str | None:
    """The article URL of an article page's path, e.g. '2025/08/20/slug/'; None for other files."""
    return path[: -len("index.html")] if _ARTICLE_PAGE.fullmatch(path) else None


def _split(paths: tuple[str, ...]) -> tuple[list[str], list[str]]:
    articles = [_article(p) for p in paths]
    return [a for a in articles if a], [p for p, a in zip(paths, articles) if not a]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def describe(changes: Changes) -> str:
    """The subject line, articles first: 'Publish site: 1 article added, 2 updated; 5 other files changed'."""
    added, other_added = _split(changes.added)
    modified, other_modified = _split(changes.modified)
    removed, other_removed = _split(changes.removed)
    counts = [(len(found), verb) for found, verb in ((added, "added"), (modified, "updated"), (removed, "removed")) if found]
    articles = [f"{_plural(n, 'article') if i == 0 else n} {verb}" for i, (n, verb) in enumerate(counts)]
    others = len(other_added) + len(other_modified) + len(other_removed)
    other = f"{_plural(others, 'other file' if articles else 'file')} changed" if others else ""
    return "Publish site: " + ("; ".join(part for part in (", ".join(articles), other) if part) or "no files changed")


def _section(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    shown = lines[:_LISTED]
    more = [f"… and {len(lines) - _LISTED} more"] if len(lines) > _LISTED else []
    return f"{title}:\n" + "".join(f"  {line}\n" for line in shown + more)


def _body(changes: Changes) -> str:
    """The list of changed articles by URL, then the other files marked A(dded), M(odified), D(eleted)."""
    added, other_added = _split(changes.added)
    modified, other_modified = _split(changes.modified)
    removed, other_removed = _split(changes.removed)
    others = sorted([f"A {p}" for p in other_added] + [f"M {p}" for p in other_modified] +
                    [f"D {p}" for p in other_removed], key=lambda line: line[2:])
    sections = [_section("Articles added", added), _section("Articles updated", modified),
                _section("Articles removed", removed), _section("Other files", others)]
    return "\n".join(s for s in sections if s)


def commit_message(changes: Changes, message: str = "") -> str:
    """The user's --message (or a generated subject), then the list of what changed."""
    return f"{message.strip() or describe(changes)}\n\n{_body(changes)}".rstrip() + "\n"


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


def _commit(cwd: Path, tree: dict[str, str], sources: dict[str, Path | bytes], stored: set[str],
            parent: str | None, message: str) -> str:
    """Write the new files and the commit with one `git fast-import`, as a single pack.

    One pack instead of thousands of loose objects makes the first publish of a large archive,
    and its push, several times faster. fast-import can only commit onto a ref, so it gets a
    private one, deleted at once; the user's refs are never involved.
    """
    scratch_ref = f"refs/newsarchive/publish-{os.getpid()}"
    author, committer = (_git(cwd, "var", who).strip() for who in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"))
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
            raise PublishRefused(f"git fast-import failed: {_first_error(failure)}")
        return _git(cwd, "rev-parse", "--verify", scratch_ref).strip()
    finally:
        subprocess.run(["git", "update-ref", "-d", scratch_ref], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607


def _parent(target: Target) -> str | None:
    """The branch's previous commit: the local branch, else the remote's (fetched without moving any ref)."""
    if target.local_tip or not target.remote_tip:
        return target.local_tip
    options = target.options
    # --refmap= keeps `origin/<branch>` where it is; the commit's objects are all that is needed.
    _git(target.cwd, "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--refmap=",
         options.remote, target.remote_tip)
    return target.remote_tip


def _push(target: Target, commit: str) -> None:
    options = target.options
    refspec = f"{commit}:{target.ref}"
    args = ["push", "--porcelain", options.remote]
    if options.force:
        refspec = "+" + refspec
    elif not options.history:
        # A one-commit branch replaces the old one by design; the lease makes sure it is the old
        # one we saw, not a commit someone pushed meanwhile.
        args.append(f"--force-with-lease={target.ref}:{target.remote_tip or ''}")
    done = subprocess.run(["git", *args, refspec], cwd=target.cwd, capture_output=True, check=False)  # nosec B603 B607
    if done.returncode == 0:
        return
    report = done.stdout.decode("utf-8", "replace")
    if "non-fast-forward" in report or "fetch first" in report:
        raise PublishRefused(
            f"{options.remote} {options.branch} has commits that your {options.branch} lacks (published from "
            f"elsewhere?): to keep them, 'git fetch {options.remote} +{options.branch}:{options.branch}' and "
            f"publish again; to replace them with this site, publish with --force")
    if "stale info" in report:
        raise PublishRefused(f"{options.remote} {options.branch} changed while publishing; publish again")
    raise PublishRefused(f"git push to {options.remote} failed: {_first_error(done.stderr)}")


def _needs_commit(cwd: Path, changes: Changes, parent: str | None, options: PublishOptions) -> bool:
    if changes or not parent:
        return True
    # --no-history on a branch that has history: same files, but the history must go.
    return not options.history and bool(_git(cwd, "rev-list", "--max-count=1", "--skip=1", parent).strip())


def publish(target: Target, site_root: Path, output_dir: Path) -> PublishResult:
    """Commit output/ (plus .nojekyll and CNAME) as the branch's tree, push it, then move the local branch."""
    cwd, options = target.cwd, target.options
    files = _require_site(site_root, output_dir)
    parent = _parent(target)
    previous = _tree_listing(cwd, parent) if parent else {}
    tree, sources = new_tree(files, previous, options, _git(cwd, "rev-parse", "--show-object-format").strip())
    changes = diff_trees(previous, tree)
    message = commit_message(changes, options.message)
    new_commit = _needs_commit(cwd, changes, parent, options)
    if options.dry_run:
        return PublishResult(changes, message, new_commit, None, None, target)
    commit = None
    if new_commit:
        commit = _commit(cwd, tree, sources, set(previous.values()), parent if options.history else None, message)
    tip = commit or parent
    pushed = None
    if options.push and tip != target.remote_tip:
        _push(target, tip)
        pushed = tip
    if tip != target.local_tip:
        _git(cwd, "update-ref", "-m", f"newsarchive publish: {message.splitlines()[0]}",
             target.ref, tip, target.local_tip or "")
    return PublishResult(changes, message, new_commit, commit, pushed, target)
