"""Changes to the sources of the `site` fixture (tests/conftest.py) that a rebuild must follow to the byte."""

from helpers.sites import write_article


def edit(site):
    path = site / "content/articles/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Kaffee", "Tee"), encoding="utf-8")


def retitle(site):
    path = site / "content/articles/b.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Übergang für Straßenbahn", "Neuer Titel"), encoding="utf-8")


def add(site):
    write_article(site, "new.md", 'title: "Ganz neu"\ndate: "2025-09-01T08:00:00+02:00"\ntags: [Diplomatie]\nlocations: [Genf]')


def delete(site):
    (site / "content/articles/c.md").unlink()


def rename(site):
    (site / "content/articles/d.md").rename(site / "content/articles/2024-sommerfest.md")


def redate(site):
    path = site / "content/articles/d.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-06-01", "2025-08-21"), encoding="utf-8")


def template(site):
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/article.html").write_text('{% extends "theme/article.html" %}\n{% block title %}X {{ article.title }}{% endblock %}\n')


def base_template(site):
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/base.html").write_text(
        '{% extends "theme/base.html" %}\n{% block head %}<meta name="x" content="y">{% endblock %}\n')


def config(site):
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("per_page: 3", "per_page: 2"), encoding="utf-8")


def static(site):
    (site / "templates/static").mkdir(parents=True, exist_ok=True)
    (site / "templates/static/style.css").write_text("body { color: red; }\n")


def translate(site):
    for name in ("a.md", "b.md"):
        path = site / "content/articles" / name
        text = path.read_text(encoding="utf-8")
        if "translation_key:" not in text:  # the key once: given twice, it is an error
            path.write_text(text.replace("---\n", "---\ntranslation_key: genf\n", 1), encoding="utf-8")


def change_source(site):
    """The summer party joins Testagentur: far from its articles in time, yet now 'more from' them."""
    path = next(p for p in (site / "content/articles").glob("*.md") if "Sommerfest" in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nsource: Testagentur\n", 1), encoding="utf-8")


CHANGES = [edit, retitle, add, delete, redate, rename, template, base_template, config, static, translate, change_source]
