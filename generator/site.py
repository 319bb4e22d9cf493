"""The build: the only module that knows the order of the stages."""

import gc
import os
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from generator.organise.archive import build_archive
from generator.content.articles import PARSE_CODE
from generator.core.cache import ArticleCache, Memo, code_fingerprint, package_fingerprint
from generator.core.config import SiteConfig, load_config
from generator.content.articles import load_articles
from generator.core.errors import BuildFailed
from generator.ingest.new_raw import import_new_raw
from generator.core.model import BuildReport
from generator.output.writer import PageJob, update_output
from generator.render.pages import Renderer
from generator.search.stage import start_search
from generator.render.sitemap import robots_page, sitemap_pages
from generator.render.theme import static_files

OUTPUT_DIR = "output"
PROGRESS_AFTER = 2.0  # seconds; quicker builds print only their summary line


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


def parse_key(config: SiteConfig) -> str:
    # Parsing depends on the code and on the two settings that fill in missing front matter.
    return f"{code_fingerprint(PARSE_CODE)}:{config.timezone}:{config.language}"


def extra_jobs(renderer: Renderer, jobs: list[PageJob], site_root: Path) -> list[PageJob]:
    """Sitemap, robots.txt and static files: cheap, so made on every build and compared by their bytes."""
    config = renderer.config
    lastmod = {a.path: (a.updated or a.date).date().isoformat() for a in renderer.archive.articles}
    copies = {a.path + "index.html" for a, _ in renderer.archive.copies}  # their canonical is the original
    entries = [(j.path[: -len("index.html")], lastmod.get(j.path[: -len("index.html")]))
               for j in jobs if j.path.endswith("index.html") and j.path not in copies]
    extra = [PageJob(p.path, None, lambda b=p.body: b) for p in sitemap_pages(config.base_url, entries)]
    robots = robots_page(config.base_url)
    extra.append(PageJob(robots.path, None, lambda: robots.body))
    extra += [PageJob(out, None, source.read_bytes) for out, source in static_files(site_root).items()]
    return extra


@contextmanager
def without_cycle_collection():
    """The build makes hundreds of thousands of long-lived objects and almost no reference
    cycles; Python's cycle collector would re-scan them all many times (half the time of a
    no-change rebuild at 100,000 articles). Render workers turn it back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_site(site_root: Path, output_dir: Path | None = None) -> BuildReport:
    """Build the site at `site_root` into output/; raises BuildFailed, leaving output/ untouched, on bad input."""
    with without_cycle_collection():
        return _build(site_root, output_dir)


def _build(site_root: Path, output_dir: Path | None) -> BuildReport:
    output_dir = output_dir or site_root / OUTPUT_DIR
    report = BuildReport()
    stages = Stages(report)
    config = load_config(site_root)
    import_raw(site_root, config, report, stages)
    cache = ArticleCache.load(site_root, parse_key(config))
    articles, errors = load_articles(site_root, config, cache)
    cache.save()
    if errors:
        raise BuildFailed(errors)
    stages.done("parse", f"{len(articles)} articles")
    archive = build_archive(articles, config.related_items, Memo(site_root, "related"))
    report.warnings.extend(archive.warnings)
    report.articles = len(archive.articles) + len(archive.copies)
    renderer = Renderer(site_root, config, archive, package_fingerprint())
    search_done = start_search(renderer)  # on the other core, while this one organises and renders
    jobs = list(renderer.jobs())
    stages.done("organise", f"{len(jobs)} pages")

    def late() -> list[PageJob]:
        stages.done("render")
        search = search_done()
        stages.done("search", f"{len(search)} files")
        return search + extra_jobs(renderer, jobs + search, site_root)

    write_jobs(jobs, output_dir, report, stages, late)
    return report


def import_raw(site_root: Path, config: SiteConfig, report: BuildReport, stages: Stages) -> None:
    """The first stage: files new or changed in content/raw/ become articles; BuildFailed if some cannot."""
    imported = import_new_raw(site_root, config)
    if imported is not None:
        if imported.errors:
            raise BuildFailed(imported.errors)
        report.warnings.extend(imported.notes)
        stages.done("import", f"{imported.imported} imported")


def write_jobs(jobs: list[PageJob], output_dir: Path, report: BuildReport, stages: Stages,
               late: Callable[[], list[PageJob]] | None = None) -> None:
    """The last stage: output/ brought up to date with `jobs` (and `late()`, see update_output),
    and the report filled in."""
    written = update_output(jobs, output_dir, progress=lambda n, total: stages.tick("render", n, total), late=late)
    report.pages, report.bytes = written.files, written.bytes
    report.rendered, report.written, report.deleted = written.rendered, written.written, written.deleted
    stages.done("render", f"{written.rendered} rendered, {written.written} written, {written.deleted} deleted")
