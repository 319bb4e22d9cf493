"""The demo site's whole output, kept as the golden tree tests/golden/demo/ that every build must equal.

    make golden        (or, from tests/: python -m helpers.golden)

builds the demo site afresh and writes its output as the golden tree. Run it when a change to
the output is deliberate, and commit the tree with the change: its diff shows what changed.
"""

import difflib
import itertools
import shutil
import tempfile
from pathlib import Path

from generator.build import build_site
from helpers.sites import REPO, copy_demo_site, snapshot

GOLDEN = REPO / "tests" / "golden" / "demo"


def demo_output(scratch: Path) -> dict[str, bytes]:
    """Every file of a fresh build of the demo site, made under `scratch`, keyed by relative path."""
    site = copy_demo_site(scratch / "demo")
    build_site(site)
    return snapshot(site / "output")


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    """The paths only one side holds or whose bytes differ, sorted."""
    return sorted(path for path in expected.keys() | actual.keys() if expected.get(path) != actual.get(path))


def _lines(body: bytes | None, width: int = 160) -> list[str]:
    """Text lines cut to `width`: the search shards are one long line each."""
    text = body.decode("utf-8", "replace") if body is not None else ""
    return [line if len(line) <= width else line[:width] + "…" for line in text.splitlines()]


def describe_differences(expected: dict[str, bytes], actual: dict[str, bytes], shown: int = 10,
                         diff_lines: int = 40) -> str:
    """The first differing paths, each with how it differs, and a short unified diff of the first one."""
    paths = differences(expected, actual)
    lines = [f"the build and tests/golden/demo/ differ in {len(paths)} of {len(expected.keys() | actual.keys())} files"
             " (`make golden` takes the build as the golden tree when the change is deliberate):"]
    for path in paths[:shown]:
        how = "not built" if path not in actual else "not in the golden tree" if path not in expected else "other bytes"
        lines.append(f"  {path}: {how}")
    first = paths[0]
    diff = difflib.unified_diff(_lines(expected.get(first)), _lines(actual.get(first)),
                                f"golden/{first}", f"built/{first}", n=2, lineterm="")
    return "\n".join(lines + list(itertools.islice(diff, diff_lines)))


def write_golden(files: dict[str, bytes], folder: Path = GOLDEN) -> None:
    """Replace the golden tree with `files`: a file the build no longer makes goes too."""
    shutil.rmtree(folder, ignore_errors=True)
    for path, body in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = demo_output(Path(scratch))
    write_golden(files)
    size = sum(len(body) for body in files.values())
    print(f"wrote {len(files)} files ({size / 1e6:.1f} MB) to {GOLDEN.relative_to(REPO)}/")


if __name__ == "__main__":
    main()
