"""The raw files of a site: where they are kept (content/raw/), which files in a folder count as
raw, and the stamp that says what a raw file held when it was imported."""

import hashlib
import os
from pathlib import Path

RAW_SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".json", ""}


def find_raw_files(paths: list[Path]) -> list[Path]:
    """Files named on the command line, and the raw-looking files inside named folders, in a stable order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(map(Path, _raw_files_below(str(path))))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _raw_files_below(folder: str) -> list[str]:
    # scandir tells files from folders without a stat() each: a build looks at every raw file.
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _raw_files_below(entry.path)
            elif (entry.is_file() and not entry.name.startswith(".") and entry.name.lower() != "readme.md"
                  and os.path.splitext(entry.name)[1].lower() in RAW_SUFFIXES):
                found.append(entry.path)
    return found


def raw_stamp(path: Path) -> str:
    """What a raw file held when it was imported: by content, so a fresh clone has nothing new."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
