"""The plain objects that flow between the build stages."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from generator.core.plural import counted


@dataclass(frozen=True)
class Article:
    """One news article, as parsed from its Markdown file. (Not slotted: a slotted dataclass is
    unpickled attribute by attribute in Python, seconds longer for the parse cache of 100,000.)"""

    id: str
    title: str
    date: datetime  # timezone-aware
    source_path: str  # relative to the site root, for messages and provenance
    slug: str
    body_html: str
    summary: str = ""
    source: str = ""
    url: str = ""  # the original article's address, when the scraper knew it
    authors: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    lang: str = ""
    updated: datetime | None = None
    date_estimated: bool = False
    sample: bool = False
    draft: bool = False  # left out of builds unless asked for (--drafts)
    # Dated after the time of a build that shows it anyway (--future, serve): it carries a mark.
    scheduled: bool = False
    explicit_slug: bool = False  # the slug came from front matter, so a clash is the author's mistake
    extra: dict = field(default_factory=dict, compare=False)  # unknown front-matter keys, passed to templates
    content_hash: str = ""
    # Where the body is kept when body_html is left empty: (pack file, offset, length); see core/bodies.py.
    body_at: tuple[str, int, int] | None = None
    links: tuple[tuple[str, str], ...] | None = None  # (source path, #fragment) of each article file the body links
    # Site-relative URL path of the article page, e.g. '2025/08/20/ukraine-und-russland/'; computed
    # once, since every listing, feed and related-article link asks for it.
    path: str = field(init=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "path", f"{self.date:%Y/%m/%d}/{self.slug}/")


@dataclass(frozen=True)
class Page:
    """One output file: where it goes and its bytes."""

    path: str  # relative to output/, with '/' separators, e.g. '2025/index.html'
    body: bytes


@dataclass(frozen=True)
class PageJob:
    """A file the build will produce: where, what it depends on, and how to make its bytes.

    `key` fingerprints every input of the page; a page whose key is unchanged since the last build
    is not rendered again. Jobs without a key are cheap and made every time (sitemap, static files).
    """

    path: str
    key: str | None
    make: Callable[[], bytes]


@dataclass(frozen=True)
class SearchFiles:
    """The search index as files, and what the search page needs to know of it."""

    manifest: str  # the name of the index's manifest file
    languages: list[str]
    jobs: list[PageJob]


@dataclass
class Changes:
    """What changed in a site since its last build, sorted by what it costs to rebuild."""

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
        parts = [counted(len(self.articles), "article")] if self.articles else []
        parts += ["templates"] * self.templates + ["static files"] * bool(self.static) + ["raw files"] * self.raw
        return ", ".join(parts) + " changed" if parts else "search files"


@dataclass
class BuildReport:
    """What a build did, for the one-line summary; the output stage fills in the file counts."""

    articles: int = 0
    pages: int = 0
    bytes: int = 0
    rendered: int = 0
    written: int = 0
    deleted: int = 0
    raw_failed: int = 0  # raw files or records that could not be imported
    stages: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Warnings the last build gave too, about files unchanged since: counted rather than repeated.
    repeats: frozenset[str] = frozenset()

    def summary(self) -> str:
        stages = ", ".join(f"{name} {secs:.2f}s" for name, secs in self.stages.items())
        total = sum(self.stages.values())
        return (f"built {counted(self.articles, 'article')} into {counted(self.pages, 'file')} ({self.bytes / 1e6:.1f} MB; "
                f"{self.written} written, {self.deleted} deleted) in {total:.2f}s ({stages})"
                + (f"; {counted(self.raw_failed, 'raw input')} not imported" if self.raw_failed else ""))
