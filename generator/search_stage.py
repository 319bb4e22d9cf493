"""The search stage of a build: the index files as page jobs, made again only when their inputs change.

The index reads nothing but the articles (their files, parsed under the site's timezone and
language) and its own code. When all of that is as it was, the previous build's files are still
right, so the stage reuses their names from .cache/ and computes nothing.
"""

import functools
from importlib.metadata import version

from .cache import _CODE, Memo, code_fingerprint
from .output import PageJob
from .parallel import map_slices
from .render import fingerprint
from .search_index import article_terms, build_search_index, search_files

# The code an index file's bytes depend on: parsing, then indexing.
INDEX_CODE = _CODE + ("archive.py", "search_index.py", "search_text.py")


def index_key(renderer) -> str:
    """Equal keys mean byte-identical search files."""
    config, articles = renderer.config, renderer.archive.articles
    return fingerprint(code_fingerprint(INDEX_CODE), version("snowballstemmer"), config.timezone,
                       config.language, [(a.path, a.content_hash) for a in articles])


def _terms_of_slice(articles) -> list:
    return [article_terms(a) for a in articles]


def _made_index(archive, terms=None) -> tuple[str, dict[str, bytes], list[str]]:
    index = build_search_index(archive, terms)
    manifest, pages = search_files(index)
    return manifest, {page.path: page.body for page in pages}, index.languages


def search_jobs(renderer) -> list[PageJob]:
    """The search page and its index files. Shards are named by their content, so the path is the
    key: a shard whose articles did not change is neither made again nor rewritten."""
    archive = renderer.archive
    memo, key = Memo(renderer.site_root, "search"), index_key(renderer)
    reused = memo.get(key)
    if reused is None:
        manifest, bodies, languages = _made_index(archive, map_slices(_terms_of_slice, archive.articles))
        memo.put(key, (manifest, list(bodies), languages))
        jobs = [PageJob(path, path, lambda body=body: body) for path, body in bodies.items()]
    else:
        manifest, paths, languages = reused
        # Only if output/ lost a file the memo says it holds (say, a tree deleted by hand); made in
        # a render worker, which may not start workers of its own.
        remade = functools.cache(lambda: _made_index(archive)[1])
        jobs = [PageJob(path, path, lambda path=path: remade()[path]) for path in paths]
    sources, tags = archive.terms["sources"], archive.terms["tags"]
    inputs = (manifest, languages, [(t.slug, t.name) for t in sources], [(t.slug, t.name) for t in tags])
    jobs.append(renderer.job("search.html", "search/index.html", "search/", inputs, manifest=manifest,
                             languages=languages, sources=sources, tags=tags))
    return jobs
