"""axe-core in headless Chromium on every page kind, in light and dark scheme: no violations, no console errors."""

import pytest

from helpers.browser import browser, static_server
from helpers.sites import REPO

AXE = REPO / "tests" / "checkers" / "node_modules" / "axe-core" / "axe.min.js"


def page_kinds(output, article_slug, tag, query):
    article = next(output.glob(f"*/*/*/{article_slug}*/index.html")).relative_to(output)
    month = article.parent.parent.parent
    busiest = max(output.glob("[0-9]*/[0-9]*/index.html"), key=lambda p: len(list(p.parent.glob("page/*"))))
    return {"home": "index.html", "article": article.as_posix(), "listing page": "page/1/index.html",
            "tag": f"tags/{tag}/index.html", "month": f"{month.as_posix()}/index.html",
            "busiest month": busiest.relative_to(output).as_posix(),
            "year": f"{month.parent.as_posix()}/index.html",
            "archive": "archive/index.html", "tags index": "tags/index.html", "404": "404.html",
            "search with results": f"search/index.html?q={query}"}


SITES = {"demo_site": ("ukraine-und-russland", "ukraine", "Verhandlungen"),
         "corpus_site": ("bilder-und-verweise", "politik", "Vorbericht")}


@pytest.mark.parametrize("which", SITES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_kind_has_no_axe_violations(which, scheme, request):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: npm install --prefix tests/checkers (make test installs it)")
    demo_site = request.getfixturevalue(which)
    output = demo_site / "output"
    problems = {}
    # Served under the sub-path its base_url names, as on a project's GitHub Pages site.
    with static_server(demo_site, mount={"newsarchive": output}) as root, browser() as chromium:
        base = root + "newsarchive/"
        page = chromium.new_page()
        page.emulate_media(color_scheme=scheme)
        errors = []
        page.on("console", lambda msg: errors.append(f"{msg.type}: {msg.text} ({msg.location.get('url')})")
                if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
        for kind, path in page_kinds(output, *SITES[which]).items():
            errors.clear()
            page.goto(base + path)
            if "?q=" in path:  # results arrive after the index shards load
                page.wait_for_selector("#search-results li mark")
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            found = [f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})" for v in result["violations"]]
            if found or errors:
                problems[kind] = found + errors
    assert problems == {}
