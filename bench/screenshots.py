#!/usr/bin/env python3
"""Screenshots of the demo site's main page kinds at phone and desktop widths, for the README.

    python bench/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]

Builds the demo site, serves it on 127.0.0.1 and has headless Chromium draw the home page, an
article and (when the site has a search page) search results at 390 px and 1280 px wide, plus
the article on a phone in the dark theme. Writes docs/screenshots/<page>-<width>.png, shrunk
with pngquant when it is installed (Debian package `pngquant`) so the repository stays small.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.demo_site import CHROMIUM_FLAGS, REPO, page_urls, served  # noqa: E402

WIDTHS = {"phone": (390, 844), "desktop": (1280, 860)}


def screenshot(chromium: str, url: str, size: tuple[int, int], target: Path, dark: bool = False) -> None:
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--hide-scrollbars",
                   "--force-device-scale-factor=1", f"--window-size={size[0]},{size[1]}",
                   f"--screenshot={target}", *(["--force-dark-mode"] if dark else []), url]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not target.is_file():
        raise SystemExit(f"chromium could not draw {url}: {result.stderr.strip()[-300:]}")
    if shutil.which("pngquant"):
        # A page is a few flat colours and text: 256 colours look the same at a third of the bytes.
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--quality=70-95",
                        "--output", str(target), str(target)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, served(Path(work)) as (base_url, output):
        urls = page_urls(base_url, output)
        for page, url in urls.items():
            for width_name, size in WIDTHS.items():
                target = args.out / f"{page}-{width_name}.png"
                screenshot(args.chromium, url, size, target)
                print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}  {url}")
        dark = args.out / "article-phone-dark.png"
        screenshot(args.chromium, urls["article"], WIDTHS["phone"], dark, dark=True)
        print(dark)
        if "search" not in urls:
            print("no search page in this build: search screenshots skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
