"""`newsarchive serve`: the site on a local port, rebuilt on every save and reloaded in open tabs.

The preview is built into its own tree, .cache/preview, with drafts and scheduled articles shown
and marked as such: output/, the tree `publish` sends, never holds them.

The `livereload` package (on tornado) serves the files and injects its reload script into HTML
responses as they are sent, so built files never contain it. Everything livereload-specific
stays in this module.
"""

import html
import ipaddress
import os
import sys
import time
import webbrowser
from pathlib import Path
from urllib.parse import urlsplit

from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher
from tornado import escape, web
from tornado.ioloop import IOLoop

from generator.core.config import load_config
from generator.core.errors import BuildFailed, SiteError, note, os_error_text, say
from generator.core.model import BuildReport, Changes
from generator.core.plural import counted
from generator.core.clock import now
from generator.core.paths import OUTPUT_DIR, PREVIEW_DIR, SitePaths
from generator.organise.visibility import Visibility
from generator.output.writer import prepare_spare, seed_from
from generator.preview.watch import Inotify, classify
from generator.shown import remember_shown
from generator.site import Site
from generator.status import record_outcome

DEBOUNCE = 0.05  # seconds of quiet before rebuilding: an editor or a script often saves several files at once
SEARCH_AFTER = 2.0  # seconds of quiet before re-indexing for search, which takes seconds on a large archive

# livereload's snippet: it loads the reload client from whatever host and port served the page.
_LIVE_SCRIPT = (b'<script>(function(){var s=document.createElement("script");var port=window.location.port||'
                b'(window.location.protocol=="https:"?443:80);s.src="//"+window.location.hostname+":"+port+'
                b'"/livereload.js?port="+port;document.head.appendChild(s);})();</script>')


def error_page(errors: list[SiteError], tree: str = "The preview") -> bytes:
    """What the browser shows while the site does not build: every error, with file and line."""
    items = "".join(f"<li><code>{html.escape(str(e))}</code></li>" for e in errors)
    return (f'<!doctype html>\n<html><head><meta charset="utf-8"><title>Build failed</title></head>\n'
            f"<body><h1>Build failed</h1>\n<ul>{items}</ul>\n"
            f"<p>{html.escape(tree)} still holds the last good build. Fix the file and save: this page reloads by itself.</p>"
            f"</body></html>\n").encode("utf-8")


def _is_page(url_path: str) -> bool:
    name = url_path.rsplit("/", 1)[-1]
    return name == "" or name.endswith(".html") or "." not in name


class _PageHandler(StaticFileHandler):
    """Files of the current output tree only; the error page instead of pages while the build fails."""

    def initialize(self, path, default_filename=None, preview=None):
        super().initialize(path, default_filename)
        self.preview = preview

    async def get(self, path, include_body=True):
        if not self.preview.errors and not (os.path.isdir(self.root) and os.listdir(self.root)):
            self.preview.restore_output()
        if _is_page(path):
            self.preview.served[self.request.path] = self.preview.generation
        if self.preview.errors and _is_page(path):
            self.set_status(500)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(error_page(self.preview.errors, self.preview.tree_name()))
            return
        await super().get(path, include_body)

    @classmethod
    def get_absolute_path(cls, root, path):
        return os.path.abspath(os.path.join(root, path))  # checked below, where a way out is a 404

    def validate_absolute_path(self, root, absolute_path):
        # output/ is a symlink that flips after each build: resolve it per request and compare
        # resolved paths, so neither '..' nor a symlink leads out of the tree being served.
        tree = os.path.realpath(root)
        path = os.path.realpath(absolute_path)
        if ".." in self.path.split("/") or (path != tree and not path.startswith(tree + os.sep)):
            raise web.HTTPError(404)
        if os.path.isdir(path):
            if not self.request.path.endswith("/"):
                self.redirect(self.request.path + "/", permanent=False)
                return None
            path = os.path.join(path, self.default_filename)
        if not os.path.isfile(path):
            raise web.HTTPError(404)  # never a folder listing
        return path

    def compute_etag(self):
        return None  # pages change under the same URL after every save

    def write_error(self, status_code, **kwargs):
        self.set_header("Content-Type", "text/html; charset=utf-8")
        if status_code == 404:  # the site's own page, as the host will answer
            try:
                self.finish(Path(self.root, "404.html").read_bytes())
                return
            except OSError:
                pass
        self.finish(f"<!doctype html>\n<html><head><title>{status_code}</title></head>"
                    f"<body><h1>{status_code}: {html.escape(self._reason)}</h1></body></html>\n")


class _ReloadSocket(LiveReloadHandler):
    """livereload's socket, which also reloads a tab whose page predates the last rebuild.

    A tab that reloads opens its socket a moment after the page arrives; a save in that moment
    broadcasts to nobody, and the tab would show the old page until the next save.
    """

    preview: "Preview"

    def on_message(self, message):
        super().on_message(message)
        hello = escape.json_decode(message)
        if hello.get("command") == "info" and "url" in hello:
            served = self.preview.served.get(urlsplit(hello["url"]).path)
            if served is not None and served < self.preview.generation:
                self.send_message({"command": "reload", "path": "*", "liveCSS": True, "liveImg": True})


class _KernelWatcher(Watcher):
    """livereload's watcher, told of changes by inotify instead of polling every file."""

    def __init__(self, on_change):
        super().__init__()
        self.inotify = Inotify()
        self.on_change = on_change

    def watch(self, path, func=None, delay=None, ignore=None):
        super().watch(path, func, delay, ignore)
        target = Path(path)
        # A single file is watched through its folder: editors save by replacing the file.
        self.inotify.watch(target if target.is_dir() else target.parent, recursive=target.is_dir())

    def start(self, callback):
        IOLoop.current().add_handler(self.inotify.fd, lambda fd, events: self.on_change(self.inotify.changes()),
                                     IOLoop.READ)
        return True  # no polling


class _Server(Server):
    def __init__(self, preview: "Preview", watcher: Watcher | None, on_listening=lambda: None):
        super().__init__(watcher=watcher)
        self.preview = preview
        self.on_listening = on_listening

    def application(self, port, host, liveport=None, debug=None, live_css=True):
        # livereload's own, less what the preview does not use (a second port, debug mode,
        # /forcereload), and with our socket handler in place of its own.
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        _ReloadSocket.preview = self.preview

        class Injector(LiveScriptInjector):
            script = _LIVE_SCRIPT

        handlers = [(r"/livereload", _ReloadSocket), (r"/livereload.js", LiveReloadJSHandler),
                    *self.get_web_handlers(_LIVE_SCRIPT)]
        web.Application(handlers=handlers, transforms=[Injector]).listen(port, address=host)
        # Only now is the port ours: a busy one fails above, before anything says it is served.
        self.on_listening()

    def get_web_handlers(self, script):
        return [(r"/(.*)", _PageHandler, {"path": str(self.preview.site.paths.output),
                                          "default_filename": "index.html", "preview": self.preview})]

    def _setup_logging(self):
        pass  # the preview prints one line per rebuild itself


class Preview:
    """The site, its last build errors, and the saves waiting to be rebuilt."""

    def __init__(self, site_root: Path, stream=sys.stderr, output_dir: Path | None = None,
                 overrides: dict | None = None):
        self.site = Site(site_root, output_dir or site_root / PREVIEW_DIR, keep_index=True, overrides=overrides,
                         visibility=Visibility(now(), drafts=True, future=True))
        self.errors: list[SiteError] = []
        self.pending: set[Path] | None = set()  # None: events were lost, look at everything
        self.timer = self.search_timer = None
        self.stream = stream
        self.generation = 0  # counts the rebuilds that reloaded the tabs
        self.served: dict[str, int] = {}  # URL path -> the generation its page was last sent at

    def _record(self, failure) -> None:
        # Only output/ is what `publish --no-build` sends; a preview built elsewhere says nothing about
        # it. One built into output/ (--output output) holds drafts: kept like a failure, so that
        # `publish --no-build` refuses it.
        if self.site.paths.output == self.site.root / OUTPUT_DIR:
            record_outcome(self.site.root, failure or SiteError(None, "it was a preview, with drafts and scheduled "
                                                                      "articles"))

    def build(self, changes: Changes | None, search: bool = True) -> None:
        start = time.perf_counter()
        try:
            report = self.site.build(changes, search)
        except BuildFailed as failed:
            self.errors = failed.errors
            self._record(failed)  # so `publish --no-build` refuses the stale output/
        except SiteError as error:
            self.errors = [error]
            self._record(error)
        except OSError as error:  # a full disk, say: shown like any error, and the next save tries again
            self.errors = [SiteError(None, f"{os_error_text(error, self.site.root)}; {self.tree_name()} still holds the "
                                           f"previous site")]
            self._record(error)
        else:
            self.errors = []
            self._record(None)
            self._say(report, changes, time.perf_counter() - start)
        for error in self.errors:
            say("error", str(error), self.stream)

    def start(self) -> None:
        """The first build, and the tree the next one will update made ready."""
        # A first preview of a site built before starts from output/: only the pages that differ
        # (those showing drafts or scheduled articles) are rendered, not the whole archive again.
        output, built = self.site.paths.output, self.site.root / OUTPUT_DIR
        if output != built and seed_from(output, built):
            say("note", f"{self.tree_name()} starts from {OUTPUT_DIR}/", self.stream)
        self.build(None)
        prepare_spare(output)

    def tree_name(self) -> str:
        """The preview's tree as the user knows it: '.cache/preview/', or the folder --output named."""
        output = self.site.paths.output
        try:
            return f"{output.relative_to(self.site.root).as_posix()}/"
        except ValueError:
            return f"{output}/"

    def restore_output(self) -> None:
        """output/ was deleted (or emptied) while serving: built again from the top, before the
        request is answered."""
        note(f"{self.tree_name()} was deleted; building it again")
        self.build(None)

    def _say(self, report: BuildReport, changes: Changes | None, seconds: float) -> None:
        for warning in report.warnings:
            if warning not in report.repeats:
                say("warning", warning, self.stream)
        remember_shown(self.site.root, frozenset(report.warnings))
        what = changes.describe() if changes else f"built {counted(report.articles, 'article')}"
        repeats = f"; {counted(len(report.repeats), 'warning')} as before" if report.repeats else ""
        print(f"{what}: {report.rendered} rendered, {report.written} written, {report.deleted} deleted "
              f"in {seconds:.2f}s{repeats}", file=self.stream, flush=True)

    def changed(self, paths: set[Path] | None) -> None:
        """Called for every batch of file events; the rebuild waits for DEBOUNCE seconds of quiet."""
        self.pending = None if paths is None or self.pending is None else self.pending | paths
        loop = IOLoop.current()
        for timer in (self.timer, self.search_timer):
            if timer is not None:
                loop.remove_timeout(timer)
        self.timer = loop.call_later(DEBOUNCE, self.flush)

    def flush(self) -> None:
        self.timer = None
        changes = classify(self.site.root, self.pending)
        self.pending = set()
        if not changes:
            return
        had_errors = bool(self.errors)
        # The pages first, so the tab reloads at once; the search files when the editing pauses.
        self.build(changes, search=False)
        only_style = all(p.suffix == ".css" for p in changes.static) and changes == Changes(static=changes.static)
        # livereload.js swaps stylesheets in place when told a .css file changed; anything else reloads the page.
        path = min(changes.static).name if only_style and not self.errors and not had_errors else "*"
        self.generation += 1
        LiveReloadHandler.reload_waiters(path)
        self.search_timer = IOLoop.current().call_later(SEARCH_AFTER, self.refresh_search)

    def refresh_search(self) -> None:
        self.search_timer = None
        if self.site.search_stale and not self.errors:
            self.build(Changes())


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _browser_host(host: str) -> str:
    """Where a browser on this machine reaches a server bound to `host` (not to the address 'any')."""
    try:
        return "localhost" if ipaddress.ip_address(host).is_unspecified else host
    except ValueError:
        return host


def serve(site_root: Path, host: str = "127.0.0.1", port: int = 8000, stream=sys.stderr,
          output_dir: Path | None = None, overrides: dict | None = None, open_browser: bool = False) -> None:
    """Build the preview into .cache/preview (or `output_dir`), serve it at http://host:port/ and
    rebuild it on every save until interrupted."""
    site_root = site_root.absolute()
    paths = SitePaths.of(site_root)
    if not paths.config.is_file():
        load_config(site_root)  # says what is missing and how to make a site, as every verb does
    preview = Preview(site_root, stream, output_dir, overrides)
    preview.start()
    try:
        watcher = _KernelWatcher(preview.changed)
    except (OSError, AttributeError):
        watcher = None  # no inotify (not Linux): livereload polls the files instead
    def announce():
        print(f"serving http://{host}:{port}/ (rebuilds on save; Ctrl-C stops)", file=stream, flush=True)
        if open_browser:
            webbrowser.open(f"http://{_browser_host(host)}:{port}/")

    server = _Server(preview, watcher, announce)
    for watched in (paths.articles, paths.raw, paths.templates, paths.i18n, paths.config):
        if watched.exists():
            server.watch(str(watched), lambda: preview.changed(None))
    if not is_loopback(host):
        say("warning", f"serving on {host}: anyone who can reach this machine can read the preview", stream)
    try:
        server.serve(port=port, host=host, root=str(preview.site.paths.output), restart_delay=0)
    except OSError as exc:
        raise SiteError(None, f"cannot serve on {host}:{port}: {exc.strerror}") from None
