"""The search stage of a build: the index files as page jobs, made again only when their inputs change.

The index reads nothing but the articles (their files, parsed under the site's timezone and
language) and its own code. When all of that is as it was, the previous build's files are still
right, so the stage reuses their names from .cache/ and computes nothing.
"""

import functools
from collections.abc import Callable
from importlib.metadata import version

from generator.content.articles import PARSE_CODE
from generator.core.cache import Memo, code_fingerprint
from generator.organise import archive
from generator.search import arrays, codec, index, scoring, shards, terms, text, update
from generator.output.writer import PageJob
from generator.core.parallel import in_background
from generator.render.pages import fingerprint
from generator.search.shards import search_files
from generator.search.terms import ArticleTerms, article_terms
from generator.search.update import IndexState

# The code an index file's bytes depend on: parsing, then indexing.
INDEX_CODE = PARSE_CODE + (archive, arrays, codec, index, scoring, shards, terms, text, update)


def terms_key(config) -> str:
    """Equal keys mean equal article_terms for equal article files."""
    return fingerprint(code_fingerprint(INDEX_CODE), version("snowballstemmer"), config.timezone, config.language)


def index_key(renderer) -> str:
    """Equal keys mean byte-identical search files."""
    return fingerprint(terms_key(renderer.config), [(a.path, a.content_hash) for a in renderer.archive.articles])


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


def start_search(renderer) -> Callable[[], list[PageJob]]:
    """Begin the search stage; the function returned gives its jobs. When the articles changed,
    the index is made in the background while the caller organises the other pages."""
    archive = renderer.archive
    memo, key = Memo(renderer.site_root, "search"), index_key(renderer)
    reused = memo.get(key)
    if reused is None:
        def made():
            site_root, tkey = renderer.site_root, terms_key(renderer.config)
            states = Memo(site_root, "search-state")
            state = current_state(states.get(tkey), archive)
            states.put(tkey, state)
            manifest, bodies, languages = _files(state.index)
            memo.put(key, (manifest, list(bodies), languages))
            return manifest, bodies, languages
        pending = in_background(made)
    else:
        pending = None
    return lambda: _search_jobs(renderer, reused, pending)


def _search_jobs(renderer, reused, pending) -> list[PageJob]:
    """The search page and its index files. Shards are named by their content, so the path is the
    key: a shard whose articles did not change is neither made again nor rewritten."""
    archive = renderer.archive
    if reused is None:
        manifest, bodies, languages = pending()
        jobs = [PageJob(path, path, lambda body=body: body) for path, body in bodies.items()]
    else:
        manifest, paths, languages = reused
        # Only if output/ lost a file the memo says it holds (say, a tree deleted by hand); made in
        # a render worker, which may not start workers of its own.
        remade = functools.cache(lambda: _made_index(archive)[1])
        jobs = [PageJob(path, path, lambda path=path: remade()[path]) for path in paths]
    return jobs + [_search_page(renderer, manifest, languages)]


def jobs_from_state(renderer, state: IndexState, made: dict) -> list[PageJob]:
    """The search files of an index the caller kept (the preview server keeps it in memory), with
    the shards `made` last time (see search_files)."""
    manifest, bodies, languages = _files(state.index, made)
    jobs = [PageJob(path, path, lambda body=body: body) for path, body in bodies.items()]
    return jobs + [_search_page(renderer, manifest, languages)]


def _search_page(renderer, manifest: str, languages: list[str]) -> PageJob:
    sources, tags = renderer.archive.terms["sources"], renderer.archive.terms["tags"]
    inputs = (manifest, languages, [(t.slug, t.name) for t in sources], [(t.slug, t.name) for t in tags])
    return renderer.job("search.html", "search/index.html", "search/", inputs, manifest=manifest,
                        languages=languages, sources=sources, tags=tags)
