"""Atom feeds: the whole site, and one per tag and per source, each with the newest entries."""

from collections.abc import Iterator
from datetime import datetime, timezone

from .model import Page
from .render import Renderer

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def feed_pages(renderer: Renderer) -> Iterator[Page]:
    archive, config = renderer.archive, renderer.config
    yield _feed(renderer, "feed.xml", "", config.title, archive.articles)
    for kind in ("tags", "sources"):
        for term in archive.terms[kind]:
            yield _feed(renderer, term.path + "feed.xml", term.path, f"{config.title}: {term.name}", term.articles)


def _feed(renderer: Renderer, path: str, alternate: str, title: str, articles) -> Page:
    entries = list(articles[:renderer.config.feed_items])
    # The feed's date is its newest entry's, never the build time, so unchanged content gives unchanged bytes.
    updated = max((a.updated or a.date for a in entries), default=EPOCH)
    return renderer.render("feed.xml", path, None, feed_title=title, feed_path=path, alternate=alternate,
                           entries=entries, updated=updated)
