"""Property tests: parsers and slug making never crash on arbitrary input and keep their invariants."""

from pathlib import Path

from hypothesis import given, settings, strategies as st

from helpers.sitecheck import active_content
from generator.core.config import SiteConfig
from generator.content.articles import parse_article, render_markdown
from generator.core.errors import SiteError
from generator.core.slug import slugify, term_slug

CONFIG = SiteConfig()


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_slug_is_always_one_safe_path_segment(text):
    for slug in (slugify(text), term_slug(text)):
        assert slug and len(slug) <= 80
        assert slug not in (".", "..") and "/" not in slug and "\\" not in slug
        assert slug == slug.strip("-") and all(c.isascii() and (c.isalnum() or c == "-") for c in slug)


front_matter_values = st.one_of(st.text(max_size=40), st.integers(), st.booleans(), st.none(),
                                st.lists(st.text(max_size=10), max_size=3), st.dates().map(str))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "date", "tags", "source", "locations", "sample", "slug", "x"]),
                       front_matter_values, max_size=6), st.text(max_size=200))
def test_front_matter_parsing_gives_an_article_or_a_clear_error(data, body):
    import yaml
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    try:
        article = parse_article(text, Path("content/articles/x.md"), CONFIG)
    except SiteError as error:
        assert str(error).startswith("content/articles/x.md")
        return
    assert article.title and article.date.tzinfo is not None
    assert "/" not in article.slug and ".." not in article.slug


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_without_crashing(text):
    try:
        parse_article(text, Path("a.md"), CONFIG)
    except SiteError:
        pass


markdown_with_html = st.lists(st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "<a href='JAVA\tSCRIPT:x'>",
    "<svg onload=alert(1)>", "](", "<", ">", "\"", "'", " ", "\n", "\n\n", "text", "*", "`", "<iframe src=x>",
    "<a href=\"data:text/html,x\">", "<div style=\"x\" onclick=\"y\">", "&#106;avascript:",
]), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=300), markdown_with_html))
def test_rendered_markdown_never_holds_active_content(text):
    assert active_content(render_markdown(text)) == []


page_lines = st.lists(st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.sampled_from(["- Startseite", "Kommentare", "Newsletter abonnieren!", "BERLIN (dpa) - Die Regierung hat am Montag "
                     "einen Plan vorgelegt, der viele Fragen offen lässt und Kritik auslöst.", "Teilen", "",
                     'Du hast einen Kommentar zum Artikel "Ein Titel"?', "Mehr zum Thema"]),
), max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(page_lines)
def test_cleaning_never_invents_text(page):
    """Every body paragraph and the title come from the page (after Unicode normalisation)."""
    from generator.ingest.clean.normalize import normalize_text
    from generator.ingest.clean.page import clean_text
    source = " ".join(normalize_text(page).split())
    cleaned = clean_text(page)
    for paragraph in cleaned.paragraphs:
        assert " ".join(paragraph.split()) in source
    title = " ".join(cleaned.title.text.split())
    assert title == "" or title in source or title.rstrip(" …") in source


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["de", "en", "fr", ""]))
def test_search_tokenizer_never_crashes_and_yields_plain_terms(text, lang):
    """Terms are folded (lower case, umlauts spelled out, no accents) words of the text, and stemming
    keeps one term per word; folding twice changes nothing."""
    from generator.lang.text import fold, html_text, stem_words, words
    found = words(text)
    assert all(term and term == fold(term) and not any(c.isspace() for c in term) for term in found)
    assert fold(fold(text)) == fold(text)
    assert len(stem_words(lang, found)) == len(found)
    words(html_text(text))  # any text, even broken markup, reads as text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=200) | st.text(max_size=200))
def test_search_words_of_ascii_text_come_out_as_the_regex_finds_them(text):
    """words() splits ASCII text without the regex; the words must be the ones search/text.js finds."""
    import re
    import unicodedata

    from generator.lang.text import fold, words
    folded = fold(text)
    if not any("\u3040" <= c for c in folded) and all(unicodedata.category(c)[0] != "M" for c in folded):
        assert words(text) == re.findall(r"[^\W_]{2,}", folded)
