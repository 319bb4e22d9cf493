"""Writing output/: the new site is written beside the old one and swapped in, never half-written."""

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .model import Page


def _staging_dirs(output_dir: Path) -> tuple[Path, Path]:
    return (output_dir.with_name(f".{output_dir.name}.new"), output_dir.with_name(f".{output_dir.name}.old"))


def recover(output_dir: Path) -> None:
    """Undo what an interrupted build left behind: a half-written new tree, or an old one not yet removed."""
    new, old = _staging_dirs(output_dir)
    if new.exists():
        shutil.rmtree(new)
    if old.exists():
        if output_dir.exists():
            shutil.rmtree(old)
        else:
            os.rename(old, output_dir)


def _target(root: Path, page_path: str) -> Path:
    parts = page_path.split("/")
    if not page_path or page_path.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"unsafe output path {page_path!r}")
    return root.joinpath(*parts)


def write_output(pages: Iterable[Page], output_dir: Path) -> tuple[int, int]:
    """Write every page into a fresh tree, then swap it in for `output_dir`; returns (files, bytes).

    If rendering fails part-way (the iterable raises), the previous output is left exactly as it was.
    """
    recover(output_dir)
    new, old = _staging_dirs(output_dir)
    new.mkdir(parents=True)
    files = size = 0
    seen: set[str] = set()
    made_dirs: set[Path] = {new}
    try:
        for page in pages:
            if page.path in seen:
                raise ValueError(f"two pages were rendered to {page.path}")
            seen.add(page.path)
            target = _target(new, page.path)
            if target.parent not in made_dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(target.parent)
            target.write_bytes(page.body)
            files += 1
            size += len(page.body)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    if output_dir.exists():
        os.rename(output_dir, old)
    os.rename(new, output_dir)
    shutil.rmtree(old, ignore_errors=True)
    return files, size
