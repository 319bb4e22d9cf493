#!/usr/bin/env python3
"""What the search index adds to a build: cold builds with and without the search stage, alternated.

    python bench/search_share.py [--articles 10000] [--runs 5] [--workdir DIR]

Each round builds a fresh copy of the same corpus site twice, as whole processes: once as
`newsarchive build` does, once with the search stage left out (generator.site.start_search
replaced by one that makes no files; everything else, the sitemap included, as usual). The
two kinds alternate so that the shared machine's load falls on both alike; medians and the
ratio are printed, with the user+sys CPU time of each.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_folder("corpus/build_corpus.py")
SITE_YAML = 'title: "Bench"\nbase_url: "https://bench.example.org/"\nlanguage: en\nper_page: 20\n'

WITHOUT_SEARCH = """
import sys
from pathlib import Path
from generator import site as build
from generator.core.model import SearchFiles
build.start_search = lambda root, config, archive: (lambda: SearchFiles("search/m/none.js", [], []))
build.build_site(Path(sys.argv[1]))
"""
WITH_SEARCH = "import sys\nfrom pathlib import Path\nfrom generator import site as build\nbuild.build_site(Path(sys.argv[1]))\n"


def timed(code: str, site: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one build in a process of its own."""
    before = os.times()
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", code, str(site)], check=True, cwd=REPO)
    wall = time.monotonic() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", default="/tmp/newsarchive-bench-search-share")
    args = parser.parse_args()
    work = Path(args.workdir)
    corpus = work / f"corpus-{args.articles}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(SHARED / "corpus" / "build_corpus.py"), str(args.articles), str(corpus),
                        "--quiet"], check=True)
    figures: dict[str, list[tuple[float, float]]] = {"with search": [], "without search": []}
    for _ in range(args.runs):
        for kind, code in (("with search", WITH_SEARCH), ("without search", WITHOUT_SEARCH)):
            site = work / "site"
            shutil.rmtree(site, ignore_errors=True)
            (site / "content").mkdir(parents=True)
            (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
            subprocess.run(["cp", "-al", str(corpus), str(site / "content" / "articles")], check=True)
            os.sync()  # so that the last build's files are on disk, not written back during this one
            figures[kind].append(timed(code, site))
    shutil.rmtree(work / "site", ignore_errors=True)
    medians = {kind: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for kind, runs in figures.items()}
    print(f"{args.articles:,} articles, cold builds, medians of {args.runs} (wall s, CPU s):")
    for kind, (wall, cpu) in medians.items():
        runs = ", ".join(f"{w:.2f}" for w, _ in figures[kind])
        print(f"  {kind:<15} {wall:6.2f} s wall, {cpu:6.2f} s CPU   [{runs}]")
    (wall_with, cpu_with), (wall_without, cpu_without) = medians["with search"], medians["without search"]
    print(f"the search index adds {100 * (wall_with / wall_without - 1):.0f} % wall time and "
          f"{100 * (cpu_with / cpu_without - 1):.0f} % CPU time (target: <= 20 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
