"""Links between articles: an author links another article by its Markdown file, the page links its page."""

import posixpath
import re
from urllib.parse import unquote

from generator.content.articles import ARTICLE_FILE_LINK
from generator.core.model import Article
from generator.core.paths import ARTICLES_DIR

_LINK = re.compile(r"<a ([^>]*)>(.*?)</a>", re.S)
_HREF = re.compile(r'href="([^"]*)"')


def linked_file(article: Article, href: str) -> tuple[str, str] | None:
    """(source path of the linked file, its #fragment) when `href` names a Markdown file inside the
    article folder, resolved from the linking article's own file as a Markdown editor does."""
    match = ARTICLE_FILE_LINK.match(href.replace("&amp;", "&"))
    if not match:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(article.source_path), unquote(match.group(1))))
    if not path.startswith(ARTICLES_DIR.as_posix().rstrip("/") + "/"):
        return None
    return path, match.group(2) or ""


def file_links(article: Article) -> list[tuple[str, str]]:
    """Every article file the body links, in order."""
    if ".md" not in article.body_html:
        return []
    return [f for href in _HREF.findall(article.body_html) if (f := linked_file(article, href))]


def with_page_links(article: Article, by_source: dict[str, Article], page_url) -> str:
    """The article's body with links to article files made into links to their pages (`page_url`
    of the page's path: relative on a page, the site's address in a feed). A link to a file the
    archive does not hold becomes its text: a link that leads nowhere helps no reader."""
    body = article.body_html
    if ".md" not in body:
        return body

    def replace(match: re.Match) -> str:
        href = _HREF.search(match.group(1))
        target = href and linked_file(article, href.group(1))
        if not target:
            return match.group(0)
        page = by_source.get(target[0])
        if page is None:
            return match.group(2)
        # The archive's own page: no rel="nofollow" as for a link out of the archive.
        return f'<a href="{page_url(page.path)}{target[1]}">{match.group(2)}</a>'

    return _LINK.sub(replace, body)
