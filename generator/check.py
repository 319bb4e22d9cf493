"""newsarchive check: every problem of a site in one run, without building it (Zola's `zola check`).

Reads site.yaml, parses every article, resolves the slugs, follows the links between articles,
reads the raw files the next build would import and compiles every template, as a build would,
and collects what fails; output/ is never touched, so it is fit for a pre-commit hook.
"""

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.content.articles import load_articles
from generator.core.cache import ArticleCache
from generator.core.config import read_config
from generator.core.errors import SiteError
from generator.ingest.new_raw import unreadable_raw
from generator.organise.archive import build_archive, resolve_slugs
from generator.core.model import Article
from generator.render.links import file_links
from generator.organise.moved import by_identity, read_urls, redirects
from generator.render.pages import Renderer
from generator.render.theme import template_error
from generator.site import parse_key


@dataclass
class CheckReport:
    articles: int = 0
    templates: int = 0
    errors: list[SiteError] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)  # (earlier URL, the present one) a build redirects


def broken_links(articles: list[Article], unparsed: set[str]) -> list[SiteError]:
    """Links from one article to another's Markdown file that is not there (a build shows their text only)."""
    known = {a.source_path for a in articles} | unparsed
    return [SiteError(a.source_path, f"links to {target}, which is not an article of the site")
            for a in articles for target, _ in file_links(a) if target not in known]


def check_site(site_root: Path) -> CheckReport:
    report = CheckReport()
    config, report.errors = read_config(site_root)
    # The build's parse cache: a check after a build (or another check) parses only what changed.
    cache = ArticleCache.load(site_root, parse_key(config))
    articles, broken = load_articles(site_root, config, cache)
    cache.save()
    report.articles = len(articles) + len(broken)
    report.errors += sorted(broken, key=lambda e: str(e.path))
    resolved, _, clashes = resolve_slugs(articles)
    report.errors += clashes
    report.errors += broken_links(articles, {str(e.path) for e in broken})
    report.errors += unreadable_raw(site_root)
    try:
        record = read_urls(site_root)
    except SiteError as error:
        report.errors.append(error)
    else:
        moved = redirects(record, by_identity(resolved), {a.path for a in resolved})
        report.moved = [(url, article.path) for url, article in moved.items()]
    # The templates compile in the renderer's environment, with its filters and globals; compiling
    # needs no articles, so an empty archive spares organising them.
    try:
        env = Renderer(site_root, config, build_archive([])).env
    except SiteError as error:  # a template that does not compile stops the renderer's own set-up
        report.errors.append(error)
        return report
    for name in env.list_templates(filter_func=lambda n: n.endswith((".html", ".xml", ".txt"))):
        report.templates += 1
        try:
            env.get_template(name)
        except jinja2.TemplateError as exc:
            report.errors.append(template_error(exc, site_root))
    return report
