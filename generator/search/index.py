"""The search index as a build holds it: per term its postings, positions and document frequency;
per article the row a result shows; the months and languages the search page offers.

The postings and positions are already encoded (search.codec), as the shards carry them
(search.shards); search.arrays makes the index of a whole archive, search.update patches it after
an edit.
"""

from dataclasses import dataclass, field

from generator.core.model import Article
from generator.search.codec import decode_postings
from generator.search.scoring import Norms
from generator.search.terms import article_text

# The text a result's snippet is cut from around the query's words (search/snippets.js passage), or
# its lead when no word is there: the whole text of most news articles, kept apart from the document
# shards (search.shards) and loaded only for the results on show. A longer article's passage comes
# from its first EXCERPT_CHARS.
EXCERPT_CHARS = 3000


@dataclass
class SearchIndex:
    postings: dict[str, str]  # term → encode_postings(doc numbers ascending, their impacts)
    positions: dict[str, str]  # term → encoded word positions in each article of its postings, joined
    df: dict[str, int]  # term → number of articles holding it
    docs: "Rows | list[list]"  # doc number (doc_order) → [path, title, date, source, lang, excerpt]
    months: list[tuple[str, int]]  # (YYYY-MM, first doc number), oldest first
    languages: list[str]  # languages whose stemmer the query must apply
    norms: Norms
    order: list[str] = field(default_factory=list)  # every term, sorted

    def pairs(self, term: str) -> list[tuple[int, int]]:
        return list(zip(*decode_postings(self.postings.get(term, ""))))


def _excerpt(text: str) -> str:
    text = " ".join(text[:2 * EXCERPT_CHARS].split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0]


def doc_row(article: Article) -> list:
    text = article_text(article)  # the body's text when there is no summary
    return [article.path, article.title, article.date.date().isoformat(), article.source, article.lang,
            _excerpt(text)]


class Rows:
    """index.docs made from the articles row by row when asked for (doc_row), never all held: with
    their excerpts, the rows of 100,000 articles are about 100 MB, which only the document and
    excerpt shards read, each row once (search.shards)."""

    def __init__(self, articles: list[Article]):
        self.articles = articles

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, at):
        if isinstance(at, slice):
            return [doc_row(article) for article in self.articles[at]]
        return doc_row(self.articles[at])


def doc_order(archive) -> list[Article]:
    """The archive's articles by doc number: oldest first, so that today's articles take the next
    numbers and every other article keeps its own (search.update appends them)."""
    return archive.articles[::-1]


def month_starts(articles: list[Article], months: list[tuple[str, int]] | None = None,
                 start: int = 0) -> list[tuple[str, int]]:
    """(YYYY-MM, its first doc number) for each month, oldest first: `months` (those of the same
    articles up to doc `start`) continued from `start`."""
    months = [(month, doc) for month, doc in months or [] if doc < start]
    for doc in range(start, len(articles)):
        month = f"{articles[doc].date:%Y-%m}"
        if not months or months[-1][0] != month:
            months.append((month, doc))
    return months
