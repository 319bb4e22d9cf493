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
from array import array
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
    """The related list of every article, kept up to date by update(); pickled between builds.

    Articles and topics are numbered (ids): a topic's members are one array of numbers (each an
    article's id times 4 plus its weight for the topic, weights being 0 to 3), an article's topics
    one array of (topic id times 4 plus weight), its list one array of ids: at 100,000 articles
    88 MiB, where dicts of paths per topic and per article take 198 (bench/related.py). A removed
    article's id is not given again. Signatures are tuples (of the article's own strings): a
    digest of each, made again for every article at every update, would cost 0.2 s at 100,000."""

    def __init__(self, limit: int):
        self.limit = limit
        self.ids: dict[str, int] = {}  # path → id
        self.paths: list[str | None] = []  # id → path; None once removed
        self.signatures: list[tuple | None] = []  # id → topic_signature
        self.topics: list[array | None] = []  # id → its topics (topic id * 4 + weight)
        self.when = array("d")  # id → timestamp
        self.periods: list[tuple[str, str] | None] = []  # id → periods_of() its date
        self.topic_ids: dict[str, int] = {}
        self.places = bytearray()  # topic id → 1 for a place
        # topic id → its members (article id * 4 + weight): None for none, an int for one (most
        # topics: a name in one lead), an array for more.
        self.members: list[int | array | None] = []
        # topic id → (by month, by week): period → members; made for a common topic when first
        # asked for. A common topic has a window for every month and week of the archive.
        self.windows: dict[int, tuple[dict[str, array], dict[str, array]]] = {}
        self.ranked: list[array | None] = []  # id → its related articles' ids, best first
        self.worst = array("q")  # id → the score of the last in its list (as _candidates' keys)
        # id → ids of the articles listing it: made from `ranked` when an update first needs it
        # (a first build never does), and not kept in .cache/.
        self.listed_by: dict[int, set[int]] | None = None

    def __getstate__(self) -> dict:
        state = {**self.__dict__, "listed_by": None}
        # Per article and per topic one flat array with offsets: a million small arrays pickle
        # and unpickle one by one, ten times slower.
        for name in ("topics", "ranked"):
            state[name] = _packed(state[name])
        state["members"] = _packed([m if m is None or isinstance(m, array) else array("i", (m,))
                                    for m in self.members])
        state["windows"] = {tid: tuple((list(window), _packed(list(window.values()))) for window in windows)
                            for tid, windows in self.windows.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        for name in ("topics", "ranked"):
            state[name] = _unpacked(*state[name])
        state["members"] = [m if m is None or len(m) > 1 else m[0] for m in _unpacked(*state["members"])]
        state["windows"] = {tid: tuple(dict(zip(periods, _unpacked(*rows))) for periods, rows in windows)
                            for tid, windows in state["windows"].items()}
        self.__dict__.update(state)

    def _of(self, tid: int):
        members = self.members[tid]
        return () if members is None else (members,) if isinstance(members, int) else members

    def _join(self, tid: int, code: int) -> None:
        members = self.members[tid]
        if members is None:
            self.members[tid] = code
        elif isinstance(members, int):
            self.members[tid] = array("i", (members, code))
        else:
            members.append(code)

    def _leave(self, tid: int, code: int) -> None:
        members = self.members[tid]
        if isinstance(members, int) or len(members) == 1:
            self.members[tid] = None
        else:
            members.remove(code)

    def _listing(self) -> dict[int, set[int]]:
        if self.listed_by is None:
            self.listed_by = {}
            for i, others in enumerate(self.ranked):
                for other in others or ():
                    self.listed_by.setdefault(other, set()).add(i)
        return self.listed_by

    def lists(self) -> dict[str, list[str]]:
        """path → paths of its related articles, best first (articles without any left out)."""
        paths = self.paths
        return {paths[i]: [paths[j] for j in self.ranked[i]] for i in sorted(self.ids.values(), key=paths.__getitem__)
                if self.ranked[i]}

    def update(self, articles: list[Article]) -> set[str]:
        """Take in the archive as it is now; returns the paths of the articles ranked again."""
        present = {a.path: a for a in articles}
        removed = [i for p, i in self.ids.items() if p not in present]
        changed = []
        for path, article in present.items():
            i, signature = self.ids.get(path), topic_signature(article)
            if i is None or self.signatures[i] != signature:
                changed.append((article, signature))
        if not removed and not changed:
            return set()
        size_level = len(self.ids).bit_length()
        dirty: set[int] = set()
        counts_before: dict = {}
        for i in removed + [self.ids[a.path] for a, _ in changed if a.path in self.ids]:
            dirty |= self._listing().get(i, set())
            self._forget(i, counts_before)
        for i in removed:
            del self.ids[self.paths[i]]
        # Into an empty index (a first build) without noting counts: every list is ranked anyway.
        noting = counts_before if self.ids else None
        added = [self._add(article, signature, noting) for article, signature in changed]
        dirty.update(added)
        if len(self.ids).bit_length() != size_level:
            dirty = set(self.ids.values())  # every rarity moved
        else:
            for key, before in counts_before.items():
                members = (self.windows.get(key[0], ({}, {}))[key[1]].get(key[2], ())
                           if isinstance(key, tuple) else self._of(key))
                if len(members).bit_length() != before.bit_length():
                    dirty.update(code >> 2 for code in members)
            dirty |= self._entered(added)
        dirty.difference_update(removed)
        for i in removed:
            self._set_ranked(i, [])
            self.paths[i] = self.signatures[i] = self.topics[i] = self.periods[i] = self.ranked[i] = None
        paths = self.paths
        for i in sorted(dirty, key=paths.__getitem__):
            self._set_ranked(i, heapq.nsmallest(self.limit, self._candidates(i)))
        if self.listed_by is not None:
            for i in removed:
                self.listed_by.pop(i, None)
        return {paths[i] for i in dirty}

    def _forget(self, i: int, counts_before: dict) -> None:
        periods = self.periods[i]
        for code in self.topics[i]:
            tid = code >> 2
            member = i << 2 | code & 3
            counts_before.setdefault(tid, len(self._of(tid)))
            self._leave(tid, member)
            for key, window in self._window_groups(tid, periods):
                counts_before.setdefault(key, len(window))
                window.remove(member)
            if self.members[tid] is None:
                self.windows.pop(tid, None)
        self.topics[i] = self.periods[i] = None

    def _topic_id(self, topic: str) -> int:
        tid = self.topic_ids.get(topic)
        if tid is None:
            tid = self.topic_ids[topic] = len(self.members)
            self.members.append(None)
            self.places.append(topic.startswith(PLACE_PREFIX))
        return tid

    def _add(self, article: Article, signature: tuple, counts_before: dict | None) -> int:
        i = self.ids.get(article.path)
        if i is None:
            i = self.ids[article.path] = len(self.paths)
            self.paths.append(article.path)
            self.signatures.append(None)
            self.topics.append(None)
            self.when.append(0.0)
            self.periods.append(None)
            self.ranked.append(None)
            self.worst.append(0)
        codes = array("i", [self._topic_id(topic) << 2 | weight for topic, weight in topics(article).items()])
        self.signatures[i] = signature
        self.topics[i] = codes
        self.when[i] = article.date.timestamp()
        self.periods[i] = periods = _PERIODS.setdefault(p := periods_of(article.date), p)
        for code in codes:
            tid, member = code >> 2, i << 2 | code & 3
            if counts_before is None:
                self._join(tid, member)
                continue
            counts_before.setdefault(tid, len(self._of(tid)))
            self._join(tid, member)
            for key, window in self._window_groups(tid, periods):
                counts_before.setdefault(key, len(window))
                window.append(member)
        return i

    def _window_groups(self, tid: int, periods: tuple[str, str]) -> list[tuple]:
        """(count key, members) of the windows of topic `tid` that an article of `periods` belongs
        to, when they have been made."""
        if tid not in self.windows:
            return []
        return [((tid, k, period), window.setdefault(period, array("i")))
                for k, (window, period) in enumerate(zip(self.windows[tid], periods))]

    def _windows(self, tid: int) -> tuple[dict, dict]:
        """The members of topic `tid` by month and by week (periods_of())."""
        if tid not in self.windows:
            self.windows[tid] = windows = ({}, {})
            for code in self._of(tid):
                for window, its_period in zip(windows, self.periods[code >> 2]):
                    window.setdefault(its_period, array("i")).append(code)
        return self.windows[tid]

    def _entered(self, changed: list[int]) -> set[int]:
        """Articles whose list a changed article may now enter: it ranks above their last one,
        or their list is not full."""
        entered = set()
        for i in changed:
            path = self.paths[i]
            for key in self._candidates(i):
                other = self.ids[key[2]]
                mine = self.ranked[other] or ()
                if len(mine) < self.limit or (key[0], key[1], path) < self._last_key(other):
                    entered.add(other)
        return entered

    def _last_key(self, i: int) -> tuple:
        """The ranking key (_candidates) of the last article in i's list."""
        last = self.ranked[i][-1]
        return (self.worst[i], abs(self.when[last] - self.when[i]), self.paths[last])

    def _candidates(self, i: int) -> list[tuple]:
        """Ranking keys (-score, seconds apart, path) of every article related to article `i`:
        the smaller the key, the better."""
        size_level = len(self.ids).bit_length()
        periods = self.periods[i]
        # One sum per other article carries both its score and what it shares (see _WORD): this
        # loop is most of the time a build spends on related articles.
        sums: dict[int, int] = {}
        for code in self.topics[i]:
            tid, weight = code >> 2, code & 3
            members = self._of(tid)
            level = len(members).bit_length()
            if level >= size_level:
                continue  # in half the archive or more: says nothing
            for k, period in enumerate(periods):
                if len(members).bit_length() <= RARE_LEVEL:
                    break
                members = self._windows(tid)[k].get(period, ())
            if len(members) < 2 or len(members).bit_length() > RARE_LEVEL:
                continue
            rarity = (size_level - level) ** 2
            counted = _PLACE if self.places[tid] else _WORD
            step = [weight * w * rarity + counted for w in range(4)]  # by the other article's weight
            for member in members:
                other = member >> 2
                sums[other] = sums.get(other, 0) + step[member & 3]
        sums.pop(i, None)
        when, times, paths = self.when[i], self.when, self.paths
        return [(-(total & _SCORE), abs(times[other] - when), paths[other]) for other, total in sums.items()
                if total >= _RELATED]

    def _set_ranked(self, i: int, keys: list[tuple]) -> None:
        others = array("i", [self.ids[key[2]] for key in keys])
        listed_by = self.listed_by
        if listed_by is not None:
            for other in self.ranked[i] or ():
                listed_by[other].discard(i)
            for other in others:
                listed_by.setdefault(other, set()).add(i)
        self.ranked[i] = others or None
        self.worst[i] = keys[-1][0] if keys else 0


# One tuple per (month, week) for the whole archive, not one per article.
_PERIODS: dict[tuple[str, str], tuple[str, str]] = {}


def _packed(rows: list[array | None]) -> tuple[array, array]:
    """Rows of numbers as (ends, numbers): row k is numbers[ends[k - 1]:ends[k]]; None is -1 in
    ends, kept apart from an empty row."""
    ends, numbers = array("q"), array("i")
    for row in rows:
        if row is not None:
            numbers.extend(row)
        ends.append(len(numbers) if row is not None else -1 - len(numbers))
    return ends, numbers


def _unpacked(ends: array, numbers: array) -> list[array | None]:
    rows, start = [], 0
    for end in ends:
        if end < 0:
            rows.append(None)
            start = -1 - end
        else:
            rows.append(numbers[start:end])
            start = end
    return rows


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
