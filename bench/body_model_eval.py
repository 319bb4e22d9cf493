#!/usr/bin/env python3
"""Could a learned second look at the lines around the located article beat the rules? Measured
under cross-validation grouped by site.

    python bench/body_model_eval.py [--repeats 4] [--reach 12] [--oracle]

Needs scikit-learn (not a dependency of newsarchive: `pip install scikit-learn` into the
environment that runs the benchmarks). For every line within --reach lines of the run of lines
the rules locate (body_errors.page_lines), a gradient-boosted tree model (scikit-learn's
HistGradientBoostingClassifier) sees the line's features, the same features of the two lines
before and after it, whether the rules keep it, and where it stands relative to the located run
and in the page. It is fitted on the lines the truth labels (body_errors.labels) of the pages of
the other folds, and decides the held-out pages' lines: a kept line is dropped when the model
gives it less than --low, a left line is added when it gives it more than --high. The body is
the kept lines; it is scored like score.py (shingle P/R/F1 per page, averaged; segments pooled),
beside the rules' own decisions scored the same way. --oracle instead decides every labelled
line as the truth says, inside the located run only and everywhere within reach: the most a
per-line decision could gain. --by-words weighs a body page's lines by their share of its words,
so that the fit cares about what the page's F1 cares about.
"""

import argparse
import hashlib
import importlib.util
import json
import math
import re
import sys
from pathlib import Path

from body_errors import CORPUS, labels, page_lines

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.ingest.clean.authors import is_byline  # noqa: E402
from generator.ingest.clean.inline import captioned  # noqa: E402
from generator.ingest.clean.locate import STOP_MIN, prose_weight  # noqa: E402
from generator.ingest.clean.normalize import normalize_text  # noqa: E402
from generator.ingest.clean.page import read_page  # noqa: E402
from generator.ingest.read import read_raw  # noqa: E402

SETS = ("cleaning-dev", "cleaning-dev-seedlike")
_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")
_SEPARATOR = re.compile(r"[|»›•·]")
_NEIGHBOUR = (0, 1, 2, 3, 4, 9, 20)  # words, prose share, sentence, list item, furniture, weight, kept


def _line(line, stop_min: float, printed: int, kept: bool) -> list[float]:
    text, words = line.text, line.text.split() or [""]
    return [min(line.words, 80), line.stop_ratio, line.sentence, line.listed, line.furniture, line.consent,
            line.interstitial, line.teaser_heading, line.teaser, prose_weight(line, stop_min),
            sum(c.isdigit() for c in text) / len(text), sum(w[:1].isupper() for w in words) / len(words),
            bool(_SEPARATOR.search(text)), text.endswith(":"), len(text) / len(words), captioned(line),
            is_byline(line), bool(_DATE.search(text)), min(printed, 5), text[:1] in "\"„“»«'‚", kept]


def page_examples(raw: Path, reach: int) -> tuple[list[str], list[bool], list[int], list[list[float]]]:
    """The page's lines, the rules' decisions, and the indexes and features of the lines within reach."""
    texts, kept, start, end = page_lines(raw)
    docs, _ = read_raw(raw, raw.name)
    page = read_page(normalize_text(docs[0].text))
    stop_min = STOP_MIN if page.prose_lang else 0.0
    printed = {}
    for text in texts:
        printed[text] = printed.get(text, 0) + 1
    rows = [_line(line, stop_min, printed[line.text], k) for line, k in zip(page.infos, kept)]
    n, kept_words = len(texts), sum(len(t.split()) for t, k in zip(texts, kept) if k)
    index, features = [], []
    for i in range(max(0, start - reach), min(n, end + reach)):
        f = rows[i] + [start <= i < end, max(-30, min(30, i - start)), max(-30, min(30, end - 1 - i)), i / n,
                       (i - start) / max(end - start, 1), math.log1p(kept_words)]
        for j in (i - 2, i - 1, i + 1, i + 2):
            f += [rows[j][k] for k in _NEIGHBOUR] if 0 <= j < n else [-1] * len(_NEIGHBOUR)
        index.append(i)
        features.append(f)
    return texts, kept, index, features


def _score_module():
    spec = importlib.util.spec_from_file_location("score", CORPUS / "cleaning-dev" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(pages: list[dict], decisions: list[list[bool]]) -> dict:
    score, ws = _score_module(), (lambda s: re.sub(r"\s+", " ", s).strip())
    out = {}
    for set_name in SETS:
        p = r = 0.0
        bodies = tp = fn = fp = 0
        for page, keep in zip(pages, decisions):
            if page["set"] != set_name:
                continue
            text = "\n".join(t for t, k in zip(page["texts"], keep) if k)
            truth = page["truth"]
            if truth.get("body"):
                pp, rr, _ = score.body_scores(truth["body"], text) if text else (0.0, 0.0, 0.0)
                p, r, bodies = p + pp, r + rr, bodies + 1
            elif truth.get("with"):
                found = ws(text)
                tp += sum(ws(s) in found for s in truth["with"])
                fn += sum(ws(s) not in found for s in truth["with"])
                fp += sum(ws(s) in found for s in truth.get("without") or [])
        p, r = p / bodies, r / bodies
        sp, sr = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        out[set_name] = {"P": p, "R": r, "F1": 2 * p * r / (p + r),
                         "seg_F1": 2 * sp * sr / (sp + sr) if sp + sr else None}
    return out


def fold_of(site: str, folds: int, draw: int) -> int:
    """cleaner_eval's assignment of sites to folds."""
    key = site if draw == 0 else f"{draw}:{site}"
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % folds


def cross_validated(pages: list[dict], folds: int, draw: int, low: float, high: float,
                    by_words: bool = False) -> list[list[bool]]:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    decisions = [list(p["kept"]) for p in pages]
    for fold in range(folds):
        x, y, weight = [], [], []
        for page in pages:
            if fold_of(page["site"], folds, draw) != fold:
                labelled = sum(len(t.split()) for t, lab in zip(page["texts"], page["labels"]) if lab is not None)
                for i, f in zip(page["index"], page["features"]):
                    if page["labels"][i] is not None:
                        x.append(f)
                        y.append(page["labels"][i])
                        words = len(page["texts"][i].split())
                        weight.append(50 * words / labelled if by_words and page["truth"].get("body") else 1.0)
        model = HistGradientBoostingClassifier(max_iter=60, max_depth=3, learning_rate=0.1, min_samples_leaf=40,
                                               early_stopping=False, random_state=0)
        model.fit(np.array(x, dtype=float), np.array(y, dtype=int), sample_weight=np.array(weight))
        for page, keep in zip(pages, decisions):
            if fold_of(page["site"], folds, draw) == fold and page["features"]:
                for i, p in zip(page["index"], model.predict_proba(np.array(page["features"], dtype=float))[:, 1]):
                    keep[i] = p >= low if keep[i] else p > high
    return decisions


def oracle(pages: list[dict], inside_only: bool) -> list[list[bool]]:
    decisions = []
    for page in pages:
        keep = list(page["kept"])
        kept_at = [i for i, k in enumerate(keep) if k]
        for i in page["index"]:
            inside = bool(kept_at) and kept_at[0] <= i <= kept_at[-1]
            if page["labels"][i] is not None and (inside or not inside_only):
                keep[i] = page["labels"][i]
        decisions.append(keep)
    return decisions


def show(name: str, found: dict) -> None:
    print(f"{name}:")
    for set_name, s in found.items():
        print(f"  {set_name:<22}" + "  ".join(f"{k} {'-' if v is None else f'{v:.4f}'}" for k, v in s.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--reach", type=int, default=12)
    parser.add_argument("--low", type=float, default=0.5)
    parser.add_argument("--high", type=float, default=0.5)
    parser.add_argument("--by-words", action="store_true",
                        help="weigh a body page's lines by their share of its words (string pages' lines weigh 1)")
    parser.add_argument("--oracle", action="store_true")
    args = parser.parse_args()
    if not args.oracle and importlib.util.find_spec("sklearn") is None:
        print(f"{Path(sys.argv[0]).name}: needs scikit-learn (pip install scikit-learn); --oracle does not",
              file=sys.stderr)
        raise SystemExit(2)
    pages = []
    for set_name in SETS:
        for path in sorted((CORPUS / set_name / "truth").glob("*.json")):
            truth = json.loads(path.read_text(encoding="utf-8"))
            texts, kept, index, features = page_examples(CORPUS / set_name / "raw" / f"{path.stem}.txt", args.reach)
            pages.append({"set": set_name, "site": truth.get("site") or path.stem, "truth": truth, "texts": texts,
                          "kept": kept, "index": index, "features": features, "labels": labels(truth, texts)})
    show("the rules", figures(pages, [p["kept"] for p in pages]))
    if args.oracle:
        show("every labelled line inside the located run decided right", figures(pages, oracle(pages, True)))
        show(f"every labelled line within {args.reach} lines decided right", figures(pages, oracle(pages, False)))
        return
    for draw in range(args.repeats):
        show(f"learned, site-grouped {args.folds}-fold CV, assignment {draw}",
             figures(pages, cross_validated(pages, args.folds, draw, args.low, args.high, args.by_words)))


if __name__ == "__main__":
    main()
