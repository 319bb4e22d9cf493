#!/usr/bin/env python3
"""Adding articles to a built archive: the time of the rebuild, the search files it rewrites, and
whether the result is what a clean build of the same articles gives.

    python bench/append.py --corpus DIR --site DIR [--runs 3] [--adds 300] [--no-clean-check]

`--corpus` is a folder of Markdown articles (`build_corpus.py N DIR`); `--site` is where the site is
made from it (content/articles/ hard-linked to the corpus) and built once, or reused when it is
there. Then, timed as whole `python -m generator build` processes with this checkout's code, after
one build with nothing changed:
  new1     one article dated now (newer than any), `--runs` times
  new300   `--adds` articles dated now, at once
  past1    one article dated in the middle of the archive's dates (every newer doc number shifts)
  remove1  the article `past1` added, removed again
For each: the wall time, and the files under output/search/ that the build wrote afresh (a name
that was not there before) and removed. Last, unless --no-clean-check, a copy of the articles is
built from nothing and its output/search/ (with --whole-output, all of output/) compared byte for
byte with the site's.
"""

import argparse
import filecmp
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE_YAML = 'title: "Bench"\nbase_url: "https://bench.example.org/"\nlanguage: en\nper_page: 20\n'


def build(site: Path) -> float:
    """Wall seconds of one build of `site` with this checkout's code."""
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "generator", "--site", str(site), "build"], cwd=REPO, check=True,
                   env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def search_files(site: Path) -> set[str]:
    folder = site / "output" / "search"
    return {str(p.relative_to(folder)) for p in folder.rglob("*.js")}


def new_site(site: Path, corpus: Path) -> None:
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    subprocess.run(["cp", "-al", str(corpus), str(site / "content" / "articles")], check=True)


_DATE = re.compile(r"^date: .*$", re.M)


class Articles:
    """New article files, each a copy of a corpus article with its own title and date."""

    def __init__(self, site: Path):
        self.folder = site / "content" / "articles"
        self.sources = sorted(self.folder.glob("[0-9]*.md"))[:97]
        dates = sorted(m.group(0)[6:] for p in self.folder.glob("[0-9]*.md")
                       for m in [_DATE.search(p.read_text(encoding="utf-8"))] if m)
        self.middle = dates[len(dates) // 2]
        self.count = 0

    def add(self, date: str) -> Path:
        self.count += 1
        text = self.sources[self.count % len(self.sources)].read_text(encoding="utf-8")
        text = text.replace('title: "', f'title: "Added {self.count} ', 1)
        path = self.folder / f"zz-added-{time.time_ns()}.md"
        path.write_text(_DATE.sub(f"date: {date}", text, count=1), encoding="utf-8")
        return path


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())  # a later one would be scheduled, not shown


def timed(site: Path, change) -> dict:
    before = search_files(site)
    change()
    seconds = build(site)
    after = search_files(site)
    result = {"seconds": round(seconds, 2), "search_written": len(after - before),
              "search_removed": len(before - after), "search_files": len(after)}
    print(json.dumps(result), file=sys.stderr)  # as it comes: a long run stopped early keeps its figures
    return result


def differences(site: Path, scratch: Path, folder: str) -> list[str]:
    """The files under output/`folder` in which the site differs from a clean build of its articles
    (made in `scratch`): missing on either side, or other bytes."""
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "content").mkdir(parents=True)
    shutil.copy(site / "site.yaml", scratch / "site.yaml")
    subprocess.run(["cp", "-al", str(site / "content" / "articles"), str(scratch / "content" / "articles")], check=True)
    build(scratch)
    ours, clean = (site / "output" / folder).resolve(), (scratch / "output" / folder).resolve()

    def listed(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
    names = listed(ours)
    other = listed(clean)
    _, mismatch, errors = filecmp.cmpfiles(ours, clean, sorted(names & other), shallow=False)
    shutil.rmtree(scratch)
    return sorted((names ^ other) | set(mismatch) | set(errors))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--adds", type=int, default=300)
    parser.add_argument("--no-clean-check", action="store_true")
    parser.add_argument("--whole-output", action="store_true",
                        help="compare every output file with the clean build's, not only output/search/")
    args = parser.parse_args()
    site = args.site.resolve()
    if not site.exists():
        new_site(site, args.corpus.resolve())
    build(site)  # made, or brought up to this code
    results = {"noop": timed(site, lambda: None)}
    articles = Articles(site)
    runs = [timed(site, lambda: articles.add(now())) for _ in range(args.runs)]
    results["new1"] = {**runs[-1], "seconds": statistics.median(r["seconds"] for r in runs),
                       "search_written": statistics.median(r["search_written"] for r in runs), "runs": runs}
    results[f"new{args.adds}"] = timed(site, lambda: [articles.add(now()) for _ in range(args.adds)])
    added = []
    results["past1"] = timed(site, lambda: added.append(articles.add(articles.middle)))
    results["remove1"] = timed(site, lambda: added.pop().unlink())
    if not args.no_clean_check:
        differ = differences(site, site.parent / (site.name + "-clean"), "" if args.whole_output else "search")
        results["equals_clean_build"] = not differ
        results["differing_files"] = {"count": len(differ), "first": differ[:20]}
    print(json.dumps(results, indent=1))
    return 0 if results.get("equals_clean_build", True) else 1


if __name__ == "__main__":
    sys.exit(main())
