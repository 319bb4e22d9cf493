"""The search index made the plain way, article by article and term by term: the reference that
the index a build makes at once with numpy (generator/search/arrays.py) and the index patched
after an edit (generator/search/update.py) must equal string for string."""

from collections import Counter, defaultdict, deque
from itertools import repeat

from generator.organise.archive import Archive
from generator.search.codec import decode_postings, encode_numbers, encode_postings
from generator.search.index import SearchIndex, doc_order, doc_row, month_starts
from generator.search.scoring import IMPACT_SCALE, corpus_norms, doc_weights, idf, impact, posting_impact
from generator.search.terms import ArticleTerms, article_terms, filter_terms
from generator.search.update import IndexState


def reference_index(archive: Archive, contributions: list[ArticleTerms] | None = None) -> SearchIndex:
    """The index made article by article, from each one's ArticleTerms (made here unless given,
    in doc order): BM25F impacts for every (term, article), with the oldest article as doc 0."""
    articles = doc_order(archive)
    if contributions is None:
        contributions = [article_terms(a) for a in articles]
    norms = corpus_norms(len(contributions), sum(c.title_len for c in contributions),
                         sum(c.text_len for c in contributions))
    counts: Counter[str] = Counter()
    for c in contributions:
        counts.update(c.terms)
    idfs = {t: idf(norms, n) for t, n in counts.items()}
    entries: dict[str, list] = defaultdict(list)  # term → doc, impact, positions, doc, impact, positions …
    for doc, (article, c) in enumerate(zip(articles, contributions)):
        terms = c.terms
        weights = doc_weights(norms, c.title_len, c.text_len)
        once = weights[2]
        # The commonest case, a word found once and not in the headline, for all terms at once…
        impacts = [2 * (round(idfs[t] * once * IMPACT_SCALE) or 1) for t in terms]
        # …then the others put right.
        for k in [k for k, (n, t) in enumerate(zip(c.occurrences, c.in_title)) if n != 1 or t]:
            impacts[k] = posting_impact(impact(idfs[terms[k]], c.in_title[k], c.occurrences[k], weights), c.in_title[k])
        # entries[term] += (doc, impact, positions) for every term, without a Python-level loop
        deque(map(list.extend, map(entries.__getitem__, terms), zip(repeat(doc), impacts, c.positions)), 0)
        for term in filter_terms(article):
            entries[term] += (doc, 0, encode_numbers([0]))
    postings, positions, df = {}, {}, {}
    for t in sorted(entries):
        e = entries.pop(t)  # freed as it is encoded
        postings[t], positions[t], df[t] = encode_postings(e[::3], e[1::3]), "".join(e[2::3]), len(e) // 3
    return SearchIndex(postings, positions, df, [doc_row(a) for a in articles], month_starts(articles),
                       sorted({a.lang for a in articles}), norms, list(postings))


def reference_state(archive: Archive, contributions: list[ArticleTerms]) -> IndexState:
    """`contributions` in doc order."""
    articles = doc_order(archive)
    index = reference_index(archive, contributions)
    return IndexState(index, [(a.path, a.content_hash) for a in articles],
                      [(c.title_len, c.text_len) for c in contributions],
                      ["\n".join(c.terms + filter_terms(a)) for a, c in zip(articles, contributions)],
                      {term: decode_postings(postings)[0][-1] for term, postings in index.postings.items()})
