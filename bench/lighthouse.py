#!/usr/bin/env python3
"""Lighthouse scores of the demo site's home, article and (when present) search pages.

    python bench/lighthouse.py [--runs 3] [--min 95] [--lighthouse node_modules/.bin/lighthouse]

Needs the npm package once, without a browser download (the system Chromium is used):
    PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-save --no-audit --no-fund lighthouse
Builds the demo site, serves it on 127.0.0.1 and runs Lighthouse (default mobile profile with
simulated throttling) --runs times per page in /usr/bin/chromium. Prints the median of each
category score (0-100) and the audits that fell short in any run; exits 1 if a median is below --min.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.demo_site import CHROMIUM_FLAGS, REPO, page_urls, served  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(binary: Path, chromium: str, url: str) -> dict:
    """One Lighthouse run's report, as parsed JSON."""
    with tempfile.TemporaryDirectory() as profile:
        flags = " ".join([*CHROMIUM_FLAGS, f"--user-data-dir={profile}"])
        result = subprocess.run(
            [str(binary), url, "--quiet", "--output=json", "--output-path=stdout", f"--chrome-flags={flags}",
             f"--only-categories={','.join(CATEGORIES)}"],
            capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": chromium})
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not load {url}: {report['runtimeError']}")
    return report


def shortfalls(reports: list[dict]) -> list[str]:
    """Scored audits below full marks in any run, each with its worst score, e.g. 'color-contrast 0'."""
    worst: dict[str, dict] = {}
    for report in reports:
        for audit in report["audits"].values():
            if (audit.get("score") is not None and audit["score"] < 1
                    and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
                    and audit["score"] <= worst.get(audit["id"], {"score": 1})["score"]):
                worst[audit["id"]] = audit
    return [f"{a['id']} {a['score']:g} {a.get('displayValue', '')}".rstrip() for _, a in sorted(worst.items())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--min", type=float, default=95)
    parser.add_argument("--lighthouse", type=Path, default=REPO / "node_modules" / ".bin" / "lighthouse")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not args.lighthouse.exists():
        print(f"{args.lighthouse}: not found; install it with "
              "'PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-save lighthouse' or pass --lighthouse", file=sys.stderr)
        return 2
    low = False
    with tempfile.TemporaryDirectory() as work, served(Path(work)) as (base_url, output):
        urls = page_urls(base_url, output)
        if "search" not in urls:
            print("no search page in this build: search not measured", file=sys.stderr)
        print(f"{'page':<8} " + " ".join(f"{c:>15}" for c in CATEGORIES) + f"   (median of {args.runs} runs)")
        for page, url in urls.items():
            reports = [lighthouse(args.lighthouse, args.chromium, url) for _ in range(args.runs)]
            medians = [statistics.median(round(r["categories"][c]["score"] * 100) for r in reports)
                       for c in CATEGORIES]
            low |= any(m < args.min for m in medians)
            print(f"{page:<8} " + " ".join(f"{m:>15g}" for m in medians), flush=True)
            for issue in shortfalls(reports):
                print(f"           {issue}")
            version = reports[0]["lighthouseVersion"]
    print(f"lighthouse {version}, mobile profile, {args.chromium}; pages served from {base_url}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
