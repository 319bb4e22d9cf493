"""The search stage of a build: the index files as page jobs, made again only when their inputs change.

The index reads nothing but the articles (their files, parsed under the site's timezone and
language) and its own code. When all of that is as it was, the previous build's files are still
right, so the stage reuses their names from .cache/ and computes nothing.
"""

import functools
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from generator.content.articles import PARSE_CODE
from generator.core.cache import Memo, code_fingerprint, files_fingerprint, fingerprint
from generator.core.model import PageJob, SearchFiles
from generator import lang
from generator.organise import archive
from generator.core.parallel import in_background
from generator.lang import RECORDS
from generator.search import arrays, codec, index, scoring, shards, terms, text, update
from generator.search.shards import search_files
from generator.search.terms import ArticleTerms, article_terms
from generator.search.update import IndexState

# The code an index file's bytes depend on: parsing, then indexing.
INDEX_CODE = PARSE_CODE + (lang, archive, arrays, codec, index, scoring, shards, terms, text, update)


def terms_key(config) -> str:
    """Equal keys mean equal article_terms for equal article files."""
    return fingerprint(code_fingerprint(INDEX_CODE), files_fingerprint(sorted(RECORDS.glob("*.yaml"))),
                       version("snowballstemmer"), version("PyStemmer"), config.timezone, config.language)


def index_key(config, archive) -> str:
    """Equal keys mean byte-identical search files."""
    return fingerprint(terms_key(config), [(a.path, a.content_hash) for a in archive.articles])


def terms_of(articles) -> list[ArticleTerms]:
    return [article_terms(a) for a in articles]


def current_state(state: IndexState | None, archive) -> IndexState:
    """The index of `archive`: `state` updated when the changes allow, else made afresh."""
    if state is not None and state.update(archive, terms_of):
        return state
    return IndexState.from_articles(archive)


def _files(index, made: dict | None = None) -> tuple[str, dict[str, bytes], list[str]]:
    manifest, pages = search_files(index, made)
    return manifest, {page.path: page.body for page in pages}, index.languages


def _made_index(archive) -> tuple[str, dict[str, bytes], list[str]]:
    return _files(IndexState.from_articles(archive).index)


def start_search(site_root: Path, config, archive) -> Callable[[], SearchFiles]:
    """Begin the search stage; the function returned gives its files. When the articles changed,
    the index is made in the background while the caller organises the other pages."""
    memo, key = Memo(site_root, "search"), index_key(config, archive)
    reused = memo.get(key)
    if reused is not None:
        manifest, paths, languages = reused
        # Only if output/ lost a file the memo says it holds (say, a tree deleted by hand); made in
        # a render worker, which may not start workers of its own.
        remade = functools.cache(lambda: _made_index(archive)[1])
        jobs = [PageJob(path, path, lambda path=path: remade()[path]) for path in paths]
        return lambda: SearchFiles(manifest, languages, jobs)

    def made():
        tkey = terms_key(config)
        states = Memo(site_root, "search-state")
        state = current_state(states.get(tkey), archive)
        states.put(tkey, state)
        manifest, bodies, languages = _files(state.index)
        memo.put(key, (manifest, list(bodies), languages))
        return manifest, bodies, languages
    pending = in_background(made)
    return lambda: _as_jobs(*pending())


def kept_index_files(state: IndexState, made: dict) -> SearchFiles:
    """The search files of an index the caller kept (the preview server keeps it in memory), with
    the shards `made` last time (see search_files)."""
    return _as_jobs(*_files(state.index, made))


def _as_jobs(manifest: str, bodies: dict[str, bytes], languages: list[str]) -> SearchFiles:
    """Shards are named by their content, so the path is the key: a shard whose articles did not
    change is neither made again nor rewritten."""
    return SearchFiles(manifest, languages, [PageJob(path, path, lambda body=body: body) for path, body in bodies.items()])
