#!/usr/bin/env python3
"""Where a cold build's memory goes: one build of a fresh copy of a site, sampled per process.

    python bench/cold_memory.py --site SITE --workdir DIR [--min-available 4] [--timeline FILE]

Copies SITE's site.yaml into a new folder under DIR, with content/articles a link to SITE's
articles (which the build only reads), builds it with this checkout's code, and every 0.25 s
reads `Pss:` of /proc/PID/smaps_rollup for the build and each of its descendants (as
bench/build.py does). Prints one JSON object: wall seconds, the peak PSS summed over the
processes and when it came, the largest single process's PSS and RSS (wait4), and the output's
files and bytes. `--timeline` writes every sample (seconds, sum, [pid, depth, PSS MiB] per
process), one JSON line each. On a shared machine `--min-available` stops the build (its whole
process tree) when the system's available memory falls below that many GiB, and says so.
"""

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from build import processes, tree_size

REPO = Path(__file__).resolve().parent.parent


def available_gib() -> float:
    with open("/proc/meminfo") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("MemAvailable:")) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True, help="a site with site.yaml and content/articles")
    parser.add_argument("--workdir", required=True, help="where the fresh copy is made")
    parser.add_argument("--min-available", type=float, default=0.0, help="GiB; below it the build is stopped")
    parser.add_argument("--timeline", help="a file for every sample")
    args = parser.parse_args()
    source = Path(args.site).resolve()
    site = Path(args.workdir).resolve() / f"cold-{time.time_ns()}"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_bytes((source / "site.yaml").read_bytes())
    (site / "content" / "articles").symlink_to((source / "content" / "articles").resolve())

    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(REPO)  # python -m generator: this checkout's code
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execv(sys.executable, [sys.executable, "-m", "generator", "--site", str(site), "build"])
        finally:
            os._exit(127)
    peak = {"pss_mib": 0.0, "at_s": 0.0, "largest_pss_mib": 0.0, "stopped": None}
    done = threading.Event()
    timeline = open(args.timeline, "w", encoding="utf-8") if args.timeline else None

    def sample() -> None:
        while not done.wait(0.25):
            found, at = processes(pid), time.monotonic() - start
            total = sum(pss for _, _, pss in found) / 1024
            if total > peak["pss_mib"]:
                peak.update(pss_mib=round(total), at_s=round(at, 1))
            peak["largest_pss_mib"] = max([peak["largest_pss_mib"]] + [round(p / 1024) for _, _, p in found])
            if timeline:
                timeline.write(json.dumps([round(at, 2), round(total), [(p, d, round(s / 1024)) for p, d, s in found]]) + "\n")
            if args.min_available and available_gib() < args.min_available and peak["stopped"] is None:
                peak["stopped"] = f"available memory below {args.min_available} GiB after {at:.0f} s"
                for child, _, _ in reversed(found):
                    try:
                        os.kill(child, signal.SIGKILL)
                    except OSError:
                        pass
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    files, size = tree_size(site / "output") if (site / "output").exists() else (0, 0)
    print(json.dumps({"site": str(site), "exit": os.waitstatus_to_exitcode(status), "wall_s": round(wall, 1),
                      "peak_pss_mib": peak["pss_mib"], "peak_at_s": peak["at_s"],
                      "largest_process_pss_mib": peak["largest_pss_mib"],
                      "largest_process_rss_mib": round(usage.ru_maxrss / 1024), "output_files": files,
                      "output_bytes": size, "stopped": peak["stopped"]}))
    return 0 if os.waitstatus_to_exitcode(status) == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
