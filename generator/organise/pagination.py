"""Listings cut into pages, numbered from the oldest article so that old pages never change."""

from dataclasses import dataclass

from generator.core.model import Article


@dataclass(frozen=True)
class ListingPage:
    """One page of a paginated listing."""

    path: str  # e.g. "page/3/" or "" for the first page of the home listing
    articles: tuple[Article, ...]
    newer: str | None
    older: str | None
    number: int | None  # None for the listing's front page
    base: str = ""  # the listing's front page
    older_number: int | None = None  # the number of the page `older` leads to

    @property
    def newer_number(self) -> int | None:
        """The number of the page `newer` leads to; None when that is the front page."""
        return None if self.number is None or self.newer == self.base else self.number + 1


def paginate(base: str, articles: list[Article] | tuple[Article, ...], per_page: int) -> list[ListingPage]:
    """The listing's front page (the newest per_page articles) and its numbered pages.

    Numbered pages count from the oldest article: page 1 always holds the first per_page articles
    ever published, so when news arrives only the newest one or two pages change, and everything a
    reader or a search engine already saw stays byte-identical.
    """
    oldest_first = list(reversed(articles))
    count = len(oldest_first)
    numbered = [oldest_first[i:i + per_page] for i in range(0, count, per_page)]
    older = (count - per_page - 1) // per_page + 1 if count > per_page else None
    pages = [ListingPage(base, tuple(articles[:per_page]), None,
                         f"{base}page/{older}/" if older else None, None, base, older)]
    if count <= per_page:
        return pages
    total = len(numbered)
    for n, chunk in enumerate(numbered, start=1):
        newer = f"{base}page/{n + 1}/" if n < total else base
        older = f"{base}page/{n - 1}/" if n > 1 else None
        pages.append(ListingPage(f"{base}page/{n}/", tuple(reversed(chunk)), newer, older, n, base,
                                 n - 1 if n > 1 else None))
    return pages
