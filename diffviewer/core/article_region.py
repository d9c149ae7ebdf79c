"""Where the article lies in one version, for the page-structure pass (``core.structure``):
the best-scoring run of prose, grown over its lists and tables and joined over weak gaps,
its head (headline, standfirst, byline) above it, other articles' heads and summaries
inside it (a list of stories under the story), and the reader comments' thread.

Imports: the standard library and ``core`` (model, page_shapes) only.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.model import Kind
from diffviewer.core.page_shapes import (
    COMMENT,
    FURNITURE,
    GLUE,
    HEAD,
    TITLE_KINDS,
    TITLE_WORDS,
)

#: How far before the region the head (headline, standfirst, byline) may reach.
HEAD_REACH = 12
#: A headline or standfirst has at most this many words.
HEAD_TITLE_WORDS = 40
#: A comment's own line opens a thread when another comment line or a comment prompt follows
#: within this many paragraphs (a reply button, the next "Anna says:"); a real comment is short.
THREAD_REACH = 10
#: A comment's head (a reader's name, a date) has at most this many words.
HEAD_WORDS = 6
#: This many comments' heads under a comment prompt make it a thread's start.
HEADS = 3
#: Weak marker lines (a date, a credit, a menu-like item) an article may hold in a gap.
GAP_MARKERS = 1
#: The prose a stretch beyond a gap needs to join the article (as in ``article_region``).
JOIN_SCORE = 2.0
#: What a short line costs a stretch of prose above the article that a gap parts from it
#: (as in ``article_region``): a menu there holds a few sentences too ("Wie wird gewählt?"),
#: scattered among many more short lines, and the article's text has them in a row.
SHORT_COST = 0.5
#: Lines with figures in a row that make a table, which a gap's far side may be (a lone line
#: with two numbers is no table).
TABLE_ROWS = 3
#: Kinds whose marker line ends the article for good: a prompt, a promo heading, a copyright.
_BOUNDARY = frozenset(
    {
        Kind.COMMENT_PROMPT,
        Kind.COMMENT,
        Kind.SOCIAL_PROMPT,
        Kind.PROMO,
        Kind.TEASER,
        Kind.COPYRIGHT,
    }
)


def article_region(
    words: Sequence[int], prose: Sequence[bool], teaser: Sequence[bool], kinds: Sequence[Kind]
) -> tuple[int, int, float]:
    """(first, last, score) of the best-scoring contiguous run of paragraphs (Kadane)."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, w in enumerate(words):
        if teaser[i] or kinds[i] in FURNITURE:
            value = -1.0
        elif prose[i]:
            value = min(w, 60) / 10
        elif w == 0:
            value = 0.0
        else:
            value = -0.5
        if total <= 0:
            start, total = i, value
        else:
            total += value
        if total > best[2]:
            best = (start, i, total)
    return best


def extend(start: int, end: int, kinds: Sequence[Kind], marked: Sequence[bool]) -> tuple[int, int]:
    """The region grown over paragraphs no marker rule called furniture: lists, tables and
    subheadings next to the article's prose are the article's, up to the first menu item,
    banner or prompt a pattern found on either side (and up to the head: a byline, a date,
    a caption above). Runs of short lines (which ``navigation.link_run`` calls menus) do not
    stop it: an article's lists look the same."""
    while start > 0 and not marked[start - 1] and kinds[start - 1] not in HEAD:
        start -= 1
    while end + 1 < len(kinds) and not marked[end + 1]:
        end += 1
    return start, end


def join(
    start: int,
    end: int,
    words: Sequence[int],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
    figures: Sequence[bool] | None = None,
) -> tuple[int, int]:
    """The region joined to further stretches of prose over gaps with no boundary: an
    article's table or list that holds a line a marker rule took for furniture (a date, a
    path with slashes) does not end it; a prompt, a promo heading or a copyright line does.
    A table's rows (``figures``: short lines with two or more numbers, ``TABLE_ROWS`` or more
    in a row) count as text here: a long table after a short article goes on past such a
    line too; and a row that a weak marker rule took for furniture (a path-like "A/ B 92 221"
    for a breadcrumb) is a row, no marker. Above the article, a stretch's short lines cost
    ``SHORT_COST`` each, counted from the gap outwards (its best score counts): a menu's
    few sentences among its links do not join it."""
    count = len(words)
    rows = _table_rows(figures) if figures is not None else [False] * count
    if True in rows:
        text = [(p or rows[i]) and kinds[i] is Kind.BODY for i, p in enumerate(prose)]
        marked = [m and not (rows[i] and kinds[i] not in _BOUNDARY) for i, m in enumerate(marked)]
    else:  # The same, where no line is a table's row (most pages).
        text = [p and kind is Kind.BODY for p, kind in zip(prose, kinds, strict=True)]

    def stretch(j: int, step: int) -> tuple[int, float]:
        score = best = 0.0
        k = j
        while 0 <= k + step < count and not marked[k + step]:
            k += step
        for i in range(j, k + step, step):
            if text[i]:
                score += min(words[i], 60) / 10
            elif step < 0 and words[i]:
                score -= SHORT_COST  # Above the article: a menu's few sentences.
            best = max(best, score)
        return k, best

    for step in (1, -1):
        edge = end if step == 1 else start
        while True:
            weak = 0
            j = edge + step
            while 0 <= j < count and not text[j]:
                if marked[j]:
                    if kinds[j] in _BOUNDARY:
                        break
                    weak += 1
                j += step
            else:
                if 0 <= j < count and weak <= GAP_MARKERS:
                    k, score = stretch(j, step)
                    if score >= JOIN_SCORE:
                        edge = k
                        continue
            break
        if step == 1:
            end = edge
        else:
            start = edge
    return start, end


def _table_rows(figures: Sequence[bool]) -> list[bool]:
    """True for the lines of runs of ``TABLE_ROWS`` or more lines with figures in a row."""
    out = [False] * len(figures)
    i = 0
    while True:
        try:
            i = figures.index(True, i)  # The next line with figures (a search in C).
        except ValueError:
            return out
        j = i
        while j < len(figures) and figures[j]:
            j += 1
        if j - i >= TABLE_ROWS:
            out[i:j] = [True] * (j - i)
        i = j + 1


#: Short lines (an author's bare name) right under a head line belong to the head: at most
#: this many words.
UNDER_HEAD_WORDS = 4


def below_head(
    start: int, end: int, words: Sequence[int], prose: Sequence[bool], kinds: Sequence[Kind]
) -> int:
    """The region's start moved past short lines right under a head line (a date, a byline,
    a caption), which the region grew over: an author's bare name under the date ("Иван
    Петров") is the head's, not the article's."""
    while (
        0 < start < end
        and kinds[start - 1] in HEAD
        and kinds[start] is Kind.BODY
        and not prose[start]
        and 0 < words[start] <= UNDER_HEAD_WORDS
    ):
        start += 1
    return start


def head_start(
    start: int,
    words: Sequence[int],
    stops: Sequence[bool],
    kinds: Sequence[Kind],
    asks: Sequence[bool] | None = None,
) -> int:
    """Where the article's head begins: its headline's index, or ``start`` if none is found.

    Walking up from the article's text (or from its byline, if it has one) over bylines,
    dates, captions, short labels and the banners pages put there (listen, share,
    newsletter), the first title-shaped line is the headline, or the standfirst if a shorter
    title-shaped line stands right above it; a short line right under a date or byline is
    an author's bare name if a title-shaped line stands over that date ("Harbour bridge to
    close", "12 May 2024", "Anna Maria Berg"). A headline may ask or exclaim (``asks``: the
    line ends with "?" or "!"): "Was bringen alternative Therapien bei Krebs?".
    """
    kinds_of_titles = TITLE_KINDS - FURNITURE

    def title(i: int) -> bool:
        stop = stops[i] and not (asks is not None and asks[i])
        return kinds[i] in kinds_of_titles and _is_head_title(words[i], stop)

    reach = max(-1, start - 1 - HEAD_REACH)
    # A byline stands below the headline: above it, whatever lies between it and the text.
    byline = next((i for i in range(start - 1, reach, -1) if kinds[i] is Kind.BYLINE), start)
    for i in range(byline - 1, reach, -1):
        if title(i):
            if (
                _under_date(i, words, kinds)
                and i - 2 > reach
                and (title(i - 2) or kinds[i - 2] is Kind.STANDFIRST)
            ):
                continue  # An author's bare name under the date, the title above it.
            above = i - 1
            if above >= 0 and title(above) and words[above] <= words[i]:
                return above
            return i
    return start


def _under_date(i: int, words: Sequence[int], kinds: Sequence[Kind]) -> bool:
    """Whether line ``i`` is short (``UNDER_HEAD_WORDS``) and right under a date or a byline,
    as an author's bare name stands ("Anna Maria Berg" under "12 May 2024")."""
    return i > 0 and words[i] <= UNDER_HEAD_WORDS and kinds[i - 1] in _UNDER


#: Kinds of a line over an author's bare name in the head.
_UNDER = frozenset({Kind.DATELINE, Kind.BYLINE})


def _is_head_title(words: int, stop: bool) -> bool:
    return not stop and TITLE_WORDS[0] <= words <= HEAD_TITLE_WORDS


def thread_start(
    kinds: Sequence[Kind], words: Sequence[int], stops: Sequence[bool]
) -> tuple[int, bool]:
    """Where reader comments begin, and whether surely: the first comment line or prompt with
    another one within ``THREAD_REACH`` paragraphs after it (a comment's head and its reply
    button, "12 comments" over the first comment); else the first comment's own line, alone
    (perhaps a quote in the article), or a prompt over comments' heads (see ``_heads_follow``:
    perhaps a forum's or a Q&A page's, whose posts are the text); else ``len(kinds)``."""
    lone = None
    for i, kind in enumerate(kinds):
        if kind not in COMMENT:
            continue
        if any(k in COMMENT for k in kinds[i + 1 : i + 1 + THREAD_REACH]):
            return i, True
        if lone is None and (kind is Kind.COMMENT or _heads_follow(i, words, stops)):
            lone = i
    return (len(kinds), False) if lone is None else (lone, False)


def _heads_follow(prompt: int, words: Sequence[int], stops: Sequence[bool]) -> bool:
    """Whether ``HEADS`` comments' heads follow a comment prompt ("Comments", "Leave a reply")
    within ``3 * THREAD_REACH`` paragraphs: a short line without a full stop (the reader's
    name, a date) right above a sentence (the comment: "Very nice one!"). Comment sections
    whose heads no rule knows (a bare name) look so; an article has no prompt above its text.
    """
    end = min(len(words) - 1, prompt + 3 * THREAD_REACH)
    heads = 0
    for j in range(prompt + 1, end):
        if 0 < words[j] <= HEAD_WORDS and not stops[j] and stops[j + 1]:
            heads += 1
    return heads >= HEADS


def comment_thread(
    begin: int, words: Sequence[int], prose: Sequence[bool], kinds: Sequence[Kind]
) -> tuple[int, int] | None:
    """(first, last) paragraph of a comment thread after ``begin``, or None."""
    count = len(words)
    start = next((i for i in range(begin, count) if kinds[i] in COMMENT), None)
    if start is None:
        return None
    last = max((i for i in range(start, count) if prose[i] and kinds[i] is Kind.BODY), default=None)
    if last is None:
        return None
    # The last comment's own button ("Reply", "Report") closes the thread.
    if last + 1 < count and 0 < words[last + 1] <= 2 and kinds[last + 1] is Kind.BODY:
        last += 1
    return start, last


#: Prose the article must have had (about this many tens of words) before another article's
#: head may end it: a page's first teasers are no article.
LEAD_SCORE = 10.0
#: Another article's head and summary shown in a row this many times end the article.
CHAIN_UNITS = 2
#: Lines between one such unit's end and the next one's title (labels, a section name).
UNIT_GAP = 8
#: Kinds that open another article's head past a list of stories: its author, its date.
_HEAD_MARKS = frozenset({Kind.BYLINE, Kind.DATELINE})
#: Another article's title in such a unit has at least this many words ("Das Dilemma").
UNIT_TITLE_WORDS = 2
#: Kinds of a marker line that closes another article's summary: "Read more", a teaser's
#: label, its date or author (not a caption: an article's photo sits there too; not a menu
#: link: "Back to the list" closes an article's own sections).
_CLOSERS = frozenset({Kind.PROMO, Kind.TEASER, Kind.BYLINE, Kind.DATELINE})


def other_articles(
    start: int,
    end: int,
    words: Sequence[int],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
) -> tuple[int, list[range]]:
    """The region's end, and its stretches of paragraphs that are other articles under the
    story.

    After ``LEAD_SCORE`` of the article's prose, a chain of ``CHAIN_UNITS`` or more units in
    a row (``UNIT_GAP`` lines apart at most), each a title (a short line: it may ask a
    question), perhaps its date or author, one prose paragraph (its summary or first
    paragraph), then a marker line ("Read more", a teaser's label, a date, an author) or, if
    the unit had its date or author, any short line, is other articles' heads and summaries.
    If the next lines with text past the chain open with a head (a byline or a date over
    prose: whole stories under the list), the rest of the region is other articles too, and
    the region ends before the chain. Chains further down (after a teaser with a longer
    summary) are other articles too. An article's subheading is followed by paragraphs in a
    row, or by a photo's caption; a list of stories repeats title, summary, link."""

    def unit_end(title: int) -> int:
        """The line closing a unit that opens at ``title``, or -1."""
        if (
            not UNIT_TITLE_WORDS <= words[title] <= TITLE_WORDS[1]
            or kinds[title] not in TITLE_KINDS
        ):
            return -1
        j = title + 1
        dated = False
        while j <= end and j - title <= 2 and kinds[j] in GLUE - {Kind.CAPTION}:
            dated = True
            j += 1
        if j + 1 >= len(words) or not (prose[j] and kinds[j] is Kind.BODY) or prose[j + 1]:
            return -1
        after = j + 1
        closed = marked[after] and kinds[after] in _CLOSERS
        return after if closed or (dated and words[after] <= TITLE_WORDS[1]) else -1

    chains: list[range] = []

    def whole_stories() -> bool:
        """Whether the chain from ``first`` to ``last`` is followed by whole stories (a
        byline or a date over prose: the next lines with text open with a head)."""
        j = last + 1
        while j <= end and not prose[j] and kinds[j] not in _HEAD_MARKS:
            j += 1
        return j <= end and kinds[j] in _HEAD_MARKS and any(prose[j + 1 : min(end, j + 3) + 1])

    # Past the lead, outside a chain, the lines where no unit may open are passed over at
    # once: they neither end a chain nor add to a score that has done its work (a long
    # region is mostly such lines; ``_next_opening``).
    opens = _openings(start, end, words, kinds)
    score = 0.0
    units = 0
    first = last = -1
    i = start
    while True:
        if not units and score >= LEAD_SCORE and i <= end:
            i = _next_opening(opens, i, start, end)
        close = unit_end(i) if i <= end else -1
        if i > end:
            broken = True
        elif close >= 0:
            broken = units > 0 and i - last > UNIT_GAP
        else:
            broken = prose[i] and kinds[i] is Kind.BODY
        if broken and units >= CHAIN_UNITS:
            if whole_stories():
                return first - 1, [*chains, range(first, end + 1)]
            chains.append(range(first, last + 1))
        if i > end:
            return end, chains
        if broken:
            units = 0
        if close >= 0:
            if units or score >= LEAD_SCORE:
                first = i if not units else first
                units += 1
                last = close
            # (Else one of the page's first teasers, above the article's text.)
            i = close + 1
            continue
        if prose[i] and kinds[i] is Kind.BODY:
            score += min(words[i], 60) / 10
        i += 1


def _openings(start: int, end: int, words: Sequence[int], kinds: Sequence[Kind]) -> list[bool]:
    """For each paragraph from ``start`` to ``end``, whether a unit of ``other_articles`` may
    open there (the first test of its ``unit_end``)."""
    return [
        UNIT_TITLE_WORDS <= w <= TITLE_WORDS[1] and kind in TITLE_KINDS
        for w, kind in zip(words[start : end + 1], kinds[start : end + 1], strict=True)
    ]


def _next_opening(opens: list[bool], i: int, start: int, end: int) -> int:
    """The first paragraph from ``i`` on where a unit may open (``opens`` from ``start``), or
    ``end + 1``: found by ``index``, whose search runs in C."""
    try:
        return opens.index(True, i - start) + start
    except ValueError:
        return end + 1


def author_box(start: int, end: int, prose: Sequence[bool], authored: Sequence[bool] | None) -> int:
    """The region's end moved above an author box that closes it: trailing paragraphs that
    open with the byline's name (``authored``: "Jane Roe", "Jane Roe has covered transport
    since 2015.") or are short lines, up to the last prose paragraph that does not, if
    the article keeps prose above the box. An interview's questions under the author's name
    have answers after them: no box."""
    if authored is None:
        return end
    box = -1
    i = end
    while i > start and (authored[i] or not prose[i]):
        if authored[i]:
            box = i
        i -= 1
    return box - 1 if box > 0 and prose[i] and not authored[i] else end
