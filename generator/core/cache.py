"""The parse cache in .cache/: articles already parsed, keyed by file and content hash.

Parsing Markdown is the most expensive step of a build, and between two builds almost every file
is unchanged, so a rebuild parses only what changed.
"""

import hashlib
import marshal
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from generator.core.atomic import replacing
from generator.core.bodies import tidy, valid
from generator.core.errors import note
from generator.core.model import Article
from generator.core.paths import CACHE_DIR

BODIES = "bodies"  # the folder of .cache/ that holds the parsed articles' bodies
# The parse cache's journal is replayed while it is under 1/JOURNAL_SHARE of the Memo it follows.
JOURNAL_SHARE = 8


def code_fingerprint(modules: Iterable[ModuleType]) -> str:
    """Changes when the code of any of `modules` changes, so entries it made stale are never used."""
    return files_fingerprint(Path(module.__file__) for module in modules)


def package_fingerprint() -> str:
    """Changes when any of the generator's code changes."""
    package = Path(__file__).resolve().parent.parent
    return files_fingerprint(sorted(package.rglob("*.py")))


def files_fingerprint(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(*parts) -> str:
    """A short digest of a page's inputs; equal digests mean equal pages."""
    try:
        # marshal's version 0 writes values only (no object sharing), so equal inputs give equal
        # bytes; it is several times quicker than repr on the thousands of pages of a build.
        data = marshal.dumps(parts, 0)
    except ValueError:  # a value marshal does not know
        data = repr(parts).encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_signature(path: Path | str) -> tuple:
    """Changes whenever the file is written (or replaced): read before the file is, so that a save
    while it is read leaves an entry that no longer matches."""
    st = os.stat(path)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class ArticleCache:
    """source path → (stat signature, content hash, Article), kept in .cache/ as one Memo; the
    articles' bodies are in the packs of `bodies` (see core/bodies.py).

    Rewriting the whole Memo for a few changed files took a second at 100,000 articles, so the
    changes of a build that parsed few files are appended to a journal beside it instead, and the
    next load replays them. The journal names the Memo file it follows (its size and modification
    time): one left over from an earlier Memo is not replayed. An entry is checked against its
    file before use anyway, so a journal record lost or replayed out of turn costs a parse, never
    a wrong article."""

    def __init__(self, memo: "Memo", key: str, entries: dict | None = None, bodies: Path | None = None):
        self.memo, self.key = memo, key
        self.entries: dict[str, tuple[tuple, str, Article]] = entries or {}
        self.bodies = bodies
        self.changed = False
        self.parsed: set[str] = set()  # the files read afresh (new or changed) by this run
        self.journal = memo.path.with_name(memo.path.stem + "-journal.pickle")
        self.since: dict[str, tuple | None] = {}  # entries put or dropped since the load: what a journal record holds
        self.base: tuple | None = None  # the signature of the Memo file the entries were loaded from
        self.journalled = 0  # bytes of journal replayed at the load

    @classmethod
    def load(cls, site_root: Path, key: str) -> "ArticleCache":
        memo = Memo(site_root, "articles")
        # Resolved: the articles name their packs by this path, whatever the folder the next build runs in.
        folder = (site_root / CACHE_DIR / BODIES).resolve()
        base = _signature_of(memo.path)
        entries = memo.get(key) or {}  # missing, unreadable or stale: a cold build, never an error
        cache = cls(memo, key, None, folder)
        if entries and base is not None:
            cache.base = base
            cache.journalled = cache._replay(entries)
        cache.entries = valid(entries, folder)
        cache.changed = len(cache.entries) != len(entries) or tidy(cache.entries, folder)
        if cache.changed or (cache.journalled and cache.journalled > base[0] // JOURNAL_SHARE):
            # Entries dropped or moved to another pack, or a journal grown long: written whole.
            cache.base, cache.changed = None, True
        return cache

    def _replay(self, entries: dict) -> int:
        """Apply the journal's records that follow the Memo file loaded; the bytes read (a damaged
        journal counts as a long one, so that the next save writes the Memo whole)."""
        try:
            with open(self.journal, "rb") as f:
                while True:
                    try:
                        # The same trusted .cache/ as Memo's.
                        base, key, changes = pickle.load(f)  # nosec B301
                    except EOFError:
                        return f.tell()
                    if base != self.base or key != self.key:
                        continue
                    for path, entry in changes.items():
                        if entry is None:
                            entries.pop(path, None)
                        else:
                            entries[path] = entry
        except FileNotFoundError:
            return 0
        except Exception as exc:  # a record cut short by a crash, or junk
            note(f"{CACHE_DIR.name}/{self.journal.name} is unreadable ({type(exc).__name__}); made afresh")
            return 1 << 62

    def by_stat(self, source_path: str, signature: tuple) -> Article | None:
        entry = self.entries.get(source_path)
        return entry[2] if entry and entry[0] == signature else None

    def by_hash(self, source_path: str, content_hash: str) -> Article | None:
        entry = self.entries.get(source_path)
        return entry[2] if entry and entry[1] == content_hash else None

    def put(self, source_path: str, signature: tuple, article: Article) -> None:
        self.entries[source_path] = self.since[source_path] = (signature, article.content_hash, article)
        self.changed = True

    def keep_only(self, source_paths: set[str]) -> None:
        for gone in set(self.entries) - source_paths:
            del self.entries[gone]
            self.since[gone] = None
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        if not (self.base is not None and len(self.since) <= len(self.entries) // JOURNAL_SHARE and self._append()):
            self.memo.put(self.key, self.entries)
            try:
                self.journal.unlink(missing_ok=True)
            except OSError:
                pass
        self.base, self.journalled, self.since = _signature_of(self.memo.path), 0, {}
        self.changed = False

    def _append(self) -> bool:
        """The changes since the load as one journal record; False when the Memo is to be written
        whole instead (the journal has grown to a share of it, or cannot be written)."""
        record = pickle.dumps((self.base, self.key, self.since), protocol=pickle.HIGHEST_PROTOCOL)
        if self.journalled + len(record) > self.base[0] // JOURNAL_SHARE:
            return False
        try:
            fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                # One write of the whole record: a build running beside this one appends its own whole.
                written = os.write(fd, record)
            finally:
                os.close(fd)
        except OSError:
            return False
        self.journalled += written
        return written == len(record)


def _signature_of(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


class Memo:
    """One derived value kept between builds, valid while the digest of its inputs is the same.

    Only ever a shortcut: a file that is missing, stale or damaged is a value made afresh, and one
    that cannot be written (a full disk, a read-only .cache/) is a value made again next time.
    """

    def __init__(self, site_root: Path, name: str):
        self.path = site_root / CACHE_DIR / f"{name}.pickle"

    def get(self, key: str):
        try:
            with open(self.path, "rb") as f:
                # The same trusted .cache/ as above.
                stored_key, value = pickle.load(f)  # nosec B301
        except FileNotFoundError:
            return None
        except Exception as exc:  # truncated, junk, or written by other code: whatever unpickling raises
            note(f"{CACHE_DIR.name}/{self.path.name} is unreadable ({type(exc).__name__}); made afresh")
            return None
        return value if stored_key == key else None

    def put(self, key: str, value) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replacing(self.path) as f:
                pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            pass  # see the class docstring; a build that needs the disk reports the error itself


class KeptMemo:
    """A Memo also kept in memory, for a process that builds again and again (the preview server)."""

    def __init__(self, site_root: Path, name: str):
        self.disk = Memo(site_root, name)
        self.key, self.value = None, None

    def get(self, key: str):
        if self.key is None:  # the first build: what the last build left in .cache/
            self.key, self.value = key, self.disk.get(key)
        return self.value if key == self.key else None

    def put(self, key: str, value) -> None:
        self.key, self.value = key, value
        self.disk.put(key, value)
