"""Where the article lies on a page: the structure pass that gives paragraphs their place.

A raw page is menus and banners, the article (its headline, standfirst and byline at the top,
then its text), and after it teaser lists, comment threads and footers. ``page_structure``
finds these parts in one version from the shape of its paragraphs (word count, final full
stop) and the kinds the per-paragraph rules gave them in a first pass, and names each
paragraph's place with one of ``FACTS`` (or None inside the article). Rules in
``resources/rules/kinds.toml`` test the place with ``structure = "…"``: they, not this module,
say which kind a place gives, so every label still names the rule that decided it, and a user
can switch a structural rule off like any other.

How the article is found:

- teaser runs: three or more title-shaped lines (short, no final full stop) that follow each
  other, each perhaps with a one-line summary or a short label (a section, a time) after it,
  a summary never followed by another summary (article text has paragraphs in a row);
- the article region: the contiguous run of paragraphs with the highest score, where prose
  paragraphs (a final full stop and ``PROSE_WORDS`` words, or ``LONG_WORDS`` words) score by
  length and everything else (titles, labels, teaser runs, lines a marker rule called
  furniture) costs a little;
- the region then grows over neighbours that no marker rule (one with a pattern) called
  furniture (lists, tables and subheadings of the article), up to the first menu item,
  banner or prompt such a rule found on either side;
- it joins further prose over gaps that hold at most ``GAP_MARKERS`` weak marker lines (a
  date, a credit, a menu-like line in a table) and no boundary (a prompt, a promo heading, a
  copyright line), when the prose beyond scores ``JOIN_SCORE``: an article's table does not
  end it;
- reader comments are prose too: the region is sought before the thread, whose start is the
  first comment line or prompt ("Anna says:", a reply button, "21 comments") with another
  within ``THREAD_REACH`` paragraphs; a lone comment line (a quote?) cuts it only when it
  leaves a fair article before it (``BEFORE_COMMENTS``);
- the head: the title-shaped lines (and marker lines: bylines, dates, captions) right before
  the region, the first of which is the headline;
- a teaser run that reaches into the head (headline, authors, date and "8 min read" are
  title-shaped too) keeps its lines above the head only with three titles there;
- outside the region, teaser runs with evidence (a heading or teaser over them, a date or
  byline among them, a summary, furniture between them and the article) are teasers; other
  short lines get a place only within ``NEAR`` paragraphs of furniture (what a rule called
  so: a menu run, a share button, a "Related" heading): a list of the article's own that the
  region missed stays body;
- a comment thread: after the region, from a comment prompt ("3 comments", "Leave a reply")
  to the last prose paragraph that no rule called furniture.

Off a page (fewer than ``MIN_MARKERS`` marker lines), a version of which at least one
paragraph in ``OFF_PAGE_PROSE`` is prose, or that opens with prose (a cleaned data page:
a headline, a paragraph, then tables), is an article: every paragraph between its first and
last prose paragraphs has the place ``off_page``, where runs of short lines are the article's
lists, not menus (a page without markers still has its menus at its edges).

Conservative by design: a version whose text is all article (a cleaned page, a revision of
a story) has no place facts at all. The pass only speaks on a page: when marker rules (those
with a pattern: "Sign in", "Share", a copyright line) found ``MIN_MARKERS`` pieces of
furniture, the region leaves at least ``MIN_FURNITURE`` short paragraphs outside it and holds
``MIN_REGION_SCORE`` of prose. Lists, tables and subheadings of a cleaned text are no
evidence of a page: they are what articles hold too.

Cost: a few list passes over the version (linear in its paragraphs), no pattern matching.
Imports: the standard library and ``core.model`` only.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.model import Kind

#: The places a rule's ``structure`` condition may name.
FACTS = (
    "off_page",
    "before_article",
    "headline",
    "article_head",
    "after_article",
    "teaser_run",
    "comment_thread",
)

#: A paragraph with a final full stop and at least this many words is prose.
PROSE_WORDS = 8
#: A paragraph of at least this many words is prose with or without a full stop.
LONG_WORDS = 30
#: Title-shaped: no final full stop, between these word counts.
TITLE_WORDS = (3, 20)
#: A teaser summary: a sentence of at most this many words after a title.
SUMMARY_WORDS = 45
#: Teaser runs hold at least this many titles.
TEASER_TITLES = 3
#: A longer run of title-shaped lines is a list or a table (of names, products, settings),
#: not teasers: pages show a few dozen teasers at most.
TEASER_RUN_MAX = 60
#: Paragraphs that rules with a pattern call furniture: fewer, and the version is not a page.
MIN_MARKERS = 3
#: Off a page, a text with at least one prose paragraph in this many is an article.
OFF_PAGE_PROSE = 3
#: Off a page, a text whose first prose paragraph has at most this many paragraphs above it
#: (a headline, a kicker, a date) opens with its article: it is one, tables and all.
OPENING = 2
#: Short lines a region must leave outside for the page to count as a page with furniture.
MIN_FURNITURE = 5
#: The least score of an article region (about this many tens of prose words).
MIN_REGION_SCORE = 3.0
#: How far before the region the head (headline, standfirst, byline) may reach.
HEAD_REACH = 12
#: A headline or standfirst has at most this many words.
HEAD_TITLE_WORDS = 40
#: A teaser headline has at least this many words (menus have shorter lines).
TEASER_TITLE_MIN = 4
#: Outside the article, furniture within this many paragraphs makes a short line furniture.
NEAR = 3

# Kinds that a marker rule gave: page furniture whatever its shape.
_FURNITURE = frozenset(kind for kind in Kind if kind.is_boilerplate)
# Kinds a teaser title may have had in the first pass, and kinds that glue teasers together.
_TITLE_KINDS = frozenset({Kind.BODY, Kind.HEADLINE, Kind.PROMO, Kind.TEASER, Kind.NAVIGATION})
_GLUE = frozenset({Kind.BYLINE, Kind.DATELINE, Kind.CAPTION})
# Kinds that open a comment thread: a prompt ("12 comments") or a comment's own line.
_COMMENT = frozenset({Kind.COMMENT_PROMPT, Kind.COMMENT})
# Kinds that may sit between a headline and the article text.
_HEAD = frozenset({Kind.BYLINE, Kind.DATELINE, Kind.CAPTION, Kind.STANDFIRST, Kind.HEADLINE})


def page_structure(
    words: Sequence[int], stops: Sequence[bool], kinds: Sequence[Kind], marked: Sequence[bool]
) -> list[str | None]:
    """Each paragraph's place (one of ``FACTS``), or None inside the article or where nothing
    is known.

    ``words``: the word counts (capped above ``LONG_WORDS`` is fine); ``stops``: whether each
    ends with a full stop; ``kinds``: what the per-paragraph rules made of each, alone;
    ``marked``: which paragraphs a rule with a pattern called page furniture (a "Sign in",
    a copyright line, a share button): the evidence that this is a raw page.
    """
    count = len(words)
    out: list[str | None] = [None] * count
    prose = [w >= LONG_WORDS or (s and w >= PROSE_WORDS) for w, s in zip(words, stops, strict=True)]
    if sum(marked) < MIN_MARKERS:
        return _off_page(prose, kinds)
    if count < MIN_FURNITURE:
        return out
    teaser = _teaser_runs(words, stops, prose, kinds)
    # Reader comments are prose too: the article is the best run before the thread (the
    # first comment's own line: "Anna says:", a reply button) if there is a fair one there.
    start, end, score = _region(words, prose, teaser, kinds)
    thread, dense = _thread_start(kinds)
    if thread <= end:
        before = _region(words[:thread], prose, teaser, kinds)
        # A lone comment line ("Plantur sagt:" over a quoted text) may be a quote in the article.
        least = 0.0 if dense else score / BEFORE_COMMENTS
        if before[2] >= max(MIN_REGION_SCORE, least):
            start, end, score = before
    if score < MIN_REGION_SCORE:
        return out
    start, end = _extend(start, end, kinds, marked)
    start, end = _join(start, end, words, prose, kinds, marked)
    head = _head_start(start, words, stops, kinds)
    outside = sum(1 for i in range(count) if (i < head or i > end) and words[i] and not prose[i])
    if outside < MIN_FURNITURE:
        return out
    near = _near_furniture([kind in _FURNITURE for kind in kinds])
    teaser = _with_evidence(teaser, head, end, stops, kinds, marked)
    _spare_head(teaser, head, words, stops, kinds)
    for i in range(head):
        out[i] = _place(teaser[i], near[i], "before_article")
    if head < start:
        out[head] = "headline" if kinds[head] is Kind.BODY or kinds[head] is Kind.HEADLINE else None
        for i in range(head + 1, start):
            out[i] = "article_head"
    for i in range(end + 1, count):
        out[i] = _place(teaser[i], near[i], "after_article")
    _teasers_after_headings(out, words, stops, kinds)
    _drop_long_runs(out)
    comments = _comment_thread(end + 1, words, prose, kinds)
    if comments is not None:
        for i in range(comments[0], comments[1] + 1):
            out[i] = "comment_thread"
    return out


def _off_page(prose: Sequence[bool], kinds: Sequence[Kind]) -> list[str | None]:
    """The places of a text with no page around it (too few marker lines): ``off_page``
    between its first and last prose paragraphs (a copyright line is none: menus sit at a
    page's edges) if it is an article, else none (a page without markers).

    It is an article if it is mostly prose, or if it opens with its text (within
    ``OPENING`` paragraphs: at most a headline and a kicker or date above it), as a cleaned
    article does even when most of it is a table or a list; a page has its menus first.
    """
    out: list[str | None] = [None] * len(prose)
    text = [p and kind is Kind.BODY for p, kind in zip(prose, kinds, strict=True)]
    if not any(text):
        return out
    first = text.index(True)
    if sum(prose) * OFF_PAGE_PROSE >= len(prose) or first <= OPENING:
        last = len(prose) - 1 - text[::-1].index(True)
        out[first:last] = ["off_page"] * (last - first)
    return out


def _spare_head(
    teaser: list[bool],
    head: int,
    words: Sequence[int],
    stops: Sequence[bool],
    kinds: Sequence[Kind],
) -> None:
    """A teaser run that reaches into the article's head (its headline, byline, date and
    standfirst are title-shaped too) is one only if it holds ``TEASER_TITLES`` titles above
    the head; otherwise its lines above the head are no teasers."""
    j = head if head < len(teaser) and teaser[head] else head - 1
    if j < 0 or not teaser[j]:
        return
    i = j
    while i > 0 and teaser[i - 1]:
        i -= 1
    titles = sum(
        1 for k in range(i, head) if _is_title(words[k], stops[k]) and kinds[k] in _TITLE_KINDS
    )
    if titles < TEASER_TITLES:
        teaser[i:head] = [False] * (head - i)


def _thread_start(kinds: Sequence[Kind]) -> tuple[int, bool]:
    """Where reader comments begin, and whether surely: the first comment line or prompt with
    another one within ``THREAD_REACH`` paragraphs after it (a comment's head and its reply
    button, "12 comments" over the first comment); else the first comment's own line, alone
    (perhaps a quote in the article); else ``len(kinds)``."""
    lone = None
    for i, kind in enumerate(kinds):
        if kind not in _COMMENT:
            continue
        if any(k in _COMMENT for k in kinds[i + 1 : i + 1 + THREAD_REACH]):
            return i, True
        if lone is None and kind is Kind.COMMENT:
            lone = i
    return (len(kinds), False) if lone is None else (lone, False)


def _place(teaser: bool, near: bool, side: str) -> str | None:
    """Outside the article, a paragraph's place: a teaser run is its own evidence; a short
    line is furniture only next to furniture (what a rule called so), so that lists of the
    article's own that the region did not reach stay out of it."""
    if teaser:
        return "teaser_run"
    return side if near else None


def _near_furniture(furniture: Sequence[bool]) -> list[bool]:
    """True for paragraphs with furniture (what a rule called so) within ``NEAR`` of them."""
    count = len(furniture)
    out = [False] * count
    last = -NEAR - 1  # The last furniture seen, walking forward.
    for i in range(count):
        if furniture[i]:
            last = i
            out[max(0, i - NEAR) : i + 1] = [True] * (i + 1 - max(0, i - NEAR))
        elif i - last <= NEAR:
            out[i] = True
    return out


def _is_title(words: int, stop: bool) -> bool:
    return not stop and TEASER_TITLE_MIN <= words <= TITLE_WORDS[1]


def _teaser_runs(
    words: Sequence[int], stops: Sequence[bool], prose: Sequence[bool], kinds: Sequence[Kind]
) -> list[bool]:
    """True for the paragraphs of runs of teaser headlines (see the module docstring).

    Lines a marker rule named (bylines, dates, captions) are glue between teasers, not titles,
    so an article's own head (headline, standfirst, byline, date) is no run; a summary only
    belongs to a run that goes on after it, so an article's first paragraph is none.
    """
    count = len(words)
    out = [False] * count
    i = 0
    while i < count:
        if not (_is_title(words[i], stops[i]) and kinds[i] in _TITLE_KINDS):
            i += 1
            continue
        titles = 0
        j = i
        last = i  # The last paragraph that belongs to the run.
        previous_summary = False
        glue = 0
        while j < count:
            w, s, kind = words[j], stops[j], kinds[j]
            if _is_title(w, s) and kind in _TITLE_KINDS:
                titles += 1
                previous_summary = False
                glue = 0
                last = j
            elif (
                s
                and w <= SUMMARY_WORDS
                and not previous_summary
                and kind is Kind.BODY
                and j + 1 < count
                and not prose[j + 1]
            ):
                previous_summary = True
                glue = 0
                last = j
            elif glue < 2 and (kind in _GLUE or (not s and 0 < w < TITLE_WORDS[0])):
                glue += 1  # A label, a time or an author between teasers.
            else:
                break
            j += 1
        if titles >= TEASER_TITLES:
            out[i : last + 1] = [True] * (last + 1 - i)
        i = max(j, i + 1)
    return out


def _with_evidence(
    teaser: Sequence[bool],
    head: int,
    end: int,
    stops: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
) -> list[bool]:
    """The teaser runs outside the article that show they are teasers, not only three short
    lines (which an article's list or table has too): a heading over them ("Related", "Most
    read") or a teaser just before, a date, time, byline or caption between their titles, a
    summary after a title, or a piece of furniture (a marker line) between them and the
    article."""
    out = list(teaser)
    count = len(out)
    i = 0
    while i < count:
        if not out[i]:
            i += 1
            continue
        # A run is judged apart on each side of the article (the article itself is no run).
        stop = head if i < head else end + 1 if i <= end else count
        j = i
        while j < min(stop, count) and out[j]:
            j += 1
        if i == j:
            i = stop
            continue
        run = range(i, j)
        evidence = (
            any(kinds[k] in _GLUE or (stops[k] and kinds[k] is Kind.BODY) for k in run)
            or any(kinds[k] in _EVIDENCE for k in range(max(0, i - 2), j))
            or (i > end and any(marked[end + 1 : i]))
            or (j <= head and any(marked[j:head]))
        )
        if not evidence:
            out[i:j] = [False] * (j - i)
        i = j
    return out


# Kinds of a line over a teaser run that make it one: a promo heading, another teaser.
_EVIDENCE = frozenset({Kind.PROMO, Kind.TEASER})


def _drop_long_runs(out: list[str | None]) -> None:
    """Runs of teaser places longer than ``TEASER_RUN_MAX``: a list or a table, no place."""
    i = 0
    while i < len(out):
        if out[i] != "teaser_run":
            i += 1
            continue
        j = i
        while j < len(out) and out[j] == "teaser_run":
            j += 1
        if j - i > TEASER_RUN_MAX:
            out[i:j] = [None] * (j - i)
        i = j


def _teasers_after_headings(
    out: list[str | None], words: Sequence[int], stops: Sequence[bool], kinds: Sequence[Kind]
) -> None:
    """Outside the article, title-shaped lines under a promo heading ("Related", "Most read")
    or under teasers are teasers too: a heading followed by a list."""
    after_heading = False
    for i, place in enumerate(out):
        if place is None or place in ("headline", "article_head"):
            after_heading = False
            continue
        kind = kinds[i]
        if after_heading and _is_title(words[i], stops[i]) and kind in _TITLE_KINDS:
            out[i] = "teaser_run"
        elif place == "teaser_run" or (kind is Kind.PROMO and words[i] <= TITLE_WORDS[1]):
            after_heading = True
        elif kind in _GLUE or (words[i] < TEASER_TITLE_MIN and not stops[i]):
            continue
        else:
            after_heading = False


def _extend(start: int, end: int, kinds: Sequence[Kind], marked: Sequence[bool]) -> tuple[int, int]:
    """The region grown over paragraphs no marker rule called furniture: lists, tables and
    subheadings next to the article's prose are the article's, up to the first menu item,
    banner or prompt a pattern found on either side (and up to the head: a byline, a date,
    a caption above). Runs of short lines (which ``navigation.link_run`` calls menus) do not
    stop it: an article's lists look the same."""
    while start > 0 and not marked[start - 1] and kinds[start - 1] not in _HEAD:
        start -= 1
    while end + 1 < len(kinds) and not marked[end + 1]:
        end += 1
    return start, end


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
#: Before a lone comment line (perhaps a quote in the article: "Anna says:"), the article
#: may score this many times less than the best run, or it is not cut short there.
BEFORE_COMMENTS = 3
#: A comment's own line opens a thread when another comment line or a comment prompt follows
#: within this many paragraphs (a reply button, the next "Anna says:"); a real comment is short.
THREAD_REACH = 10
#: Weak marker lines (a date, a credit, a menu-like item) an article may hold in a gap.
GAP_MARKERS = 1
#: The prose a stretch beyond a gap needs to join the article (as in ``_region``).
JOIN_SCORE = 2.0


def _join(
    start: int,
    end: int,
    words: Sequence[int],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
) -> tuple[int, int]:
    """The region joined to further stretches of prose over gaps with no boundary: an
    article's table or list that holds a line a marker rule took for furniture (a date, a
    path with slashes) does not end it; a prompt, a promo heading or a copyright line does."""
    count = len(words)

    def stretch(j: int, step: int) -> tuple[int, float]:
        score = 0.0
        k = j
        while 0 <= k + step < count and not marked[k + step]:
            k += step
        for i in range(min(j, k), max(j, k) + 1):
            if prose[i] and kinds[i] is Kind.BODY:
                score += min(words[i], 60) / 10
        return k, score

    for step in (1, -1):
        edge = end if step == 1 else start
        while True:
            weak = 0
            j = edge + step
            while 0 <= j < count and not (prose[j] and kinds[j] is Kind.BODY):
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


def _region(
    words: Sequence[int], prose: Sequence[bool], teaser: Sequence[bool], kinds: Sequence[Kind]
) -> tuple[int, int, float]:
    """(first, last, score) of the best-scoring contiguous run of paragraphs (Kadane)."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, w in enumerate(words):
        if teaser[i] or kinds[i] in _FURNITURE:
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


def _head_start(
    start: int, words: Sequence[int], stops: Sequence[bool], kinds: Sequence[Kind]
) -> int:
    """Where the article's head begins: its headline's index, or ``start`` if none is found.

    Walking up from the article's text (or from its byline, if it has one) over bylines,
    dates, captions, short labels and the banners pages put there (listen, share,
    newsletter), the first title-shaped line is the headline, or the standfirst if a shorter
    title-shaped line stands right above it.
    """
    reach = max(-1, start - 1 - HEAD_REACH)
    # A byline stands below the headline: above it, whatever lies between it and the text.
    byline = next((i for i in range(start - 1, reach, -1) if kinds[i] is Kind.BYLINE), start)
    for i in range(byline - 1, reach, -1):
        if kinds[i] in _TITLE_KINDS - _FURNITURE and _is_head_title(words[i], stops[i]):
            above = i - 1
            if (
                above >= 0
                and kinds[above] in _TITLE_KINDS - _FURNITURE
                and _is_head_title(words[above], stops[above])
                and words[above] <= words[i]
            ):
                return above
            return i
    return start


def _is_head_title(words: int, stop: bool) -> bool:
    return not stop and TITLE_WORDS[0] <= words <= HEAD_TITLE_WORDS


def _comment_thread(
    begin: int, words: Sequence[int], prose: Sequence[bool], kinds: Sequence[Kind]
) -> tuple[int, int] | None:
    """(first, last) paragraph of a comment thread after ``begin``, or None."""
    count = len(words)
    start = next((i for i in range(begin, count) if kinds[i] in _COMMENT), None)
    if start is None:
        return None
    last = max((i for i in range(start, count) if prose[i] and kinds[i] is Kind.BODY), default=None)
    if last is None:
        return None
    # The last comment's own button ("Reply", "Report") closes the thread.
    if last + 1 < count and 0 < words[last + 1] <= 2 and kinds[last + 1] is Kind.BODY:
        last += 1
    return start, last
