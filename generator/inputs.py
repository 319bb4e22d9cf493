"""Everything a build reads, summed up, so that a build whose inputs are those of the last
successful one can say so without reading them.

A build reads site.yaml, content/, the site's templates and strings, the default theme, its own
code and the libraries it renders with; it also depends on the clock (an article dated ahead is
published when its time comes) and on output/ still holding what the last build wrote. The
signature of the files is their size and modification time, taken with one `stat` each: at
100,000 articles that is a fraction of a second, where reading and organising them all takes
several.

The article files' signatures are kept one per line (a few MB at 100,000 articles, read as one
string), so that a build whose only changes are article files can name them (`article_changes`)
and bring the last build's site up to date for those alone (site_state.py).
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
    files: Signatures  # in memory only: what is kept is `articles` and `rest`
    output: tuple | None
    samples: list[str] = field(default_factory=list)  # files of output/ looked at to see it is still whole (as writer.update_output does)
    due: datetime | None = None
    report: BuildReport | None = None
    articles: bytes = b""  # the article files' signatures: sorted lines "path in content/articles\tsize\ttime"
    rest: str = ""  # the digest of every other file's signature
    state: tuple | None = None  # the site state the build left (site_state.py), as its mark() gave it


def _split(files: Signatures, articles_dir: str) -> tuple[str, bytes]:
    """(digest of the files but the articles, the articles' signature lines)."""
    prefix = articles_dir + os.sep
    lines, rest = [], []
    for path, (size, mtime) in files.items():
        # As content/articles.py finds them: Markdown files, none hidden (an editor's ".#x.md").
        if path.startswith(prefix) and path.endswith(".md") and os.sep + "." not in path[len(prefix) - 1:]:
            lines.append(f"{path[len(prefix):]}\t{size}\t{mtime}")
        else:
            rest.append((path, size, mtime))
    # Sorted, since a folder lists its files in no fixed order; one digest, not the 100,000 entries,
    # is what .cache/ keeps of the other files (loading those took longer than looking at them).
    lines.sort()
    rest.sort()
    return fingerprint(rest), "\n".join(lines).encode("utf-8")


def _articles_dir(site_root: Path) -> str:
    # As _scan names the files: below content/ resolved.
    articles = SitePaths.of(site_root).articles
    return str(articles.parent.resolve() / articles.name)


def current_stamp(site_root: Path, output_dir: Path, overrides: dict, drafts: bool, future: bool) -> Stamp:
    settings = (str(output_dir.absolute()), sorted(overrides.items()), drafts, future, _libraries())
    files = read_signatures(site_root)
    rest, articles = _split(files, _articles_dir(site_root))
    return Stamp(settings, files, OutputTrees(output_dir).signature(), articles=articles, rest=rest)


def last_stamp(site_root: Path) -> Stamp | None:
    """What the last successful build kept of its inputs (`remember`)."""
    last = Memo(site_root, "inputs").get(STAMP_KEY)
    return last if isinstance(last, Stamp) and last.report is not None else None


def _same_site(last: Stamp | None, stamp: Stamp, now: datetime) -> bool:
    """The settings and output/ are as the last build left them, and no article has become due since."""
    if (last is None or last.settings != stamp.settings or last.output != stamp.output
            or (last.due is not None and last.due <= now)):
        return False
    output = Path(stamp.settings[0])
    # Files deleted by hand from output/: the tree no longer holds what its manifest says.
    return all(output.joinpath(*p.split("/")).exists() for p in last.samples)


def unchanged_report(last: Stamp | None, stamp: Stamp, now: datetime) -> BuildReport | None:
    """The last build's report when nothing it read has changed since and output/ is as it left it;
    None when the build has work to do."""
    if not _same_site(last, stamp, now) or last.rest != stamp.rest or last.articles != stamp.articles:
        return None
    return replace(last.report, rendered=0, written=0, deleted=0, stages={}, repeats=frozenset())


def article_changes(last: Stamp | None, stamp: Stamp, now: datetime) -> set[str] | None:
    """The article files (paths in content/articles) added, edited or removed since the last build,
    when nothing else it read has changed; None when something else has (a full build)."""
    if not _same_site(last, stamp, now) or last.rest != stamp.rest or last.state is None:
        return None
    before, after = set(last.articles.split(b"\n")), set(stamp.articles.split(b"\n"))
    return {line.split(b"\t", 1)[0].decode("utf-8") for line in before ^ after if line}


def remember(site_root: Path, before: Stamp, report: BuildReport, due: datetime | None, samples: list[str],
             wrote: set[Path], imported: bool, state: tuple | None = None) -> None:
    """Keep the stamp of a successful build: the files as they were before it read them (one saved
    during the build differs from it, and the next build reads it), those it `wrote` itself (the URL
    record) as they are now. A build that imported raw files keeps none: the next one reads all."""
    memo = Memo(site_root, "inputs")
    output = OutputTrees(Path(before.settings[0])).signature()
    if imported or output is None:
        memo.put(STAMP_KEY, None)
        return
    rest, articles = before.rest, before.articles
    if wrote:  # else the signatures are those taken before the build (at 100,000 articles, a third of a second)
        files = dict(before.files)
        for path in wrote:
            st = path.stat()
            files[str(path.resolve())] = (st.st_size, st.st_mtime_ns)
        rest, articles = _split(files, _articles_dir(site_root))
    memo.put(STAMP_KEY, replace(before, files={}, rest=rest, articles=articles, output=output,
                                due=due, report=replace(report, stages={}), samples=samples, state=state))
