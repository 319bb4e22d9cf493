"""The search stage of a build: the index files as page jobs, made again only when their inputs change.

The index reads nothing but the articles (their files, parsed under the site's timezone and
language) and its own code. When all of that is as it was, the previous build's files are still
right, so the stage reuses their names from .cache/ and computes nothing.
"""

import functools
import os
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from generator.content.articles import PARSE_CODE
from generator.core.cache import Memo, code_fingerprint, files_fingerprint, fingerprint
from generator.core.model import Page, PageJob, SearchFiles
from generator.core.paths import CACHE_DIR
from generator import lang
from generator.organise import archive
from generator.core.parallel import in_background, workers
from generator.lang import RECORDS, text
from generator.search import arrays, background, blocks, codec, index, layout, scoring, shards, terms, update
from generator.search.index import doc_order
from generator.search.pickled import PickledArticles
from generator.search.shards import search_files
from generator.search.terms import ArticleTerms, article_terms
from generator.search.update import IndexState

# The code an index file's bytes depend on: parsing, then indexing.
INDEX_CODE = PARSE_CODE + (lang, archive, arrays, blocks, codec, index, layout, scoring, shards, terms, text, update)


# From this many articles a first build indexes them in a process started afresh (search.background):
# a forked one keeps the main process' memory at the fork (about 4 KB an article) for as long as
# it runs. Below it, a fork is the quicker start (a new interpreter takes about 0.3 s).
FRESH_PROCESS_ARTICLES = 20_000


def terms_key(config) -> str:
    """Equal keys mean equal article_terms for equal article files."""
    return fingerprint(code_fingerprint(INDEX_CODE), files_fingerprint(sorted(RECORDS.glob("*.yaml"))),
                       version("snowballstemmer"), version("PyStemmer"), config.timezone, config.language)


def index_key(config, archive) -> str:
    """Equal keys mean byte-identical search files."""
    return fingerprint(terms_key(config), [(a.path, a.content_hash) for a in archive.articles])


def terms_of(articles) -> list[ArticleTerms]:
    return [article_terms(a) for a in articles]


def current_state(state: IndexState | None, archive, folder: Path | None = None) -> IndexState:
    """The index of `archive`: `state` updated when the changes allow, else made afresh (its words
    waiting in a temporary file in `folder`, on the site's disk: /tmp may be memory)."""
    if state is not None and state.update(archive, terms_of):
        return state
    return IndexState.from_articles(archive, folder)


def _made_index(archive) -> dict[str, bytes]:
    return {page.path: page.body for page in search_files(IndexState.from_articles(archive).index)[1]}


def start_search(site_root: Path, config, archive) -> Callable[[], SearchFiles]:
    """Begin the search stage; the function returned gives its files. When the articles changed,
    the index is brought up to date in the background while the caller organises the other pages:
    only the files holding what changed are made, the others keep their names (search.layout)."""
    memo, key = Memo(site_root, "search"), index_key(config, archive)
    # A file the last build made but output/ lost (say, a tree deleted by hand) is made again with
    # the whole index; in a render worker, which may not start workers of its own.
    remade = functools.cache(lambda: _made_index(archive))
    reused = memo.get(key)
    if reused is not None:
        manifest, paths, languages = reused
        return lambda: _as_jobs(manifest, {}, paths, languages, remade)

    spool = Spool(site_root / CACHE_DIR)
    states = Memo(site_root, "search-state")
    if len(archive.articles) >= FRESH_PROCESS_ARTICLES and not states.path.exists() and workers() > 1:
        # No index to update (a first build): the whole archive is indexed in a process started
        # afresh, which holds only the index (search.background), from the articles pickled.
        where = Path(spool.path).parent  # .cache/, or the system's temporary folder when that is read-only
        _remove_leftovers(site_root / CACHE_DIR, spool.path)
        articles = PickledArticles(doc_order(archive), where)
        pending = background.start(index_afresh, (site_root, terms_key(config), key, articles, spool), where)
    else:
        def made():
            tkey = terms_key(config)
            state = current_state(states.get(tkey), archive, spool.folder)
            return _made_files(site_root, tkey, key, state, spool)
        pending = in_background(made)
        articles = None

    def files() -> SearchFiles:
        try:
            manifest, places, paths, languages = pending()
        finally:
            spool.forget()
            if articles is not None:
                articles.remove()
        return _as_jobs(manifest, spool.reader(places), paths, languages, remade)
    return files


def _remove_leftovers(folder: Path, keep: str) -> None:
    """The temporary files of a first build that stopped before its end (an error, ^C): the
    articles pickled for the search process alone are about the size of the parse cache."""
    for pattern in ("articles-*.tmp", "search-*.tmp", "search-job-*.tmp.out*"):
        for path in folder.glob(pattern):
            if str(path) != keep:
                try:
                    path.unlink()
                except OSError:
                    pass


def index_afresh(site_root: Path, tkey: str, key: str, articles: PickledArticles, spool: "Spool") -> tuple:
    """The search files of the whole archive, in a process of its own (search.background)."""
    return _made_files(site_root, tkey, key, IndexState.from_articles(None, spool.folder, articles), spool)


def _made_files(site_root: Path, tkey: str, key: str, state: IndexState, spool: "Spool") -> tuple:
    """The files of `state` into `spool`, the state and their names kept in .cache/: (manifest
    path, the spool's places, every file's path, the languages)."""
    manifest, _, paths = state.files(spool.put)
    Memo(site_root, "search-state").put(tkey, state)
    Memo(site_root, "search").put(key, (manifest, paths, state.index.languages))
    return manifest, spool.places, paths, state.index.languages


class Spool:
    """The made search files' bytes in a temporary file, read back one file at a time when
    written: at 100,000 articles they are 175 MB, which the build's main process need not hold.
    Kept in .cache/, on the site's disk: /tmp may be memory. Pickled, it is its file's name (the
    search process opens it again to write)."""

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, self.path = tempfile.mkstemp(dir=folder, prefix="search-", suffix=".tmp")
        except OSError:  # a read-only .cache/
            handle, self.path = tempfile.mkstemp(prefix="search-", suffix=".tmp")
        self.file = os.fdopen(handle, "w+b")
        self.places: dict[str, tuple[int, int]] = {}  # path → (offset, length) of the bytes written

    def __getstate__(self) -> dict:
        return {"folder": self.folder, "path": self.path, "places": {}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.file = open(self.path, "r+b")
        self.file.seek(0, os.SEEK_END)

    def put(self, page: Page) -> None:
        """Write a page's bytes (in whichever process made it), at once: it is read back by offset."""
        self.places[page.path] = (self.file.tell(), len(page.body))
        self.file.write(page.body)
        self.file.flush()

    def forget(self) -> None:
        """Remove the file's name once no other process needs it; this one reads it still."""
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def reader(self, places: dict[str, tuple[int, int]]) -> "SpooledBodies":
        return SpooledBodies(self.file, places)


class SpooledBodies:
    """path → bytes, read from the spool when asked for."""

    def __init__(self, file, places: dict[str, tuple[int, int]]):
        self.file, self.places = file, places

    def __contains__(self, path: str) -> bool:
        return path in self.places

    def __getitem__(self, path: str) -> bytes:
        offset, length = self.places[path]
        return os.pread(self.file.fileno(), length, offset)


def kept_index_files(state: IndexState, made: dict) -> SearchFiles:
    """The search files of an index the caller kept (the preview server keeps it in memory), with
    the bytes of those `made` before, which it keeps for the next call."""
    manifest, pages, paths = state.files()
    made.update((page.path, page.body) for page in pages)
    for path in set(made) - set(paths):
        del made[path]
    return _as_jobs(manifest, made, paths, state.index.languages, None)


def _as_jobs(manifest: str, bodies: dict[str, bytes], paths: list[str], languages: list[str],
             remade: Callable[[], dict[str, bytes]] | None) -> SearchFiles:
    """Shards are named by their content, so the path is the key: a shard whose articles did not
    change is neither made again nor rewritten."""
    def body(path: str) -> Callable[[], bytes]:
        return (lambda: bodies[path]) if path in bodies else (lambda: remade()[path])
    return SearchFiles(manifest, languages, [PageJob(path, path, body(path)) for path in paths])
