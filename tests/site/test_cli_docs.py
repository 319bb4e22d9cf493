"""docs/cli.md names every option each verb's --help shows, and no option it lacks."""

import re
from pathlib import Path

from test_cli import run

DOCS = Path(__file__).parents[2] / "docs" / "cli.md"
GLOBAL = {"--help", "--site", "--quiet", "--verbose", "--version", "-h", "-q", "-v"}


def _section(verb: str) -> str:
    """The verb's usage block and the first cells of its option table: where its options are listed."""
    text = DOCS.read_text(encoding="utf-8")
    section = re.search(rf"^## {verb}\n(.*?)(?=^## |\Z)", text, re.S | re.M).group(1)
    usage = re.search(r"```\n(.*?)```", section, re.S).group(1)
    cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `-")]
    return usage + "\n".join(cells)


def _long_options(text: str) -> set[str]:
    """The options named in `text`, long (--drafts) and short (-D)."""
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*|(?<![\w-])-[a-zA-Z](?![\w-])", text))


def test_docs_list_every_verbs_options(tmp_path):
    for verb in ("init", "new", "import", "build", "check", "clean", "serve", "publish"):
        helped = _long_options(run(verb, "--help", cwd=tmp_path).stdout.split("examples:")[0].split("example:")[0])
        documented = _long_options(_section(verb))
        assert helped - GLOBAL <= documented, (verb, helped - GLOBAL - documented)
        assert documented - GLOBAL <= helped, (verb, documented - GLOBAL - helped)
