"""What search engines, social previews and feed readers read from an article page."""

import json

from helpers.sites import write_article
from helpers.pagedata import json_ld, meta_tags, parse_head
from helpers.sitecheck import active_content
from generator.build import build_site
from generator.render.metadata import json_script, language_tag, og_locale

BASE = "https://news.example.org/archiv/"
GENF = "2025/08/20/verhandlungen-in-genf/"


def page(output, path: str) -> str:
    return (output / path / "index.html").read_text(encoding="utf-8")


def test_article_json_ld_is_a_news_article(site):
    write_article(site, "a.md", """
        title: "Verhandlungen in Genf"
        date: "2025-08-20T10:00:00+02:00"
        updated: "2025-08-21T09:30:00+02:00"
        source: Testagentur
        url: https://agentur.example.com/genf
        authors: [Erika Muster]
        summary: "Die Delegationen trafen sich."
        locations: [Genf]
        tags: [Diplomatie, Schweiz]
        lang: de
    """)
    build_site(site)
    data = json_ld(page(site / "output", GENF))["NewsArticle"]
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Verhandlungen in Genf"
    assert data["datePublished"] == "2025-08-20T10:00:00+02:00"
    assert data["dateModified"] == "2025-08-21T09:30:00+02:00"
    assert data["publisher"] == {"@type": "Organization", "name": "Testarchiv"}
    assert data["inLanguage"] == "de"
    assert data["keywords"] == ["Diplomatie", "Schweiz"]
    assert data["isBasedOn"] == "https://agentur.example.com/genf"
    assert data["author"] == [{"@type": "Person", "name": "Erika Muster"}]
    assert data["url"] == BASE + GENF


def test_article_opengraph_twitter_and_canonical(built):
    html = page(built, GENF)
    og = meta_tags(html)
    canonical = [link["href"] for link in parse_head(html).links if link.get("rel") == "canonical"]
    assert canonical == [BASE + GENF] == og["og:url"]
    assert og["og:type"] == ["article"] and og["og:title"] == ["Verhandlungen in Genf"]
    assert og["og:site_name"] == ["Testarchiv"] and og["og:locale"] == ["de_DE"]
    assert og["og:description"][0].startswith("Die Delegationen trafen sich am Morgen.")
    assert og["og:description"] == og["description"]
    assert og["twitter:card"] == ["summary"]
    assert og["article:published_time"] == ["2025-08-20T10:00:00+02:00"]
    assert og["article:tag"] == ["Diplomatie", "Schweiz"]


def test_article_links_the_site_feed_and_its_source_feed(built):
    html = page(built, GENF)
    feeds = [link["href"] for link in parse_head(html).links if link.get("type") == "application/atom+xml"]
    assert feeds == ["../../../../feed.xml", "../../../../sources/testagentur/feed.xml"]


def test_hostile_title_cannot_leave_the_json_ld_script(site):
    title = '</script><script>alert(1)</script> & <!--'
    write_article(site, "x.md", f"title: {json.dumps(title)}\ndate: \"2025-08-22T10:00:00+02:00\"\nslug: x\n"
                  "url: \"javascript:alert(2)\"")
    build_site(site)
    html = page(site / "output", "2025/08/22/x/")
    assert active_content(html) == []
    data = json_ld(html)["NewsArticle"]
    assert data["headline"] == title
    assert "isBasedOn" not in data  # only web addresses are sources
    assert "</script><script>" not in json_script({"t": title})


def test_translations_get_hreflang_links_both_ways(site):
    for name in ("a.md", "c.md"):
        path = site / "content/articles" / name
        text = path.read_text(encoding="utf-8").replace("---\n", "---\ntranslation_key: genf-talks\n", 1)
        path.write_text(text, encoding="utf-8")
    build_site(site)
    english = "2025/07/03/talks-resume-in-geneva/"
    for path in (GENF, english):
        html = page(site / "output", path)
        hreflang = {link["hreflang"]: link["href"] for link in parse_head(html).links if "hreflang" in link}
        assert hreflang == {"de": BASE + GENF, "en": BASE + english}
    assert ">English</a>" in page(site / "output", GENF) and ">Deutsch</a>" in page(site / "output", english)


def test_articles_without_translations_have_no_hreflang(built):
    assert not any("hreflang" in link for link in parse_head(page(built, GENF)).links)


def test_language_tags_are_checked_before_use():
    assert language_tag("de-AT") == "de-AT" and language_tag("Deutsch") == "" and language_tag('de" x') == ""
    assert og_locale("de") == "de_DE" and og_locale("en-gb") == "en_GB" and og_locale("fr") == "fr_FR"
