#!/usr/bin/env python3
"""Fits the headline scorer's weights (generator/ingest/clean/models/headline.json).

    python bench/train_headline.py [--check | --recall]

Each dev page is cleaned as the importer cleans it (without other pages' repeated lines) and its
headline candidates described by `title_evidence`; a candidate is right when score.py's
`norm_title` makes it equal to the truth title. The weights are a softmax over each page's
candidates plus "none" (score 0: the scorer then leaves the title to the teaser or the lead), with
L2, fitted by full-batch gradient descent with a fixed step schedule: deterministic. Pages whose
title comes from a quote naming the article never reach the scorer and are left out.
--check fits again and exits 1 when the result differs from the shipped file. --recall says, for
the titled pages of each dev set, where their title is: named by a quote, among the scorer's
candidates (the most any weights can find), in a headline-shaped line elsewhere on the page, or
on no line of its own.
"""

import argparse
import json
import sys
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.ingest.clean.headline import FEATURES, title_candidates, title_evidence  # noqa: E402
from generator.ingest.clean.learned import MODELS  # noqa: E402
from generator.ingest.clean.normalize import normalize_text  # noqa: E402
from generator.ingest.clean.page import CleaningRules, find_body, read_page  # noqa: E402
from generator.ingest.clean.title import comment_title, first_sentence, quoted_title, teaser_title  # noqa: E402
from generator.ingest.read import read_raw  # noqa: E402

MODEL = "headline"
L2 = 0.001
STEPS = 1500


def _norm_title():
    """score.py's title normalisation, the one the figures compare titles by."""
    import cleaner_eval  # noqa: PLC0415 - beside this script; it knows where the corpus lives

    return cleaner_eval._score_module().norm_title


@cache
def page_candidates(path: Path) -> tuple[list[tuple[str, tuple[float, ...]]], str] | None:
    """The page's headline candidates with their features, and the title chosen when none is
    taken; None when a quote names the article. Kept once read: no weight changes them, and a
    cross-validation asks for every page once per fold (the answer is shared; do not change it)."""
    docs, _ = read_raw(path, path.name)
    if not docs or docs[0].is_html:
        return None
    page = read_page(normalize_text(docs[0].text))
    body = find_body(page, CleaningRules())
    text = "\n".join(body.paragraphs)
    if quoted_title(page.lines, text) or comment_title(page.lines):
        return None
    lead = body.paragraphs[0] if body.paragraphs else ""
    fallback = teaser_title(page.infos[body.end:], lead) or first_sentence(lead)
    return title_evidence(page.infos, body.start, text, lead), fallback


def examples(pages) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per page: its candidates' features (one row each) and which of them are right (none right:
    "none" is). A page where neither a candidate nor the title chosen without one is right teaches
    nothing about choosing, and is left out."""
    norm = _norm_title()
    out = []
    for page in pages:
        truth = page.truth.get("title")
        found = page_candidates(page.raw) if truth else None
        if not found or not found[0]:
            continue
        candidates, fallback = found
        want = norm(truth)
        right = np.array([norm(t) == want for t, _ in candidates], dtype=bool)
        if right.any() or norm(fallback) == want:
            out.append((np.array([f for _, f in candidates], dtype=float), right))
    return out


def _loss_grad(w: np.ndarray, x: np.ndarray, right: np.ndarray, starts: np.ndarray, page: np.ndarray,
               l2: float) -> tuple[float, np.ndarray]:
    """The mean negative log-likelihood of the right candidates (or "none", score 0, on a page
    where none is right) and its gradient; `x` holds all pages' candidates, page by page."""
    scores = x @ w
    top = np.maximum(np.maximum.reduceat(scores, starts), 0.0)
    e = np.exp(scores - top[page])
    none = np.exp(-top)
    total = np.add.reduceat(e, starts) + none
    has_right = np.add.reduceat(right, starts) > 0
    wanted = np.where(has_right, np.add.reduceat(e * right, starts), none)
    loss = l2 * w @ w - np.mean(np.log(wanted / total))
    q = np.where(right, e / wanted[page], 0.0)
    grad = 2 * l2 * w + x.T @ (e / total[page] - q) / len(starts)
    return loss, grad


def train(pages) -> dict:
    """The weights fitted on `pages` (DevPage from cleaner_eval)."""
    data = examples(pages)
    x = np.concatenate([f for f, _ in data])
    right = np.concatenate([r for _, r in data]).astype(float)
    sizes = [len(f) for f, _ in data]
    starts = np.cumsum([0] + sizes[:-1])
    page = np.repeat(np.arange(len(data)), sizes)
    w = np.zeros(len(FEATURES))
    velocity = np.zeros_like(w)
    for step in range(STEPS):
        _, grad = _loss_grad(w, x, right, starts, page, L2)
        velocity = 0.9 * velocity - (0.5 if step < STEPS // 2 else 0.1) * grad
        w += velocity
    return {"features": list(FEATURES), "weights": [round(float(v), 4) for v in w], "l2": L2, "pages": len(data)}


def where_title_is(page) -> str:
    """'quoted', 'candidate', 'elsewhere' or 'nowhere' for a titled DevPage (see --recall)."""
    norm = _norm_title()
    want = norm(page.truth["title"])
    docs, _ = read_raw(page.raw, page.raw.name)
    found = page_candidates(page.raw) if docs and not docs[0].is_html else None
    if found is None:
        return "quoted"
    if any(norm(text) == want for text, _ in found[0]):
        return "candidate"
    infos = read_page(normalize_text(docs[0].text)).infos
    whole_page = title_candidates(infos, len(infos) - 1, reach=len(infos))
    return "elsewhere" if any(norm(text) == want for _, text, _ in whole_page) else "nowhere"


def recall(pages) -> None:
    for set_name in sorted({p.set_name for p in pages}):
        titled = [p for p in pages if p.set_name == set_name and p.truth.get("title")]
        counts = {"quoted": 0, "candidate": 0, "elsewhere": 0, "nowhere": 0}
        for page in titled:
            counts[where_title_is(page)] += 1
        print(f"{set_name}: {len(titled)} titled pages; {counts['quoted']} named by a quote; the title is among "
              f"the candidates on {counts['candidate']}, a headline-shaped line elsewhere on {counts['elsewhere']}, "
              f"on no line of its own on {counts['nowhere']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--check", action="store_true", help="exit 1 when a refit differs from the shipped weights")
    how.add_argument("--recall", action="store_true", help="where the titles of the dev pages are")
    args = parser.parse_args()
    import cleaner_eval  # noqa: PLC0415

    pages = [p for s in cleaner_eval.SETS for p in cleaner_eval.dev_pages(s)]
    if args.recall:
        recall(pages)
        return
    fitted = train(pages)
    target = MODELS / f"{MODEL}.json"
    text = json.dumps(fitted, indent=1) + "\n"
    if args.check:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("headline weights reproduce" if same else "headline weights differ from a refit")
        raise SystemExit(0 if same else 1)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({fitted['pages']} pages)")


if __name__ == "__main__":
    main()
