"""`newsarchive clean`: what a build made and can make again, removed."""

import shutil
from pathlib import Path

from generator.core.config import load_config
from generator.core.paths import CACHE_DIR, CONFIG_NAME, OUTPUT_DIR
from generator.output.writer import OutputTrees


def remove_built(site_root: Path) -> list[str]:
    """Remove output (the link and the trees behind it) and .cache/; return the names of those that existed."""
    if not (site_root / CONFIG_NAME).is_file():
        load_config(site_root)  # says it is not a site: a typo in --site must not delete another folder's output/
    trees = OutputTrees(site_root / OUTPUT_DIR)
    removed = []
    for path in (trees.link, trees.home, site_root / CACHE_DIR):
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        else:
            continue
        removed.append(path.name + ("" if path == trees.link else "/"))
    return removed
