"""Jinja2 pages for the archive: every HTML page kind, rendered to Page objects."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from .archive import Archive, Month, Term, paginate
from .config import SiteConfig
from .i18n import STRINGS, format_count, format_date, format_month, month_name
from .model import Article, Page
from .slug import term_slug
from .theme import make_environment, template_error

TERM_KINDS = ("tags", "sources", "locations")


def relative_root(page_path: str) -> str:
    """'../' repeated to climb from the page's folder to the site root ('' at the root)."""
    return "../" * page_path.count("/")


@jinja2.pass_context
def link(context, target: str) -> str:
    """A relative link to a site path; folders get an explicit index.html so file:// works."""
    if target == "" or target.endswith("/"):
        target += "index.html"
    return context["root"] + target


def archive_path(kind: str, name: str) -> str:
    """Site path of the page listing a tag, source or location."""
    return f"{kind}/{term_slug(name)}/"


def web_url(url: str) -> str:
    """The URL if it is a web address, else '': front matter is untrusted and may hold javascript:."""
    return url if urlsplit(url).scheme in ("http", "https") else ""


def iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


class Renderer:
    """Renders pages of one archive with one template environment."""

    def __init__(self, site_root: Path, config: SiteConfig, archive: Archive):
        self.site_root = site_root
        self.config = config
        self.archive = archive
        self.env = make_environment(site_root)
        lang = config.language
        self.env.globals.update(site=config, t=STRINGS[lang], lang=lang, link=link, archive=archive,
                                archive_path=archive_path)
        self.env.filters.update(
            date_long=lambda d: format_date(d, lang),
            iso=iso,
            web_url=web_url,
            month_label=lambda m: format_month(m.year, m.month, lang),
            month_name=lambda n: month_name(n, lang),
            count=lambda n: format_count(n, lang),
        )

    def render(self, template: str, page_path: str, canonical: str | None, **context) -> Page:
        """Render one template into the page at `page_path` (relative to output/)."""
        # The 404 page is served at any depth, so only root-relative links work there.
        root = urlsplit(self.config.base_url).path if page_path == "404.html" else relative_root(page_path)
        context.update(root=root, page_path=page_path,
                       canonical=None if canonical is None else self.config.base_url + canonical)
        try:
            text = self.env.get_template(template).render(context)
        except jinja2.TemplateError as exc:
            raise template_error(exc, self.site_root) from None
        return Page(page_path, text.encode("utf-8"))

    def article(self, article: Article) -> Page:
        older, newer = self.archive.neighbours(article)
        return self.render("article.html", article.path + "index.html", article.path, article=article,
                           older=older, newer=newer, related=self.archive.related(article))

    def listing(self, base: str, title: str, articles, term: Term | None = None,
                feed: str | None = None) -> Iterator[Page]:
        for listing in paginate(base, articles, self.config.per_page):
            yield self.render("listing.html", listing.path + "index.html", listing.path,
                              listing=listing, title=title, term=term, feed=feed,
                              total=len(articles), is_home=listing.path == "")

    def year(self, year: int, months: list[Month]) -> Page:
        return self.render("year.html", f"{year:04d}/index.html", f"{year:04d}/", year=year, months=months,
                           total=sum(len(m.articles) for m in months))

    def month(self, month: Month, older: Month | None, newer: Month | None) -> Page:
        return self.render("month.html", month.path + "index.html", month.path, month=month,
                           older=older, newer=newer)

    def terms_index(self, kind: str) -> Page:
        return self.render("terms.html", f"{kind}/index.html", f"{kind}/", kind=kind,
                           terms=self.archive.terms[kind])

    def pages(self) -> Iterator[Page]:
        """Every HTML page of the site."""
        archive, t = self.archive, STRINGS[self.config.language]
        yield from self.listing("", self.config.title, archive.articles, feed="feed.xml")
        for article in archive.articles:
            yield self.article(article)
        yield self.render("archive.html", "archive/index.html", "archive/", years=archive.years())
        for year, months in archive.years():
            yield self.year(year, months)
        for i, month in enumerate(archive.months):
            newer = archive.months[i - 1] if i > 0 else None
            older = archive.months[i + 1] if i + 1 < len(archive.months) else None
            yield self.month(month, older, newer)
        for kind in TERM_KINDS:
            yield self.terms_index(kind)
            singular = {"tags": "tag", "sources": "source", "locations": "location"}[kind]
            for term in archive.terms[kind]:
                feed = term.path + "feed.xml" if kind in ("tags", "sources") else None
                yield from self.listing(term.path, f"{t[singular]}: {term.name}", term.articles,
                                        term=term, feed=feed)
        yield self.render("404.html", "404.html", None)
