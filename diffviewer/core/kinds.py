"""What kind of text each paragraph is (headline, caption, comment prompt, …), from rules.

``classify`` walks one version's paragraph keys in order and gives each the kind of the first
rule (see ``core.rules`` and ``resources/rules/kinds.toml``) whose conditions all hold, or
``(Kind.BODY, "default")``. The facts rules test:

- words: whitespace-separated tokens; in scripts written without spaces (Chinese, Japanese,
  Thai, Lao, Khmer, Burmese), characters divided by the average length of a word there;
- ends_with_full_stop: the text ends with ``. ! ? …`` or a full stop of another script
  (``。！？ । ۔ ؟ ။`` …), closing quotes and brackets after it allowed;
- title_case: of the words starting with a letter, small words (a, of, the, de, und, …) left
  out, at least two and three in four start with a capital;
- position: the index in the sequence (``first``, ``last``, ``first_n``, ``last_n``);
- in_link_run: the paragraph belongs to a run of three or more consecutive short link-like
  paragraphs (1–4 words, no final full stop), as menus are;
- follows: the kind given to the previous paragraph, or the rule that gave it;
- pattern / not_pattern: searched in the first ``rules.PATTERN_WINDOW`` characters.

Words, full stop and title case are read off the text by ``core.text_facts``.

Speed: a text's words (capped at the largest bound any rule uses, so that counts above it
share cache entries), its full stop and its words as a reader counts them (what the report
shows, ``KindMemo.word_counts``) are found once per distinct text, the counts in a pass
over its bytes where its characters allow (``words.plain_counts``); per rule set, the
cheap facts (words, full stop, link run, position, previous kind) select the candidate rules
once and the selection is cached; long prose paragraphs have few candidates or none. Results
are cached by text and facts (pages repeat captions and teasers), within one call or, through
a ``KindMemo``, across the versions of one comparison (they share most paragraphs). Where
a paragraph has ``SET_MIN`` or more candidate rules with patterns, one pass of an RE2 set of all
the rules' patterns (``core.pattern_set.PatternSet``) says which may occur, and only those
are searched one by one (about 20 searches a paragraph of a raw page before; classifying 300
real pages took 1.9 times as long without it). A long version's new texts are searched
together, 16 at a time (``Plan.block_hits``). Each candidate list knows what it gives when
the set finds none of the patterns that decide it (``Choice.quiet``: most prose), so such a
paragraph skips the rule loop.
Per rule set, the candidate lists and the pattern set live in ``core.kind_plan``.
Imports: the standard library and ``core`` (kind_plan, model, page_shapes, patterns, rules,
structure, teaser_runs, text_facts) only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, filterfalse, pairwise, repeat
from operator import eq, itemgetter, le

from diffviewer.core.kind_plan import (
    DEFAULT_RESULT,
    SET_AFTER,
    Choice,
    Facts,
    Plan,
    plan_for,
)
from diffviewer.core.model import Kind
from diffviewer.core.page_shapes import TITLE_WORDS
from diffviewer.core.patterns import texts_plain_level
from diffviewer.core.rules import (
    DEFAULT_DESCRIPTION,
    DEFAULT_RULE,
    PATTERN_WINDOW,
    Rule,
    RuleSet,
    load_rules,
)
from diffviewer.core.structure import page_structure
from diffviewer.core.teaser_runs import CHAIN_LABEL_WORDS
from diffviewer.core.text_facts import (
    CLOSERS,
    SENTENCE_END,
    is_title_case,
    learn_key_facts,
    text_facts,
)

__all__ = [
    "KindMemo",
    "Rule",
    "RuleSet",
    "classify",
    "describe_rule",
    "evidence_of",
    "load_rules",
]

_LINK_MAX_WORDS = 4
_LINK_RUN = 3
# A label and its value ("Level: 83"; not a web address's "https:"), or an address (an
# e-mail, a social-network handle): a line of a table or a list of people, not a link text.
_DATA_ROW = re.compile(r"(?:^|\s)[^\W\d]+: ?[^\s/]|\S@\w|(?:^|\s)@\w")
# An amount at a line's start, a number or a fraction before a word ("350 g Zucker",
# "2 cups flour", "½ TL Salz"): an ingredient's or a part's line.
_AMOUNT = re.compile(r"(\d+(?:[.,/]\d+)?|[½¼¾⅓⅔])\s?[^\W\d_]")
# A social-network handle alone on its line.
_HANDLE = re.compile(r"@\w{2,}$")
# A word that is a number ("197", "11-12", "3,5"; not "2021Text", "w00a2" or the day "6."): a
# table's cell.
_NUMBER = re.compile(r"(?:^|\s)[\d.,:/–-]*\d(?:[\d.,:/–-]*\d)?(?=\s|$)")
_ABBREVIATION_END = re.compile(r"(?:^|\W)(?:[A-Z]\.){2,}$")
_ASKING = frozenset("!?！？؟‼⁇")
_COLONS = (":", "：")
_DIGIT = re.compile(r"\d")
_RANK = re.compile(r"#?\d{1,2}\.?$")


class KindMemo:
    """Results shared by the ``classify`` calls of one comparison (versions share most text).

    Holds, per paragraph text, its cheap facts, and per (text, facts), the result. Valid for
    one rule set only: make one per comparison.
    """

    __slots__ = ("facts", "hits", "keys", "level", "results")

    def __init__(self, *, keys: bool = False) -> None:
        self.keys = keys
        """Whether the texts are paragraph keys (``paragraphs.normalise``): counted faster."""
        self.facts: dict[str, tuple[int, str, int]] = {}
        """Per text: words (capped), its last character left of closing quotes and brackets
        (``CLOSERS``; "" if none: a full stop or not), and words as a reader counts them."""
        self.results: dict[tuple[str, int, bool, bool, int, int], tuple[Kind, str]] = {}
        """Per text and its facts (``Facts``, flattened), the result."""
        self.hits: dict[str, list[int]] = {}
        """Per text, patterns that may occur in it (``Plan.block_hits``)."""
        self.level = 2
        """The lowest plain level of the texts classified with this memo (``core.plain_forms``,
        ``patterns.texts_plain_level``): every pattern is searched in its plain forms of that
        level. Chosen per comparison, not per text: a page in Chinese with a few paragraphs
        in ASCII would compile two forms of many patterns (the xinhuanet page of tests/data:
        97 → 129 ms of compiles)."""

    def word_counts(self, texts: Sequence[str]) -> list[int]:
        """``words.count_words`` of each of ``texts``, classified with this memo (counted
        with the rules' facts, once per distinct text)."""
        return list(map(itemgetter(2), map(self.facts.__getitem__, texts)))


def classify(
    texts: Sequence[str], rules: RuleSet, memo: KindMemo | None = None
) -> list[tuple[Kind, str]]:
    """(kind, rule name) for each paragraph key of one version, in order.

    ``memo`` carries work over from other versions classified with the same ``rules``.
    """
    plan = plan_for(rules)
    memo = memo or KindMemo()
    count = len(texts)
    cap = plan.word_cap
    known = memo.facts
    keys = memo.keys
    fresh = dict.fromkeys(texts)
    if known:
        fresh = dict.fromkeys(filterfalse(known.__contains__, fresh))
    if keys:
        learn_key_facts(list(fresh), cap, known)
    else:
        known.update((text, text_facts(text, cap)) for text in fresh)
    facts = list(map(known.__getitem__, texts))
    words: list[int] = list(map(itemgetter(0), facts))
    lasts: list[str] = list(map(itemgetter(1), facts))
    stops: list[bool] = list(map(SENTENCE_END.__contains__, lasts))
    del facts
    in_run = _link_runs(texts, words, stops)
    if count >= SET_AFTER:
        plan.want_set()
    if memo.level and fresh:
        memo.level = min(memo.level, texts_plain_level(fresh))
    level = memo.level
    hits = memo.hits
    hits.update(plan.block_hits(list(fresh), known, level))
    out: list[tuple[Kind, str]] = []
    append = out.append
    results = memo.results
    uses_follows = plan.uses_follows
    # Position rules look at most ``edge`` paragraphs from either end: between, none holds.
    masks = [0] * count
    for index in {*range(min(plan.edge, count)), *range(max(count - plan.edge, 0), count)}:
        masks[index] = plan.position_mask(index, count)
    after = plan.after
    previous = after.get(None, 0)  # Which follows conditions the previous paragraph meets.
    for text, w, stop, run, mask in zip(texts, words, stops, in_run, masks, strict=True):
        key = (text, w, stop, run, mask, previous)  # The text and its facts (Facts).
        result = results.get(key)
        if result is None:
            result = results[key] = _first_match(
                text, plan.candidates(key[1:]), plan, hits.get(text), level
            )
        append(result)
        if uses_follows:
            previous = after.get(result[1], 0)
    if plan.structural and count:
        _apply_structure(texts, words, stops, lasts, in_run, out, plan, level)
    return out


def _apply_structure(
    texts: Sequence[str],
    words: Sequence[int],
    stops: Sequence[bool],
    lasts: Sequence[str],
    in_run: Sequence[bool],
    out: list[tuple[Kind, str]],
    plan: Plan,
    level: int = 0,
) -> None:
    """Second pass: a structural rule replaces the first pass's result where it comes first.

    Rules are tried in file order; a structural rule (``structure = …``) holds for a
    paragraph whose place (``core.structure``) it names, so it wins over every rule after it
    in the file, and loses to every rule before it.
    """
    marked = list(map(plan.markers.__contains__, map(itemgetter(1), out)))
    # A list's run of short lines may go on into a menu or share buttons after it: the lines
    # a marker rule named are no rows, and split the runs that are judged apart (a part
    # shorter than a run is none: "Post Views: 1.432" over the share buttons); but for a
    # handle alone on its line ("@annaberg"), which a list of people holds too.
    handles = [m and _HANDLE.match(text) is not None for text, m in zip(texts, marked, strict=True)]
    rows = _rows_of_data(
        texts, [r and (not m or h) for r, m, h in zip(in_run, marked, handles, strict=True)]
    )
    if True in handles:  # Handles in such a list are no evidence of a page's furniture.
        marked = [m and not (h and r) for m, h, r in zip(marked, handles, rows, strict=True)]
    figures = [
        not stop and 2 <= w <= TITLE_WORDS[1] and len(_NUMBER.findall(text, 0, PATTERN_WINDOW)) >= 2
        for text, w, stop in zip(texts, words, stops, strict=True)
    ]
    # Which end with a question or exclamation mark (a headline may: "Will fares rise again?").
    asks = list(map(_ASKING.__contains__, lasts))
    # Which may be a teaser's title or label in a chain: no colon at the end ("Install it with
    # pip:" introduces what follows) and, if short, no digit (a table's value: "1-100"); a
    # longer paragraph is neither, whatever it holds (most are: only the short ones, picked
    # out in C by compress, are looked at).
    count = len(texts)
    plain = [True] * count
    for i in compress(range(count), map(le, words, repeat(TITLE_WORDS[1]))):
        text = texts[i]
        plain[i] = not text.rstrip(CLOSERS).endswith(_COLONS) and (
            words[i] > CHAIN_LABEL_WORDS or _DIGIT.search(text) is None
        )
    # Which are a rank alone ("1", "2."), as lists of the most read articles number them.
    ranks = [False] * count
    for i in compress(range(count), map(eq, words, repeat(1))):
        ranks[i] = _RANK.match(texts[i]) is not None
    kinds = list(map(itemgetter(0), out))
    authored = _by_the_author(texts, kinds) if Kind.BYLINE in kinds else None
    places = page_structure(
        words, stops, kinds, marked, rows, figures, asks, plain, ranks, authored, in_run
    )
    # A rule that holds in a link run only cannot hold in a version without one.
    structural = plan.structural if True in in_run else plan.structural_off_runs
    if structural.keys().isdisjoint(places):
        return  # No structural rule names a place found here (or none was found).
    for index, place in enumerate(places):
        if place is None:
            continue
        ranked = structural.get(place)
        if not ranked:
            continue
        decided = plan.order.get(out[index][1], len(plan.order))
        if ranked[0][0] >= decided:
            continue  # A rule before every structural rule for this place decided.
        previous = plan.after.get(out[index - 1][1] if index else None, 0)
        mask = plan.position_mask(index, count) if plan.structural_positions else 0
        facts: Facts = (words[index], stops[index], in_run[index], mask, previous)
        for order, rule in ranked:
            if order >= decided:
                break
            if plan.admits(rule, facts):
                if rule.name in plan.shape_only:  # Nothing in the text to test.
                    out[index] = (rule.kind, rule.name)
                    break
                result = _first_match(texts[index], plan.alone[rule.name], level=level)
                if result[1] == rule.name:
                    out[index] = result
                    break


def describe_rule(rules: RuleSet, name: str) -> str:
    """The description of rule ``name`` (for "why is this a caption?"), or "" if unknown."""
    if name == DEFAULT_RULE:
        return DEFAULT_DESCRIPTION
    rule = rules.by_name.get(name)
    return rule.description if rule is not None else ""


def evidence_of(rules: RuleSet, name: str) -> str:
    """What rule ``name`` went by: ``"wording"`` (a pattern found words such as "Share" or
    "© 2022"), ``"place"`` (where the paragraph stands on the page: a structural rule),
    ``"shape"`` (length, full stop, position, neighbours only) or ``"none"`` (no rule: body).
    A name the rules do not hold (a rule file since changed) counts as shape: the weakest."""
    if name == DEFAULT_RULE:
        return "none"
    rule = rules.by_name.get(name)
    if rule is None:
        return "shape"
    if rule.structure is not None:
        return "place"
    return "wording" if rule.pattern is not None else "shape"


def _link_runs(texts: Sequence[str], words: Sequence[int], stops: Sequence[bool]) -> list[bool]:
    """True for paragraphs inside a run of ≥ 3 consecutive short unpunctuated paragraphs.

    A final capital abbreviation (U.S., U.K.) is not a full stop here: menus hold such items.
    """
    link = [
        0 < w <= _LINK_MAX_WORDS and (not stop or _ABBREVIATION_END.search(text) is not None)
        for text, w, stop in zip(texts, words, stops, strict=True)
    ]
    out = [False] * len(link)
    for start, end in _spans(link):
        if end - start >= _LINK_RUN:
            out[start:end] = [True] * (end - start)
    return out


def _rows_of_data(texts: Sequence[str], in_run: Sequence[bool]) -> list[bool]:
    """True for the lines of link runs most of whose lines hold a label and its value
    ("Level: 83", "Course: Dessert"), an address ("@handle", "name@example.org") or an
    amount ("350 g Zucker", "2 cups flour"): a table's rows, a list of people, a recipe's
    ingredients, which only their place (in the article or not) tells from a menu's link
    texts. A person's name over a line that is their handle alone ("Anna Berg",
    "@annaberg") is one row on two lines. Amounts count only where they do not rise line by
    and fall unordered (``_measured``): numbered headings ("1 History", "2 Effects"), a
    ranking, a list of years or a picker's options ("12 months", "24 months") are numbered
    links."""
    out = [False] * len(texts)
    for start, end in _spans(in_run):
        if end - start < _LINK_RUN:
            continue
        rows = 0
        amounts: list[float] = []
        for i in range(start, end):
            if _DATA_ROW.search(texts[i]) is not None:
                rows += 1 + (i > start and _HANDLE.match(texts[i]) is not None)
            elif (amount := _AMOUNT.match(texts[i])) is not None:
                amounts.append(_amount(amount[1]))
        if _measured(amounts):
            rows += len(amounts)
        if rows * 2 > end - start:
            out[start:end] = [True] * (end - start)
    return out


def _measured(amounts: Sequence[float]) -> bool:
    """Whether a run's amounts, in order, both rise and fall, and mostly not by one: the
    quantities of a list of things (350, 500, 4, 450), not numbers that count or rank (1, 2,
    3; 2020, 2019, 2018; 12, 24, 36)."""
    steps = [b - a for a, b in pairwise(amounts)]
    return (
        any(step > 0 for step in steps)
        and any(step < 0 for step in steps)
        and steps.count(1) * 2 < len(steps)
    )


def _amount(text: str) -> float:
    """The value of an amount ``_AMOUNT`` found ("350", "1,5", "1/2", "½")."""
    if len(text) == 1 and not text.isdigit():
        return 0.5  # A vulgar fraction: below any whole amount, which is all that matters.
    if "/" in text:
        top, _, bottom = text.partition("/")
        return int(top) / (int(bottom) or 1)
    return float(text.replace(",", "."))


#: A byline names its author in at most this many words ("By Jane Roe, Reporter").
_BYLINE_WORDS = 8


def _by_the_author(texts: Sequence[str], kinds: Sequence[Kind]) -> list[bool]:
    """True for the paragraphs, no bylines, that open with two capitalised words a byline of
    the version holds in a row: the author's name ("Jane Roe has covered transport since
    2015." under "By Jane Roe"), as author boxes repeat it."""
    names: set[tuple[str, str]] = set()
    for text, kind in zip(texts, kinds, strict=True):
        if kind is Kind.BYLINE:
            words = [word.strip(_NAME_EDGES) for word in text.split(None, _BYLINE_WORDS)]
            if len(words) <= _BYLINE_WORDS:
                names.update(
                    (first, second)
                    for first, second in pairwise(words)
                    if _is_name_word(first) and _is_name_word(second)
                )
    out = [False] * len(texts)
    if not names:
        return out
    for index, (text, kind) in enumerate(zip(texts, kinds, strict=True)):
        opening = [word.strip(_NAME_EDGES) for word in text.split(None, 2)[:2]]
        out[index] = kind is not Kind.BYLINE and tuple(opening) in names
    return out


# Punctuation around a name's word in a byline or a sentence ("Roe," "Roe:").
_NAME_EDGES = ".,:;|()"


def _is_name_word(word: str) -> bool:
    """A word of a person's name: a capital, then letters (perhaps a hyphen)."""
    return word[:1].isupper() and word.replace("-", "").isalpha()


def _spans(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of True in ``flags``, end excluded (found with
    ``index``, whose search runs in C: most flags are False)."""
    spans: list[tuple[int, int]] = []
    count = len(flags)
    start = 0
    while True:
        try:
            start = flags.index(True, start)
        except ValueError:
            return spans
        try:
            end = flags.index(False, start)
        except ValueError:
            end = count
        spans.append((start, end))
        start = end


def _first_match(
    text: str,
    choice: Choice,
    plan: Plan | None = None,
    hits: list[int] | None = None,
    level: int = 0,
) -> tuple[Kind, str]:
    """The first of ``choice``'s rules whose text conditions hold. ``hits``: patterns that may
    occur in ``text`` (``Plan.block_hits``), or else, with ``plan``, one pass of all the rules'
    patterns (``Plan.hits``) first says which: the others are not searched one by one.
    ``level``: the plain level of ``text`` or one below (see ``KindMemo.level``)."""
    if choice.settled is not None:
        return choice.settled
    window = None
    if hits is None and plan is not None and choice.use_set:
        window = text[:PATTERN_WINDOW].encode("utf-8", "surrogatepass")
        hits = plan.hits(window, level)
    if hits is not None and choice.quiet is not None and choice.triggers.isdisjoint(hits):
        return choice.quiet  # The set found none of the patterns that could decide.
    if window is None:
        window = text[:PATTERN_WINDOW].encode("utf-8", "surrogatepass")
    checks = choice.checks
    if hits is not None:  # Only the rules whose pattern may occur, or that have none.
        checks = choice.picks(hits)
    title: bool | None = None
    for rule, pattern_slot, not_pattern_slot in checks:
        if rule.title_case is not None:
            if title is None:
                title = is_title_case(text)
            if title is not rule.title_case:
                continue
        if rule.pattern is not None:
            if hits is not None and pattern_slot not in hits:
                continue
            if not rule.pattern.search_utf8(window, level):
                continue
        if (
            rule.not_pattern is not None
            and (hits is None or not_pattern_slot in hits)
            and rule.not_pattern.search_utf8(window, level)
        ):
            continue
        return rule.kind, rule.name
    return DEFAULT_RESULT
