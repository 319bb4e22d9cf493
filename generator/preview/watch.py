"""Which files changed, told by the Linux kernel (inotify) rather than found by stat-ing every file.

An archive holds tens of thousands of articles; polling them all costs a fraction of a second each
time and delays every preview by the polling interval. inotify names the changed file at once.
"""

import ctypes
import os
import struct
from pathlib import Path

from generator.core.model import Changes
from generator.core.paths import ARTICLES_DIR, CONFIG_NAME, I18N_DIR, RAW_DIR, STATIC_DIR, TEMPLATES_DIR

_CHANGED = 0x2 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200  # modify, close-write, moved from/to, create, delete
_IS_DIR = 0x40000000
_OVERFLOW = 0x4000  # the kernel's queue overflowed: events were lost
_CREATED_DIR = 0x80 | 0x100  # moved in or created
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, length of the name that follows


class Inotify:
    """A non-blocking inotify descriptor watching folders; `changes()` reads what happened."""

    def __init__(self):
        libc = ctypes.CDLL(None, use_errno=True)
        self._add_watch = libc.inotify_add_watch
        self._add_watch.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self.folders: dict[int, Path] = {}
        self.recursive: set[int] = set()  # watches whose new subfolders are watched too

    def watch(self, folder: Path, recursive: bool = True) -> None:
        """Watch `folder` (and, if recursive, every folder below it, now and later); missing ones are skipped."""
        for root, dirs, _ in os.walk(folder) if recursive else [(str(folder), [], [])]:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            wd = self._add_watch(self.fd, os.fsencode(root), _CHANGED)
            if wd >= 0:
                self.folders[wd] = Path(root)
                if recursive:
                    self.recursive.add(wd)

    def changes(self) -> set[Path] | None:
        """Paths changed since the last call; None when the kernel dropped events (rescan everything)."""
        changed: set[Path] = set()
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return changed
            offset = 0
            while offset < len(data):
                wd, mask, _, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size: offset + _EVENT.size + length].rstrip(b"\0")
                offset += _EVENT.size + length
                if mask & _OVERFLOW:
                    return None
                folder = self.folders.get(wd)
                if folder is None or not name:
                    continue
                path = folder / os.fsdecode(name)
                changed.add(path)
                if mask & _IS_DIR and mask & _CREATED_DIR and wd in self.recursive:
                    self.watch(path)
                    changed.update(p for p in path.rglob("*") if p.is_file())

    def close(self) -> None:
        os.close(self.fd)


_TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


def _ignored(name: str) -> bool:
    # Editors save through hidden temporary files, swap files and backups.
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))


def classify(site_root: Path, paths) -> Changes:
    """Changed files → the kind of rebuild each needs; `paths` None means events were lost."""
    changes = Changes()
    if paths is None:
        changes.config = True
        return changes
    for path in paths:
        try:
            parts = Path(path).relative_to(site_root).parts
        except ValueError:
            continue
        if not parts or any(_ignored(p) for p in parts):
            continue
        if parts == (CONFIG_NAME,):
            changes.config = True
        elif parts[:len(RAW_DIR.parts)] == RAW_DIR.parts:
            changes.raw = True
        elif parts[:len(ARTICLES_DIR.parts)] == ARTICLES_DIR.parts:
            changes.articles.add(site_root.joinpath(*parts))  # a file, or a folder moved in or out
        elif parts[0] == TEMPLATES_DIR.name and len(parts) > 1:
            if parts[1] == STATIC_DIR.name:
                changes.static.add(site_root.joinpath(*parts))
            elif parts[-1].endswith(_TEMPLATE_SUFFIXES):
                changes.templates = True
        elif parts[0] == I18N_DIR.name and parts[-1].endswith(".yaml"):
            changes.templates = True  # the interface's strings: every page renders anew, as for a template
    return changes
