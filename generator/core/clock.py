"""The current time, read in one place so that tests and reproducible builds can fix it."""

import os
from datetime import datetime, timezone

NOW_VARIABLE = "NEWSARCHIVE_NOW"  # ISO 8601 with an offset, e.g. 2025-08-20T12:00:00+00:00


def now() -> datetime:
    fixed = os.environ.get(NOW_VARIABLE)
    if fixed:
        return datetime.fromisoformat(fixed)
    return datetime.now(timezone.utc)
