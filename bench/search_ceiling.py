#!/usr/bin/env python3
"""How high a known-item MRR can go on the harness's query sets, whatever the search engine.

    python bench/search_ceiling.py [--work DIR] [--articles 10000] [--seeds 4321,777,11]

The harness's make_queries.py picks each target at random and makes its title query from 2 or 3
of the headline's content words. Many headlines hold the same words ("files suit", "sets
payout"), so a query often fits several articles equally well. This script scores the best
ranking that can be made from the query alone: articles in order of the chance that the
generator would have made this query from them (Bayes, every article equally likely to be the
target), ties counted at their expected reciprocal rank. It uses the generator's own stopwords
and surface forms, which no search engine knows, so it is an upper bound for every engine.

For comparison it also prints
- the same ranking if the engine knew that targets come only from the first 1,000 files (the
  harness's pool): what it would take to pass 0.95 on title queries;
- for body queries (three consecutive words from the middle of the body): the best general model,
  "a reader recalls a phrase of the article", i.e. the phrase's count over the article's phrases,
  and the generator's own rule (the phrase nearest the middle), which only a ranker built for
  this harness would use;
- our measured MRR from bench/search.py's result files in --work, when they are there.

Needs the harness folder (../shared/tools/search-harness) and the `markdown` package (the
project's venv has it).
"""

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_folder("tools/search-harness")
HARNESS = SHARED / "tools" / "search-harness"
sys.path.insert(0, str(HARNESS))
from build_site import load_corpus  # noqa: E402
from make_queries import TOKEN, WORD, body_query, is_content, md_to_text  # noqa: E402

POOL = 1000  # make_queries.py --pool default: targets come from the first POOL files


def expected_rr(scores: dict[int, float], targets: set[int]) -> float:
    """Reciprocal rank of the target (cut at 10, as MRR@10 is), averaged over the orders of the
    articles that score the same."""
    best = max((scores.get(d, 0.0) for d in targets), default=0.0)
    if best == 0:
        return 0.0
    above = sum(1 for d, s in scores.items() if s > best and d not in targets)
    tied = sum(1 for d, s in scores.items() if s == best and d not in targets)
    return sum(1 / (above + 1 + j) for j in range(tied + 1) if above + 1 + j <= 10) / (tied + 1)


class Corpus:
    def __init__(self, folder: Path):
        self.articles = load_corpus(str(folder), 10**9)
        self.by_title = defaultdict(set)  # the harness matches results by title
        self.headline = []  # content words of each title, first occurrence order
        self.with_word = defaultdict(set)
        self.phrases = defaultdict(Counter)  # three consecutive content words → article → count
        self.phrase_count = []
        self.middle = defaultdict(set)  # the generator's body query → articles
        for i, article in enumerate(self.articles):
            self.by_title[article["title"]].add(i)
            words = []
            for w in WORD.findall(article["title"]):
                if is_content(w) and w.lower() not in words:
                    words.append(w.lower())
            self.headline.append(words)
            for w in words:
                self.with_word[w].add(i)
            tokens = TOKEN.findall(md_to_text(article["body"]))
            content = [is_content(t) for t in tokens]
            lower = [t.lower() for t in tokens]
            n = 0
            for s in range(len(tokens) - 2):
                if content[s] and content[s + 1] and content[s + 2]:
                    self.phrases[tuple(lower[s:s + 3])][i] += 1
                    n += 1
            self.phrase_count.append(max(n, 1))
            query = body_query(article)
            if query:
                self.middle[tuple(query)].add(i)

    def title_likelihood(self, i: int, query: list[str]) -> float:
        """P(query | article i) under make_queries.title_query: 2 or 3 (at most all) of the
        headline's content words, chosen uniformly, kept in headline order."""
        words = self.headline[i]
        if not all(w in words for w in query):
            return 0.0
        places = [words.index(w) for w in query]
        if places != sorted(places):
            return 0.0
        n = len(words)
        return sum(0.5 / comb(n, min(n, k)) for k in (2, 3) if min(n, k) == len(query))

    def title_scores(self, query: list[str], pool: int | None) -> dict[int, float]:
        if not all(w in self.with_word for w in query):
            return {}
        found = set.intersection(*(self.with_word[w] for w in query))
        scores = {i: self.title_likelihood(i, query) for i in found if pool is None or i < pool}
        return {i: s for i, s in scores.items() if s}


def ceilings(corpus: Corpus, queries: list[dict]) -> dict[str, float]:
    sums, counts = Counter(), Counter()
    for q in queries:
        words, targets = q["q"].split(), corpus.by_title[q["target_title"]]
        if q["type"] == "title":
            sums["title"] += expected_rr(corpus.title_scores(words, None), targets)
            sums["title, pool known"] += expected_rr(corpus.title_scores(words, POOL), targets)
            counts["title"] += 1
        elif q["type"] == "body":
            found = corpus.phrases.get(tuple(words), {})
            sums["body, recalled phrase"] += expected_rr(
                {i: c / corpus.phrase_count[i] for i, c in found.items()}, targets)
            sums["body, middle phrase"] += expected_rr(dict.fromkeys(corpus.middle.get(tuple(words), ()), 1.0),
                                                        targets)
            counts["body"] += 1
    return {name: total / counts[name.split(",")[0]] for name, total in sums.items()}


def measured(result: Path) -> dict[str, float]:
    if not result.is_file():
        return {}
    quality = json.loads(result.read_text())["summary"]["quality"]
    return {"title": quality["title"]["mrr@10"], "body": quality["body"]["mrr@10"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="bench/search.py's work folder (corpus, query sets)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seeds", default="4321,777,11", help="query sets made with these seeds, besides the harness's")
    args = parser.parse_args()
    folder = args.work / f"corpus{args.articles}"
    if not folder.is_dir():
        print(f"{folder}: no corpus; run bench/search.py --work {args.work} first", file=sys.stderr)
        return 1
    corpus = Corpus(folder)
    sets = [("harness (1234)", HARNESS / "queries.json", args.work / "ours.json")]
    for seed in filter(None, args.seeds.split(",")):
        path = args.work / f"queries-{seed}.json"
        if not path.is_file():
            subprocess.run([sys.executable, HARNESS / "make_queries.py", folder, "--out", path, "--seed", seed],
                           check=True, capture_output=True)
        sets.append((f"seed {seed}", path, args.work / f"ours-{seed}.json"))
    print(f"{len(corpus.articles):,} articles in {folder}; MRR@10, ties at their expected rank")
    print("| query set | title: best possible | title: pool known | ours | body: recalled phrase "
          "| body: middle phrase (the generator's rule) | ours |")
    print("|---|---|---|---|---|---|---|")
    for name, path, result in sets:
        c, ours = ceilings(corpus, json.loads(path.read_text())["queries"]), measured(result)
        print(f"| {name} | {c['title']:.3f} | {c['title, pool known']:.3f} | {ours.get('title', float('nan')):.3f} "
              f"| {c['body, recalled phrase']:.3f} | {c['body, middle phrase']:.3f} | {ours.get('body', float('nan')):.3f} |")
    print("targets: title >= 0.95, body >= 0.85")
    return 0


if __name__ == "__main__":
    sys.exit(main())
