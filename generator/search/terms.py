"""What one article is indexed under: the term of each word with its positions, and its filter terms.

Depends on nothing but the article, so a build keeps these per article and makes only those of
edited articles again.
"""

from array import array
from collections import Counter
from dataclasses import dataclass

from generator.core.bodies import body_of
from generator.core.model import Article
from generator.core.slug import term_slug
from generator.search.codec import ONCE_POSITIONS, decode_positions, encode_positions
from generator.lang.text import html_text, text_terms

FILTER_PREFIX = "~"  # filter terms (~s:source, ~t:tag, ~l:lang) sort after every word


@dataclass(frozen=True)
class ArticleTerms:
    """One article's contribution to the index: depends on nothing but the article.

    Words are numbered through the title, a gap, then summary and body. Positions come already
    encoded for the position shards (count, then steps). Kept as a few strings and arrays rather
    than hundreds of small objects: ten thousand of these are cached and sent between processes.
    """

    title_len: int
    text_len: int
    joined_terms: str  # the terms, one per line
    in_title: array  # per term: occurrences in the title
    occurrences: array  # per term: occurrences in title and text
    joined_positions: str  # per term: encode_positions(its places), space-separated

    @property
    def terms(self) -> list[str]:
        return self.joined_terms.split("\n") if self.joined_terms else []

    @property
    def positions(self) -> list[str]:
        return self.joined_positions.split(" ") if self.joined_positions else []

    def positions_of(self, term: str) -> list[int]:
        return decode_positions(self.positions[self.terms.index(term)])


def article_text(article: Article) -> str:
    """The summary (unless it is the body's lead) and the body as plain text: what is indexed after the title."""
    body = html_text(body_of(article))
    # A generated summary is the body's lead paragraph; counting it twice would double the lead.
    if article.summary and article.summary.rstrip(" …") not in body[: len(article.summary) + 200]:
        return article.summary + " \n " + body
    return body


def article_stream(article: Article, text: str | None = None) -> tuple[int, int, list[str]]:
    """(words in the title, words in the text, the term of every word in order). Stopwords keep
    their place as "", like the gap after the title that keeps a phrase from spanning both.
    `text`: article_text(article), when the caller has it already."""
    if text is None:
        text = article_text(article)
    title, text = text_terms(article.lang, article.title), text_terms(article.lang, text)
    return len(title), len(text), title + [""] + text


def article_terms(article: Article) -> ArticleTerms:
    """Stemmed terms with their positions; stopwords keep their place in the count but are not indexed."""
    title_len, text_len, stream = article_stream(article)
    counts = Counter(stream)
    del counts[""]
    # Most terms occur once: their one place is their last, found without a Python loop.
    last = dict(zip(stream, range(len(stream))))
    places = {term: [last[term]] for term in counts}
    repeated = {term for term, n in counts.items() if n > 1}
    if repeated:
        for term in repeated:
            places[term] = []
        for i in [i for i, term in enumerate(stream) if term in repeated]:
            places[stream[i]].append(i)
    if len(stream) <= len(ONCE_POSITIONS):
        codes = dict(zip(places, map(ONCE_POSITIONS.__getitem__, map(last.__getitem__, places))))
        for term in repeated:
            codes[term] = encode_positions(places[term])
    else:
        codes = {term: encode_positions(at) for term, at in places.items()}
    in_title = Counter(stream[:title_len])
    return ArticleTerms(title_len, text_len, "\n".join(places), array("I", map(in_title.__getitem__, places)),
                        array("I", counts.values()), " ".join(codes.values()))


def filter_terms(article: Article) -> list[str]:
    terms = [f"{FILTER_PREFIX}t:{term_slug(tag)}" for tag in article.tags]
    if article.source:
        terms.append(f"{FILTER_PREFIX}s:{term_slug(article.source)}")
    if article.lang:
        terms.append(f"{FILTER_PREFIX}l:{article.lang}")
    return sorted(set(terms))
