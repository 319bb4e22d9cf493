"""Articles added, removed and moved update the search index in place, and the files it gives are
byte for byte those of an index made afresh."""

import pickle
from dataclasses import replace
from datetime import timedelta

import pytest

from generator.content.articles import load_articles
from generator.core.config import load_config
from generator.organise.archive import build_archive
from generator.search.index import doc_order
from generator.search.shards import EXCERPTS_PER_SHARD, search_files
from generator.search.stage import kept_index_files, terms_of
from generator.search.update import IndexState


@pytest.fixture(scope="module")
def archive(corpus_site):
    articles, errors = load_articles(corpus_site, load_config(corpus_site))
    assert not errors
    return build_archive(articles)


def news(archive, n: int, after, words: str = "Harbour ferry resumes evening crossings") -> list:
    """`n` new articles dated from `after` on, a minute apart, each with a word no other article has."""
    model = archive.articles[0]
    return [replace(model, slug=f"fresh-{i}", title=f"{words} {i}", date=after + timedelta(minutes=i + 1),
                    body_html=f"<p>{words} zyxfresh{i} on Monday.</p>", summary="", content_hash=f"fresh-{i}")
            for i in range(n)]


def files(index) -> dict[str, bytes]:
    return {page.path: page.body for page in search_files(index)[1]}


def made(archive) -> IndexState:
    """The index of `archive` with its files made, as a build leaves it."""
    state = IndexState.from_articles(archive)
    state.kept = {}
    kept_files(state)
    return state


def kept_files(state: IndexState) -> dict[str, bytes]:
    """Every search file of `state`: those its changes touched made in this call, the others kept."""
    return {job.path: job.make() for job in kept_index_files(state, state.kept).jobs}


def updated(state: IndexState, archive) -> list[int]:
    """Update `state` to `archive`, check its files against those of an index made afresh, and say
    how many articles were indexed again."""
    log = []

    def terms(articles):
        log.append(len(articles))
        return terms_of(articles)
    assert state.update(archive, terms), "indexed afresh instead of updated"
    assert kept_files(state) == files(IndexState.from_articles(archive).index)
    return log


def test_todays_articles_are_appended(archive):
    state = made(archive)
    newest = archive.articles[0].date
    assert updated(state, build_archive(archive.articles + news(archive, 1, newest))) == [1]
    grown = build_archive(archive.articles + news(archive, 6, newest))
    assert updated(state, grown) == [5]
    assert state.index.df["zyxfresh5"] == 1 and doc_order(grown)[-1].slug == "fresh-5"


def test_an_article_added_in_the_past_reindexes_the_newer_ones(archive):
    state = made(archive)
    between = archive.articles[4].date  # after the fifth newest: four newer articles take the next numbers
    assert updated(state, build_archive(archive.articles + news(archive, 1, between))) == [5]


def test_removing_articles(archive):
    state = made(archive)
    without_newest = build_archive(archive.articles[1:])
    assert updated(state, without_newest) == []  # its terms lose a posting; nothing is indexed again
    without_third = build_archive(without_newest.articles[:2] + without_newest.articles[3:])
    assert updated(state, without_third) == [2]
    assert {row[0] for row in state.index.docs}.isdisjoint({archive.articles[0].path, archive.articles[3].path})


def test_moving_an_article_to_another_url_or_date(archive):
    state = made(archive)
    moved = list(archive.articles)
    moved[3] = replace(moved[3], slug="a-new-slug", content_hash=moved[3].content_hash + "'")
    assert updated(state, build_archive(moved)) == [1]  # same date: same number, new URL
    moved[3] = replace(moved[3], date=archive.articles[0].date + timedelta(hours=1))
    assert updated(state, build_archive(moved)) == [4]  # moved to be the newest: the three newer ones shift


def test_changes_one_after_another_each_by_a_build_of_its_own(archive):
    state = made(archive)
    newest = archive.articles[0].date
    articles = archive.articles + news(archive, 3, newest)
    for change in (lambda: None,
                   lambda: articles.__setitem__(5, replace(articles[5], content_hash=articles[5].content_hash + "'",
                                                           body_html=articles[5].body_html + "<p>Quuxbarian.</p>")),
                   lambda: articles.__delitem__(-2),
                   lambda: articles.extend(news(archive, 2, newest + timedelta(days=1), "Evening rail strike"))):
        change()
        state = pickle.loads(pickle.dumps(state))  # as .cache/ keeps it between builds
        updated(state, build_archive(articles))


def test_adding_one_article_makes_only_the_files_holding_its_terms(archive):
    state = made(archive)
    before = set(state.kept)
    article = news(archive, 1, archive.articles[0].date)
    assert state.update(build_archive(archive.articles + article), terms_of)
    manifest, pages, paths = state.files()
    terms = set(terms_of(article)[0].terms)
    term_files = {page.path for page in pages if page.path.startswith("search/t/")}
    # A term shard for each of the article's ten or so terms (a new term may cut a shard in two),
    # the last document and excerpt shards, a reverse shard for its new word, the manifest.
    assert len(term_files) <= len(terms) + 1
    assert len(pages) - len(term_files) <= 6
    assert len(before) > 5 * len(pages)
    assert len(before - set(paths)) <= len(pages)


def test_shards_with_the_same_data_are_one_file(archive):
    same = [replace(a, body_html="<p>The same wire copy, word for word.</p>", summary="")
            for a in archive.articles[:2 * EXCERPTS_PER_SHARD]]
    manifest, pages = search_files(IndexState.from_articles(build_archive(same)).index)
    paths = [page.path for page in pages]
    assert len(paths) == len(set(paths))
    assert sum(path.startswith("search/x/") for path in paths) == 1


def test_a_larger_archive_takes_more_shifted_numbers_before_indexing_afresh(archive, monkeypatch):
    between = archive.articles[80].date  # 80 newer articles shift: more than 64
    past = build_archive(archive.articles + news(archive, 1, between))
    assert not made(archive).update(past, terms_of)
    monkeypatch.setattr("generator.search.update.CHANGED_SHARE", 10)  # as if the archive were ten times larger
    assert updated(made(archive), past) == [81]
