"""The articles a background index build reads, handed to it as pickled chunks rather than as the
objects the build's main process holds.

A forked process shares its parent's memory until either writes to it, and merely reading an
object writes to it (its reference count): an index made from the archive's own articles copied
every page they are on into the search process, at 300,000 articles about 700 MB beside the
main process' own. Pickled, each article is a few hundred bytes in one of a few large bytes
objects, read back a chunk at a time and let go.
"""

import pickle
from collections.abc import Iterator, Sequence

from generator.core.model import Article

# Articles a chunk: unpickled at once, and held while they are read.
CHUNK = 2000


class PickledArticles(Sequence):
    """A list of articles as pickled chunks: indexing, slicing and iterating unpickle a chunk at a
    time (one kept, since reads mostly go in order)."""

    def __init__(self, articles: Sequence[Article]):
        self.count = len(articles)
        self.chunks = [pickle.dumps(list(articles[i:i + CHUNK]), pickle.HIGHEST_PROTOCOL)
                       for i in range(0, self.count, CHUNK)]
        self._open: tuple[int, list[Article]] = (-1, [])

    def __len__(self) -> int:
        return self.count

    def _chunk(self, k: int) -> list[Article]:
        if self._open[0] != k:
            self._open = (k, pickle.loads(self.chunks[k]))  # nosec B301: pickled by this build
        return self._open[1]

    def __getitem__(self, at):
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(self.count))]
        if at < 0:
            at += self.count
        if not 0 <= at < self.count:
            raise IndexError(at)
        return self._chunk(at // CHUNK)[at % CHUNK]

    def __iter__(self) -> Iterator[Article]:
        for chunk in self.chunks:
            yield from pickle.loads(chunk)  # nosec B301: pickled by this build
