"""The search index of the last build, brought up to date for a few edited articles.

Re-weighting the whole index takes seconds on a large archive, yet an edit changes only the
postings of its article's own terms, as long as the archive-wide norms stay as they were (they
are rounded so that they do): a term the article kept changes in that article's entry alone; a
term it gained or lost changes its document frequency and so every entry of that term. The result
is exactly the index a full build makes, which the tests hold it to.
"""

from array import array
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.organise.archive import Archive
from generator.core.model import Article
from generator.search.arrays import index_streams
from generator.search.codec import decode_positions, decode_postings, encode_postings, number_tokens, token_value
from generator.search.index import SearchIndex, doc_row
from generator.search.scoring import corpus_norms, doc_weights, idf, impact, posting_impact
from generator.search.terms import FILTER_PREFIX, ArticleTerms, article_stream, article_text, filter_terms

MAX_CHANGED = 64  # beyond this many edited articles, indexing afresh is as quick


@dataclass
class IndexState:
    """A search index with what updating it needs: per article, its identity, lengths and terms."""

    index: SearchIndex
    keys: list[tuple[str, str]]  # per doc: (path, content hash)
    lengths: list[tuple[int, int]]  # per doc: (title words, text words)
    terms: list[str]  # per doc: its terms, filter terms included, one per line
    # The postings of terms updated before, decoded: common words are in almost every edit.
    decoded: dict[str, tuple[array, array, list[str]]] = field(default_factory=dict)

    @classmethod
    def from_articles(cls, archive: Archive) -> "IndexState":
        """The index of the whole archive, made at once (search.arrays)."""
        articles = archive.articles
        filters = [filter_terms(a) for a in articles]
        texts: list[str] = []  # each article's text, read once for its terms and its excerpt

        def streams():
            for article in articles:
                texts.append(article_text(article))
                yield article_stream(article, texts[-1])
        index, lengths, terms = index_streams(archive, streams(), filters, texts)
        return cls(index, [(a.path, a.content_hash) for a in articles], lengths,
                   ["\n".join(filter(None, [doc_terms, *names])) for doc_terms, names in zip(terms, filters)])

    def update(self, archive: Archive, terms_of: Callable[[list[Article]], list[ArticleTerms]]) -> bool:
        """Take in the edits that made `archive`; False (and unchanged) when they are more than edits
        of a few articles in place, or when they move the norms: then the caller indexes afresh."""
        articles = archive.articles
        if len(articles) != len(self.keys) or any(a.path != k[0] for a, k in zip(articles, self.keys)):
            return False
        changed = [d for d, (a, k) in enumerate(zip(articles, self.keys)) if a.content_hash != k[1]]
        if len(changed) > MAX_CHANGED:
            return False
        if not changed:
            return True
        new = terms_of([articles[d] for d in changed])
        lengths = self.lengths[:]
        for d, c in zip(changed, new):
            lengths[d] = (c.title_len, c.text_len)
        norms = corpus_norms(len(lengths), sum(t for t, _ in lengths), sum(t for _, t in lengths))
        if norms != self.index.norms:
            return False
        entries: dict[str, dict[int, tuple[int, int, str] | None]] = {}  # term → doc → new entry or None
        for d, c in zip(changed, new):
            for term in self.terms[d].split("\n"):
                entries.setdefault(term, {})[d] = None
            for term, in_title, occurrences, places in zip(c.terms, c.in_title, c.occurrences, c.positions):
                entries.setdefault(term, {})[d] = (in_title, occurrences, places)
            for term in filter_terms(articles[d]):
                entries.setdefault(term, {})[d] = (0, 0, "0")
        self.lengths = lengths
        for term, changes in entries.items():
            self._update_term(term, changes)
        index = self.index
        for d, c in zip(changed, new):
            self.keys[d] = (articles[d].path, articles[d].content_hash)
            self.terms[d] = "\n".join(c.terms + filter_terms(articles[d]))
            index.docs[d] = doc_row(articles[d])
        # index.months stay: an article's URL holds its date, and every URL is as it was.
        index.languages = sorted({a.lang for a in articles})
        return True

    def _update_term(self, term: str, changes: dict[int, tuple[int, int, str] | None]) -> None:
        index = self.index
        docs, scores, pieces = self.decoded.get(term) or self._decode(term)
        before = len(docs)
        for doc in changes:
            i = bisect_left(docs, doc)
            if i < len(docs) and docs[i] == doc:
                del docs[i], scores[i], pieces[i]
        added = sorted((doc, entry) for doc, entry in changes.items() if entry)
        if not docs and not added:
            for table in (index.postings, index.positions, index.df, self.decoded):
                table.pop(term, None)
            at = bisect_left(index.order, term)
            if at < len(index.order) and index.order[at] == term:
                del index.order[at]
            return
        if not before:
            insort(index.order, term)
        is_filter = term.startswith(FILTER_PREFIX)
        term_idf = idf(index.norms, len(docs) + len(added))
        if not is_filter and len(docs) + len(added) != before:
            # A new document frequency: every article's impact for this term changes.
            scores = array("i", [self._impact_from(term_idf, doc, piece) for doc, piece in zip(docs, pieces)])
        for doc, (in_title, occurrences, places) in added:
            i = bisect_left(docs, doc)
            docs.insert(i, doc)
            pieces.insert(i, _PIECES.setdefault(places, places))
            scores.insert(i, 0 if is_filter else posting_impact(
                impact(term_idf, in_title, occurrences, doc_weights(index.norms, *self.lengths[doc])), in_title))
        self.decoded[term] = docs, scores, pieces
        index.postings[term] = encode_postings(docs, scores)
        index.positions[term] = "".join(pieces)
        index.df[term] = len(docs)

    def _decode(self, term: str) -> tuple[array, array, list[str]]:
        docs, impacts = decode_postings(self.index.postings.get(term, ""))
        return array("i", docs), array("i", impacts), _pieces(self.index.positions.get(term, ""))

    def _impact_from(self, term_idf: float, doc: int, piece: str) -> int:
        places = decode_positions(piece)
        title_len = self.lengths[doc][0]
        in_title = bisect_left(places, title_len)
        return posting_impact(impact(term_idf, in_title, len(places), doc_weights(self.index.norms, *self.lengths[doc])),
                              in_title)


# One string object per distinct piece: most are a count of 1 and one small number.
_PIECES: dict[str, str] = {}


def _pieces(text: str) -> list[str]:
    """A term's joined positions cut into one piece per article: each is a count, then that many numbers."""
    tokens = number_tokens(text)
    counts = list(map(token_value, tokens))
    pieces, i, n = [], 0, len(tokens)
    while i < n:
        end = i + 1 + counts[i]
        piece = tokens[i] + tokens[i + 1] if end == i + 2 else "".join(tokens[i:end])
        pieces.append(_PIECES.setdefault(piece, piece))
        i = end
    return pieces
