"""The articles a first build's search process reads, handed to it as pickled chunks in a file.

That process is started afresh (search.background) rather than forked from the build's main
process: a fork keeps every page the main process held when it forked (at 100,000 articles about
400 MB) for as long as it runs, while the main process goes on to change or free them. Pickled,
each article is a few hundred bytes on disk, read back a chunk at a time and let go.
"""

import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from generator.core.model import Article

# Articles a chunk: unpickled at once, and held while they are read.
CHUNK = 2000


class PickledArticles(Sequence):
    """A list of articles as pickled chunks in a file: indexing, slicing and iterating unpickle a
    chunk at a time (one kept, since reads mostly go in order). Pickles as the file's name."""

    def __init__(self, articles: Sequence[Article], folder: Path | None = None):
        self.size = len(articles)
        handle, self.path = tempfile.mkstemp(dir=folder, prefix="articles-", suffix=".tmp")
        self.ends: list[int] = []
        with os.fdopen(handle, "wb") as f:
            for i in range(0, self.size, CHUNK):
                f.write(pickle.dumps(list(articles[i:i + CHUNK]), pickle.HIGHEST_PROTOCOL))
                self.ends.append(f.tell())
        self._open: tuple[int, list[Article]] = (-1, [])

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_open": (-1, [])}

    def __len__(self) -> int:
        return self.size

    def _read(self, k: int) -> list[Article]:
        start = self.ends[k - 1] if k else 0
        with open(self.path, "rb") as f:
            f.seek(start)
            return pickle.loads(f.read(self.ends[k] - start))  # nosec B301: written by this build

    def _chunk(self, k: int) -> list[Article]:
        if self._open[0] != k:
            self._open = (k, self._read(k))
        return self._open[1]

    def __getitem__(self, at):
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(self.size))]
        if at < 0:
            at += self.size
        if not 0 <= at < self.size:
            raise IndexError(at)
        return self._chunk(at // CHUNK)[at % CHUNK]

    def __iter__(self) -> Iterator[Article]:
        for k in range(len(self.ends)):
            yield from self._read(k)

    def remove(self) -> None:
        try:
            os.unlink(self.path)
        except OSError:
            pass
