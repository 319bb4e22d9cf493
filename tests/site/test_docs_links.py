"""Relative links in README.md and docs/*.md lead somewhere: the file exists, and a #anchor into a
Markdown file names one of its headings (slugged as GitHub does), so the pages read well on a forge."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpers.sites import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_TARGET = re.compile(r"\]\(\s*(<[^>]*>|[^)\s]*)")  # [text](target …) and ![alt](target …)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_HTML_TARGET = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.I)
_HTML_ANCHOR = re.compile(r"""<a\b[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def prose_lines(text: str) -> list[str]:
    """The lines outside fenced code blocks, with inline code spans blanked out."""
    lines, fence = [], None
    for line in text.splitlines():
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            continue
        if fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            continue
        lines.append(line)
    return lines


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: its text as rendered, lower-cased, punctuation dropped
    (letters, digits, '_', '-' and spaces stay), spaces turned into '-'."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links and images: their text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "")
    text = re.sub(r"(\*\*|__|\*)(.+?)\1", r"\2", text)
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every anchor a page offers: its headings' slugs (repeats numbered -1, -2 … as on GitHub)
    and explicit <a id=…> or <a name=…>."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    text = page.read_text(encoding="utf-8")
    for line in prose_lines(text):
        heading = _HEADING.match(line)
        if heading:
            slug = github_slug(heading.group(2))
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
        found.update(_HTML_ANCHOR.findall(line))
    return found


def link_targets(page: Path) -> list[str]:
    targets = []
    for line in prose_lines(page.read_text(encoding="utf-8")):
        targets += _HTML_TARGET.findall(line)
        line = _CODE_SPAN.sub("", line)
        targets += _INLINE_TARGET.findall(line) + _REFERENCE.findall(line)
    return [t[1:-1] if t.startswith("<") else t for t in targets]


def broken_links(page: Path) -> list[str]:
    """The page's relative links that lead nowhere, each with the reason."""
    problems = []
    for target in link_targets(page):
        if not target or _SCHEME.match(target) or target.startswith("//"):
            continue  # web and mail addresses are not checked here
        path_part, _, anchor = target.partition("#")
        destination = (page.parent / unquote(path_part)).resolve() if path_part else page
        if not destination.exists():
            problems.append(f"{target}: no such file")
        elif anchor and destination.suffix == ".md" and unquote(anchor) not in anchors(destination):
            problems.append(f"{target}: no heading #{anchor} in {destination.name}")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(REPO).as_posix() for p in PAGES])
def test_every_relative_link_resolves(page):
    assert broken_links(page) == []


def test_docs_pages_exist():
    assert len(PAGES) > 1


def test_a_broken_link_or_anchor_is_caught(tmp_path):
    (tmp_path / "other.md").write_text("# Other page\n\n## Set up (fresh machine)\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[ok](other.md#set-up-fresh-machine) [gone](missing.md) ![img](pic.png)\n"
                    "[bad anchor](other.md#set-up) `[code](not-a-link.md)`\n\n```\n[fenced](nope.md)\n```\n",
                    encoding="utf-8")
    assert broken_links(page) == ["missing.md: no such file", "pic.png: no such file",
                                  "other.md#set-up: no heading #set-up in other.md"]


def test_github_slugs():
    assert github_slug("GitHub Pages by hand") == "github-pages-by-hand"
    assert github_slug("`site.yaml` reference") == "siteyaml-reference"
    assert github_slug("Set up (fresh machine)") == "set-up-fresh-machine"
    assert github_slug("`--dry-run` and `--force`") == "--dry-run-and---force"
    assert github_slug("Größe & Umlaute") == "größe--umlaute"
