#!/usr/bin/env python3
"""Screenshots of every page kind a reader meets, at phone and desktop widths, for the docs.

    python bench/screenshots.py [--out docs/screenshots] [--big-site DIR] [--chromium /usr/bin/chromium]

Two sites are drawn in headless Chromium (through playwright) at 390 px and 1366 px wide:
- the demo site, served on 127.0.0.1: home, an article (also on a phone in the dark theme),
  search results, and the 404 page opened from disk (file://), as a reader of a copied
  archive would see it;
- a 10,000-article site of real news (shared/corpus/build_corpus.py, English, 20 a page):
  its busiest month, the last page of the home listing, the archive page, and a search with
  more than 100 hits scrolled to the end of its results. --big-site reuses such a site already
  built (its folder holds site.yaml and output/); otherwise it is made in a scratch folder,
  which takes a few minutes.

Writes docs/screenshots/<page>-<phone|desktop>.png, shrunk with pngquant when it is installed
(Debian package `pngquant`) so the repository stays small.
"""

import argparse
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.demo_site import CHROMIUM_FLAGS, REPO, page_urls, served  # noqa: E402
from bench.devdata import shared_folder  # noqa: E402
from generator.build import build_site  # noqa: E402

WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
BIG_ARTICLES = 10_000
BIG_SITE_YAML = 'title: "Wire Archive"\nbase_url: "https://archive.example.org/"\nlanguage: en\nper_page: 20\n'
BIG_QUERY = "oil"  # Reuters 1987: several hundred hits among 10,000 articles


def big_site(workdir: Path) -> Path:
    """A built 10,000-article site of real news; returns its folder."""
    corpus = shared_folder("corpus/build_corpus.py") / "corpus" / "build_corpus.py"
    site = workdir / "big"
    articles = site / "content" / "articles"
    articles.mkdir(parents=True)
    subprocess.run([sys.executable, str(corpus), str(BIG_ARTICLES), str(articles), "--quiet"], check=True)
    (site / "site.yaml").write_text(BIG_SITE_YAML, encoding="utf-8")
    print(f"building a {BIG_ARTICLES:,}-article site in {site} …", file=sys.stderr)
    build_site(site)
    return site


@contextmanager
def serve_folder(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def busiest_month(output: Path) -> str:
    """The site path of the month page whose month holds the most articles (read from the archive page)."""
    archive = (output / "archive" / "index.html").read_text(encoding="utf-8")
    cells = re.findall(r'<a href="\.\./(\d{4}/\d\d/)index\.html"[^>]*><span class="m">[^<]*</span> '
                       r'<span class="n">([\d,.\u00a0\u202f]+)</span>', archive)
    return max(cells, key=lambda c: int(re.sub(r"\D", "", c[1])))[0]


def oldest_page(output: Path) -> str:
    """The home listing's last page: numbered pages count from the oldest article, so it is page 1."""
    assert (output / "page" / "1" / "index.html").is_file(), "the site has a single page of articles"
    return "page/1/"


def scroll_to_end(page, settle_ms: int = 600, rounds: int = 40) -> None:
    """Scroll until the page stops growing: results that load on scroll or on 'show more' arrive."""
    height = -1
    for _ in range(rounds):
        more = page.locator("main button:not(form button)")  # a "show more" under the results
        if more.count() and more.first.is_visible():
            more.first.click()
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(settle_ms)
        now = page.evaluate("document.documentElement.scrollHeight")
        if now == height:
            return
        height = now


def shrink(target: Path) -> None:
    if shutil.which("pngquant"):
        # A page is a few flat colours and text: 256 colours look the same at a third of the bytes.
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--quality=70-95",
                        "--output", str(target), str(target)], check=False)


def draw(browser, shots: dict[str, tuple[str, str | None]], out: Path) -> None:
    """Each of `shots` (name → (URL, what to wait for or do)) at every width; the article also dark."""
    for name, (url, then) in shots.items():
        for width_name, (width, height) in WIDTHS.items():
            schemes = ["light", "dark"] if name == "article" and width_name == "phone" else ["light"]
            for scheme in schemes:
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                page.goto(url)
                if then == "results":
                    page.wait_for_selector("#search-results li")
                elif then == "results-end":
                    page.wait_for_selector("#search-results li")
                    scroll_to_end(page)
                elif then == "end":  # where the pager is
                    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
                page.wait_for_timeout(200)
                suffix = "-dark" if scheme == "dark" else ""
                target = out / f"{name}-{width_name}{suffix}.png"
                page.screenshot(path=str(target))
                page.close()
                shrink(target)
                print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}  {url}")


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--big-site", type=Path, help="a built 10,000-article site to reuse")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, served(Path(work)) as (base_url, output):
        big = args.big_site.resolve() if args.big_site else big_site(Path(work))
        big_output = (big / "output").resolve()
        demo = page_urls(base_url, output)
        with serve_folder(big_output) as big_url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_FLAGS)
            shots = {
                "home": (demo["home"], None),
                "article": (demo["article"], None),
                "search": (demo["search"], "results"),
                "not-found": ((output / "404.html").as_uri(), None),
                "month": (big_url + busiest_month(big_output), None),
                "listing-last": (big_url + oldest_page(big_output), "end"),
                "archive": (big_url + "archive/", None),
                "search-end": (big_url + "search/?q=" + BIG_QUERY, "results-end"),
            }
            draw(browser, shots, args.out)
            browser.close()


if __name__ == "__main__":
    main()
