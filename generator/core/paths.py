"""Where a site keeps each thing, relative to its folder: named once, used by every stage."""

from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "site.yaml"
ARTICLES_DIR = Path("content") / "articles"
RAW_DIR = Path("content") / "raw"
IMPORT_STATE = Path("content") / ".imports.json"
TEMPLATES_DIR = Path("templates")
STATIC_DIR = TEMPLATES_DIR / "static"
I18N_DIR = Path("i18n")  # the site's own interface strings, one file per language
OUTPUT_DIR = Path("output")
CACHE_DIR = Path(".cache")
# serve's own tree: it shows drafts and scheduled articles, which output/ never holds.
PREVIEW_DIR = CACHE_DIR / "preview"


@dataclass(frozen=True)
class SitePaths:
    """The folders and files of one site; `output` is where its built site goes."""

    root: Path
    output: Path
    config: Path
    articles: Path
    raw: Path
    templates: Path
    i18n: Path
    cache: Path

    @classmethod
    def of(cls, root: Path, output: Path | None = None) -> "SitePaths":
        return cls(root, output or root / OUTPUT_DIR, root / CONFIG_NAME, root / ARTICLES_DIR, root / RAW_DIR,
                   root / TEMPLATES_DIR, root / I18N_DIR, root / CACHE_DIR)
