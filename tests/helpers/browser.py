"""Real headless Chromium (Debian's /usr/bin/chromium) and a static server on 127.0.0.1 for browser tests."""

import functools
import http.server
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("browser tests need Debian's chromium (apt-get install chromium; make test installs it)")
    return path


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def page_without_errors(chromium, url: str | None = None):
    """A page in a context of its own (no cache or storage shared with other tests), opened at
    `url`; the test fails if a script on it threw."""
    context = chromium.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if url:
        page.goto(url)
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def static_server(folder: Path, mount: dict[str, Path] | None = None):
    """Serve `folder` on a free loopback port, as any static host would; yields the base URL.

    `mount` serves other folders under sub-paths (a site whose base_url has a path).
    """
    if mount:
        root = Path(tempfile.mkdtemp(prefix="served-", dir=folder))
        for name, target in mount.items():
            (root / name).symlink_to(target.resolve())
        folder = root
    handler = functools.partial(_QuietHandler, directory=str(folder.resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
