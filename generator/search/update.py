"""The search index of the last build, brought up to date for the articles added, removed or edited since.

Making the index afresh takes seconds on a large archive, yet a change touches only the postings
of its articles' own terms, as long as the archive-wide norms stay as they were (they are rounded
so that they do, search.scoring). Doc numbers count from the oldest article, so today's articles
take new numbers at the end: their postings are appended to each term's list, and the other
articles' impacts stay as they were unless a term's rounded document frequency steps up. An
article added, removed or moved in the past shifts the numbers of every newer one: each shifted
number is re-indexed as if its article were edited, so that costs more the further back it is.
The result is exactly the index a full build makes, which the tests hold it to.
"""

from array import array
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.organise.archive import Archive
from generator.core.model import Article, Page
from generator.search.arrays import index_streams
from generator.search.codec import (decode_positions, decode_postings, encode_numbers, encode_postings,
                                    number_tokens, token_value)
from generator.search.index import Rows, SearchIndex, doc_order, month_starts
from generator.search.layout import Layout, Touched
from generator.search.scoring import corpus_norms, doc_weights, idf, impact, posting_impact
from generator.search.shards import index_files
from generator.search.terms import FILTER_PREFIX, ArticleTerms, article_stream, filter_terms

# Beyond this many doc numbers holding another article than before (edits, or the newer articles
# shifted by one added or removed in the past), or this share of the archive when that is more,
# indexing afresh is as quick (10,000 articles: 64 take 1.0 s, 256 2.2 s, afresh 2.5 s; 100,000:
# 64 take 5.1 s, 1,024 7.1 s, afresh 20 s).
MAX_CHANGED = 64
CHANGED_SHARE = 100
# Articles appended at once (today's): each costs about its own terms, beyond this the arrays win.
MAX_ADDED = 5000

Entry = tuple[int, int, str]  # (occurrences in the title, occurrences, encoded positions)


@dataclass
class IndexState:
    """A search index with what updating it needs: per article, its identity, lengths and terms."""

    index: SearchIndex
    keys: list[tuple[str, str]]  # per doc: (path, content hash)
    lengths: list[tuple[int, int]]  # per doc: (title words, text words)
    terms: list[str]  # per doc: its terms, filter terms included, one per line
    last: dict[str, int]  # per term: the last doc number in its postings
    # The postings of terms updated before, decoded: common words are in almost every edit.
    decoded: dict[str, tuple[array, array, list[str]]] = field(default_factory=dict)
    layout: Layout | None = None  # the files last made of the index (search.shards)
    touched: Touched = field(default_factory=Touched)  # what changed since

    def files(self, put: Callable[[Page], None] | None = None) -> tuple[str, list[Page], list[str]]:
        """(manifest path, the files made, the path of every file): those the changes since the last
        call touched, or all of them the first time. Given `put`, each file made goes to it as it is
        made instead of into the list returned (empty then)."""
        pages: list[Page] = []
        manifest, paths, self.layout = index_files(self.index, put or pages.append, self.layout, self.touched)
        self.touched = Touched()
        return manifest, pages, paths

    @classmethod
    def from_articles(cls, archive: Archive | None, folder: Path | None = None,
                      articles: Sequence[Article] | None = None) -> "IndexState":
        """The index of the whole archive, made at once (search.arrays); its words wait in a
        temporary file in `folder` meanwhile (search.blocks). `articles`: the archive's in doc
        order (doc_order), when the caller has them otherwise (search.pickled)."""
        articles = doc_order(archive) if articles is None else articles
        filters, keys, months, languages = [], [], [], set()
        for doc, a in enumerate(articles):  # one pass: each may have to be unpickled (search.pickled)
            filters.append(filter_terms(a))
            keys.append((a.path, a.content_hash))
            languages.add(a.lang)
            month = f"{a.date:%Y-%m}"  # as index.month_starts
            if not months or months[-1][0] != month:
                months.append((month, doc))
        # Each article's text is read again for its result row when its shards are made (Rows),
        # rather than kept: at 100,000 articles reading it costs under a second, keeping it 100 MB.
        index, lengths, terms, last = index_streams(articles, map(article_stream, articles), filters, folder,
                                                    (months, sorted(languages)))
        return cls(index, keys, lengths,
                   ["\n".join(filter(None, [doc_terms, *names])) for doc_terms, names in zip(terms, filters)], last)

    def __getstate__(self) -> dict:
        # Kept in .cache/ without the rows of index.docs, most of its bytes: they are made again
        # from the articles when a document shard is (Rows). Nor with the decoded postings, which
        # would grow with every build and take longer to read back than to decode again.
        return {**self.__dict__, "index": replace(self.index, docs=None), "decoded": {}}

    def update(self, archive: Archive, terms_of: Callable[[list[Article]], list[ArticleTerms]]) -> bool:
        """Take in the changes that made `archive`; False (and unchanged) when they are too many, or
        when they move the norms: then the caller indexes afresh."""
        articles = doc_order(archive)
        before, count = len(self.keys), len(articles)
        # A doc number holding another article, or the same one edited, is re-indexed in place.
        changed = [d for d, (a, k) in enumerate(zip(articles, self.keys)) if a.path != k[0] or a.content_hash != k[1]]
        added = list(range(before, count))
        if len(changed) + max(before - count, 0) > max(MAX_CHANGED, count // CHANGED_SHARE) or len(added) > MAX_ADDED:
            return False
        if self.index.docs is None:
            self.index.docs = Rows(articles)
        if not changed and not added and before == count:
            return True
        new = dict(zip(changed + added, terms_of([articles[d] for d in changed + added]) if changed or added else []))
        lengths = self.lengths[:count] + [(0, 0)] * len(added)
        for d, c in new.items():
            lengths[d] = (c.title_len, c.text_len)
        norms = corpus_norms(count, sum(t for t, _ in lengths), sum(t for _, t in lengths))
        if norms != self.index.norms:
            return False
        entries: dict[str, dict[int, Entry | None]] = {}  # term → doc → new entry or None
        for d in changed + list(range(count, before)):
            for term in self.terms[d].split("\n"):
                entries.setdefault(term, {})[d] = None
        for d, c in new.items():
            for term, in_title, occurrences, places in zip(c.terms, c.in_title, c.occurrences, c.positions):
                entries.setdefault(term, {})[d] = (in_title, occurrences, places)
            for term in filter_terms(articles[d]):
                entries.setdefault(term, {})[d] = (0, 0, "0")
        self.lengths = lengths
        touched = self.touched
        for term, changes in entries.items():
            existed = term in self.last
            if existed and min(changes) <= self.last[term]:
                self._update_term(term, changes)
            else:
                self._append_term(term, changes)
            touched.terms.add(term)
            if existed != (term in self.last) and not term.startswith(FILTER_PREFIX):
                touched.words.add(term)
        touched.docs.update(changed, added, range(count, before))
        index = self.index
        del self.keys[count:], self.terms[count:]
        self.keys += [("", "")] * len(added)
        self.terms += [""] * len(added)
        for d, c in new.items():
            self.keys[d] = (articles[d].path, articles[d].content_hash)
            self.terms[d] = "\n".join(c.terms + filter_terms(articles[d]))
        index.docs = Rows(articles)
        index.months = month_starts(articles, index.months, min(changed + added + [count]))
        index.languages = _languages(index, articles)
        return True

    def _append_term(self, term: str, changes: dict[int, Entry | None]) -> None:
        """Postings after every one the term has: appended, unless they change its rounded document
        frequency, and with it every impact of the term."""
        index = self.index
        df = index.df.get(term, 0)
        is_filter = term.startswith(FILTER_PREFIX)
        term_idf = idf(index.norms, df + len(changes))
        if df and not is_filter and idf(index.norms, df) != term_idf:
            self._update_term(term, changes)
            return
        numbers, pieces, last = [], [], self.last.get(term, 0)
        for doc in sorted(changes):
            in_title, occurrences, places = changes[doc]
            numbers += (doc - last, 0 if is_filter else posting_impact(
                impact(term_idf, in_title, occurrences, doc_weights(index.norms, *self.lengths[doc])), in_title))
            pieces.append(places)
            last = doc
        if not df:
            insort(index.order, term)
        index.postings[term] = index.postings.get(term, "") + encode_numbers(numbers)
        index.positions[term] = index.positions.get(term, "") + "".join(pieces)
        index.df[term] = df + len(changes)
        self.last[term] = last
        self.decoded.pop(term, None)

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
            for table in (index.postings, index.positions, index.df, self.decoded, self.last):
                table.pop(term, None)
            at = bisect_left(index.order, term)
            if at < len(index.order) and index.order[at] == term:
                del index.order[at]
            return
        if not before:
            insort(index.order, term)
        is_filter = term.startswith(FILTER_PREFIX)
        term_idf = idf(index.norms, len(docs) + len(added))
        if not is_filter and term_idf != idf(index.norms, before):
            # A new rounded document frequency: every article's impact for this term changes.
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
        self.last[term] = docs[-1]

    def _decode(self, term: str) -> tuple[array, array, list[str]]:
        docs, impacts = decode_postings(self.index.postings.get(term, ""))
        return array("i", docs), array("i", impacts), _pieces(self.index.positions.get(term, ""))

    def _impact_from(self, term_idf: float, doc: int, piece: str) -> int:
        places = decode_positions(piece)
        title_len = self.lengths[doc][0]
        in_title = bisect_left(places, title_len)
        return posting_impact(impact(term_idf, in_title, len(places), doc_weights(self.index.norms, *self.lengths[doc])),
                              in_title)


def _languages(index: SearchIndex, articles: list[Article]) -> list[str]:
    """The articles' languages, read from the language filter terms when every article has one."""
    order = index.order
    names = order[bisect_left(order, f"{FILTER_PREFIX}l:"):bisect_left(order, f"{FILTER_PREFIX}l;")]
    if sum(index.df[name] for name in names) == len(articles):
        return [name[3:] for name in names]
    return sorted({a.lang for a in articles})


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
