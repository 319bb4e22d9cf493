"""Sites made of the real French, Spanish and Japanese articles in tests/data/multilingual/."""

import json
from pathlib import Path

import yaml

from helpers.sites import make_site

DATA = Path(__file__).resolve().parents[1] / "data" / "multilingual"


def sample(lang: str) -> list[dict]:
    """The sample's records of one language (fr, es, ja), in file order."""
    with open(DATA / f"{lang}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def make_multilingual_site(root: Path, language: str, langs=("fr", "es", "ja")) -> Path:
    """A site in `language` holding the sample articles of `langs`, as Markdown with front matter."""
    make_site(root, language=language)
    for lang in langs:
        for record in sample(lang):
            if not record["date"]:
                continue
            name = record["id"].replace("/", "-") + ".md"
            front = {"title": record["title"].strip(), "date": record["date"], "lang": record["lang"],
                     "source": record["source"]}
            text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + record["body"]
            path = root / "content" / "articles" / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root
