#!/usr/bin/env python3
"""What this machine's disk costs a build that makes many small files: N folders with one
page-sized file each, as a build's article pages are laid out, made and removed twice (the
second time right after the first tree was deleted).

    python bench/disk_files.py [--files 60000] [--workdir DIR]

Prints wall and system seconds per phase and per file. A cold build at 100,000 articles makes
about 130,000 files in 110,000 folders: multiply to see the share of its time that is the disk's.
"""

import argparse
import os
import shutil
import tempfile
import time

PAGE = b"x" * 9000  # about an article page's size


def timed(action) -> tuple[float, float]:
    wall, before = time.perf_counter(), os.times()
    action()
    after = os.times()
    return time.perf_counter() - wall, after.system - before.system


def make(root: str, count: int) -> None:
    for i in range(count):
        folder = f"{root}/a{i // 1000}/p{i}"
        os.makedirs(folder)
        with open(folder + "/index.html", "wb") as f:
            f.write(PAGE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=60000)
    parser.add_argument("--workdir", default=None, help="a folder on the disk to measure (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as work:
        for label in ("make", "remove", "make again", "remove again"):
            tree = f"{work}/{'second' if 'again' in label else 'first'}"
            action = (lambda: make(tree, args.files)) if label.startswith("make") else (lambda: shutil.rmtree(tree))
            wall, system = timed(action)
            print(f"{label:<13} {wall:7.2f} s wall, {system:7.2f} s system, "
                  f"{1000 * wall / args.files:.3f} ms per file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
