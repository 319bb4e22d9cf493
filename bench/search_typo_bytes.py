#!/usr/bin/env python3
"""Bytes a typing mistake costs: each typo probe of make_probes.py and its control (the query typed
right) run once on a cold cache, counting the gzipped term shards (search/t/, postings with their
positions) and their files.

    python bench/search_typo_bytes.py SITE_OUTPUT PROBES.json --harness HARNESS_COPY

SITE_OUTPUT is a built site's output folder, served by the harness's serve.py with gzip as
bench/search.py serves it; HARNESS_COPY a copy of ../shared/tools/search-harness.
"""
import argparse
import json
import socket
import statistics
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site")
    parser.add_argument("probes")
    parser.add_argument("--harness", required=True)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "serve.py", args.site, "--port", str(port), "--gzip"], cwd=args.harness,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for probe in json.load(open(args.probes))["typo"]:
                row = []
                for text in (probe["q"], probe["orig"]):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(f"http://127.0.0.1:{port}/search/")
                    sizes = {"t": 0, "files": 0}

                    def count(response, sizes=sizes):
                        name = response.url.split("/search/")[-1]
                        if name[:2] == "t/":  # postings with their positions
                            sizes[name[0]] += int(response.headers.get("content-length", 0))
                            sizes["files"] += 1
                    page.on("response", count)
                    page.evaluate("q => window.searchArchive(q, {limit: 10})", text)
                    row.append(sizes)
                    context.close()
                rows.append(row)
            browser.close()
    finally:
        server.terminate()
        server.wait()
    typo, control = [r[0]["t"] / 1024 for r in rows], [r[1]["t"] / 1024 for r in rows]
    print(f"{len(rows)} typo probes, term shards on a cold cache (KiB, gzip): typo median {statistics.median(typo):.1f} "
          f"mean {statistics.mean(typo):.1f}; control median {statistics.median(control):.1f} "
          f"mean {statistics.mean(control):.1f}")
    print(f"term shard files: typo mean {statistics.mean(r[0]['files'] for r in rows):.2f}, "
          f"control mean {statistics.mean(r[1]['files'] for r in rows):.2f}")
    print("typo probes loading more term shard bytes than their control: "
          f"{sum(1 for r in rows if r[0]['t'] > r[1]['t'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
