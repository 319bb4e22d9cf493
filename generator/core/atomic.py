"""Files replaced whole: written beside their final name, then renamed over it, so that a reader, or
a build killed halfway, finds the old bytes or the new ones, never part of them."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new contents to; they replace the old ones only when the
    block ends without an exception."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        with open(tmp, "wb") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the disk went read-only meanwhile: the error below says so
        if isinstance(exc, OSError) and exc.filename in (None, str(tmp)):
            # Name the file being replaced, not the scratch name the user never sees.
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """`data` as the whole of `path`, its folder made if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as handle:
        handle.write(data)
