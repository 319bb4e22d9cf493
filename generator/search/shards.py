"""The search index cut into the files the browser loads: term shards (postings with their
positions), document shards and the manifest that names them.

Every shard is a classic script calling `__NA_SHARD(name, data)`: no fetch and no modules, so the
search works from a static host and from file:// alike. A query loads the manifest, the term shards
holding its words and the document shards holding its top results, nothing else; the page then
loads the excerpt shards of the results it shows, for their snippets.
templates/static/search/shards.js reads them.
"""

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Callable

from generator.core.model import Page
from generator.search.index import SearchIndex
from generator.search.layout import Cutter, Layout, Touched, recut
from generator.search.scoring import IMPACT_SCALE, K1, TEXT_B
from generator.search.terms import FILTER_PREFIX
from generator.lang.text import stemmer_of, stopwords

# Shard sizes balance three costs (measured with the search harness, 10,000 articles): the bytes of a
# first query (a term shard per word, the document shards of its top ten), the requests a later
# query still has to make, and the number of files. Small term shards keep a first query light.
TERM_SHARD_BYTES = 12_000  # raw bytes of postings per term shard at most; their positions are about as many more
# Runs are cut where the terms say (search.layout.Cutter), about every ANCHOR_SPACING times the
# shard size, and in between wherever a run reaches that size: sizes then spread about as evenly
# as one running total makes them (10,000 articles: 17 KiB of postings in a query word's term shard
# on average, 216 shards, against 17 KiB and 194), while an added term moves only the cuts near it.
ANCHOR_SPACING = 2
# A top ten spreads over several document shards whatever their size. While there are few of them
# (up to SHARED_DOC_SHARDS), a visit soon holds those its next queries need, and the requests a
# query makes are what its time follows: DOCS_PER_SHARD articles each (10,000 articles: 50 shards,
# 5 KiB gzipped; a row is only what a result's heading shows, its snippet comes from the excerpt
# shards). In a larger archive a visit's queries seldom share a shard whatever their size, and
# the bytes of its own results count: LARGE_DOCS_PER_SHARD (100,000 articles: 3.5 KiB gzipped).
DOCS_PER_SHARD = 200
SHARED_DOC_SHARDS = 100
LARGE_DOCS_PER_SHARD = 100
# Excerpts (the text a snippet is cut from) are loaded only for the results on show, one shard per
# result at worst: small shards keep that near a result's own text (about 8.5 KiB gzipped per shard
# at 10,000 articles), at one file per EXCERPTS_PER_SHARD articles.
EXCERPTS_PER_SHARD = 20
# A large archive gets larger excerpt shards (and, beyond 100,000 articles, document shards) rather
# than more files: at most about this many of each (at 100,000 articles, 100 articles an excerpt
# shard: about 48 KiB gzipped).
MOST_SHARD_FILES = 1000


def shard_sizes(docs: int) -> tuple[int, int]:
    """(articles per document shard, articles per excerpt shard) for an archive of `docs`."""
    most = -(-docs // MOST_SHARD_FILES)
    per_doc_shard = DOCS_PER_SHARD if docs <= SHARED_DOC_SHARDS * DOCS_PER_SHARD else max(LARGE_DOCS_PER_SHARD, most)
    return per_doc_shard, max(EXCERPTS_PER_SHARD, most)
# The index terms again, sorted by their reversed spelling: a word mistyped in its first letters is
# looked up by its end, where its correction sorts near it (search/typos.js nearTerms). Names only.
REVERSE_SHARD_BYTES = 8_000


def _payload(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=isinstance(data, dict))


def _page(name: str, payload: str) -> Page:
    return Page(f"search/{name}", f"__NA_SHARD({json.dumps(name)},{payload});\n".encode("utf-8"))


# A file's name is 40 bits of its content's digest: a manifest names thousands of files, and at
# 100,000 articles their names were most of its bytes (random hex that gzip cannot shrink).
DIGEST_CHARS = 10


def _digest(*payloads: str) -> str:
    return hashlib.sha256("\n".join(payloads).encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def _joined(names: list[str]) -> str:
    """Shard names as the manifest holds them: their digests run together, without the folder and
    the ending each repeats (search/shards.js names them again)."""
    return "".join(name[2:2 + DIGEST_CHARS] for name in names)


def _shard(folder: str, data) -> tuple[str, Page]:
    """(name, file) of a shard script named by its content, so a browser never mixes a cached shard
    with a newer manifest."""
    payload = _payload(data)
    name = f"{folder}/{_digest(payload)}.js"
    return name, _page(name, payload)


def _term_shard(postings: dict, positions: dict) -> tuple[str, Page]:
    """A run's term shard: its terms' postings and their positions in one file, [postings, positions].
    A query of several words needs both, and one request per word rather than two is what a fresh
    visit's latency turns on (the requests, not their bytes); a one-word query or a typo correction
    loads positions it does not read."""
    return _shard("t", [postings, positions])


def search_files(index: SearchIndex) -> tuple[str, list[Page]]:
    """(manifest path, every search/ file): term, document, excerpt and reverse shards plus the manifest."""
    pages: list[Page] = []
    manifest, _, _ = index_files(index, pages.append)
    return manifest, pages


class _Made:
    """The files made, each passed on once as it is made (two shards with the same data are one
    file), rather than all held: at 100,000 articles they are 175 MB."""

    def __init__(self, put: Callable[[Page], None]):
        self.put = put
        self.digests: dict[str, bytes] = {}

    def add(self, page: Page) -> None:
        digest, known = hashlib.blake2b(page.body, digest_size=16).digest(), self.digests.get(page.path)
        if known is None:
            self.digests[page.path] = digest
            self.put(page)
        elif known != digest:
            # Two shards whose contents differ share a digest: at 40 bits, about once in ten
            # thousand builds of a million articles. Stop rather than let one stand for the other.
            raise ValueError("two search shards of different contents have the same name")


def index_files(index: SearchIndex, put: Callable[[Page], None], layout: Layout | None = None,
                touched: Touched | None = None) -> tuple[str, list[str], Layout]:
    """(manifest path, the paths of every file, their layout); `put` takes each file made. Given the
    `layout` of the files last made and what was `touched` in the index since, only the files
    holding a touched term or article are made; the others are as they were and keep their names."""
    touched = touched or Touched()
    made = _Made(put)

    def make(folder: str, data) -> str:
        name, page = _shard(folder, data)
        made.add(page)
        return name

    postings, positions, df = index.postings, index.positions, index.df

    cutter = Cutter(lambda term: len(term) + 2 * df[term] + 4, ANCHOR_SPACING * TERM_SHARD_BYTES, TERM_SHARD_BYTES)
    firsts, term_files = [], []
    for run in recut(index.order, layout.firsts if layout else [], touched.terms, cutter):
        if isinstance(run, int):
            firsts.append(layout.firsts[run])
            term_files.append(layout.term_files[run])
        else:
            firsts.append(run[0])
            term_name, term_page = _term_shard({t: postings[t] for t in run}, {t: positions[t] for t in run})
            made.add(term_page)
            term_files.append(term_name)

    # The index terms again, sorted by their reversed spelling: names only.
    words = _words(index, layout, touched)
    reverse_firsts, reverse_files = [], []
    cutter = Cutter(lambda word: len(word) + 3, ANCHOR_SPACING * REVERSE_SHARD_BYTES, REVERSE_SHARD_BYTES)
    for run in recut(words, layout.reverse_firsts if layout else [], [w[::-1] for w in touched.words], cutter):
        if isinstance(run, int):
            reverse_firsts.append(layout.reverse_firsts[run])
            reverse_files.append(layout.reverse_files[run])
        else:
            reverse_firsts.append(run[0])
            reverse_files.append(make("r", [w[::-1] for w in run]))

    # Document and excerpt shards hold consecutive doc numbers: those holding no touched one are as
    # they were. Each row is made once (index.Rows reads the article's text), for its excerpt
    # shard; what its document shard takes of it waits in `heads` until that shard is made, which
    # follows the excerpt shards it names.
    docs = index.docs
    sizes = per_doc_shard, per_excerpt_shard = shard_sizes(index.norms.count)  # rounded: stays as articles come
    same = layout is not None and layout.sizes == sizes
    remade = {doc // per_excerpt_shard for doc in touched.docs}
    excerpt_files: list[str] = []
    heads: dict[int, list] = {}

    def excerpts_up_to(stop: int) -> None:
        for k in range(len(excerpt_files), stop):
            if same and k < len(layout.excerpt_files) and k not in remade:
                excerpt_files.append(layout.excerpt_files[k])
                continue
            start = k * per_excerpt_shard
            rows = docs[start:start + per_excerpt_shard]
            excerpt_files.append(make("x", [row[5] for row in rows]))
            heads.update((start + i, _head(row)) for i, row in enumerate(rows))
            remade.add(k)

    # A document shard names the excerpt shards its articles are in: the page reads them only for
    # results it shows, whose document shards it holds, and the manifest a first query loads
    # stays free of them.
    doc_files = []
    for k, i in enumerate(range(0, len(docs), per_doc_shard)):
        end = min(i + per_doc_shard, len(docs))
        held = range(i // per_excerpt_shard, (end - 1) // per_excerpt_shard + 1)
        excerpts_up_to(held.stop)
        if same and k < len(layout.doc_files) and remade.isdisjoint(held):
            doc_files.append(layout.doc_files[k])
            for doc in range(i, end):
                heads.pop(doc, None)
        else:
            doc_files.append(make("d", {"docs": [heads.pop(doc, None) or _head(docs[doc]) for doc in range(i, end)],
                                        "excerpts": excerpt_files[held.start:held.stop]}))

    layout = Layout(firsts, term_files, words, reverse_firsts, reverse_files, doc_files,
                    excerpt_files, sizes)
    manifest = {
        "docs": len(docs),
        "docsPerShard": per_doc_shard,
        # ranking.js reads an article's length back from an impact, with the archive's rounded size.
        "bm25": [K1, TEXT_B, IMPACT_SCALE, index.norms.count],
        "firstTerms": firsts,
        "termFiles": _joined(term_files),
        "docFiles": _joined(doc_files),
        "reverseFirst": reverse_firsts,
        "reverseFiles": _joined(reverse_files),
        "excerptsPerShard": per_excerpt_shard,
        "months": index.months,
        "languages": index.languages,
        "stopwords": {lang: sorted(stopwords(lang)) for lang in index.languages if stopwords(lang)},
        "stemmers": {lang: stemmer_of(lang) for lang in index.languages if stemmer_of(lang)},
    }
    name = make("m", manifest)
    paths = dict.fromkeys(f"search/{name}" for name in term_files + excerpt_files + doc_files
                          + reverse_files + [name])
    return f"search/{name}", list(paths), layout


def _head(row: list) -> list:
    """What a document shard holds of a result row: all but its excerpt."""
    return [_stored_path(row), *row[1:5]]


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _stored_path(row: list) -> str:
    """An article's path as its document shard holds it: "" when search/ranking.js makes the same
    from its date and ASCII headline (pathOf), as it does for most: a fifth of the shard's bytes."""
    path, title, date = row[0], row[1], row[2]
    if title.isascii() and path == f"{date.replace('-', '/')}/{_NOT_SLUG.sub('-', title.lower()).strip('-')}/":
        return ""
    return path


def _words(index: SearchIndex, layout: Layout | None, touched: Touched) -> list[str]:
    """The word terms spelt backwards, sorted: the last layout's, with the words added or removed."""
    if layout is None:
        return sorted(t[::-1] for t in index.order if t[0] != FILTER_PREFIX)
    words = layout.words[:]
    for word in touched.words:
        backwards = word[::-1]
        at = bisect_left(words, backwards)
        found = at < len(words) and words[at] == backwards
        if word in index.df and not found:
            words.insert(at, backwards)
        elif found and word not in index.df:
            del words[at]
    return words
