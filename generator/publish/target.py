"""Where `newsarchive publish` goes: its options, and the repository, branch and remote checked
before anything is built, so that every refusal that needs no build comes first."""

import re
# git runs with argument lists, never through a shell; bandit's B404/B603/B607 notes are expected here.
import subprocess  # nosec B404
from dataclasses import dataclass
from pathlib import Path

from generator.publish.git import PublishRefused, resolve_commit, run_git

_DOMAIN = re.compile(r"(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


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
    for line in run_git(cwd, "worktree", "list", "--porcelain").splitlines():
        if line.startswith("worktree "):
            worktree = line[len("worktree "):]
        elif line == f"branch {ref}":
            raise PublishRefused(f"branch {options.branch} is checked out in {worktree}: "
                                 "switch that checkout to another branch, or publish with --branch NAME")


def _remote_tip(cwd: Path, options: PublishOptions) -> str | None:
    done = subprocess.run(["git", "remote", "get-url", options.remote], cwd=cwd, capture_output=True, check=False)  # nosec B603 B607
    if done.returncode != 0:
        known = run_git(cwd, "remote").split()
        hint = f"known remotes: {', '.join(known)}" if known else "add one with 'git remote add origin URL'"
        raise PublishRefused(f"there is no git remote named {options.remote!r} ({hint}), or use --no-push")
    listing = run_git(cwd, "ls-remote", "--heads", options.remote, f"refs/heads/{options.branch}")
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
    return Target(site_root, options, resolve_commit(site_root, f"refs/heads/{options.branch}"), remote_tip)
