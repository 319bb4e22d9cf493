"""The search page in a real browser: the system Chromium, headless, driven by Playwright.

Most tests open output/search/index.html from disk (file://), the case static-search tools
fail; one serves the same files over HTTP like a static host.
"""

import functools
import html
import math
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from generator.build import build_site
from generator.search.scoring import IMPACT_SCALE, K1, TEXT_B, corpus_norms, doc_weights, idf, impact
from generator.lang.text import fold, lower_words, query_term, stemmer_of, text_terms, words

from helpers.search_site import ARTICLES, make_search_site

STEM = Path(__file__).resolve().parents[2] / "templates" / "static" / "stem"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_search_site(tmp_path_factory.mktemp("site"), language="de")
    build_site(root)
    return root / "output"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("browser tests need Debian's chromium at /usr/bin/chromium: run 'make test-deps' "
                    "(apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(site, browser):
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
    tab.errors = errors
    tab.search_url = (site / "search" / "index.html").as_uri()
    yield tab
    context.close()
    assert not errors


def search_tab(browser, root):
    """A fresh browser tab on the built site's search page, closed when the fixture ends."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((root / "output" / "search" / "index.html").as_uri())
    yield tab
    context.close()


def search(page, query, **options):
    """searchArchive's titles for `query`."""
    if "search" not in page.url:
        page.goto(page.search_url)
    results = page.evaluate("([q, o]) => window.searchArchive(q, o)", [query, {"limit": 10, **options}])
    return [r["title"] for r in results]


def shown_titles(page):
    """The result titles on the page, once they answer what the search box holds."""
    page.wait_for_function("document.getElementById('search-status').dataset.query"
                           " === document.getElementById('search-q').value")
    return page.locator("#search-results h2").all_inner_texts()


def test_results_appear_while_typing(page):
    page.goto(page.search_url)
    page.locator("#search-q").press_sequentially("Verhand", delay=20)
    assert shown_titles(page) == ["Ukraine und Russland: Verhandlungen in Sicht?"]


def test_search_finds_plural_from_singular(page):
    assert search(page, "Verhandlung") == ["Ukraine und Russland: Verhandlungen in Sicht?"]
    assert search(page, "Sanktion") == ["Ukraine und Russland: Verhandlungen in Sicht?"]


def test_umlauts_and_ascii_spellings_find_each_other(page):
    title = "Neue Straße am Fluss eröffnet"
    assert search(page, "Schulhoefe") == search(page, "Schulhöfe") == [title]
    assert search(page, "Strasse") == search(page, "straße") == [title]


def test_german_and_english_articles_are_found_from_the_same_page(page):
    assert search(page, "Ukraine") == ["Ukraine und Russland: Verhandlungen in Sicht?"]
    assert search(page, "sanctions package") == ["Ministers agree new sanctions package"]


def test_all_words_must_match(page):
    assert search(page, "evening crossings") == ["Harbour ferry adds evening crossings", "Old bridge closes for repairs"]
    assert search(page, "evening bridge") == ["Old bridge closes for repairs"]


def test_quoted_phrase_needs_the_words_side_by_side(page):
    assert search(page, '"evening crossings"') == ["Harbour ferry adds evening crossings"]
    assert search(page, '"crossings evening"') == []


def test_filters_narrow_results_by_source_tag_language_and_date(page):
    assert search(page, "evening", filters={"source": "harbour-times"}) == ["Old bridge closes for repairs"]
    assert search(page, "evening", filters={"tag": "transport", "from": "2024-01"}) == [
        "Harbour ferry adds evening crossings"]
    assert search(page, "neue", filters={"lang": "en"}) == []
    assert search(page, "evening", filters={"to": "2023-12"}) == ["Old bridge closes for repairs"]


def test_filter_controls_on_the_page_apply_to_the_results(page):
    page.goto(page.search_url + "?q=evening")
    assert len(shown_titles(page)) == 2
    page.locator(".search-filters summary").click()
    page.select_option("#search-source", "harbour-times")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 1")
    assert "source=harbour-times" in page.url


def test_matched_words_are_highlighted_in_title_and_snippet(page):
    page.goto(page.search_url + "?q=Verhandlung")
    shown_titles(page)
    marks = page.locator("#search-results mark").all_inner_texts()
    assert marks == ["Verhandlungen", "Verhandlungen"]


def test_results_show_date_source_and_snippet(page):
    page.goto(page.search_url + "?q=sanctions")
    shown_titles(page)
    item = page.locator("#search-results li").first
    assert item.locator("time").get_attribute("datetime") == "2024-03-12"
    assert item.locator("time").inner_text() == "12. März 2024"  # as dates read on every other page (a German site)
    assert "Demo Desk" in item.locator(".meta").inner_text()
    assert "Foreign ministers agreed" in item.locator(".summary").inner_text()


def test_q_in_the_url_runs_the_search_and_typing_updates_it(page):
    page.goto(page.search_url + "?q=harbour%20ferry")
    assert shown_titles(page) == ["Harbour ferry adds evening crossings"]
    page.fill("#search-q", "bridge")
    page.wait_for_url("**/search/index.html?q=bridge")


def test_hostile_queries_show_no_error_and_inject_nothing(page):
    page.goto(page.search_url)
    hostile = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a" * 1000, ".*+?^${}()|[]\\",
               '"unmatched', 'evening "crossings', '"', "der die das", "the of and", "!!! ???"]
    for query in hostile:
        page.fill("#search-q", query)
        page.locator("#search-q").press("Enter")
        shown_titles(page)
        assert page.locator("#search-results script, #search-results img").count() == 0
    assert search(page, "der die das") == []
    assert search(page, 'evening "crossings') == ["Harbour ferry adds evening crossings", "Old bridge closes for repairs"]


def test_markup_in_titles_is_shown_as_text(page):
    page.goto(page.search_url + "?q=headline")
    assert shown_titles(page) == ["Markup <script>alert('x')</script> in a headline"]
    assert page.locator("#search-results script").count() == 0


def test_keyboard_moves_from_the_search_box_to_the_results(page):
    page.goto(page.search_url + "?q=evening")
    shown_titles(page)
    page.locator("#search-q").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Harbour ferry adds evening crossings"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-q"


def test_result_links_open_the_article_from_disk(page):
    page.goto(page.search_url + "?q=harbour%20ferry")
    shown_titles(page)
    page.locator("#search-results a").first.click()
    assert page.locator("h1").inner_text() == "Harbour ferry adds evening crossings"
    assert page.url.startswith("file://")


def test_every_result_links_to_its_own_article_page(page, site):
    """A document row leaves out the path its date and an ASCII headline make; the link is the same."""
    page.goto(page.search_url)
    for title in ("Harbour ferry adds evening crossings", "Neue Straße am Fluss eröffnet",
                  "Ukraine und Russland: Verhandlungen in Sicht?", "Old bridge closes for repairs"):
        found = page.evaluate("q => window.searchArchive(q)", title)
        target = Path(unquote(urlsplit(found[0]["url"]).path))
        assert target.is_relative_to(site) and target.is_file(), found[0]["url"]
        assert f"<h1>{html.escape(title, quote=False)}</h1>" in target.read_text(encoding="utf-8")


def test_the_header_search_box_leads_to_results(page, site):
    page.goto((site / "index.html").as_uri())
    page.fill("#site-search-q", "Sanktionen")
    page.locator("#site-search-q").press("Enter")
    assert shown_titles(page) == ["Ukraine und Russland: Verhandlungen in Sicht?"]


def test_search_works_from_a_static_http_server(site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *args: None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"http://127.0.0.1:{server.server_port}/search/?q=Verhandlung")
        assert shown_titles(tab) == ["Ukraine und Russland: Verhandlungen in Sicht?"]
        context.close()
    finally:
        server.shutdown()
        server.server_close()


def test_browser_folding_and_stemming_match_the_index(page):
    """search/text.js repeats lang/text.py; any difference would hide articles from some queries."""
    text = " ".join(ARTICLES.values()) + (
        " Häuser Bäume Überweisungen Verhandlungen Sanktionen größten Systeme Kenntnisse Geschäftsführerinnen"
        " fröhlichkeit ärztlich Ergebnissen Abteilungen crossings generously happily skies dying relational"
        " conditional hopefulness arguing agreed feed succeeded ponies caresses cries emerging universal"
        " Café naïve Ångström ÉCOLE Łódź les élections présidentielles évacué la educación pública"
        " Новый президент России 東京都庁のカレーが好き 한국어 텍스트 नमस्ते दुनिया")
    stemmers = {lang: stemmer_of(lang) for lang in ("de", "en", "fr", "es", "ru", "ja")}
    page.goto(page.search_url)
    page.add_script_tag(path=str(STEM / "base.js"))
    for algorithm in ("french", "spanish", "russian"):  # the German site's page loads German and English
        page.add_script_tag(path=str(STEM / f"{algorithm}.js"))
    got = page.evaluate("""([text, stemmers]) => {
        const i = window.searchArchive.internals, m = {stemmers: stemmers}, w = i.words(text), lw = i.lowerWords(text);
        const terms = {};
        for (const lang of Object.keys(stemmers))
            terms[lang] = (stemmers[lang] && !stemmers[lang][1] ? lw : w).map(
                (word, k) => i.termOf(m, lang, {word: i.fold(word), raw: lw[k]}));
        return {words: w, lower: lw, terms: terms};
    }""", [text, stemmers])
    assert got["words"] == words(text)
    assert got["lower"] == lower_words(text)
    for lang, stemmer in stemmers.items():
        read = lower_words(text) if stemmer and not stemmer[1] else words(text)
        assert got["terms"][lang] == [query_term(lang, word) for word in read], lang
    assert fold("Łódź") == page.evaluate("window.searchArchive.internals.fold('Łódź')")


def test_the_browser_reads_an_articles_length_back_from_a_word_impact(page):
    # search/ranking.js ranks a phrase by how often it stands in an article of that length; the length is
    # not shipped but read back from the impact the index gave one of its words.
    norms = corpus_norms(10_000, 80_000, 1_750_000)
    m = {"docs": norms.count, "bm25": [K1, TEXT_B, IMPACT_SCALE]}
    page.goto(page.search_url)
    for ratio in (0.1, 0.5, 1.0, 2.0, 5.0):
        for df, occurrences in ((3, 1), (40, 2), (900, 1)):
            weight = impact(idf(norms, df), 0, occurrences, doc_weights(norms, 8, round(ratio * norms.avg_text)))
            read = page.evaluate("([m, i, df, n]) => window.searchArchive.internals.lengthRatio(m, i, df, n)",
                                 [m, weight, df, occurrences])
            # The bonus goes by log2 of the ratio: a quarter of a doubling off is a few points of score.
            assert abs(math.log2(read / ratio)) <= 0.25, (ratio, df, occurrences, read)


# Articles that compete for the same words: which comes first is what a reader notices. Other
# articles around them make the words rare, as in a real archive.
RANKING = {
    "2024/01/inspection.md": ("Farm news roundup", "2024-01-10",
                              "Officials began the grain silo inspection on Monday, a week later than planned, "
                              "after weeks of rain had flooded the valley roads."),
    "2024/02/logged.md": ("Farm records", "2024-02-10",
                          "Grain silo or inspection; grain silo or inspection; grain silo or inspection."),
    "2024/03/ends.md": ("Harbour strike ends", "2024-03-10", "Dock workers return on Friday."),
    "2024/04/talks.md": ("Harbour strike talks go on again", "2024-04-10",
                         "The harbour strike goes on. " * 8),
    "2024/05/tolls-figures.md": ("Ferry tolls up 4.5 pct in 2nd qtr of 1987", "2024-05-10",
                                 "The operator published its quarterly figures for the island route."),
    "2024/06/tolls-anger.md": ("Ferry tolls anger island commuters", "2024-06-10",
                               "Commuters on the island route complained at a meeting on Tuesday."),
    # The same words as often, in texts as long: once side by side twice, once only once.
    "2024/07/timetable-twice.md": ("Dock report", "2024-07-10",
                                   "The night ferry timetable changed. Readers asked about the night ferry timetable again."),
    "2024/08/timetable-once.md": ("Port report", "2024-08-10",
                                  "The night ferry timetable changed. Night shifts asked about ferry crew timetable again."),
    # A phrase in a short article about it, and twice in passing in a long one.
    "2024/09/keeper-short.md": ("Island people", "2024-09-10",
                                "The coastal lighthouse keeper retired after forty years."),
    "2024/10/keeper-long.md": ("Harbour diary", "2024-10-10",
                               "The coastal lighthouse keeper waved from the pier on Monday morning. Fishermen "
                               "unloaded their catch while tourists photographed boats, gulls and the old crane. "
                               "Later the coastal lighthouse keeper walked home along the quiet harbour wall "
                               "near the market square."),
    **{f"2023/{n % 12 + 1:02d}/council-{n}.md": (f"Council meets on budget {n}", f"2023-{n % 12 + 1:02d}-01",
                                                 "Councillors discussed the budget for schools and roads.")
       for n in range(40)},
}


def write_ranking_site(root: Path) -> None:
    (root / "site.yaml").write_text('title: "Ranking"\nlanguage: en\n', encoding="utf-8")
    for name, (title, date, text) in RANKING.items():
        path = root / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'---\ntitle: "{title}"\ndate: "{date}T08:00:00+00:00"\nlang: en\n---\n{text}\n',
                        encoding="utf-8")


@pytest.fixture(scope="module")
def ranking_page(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("ranking")
    write_ranking_site(root)
    build_site(root)
    yield from search_tab(browser, root)


def test_the_query_found_word_for_word_ranks_above_its_words_repeated_apart(ranking_page):
    titles = search(ranking_page, "grain silo inspection")
    assert titles == ["Farm news roundup", "Farm records"]


def test_a_headline_made_mostly_of_the_query_ranks_above_a_longer_one_about_it(ranking_page):
    titles = search(ranking_page, "harbour strike")
    assert titles[0] == "Harbour strike ends"


def test_a_phrase_found_twice_ranks_above_one_found_once_with_its_words_repeated_apart(ranking_page):
    # Same word counts and lengths, so the plain scores tie; the older article says the phrase twice.
    assert search(ranking_page, "night ferry timetable") == ["Dock report", "Port report"]


def test_a_phrase_in_a_short_article_ranks_above_the_same_phrase_twice_in_a_long_one(ranking_page):
    # Four times as long and saying it twice: per word read, the short article says it more.
    assert search(ranking_page, "coastal lighthouse keeper") == ["Island people", "Harbour diary"]


def test_numbers_in_a_headline_do_not_make_it_a_worse_fit(ranking_page):
    # Four words a reader would recall ("ferry tolls ... pct ... qtr") against five: the figures
    # and codes around them are not what anyone types.
    titles = search(ranking_page, "ferry tolls")
    assert titles == ["Ferry tolls up 4.5 pct in 2nd qtr of 1987", "Ferry tolls anger island commuters"]


def test_a_minus_word_leaves_out_the_articles_holding_it(page):
    assert sorted(search(page, "evening")) == ["Harbour ferry adds evening crossings", "Old bridge closes for repairs"]
    assert search(page, "evening -bridge") == ["Harbour ferry adds evening crossings"]
    assert search(page, "evening -bridges") == ["Harbour ferry adds evening crossings"]  # any form of the word
    assert search(page, "-bridge evening") == ["Harbour ferry adds evening crossings"]
    assert search(page, "covid-19 evening") == []  # a minus inside a word is no exclusion


def test_a_minus_phrase_leaves_out_the_articles_holding_the_phrase(page):
    assert search(page, 'evening -"old bridge"') == ["Harbour ferry adds evening crossings"]
    assert len(search(page, 'evening -"bridge old"')) == 2  # not side by side in that order: nothing left out


def test_only_excluded_words_find_nothing_and_the_page_says_so(page):
    page.goto(page.search_url + "?q=-bridge")
    assert shown_titles(page) == []
    assert page.locator("#search-status").inner_text() == "Keine Artikel gefunden."


def test_the_search_page_shows_the_syntax_under_the_box(page):
    page.goto(page.search_url)
    line = page.locator("#search-syntax").inner_text()
    assert '"' in line and "-Wort" in line
    assert "search-syntax" in page.locator("#search-q").get_attribute("aria-describedby")


TYPING = {
    **{f"2024/01/port-{n}.md": (f"Harbour news {n}", "en", "The port council met about the harbour.") for n in range(25)},
    "2024/02/councillors.md": ("Pay frozen", "en", "Councillors froze their pay at the harbour."),
    "2024/03/maedchen.md": ("Technik für alle", "de", "Ein neues Programm soll Mädchen für Technik begeistern."),
    "2024/04/programm.md": ("Neues Programm", "de", "Das Programm beginnt im Herbst."),
}


@pytest.fixture(scope="module")
def typing_page(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("typing")
    (root / "site.yaml").write_text('title: "Typing"\nlanguage: en\n', encoding="utf-8")
    for name, (title, lang, text) in TYPING.items():
        path = root / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'---\ntitle: "{title}"\ndate: "{name[:4]}-{name[5:7]}-01T08:00:00+00:00"\nlang: {lang}\n---\n'
                        f'{text}\n', encoding="utf-8")
    build_site(root)
    yield from search_tab(browser, root)


def test_the_word_being_typed_is_also_completed_however_often_it_is_found_itself(typing_page):
    # "council" is in 25 articles; "Councillors" completes it and ranks below every exact match.
    titles = search(typing_page, "harbour council", limit=50)
    assert len(titles) == 26 and titles[-1] == "Pay frozen"
    assert search(typing_page, "harbour council ", limit=50).count("Pay frozen") == 0  # a finished word


def test_a_word_being_typed_completes_with_umlauts_folded(typing_page):
    assert search(typing_page, "programm mädch") == ["Technik für alle"]
    assert search(typing_page, "programm mädc") == ["Technik für alle"]
    assert search(typing_page, "programm maedc") == ["Technik für alle"]
    assert search(typing_page, "programm mä") == ["Technik für alle"]


def test_the_result_list_stays_while_the_next_query_is_typed(typing_page):
    page = typing_page
    page.locator("#search-q").fill("programm")
    page.wait_for_function("document.getElementById('search-status').dataset.query === 'programm'")
    page.evaluate("""() => { window.__emptied = 0; new MutationObserver(() => {
        if (!document.querySelector('#search-results li')) window.__emptied++;
        if (/…/.test(document.getElementById('search-status').textContent)) window.__emptied++;
      }).observe(document.body, {childList: true, subtree: true, characterData: true}); }""")
    page.locator("#search-q").press_sequentially(" mäd", delay=30)
    page.wait_for_function("document.getElementById('search-status').dataset.query === 'programm mäd'")
    assert page.locator("#search-results h2").all_inner_texts() == ["Technik für alle"]
    assert page.evaluate("window.__emptied") == 0


def test_a_word_with_a_typo_finds_the_word_it_was_meant_to_be(page):
    # Two letters swapped; nine letters are also let two edits away: German "Sanktionen" as well.
    assert search(page, "sanctoins") == ["Ministers agree new sanctions package",
                                         "Ukraine und Russland: Verhandlungen in Sicht?"]
    assert search(page, "sanctoins -sanktionen") == ["Ministers agree new sanctions package"]
    assert search(page, "Verhandlngen") == ["Ukraine und Russland: Verhandlungen in Sicht?"]  # one dropped
    assert search(page, "harbour ferru") == ["Harbour ferry adds evening crossings"]  # a neighbouring key
    assert search(page, "Verhandlunggen") == ["Ukraine und Russland: Verhandlungen in Sicht?"]  # one added
    assert search(page, "Verhandluxgem") == ["Ukraine und Russland: Verhandlungen in Sicht?"]  # two, 8+ letters
    assert search(page, "brixhe") == []  # two edits in a word of fewer than 8 letters
    assert search(page, "bri") != search(page, "bxi")  # no typos in words under 4 letters


def test_a_typo_match_ranks_below_the_word_as_typed(typing_page):
    # "Neues Programm" holds "Programm" as typed; "Programme" would be one letter away.
    assert search(typing_page, "programm ") == ["Neues Programm", "Technik für alle"] or \
        set(search(typing_page, "programm ")) == {"Neues Programm", "Technik für alle"}
    assert search(typing_page, "programm technick") == ["Technik für alle"]


def test_the_page_offers_the_corrected_query_when_it_finds_more(page):
    page.goto(page.search_url + "?q=harbour%20ferru")
    assert shown_titles(page) == ["Harbour ferry adds evening crossings"]
    line = page.locator("#search-suggestion")
    assert line.inner_text() == "Meinten Sie: harbour ferry"
    line.locator("a").click()
    page.wait_for_function("document.getElementById('search-status').dataset.query === 'harbour ferry'")
    assert page.locator("#search-suggestion").count() == 0
    assert shown_titles(page) == ["Harbour ferry adds evening crossings"]


def test_words_named_like_object_properties_are_searched_as_words(page):
    # Terms are keys of plain objects in the shards and caches.
    for query in ("constructor", "harbour constructor", "valueOf", "toString", "hasOwnProperty", "__proto__",
                  "harbour -constructor", "harbour __proto__"):
        assert search(page, query) in ([], ["Harbour ferry adds evening crossings"] if "-" in query else [])
