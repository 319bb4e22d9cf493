"""Independent, well-known checkers over every page kind: vnu, feedparser, the sitemap schema, LinkChecker."""

import shutil
import subprocess
import sys

import pytest

from helpers.sites import REPO

CHECKERS = REPO / "tests" / "checkers" / "node_modules"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(path, how):
    if not path.exists():
        pytest.fail(f"{path} is missing: {how} (make test installs it)")


@pytest.mark.parametrize("which", ["demo_site", "corpus_site"])
def test_every_page_is_valid_html(which, request):
    require(VNU, "npm install --prefix tests/checkers")
    output = request.getfixturevalue(which) / "output"
    result = subprocess.run(["java", "-Xss2m", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--stdout",
                             str(output.resolve())], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[:3000]


@pytest.mark.parametrize("which", ["demo_site", "corpus_site"])
def test_feeds_pass_feedparser_and_strict_checks(which, request):
    output = request.getfixturevalue(which) / "output"
    result = subprocess.run([sys.executable, str(CHECKERS.parent / "feeds.py"), str(output.resolve())], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "feed.xml" in result.stdout


@pytest.mark.parametrize("which, base_url", [("demo_site", "https://example.org/newsarchive/"),
                                             ("corpus_site", "https://news.example.org/archiv/")])
def test_sitemap_validates_against_the_schema_and_lists_every_page(which, base_url, request):
    output = request.getfixturevalue(which) / "output"
    result = subprocess.run([sys.executable, str(CHECKERS.parent / "check_sitemap.py"), str(output.resolve()),
                             "--base-url", base_url, "--require-all-pages"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_linkchecker_finds_no_broken_link_or_asset(demo_site):
    linkchecker = shutil.which("linkchecker", path=str(REPO / ".venv" / "bin")) or shutil.which("linkchecker")
    assert linkchecker, "LinkChecker is missing (pip install linkchecker; make test installs it)"
    config = demo_site.parent / "linkcheckerrc"
    config.write_text("[filtering]\ncheckextern=0\n[AnchorCheck]\n", encoding="utf-8")
    config.chmod(0o644)
    result = subprocess.run([linkchecker, "--no-status", "-f", str(config), str((demo_site / "output").resolve() / "index.html")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 errors found" in result.stdout


def test_every_article_page_carries_a_news_article_json_ld(corpus_site):
    import json
    import re
    output = corpus_site / "output"
    pages = [p for p in output.glob("*/*/*/*/index.html") if p.relative_to(output).parts[0].isdigit()]
    assert len(pages) == 1000
    for page in pages:
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
        data = [json.loads(b) for b in blocks]
        article = next(d for d in data if d.get("@type") == "NewsArticle")
        assert article["headline"] and article["datePublished"] and article["publisher"]["name"], page
