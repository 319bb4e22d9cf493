"""Where the article lies among a page's lines: each line weighed, the run with the highest total
weight taken, and trimmed at markers after which only comments, links and footers follow."""

import re

from generator.ingest.clean.inline import captioned, inset_boxes
from generator.ingest.clean.lang import any_language
from generator.ingest.clean.lang.boilerplate import AUTHOR_BOXES
from generator.ingest.clean.lines import LIST_ITEM, LineInfo


OPENING_PROSE = 25.0  # the weight of a paragraph of some 25 words
# The share of prose words (lines.py) below which a line does not read like prose; 0 where the
# page's language has no prose words to count.
STOP_MIN = 0.12


def prose_weight(line: LineInfo, stop_min: float = STOP_MIN) -> float:
    """Positive for lines that read like article prose, negative for page furniture.

    Long sentences full of function words are prose; short lines without sentence punctuation
    (menu entries, headings of teaser boxes, dates, bylines) and list items are furniture,
    unless they are sentences themselves. `stop_min` is 0 for languages without a stopword list.
    """
    if line.words == 0:
        return -3.0
    fluent = line.stop_ratio >= stop_min
    prose = fluent and (line.words >= 8 and line.sentence or line.words >= 20)
    if line.furniture:
        if prose and line.words >= 25 and not line.listed and not line.consent:
            return line.words * 0.3
        return -6.0 - min(line.words, 30) * 0.3
    if line.listed:
        return line.words * 0.5 if prose else -4.0
    if prose:
        return float(line.words) if line.sentence else line.words * 0.7
    if line.sentence and line.words >= 4:
        return line.words * 0.5
    return -2.0 - min(line.words, 10) * 0.2


def escalate_runs(weights: list[float], infos: list[LineInfo], step: float = 0.5) -> list[float]:
    """Make each further line of a block of menus, link lists or furniture cost more than the last.

    A lone short line between paragraphs is a sub-heading or caption; a block of list items or
    furniture is a menu, a teaser list or a footer, and prose beyond it belongs to another text.
    Plain short lines (bylines, captions) neither lengthen nor end such a block.
    """
    out, run = [], 0
    for w, line in zip(weights, infos):
        if w >= 0:
            run = 0
        elif line.listed or line.furniture:
            run += 1
        out.append(w * (1 + step * max(run - 1, 0)) if w < 0 else w)
    return out


def damp_isolated(weights: list[float], infos: list[LineInfo], short: int = 1000) -> list[float]:
    """Shrink short prose lines with no prose neighbour: teaser blurbs and comments, not paragraphs.

    Related-article lists and comment threads alternate a kicker or author line with one
    sentence of text; article paragraphs come in runs.
    """
    out = list(weights)
    for i, w in enumerate(weights):
        if w <= 0 or infos[i].words >= short:
            continue
        before = weights[i - 1] if i > 0 else -1.0
        after = weights[i + 1] if i + 1 < len(weights) else -1.0
        if before <= 0 and after <= 0:
            out[i] = w * 0.25
    return out


def best_run(weights: list[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the largest sum (Kadane); (0, 0) when all ≤ 0."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span



# Headings after which a page holds only comments, related links or footer.
END_MARKER = re.compile(
    r"""(?ix)^(?:[-*]\s*)?(
      (\d+\s+)?kommentare?(\s*\(\d+\))?:? | (\d+\s+)?comments?(\s*\(\d+\))?:? | leave\ a\ (comment|reply) | schreibe?n?\ sie\ einen\ kommentar
    | mehr\ (zu|zum|zur|aus|von|über)\b.{0,40} | more\ (on|about)\b.{0,40} | das\ könnte\ (sie|dich)\ auch\ interessieren:? | weitere\ (artikel|inhalte|themen|nachrichten)(\ zum\ thema)?:?
    | related(\ (articles|stories|posts|content))?:? | more\ (from|on|stories)\b.* | you\ (may|might)\ also\ like:? | recommended(\ for\ you)?:?
    | (auch\ )?interessant:? | lesen\ sie\ auch:? | ähnliche\ (artikel|beiträge|themen):? | top(-|\ )themen:? | meistgelesen:?
    | über\ (den|die)\ autor(in)?:? | about\ the\ author:? | share\ this(\ article|\ story)?:? | teilen:? | artikel\ teilen:?
    )$"""
)


_ABOUT = "|".join(re.escape(word) for word in sorted(any_language(AUTHOR_BOXES), key=len, reverse=True))
_NAME = r"[A-ZÄÖÜÉ][\w'’-]+"
_AUTHOR_BOX = re.compile(rf"(?i:{_ABOUT})\s+((?:{_NAME}\s+){{1,2}}{_NAME}):?$") if _ABOUT else None


def author_box(infos: list[LineInfo], i: int, within: int = 3) -> bool:
    """`infos[i]` heads a box on a person ("About Jane Doe", "Sobre Carlos Nadalim") whose
    paragraph, one of the `within` lines under it, names them: the author's biography after the
    article, not a section of it."""
    match = _AUTHOR_BOX.match(infos[i].text) if _AUTHOR_BOX and infos[i].words <= 5 else None
    if not match:
        return False
    names = {part.casefold() for part in match.group(1).split() if len(part) >= 3}
    return any(line.words >= 12 and names & {w.casefold() for w in re.findall(r"[\w'’-]+", line.text)}
               for line in infos[i + 1:i + 1 + within])


def join_neighbours(weights: list[float], start: int, end: int, gap: int = 12, share: float = 0.3) -> tuple[int, int]:
    """Widen [start, end) by the best run on either side when it is close (at most `gap` lines
    away) and carries at least `share` of the article's prose: an inline ad or teaser box can
    cost more than the paragraphs beyond it weigh, yet they are the same article."""
    mass = sum(w for w in weights[start:end] if w > 0)
    right_start, right_end = best_run(weights[end:])
    if right_end > right_start and right_start <= gap and \
            sum(w for w in weights[end + right_start:end + right_end] if w > 0) >= share * mass:
        end += right_end
    left_start, left_end = best_run(weights[:start])
    if left_end > left_start and start - left_end <= gap and \
            sum(w for w in weights[left_start:left_end] if w > 0) >= share * mass:
        start = left_start
    return start, end


def contents_entries(infos: list[LineInfo]) -> frozenset[int]:
    """Indexes of the list items that a line further down repeats: a table of contents, whose
    entries come back as the article's section headings."""
    last: dict[str, int] = {}
    keys = []
    for i, line in enumerate(infos):
        # A numbered entry in a bulleted list ('- 1. Neil Patrick Harris') comes back as '1. Neil …'.
        key = LIST_ITEM.sub("", LIST_ITEM.sub("", line.text)).lower()
        keys.append(key)
        last[key] = i
    entries = set()
    for i, line in enumerate(infos):
        if line.listed and line.words <= 15 and last[keys[i]] > i + 1 and not (
                i + 1 < len(infos) and keys[i + 1] == keys[i]):
            entries.add(i)
    return frozenset(entries)


def announced_lists(weights: list[float], infos: list[LineInfo]) -> list[float]:
    """A list right after a sentence ending in a colon ("Die Rassen legen:") is the article's own:
    its items cost nothing and do not make a block of furniture, however long the list."""
    out = list(weights)
    announced = False
    for i, line in enumerate(infos):
        if line.listed and announced and not line.furniture:
            out[i] = max(out[i], 0.0)
            continue
        announced = line.text.endswith(":") and line.words >= 3 and not line.listed and not line.furniture
    return out


# The heading over a blog's comment thread, naming the post: "3 Responses to …", "10 thoughts on
# “…”" (WordPress's own), "12 Kommentare zu …", "2 Gedanken zu „…“".
_THREAD_HEADING = re.compile(r"(?i)^(?:\d+|one|ein|eine|einen)\s+(?:thoughts?|responses?|replies|comments?|kommentare?|"
                             r"gedanken|antworten|reaktionen)\s+(?:on|to|zu|auf)\s.+$")
# A reader comment's header: "3 Responses to …", "Anna says:", "12 Kommentare zu …".
_COMMENT_START = re.compile(r"(?i)^(?:[-*]\s*)?(?:\d+\s+(?:responses?|comments?|kommentare?|antworten|reaktionen|replies)\b.*|.{1,40}\s(?:says|said|sagt|schreibt|meint):)$")


def damp_comments(weights: list[float], infos: list[LineInfo], prose: float = 20.0, factor: float = 0.3) -> list[float]:
    """Shrink the prose after a comment section begins, once enough prose came before it: a long
    reader comment must not outweigh a short article. After a thread's heading naming the post,
    nothing is the article's."""
    seen = 0.0
    for i, line in enumerate(infos):
        if seen > 0 and _THREAD_HEADING.match(line.text):
            return weights[:i] + [-8.0] * (len(weights) - i)  # the heading names the post: all after is the thread
        if seen >= prose and _COMMENT_START.match(line.text):
            return weights[:i] + [w * factor if w > 0 else w for w in weights[i:]]
        seen += max(weights[i], 0)
    return weights


def find_article(infos: list[LineInfo], dropped: list[bool], cut_after: tuple[re.Pattern, ...] = (),
                 contents: frozenset[int] = frozenset(), stop_min: float = STOP_MIN) -> tuple[int, int]:
    """[start, end) indexes into `infos` of the article's lines. `dropped` says which lines a rule
    or the source's repeated boilerplate removes; a line matching a `cut_after` rule ends the
    article; `contents` are the entries of a table of contents, which cost nothing (they stand
    between an article's intro and its body).

    Interstitials ("ADVERTISEMENT", "Thanks for watching!"), photo captions ending in their credit
    and boxes of links between paragraphs ("Mehr zum Thema" and a few headlines) are looked
    through: the paragraph after an ad slot, a picture or a box is the article's, and must not look
    like a lone teaser beyond furniture. `stop_min` is prose_weight's."""
    boxes = inset_boxes(infos)
    seen = [i for i, line in enumerate(infos) if not (line.interstitial or _inset_caption(infos, i) or i in boxes)]
    if len(seen) == len(infos):
        return _find_article(infos, dropped, cut_after, contents, stop_min)
    position = {i: k for k, i in enumerate(seen)}
    start, end = _find_article([infos[i] for i in seen], [dropped[i] for i in seen], cut_after,
                               frozenset(position[i] for i in contents if i in position), stop_min)
    if start == end:
        return (seen[start], seen[start]) if start < len(seen) else (len(infos), len(infos))
    return seen[start], seen[end - 1] + 1


def embedded_posts(infos: list[LineInfo]) -> list[int]:
    """The lines of the posts the article quotes: each signature ("— Name (@name) May 3, 2019") and
    the post's text above it. They weigh a little, so that the article goes on through a post or
    ends with one: a signature is a short line without a full stop, which would end the run."""
    return [j for i, line in enumerate(infos) if line.signature for j in (i - 1, i) if j >= 0]


def _inset_caption(infos: list[LineInfo], i: int) -> bool:
    """A photo caption with its credit between two paragraphs: the picture inside an article. (A
    run of captions is a gallery, or teasers with their pictures, and stays what it weighs.)"""
    if not 0 < i < len(infos) - 1:
        return False
    return all(line.words >= 8 and line.sentence and not (line.furniture or line.listed)
               for line in (infos[i - 1], infos[i + 1])) and captioned(infos[i])


def _find_article(infos: list[LineInfo], dropped: list[bool], cut_after: tuple[re.Pattern, ...],
                  contents: frozenset[int], stop_min: float) -> tuple[int, int]:
    weights = [-8.0 if drop else prose_weight(line, stop_min) for line, drop in zip(infos, dropped)]
    opening = weights[0] if infos else 0.0
    weights = announced_lists(damp_comments(damp_isolated(weights, infos), infos), infos)
    for i in contents:
        weights[i] = max(weights[i], 0.0)
    for i in embedded_posts(infos):
        if not dropped[i]:
            weights[i] = max(weights[i], 1.0)
    if opening >= OPENING_PROSE:
        # A page that opens with a paragraph of prose was cut to its article by the scraper (web
        # pages open with a menu): a lead standing alone there is the article's, not a teaser.
        weights[0] = opening
    costed = escalate_runs(weights, infos)
    start, end = best_run(costed)
    # A marker ends the article only when most of the prose lies before it: an early
    # "0 Kommentare" under the lead is a widget, not the start of the comment section.
    total = sum(max(w, 0) for w in weights[start:end])
    told = False  # a site.yaml cut_after rule is final
    before = max(weights[start], 0) if start < end else 0.0  # the prose of [start, i)
    for i in range(start + 1, end):
        told = any(p.search(infos[i].text) for p in cut_after)
        # An author's box ends the article only near its end: a section of a profile looks the same.
        if told or END_MARKER.match(infos[i].text) and before > total / 2 or \
                author_box(infos, i) and before > total * 0.75:
            end = i
            break
        before += max(weights[i], 0)
    # Trailing short lines (bylines, "Foto: …") belong to the page, not to the text.
    while end > start and weights[end - 1] < 0:
        end -= 1
    while start < end and weights[start] < 0:
        start += 1
    if start == end:
        return start, end
    start, end = join_neighbours(costed[:end] if told else costed, start, end)
    start = _past_leading_list(weights, infos, start, end)
    return reach_lead(infos, start, stop_min), end


def _past_leading_list(weights: list[float], infos: list[LineInfo], start: int, end: int,
                       items: int = 4, gap: int = 3) -> int:
    """The start moved past a list that opens the run and stands apart from the paragraphs after it
    (`gap` lines or more that weigh nothing between them): a ticker of other stories' leads above
    the article, which weighs as much as prose but is not the article's."""
    i = start
    while i < end and infos[i].listed:
        i += 1
    if i - start < items:
        return start
    j = i
    while j < end and weights[j] <= 0:
        j += 1
    if j - i < gap or j == end:
        return start
    return j if sum(max(w, 0) for w in weights[j:end]) > sum(max(w, 0) for w in weights[start:i]) else start


def reach_lead(infos: list[LineInfo], start: int, stop_min: float, gap: int = 4) -> int:
    """Move the start up to a lead paragraph just above it: a lone prose line that a caption,
    date stamp, share bar or ad label separates from the rest of the article weighs too little
    on its own to join it."""
    moved = True
    while moved:
        moved = False
        for j in range(start - 1, max(start - 1 - gap, -1), -1):
            line = infos[j]
            if line.words >= 12 and line.sentence and line.stop_ratio >= stop_min and not (line.listed or line.furniture):
                start, moved = j, True
                break
            if line.words > 30 or line.listed:
                break  # a block of its own, not a caption or label
    return start


