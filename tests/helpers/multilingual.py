"""Sites from the real French, Spanish and Japanese news in tests/data/multilingual/ (licences there)."""

import json
from pathlib import Path

from helpers.sites import REPO, make_site

SAMPLES = REPO / "tests" / "data" / "multilingual"


def samples(lang: str) -> list[dict]:
    """The sample articles of one language, as their records say them."""
    with open(SAMPLES / f"{lang}.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def write_samples(site: Path, lang: str, count: int | None = None) -> list[dict]:
    """The first `count` (default all) sample articles of `lang` as Markdown files with front
    matter in the site's content/articles/; returns their records."""
    records = samples(lang)[:count]
    for record in records:
        front = {"title": record["title"], "date": record["date"], "lang": record["lang"], "source": record["source"]}
        if record.get("url"):
            front["url"] = record["url"]
        head = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items())
        path = site / "content" / "articles" / f"{record['id']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{head}---\n{record['body']}\n", encoding="utf-8")
    return records


def make_multilingual_site(root: Path, language: str, langs=("fr", "es", "ja")) -> Path:
    """A site in `language` holding every sample article of `langs`."""
    make_site(root, language=language)
    for lang in langs:
        write_samples(root, lang)
    return root
