"""The import run: raw files in, Markdown articles out; nothing lost, nothing overwritten by surprise."""

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.ingest import read as ingest
from generator.build import build_site
from generator.cli import main
from generator.core.config import load_config
from generator.content.articles import parse_article
from generator.ingest.importer import import_paths
from generator.scaffold import init_site

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
SEED = FIXTURES / "000_3f014d1e3b49df7b.txt"
NOW = datetime(2025, 9, 1, 8, 0, tzinfo=timezone.utc)

ARTICLE = """Die Stadtwerke erhöhen zum ersten Januar die Preise für Strom und Gas, wie das Unternehmen am Montag mitteilte. Betroffen sind rund vierzigtausend Haushalte in der Region.

Als Grund nannte der Versorger die gestiegenen Kosten für die Beschaffung und für den Ausbau der Netze in den vergangenen zwei Jahren.

Verbraucherschützer raten, die Tarife zu vergleichen und gegebenenfalls den Anbieter zu wechseln, bevor die neuen Preise gelten.
"""


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    init_site(root)
    return root


def run_import(site, *paths, force=False):
    return import_paths(site, [Path(p) for p in paths], load_config(site), force=force, now=NOW, progress=False)


def articles(site):
    return sorted((site / "content" / "articles").rglob("*.md"))


def test_seed_becomes_one_article_that_the_build_can_parse(site):
    report = run_import(site, SEED)
    assert (report.imported, report.failed) == (1, 0)
    [path] = articles(site)
    assert path.relative_to(site).as_posix() == "content/articles/2025/09/ukraine-und-russland-verhandlungen-in-sicht.md"
    article = parse_article(path.read_text(encoding="utf-8"), path, load_config(site))
    assert article.id == "3f014d1e3b49df7b"
    assert article.title == "Ukraine und Russland: Verhandlungen in Sicht?"
    assert (article.source, article.locations, article.lang) == ("IT BOLTWISE", ("Kiew", "London"), "de")
    assert article.date_estimated  # the page gives no date: the import time, marked as a guess
    assert article.summary.startswith("Die Ukraine zeigt sich bereit")
    assert article.extra["raw"] == "raw/000_3f014d1e3b49df7b.txt"
    assert article.extra["title_source"] == "quoted"
    assert article.extra["dateline"] == "KIEW / LONDON (IT BOLTWISE) –"
    assert "IT BOLTWISE" not in article.body_html and "Stellenangebote" not in article.body_html
    assert (site / "content" / "raw" / SEED.name).read_bytes() == SEED.read_bytes()  # provenance kept in the site


def test_reimport_is_idempotent(site):
    run_import(site, SEED)
    [path] = articles(site)
    before = path.read_bytes()
    report = run_import(site, SEED)
    assert (report.imported, report.skipped) == (0, 1)
    assert path.read_bytes() == before and articles(site) == [path]


def test_hand_edited_article_survives_reimport_and_force_keeps_a_backup(site):
    run_import(site, SEED)
    [path] = articles(site)
    edited = path.read_text(encoding="utf-8").replace("Die USA spielen", "Die Vereinigten Staaten spielen")
    path.write_text(edited, encoding="utf-8")
    report = run_import(site, SEED)
    assert report.skipped == 1 and path.read_text(encoding="utf-8") == edited
    assert any("edited by hand" in note for note in report.notes)
    report = run_import(site, SEED, force=True)
    assert report.imported == 1 and "Die USA spielen" in path.read_text(encoding="utf-8")
    [backup] = path.parent.glob(path.name + ".bak-*")
    assert backup.read_text(encoding="utf-8") == edited


def test_raw_files_are_never_modified(site, tmp_path):
    raw = tmp_path / "in" / "page.txt"
    raw.parent.mkdir()
    raw.write_text(ARTICLE, encoding="utf-8")
    stat = raw.stat()
    run_import(site, raw)
    run_import(site, raw, force=True)
    assert raw.read_text(encoding="utf-8") == ARTICLE and raw.stat().st_mtime_ns == stat.st_mtime_ns


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_each_bad_input_gets_one_line_naming_file_and_reason_and_the_rest_goes_on(site, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", ARTICLE)
    write(folder, "empty.txt", "  \n")
    write(folder, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    write(folder, "truncated.txt", ARTICLE.encode("utf-8") + "ü".encode("utf-8")[:1])
    write(folder, "undecodable.txt", b"Caf\xe9 \x81 and more text here")
    write(folder, "huge.txt", ARTICLE * 40)
    write(folder, "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    monkeypatch.setattr(ingest, "MAX_BYTES", len(ARTICLE.encode("utf-8")) * 10)
    report = run_import(site, folder)
    reasons = {Path(str(e.path)).name: e.message for e in report.errors}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["truncated.txt"].startswith("truncated")
    assert reasons["undecodable.txt"].startswith("undecodable")
    assert reasons["huge.txt"].startswith("too large")
    assert reasons["nav.html"] == "HTML with no article text in it"
    assert (report.imported, report.failed) == (1, 6)
    assert len(articles(site)) == 1
    # The failed files leave nothing behind in content/raw/ for the build to stumble on.
    assert sorted(p.name for p in (site / "content/raw").iterdir()) == ["good.txt"]
    assert build_site(site).articles == 1


def test_cli_prints_the_summary_and_exits_non_zero_when_any_failed(site, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", ARTICLE)
    write(folder, "empty.txt", "")
    code = main(["import", "--site", str(site), str(folder)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("wrote content/articles/")
    assert err.endswith(f"error: {folder / 'empty.txt'}: empty file\nimported 1, skipped 0, duplicates 0, failed 1\n")
    assert "Traceback" not in err


def test_legacy_encoding_is_decoded_and_said_so(site, tmp_path):
    raw = write(tmp_path, "alt.txt", ARTICLE.encode("cp1252"))
    report = run_import(site, raw)
    assert report.imported == 1
    assert any("decoded as Windows-1252" in note for note in report.notes)
    assert "erhöhen" in articles(site)[0].read_text(encoding="utf-8")


def test_stray_bytes_in_utf8_are_replaced_and_the_file_named_in_a_warning(site, tmp_path):
    data = ARTICLE.encode("utf-8")
    cut = data.index(b"erh")
    raw = write(tmp_path, "stray.txt", data[:cut] + b"\x96 " + data[cut:])
    report = run_import(site, raw)
    assert report.imported == 1
    assert any(note.startswith(f"{raw}: UTF-8 with 1 invalid byte") and f"offset {cut}" in note for note in report.notes)
    text = articles(site)[0].read_text(encoding="utf-8")
    assert "erhöhen" in text and "Ã" not in text


def test_same_text_under_another_name_is_a_duplicate_and_skipped(site, tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("\n\n", "\n"))  # same words, other layout
    report = run_import(site, tmp_path / "a.txt", tmp_path / "b.txt")
    assert (report.imported, report.duplicates) == (1, 1)


def test_near_duplicate_is_imported_and_points_at_the_first(site, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    write(tmp_path, "a.txt", text)
    write(tmp_path, "b.txt", text.replace("Drohnenangriffe auf", "Neue Drohnenangriffe auf"))  # another site's copy
    report = run_import(site, tmp_path / "a.txt", tmp_path / "b.txt")
    assert (report.imported, report.near_duplicates) == (2, 1)
    first, second = (parse_article(p.read_text(encoding="utf-8"), p, load_config(site)) for p in articles(site))
    marked = [a for a in (first, second) if "duplicate_of" in a.extra]
    [copy] = marked
    assert copy.extra["raw"] == "raw/b.txt"
    assert copy.extra["duplicate_of"] == next(a.id for a in (first, second) if a is not copy)


def test_json_lines_records_bring_their_own_title_date_and_url(site, tmp_path):
    records = [
        {"url": "https://news.example/a", "title": "Preise steigen", "date": "2024-12-02T09:00:00+01:00", "text": ARTICLE},
        {"url": "https://news.example/b", "title": "Ohne Text"},
    ]
    raw = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + '\n{"url": "https://ne')
    report = run_import(site, raw)
    assert report.imported == 1
    assert {(e.line, e.message) for e in report.errors} == {(2, "record has no 'text' or 'html'"), (3, "truncated JSON record")}
    [path] = articles(site)
    assert path.relative_to(site).as_posix() == "content/articles/2024/12/preise-steigen.md"
    article = parse_article(path.read_text(encoding="utf-8"), path, load_config(site))
    assert (article.title, article.url, article.date.isoformat()) == ("Preise steigen", "https://news.example/a", "2024-12-02T09:00:00+01:00")
    assert article.extra["raw"] == "raw/feed.jsonl:1"


def test_a_json_lines_record_that_gives_no_article_is_a_warning_of_every_build(site):
    # Like a malformed line: each build names the record by file and line and counts it, rather
    # than marking the file imported after the first report and never mentioning the record again.
    records = [{"title": "Preise steigen", "date": "2024-12-02", "text": ARTICLE},
               {"title": "Nur Menü", "date": "2024-12-03", "html": "<nav><a href='/'>Start</a></nav>"}]
    (site / "content" / "raw" / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    for _ in range(2):
        report = build_site(site)
        assert report.warnings[:1] == ["content/raw/feed.jsonl:2: HTML with no article text in it"]
        assert report.raw_failed == 1 and "; 1 raw input not imported" in report.summary()
    assert len(articles(site)) == 1  # the good record is imported once
    assert "Preise steigen" in (site / "output" / "index.html").read_text(encoding="utf-8")


def test_saved_html_page_is_extracted_with_its_title(site, tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    html = (f"<!DOCTYPE html><html><head><title>Stadtwerke erhöhen Preise | Beispiel</title>"
            f"<meta property='og:title' content='Stadtwerke erhöhen Preise'></head><body>"
            f"<nav><ul><li><a href='/'>Start</a></li><li><a href='/p'>Politik</a></li></ul></nav>"
            f"<article><h1>Stadtwerke erhöhen Preise</h1>{paragraphs}</article>"
            f"<footer>© 2024 Beispiel | Impressum</footer></body></html>")
    raw = write(tmp_path, "page.dat", html)  # the content says HTML, whatever the name
    report = run_import(site, raw)
    assert report.imported == 1, report.errors
    article = parse_article(articles(site)[0].read_text(encoding="utf-8"), articles(site)[0], load_config(site))
    assert article.title == "Stadtwerke erhöhen Preise"
    assert "Verbraucherschützer raten" in article.body_html and "Impressum" not in article.body_html


def test_scraped_text_cannot_inject_markup(site, tmp_path):
    raw = write(tmp_path, "x.txt", ARTICLE.replace("Als Grund", "<script>alert(1)</script> *Als* [Grund](javascript:x)"))
    run_import(site, raw)
    article = parse_article(articles(site)[0].read_text(encoding="utf-8"), articles(site)[0], load_config(site))
    assert "<script" not in article.body_html and "href" not in article.body_html and "<em>" not in article.body_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *Als* [Grund](javascript:x)" in article.body_html


def test_build_imports_new_raw_files_first(site):
    (site / "content" / "raw" / SEED.name).write_bytes(SEED.read_bytes())
    report = build_site(site)
    assert "import" in report.stages and report.articles == 1
    assert build_site(site).stages.get("import") is None  # nothing new the second time


def test_build_imports_a_raw_file_again_when_its_bytes_change_not_when_it_is_only_touched(site):
    raw = site / "content" / "raw" / SEED.name
    raw.write_bytes(SEED.read_bytes())
    build_site(site)
    os.utime(raw, ns=(raw.stat().st_atime_ns, raw.stat().st_mtime_ns + 5_000_000_000))
    assert build_site(site).stages.get("import") is None  # same bytes: nothing to do
    raw.write_bytes(SEED.read_bytes().replace(b"Ukraine", b"Ukraina"))  # the same size, new bytes
    assert "import" in build_site(site).stages


def test_build_warns_about_a_bad_raw_file_and_builds_the_rest(site):
    build_site(site)
    (site / "content" / "raw" / "broken.txt").write_bytes(b"")
    (site / "content" / "raw" / SEED.name).write_bytes(SEED.read_bytes())
    report = build_site(site)
    assert report.warnings == ["content/raw/broken.txt: empty file"] and report.raw_failed == 1
    assert report.articles == 1  # the article of the good raw file
    again = build_site(site)  # the failed file is not imported (and failed) again until it changes
    assert again.warnings == ["content/raw/broken.txt: empty file"] and "import" not in again.stages
    (site / "content" / "raw" / "broken.txt").write_bytes(SEED.read_bytes().replace(b"Ukraine", b"Ukraina"))
    fixed = build_site(site)
    assert fixed.raw_failed == 0 and "import" in fixed.stages


def test_cleaning_rules_in_site_yaml_are_validated_and_applied(site, tmp_path, capsys):
    config = site / "site.yaml"
    config.write_text(config.read_text() + "cleaning:\n  dpa:\n    drop: ['(']\n", encoding="utf-8")
    assert main(["build", "--site", str(site)]) == 1
    assert "site.yaml: 'cleaning' → 'dpa' → 'drop': bad regular expression '('" in capsys.readouterr().err
    config.write_text(config.read_text().replace("['(']", "['^Als Grund']"), encoding="utf-8")
    raw = write(tmp_path, "x.txt", "BERLIN (dpa) - " + ARTICLE)
    run_import(site, raw)
    assert "Als Grund" not in articles(site)[0].read_text(encoding="utf-8")


def test_an_interrupted_import_remembers_what_it_wrote(site, tmp_path, monkeypatch):
    from generator.ingest import importer

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", ARTICLE)
    write(folder, "b.txt", SEED.read_text(encoding="utf-8"))
    real = importer.prepare
    calls = []

    def interrupt_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "prepare", interrupt_second)
    with pytest.raises(KeyboardInterrupt):
        run_import(site, folder)
    monkeypatch.setattr(importer, "prepare", real)
    report = run_import(site, folder)
    assert (report.imported, report.skipped) == (1, 1)
    assert len(articles(site)) == 2  # no second copy of the first article


def test_lines_repeated_on_most_pages_of_a_source_are_boilerplate(site, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    legal = ("Alle Inhalte dieser Seite sind urheberrechtlich geschützt und dürfen ohne die vorherige "
             "schriftliche Zustimmung der Redaktion nicht weiterverwendet werden.")
    topics = ["Strom", "Wasser", "Gas", "Müll", "Fernwärme", "Abwasser"]
    for n, topic in enumerate(topics):
        text = ARTICLE.replace("Strom und Gas", topic).replace("vierzigtausend", f"{n + 2}0.000")
        write(folder, f"{n:03d}_{n:016x}.txt", text.rstrip() + "\n" + legal + "\n")
    report = run_import(site, folder)
    assert report.imported == len(topics)
    for path in articles(site):
        assert "urheberrechtlich" not in path.read_text(encoding="utf-8")
    # A single page of that source keeps the sentence: one page is no evidence.
    other = tmp_path / "single"
    other.mkdir()
    write(other, "one.txt", ARTICLE.replace("Strom und Gas", "Heizöl").rstrip() + "\n" + legal + "\n")
    run_import(site, other)
    assert any("urheberrechtlich" in p.read_text(encoding="utf-8") for p in articles(site))


def test_cut_after_rule_ends_the_article(site, tmp_path):
    config = site / "site.yaml"
    config.write_text(config.read_text() + "cleaning:\n  '*':\n    cut_after: ['^Als Grund']\n", encoding="utf-8")
    run_import(site, write(tmp_path, "x.txt", ARTICLE))
    text = articles(site)[0].read_text(encoding="utf-8")
    assert "Die Stadtwerke erhöhen" in text and "Als Grund" not in text and "Verbraucherschützer" not in text


def test_a_page_that_trips_the_html_parser_fails_alone(site, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", ARTICLE)
    write(folder, "odd.html", "<html><body><article><p>" + "Ein Satz. " * 40 + "</p></article></body></html>")

    def trip(html):
        raise ValueError("lxml: Document is empty")
    monkeypatch.setattr("generator.ingest.prepare.extract_html", trip)
    report = run_import(site, folder)
    assert [(Path(str(e.path)).name, e.message) for e in report.errors] == [
        ("odd.html", "could not be read as an article (ValueError: lxml: Document is empty)")]
    assert report.imported == 1


def test_the_byline_becomes_the_authors_and_leaves_the_body(site, tmp_path):
    page = ("- Start\n- Politik\n- Wirtschaft\n\nStadtwerke erhöhen die Preise\n\n"
            "Von Anna Beispiel und Jonas Muster, Redakteurin\n\n12. März 2024, 14:30 Uhr\n\n" + ARTICLE)
    run_import(site, write(tmp_path, "x.txt", page))
    [path] = articles(site)
    article = parse_article(path.read_text(encoding="utf-8"), path, load_config(site))
    assert article.authors == ("Anna Beispiel", "Jonas Muster")
    assert "Die Stadtwerke erhöhen" in article.body_html and "Beispiel" not in article.body_html
    # A page without a byline writes no authors at all.
    run_import(site, write(tmp_path, "y.txt", ARTICLE.replace("Strom und Gas", "Wasser")))
    assert not any("authors:" in p.read_text(encoding="utf-8") for p in articles(site) if p != path)


def test_an_html_page_without_a_byline_takes_its_metadata_author(site, tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    html = (f"<!DOCTYPE html><html><head><title>Stadtwerke erhöhen Preise</title>"
            f"<meta name='author' content='Jane Doe'></head><body>"
            f"<article><h1>Stadtwerke erhöhen Preise</h1>{paragraphs}</article></body></html>")
    run_import(site, write(tmp_path, "page.html", html))
    article = parse_article(articles(site)[0].read_text(encoding="utf-8"), articles(site)[0], load_config(site))
    assert article.authors == ("Jane Doe",)


FRENCH_PAGE = """- Accueil
- Politique
- Économie
- Sport

Le conseil municipal adopte le budget de l'année prochaine

Par Jean Dupont

7 décembre 2026

PARIS - Le conseil municipal a adopté mardi soir, après un long débat, le budget de l'année prochaine. La majorité a voté pour le projet de la mairie, qui prévoit davantage de dépenses pour les écoles.

L'opposition a surtout critiqué les coupes prévues dans les bibliothèques et a annoncé qu'elle ferait examiner la décision par le tribunal administratif.

Plus de douze millions d'euros sont prévus cette année pour la rénovation des bâtiments scolaires, bien plus que dans le budget précédent.

Partager

- Facebook
- Twitter

© 2026 Le Journal | Mentions légales
"""

SPANISH_PAGE = """- Portada
- Política
- Economía

El ayuntamiento aprueba el presupuesto del próximo año

Por María García

Publicado el 7 de diciembre de 2026 a las 10:30

MADRID - El pleno del ayuntamiento aprobó el martes por la noche, tras un largo debate, el presupuesto del próximo año. La mayoría votó a favor del proyecto del gobierno municipal, que prevé más gasto en los colegios.

La oposición criticó sobre todo los recortes previstos en las bibliotecas y anunció que llevará la decisión a los tribunales.

Este año se destinan más de doce millones de euros a la rehabilitación de los edificios escolares, mucho más que en el presupuesto anterior.

Compartir

© 2026 El Diario | Aviso legal
"""


@pytest.mark.parametrize("lang, page, author, when", [
    ("fr", FRENCH_PAGE, "Jean Dupont", "2026-12-07"),
    ("es", SPANISH_PAGE, "María García", "2026-12-07T10:30"),
])
def test_a_page_in_another_language_gets_its_language_byline_and_date(site, tmp_path, lang, page, author, when):
    run_import(site, write(tmp_path, f"{lang}.txt", page))
    [path] = articles(site)
    text = path.read_text(encoding="utf-8")
    assert f'\nlang: "{lang}"\n' in text
    article = parse_article(text, path, load_config(site))
    assert article.lang == lang and article.authors == (author,)
    assert article.date.isoformat().startswith(when) and not article.date_estimated
    assert author not in article.body_html and page.split("\n\n")[-4] in article.body_html  # the last paragraph


@pytest.mark.parametrize("lang", ["fr", "es", "ja"])
def test_real_news_in_other_languages_is_imported_in_its_language(site, lang):
    records = Path(__file__).parents[1] / "data" / "multilingual" / f"{lang}.jsonl"
    assert not run_import(site, records).failed
    written = [path.read_text(encoding="utf-8") for path in articles(site)]
    assert len(written) == len(records.read_text(encoding="utf-8").splitlines())
    assert all(f'\nlang: "{lang}"\n' in text for text in written)
