"""Links between articles: an author links another article by its Markdown file, the page links its page."""

import re

from generator.content.articles import HREF, body_links, linked_file
from generator.core.bodies import body_of
from generator.core.model import Article

_LINK = re.compile(r"<a ([^>]*)>(.*?)</a>", re.S)


def file_links(article: Article) -> list[tuple[str, str]]:
    """Every article file the body links, in order (known without reading the body when parsed)."""
    if article.links is not None:
        return list(article.links)
    return list(body_links(article.source_path, body_of(article)))


def with_page_links(article: Article, by_source: dict[str, Article], page_url) -> str:
    """The article's body with links to article files made into links to their pages (`page_url`
    of the page's path: relative on a page, the site's address in a feed). A link to a file the
    archive does not hold becomes its text: a link that leads nowhere helps no reader."""
    body = body_of(article)
    if ".md" not in body:
        return body

    def replace(match: re.Match) -> str:
        href = HREF.search(match.group(1))
        target = href and linked_file(article.source_path, href.group(1))
        if not target:
            return match.group(0)
        page = by_source.get(target[0])
        if page is None:
            return match.group(2)
        # The archive's own page: no rel="nofollow" as for a link out of the archive.
        return f'<a href="{page_url(page.path)}{target[1]}">{match.group(2)}</a>'

    return _LINK.sub(replace, body)
