"""The full-text search index, made at build time and split into shards the browser loads as scripts.

Every shard is a classic script calling `__NA_SHARD(name, data)`: no fetch and no modules, so the
search works from a static host and from file:// alike. A query loads the manifest, the term shards
holding its words (with their position shards when it has several words) and the document shards
holding its top results, nothing else. templates/static/search.js reads them.
"""

import hashlib
import json
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from operator import sub

from generator.core.model import Article, Page
from generator.search.text import STOPWORDS, html_text, index_terms, words
from generator.core.slug import term_slug

# BM25F: a word in the headline counts like TITLE_WEIGHT words in the text.
K1 = 1.2
TITLE_WEIGHT = 6.0
TITLE_B = 0.5
TEXT_B = 0.9
IMPACT_SCALE = 8  # quantised score steps per BM25 point: ranks survive, postings stay short
SNIPPET_CHARS = 120  # about twenty words; the snippets are most of a document shard
# Shard sizes balance three costs (measured with the search harness, 10,000 articles): the bytes of a
# first query (a term and a position shard per word, the document shards of its top ten), the
# requests a later query still has to make, and the number of files (about 450 here). Small term
# shards keep a first query light; large document shards mean the top ten of a later query are
# mostly loaded already. Each request round costs more than its bytes: on a server that delays
# small responses (Nagle's algorithm against delayed ACKs) a round of many small files takes 40 ms.
TERM_SHARD_BYTES = 12_000  # raw bytes of postings per term shard; its position shard is about as big
DOCS_PER_SHARD = 180
FILTER_PREFIX = "~"  # filter terms (~s:source, ~t:tag, ~l:lang) sort after every word

# Numbers as base-32 digits: every digit but the last from MORE_DIGITS, the last from LAST_DIGITS,
# so a posting list is one short string that needs no separators.
LAST_DIGITS = "0123456789abcdefghijklmnopqrstuv"
MORE_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"


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
    joined_positions: str  # per term: encode_numbers([count, first, step, step …]), space-separated

    @property
    def terms(self) -> list[str]:
        return self.joined_terms.split("\n") if self.joined_terms else []

    @property
    def positions(self) -> list[str]:
        return self.joined_positions.split(" ") if self.joined_positions else []

    def positions_of(self, term: str) -> list[int]:
        return list(accumulate(decode_numbers(self.positions[self.terms.index(term)])[1:]))


@dataclass(frozen=True)
class Norms:
    """The archive-wide figures every impact depends on, rounded so that an edit rarely changes
    them: then an edit changes only the postings of its article's own terms."""

    count: int
    avg_title: float
    avg_text: float


def corpus_norms(count: int, title_words: int, text_words: int) -> Norms:
    n = max(count, 1)
    return Norms(count, round(title_words / n, 1) or 1.0, float(round(text_words / n)) or 1.0)


def idf(norms: Norms, df: int) -> float:
    return math.log(1 + (norms.count - df + 0.5) / (df + 0.5))


def doc_weights(norms: Norms, title_len: int, text_len: int) -> tuple[float, float, float]:
    """BM25F length normalisation of one article: (title factor, text factor, weight of a single
    occurrence in the text, the commonest case)."""
    title_norm = TITLE_WEIGHT / (1 - TITLE_B + TITLE_B * title_len / norms.avg_title)
    text_norm = 1 / (1 - TEXT_B + TEXT_B * text_len / norms.avg_text)
    return title_norm, text_norm, text_norm * (K1 + 1) / (K1 + text_norm)


def impact(term_idf: float, in_title: int, occurrences: int, weights: tuple[float, float, float]) -> int:
    """A term's quantised BM25F score in one article; never 0, which marks a filter term."""
    title_norm, text_norm, once = weights
    if occurrences == 1 and not in_title:
        return round(term_idf * once * IMPACT_SCALE) or 1
    tf = in_title * title_norm + (occurrences - in_title) * text_norm
    return round(term_idf * tf * (K1 + 1) / (K1 + tf) * IMPACT_SCALE) or 1


@dataclass
class SearchIndex:
    postings: dict[str, str]  # term → encode_postings(doc numbers ascending, their impacts)
    positions: dict[str, str]  # term → encoded word positions in each article of its postings, joined
    df: dict[str, int]  # term → number of articles holding it
    docs: list[list]  # doc number (newest first) → [path, title, date, source, lang, snippet]
    months: list[tuple[str, int]]  # (YYYY-MM, first doc number), newest first
    languages: list[str]  # languages whose stemmer the query must apply
    norms: Norms
    order: list[str] = field(default_factory=list)  # every term, sorted

    def pairs(self, term: str) -> list[tuple[int, int]]:
        return list(zip(*decode_postings(self.postings.get(term, ""))))


def _article_text(article: Article) -> str:
    body = html_text(article.body_html)
    # A generated summary is the body's lead paragraph; counting it twice would double the lead.
    if article.summary and article.summary.rstrip(" …") not in body[: len(article.summary) + 200]:
        return article.summary + " \n " + body
    return body


def article_stream(article: Article) -> tuple[int, int, list[str]]:
    """(words in the title, words in the text, the term of every word in order). Stopwords keep
    their place as "", like the gap after the title that keeps a phrase from spanning both."""
    title, text = words(article.title), words(_article_text(article))
    return len(title), len(text), index_terms(article.lang, title + [""] + text)


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
    if len(stream) <= len(_ONCE):
        codes = dict(zip(places, map(_ONCE.__getitem__, map(last.__getitem__, places))))
        for term in repeated:
            codes[term] = _encode_places(places[term])
    else:
        codes = {term: _encode_places(at) for term, at in places.items()}
    in_title = Counter(stream[:title_len])
    return ArticleTerms(title_len, text_len, "\n".join(places), array("I", map(in_title.__getitem__, places)),
                        array("I", counts.values()), " ".join(codes.values()))


def _encode_places(places: list[int]) -> str:
    return encode_numbers([len(places), *map(sub, places, [0] + places)])


def _snippet(article: Article) -> str:
    text = " ".join((article.summary or html_text(article.body_html)).split())
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def filter_terms(article: Article) -> list[str]:
    terms = [f"{FILTER_PREFIX}t:{term_slug(tag)}" for tag in article.tags]
    if article.source:
        terms.append(f"{FILTER_PREFIX}s:{term_slug(article.source)}")
    if article.lang:
        terms.append(f"{FILTER_PREFIX}l:{article.lang}")
    return sorted(set(terms))


def doc_row(article: Article) -> list:
    return [article.path, article.title, article.date.date().isoformat(), article.source, article.lang,
            _snippet(article)]


def month_starts(articles: list[Article]) -> list[tuple[str, int]]:
    """(YYYY-MM, its first doc number) for each month, newest first."""
    months: list[tuple[str, int]] = []
    for doc, article in enumerate(articles):
        month = f"{article.date:%Y-%m}"
        if not months or months[-1][0] != month:
            months.append((month, doc))
    return months


def _encode_number(n: int) -> str:
    digits = LAST_DIGITS[n & 31]
    n >>= 5
    while n:
        digits = MORE_DIGITS[n & 31] + digits
        n >>= 5
    return digits


# The codes of 0 … 32767 (up to three digits), made digit by digit: a third of the import time otherwise.
_CODES = list(LAST_DIGITS) + [m + last for m in MORE_DIGITS[1:] for last in LAST_DIGITS] + \
    [m1 + m2 + last for m1 in MORE_DIGITS[1:] for m2 in MORE_DIGITS for last in LAST_DIGITS]
_ONCE = [_CODES[1] + code for code in _CODES]  # the positions of a word found once, by its place


def encode_numbers(numbers: list[int]) -> str:
    """Non-negative integers as one compact string (see LAST_DIGITS/MORE_DIGITS)."""
    if max(numbers, default=0) < len(_CODES):
        return "".join(map(_CODES.__getitem__, numbers))
    return "".join(map(_encode_number, numbers))


_TOKEN = re.compile(f"[{re.escape(MORE_DIGITS)}]*[{LAST_DIGITS}]")  # one encoded number


class _Values(dict):
    """Encoded number → its value: looked up for short ones, worked out (and kept) for the rest."""

    def __missing__(self, token: str) -> int:
        n = 0
        for ch in token[:-1]:
            n = n * 32 + MORE_DIGITS.index(ch)
        self[token] = n = n * 32 + LAST_DIGITS.index(token[-1])
        return n


_VALUES = _Values()
token_value = _VALUES.__getitem__


def number_tokens(text: str) -> list[str]:
    """Encoded numbers, each as its own string."""
    return _TOKEN.findall(text)


def decode_numbers(text: str) -> list[int]:
    """The inverse of encode_numbers."""
    return list(map(token_value, _TOKEN.findall(text)))


def _encode_flat(flat: list[int]) -> str:
    """doc, impact, doc, impact … with each doc number as the step from the one before."""
    deltas = flat[:]
    deltas[2::2] = map(sub, flat[2::2], flat[:-2:2])
    return encode_numbers(deltas)


def encode_postings(docs, impacts) -> str:
    """A posting list from its doc numbers (ascending) and their impacts."""
    flat = [0] * (2 * len(docs))
    flat[::2], flat[1::2] = docs, impacts
    return _encode_flat(flat)


def decode_postings(text: str) -> tuple[list[int], list[int]]:
    """(doc numbers, impacts): the inverse of encode_postings."""
    numbers = decode_numbers(text)
    return list(accumulate(numbers[::2])), numbers[1::2]


def _shard(folder: str, data) -> tuple[str, Page]:
    """(name, file) of a shard script named by its content, so a browser never mixes a cached shard
    with a newer manifest."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=isinstance(data, dict))
    name = f"{folder}/{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:12]}.js"
    return name, Page(f"search/{name}", f"__NA_SHARD({json.dumps(name)},{payload});\n".encode("utf-8"))


def _term_shards(index: SearchIndex) -> list[list[str]]:
    """Terms in sorted order, cut into runs of about TERM_SHARD_BYTES of postings."""
    shards, current, size = [], [], 0
    for term in index.order:
        cost = len(term) + 2 * index.df[term] + 4
        if current and size + cost > TERM_SHARD_BYTES:
            shards.append(current)
            current, size = [], 0
        current.append(term)
        size += cost
    if current:
        shards.append(current)
    return shards


def search_files(index: SearchIndex, made: dict | None = None) -> tuple[str, list[Page]]:
    """(manifest path, every search/ file): term, position and document shards plus the manifest.

    `made`, when given, keeps the shards of this call for the next one: a shard whose terms and
    strings are the very ones it was made from is not encoded and hashed again (the preview server
    calls this after every edit, which changes a few hundred terms of tens of thousands).
    """
    pages: list[Page] = []
    kept: dict = {}

    def add(folder: str, keys, values, data) -> str:
        key = (folder, tuple(keys), tuple(values))
        found = made.get(key) if made is not None else None
        name, page = found or _shard(folder, data())
        kept[key] = name, page
        pages.append(page)
        return name

    shards = _term_shards(index)
    postings, positions, docs = index.postings, index.positions, index.docs
    term_files, position_files = [], []
    for terms in shards:
        values = [postings[t] for t in terms]
        term_files.append(add("t", terms, values, lambda: dict(zip(terms, values))))
        values = [positions[t] for t in terms]
        position_files.append(add("p", terms, values, lambda: dict(zip(terms, values))))
    doc_files = []
    for i in range(0, len(docs), DOCS_PER_SHARD):
        rows = docs[i:i + DOCS_PER_SHARD]
        doc_files.append(add("d", (), map(tuple, rows), lambda: rows))
    manifest = {
        "docs": len(docs),
        "docsPerShard": DOCS_PER_SHARD,
        "bm25": [K1, TEXT_B, IMPACT_SCALE],  # search.js reads an article's length back from an impact
        "firstTerms": [terms[0] for terms in shards],
        "termFiles": term_files,
        "positionFiles": position_files,
        "docFiles": doc_files,
        "months": index.months,
        "languages": index.languages,
        "stopwords": {lang: sorted(words) for lang, words in STOPWORDS.items()},
    }
    pages.append(_shard("m", manifest)[1])
    if made is not None:
        made.clear()
        made.update(kept)
    return pages[-1].path, pages
