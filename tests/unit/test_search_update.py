"""Updating the search index for edited articles gives exactly the index a full build makes."""

import copy
import pickle
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from generator.organise.archive import Archive, build_archive
from generator.core.config import load_config
from generator.content.articles import load_articles
from generator.search.index import SearchIndex, doc_order
from generator.search.shards import search_files
from generator.search.stage import terms_of
from generator.search.update import IndexState

from helpers.reference_index import reference_index, reference_state


@pytest.fixture(scope="module")
def corpus_articles(corpus_site):
    articles, errors = load_articles(corpus_site, load_config(corpus_site))
    assert not errors
    return articles


def edited(article, **changes):
    """The article as if its file had been edited: new fields, new content hash."""
    return replace(article, content_hash=article.content_hash + "'", **changes)


def with_edits(articles, edits: dict[int, dict]) -> Archive:
    changed = list(articles)
    for i, fields in edits.items():
        changed[i] = edited(articles[i], **fields)
    return build_archive(changed)


def calls(log):
    def terms(articles, whole=False):
        log.append(len(articles))
        return terms_of(articles)
    return terms


def assert_same_index(state: IndexState, fresh: SearchIndex):
    assert state.index.postings == fresh.postings
    assert state.index.positions == fresh.positions
    assert state.index.df == fresh.df and state.index.order == fresh.order
    assert (state.index.docs[:], state.index.months, state.index.languages) == (fresh.docs[:], fresh.months, fresh.languages)
    assert [p.body for p in search_files(state.index)[1]] == [p.body for p in search_files(fresh)[1]]


def test_an_edit_gives_the_index_of_a_full_build_and_indexes_only_that_article(corpus_articles):
    archive = build_archive(corpus_articles)
    state = IndexState.from_articles(archive)
    target = archive.articles[10]
    # New words (one no other article has), a word dropped, a changed headline, tags and source.
    body = target.body_html.replace("the", "a", 1) + "<p>Zyxwvut inquiry into the harbour tariffs.</p>"
    new = with_edits(archive.articles, {10: dict(body_html=body, title=target.title + " again",
                                                 tags=("Zyxwvut tag",), source="Another Desk")})
    log = []
    assert state.update(new, calls(log))
    assert log == [1]
    assert_same_index(state, IndexState.from_articles(new).index)
    assert state.index.df["zyxwvut"] == 1


def test_several_edits_and_a_word_that_leaves_the_archive(corpus_articles):
    archive = build_archive(corpus_articles)
    state = IndexState.from_articles(archive)
    first = with_edits(archive.articles, {3: dict(body_html=archive.articles[3].body_html + "<p>Quuxbarian ferry.</p>")})
    assert state.update(first, terms_of)
    # The only article holding the word loses it; others change at once, one by a second of its time.
    second = with_edits(first.articles, {3: dict(body_html=archive.articles[3].body_html),
                                        50: dict(body_html=first.articles[50].body_html + "<p>Talks resumed.</p>"),
                                        700: dict(lang="de"), 900: dict(date=first.articles[900].date - timedelta(seconds=1))})
    assert state.update(second, terms_of)
    assert "quuxbarian" not in state.index.postings
    assert_same_index(state, IndexState.from_articles(second).index)


def test_changes_that_shift_most_doc_numbers_leave_the_state_untouched(corpus_articles):
    archive = build_archive(corpus_articles)
    state = IndexState.from_articles(archive)
    before = copy.deepcopy(state)
    oldest = archive.articles[-1].date
    for changed in (build_archive(archive.articles[:-1]),  # the oldest deleted: every other number shifts
                    build_archive(archive.articles + [replace(archive.articles[0], slug="a-copy",
                                                              date=oldest.replace(year=oldest.year - 1))]),
                    with_edits(archive.articles, {0: dict(date=oldest.replace(year=oldest.year - 1))})):  # moved
        assert not state.update(changed, terms_of)
        assert copy.deepcopy(state) == before  # (both without the rows a state makes again)
    # An edit so large that it moves the archive-wide average length.
    huge = with_edits(archive.articles, {5: dict(body_html="<p>" + "word " * 50_000 + "</p>")})
    assert not state.update(huge, terms_of)
    assert copy.deepcopy(state) == before


def test_the_index_made_at_once_is_the_one_made_article_by_article(corpus_articles):
    # search_arrays weighs and encodes all pairs at once; every string must be what the search scripts expect.
    archive = build_archive(corpus_articles)
    state = IndexState.from_articles(archive)
    assert_same_index(state, reference_index(archive))
    assert state.terms == reference_state(archive, terms_of(doc_order(archive))).terms


@pytest.mark.parametrize("block", [None, 1000])
def test_the_index_made_at_once_handles_long_texts_stopword_only_texts_and_large_numbers(corpus_articles, block,
                                                                                         monkeypatch):
    if block:  # arrays are encoded and weighed in blocks (at 100,000 articles): here many small ones
        monkeypatch.setattr("generator.search.arrays.BLOCK", block)
    long_text = "<p>" + " ".join(f"wort{i % 5000}" for i in range(40_000)) + " zyxwvut finale</p>"
    articles = list(corpus_articles[:3])
    articles[0] = edited(articles[0], body_html=long_text, summary="")  # places past 32,768, five-digit steps
    articles[1] = edited(articles[1], title="The and of", body_html="<p>the of and to it is</p>", summary="")
    # Words that sort after the filter terms ("~t:…"), which otherwise all come last.
    articles[2] = edited(articles[2], title="Встреча в Москве", tags=("Russland",), source="Agentur")
    archive = build_archive(articles)
    assert_same_index(IndexState.from_articles(archive), reference_index(archive))


@pytest.mark.parametrize("articles_per_block, words_per_range", [(1, 1), (2, 50), (7, 3000)])
def test_an_index_made_from_blocks_of_articles_and_ranges_of_terms_is_the_one_made_at_once(
        corpus_articles, articles_per_block, words_per_range, monkeypatch):
    # A large archive's words are sorted a block of articles at a time, then made into postings a
    # range of terms at a time: a term's postings join its words from every block, oldest first.
    archive = build_archive(corpus_articles)
    at_once = IndexState.from_articles(archive)
    monkeypatch.setattr("generator.search.arrays.ARTICLES_PER_BLOCK", articles_per_block)
    monkeypatch.setattr("generator.search.blocks.WORDS_PER_RANGE", words_per_range)
    in_blocks = IndexState.from_articles(archive)
    assert_same_index(in_blocks, reference_index(archive))
    assert (in_blocks.index.postings, in_blocks.index.positions, in_blocks.index.df, in_blocks.last) == (
        at_once.index.postings, at_once.index.positions, at_once.index.df, at_once.last)
    assert list(in_blocks.index.postings) == list(at_once.index.postings)
    assert in_blocks.files()[2] == at_once.files()[2]


def test_an_index_made_from_pickled_chunks_of_articles_is_the_one_made_from_the_archive(corpus_articles, monkeypatch,
                                                                                       tmp_path):
    # A first build's background process reads the articles pickled a chunk at a time.
    from generator.search.pickled import PickledArticles
    monkeypatch.setattr("generator.search.pickled.CHUNK", 3)
    archive = build_archive(corpus_articles)
    chunks = pickle.loads(pickle.dumps(PickledArticles(doc_order(archive), tmp_path)))  # as the search process gets them
    assert len(chunks.ends) > 2
    assert [a.path for a in chunks[2:8]] == [a.path for a in doc_order(archive)[2:8]]
    assert chunks[-1].path == doc_order(archive)[-1].path
    state = IndexState.from_articles(None, None, chunks)
    assert_same_index(state, reference_index(archive))
    assert state.files()[2] == IndexState.from_articles(archive).files()[2]


def test_the_index_of_an_empty_archive(corpus_articles):
    archive = build_archive([])
    assert_same_index(IndexState.from_articles(archive), reference_index(archive))


@pytest.mark.parametrize("block", [1, 2, 3, 1 << 22])
def test_pieces_cut_across_blocks_are_each_their_own_numbers_encoded(block, monkeypatch):
    # Pieces are cut block by block: one may begin in a block and end several blocks later, or be empty.
    from generator.search.arrays import encode_pieces
    from generator.search.codec import encode_numbers
    monkeypatch.setattr("generator.search.arrays.BLOCK", block)
    numbers = [0, 31, 32, 1 << 20, 5, 7, 1023, 1024, 3, 0]
    bounds = [0, 0, 1, 4, 4, 9, 10, 10]
    pieces = encode_pieces(np.array(numbers, np.int32), np.array(bounds))
    assert pieces == [encode_numbers(numbers[a:b]) for a, b in zip(bounds, bounds[1:])]
