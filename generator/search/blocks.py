"""The words of an archive for its index, gathered block by block of articles on disk, then read back
by ranges of terms: the arrays an index build sorts are those of one block or one range, whatever
the size of the archive.

Every indexed word is three numbers (its term's number, its doc, its place in the doc): 12 bytes,
more than the encoded postings and positions made of them. A block of ARTICLES_PER_BLOCK
articles' words is sorted by term and written to a temporary file as it is read; the index is
then made term range by term range (search.arrays), each range's words gathered from every
block, oldest first, so each term's words come in (doc, place) order.
"""

import os
import tempfile
from array import array
from pathlib import Path

import numpy as np

# Articles whose words are sorted and written at a time, and words of the terms made into postings
# at a time (search.arrays.range_postings makes several arrays of that length): at 100,000
# articles, 50,000 and 8 million made the index stage's peak 180 MB higher than 10,000 and 2
# million, which took no longer.
ARTICLES_PER_BLOCK = 10_000
WORDS_PER_RANGE = 2 << 20

_ITEM = np.dtype(np.int32).itemsize


class WordBlocks:
    """The indexed words written block by block (add), read back by term numbers (ranges, words)."""

    def __init__(self, folder: Path | None = None):
        try:
            self.file = tempfile.TemporaryFile(dir=folder)
        except OSError:  # a read-only .cache/
            self.file = tempfile.TemporaryFile()
        # Per block: where its three arrays start in the file, its distinct terms ascending, and
        # where each one's words start in the block.
        self.blocks: list[tuple[int, int, np.ndarray, np.ndarray]] = []
        self.counts = np.zeros(0, np.int64)  # words per term number, over all blocks

    def add(self, flat: array, per_doc: array, first_doc: int) -> None:
        """Take in the words of docs first_doc, first_doc + 1 …: their term numbers in order (`flat`,
        0 for a word not indexed) and how many each doc has (`per_doc`)."""
        if not flat:
            return
        term = np.frombuffer(flat, np.int32)
        counts = np.frombuffer(per_doc, np.int32)
        doc = np.repeat(np.arange(first_doc, first_doc + len(counts), dtype=np.int32), counts)
        position = np.arange(len(term), dtype=np.int32)
        position -= np.repeat(np.cumsum(counts, dtype=np.int32) - counts, counts)
        kept = term != 0
        term, doc, position = term[kept], doc[kept], position[kept]
        order = np.argsort(term, kind="stable")  # stable: each term's words stay in (doc, place) order
        term, doc, position = term[order], doc[order], position[order]
        del order, kept
        starts = np.flatnonzero(np.diff(term, prepend=-1)) if len(term) else np.zeros(0, np.int64)
        distinct = term[starts]
        if len(distinct) and distinct[-1] >= len(self.counts):
            self.counts = np.concatenate([self.counts, np.zeros(int(distinct[-1]) + 1 - len(self.counts), np.int64)])
        self.counts[distinct] += np.diff(np.append(starts, len(term)))
        at = self.file.seek(0, os.SEEK_END)
        for part in (term, doc, position):
            self.file.write(part.tobytes())
        self.file.flush()
        self.blocks.append((at, len(term), distinct, starts))

    def ranges(self) -> list[tuple[int, int]]:
        """Term numbers [low, high) cut so that each range holds WORDS_PER_RANGE words at most (a
        term of more words has a range of its own)."""
        bounds, total, low, most = [], 0, 0, WORDS_PER_RANGE
        for number, count in enumerate(self.counts.tolist()):
            if total and total + count > most:
                bounds.append((low, number))
                low, total = number, 0
            total += count
        if total:
            bounds.append((low, len(self.counts)))
        return bounds

    def words(self, low: int, high: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(term, doc, place) of every word of terms low … high - 1, by term, then doc and place."""
        parts = []
        fd = self.file.fileno()
        for at, length, distinct, starts in self.blocks:
            i, j = np.searchsorted(distinct, [low, high])
            start = int(starts[i]) if i < len(starts) else length
            end = int(starts[j]) if j < len(starts) else length
            if start < end:
                parts.append([np.frombuffer(os.pread(fd, (end - start) * _ITEM, at + (k * length + start) * _ITEM),
                                            np.int32) for k in range(3)])
        if not parts:
            return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int32)
        term, doc, position = (np.concatenate([p[k] for p in parts]) for k in range(3))
        del parts
        order = np.argsort(term, kind="stable")  # blocks hold docs in ascending order, oldest first
        return term[order], doc[order], position[order]

    def close(self) -> None:
        self.file.close()
