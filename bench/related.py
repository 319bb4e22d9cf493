#!/usr/bin/env python3
"""Related articles at archive scale: the index made from scratch, and what one change costs.

    python bench/related.py [--sizes 10000,100000] [--changes 50] [--work DIR] [--seed 1]

For each N it parses the first N + --changes articles of `shared/corpus/build_corpus.py` (the
build's own parser and parse cache, in WORK) and measures, in this one process:
  cold     RelatedIndex.update() on N articles: CPU seconds, the growth of the process's
           resident memory, and the size of the index and of the lists as .cache/ keeps them;
           how many links it makes, and how many lead to an article of the same day or to
           the article's neighbour in time (the one published just before or after);
  noop     what a build without changes does: the digest of the lists' inputs;
  then --changes changes of each kind, one at a time, each followed by RelatedIndex.update():
  add      one article of the corpus past N added;
  edit     one article's lead changed (a sentence added to its summary);
  retitle  one article given another's headline;
  remove   one article removed.
For each change it counts the lists ranked again and the lists that actually changed, and prints
their median and maximum with the median CPU milliseconds. A change that takes the archive past a
power of two ranks every list again (every rarity moves, see organise/related.py): such a change
is counted apart, not in the medians.
"""

import argparse
import os
import pickle
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.content.articles import load_articles  # noqa: E402
from generator.core.cache import ArticleCache  # noqa: E402
from generator.core.config import read_config  # noqa: E402
from generator.organise.archive import resolve_slugs  # noqa: E402
from generator.organise.related import RelatedIndex, _code_key, _lists_key  # noqa: E402
from generator.site import parse_key  # noqa: E402

SHARED = shared_folder("corpus/build_corpus.py")
SITE_YAML = 'title: "Bench"\nbase_url: "https://bench.example.org/"\nlanguage: en\nper_page: 20\n'


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def articles_of(work: Path, count: int):
    """The first `count` corpus articles, parsed as a build parses them, with unique URLs."""
    site = work / f"site{count}"
    corpus = site / "content" / "articles"
    if not corpus.is_dir() or len(list(corpus.glob("*.md"))) != count:
        subprocess.run(["rm", "-rf", str(site)], check=True)
        site.mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        subprocess.run([sys.executable, SHARED / "corpus" / "build_corpus.py", str(count), str(corpus), "--quiet"],
                       check=True)
    config, _ = read_config(site, {})
    cache = ArticleCache.load(site, parse_key(config))
    articles, errors = load_articles(site, config, cache)
    cache.save()
    resolved = resolve_slugs(articles)[0]
    return sorted(resolved, key=lambda a: a.source_path)


def nearness(articles, lists: dict[str, list[str]]) -> str:
    """How many related links lead to the same day, or to the next or previous article."""
    ordered = sorted(articles, key=lambda a: (a.date.timestamp(), a.source_path))
    day = {a.path: a.date.date() for a in articles}
    beside = {a.path: {b.path for b in ordered[max(0, i - 1): i + 2]} for i, a in enumerate(ordered)}
    links = [(path, other) for path, others in lists.items() for other in others]
    same = sum(day[path] == day[other] for path, other in links)
    near = sum(other in beside[path] for path, other in links)
    return (f"{len(links):,} links from {len(lists):,} articles: {same / len(links):.0%} to the same day, "
            f"{near / len(links):.0%} to the neighbour in time")


def timed_update(index: RelatedIndex, articles) -> tuple[float, int, int]:
    """(CPU ms, lists ranked again, lists changed) of one update."""
    before = index.lists()
    start = time.process_time()
    ranked = index.update(articles)
    cpu = (time.process_time() - start) * 1000
    after = index.lists()
    changed = sum(1 for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    return cpu, len(ranked), changed


def measure(work: Path, size: int, changes: int, seed: int) -> None:
    everything = articles_of(work, size + changes)
    articles, spare = everything[:size], everything[size:]
    rng = random.Random(seed)
    rss = rss_mib()
    index = RelatedIndex(5)
    start = time.process_time()
    index.update(articles)
    cold = time.process_time() - start
    grown = rss_mib() - rss
    index_bytes, lists_bytes = len(pickle.dumps(index, pickle.HIGHEST_PROTOCOL)), len(pickle.dumps(index.lists()))
    start = time.process_time()
    _lists_key(articles, _code_key(5))
    noop = time.process_time() - start
    print(f"\n{size:,} articles: cold {cold:.2f} s CPU, +{grown:.0f} MiB resident, index {index_bytes / 2**20:.1f} MiB "
          f"and lists {lists_bytes / 2**20:.1f} MiB pickled; no change: {noop * 1000:.0f} ms")
    print(nearness(articles, index.lists()))
    print(f"{'change':<8} {'n':>3} {'ranked again med/max':>21} {'lists changed med/max':>22} {'CPU ms med':>11} "
          f"{'past 2^k':>9}")
    current = list(articles)
    for kind in ("add", "edit", "retitle", "remove"):
        rows, doubling = [], 0
        for n in range(changes):
            level = len(current).bit_length()
            if kind == "add":
                current.append(spare[n])
            elif kind == "remove":
                current.pop(rng.randrange(len(current)))
            else:
                i = rng.randrange(len(current))
                a = current[i]
                current[i] = (replace(a, summary=a.summary + " Officials confirmed the figures on Monday.")
                              if kind == "edit" else replace(a, title=rng.choice(current).title))
            row = timed_update(index, current)
            if len(current).bit_length() != level:
                doubling += 1
            else:
                rows.append(row)
        cpu, ranked, changed = zip(*rows)
        print(f"{kind:<8} {len(rows):>3} {statistics.median(ranked):>13.0f} / {max(ranked):<5} "
              f"{statistics.median(changed):>14.0f} / {max(changed):<5} {statistics.median(cpu):>11.1f} {doubling:>9}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsarchive-bench-related"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for size in map(int, args.sizes.split(",")):
        measure(args.work, size, args.changes, args.seed)


if __name__ == "__main__":
    main()
