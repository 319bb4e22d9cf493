#!/usr/bin/env python3
"""Two versions of newsarchive timed against each other: the same builds, taking turns in one run.

    python bench/compare.py BASE [HEAD] [--articles 10000] [--runs 10] [--workdir DIR]

BASE and HEAD are git revisions (HEAD left out: the work tree as it is). Each is checked out in
WORKDIR and builds its own copy of the same N-article site (`shared/corpus/build_corpus.py N`),
timed as a whole process (wall clock, and the CPU time of it and its workers) in three scenarios:
  cold    a fresh copy of the site: no output, no cache
  noop    a rebuild with nothing changed
  touch1  one sentence appended to the middle article, then a rebuild
The versions take turns run by run, and which goes first alternates, so that the load of the
shared machine falls on both alike. Prints the median of each and HEAD's time as a share of BASE's.
Both versions must give byte-identical output: the script checks that after the last run.
"""

import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_folder("corpus/build_corpus.py")
PYTHON = REPO / ".venv" / "bin" / "python"
SITE_YAML = 'title: "Bench"\nbase_url: "https://bench.example.org/"\nlanguage: en\nper_page: 20\n'
SCENARIOS = ("cold", "noop", "touch1")


class Version:
    """One revision's code and its site."""

    def __init__(self, name: str, code: Path, work: Path, corpus: Path):
        self.name, self.code, self.work, self.corpus = name, code, work, corpus
        self.site = self.new_site("site")
        self.build(self.site)
        middle = sorted(corpus.glob("*.md"))[len(list(corpus.glob("*.md"))) // 2]
        self.target = self.site / "content" / "articles" / middle.name
        self.edits = 0

    def new_site(self, name: str) -> Path:
        site = self.work / name
        (site / "content").mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        subprocess.run(["cp", "-r", str(self.corpus), str(site / "content" / "articles")], check=True)
        return site

    def build(self, site: Path) -> tuple[float, float]:
        """(wall seconds, CPU seconds of the build and its workers)."""
        env = dict(os.environ, PYTHONPATH=str(self.code))
        start, cpu = time.monotonic(), _children_cpu()
        # Run from the version's own checkout: `python -m` puts the current folder ahead of PYTHONPATH.
        subprocess.run([str(PYTHON), "-m", "generator", "--site", str(site), "build"], env=env, check=True,
                       cwd=self.code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.monotonic() - start, _children_cpu() - cpu

    def scenario(self, scenario: str) -> tuple[float, float]:
        if scenario == "cold":
            site = self.new_site(f"cold-{time.time_ns()}")
            seconds = self.build(site)
            shutil.rmtree(site)
            return seconds
        if scenario == "touch1":
            self.edits += 1  # the same edits in both versions' sites, so that their output can be compared
            with open(self.target, "a", encoding="utf-8") as f:
                f.write(f"\nKorrektur {self.edits}: Dieser Artikel wurde aktualisiert.\n")
        return self.build(self.site)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def checkout(revision: str, folder: Path) -> Path:
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-f", str(folder), revision], check=True,
                   stdout=subprocess.DEVNULL)
    return folder


def same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in compared.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("head", nargs="?")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsarchive-compare-"))
    corpus = work / "corpus"
    if not corpus.exists():
        subprocess.run([sys.executable, str(SHARED / "corpus" / "build_corpus.py"), str(args.articles), str(corpus),
                        "--quiet"], check=True)
    checkouts = []
    try:
        base_code = checkout(args.base, work / "code-base")
        checkouts.append(base_code)
        head_code = REPO if args.head is None else checkout(args.head, work / "code-head")
        if args.head is not None:
            checkouts.append(head_code)
        versions = [Version(args.base, base_code, work / "base", corpus),
                    Version(args.head or "work tree", head_code, work / "head", corpus)]
        times = {(v.name, s): [] for v in versions for s in SCENARIOS}
        for run in range(args.runs):
            for scenario in SCENARIOS:
                for version in versions if run % 2 == 0 else versions[::-1]:
                    times[version.name, scenario].append(version.scenario(scenario))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
        identical = same_tree(versions[0].site / "output", versions[1].site / "output")
        print(f"{args.articles:,} articles, {args.runs} runs each, medians in seconds (wall; CPU of the build's processes):")
        print(f"{'scenario':<8} {versions[0].name[:12]:>18} {versions[1].name[:12]:>18} {'head/base':>14}")
        for scenario in SCENARIOS:
            (base_wall, base_cpu), (head_wall, head_cpu) = (
                [statistics.median(t[k] for t in times[v.name, scenario]) for k in (0, 1)] for v in versions)
            print(f"{scenario:<8} {base_wall:8.3f}; {base_cpu:7.3f} {head_wall:8.3f}; {head_cpu:7.3f} "
                  f"{head_wall / base_wall:6.3f}; {head_cpu / base_cpu:5.3f}")
        print("output byte-identical" if identical else "OUTPUT DIFFERS")
    finally:
        for folder in checkouts:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(folder)], check=False)
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
