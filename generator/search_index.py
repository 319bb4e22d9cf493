"""The full-text search index, made at build time and split into shards the browser loads as scripts.

Every shard is a classic script calling `__NA_SHARD(name, data)`: no fetch and no modules, so the
search works from a static host and from file:// alike. A query loads the manifest, the term shards
holding its words (with their position shards when it has several words) and the document shards
holding its top results, nothing else. templates/static/search.js reads them.
"""

import hashlib
import json
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import accumulate
from operator import sub

from .archive import Archive
from .model import Article, Page
from .search_text import STOPWORDS, html_text, stem_words, words
from .slug import term_slug

# BM25F: a word in the headline counts like TITLE_WEIGHT words in the text.
K1 = 1.2
TITLE_WEIGHT = 6.0
TITLE_B = 0.5
TEXT_B = 0.9
IMPACT_SCALE = 8  # quantised score steps per BM25 point: ranks survive, postings stay short
SNIPPET_CHARS = 180
# Shard sizes balance the bytes of a first query (a few term and position shards, up to ten
# document shards) against the number of files (about 490 for 10,000 articles).
TERM_SHARD_BYTES = 24_000  # raw bytes of postings per term shard; its position shard is about as big
DOCS_PER_SHARD = 34
FILTER_PREFIX = "~"  # filter terms (~s:source, ~t:tag, ~l:lang) sort after every word

# Numbers as base-32 digits: every digit but the last from _MORE, the last from _LAST, so a
# posting list is one short string that needs no separators.
_LAST = "0123456789abcdefghijklmnopqrstuv"
_MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"


@dataclass(frozen=True)
class ArticleTerms:
    """One article's contribution to the index: depends on nothing but the article.

    Words are numbered through the title, a gap, then summary and body. Positions come already
    encoded for the position shards (count, then steps), which keeps this small to send between
    processes and to cache.
    """

    title_len: int
    text_len: int
    terms: tuple[str, ...]
    in_title: tuple[int, ...]  # per term: occurrences in the title
    occurrences: tuple[int, ...]  # per term: occurrences in title and text
    positions: tuple[str, ...]  # per term: encode_numbers([count, first, step, step …])

    def positions_of(self, term: str) -> list[int]:
        return list(accumulate(decode_numbers(self.positions[self.terms.index(term)])[1:]))


@dataclass(frozen=True)
class SearchIndex:
    postings: dict[str, list[tuple[int, int]]]  # term → [(doc number, impact)], doc numbers ascending
    positions: dict[str, list[str]]  # term → encoded word positions in each article of its postings
    docs: list[list]  # doc number (newest first) → [path, title, date, source, lang, snippet]
    months: list[tuple[str, int]]  # (YYYY-MM, first doc number), newest first
    languages: list[str]  # languages whose stemmer the query must apply


def _article_text(article: Article) -> str:
    body = html_text(article.body_html)
    # A generated summary is the body's lead paragraph; counting it twice would double the lead.
    if article.summary and article.summary.rstrip(" …") not in body[: len(article.summary) + 200]:
        return article.summary + " \n " + body
    return body


def article_terms(article: Article) -> ArticleTerms:
    """Stemmed terms with their positions; stopwords keep their place in the count but are not indexed."""
    title, text = words(article.title), words(_article_text(article))
    stream = title + [""] + text  # the gap keeps a phrase from spanning title and text
    at: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(stream):
        at[word].append(i)
    del at[""]
    for word in STOPWORDS.get(article.lang, frozenset()).intersection(at):
        del at[word]
    terms, places = stem_words(article.lang, at), list(at.values())
    positions = dict(zip(terms, places))
    if len(positions) < len(terms):  # two spellings of one stem ("Verhandlung", "Verhandlungen")
        shared = {term for term, n in Counter(terms).items() if n > 1}
        merged: dict[str, list[int]] = defaultdict(list)
        for term, at_places in zip(terms, places):
            if term in shared:
                merged[term] += at_places
        positions.update((term, sorted(p)) for term, p in merged.items())
    places = list(positions.values())
    boundary = len(title)
    return ArticleTerms(len(title), len(text), tuple(positions),
                        tuple(bisect_left(p, boundary) for p in places), tuple(map(len, places)),
                        tuple(map(_encode_places, places)))


def _encode_places(places: list[int]) -> str:
    if len(places) == 1 and places[0] < len(_CODES):  # most words occur once in an article
        return _CODES[1] + _CODES[places[0]]
    return encode_numbers([len(places), *map(sub, places, [0] + places)])


def _snippet(article: Article) -> str:
    text = " ".join((article.summary or html_text(article.body_html)).split())
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _filter_terms(article: Article) -> list[str]:
    terms = [f"{FILTER_PREFIX}t:{term_slug(tag)}" for tag in article.tags]
    if article.source:
        terms.append(f"{FILTER_PREFIX}s:{term_slug(article.source)}")
    if article.lang:
        terms.append(f"{FILTER_PREFIX}l:{article.lang}")
    return sorted(set(terms))


def build_search_index(archive: Archive, contributions: list[ArticleTerms] | None = None) -> SearchIndex:
    """BM25F impacts for every (term, article), with the newest article as doc 0.

    `contributions` are the articles' article_terms, in archive order, when made elsewhere
    (on several cores); otherwise they are made here.
    """
    if contributions is None:
        contributions = [article_terms(a) for a in archive.articles]
    count = max(len(contributions), 1)
    avg_title = sum(c.title_len for c in contributions) / count or 1.0
    avg_text = sum(c.text_len for c in contributions) / count or 1.0
    df: dict[str, int] = defaultdict(int)
    for c in contributions:
        for term in c.terms:
            df[term] += 1
    idf = {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in df.items()}
    postings: dict[str, list[tuple[int, int]]] = {t: [] for t in df}
    positions: dict[str, list[str]] = {t: [] for t in df}
    for doc, (article, c) in enumerate(zip(archive.articles, contributions)):
        title_norm = TITLE_WEIGHT / (1 - TITLE_B + TITLE_B * c.title_len / avg_title)
        text_norm = 1 / (1 - TEXT_B + TEXT_B * c.text_len / avg_text)
        # Most words occur once, in the text: their weight is the same for every such word.
        once = text_norm * (K1 + 1) / (K1 + text_norm)
        for term, in_title, occurrences, places in zip(c.terms, c.in_title, c.occurrences, c.positions):
            if occurrences == 1 and not in_title:
                impact = round(idf[term] * once * IMPACT_SCALE)
            else:
                tf = in_title * title_norm + (occurrences - in_title) * text_norm
                impact = round(idf[term] * tf * (K1 + 1) / (K1 + tf) * IMPACT_SCALE)
            postings[term].append((doc, impact or 1))
            positions[term].append(places)
        for term in _filter_terms(article):
            postings.setdefault(term, []).append((doc, 0))
            positions.setdefault(term, []).append(_CODES[0])
    docs = [[a.path, a.title, a.date.date().isoformat(), a.source, a.lang, _snippet(a)] for a in archive.articles]
    months: list[tuple[str, int]] = []
    for doc, article in enumerate(archive.articles):
        month = f"{article.date:%Y-%m}"
        if not months or months[-1][0] != month:
            months.append((month, doc))
    languages = sorted({a.lang for a in archive.articles})
    return SearchIndex(dict(postings), dict(positions), docs, months, languages)


def _encode_number(n: int) -> str:
    digits = _LAST[n & 31]
    n >>= 5
    while n:
        digits = _MORE[n & 31] + digits
        n >>= 5
    return digits


_CODES = [_encode_number(n) for n in range(1 << 15)]


def encode_numbers(numbers: list[int]) -> str:
    """Non-negative integers as one compact string (see _LAST/_MORE)."""
    if max(numbers, default=0) < len(_CODES):
        return "".join(map(_CODES.__getitem__, numbers))
    return "".join(map(_encode_number, numbers))


def decode_numbers(text: str) -> list[int]:
    """The inverse of encode_numbers."""
    numbers, n = [], 0
    for ch in text:
        if ch in _LAST:
            numbers.append(n * 32 + _LAST.index(ch))
            n = 0
        else:
            n = n * 32 + _MORE.index(ch)
    return numbers


def _encode_postings(postings: list[tuple[int, int]]) -> str:
    flat, last = [], 0
    for doc, impact in postings:
        flat += (doc - last, impact)
        last = doc
    return encode_numbers(flat)


def _shard(folder: str, data) -> tuple[str, Page]:
    """(name, file) of a shard script named by its content, so a browser never mixes a cached shard
    with a newer manifest."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=isinstance(data, dict))
    name = f"{folder}/{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:12]}.js"
    return name, Page(f"search/{name}", f"__NA_SHARD({json.dumps(name)},{payload});\n".encode("utf-8"))


def _term_shards(index: SearchIndex) -> list[list[str]]:
    """Terms in sorted order, cut into runs of about TERM_SHARD_BYTES of postings."""
    shards, current, size = [], [], 0
    for term in sorted(index.postings):
        cost = len(term) + 2 * len(index.postings[term]) + 4
        if current and size + cost > TERM_SHARD_BYTES:
            shards.append(current)
            current, size = [], 0
        current.append(term)
        size += cost
    if current:
        shards.append(current)
    return shards


def search_files(index: SearchIndex) -> tuple[str, list[Page]]:
    """(manifest path, every search/ file): term, position and document shards plus the manifest."""
    pages: list[Page] = []

    def add(folder: str, data) -> str:
        name, page = _shard(folder, data)
        pages.append(page)
        return name

    shards = _term_shards(index)
    manifest = {
        "docs": len(index.docs),
        "docsPerShard": DOCS_PER_SHARD,
        "firstTerms": [terms[0] for terms in shards],
        "termFiles": [add("t", {t: _encode_postings(index.postings[t]) for t in terms}) for terms in shards],
        "positionFiles": [add("p", {t: "".join(index.positions[t]) for t in terms}) for terms in shards],
        "docFiles": [add("d", index.docs[i:i + DOCS_PER_SHARD]) for i in range(0, len(index.docs), DOCS_PER_SHARD)],
        "months": index.months,
        "languages": index.languages,
        "stopwords": {lang: sorted(words) for lang, words in STOPWORDS.items()},
    }
    add("m", manifest)
    return pages[-1].path, pages
