"""A site kept in memory between rebuilds, for the preview server: each save redoes only what it touched.

`build_site` starts from disk every time (config, parse cache, related-articles memo). A preview
server rebuilds after every save, so it keeps all of that in memory and is told by the file
watcher which files changed: an edited article is re-read alone, a template edit re-renders only
the pages using it, a stylesheet is copied without rendering anything. The output is the same as
`build_site`'s, since the pages are made by the same stages.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.organise.archive import TERM_NAMES, build_archive, with_contents
from generator.site import (OUTPUT_DIR, extra_jobs, parse_key, Stages, without_cycle_collection,
                    import_raw, write_jobs)
from generator.core.cache import ArticleCache, Memo, package_fingerprint
from generator.core.config import CONFIG_NAME, SiteConfig, load_config
from generator.content.articles import ARTICLES_DIR, parse_files, load_articles
from generator.core.errors import BuildFailed, SiteError
from generator.ingest.raw_files import RAW_DIR
from generator.core.model import Article, BuildReport
from generator.output.writer import PageJob
from generator.render.pages import TERM_KINDS, Renderer
from generator.search.stage import current_state, jobs_from_state, terms_of
from generator.search.update import IndexState
from generator.core.slug import term_slug

TEMPLATES_DIR = "templates"
_TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


@dataclass
class Changes:
    """What the watcher saw, sorted by what it costs to rebuild."""

    articles: set[Path] = field(default_factory=set)  # files and folders added, edited or removed
    templates: bool = False
    static: set[Path] = field(default_factory=set)  # the theme's static/ files: copied, nothing rendered
    raw: bool = False  # scraped files to import; the articles they give arrive as changes of their own
    config: bool = False  # site.yaml, or anything unknown: a full build

    def __bool__(self) -> bool:
        return bool(self.articles or self.static) or self.templates or self.config or self.raw

    def describe(self) -> str:
        if self.config:
            return "site changed"
        parts = [f"{len(self.articles)} article(s)"] if self.articles else []
        parts += ["templates"] * self.templates + ["static files"] * bool(self.static) + ["raw files"] * self.raw
        return ", ".join(parts) + " changed" if parts else "search files"


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
        elif parts[0] == TEMPLATES_DIR and len(parts) > 1:
            if parts[1] == "static":
                changes.static.add(site_root.joinpath(*parts))
            elif parts[-1].endswith(_TEMPLATE_SUFFIXES):
                changes.templates = True
    return changes


def _placement(article: Article) -> tuple:
    """What decides where an article appears (URL, order, groups, sitemap date), unlike what it says."""
    return (article.path, article.explicit_slug, article.date.isoformat(), article.updated and article.updated.isoformat(),
            article.tags, article.locations, article.source, article.extra.get("translation_key"))


def pages_showing(renderer: Renderer, edited: list[Article]) -> Iterator[PageJob]:
    """Every page that shows or links one of the `edited` articles, when their placement is unchanged."""
    archive = renderer.archive
    paths = {a.path for a in edited}
    # An article page shows up to related_items others of its source, skipping as many related ones.
    linked = paths | archive.linking_to(paths, same_source=2 * renderer.config.related_items)
    linked |= {t.path for a in edited for t in archive.translations(a)}
    yield from (renderer.article(a) for a in archive.articles if a.path in linked)
    yield from renderer.home(showing=paths)
    months = {(a.date.year, a.date.month) for a in edited}
    yield from (renderer.month_at(i) for i, m in enumerate(archive.months) if (m.year, m.month) in months)
    for kind in TERM_KINDS:
        slugs = {term_slug(name) for a in edited for name in TERM_NAMES[kind](a)}
        for term in archive.terms[kind]:
            if term.slug in slugs:
                yield from renderer.term_pages(kind, term, showing=paths)
    yield renderer.home_feed()


class _MemoryMemo:
    """The related-articles table kept in memory, and in .cache/ for the next build (see cache.Memo)."""

    def __init__(self, site_root: Path):
        self.disk = Memo(site_root, "related")
        self.key, self.value = None, None

    def get(self, key: str):
        if self.key is None:  # the server's first build: what the last build left in .cache/
            self.key, self.value = key, self.disk.get(key)
        return self.value if key == self.key else None

    def put(self, key: str, value) -> None:
        self.key, self.value = key, value
        self.disk.put(key, value)


class PreviewSite:
    """The parsed articles, archive and page jobs of one site, updated file by file."""

    def __init__(self, site_root: Path, output_dir: Path | None = None):
        self.site_root = site_root
        self.output_dir = output_dir or site_root / OUTPUT_DIR
        self.config: SiteConfig | None = None
        self.articles: dict[str, Article] = {}  # as parsed, by source path
        self.broken: dict[str, SiteError] = {}  # article files that do not parse, by source path
        self.related = _MemoryMemo(site_root)
        self.renderer: Renderer | None = None  # holds the archive output/ was last built from
        self.pages: list[PageJob] = []  # every page rendered from a template
        self.search: list[PageJob] = []  # the search page and index files
        self.index: IndexState | None = None  # the search index output/ holds
        self.shards: dict = {}  # its files, for search_files to reuse
        self.search_stale = False  # an edit was built without re-indexing
        self.where: dict[str, int] = {}  # page path → its place in self.pages
        self.extra: list[PageJob] = []  # sitemap, robots.txt, static files
        self.in_sync = False  # the last rebuild succeeded: output/ matches self.renderer

    def rebuild(self, changes: Changes | None = None, search: bool = True) -> BuildReport:
        """Bring output/ up to date after `changes` (None: everything); BuildFailed leaves it as it was.

        With `search` False an article edit that the index cannot simply take in (one that moves
        the archive-wide norms) leaves the search files as they were until `refresh_search`, since
        re-indexing the archive takes seconds; every other page is up to date at once.
        """
        with without_cycle_collection():
            report = BuildReport()
            stages = Stages(report)
            full = changes is None or changes.config or self.config is None
            was_in_sync, self.in_sync = self.in_sync, False
            before = {}
            if full:
                self._load_all(report, stages)
            else:
                if changes.raw:
                    import_raw(self.site_root, self.config, report, stages)
                before = self._reload(changes.articles)
            stages.done("parse", f"{len(self.articles)} articles")
            if self.broken:
                raise BuildFailed(sorted(self.broken.values(), key=lambda e: str(e.path)))
            organised = True
            if full or changes.templates or not was_in_sync:
                # After a failure nothing built before is trusted, templates included.
                self._organise(new_templates=True, same_articles=not full and was_in_sync and not before)
            elif before:
                if not self._replace_contents(before):
                    self._organise(new_templates=False, same_articles=False)
                elif not search:
                    # An edit in place updates the index in a moment; more waits for refresh_search.
                    organised, self.search_stale = False, not self._update_search()
            else:
                organised = False
            stages.done("organise", f"{len(self.pages)} pages")
            if organised or (search and self.search_stale):
                self.search, self.search_stale = self._search_jobs(), False
                stages.done("search", f"{len(self.search)} files")
            if organised or changes.static:
                # Static files are read when written, so an edit needs no new job; an added file does.
                self.extra = extra_jobs(self.renderer, self.pages + self.search, self.site_root)
            report.articles = len(self.renderer.archive.articles)
            report.warnings.extend(self.renderer.archive.warnings)
            write_jobs(self.pages + self.search + self.extra, self.output_dir, report, stages)
            self.in_sync = True
            return report

    def refresh_search(self) -> BuildReport | None:
        """Re-index after edits built with search=False; None when the search files are current."""
        return self.rebuild(Changes(), search=True) if self.search_stale and self.in_sync else None

    def _update_search(self) -> bool:
        if self.index is None or not self.index.update(self.renderer.archive, terms_of):
            return False
        self.search = jobs_from_state(self.renderer, self.index, self.shards)
        return True

    def _search_jobs(self) -> list[PageJob]:
        """The search files: the index updated for edited articles, or made afresh."""
        self.index = current_state(self.index, self.renderer.archive)
        return jobs_from_state(self.renderer, self.index, self.shards)

    def _load_all(self, report: BuildReport, stages: Stages) -> None:
        self.config = None  # until this succeeds, every rebuild starts from the top
        config = load_config(self.site_root)
        import_raw(self.site_root, config, report, stages)
        cache = ArticleCache.load(self.site_root, parse_key(config))
        articles, errors = load_articles(self.site_root, config, cache)
        cache.save()
        self.articles = {a.source_path: a for a in articles}
        self.broken = {str(e.path): e for e in errors}
        self.config = config

    def _reload(self, paths: set[Path]) -> dict[str, Article | None]:
        """Parse the changed article files again, dropping those gone; returns what each was before."""
        files = {f for p in paths for f in ([p] if not p.is_dir() else p.rglob("*.md"))}
        present = [(p, p.relative_to(self.site_root)) for p in sorted(files) if p.suffix == ".md" and p.is_file()]
        gone = [p.relative_to(self.site_root).as_posix() for p in files - {p for p, _ in present}]
        # A path that is gone may have been a folder of articles (moved away): all below it go too.
        gone_keys = [k for k in self.articles.keys() | self.broken.keys()
                     if any(k == g or k.startswith(g + "/") for g in gone)]
        before = {k: self.articles.get(k) for k in gone_keys + [shown.as_posix() for _, shown in present]}
        for key in gone_keys:
            self.articles.pop(key, None)
            self.broken.pop(key, None)
        for (_, shown), result in zip(present, parse_files(present, self.config)):
            key = shown.as_posix()
            if isinstance(result, SiteError):
                self.broken[key] = result
                self.articles.pop(key, None)
            else:
                self.articles[key] = result
                self.broken.pop(key, None)
        return before

    def _organise(self, new_templates: bool, same_articles: bool) -> None:
        if same_articles:
            archive = self.renderer.archive
        else:
            articles = [self.articles[k] for k in sorted(self.articles)]
            archive = build_archive(articles, self.config.related_items, self.related)
        if new_templates:
            self.renderer = Renderer(self.site_root, self.config, archive, package_fingerprint())
        self.renderer.archive = archive
        self.pages = list(self.renderer.jobs())
        self.where = {job.path: i for i, job in enumerate(self.pages)}

    def _replace_contents(self, before: dict[str, Article | None]) -> bool:
        """Edits that leave every URL, date and grouping as it was: only the pages showing the edited
        articles get new jobs. False when an edit is more than that (the caller organises afresh)."""
        archive = self.renderer.archive
        resolved = {a.source_path: a for a in archive.articles if a.source_path in before}
        edited = {}
        for key, old in before.items():
            new = self.articles.get(key)
            if old is None or new is None or key not in resolved or _placement(old) != _placement(new):
                return False
            # Keep the slug the archive gave it (a clash with another article's gets a suffix).
            edited[resolved[key].path] = replace(new, slug=resolved[key].slug)
        self.renderer.archive = archive = with_contents(archive, edited)
        for job in pages_showing(self.renderer, list(edited.values())):
            self.pages[self.where[job.path]] = job
        return True
