"""Reads what machines read from a built page: JSON-LD, meta tags, link tags, the timeline SVG."""

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.json_ld: list[str] = []
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict] = []
        self.scripts = 0
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
            self._in_json_ld = attrs.get("type") == "application/ld+json"
            if self._in_json_ld:
                self.json_ld.append("")
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.append((attrs.get("property") or attrs["name"], attrs.get("content", "")))
        elif tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def parse_head(html: str) -> _Head:
    parser = _Head()
    parser.feed(html)
    return parser


def json_ld(html: str) -> dict[str, dict]:
    """Every JSON-LD object on the page by its @type."""
    return {obj["@type"]: obj for obj in map(json.loads, parse_head(html).json_ld)}


def meta_tags(html: str) -> dict[str, list[str]]:
    """property or name → every content given for it, in page order."""
    tags: dict[str, list[str]] = {}
    for key, value in parse_head(html).meta:
        tags.setdefault(key, []).append(value)
    return tags


def timeline(html: str) -> ET.Element | None:
    """The timeline chart's <svg>, parsed as XML (the generator writes it well-formed)."""
    start = html.find("<svg")
    if start < 0:
        return None
    return ET.fromstring(html[start:html.index("</svg>", start) + len("</svg>")])
