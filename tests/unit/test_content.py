from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from helpers import newsgen
from generator.core.config import SiteConfig
from generator.content.articles import load_articles, parse_article, read_text, render_markdown, split_front_matter
from generator.core.errors import SiteError

CONFIG = SiteConfig(timezone="Europe/Berlin", language="de")
PATH = Path("content/articles/x.md")


def parse(front_matter: str, body: str = "Text.") -> object:
    return parse_article(f"---\n{front_matter}\n---\n{body}", PATH, CONFIG)


def test_article_fields_from_front_matter():
    a = parse('title: "Gipfel"\ndate: "2025-08-20T10:00:00+02:00"\nsource: dpa\nlocations: [Kiew, London]\ntags: Ukraine\nlang: de')
    assert a.title == "Gipfel" and a.source == "dpa"
    assert a.locations == ("Kiew", "London") and a.tags == ("Ukraine",)
    assert a.path == "2025/08/20/gipfel/"


def test_date_without_offset_is_in_site_timezone():
    a = parse('title: T\ndate: "2025-01-15 08:00"')
    assert a.date.utcoffset().total_seconds() == 3600
    summer = parse("title: T\ndate: 2025-07-01")
    assert summer.date == datetime.fromisoformat("2025-07-01T00:00:00+02:00")


def test_corpus_style_unquoted_utc_timestamp():
    a = parse('title: "X"\ndate: 1987-10-20T10:05:08Z\ntags: ["sweden"]')
    assert a.date.isoformat() == "1987-10-20T10:05:08+00:00"


def test_unknown_keys_are_kept_for_templates():
    a = parse('title: T\ndate: 2025-01-01\nphotographer: "M. Muster"\nraw: raw/1.txt')
    assert a.extra == {"photographer": "M. Muster", "raw": "raw/1.txt"}


@pytest.mark.parametrize("front_matter, message", [
    ("date: 2025-01-01", "'title' is missing"),
    ('title: ""\ndate: 2025-01-01', "'title' is missing"),
    ("title: T", "'date' is missing"),
    ('title: "   "\ndate: 2025-01-01', "'title' is missing"),
    ('title: "\\a\\u202e"\ndate: 2025-01-01', "'title' is missing"),
    ('title: T\ndate: "gestern"', "'date' is not a date ('gestern')"),
    ("title: T\ndate: 2025-01-01\ntags: {a: 1}", "'tags' must be a list"),
    ("title: T\ndate: 2025-01-01\nsample: vielleicht", "'sample' must be true or false"),
])
def test_invalid_front_matter_names_file_and_field(front_matter, message):
    with pytest.raises(SiteError) as info:
        parse(front_matter)
    assert str(info.value).startswith("content/articles/x.md") and message in str(info.value)


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13-45T10:00:00Z"])
def test_a_date_not_in_the_calendar_names_file_and_line(value):
    with pytest.raises(SiteError, match=r"^content/articles/x.md:3: front matter: not a date: "):
        parse(f"title: T\ndate: {value}")


def test_broken_yaml_names_the_line():
    with pytest.raises(SiteError, match=r"x.md:3: front matter: invalid YAML"):
        parse('title: T\ndate: [2025\nsource: x')


def test_a_key_given_twice_is_an_error_not_a_silent_choice():
    # YAML keeps the last value without a word; the reader would not know which title the archive shows.
    with pytest.raises(SiteError, match=r"^content/articles/x.md:4: front matter: invalid YAML: the key 'title' is given twice"):
        parse("title: Erste Fassung\ndate: 2025-01-01\ntitle: Zweite Fassung")
    nested = parse('title: T\ndate: 2025-01-01\nseries: {name: "A", part: 1}')
    assert nested.extra["series"] == {"name": "A", "part": 1}


@pytest.mark.parametrize("text, message", [
    ("", "empty file"),
    ("Just text, no front matter.", "no front matter"),
])
def test_files_without_article_are_reported(text, message):
    with pytest.raises(SiteError, match=message):
        parse_article(text, PATH, CONFIG)


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\ntitle: Müll\n---\n".encode("latin-1"))
    with pytest.raises(SiteError, match=r"latin1.md: is not UTF-8 text \(byte 0xfc"):
        read_text(path, Path("latin1.md"))


def test_load_articles_reports_every_bad_file_and_keeps_good_ones(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "good.md").write_text("---\ntitle: Gut\ndate: 2025-01-01\n---\nText\n", encoding="utf-8")
    (folder / "bad1.md").write_text("---\ntitle: Schlecht\n---\n", encoding="utf-8")
    (folder / "bad2.md").write_bytes(b"\xff\xfe\x00")
    articles, errors = load_articles(tmp_path, CONFIG)
    assert [a.title for a in articles] == ["Gut"]
    assert sorted(str(e).split(":")[0] for e in errors) == ["content/articles/bad1.md", "content/articles/bad2.md"]


def test_markdown_features_and_german_heading_ids():
    html = render_markdown("## Überblick\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n1. eins\n2. zwei\n")
    assert '<h2 id="ueberblick">Überblick</h2>' in html
    assert "<table>" in html and "<ol>" in html


@pytest.mark.parametrize("body", [
    "Hallo <script>alert(1)</script> Welt",
    '<img src="x.png" onerror="alert(1)">',
    "[klick](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<div onclick="alert(1)" style="background:url(javascript:alert(1))">x</div>',
    "<iframe src=\"https://evil.example\"></iframe><object data=x></object>",
])
def test_article_html_is_inert(body):
    html = render_markdown(body).lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "data:text", "<iframe", "<object", "style="):
        assert bad not in html


def test_summary_defaults_to_lead_cut_at_sentence_end():
    long_lead = "Erster Satz ist hier. " * 30
    a = parse("title: T\ndate: 2025-01-01", long_lead + "\n\nZweiter Absatz.")
    assert a.summary.endswith("hier.") and len(a.summary) <= 300


def corpus_texts(count: int) -> list[str]:
    """`count` generated articles, as Markdown files' text."""
    return [newsgen.markdown(article) for article in newsgen.articles(count)]


def corpus_bodies(count: int) -> list[str]:
    return [split_front_matter(text, PATH)[1] for text in corpus_texts(count)]


def test_plain_text_shortcut_gives_the_same_html_as_python_markdown():
    bodies = corpus_bodies(1500) + [
        "Zeile eins\nZeile zwei", "1. Punkt", "- Liste", "# Titel", "a *b* c", "<b>x</b>", "a & b", "x  \ny",
        "Wert | Wert", "Text\r\n\r\nText", "    Code", "Term\n: Definition", "  eingerückt", "a\x02b", "Ende.  ",
    ]
    assert sum(render_markdown(b) == render_markdown(b, fast=False) for b in bodies) == len(bodies)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ äöß.,;:!?-()'\"0123456789#>*+=|~&<[]\n\t\r")), max_size=120))
def test_plain_text_shortcut_never_differs_from_python_markdown(text):
    assert render_markdown(text) == render_markdown(text, fast=False)


def test_simple_front_matter_reads_exactly_as_yaml_does():
    from helpers.sites import REPO
    from generator.core.yamlio import load_front_matter, load_yaml

    texts = corpus_texts(800) + [p.read_text(encoding="utf-8") for p in (REPO / "content/articles").rglob("*.md")]
    blocks = [t.split("---\n")[1] for t in texts] + [
        "title: yes\n", "title: No\n", "a: 1\n", "a: 2025-13-01\n", "t: \"x\\ty\"\n", "l: [\"a\", 1]\n",
        "a: b # c\n", "a: x\na: y\n", "a: \"\\u00e4\"\n", "a: 'q'\n", "d: 2025-08-20\n", "s: true\n",
        "n: null\n", "w: Europe/Berlin\n", "k: ~\n", "x: 12:30\n", "t: \"a\"b\"\n", "e: []\n",
    ]
    for block in blocks:
        assert outcome(load_front_matter, block) == outcome(load_yaml, block), block


def outcome(parse, text):
    try:
        return parse(text)
    except Exception as exc:  # both parsers must fail alike
        return type(exc)


def test_relative_links_into_the_scraped_site_are_dropped_but_anchors_and_web_links_stay():
    html = render_markdown("[a](/politik/x.html) [b](#quellen) [c](https://example.org/x) ![d](bild.jpg)")
    assert 'href="/politik' not in html and 'src="bild.jpg"' not in html
    assert 'href="#quellen"' in html and 'href="https://example.org/x"' in html


def test_a_link_or_image_without_a_usable_target_leaves_no_empty_element():
    html = render_markdown('<img src="/bilder/a.jpg" alt="Foto"> [Link](/politik/artikel.html) '
                           '[js](javascript:alert(1)) ![rel](bild.jpg) ![data](data:image/png;base64,AA) '
                           '<a title="t" href="x.html">in <b>bold</b></a>')
    assert "<img" not in html and "<a" not in html
    assert "Link" in html and "js" in html and "in <b>bold</b>" in html


def test_web_images_and_links_to_article_files_stay_for_the_page_to_resolve():
    html = render_markdown("![Foto](https://example.org/a.jpg) [other](../05/other.md#quote) [x](/abs/other.md)")
    assert 'src="https://example.org/a.jpg"' in html
    assert 'href="../05/other.md#quote"' in html and "/abs/other.md" not in html
