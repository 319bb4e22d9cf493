"""Small sites written into a folder, the repository's demo site, and built output read back as bytes."""

import shutil
import tempfile
import textwrap
from pathlib import Path

from generator.build import build_site

REPO = Path(__file__).resolve().parents[2]

SITE_YAML = """\
title: "Testarchiv"
base_url: "https://news.example.org/archiv/"
language: {language}
timezone: Europe/Berlin
per_page: {per_page}
"""


def write_article(site: Path, name: str, front_matter: str, body: str = "Ein Absatz.") -> Path:
    """Write content/articles/<name> with the given front matter (YAML lines) and body."""
    path = site / "content" / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + textwrap.dedent(front_matter).strip() + "\n---\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def make_site(root: Path, language: str = "de", per_page: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(SITE_YAML.format(language=language, per_page=per_page), encoding="utf-8")
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    return root


def copy_demo_site(site: Path) -> Path:
    """The repository's own demo site (content/ and site.yaml) copied into `site`, not yet built."""
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    return site


def readable_folder(name: str) -> Path:
    """A scratch folder every user can read: LinkChecker, run as root, drops to 'nobody'."""
    folder = Path(tempfile.mkdtemp(prefix=f"newsarchive-{name}-", dir="/tmp"))
    folder.chmod(0o755)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, keyed by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build_snapshot(site: Path, scratch: Path) -> dict[str, bytes]:
    """What a clean build of `site`'s current sources gives, built in a fresh copy under `scratch`."""
    fresh = scratch / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".output", ".cache"))
    build_site(fresh)
    return snapshot(fresh / "output")
