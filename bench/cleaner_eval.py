#!/usr/bin/env python3
"""The cleaner measured on the development pages, in-sample and under cross-validation grouped by site.

    python bench/cleaner_eval.py [--folds 5] [--repeats 1] [--in-sample-only] [--json OUT]

The pages are the dev sets in shared/corpus (cleaning-dev, and cleaning-dev-seedlike: the same
pages laid out like the seed). Each page is imported with the real importer and scored with the
set's score.py: body P/R/F1, segment F1 (with/without strings), title, date on the right day,
date given but wrong, and authors.

Grouped cross-validation: every site falls into one of --folds folds (by a hash of its name, so
a seed-like page goes where its original goes). For each fold, every learned model (TRAINERS) is
fitted on the pages of the other folds and the fold's pages are imported with those weights;
the predictions of all folds are scored together. That is the figure to report: no page is
cleaned by weights fitted on its own site. In-sample, the models are fitted on every page.
A cleaner without learned parts gives the same figures both ways.

One assignment of sites to folds is one draw: with 300 titled pages, one page is 0.0033 of the
title figure, and another assignment moves it by about 0.01. --repeats N runs the cross-validation
with N assignments (the first is the reported one) and adds their mean and range: a change is an
improvement when the mean moves by more than the range's width, not when one draw does.
"""

import argparse
import hashlib
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from devdata import shared_folder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.core.config import load_config  # noqa: E402
from generator.ingest.clean.learned import using  # noqa: E402
from generator.ingest.importer import import_paths  # noqa: E402
from generator.scaffold import init_site  # noqa: E402

CORPUS = shared_folder("corpus/cleaning-dev/score.py", "corpus/cleaning-dev-seedlike") / "corpus"
SETS = ("cleaning-dev", "cleaning-dev-seedlike")
FIGURES = ("P", "R", "F1", "seg_F1", "title_norm", "date_day", "date_wrong", "author_F1")

# name → function(list[DevPage]) -> weights; each learned part of the cleaner registers its
# trainer here (see the train_*.py scripts beside this one).
TRAINERS: dict = {}


def _load_trainers() -> None:
    for script in sorted(Path(__file__).parent.glob("train_*.py")):
        spec = importlib.util.spec_from_file_location(script.stem, script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        TRAINERS[module.MODEL] = module.train


def _score_module():
    spec = importlib.util.spec_from_file_location("score", CORPUS / "cleaning-dev" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class DevPage:
    stem: str
    set_name: str
    raw: Path
    truth: dict

    @property
    def site(self) -> str:
        return self.truth.get("site") or self.stem


def dev_pages(set_name: str) -> list[DevPage]:
    folder = CORPUS / set_name
    return [DevPage(truth.stem, set_name, folder / "raw" / f"{truth.stem}.txt", json.loads(truth.read_text(encoding="utf-8")))
            for truth in sorted((folder / "truth").glob("*.json"))]


def fold_of(site: str, folds: int, draw: int = 0) -> int:
    """The fold of `site` in assignment number `draw` (0 is the reported one)."""
    key = site if draw == 0 else f"{draw}:{site}"
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % folds


def predict(pages: list[DevPage], models: dict, work: Path) -> dict[str, Path]:
    """Each page imported (under `models`) as a fresh site would: stem → its Markdown file. Each set
    goes to a site of its own, since a seed-like page repeats its original."""
    found = {}
    for set_name in SETS:
        found.update(_import([p for p in pages if p.set_name == set_name], models, work / set_name))
    return found


def _import(pages: list[DevPage], models: dict, work: Path) -> dict[str, Path]:
    shutil.rmtree(work, ignore_errors=True)
    raw = work / "raw"
    raw.mkdir(parents=True)
    for page in pages:
        (raw / page.raw.name).symlink_to(page.raw)
    site = work / "site"
    init_site(site)
    with using(models):
        import_paths(site, [raw], load_config(site), progress=False)
    found = {}
    for path in (site / "content" / "articles").rglob("*.md"):
        match = re.search(r'^raw: "raw/([^"]+?)(?:\.\w+)?(?::\d+)?"$', path.read_text(encoding="utf-8"), re.M)
        if match:
            found[match.group(1)] = path
    return found


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def headline_in_raw(page: DevPage) -> bool:
    title = page.truth.get("title")
    return bool(title) and _norm(title) in _norm(page.raw.read_text(encoding="utf-8", errors="replace"))


def figures(pages: list[DevPage], predicted: dict[str, Path], scratch: Path) -> dict[str, dict]:
    """score.py's summary of the pages' predictions, by set, plus the seed-like title on the pages
    whose headline occurs in the raw text."""
    score = _score_module()
    out = {}
    for set_name in SETS:
        chosen = [p for p in pages if p.set_name == set_name]
        pred = scratch / f"pred-{set_name}"
        shutil.rmtree(pred, ignore_errors=True)
        pred.mkdir(parents=True)
        for page in chosen:
            if page.stem in predicted:
                shutil.copyfile(predicted[page.stem], pred / f"{page.stem}.md")
        rows = score.score({p.stem: p.truth for p in chosen}, str(pred))
        summary = score.summarize(rows)
        findable = {p.stem for p in chosen if headline_in_raw(p)}
        titled = [r for r in rows if r["stem"] in findable and "title_norm" in r]
        summary["title_norm_findable"] = sum(r["title_norm"] for r in titled) / len(titled) if titled else None
        out[set_name] = summary
    return out


def evaluate(folds: int, in_sample_only: bool, work: Path, repeats: int = 1) -> dict:
    _load_trainers()
    pages = [p for s in SETS for p in dev_pages(s)]
    every = {name: train(pages) for name, train in TRAINERS.items()}
    results = {"in-sample": figures(pages, predict(pages, every, work / "all"), work)}
    if in_sample_only:
        return results
    draws = [figures(pages, _cross_validated(pages, folds, draw, work), work) for draw in range(max(repeats, 1))]
    results[f"site-grouped {folds}-fold CV"] = draws[0]
    if len(draws) > 1:
        results[f"site-grouped {folds}-fold CV, mean of {len(draws)} fold assignments"] = _mean(draws)
        results[f"site-grouped {folds}-fold CV, range over {len(draws)} fold assignments"] = _range(draws)
    return results


def _cross_validated(pages: list[DevPage], folds: int, draw: int, work: Path) -> dict[str, Path]:
    """Every page imported with the models fitted on the folds it is not in (assignment `draw`)."""
    predicted = {}
    for fold in range(folds):
        held_out = [p for p in pages if fold_of(p.site, folds, draw) == fold]
        fitting = [p for p in pages if fold_of(p.site, folds, draw) != fold]
        models = {name: train(fitting) for name, train in TRAINERS.items()}
        predicted.update(predict(held_out, models, work / f"fold{fold}"))
    return predicted


def _mean(draws: list[dict]) -> dict:
    return _combined(draws, lambda values: sum(values) / len(values))


def _range(draws: list[dict]) -> dict:
    """Each figure's spread over the draws: largest minus smallest."""
    return _combined(draws, lambda values: max(values) - min(values))


def _combined(draws: list[dict], how) -> dict:
    """Per set, `how` of each numeric figure's values over the draws (None where a draw has none)."""
    out = {}
    for set_name, summary in draws[0].items():
        out[set_name] = {}
        for key in summary:
            values = [d[set_name].get(key) for d in draws]
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            out[set_name][key] = how(values) if numeric else None
    return out


def show(results: dict) -> None:
    def cell(value):
        return "-" if value is None else f"{value:.3f}"
    for how, by_set in results.items():
        print(f"{how}:")
        for set_name, s in by_set.items():
            extra = f"  title (headline in raw) {cell(s['title_norm_findable'])}" if set_name.endswith("seedlike") else ""
            print(f"  {set_name:<22}" + "  ".join(f"{k} {cell(s.get(k))}" for k in FIGURES) + extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1, help="cross-validate with this many assignments of sites to folds")
    parser.add_argument("--in-sample-only", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleaner-eval-") as tmp:
        results = evaluate(args.folds, args.in_sample_only, Path(tmp), args.repeats)
    show(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
