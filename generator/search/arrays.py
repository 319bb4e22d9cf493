"""The whole search index at once, with array operations over every (term, article) pair.

A cold build indexes about 180 words per article; done article by article and term by term in
Python, that was most of the cost of a build's search stage. Here each article only turns into
a run of term numbers; sorting, counting, BM25F weighting and the base-32 encoding of postings
and positions are numpy operations over all of them. The result is, string for string, the
SearchIndex that adding the articles' ArticleTerms one by one would give (tests hold it to such a
reference, tests/helpers/reference_index.py), in the encodings templates/static/search/ reads; the
index of an edit is patched in that per-article way (search.update).
"""

from array import array
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from generator.core.model import Article
from generator.search.blocks import ARTICLES_PER_BLOCK, WordBlocks
from generator.search.codec import LAST_DIGITS, MORE_DIGITS, encode_postings
from generator.search.index import Rows, SearchIndex, month_starts
from generator.search.scoring import IMPACT_SCALE, K1, corpus_norms, doc_weights, idf
from generator.search.terms import FILTER_PREFIX

_LAST_BYTES = np.frombuffer(LAST_DIGITS.encode("ascii"), np.uint8)
_MORE_BYTES = np.frombuffer(MORE_DIGITS.encode("ascii"), np.uint8)


class _Numbers(dict):
    """term → its number, given in order of first sight; "" (stopwords, the title gap) is 0."""

    def __init__(self):
        super().__init__({"": 0})

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self)
        return number


# Numbers weighed or encoded at a time: each step makes temporary arrays of this length (eight bytes
# a number), several at once; longer blocks save nothing measurable.
BLOCK = 1 << 20


def encode_pieces(numbers: np.ndarray, bounds: np.ndarray) -> list[str]:
    """numbers[bounds[i]:bounds[i + 1]] encoded (as codec.encode_numbers does), for each i.

    Cut into pieces block by block, never joined into one text first: that text and its pieces
    were twice the postings' bytes at once (about 200 MB at 100,000 articles)."""
    pieces: list[str] = []
    open_piece: str | None = None  # the text so far of the piece the last bound began
    placed = 0  # bounds met so far
    for start in range(0, len(numbers), BLOCK):
        n = numbers[start:start + BLOCK]
        digits = np.ones(len(n), np.int8)
        rest = n >> 5
        while rest.any():
            digits += rest > 0
            rest >>= 5
        ends = np.cumsum(digits, dtype=np.int64)
        out = np.empty(int(ends[-1]), np.uint8)
        out[ends - 1] = _LAST_BYTES[n & 31]  # the last digit of each number
        more = np.flatnonzero(digits > 1)
        k = 2  # the k-th digit from the end, for the numbers that have one
        while more.size:
            out[ends[more] - k] = _MORE_BYTES[(n[more] >> (5 * (k - 1))) & 31]
            k += 1
            more = more[digits[more] >= k]
        del digits, rest, more
        low, high = np.searchsorted(bounds, [start, start + len(n)])  # bounds ascend
        inside = bounds[low:high] - start
        text = out.tobytes().decode("ascii")
        del out
        last = 0
        for cut in np.where(inside > 0, ends[inside - 1], 0).tolist():
            if open_piece is not None:
                pieces.append(open_piece + text[last:cut])
            open_piece, last = "", cut
        placed += len(inside)
        if open_piece is not None:
            open_piece += text[last:]
    for _ in range(len(bounds) - placed):  # bounds at the very end
        if open_piece is not None:
            pieces.append(open_piece)
        open_piece = ""
    return pieces


def _impacts(d: np.ndarray, n: np.ndarray, t: np.ndarray, term_idf: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """BM25F impacts of (term, doc) pairs, given each one's doc, occurrences, occurrences in the
    title and term's idf, operation for operation as scoring.impact, so every rounding is the same."""
    tf = t * weights[d, 0] + (n - t) * weights[d, 1]
    score = np.where((n == 1) & (t == 0), term_idf * weights[d, 2] * IMPACT_SCALE,
                     term_idf * tf * (K1 + 1) / (K1 + tf) * IMPACT_SCALE)
    return np.rint(score)


def range_postings(term: np.ndarray, doc: np.ndarray, position: np.ndarray, title_lengths: np.ndarray,
                   weights: np.ndarray, norms) -> tuple[list[int], list[str], list[str], list[int], list[int]]:
    """(term numbers, their postings, their positions, document frequencies, last docs) of every
    word of some terms, as (term number, doc, place), by term, then doc and place (blocks.WordBlocks)."""
    # (term, doc) pairs: where each starts, how often the term occurs there, how often in the title.
    starts_pair = np.ones(len(term), bool)
    starts_pair[1:] = (term[1:] != term[:-1]) | (doc[1:] != doc[:-1])
    first = np.flatnonzero(starts_pair).astype(np.int32)
    del starts_pair
    occurrences = np.diff(np.append(first, len(term))).astype(np.int32)
    in_title = (np.add.reduceat(position < title_lengths[doc], first, dtype=np.int32)
                if len(first) else np.zeros(0, np.int32))
    pair_term, pair_doc = term[first], doc[first]
    del term, doc

    # Terms: where each one's pairs start, its document frequency and idf (math.log, as everywhere).
    starts_term = np.ones(len(first), bool)
    starts_term[1:] = pair_term[1:] != pair_term[:-1]
    term_first = np.flatnonzero(starts_term)
    del starts_term
    term_numbers = pair_term[term_first]
    del pair_term
    df = np.diff(np.append(term_first, len(first)))
    frequencies, which = np.unique(df, return_inverse=True)
    idfs = np.array([idf(norms, n) for n in frequencies.tolist()], np.float64)[which]

    # BM25F impacts (_impacts), block by block.
    pair_rank = np.repeat(np.arange(len(df), dtype=np.int32), df)  # each pair's term, counted in order
    impacts = np.empty(len(first), np.int32)
    for start in range(0, len(first), BLOCK):  # in blocks: each step makes temporary arrays
        part = slice(start, start + BLOCK)
        impacts[part] = _impacts(pair_doc[part], occurrences[part], in_title[part], idfs[pair_rank[part]], weights)
    impacts[impacts == 0] = 1
    impacts = impacts * 2 + (in_title > 0)  # as scoring.posting_impact
    del in_title, pair_rank

    # Postings: doc, impact, doc step, impact … per term.
    steps = pair_doc.copy()
    steps[1:] -= pair_doc[:-1]
    steps[term_first] = pair_doc[term_first]
    flat_postings = np.empty(2 * len(first), np.int32)
    flat_postings[0::2], flat_postings[1::2] = steps, impacts
    del steps, impacts
    term_bounds = np.append(term_first, len(first))
    posting_strings = encode_pieces(flat_postings, 2 * term_bounds)
    del flat_postings

    # Positions: per pair, the count, then the first position and the steps between them.
    gaps = position.copy()
    gaps[1:] -= position[:-1]
    gaps[first] = position[first]
    del position
    flat_positions = np.empty(len(first) + len(gaps), np.int32)
    count_at = first + np.arange(len(first), dtype=np.int32)  # each pair's count, then its positions
    flat_positions[count_at] = occurrences
    is_gap = np.ones(len(flat_positions), bool)
    is_gap[count_at] = False
    flat_positions[is_gap] = gaps
    del gaps, is_gap
    position_strings = encode_pieces(flat_positions, np.append(count_at, len(flat_positions))[term_bounds])
    del flat_positions, count_at

    last = pair_doc[term_bounds[1:] - 1]
    return term_numbers.tolist(), posting_strings, position_strings, df.tolist(), last.tolist()


def index_streams(articles: list[Article], streams: Iterable[tuple[int, int, list[str]]],
                  filter_names: list[list[str]], folder: Path | None = None,
                  months_and_languages: tuple[list[tuple[str, int]], list[str]] | None = None,
                  ) -> tuple[SearchIndex, list[tuple[int, int]], list[str], dict[str, int]]:
    """The index of `articles` (in doc number order, search.index.doc_order) from each article's
    (title words, text words, terms) — its terms in order, one per word, with "" for stopwords and
    for the gap after the title — and from each article's filter terms. Also what updating the
    index needs: each article's (title words, text words), its terms, one per line, and each term's
    last doc number. The streams are read once and not kept; their words wait in a temporary file
    in `folder` (search.blocks); the result rows are made from the articles when a shard needs
    them (index.Rows). `months_and_languages`: the index's months (index.month_starts) and
    languages, when the caller has them (each pass over the articles may unpickle them all)."""
    numbers = _Numbers()
    blocks = WordBlocks(folder)
    flat, counts_per_doc = array("i"), array("i")
    lengths: list[tuple[int, int]] = []
    doc_terms: list[str] = []
    for title_len, text_len, terms in streams:
        flat.extend(map(numbers.__getitem__, terms))
        counts_per_doc.append(len(terms))
        lengths.append((title_len, text_len))
        found = dict.fromkeys(terms)
        found.pop("", None)
        doc_terms.append("\n".join(found))
        if len(counts_per_doc) == ARTICLES_PER_BLOCK:
            blocks.add(flat, counts_per_doc, len(lengths) - len(counts_per_doc))
            flat, counts_per_doc = array("i"), array("i")
    blocks.add(flat, counts_per_doc, len(lengths) - len(counts_per_doc))
    del flat, counts_per_doc
    names = list(numbers)  # term number → term
    del numbers
    norms = corpus_norms(len(articles), sum(t for t, _ in lengths), sum(x for _, x in lengths))
    title_lengths = np.array([t for t, _ in lengths], np.int32)
    weights = np.array([doc_weights(norms, t, x) for t, x in lengths], np.float64).reshape(-1, 3)

    # Per term number: its postings, positions, document frequency and last doc.
    made: list[list] = [[None] * len(names) for _ in range(4)]
    for low, high in blocks.ranges():
        numbers_made, *results = range_postings(*blocks.words(low, high), title_lengths, weights, norms)
        for table, values in zip(made, results):
            for n, value in zip(numbers_made, values):
                table[n] = value
        del numbers_made, results
    blocks.close()
    del title_lengths, weights
    alphabetical = sorted(range(1, len(names)), key=names.__getitem__)  # 0 is "", no term
    last_word = names[alphabetical[-1]] if alphabetical else ""
    postings, positions, counts, last = ({names[n]: table[n] for n in alphabetical} for table in made)
    del made, names, alphabetical
    filters: dict[str, list[int]] = {}
    for d, names_of_doc in enumerate(filter_names):
        for name in names_of_doc:
            filters.setdefault(name, []).append(d)
    for name in sorted(filters):
        docs = filters[name]
        postings[name] = encode_postings(docs, [0] * len(docs))
        positions[name] = "0" * len(docs)
        counts[name] = len(docs)
        last[name] = docs[-1]
    order = list(postings)
    if filters and last_word > FILTER_PREFIX:  # words in scripts that sort after "~"
        order.sort()
        postings, positions, counts = ({t: table[t] for t in order} for table in (postings, positions, counts))
    months, languages = months_and_languages or (month_starts(articles), sorted({a.lang for a in articles}))
    index = SearchIndex(postings, positions, counts, Rows(articles), months, languages, norms, order)
    return index, lengths, doc_terms, last
