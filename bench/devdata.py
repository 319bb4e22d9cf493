"""The development data the benchmarks measure on: the read-only folder `shared/` beside the checkout.

A clone from a forge has no such folder; the benchmarks then say what they need in one line and
exit 2. NEWSARCHIVE_SHARED points them at the folder when it lives elsewhere.
"""

import os
import sys
from pathlib import Path


def shared_folder(*needed: str) -> Path:
    """The shared folder, after checking that each of `needed` (paths inside it) is there."""
    folder = Path(os.environ.get("NEWSARCHIVE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    for path in needed:
        if not (folder / path).exists():
            print(f"{Path(sys.argv[0]).name}: needs {folder / path} (the development corpora, harness and "
                  f"anchors); set NEWSARCHIVE_SHARED to the folder that holds them", file=sys.stderr)
            raise SystemExit(2)
    return folder
