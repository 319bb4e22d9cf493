"""The article's date: found among the dates a page shows, its zone taken from the page, and left
as an estimate when the page does not say which date is the article's."""

from datetime import datetime, timedelta

import pytest

from generator.content.articles import parse_article
from generator.core.config import load_config
from generator.ingest.clean.dates import dates_in
from generator.ingest.clean.page import clean_text
from generator.ingest.importer import import_paths
from generator.scaffold import init_site

NOW = datetime.fromisoformat("2025-09-01T08:00:00+00:00")

MENU = "\n".join(f"- {item}" for item in ("Start", "Politik", "Wirtschaft", "Sport", "Kultur", "Kontakt"))
BODY = """BERLIN - Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen. Die Mehrheit stimmte für den Entwurf der Verwaltung, der höhere Ausgaben für Schulen vorsieht.

Die Opposition kritisierte vor allem die geplanten Kürzungen bei den Bibliotheken und kündigte an, die Entscheidung prüfen zu lassen.

Für die Sanierung der Schulgebäude sind in diesem Jahr mehr als zwölf Millionen Euro vorgesehen, deutlich mehr als im vergangenen Haushalt."""
EN_BODY = """The city council approved next year's budget on Tuesday after a long debate, with a majority backing the administration's draft that raises spending on schools.

The opposition criticised the planned cuts to the libraries and said it would have the decision reviewed by the courts.

More than twelve million dollars are set aside for the renovation of school buildings this year, far more than in the last budget."""
TEASERS = """Mehr aus Politik

Neue Radwege für die Innenstadt
03.12.2024

Bürgerhaus wird saniert
28.11.2024

Streit um Parkgebühren
21.11.2024

Impressum"""


def page(stamp: str, after: str = "Teilen\n\nImpressum", body: str = BODY,
         headline: str = "Stadtrat beschließt neuen Haushalt") -> str:
    return f"{MENU}\n\nPolitik\n\n{headline}\n\n{stamp}\n\n{body}\n\n{after}\n"


def test_dates_glued_to_words_and_to_each_other_are_read():
    [published] = dates_in("Publiziert17. Dezember 2024")
    assert (published.when, published.cue) == (datetime(2024, 12, 17), "published")
    assert [f.when for f in dates_in("28. Juni 201914. Januar 2020")] == [datetime(2019, 6, 28), datetime(2020, 1, 14)]
    assert [f.when for f in dates_in("Tobias Mühlbauer24.04.2024, 19:35 Uhr")] == [datetime(2024, 4, 24, 19, 35)]


def test_month_names_abbreviations_austrian_forms_and_short_years():
    assert dates_in("Stand: 3. Jänner 2023 um 9.05 Uhr")[0].when == datetime(2023, 1, 3, 9, 5)
    assert dates_in("Dec. 17, 2024 5:23 p.m.")[0].when == datetime(2024, 12, 17, 17, 23)
    assert dates_in("posted on 5th May 2020")[0].when == datetime(2020, 5, 5)
    assert dates_in("- 19.10.19, 08:16 Uhr")[0].when == datetime(2019, 10, 19, 8, 16)
    assert dates_in("Version 1.2.3") == []


def test_dates_in_the_forms_of_other_languages():
    cases = {
        "Publié le 7 décembre 2026 à 10:30": (datetime(2026, 12, 7, 10, 30), "published"),
        "Mis à jour le 1er mars 2025": (datetime(2025, 3, 1), "updated"),
        "7 janv. 2026": (datetime(2026, 1, 7), ""),
        "Publicado el 7 de diciembre de 2026 a las 10:30": (datetime(2026, 12, 7, 10, 30), "published"),
        "7 de dezembro de 2026 às 10:30": (datetime(2026, 12, 7, 10, 30), ""),
        "Pubblicato il 7 dicembre 2026 alle 10:30": (datetime(2026, 12, 7, 10, 30), "published"),
        "7 december 2026 om 10:30": (datetime(2026, 12, 7, 10, 30), ""),
        "7 grudnia 2026": (datetime(2026, 12, 7), ""),
        "7 augusti 2026": (datetime(2026, 8, 7), ""),
    }
    for text, (when, cue) in cases.items():
        [found] = dates_in(text)
        assert (found.when, found.cue) == (when, cue), text
    # Polish "sie" (sierpień) is German "sie": no month.
    assert dates_in("Am 7 sie 2026 trafen") == []


def test_the_published_date_wins_over_the_updated_one_whatever_their_order():
    stamp = "Aktualisiert am 18.12.2024, 09:10 Uhr\nVeröffentlicht am 17.12.2024, 17:23 Uhr"
    assert clean_text(page(stamp)).date == datetime(2024, 12, 17, 17, 23)
    assert clean_text(page("Veröffentlicht: 17.12.2024 | Aktualisiert: 18.12.2024")).date == datetime(2024, 12, 17)


def test_an_updated_stamp_alone_is_the_best_the_page_gives():
    assert clean_text(page("Stand: 17.12.2024 17:23 Uhr")).date == datetime(2024, 12, 17, 17, 23)


def test_teaser_dates_after_the_article_do_not_replace_its_stamp():
    cleaned = clean_text(page("Von Anna Beispiel, 17.12.2024", after=TEASERS))
    assert (cleaned.date, cleaned.date_estimated) == (datetime(2024, 12, 17), False)


def test_without_a_stamp_teaser_dates_of_different_days_leave_the_date_open():
    cleaned = clean_text(page("Von Anna Beispiel", after=TEASERS))
    assert cleaned.date is None and cleaned.date_estimated


def test_dates_the_article_talks_about_are_not_its_date():
    body = "Die Preise ab 01.01.2025\n\n" + BODY
    cleaned = clean_text(page("Von Anna Beispiel", body=body))
    assert cleaned.date is None


def test_two_equally_plausible_dates_leave_the_date_open():
    cleaned = clean_text(page("Anna Beispiel | 28. Juni 2019 14. Januar 2020"))
    assert cleaned.date_estimated


def test_a_zone_the_page_names_is_kept():
    en = page("Updated Dec. 17, 2024 5:23 p.m. ET", body=EN_BODY, headline="Council approves budget")
    assert clean_text(en).date.isoformat() == "2024-12-17T17:23:00-05:00"
    assert clean_text(page("17.12.2024, 16:23 GMT")).date.isoformat() == "2024-12-17T16:23:00+00:00"
    assert clean_text(page("2024-12-17T17:23:00+02:00")).date.isoformat() == "2024-12-17T17:23:00+02:00"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    init_site(root)
    return root


def imported(site, tmp_path, name: str, text: str):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    (raw / name).write_text(text, encoding="utf-8")
    import_paths(site, [raw / name], load_config(site), now=NOW, progress=False)
    [path] = [p for p in (site / "content" / "articles").rglob("*.md") if f"raw/{name}" in p.read_text(encoding="utf-8")]
    article = parse_article(path.read_text(encoding="utf-8"), path, load_config(site))
    return article, path.read_text(encoding="utf-8")


def test_import_writes_the_article_date_in_the_pages_zone_and_marks_estimates(site, tmp_path):
    # A German page's "Uhr" is Central European time, whatever the site's zone (UTC here).
    article, text = imported(site, tmp_path, "a.txt", page("Veröffentlicht am 17.12.2024, 17:23 Uhr", after=TEASERS))
    assert article.date.isoformat() == "2024-12-17T17:23:00+01:00"
    assert "date_estimated" not in text
    # A bare day stays that day in the site's zone.
    article, _ = imported(site, tmp_path, "b.txt", page("Von Anna Beispiel, 16.12.2024", headline="Schwimmbad bleibt zu",
                                                           body=BODY.replace("Stadtrat", "Kreistag")))
    assert article.date.isoformat() == "2024-12-16T00:00:00+00:00"
    # No telling which date is the article's: the import time, marked as an estimate.
    _, text = imported(site, tmp_path, "c.txt", page("Von Anna Beispiel", after=TEASERS, headline="Neue Buslinie",
                                                           body=BODY.replace("Stadtrat", "Gemeinderat")))
    assert "date_estimated: true" in text and 'date: "2025-09-01T08:00:00+00:00"' in text


def test_a_source_in_site_yaml_can_say_its_times_zone(site, tmp_path):
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "cleaning:\n  '*':\n    timezone: America/New_York\n",
                      encoding="utf-8")
    article, _ = imported(site, tmp_path, "a.txt", page("Veröffentlicht am 17.12.2024, 17:23 Uhr"))
    assert article.date.utcoffset() == timedelta(hours=-5)
    assert article.date.isoformat().startswith("2024-12-17T17:23:00")
