"""Changes appended beside a value kept in .cache/, so that a build changing a few entries of a
large one need not write it whole.

At 100,000 articles the parse cache (67 MB) and the page record (36 MB) took a second or more to
write again for one edited article. Each build that changed a small share of such a value appends
one record of its changes to `NAME-journal.pickle`; the next load replays them over the value. A
record names the Memo file it follows (its size, modification time and inode): when the Memo is
written whole, the journal is dropped, and a record left from an earlier Memo is never replayed.
"""

import os
import pickle
from pathlib import Path

from generator.core.errors import note
from generator.core.paths import CACHE_DIR

# A journal is replayed while it is under 1/SHARE of the Memo it follows; beyond, the Memo is written whole.
SHARE = 8
DAMAGED = -1


def signature_of(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


class Journal:
    """The journal of the Memo at `memo_path`, for records made under `key`."""

    def __init__(self, memo_path: Path, key: str):
        self.path = memo_path.with_name(memo_path.stem + "-journal.pickle")
        self.memo_path, self.key = memo_path, key
        self.base: tuple | None = None  # the Memo file the value was read from, as signature_of gives it
        self.size = 0  # bytes of journal read or written for that Memo file; DAMAGED when unreadable

    def mark(self) -> tuple:
        """The Memo file and the journal as they are on disk: another mark, another value."""
        return (signature_of(self.memo_path), signature_of(self.path))

    def follow(self, mark: tuple) -> None:
        """Append after the files as `mark` gave them, without reading them: what a build that took
        up from a kept value knows of its files."""
        memo, journal = mark
        self.base, self.size = memo, journal[0] if journal else 0

    def read(self, base: tuple | None) -> list:
        """The changes recorded after the Memo file `base` (the signature taken before reading it),
        oldest first; none when the journal is damaged (`size` says so)."""
        self.base, self.size, found = base, 0, []
        if base is None:
            return found
        try:
            with open(self.path, "rb") as f:
                while True:
                    try:
                        # The same trusted .cache/ as Memo's.
                        follows, key, changes = pickle.load(f)  # nosec B301
                    except EOFError:
                        break
                    if follows == base and key == self.key:
                        found.append(changes)
                self.size = f.tell()
        except FileNotFoundError:
            pass
        except Exception as exc:  # a record cut short by a crash, or junk
            note(f"{CACHE_DIR.name}/{self.path.name} is unreadable ({type(exc).__name__}); made afresh")
            self.size = DAMAGED
            return []
        return found

    def worth_keeping(self) -> bool:
        """False when the Memo should be written whole: a journal damaged, or grown to a share of it."""
        return self.base is not None and 0 <= self.size <= self.base[0] // SHARE

    def append(self, changes) -> bool:
        """One record of `changes`; False (nothing appended) when the Memo is to be written whole instead."""
        if not self.worth_keeping() or signature_of(self.memo_path) != self.base:
            return False
        record = pickle.dumps((self.base, self.key, changes), protocol=pickle.HIGHEST_PROTOCOL)
        if self.size + len(record) > self.base[0] // SHARE:
            return False
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                # One write of the whole record: a build running beside this one appends its own whole.
                written = os.write(fd, record)
            finally:
                os.close(fd)
        except OSError:
            return False
        self.size += written
        return written == len(record)

    def written_whole(self) -> None:
        """The Memo was written whole: the journal no longer follows it."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        self.base, self.size = signature_of(self.memo_path), 0


def apply(table: dict, changes: dict) -> None:
    """One record's changes made to `table`: entries put, and those whose value is None dropped."""
    for key, value in changes.items():
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value
