"""The demo site built into a scratch folder and served on 127.0.0.1, for browser-driven bench scripts."""

import functools
import http.server
import shutil
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

from generator.build import build_site

REPO = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_demo(workdir: Path, base_url: str) -> Path:
    """Build a copy of the repo's demo site whose base_url is where it will be served; returns output/."""
    site = workdir / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    shutil.copytree(REPO / "content", site / "content")
    config = (REPO / "site.yaml").read_text(encoding="utf-8")
    # Canonical and OpenGraph URLs then name the server the browser talks to, as on a real host.
    lines = [f'base_url: "{base_url}"' if line.startswith("base_url:") else line for line in config.splitlines()]
    (site / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_site(site)
    return (site / "output").resolve()


@contextmanager
def served(workdir: Path):
    """Yields (base URL, output folder) of the built demo while a static server runs on loopback."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/"
    output = build_demo(workdir, base_url)
    handler = functools.partial(_QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url, output
    finally:
        server.shutdown()
        server.server_close()


def page_urls(base_url: str, output: Path) -> dict[str, str]:
    """The page kinds the bench scripts look at: home, the newest article, and search when the site has it."""
    articles = sorted(p.parent for p in output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"))
    urls = {"home": base_url, "article": base_url + articles[-1].relative_to(output).as_posix() + "/"}
    search = output / "search" / "index.html"
    if search.is_file():
        urls["search"] = base_url + "search/?q=" + "Verhandlungen"
    return urls
