import pickle
import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from generator.core.model import Article
from generator.organise.archive import build_archive
from generator.organise.related import RelatedIndex
from helpers import newsgen

T0 = datetime(2025, 8, 20, 9, tzinfo=timezone.utc)


def article(slug: str, title: str, summary: str = "", hours: int = 0, lang: str = "de", **kw) -> Article:
    return Article(id=slug, title=title, date=T0 + timedelta(hours=hours), source_path=f"content/articles/{slug}.md",
                   slug=slug, body_html=f"<p>{summary}</p>", summary=summary, lang=lang, **kw)


def unrelated(n: int) -> list[Article]:
    """Articles on other subjects, some weeks apart, so that the words of a story are rare."""
    subjects = ["Stadtfest", "Schwimmbad", "Buchmesse", "Marathon", "Bahnhof", "Tierpark", "Wochenmarkt", "Orchester"]
    return [article(f"sonst-{i}", f"{subjects[i % 8]} {i}: neue Pläne", f"Die Stadt meldet Neues zum {subjects[i % 8]}.",
                    hours=-24 * 7 * (i + 1)) for i in range(n)]


def test_related_by_what_the_story_is_about_not_by_one_shared_place():
    talks = article("verhandlungen", "Ukraine und Russland: Verhandlungen in Sicht?",
                    "Die Ukraine zeigt sich bereit für Verhandlungen mit Russland. Präsident Selenskyj plant Gespräche.",
                    tags=("Ukraine", "Russland"), locations=("Kiew", "London"))
    summit = article("gipfel", "Selenskyj wirbt in London für Gipfel mit Russland",
                     "Selenskyj sucht Unterstützung für Verhandlungen über einen Waffenstillstand.",
                     hours=-30, tags=("Ukraine",), locations=("London",))
    ferry = article("faehre", "Neuer Fahrplan für die Hafenfähre", "Die Fähre fährt ab Montag öfter.",
                    hours=-2, locations=("London",))
    garden = article("garten", "Gemeinschaftsgarten feiert Ernte", "Im Garten wurde geerntet.", hours=-1,
                     locations=("London", "Kiew"))
    archive = build_archive([talks, summit, ferry, garden] + unrelated(20), related_items=5)
    assert archive.related(talks) == [summit]
    assert archive.related(ferry) == []


def test_same_day_neighbours_are_not_related_for_being_neighbours():
    wire = [article(f"meldung-{i}", title, hours=i, source="Reuters", tags=("Wirtschaft",)) for i, title in
            enumerate(["Ölpreis steigt deutlich", "Autobauer meldet Rekordabsatz", "Zentralbank lässt Zins unverändert",
                       "Reederei bestellt neue Schiffe", "Versicherer senkt Prognose"])]
    archive = build_archive(wire + unrelated(20), related_items=5)
    assert all(archive.related(a) == [] for a in wire)


def test_related_words_match_across_inflections():
    base = article("a", "Verhandlungen über Waffenruhe in Genf", "Die Verhandlung beginnt.")
    other = article("b", "Verhandlung über die Waffenruhe vertagt", "Genf wartet auf die Verhandlungen.", hours=-50)
    archive = build_archive([base, other] + unrelated(20), related_items=5)
    assert archive.related(base) == [other]


def test_names_in_the_lead_relate_stories_whose_headlines_differ():
    base = article("a", "Neue Gespräche in Sicht", "Präsident Selenskyj trifft Erdoğan in Ankara.")
    other = article("b", "Treffen am Bosporus vereinbart", "Wie es heißt, empfängt Erdoğan Selenskyj kommende Woche.",
                    hours=-72)
    archive = build_archive([base, other] + unrelated(20), related_items=5)
    assert archive.related(base) == [other]


def test_weekdays_months_and_lower_case_words_of_the_lead_relate_nothing():
    base = article("a", "Neue Radwege", "Die Stadt sagte am Montag im März, es werde gebaut.", lang="de")
    other = article("b", "Schwimmbad schließt", "Die Stadt sagte am Montag im März, es werde renoviert.", hours=-5,
                    lang="de")
    archive = build_archive([base, other] + unrelated(20), related_items=5)
    assert archive.related(base) == []


def generated(count: int, seed: int) -> list[Article]:
    made = newsgen.articles(count, seed=seed)
    return [Article(id=f"{seed}-{i}", title=a.title, date=a.date, source_path=f"content/articles/{seed}-{i}.md",
                    slug=f"a-{seed}-{i}", body_html="", summary=a.paragraphs[0], tags=a.tags, locations=a.locations,
                    lang=a.lang) for i, a in enumerate(made)]


def fresh_lists(articles: list[Article]) -> dict[str, list[str]]:
    index = RelatedIndex(5)
    index.update(articles)
    return index.lists()


def test_updated_index_equals_one_made_afresh_after_adds_edits_and_removals():
    rng = random.Random(7)
    articles = generated(508, seed=3)  # 508 → past 512: every rarity moves on the way
    spare = generated(60, seed=4)
    index = RelatedIndex(5)
    index.update(articles)
    for step in range(12):
        if step % 3 == 0:
            articles = articles + [spare.pop() for _ in range(rng.choice([1, 5]))]
        elif step % 3 == 1:
            for i in rng.sample(range(len(articles)), 3):
                donor = rng.choice(spare)
                articles[i] = replace(articles[i], title=donor.title, summary=donor.summary, tags=donor.tags,
                                      date=articles[i].date + timedelta(days=rng.choice([0, 40])))
        else:
            for i in sorted(rng.sample(range(len(articles)), 2), reverse=True):
                del articles[i]
        if step % 2:
            index = pickle.loads(pickle.dumps(index))  # as .cache/ keeps it between builds
        index.update(articles)
        assert index.lists() == fresh_lists(articles), f"step {step}"


def test_an_added_article_ranks_again_only_a_few_others():
    articles = generated(700, seed=5)  # away from a power of two, where every list is ranked again
    index = RelatedIndex(5)
    index.update(articles)
    added = generated(1, seed=6)
    ranked_again = index.update(articles + added)
    assert added[0].path in ranked_again
    assert len(ranked_again) < 60
