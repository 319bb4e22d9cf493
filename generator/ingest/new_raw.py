"""For the build: the raw files that are new or changed since the last import, imported."""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.cache import Memo, file_signature
from generator.core.config import SiteConfig
from generator.core.paths import RAW_DIR
from generator.ingest.raw_files import find_raw_files, raw_stamp
from generator.ingest.state import load_state

if TYPE_CHECKING:
    from generator.ingest.importer import ImportReport

STAMPS_KEY = "sha256[:16] by (mtime_ns, size, inode)"


def import_new_raw(site_root: Path, config: SiteConfig, now: datetime | None = None) -> "ImportReport | None":
    """For the build: import raw files that are new or changed since the last import; None when there are none."""
    raw_dir = site_root / RAW_DIR
    if not raw_dir.is_dir():
        return None
    seen = load_state(site_root)["raw"]
    # A file's stamp is a hash of its bytes; reading every raw file on every build is kept to the
    # files written since the last build (by their stat signature, in .cache/).
    stamps = Memo(site_root, "raw-stamps")
    known, current, fresh = stamps.get(STAMPS_KEY) or {}, {}, []
    for path in find_raw_files([raw_dir]):
        ref = path.relative_to(site_root).as_posix()
        signature = file_signature(path)
        entry = known.get(ref)
        stamp = entry[1] if entry is not None and entry[0] == signature else raw_stamp(path)
        current[ref] = (signature, stamp)
        if seen.get(ref) != stamp:
            fresh.append(path)
    if current != known:
        stamps.put(STAMPS_KEY, current)
    if not fresh:
        return None
    # The cleaner loads its words (language records, CLDR's month names) in about 0.1 s: only for a
    # build that has pages to clean.
    from generator.ingest.importer import import_paths

    return import_paths(site_root, fresh, config, now=now, progress=False)
