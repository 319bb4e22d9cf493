#!/usr/bin/env python3
"""Search benchmark: our index and Pagefind on the same 10,000-article archive, measured the same way.

    python bench/search.py [--articles 10000] [--work DIR] [--runs 3] [--cold-sample 20]
                           [--pagefind-python PYTHON]

1. builds the corpus with ../shared/corpus/build_corpus.py and our site from it (`--runs` times,
   reporting the median build time and the median time of the "search index" stage);
2. runs ../shared/tools/search-harness (a scratch copy; `npm ci --ignore-scripts`, playwright-core
   only, the system Chromium) against output/search/ served with gzip, `--match title`;
3. does the same for Pagefind (nolang: one index, no stemming, its best config on this corpus)
   when PYTHON has `pagefind[bin]` installed; otherwise prints the anchor figures of
   ../shared/anchors/search/RESULTS.md and says so;
4. prints both side by side, with the targets of the search issue.
"""

import argparse
import json
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_folder("corpus/build_corpus.py", "tools/search-harness")
CORPUS_SCRIPT = SHARED / "corpus" / "build_corpus.py"
HARNESS = SHARED / "tools" / "search-harness"
ANCHOR = SHARED / "anchors" / "search" / "RESULTS.md"
# Pagefind 1.5.2, 10k, nolang (RESULTS.md, run 2): quoted when Pagefind cannot be run here.
ANCHOR_NOLANG = {"mrr": (0.898, 0.719, 0.762), "hit": (0.993, 0.897, 0.775), "p50": 16.6, "p95": 70.3,
                 "first_ms": 335, "first_kib": 231, "cold_kib": 249, "files": 10213}
TARGETS = "MRR@10 title >= 0.95, body >= 0.85, morph >= 0.95; cold first query <= 150 KiB; warm p95 <= 30 ms; " \
          "<= 500 search files; index stage <= 20 % of the build"


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], check=True, text=True, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_corpus(work: Path, articles: int) -> Path:
    corpus = work / f"corpus{articles}"
    if not corpus.is_dir() or len(list(corpus.glob("*.md"))) != articles:
        shutil.rmtree(corpus, ignore_errors=True)
        run([sys.executable, CORPUS_SCRIPT, articles, corpus, "--quiet"])
    return corpus


def build_ours(work: Path, corpus: Path, runs: int) -> tuple[Path, list[dict]]:
    """Build our site `runs` times from scratch; returns the output folder and each run's stage times."""
    site = work / "ours"
    if not (site / "content" / "articles").is_dir():
        shutil.copytree(corpus, site / "content" / "articles")
        (site / "site.yaml").write_text('title: "Benchmark"\nlanguage: en\n', encoding="utf-8")
    timings = []
    for _ in range(runs):
        for made in ("output", ".output", ".cache"):  # a clean build: no output trees, no parse cache
            path = site / made
            path.unlink() if path.is_symlink() else shutil.rmtree(path, ignore_errors=True)
        started, cpu = time.perf_counter(), _children_cpu()
        out = run([sys.executable, "-m", "generator", "--site", site, "build"], capture_output=True).stdout
        wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
        stages = {name.strip(): float(secs) for name, secs in re.findall(r"([a-z+ ]+?) (\d+\.\d+)s", out.split("(", 2)[-1])}
        timings.append({"wall": wall, "cpu": cpu, **stages})
    return site / "output", timings


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# The index alone on one core, timed in a process of its own (CPU seconds); the build's "search"
# stage is the wall time the build still waits for the background indexer once the pages are written.
INDEX_CPU = """
import sys, time
from pathlib import Path
from generator.organise.archive import build_archive
from generator.core.config import load_config
from generator.content.articles import load_articles
from generator.search.shards import search_files
from generator.search.update import IndexState
root = Path(sys.argv[1]); config = load_config(root)
archive = build_archive(load_articles(root, config)[0], config.related_items)
start = time.process_time(); search_files(IndexState.from_articles(archive).index); print(time.process_time() - start)
"""


def index_cpu(site: Path, runs: int) -> list[float]:
    return [float(run([sys.executable, "-c", INDEX_CPU, site], capture_output=True, cwd=REPO).stdout)
            for _ in range(runs)]


def harness_copy(work: Path) -> Path:
    copy = work / "harness"
    if not (copy / "node_modules" / "playwright-core").is_dir():
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(HARNESS, copy, ignore=shutil.ignore_patterns("node_modules", "results"))
        run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=copy, capture_output=True)
    return copy


def measure(harness: Path, site: Path, path: str, engine: str, out: Path, cold: int,
            queries: Path = Path("queries.json")) -> dict:
    """Serve `site` with gzip and run the harness's queries (or `queries`) against it."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "serve.py", str(site), "--port", str(port), "--gzip"], cwd=harness,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        run(["node", "harness.mjs", "--url", f"http://127.0.0.1:{port}/{path}", "--engine", engine,
             "--match", "title", "--queries", queries, "--out", out, "--cold-sample", cold],
            cwd=harness, capture_output=True)
    finally:
        server.terminate()
        server.wait()
    return json.loads(out.read_text())["summary"]


def held_out(work: Path, corpus: Path, harness: Path, output: Path, seeds: list[int], cold: int) -> list[str]:
    """Our figures on query sets made like the harness's own but with other seeds: the acceptance
    figures come from sets we do not have, so the ones we tuned on must not be the only check."""
    rows = []
    for seed in seeds:
        queries = work / f"queries-{seed}.json"
        run([sys.executable, harness / "make_queries.py", corpus, "--out", queries, "--seed", seed], capture_output=True)
        f = figures(measure(harness, output, "search/", "archive", work / f"ours-{seed}.json", cold, queries))
        rows.append(f"| seed {seed} | {f['mrr'][0]:.3f} / {f['mrr'][1]:.3f} / {f['mrr'][2]:.3f} | "
                    f"{f['p50']:.1f} / {f['p95']:.1f} | {f['cold_kib']:.0f} KiB |")
    return rows


def pagefind(work: Path, corpus: Path, harness: Path, python: str, cold: int) -> tuple[dict, dict]:
    site = work / "pagefind-nolang"
    shutil.rmtree(site, ignore_errors=True)
    run([python, harness / "build_site.py", corpus, site, "--page-lang", "none"], capture_output=True)
    started = time.perf_counter()
    run([python, "-m", "pagefind", "--site", site], capture_output=True)
    seconds = time.perf_counter() - started
    index = site / "pagefind"
    files = [p for p in index.rglob("*") if p.is_file()]
    summary = measure(harness, site, "", "pagefind", work / "pagefind.json", cold)
    return summary, {"seconds": seconds, "files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def figures(summary: dict) -> dict:
    quality = summary["quality"]
    cold = summary.get("cold_sample") or {}
    return {
        "mrr": tuple(quality[t]["mrr@10"] for t in ("title", "body", "morph")),
        "hit": tuple(quality[t]["hit@10"] for t in ("title", "body", "morph")),
        "p50": summary["latency_ms"]["p50_excl_first"], "p95": summary["latency_ms"]["p95_excl_first"],
        "first_ms": summary["latency_ms"]["first_query_cold"],
        "first_kib": summary["bytes"]["first_query_cold"] / 1024,
        "cold_kib": cold.get("bytes_p50", float("nan")) / 1024,
        "page_kib": summary["bytes"]["page_load"] / 1024,
    }


def row(name: str, f: dict, files: int, index_bytes: int | None) -> str:
    mrr = " / ".join(f"{v:.3f}" for v in f["mrr"])
    hit = " / ".join(f"{v:.3f}" for v in f["hit"])
    size = f"{index_bytes / 2**20:.1f} MiB in " if index_bytes else ""
    page = f"{f['page_kib']:.0f}" if "page_kib" in f else "–"
    return (f"| {name} | {mrr} | {hit} | {f['p50']:.1f} / {f['p95']:.1f} ({f['first_ms']:.0f}) | "
            f"{f['first_kib']:.0f} KiB ({f['cold_kib']:.0f} KiB) | {page} KiB | {size}{files:,} files |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, help="scratch folder kept between runs (default: a temp folder)")
    parser.add_argument("--runs", type=int, default=3, help="builds of our site; the median is reported")
    parser.add_argument("--cold-sample", type=int, default=20)
    parser.add_argument("--seeds", default="", help="also measure ours on query sets made with these seeds, e.g. 4321,777")
    parser.add_argument("--pagefind-python", default=sys.executable,
                        help="a Python with pagefind[bin] and markdown installed (pip install 'pagefind[bin]' markdown)")
    args = parser.parse_args()
    for tool in ("node", "npm"):
        if not shutil.which(tool):
            print(f"bench/search.py needs {tool} (Debian: apt-get install nodejs npm)", file=sys.stderr)
            return 1
    work = args.work or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(work, args.articles)
    output, timings = build_ours(work, corpus, args.runs)
    index_seconds = index_cpu(output.parent, args.runs)
    harness = harness_copy(work)
    ours = figures(measure(harness, output, "search/", "archive", work / "ours.json", args.cold_sample))
    search_files = [p for p in (output / "search").rglob("*") if p.is_file()]

    has_pagefind = subprocess.run([args.pagefind_python, "-c", "import pagefind_bin, markdown"],
                                  capture_output=True).returncode == 0
    if has_pagefind:
        summary, pf_index = pagefind(work, corpus, harness, args.pagefind_python, args.cold_sample)
        theirs, theirs_note = figures(summary), f"measured now ({pf_index['seconds']:.1f} s to index)"
        theirs_files, theirs_bytes = pf_index["files"], pf_index["bytes"]
    else:
        theirs, theirs_note = ANCHOR_NOLANG, f"quoted from {ANCHOR} (pagefind[bin] not installed for {args.pagefind_python})"
        theirs_files, theirs_bytes = ANCHOR_NOLANG["files"], None

    build = statistics.median(t["wall"] for t in timings)
    build_cpu = statistics.median(t["cpu"] for t in timings)
    stage = statistics.median(t.get("search", 0.0) for t in timings)
    index = statistics.median(index_seconds)
    print(f"\n{args.articles:,} articles, harness queries.json ({HARNESS}), --match title, "
          f"--cold-sample {args.cold_sample}, gzip; work folder {work}")
    print("| engine | MRR@10 title / body / morph | hit@10 title / body / morph | warm ms p50 / p95 (first, cold) "
          "| first query, cold (median of cold sample) | page load | index |")
    print("|---|---|---|---|---|---|---|")
    print(row("newsarchive", ours, len(search_files), sum(p.stat().st_size for p in search_files)))
    print(row("Pagefind nolang", theirs, theirs_files, theirs_bytes))
    print(f"Pagefind: {theirs_note}")
    print(f"build of our site, median of {len(timings)}: {build:.2f} s wall, {build_cpu:.2f} s CPU; "
          f"search stage {stage:.2f} s wall = {100 * stage / (build - stage):.0f} % of the rest of the build")
    print(f"the search index alone: {index:.2f} s CPU (median of {len(index_seconds)}) = "
          f"{100 * index / (build_cpu - index):.0f} % of the rest of the build's CPU time")
    print("every run:", "; ".join(", ".join(f"{k} {v:.2f}s" for k, v in t.items()) for t in timings))
    if args.seeds:
        print("\nours on query sets made with other seeds (the harness's make_queries.py):")
        print("| query set | MRR@10 title / body / morph | warm ms p50 / p95 | first query, cold (median) |")
        print("|---|---|---|---|")
        print("\n".join(held_out(work, corpus, harness, output, [int(x) for x in args.seeds.split(",")],
                               args.cold_sample)))
    print(f"targets: {TARGETS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
