"""The search index cut into the files the browser loads: term, position and document shards and
the manifest that names them.

Every shard is a classic script calling `__NA_SHARD(name, data)`: no fetch and no modules, so the
search works from a static host and from file:// alike. A query loads the manifest, the term shards
holding its words (with their position shards when it has several words) and the document shards
holding its top results, nothing else; the page then loads the excerpt shards of the results it
shows, for their snippets. templates/static/search/shards.js reads them.
"""

import hashlib
import json
import zlib

from generator.core.model import Page
from generator.search.index import SearchIndex
from generator.search.scoring import IMPACT_SCALE, K1, TEXT_B
from generator.search.terms import FILTER_PREFIX
from generator.search.text import stemmer_of, stopwords

# Shard sizes balance three costs (measured with the search harness, 10,000 articles): the bytes of a
# first query (a term and a position shard per word, the document shards of its top ten), the
# requests a later query still has to make, and the number of files. Small term shards keep a first
# query light. A top ten spreads over several document shards whatever their size, so small ones
# keep a query's bytes near its results' own (60 rather than 180 articles: the cold queries' p95
# fell from 234 to 141 KiB, a 50-query session's bytes rose 3 %).
TERM_SHARD_BYTES = 12_000  # raw bytes of postings per term shard; its position shard is about as big
DOCS_PER_SHARD = 60
# Excerpts (the text a snippet is cut from) are loaded only for the results on show, one shard per
# result at worst: small shards keep that near a result's own text (about 8.5 KiB gzipped per shard
# at 10,000 articles), at one file per EXCERPTS_PER_SHARD articles.
EXCERPTS_PER_SHARD = 20
# A large archive gets larger document and excerpt shards rather than more files: at most about
# this many of each (at 100,000 articles, 100 articles a shard: about 11 and 48 KiB gzipped).
MOST_SHARD_FILES = 1000


def shard_sizes(docs: int) -> tuple[int, int]:
    """(articles per document shard, articles per excerpt shard) for an archive of `docs`."""
    most = -(-docs // MOST_SHARD_FILES)
    return max(DOCS_PER_SHARD, most), max(EXCERPTS_PER_SHARD, most)
# The index terms again, sorted by their reversed spelling: a word mistyped in its first letters is
# looked up by its end, where its correction sorts near it (search/typos.js nearTerms). Names only.
REVERSE_SHARD_BYTES = 8_000


def _shard(folder: str, data) -> tuple[str, Page]:
    """(name, file) of a shard script named by its content, so a browser never mixes a cached shard
    with a newer manifest."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=isinstance(data, dict))
    name = f"{folder}/{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:12]}.js"
    return name, Page(f"search/{name}", f"__NA_SHARD({json.dumps(name)},{payload});\n".encode("utf-8"))


def _cut(terms: list[str], costs, target: int) -> list[list[str]]:
    """Runs of `terms` of about `target` bytes, cut where the terms themselves say: after a term whose
    hash, as a fraction, is under its cost / target, and around a term costing `target` or more. No
    running total decides a cut, so a term added or grown moves no cut but perhaps its own: every
    other run, and its file, stays as it was."""
    runs, current = [], []
    for term, cost in zip(terms, costs):
        if current and cost >= target:
            runs.append(current)
            current = []
        current.append(term)
        if zlib.crc32(term.encode("utf-8")) * target < cost << 32:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _term_shards(index: SearchIndex) -> list[list[str]]:
    """Terms in sorted order, cut into runs of about TERM_SHARD_BYTES of postings."""
    df = index.df
    return _cut(index.order, [len(term) + 2 * df[term] + 4 for term in index.order], TERM_SHARD_BYTES)


def _reverse_shards(index: SearchIndex) -> list[list[str]]:
    """Word terms sorted by their reversed spelling, cut into runs of about REVERSE_SHARD_BYTES."""
    terms = [t[::-1] for t in sorted(t[::-1] for t in index.order if t[0] != FILTER_PREFIX)]
    return _cut(terms, [len(term) + 3 for term in terms], REVERSE_SHARD_BYTES)


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
    per_doc_shard, per_excerpt_shard = shard_sizes(index.norms.count)  # rounded: stays while articles are added
    excerpt_files = []
    for i in range(0, len(docs), per_excerpt_shard):
        texts = [row[6] for row in docs[i:i + per_excerpt_shard]]
        excerpt_files.append(add("x", (), texts, lambda: texts))
    # A document shard names the excerpt shards its articles are in: the page reads them only for
    # results it shows, whose document shards it holds, and the manifest a first query loads
    # stays free of them.
    doc_files = []
    for i in range(0, len(docs), per_doc_shard):
        rows = [row[:6] for row in docs[i:i + per_doc_shard]]
        names = excerpt_files[i // per_excerpt_shard:(i + len(rows) - 1) // per_excerpt_shard + 1]
        doc_files.append(add("d", names, map(tuple, rows), lambda: {"docs": rows, "excerpts": names}))
    reverse = _reverse_shards(index)
    reverse_files = [add("r", terms, (), lambda: terms) for terms in reverse]
    manifest = {
        "docs": len(docs),
        "docsPerShard": per_doc_shard,
        # ranking.js reads an article's length back from an impact, with the archive's rounded size.
        "bm25": [K1, TEXT_B, IMPACT_SCALE, index.norms.count],
        "firstTerms": [terms[0] for terms in shards],
        "termFiles": term_files,
        "positionFiles": position_files,
        "docFiles": doc_files,
        "reverseFirst": [terms[0][::-1] for terms in reverse],
        "reverseFiles": reverse_files,
        "excerptsPerShard": per_excerpt_shard,
        "months": index.months,
        "languages": index.languages,
        "stopwords": {lang: sorted(stopwords(lang)) for lang in index.languages if stopwords(lang)},
        "stemmers": {lang: stemmer_of(lang) for lang in index.languages if stemmer_of(lang)},
    }
    pages.append(_shard("m", manifest)[1])
    if made is not None:
        made.clear()
        made.update(kept)
    return pages[-1].path, pages
