#!/usr/bin/env python3
"""Where the cleaner's body errors on the development pages are: text lost before, inside or after
the located article, and boilerplate kept.

    python bench/body_errors.py [--set cleaning-dev] [--worst 20] [--page STEM]

Each page is cleaned as the importer cleans a lone page (no other pages' repeated lines, no
site.yaml rules), and each of its lines is labelled from the truth: on a page with a full true
body, a line is the article's when its words occur in that body (a line of fewer than 4 words
only when it is a whole true paragraph: "- Markets" is in many bodies by chance), else
boilerplate; on a page with `with`/`without` strings, a line holding a `with` string is the
article's, one holding a `without` string boilerplate, and the rest unknown. The figures are
the words (body pages) or lines (string pages) of each kind of error, for the whole set and for
the pages that lose most. --page prints one page's lines, each marked: `A` the article's, `b`
boilerplate, `K` kept by the cleaner, `|` inside the located run of lines.

The figures score.py reports are per page (a page's F1, averaged); these are pooled, so a long
page weighs more here. They say which way to look, not how much a fix will gain.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from devdata import shared_folder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.ingest.clean.body import article_lines  # noqa: E402
from generator.ingest.clean.normalize import normalize_text  # noqa: E402
from generator.ingest.clean.page import CleaningRules, find_body, read_page  # noqa: E402
from generator.ingest.read import read_raw  # noqa: E402

CORPUS = shared_folder("corpus/cleaning-dev/score.py") / "corpus"
KINDS = ("lost before", "lost inside", "lost after", "boilerplate kept")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def labels(truth: dict, texts: list[str]) -> list[bool | None]:
    """Per line: True the article's, False boilerplate, None unknown (see the module's docstring)."""
    if truth.get("body"):
        body = _norm(truth["body"])
        paragraphs = {_norm(p) for p in truth["body"].split("\n")}
        out = []
        for text in texts:
            line = _norm(text)
            if not line or line not in body:
                out.append(False if line else None)
            else:
                out.append(True if len(line.split()) >= 4 or line in paragraphs else None)
        return out
    with_ = [_norm(s) for s in truth.get("with") or [] if _norm(s)]
    without = [_norm(s) for s in truth.get("without") or [] if _norm(s)]
    out = []
    for text in texts:
        line = _norm(text)
        if line and any(s in line or len(line) > 20 and line in s for s in with_):
            out.append(True)
        elif line and any(s in line or len(line) > 20 and line in s for s in without):
            out.append(False)
        else:
            out.append(None)
    return out


def page_lines(raw: Path) -> tuple[list[str], list[bool], int, int]:
    """The page's non-empty lines, which of them the cleaner keeps, and its [start, end)."""
    docs, _ = read_raw(raw, raw.name)
    page = read_page(normalize_text(docs[0].text))
    body = find_body(page, CleaningRules())
    kept = {id(line) for line in article_lines(page.infos, body.start, body.end, page.contents,
                                                [False] * len(page.infos))}
    return [line.text for line in page.infos], [id(line) in kept for line in page.infos], body.start, body.end


def errors(truth: dict, raw: Path) -> dict[str, int]:
    """Words (body pages) or lines (string pages) of each kind of error on one page."""
    texts, kept, start, end = page_lines(raw)
    out = dict.fromkeys(KINDS, 0)
    for i, (text, is_article, keep) in enumerate(zip(texts, labels(truth, texts), kept)):
        size = len(text.split()) if truth.get("body") else 1
        if is_article and not keep:
            out["lost before" if i < start else "lost after" if i >= end else "lost inside"] += size
        elif is_article is False and keep:
            out["boilerplate kept"] += size
    return out


def show_page(folder: Path, stem: str) -> None:
    truth = json.loads((folder / "truth" / f"{stem}.json").read_text(encoding="utf-8"))
    texts, kept, start, end = page_lines(folder / "raw" / f"{stem}.txt")
    for i, (text, is_article, keep) in enumerate(zip(texts, labels(truth, texts), kept)):
        mark = {True: "A", False: "b", None: " "}[is_article] + ("K" if keep else " ") + ("|" if start <= i < end else " ")
        print(f"{mark} {text[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="cleaning-dev")
    parser.add_argument("--worst", type=int, default=20)
    parser.add_argument("--page", help="print this page's lines, marked")
    args = parser.parse_args()
    folder = CORPUS / args.set
    if args.page:
        show_page(folder, args.page)
        return
    totals = {"words of the true body (pages with one)": dict.fromkeys(KINDS, 0),
              "with/without strings' lines (pages with them)": dict.fromkeys(KINDS, 0)}
    pages = []
    for path in sorted((folder / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if not truth.get("body") and not truth.get("with"):
            continue
        found = errors(truth, folder / "raw" / f"{path.stem}.txt")
        kind = "words of the true body (pages with one)" if truth.get("body") else \
            "with/without strings' lines (pages with them)"
        for key, value in found.items():
            totals[kind][key] += value
        if truth.get("body"):
            pages.append((sum(found.values()), path.stem, found))
    for kind, found in totals.items():
        print(f"{kind}: " + ", ".join(f"{key} {value}" for key, value in found.items()))
    print(f"the {args.worst} body pages with the most words wrong:")
    for _, stem, found in sorted(pages, reverse=True)[:args.worst]:
        print(f"  {stem}  " + ", ".join(f"{key} {value}" for key, value in found.items() if value))


if __name__ == "__main__":
    main()
