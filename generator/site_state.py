"""The site as the last one-off build left it, kept in .cache/ so that the next one takes up from there.

The preview server keeps its `Site` in memory, and an edit at 100,000 articles shows in a couple
of seconds; a one-off build is a new process, which would otherwise read every article, organise
the archive and make 130,000 page jobs again for one edited file. So a build keeps what its Site
made (the parsed articles, whose bodies are in .cache/bodies already, the archive with its
related lists, the order of its pages) in `site-state.pickle`, and inputs.py keeps the mark of
that file beside the signatures of the article files it read. When the next build finds only
article files changed, and the state file as that build left it, the Site is restored from it
and `build(changes)` brings output/ up to date as the preview would.

Page jobs are closures and are not kept: each restored page is a job holding only its key from
the output tree's manifest (its bytes are there, and the writer skips a page whose key is
unchanged); a page the changes reach gets a real job from the renderer. An edit that keeps every
URL and grouping (`Site._replace_contents`) appends its articles to a journal (core/journal.py)
instead of writing the state whole. A state file that is missing, damaged or of another build
is no state: the build is a full one.
"""

import os
from dataclasses import dataclass, replace
from pathlib import Path

from generator.core.cache import Memo, package_fingerprint
from generator.core.config import SiteConfig
from generator.core.journal import SHARE, Journal, signature_of
from generator.core.model import Article, PageJob
from generator.organise.archive import Archive, with_contents
from generator.output.writer import OutputTrees, checked_before
from generator.render.pages import Renderer

STATE_KEY = "1"


@dataclass
class Kept:
    """What a Site made that the next build needs, but for its page jobs."""

    config: SiteConfig
    articles: dict[str, Article]  # as parsed, by source path
    archive: Archive  # with its related lists made
    urls: dict[str, list[str]]
    next_due: object
    paths: list[str]  # the paths of Site.pages, in their order
    sitemap: list[str]  # the paths of the sitemap's files, among Site.extra
    record: tuple | None  # the page record's mark (Site.record_mark)


def _bodies_there(articles) -> bool:
    """Every body the articles name is in its pack (a pack deleted, or merged away by the parse
    cache of a build that then failed, makes the state unusable)."""
    ends: dict[str, int] = {}
    for article in articles:
        if article.body_at is not None:
            path, offset, length = article.body_at
            if offset + length > ends.get(path, 0):
                ends[path] = offset + length
    try:
        return all(os.stat(path).st_size >= end for path, end in ends.items())
    except OSError:
        return False


def _unavailable() -> bytes:
    # A restored page's key is the one output/ holds, so the writer never asks for its bytes.
    raise RuntimeError("a restored page was asked for its bytes; delete .cache/ and build again")


class SiteState:
    """`site-state.pickle` in .cache/ and its journal."""

    def __init__(self, site_root: Path):
        self.memo = Memo(site_root, "site-state")
        self.journal = Journal(self.memo.path, STATE_KEY)

    def mark(self) -> tuple:
        """The state file and its journal as they are on disk: another mark, another state."""
        return self.journal.mark()

    def load(self, mark: tuple) -> Kept | None:
        """The kept state when its files are those `mark`ed by the last build; else None."""
        if mark is None or self.mark() != mark:
            return None
        base = mark[0]
        kept = self.memo.get(STATE_KEY)
        if not isinstance(kept, Kept):
            return None
        articles, placed, related = {}, {}, {}
        for edited, edited_placed, relisted, record in self.journal.read(base):
            articles.update(edited)
            placed.update(edited_placed)
            related.update(relisted)
            kept.record = record
        if self.journal.size < 0:  # damaged: noted by the journal
            return None
        if articles:
            kept.articles.update(articles)
            for path, paths in related.items():
                if paths is None:
                    kept.archive._related.pop(path, None)
                else:
                    kept.archive._related[path] = paths
            kept.archive = with_contents(kept.archive, placed)
        return kept

    def restore(self, site, mark: tuple) -> bool:
        """Fill in the new `site` from the state `mark`ed by the last build; False when there is
        none to restore (then the site is as it was)."""
        kept = self.load(mark)
        if kept is None:
            return False
        trees = OutputTrees(site.paths.output)
        name = trees.live_name()
        manifest = trees.read_manifest(name) if name else None
        if not manifest or not all(path in manifest and manifest[path][0] for path in kept.paths + kept.sitemap):
            return False
        if not _bodies_there(kept.articles.values()):
            return False
        site.config, site.articles, site.urls, site.next_due = kept.config, kept.articles, kept.urls, kept.next_due
        site.renderer = Renderer(site.root, kept.config, kept.archive, package_fingerprint())
        site.pages = [PageJob(path, manifest[path][0], _unavailable) for path in kept.paths]
        checked_before(kept.paths)
        site.where = {path: i for i, path in enumerate(kept.paths)}
        # The sitemap's files keep their keys as the pages do; the other files are made every build.
        site.extra = [PageJob(path, manifest[path][0], _unavailable) for path in kept.sitemap]
        site.extra += site.renderer.plain_jobs()
        site.record_mark = kept.record
        site.in_sync = True
        return True

    def keep(self, site, mark: tuple | None) -> tuple | None:
        """Keep what `site`'s successful build made; returns the new mark. An edit in place of a site
        restored from the state `mark`ed appends to the journal; anything else writes it whole."""
        if site.organised is None and mark is not None and self.mark() == mark:
            return mark
        if site.organised == "contents" and mark is not None and self.mark() == mark and self._append(site, mark):
            return self.mark()
        archive = site.renderer.archive
        # Made now if not yet (an edit build may not have needed them): the next build needs them.
        related = archive.related_paths()
        archive = replace(archive, _related=related, _relate=None)
        before = signature_of(self.memo.path)
        self.memo.put(STATE_KEY, Kept(site.config, site.articles, archive, site.urls, site.next_due,
                                      [job.path for job in site.pages],
                                      [job.path for job in site.extra if job.key is not None], site.record_mark))
        self.journal.written_whole()
        # Memo.put gives up quietly when it cannot write (a full disk): the file there then holds
        # an earlier site, which must not be taken up.
        now = self.mark()
        return now if now[0] is not None and now[0] != before else None

    def _append(self, site, mark: tuple) -> bool:
        edited, placed, relisted = site.last_edit
        self.journal.follow(mark)
        if sum(map(len, site.last_edit)) > len(site.articles) // SHARE:
            return False
        lists = site.renderer.archive.related_paths()
        related = {path: lists.get(path) for path in relisted}
        return self.journal.append(({key: site.articles[key] for key in edited}, placed, related, site.record_mark))
