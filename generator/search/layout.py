"""How the index was cut into files at the last build, kept so that a change makes again only the
files it touches.

Terms are cut into runs where the terms themselves say (Cutter): a cut depends on the terms since
the last anchor alone. So when some terms were added, removed or changed, the runs away from them
are the runs a fresh cut gives, and only the runs between the anchors around them are cut again.
Document and excerpt shards hold consecutive doc numbers: those holding a changed one are made
again.
"""

import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Run = int | list[str]  # a run kept from the last layout (its number there), or the terms of a new one


@dataclass
class Layout:
    """The files of an index as last made: per run of terms, its first term and its files."""

    firsts: list[str]
    term_files: list[str]  # each holding its terms' postings and positions (search.shards)
    words: list[str]  # the word terms spelt backwards, sorted: the reverse shards' order
    reverse_firsts: list[str]  # spelt backwards too
    reverse_files: list[str]
    doc_files: list[str]
    excerpt_files: list[str]
    sizes: tuple[int, int]  # (articles per document shard, per excerpt shard)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "words": "\n".join(self.words)}  # one string: read back in a moment

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, words=state["words"].split("\n") if state["words"] else [])


@dataclass
class Touched:
    """What changed in an index since its files were last made."""

    terms: set[str] = field(default_factory=set)  # postings or positions changed, added or removed
    words: set[str] = field(default_factory=set)  # word terms added or removed
    docs: set[int] = field(default_factory=set)  # doc numbers whose article changed, was added or removed


class Cutter:
    """Where runs of sorted terms are cut: after an anchor, a term whose hash, as a fraction, is under
    its cost / `spacing` (so anchors come about every `spacing` bytes), and around a term costing
    `spacing` or more; between two anchors, wherever the run since the last cut reaches `most` bytes.
    No running total over the whole list decides a cut, only the terms since the last anchor, so a
    term added, removed or grown moves the cuts between the anchors around it and no other."""

    def __init__(self, cost: Callable[[str], int], spacing: int, most: int):
        self.cost, self.spacing, self.most = cost, spacing, most

    def anchor(self, term: str) -> bool:
        """Whether a run ends after `term` whatever comes before it."""
        return zlib.crc32(term.encode("utf-8")) * self.spacing < self.cost(term) << 32

    def alone(self, term: str) -> bool:
        """Whether a run starts at `term` whatever comes before it."""
        return self.cost(term) >= self.spacing

    def runs(self, terms: list[str]) -> list[list[str]]:
        runs, current, size = [], [], 0
        for term in terms:
            cost = self.cost(term)
            if current and cost >= self.spacing:
                runs.append(current)
                current, size = [], 0
            current.append(term)
            size += cost
            if size >= self.most or self.anchor(term):
                runs.append(current)
                current, size = [], 0
        if current:
            runs.append(current)
        return runs


def recut(items: list[str], firsts: list[str], touched: Iterable[str], cutter: Cutter) -> list[Run]:
    """The runs of `items` (sorted) that `cutter.runs(items)` gives, made from the last runs (`firsts`,
    their first items): only the runs between the anchors around a `touched` item are cut again, and
    a run that comes out as it was, holding no touched item, is kept."""
    if not firsts:
        return list(cutter.runs(items))
    dirty = {max(bisect_right(firsts, item) - 1, 0) for item in touched}

    def at(j: int) -> int:  # where old run j starts among the items
        return len(items) if j == len(firsts) else bisect_left(items, firsts[j]) if j else 0

    def fixed(j: int) -> bool:  # whether the cut before old run j stays, whatever changed
        return (j - 1 not in dirty and j not in dirty
                and (cutter.anchor(items[at(j) - 1]) or cutter.alone(items[at(j)])))
    near = set()
    for k in dirty:
        low = high = k
        while low > 0 and not fixed(low):
            low -= 1
        while high + 1 < len(firsts) and not fixed(high + 1):
            high += 1
        near.update(range(low, high + 1))
    runs: list[Run] = []
    k = 0
    for group in _consecutive(sorted(near)):
        runs += range(k, group[0])
        start = at(group[0])
        for run in cutter.runs(items[start:at(group[-1] + 1)]):
            j = bisect_left(firsts, run[0])
            kept = (j < len(firsts) and firsts[j] == run[0] and j not in dirty and at(j) == start
                    and at(j + 1) == start + len(run))
            runs.append(j if kept else run)
            start += len(run)
        k = group[-1] + 1
    runs += range(k, len(firsts))
    return runs


def _consecutive(numbers: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for n in numbers:
        if groups and groups[-1][-1] == n - 1:
            groups[-1].append(n)
        else:
            groups.append([n])
    return groups
