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
from generator.core.journal import SHARE, Journal, apply, signature_of
from generator.core.model import Article
from generator.core.paths import CACHE_DIR

BODIES = "bodies"  # the folder of .cache/ that holds the parsed articles' bodies


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
    """source path → (stat signature, content hash, Article), kept in .cache/ as one Memo and its
    journal (core/journal.py); the articles' bodies are in the packs of `bodies` (see core/bodies.py).
    An entry is checked against its file before use, so a journal record lost costs a parse, never
    a wrong article."""

    def __init__(self, memo: "Memo", key: str, entries: dict | None = None, bodies: Path | None = None):
        self.memo, self.key = memo, key
        self.entries: dict[str, tuple[tuple, str, Article]] = entries or {}
        self.bodies = bodies
        self.changed = False
        self.parsed: set[str] = set()  # the files read afresh (new or changed) by this run
        self.journal = Journal(memo.path, key)
        self.since: dict[str, tuple | None] = {}  # entries put or dropped since the load: what a journal record holds

    @classmethod
    def load(cls, site_root: Path, key: str) -> "ArticleCache":
        memo = Memo(site_root, "articles")
        # Resolved: the articles name their packs by this path, whatever the folder the next build runs in.
        folder = (site_root / CACHE_DIR / BODIES).resolve()
        base = signature_of(memo.path)
        entries = memo.get(key) or {}  # missing, unreadable or stale: a cold build, never an error
        cache = cls(memo, key, None, folder)
        for changes in cache.journal.read(base if entries else None):
            apply(entries, changes)
        cache.entries = valid(entries, folder)
        cache.changed = len(cache.entries) != len(entries) or tidy(cache.entries, folder)
        if cache.changed or not cache.journal.worth_keeping():
            # Entries dropped or moved to another pack, or a journal damaged or grown long: written whole.
            cache.journal.base, cache.changed = None, True
        return cache

    @staticmethod
    def append(site_root: Path, key: str, changes: dict[str, tuple | None]) -> bool:
        """Entries put (None: dropped) by a build that parsed a few files without loading the cache
        (one that took up from the last build's site, see site_state.py): one journal record that
        follows the cache file as it is on disk. False when it was not appended (the next full
        build parses those files again)."""
        journal = Journal(Memo(site_root, "articles").path, key)
        journal.follow(journal.mark())
        return journal.base is not None and journal.append(changes)

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
        if not (len(self.since) <= len(self.entries) // SHARE and self.journal.append(self.since)):
            self.memo.put(self.key, self.entries)
            self.journal.written_whole()
        self.since, self.changed = {}, False


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
