from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from generator.organise.archive import build_archive
from generator.organise.pagination import paginate
from generator.core.errors import BuildFailed
from generator.core.model import Article

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


def article(n: int, **kw) -> Article:
    fields = dict(id=str(n), title=f"Artikel {n}", date=T0 + timedelta(days=n), source_path=f"content/articles/{n:03d}.md",
                  slug=f"artikel-{n}", body_html="<p>x</p>")
    fields.update(kw)
    return Article(**fields)


def test_articles_newest_first_with_stable_tiebreak():
    same_time = [article(1, source_path="b.md", slug="b"), article(1, source_path="a.md", slug="a"), article(2)]
    archive = build_archive(same_time)
    assert [a.source_path for a in archive.articles] == ["content/articles/002.md", "b.md", "a.md"]


def test_generated_slug_collision_gets_deterministic_suffix_and_warning():
    twins = [article(1, source_path="z.md", slug="gipfel"), article(1, source_path="a.md", slug="gipfel")]
    for order in (twins, twins[::-1]):
        archive = build_archive(order)
        by_source = {a.source_path: a.slug for a in archive.articles}
        assert by_source == {"a.md": "gipfel", "z.md": "gipfel-2"}
        assert "z.md: slug 'gipfel' already used by a.md" in archive.warnings[0]


def test_explicit_duplicate_slug_is_an_error_naming_both_files():
    twins = [article(1, source_path="a.md", slug="gipfel", explicit_slug=True),
             article(1, source_path="b.md", slug="gipfel", explicit_slug=True)]
    with pytest.raises(BuildFailed) as info:
        build_archive(twins)
    assert "b.md: duplicate slug 'gipfel'" in str(info.value.errors[0]) and "a.md" in str(info.value.errors[0])


def test_terms_group_spellings_and_sort_by_count():
    archive = build_archive([article(1, tags=("USA",)), article(2, tags=("usa", "Handel")), article(3, tags=("USA",))])
    tags = archive.terms["tags"]
    assert [(t.name, len(t.articles)) for t in tags] == [("USA", 3), ("Handel", 1)]
    assert tags[0].path == "tags/usa/"


def test_months_and_years_newest_first():
    archive = build_archive([article(1), article(40), article(400)])
    assert [(m.year, m.month) for m in archive.months] == [(2026, 2), (2025, 2), (2025, 1)]
    assert [year for year, _ in archive.years()] == [2026, 2025]


def test_neighbours_are_previous_and_next_in_time():
    a1, a2, a3 = article(1), article(2), article(3)
    archive = build_archive([a2, a3, a1])
    assert archive.neighbours(a2) == (a1, a3)
    assert archive.neighbours(a3) == (a2, None)


def test_related_prefers_more_shared_tags_words_and_locations():
    base = article(10, title="Gespräche in Kiew", tags=("Ukraine", "Russland"), locations=("Kiew",))
    close = article(11, title="Gespräche vertagt", tags=("Ukraine", "Russland"), locations=("Kiew",))
    some = article(9, title="Neue Gespräche", tags=("Ukraine",))
    one_tag = article(8, title="Getreide", tags=("Ukraine",))
    none = article(12, title="Fußball", tags=("Sport",))
    archive = build_archive([base, close, some, one_tag, none] + [article(n, title=f"Wetter {n}") for n in range(20, 30)],
                            related_items=5)
    assert archive.related(base) == [close, some]


def test_old_listing_pages_unchanged_when_news_arrives():
    articles = [article(n) for n in range(1, 12)]
    before = paginate("", sorted(articles, key=lambda a: a.date, reverse=True), 3)
    after = paginate("", sorted(articles + [article(12)], key=lambda a: a.date, reverse=True), 3)
    numbered_before = {p.path: p for p in before if p.number}
    numbered_after = {p.path: p for p in after if p.number}
    assert numbered_before["page/1/"] == numbered_after["page/1/"]
    assert numbered_before["page/2/"] == numbered_after["page/2/"]
    assert [a.id for a in numbered_after["page/4/"].articles] == ["12", "11", "10"]


def test_front_page_shows_newest_and_links_to_the_page_after_them():
    articles = sorted([article(n) for n in range(1, 8)], key=lambda a: a.date, reverse=True)
    front, *numbered = paginate("tags/x/", articles, 3)
    assert [a.id for a in front.articles] == ["7", "6", "5"]
    older = next(p for p in numbered if p.path == front.older)
    assert "4" in [a.id for a in older.articles]
    assert [p.path for p in numbered] == ["tags/x/page/1/", "tags/x/page/2/", "tags/x/page/3/"]


def test_small_listing_has_one_page():
    assert len(paginate("", [article(1)], 3)) == 1


def test_article_moves_when_date_changes():
    a = article(1)
    assert replace(a, date=T0).path == "2025/01/01/artikel-1/"


def test_more_from_source_is_nearest_in_time_shown_newest_first_without_excluded():
    wire = [article(n, source="Wire") for n in range(1, 9)]
    other = article(20, source="Other")
    archive = build_archive(wire + [other])
    at = wire[4]  # day 5
    # Days 6 and 4 are nearest; of days 7 and 3, equally far, the newer wins.
    assert archive.from_source(at, 3) == [wire[6], wire[5], wire[3]]
    assert archive.from_source(at, 2) == [wire[5], wire[3]]
    assert archive.from_source(at, 2, exclude=[wire[5]]) == [wire[6], wire[3]]
    assert archive.from_source(other, 5) == []
    assert archive.from_source(article(30), 5) == []  # no source at all


def test_translations_are_articles_sharing_a_translation_key():
    de = article(1, lang="de", extra={"translation_key": "gipfel"})
    en = article(2, lang="en", extra={"translation_key": "gipfel"})
    alone = article(3, lang="en", extra={"translation_key": "solo"})
    archive = build_archive([de, en, alone, article(4)])
    assert archive.translations(de) == [en]
    assert archive.translations(en) == [de]
    assert archive.translations(alone) == [] and archive.translations(article(4)) == []


def test_near_duplicate_is_left_out_of_listings_and_points_at_the_first_copy():
    first = article(1, id="aaa", source="Agentur A", tags=("Gipfel",))
    copy = article(2, id="bbb", source="Agentur B", tags=("Gipfel",), extra={"duplicate_of": "aaa"})
    other = article(3, id="ccc", tags=("Gipfel",))
    archive = build_archive([first, copy, other])
    assert [a.id for a in archive.articles] == ["ccc", "aaa"]
    assert [a.id for a in archive.terms["tags"][0].articles] == ["ccc", "aaa"]
    assert [t.name for t in archive.terms["sources"]] == ["Agentur A"]
    assert [(c.id, o.id) for c, o in archive.copies] == [("bbb", "aaa")]


def test_duplicate_mark_naming_no_article_in_the_archive_is_ignored():
    archive = build_archive([article(1, id="aaa", extra={"duplicate_of": "gone"}), article(2, id="bbb", extra={"duplicate_of": "bbb"})])
    assert [a.id for a in archive.articles] == ["bbb", "aaa"] and archive.copies == []
