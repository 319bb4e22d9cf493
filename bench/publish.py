#!/usr/bin/env python3
"""How long `newsarchive publish --no-build` takes, next to ghp-import measured in the same run.

    .venv/bin/python bench/publish.py [N] [--runs R] [--site DIR] [--only SCENARIO ...] [--no-anchor]

Builds an N-article site from the shared real-news corpus (default 1000) in a temporary folder,
with a local bare repository as its remote, then times whole processes (median [min–max] wall
seconds over R runs) for four scenarios: first publish (new branch), publishing again with
nothing changed, and publishing after one article changed or one article (dated now) added;
the rebuilds are not timed. The anchor is ghp-import (what `mkdocs gh-deploy` uses), pushing
to its own branch of the same remote; it is skipped with a note when not installed
(`.venv/bin/pip install ghp-import`) or with --no-anchor.

With --site DIR, an already built site is used instead (a git repository whose `origin` is a
bare repository made for the benchmark: the scenarios replace its branches and add articles),
so that a 100,000-article site is built once and measured many times.
"""

import argparse
import os
import shutil
import statistics
import subprocess  # nosec B404: commands are argument lists, never a shell
import sys
import tempfile
import time
from pathlib import Path

from devdata import shared_folder

CORPUS = shared_folder("corpus/build_corpus.py") / "corpus" / "build_corpus.py"
BIN = Path(sys.executable).parent


def run(cwd: Path, *cmd: str) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # nosec B603


def timed(cwd: Path, cmd: list[str]) -> float:
    start = time.perf_counter()
    run(cwd, *cmd)
    return time.perf_counter() - start


def make_site(root: Path, articles: int, corpus: Path) -> Path:
    site = root / "site"
    run(root, str(BIN / "newsarchive"), "init", str(site))
    run(root, sys.executable, str(corpus), str(articles), str(site / "content" / "articles"), "--quiet")
    run(site, str(BIN / "newsarchive"), "build")
    run(site, "git", "init", "--quiet", "-b", "main")
    run(site, "git", "add", "-A")
    run(site, "git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "--quiet", "-m", "site")
    run(root, "git", "init", "--quiet", "--bare", str(root / "remote.git"))
    run(site, "git", "remote", "add", "origin", str(root / "remote.git"))
    return site


def toggle_article(site: Path, step: int) -> None:
    """Change one article's body back and forth, then rebuild (untimed)."""
    article = sorted((site / "content" / "articles").rglob("*.md"))[0]
    text = article.read_text(encoding="utf-8").split("\n(bench edit")[0]
    article.write_text(text + ("" if step % 2 else f"\n(bench edit {step})\n"), encoding="utf-8")
    run(site, str(BIN / "newsarchive"), "build")


def add_article(site: Path, step: int) -> None:
    """Add one article dated now, the newest of the archive, then rebuild (untimed)."""
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    article = site / "content" / "articles" / f"bench-added-{os.getpid()}-{step}.md"
    article.write_text(f'---\ntitle: "Added by the benchmark, number {step}"\ndate: {when}\n'
                       f'source: "Bench"\nlang: en\n---\nA new article, number {step}, added today.\n',
                       encoding="utf-8")
    run(site, str(BIN / "newsarchive"), "build")


def forget_branch(site: Path, branch: str) -> None:
    run(site, "git", "update-ref", "-d", f"refs/heads/{branch}")
    run(site, "git", "update-ref", "-d", f"refs/remotes/origin/{branch}")
    run(site, "git", "push", "--quiet", "origin", f":refs/heads/{branch}")


SCENARIOS = ("first publish", "unchanged", "1 article changed", "1 article added")


def scenarios(site: Path, branch: str, cmd: list[str], runs: int, only: tuple[str, ...]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in SCENARIOS if name in only}
    if "first publish" in only:
        for _ in range(runs):
            forget_branch(site, branch)
            times["first publish"].append(timed(site, cmd))
    if set(only) - {"first publish"}:
        run(site, *cmd)  # the branch holds this site, whatever ran before
    for step in range(runs if "unchanged" in only else 0):
        times["unchanged"].append(timed(site, cmd))
    for step in range(runs if "1 article changed" in only else 0):
        toggle_article(site, step)
        times["1 article changed"].append(timed(site, cmd))
    for step in range(runs if "1 article added" in only else 0):
        add_article(site, step)
        times["1 article added"].append(timed(site, cmd))
    return times


def show(tool: str, times: dict[str, list[float]]) -> None:
    for scenario, walls in times.items():
        print(f"{tool:<22} {scenario:<18} {statistics.median(walls):7.3f} s  [{min(walls):.3f}–{max(walls):.3f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site to publish (see above)")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=SCENARIOS, help="scenarios to run")
    parser.add_argument("--no-anchor", action="store_true", help="skip ghp-import")
    args = parser.parse_args()
    identity = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
                "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    os.environ.update(identity)
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as scratch:
        site = args.site.resolve() if args.site else make_site(Path(scratch), args.articles, CORPUS)
        files = sum(1 for p in (site / "output").rglob("*") if p.is_file())
        articles = sum(1 for _ in (site / "content" / "articles").rglob("*.md"))
        print(f"{articles} articles, {files} files in output/, {args.runs} runs each; wall seconds, median [min–max]")
        only = tuple(args.only)
        show("newsarchive publish", scenarios(site, "gh-pages", [str(BIN / "newsarchive"), "publish", "--no-build"], args.runs, only))
        ghp_import = shutil.which("ghp-import", path=str(BIN)) or shutil.which("ghp-import")
        if args.no_anchor:
            return
        if ghp_import:
            show("ghp-import (anchor)", scenarios(site, "ghp-anchor", [ghp_import, "-n", "-p", "-b", "ghp-anchor", "output"], args.runs, only))
        else:
            print("ghp-import not installed: anchor skipped (.venv/bin/pip install ghp-import)")


if __name__ == "__main__":
    main()
