"""Whether the disk has room for a build's new output tree, told before anything is written."""

import errno
import os
import shutil
from pathlib import Path

from generator.core.model import PageJob

DISK_BLOCK = 4096  # the space a small file takes on most disks


def check_room(home: Path, todo: list[PageJob], cheap: dict[str, bytes], live: dict[str, tuple]) -> None:
    """Refuse up front a new tree the disk has no room for, when the live tree tells what the
    changed files will take: their present sizes (the average for new pages), each rounded up
    to a block; the search files, made later, are not counted. `live` is the live tree's
    manifest (path → key, content hash, size)."""
    if not live:
        return
    needed, average = 0, None
    for job in todo:
        old = live.get(job.path)
        if job.key is None:
            size = len(cheap[job.path])
            if old is not None and old[2] == size:
                continue  # most likely unchanged: a static file, robots.txt
        elif old is not None:
            size = old[2]
        else:
            if average is None:
                average = sum(size for _, _, size in live.values()) // len(live)
            size = average
        needed += -(-size // DISK_BLOCK) * DISK_BLOCK
    free = shutil.disk_usage(home).free
    if needed > free:
        raise OSError(errno.ENOSPC, f"{os.strerror(errno.ENOSPC)} (the changed files need about "
                                    f"{_megabytes(needed)}, {_megabytes(free)} is free)", str(home))


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
