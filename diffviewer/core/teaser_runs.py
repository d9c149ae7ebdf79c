"""Runs of teaser headlines on a page, for the page-structure pass (``core.structure``).

Three or more title-shaped lines in a row, each perhaps with a one-line summary or a short
label (a section, a time) after it, and a summary never followed by another (article text
has paragraphs in a row); outside the article they count only with evidence (a heading or
teaser over them, a date or byline among them, a summary, furniture between them and the
article).

Imports: the standard library and ``core`` (model, page_shapes) only.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.model import Kind
from diffviewer.core.page_shapes import (
    END_MARKERS,
    GLUE,
    TEASER_TITLE_MIN,
    TITLE_KINDS,
    TITLE_WORDS,
    is_title,
)

#: A teaser summary: a sentence of at most this many words after a title.
SUMMARY_WORDS = 45
#: Teaser runs hold at least this many titles.
TEASER_TITLES = 3
#: A longer run of title-shaped lines is a list or a table (of names, products, settings),
#: not teasers: pages show a few dozen teasers at most.
TEASER_RUN_MAX = 60


def teaser_runs(
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
        if not (is_title(words[i], stops[i]) and kinds[i] in TITLE_KINDS):
            i += 1
            continue
        titles = 0
        j = i
        last = i  # The last paragraph that belongs to the run.
        previous_summary = False
        glue = 0
        while j < count:
            w, s, kind = words[j], stops[j], kinds[j]
            if is_title(w, s) and kind in TITLE_KINDS:
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
            elif glue < 2 and (kind in GLUE or (not s and 0 < w < TITLE_WORDS[0])):
                glue += 1  # A label, a time or an author between teasers.
            else:
                break
            j += 1
        if titles >= TEASER_TITLES:
            out[i : last + 1] = [True] * (last + 1 - i)
        i = max(j, i + 1)
    return out


def with_evidence(
    teaser: Sequence[bool],
    head: int,
    end: int,
    stops: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
    figures: Sequence[bool] | None = None,
) -> list[bool]:
    """The teaser runs outside the article that show they are teasers, not only three short
    lines (which an article's list or table has too): a heading over them ("Related", "Most
    read") or a teaser just before, a date, time, byline or caption between their titles, a
    summary after a title, or a piece of furniture (a marker line) between them and the
    article.

    Furniture between a run and the article is the weakest of these (it may lie hundreds of
    lines away): a run with no other evidence whose titles mostly carry figures (``figures``:
    two or more numbers in a line, as a table's rows have: pages, sizes, prices) is a table
    that the region did not reach, not teasers, whose headlines seldom hold two numbers."""
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
            any(kinds[k] in GLUE or (stops[k] and kinds[k] is Kind.BODY) for k in run)
            or any(kinds[k] in _EVIDENCE for k in range(max(0, i - 2), j))
            or (
                ((i > end and any(marked[end + 1 : i])) or (j <= head and any(marked[j:head])))
                and not (figures is not None and _mostly_rows(run, figures, kinds))
            )
        )
        if not evidence:
            out[i:j] = [False] * (j - i)
        i = j
    return out


# Kinds of a line over a teaser run that make it one: a promo heading, another teaser.
_EVIDENCE = frozenset({Kind.PROMO, Kind.TEASER})


def _mostly_rows(run: range, figures: Sequence[bool], kinds: Sequence[Kind]) -> bool:
    """Whether more than half of the run's lines that may be titles carry figures."""
    titles = [k for k in run if kinds[k] in TITLE_KINDS]
    return sum(1 for k in titles if figures[k]) * 2 > len(titles)


def spare_head(
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
        1 for k in range(i, head) if is_title(words[k], stops[k]) and kinds[k] in TITLE_KINDS
    )
    if titles < TEASER_TITLES:
        teaser[i:head] = [False] * (head - i)


def teasers_after_headings(
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
        if after_heading and is_title(words[i], stops[i]) and kind in TITLE_KINDS:
            out[i] = "teaser_run"
        elif place == "teaser_run" or (kind is Kind.PROMO and words[i] <= TITLE_WORDS[1]):
            after_heading = True
        elif kind in GLUE or (words[i] < TEASER_TITLE_MIN and not stops[i]):
            continue
        else:
            after_heading = False


def drop_long_runs(out: list[str | None], kinds: Sequence[Kind]) -> None:
    """Runs of teaser places longer than ``TEASER_RUN_MAX``: a list or a table, no place; but
    for a run right under a promo heading or a teaser (``kinds``, within two lines: "Trending",
    "Most read"), which says what the lines are (a news portal's topics list their hundred
    headlines under one)."""
    i = 0
    while i < len(out):
        if out[i] != "teaser_run":
            i += 1
            continue
        j = i
        while j < len(out) and out[j] == "teaser_run":
            j += 1
        headed = any(kinds[k] in _EVIDENCE for k in range(max(0, i - 2), i))
        if j - i > TEASER_RUN_MAX and not headed:
            out[i:j] = [None] * (j - i)
        i = j


#: A teaser's label in a chain (its author, its section: "Iwona Kurz", "Film") has at most
#: this many words and no final full stop.
CHAIN_LABEL_WORDS = 4
#: At most this many labels stand between a teaser's title and its summary in a chain.
CHAIN_LABELS = 2
#: Teasers in a row, each with the same number of labels, that make a chain.
CHAIN_TEASERS = 3
#: A teaser's summary in a chain: one sentence of these many words (a final full stop, or at
#: least ``CHAIN_BARE_SUMMARY`` words: lists cut a summary short without one).
CHAIN_SUMMARY_WORDS = (8, SUMMARY_WORDS)
CHAIN_BARE_SUMMARY = 10


def labelled_chains(
    start: int,
    end: int,
    lead: float,
    words: Sequence[int],
    stops: Sequence[bool],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
    plain: Sequence[bool] | None = None,
    asks: Sequence[bool] | None = None,
) -> list[tuple[range, bool]]:
    """Chains of other articles' teasers with labels, past the article's lead: from ``start``
    on, after ``lead`` of the article's prose (scored as in ``article_region``), runs of
    ``CHAIN_TEASERS`` or more teasers in a row, each a title (it may ask or exclaim), one to
    ``CHAIN_LABELS`` short labels (its author, its section, its date; of two, one a date or
    byline that a rule found) and a one-sentence summary, every teaser with the same number
    of labels; or, past a marker line that ends an article (``_WALLS``: a newsletter box, a
    "Related" heading, a copyright line) with no article prose between, teasers without labels
    (a title over a summary); in the region (which ends at ``end``), only chains with no more
    than ``CHAIN_TAIL_SCORE`` of the article's prose after them: teasers follow the article's
    text. Each chain comes with whether its teasers have labels.

    The summaries are sentences, so the article's region grows over such a list; the repeated
    rhythm of title, label, summary tells it apart: an article's subheading has paragraphs
    under it, and no author's or section's label between (a listicle's items, titles over
    a paragraph each, look like teasers without labels: only a wall before them tells them
    apart). ``plain``: which paragraphs may be
    a title or label (none that ends with a colon, which introduces what follows, and no short
    line with a digit, which is a table's value: "1-100"), if known.
    """
    count = len(words)
    low, high = CHAIN_SUMMARY_WORDS

    def title(i: int) -> bool:
        return (
            0 < words[i] <= TITLE_WORDS[1]
            and (not stops[i] or (asks is not None and asks[i]))
            and kinds[i] in TITLE_KINDS
            and not marked[i]
            and (plain is None or plain[i])
        )

    def label(i: int) -> bool:
        if kinds[i] is Kind.BYLINE or kinds[i] is Kind.DATELINE:
            return 0 < words[i] <= CHAIN_LABEL_WORDS and not stops[i]
        return (
            0 < words[i] <= CHAIN_LABEL_WORDS
            and not stops[i]
            and kinds[i] in TITLE_KINDS
            and not marked[i]
            and (plain is None or plain[i])
        )

    def summary(i: int) -> bool:
        return (
            kinds[i] is Kind.BODY
            and low <= words[i] <= high
            and (stops[i] or words[i] >= CHAIN_BARE_SUMMARY)
        )

    def teaser(i: int) -> int:
        """The number of labels of a teaser that opens at ``i``, or -1 if none does."""
        if i >= count or not title(i):
            return -1
        if i + 1 < count and summary(i + 1):
            return 0
        for labels in range(1, CHAIN_LABELS + 1):
            k = i + 1 + labels
            if k >= count or not label(k - 1):
                return -1
            # Two labels: a section and a date or author, which a rule knows ("Off", "On"
            # are a table's values).
            if summary(k) and (labels == 1 or any(kinds[j] in GLUE for j in range(i + 1, k))):
                return labels
        return -1

    def walled(i: int) -> bool:
        """Whether a marker line that ends an article (a newsletter box, a "Related"
        heading, a copyright line) stands between the article's last prose and ``i``; a
        prose paragraph right under that line is no article's (a first teaser's summary,
        its title shown as a picture)."""
        j = i - 1
        while j >= start:
            if _is_wall(j, marked, kinds):
                return True
            if (
                prose[j]
                and kinds[j] is Kind.BODY
                and not (j > start and _is_wall(j - 1, marked, kinds))
            ):
                return False
            j -= 1
        return False

    chains: list[tuple[range, bool]] = []
    score = 0.0
    i = start
    while i < count:
        labels = teaser(i) if score >= lead else -1
        if labels < 0:
            if prose[i] and kinds[i] is Kind.BODY:
                score += min(words[i], 60) / 10
            i += 1
            continue
        j = i
        teasers = 0
        while True:
            if teaser(j) == labels:
                teasers += 1
                j += labels + 2
            elif teasers and j < count and summary(j) and teaser(j + 1) == labels:
                j += 1  # A teaser shown without its title (a picture's): its summary alone.
            else:
                break
        if teasers >= CHAIN_TEASERS and (labels or walled(i)):
            chains.append((range(i, j), labels > 0))
            i = j
        else:
            i += 1
    return _last_in_region(chains, end, words, prose, kinds, marked)


#: Kinds of a marker line that ends the article (the page's end markers, and promos: a
#: newsletter box, a "Related" heading): a teaser without labels after one is in a chain (see
#: ``labelled_chains``).
_WALLS = END_MARKERS | {Kind.PROMO}


def _is_wall(i: int, marked: Sequence[bool], kinds: Sequence[Kind]) -> bool:
    """Whether paragraph ``i`` is a marker line that ends an article (``_WALLS``)."""
    return marked[i] and kinds[i] in _WALLS


#: Prose after a chain in the article's region (about this many tens of words, outside other
#: chains) that makes it the article's own list (books with their authors and a line on each)
#: rather than teasers under it.
CHAIN_TAIL_SCORE = 2.0


def _last_in_region(
    chains: list[tuple[range, bool]],
    end: int,
    words: Sequence[int],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    marked: Sequence[bool],
) -> list[tuple[range, bool]]:
    """The chains with no more than ``CHAIN_TAIL_SCORE`` of the article's prose between them
    and the region's ``end`` (but in other such chains, and a paragraph right under a marker
    line that ends an article: a teaser's summary under "Most read", see ``labelled_chains``):
    teasers come after the article's text, and a list the article goes on after is its own."""
    kept: list[tuple[range, bool]] = []
    score = 0.0
    i = end
    for chain, labelled in reversed(chains):
        while i >= chain.stop:
            walled = i > 0 and _is_wall(i - 1, marked, kinds)
            if prose[i] and kinds[i] is Kind.BODY and not walled:
                score += min(words[i], 60) / 10
            i -= 1
        if score < CHAIN_TAIL_SCORE:
            kept.append((chain, labelled))
        i = min(i, chain.start - 1)
    kept.reverse()
    return kept


#: A ranked list of other articles ("Most read": 1, a title, 2, a title…) has at least this
#: many ranks, each over a title of ``TEASER_TITLE_MIN`` or more words.
RANKED_TITLES = 3


def ranked_lists(
    start: int,
    lead: float,
    words: Sequence[int],
    stops: Sequence[bool],
    prose: Sequence[bool],
    kinds: Sequence[Kind],
    ranks: Sequence[bool] | None,
) -> list[range]:
    """Ranked lists of other articles past the article's lead (from ``start`` on, after
    ``lead`` of its prose): ``RANKED_TITLES`` or more pairs in a row of a rank alone on its
    line (``ranks``: "1", "2."; a "Most read" box numbers its headlines) and a headline
    (no final full stop, ``TEASER_TITLE_MIN`` to ``TITLE_WORDS[1]`` words). An article's
    numbered list has its items' text after their titles, or steps that are sentences.
    None without ``ranks``."""
    count = len(words)
    found: list[range] = []
    if ranks is None:
        return found
    score = 0.0
    i = start
    while i < count:
        j = i
        while j + 1 < count and ranks[j] and is_title(words[j + 1], stops[j + 1]):
            if kinds[j + 1] not in TITLE_KINDS:
                break
            j += 2
        if (j - i) // 2 >= RANKED_TITLES and score >= lead:
            found.append(range(i, j))
            i = j
            continue
        if prose[i] and kinds[i] is Kind.BODY:
            score += min(words[i], 60) / 10
        i += 1
    return found
