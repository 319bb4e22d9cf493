#!/usr/bin/env python3
"""Language detection (`detect_lang`) measured on real articles and on the imported dev pages.

    python bench/detect_eval.py [--skip-import]

Articles: the French, Spanish and Japanese news of shared/corpus/multilingual (2,786 articles) and
the true bodies of cleaning-dev (de, en, pt, it, ja, ru; the `with` strings where a page has no
body). Each is detected whole and cut to its first 30, 60, 100 and 200 characters; the table gives,
for each cut and each threshold on the detector's probability, the share of texts answered and
how many answers were wrong. detect_lang's own threshold is MIN_PROBABILITY.
Imported: every cleaning-dev page imported with the real importer (as cleaner_eval.py does), its
front matter's `lang` against the truth's.
Speed: detect_lang's time per article body, the model already loaded.
"""

import argparse
import json
import lzma
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from devdata import shared_folder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.ingest.clean import language  # noqa: E402

SHARED = shared_folder("corpus/multilingual/articles", "corpus/cleaning-dev/truth")
CUTS = (30, 60, 100, 200, None)
THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.9)


def articles() -> list[tuple[str, str, str]]:
    """(source, true language, text) of every article."""
    out = []
    for path in sorted((SHARED / "corpus/multilingual/articles").glob("*.jsonl.xz")):
        with lzma.open(path, "rt", encoding="utf-8") as f:
            out += [("multilingual", record["lang"], record["body"]) for record in map(json.loads, f)]
    for path in sorted((SHARED / "corpus/cleaning-dev/truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        out.append(("cleaning-dev", truth["lang"], truth.get("body") or "\n\n".join(truth.get("with") or [])))
    return out


def thresholds(texts: list[tuple[str, str, str]]) -> None:
    print(f"articles: {Counter(source for source, _, _ in texts)}; by language {Counter(lang for _, lang, _ in texts)}")
    print("cut       threshold  answered  wrong answers  right of all")
    for cut in CUTS:
        found = [(lang, *language.likeliest_language(text[:cut] if cut else text)) for _, lang, text in texts]
        for threshold in THRESHOLDS:
            answered = [(lang, code) for lang, code, p in found if code and p > threshold]
            wrong = sum(lang != code for lang, code in answered)
            print(f"{str(cut or 'whole'):<9} {threshold:<10} {len(answered) / len(found):.4f}    {wrong:<14} "
                  f"{(len(answered) - wrong) / len(found):.4f}")
    results = [(source, lang, language.detect_lang(text)) for source, lang, text in texts]
    for source in sorted({s for s, _, _ in results}):
        rows = [(lang, code) for s, lang, code in results if s == source]
        right, blank = sum(lang == code for lang, code in rows), sum(not code for _, code in rows)
        print(f"detect_lang, whole texts, {source}: {right}/{len(rows)} right, {blank} unanswered, "
              f"{len(rows) - right - blank} wrong; by language: {dict(sorted(Counter(lang for lang, _ in rows).items()))}")
        for lang in sorted({lang for lang, _ in rows}):
            mine = [code for truth, code in rows if truth == lang]
            print(f"  {lang}: {sum(code == lang for code in mine)}/{len(mine)}  (answers: {dict(Counter(mine))})")


def speed(texts: list[tuple[str, str, str]]) -> None:
    language.detect_lang("Die Regierung hat sich auf einen neuen Haushalt geeinigt.")  # loads the model
    start = time.perf_counter()
    for _, _, text in texts:
        language.detect_lang(text)
    print(f"speed: {(time.perf_counter() - start) / len(texts) * 1000:.2f} ms per text (whole texts, model loaded)")


def imported() -> None:
    import cleaner_eval

    cleaner_eval._load_trainers()
    pages = cleaner_eval.dev_pages("cleaning-dev")
    models = {name: train(pages) for name, train in cleaner_eval.TRAINERS.items()}
    with tempfile.TemporaryDirectory(prefix="detect-eval-") as tmp:
        found = cleaner_eval._import(pages, models, Path(tmp))
        answers = Counter()
        for page in pages:
            text = found[page.stem].read_text(encoding="utf-8") if page.stem in found else ""
            lang = next((line.split(":", 1)[1].strip().strip('"') for line in text.splitlines()
                         if line.startswith("lang:")), "")
            answers[(page.truth["lang"], lang)] += 1
    right = sum(n for (truth, lang), n in answers.items() if truth == lang)
    print(f"imported cleaning-dev pages, front matter lang: {right}/{sum(answers.values())} right; "
          f"(truth, lang written): {dict(sorted(answers.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    texts = articles()
    speed(texts)
    thresholds(texts)
    if not args.skip_import:
        imported()


if __name__ == "__main__":
    main()
