"""The search page's result list in the real browser: every hit reachable a page at a time, the order
a reader picks kept in the address, and snippets cut from the passage that holds the query's words."""

import datetime

import pytest

from generator.search import shards
from generator.build import build_site

from helpers.browser import page_without_errors
from helpers.sites import make_site, write_article

HITS = 520  # more than any fixed ceiling a result list might have
FILLER = "The council met again on Monday and talked about roads, schools and the budget. " * 14


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """HITS articles about the harbour, one a day; a few with words found only deep in their text."""
    root = make_site(tmp_path_factory.mktemp("site"), language="en", per_page=50)
    start = datetime.date(2020, 1, 1)
    for n in range(HITS):
        day = start + datetime.timedelta(days=n)
        write_article(root, f"h{n:04d}.md", f"""
            title: "Harbour report number {n}"
            date: "{day.isoformat()}"
            lang: en
        """, f"The harbour office wrote its report {n}.\n")
    write_article(root, "deep.md", """
        title: "Council budget talks"
        date: "2019-06-01"
        lang: en
    """, FILLER + "\n\nAt the end the lighthouse keeper asked for a new lantern.\n")
    write_article(root, "nowhere.md", """
        title: "Lantern festival planned"
        date: "2019-05-01"
        lang: en
    """, "The town celebrates the autumn with music.\n")
    # Document and excerpt shards of sizes that do not line up (60 and 41 articles), as in an archive
    # of more than 60,000: a result still finds its excerpt.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "MOST_SHARD_FILES", 13)
        build_site(root)
    return root / "output" / "search" / "index.html"


@pytest.fixture
def tab(chromium, site):
    with page_without_errors(chromium) as page:
        page.url_of = lambda query="": site.as_uri() + query
        yield page


def answered(tab, query):
    tab.wait_for_function("q => document.getElementById('search-status').dataset.query === q", arg=query)


def test_every_hit_of_a_large_result_can_be_shown(tab):
    tab.goto(tab.url_of("?q=harbour"))
    answered(tab, "harbour")
    assert tab.locator("#search-status").inner_text() == f"{HITS} results"
    shown = tab.locator("#search-results li")
    assert shown.count() < HITS
    clicks = 0
    while tab.locator("#search-more").count():
        before = shown.count()
        tab.locator("#search-more").click()
        tab.wait_for_function("n => document.querySelectorAll('#search-results li').length > n", arg=before)
        clicks += 1
    assert clicks > 1
    titles = shown.all_inner_texts()
    assert len(titles) == len(set(titles)) == HITS


def test_one_hit_is_counted_in_the_singular(tab):
    tab.goto(tab.url_of("?q=lighthouse"))
    answered(tab, "lighthouse")
    assert tab.locator("#search-status").inner_text() == "1 result"
    assert not tab.locator("#search-more").count()


def dates(tab):
    return tab.locator("#search-results time").evaluate_all("els => els.map(e => e.dateTime)")


def test_the_order_by_date_is_kept_in_the_address(tab):
    tab.goto(tab.url_of("?q=harbour&sort=oldest"))
    answered(tab, "harbour")
    assert tab.locator("#search-sort").input_value() == "oldest"
    oldest = dates(tab)
    assert oldest == sorted(oldest) and oldest[0] == "2020-01-01"
    tab.locator("#search-sort").select_option("newest")
    tab.wait_for_function("() => document.querySelector('#search-results time').dateTime !== '2020-01-01'")
    newest = dates(tab)
    assert newest == sorted(newest, reverse=True)
    assert "sort=newest" in tab.url
    tab.locator("#search-sort").select_option("")
    tab.wait_for_function("() => !location.search.includes('sort=')")


def snippet(tab, query):
    """The top result's snippet, with its marks."""
    tab.goto(tab.url_of("?q=" + query))
    answered(tab, query)
    tab.wait_for_function("() => document.querySelector('#search-results p.summary mark')", timeout=3000)
    top = tab.locator("#search-results li").first
    return top.locator("p.summary").inner_text(), top.locator("p.summary mark").all_inner_texts()


def test_the_snippet_is_the_passage_holding_the_query_words(tab):
    text, marked = snippet(tab, "lantern keeper")
    assert "lighthouse keeper asked for a new lantern" in text
    assert text.startswith("… ")  # the text before the passage is left out
    assert marked == ["keeper", "lantern"]


def test_an_article_whose_words_are_only_in_its_headline_shows_it_in_the_snippet(tab):
    text, marked = snippet(tab, "festival")
    assert text == "Lantern festival planned · The town celebrates the autumn with music."
    assert marked == ["festival"]


def test_the_api_gives_passages_when_asked(tab):
    tab.goto(tab.url_of())
    found = tab.evaluate("() => window.searchArchive('lantern keeper', {passages: true})")
    quick = tab.evaluate("() => window.searchArchive('lantern keeper')")
    assert "lantern" in found[0]["snippet"] and quick[0]["snippet"] == ""
    assert quick[0]["title"] == found[0]["title"]


def test_a_passage_fills_in_its_place_without_moving_what_is_below(tab):
    """The list is shown once its headings are loaded; each passage arrives a moment later, in the
    room kept for it, so that no result moves under the reader's eyes or pointer."""
    tab.goto(tab.url_of())
    shown = tab.evaluate("""() => new Promise(done => {
        const list = document.getElementById('search-results');
        new MutationObserver((_, observer) => {
            const items = list.querySelectorAll('li');
            if (!items.length) return;
            observer.disconnect();
            done({bottoms: [...items].map(li => li.getBoundingClientRect().bottom),
                  snippet: items[0].querySelector('p.summary').textContent});
        }).observe(list, {childList: true});
        const input = document.getElementById('search-q');
        input.value = 'lantern keeper';
        input.dispatchEvent(new Event('input'));
    })""")
    tab.wait_for_function("() => document.querySelector('#search-results li p.summary').textContent.includes('lantern')")
    passage = tab.locator("#search-results li p.summary").first.text_content()
    assert "lighthouse keeper asked for a new lantern" in passage and shown["snippet"] != passage
    bottoms = tab.evaluate("() => [...document.querySelectorAll('#search-results li')].map(li => li.getBoundingClientRect().bottom)")
    assert bottoms == shown["bottoms"]
