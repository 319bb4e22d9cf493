"""The theme's static files as output jobs, with the search page's scripts joined into one file.

The search code is kept in small scripts, one per job (templates/static/search/), and the Snowball
stemmers in one script per algorithm (templates/static/stem/). A browser compresses and fetches
each file on its own, so the page would pay a request and a gzip dictionary per script: the build
joins the stemmers of the archive's languages and the search scripts, in the order they depend on
one another, into static/search.js, and copies none of the parts.
"""

from collections.abc import Iterable
from pathlib import Path

from generator.core.model import PageJob
from generator.render.theme import static_files
from generator.lang.text import stemmer_of

SEARCH_SCRIPT = "static/search.js"
SEARCH_PARTS = "static/search/"
STEMMERS = "static/stem/"
# Each part reads what the ones before it put on window.newsarchiveSearch.
ORDER = ("text", "shards", "query", "typos", "ranking", "snippets", "search", "page")


def stemmers(languages: Iterable[str]) -> list[str]:
    """The Snowball algorithms that stem articles in `languages`."""
    return sorted({s[0] for s in map(stemmer_of, languages) if s})


def search_script(files: dict[str, Path], languages: Iterable[str]) -> bytes:
    """The stemmers of `languages`, then the search scripts, as one classic script."""
    algorithms = stemmers(languages)
    names = [f"{STEMMERS}{name}.js" for name in ["base", *algorithms]] if algorithms else []
    names += [f"{SEARCH_PARTS}{part}.js" for part in ORDER]
    return b"".join(files[name].read_bytes().rstrip(b"\n") + b"\n" for name in names if name in files)


def static_jobs(site_root: Path, languages: Iterable[str]) -> list[PageJob]:
    """A job per static file of the theme (the site's files first), the search scripts as one."""
    files = static_files(site_root)
    jobs = [PageJob(out, None, source.read_bytes) for out, source in files.items()
            if not out.startswith((STEMMERS, SEARCH_PARTS))]
    if SEARCH_SCRIPT not in files:  # a theme may also replace the whole of it
        languages = sorted(set(languages))
        jobs.append(PageJob(SEARCH_SCRIPT, None, lambda: search_script(files, languages)))
    return sorted(jobs, key=lambda job: job.path)
