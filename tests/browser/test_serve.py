"""`newsarchive serve`: a real server process, driven over HTTP and from headless Chromium."""

import asyncio
import http.client
import io
import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from playwright import sync_api
from tornado.ioloop import IOLoop

from helpers.browser import browser
from generator.core.errors import SiteError
from generator.preview import server as serve
from generator.preview.server import error_page, is_loopback

WAIT = 30_000  # ms a page may take to show a change: generous, the machine may be busy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`newsarchive serve` in a subprocess; its stderr is collected line by line."""

    def __init__(self, site, *args):
        self.port = free_port()
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "--site", str(site), "serve", "--port", str(self.port), *args],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        threading.Thread(target=lambda: self.lines.extend(self.proc.stderr), daemon=True).start()

    def wait_for(self, text: str, timeout: float = 60, times: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while sum(text in line for line in self.lines) < times:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server never said {text!r}: {''.join(self.lines)}")
            time.sleep(0.05)

    def get(self, path: str) -> tuple[int, str, bytes]:
        """A GET with the path sent exactly as written (no client-side normalisation of '..')."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", path)
        response = conn.getresponse()
        result = response.status, response.getheader("Content-Type", ""), response.read()
        conn.close()
        return result

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture
def server(site):
    running = Server(site)
    running.wait_for("serving http://")
    yield running
    running.stop()


TRAVERSALS = ["/../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E%2Fsite.yaml", "/..%2fsite.yaml", "/.%2e/site.yaml",
              "/static/../../site.yaml", "/static/%2e%2e/%2e%2e/site.yaml", "/%2fetc%2fpasswd",
              "/..%2f..%2f..%2fetc/passwd", "/../.output/a/index.html", "/../.cache/articles.pickle"]


def test_paths_leading_out_of_output_are_not_found(server):
    for path in TRAVERSALS:
        status, _, body = server.get(path)
        assert status == 404, path
        assert b"base_url" not in body and b"root:" not in body, path


def test_unknown_addresses_get_the_site_s_own_404_page(server):
    status, _, body = server.get("/2025/08/nothing-here/")
    assert status == 404 and "Seite nicht gefunden".encode() in body and b"<style>" in body


def test_pages_have_their_types_and_folders_their_index(server, site):
    status, kind, body = server.get("/")
    assert (status, kind) == (200, "text/html; charset=UTF-8") or (status, kind.lower()) == (200, "text/html")
    assert b"Verhandlungen in Genf" in body
    assert server.get("/static/style.css")[:2] == (200, "text/css")
    assert server.get("/feed.xml")[1] in ("application/xml", "application/atom+xml", "text/xml")
    assert server.get("/2025/")[0] == 200
    assert server.get("/static/")[0] == 404  # a folder without index.html is not listed


def test_reload_script_is_only_in_served_pages(server, site):
    assert b"livereload.js" in server.get("/")[2]
    built = [p.read_bytes() for p in (site / ".cache/preview").rglob("*.html")]
    assert built and not any(b"livereload" in page for page in built)


def test_serving_beyond_loopback_warns(site):
    running = Server(site, "--host", "0.0.0.0")
    try:
        running.wait_for("serving http://")
        assert any(line.startswith("warning: serving on 0.0.0.0") for line in running.lines)
    finally:
        running.stop()
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


def test_port_in_use_is_one_line_error(site, server):
    result = subprocess.run([sys.executable, "-m", "generator", "--site", str(site), "serve", "--port", str(server.port)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"error: cannot serve on 127.0.0.1:{server.port}" in result.stderr and "Traceback" not in result.stderr


def test_error_page_escapes_the_message():
    page = error_page([SiteError("content/articles/x.md", "front matter: <script>", 3)]).decode()
    assert "content/articles/x.md:3: front matter: &lt;script&gt;" in page and "<script>" not in page


def test_browser_follows_edits_errors_and_recovery_without_manual_reload(server, site):
    article = site / "content/articles/a.md"
    good = article.read_text(encoding="utf-8")
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/")
        body = page.locator("body")
        sync_api.expect(body).to_contain_text("Verhandlungen in Genf")
        page.wait_for_function("() => window.LiveReload !== undefined")  # the reload socket is connected

        article.write_text(good.replace("Verhandlungen in Genf", "Gespräche in Genf"), encoding="utf-8")
        sync_api.expect(body).to_contain_text("Gespräche in Genf", timeout=WAIT)

        article.write_text("---\ntitle: [kaputt\ndate: 2025-08-20\n---\nText\n", encoding="utf-8")
        sync_api.expect(body).to_contain_text("Build failed", timeout=WAIT)
        sync_api.expect(body).to_contain_text("content/articles/a.md:2: front matter: invalid YAML")

        article.write_text(good.replace("Verhandlungen in Genf", "Gespräche in Genf wieder"), encoding="utf-8")
        sync_api.expect(body).to_contain_text("Gespräche in Genf wieder", timeout=WAIT)
        sync_api.expect(body).not_to_contain_text("Build failed")


def test_a_burst_of_saves_makes_one_rebuild_of_all_of_them(site, monkeypatch):
    monkeypatch.setattr(serve, "DEBOUNCE", 0.5)  # long enough that a busy machine never splits the burst
    preview = serve.Preview(site.absolute(), stream=io.StringIO())
    builds = []
    preview.build = lambda changes, search=True: builds.append(changes)
    saved = [site.absolute() / f"content/articles/{n}.md" for n in range(6)]

    async def burst():
        for path in saved:  # an editor or a script writing file after file, for longer than DEBOUNCE
            preview.changed({path})
            await asyncio.sleep(0.15)
        await asyncio.sleep(1.0)

    IOLoop().run_sync(burst)
    assert [changes.articles for changes in builds] == [set(saved)]


def _hello(port: int, page_url: str) -> list[dict]:
    """Connect a reload socket as livereload.js does, and collect what the server says within two seconds."""
    from tornado.escape import json_decode, json_encode
    from tornado.websocket import websocket_connect

    async def talk():
        socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        socket_.write_message(json_encode({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        socket_.write_message(json_encode({"command": "info", "url": page_url, "plugins": {}}))
        said = []
        try:
            while (message := await asyncio.wait_for(socket_.read_message(), 2)) is not None:
                said.append(json_decode(message))
        except asyncio.TimeoutError:
            pass
        socket_.close()
        return said

    return asyncio.run(talk())


def test_tab_whose_socket_connects_after_a_rebuild_still_reloads(server, site):
    # A reloading tab opens its socket a moment after its page arrives; a save in that moment must not be lost.
    url = f"http://127.0.0.1:{server.port}/"
    assert server.get("/")[0] == 200
    assert [m["command"] for m in _hello(server.port, url)] == ["hello"]  # nothing changed: no reload

    article = site / "content/articles/a.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Verhandlungen", "Gespräche"), encoding="utf-8")
    server.wait_for("rendered", times=2)  # the first build, then the rebuild
    assert [m["command"] for m in _hello(server.port, url)] == ["hello", "reload"]

    assert server.get("/")[0] == 200  # the tab reloaded: its page is now current
    assert [m["command"] for m in _hello(server.port, url)] == ["hello"]
