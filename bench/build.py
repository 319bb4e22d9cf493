#!/usr/bin/env python3
"""Build speed at archive scale: newsarchive beside Hugo and Pelican, timed in the same run.

    python bench/build.py [--sizes 1000,10000,100000] [--runs 5] [--workdir DIR] [--anchors-up-to 10000]

For each N it builds a site from `shared/corpus/build_corpus.py N` and times, as whole processes
(wall clock around fork/exec/wait; peak RSS of the largest single process, from wait4; peak PSS
summed over the process and all its children, sampled from /proc every 0.1 s, less often
when a reading costs more than 5 ms):
  cold    a fresh site copy: no output, no cache
  noop    rebuild, nothing changed
  touch1  one sentence appended to one article, rebuild
  new1    one new article dated now (the newest) added, rebuild
  new300  300 new articles dated today (the newest), added at once, rebuild
Hugo (Debian's `hugo`) and Pelican (`pelican` on PATH, or $PELICAN) run the same scenarios with
the anchor setups in shared/anchors/perf/, when installed and N <= --anchors-up-to. Medians of
--runs runs after one warm-up (at 100,000: 1 cold run and 3 of the others, since a cold run there
costs minutes of disk time to clean up). Prints a table with ratios, writes the figures to
docs/perf/build.json (the sizes not measured keep their figures there) and draws
docs/perf/build-cost.svg (time and memory against N).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from devdata import shared_folder

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_folder("corpus/build_corpus.py")
ANCHORS = SHARED / "anchors" / "perf"
SCENARIOS = ("cold", "noop", "touch1", "new1", "new300")
SAMPLE_EVERY = 0.1  # seconds at least between two readings of the build's memory
SITE_YAML = 'title: "Bench"\nbase_url: "https://bench.example.org/"\nlanguage: en\nper_page: 20\n'


def processes(root: int) -> list[tuple[int, int, int]]:
    """(pid, depth, PSS KiB) of `root` and each of its descendants alive now."""
    found, todo = [], [(root, 0)]
    while todo:
        pid, depth = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                pss = next(int(line.split()[1]) for line in f if line.startswith(b"Pss:"))
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", "rb") as f:
                    todo += [(int(child), depth + 1) for child in f.read().split()]
        except (OSError, StopIteration, ValueError):
            continue  # ended meanwhile, or a zombie
        found.append((pid, depth, pss))
    return found


def tree_pss(pid: int) -> int:
    """PSS in KiB summed over the process `pid` and all its descendants (those alive now)."""
    return sum(pss for _, _, pss in processes(pid))


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MiB of the largest single process, peak PSS MiB summed over the
    process tree) of one whole command; fails loudly on a non-zero exit."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            if cwd:
                os.chdir(cwd)
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    peak, done = [0], threading.Event()

    def sample():
        # Reading PSS walks every page table of the tree: for a build of 1 GB that costs ~10 ms,
        # and at a fixed 0.1 s it took a tenth of a core from the build it measures. Waiting 20
        # times the last reading's cost keeps the sampler under 5 % of one core.
        wait = SAMPLE_EVERY
        while not done.wait(wait):
            began = time.perf_counter()
            peak[0] = max(peak[0], tree_pss(pid))
            wait = max(SAMPLE_EVERY, 20 * (time.perf_counter() - began))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024, peak[0] / 1024


def tree_size(folder: Path) -> tuple[int, int]:
    files = size = 0
    for root, _, names in os.walk(folder, followlinks=True):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    return files, size


def touch(path: Path) -> None:
    """A line added to the article, written as a new file: the site's articles are hard links to
    the corpus (cp -al), which an append would change too, and every other copy linked to it."""
    text = path.read_text(encoding="utf-8") + f"\nKorrektur: Dieser Artikel wurde am {time.time_ns()} aktualisiert.\n"
    part = path.with_name(f".{path.name}.part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def add_articles(folder: Path, corpus: Path, n: int, count: int = 1) -> None:
    """`count` copies of corpus articles, each under a new title and dated just before now (the
    newest of the archive), as a daily import adds them."""
    sources = sorted(corpus.glob("*.md"))[:97]
    stamp = time.time_ns()
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for i in range(count):
        text = sources[(n + i) % len(sources)].read_text(encoding="utf-8")
        text = text.replace('title: "', f'title: "Neu {stamp} {i} ', 1)
        date = (now - timedelta(seconds=count - i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        text = "\n".join(f"date: {date}" if line.startswith("date: ") else line for line in text.split("\n"))
        (folder / f"zz-new-{stamp}-{i:03d}.md").write_text(text, encoding="utf-8")


class Tool:
    """One generator's setup and scenario commands for one N."""

    name = ""

    def __init__(self, work: Path, corpus: Path):
        self.work, self.corpus = work, corpus
        self.mid = sorted(corpus.glob("*.md"))[len(list(corpus.glob("*.md"))) // 2].name
        self.added = 0

    def scenario(self, scenario: str) -> list[str]:
        if scenario == "touch1":
            touch(self.articles / self.mid)
        elif scenario in ("new1", "new300"):
            count = 1 if scenario == "new1" else 300
            add_articles(self.articles, self.corpus, self.added, count)
            self.added += count
        return self.command(scenario)


class Newsarchive(Tool):
    name = "newsarchive"

    def setup(self):
        self.site = self.work / "site"
        self.articles = self.site / "content" / "articles"
        if not self.site.exists():
            self._new_site(self.site)
            run(self.command("noop"))
        self.colds = 0

    def _new_site(self, site: Path) -> None:
        (site / "content").mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        subprocess.run(["cp", "-al", str(self.corpus), str(site / "content" / "articles")], check=True)

    def command(self, scenario: str) -> list[str]:
        site = self.site
        if scenario == "cold":
            self.colds += 1
            site = self.work / f"cold-{time.time_ns()}"
            self._new_site(site)
        return [str(REPO / ".venv" / "bin" / "newsarchive"), "--site", str(site), "build"]

    def output(self) -> Path:
        return self.site / "output"


class Hugo(Tool):
    name = "hugo"

    def setup(self):
        self.articles = self.work / "site" / "content" / "articles"
        if not self.work.exists():
            self.work.mkdir(parents=True)
            shutil.copytree(ANCHORS / "hugo-site", self.work / "site")
            self.articles.mkdir(parents=True, exist_ok=True)
            subprocess.run(f"cp {self.corpus}/*.md {self.articles}/", shell=True, check=True)
            (self.work / "touch_target").write_text(str(self.articles / self.mid))
            run(self.command("noop"))

    def command(self, scenario: str) -> list[str]:
        return ["sh", str(ANCHORS / "scenario.sh"), "hugo", "noop" if scenario != "cold" else "cold", str(self.work)]

    def scenario(self, scenario: str) -> list[str]:
        return Tool.scenario(self, scenario)

    def output(self) -> Path:
        return self.work / "out"


class Pelican(Hugo):
    name = "pelican"

    def setup(self):
        self.articles = self.work / "content"
        if not self.work.exists():
            self.work.mkdir(parents=True)
            shutil.copytree(self.corpus, self.articles)
            (self.work / "touch_target").write_text(str(self.articles / self.mid))
            run(self.command("noop"))

    def command(self, scenario: str) -> list[str]:
        return ["sh", str(ANCHORS / "scenario.sh"), "pelican", "noop" if scenario != "cold" else "cold", str(self.work)]


def measure(tool: Tool, runs: int, cold_runs: int) -> dict:
    tool.setup()
    figures = {}
    for scenario in SCENARIOS:
        count = cold_runs if scenario == "cold" else runs
        samples = [run(tool.scenario(scenario)) for _ in range(count + (scenario != "cold"))][-count:]
        walls = [w for w, _, _ in samples]
        figures[scenario] = {"median_s": round(statistics.median(walls), 3), "min_s": round(min(walls), 3),
                             "max_s": round(max(walls), 3), "runs": count,
                             "peak_rss_mib": round(max(r for _, r, _ in samples), 1),
                             "peak_pss_mib": round(max(p for _, _, p in samples), 1)}
    files, size = tree_size(tool.output())
    figures["output"] = {"files": files, "bytes": size}
    # Cold runs keep their trees until now so no deletion ran beside a timed build.
    for leftover in list(tool.work.glob("cold*")) + list(tool.work.glob("cold.*")):
        shutil.rmtree(leftover, ignore_errors=True)
    return figures


def draw_svg(results: dict, path: Path) -> None:
    """Time (cold build) and peak memory against N, log-log, one line per tool."""
    import math
    colours = {"newsarchive": "#1a56a8", "hugo": "#c0392b", "pelican": "#27ae60"}
    panels = [("cold build, seconds", lambda f: f["cold"]["median_s"]),
              ("peak memory summed over the processes (PSS), MiB",
               lambda f: max(s.get("peak_pss_mib", s["peak_rss_mib"]) for k, s in f.items() if k in SCENARIOS))]
    width, height, pad = 760, 320, 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="#fff"/>']
    sizes = sorted({int(n) for tool in results.values() for n in tool})
    for p, (label, value) in enumerate(panels):
        x0 = p * width / 2 + pad
        w, h = width / 2 - pad - 20, height - 2 * pad
        points = {t: [(int(n), value(f)) for n, f in sorted(results[t].items(), key=lambda i: int(i[0]))] for t in results}
        ys = [y for line in points.values() for _, y in line if y > 0]
        lo, hi = math.log10(min(ys)) - 0.1, math.log10(max(ys)) + 0.1
        nlo, nhi = math.log10(sizes[0]) - 0.1, math.log10(sizes[-1]) + 0.1
        sx = lambda n: x0 + (math.log10(n) - nlo) / (nhi - nlo) * w  # noqa: E731
        sy = lambda y: pad + h - (math.log10(y) - lo) / (hi - lo) * h  # noqa: E731
        out.append(f'<text x="{x0}" y="{pad - 20}" font-weight="bold">{label} (log scale)</text>')
        out.append(f'<rect x="{x0}" y="{pad}" width="{w}" height="{h}" fill="none" stroke="#999"/>')
        for n in sizes:
            out.append(f'<text x="{sx(n):.0f}" y="{pad + h + 16}" text-anchor="middle">{n:,}</text>')
        for t, line in points.items():
            coords = " ".join(f"{sx(n):.1f},{sy(y):.1f}" for n, y in line)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colours.get(t, "#333")}" stroke-width="2"/>')
            for n, y in line:
                out.append(f'<circle cx="{sx(n):.1f}" cy="{sy(y):.1f}" r="3" fill="{colours.get(t, "#333")}"/>')
                out.append(f'<text x="{sx(n) + 5:.1f}" y="{sy(y) - 5:.1f}" fill="{colours.get(t, "#333")}">{y:g}</text>')
    for i, t in enumerate(results):
        out.append(f'<text x="{pad + i * 120}" y="{height - 12}" fill="{colours.get(t, "#333")}" font-weight="bold">■ {t}</text>')
    out.append('<text x="{0}" y="{1}" text-anchor="end">articles (N)</text>'.format(width - 20, height - 12))
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", default="/tmp/newsarchive-bench")
    parser.add_argument("--anchors-up-to", type=int, default=10000, help="largest N for Hugo and Pelican")
    parser.add_argument("--out", default=str(REPO / "docs" / "perf"))
    parser.add_argument("--tools", default="newsarchive,hugo,pelican", help="which of newsarchive,hugo,pelican to run")
    args = parser.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    wanted = set(args.tools.split(","))
    tools = [Newsarchive]
    if "hugo" in wanted and shutil.which("hugo"):
        tools.append(Hugo)
    if "pelican" in wanted and (shutil.which("pelican") or os.environ.get("PELICAN")):
        if os.environ.get("PELICAN"):
            os.environ["PATH"] = str(Path(os.environ["PELICAN"]).parent) + os.pathsep + os.environ["PATH"]
        tools.append(Pelican)
    results: dict[str, dict] = {t.name: {} for t in tools}
    try:  # the sizes and tools not measured this time keep their figures
        for tool, figures in json.loads((Path(args.out) / "build.json").read_text(encoding="utf-8")).items():
            results.setdefault(tool, {}).update(figures)
    except (OSError, ValueError):
        pass
    measured = set(args.sizes.split(","))
    for n in [int(s) for s in args.sizes.split(",")]:
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            subprocess.run([sys.executable, str(SHARED / "corpus" / "build_corpus.py"), str(n), str(corpus), "--quiet"], check=True)
        big = n >= 100_000
        for tool_class in tools:
            if tool_class is not Newsarchive and n > args.anchors_up_to:
                continue
            tool = tool_class(work / f"{tool_class.name}-{n}", corpus)
            print(f"# {tool.name} N={n} …", file=sys.stderr, flush=True)
            results[tool.name][str(n)] = measure(tool, 3 if big else args.runs, 1 if big else args.runs)
            save(results, Path(args.out))  # after each measurement: a long run that dies keeps what it measured
    print_table({t.name: {n: f for n, f in results[t.name].items() if n in measured} for t in tools})
    return 0


def save(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "build.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if any(results.values()):
        draw_svg({tool: figures for tool, figures in results.items() if figures}, out / "build-cost.svg")


def print_table(results: dict) -> None:
    ours = results["newsarchive"]
    print("| N | scenario | newsarchive s | peak MiB (largest process) | peak MiB (PSS, all processes) | "
          + " | ".join(f"{t} s | ratio to {t}" for t in results if t != "newsarchive") + " |")
    print("|---|---|---|---|---|" + "---|---|" * (len(results) - 1))
    for n, figures in ours.items():
        for scenario in SCENARIOS:
            row = [f"{int(n):,}", scenario, f"{figures[scenario]['median_s']:.2f}", f"{figures[scenario]['peak_rss_mib']:.0f}",
                   f"{figures[scenario]['peak_pss_mib']:.0f}"]
            for tool, theirs in results.items():
                if tool == "newsarchive":
                    continue
                if n in theirs:
                    t = theirs[n][scenario]["median_s"]
                    row += [f"{t:.2f} ({theirs[n][scenario]['peak_rss_mib']:.0f} MiB)", f"{figures[scenario]['median_s'] / t:.2f}×"]
                else:
                    row += ["–", "–"]
            print("| " + " | ".join(row) + " |")
        out = figures["output"]
        print(f"| {int(n):,} | output | {out['bytes'] / 1e6:.0f} MB, {out['files']:,} files | | | "
              + " | ".join(f"{theirs[n]['output']['bytes'] / 1e6:.0f} MB, {theirs[n]['output']['files']:,} files | "
                           if n in theirs else "– | " for t, theirs in results.items() if t != "newsarchive") + "|")


if __name__ == "__main__":
    sys.exit(main())
