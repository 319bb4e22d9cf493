import os
import subprocess
import sys

from helpers.sites import REPO, make_site, write_article


def test_wheel_ships_the_theme_and_builds_a_site_anywhere(tmp_path):
    """`pip install .` in any folder must give a working tool, templates included."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True)
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), *wheels.glob("*.whl")],
                   check=True, capture_output=True)
    site = make_site(tmp_path / "site")
    write_article(site, "a.md", 'title: "Paket"\ndate: 2025-01-01')
    # Run from the site folder with only the installed copy on the path, never the checkout.
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=site, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (site / "output/static/style.css").is_file()
    assert "window.searchArchive" in (site / "output/static/search.js").read_text(encoding="utf-8")
    assert "<h1>Paket</h1>" in (site / "output/2025/01/01/paket/index.html").read_text(encoding="utf-8")
