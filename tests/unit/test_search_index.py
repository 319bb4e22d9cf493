import json
import re
from pathlib import Path

import pytest

from generator.organise.archive import build_archive
from generator.build import build_site
from generator.core.config import load_config
from generator.content.articles import load_articles
from generator.search.codec import decode_numbers, encode_numbers
from generator.search.shards import DIGEST_CHARS, search_files, shard_sizes
from generator.search.terms import article_terms
from generator.search.update import IndexState

from helpers.search_site import make_search_site

def index_of(archive):
    """The index as a build makes it."""
    return IndexState.from_articles(archive).index


def archive_of(root: Path):
    config = load_config(root)
    articles, errors = load_articles(root, config)
    assert not errors
    return build_archive(articles)


def article(archive, word):
    return next(a for a in archive.articles if word in a.source_path)


def shard_data(page):
    match = re.fullmatch(r'__NA_SHARD\("([^"]+)",(.*)\);\n', page.body.decode("utf-8"), re.S)
    assert match, page.path
    return match.group(1), json.loads(match.group(2))


def files(manifest: dict, key: str) -> list[str]:
    """The shard names the manifest runs together under `key` (search/shards.js names())."""
    folder = {"termFiles": "t/", "docFiles": "d/", "reverseFiles": "r/"}[key]
    joined, size = manifest[key], DIGEST_CHARS
    return [f"{folder}{joined[i:i + size]}.js" for i in range(0, len(joined), size)]


def test_article_terms_leave_out_stopwords_but_count_their_place(tmp_path):
    archive = archive_of(make_search_site(tmp_path))
    terms = article_terms(article(archive, "verhandlungen"))
    assert "und" not in terms.terms and "die" not in terms.terms
    # "Ukraine und Russland": the stopword still holds position 1
    assert terms.positions_of("ukrain")[0] == 0 and terms.positions_of("russland")[0] == 2


def test_article_terms_number_title_words_first_then_the_text(tmp_path):
    archive = archive_of(make_search_site(tmp_path))
    terms = article_terms(article(archive, "harbour"))
    # "Harbour ferry adds evening crossings" | gap | "The harbour ferry adds evening crossings … Crossings"
    assert terms.title_len == 5
    assert terms.positions_of("cross") == [4, 11, 15]
    assert terms.in_title[terms.terms.index("cross")] == 1


def test_a_word_in_the_headline_outweighs_the_same_word_in_the_text(tmp_path):
    index = index_of(archive_of(make_search_site(tmp_path)))
    impacts = {index.docs[doc][0]: impact for doc, impact in index.pairs("harbour")}
    assert impacts["2024/02/01/harbour-ferry-adds-evening-crossings/"] > 0
    titled = impacts["2024/02/01/harbour-ferry-adds-evening-crossings/"]
    assert all(titled > v for k, v in impacts.items() if "harbour-ferry" not in k)


def test_documents_are_numbered_oldest_first_so_new_articles_take_the_next_numbers(tmp_path):
    index = index_of(archive_of(make_search_site(tmp_path)))
    dates = [doc[2] for doc in index.docs]
    assert dates == sorted(dates)


def test_numbers_round_trip_through_the_shard_encoding():
    numbers = [0, 1, 31, 32, 1023, 1024, 40_000, 5, 2**40]
    assert decode_numbers(encode_numbers(numbers)) == numbers


def test_every_shard_is_a_classic_script_registering_its_own_name(tmp_path):
    manifest_path, pages = search_files(index_of(archive_of(make_search_site(tmp_path))))
    for page in pages:
        name, _ = shard_data(page)
        assert page.path == "search/" + name
    _, manifest = shard_data(next(p for p in pages if p.path == manifest_path))
    excerpts = [n for page in pages if page.path.startswith("search/d/") for n in shard_data(page)[1]["excerpts"]]
    listed = set(files(manifest, "termFiles") + files(manifest, "docFiles") + excerpts
                 + files(manifest, "reverseFiles"))
    assert {p.path for p in pages} == {"search/" + n for n in listed} | {manifest_path}


def test_postings_list_every_article_holding_a_term(tmp_path):
    _, pages = search_files(index_of(archive_of(make_search_site(tmp_path))))
    shards = dict(shard_data(p) for p in pages)
    manifest = next(d for n, d in shards.items() if n.startswith("m/"))
    terms = {t: v for n in files(manifest, "termFiles") for t, v in shards[n][0].items()}
    docs = [d for n in files(manifest, "docFiles") for d in shards[n]["docs"]]
    numbers = decode_numbers(terms["evening"])
    found, doc = [], 0
    for delta in numbers[::2]:
        doc += delta
        found.append(docs[doc][1])
    assert found == ["Old bridge closes for repairs", "Harbour ferry adds evening crossings"]
    assert "~s:harbour-times" in terms and "~l:de" in terms and "~t:transport" in terms


def test_the_index_is_byte_identical_for_the_same_archive(tmp_path):
    archive = archive_of(make_search_site(tmp_path))
    first = search_files(index_of(archive))
    second = search_files(index_of(archive))
    assert [(p.path, p.body) for p in first[1]] == [(p.path, p.body) for p in second[1]]


def test_navigation_text_is_not_indexed(tmp_path):
    _, pages = search_files(index_of(archive_of(make_search_site(tmp_path))))
    shards = dict(shard_data(p) for p in pages)
    terms = {t for n, d in shards.items() if n.startswith("t/") for t in d[0]}
    assert not {"startseit", "archiv", "schlagwort"} & terms  # UI words of the German theme


def test_the_build_writes_the_search_page_and_a_search_box_on_every_page(tmp_path):
    site = make_search_site(tmp_path, language="de")
    report = build_site(site)
    output = site / "output"
    page = (output / "search" / "index.html").read_text(encoding="utf-8")
    assert "<noscript>" in page
    # One script: the stemmers of the archive's languages, then the search code, parts not copied.
    assert page.count("<script") == 1 and 'src="../static/search.js" data-manifest="../search/m/' in page
    script = (output / "static" / "search.js").read_text(encoding="utf-8")
    assert script.index("__NA_SNOWBALL") < script.index('["german"]') < script.index("window.searchArchive")
    assert '["french"]' not in script
    assert not (output / "static" / "search").exists() and not (output / "static" / "stem").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'action="search/index.html"' in home and 'name="q"' in home
    assert '<label for="site-search-q"' in home
    assert "search" in report.stages


def shards_of(tmp_path):
    _, pages = search_files(index_of(archive_of(make_search_site(tmp_path))))
    shards = dict(shard_data(p) for p in pages)
    return shards, next(d for n, d in shards.items() if n.startswith("m/"))


def test_each_result_names_the_excerpt_its_snippet_is_cut_from(tmp_path):
    shards, manifest = shards_of(tmp_path)
    first = shards[files(manifest, "docFiles")[0]]
    excerpts = [text for name in first["excerpts"] for text in shards[name]]
    titles = [row[1] for row in first["docs"]]
    harbour = excerpts[titles.index("Harbour ferry adds evening crossings")]
    assert harbour == ("The harbour ferry adds evening crossings for the summer. "
                       "Crossings in the evening were asked for by commuters.")
    assert "excerptFiles" not in manifest  # the first query's manifest does not carry them


def test_a_posting_says_whether_its_word_is_in_the_headline(tmp_path):
    shards, manifest = shards_of(tmp_path)
    terms = {t: v for n in files(manifest, "termFiles") for t, v in shards[n][0].items()}
    docs = [row[1] for n in files(manifest, "docFiles") for row in shards[n]["docs"]]
    numbers, doc, flags = decode_numbers(terms["ferri"]), 0, {}  # "ferry", stemmed
    for delta, value in zip(numbers[::2], numbers[1::2]):
        doc += delta
        flags[docs[doc]] = value & 1
    assert flags == {"Harbour ferry adds evening crossings": 1, "Old bridge closes for repairs": 0}


def test_reverse_shards_list_every_word_term_by_its_end(tmp_path):
    shards, manifest = shards_of(tmp_path)
    words = sorted(t for n in files(manifest, "termFiles") for t in shards[n][0] if not t.startswith("~"))
    listed = [t for n in files(manifest, "reverseFiles") for t in shards[n]]
    assert sorted(listed) == words
    assert listed == sorted(listed, key=lambda t: t[::-1])
    assert manifest["reverseFirst"] == [shards[n][0][::-1] for n in files(manifest, "reverseFiles")]


def test_a_large_archive_gets_larger_shards_not_more_files():
    assert shard_sizes(10_000) == (200, 20)
    docs, excerpts = shard_sizes(100_000)
    assert 100_000 / docs <= 1000 and 100_000 / excerpts <= 1000
    assert shard_sizes(1_000_000) == (1000, 1000)


def test_a_large_archive_gets_smaller_document_shards_than_a_visit_would_share():
    """Up to about 100 document shards a visit's queries soon hold most results in those already
    loaded; beyond, their rows are loaded for a query's own results, and small shards cost less."""
    assert shard_sizes(20_000)[0] == 200
    assert shard_sizes(40_000)[0] == shard_sizes(100_000)[0] == 100


def test_two_shards_of_different_contents_never_share_a_name(tmp_path, monkeypatch):
    """Names are short digests: a clash must stop the build, not let one shard stand for another."""
    index = index_of(archive_of(make_search_site(tmp_path)))
    monkeypatch.setattr("generator.search.shards.TERM_SHARD_BYTES", 100)  # many term shards
    monkeypatch.setattr("generator.search.shards.DIGEST_CHARS", 1)  # and 16 names for them
    with pytest.raises(ValueError, match="same name"):
        search_files(index)
