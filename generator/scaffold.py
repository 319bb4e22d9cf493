"""`newsarchive init`: a new, empty site that builds at once."""

from pathlib import Path

from generator.core.paths import ARTICLES_DIR, CONFIG_NAME, RAW_DIR, TEMPLATES_DIR
from generator.core.errors import SiteError

SITE_YAML = """\
# newsarchive site settings; every key is documented in newsarchive's docs/configuration.md.
title: "{title}"
description: ""
base_url: "https://example.org/"
language: en        # de or en: UI strings and dates
timezone: UTC       # for article dates given without an offset
per_page: 20
"""

GITIGNORE = "output\n.output/\n.cache/\n"


def init_site(target: Path) -> list[Path]:
    """Create the skeleton in `target` (new, or an existing folder with nothing but hidden files)."""
    if target.exists():
        if not target.is_dir():
            raise SiteError(target, "exists and is not a folder")
        visible = [p.name for p in target.iterdir() if not p.name.startswith(".")]
        if visible:
            raise SiteError(target, f"is not empty ({', '.join(sorted(visible)[:3])} …): init needs a new or empty folder")
    created = [target / CONFIG_NAME, target / ARTICLES_DIR, target / RAW_DIR, target / TEMPLATES_DIR, target / ".gitignore"]
    for folder in created[1:4]:
        folder.mkdir(parents=True, exist_ok=True)
    title = target.resolve().name.replace("-", " ").replace("_", " ").strip().title() or "News archive"
    (target / CONFIG_NAME).write_text(SITE_YAML.format(title=title.replace('"', "'")), encoding="utf-8")
    gitignore = target / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text(GITIGNORE, encoding="utf-8")
    return created
