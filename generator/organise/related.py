"""Related articles: those sharing the most tags and places with an article, nearest in time first."""

import hashlib
import heapq
from collections import Counter

from generator.core.model import Article

RELATED_WINDOW = 12  # neighbours in time per shared tag or location that may be related


def _related(articles: list[Article], groups: list[tuple[Article, ...]], limit: int) -> dict[str, list[Article]]:
    """Articles sharing the most tags and locations, nearest in time first.

    `groups` are the articles of each tag and location, newest first. Only the RELATED_WINDOW
    nearest members of each group are candidates, which keeps this linear
    in the archive size even when one tag covers half of it.
    """
    if limit == 0:
        return {}
    index = {id(a): i for i, a in enumerate(articles)}
    scores: list[Counter | None] = [None] * len(articles)
    for group in groups:
        members = [index[id(a)] for a in group]
        for pos, i in enumerate(members):
            window = members[max(0, pos - RELATED_WINDOW): pos + RELATED_WINDOW + 1]
            counter = scores[i]
            if counter is None:
                counter = scores[i] = Counter()
            counter.update(window)
    stamps = [a.date.timestamp() for a in articles]
    related = {}
    for i, counter in enumerate(scores):
        if counter is None:
            continue
        del counter[i]
        when = stamps[i]
        # More shared names first, then nearest in time, then the newer article: one number to
        # compare, since this runs for every article (seconds stay below 1e10 for any real date).
        ranked = heapq.nsmallest(limit, ((-count * 1e10 + abs(stamps[j] - when), j) for j, count in counter.items()))
        related[articles[i].path] = [articles[j] for _, j in ranked]
    return related


def relation_key(articles: list[Article], related_items: int) -> str:
    """Digest of everything related articles are computed from (not the text, so edits keep it)."""
    digest = hashlib.blake2b(f"{RELATED_WINDOW}:{related_items}".encode(), digest_size=16)
    for a in articles:
        digest.update(repr((a.path, a.tags, a.locations, a.date.timestamp())).encode())
    return digest.hexdigest()


def related_table(articles: list[Article], groups: list[tuple[Article, ...]], limit: int, memo) -> dict[str, list[Article]]:
    """Each article's related articles by path; `memo` (get/put by key) keeps the table between builds."""
    key = relation_key(articles, limit) if memo else None
    table = memo.get(key) if memo else None
    if table is None:
        table = {path: [a.path for a in others] for path, others in _related(articles, groups, limit).items()}
        if memo:
            memo.put(key, table)
    by_path = {a.path: a for a in articles}
    return {path: [by_path[p] for p in others] for path, others in table.items()}
