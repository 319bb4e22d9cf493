from dataclasses import fields

from helpers.sites import REPO
from generator.core.config import SiteConfig


def test_configuration_page_documents_every_site_option():
    """docs/configuration.md is the site.yaml reference: one table row per option, with its doc string."""
    rows = [line for line in (REPO / "docs" / "configuration.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")]
    for option in fields(SiteConfig):
        row = next((r for r in rows if r.startswith(f"| `{option.name}` |")), "")
        assert option.metadata["doc"] in row, option.name


def test_readme_first_screen_has_the_two_setup_commands():
    first_screen = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:25]
    commands = [line.split("#")[0].strip() for line in first_screen if line.startswith("make ")]
    assert commands == ["make run", "make test"]
