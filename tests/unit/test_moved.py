from dataclasses import replace
from datetime import datetime, timezone

import pytest

from generator.core.errors import SiteError
from generator.core.model import Article
from generator.organise.moved import URLS_FILE, by_identity, present_urls, read_urls, redirects, with_moves, write_urls

T0 = datetime(2025, 8, 20, 9, tzinfo=timezone.utc)


def article(slug: str, **kw) -> Article:
    fields = dict(id="3f014d1e3b49df7b", title="Verhandlungen in Sicht", date=T0, source_path=f"content/articles/{slug}.md",
                  slug=slug, body_html="", content_hash="a" * 64)
    fields.update(kw)
    return Article(**fields)


def test_retitled_article_is_recorded_and_its_old_url_redirects():
    old = article("verhandlungen")
    new = replace(old, slug="gespraeche-beginnen")
    record = with_moves({}, present_urls(by_identity([old])), by_identity([new]))
    assert record == {"3f014d1e3b49df7b": ["2025/08/20/verhandlungen/", "2025/08/20/gespraeche-beginnen/"]}
    assert redirects(record, by_identity([new]), {new.path}) == {"2025/08/20/verhandlungen/": new}


def test_article_without_id_is_known_by_its_file_through_an_edit():
    old = article("radweg", id="c0ffee0000000000", content_hash="c0ffee00000000001111")
    new = replace(old, slug="radweg-eroeffnet", date=T0.replace(day=21), id="beef000000000000", content_hash="beef0000000000002222")
    record = with_moves({}, present_urls(by_identity([old])), by_identity([new]))
    assert record == {"content/articles/radweg.md": ["2025/08/20/radweg/", "2025/08/21/radweg-eroeffnet/"]}


def test_unmoved_articles_are_not_recorded():
    a = article("verhandlungen")
    assert with_moves({}, present_urls(by_identity([a])), by_identity([a])) == {}
    assert with_moves({}, {}, by_identity([a])) == {}  # the first build: nothing to compare with


def test_moving_back_to_an_earlier_url_makes_it_the_present_one_again():
    a = article("b")
    record = {a.id: ["2025/08/20/a/", "2025/08/20/b/", "2025/08/20/c/"]}
    updated = with_moves(record, {a.id: "2025/08/20/c/"}, by_identity([a]))
    assert updated[a.id] == ["2025/08/20/a/", "2025/08/20/c/", "2025/08/20/b/"]
    assert set(redirects(updated, by_identity([a]), {a.path})) == {"2025/08/20/a/", "2025/08/20/c/"}


def test_an_old_url_another_article_holds_again_stays_that_article():
    moved = article("neu")
    taker = article("alt", id="another")
    record = {moved.id: ["2025/08/20/alt/", "2025/08/20/neu/"]}
    assert redirects(record, by_identity([moved, taker]), {moved.path, taker.path}) == {}


def test_record_file_is_written_sorted_and_read_back(tmp_path):
    record = {"b": ["2025/08/20/x/", "2025/08/21/y/"], "a/ä.md": ["2024/01/02/a-slug/", "2024/01/03/z/"]}
    write_urls(tmp_path, record)
    text = (tmp_path / URLS_FILE).read_text(encoding="utf-8")
    assert text.index('"a/ä.md":') < text.index('"b":')
    assert read_urls(tmp_path) == record


@pytest.mark.parametrize("text", ["a: [", "a: 3", 'a: ["../../etc/"]', 'a: ["/2025/08/20/x/"]', "- x",
                                  'a: ["tags/ukraine/"]', 'a: ["2025/08/20/../"]', 'a: []'])
def test_broken_record_file_is_one_error_naming_it(tmp_path, text):
    (tmp_path / URLS_FILE).parent.mkdir(parents=True)
    (tmp_path / URLS_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as raised:
        read_urls(tmp_path)
    assert str(raised.value).startswith("content/urls.yaml")
