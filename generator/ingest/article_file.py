"""The article file an import writes: YAML front matter, then the scraped paragraphs as Markdown
escaped to render as the same text."""

import json
import re

from generator.ingest.clean.lines import LIST_ITEM


def _yaml_value(value) -> str:
    """JSON scalars and flow lists are valid YAML, and quoting every string keeps ':' and '#' safe."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
# A paragraph start Markdown would read as a heading, quote, list item or underline.
_BLOCK_MARKUP_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|=+\s*$|\d+[.)]\s)")


def escape_markdown(text: str) -> str:
    """Scraped text as Markdown that renders as the same text: no emphasis, links, HTML or headings."""
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")  # Markdown has no escape for '<'
    return "\\" + text if _BLOCK_MARKUP_START.match(text) else text


def body_markdown(paragraphs: tuple[str, ...]) -> str:
    """Paragraphs separated by blank lines; consecutive list items stay one list."""
    blocks: list[str] = []
    for paragraph in paragraphs:
        item = LIST_ITEM.match(paragraph)
        if item:
            line = "- " + escape_markdown(paragraph[item.end():])
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + line
                continue
            blocks.append(line)
        else:
            blocks.append(escape_markdown(paragraph))
    return "\n\n".join(blocks) + "\n"


def article_text(meta: dict, body: str) -> str:
    """The file's text: the set values of `meta` as front matter, then `body`."""
    lines = ["---"] + [f"{key}: {_yaml_value(value)}" for key, value in meta.items() if value not in (None, "", [])]
    return "\n".join(lines) + "\n---\n" + body
