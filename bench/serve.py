#!/usr/bin/env python3
"""Preview speed: from saving one article to its updated page being served, beside `hugo server`.

    python bench/serve.py [--sizes 10000,30000] [--runs 7] [--workdir DIR]

For each N it makes a site from `shared/corpus/build_corpus.py N`, starts `newsarchive serve` and,
--runs times, appends one sentence to the middle article (as shared/anchors/perf/hugo_server_incr.sh
does) and polls the article's URL until the sentence is in the page: save → served, wall clock.
The server's own rebuild time (its log line) is reported too, and how many of the edits had
the search files updated in that same rebuild rather than re-indexed later. Then the same with Debian's `hugo
server` (the anchor's command line) on the same corpus: save → served measured the same way, and
Hugo's own "Total in" figure, which is what the anchors (0.55 s at 10,000, 1.8 s at 30,000) report.
Both servers run one after the other in the same run; figures are medians.
"""

import argparse
import http.client
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.preview.server import SEARCH_AFTER  # noqa: E402  (the server's wait before a deferred re-index)
SHARED = shared_folder("corpus/build_corpus.py")
ANCHORS = SHARED / "anchors" / "perf"
SITE_YAML = 'title: "Bench"\nbase_url: "https://bench.example.org/"\nlanguage: en\nper_page: 20\n'
POLL = 0.005  # seconds between two requests for the edited page
SETTLE = 1.0  # seconds between edits, as in the anchor script


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.read() if response.status == 200 else b""
    except OSError:
        return b""
    finally:
        conn.close()


class Process:
    """A server subprocess whose output is collected line by line."""

    def __init__(self, cmd: list[str], cwd: Path | None = None):
        self.lines: list[str] = []
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True).start()

    def wait_for(self, pattern: str, count: int = 1, timeout: float = 900) -> None:
        deadline = time.monotonic() + timeout
        while sum(bool(re.search(pattern, line)) for line in list(self.lines)) < count:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server never printed {pattern!r}:\n{''.join(self.lines[-20:])}")
            time.sleep(0.02)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def save_to_served(target: Path, port: int, url: str) -> float:
    """Append a sentence to `target`, then poll `url` until it shows it: seconds from the save."""
    marker = f"Nachtrag {time.time_ns()}."
    with open(target, "a", encoding="utf-8") as f:
        f.write(f"\n{marker}\n")
    saved = time.monotonic()
    while marker.encode() not in fetch(port, url):
        if time.monotonic() - saved > 120:
            raise SystemExit(f"{url} never showed the edit")
        time.sleep(POLL)
    return time.monotonic() - saved


def measure(server: Process, target: Path, port: int, url: str, runs: int, own: str,
            unit: float) -> tuple[list[float], list[float]]:
    """`runs` edits: seconds from save to served, and the server's own figure (regex `own`, times `unit`)."""
    served, reported = [], []
    for run in range(runs):
        served.append(save_to_served(target, port, url))
        server.wait_for(own, count=run + 1)
        reported.append(float(re.findall(own, "".join(server.lines))[-1]) * unit)
        time.sleep(SETTLE)
    return served, reported


def article_url(site: Path, target: Path) -> str:
    from generator.core.config import load_config
    from generator.content.articles import parse_article

    article = parse_article(target.read_text(encoding="utf-8"), target, load_config(site))
    return "/" + article.path


def bench_newsarchive(corpus: Path, work: Path, runs: int) -> tuple[list[float], list[float], str]:
    site = work / "newsarchive"
    if not site.exists():
        shutil.copytree(corpus, site / "content" / "articles")
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    target = sorted((site / "content" / "articles").glob("*.md"))[len(list(corpus.glob("*.md"))) // 2]
    url = article_url(site, target)
    port = free_port()
    server = Process([sys.executable, "-m", "generator", "--site", str(site), "serve", "--port", str(port)], cwd=REPO)
    try:
        server.wait_for("serving http://")
        initial = next(line for line in server.lines if line.startswith("built:")).strip()
        if not fetch(port, url):
            raise SystemExit(f"newsarchive does not serve {url}")
        result = measure(server, target, port, url, runs, r"article\(s\) changed: .* in ([0-9.]+)s", 1)
        time.sleep(SEARCH_AFTER + 1)
        # An edit the index cannot take in at once is re-indexed later, logged as a plain "built:" line.
        deferred = sum(line.startswith("built:") for line in server.lines) - 1
        initial += f"; search files current in the same rebuild: {runs - deferred} of {runs} edits"
        return *result, initial
    finally:
        server.stop()


def bench_hugo(corpus: Path, work: Path, runs: int) -> tuple[list[float], list[float], str]:
    site = work / "hugo" / "site"
    if not site.exists():
        shutil.copytree(ANCHORS / "hugo-site", site)
        shutil.copytree(corpus, site / "content" / "articles")
    target = sorted((site / "content" / "articles").glob("*.md"))[len(list(corpus.glob("*.md"))) // 2]
    url = f"/articles/{target.stem}/"
    port = free_port()
    # The anchor's command line (hugo_server_incr.sh): in-memory rendering, Hugo's defaults.
    server = Process(["hugo", "server", "--bind", "127.0.0.1", "--port", str(port), "-s", str(site),
                      "--cacheDir", str(work / "hugo" / "cache-server")])
    try:
        server.wait_for("Web Server is available")
        initial = next((line.strip() for line in server.lines if "Built in" in line), "")
        if not fetch(port, url):
            raise SystemExit(f"hugo does not serve {url}")
        return *measure(server, target, port, url, runs, r"Total in (\d+) ms", 1 / 1000), initial
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,30000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", default="/tmp/newsarchive-bench-serve")
    args = parser.parse_args()
    work = Path(args.workdir)
    hugo = shutil.which("hugo")
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            subprocess.run([sys.executable, str(SHARED / "corpus" / "build_corpus.py"), str(n), str(corpus)], check=True)
        served, rebuilt, initial = bench_newsarchive(corpus, work / f"n{n}", args.runs)
        print(f"N={n} newsarchive serve: initial {initial}", flush=True)
        rows.append((n, "newsarchive serve", served, rebuilt))
        if hugo:
            h_served, h_total, h_initial = bench_hugo(corpus, work / f"n{n}", args.runs)
            print(f"N={n} hugo server: initial {h_initial}", flush=True)
            rows.append((n, "hugo server", h_served, h_total))
        for row in rows[-2:]:
            print_row(*row)
    print("\n| N | server | save → served, median s [min–max] | rebuild (server's own figure), median s |")
    print("| ---: | --- | --- | ---: |")
    for row in rows:
        print_row(*row, markdown=True)


def print_row(n: int, name: str, served: list[float], own: list[float], markdown: bool = False) -> None:
    cells = (f"{n:,}", name, f"{statistics.median(served):.3f} [{min(served):.3f}–{max(served):.3f}]",
             f"{statistics.median(own):.3f}")
    print("| " + " | ".join(cells) + " |" if markdown else "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
