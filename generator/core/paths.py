"""Where a site keeps each thing, relative to its folder: named once, used by every stage."""

from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "site.yaml"
ARTICLES_DIR = Path("content") / "articles"
RAW_DIR = Path("content") / "raw"
IMPORT_STATE = Path("content") / ".imports.json"
TEMPLATES_DIR = Path("templates")
STATIC_DIR = TEMPLATES_DIR / "static"
OUTPUT_DIR = Path("output")
CACHE_DIR = Path(".cache")


@dataclass(frozen=True)
class SitePaths:
    """The folders and files of the site at `root`; `output` is where the built site goes."""

    root: Path
    output: Path

    @classmethod
    def of(cls, root: Path, output: Path | None = None) -> "SitePaths":
        return cls(root, output or root / OUTPUT_DIR)

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def articles(self) -> Path:
        return self.root / ARTICLES_DIR

    @property
    def raw(self) -> Path:
        return self.root / RAW_DIR

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES_DIR

    @property
    def cache(self) -> Path:
        return self.root / CACHE_DIR
