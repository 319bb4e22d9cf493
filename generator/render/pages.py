"""Jinja2 pages for the archive: every HTML page kind, as jobs that know what they depend on."""

from collections.abc import Iterator
from datetime import datetime
from functools import cache, cached_property
from itertools import groupby
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from babel import __version__ as babel_version

from generator.core.cache import fingerprint
from generator.core.config import SiteConfig
from generator.core.model import Article, PageJob, SearchFiles
from generator.core.slug import term_slug
from generator.lang.cldr import format_number, language_name
from generator.organise.archive import TERM_NAMES, Archive, Month, Term
from generator.organise.pagination import paginate
from generator.render.controls import INDEX_MOST_USED, month_contents, option_groups
from generator.render.links import file_links, with_page_links
from generator.render.metadata import json_script, language_tag, news_article, og_locale
from generator.render.scripts import static_jobs
from generator.render.sitemap import robots_page, sitemap_pages, sitemap_paths
from generator.render.theme import make_environment, static_files, template_error, template_fingerprints
from generator.render.timeline import archive_bars, timeline_svg, year_bars
from generator.render.wording import Wording


TERM_KINDS = tuple(TERM_NAMES)  # "tags", "sources", "locations"
SINGULAR = {"tags": "tag", "sources": "source", "locations": "location"}


class Lazy:
    """A template value made only when its page is rendered. A page whose key is unchanged is not
    rendered at all, so what only its markup needs (crumbs, a chart, JSON-LD) is not made either."""

    __slots__ = ("make",)

    def __init__(self, make):
        self.make = make


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


def by_day(articles) -> list[tuple[Article, list[Article]]]:
    """Articles grouped by the day they were published, as (the day's first article, the day's articles):
    a month page says each date once, as a heading, rather than on every row."""
    return [(group[0], group) for group in
            (list(g) for _, g in groupby(articles, key=lambda a: a.date.date()))]


def iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def per_instant(func):
    """func(datetime) computed once per moment and zone: an article's date is shown on dozens of
    pages (related lists, listings, archives), and formatting one costs more than the lookup.

    Keyed by zone and fold as well: datetimes in different zones compare equal when they are the
    same instant, yet they print differently.
    """
    known: dict = {}

    def cached(value: datetime) -> str:
        key = (value, value.tzinfo, value.fold)
        try:
            return known[key]
        except KeyError:
            known[key] = text = func(value)
            return text
    return cached


def token(article: Article | None) -> str | None:
    """What a page that shows or links `article` depends on: its file's bytes, its URL and its mark."""
    return None if article is None else article.content_hash + article.path + "*" * article.scheduled


class Renderer:
    """Makes the page jobs of one archive with one template environment."""

    def __init__(self, site_root: Path, config: SiteConfig, archive: Archive, code_key: str = ""):
        self.site_root = site_root
        self.config = config
        self.archive = archive
        self.env = make_environment(site_root)
        self.ui = ui = Wording(site_root, config.language)
        # The navigation leads only to kinds some article has: an empty index helps no reader.
        self.term_kinds = self.kinds_in(archive)
        self.t = t = ui.strings
        self.env.globals.update(site=config, t=t, ui=ui, lang=config.language, link=link, archive_path=archive_path,
                                body=self.body, term_kinds=self.term_kinds)
        self.env.filters.update(
            date_long=per_instant(ui.date),
            iso=per_instant(iso),
            link=link,  # `path|link` as well as link(path): a filter is called directly, a function through the context
            web_url=web_url,
            month_label=lambda m: ui.month(m.year, m.month),
            month_name=ui.month_name,
            month_abbreviation=ui.month_abbreviation,
            count=ui.count,
            number=lambda n: format_number(n, ui.tag),
            language_tag=language_tag,
            language_name=language_name,
            og_locale=og_locale,
            text_dir=ui.dir_attribute,
        )
        # Every page depends on the config, the code and the interface's strings (the site's
        # own i18n/ file among them) and CLDR's data; each also on its own template and the
        # templates that one extends, includes or imports.
        self.site_key = fingerprint(repr(config), code_key, repr(sorted(t.items())), babel_version, self.term_kinds)
        self.template_keys = template_fingerprints(self.env, site_root)

    @staticmethod
    def kinds_in(archive: Archive) -> list[str]:
        """The kinds of term some article of `archive` has."""
        return [kind for kind in TERM_KINDS if archive.terms[kind]]

    def render(self, template: str, page_path: str, canonical: str | None, **context) -> bytes:
        """Render one template for the page at `page_path` (relative to output/)."""
        # The 404 page is served in place of a missing page at any depth, where relative links
        # would lead astray and root-relative ones fail from file://: its links are full addresses,
        # and its style is in the page (a stylesheet at a full address is missing before publishing).
        root = self.config.base_url if page_path == "404.html" else relative_root(page_path)
        canonical_url = None if canonical is None else self.config.base_url + canonical
        context = {name: value.make() if isinstance(value, Lazy) else value for name, value in context.items()}
        context.setdefault("crumbs", [])
        context.update(root=root, page_path=page_path, canonical=canonical_url)
        try:
            return self.env.get_template(template).render(context).encode("utf-8")
        except jinja2.TemplateError as exc:
            raise template_error(exc, self.site_root) from None

    @cached_property
    def by_source(self) -> dict[str, Article]:
        return {a.source_path: a for a in [*self.archive.articles, *(c for c, _ in self.archive.copies)]}

    def body(self, article: Article, root: str | None = None) -> str:
        """The article's body HTML for a page at `root` (relative links), or for a feed (absolute)."""
        if root is None:
            return with_page_links(article, self.by_source, lambda path: self.config.base_url + path)
        return with_page_links(article, self.by_source, lambda path: root + path + "index.html")

    def linked(self, article: Article) -> list:
        """What the body's links to other articles depend on: the page each one leads to."""
        return [token(self.by_source.get(path)) for path, _ in file_links(article)]

    def job(self, template: str, page_path: str, canonical: str | None, inputs: tuple, **context) -> PageJob:
        key = fingerprint(self.site_key, self.template_keys[template], page_path, inputs)
        return PageJob(page_path, key, lambda: self.render(template, page_path, canonical, **context))

    def _around(self, article: Article) -> tuple:
        """(older, newer, related, same source, translations): the articles an article page shows."""
        older, newer = self.archive.neighbours(article)
        related = self.archive.related(article)
        same_source = self.archive.from_source(article, self.config.related_items, exclude=related)
        return older, newer, related, same_source, self.archive.translations(article)

    def article(self, article: Article) -> PageJob:
        older, newer, related, same_source, translations = self._around(article)
        inputs = (token(article), token(older), token(newer), [token(r) for r in related],
                  [token(a) for a in same_source], [token(a) for a in translations], self.linked(article))
        page_path = article.path + "index.html"
        key = fingerprint(self.site_key, self.template_keys["article.html"], page_path, inputs)
        # What the page shows is worked out again when it is made: held for 100,000 pages at
        # once, it took 250 MB of the main process, inherited by every render worker.
        return PageJob(page_path, key, lambda: self._article_page(article))

    def _article_page(self, article: Article) -> bytes:
        older, newer, related, same_source, translations = self._around(article)
        return self.render("article.html", article.path + "index.html", article.path,
                           article=article, original=None, older=older, newer=newer, related=related,
                           same_source=same_source, translations=translations,
                           crumbs=Lazy(lambda: self.article_crumbs(article)),
                           article_ld=self.article_ld(article, article))

    def copy(self, article: Article, original: Article) -> PageJob:
        """A near-duplicate's page: outside the archive's order, it names and links the original,
        which is also its canonical address."""
        return self.job("article.html", article.path + "index.html", original.path,
                        (token(article), token(original), self.linked(article)), article=article, original=original,
                        older=None, newer=None, related=[], same_source=[], translations=[],
                        crumbs=Lazy(lambda: self.article_crumbs(article)),
                        article_ld=self.article_ld(article, original))

    def redirect(self, url: str, article: Article) -> PageJob:
        """An article's earlier address, leading to its present page (see organise/moved.py)."""
        return self.job("redirect.html", url + "index.html", article.path, (token(article),), article=article)

    def article_ld(self, article: Article, canonical: Article) -> Lazy:
        """The article's schema.org NewsArticle, at the address of `canonical` (its original, for a copy)."""
        return Lazy(lambda: json_script(news_article(article, self.config, self.config.base_url + canonical.path,
                                                     web_url(article.url))))

    def article_crumbs(self, article: Article) -> list[tuple[str, str]]:
        return self.month_crumbs(article.date.year, article.date.month) + [(article.title, article.path)]

    def month_crumbs(self, year: int, month: int) -> list[tuple[str, str]]:
        """Home › year › month, the trail above a month page and its articles."""
        return [(self.t["home"], ""), (str(year), f"{year:04d}/"), (self.ui.month_name(month), f"{year:04d}/{month:02d}/")]

    def listing(self, base: str, title: str, articles, term: Term | None = None,
                feed: str | None = None, showing: set[str] | None = None) -> Iterator[PageJob]:
        """The listing's pages; with `showing` (article paths), only the pages that list one of them."""
        t = self.t
        trail = [(t["home"], "")] + ([(t[term.kind], f"{term.kind}/"), (term.name, term.path)] if term else [])
        for listing in paginate(base, articles, self.config.per_page):
            if showing is not None and not any(a.path in showing for a in listing.articles):
                continue
            front = listing.number is None
            # Only the front page shows the total, so numbered pages stay unchanged as news arrives.
            total = len(articles) if front else None
            bars = archive_bars(self.archive.months) if front and base == "" else []
            crumbs = trail + ([] if front else [(f"{t['page']} {listing.number}", listing.path)])
            inputs = (title, feed, total, listing.newer, listing.older, listing.number,
                      [token(a) for a in listing.articles], bars, crumbs)
            yield self.job("listing.html", listing.path + "index.html", listing.path, inputs,
                           listing=listing, title=title, term=term, feed=feed, total=total,
                           is_home=base == "", timeline=self.timeline(bars, listing.path),
                           timeline_yearly=bool(bars) and bars[0].month is None,
                           crumbs=crumbs if len(crumbs) > 1 else [])

    def timeline(self, bars, page_path: str) -> Lazy | str:
        """The chart's markup for a page at `page_path`: its links are relative to that page."""
        if not bars:
            return ""
        root = relative_root(page_path + "index.html")
        return Lazy(lambda: timeline_svg(bars, lambda path: root + path + "index.html", self.ui))

    def archive_page(self) -> PageJob:
        years = self.archive.years()
        inputs = [(year, [(m.month, len(m.articles)) for m in months]) for year, months in years]
        t = self.t
        return self.job("archive.html", "archive/index.html", "archive/", (inputs,),
                        years=years, total=len(self.archive.articles),
                        crumbs=Lazy(lambda: [(t["home"], ""), (t["archive"], "archive/")]))

    def year(self, year: int, months: list[Month]) -> PageJob:
        inputs = [(m.month, len(m.articles)) for m in months]
        path = f"{year:04d}/"
        return self.job("year.html", path + "index.html", path, (inputs,), year=year,
                        months=months, total=sum(len(m.articles) for m in months),
                        timeline=self.timeline(year_bars(year, months), path),
                        crumbs=Lazy(lambda: self.month_crumbs(year, 1)[:2]))

    def month(self, month: Month, older: Month | None, newer: Month | None,
              showing: set[str] | None = None) -> Iterator[PageJob]:
        """A month's pages, cut like every listing: a busy month held a thousand articles on one page.

        As on listings, only the front page shows what changes as news arrives (the count, and the
        neighbouring months, one of which is new when a month begins), so numbered pages stay as they are.
        """
        pages = paginate(month.path, month.articles, self.config.per_page)
        for listing in pages:
            if showing is not None and not any(a.path in showing for a in listing.articles):
                continue
            front = listing.number is None
            total = len(month.articles) if front else None
            months = (older, newer) if front else (None, None)
            contents = month_contents(pages, self.ui.tag) if front else None
            extra = [] if front else [(f"{self.t['page']} {listing.number}", listing.path)]
            inputs = ([token(a) for a in listing.articles], total, [m and m.path for m in months],
                      listing.newer, listing.older, listing.number, contents)
            yield self.job("month.html", listing.path + "index.html", listing.path, inputs, month=month,
                           listing=listing, total=total, days=by_day(listing.articles), contents=contents,
                           older=months[0], newer=months[1],
                           crumbs=Lazy(lambda extra=extra: self.month_crumbs(month.year, month.month) + extra))

    def terms_index(self, kind: str) -> PageJob:
        terms = self.archive.terms[kind]
        inputs = [(t.slug, t.name, len(t.articles)) for t in terms]
        t = self.t
        return self.job("terms.html", f"{kind}/index.html", f"{kind}/", (inputs,), kind=kind, terms=terms,
                        groups=option_groups(terms, t["most_used"], most_used=INDEX_MOST_USED),
                        crumbs=Lazy(lambda: [(t["home"], ""), (t[kind], f"{kind}/")]))

    def feed(self, path: str, alternate: str, title: str, articles) -> PageJob:
        entries = list(articles[:self.config.feed_items])
        # The feed's date is its newest entry's, never the build time, so unchanged content gives unchanged bytes.
        updated = max((a.updated or a.date for a in entries), default=EPOCH)
        return self.job("feed.xml", path, None, (title, alternate, [(token(a), self.linked(a)) for a in entries]),
                        feed_title=title, feed_path=path, alternate=alternate, entries=entries, updated=updated)

    def home(self, showing: set[str] | None = None) -> Iterator[PageJob]:
        yield from self.listing("", self.config.title, self.archive.articles, feed="feed.xml", showing=showing)

    def month_at(self, i: int, showing: set[str] | None = None) -> Iterator[PageJob]:
        months = self.archive.months
        return self.month(months[i], months[i + 1] if i + 1 < len(months) else None,
                          months[i - 1] if i > 0 else None, showing)

    def term_pages(self, kind: str, term: Term, showing: set[str] | None = None) -> Iterator[PageJob]:
        """A tag's, source's or location's listing, and its feed."""
        feed = term.path + "feed.xml" if kind in ("tags", "sources") else None
        title = f"{self.t[SINGULAR[kind]]}: {term.name}"
        yield from self.listing(term.path, title, term.articles, term=term, feed=feed, showing=showing)
        if feed:
            yield self.feed(feed, term.path, f"{self.config.title}: {term.name}", term.articles)

    def home_feed(self) -> PageJob:
        return self.feed("feed.xml", "", self.config.title, self.archive.articles)

    def jobs(self, kept: dict[str, str] | None = None) -> Iterator[PageJob]:
        """Every page and feed of the site; an article page in `kept` (article path → key) keeps
        that key without its inputs being worked out (see render/unchanged.py)."""
        archive = self.archive
        kept = kept or {}
        for article in archive.articles:
            key = kept.get(article.path)
            if key is None:
                yield self.article(article)
            else:
                yield PageJob(article.path + "index.html", key, lambda article=article: self.article(article).make())
        for article, original in archive.copies:
            yield self.copy(article, original)
        for url, article in archive.moved.items():
            yield self.redirect(url, article)
        yield from self.home()
        yield self.archive_page()
        for year, months in archive.years():
            yield self.year(year, months)
        for i in range(len(archive.months)):
            yield from self.month_at(i)
        for kind in self.term_kinds:
            yield self.terms_index(kind)
            for term in archive.terms[kind]:
                yield from self.term_pages(kind, term)
        yield self.home_feed()

    def search_page(self, files: SearchFiles) -> PageJob:
        sources, tags = self.archive.terms["sources"], self.archive.terms["tags"]
        months = [(m.year, m.month) for m in self.archive.months]
        inputs = (files.manifest, files.languages, [(t.slug, t.name, len(t.articles)) for t in sources],
                  [(t.slug, t.name, len(t.articles)) for t in tags], months)
        most_used = self.t["most_used"]
        return self.job("search.html", "search/index.html", "search/", inputs, manifest=files.manifest,
                        languages=files.languages,
                        sources=option_groups(sources, most_used), tags=option_groups(tags, most_used),
                        years=self.archive.years())

    def extra_jobs(self, jobs: list[PageJob]) -> list[PageJob]:
        """Sitemap, robots.txt and static files: cheap, so made on every build and compared by their bytes."""
        base_url = self.config.base_url
        lastmod = {a.path: (a.updated or a.date).date().isoformat() for a in self.archive.articles}
        # Copies name the original as their canonical address, and earlier addresses the present one.
        elsewhere = {path + "index.html" for path in [*(a.path for a, _ in self.archive.copies), *self.archive.moved]}
        entries = [(j.path[: -len("index.html")], lastmod.get(j.path[: -len("index.html")]))
                   for j in jobs if j.path.endswith("index.html") and j.path not in elsewhere]
        # Keyed by what they list: at 100,000 articles, writing the XML and hashing it took half a second.
        key = fingerprint("sitemap", base_url, entries)
        sitemap = cache(lambda: {p.path: p.body for p in sitemap_pages(base_url, entries)})
        extra = [PageJob(path, key, lambda path=path: sitemap()[path]) for path in sitemap_paths(len(entries))]
        return extra + self.plain_jobs()

    def plain_jobs(self) -> list[PageJob]:
        """robots.txt, the 404 page and the static files: made every build and compared by their bytes."""
        base_url = self.config.base_url
        extra = []
        robots = robots_page(base_url)
        extra.append(PageJob(robots.path, None, lambda: robots.body))
        # Among these since the 404 page holds the stylesheet, which an edit changes without a new job.
        extra.append(PageJob("404.html", None, self.not_found))
        # Of the stemmers, only those of the archive's languages: the search page loads no others.
        extra += static_jobs(self.site_root, {a.lang for a in self.archive.articles})
        return extra

    def not_found(self) -> bytes:
        css = static_files(self.site_root).get("static/style.css")
        stylesheet = css.read_text(encoding="utf-8").replace("</", "<\\/") if css else ""
        return self.render("404.html", "404.html", None, stylesheet=stylesheet)

    def pages_showing(self, edited: list[Article]) -> Iterator[PageJob]:
        """Every page that shows or links one of the `edited` articles, when their placement is unchanged."""
        archive = self.archive
        paths = {a.path for a in edited}
        # An article page shows up to related_items others of its source, skipping as many related ones.
        linked = paths | archive.linking_to(paths, same_source=2 * self.config.related_items)
        linked |= {t.path for a in edited for t in archive.translations(a)}
        yield from (self.article(a) for a in archive.articles if a.path in linked)
        yield from (self.redirect(url, a) for url, a in archive.moved.items() if a.path in paths)
        yield from self.home(showing=paths)
        months = {(a.date.year, a.date.month) for a in edited}
        for i, m in enumerate(archive.months):
            if (m.year, m.month) in months:
                yield from self.month_at(i, showing=paths)
        for kind in TERM_KINDS:
            slugs = {term_slug(name) for a in edited for name in TERM_NAMES[kind](a)}
            for term in archive.terms[kind]:
                if term.slug in slugs:
                    yield from self.term_pages(kind, term, showing=paths)
        yield self.home_feed()


EPOCH = datetime.fromisoformat("1970-01-01T00:00:00+00:00")
