"""content/.imports.json: what import wrote, per article its file, the hash of the text written,
a body hash and a similarity sketch, and per raw file a content hash.

That is how a re-import knows an article is already there, that a person has edited it since
(kept unless --force, and then backed up first), or that a new page repeats an old one; and how
a build knows which raw files are new.
"""

import json
from pathlib import Path

from generator.core.atomic import write_atomic
from generator.core.errors import SiteError
from generator.core.paths import IMPORT_STATE


def load_state(site_root: Path) -> dict:
    path = site_root / IMPORT_STATE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": 1, "articles": {}, "raw": {}}
    except (OSError, ValueError) as exc:
        raise SiteError(IMPORT_STATE, f"import state is unreadable ({exc}); move it away to start afresh") from None
    state.setdefault("articles", {})
    state.setdefault("raw", {})
    return state


def save_state(site_root: Path, state: dict) -> None:
    text = json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_atomic(site_root / IMPORT_STATE, text.encode("utf-8"))
