"""output/: updated by writing only the files whose bytes changed, and switched over atomically.

Two trees live in `.output/` beside the site's `output`, which is a symlink to the current one. A
build brings the other tree up to date (usually a handful of files), then repoints the symlink in
one rename. Readers of output/ — a browser, a static server, `publish` — see the old site or the
new one, never a mix, and a failed or killed build leaves the old site in place. Files are never
rewritten in place (the two trees share unchanged files as hard links).
"""

import fcntl
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .parallel import map_slices

TREES = ("a", "b")


@dataclass(frozen=True)
class PageJob:
    """A file the build will produce: where, what it depends on, and how to make its bytes.

    `key` fingerprints every input of the page; a page whose key is unchanged since the last build
    is not rendered again. Jobs without a key are cheap and made every time (sitemap, static files).
    """

    path: str
    key: str | None
    make: Callable[[], bytes]


@dataclass
class OutputReport:
    files: int = 0
    bytes: int = 0
    rendered: int = 0
    written: int = 0
    deleted: int = 0
    stale_links: list[str] = field(default_factory=list)


Manifest = dict[str, tuple[str | None, str | None, int]]  # path → (key, content hash, size)


def content_hash(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def safe_parts(page_path: str) -> list[str]:
    parts = page_path.split("/")
    if not page_path or page_path.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in page_path:
        raise ValueError(f"unsafe output path {page_path!r}")
    return parts


class OutputTrees:
    """The pair of trees behind output/ and their manifests."""

    def __init__(self, output_dir: Path):
        self.link = output_dir
        self.home = output_dir.with_name(f".{output_dir.name}")

    def tree(self, name: str) -> Path:
        return self.home / name

    def lock(self):
        """Serialise builds of one site (a preview server and a manual build, say)."""
        self.home.mkdir(parents=True, exist_ok=True)
        handle = open(self.home / "lock", "w")
        fcntl.flock(handle, fcntl.LOCK_EX)
        return handle

    def live_name(self) -> str | None:
        if self.link.is_symlink():
            name = Path(os.readlink(self.link)).name
            return name if name in TREES and self.tree(name).is_dir() else None
        if self.link.is_dir():
            # An output/ folder from elsewhere (an older version, a copy): adopt it as a tree
            # with unknown contents, so it is updated rather than deleted file by file.
            target = next(n for n in TREES if not self.tree(n).exists())
            os.rename(self.link, self.tree(target))
            self._switch(target)
            return target
        return None

    def _manifest_path(self, name: str) -> Path:
        return self.home / f"{name}.manifest"

    def _dirty_path(self, name: str) -> Path:
        return self.home / f"{name}.dirty"

    def read_manifest(self, name: str) -> Manifest | None:
        """The tree's manifest, with paths an interrupted build may have touched marked unknown."""
        try:
            lines = self._manifest_path(name).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return None
        manifest: Manifest = {}
        for line in lines:
            path, key, digest, size = line.split("\t")
            manifest[path] = (key or None, digest, int(size))
        try:
            for path in self._dirty_path(name).read_text(encoding="utf-8").splitlines():
                manifest[path] = (None, None, 0)
        except FileNotFoundError:
            pass
        return manifest

    def write_manifest(self, name: str, manifest: Manifest) -> None:
        lines = [f"{path}\t{key or ''}\t{digest}\t{size}\n" for path, (key, digest, size) in sorted(manifest.items())]
        _write_atomic(self._manifest_path(name), "".join(lines).encode("utf-8"))
        self._dirty_path(name).unlink(missing_ok=True)

    def mark_dirty(self, name: str, paths) -> None:
        """Record which files are about to change, before changing them."""
        previous = self._dirty_path(name).read_text(encoding="utf-8") if self._dirty_path(name).exists() else ""
        _write_atomic(self._dirty_path(name), (previous + "".join(f"{p}\n" for p in paths)).encode("utf-8"))

    def prepare(self, name: str, live_name: str | None, live: Manifest) -> Manifest:
        """Make tree `name` ready to be updated and return what it holds now."""
        tree = self.tree(name)
        manifest = self.read_manifest(name)
        if tree.is_dir() and manifest is not None:
            return manifest
        if tree.is_dir():
            # Contents unknown (killed while cloning, or adopted): every file is checked.
            return {p.relative_to(tree).as_posix(): (None, None, 0) for p in tree.rglob("*") if not p.is_dir()}
        tree.mkdir(parents=True)
        if live_name is None:
            return {}
        source = self.tree(live_name)
        made = {tree}
        for path in live:
            target = tree.joinpath(*path.split("/"))
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.link(source.joinpath(*path.split("/")), target)
        return dict(live)

    def _switch(self, name: str) -> None:
        tmp = self.link.with_name(f".{self.link.name}.link")
        tmp.unlink(missing_ok=True)
        os.symlink(os.path.relpath(self.tree(name), self.link.parent), tmp)
        os.replace(tmp, self.link)

    def switch(self, name: str) -> None:
        """Point output/ at tree `name`, in one atomic rename."""
        self._switch(name)


def _write_atomic(path: Path, body: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(body)
    os.replace(tmp, path)


_target: tuple[Path, Manifest] | None = None  # the tree being written, inherited by forked workers


def _make_and_write(jobs: Sequence[PageJob]) -> list[tuple[str, str | None, str, int, bool]]:
    """Render each job and write it into the target tree if its bytes differ from what is there."""
    root, manifest = _target
    made: set[Path] = set()
    results = []
    for job in jobs:
        body = job.make()
        digest = content_hash(body)
        written = manifest.get(job.path, (None, None, 0))[1] != digest
        if written:
            target = root.joinpath(*safe_parts(job.path))
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            # Unlink first: the file may be a hard link shared with the live tree.
            try:
                target.unlink()
            except FileNotFoundError:
                pass
            target.write_bytes(body)
        results.append((job.path, job.key, digest, len(body), written))
    return results


def update_output(jobs: list[PageJob], output_dir: Path) -> OutputReport:
    """Bring output/ up to date with `jobs`, rendering and writing as little as possible."""
    global _target
    seen: set[str] = set()
    for job in jobs:
        safe_parts(job.path)
        if job.path in seen:
            raise ValueError(f"two pages were rendered to {job.path}")
        seen.add(job.path)
    trees = OutputTrees(output_dir)
    with trees.lock():
        live_name = trees.live_name()
        live = (trees.read_manifest(live_name) if live_name else None) or {}
        report = OutputReport()
        todo = [j for j in jobs if j.key is None or live.get(j.path, (None,))[0] != j.key]
        cheap = [j for j in todo if j.key is None]
        cheap_results = {}
        for job in cheap:
            body = job.make()
            cheap_results[job.path] = (body, content_hash(body))
        unchanged = (len(todo) == len(cheap) and seen == set(live)
                     and all(live[p][1] == digest for p, (_, digest) in cheap_results.items()))
        if unchanged and live_name:
            return _summarise(report, live, rendered=len(cheap))
        name = TREES[1] if live_name == TREES[0] else TREES[0]
        target = trees.prepare(name, live_name, live)
        stale = sorted(set(target) - seen)
        trees.mark_dirty(name, [j.path for j in todo] + stale
                         + [p for p in seen if p in live and target.get(p, (None, None))[1] != live[p][1]])
        _target = (trees.tree(name), target)
        try:
            keyed = [j for j in todo if j.key is not None]
            results = map_slices(_make_and_write, keyed)
            results += _make_and_write([PageJob(p, None, lambda b=body: b) for p, (body, _) in cheap_results.items()])
        finally:
            _target = None
        new: Manifest = {}
        for path, key, digest, size, written in results:
            new[path] = (key, digest, size)
            report.written += written
        report.rendered = len(results)
        tree, source = trees.tree(name), trees.tree(live_name) if live_name else None
        for path in seen - new.keys():
            # Unchanged inputs: the live tree already has the right bytes.
            key, digest, size = live[path]
            new[path] = (key, digest, size)
            if target.get(path, (None, None))[1] != digest:
                destination = tree.joinpath(*path.split("/"))
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.unlink(missing_ok=True)
                os.link(source.joinpath(*path.split("/")), destination)
        for path in stale:
            (tree.joinpath(*path.split("/"))).unlink(missing_ok=True)
            report.deleted += 1
        _remove_empty_dirs(tree, stale)
        trees.write_manifest(name, new)
        trees.switch(name)
        return _summarise(report, new, rendered=report.rendered)


def _remove_empty_dirs(tree: Path, removed: list[str]) -> None:
    for folder in sorted({tree.joinpath(*p.split("/")[:-1]) for p in removed if "/" in p}, key=lambda d: -len(d.parts)):
        while folder != tree:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


def _summarise(report: OutputReport, manifest: Manifest, rendered: int) -> OutputReport:
    report.files = len(manifest)
    report.bytes = sum(size for _, _, size in manifest.values())
    report.rendered = rendered
    return report
