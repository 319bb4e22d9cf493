"""Articles over time as a static SVG bar chart, drawn at build time so it needs no script.

The home page draws the whole archive: month by month while it is younger than two years, year
by year after that, so a chart always tells the archive's story in a few dozen bars at most. A
year's page draws its twelve months.
"""

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.lang import cldr
from generator.organise.archive import Month
from generator.render.wording import Wording

MONTHLY_SPAN = 24  # months an archive may span and still be drawn month by month
ROOMY = 12  # up to this many bars, each has room for its count and an abbreviated label
TOP, BAR_AREA, ROW = 16, 72, 15  # pixels: the count row, the bars, one row of labels
GAP = 0.15  # the part of a column left blank between two bars


@dataclass(frozen=True)
class Bar:
    year: int
    month: int | None  # None for a bar that stands for the whole year
    count: int
    path: str | None  # the month's or year's page, None for one without articles


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


def archive_bars(months: list[Month]) -> list[Bar]:
    """The whole archive, oldest first: one bar per month up to MONTHLY_SPAN months, else one per year.

    `months` is newest first. Every calendar month or year between the oldest and the newest
    article gets a bar, so a quiet stretch shows as a gap instead of vanishing.
    """
    if not months:
        return []
    newest, oldest = months[0], months[-1]
    span = (newest.year - oldest.year) * 12 + newest.month - oldest.month + 1
    if span <= MONTHLY_SPAN:
        return _bars(months, (oldest.year, oldest.month), span)
    counts: dict[int, int] = {}
    for m in months:
        counts[m.year] = counts.get(m.year, 0) + len(m.articles)
    return [Bar(year, None, counts.get(year, 0), f"{year:04d}/" if counts.get(year) else None)
            for year in range(oldest.year, newest.year + 1)]


def year_bars(year: int, months: list[Month]) -> list[Bar]:
    """January to December of `year`."""
    return _bars(months, (year, 1), 12)


def bar_label(bar: Bar, ui: Wording) -> str:
    """What a screen reader says for a bar, e.g. 'August 2025: 3 Artikel', '2019: 1.204 Artikel'."""
    when = str(bar.year) if bar.month is None else ui.month(bar.year, bar.month)
    return f"{when}: {ui.count(bar.count)}"


def _labels(bars: list[Bar], i: int, ui: Wording) -> tuple[str, str]:
    """The text under bar `i`: its month (or year) on the first row, the year on the second.

    Narrow bars get a month's initial; narrow year bars name the first and the last year and every
    fifth one between them not too close to either, so labels never collide on a phone. The year
    row names the year where it begins, and is left out when all bars share it.
    """
    bar, roomy, last = bars[i], len(bars) <= ROOMY, len(bars) - 1
    if bar.month is None:
        named = roomy or i in (0, last) or (bar.year % 5 == 0 and 3 < i < last - 3)
        return (str(bar.year) if named else ""), ""
    first = ui.month_abbreviation(bar.month) if roomy else ui.month_initial(bar.month)
    second = str(bar.year) if (i == 0 or bar.month == 1) and bars[0].year != bars[-1].year else ""
    return first, second


def _anchor(bars: list[Bar], i: int, width: float, text_is_narrow: bool = False) -> tuple[str, str]:
    """Where a text over or under bar `i` stands: (x, text-anchor). It is centred on its bar, except
    that over the first and the last of many narrow bars a wide text lines up with the chart's
    edge, which would cut it off."""
    x = i * width
    if len(bars) <= ROOMY or text_is_narrow or 0 < i < len(bars) - 1:
        return f"{x + width / 2:.3f}%", "middle"
    if i == len(bars) - 1:
        return f"{x + width:.3f}%", "end"
    return f"{x:.3f}%", "start"


def timeline_svg(bars: list[Bar], href: Callable[[str], str], ui: Wording) -> Markup:
    """One bar per month or year, linking to its page, as wide as the column on any screen.

    Horizontal positions are percentages, so the chart fills its column while its text keeps its
    size (a scaled viewBox would shrink the labels to specks on a phone). Heights are relative to
    the busiest bar; the whole column of a bar with articles is the link, so every target is as
    tall as the chart. Counts are drawn over roomy bars, and over the busiest one otherwise. The
    drawn text is hidden from screen readers, which read each link's label instead.
    """
    if not bars:
        return Markup("")
    width = 100 / len(bars)
    peak = max(b.count for b in bars) or 1
    two_rows = any(_labels(bars, i, ui)[1] for i in range(len(bars)))
    base = TOP + BAR_AREA
    height = base + ROW * (2 if two_rows else 1) + 2
    roomy = len(bars) <= ROOMY
    parts = [f'<svg class="chart" width="100%" height="{height}">',
             f'<line class="axis" x1="0" y1="{base}" x2="100%" y2="{base}"/>']
    for i, bar in enumerate(bars):
        x = i * width
        bar_height = round(bar.count / peak * BAR_AREA, 1) if bar.count else 0
        y = base - bar_height
        at, anchor = _anchor(bars, i, width, text_is_narrow=bar.month is not None)
        label = escape(bar_label(bar, ui))
        rects = (f'<rect class="hit" x="{x:.3f}%" y="0" width="{width:.3f}%" height="{height}"/>'
                 f'<rect class="bar" x="{x + width * GAP / 2:.3f}%" y="{y:g}" width="{width * (1 - GAP):.3f}%" '
                 f'height="{bar_height:g}"/>')
        first, second = _labels(bars, i, ui)
        texts = f'<text x="{at}" y="{base + ROW - 3}" text-anchor="{anchor}">{escape(first)}</text>' if first else ""
        if second:
            texts += f'<text class="year" x="{x:.3f}%" y="{base + 2 * ROW - 2}">{escape(second)}</text>'
        if bar.count and (roomy or bar.count == peak):
            number = cldr.format_number(bar.count, ui.tag)
            at, anchor = _anchor(bars, i, width)
            texts += f'<text class="n" x="{at}" y="{y - 3:g}" text-anchor="{anchor}">{number}</text>'
        if bar.path:
            parts.append(f'<a href="{escape(href(bar.path))}" aria-label="{label}"><title>{label}</title>{rects}</a>')
        else:
            parts.append(f'<g class="empty">{rects}</g>')
        # Drawn text stays outside the link: a link's visible text must be part of its spoken label.
        if texts:
            parts.append(f'<g aria-hidden="true">{texts}</g>')
    parts.append("</svg>")
    # Every piece of text and every link above went through escape(); the rest is our own numbers.
    return Markup("".join(parts))  # nosec B704
