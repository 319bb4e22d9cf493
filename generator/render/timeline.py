"""Articles per month as a static SVG bar chart, drawn at build time so it needs no script."""

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.organise.archive import Month
from generator.render.wording import Wording

SPAN = 12  # months on a chart: wide enough to see a year, few enough for thumb-sized bars on a phone
WIDTH, BAR_AREA, TOP, BOTTOM = 360, 60, 14, 16  # SVG units: chart width, bar height, count and label rows
GAP = 4


@dataclass(frozen=True)
class Bar:
    year: int
    month: int
    count: int
    path: str | None  # the month's page, None for a month without articles


def _step(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _bars(months: list[Month], first: tuple[int, int], count: int) -> list[Bar]:
    """`count` calendar months from `first` on, oldest first; months without articles get empty bars."""
    by_month = {(m.year, m.month): m for m in months}
    bars = []
    for i in range(count):
        year, month = _step(*first, i)
        found = by_month.get((year, month))
        bars.append(Bar(year, month, len(found.articles), found.path) if found else Bar(year, month, 0, None))
    return bars


def recent_bars(months: list[Month]) -> list[Bar]:
    """The last SPAN months up to the newest article's (fewer for a younger archive); `months` newest first."""
    if not months:
        return []
    newest, oldest = months[0], months[-1]
    span = min(SPAN, (newest.year - oldest.year) * 12 + newest.month - oldest.month + 1)
    return _bars(months, _step(newest.year, newest.month, 1 - span), span)


def year_bars(year: int, months: list[Month]) -> list[Bar]:
    """January to December of `year`."""
    return _bars(months, (year, 1), 12)


def bar_label(bar: Bar, ui: Wording) -> str:
    """What a screen reader says for a bar, e.g. 'August 2025: 3 Artikel'."""
    return f"{ui.month(bar.year, bar.month)}: {ui.count(bar.count)}"


def timeline_svg(bars: list[Bar], href: Callable[[str], str], ui: Wording) -> Markup:
    """One bar per month, each with its month's count above and initial below, linking to the month's page.

    Heights are relative to the busiest month shown; the whole column of a month with articles is
    the link, so even on a phone every target is wide and tall enough to tap. The drawn numbers and
    initials are hidden from screen readers, which read each link's label instead.
    """
    if not bars:
        return Markup("")
    column = WIDTH / len(bars)
    peak = max(b.count for b in bars) or 1
    height = TOP + BAR_AREA + BOTTOM
    base = TOP + BAR_AREA
    parts = [f'<svg viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">',
             f'<line class="axis" x1="0" y1="{base}" x2="{WIDTH}" y2="{base}"/>']
    for i, bar in enumerate(bars):
        x = i * column
        bar_height = round(bar.count / peak * BAR_AREA, 1) if bar.count else 0
        y = base - bar_height
        middle = f"{x + column / 2:g}"
        label = escape(bar_label(bar, ui))
        # The year goes under January and under the first bar, so every bar's year can be read.
        initial = ui.month_initial(bar.month)
        under = f"{initial} {bar.year % 100:02d}" if bar.month == 1 or i == 0 else initial
        rects = (f'<rect class="hit" x="{x:g}" y="0" width="{column:g}" height="{height}"/>'
                 f'<rect class="bar" x="{x + GAP / 2:g}" y="{y:g}" width="{column - GAP:g}" height="{bar_height:g}"/>')
        # Drawn text stays outside the link: a link's visible text must be part of its spoken label.
        texts = f'<text x="{middle}" y="{height - 3}">{escape(under)}</text>'
        if bar.path:
            parts.append(f'<a href="{escape(href(bar.path))}" aria-label="{label}"><title>{label}</title>{rects}</a>')
            texts += f'<text class="n" x="{middle}" y="{y - 3:g}">{bar.count}</text>'
        else:
            parts.append(f'<g class="empty">{rects}</g>')
        parts.append(f'<g aria-hidden="true">{texts}</g>')
    parts.append("</svg>")
    # Every piece of text and every link above went through escape(); the rest is our own numbers.
    return Markup("".join(parts))  # nosec B704
