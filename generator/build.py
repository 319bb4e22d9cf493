"""The build: the only module that knows the order of the stages."""

import time
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from .archive import build_archive
from .config import load_config
from .content import load_articles
from .errors import BuildFailed
from .feeds import feed_pages
from .model import BuildReport, Page
from .output import write_output
from .render import Renderer
from .search_index import search_pages, start_index_files
from .sitemap import robots_page, sitemap_pages
from .theme import static_files

OUTPUT_DIR = "output"


class _Stopwatch:
    def __init__(self, report: BuildReport):
        self.report = report
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.report.stages[stage] = self.report.stages.get(stage, 0.0) + now - self.last
        self.last = now


def _site_pages(renderer: Renderer, site_root: Path, search: Iterator[Page]) -> Iterator[Page]:
    """Every output file, streamed so that memory holds one page at a time."""
    sitemap = []
    for page in chain(renderer.pages(), search):
        if page.path.endswith("index.html"):
            sitemap.append((page.path[: -len("index.html")], None))
        yield page
    lastmod = {a.path: (a.updated or a.date).date().isoformat() for a in renderer.archive.articles}
    entries = [(path, lastmod.get(path)) for path, _ in sitemap]
    yield from feed_pages(renderer)
    yield from sitemap_pages(renderer.config.base_url, entries)
    yield robots_page(renderer.config.base_url)
    for out_path, source in static_files(site_root).items():
        yield Page(out_path, source.read_bytes())


def _search(renderer: Renderer, index_files, clock: _Stopwatch) -> Iterator[Page]:
    """The search files, once the index (made beside the rendering) is ready; the wait is its own stage."""
    clock.lap("render+write")
    files = index_files()
    clock.lap("search index")
    yield from search_pages(renderer, files)


def build_site(site_root: Path, output_dir: Path | None = None) -> BuildReport:
    """Build the site at `site_root` into output/; raises BuildFailed, leaving output/ untouched, on bad input."""
    output_dir = output_dir or site_root / OUTPUT_DIR
    report = BuildReport()
    clock = _Stopwatch(report)
    config = load_config(site_root)
    articles, errors = load_articles(site_root, config)
    if errors:
        raise BuildFailed(errors)
    clock.lap("load")
    archive = build_archive(articles, config.related_items)
    report.warnings.extend(archive.warnings)
    report.articles = len(archive.articles)
    clock.lap("organise")
    index_files = start_index_files(archive)
    renderer = Renderer(site_root, config, archive)
    report.pages, report.bytes = write_output(_site_pages(renderer, site_root, _search(renderer, index_files, clock)),
                                              output_dir)
    clock.lap("render+write")
    return report
