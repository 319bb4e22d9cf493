"""A site kept in memory between rebuilds, for the preview server: each save redoes only what it touched.

`build_site` starts from disk every time (config, parse cache, related-articles memo). A preview
server rebuilds after every save, so it keeps all of that in memory and is told by the file
watcher which files changed: an edited article is re-read alone, a template edit re-renders only
the pages using it, a stylesheet is copied without rendering anything. The output is the same as
`build_site`'s, since the pages are made by the same stages.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .archive import build_archive
from .build import OUTPUT_DIR, _extra_jobs, _generator_key, _parse_key, _Stages, _without_cycle_collection, write_jobs
from .cache import ArticleCache
from .config import CONFIG_NAME, SiteConfig, load_config
from .content import ARTICLES_DIR, _parse_files, load_articles
from .errors import BuildFailed, SiteError
from .model import Article, BuildReport
from .output import PageJob
from .render import Renderer

TEMPLATES_DIR = "templates"
_TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


@dataclass
class Changes:
    """What the watcher saw, sorted by what it costs to rebuild."""

    articles: set[Path] = field(default_factory=set)  # files and folders added, edited or removed
    templates: bool = False
    static: set[Path] = field(default_factory=set)  # the theme's static/ files: copied, nothing rendered
    config: bool = False  # site.yaml, or anything unknown: a full build

    def __bool__(self) -> bool:
        return bool(self.articles or self.static) or self.templates or self.config

    def describe(self) -> str:
        if self.config:
            return "site changed"
        parts = [f"{len(self.articles)} article(s)"] if self.articles else []
        parts += ["templates"] * self.templates + ["static files"] * bool(self.static)
        return ", ".join(parts) + " changed"


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
        elif parts[:len(ARTICLES_DIR.parts)] == ARTICLES_DIR.parts:
            changes.articles.add(site_root.joinpath(*parts))  # a file, or a folder moved in or out
        elif parts[0] == TEMPLATES_DIR and len(parts) > 1:
            if parts[1] == "static":
                changes.static.add(site_root.joinpath(*parts))
            elif parts[-1].endswith(_TEMPLATE_SUFFIXES):
                changes.templates = True
    return changes


class _MemoryMemo:
    """The related-articles table, kept in memory rather than in .cache/ (see cache.Memo)."""

    def __init__(self):
        self.key, self.value = None, None

    def get(self, key: str):
        return self.value if key == self.key else None

    def put(self, key: str, value) -> None:
        self.key, self.value = key, value


class PreviewSite:
    """The parsed articles, archive and page jobs of one site, updated file by file."""

    def __init__(self, site_root: Path, output_dir: Path | None = None):
        self.site_root = site_root
        self.output_dir = output_dir or site_root / OUTPUT_DIR
        self.config: SiteConfig | None = None
        self.articles: dict[str, Article] = {}  # by source path
        self.broken: dict[str, SiteError] = {}  # article files that do not parse, by source path
        self.related = _MemoryMemo()
        self.renderer: Renderer | None = None
        self.pages: list[PageJob] = []  # every page rendered from a template
        self.jobs: list[PageJob] = []  # the pages, the sitemap and the static files

    def rebuild(self, changes: Changes | None = None) -> BuildReport:
        """Bring output/ up to date after `changes` (None: everything); BuildFailed leaves it as it was."""
        with _without_cycle_collection():
            report = BuildReport()
            stages = _Stages(report)
            if changes is None or changes.config or self.renderer is None:
                self._load_all()
            else:
                self._reload(changes.articles)
            stages.done("parse", f"{len(self.articles)} articles")
            if self.broken:
                raise BuildFailed(sorted(self.broken.values(), key=lambda e: str(e.path)))
            if changes is None or changes.config or changes.articles or changes.templates or self.renderer is None:
                self._organise(templates=changes is None or changes.config or changes.templates)
            if changes is None or changes:
                # Static files are read when written, so an edit needs no new job; an added file does.
                self.jobs = self.pages + _extra_jobs(self.renderer, self.pages, self.site_root)
            report.articles = len(self.renderer.archive.articles)
            report.warnings.extend(self.renderer.archive.warnings)
            stages.done("organise", f"{len(self.jobs)} pages")
            write_jobs(self.jobs, self.output_dir, report, stages)
            return report

    def _load_all(self) -> None:
        self.config = load_config(self.site_root)
        cache = ArticleCache.load(self.site_root, _parse_key(self.config))
        articles, errors = load_articles(self.site_root, self.config, cache)
        cache.save()
        self.articles = {a.source_path: a for a in articles}
        self.broken = {str(e.path): e for e in errors}
        self.renderer = None

    def _reload(self, paths: set[Path]) -> None:
        """Parse the changed article files again; those gone are dropped."""
        files = {f for p in paths for f in ([p] if not p.is_dir() else p.rglob("*.md"))}
        present = [(p, p.relative_to(self.site_root)) for p in sorted(files) if p.suffix == ".md" and p.is_file()]
        gone = [p.relative_to(self.site_root).as_posix() for p in files - {p for p, _ in present}]
        # A path that is gone may have been a folder of articles (moved away): all below it go too.
        for key in [k for k in self.articles.keys() | self.broken.keys()
                    if any(k == g or k.startswith(g + "/") for g in gone)]:
            self.articles.pop(key, None)
            self.broken.pop(key, None)
        for (_, shown), result in zip(present, _parse_files(present, self.config)):
            key = shown.as_posix()
            if isinstance(result, SiteError):
                self.broken[key] = result
                self.articles.pop(key, None)
            else:
                self.articles[key] = result
                self.broken.pop(key, None)

    def _organise(self, templates: bool) -> None:
        articles = [self.articles[k] for k in sorted(self.articles)]
        archive = build_archive(articles, self.config.related_items, self.related)
        if templates or self.renderer is None:
            # Templates are read and fingerprinted again only when one of them changed.
            self.renderer = Renderer(self.site_root, self.config, archive, _generator_key())
        self.renderer.archive = archive
        self.pages = list(self.renderer.jobs())
