"""content/.imports.json: what import wrote, per article its file, the hash of the text written,
a body hash and a similarity sketch, and per raw file a content hash.

That is how a re-import knows an article is already there, that a person has edited it since
(kept unless --force, and then backed up first), or that a new page repeats an old one; and how
a build knows which raw files are new.
"""

import hashlib
import json
import re
from pathlib import Path

from generator.core.atomic import write_atomic
from generator.core.errors import note
from generator.core.paths import ARTICLES_DIR, IMPORT_STATE

# The two front matter lines an import writes that say which article a file holds and where from.
_ID_LINE = re.compile(r'^id: ("(?:[^"\\]|\\.)*")$', re.M)
_RAW_LINE = re.compile(r'^raw: ("(?:[^"\\]|\\.)*")$', re.M)


def load_state(site_root: Path) -> dict:
    path = site_root / IMPORT_STATE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _empty_state()
    except (OSError, ValueError) as exc:
        state = exc
    if not (isinstance(state, dict) and isinstance(state.setdefault("articles", {}), dict)
            and isinstance(state.setdefault("raw", {}), dict)):
        reason = type(state).__name__ if isinstance(state, Exception) else "not an import record"
        note(f"{IMPORT_STATE} is unreadable ({reason}); rebuilt from the articles' front matter")
        state = recovered_state(site_root)
        try:
            save_state(site_root, state)
        except OSError:
            pass  # rebuilt again next time
    return state


def _empty_state() -> dict:
    return {"version": 1, "articles": {}, "raw": {}}


def recovered_state(site_root: Path) -> dict:
    """The state as far as the article files tell it: each imported article's id, file, hash and
    raw source, so that importing the same raw files again skips them (and keeps hand edits)
    rather than writing them anew. Which raw files were imported is found out again by the next
    import, and near duplicates of the old articles are no longer told."""
    state = _empty_state()
    for path in sorted((site_root / ARTICLES_DIR).rglob("*.md")):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        head = data[:4096].decode("utf-8", "replace").split("\n---\n", 1)[0]
        found_id, found_raw = _ID_LINE.search(head), _RAW_LINE.search(head)
        if found_id and found_raw:
            state["articles"][json.loads(found_id[1])] = {
                "path": path.relative_to(site_root).as_posix(), "raw": json.loads(found_raw[1]),
                "sha256": hashlib.sha256(data).hexdigest()}
    return state


def save_state(site_root: Path, state: dict) -> None:
    text = json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_atomic(site_root / IMPORT_STATE, text.encode("utf-8"))
