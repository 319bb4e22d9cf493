"""What the last publish to a branch committed and what output/'s files looked like then, kept in
.cache/publish/: the commit's tree, and each file's inode, modification time and size beside its
blob id. With it the next publish reads only the files a build replaced, as git's index spares
`git add` from reading a whole checkout, and needs no listing of the previous tree from git.

A build never rewrites a file in place (it writes a new file, or hard-links the unchanged one), so a
file whose inode, time and size are the recorded ones still has the recorded bytes. A file changed
in the same clock tick as it was recorded could keep all three: files whose time is not before the
stamp taken ahead of the recording are read again rather than trusted.
"""

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from generator.core.atomic import write_atomic
from generator.core.errors import note
from generator.core.paths import CACHE_DIR

RECORD_DIR = CACHE_DIR / "publish"
_LABEL = "newsarchive publish record 1"

Stat = tuple[int, int, int]  # inode, modification time in ns, size


def file_stat(st: os.stat_result) -> Stat:
    return st.st_ino, st.st_mtime_ns, st.st_size


@dataclass(frozen=True)
class Record:
    """The branch's commit, its whole tree {path: blob id}, and the stats of output/'s files
    {path: stat} whose blob ids in `tree` were taken from files with those stats."""

    commit: str
    tree: dict[str, str]
    stats: dict[str, Stat]


def _path(site_root: Path, branch: str) -> Path:
    return site_root / RECORD_DIR / f"{quote(branch, safe='')}.record"


def take_stamp(site_root: Path, branch: str) -> int:
    """The filesystem's own time now (its clock and its granularity, which files' times share):
    a file whose time is not before it may have changed after it was looked at."""
    stamp = _path(site_root, branch).with_suffix(".stamp")
    write_atomic(stamp, b"")
    return stamp.stat().st_mtime_ns


def load_record(site_root: Path, branch: str, commit: str | None) -> Record | None:
    """The record of `commit` on `branch`, its racy stats left out; None when there is none for that
    commit (another machine published, or the branch was moved by hand) or it is damaged."""
    path = _path(site_root, branch)
    if commit is None:
        return None
    try:
        fields = path.read_bytes().decode("utf-8", "surrogateescape").split("\0")
        label, recorded, stamp, count = fields[:4]
        if label != _LABEL or recorded != commit:
            return None
        entries = fields[4:-1]
        if len(entries) != 5 * int(count) or fields[-1] != "":
            raise ValueError("cut short")
        tree, stats, stamp_ns = {}, {}, int(stamp)
        for i in range(0, len(entries), 5):
            name, blob, inode, mtime, size = entries[i:i + 5]
            tree[name] = blob
            if inode and int(mtime) < stamp_ns:
                stats[name] = (int(inode), int(mtime), int(size))
        return Record(commit, tree, stats)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        note(f"{path.relative_to(site_root)} is unreadable ({type(exc).__name__}); every file of output/ is read")
        return None


def save_record(site_root: Path, branch: str, record: Record, stamp_ns: int) -> None:
    """Keep `record`; without it the next publish reads every file again, so a failure only costs time."""
    parts = [_LABEL, record.commit, str(stamp_ns), str(len(record.tree))]
    for name, blob in record.tree.items():
        stat = record.stats.get(name)
        parts += [name, blob, *(map(str, stat) if stat else ("", "", ""))]
    try:
        write_atomic(_path(site_root, branch), ("\0".join(parts) + "\0").encode("utf-8", "surrogateescape"))
    except OSError:
        pass
