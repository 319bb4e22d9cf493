"""Related articles as readers see them under an article, after builds and preview saves."""

import re

from generator.core.model import Changes
from generator.site import Site
from helpers.sites import clean_build_snapshot, copy_demo_site, snapshot, write_article

UKRAINE = "2026/11/25/ukraine-und-russland-verhandlungen-in-sicht/index.html"


def related_titles(output, page: str) -> list[str]:
    html = (output / page).read_text(encoding="utf-8")
    if 'id="related-heading"' not in html:
        return []
    aside = html.split('id="related-heading"')[1].split("</aside>")[0]
    return re.findall(r">([^<>]+)</a>", aside)


def test_demo_ukraine_article_is_not_related_to_ferry_garden_or_museum_for_sharing_a_city(demo_site):
    titles = related_titles(demo_site / "output", UKRAINE)
    assert not {"Harbour ferry adds evening crossings for the summer", "Community garden shares its first harvest",
                "Museum night draws record crowds"} & set(titles)


def test_article_on_the_same_story_is_related_and_a_preview_retitle_takes_it_out(tmp_path):
    site = copy_demo_site(tmp_path / "demo")
    summit = write_article(site, "2026/11/selenskyj-gipfel.md", """
        title: "Selenskyj wirbt für Gipfel: Verhandlungen mit Russland über Waffenruhe"
        date: "2025-03-01T09:00:00+01:00"  # far from the Ukraine article: no neighbour of it
        slug: gipfel
        tags: [Ukraine, Diplomatie]
        lang: de
    """, "Präsident Selenskyj will die Verhandlungen mit Russland in die Türkei verlegen.\n")
    preview = Site(site, keep_index=True)
    preview.build()
    assert related_titles(site / "output", UKRAINE) == [
        "Selenskyj wirbt für Gipfel: Verhandlungen mit Russland über Waffenruhe"]
    text = summit.read_text(encoding="utf-8").replace("Selenskyj wirbt für Gipfel: Verhandlungen mit Russland über Waffenruhe",
                                                      "Neuer Spielplatz im Stadtpark")
    summit.write_text(text.replace("Präsident Selenskyj will die Verhandlungen mit Russland in die Türkei verlegen.",
                                   "Der Spielplatz öffnet am Montag."), encoding="utf-8")
    preview.build(Changes(articles={summit}))
    assert related_titles(site / "output", UKRAINE) == []
    assert snapshot(site / "output") == clean_build_snapshot(site, tmp_path)
