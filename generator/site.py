"""The site and its build: the one place that knows the order of the stages.

`Site(root).build()` runs every stage from disk: import new raw files, load the articles,
organise them into an archive, make the page jobs (the search index on the other core
meanwhile), and bring output/ up to date. The preview server keeps one `Site` alive and calls
`build(changes)` after each save: the same stages, each redoing only what the changes touched
(an edited article is re-read alone, a template edit re-renders the pages using it, a stylesheet
is copied without rendering anything). Either way the output is the same.
"""

import gc
import os
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from generator.content.articles import PARSE_CODE, load_articles, parse_files
from generator.core.cache import ArticleCache, Memo, code_fingerprint, file_signature, package_fingerprint
from generator.core.config import SiteConfig, read_config
from generator.core.errors import BuildFailed, SiteError
from generator.core.model import Article, BuildReport, Changes, PageJob, SearchFiles
from generator.core.paths import SitePaths
from generator.ingest.new_raw import import_new_raw
from generator.core.clock import now
from generator.organise.archive import Archive, build_archive, relate_again, resolve_slugs, with_contents
from generator.organise.moved import URLS_FILE, by_identity, present_urls, read_urls, redirects, with_moves, write_urls
from generator.organise.related import RelatedCache
from generator.organise.topics import topic_signature
from generator.organise.visibility import Visibility
from generator.shown import repeated
from generator.output.writer import update_output
from generator.render.pages import Renderer
from generator.render.unchanged import PageRecord, kept_keys
from generator.render.workers import render_jobs
from generator.search.stage import current_state, kept_index_files, start_search, terms_of
from generator.search.update import IndexState

PROGRESS_AFTER = 2.0  # seconds; quicker builds print only their summary line
URLS_SEEN = "1"  # the key of .cache/urls.pickle: its contents never go stale, only grow


class Stages:
    """Times each stage; on a terminal, long builds also say which stage they are in."""

    def __init__(self, report: BuildReport, stream=sys.stderr):
        self.report = report
        self.start = self.last = time.perf_counter()
        self.show = stream.isatty()
        self.stream = stream

    def _visible(self) -> bool:
        return self.show and time.perf_counter() - self.start > float(os.environ.get("NEWSARCHIVE_PROGRESS_AFTER", PROGRESS_AFTER))

    def tick(self, stage: str, done: int, total: int) -> None:
        """Progress inside a long stage, rewritten in place on the terminal line."""
        if self._visible():
            print(f"\r  {stage:<8} {done:>9,}/{total:,}", end="", file=self.stream, flush=True)

    def done(self, stage: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.report.stages[stage] = self.report.stages.get(stage, 0.0) + now - self.last
        self.last = now
        if self._visible():
            print(f"\r  {stage:<8} {self.report.stages[stage]:6.2f}s  {detail}\033[K", file=self.stream, flush=True)


@contextmanager
def without_cycle_collection(after: Callable[[], None] | None = None):
    """The build makes hundreds of thousands of long-lived objects and almost no reference
    cycles; Python's cycle collector would re-scan them all many times (half the time of a
    no-change rebuild at 100,000 articles). Render workers turn it back on.

    `after` runs before the collector is turned back on: a one-off build passes gc.freeze,
    so that the first collection after it does not scan everything the build made (a second at
    100,000 articles) in a process about to end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if after is not None:
                after()
            gc.enable()


def parse_key(config: SiteConfig) -> str:
    # Parsing depends on the code and on the two settings that fill in missing front matter.
    return f"{code_fingerprint(PARSE_CODE)}:{config.timezone}:{config.language}"


def _placement(article: Article) -> tuple:
    """What decides where an article appears (URL, order, groups, sitemap date), unlike what it says.
    Its language too: it decides the search page's language filter and the stemmers the site ships."""
    return (article.path, article.explicit_slug, article.date.isoformat(),
            article.updated and article.updated.isoformat(), article.tags, article.locations, article.source,
            article.lang, article.extra.get("translation_key"), article.draft)


class Site:
    """One site: its paths and settings, parsed articles, archive and page jobs, and the stages
    that turn them into output/. What a build made is kept for the next `build(changes)`."""

    def __init__(self, root: Path, output_dir: Path | None = None, keep_index: bool = False,
                 overrides: dict | None = None, visibility: Visibility | None = None):
        self.paths = SitePaths.of(root, output_dir)
        # Drafts and scheduled articles are left out. The clock is read again for every build: a
        # preview runs for hours (NEWSARCHIVE_NOW fixes it, see core/clock.py).
        self.visibility = visibility or Visibility(now())
        self.overrides = overrides or {}
        self.config: SiteConfig | None = None
        self.articles: dict[str, Article] = {}  # as parsed, by source path
        self.broken: dict[str, SiteError] = {}  # article files that do not parse, by source path
        self.related = RelatedCache(root, keep=keep_index)
        self.urls: dict[str, list[str]] = {}  # content/urls.yaml as last read or written
        self.seen = Memo(root, "urls")  # each article's URL in the last build: how a move is noticed
        self.renderer: Renderer | None = None  # holds the archive output/ was last built from
        self.pages: list[PageJob] = []  # every page rendered from a template
        self.search: list[PageJob] = []  # the search page and index files
        self.extra: list[PageJob] = []  # sitemap, robots.txt, static files
        self.where: dict[str, int] = {}  # page path → its place in self.pages
        self.record = PageRecord(root, self.paths.output)  # what the last build wrote, for the next one
        # A preview keeps the search index in memory, to update it for an edit in a moment;
        # a one-off build keeps it in .cache/ and makes it on the other core.
        self.keep_index = keep_index
        self.index: IndexState | None = None
        self.shards: dict = {}  # the index's files as made last, for search_files to reuse
        self.search_stale = False  # an edit was built without re-indexing
        self.in_sync = False  # the last build succeeded: output/ matches self.renderer
        self.touched: set[str] = set()  # the files this build read afresh: articles, raw files
        self.wrote: set[Path] = set()  # the files in content/ a build wrote itself (the URL record)
        self.imported = False  # raw files were imported: the build wrote articles of its own
        self.next_due = None  # the earliest date after "now" of an article: it is then published, or loses its mark
        self.organised: str | None = None  # what the last build's organise stage did (see organise)
        # The last edit in place: (source paths, the articles as placed by archive path, paths relisted).
        self.last_edit: tuple | None = None
        # The page record as the last build left it, and the output tree it describes (PageRecord.mark).
        self.record_mark: tuple | None = None

    @property
    def root(self) -> Path:
        return self.paths.root

    def build(self, changes: Changes | None = None, search: bool = True) -> BuildReport:
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
            self.touched = set()
            before = self.load(report, stages) if full else self.reload(changes, report, stages)
            # Read after the import, which dates an article without a date by the clock.
            self.visibility = replace(self.visibility, now=now())
            stages.done("parse", f"{len(self.articles)} articles")
            if self.broken:
                raise BuildFailed(self._content_errors(list(self.articles.values()), list(self.broken.values())))
            # An article's time has come since the articles were chosen: chosen again, whatever the save.
            due = self.next_due is not None and self.next_due <= self.visibility.now
            # After a failure nothing built before is trusted, templates included.
            organised = self.organise(full or changes.templates or not was_in_sync,
                                      same_articles=not full and was_in_sync and not before and not due, edited=before,
                                      choose=due)
            index = self.index_search(organised, search)  # on the other core, while the page jobs are made
            if organised == "all":
                self.pages = list(self.renderer.jobs(self._kept_keys()))
                self.where = {job.path: i for i, job in enumerate(self.pages)}
            elif organised == "contents":
                self._replace_jobs()
            stages.done("organise", f"{len(self.pages)} pages")
            archive = self.renderer.archive
            report.articles = len(archive.articles) + len(archive.copies)
            report.warnings.extend(archive.warnings)
            self.organised = organised
            written_over = self.record.output_signature()
            # An edit in place ("contents") leaves the sitemap, robots.txt and static files as they were:
            # what they list (URLs, dates, languages) is what decides that an edit is one.
            self.write(report, stages, self.late_jobs(index, bool(organised == "all" or changes and changes.static),
                                                      stages))
            if organised == "all":
                self.record_mark = self.record.save(self.renderer.archive, self._article_key())
            elif organised == "contents":
                self.record_mark = self.record.note_edits(self.record_mark, written_over, self.renderer.archive,
                                                          *self.last_edit[1:])
            self._mark_repeats(report)
            self.in_sync = True
            return report

    def refresh_search(self) -> BuildReport | None:
        """Re-index after edits built with search=False; None when the search files are current."""
        return self.build(Changes(), search=True) if self.search_stale and self.in_sync else None

    # The stages, in the order build() runs them.

    def load(self, report: BuildReport, stages: Stages) -> dict:
        """Settings, new raw files imported, and every article file parsed (the cache saves most)."""
        self.config = None  # until this succeeds, every build starts from the top
        config, config_errors = read_config(self.root, self.overrides)
        if config_errors:
            # Every article is still read (with the defaults in place of the bad settings) so that
            # one run reports all mistakes; nothing is imported or written with such settings.
            articles, errors = load_articles(self.root, config)
            raise BuildFailed(config_errors + self._content_errors(articles, errors))
        self._import_raw(config, report, stages)
        try:
            self.urls = read_urls(self.root)
        except SiteError as error:
            articles, errors = load_articles(self.root, config)
            raise BuildFailed([error] + sorted(errors, key=lambda e: str(e.path))) from None
        cache = ArticleCache.load(self.root, parse_key(config))
        articles, errors = load_articles(self.root, config, cache)
        cache.save()
        self.touched |= cache.parsed
        self.articles = {a.source_path: a for a in articles}
        self.broken = {str(e.path): e for e in errors}
        self.config = config
        return {}

    def reload(self, changes: Changes, report: BuildReport, stages: Stages) -> dict[str, Article | None]:
        """Raw files imported if they changed, and the changed article files parsed again, those gone
        dropped; returns what each changed article was before."""
        if changes.raw:
            self._import_raw(self.config, report, stages)
        files = {f for p in changes.articles for f in ([p] if not p.is_dir() else p.rglob("*.md"))}
        present = [(p, p.relative_to(self.root)) for p in sorted(files) if p.suffix == ".md" and p.is_file()]
        gone = [p.relative_to(self.root).as_posix() for p in files - {p for p, _ in present}]
        # A path that is gone may have been a folder of articles (moved away): all below it go too.
        gone_keys = [k for k in self.articles.keys() | self.broken.keys()
                     if any(k == g or k.startswith(g + "/") for g in gone)]
        before = {k: self.articles.get(k) for k in gone_keys + [shown.as_posix() for _, shown in present]}
        for key in gone_keys:
            self.articles.pop(key, None)
            self.broken.pop(key, None)
        # Taken before the files are read, as load_articles does: a save meanwhile is read next time.
        signatures = [file_signature(path) for path, _ in present]
        parsed: dict[str, tuple | None] = dict.fromkeys(gone_keys)
        for (_, shown), signature, result in zip(present, signatures, parse_files(present, self.config)):
            key = shown.as_posix()
            self.touched.add(key)
            if isinstance(result, SiteError):
                self.broken[key] = result
                self.articles.pop(key, None)
            else:
                self.articles[key] = result
                self.broken.pop(key, None)
                parsed[key] = (signature, result.content_hash, result)
        # The parse cache learns them too, so that a full build after this one need not parse them again.
        ArticleCache.append(self.root, parse_key(self.config), parsed)
        return before

    def organise(self, new_templates: bool, same_articles: bool, edited: dict, choose: bool = False) -> str | None:
        """The archive: "all" when it is made afresh (its page jobs are to be made), "contents"
        when edits in place changed only the `edited` articles (the pages showing them are to get
        new jobs), None when nothing needed organising. `choose`: the articles shown are chosen again."""
        if not new_templates and not choose:
            if not edited:
                return None
            if self._replace_contents(edited):
                return "contents"
        if same_articles:
            archive = self.renderer.archive
        else:
            articles = self.visibility.select([self.articles[k] for k in sorted(self.articles)])
            self.next_due = min((a.date for a in self.articles.values() if a.date > self.visibility.now), default=None)
            archive = build_archive(articles, self.config.related_items, self.related)
            archive.moved = self._record_urls(archive)
        # The navigation leads to the kinds of term some article has (Renderer.term_kinds): a first
        # location, say, changes every page, as a template would.
        if new_templates or self.renderer.term_kinds != Renderer.kinds_in(archive):
            self.renderer = Renderer(self.root, self.config, archive, package_fingerprint())
        self.renderer.archive = archive
        return "all"

    def index_search(self, organised: str | None, search: bool) -> Callable[[], SearchFiles] | None:
        """The search index brought up to date, or begun on the other core: a function that gives
        its files, or None when the search files stay as they are."""
        if organised == "contents" and not search:
            # An edit in place updates the index in a moment; more waits for refresh_search.
            self.search_stale = not self._update_index()
            return None
        if not (organised or search and self.search_stale):
            return None
        self.search_stale = False
        archive = self.renderer.archive
        if not self.keep_index:
            return start_search(self.root, self.config, archive)
        self.index = current_state(self.index, archive)
        files = kept_index_files(self.index, self.shards)
        return lambda: files

    def late_jobs(self, index: Callable[[], SearchFiles] | None, extra: bool,
                  stages: Stages) -> Callable[[], list[PageJob]]:
        """The search files and the cheap files (sitemap, robots.txt, static), as a function that
        gives their jobs once the pages are rendered, so that a new index is made meanwhile."""
        def late() -> list[PageJob]:
            if index is not None:
                stages.done("render")
                files = index()
                self.search = files.jobs + [self.renderer.search_page(files)]
                stages.done("search", f"{len(self.search)} files")
            if extra:
                # Static files are read when written, so an edit needs no new job; an added file does.
                self.extra = self.renderer.extra_jobs(self.pages + self.search)
            return self.search + self.extra
        return late

    def write(self, report: BuildReport, stages: Stages, late: Callable[[], list[PageJob]]) -> None:
        """output/ brought up to date with every job, and the report filled in."""
        update_output(self.pages, self.paths.output, render_jobs, report,
                      progress=lambda n, total: stages.tick("render", n, total), late=late)
        stages.done("render", f"{report.rendered} rendered, {report.written} written, {report.deleted} deleted")

    # What the stages share.

    def _import_raw(self, config: SiteConfig, report: BuildReport, stages: Stages) -> None:
        imported, failed_before = import_new_raw(self.root, config)
        # A raw file is provenance, never edited to get past it: what cannot be imported is a
        # warning here (an error of `import` and `check`), and the rest of the site is built.
        failed = failed_before + (imported.errors if imported is not None else [])
        report.raw_failed = len(failed)
        report.warnings.extend(str(error) for error in failed)
        if imported is not None:
            self.imported = True
            report.warnings.extend(imported.notes)
            self.touched |= {str(error.path) for error in imported.errors}
            self.touched |= {note.split(": ", 1)[0] for note in imported.notes}
            stages.done("import", f"{imported.imported} imported")

    def _content_errors(self, articles: list[Article], broken: list[SiteError]) -> list[SiteError]:
        """Every broken article, and every slug two of the others ask for: all reported in one run."""
        clashes = resolve_slugs(self.visibility.select(sorted(articles, key=lambda a: a.source_path)))[2]
        return sorted(broken, key=lambda e: str(e.path)) + clashes

    def _mark_repeats(self, report: BuildReport) -> None:
        report.repeats = repeated(self.root, report.warnings, self.touched)

    def _record_urls(self, archive: Archive) -> dict[str, Article]:
        """Articles that moved since the last build recorded in content/urls.yaml; the earlier
        URLs that now redirect."""
        everything = archive.articles + [copy for copy, _ in archive.copies]
        known = by_identity(everything)
        last = self.seen.get(URLS_SEEN) or {}
        record = with_moves(self.urls, last, known)
        if record != self.urls:
            write_urls(self.root, record)
            self.wrote.add(self.root / URLS_FILE)
            self.urls = record
        # An article left out for now (a draft, one not yet due) keeps its last URL for its return.
        seen = {**last, **present_urls(known)}
        if seen != last:
            self.seen.put(URLS_SEEN, seen)
        return redirects(record, known, {a.path for a in everything})

    def _article_key(self) -> str:
        return self.renderer.site_key + self.renderer.template_keys["article.html"]

    def _kept_keys(self) -> dict[str, str]:
        """The article pages that keep the last build's key (see render/unchanged.py)."""
        return kept_keys(self.record, self._article_key(), self.renderer.archive, 2 * self.config.related_items + 1)

    def _update_index(self) -> bool:
        """The kept index updated in place for edits (quick); False when the edits move the
        archive-wide norms, and the search files stay as they were until refresh_search."""
        if self.index is None or not self.index.update(self.renderer.archive, terms_of):
            return False
        files = kept_index_files(self.index, self.shards)
        self.search = files.jobs + [self.renderer.search_page(files)]
        return True

    def _replace_contents(self, before: dict[str, Article | None]) -> bool:
        """Edits that leave every URL, date and grouping as it was, swapped into the archive (only the
        pages showing them will get new jobs, see _replace_jobs: made once the search index is
        begun, which needs only the archive). False when an edit is more than that (the caller
        organises afresh)."""
        archive = self.renderer.archive
        resolved = {a.source_path: a for a in archive.articles if a.source_path in before}
        edited, retold = {}, False
        for key, old in before.items():
            new = self.articles.get(key)
            if old is None or new is None or key not in resolved or _placement(old) != _placement(new):
                return False
            retold |= topic_signature(old) != topic_signature(new)
            # Keep the slug the archive gave it (a clash with another article's gets a suffix).
            edited[resolved[key].path] = replace(self.visibility.marked(new), slug=resolved[key].slug)
        self.renderer.archive = archive = with_contents(archive, edited)
        relisted = relate_again(archive, self.config.related_items, self.related) if retold else set()
        self.last_edit = (list(before), edited, relisted)
        return True

    def _replace_jobs(self) -> None:
        """New jobs for the pages showing the articles of the last edit in place, and those whose
        related list it changed."""
        _, edited, relisted = self.last_edit
        for job in self.renderer.pages_showing(list(edited.values())):
            self.pages[self.where[job.path]] = job
        for article in self.renderer.archive.articles:
            if article.path in relisted:
                job = self.renderer.article(article)
                self.pages[self.where[job.path]] = job
