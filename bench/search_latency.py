#!/usr/bin/env python3
"""A fresh visit's latency until the results show, and until the first screen's passages are in.

    python bench/search_latency.py --harness DIR --url URL --queries Q.json [--runs 3]

The harness (shared/tools/search-harness, with its node_modules installed) times
`window.searchArchive`, which resolves once the results are ranked and their headings loaded:
the moment the search page shows its list. Each result's passage then fills in the room kept
for it (templates/static/search/page.js). This runs the harness as it is and a copy whose query
also waits for the passages of the first six results (about a screen), alternately, and prints
p50 / p95 over queries 2–50 and the first query's bytes for each. Serve the site with the
harness's serve.py first.
"""

import argparse
import json
import os
import subprocess  # nosec B404: node with an argument list
import tempfile
from pathlib import Path

QUERY = "      const r = await window.searchArchive(q, { limit });"
WITH_PASSAGES = """      const S = window.newsarchiveSearch;
      const found = await S.search(q, { limit });
      await S.withPassages(found, found.results.slice(0, 6));
      const r = found.results;"""


def passages_harness(harness: Path, folder: Path) -> Path:
    text = (harness / "harness.mjs").read_text(encoding="utf-8")
    if QUERY not in text:
        raise SystemExit(f"{harness / 'harness.mjs'}: the query call this script replaces is not there")
    copy = folder / "harness_passages.mjs"
    copy.write_text(text.replace(QUERY, WITH_PASSAGES), encoding="utf-8")
    os.symlink(harness / "node_modules", folder / "node_modules")
    return copy


def run(script: Path, url: str, queries: Path, out: Path) -> dict:
    subprocess.run(["node", str(script), "--url", url, "--engine", "archive", "--match", "title",  # nosec B603 B607
                    "--queries", str(queries), "--out", str(out)], check=True, capture_output=True)
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    return {"p50": summary["latency_ms"]["p50_excl_first"], "p95": summary["latency_ms"]["p95_excl_first"],
            "first query bytes": summary["bytes"]["first_query_cold"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--harness", type=Path, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        kinds = {"results shown": args.harness.resolve() / "harness.mjs",
                 "first six passages in": passages_harness(args.harness.resolve(), folder)}
        for i in range(args.runs):
            for name, script in kinds.items():
                figures = run(script, args.url, args.queries.resolve(), folder / "out.json")
                print(f"run {i + 1}  {name:<24} p50 {figures['p50']:6.1f} ms  p95 {figures['p95']:6.1f} ms  "
                      f"first query {figures['first query bytes'] / 1024:.0f} KiB", flush=True)


if __name__ == "__main__":
    main()
