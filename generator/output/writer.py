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
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.core.atomic import write_atomic
from generator.core.errors import note
from generator.core.model import BuildReport, PageJob
from generator.output.room import check_room

TREES = ("a", "b")

Manifest = dict[str, tuple[str | None, str | None, int]]  # path → (key, content hash, size)
MANIFEST_LABEL = "newsarchive output manifest 1, files:"  # then their number, then a line per file
# A rendered page: path, key, content hash, size, and its bytes where they differ from the tree's.
Made = tuple[str, str | None, str, int, bytes | None]
# Makes the jobs' bytes, given what the tree already holds, on all cores if asked: see render.workers.
Render = Callable[[list[PageJob], Manifest, bool], Iterable[list[Made]]]


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
        # An flock ends with the process that holds it: the file a killed build leaves blocks nobody.
        handle = open(self.home / "lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            note(f"another build of this site is running ({self.home.name}/lock); waiting for it to finish")
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

    def signature(self) -> tuple | None:
        """Which tree output/ shows, and its manifest's inode, time and size: different after every
        build that changed output/. None without a tree, or while a build has marked it dirty; it
        adopts nothing (see live_name), so it may be asked before any build."""
        if not self.link.is_symlink():
            return None
        name = Path(os.readlink(self.link)).name
        if name not in TREES or self._dirty_path(name).exists():
            return None
        try:
            st = self._manifest_path(name).stat()
        except OSError:
            return None
        return name, st.st_ino, st.st_mtime_ns, st.st_size

    def _manifest_path(self, name: str) -> Path:
        return self.home / f"{name}.manifest"

    def _dirty_path(self, name: str) -> Path:
        return self.home / f"{name}.dirty"

    def read_manifest(self, name: str) -> Manifest | None:
        """The tree's manifest, with paths an interrupted build may have touched marked unknown;
        None when there is none, or it is damaged (and then removed: the tree's files are checked)."""
        path = self._manifest_path(name)
        try:
            with open(path, "rb") as f:
                signature = os.fstat(f.fileno())
                signature = (signature.st_ino, signature.st_mtime_ns, signature.st_size)
                parsed = _parsed_manifests.get(path)
                if parsed is None or parsed[0] != signature:
                    parsed = _parsed_manifests[path] = (signature, _parse_manifest(f.read().decode("utf-8")))
            manifest = dict(parsed[1])
            dirty = self._dirty_path(name)
            if dirty.exists():
                for touched in dirty.read_text(encoding="utf-8").splitlines():
                    safe_parts(touched)  # a damaged list must not name a path outside the tree
                    manifest[touched] = (None, None, 0)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:  # junk, truncated, or from another version
            note(f"{self.home.name}/{name}.manifest is unreadable ({type(exc).__name__}); "
                 f"the files of tree {name} are checked afresh")
            self.forget(name)
            return None
        return manifest

    def forget(self, name: str) -> None:
        """Drop what is recorded about tree `name`, leaving its files to be checked."""
        _parsed_manifests.pop(self._manifest_path(name), None)
        for path in (self._manifest_path(name), self._dirty_path(name)):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # read-only: the next build finds it damaged again and checks the files again

    def discard(self, name: str) -> None:
        """Remove tree `name` and its records: a failed build's files must not keep the space they took."""
        self.forget(name)
        shutil.rmtree(self.tree(name), ignore_errors=True)

    def write_manifest(self, name: str, manifest: Manifest) -> None:
        lines = [f"{MANIFEST_LABEL} {len(manifest)}\n"]
        lines += [f"{path}\t{key or ''}\t{digest}\t{size}\n" for path, (key, digest, size) in sorted(manifest.items())]
        path = self._manifest_path(name)
        write_atomic(path, "".join(lines).encode("utf-8"))
        st = path.stat()
        _parsed_manifests[path] = ((st.st_ino, st.st_mtime_ns, st.st_size), dict(manifest))
        self._dirty_path(name).unlink(missing_ok=True)

    def mark_dirty(self, name: str, paths) -> None:
        """Record which files are about to change, before changing them."""
        previous = self._dirty_path(name).read_text(encoding="utf-8") if self._dirty_path(name).exists() else ""
        write_atomic(self._dirty_path(name), (previous + "".join(f"{p}\n" for p in paths)).encode("utf-8"))

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
        _link_files(self.tree(live_name), tree, live)
        return dict(live)

    def _switch(self, name: str) -> None:
        tmp = self.link.with_name(f".{self.link.name}.link")
        tmp.unlink(missing_ok=True)
        os.symlink(os.path.relpath(self.tree(name), self.link.parent), tmp)
        os.replace(tmp, self.link)

    def switch(self, name: str) -> None:
        """Point output/ at tree `name`, in one atomic rename."""
        self._switch(name)


# A process that builds again and again (the preview server) parses each manifest once; the
# file's inode, time and size tell when another build replaced it.
_parsed_manifests: dict[Path, tuple[tuple, Manifest]] = {}


def _parse_manifest(text: str) -> Manifest:
    """The manifest's lines; ValueError for anything else: junk, a file cut short, another version's."""
    header, _, body = text.partition("\n")
    label, _, count = header.rpartition(" ")
    if label != MANIFEST_LABEL:
        raise ValueError("not this version's manifest")
    manifest: Manifest = {}
    for line in body.splitlines():
        path, key, digest, size = line.split("\t")
        manifest[path] = (key or None, digest, int(size))
    if len(manifest) != int(count) or not text.endswith("\n"):
        raise ValueError("cut short")
    return manifest


class _Writer:
    """Writes files into one tree, making each folder once."""

    def __init__(self, root: Path, known: Manifest):
        self.root = root
        self.known = known
        self.made: set[str] = set()

    def write(self, path: str, body: bytes) -> None:
        parts = safe_parts(path)
        folder = os.path.join(self.root, *parts[:-1])
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        target = os.path.join(folder, parts[-1])
        # Unlink first: the file may be a hard link shared with the live tree.
        if path in self.known:
            try:
                os.unlink(target)
            except FileNotFoundError:
                pass
        try:
            with open(target, "wb") as f:
                f.write(body)
        except OSError as exc:  # a failed write does not say which file it was writing
            raise OSError(exc.errno, exc.strerror, target) from None


_safe_paths: set[str] = set()  # checked once per process: the same pages come back every build


def checked_before(paths) -> None:
    """Paths a build checked when it wrote them (they are in its manifest): not checked again."""
    _safe_paths.update(paths)


def _check_paths(jobs: list[PageJob], before: set[str] = frozenset()) -> set[str]:
    """The jobs' paths, checked to be safe and to be neither repeated nor among `before`."""
    seen: set[str] = set()
    for job in jobs:
        if job.path not in _safe_paths:
            safe_parts(job.path)
            _safe_paths.add(job.path)
        if job.path in seen or job.path in before:
            raise ValueError(f"two pages were rendered to {job.path}")
        seen.add(job.path)
    return seen


def _write_rendered(render: Render, todo: list[PageJob], cheap: dict[str, bytes], tree: Path, known: Manifest,
                    report: BuildReport, progress: Callable[[int, int], None] | None = None,
                    more: Callable[[], tuple[list[PageJob], dict[str, bytes]]] | None = None) -> Manifest:
    """Render what must be rendered and write what differs from `known`; then the same for the
    (todo, cheap) that `more()` gives, if given."""
    writer = _Writer(tree, known)
    made: Manifest = {}

    def chunks():
        yield from render([j for j in todo if j.key is not None], known, True)
        # The rest is made in this process: bytes at hand, or the search files, made already.
        yield from render([PageJob(p, None, lambda b=body: b) for p, body in cheap.items()], known, False)
        if more is not None:
            late_todo, late_cheap = more()
            yield from render([j for j in late_todo if j.key is not None], known, False)
            yield from render([PageJob(p, None, lambda b=body: b) for p, body in late_cheap.items()], known, False)

    for chunk in chunks():
        for path, key, digest, size, body in chunk:
            made[path] = (key, digest, size)
            if body is not None:
                writer.write(path, body)
                report.written += 1
        if progress:
            progress(len(made), len(todo))
    return made


def _link_unchanged(paths: set[str], live_tree: Path, live: Manifest, tree: Path, relink: set[str],
                    made: Manifest) -> None:
    """Pages whose inputs did not change: the live tree has their bytes, shared as hard links
    (linked again where the spare tree's file is not the live one, `relink`)."""
    made.update(zip(paths, map(live.__getitem__, paths)))
    for path in sorted(relink.intersection(paths)):
        destination = tree.joinpath(*path.split("/"))
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.unlink(missing_ok=True)
        os.link(live_tree.joinpath(*path.split("/")), destination)


def update_output(jobs: list[PageJob], output_dir: Path, render: Render, report: BuildReport,
                  progress: Callable[[int, int], None] | None = None,
                  late: Callable[[], list[PageJob]] | None = None) -> None:
    """Bring output/ up to date with `jobs`, rendering and writing as little as possible, and count
    in `report` what was rendered, written and deleted.

    `render` makes the bytes of the jobs whose key changed. `late()` gives more jobs whose inputs
    are still being made (the search index): it is called once `jobs` are rendered, so that those
    inputs are made while they render. `progress(done, total)` is called as rendered pages come in.
    """
    seen = _check_paths(jobs)
    trees = OutputTrees(output_dir)
    with trees.lock():
        live_name = trees.live_name()
        live = (trees.read_manifest(live_name) if live_name else None) or {}

        def to_do(jobs: list[PageJob]) -> tuple[list[PageJob], dict[str, bytes]]:
            todo = [j for j in jobs if j.key is None or live.get(j.path, (None,))[0] != j.key]
            return todo, {j.path: j.make() for j in todo if j.key is None}

        if late is not None and all(j.key is None or live.get(j.path, (None,))[0] == j.key for j in jobs):
            late_jobs, late = late(), None  # nothing to render meanwhile
            seen.update(_check_paths(late_jobs, seen))
            jobs = jobs + late_jobs
        todo, cheap = to_do(jobs)
        if live_name and not all(trees.tree(live_name).joinpath(*p.split("/")).exists() for p in cheap if p in live):
            # Files deleted by hand ('rm -rf output/'): the manifest no longer says what the tree holds.
            # The few cheap files (sitemap, robots.txt, static files) are looked at as a sample.
            note(f"{output_dir.name}/ lost files since the last build; every file is written again")
            trees.forget(live_name)
            live = {}
            todo, cheap = to_do(jobs)
        if live_name and late is None and len(todo) == len(cheap) and seen == set(live) and all(
                live[path][1] == content_hash(body) for path, body in cheap.items()):
            _summarise(report, live, rendered=len(cheap))  # nothing changed: output stays as it is
            return
        name = TREES[1] if live_name == TREES[0] else TREES[0]
        check_room(trees.home, todo, cheap, live)
        try:
            known = trees.prepare(name, live_name, live)

            # The files of the spare tree that are not the live tree's: compared as whole entries, in one
            # pass of C rather than 130,000 lookups (an entry that differs only in its key is linked again).
            relink = {path for path, _ in live.items() - known.items()}

            def touched(todo: list[PageJob], seen: set[str]) -> list[str]:
                """What may change in the spare tree: marked before it does, for a build that is killed."""
                return [j.path for j in todo] + sorted(relink.intersection(seen))

            def more() -> tuple[list[PageJob], dict[str, bytes]]:
                late_jobs = late()
                seen.update(_check_paths(late_jobs, seen))
                late_todo, late_cheap = to_do(late_jobs)
                trees.mark_dirty(name, touched(late_todo, {j.path for j in late_jobs}))
                return late_todo, late_cheap

            trees.mark_dirty(name, touched(todo, seen))
            tree = trees.tree(name)
            made = _write_rendered(render, todo, cheap, tree, known, report, progress, more if late else None)
            rendered = len(made)
            stale = sorted(set(known) - seen)
            trees.mark_dirty(name, stale)
            if live_name:
                _link_unchanged(seen - made.keys(), trees.tree(live_name), live, tree, relink, made)
            for path in stale:
                tree.joinpath(*path.split("/")).unlink(missing_ok=True)
            report.deleted = len(stale)
            _remove_empty_dirs(tree, stale)
            trees.write_manifest(name, made)
            trees.switch(name)
            _summarise(report, made, rendered)
        except OSError as exc:
            # The spare tree's new files would keep the space they took, and a retry would fail sooner.
            trees.discard(name)
            if isinstance(exc, FileNotFoundError) and live_name:
                trees.forget(live_name)  # it lost files: the next build writes every file afresh
            raise


def prepare_spare(output_dir: Path) -> None:
    """Make the tree the next build will update now, not during that build.

    After a first build only one tree exists, and the next build starts by hard-linking every
    file into the second one. A preview server does that before it serves, so the first save
    after starting it is as quick as the others.
    """
    trees = OutputTrees(output_dir)
    with trees.lock():
        live_name = trees.live_name()
        spare = TREES[1] if live_name == TREES[0] else TREES[0]
        if live_name is None or trees.tree(spare).exists():
            return
        live = trees.read_manifest(live_name) or {}
        trees.write_manifest(spare, trees.prepare(spare, live_name, live))


def _link_files(source: Path, tree: Path, paths) -> None:
    """Hard links in `tree` to the files `paths` of `source`: a copy that costs no space."""
    made = {tree}
    for path in paths:
        target = tree.joinpath(*path.split("/"))
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        os.link(source.joinpath(*path.split("/")), target)


def seed_from(output_dir: Path, source_dir: Path) -> bool:
    """Start output_dir, which has no tree yet, as hard links of source_dir's live tree and its
    manifest, so that its first build writes only the pages that differ (a preview started on a
    site built before: at a million articles a whole build takes minutes). False when there is
    nothing to start from or the two cannot share files (another file system)."""
    trees, source = OutputTrees(output_dir), OutputTrees(source_dir)
    with trees.lock():
        if trees.live_name() is not None or any(trees.tree(name).exists() for name in TREES):
            return False
        with source.lock():
            source_name = source.live_name() if source_dir.is_symlink() else None
            manifest = source.read_manifest(source_name) if source_name else None
            if not manifest:
                return False
            name = TREES[0]
            try:
                trees.tree(name).mkdir(parents=True)
                _link_files(source.tree(source_name), trees.tree(name), manifest)
            except OSError:
                trees.discard(name)
                return False
        trees.write_manifest(name, manifest)
        trees.switch(name)
    return True


def _remove_empty_dirs(tree: Path, removed: list[str]) -> None:
    for folder in sorted({tree.joinpath(*p.split("/")[:-1]) for p in removed if "/" in p}, key=lambda d: -len(d.parts)):
        while folder != tree:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


def _summarise(report: BuildReport, manifest: Manifest, rendered: int) -> None:
    report.pages = len(manifest)
    report.bytes = sum(size for _, _, size in manifest.values())
    report.rendered = rendered
