"""Related articles: those sharing the most rare topics (words of the title, names in the lead,
tags, places; see organise/topics.py).

Two articles are related when they share two topics, one at least not a place: two cities relate
a ferry timetable to peace talks held there no more than one does. They rank by the sum, over the
topics they share, of both articles' weights for it times its rarity squared; then nearest in
time, then by URL.

Candidates come from an inverted index (topic → its articles): an article meets only those that
share a topic with it, never all the others. A topic of more than 2**RARE_LEVEL articles ("oil", a
wire service's country code, a war in its third year) relates only articles of the same month,
or of the same week when it is that common within the month, and none when it is that common
within the week. That bounds the work per article at any archive size, and a common subject
still relates the articles of one chapter of its story.

Rarity is counted in powers of two: rarity = level(articles) - level(articles with the topic),
where level(n) = n.bit_length(). So an added or edited article changes the rarity of one of its
topics only when that topic's count passes a power of two, and of every topic only when the
archive's size does; both are rare, and what they cost is paid once per doubling. That keeps
RelatedIndex.update() exact and small: it ranks again only the articles whose list can change.
"""

import heapq
import sys
from pathlib import Path

from generator.core.cache import KeptMemo, Memo, code_fingerprint, fingerprint
from generator.core.model import Article
from generator.lang import text as text_module
from generator.organise import topics as topics_module
from generator.organise.topics import PLACE_PREFIX, topic_signature, topics

RARE_LEVEL = 6  # topics of up to 63 articles relate across the archive; more common ones within a month or week
# The sum per article pair counts shared words and tags from bit 40, shared places from bit 32, and
# scores below (per shared topic at most 3 * 3 * rarity**2, and rarity < 64).
_WORD, _PLACE = 1 << 40, 1 << 32
_SCORE = _PLACE - 1
_RELATED = _WORD + _PLACE  # two words, or a word and a place


def periods_of(date) -> tuple[str, str]:
    """The windows a common topic falls back to, widest first: the month, and the week within it
    (so that each week's articles are all of one month, and relate alike)."""
    month = "%04d-%02d" % (date.year, date.month)
    # One string object per period for the whole archive, not two per article.
    return sys.intern(month), sys.intern("%s-W%02d" % (month, date.isocalendar()[1]))


class RelatedIndex:
    """The related list of every article, kept up to date by update(); pickled between builds."""

    def __init__(self, limit: int):
        self.limit = limit
        self.signatures: dict[str, tuple] = {}  # path → topic_signature
        self.topics: dict[str, dict[str, int]] = {}  # path → topic → weight
        self.when: dict[str, float] = {}  # path → timestamp
        self.periods: dict[str, tuple[str, str]] = {}  # path → periods_of() its date
        self.postings: dict[str, dict[str, int]] = {}  # topic → path → weight
        # topic → (by month, by week): period → paths (their weights are in postings); made for a
        # common topic when first asked for. Lists, not dicts: a common topic has a window for
        # every month and week of the archive, most of them of a few articles.
        self.windows: dict[str, tuple[dict[str, list[str]], dict[str, list[str]]]] = {}
        self.ranked: dict[str, list[tuple]] = {}  # path → its related articles' ranking keys, best first
        # path → paths of the articles listing it: made from `ranked` when an update first needs it
        # (a first build never does), and not kept in .cache/ (46 MB at 100,000 articles).
        self.listed_by: dict[str, set[str]] | None = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "listed_by": None}

    def _listing(self) -> dict[str, set[str]]:
        if self.listed_by is None:
            self.listed_by = {}
            for path, keys in self.ranked.items():
                for key in keys:
                    self.listed_by.setdefault(key[2], set()).add(path)
        return self.listed_by

    def lists(self) -> dict[str, list[str]]:
        """path → paths of its related articles, best first (articles without any left out)."""
        return {path: [key[2] for key in keys] for path, keys in self.ranked.items() if keys}

    def update(self, articles: list[Article]) -> set[str]:
        """Take in the archive as it is now; returns the paths of the articles ranked again."""
        present = {a.path: a for a in articles}
        removed = [p for p in self.signatures if p not in present]
        changed = [a for p, a in present.items() if self.signatures.get(p) != topic_signature(a)]
        if not removed and not changed:
            return set()
        size_level = len(self.signatures).bit_length()
        dirty: set[str] = set()
        counts_before: dict[str, int] = {}
        for path in removed + [a.path for a in changed if a.path in self.signatures]:
            dirty |= self._listing().get(path, set())
            self._forget(path, counts_before)
        # Into an empty index (a first build) without noting counts: every list is ranked anyway.
        noting = counts_before if self.signatures else None
        for article in changed:
            self._add(article, noting)
        dirty.update(a.path for a in changed)
        if len(self.signatures).bit_length() != size_level:
            dirty = set(self.signatures)  # every rarity moved
        else:
            for key, before in counts_before.items():
                members = (self.windows.get(key[0], ({}, {}))[key[1]].get(key[2], ())
                           if isinstance(key, tuple) else self.postings.get(key, {}))
                if len(members).bit_length() != before.bit_length():
                    dirty.update(members)
            dirty |= self._entered(changed)
        dirty -= set(removed)
        for path in removed:
            self._set_ranked(path, [])
            del self.ranked[path]
        for path in sorted(dirty):
            self._set_ranked(path, heapq.nsmallest(self.limit, self._candidates(path)))
        if self.listed_by is not None:
            for path in removed:
                self.listed_by.pop(path, None)
        return dirty

    def _forget(self, path: str, counts_before: dict) -> None:
        periods = self.periods.pop(path)
        for topic in self.topics.pop(path):
            members = self.postings[topic]
            counts_before.setdefault(topic, len(members))
            del members[path]
            for key, window in self._window_groups(topic, periods):
                counts_before.setdefault(key, len(window))
                window.remove(path)
            if not members:
                del self.postings[topic]
                self.windows.pop(topic, None)
        del self.signatures[path], self.when[path]

    def _add(self, article: Article, counts_before: dict | None) -> None:
        path, weights = article.path, topics(article)
        self.signatures[path] = topic_signature(article)
        self.topics[path] = weights
        self.when[path] = article.date.timestamp()
        self.periods[path] = periods = periods_of(article.date)
        postings = self.postings
        for topic, weight in weights.items():
            if counts_before is None:
                postings.setdefault(topic, {})[path] = weight
                continue
            members = postings.setdefault(topic, {})
            counts_before.setdefault(topic, len(members))
            members[path] = weight
            for key, window in self._window_groups(topic, periods):
                counts_before.setdefault(key, len(window))
                window.append(path)

    def _window_groups(self, topic: str, periods: tuple[str, str]) -> list[tuple]:
        """(count key, paths) of the windows of `topic` that an article of `periods` belongs to,
        when they have been made."""
        if topic not in self.windows:
            return []
        return [((topic, i, period), window.setdefault(period, []))
                for i, (window, period) in enumerate(zip(self.windows[topic], periods))]

    def _windows(self, topic: str) -> tuple[dict, dict]:
        """The articles with `topic` by month and by week (periods_of())."""
        if topic not in self.windows:
            self.windows[topic] = windows = ({}, {})
            for path in self.postings[topic]:
                for window, its_period in zip(windows, self.periods[path]):
                    window.setdefault(its_period, []).append(path)
        return self.windows[topic]

    def _in_window(self, topic: str, i: int, period: str) -> list[str]:
        """The articles with `topic` of one period (periods_of()[i])."""
        return self._windows(topic)[i].get(period, [])

    def _entered(self, changed: list[Article]) -> set[str]:
        """Articles whose list a changed article may now enter: it ranks above their last one,
        or their list is not full."""
        entered = set()
        for article in changed:
            for key in self._candidates(article.path):
                other = key[2]
                mine = self.ranked.get(other, [])
                if len(mine) < self.limit or (key[0], key[1], article.path) < mine[-1]:
                    entered.add(other)
        return entered

    def _candidates(self, path: str) -> list[tuple]:
        """Ranking keys (-score, seconds apart, path) of every article related to `path`: the
        smaller the key, the better."""
        size_level = len(self.signatures).bit_length()
        periods = self.periods[path]
        # One sum per other article carries both its score and what it shares (see _WORD): this
        # loop is most of the time a build spends on related articles.
        sums: dict[str, int] = {}
        for topic, weight in self.topics[path].items():
            members = weights = self.postings[topic]
            level = len(members).bit_length()
            if level >= size_level:
                continue  # in half the archive or more: says nothing
            for i, period in enumerate(periods):
                if len(members).bit_length() <= RARE_LEVEL:
                    break
                members = self._in_window(topic, i, period)
            if len(members) < 2 or len(members).bit_length() > RARE_LEVEL:
                continue
            rarity = (size_level - level) ** 2
            counted = _PLACE if topic.startswith(PLACE_PREFIX) else _WORD
            step = [weight * w * rarity + counted for w in range(4)]  # by the other article's weight
            for other in members:
                sums[other] = sums.get(other, 0) + step[weights[other]]
        sums.pop(path, None)
        when, times = self.when[path], self.when
        return [(-(total & _SCORE), abs(times[other] - when), other) for other, total in sums.items()
                if total >= _RELATED]

    def _set_ranked(self, path: str, keys: list[tuple]) -> None:
        listed_by = self.listed_by
        if listed_by is not None:
            for key in self.ranked.get(path, ()):
                listed_by[key[2]].discard(path)
            for key in keys:
                listed_by.setdefault(key[2], set()).add(path)
        self.ranked[path] = keys


def _code_key(limit: int) -> str:
    """Changes with the ranking code (topics stem words with lang/text.py) and the list length: a
    kept index made otherwise is not used."""
    return f"{code_fingerprint([text_module, topics_module, sys.modules[__name__]])}:{limit}"


def _lists_key(articles: list[Article], code_key: str) -> str:
    """Digest of everything the lists are made from."""
    return fingerprint(code_key, [(a.path, topic_signature(a)) for a in articles])


class RelatedCache:
    """What .cache/ keeps of related articles: the lists, valid while nothing they are made from
    changes (all a rebuild without changes reads), and the index that updates them after an edit."""

    def __init__(self, site_root: Path, keep: bool = True):
        self.lists = KeptMemo(site_root, "related")
        # Kept in memory only by a process that builds again and again (the preview server): at
        # 100,000 articles the index is 350 MB that a one-off build's render workers would inherit.
        self.index = KeptMemo(site_root, "related-index") if keep else Memo(site_root, "related-index")


def related_table(articles: list[Article], limit: int, cache: RelatedCache | None) -> dict[str, list[str]]:
    """Each article's related articles, as paths by path; with a `cache`, a build ranks again only the
    articles whose list a change can alter, and a build without changes ranks nothing."""
    if limit == 0:
        return {}
    code_key = _code_key(limit)
    lists_key = _lists_key(articles, code_key) if cache else None
    table = cache.lists.get(lists_key) if cache else None
    if table is None:
        index = (cache.index.get(code_key) if cache else None) or RelatedIndex(limit)
        if index.update(articles) and cache:
            cache.index.put(code_key, index)
        table = index.lists()
        if cache:
            cache.lists.put(lists_key, table)
    return table
