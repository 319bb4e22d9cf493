"""Article bodies kept on disk, in .cache/bodies/, and read when a page or the index needs one.

The bodies are most of an archive's bytes (about 500 MB of HTML at 100,000 articles). Held in
the build's main process, they were copied again into every worker that touched them, while a
rebuild renders a handful of pages. So the parse cache keeps each body in a pack file, and its
articles carry only where the body is (`Article.body_at`); `body_of` reads it.

A pack is written by one process and never changed after: each process that parses articles
writes a pack of its own, so parallel parsers and concurrent builds never write the same file.
The parse cache merges the packs when they grow many or mostly hold bodies no article uses.
"""

import os
import secrets
import time
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from generator.core.model import Article

SUFFIX = ".pack"
MERGE_AFTER = 16  # packs: an edit build writes one, so merging is rare and cheap
STALE_AFTER = 600  # seconds: an unreferenced pack younger than this may belong to a build still running
_OPEN_AT_MOST = 32  # file descriptors kept open for reading


class PackWriter:
    """A new pack in `folder`; `keep(article)` moves the article's body into it.

    Like every cache, only a shortcut: when the pack cannot be written (a full disk, a read-only
    .cache/), the bodies stay in memory and the build goes on."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.file = None
        self.size = 0
        self.failed = False

    def keep(self, article: Article) -> Article:
        if article.body_at is not None or self.failed:
            return article
        data = article.body_html.encode("utf-8")
        try:
            if self.file is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self.path = str(self.folder / f"{secrets.token_hex(8)}{SUFFIX}")
                self.file = open(self.path, "xb", buffering=0)  # unbuffered: a failed write fails here
            written = self.file.write(data)
        except OSError:
            written = None
        if written != len(data):
            self.failed = True
            self._drop_tail()
            return article
        at = (self.path, self.size, len(data))
        self.size += len(data)
        return replace(article, body_html="", body_at=at)

    def _drop_tail(self) -> None:
        """Give back the space of a write that failed halfway: a full disk must not stay full."""
        if self.file is None:
            return
        try:
            os.ftruncate(self.file.fileno(), self.size)
            if not self.size:
                os.unlink(self.path)
        except OSError:
            pass
        self.close()

    def close(self) -> None:
        """Written out: call before another process reads the bodies."""
        if self.file is not None:
            self.file.close()
            self.file = None


_open: OrderedDict[str, int] = OrderedDict()  # pack path → descriptor; inherited by forked workers


def _descriptor(path: str) -> int:
    fd = _open.pop(path, None)
    if fd is None:
        fd = os.open(path, os.O_RDONLY)
        if len(_open) >= _OPEN_AT_MOST:
            os.close(_open.popitem(last=False)[1])
    _open[path] = fd
    return fd


def body_of(article: Article) -> str:
    """The article's body HTML, from its pack when it has one."""
    if article.body_at is None:
        return article.body_html
    path, offset, length = article.body_at
    data = os.pread(_descriptor(path), length, offset)  # pread: no shared file offset across forks
    if len(data) != length:
        raise OSError(f"{path} is cut short; delete .cache/ and build again")
    return data.decode("utf-8")


def valid(entries: dict, folder: Path) -> dict:
    """`entries` (source path → (signature, hash, Article)) less those whose body is not in a pack
    of `folder` as it is now (a pack deleted, cut short, or the site moved elsewhere)."""
    sizes: dict[str, int] = {}
    for pack in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
        sizes[str(pack)] = pack.stat().st_size
    kept = {}
    for key, entry in entries.items():
        at = entry[2].body_at
        if at is None or at[1] + at[2] <= sizes.get(at[0], -1):
            kept[key] = entry
    return kept


def tidy(entries: dict, folder: Path) -> bool:
    """Merge the packs `entries` use into one when they are many or mostly unused bytes, and
    delete the packs no entry uses; True when `entries` changed (and must be saved)."""
    live: dict[str, int] = {}
    for _, _, article in entries.values():
        if article.body_at is not None:
            live[article.body_at[0]] = live.get(article.body_at[0], 0) + article.body_at[2]
    packs = list(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    total = sum(p.stat().st_size for p in packs if str(p) in live)
    merged = set(live) if len(live) > MERGE_AFTER or total > 2 * sum(live.values()) + (1 << 20) else set()
    if merged:
        writer = PackWriter(folder)
        for key, (signature, digest, article) in entries.items():
            if article.body_at is not None:
                entries[key] = (signature, digest, writer.keep(replace(article, body_html=body_of(article), body_at=None)))
        writer.close()
        live = {writer.path: writer.size}
    for pack in packs:
        path = str(pack)
        if path not in live and (path in merged or time.time() - pack.stat().st_mtime > STALE_AFTER):
            pack.unlink(missing_ok=True)
    return bool(merged)
