"""What the pages say in the site's language: its interface strings, and dates, months, counts and
language names as CLDR writes them."""

from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from generator.lang import cldr
from generator.lang.interface import load_strings


class Wording:
    """The interface of one site: `strings` for the templates (`t`), and CLDR's formats for `tag`."""

    def __init__(self, site_root: Path | None, tag: str):
        self.tag = tag
        self.strings = load_strings(site_root, tag)
        self.direction = cldr.text_direction(tag)
        # Pagers point outwards: the link at the line's start to the start, the other to its end.
        self.arrow_start, self.arrow_end = ("←", "→") if self.direction == "ltr" else ("→", "←")

    def counted(self, key: str, n: int) -> str:
        """The string `key` in the plural form CLDR gives `n`, with `n` in the language's digits grouping."""
        forms = self.strings[key]
        form = forms.get(cldr.plural_category(n, self.tag)) or forms["other"]
        return form.replace("{n}", cldr.format_number(n, self.tag))

    def count(self, n: int) -> str:
        """'3 Artikel', '1 article', '22 artykuły'."""
        return self.counted("articles_count", n)

    def date(self, value: datetime) -> str:
        return cldr.format_date(value, self.tag)

    def month(self, year: int, month: int) -> str:
        """'August 2025', 'agosto de 2025'."""
        return cldr.format_month(year, month, self.tag)

    def month_name(self, month: int) -> str:
        return cldr.month_name(month, self.tag)

    def month_initial(self, month: int) -> str:
        return cldr.month_initial(month, self.tag)

    def month_abbreviation(self, month: int) -> str:
        return cldr.month_abbreviation(month, self.tag)

    def language_name(self, tag: str) -> str:
        """A language named in the site's language ('Englisch' on a German site)."""
        return cldr.language_name(tag, self.tag)

    def dir_attribute(self, tag: str) -> Markup:
        """' dir="rtl"' for text in `tag` whose direction is not the page's, else nothing."""
        direction = cldr.text_direction(tag) if tag else self.direction
        # Our own fixed markup: nothing from the article goes into it.
        return Markup(f' dir="{direction}"') if direction != self.direction else Markup("")  # nosec B704

    def directions(self, tags) -> dict[str, str]:
        """The direction of each of `tags` that is not the page's, for the search page."""
        found = {tag: cldr.text_direction(tag) for tag in tags if tag}
        return {tag: d for tag, d in found.items() if d != self.direction}

    def search_strings(self, languages) -> dict:
        """What search/page.js needs to write results as the pages do: texts, the long date as a
        {day}/{month}/{year} template with its month names, the number grouping, plural forms."""
        t = self.strings
        template = cldr.date_template(self.tag)
        return {"loading": t["search_loading"], "none": t["search_none"], "common": t["search_common"],
                "results": t["search_results"], "failed": t["search_failed"],
                "did_you_mean": t["search_did_you_mean"], "more": t["search_more"],
                "date": template[0] if template else "", "months": list(template[1]) if template else [],
                "number": cldr.number_grouping(self.tag), "dirs": self.directions(languages)}
