#!/usr/bin/env python3
"""The title errors on the development pages under site-grouped cross-validation, each with the
page's headline candidates and their scores, sorted into kinds.

    python bench/title_errors.py [--folds 5] [--draw 0] [--repeats 1] [--set cleaning-dev] [--quiet]

The sites are split into folds as bench/cleaner_eval.py splits them (assignment --draw); the
headline weights are fitted on the other folds' pages (bench/train_headline.py) and each page
of the fold is given the title the importer would give a lone page (no other pages' repeated
lines). A title is right when score.py's normalisation makes it equal to the truth. The kinds:

  quote           a quote naming the article gave a wrong title
  kicker          the right line, with its kicker kept or cut the other way than the truth
  line above      another line above the headline won (a kicker or section line, a site name,
                  a banner, a teaser of another article)
  line below      another line between the headline and the article won (a deck, a byline,
                  a caption, the lead)
  not a candidate the title is not among the candidates (headline-shaped elsewhere, or not a
                  line of its own: joined or worded otherwise than the page prints it)
  no headline     no candidate scored above zero, and the teaser or lead fallback is wrong

Every error is printed with its five best candidates (score, a `*` on the right one), then the
count of each kind. --quiet prints only the counts. --repeats N does the same for N assignments
of sites to folds from --draw on, a line of counts each, and the mean title figure: the title
figure of `cleaner_eval.py --repeats N` in seconds instead of minutes, for trying changes to the
headline scorer (it cleans each page alone, where the import drops lines a source repeats on its
other pages, so the two can differ by a page or two).
"""

import argparse
import sys
from pathlib import Path

import numpy as np

import cleaner_eval
import train_headline

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.ingest.clean.learned import using  # noqa: E402

KINDS = ("quote", "kicker", "line above", "line below", "not a candidate", "no headline")


def chosen(page, weights: dict) -> tuple[str, list[tuple[float, str]], bool]:
    """The title the importer gives `page` under `weights`, the candidates' scores (best first),
    and whether the title came from a quote."""
    with using({train_headline.MODEL: weights}):
        found = train_headline.page_candidates(page.raw)
        if found is None:
            return _quoted(page), [], True
        candidates, fallback = found
        w = np.array(weights["weights"])
        scored = sorted(((float(w @ np.array(f)), text) for text, f in candidates), key=lambda st: -st[0])
        title = scored[0][1] if scored and scored[0][0] > 0 else fallback
        return title, scored, False


def _quoted(page) -> str:
    from generator.ingest.clean.normalize import normalize_text  # noqa: PLC0415
    from generator.ingest.clean.page import CleaningRules, find_body, read_page  # noqa: PLC0415
    from generator.ingest.clean.title import comment_title, quoted_title  # noqa: PLC0415
    from generator.ingest.read import read_raw  # noqa: PLC0415

    docs, _ = read_raw(page.raw, page.raw.name)
    lines = read_page(normalize_text(docs[0].text))
    body = find_body(lines, CleaningRules())
    return quoted_title(lines.lines, "\n".join(body.paragraphs)) or comment_title(lines.lines)


def kind_of(title: str, truth: str, scored: list[tuple[float, str]], quoted: bool, order: list[str]) -> str:
    """The kind of a wrong `title` (see the module's docstring); `order` holds the candidates in
    page order, to tell a line above the headline from one below it."""
    norm = train_headline._norm_title()
    want, got = norm(truth), norm(title)
    if quoted:
        return "quote"
    if not scored or scored[0][0] <= 0:
        return "no headline" if any(norm(t) == want for _, t in scored) else "not a candidate"
    if not any(norm(t) == want for _, t in scored):
        return "not a candidate"
    if got and (got in want or want in got):
        return "kicker"
    right = max(i for i, t in enumerate(order) if norm(t) == want)
    picked = max(i for i, t in enumerate(order) if norm(t) == got)
    return "line above" if picked < right else "line below"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--draw", type=int, default=0, help="which assignment of sites to folds (cleaner_eval --repeats)")
    parser.add_argument("--set", default="cleaning-dev", choices=cleaner_eval.SETS)
    parser.add_argument("--repeats", type=int, default=1, help="this many assignments of sites to folds, from --draw on")
    parser.add_argument("--quiet", action="store_true", help="only the count of each kind")
    args = parser.parse_args()
    pages = [p for s in cleaner_eval.SETS for p in cleaner_eval.dev_pages(s)]
    figures = [_draw(pages, args, draw) for draw in range(args.draw, args.draw + max(args.repeats, 1))]
    if len(figures) > 1:
        print(f"{args.set}: title {sum(figures) / len(figures):.4f} on average over {len(figures)} assignments "
              f"(from {min(figures):.3f} to {max(figures):.3f})")


def _draw(pages, args, draw: int) -> float:
    """The errors of one assignment of sites to folds, printed; its title figure."""
    norm = train_headline._norm_title()
    counts = dict.fromkeys(KINDS, 0)
    titled = right = 0
    for fold in range(args.folds):
        held_out = [p for p in pages if cleaner_eval.fold_of(p.site, args.folds, draw) == fold]
        weights = train_headline.train([p for p in pages if cleaner_eval.fold_of(p.site, args.folds, draw) != fold])
        for page in held_out:
            truth = page.truth.get("title")
            if page.set_name != args.set or not truth:
                continue
            titled += 1
            title, scored, quoted = chosen(page, weights)
            if norm(title) == norm(truth):
                right += 1
                continue
            found = train_headline.page_candidates(page.raw)
            order = [text for text, _ in found[0]] if found else []
            kind = kind_of(title, truth, scored, quoted, order)
            counts[kind] += 1
            if not args.quiet:
                print(f"{page.stem} {page.site} [{kind}]\n  truth: {truth!r}\n  chose: {title!r}")
                for score, text in scored[:5]:
                    print(f"    {score:6.2f} {'*' if norm(text) == norm(truth) else ' '} {text[:100]!r}")
    print(f"{args.set}, draw {draw}: {right} of {titled} titles right ({right / max(titled, 1):.3f}); errors by kind: "
          + ", ".join(f"{k} {n}" for k, n in counts.items()))
    return right / max(titled, 1)


if __name__ == "__main__":
    main()
