"""Walks a built site the way a browser would follow its links."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


class _Active(HTMLParser):
    """Collects what a browser would execute: script elements, event handlers, script URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed") and not self._is_ours(tag, attrs):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and value:
                scheme = "".join(value.split()).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"<{tag} {name}={value}>")

    @staticmethod
    def _is_ours(tag, attrs):
        # JSON-LD and the theme's search script (its stemmers and search code) are not content;
        # they are checked by their own tests.
        attrs, src = dict(attrs), dict(attrs).get("src") or ""
        return tag == "script" and (attrs.get("type") == "application/ld+json"
                                    or re.search(r"static/search\.js$", src) is not None)


def active_content(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    return parser.found


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def broken_links(output: Path, base_path: str = "/") -> list[str]:
    """'page -> link' for every internal href/src in the site's HTML that does not resolve to a file."""
    broken = []
    for page in sorted(output.rglob("*.html")):
        for link in links_of(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//")):
                continue
            path = unquote(parts.path)
            if not path:
                continue
            if path.startswith("/"):
                # Only the 404 page uses root-relative links, since it is served at any depth.
                if not path.startswith(base_path):
                    broken.append(f"{page.relative_to(output)} -> {link}")
                    continue
                target = output / path[len(base_path):]
            else:
                target = page.parent / path
            if target.is_dir():
                target = target / "index.html"
            if not target.resolve().is_file() or not target.resolve().is_relative_to(output.resolve()):
                broken.append(f"{page.relative_to(output)} -> {link}")
    return broken
