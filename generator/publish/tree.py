"""The publishing branch's next tree: every file of output/, plus the two files GitHub Pages reads."""

import os
from collections.abc import Callable
from pathlib import Path

from generator.output.writer import OutputTrees
from generator.publish.git import blob_id
from generator.publish.record import Stat, file_stat

# GitHub Pages runs Jekyll on a branch without it, which drops files and folders starting with "_".
NOJEKYLL = ".nojekyll"
CNAME = "CNAME"


def output_files(output_dir: Path) -> dict[str, tuple[str, Stat]]:
    """Every file under output/, by its site path with '/' separators, in a stable order, with
    where it is and its stat.

    When output/ is a build's, its manifest names the files: an archive's articles each have a
    folder, and reading 100,000 folders costs seconds where looking up the files does not.
    """
    root = str(output_dir.resolve())
    listed = build_manifest(output_dir)
    if listed is not None:
        found = {}
        for path in sorted(listed):
            where = os.path.join(root, *path.split("/"))
            try:
                found[path] = (where, file_stat(os.stat(where)))
            except FileNotFoundError:
                return _walk(root)  # deleted by hand: the manifest no longer says what is there
        return found
    return _walk(root)


def build_manifest(output_dir: Path) -> list[str] | None:
    """The paths the build's manifest lists for the tree output/ points to, or None without one."""
    if not output_dir.is_symlink():
        return None
    trees = OutputTrees(output_dir)
    live = trees.live_name()
    manifest = trees.read_manifest(live) if live else None
    return list(manifest) if manifest else None


def _walk(root: str) -> dict[str, tuple[str, Stat]]:
    found: dict[str, tuple[str, Stat]] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    found[prefix + entry.name] = (entry.path, file_stat(entry.stat()))

    walk(root, "")
    return found


def new_tree(files: dict[str, tuple[str, Stat]], previous: dict[str, str], known: dict[str, Stat],
             cname: str, algorithm: str, store: Callable[[str, bytes], None]) -> dict[str, str]:
    """The branch's next tree as {path: blob id}. A file whose stat is the one `known` holds for it
    keeps its blob id in `previous` unread; every other file is read once and handed to `store`
    with its id.

    Beside output/: .nojekyll always; CNAME from --cname, else output/CNAME, else kept from the
    branch, since GitHub commits one there when a custom domain is set in the repository's
    settings, and a publish that dropped it would take the site offline.
    """
    sources: dict[str, tuple[str, Stat] | bytes] = dict(files)
    sources.setdefault(NOJEKYLL, b"")
    if cname:
        sources[CNAME] = f"{cname}\n".encode("ascii")
    tree = {}
    for path, source in sources.items():
        if isinstance(source, tuple) and path in previous and known.get(path) == source[1]:
            tree[path] = previous[path]
            continue
        if isinstance(source, bytes):
            data = source
        else:
            with open(source[0], "rb") as handle:
                data = handle.read()
        tree[path] = blob = blob_id(data, algorithm)
        store(blob, data)
    if CNAME not in tree and CNAME in previous:
        tree[CNAME] = previous[CNAME]
    return dict(sorted(tree.items()))
