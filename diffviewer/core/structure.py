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
  copyright line), when the prose beyond scores ``JOIN_SCORE`` (a table's rows with figures,
  three or more in a row, count as prose there): an article's table does not end it;
- reader comments are prose too: the region is sought before the thread, whose start is the
  first comment line or prompt ("Anna says:", a reply button, "21 comments") with another
  within ``THREAD_REACH`` paragraphs; a lone comment line (a quote?) cuts it only when it
  leaves a fair article before it (``BEFORE_COMMENTS``), and a prompt over readers' names
  each over a sentence when it leaves that or ``HEADS_LEAD`` of prose (long comments under
  a short post outscore it);
- other articles under the story end it: after ``LEAD_SCORE`` of its prose, two or more
  units in a row of a title, perhaps a date or author, one prose paragraph, then "Read
  more", a teaser's label, a date or an author (``other_articles``) have the place
  ``other_article`` (a short label among them ``after_article``), and so has the rest of
  the region if whole stories follow (a byline or date over prose); every such chain past
  the article's prose counts; an article's subheadings have paragraphs in a row under them;
- teasers with labels after it: past ``LEAD_SCORE`` of its prose, three or more teasers in a
  row, each a title, one or two short labels (an author, a section, a date) and a one-sentence
  summary with the same rhythm each time, and no more than a line of the article's prose
  after them in the region (``labelled_chains``), have the place ``teaser_chain``: their
  summaries are sentences, which the region takes for the article's; and past a marker line
  that ends an article (a newsletter box, a "Related" heading, a copyright line), so have
  three or more titles in a row each over a one-sentence summary (``teasers_after_marker``);
  and a ranked list past its lead (1, a headline, 2, a headline…: ``ranked_lists``) has the
  place ``ranked_teasers``;
- the head: the title-shaped lines (and marker lines: bylines, dates, captions) right before
  the region, the first of which is the headline (which may ask or exclaim: "…?", "…!"),
  and short lines right under a date or byline there (an author's bare name: at most
  ``UNDER_HEAD_WORDS`` words), which the region does not take;
- a teaser run that reaches into the head (headline, authors, date and "8 min read" are
  title-shaped too) keeps its lines above the head only with three titles there;
- outside the region, teaser runs with evidence (a heading or teaser over them, a date or
  byline among them, a summary, furniture between them and the article) are teasers; other
  short lines get a place only within ``NEAR`` paragraphs of furniture (what a rule called
  so: a menu run, a share button, a "Related" heading), or before the article with a marker
  line (no date or byline: an article's head has those) between them and it, if they have no
  full stop, or after the article past a line that ends the page's text (``END_MARKERS``: a
  copyright line, a comment prompt): a list of the article's own that the region missed
  stays body; and there, more than ``NEAR`` paragraphs below the region, a lone prose
  paragraph (no prose that no rule called furniture right above or below it) has the place
  ``prose_after_end``: the site's notes on itself, its newsletter's pitch, a teaser's summary;
- in the region (from its head on), runs of short lines that the caller found to be mostly
  a label and its value, an address or an amount (``rows``: a table, an infobox, a list of
  people with their handles, a recipe's ingredients) have the place ``article_rows``: menus
  hold link texts, not these;
- in the region, other runs of short lines (``link_runs``: what ``navigation.link_run`` calls a
  menu) with the article's prose right above and below them, and two or more words in each
  line, have the place ``article_list``: a list of the article's own (``_place_lists``);
- a comment thread: after the region, from a comment prompt ("3 comments", "Leave a reply")
  to the last prose paragraph that no rule called furniture.

Off a page (fewer than ``MIN_MARKERS`` marker lines), a version of which at least one
paragraph in ``OFF_PAGE_PROSE`` is prose, or that opens with prose (a cleaned data page:
a headline, a standfirst, a summary line or two, a paragraph, then tables), is an article:
every paragraph between its first and last prose paragraphs has the place ``off_page``, where
runs of short lines are the article's lists, not menus (a page without markers still has its
menus at its edges), and a short line right after such a list is its next item or a heading.

Conservative by design: a version whose text is all article (a cleaned page, a revision of
a story) has no place facts at all (but ``off_page`` and ``article_rows``, which only keep
its lists body). The pass only speaks on a page: when marker rules (those
with a pattern: "Sign in", "Share", a copyright line) found ``MIN_MARKERS`` pieces of
furniture, the region leaves at least ``MIN_FURNITURE`` short paragraphs outside it and holds
``MIN_REGION_SCORE`` of prose. Lists, tables and subheadings of a cleaned text are no
evidence of a page: they are what articles hold too.

Cost: a few list passes over the version (linear in its paragraphs), no pattern matching.
The article's region, head and comment thread are found in ``core.article_region``, teaser
runs in ``core.teaser_runs`` (the constants named above live there), the shapes both read in
``core.page_shapes``.
Imports: the standard library and ``core`` (model, page_shapes, article_region, teaser_runs)
only.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from diffviewer.core.article_region import (
    LEAD_SCORE,
    article_region,
    author_box,
    below_head,
    comment_thread,
    extend,
    head_start,
    join,
    other_articles,
    thread_start,
)
from diffviewer.core.model import Kind
from diffviewer.core.page_shapes import END_MARKERS, FURNITURE, HEAD, TEASER_TITLE_MIN
from diffviewer.core.teaser_runs import (
    drop_long_runs,
    labelled_chains,
    ranked_lists,
    spare_head,
    teaser_runs,
    teasers_after_headings,
    with_evidence,
)

#: The places a rule's ``structure`` condition may name.
FACTS = (
    "off_page",
    "article_rows",
    "article_list",
    "before_article",
    "headline",
    "article_head",
    "after_article",
    "teaser_run",
    "other_article",
    "teaser_chain",
    "teasers_after_marker",
    "ranked_teasers",
    "comment_thread",
    "author_box",
    "prose_after_end",
)

#: Places that lie within a wider one: a rule that names the wider place holds in them too,
#: in file order with their own rules (an author box is after the article, so a note on
#: the author that ``byline.author_bio_after`` knows by its wording is still its).
WITHIN = {"author_box": "after_article", "prose_after_end": "after_article"}

#: A paragraph with a final full stop and at least this many words is prose.
PROSE_WORDS = 8
#: A paragraph of at least this many words is prose with or without a full stop.
LONG_WORDS = 30
#: Paragraphs that rules with a pattern call furniture: fewer, and the version is not a page.
MIN_MARKERS = 3
#: Off a page, a text with at least one prose paragraph in this many is an article.
OFF_PAGE_PROSE = 3
#: Off a page, a text whose first prose paragraph has at most this many paragraphs above it
#: besides its head (headline, standfirst, byline, date, caption: ``HEAD`` kinds), such as a
#: kicker or a summary's bullet lines, opens with its article: it is one, tables and all.
OPENING = 2
#: A text with this many bylines is a list of stories, each with its author, not one article
#: (its first teaser may still open it).
STORY_BYLINES = 3
#: Short lines a region must leave outside for the page to count as a page with furniture.
MIN_FURNITURE = 5
#: The least score of an article region (about this many tens of prose words).
MIN_REGION_SCORE = 3.0
#: Outside the article, furniture within this many paragraphs makes a short line furniture.
NEAR = 3


def page_structure(
    words: Sequence[int],
    stops: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
    rows: Sequence[bool] | None = None,
    figures: Sequence[bool] | None = None,
    asks: Sequence[bool] | None = None,
    plain: Sequence[bool] | None = None,
    ranks: Sequence[bool] | None = None,
    authored: Sequence[bool] | None = None,
    link_runs: Sequence[bool] | None = None,
) -> list[str | None]:
    """Each paragraph's place (one of ``FACTS``), or None inside the article or where nothing
    is known.

    ``words``: the word counts (capped above ``LONG_WORDS`` is fine); ``stops``: whether each
    ends with a full stop; ``kinds``: what the per-paragraph rules made of each, alone;
    ``marked``: which paragraphs a rule with a pattern called page furniture (a "Sign in",
    a copyright line, a share button): the evidence that this is a raw page; ``rows``: which
    paragraphs belong to a run of short lines that are mostly a label and its value or an
    address (a table's rows, a list of people), if known; ``figures``: which paragraphs hold
    two or more numbers (a table's row: pages, sizes, prices), if known; ``asks``: which
    end with a question or exclamation mark (a headline may), if known; ``plain``: which may
    be a teaser's title or label in a chain (see ``labelled_chains``), if known; ``ranks``:
    which are a rank alone ("1", "2."), if known (see ``ranked_lists``); ``authored``: which
    open with the name of an author a byline of the version gave, if known; ``link_runs``:
    which are in a run of short lines (``navigation.link_run``'s menus), if known (see
    ``_place_lists``).
    """
    count = len(words)
    out: list[str | None] = [None] * count
    prose = [w >= LONG_WORDS or (s and w >= PROSE_WORDS) for w, s in zip(words, stops, strict=True)]
    if sum(marked) < MIN_MARKERS:
        return _off_page(prose, kinds)
    if count < MIN_FURNITURE:
        return out
    teaser = teaser_runs(words, stops, prose, kinds)
    # Reader comments are prose too: the article is the best run before the thread (the
    # first comment's own line: "Anna says:", a reply button) if there is a fair one there.
    start, end, score = article_region(words, prose, teaser, kinds)
    thread, dense = thread_start(kinds, words, stops)
    if thread <= end:
        before = article_region(words[:thread], prose, teaser, kinds)
        if before[2] >= max(MIN_REGION_SCORE, _least_before(score, dense, kinds[thread])):
            start, end, score = before
    if score < MIN_REGION_SCORE:
        return out
    start, end = extend(start, end, kinds, marked)
    start = below_head(start, end, words, prose, kinds)
    start, end = join(start, end, words, prose, kinds, marked, figures)
    end, chains = other_articles(start, end, words, prose, kinds, marked)
    end = author_box(start, end, prose, authored)
    head = head_start(start, words, stops, kinds, asks)
    _place_in_article(out, (head, start, end), rows, link_runs, words, prose, kinds, marked)
    after = max(head, end + 1)  # Short lines before the head and after the region.
    outside = _short_lines(words[:head], prose[:head]) + _short_lines(words[after:], prose[after:])
    if outside < MIN_FURNITURE:
        return out
    near = _near_furniture([kind in FURNITURE for kind in kinds])
    teaser = with_evidence(teaser, head, end, stops, kinds, marked, figures)
    spare_head(teaser, head, words, stops, kinds)
    # Short lines with furniture between them and the article are the page's, however far
    # from it; a list right above the head may be the article's own, which the region missed.
    beyond = max((i for i in range(head) if marked[i] and kinds[i] not in HEAD), default=-1)
    for i in range(head):
        out[i] = _place(teaser[i], near[i] or (i < beyond and not stops[i]), "before_article")
    if head < start:
        out[head] = "headline" if kinds[head] is Kind.BODY or kinds[head] is Kind.HEADLINE else None
        for i in range(head + 1, start):
            out[i] = "article_head"
    # Past a boundary marker (a copyright line, a comment prompt, "Related"), short lines are
    # furniture, but for a table's rows with figures (an article's timetable, price list).
    ended = False
    for i in range(end + 1, count):
        ended = ended or (marked[i] and kinds[i] in END_MARKERS)
        ends = ended and not (figures is not None and figures[i])
        # More than NEAR paragraphs below the region, past such a line, a lone prose paragraph
        # (``_lone_prose``) is the site's note on itself, its newsletter's pitch, a teaser's
        # summary, which the region does not reach.
        lone = ended and i - end > NEAR and _lone_prose(i, words, prose, kinds)
        out[i] = "prose_after_end" if lone else _place(teaser[i], near[i] or ends, "after_article")
    teasers_after_headings(out, words, stops, kinds)
    drop_long_runs(out, kinds)
    for i in itertools.chain.from_iterable(chains):
        out[i] = _other_place(words[i], prose[i], marked[i]) or out[i]
    runs = labelled_chains(start, end, LEAD_SCORE, words, stops, prose, kinds, marked, plain, asks)
    _place_chains(out, runs, marked)
    _place_ranked(out, ranked_lists(start, LEAD_SCORE, words, stops, prose, kinds, ranks))
    _author_places(out, end, authored)
    comments = comment_thread(end + 1, words, prose, kinds)
    if comments is not None:
        for i in range(comments[0], comments[1] + 1):
            out[i] = "comment_thread"
    return out


def _place_in_article(
    out: list[str | None],
    bounds: tuple[int, int, int],
    rows: Sequence[bool] | None,
    runs: Sequence[bool] | None,
    words: Sequence[int],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
) -> None:
    """The places ``article_rows`` (from the head on) and ``article_list`` in the article,
    whose head, region start and end are ``bounds``."""
    head, start, end = bounds
    if rows is not None:
        for i in range(head, end + 1):
            if rows[i]:
                out[i] = "article_rows"
    if runs is not None:
        _place_lists(out, start, end, runs, words, prose, kinds, marked)


#: The article's prose stands within this many paragraphs above and below a list of its own.
LIST_REACH = 2
#: A list's items have at least this many words each (a menu's links and a forum post's
#: labels, "Beiträge", "#2", "Share", are often single words).
LIST_ITEM_WORDS = 2


def _place_lists(
    out: list[str | None],
    start: int,
    end: int,
    runs: Sequence[bool],
    words: Sequence[int],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
) -> None:
    """The place ``article_list`` for the lines of runs of short lines (``runs``: what
    ``navigation.link_run`` would call a menu) inside the article's region, with its prose
    within ``LIST_REACH`` paragraphs above and below them and ``LIST_ITEM_WORDS`` words in
    every line: a list in the article's text (the places it reviews, the steps it names),
    not a menu, which sits at the page's edges. Marker lines keep what their rule says.
    Each run is found by ``index`` (a search in C: most of a long region is no run)."""

    def text_within(low: int, high: int) -> bool:
        return any(
            prose[k] and kinds[k] is Kind.BODY for k in range(max(low, start), min(high, end + 1))
        )

    i = start
    while True:
        try:
            i = runs.index(True, i, end + 1)
        except ValueError:
            return
        j = i
        while j <= end and runs[j]:
            j += 1
        if (
            min(words[i:j]) >= LIST_ITEM_WORDS
            and text_within(i - LIST_REACH, i)
            and text_within(j, j + LIST_REACH)
        ):
            for k in range(i, j):
                if out[k] is None and not marked[k]:
                    out[k] = "article_list"
        i = j


def _lone_prose(i: int, words: Sequence[int], prose: Sequence[bool], kinds: Sequence[Kind]) -> bool:
    """Whether paragraph ``i`` is prose that no rule called furniture, with no such prose
    in the nearest paragraphs with words above and below it: a lone paragraph among
    furniture (the site's note on itself, a newsletter's pitch), not a run of text."""
    if not (prose[i] and kinds[i] is Kind.BODY):
        return False
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(words) and not words[j]:
            j += step
        if 0 <= j < len(words) and prose[j] and kinds[j] is Kind.BODY:
            return False
    return True


def _author_places(out: list[str | None], end: int, authored: Sequence[bool] | None) -> None:
    """After the article's region, paragraphs that open with its author's name (``authored``)
    are an author box, whatever their place was."""
    if authored is not None:
        for i in range(end + 1, len(out)):
            if authored[i]:
                out[i] = "author_box"


def _least_before(score: float, dense: bool, kind: Kind) -> float:
    """The least score of the article above a thread's start for the thread to end it (the
    best run through the thread scores ``score``): a lone comment line ("Plantur sagt:"
    over a quoted text) may be a quote in the article; under a prompt over comments' heads,
    ``HEADS_LEAD`` is enough, though the comments outscore it (a Q&A page's question is
    short: its answers are the text)."""
    if dense:
        return 0.0
    least = score / BEFORE_COMMENTS
    return min(least, HEADS_LEAD) if kind is Kind.COMMENT_PROMPT else least


def _other_place(words: int, prose: bool, marked: bool) -> str | None:
    """The place of a paragraph among other articles: their titles and texts are theirs, a
    short label among them (their section: "Politics") is furniture after the article, and a
    marker line keeps what its rule says."""
    if marked or not words:
        return None
    return "other_article" if prose or words >= TEASER_TITLE_MIN else "after_article"


def _place_chains(
    out: list[str | None], runs: list[tuple[range, bool]], marked: Sequence[bool]
) -> None:
    """The place ``teaser_chain`` for the paragraphs of chains of teasers with labels, and
    ``teasers_after_marker`` for those without, past a marker line that ends the article (see
    ``labelled_chains``), but for marker lines, which keep what their rule says (a byline)."""
    for run, labelled in runs:
        place = "teaser_chain" if labelled else "teasers_after_marker"
        for i in run:
            if not marked[i]:
                out[i] = place


def _place_ranked(out: list[str | None], lists: list[range]) -> None:
    """The place ``ranked_teasers`` for the ranks and headlines of ranked lists of other
    articles (see ``ranked_lists``)."""
    for i in itertools.chain.from_iterable(lists):
        out[i] = "ranked_teasers"


def _off_page(prose: Sequence[bool], kinds: Sequence[Kind]) -> list[str | None]:
    """The places of a text with no page around it (too few marker lines): ``off_page``
    between its first and last prose paragraphs (a copyright line is none: menus sit at a
    page's edges) if it is an article, else none (a page without markers).

    It is an article if it is mostly prose, or if it opens with its text (within
    ``OPENING`` paragraphs besides its head: a kicker, a summary's lines), as a cleaned
    article does even when most of it is a table or a list, and is no list of stories
    (``STORY_BYLINES`` bylines); a page has its menus first.
    """
    out: list[str | None] = [None] * len(prose)
    text = [p and kind is Kind.BODY for p, kind in zip(prose, kinds, strict=True)]
    if not any(text):
        return out
    first = text.index(True)
    stories = kinds.count(Kind.BYLINE) >= STORY_BYLINES
    lead = sum(1 for kind in kinds[:first] if kind not in HEAD)
    if sum(prose) * OFF_PAGE_PROSE >= len(prose) or (lead <= OPENING and not stories):
        last = len(prose) - 1 - text[::-1].index(True)
        out[first:last] = ["off_page"] * (last - first)
    return out


def _place(teaser: bool, near: bool, side: str) -> str | None:
    """Outside the article, a paragraph's place: a teaser run is its own evidence; a short
    line is furniture only next to furniture (what a rule called so), so that lists of the
    article's own that the region did not reach stay out of it."""
    if teaser:
        return "teaser_run"
    return side if near else None


def _short_lines(words: Sequence[int], prose: Sequence[bool]) -> int:
    """How many paragraphs have words but are no prose."""
    return sum(1 for w, p in zip(words, prose, strict=True) if w and not p)


def _near_furniture(furniture: list[bool]) -> list[bool]:
    """True for paragraphs with furniture (what a rule called so) within ``NEAR`` of them
    (each piece found by ``index``, a search in C: most paragraphs are none)."""
    count = len(furniture)
    out = [False] * count
    i = 0
    while True:
        try:
            i = furniture.index(True, i)
        except ValueError:
            return out
        low, high = max(0, i - NEAR), min(count, i + NEAR + 1)
        out[low:high] = [True] * (high - low)
        i += 1


#: Above a comment prompt over comments' heads, an article that scores this much (about this
#: many tens of prose words) is the article, however long the comments below.
HEADS_LEAD = 10.0
#: Before a lone comment line (perhaps a quote in the article: "Anna says:"), the article
#: may score this many times less than the best run, or it is not cut short there.
BEFORE_COMMENTS = 3
