"""A big archive stays browsable: every article a few clicks from home, no page a wall of articles."""

import re
import shutil
from collections import deque
from pathlib import PurePosixPath

import pytest

from generator.build import build_site
from helpers import newsgen
from helpers.sites import make_site

PER_PAGE = 5
ARTICLES = 2500  # over eleven years: four or more pages a month, hundreds on a busy tag
HREF = re.compile(r'<a [^>]*?href="([^"#?]+)"')
LISTED = re.compile(r'<li class="teaser"|<li lang="[^"]*"(?: dir="\w+")?><a href=')


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("reach") / "site", language="de", per_page=PER_PAGE)
    newsgen.write(ARTICLES, site / "content/articles")
    build_site(site)
    yield site / "output"
    shutil.rmtree(site, ignore_errors=True)


ARTICLE = re.compile(r"\d{4}/\d\d/\d\d/[^/]+/index.html")


def clicks_from_home(output) -> dict[str, int]:
    """Every page reachable from the home page through the archive's own pages, with the fewest
    clicks it takes. Links on article pages (related articles, neighbours) are not followed: they
    reach an article by luck of its tags, where the listings must reach every one by design."""
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        page = queue.popleft()
        if ARTICLE.fullmatch(page):
            continue
        html = (output / page).read_text(encoding="utf-8")
        for href in HREF.findall(html):
            if "://" in href or not href.endswith(".html"):
                continue
            target = str(PurePosixPath(page).parent / href)
            parts = []
            for part in target.split("/"):
                if part == "..":
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            target = "/".join(parts)
            if target not in depth and (output / target).is_file():
                depth[target] = depth[page] + 1
                queue.append(target)
    return depth


def test_every_article_is_at_most_four_clicks_from_home_without_search(big_site):
    depth = clicks_from_home(big_site)
    articles = [p.relative_to(big_site).as_posix() for p in big_site.glob("[0-9]*/[0-9]*/[0-9]*/*/index.html")]
    assert len(articles) == ARTICLES
    too_far = sorted((depth.get(a, 99), a) for a in articles if depth.get(a, 99) > 4)
    assert too_far == [], f"{len(too_far)} articles need more than 4 clicks, e.g. {too_far[:3]}"


def test_no_page_lists_more_than_per_page_articles(big_site):
    counts = {p.relative_to(big_site).as_posix(): len(LISTED.findall(p.read_text(encoding="utf-8")))
              for p in big_site.rglob("index.html")}
    assert max(counts.values()) == PER_PAGE  # full pages exist, and none holds more
    month = max((p for p in counts if re.fullmatch(r"\d{4}/\d\d/index.html", p)), key=lambda p: counts[p])
    assert counts[month] == PER_PAGE
