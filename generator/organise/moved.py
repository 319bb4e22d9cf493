"""Old URLs keep working: every URL each article has had, and a redirect from each earlier one.

An article's URL holds its date and slug, so a corrected date, a new headline (without a slug in
its front matter) or a re-import that names it differently moves it. A build notices the move by
comparing each article's URL with the one the last build gave it (kept in .cache/), and records
it in content/urls.yaml: for each article that has moved, the URLs it has been published under,
the present one last, keyed by what stays the same through a move: the front matter's `id`
(every imported article has one), else the article's file. The build writes that file only when
an article moved, one line per article in a fixed order, to be committed with the articles; a
published site then answers every earlier URL with a page that leads to the present one.
"""

import json
import re
from pathlib import Path

from generator.core.atomic import write_atomic
from generator.core.errors import SiteError
from generator.core.model import Article
from generator.core.yamlio import YAMLError, error_line, error_problem, load_yaml

URLS_FILE = Path("content") / "urls.yaml"
_HEADER = ("# Articles that moved: the URLs each has been published under, the present one last,\n"
           "# by its id (or file). Written by newsarchive build; commit it with the articles:\n"
           "# every earlier URL answers with a page that leads to the present one.\n")

UrlRecord = dict[str, list[str]]
_ARTICLE_PATH = re.compile(r"\d{4}/\d{2}/\d{2}/[A-Za-z0-9_~-][A-Za-z0-9._~-]*/")


def identity(article: Article) -> str:
    """What stays the same when an article moves: its front-matter id, else its file."""
    # Without an id in the front matter, Article.id is the start of the content hash, which an edit changes.
    return article.id if article.id and article.id != article.content_hash[:16] else article.source_path


def read_urls(site_root: Path) -> UrlRecord:
    """content/urls.yaml as {identity: [URL paths, newest last]}; {} when there is none yet."""
    path = site_root / URLS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteError(URLS_FILE, f"cannot be read ({exc.__class__.__name__})") from None
    try:
        data = load_yaml(text)
    except YAMLError as exc:
        raise SiteError(URLS_FILE, f"invalid YAML: {error_problem(exc)}", error_line(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(
            isinstance(urls, list) and urls and all(isinstance(u, str) and _is_page_path(u) for u in urls)
            for urls in data.values()):
        raise SiteError(URLS_FILE, "must map each article id to a list of its article URLs, "
                                   "like 'abc123: [\"2025/08/20/old-title/\", \"2025/08/21/new-title/\"]'")
    return {str(key): list(urls) for key, urls in data.items()}


def _is_page_path(url: str) -> bool:
    """An article's site path, like '2025/08/20/slug/': never another page's, nor one outside output/."""
    return _ARTICLE_PATH.fullmatch(url) is not None


def by_identity(articles: list[Article]) -> dict[str, Article]:
    """identity → article, for the functions below (two files that claim one id: the first, by file)."""
    known: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.source_path):
        known.setdefault(identity(article), article)
    return known


def present_urls(known: dict[str, Article]) -> dict[str, str]:
    """identity → the article's URL now: what the next build compares with."""
    return {key: article.path for key, article in known.items()}


def with_moves(record: UrlRecord, last: dict[str, str], known: dict[str, Article]) -> UrlRecord:
    """The record with every article that moved since the `last` build (identity → its URL then),
    or since the record's own last word on it, at its present URL."""
    updated = dict(record)
    for key, article in known.items():
        urls = updated.get(key) or ([last[key]] if key in last else [])
        if urls and urls[-1] != article.path:
            updated[key] = [u for u in urls if u != article.path] + [article.path]
    return updated


def redirects(record: UrlRecord, known: dict[str, Article], pages: set[str]) -> dict[str, Article]:
    """Earlier URL → the article now at another one. A URL that is one of the archive's `pages`
    again (another article took the slug) stays that page; of two articles that both had a URL,
    the one that left it more recently (fewer moves ago) gets it, then the first by identity."""
    moved: dict[str, tuple[int, str, Article]] = {}
    for key in sorted(known.keys() & record.keys()):
        article = known[key]
        for age, url in enumerate(reversed(record[key])):
            if url not in pages and (url not in moved or moved[url][:2] > (age, key)):
                moved[url] = (age, key, article)
    return {url: moved[url][2] for url in sorted(moved)}


def write_urls(site_root: Path, record: UrlRecord) -> None:
    """content/urls.yaml with `record`, one article a line, sorted, replaced whole."""
    lines = [f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(urls, ensure_ascii=False)}\n"
             for key, urls in sorted(record.items())]
    write_atomic(site_root / URLS_FILE, (_HEADER + "".join(lines)).encode("utf-8"))
