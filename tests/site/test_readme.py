from dataclasses import fields

from helpers.sites import REPO
from generator.config import SiteConfig


def test_readme_documents_every_site_option():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for option in fields(SiteConfig):
        assert f"| `{option.name}` |" in readme and option.metadata["doc"] in readme, option.name


def test_readme_first_screen_has_the_two_setup_commands():
    first_screen = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:25]
    commands = [line.split("#")[0].strip() for line in first_screen if line.startswith("make ")]
    assert commands == ["make run", "make test"]
