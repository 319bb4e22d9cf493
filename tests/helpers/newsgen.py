"""Realistic, deterministic German and English news articles for tests that need many of them.

    python tests/helpers/newsgen.py N DIR [--format markdown|raw] [--seed S]

Markdown files (NNNNNN.md) carry front matter like an import's: title, date, tags, locations,
source and language, then the body. Raw files (NNN_<hash>.txt) hold body paragraphs only, laid
out as a scraper leaves them: the lead, a blank line, then one paragraph per line.

Articles are made from phrase tables with a seeded random generator, so they share the shape
of wire copy (datelines, quotes, figures, umlauts, ampersands) without copying anyone's text.
Every article draws its own names, figures and sentence order, so no two are near-duplicates.
"""

import argparse
import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

EPOCH = datetime(2015, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = 11 * 365 * 24 * 3600

PLACES = {
    "en": "London Chicago Houston Geneva Brussels Toronto Sydney Nairobi Lagos Mumbai Manila Oslo Lisbon "
          "Denver Boston Seattle Dublin Cardiff Leeds Bristol Glasgow Ottawa Auckland".split(),
    "de": "Berlin Hamburg München Köln Wien Graz Linz Zürich Basel Dresden Leipzig Bremen Kiel Mainz "
          "Salzburg Innsbruck Düsseldorf Nürnberg Göttingen Lübeck Würzburg Klagenfurt Bregenz".split(),
}
FIRST = {
    "en": "James Mary Robert Linda Michael Susan David Karen Thomas Nancy Daniel Laura Peter Helen Mark Ruth".split(),
    "de": "Jürgen Ursula Klaus Sabine Stefan Birgit Andreas Monika Thomas Petra Günther Renate Jörg Käthe".split(),
}
LAST = {
    "en": "Miller Hughes Carter Patel Okafor Nguyen Walsh Brennan Fischer Lindqvist Moreau Adeyemi Shaw".split(),
    "de": "Müller Schäfer Köhler Wagner Becker Hoffmann Schröder Krämer Weiß Huber Gruber Brandstätter".split(),
}
ORGS = {
    "en": ["Northwind Holdings", "Harbour & Rail Ltd", "Pinecrest Energy", "Atlas Mutual", "Bluewater Foods",
           "Keystone Steel", "Meridian Airways", "Crescent Telecom", "the city council", "the health ministry"],
    "de": ["die Stadtwerke", "die Landesregierung", "Nordbahn AG", "Alpenmilch eG", "Rheinstahl & Söhne",
           "das Gesundheitsministerium", "die Hafenbehörde", "Südwest Energie", "der Gemeinderat", "die Universität"],
}
# Per topic: tag, headline nouns, body nouns, verbs (third person), as the two languages say them.
TOPICS = {
    "en": [
        ("economy", ["profit", "tariffs", "payout", "merger", "bond sale", "quarterly loss"],
         ["shares", "dividends", "interest rates", "exports", "revenue", "debt", "investors"], ["raises", "cuts", "reports", "expects"]),
        ("politics", ["election", "coalition", "budget vote", "reform bill", "inquiry", "ceasefire talks"],
         ["ministers", "voters", "lawmakers", "the opposition", "a referendum", "the senate"], ["backs", "rejects", "delays", "announces"]),
        ("sport", ["final", "transfer", "title race", "derby", "marathon", "relegation fight"],
         ["the coach", "supporters", "the league", "the stadium", "a penalty", "the season"], ["wins", "loses", "signs", "postpones"]),
        ("culture", ["festival", "museum night", "exhibition", "film prize", "library", "opera season"],
         ["visitors", "the curators", "artists", "the orchestra", "tickets", "the programme"], ["opens", "closes", "celebrates", "plans"]),
        ("science", ["vaccine trial", "space probe", "climate study", "fossil find", "research grant", "telescope"],
         ["researchers", "the data", "samples", "the laboratory", "a peer review", "the findings"], ["confirms", "publishes", "tests", "funds"]),
        ("transport", ["rail strike", "ferry link", "airport expansion", "tram line", "bridge repair", "bus fares"],
         ["commuters", "the timetable", "passengers", "the operator", "delays", "the network"], ["extends", "suspends", "reopens", "approves"]),
    ],
    "de": [
        ("Wirtschaft", ["Gewinn", "Zölle", "Dividende", "Fusion", "Anleihe", "Quartalsverlust"],
         ["Aktien", "Zinsen", "Exporte", "Umsätze", "Schulden", "Anleger", "Löhne"], ["erhöht", "senkt", "meldet", "erwartet"]),
        ("Politik", ["Wahl", "Koalition", "Haushalt", "Reform", "Untersuchungsausschuss", "Waffenruhe"],
         ["Minister", "Wähler", "Abgeordnete", "die Opposition", "eine Volksabstimmung", "der Landtag"], ["unterstützt", "lehnt ab", "verschiebt", "kündigt an"]),
        ("Sport", ["Finale", "Transfer", "Meisterschaft", "Derby", "Marathon", "Abstiegskampf"],
         ["der Trainer", "die Fans", "die Liga", "das Stadion", "ein Elfmeter", "die Saison"], ["gewinnt", "verliert", "verpflichtet", "vertagt"]),
        ("Kultur", ["Festival", "Museumsnacht", "Ausstellung", "Filmpreis", "Bibliothek", "Opernsaison"],
         ["Besucher", "die Kuratoren", "Künstlerinnen", "das Orchester", "Karten", "das Programm"], ["eröffnet", "schließt", "feiert", "plant"]),
        ("Wissenschaft", ["Impfstudie", "Raumsonde", "Klimastudie", "Fossilfund", "Forschungsprojekt", "Teleskop"],
         ["Forscher", "die Daten", "Proben", "das Labor", "die Gutachter", "die Ergebnisse"], ["bestätigt", "veröffentlicht", "prüft", "fördert"]),
        ("Verkehr", ["Bahnstreik", "Fährverbindung", "Flughafenausbau", "Straßenbahn", "Brückensanierung", "Busticket"],
         ["Pendler", "der Fahrplan", "Fahrgäste", "der Betreiber", "Verspätungen", "das Netz"], ["verlängert", "stoppt", "öffnet", "genehmigt"]),
    ],
}
SOURCES = {"en": ["Example Wire", "The Harbour Gazette", "Northern Post"],
           "de": ["Testagentur", "Alpenkurier", "Hanse-Rundschau"]}
MONTHS = {"en": "January February March April May June July August September October November December".split(),
          "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()}

# Sentence shapes: {P} person, {O} organisation, {L} place, {N} body noun, {M} another body noun,
# {H} headline noun, {V} verb, {X} a figure, {Y} a percentage, {W} weekday.
SENTENCES = {
    "en": [
        "{O} {V} its plans for the {H} after {N} raised concerns on {W}.",
        "\"We did not expect {M} to move this fast,\" said {P}, who follows the {H} for {O}.",
        "According to {P}, {N} in {L} grew by {Y} over the past year.",
        "The {H} is expected to cost about {X} million dollars & take two years.",
        "Critics say {N} were not consulted (a claim {O} denies).",
        "{P} told reporters in {L} that {M} would be reviewed before the end of the month.",
        "Figures published on {W} show {N} at their highest level since {Z}.",
        "Local groups in {L} have asked for a hearing on the {H}; {O} has not replied.",
        "The decision affects roughly {X},000 people, {P} said.",
        "Asked about {M}, {P} said: \"It is too early to say.\"",
        "{O} said the {H} would go ahead \"in some form\" despite {N}.",
        "Earlier this year {N} fell by {Y}, the first drop since {Z}.",
        "Analysts at {O} put the figure at {X}.{D} million, below forecasts of {X2} million.",
        "In {L}, {N} gathered on {W} to discuss the {H} - about {X} in all.",
        "{P} is due to present a report on {M} to {O} next week.",
    ],
    "de": [
        "{O} {V} die Pläne für {H} am {W}, nachdem {N} Bedenken geäußert hatten.",
        "„Damit haben wir nicht gerechnet“, sagte {P}, zuständig bei {O} für {H}.",
        "Nach Angaben von {P} stiegen {N} in {L} binnen eines Jahres um {Y}.",
        "Das Vorhaben soll rund {X} Millionen Euro kosten & zwei Jahre dauern.",
        "Kritiker bemängeln, {N} seien nicht gehört worden (was {O} bestreitet).",
        "{P} sagte in {L}, {M} würden bis Monatsende überprüft.",
        "Die am {W} veröffentlichten Zahlen zeigen {N} auf dem höchsten Stand seit {Z}.",
        "Bürgerinitiativen in {L} fordern eine Anhörung zu {H}; {O} hat noch nicht geantwortet.",
        "Betroffen sind etwa {X}.000 Menschen, sagte {P}.",
        "Auf {M} angesprochen, sagte {P}: „Dafür ist es zu früh.“",
        "{O} erklärte, {H} werde „in irgendeiner Form“ kommen, trotz der Einwände.",
        "Zu Jahresbeginn fielen {N} um {Y}, zum ersten Mal seit {Z}.",
        "Fachleute von {O} beziffern den Betrag auf {X},{D} Millionen Euro, weniger als die erwarteten {X2} Millionen.",
        "In {L} trafen sich am {W} rund {X} Menschen, um über {H} zu sprechen.",
        "{P} soll {O} in der kommenden Woche einen Bericht über {M} vorlegen.",
    ],
}
HEADLINES = {
    "en": ["{O2} {V} {H} in {L}", "{L} {H}: {P} {V} plan", "{H} {V} as {N} worry {L}", "{P} on the {H}: \"{Q}\""],
    "de": ["{L}: {O2} {V} {H}", "{H} in {L} – {P} äußert sich", "Streit um {H} in {L}", "{P} zu {H}: „{Q}“"],
}
QUOTES = {"en": ["We will see", "Not this year", "A fair deal", "Too early"],
          "de": ["Wir warten ab", "Nicht in diesem Jahr", "Ein fairer Kompromiss", "Zu früh"]}
WEEKDAYS = {"en": "Monday Tuesday Wednesday Thursday Friday".split(),
            "de": "Montag Dienstag Mittwoch Donnerstag Freitag".split()}


@dataclass(frozen=True)
class NewsArticle:
    title: str
    date: datetime
    tags: tuple[str, ...]
    locations: tuple[str, ...]
    source: str
    lang: str
    paragraphs: tuple[str, ...]


def _article(rng: random.Random, lang: str) -> NewsArticle:
    tag, headlines, nouns, verbs = rng.choice(TOPICS[lang])
    place = rng.choice(PLACES[lang])
    people = [f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}" for _ in range(2)]
    date = EPOCH + timedelta(seconds=rng.randrange(SPAN_SECONDS))

    def fill(shape: str) -> str:
        words = {
            "P": rng.choice(people), "O": rng.choice(ORGS[lang]), "L": rng.choice([place] * 3 + PLACES[lang]),
            "N": rng.choice(nouns), "M": rng.choice(nouns), "H": rng.choice(headlines), "V": rng.choice(verbs),
            "X": str(rng.randrange(2, 990)), "X2": str(rng.randrange(2, 990)), "D": str(rng.randrange(10)),
            "Y": (f"{rng.randrange(1, 40)}.{rng.randrange(10)}%" if lang == "en"
                  else f"{rng.randrange(1, 40)},{rng.randrange(10)} %"),
            "W": rng.choice(WEEKDAYS[lang]), "Z": str(date.year - rng.randrange(2, 30)), "Q": rng.choice(QUOTES[lang]),
        }
        words["O2"] = words["O"].removeprefix("the ").removeprefix("die ").removeprefix("der ").removeprefix("das ")
        text = shape.format(**words)
        return text[0].upper() + text[1:]

    title = fill(rng.choice(HEADLINES[lang]))
    sentences = list(SENTENCES[lang])
    rng.shuffle(sentences)
    paragraphs = []
    for shape in sentences[: rng.randrange(4, len(sentences))]:
        sentence = fill(shape)
        if paragraphs and rng.random() < 0.45:
            paragraphs[-1] += " " + sentence
        else:
            paragraphs.append(sentence)
    day = f"{MONTHS[lang][date.month - 1]} {date.day}" if lang == "en" else f"{date.day}. {MONTHS[lang][date.month - 1]}"
    paragraphs[0] = f"{place.upper()}, {day} - {paragraphs[0]}" if lang == "en" else f"{place} ({day}) – {paragraphs[0]}"
    locations = tuple(dict.fromkeys([place] + [p for p in PLACES[lang] if p != place and p in " ".join(paragraphs)][:2]))
    return NewsArticle(title, date, (tag,), locations, rng.choice(SOURCES[lang]), lang, tuple(paragraphs))


def articles(count: int, seed: int = 1) -> list[NewsArticle]:
    """`count` articles, about half German and half English; the same seed gives the same list."""
    rng = random.Random(seed)
    return [_article(rng, rng.choice(("en", "de"))) for _ in range(count)]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown(article: NewsArticle) -> str:
    front = [f"title: {_quoted(article.title)}",
             f"date: {article.date.strftime('%Y-%m-%dT%H:%M:%SZ')}",
             "tags: [" + ", ".join(map(_quoted, article.tags)) + "]",
             "locations: [" + ", ".join(map(_quoted, article.locations)) + "]",
             f"source: {_quoted(article.source)}",
             f"lang: {article.lang}"]
    return "---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(article.paragraphs) + "\n"


def raw(article: NewsArticle) -> str:
    lead, *rest = article.paragraphs
    return lead + "\n\n" + "".join(p + "\n" for p in rest)


def write(count: int, folder: Path, form: str = "markdown", seed: int = 1) -> list[Path]:
    """Write `count` articles into `folder` as Markdown or raw text files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, article in enumerate(articles(count, seed)):
        if form == "markdown":
            path, text = folder / f"{number + 1:06d}.md", markdown(article)
        else:
            text = raw(article)
            path = folder / f"{number:03d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=("markdown", "raw"), default="markdown")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.count, args.folder, args.format, args.seed)


if __name__ == "__main__":
    main()
