"""For the build and the check: the raw files that are new or changed since the last import.

A raw file that cannot be imported (a cut-off JSON Lines record, a binary file) is never edited to
get past it: it is provenance. `import` and `check` call it an error; a build warns about it, counts
it in its summary line and builds the rest.
"""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.cache import Memo, file_signature
from generator.core.config import SiteConfig
from generator.core.errors import SiteError
from generator.core.paths import RAW_DIR
from generator.ingest.raw_files import find_raw_files, raw_stamp
from generator.ingest.state import load_state

if TYPE_CHECKING:
    from generator.ingest.importer import ImportReport

STAMPS_KEY = "sha256[:16] by (mtime_ns, size, inode)"
FAILURES_KEY = "raw file -> (stamp, its errors)"


def new_raw_files(site_root: Path) -> dict[Path, str]:
    """Raw files in content/raw/ that are new, changed, or failed their last import, with their stamps."""
    raw_dir = site_root / RAW_DIR
    if not raw_dir.is_dir():
        return {}
    seen = load_state(site_root)["raw"]
    # A file's stamp is a hash of its bytes; reading every raw file on every build is kept to the
    # files written since the last build (by their stat signature, in .cache/).
    stamps = Memo(site_root, "raw-stamps")
    known, current, fresh = stamps.get(STAMPS_KEY) or {}, {}, {}
    for path in find_raw_files([raw_dir]):
        ref = path.relative_to(site_root).as_posix()
        signature = file_signature(path)
        entry = known.get(ref)
        stamp = entry[1] if entry is not None and entry[0] == signature else raw_stamp(path)
        current[ref] = (signature, stamp)
        if seen.get(ref) != stamp:
            fresh[path] = stamp
    if current != known:
        stamps.put(STAMPS_KEY, current)
    return fresh


def import_new_raw(site_root: Path, config: SiteConfig, now: datetime | None = None
                   ) -> "tuple[ImportReport | None, list[SiteError]]":
    """For the build: import raw files that are new or changed since the last import (None when
    there are none), and the errors of those that failed before and are unchanged since."""
    fresh = new_raw_files(site_root)
    # A file that failed is not imported again, and failed again, by every build until it changes.
    memo = Memo(site_root, "raw-failures")
    failures = memo.get(FAILURES_KEY) or {}
    kept = {ref: failed for ref, failed in failures.items() if (site_root / ref) in fresh
            and fresh[site_root / ref] == failed[0]}
    fresh = [path for path in fresh if path.relative_to(site_root).as_posix() not in kept]
    failed_before = [error for ref in sorted(kept) for error in kept[ref][1]]
    imported = None
    if fresh:
        # The cleaner loads its words (language records, CLDR's month names) in about 0.1 s: only
        # for a build that has pages to clean.
        from generator.ingest.importer import import_paths

        imported = import_paths(site_root, fresh, config, now=now, progress=False)
        for path in fresh:
            ref = path.relative_to(site_root).as_posix()
            errors = [error for error in imported.errors if str(error.path) == ref]
            if errors:
                kept[ref] = (raw_stamp(path), errors)
    if kept != failures:
        memo.put(FAILURES_KEY, kept)
    return imported, failed_before


def unreadable_raw(site_root: Path) -> list[SiteError]:
    """For the check, without writing anything: what a build could not import of the raw files, as
    the last build found it (a record with no article text, say) or, for a file it has not tried,
    what reading it finds."""
    from generator.ingest.read import read_raw

    failures = Memo(site_root, "raw-failures").get(FAILURES_KEY) or {}
    errors = []
    for path, stamp in sorted(new_raw_files(site_root).items()):
        ref = path.relative_to(site_root).as_posix()
        known = failures.get(ref)
        errors += known[1] if known is not None and known[0] == stamp else read_raw(path, ref)[1]
    return errors
