"""Scraped content is hostile until proven otherwise: nothing in it may execute or escape output/."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from helpers.sites import make_site
from generator.build import build_site
from helpers.sitecheck import active_content, broken_links

ATTACKS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(3)",
    "</script><script>alert(4)</script>", '"><svg onload=alert(5)>', "{{ 7*7 }}", "{% raw %}x{% endraw %}",
    "data:text/html,<script>alert(6)</script>", "\u202egnp.exe", "tab\there\x07bell\x1bescape",
]


def yaml_string(text: str) -> str:
    return json.dumps(text)  # JSON strings are YAML double-quoted strings


def hostile_site(root: Path) -> Path:
    site = make_site(root / "site")
    articles = site / "content" / "articles"
    for n, attack in enumerate(ATTACKS):
        front = "\n".join([
            f"title: {yaml_string('Titel ' + attack)}",
            f'date: "2025-0{1 + n % 9}-1{n % 9}T10:00:00+02:00"',
            f"source: {yaml_string(attack)}",
            f"tags: [{yaml_string(attack)}, {yaml_string('../../' + attack)}]",
            f"locations: [{yaml_string('/etc/' + attack)}]",
            f"summary: {yaml_string(attack)}",
            f"url: {yaml_string(attack)}",
            f"slug: {yaml_string('../../../escape' + str(n))}" if n % 2 else f"author: {yaml_string(attack)}",
            f"custom: {yaml_string(attack)}",
        ])
        body = f"{attack}\n\n[klick]({attack})\n\n<a href=\"{attack}\">x</a> <iframe src=\"{attack}\"></iframe>\n"
        (articles / f"{n:02d}.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    big = "Riesig " * 20000
    (articles / "huge.md").write_text(
        f"---\ntitle: {yaml_string(big)}\ndate: 2025-05-05\ntags: {json.dumps([f't{i}' for i in range(500)])}\n---\n{big}\n",
        encoding="utf-8")
    return site


def files_under(folder: Path) -> set[str]:
    """Every path under `folder` except the build's own output and cache."""
    built = ("site/output", "site/.output", "site/.cache")
    return {p for p in (q.relative_to(folder).as_posix() for q in folder.rglob("*")) if not p.startswith(built)}


def test_hostile_articles_build_into_inert_pages_inside_output(tmp_path):
    site = hostile_site(tmp_path)
    before = files_under(tmp_path)
    build_site(site)
    assert files_under(tmp_path) == before  # nothing written beside or above the site's output
    output = site / "output"
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert active_content(html) == [], page
        for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            json.loads(script)  # still one parseable JSON block: no early </script>
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069]", html), page
    for feed in output.rglob("*.xml"):
        tree = ET.parse(feed)  # well-formed despite control characters in the input
        for element in tree.iter():
            if element.get("type") == "html":
                assert active_content(element.text or "") == [], feed
    assert broken_links(output, "/archiv/") == []
    everything = "".join(p.read_text(encoding="utf-8") for p in pages)
    # template syntax in content is shown as written, never evaluated
    assert "Titel {{ 7*7 }}" in everything and "Titel 49" not in everything
    assert "Titel {% raw %}x{% endraw %}" in everything and "Titel x<" not in everything
