#!/usr/bin/env python3
"""How fast `newsarchive check` is, for a pre-commit hook: a site of N corpus articles.

    python bench/check.py [--size 10000] [--runs 5] [--workdir DIR]

Makes a site from `shared/corpus/build_corpus.py N` and times `newsarchive check` as a whole
process (wall clock, peak RSS), the median of --runs runs after one warm-up:
  cold   no .cache/: every article parsed
  warm   after an earlier check (or build): the parse cache holds every article
  touch1 one sentence appended to one article since the last check
Prints a table and writes the figures to docs/perf/check.json.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from build import SITE_YAML, run, touch
from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_folder("corpus/build_corpus.py")


def make_site(site: Path, size: int) -> None:
    (site / "content").mkdir(parents=True)
    subprocess.run([sys.executable, str(SHARED / "corpus/build_corpus.py"), str(size), str(site / "content/articles")],
                   check=True, stdout=subprocess.DEVNULL)
    (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-check-"))
    site = work / f"site-{args.size}"
    if not site.exists():
        make_site(site, args.size)
    check = [str(Path(sys.executable).parent / "newsarchive"), "--site", str(site), "check"]
    article = sorted((site / "content/articles").glob("*.md"))[0]
    figures = {}
    for scenario in ("cold", "warm", "touch1"):
        times, peaks = [], []
        for attempt in range(args.runs + 1):
            if scenario == "cold":
                shutil.rmtree(site / ".cache", ignore_errors=True)
            elif scenario == "touch1":
                touch(article)
            wall, peak = run(check)
            if attempt:  # the first run warms the disk cache and, for "warm", the parse cache
                times.append(wall)
                peaks.append(peak)
        figures[scenario] = {"seconds": round(statistics.median(times), 3), "peak_mib": round(max(peaks), 1)}
        print(f"{scenario:<7} {figures[scenario]['seconds']:6.2f} s  {figures[scenario]['peak_mib']:6.0f} MiB")
    out = REPO / "docs/perf/check.json"
    out.write_text(json.dumps({"articles": args.size, "runs": args.runs, **figures}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
