"""What the search loads while its reader reads: nothing for a visit's first question, however long it
takes to type; from its second question on, the headings of every article, so that a later query
shows its results after loading only the term shards of its words; from its third, every term shard
too, so that a later query needs no request."""

import datetime

import pytest

from generator.search import shards
from generator.build import build_site

from helpers.browser import page_without_errors
from helpers.sites import make_site, write_article

REPORTS = 60
PER_SHARD = 5  # 13 document shards: a query's top ten are in a few of them
TERM_BYTES = 40  # a term index of many shards, as a large archive's


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("site"), language="en", per_page=50)
    start = datetime.date(2020, 1, 1)
    write_article(root, "lantern.md", """
        title: "Lantern festival planned"
        date: "2019-05-01"
        lang: en
    """, "The town celebrates the autumn with music and lanterns.\n")
    for n in range(REPORTS):
        write_article(root, f"h{n:04d}.md", f"""
            title: "Harbour report number {n}"
            date: "{(start + datetime.timedelta(days=n)).isoformat()}"
            lang: en
        """, f"The harbour office wrote its report {n}.\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "DOCS_PER_SHARD", PER_SHARD)
        patch.setattr(shards, "TERM_SHARD_BYTES", TERM_BYTES)
        build_site(root)
    return root / "output" / "search" / "index.html"


@pytest.fixture
def tab(chromium, site):
    with page_without_errors(chromium, site.as_uri()) as page:
        yield page


def document_shards_loaded(tab):
    return tab.evaluate("document.querySelectorAll('script[src*=\"/d/\"]').length")


def term_shards_loaded(tab):
    return tab.evaluate("document.querySelectorAll('script[src*=\"/t/\"]').length")


def shard_files(tab, kind):
    return tab.evaluate("k => window.newsarchiveSearch.manifest().then(m => m[k].length)", kind)


def ask(tab, query):
    return [r["title"] for r in tab.evaluate("q => window.searchArchive(q)", query)]


def test_a_first_question_loads_only_the_headings_of_its_own_results(tab):
    assert ask(tab, "lant") == ["Lantern festival planned"]
    assert ask(tab, "lantern festival") == ["Lantern festival planned"]  # the same question, typed on
    tab.wait_for_timeout(500)
    assert document_shards_loaded(tab) == 1


def test_from_a_second_question_on_every_heading_is_loaded_while_the_reader_reads(tab):
    ask(tab, "lantern")
    assert ask(tab, "harbour report 17") == ["Harbour report number 17"]
    files = shard_files(tab, "docFiles")
    assert files == REPORTS // PER_SHARD + 1
    tab.wait_for_function("n => document.querySelectorAll('script[src*=\"/d/\"]').length === n", arg=files,
                          timeout=5000)
    # Every result of a later query is shown from what is loaded: only its words' term shards come.
    assert len(ask(tab, "harbour office")) == 10
    assert document_shards_loaded(tab) == files


def test_from_a_third_question_on_every_term_shard_is_loaded_too(tab):
    ask(tab, "lantern")
    ask(tab, "harbour report 17")
    terms = shard_files(tab, "termFiles")
    assert terms > 5
    tab.wait_for_timeout(500)
    assert term_shards_loaded(tab) < terms  # two questions: their own term shards only
    assert ask(tab, "autumn music") == ["Lantern festival planned"]
    tab.wait_for_function("n => document.querySelectorAll('script[src*=\"/t/\"]').length === n", arg=terms,
                          timeout=5000)
    # A later query, whatever its words, loads nothing.
    before = tab.evaluate("document.scripts.length")
    assert ask(tab, "office wrote") and ask(tab, "celebrates town")
    assert tab.evaluate("document.scripts.length") == before


def test_a_slow_connection_loads_only_what_its_answers_need(tab):
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400, "downloadThroughput": 50_000,
                                                  "uploadThroughput": 50_000, "connectionType": "cellular3g"})
    tab.reload()
    assert tab.evaluate("navigator.connection.effectiveType") == "3g"
    ask(tab, "lantern")
    ask(tab, "harbour report 17")
    ask(tab, "autumn music")
    tab.wait_for_timeout(1000)
    assert document_shards_loaded(tab) == 2
