"""Everything a build reads, summed up, so that a build whose inputs are those of the last
successful one can say so without reading them.

A build reads site.yaml, content/, the site's templates and strings, the default theme, its own
code and the libraries it renders with; it also depends on the clock (an article dated ahead is
published when its time comes) and on output/ still holding what the last build wrote. The
signature of the files is their size and modification time, taken with one `stat` each: at
100,000 articles that is a fraction of a second, where reading and organising them all takes
several.
"""

import os
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime
from importlib import metadata
from pathlib import Path

from generator.core.cache import Memo, fingerprint
from generator.core.model import BuildReport
from generator.core.paths import SitePaths
from generator.output.writer import OutputTrees
from generator.render.theme import theme_dir

STAMP_KEY = "1"
# Folders of a site that hold no input: what builds, previews and version control keep there.
NOT_INPUT = {"output", ".output", ".cache", ".git", "__pycache__", "node_modules", ".venv"}

Signatures = dict[str, tuple[int, int]]  # file path → (size, modification time in ns)


def _scan(folder: Path, into: Signatures) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.name in NOT_INPUT:
            continue
        if entry.is_dir(follow_symlinks=True):
            _scan(Path(entry.path), into)
        else:
            try:
                st = entry.stat()
            except FileNotFoundError:  # removed while looked at: the next build sees it gone
                continue
            into[entry.path] = (st.st_size, st.st_mtime_ns)


def _libraries() -> tuple:
    """The versions of what the build renders, parses and stems with: an upgrade may change pages."""
    try:
        wanted = metadata.requires("newsarchive") or []
    except metadata.PackageNotFoundError:  # run from a checkout without installing it
        return (sys.version,)
    names = sorted({r.split(";")[0].split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip() for r in wanted})
    versions = []
    for name in names:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, None))
    return (sys.version, metadata.version("newsarchive"), tuple(versions))


def read_signatures(site_root: Path) -> Signatures:
    """The signature of every file a build of `site_root` may read."""
    paths = SitePaths.of(site_root)
    found: Signatures = {}
    try:
        st = paths.config.stat()
        found[str(paths.config)] = (st.st_size, st.st_mtime_ns)
    except FileNotFoundError:
        pass
    package = Path(__file__).resolve().parent
    # content/ whole: the articles, raw files and what the importer and the URL record keep there.
    for folder in dict.fromkeys(p.resolve() for p in (paths.articles.parent, paths.templates, paths.i18n,
                                                      theme_dir(), package)):
        _scan(folder, found)
    return found


@dataclass
class Stamp:
    """What the last successful build read and made: its settings, the files' signatures, when
    the first article it left for later becomes due, and its report."""

    settings: tuple
    files: Signatures  # in memory only: what is kept is their digest
    output: tuple | None
    samples: list[str] = field(default_factory=list)  # files of output/ looked at to see it is still whole (as writer.update_output does)
    due: datetime | None = None
    report: BuildReport | None = None
    digest: str = ""


def _digest(files: Signatures) -> str:
    # Sorted, since a folder lists its files in no fixed order; one digest, not the 100,000 entries,
    # is what .cache/ keeps (loading those took longer than looking at the files).
    return fingerprint(sorted(files.items()))


def current_stamp(site_root: Path, output_dir: Path, overrides: dict, drafts: bool, future: bool) -> Stamp:
    settings = (str(output_dir.absolute()), sorted(overrides.items()), drafts, future, _libraries())
    files = read_signatures(site_root)
    return Stamp(settings, files, OutputTrees(output_dir).signature(), digest=_digest(files))


def unchanged_report(site_root: Path, stamp: Stamp, now: datetime) -> BuildReport | None:
    """The last build's report when nothing it read has changed since and output/ is as it left it;
    None when the build has work to do."""
    last: Stamp | None = Memo(site_root, "inputs").get(STAMP_KEY)
    if (last is None or last.report is None or last.settings != stamp.settings or last.output != stamp.output
            or last.digest != stamp.digest or (last.due is not None and last.due <= now)):
        return None
    output = Path(stamp.settings[0])
    # Files deleted by hand from output/: the tree no longer holds what its manifest says.
    if not all(output.joinpath(*p.split("/")).exists() for p in last.samples):
        return None
    return replace(last.report, rendered=0, written=0, deleted=0, stages={}, repeats=frozenset())


def remember(site_root: Path, before: Stamp, report: BuildReport, due: datetime | None, samples: list[str],
             wrote: set[Path], imported: bool) -> None:
    """Keep the stamp of a successful build: the files as they were before it read them (one saved
    during the build differs from it, and the next build reads it), those it `wrote` itself (the URL
    record) as they are now. A build that imported raw files keeps none: the next one reads all."""
    memo = Memo(site_root, "inputs")
    output = OutputTrees(Path(before.settings[0])).signature()
    if imported or output is None:
        memo.put(STAMP_KEY, None)
        return
    digest = before.digest
    if wrote:  # else the digest is the one taken before the build (at 100,000 articles, a third of a second)
        files = dict(before.files)
        for path in wrote:
            st = path.stat()
            files[str(path.resolve())] = (st.st_size, st.st_mtime_ns)
        digest = _digest(files)
    memo.put(STAMP_KEY, replace(before, files={}, digest=digest, output=output, due=due,
                                report=replace(report, stages={}),
                                samples=samples))
