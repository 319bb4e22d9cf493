"""The whole search index at once, with array operations over every (term, article) pair.

A cold build indexes about 180 words per article; done article by article and term by term in
Python, that was most of the cost of a build's search stage. Here each article only turns into
a run of term numbers; sorting, counting, BM25F weighting and the base-32 encoding of postings
and positions are numpy operations over all of them. The result is the SearchIndex, string for
string, that search_index.build_search_index makes from ArticleTerms (tests hold the two equal),
and whose encodings templates/static/search.js reads.
"""

from array import array
import numpy as np

from .archive import Archive
from .search_index import (_LAST, _MORE, FILTER_PREFIX, IMPACT_SCALE, K1, SearchIndex, corpus_norms, doc_row,
                           doc_weights, encode_postings, idf, month_starts)

_LAST_BYTES = np.frombuffer(_LAST.encode("ascii"), np.uint8)
_MORE_BYTES = np.frombuffer(_MORE.encode("ascii"), np.uint8)


class _Numbers(dict):
    """term → its number, given in order of first sight; "" (stopwords, the title gap) is 0."""

    def __init__(self):
        super().__init__({"": 0})

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self)
        return number


def encode_all(numbers: np.ndarray) -> tuple[str, np.ndarray]:
    """Every number encoded as search_index.encode_numbers does, one after the other, as one
    string; and where each number's code starts in it (one more entry: the end)."""
    n = numbers.astype(np.int64)
    digits = np.ones(len(n), np.int64)
    rest = n >> 5
    while rest.any():
        digits += rest > 0
        rest >>= 5
    ends = np.cumsum(digits)
    out = np.empty(int(ends[-1]) if len(n) else 0, np.uint8)
    out[ends - 1] = _LAST_BYTES[n & 31]  # the last digit of each number
    more = np.flatnonzero(digits > 1)
    k = 2  # the k-th digit from the end, for the numbers that have one
    while more.size:
        out[ends[more] - k] = _MORE_BYTES[(n[more] >> (5 * (k - 1))) & 31]
        k += 1
        more = more[digits[more] >= k]
    return out.tobytes().decode("ascii"), np.concatenate(([0], ends))


def _slices(text: str, offsets: np.ndarray, bounds: np.ndarray) -> list[str]:
    """text cut at offsets[bounds]: one piece per pair of neighbouring bounds."""
    at = offsets[bounds].tolist()
    return [text[a:b] for a, b in zip(at, at[1:])]


def index_streams(archive: Archive, streams: list[tuple[int, int, list[str]]],
                  filter_names: list[list[str]]) -> SearchIndex:
    """The index of `archive` from each article's (title words, text words, terms): its terms in
    order, one per word, with "" for stopwords and for the gap after the title; and from each
    article's filter terms."""
    articles = archive.articles
    numbers = _Numbers()
    flat = array("i")
    lengths = np.empty(len(articles), np.int32)
    for doc, (_, _, terms) in enumerate(streams):
        flat.extend(map(numbers.__getitem__, terms))
        lengths[doc] = len(terms)
    names = list(numbers)  # term number → term
    norms = corpus_norms(len(articles), sum(s[0] for s in streams), sum(s[1] for s in streams))

    # Every indexed word as (term rank, doc, position), grouped by term in sorted order, then by doc.
    alphabetical = sorted(range(len(names)), key=names.__getitem__)
    rank = np.empty(len(names), np.int32)
    rank[alphabetical] = np.arange(len(names), dtype=np.int32)
    term = np.frombuffer(flat, np.int32)
    doc = np.repeat(np.arange(len(articles), dtype=np.int32), lengths)
    position = np.arange(len(term), dtype=np.int32) - np.repeat(np.cumsum(lengths, dtype=np.int32) - lengths, lengths)
    kept = term != 0
    term, doc, position = rank[term[kept]], doc[kept], position[kept]
    order = np.argsort(term, kind="stable")  # stable: each term's words stay in (doc, position) order
    term, doc, position = term[order], doc[order], position[order]

    # (term, doc) pairs: where each starts, how often the term occurs there, how often in the title.
    starts_pair = np.ones(len(term), bool)
    starts_pair[1:] = (term[1:] != term[:-1]) | (doc[1:] != doc[:-1])
    first = np.flatnonzero(starts_pair)
    occurrences = np.diff(np.append(first, len(term)))
    title_lengths = np.array([s[0] for s in streams], np.int64)
    in_title = np.add.reduceat((position < title_lengths[doc]).astype(np.int64), first) if len(first) else first
    pair_term, pair_doc = term[first], doc[first]

    # Terms: where each one's pairs start, its document frequency and idf (math.log, as everywhere).
    starts_term = np.ones(len(first), bool)
    starts_term[1:] = pair_term[1:] != pair_term[:-1]
    term_first = np.flatnonzero(starts_term)
    df = np.diff(np.append(term_first, len(first)))
    idfs = np.array([idf(norms, n) for n in df.tolist()], np.float64)
    pair_idf = np.repeat(idfs, df)

    # BM25F impacts, operation for operation as search_index.impact, so every rounding is the same.
    weights = np.array([doc_weights(norms, t, x) for t, x, _ in streams], np.float64).reshape(-1, 3)
    title_norm, text_norm, once = weights[pair_doc, 0], weights[pair_doc, 1], weights[pair_doc, 2]
    tf = in_title * title_norm + (occurrences - in_title) * text_norm
    score = np.where((occurrences == 1) & (in_title == 0), pair_idf * once * IMPACT_SCALE,
                     pair_idf * tf * (K1 + 1) / (K1 + tf) * IMPACT_SCALE)
    impacts = np.rint(score).astype(np.int64)
    impacts[impacts == 0] = 1

    # Postings: doc, impact, doc step, impact … per term.
    steps = pair_doc.copy()
    steps[1:] -= pair_doc[:-1]
    steps[term_first] = pair_doc[term_first]
    flat_postings = np.empty(2 * len(first), np.int64)
    flat_postings[0::2], flat_postings[1::2] = steps, impacts
    text, offsets = encode_all(flat_postings)
    term_bounds = np.append(term_first, len(first))
    posting_strings = _slices(text, offsets, 2 * term_bounds)

    # Positions: per pair, the count, then the first position and the steps between them.
    gaps = position.copy()
    gaps[1:] -= position[:-1]
    gaps[first] = position[first]
    pair_of_word = np.repeat(np.arange(len(first)), occurrences)
    flat_positions = np.empty(len(first) + len(term), np.int64)
    flat_positions[first + np.arange(len(first))] = occurrences
    flat_positions[np.arange(len(term)) + pair_of_word + 1] = gaps
    text, offsets = encode_all(flat_positions)
    word_bounds = np.append(first, len(term))[term_bounds] + term_bounds
    position_strings = _slices(text, offsets, word_bounds)

    word_terms = [names[alphabetical[r]] for r in pair_term[term_first].tolist()]
    postings = dict(zip(word_terms, posting_strings))
    positions = dict(zip(word_terms, position_strings))
    counts = dict(zip(word_terms, df.tolist()))
    filters: dict[str, list[int]] = {}
    for d, names_of_doc in enumerate(filter_names):
        for name in names_of_doc:
            filters.setdefault(name, []).append(d)
    for name in sorted(filters):
        docs = filters[name]
        postings[name] = encode_postings(docs, [0] * len(docs))
        positions[name] = "0" * len(docs)
        counts[name] = len(docs)
    order = list(postings)
    if word_terms and filters and word_terms[-1] > FILTER_PREFIX:  # words in scripts that sort after "~"
        order.sort()
        postings, positions, counts = ({t: table[t] for t in order} for table in (postings, positions, counts))
    return SearchIndex(postings, positions, counts, [doc_row(a) for a in articles], month_starts(articles),
                       sorted({a.lang for a in articles}), norms, order)


def unique_terms(terms: list[str]) -> list[str]:
    """An article's terms, each once, in the order of first occurrence (as ArticleTerms.terms)."""
    found = dict.fromkeys(terms)
    found.pop("", None)
    return list(found)
