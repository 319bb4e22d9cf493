"""The outcome of the last build, remembered so that `publish --no-build` never ships a stale site.

Builds are atomic: a failed build leaves the previous output/ in place, which looks fine but no
longer matches the content. The record is one small unversioned file under .cache/.
"""

import json
from pathlib import Path

from generator.core.atomic import write_atomic
from generator.core.errors import SiteError, note, os_error_text
from generator.build import build_site
from generator.core.model import BuildReport
from generator.core.paths import CACHE_DIR, CONFIG_NAME

STATUS_PATH = CACHE_DIR / "last-build.json"


def _record(site_root: Path, error: str | None) -> None:
    # A folder that is not a site (a typo in --site) gets no .cache/ littered into it.
    if not (site_root / CONFIG_NAME).is_file():
        return
    path, record = site_root / STATUS_PATH, (json.dumps({"ok": error is None, "error": error}) + "\n").encode("utf-8")
    try:
        write_atomic(path, record)
    except OSError:
        # A full disk: the old record's space is enough for the new one, written in place (a torn
        # record reads as none). Should even that fail, the build's own error has said why.
        try:
            path.unlink(missing_ok=True)
            path.write_bytes(record)
        except OSError:
            pass


def record_outcome(site_root: Path, failure: BaseException | None) -> None:
    """Write down how a build of output/ ended (failure None: it succeeded), for `last_build_error`."""
    if failure is None:
        _record(site_root, None)
        return
    if isinstance(failure, OSError):
        _record(site_root, os_error_text(failure, site_root))
        return
    errors = getattr(failure, "errors", None) or [failure]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    _record(site_root, f"{errors[0]}{more}" if str(errors[0]) else "the build was interrupted")


def recorded_build(site_root: Path, output_dir: Path | None = None, overrides: dict | None = None,
                   visibility=None) -> BuildReport:
    """`build_site`, with its outcome written down for `last_build_error` when it built output/,
    the tree `publish` sends."""
    if output_dir is not None:
        return build_site(site_root, output_dir, overrides, visibility)
    try:
        report = build_site(site_root, None, overrides, visibility)
    except BaseException as failure:
        record_outcome(site_root, failure)
        raise
    unpublishable = visibility is not None and (visibility.drafts or visibility.future)
    # Kept like a failure, so that `publish --no-build` refuses to send drafts to the world.
    record_outcome(site_root, SiteError(None, "it included drafts or scheduled articles (--drafts, --future)")
                   if unpublishable else None)
    return report


def last_build_error(site_root: Path) -> str | None:
    """Why the last recorded build failed, or None if it succeeded (or none was recorded)."""
    try:
        status = json.loads((site_root / STATUS_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        status, reason = None, type(exc).__name__
    else:
        reason = "not a record"
    if not isinstance(status, dict):
        note(f"{STATUS_PATH} is unreadable ({reason}); ignored, as if no build were recorded")
        return None
    if status.get("ok", True):
        return None
    return str(status.get("error") or "unknown error")
