"""`newsarchive publish`: output/ committed as the whole tree of a publishing branch, then pushed.

The publishing branch moves only after the push succeeded (or with --no-push); a refusal leaves
every ref as it was. The files and the commit go in through git plumbing alone (generator.publish.git),
so the user's checkout is never written.
"""

import json
# git runs with argument lists, never through a shell; bandit's B404/B603/B607 notes are expected here.
import subprocess  # nosec B404
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from generator.core.atomic import write_atomic
from generator.core.errors import note
from generator.core.paths import CACHE_DIR
from generator.organise.moved import read_urls
from generator.output.writer import OutputTrees
from generator.publish.changes import TreeChanges, commit_message, diff_trees, list_changes
from generator.publish.git import (PackWriter, PublishRefused, first_error, list_tree, remote_reason,
                                   remove_stale_scratch_refs, run_git)
from generator.publish.record import Record, Stat, load_record, save_record, take_stamp
from generator.publish.target import PublishOptions, Target
from generator.publish.tree import new_tree, output_files
from generator.status import last_build_error


@dataclass(frozen=True)
class PublishResult:
    """What publishing did, for the summary line."""

    changes: TreeChanges
    message: str
    listing: str  # the changed articles and files, as the message lists them
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
            return f"dry run: would publish to {where}: {subject}\n{self.listing}".rstrip()
        if self.commit:
            pushed = "" if options.push else " (not pushed: --no-push)"
            return f"published to {where} as {self.commit[:12]}{pushed}: {subject}"
        if self.pushed:
            return f"nothing new to commit; pushed {options.branch} ({self.pushed[:12]}) to {options.remote}"
        return f"nothing to publish: {where} already holds this site"


def _require_site(site_root: Path, output_dir: Path) -> dict[str, tuple[str, Stat]]:
    error = last_build_error(site_root)
    if error:
        raise PublishRefused(f"the last build failed ({error}): fix it and build again, "
                             f"since {output_dir} still holds an older site")
    files = output_files(output_dir) if output_dir.is_dir() else {}
    if not files:
        raise PublishRefused(f"{output_dir} is empty or missing: build the site first ('newsarchive build')")
    return files


# The commit a publish is pushing, recorded until the local branch has moved to it: a publish
# killed after its push finds the remote ahead of the local branch, and that is no one else's work.
PENDING_PATH = CACHE_DIR / "publish-pending.json"


def _pending(site_root: Path, target: Target) -> str | None:
    """The commit an unfinished publish to this remote and branch pushed (or was about to)."""
    try:
        record = json.loads((site_root / PENDING_PATH).read_text(encoding="utf-8"))
        if record["remote"] == target.options.remote and record["ref"] == target.ref:
            return str(record["commit"])
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, KeyError) as exc:
        note(f"{PENDING_PATH} is unreadable ({type(exc).__name__}); ignored")
    return None


def _set_pending(site_root: Path, target: Target, commit: str | None) -> None:
    path = site_root / PENDING_PATH
    try:
        if commit is None:
            path.unlink(missing_ok=True)
        else:
            record = {"remote": target.options.remote, "ref": target.ref, "commit": commit}
            write_atomic(path, json.dumps(record).encode("utf-8"))
    except OSError:
        pass  # without it a publish killed after its push asks for a fetch, as a push from elsewhere does


def _parent(target: Target, pushed_before: str | None) -> str | None:
    """The branch's previous commit: the local branch, else the remote's (fetched without moving
    any ref); the remote's too when a killed publish had pushed it (`pushed_before`)."""
    if (target.local_tip and target.remote_tip != pushed_before) or not target.remote_tip:
        return target.local_tip
    options = target.options
    # --refmap= keeps `origin/<branch>` where it is; the commit's objects are all that is needed.
    run_git(target.cwd, "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--refmap=",
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
    said = remote_reason(done.stderr)
    if "[remote rejected]" in report:
        why = report.split("[remote rejected]", 1)[1].splitlines()[0].strip(" ()")
        raise PublishRefused(f"{options.remote} refused the push ({why})" + (f": {said}" if said else ""))
    raise PublishRefused(f"git push to {options.remote} failed: {first_error(done.stderr)}"
                         + (f" (the remote said: {said})" if said else ""))


def _needs_commit(cwd: Path, changes: TreeChanges, parent: str | None, options: PublishOptions) -> bool:
    if changes or not parent:
        return True
    # --no-history on a branch that has history: same files, but the history must go.
    return not options.history and bool(run_git(cwd, "rev-list", "--max-count=1", "--skip=1", parent).strip())


def _discard(blob: str, data: bytes) -> None:
    """A dry run's store: nothing is written."""


def _previous(target: Target, parent: str | None) -> tuple[dict[str, str], dict[str, Stat]]:
    """The parent's tree, and the stats of the output files it was taken from when they are known."""
    record = load_record(target.cwd, target.options.branch, parent)
    if record:
        return record.tree, record.stats
    return (list_tree(target.cwd, parent) if parent else {}), {}


def _building_paused(output_dir: Path):
    """While output/ is read, a build of the site waits: it could otherwise switch output/ over and
    start updating the tree being read. A folder that is not a build's output/ link has no builds."""
    return OutputTrees(output_dir).lock() if output_dir.is_symlink() else nullcontext()


def publish(target: Target, site_root: Path, output_dir: Path) -> PublishResult:
    """Commit output/ (plus .nojekyll and CNAME) as the branch's tree, push it, then move the local branch."""
    cwd, options = target.cwd, target.options
    with _building_paused(output_dir):
        stamp = take_stamp(site_root, options.branch)  # before any file is looked at
        files = _require_site(site_root, output_dir)
        remove_stale_scratch_refs(cwd)
        parent = _parent(target, _pending(site_root, target))
        previous, known = _previous(target, parent)
        algorithm = run_git(cwd, "rev-parse", "--show-object-format").strip()
        # New files are stored while the tree is hashed, so each is read once.
        with PackWriter(cwd, stored=set(previous.values())) as pack:
            tree = new_tree(files, previous, known, options.cname, algorithm,
                            _discard if options.dry_run else pack.store)
            changes = diff_trees(previous, tree)
            moves = {old: urls[-1] for urls in read_urls(site_root).values() for old in urls[:-1]}
            message, listing = commit_message(changes, options.message, moves), list_changes(changes, moves)
            new_commit = _needs_commit(cwd, changes, parent, options)
            if options.dry_run:
                return PublishResult(changes, message, listing, new_commit, None, None, target)
            commit = pack.commit(tree, parent if options.history else None, message, changes) if new_commit else None
    tip = commit or parent
    pushed = None
    if options.push and tip != target.remote_tip:
        _set_pending(site_root, target, tip)
        _push(target, tip)
        pushed = tip
    if tip != target.local_tip:
        run_git(cwd, "update-ref", "-m", f"newsarchive publish: {message.splitlines()[0]}",
                target.ref, tip, target.local_tip or "")
    _set_pending(site_root, target, None)
    stats = {path: stat for path, (_, stat) in files.items()}
    if tip != parent or stats != known:
        save_record(site_root, options.branch, Record(tip, tree, stats), stamp)
    return PublishResult(changes, message, listing, new_commit, commit, pushed, target)
