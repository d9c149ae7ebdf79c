"""Tests of the page-structure pass: places on small pages, and invariants on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.kinds import RuleSet, classify, describe_rule, load_rules
from diffviewer.core.model import Kind
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.structure import FACTS, page_structure

CASES = Path(__file__).resolve().parents[1] / "data" / "structure"
STRUCTURAL = frozenset(rule.name for rule in load_rules().rules if rule.structure is not None)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _keys(path: Path) -> list[str]:
    return [normalise(p.text) for p in split_paragraphs(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.places")))
def test_small_pages_get_their_places(case: str, rules: RuleSet) -> None:
    """Each paragraph of each small page is decided by the rule its .places file names
    (``-``: by no structural rule, whose rules have a ``structure`` condition)."""
    keys = _keys(CASES / f"{case}.txt")
    lines = (CASES / f"{case}.places").read_text(encoding="utf-8").splitlines()
    wanted = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(wanted) == len(keys)
    got = [rule for _, rule in classify(keys, rules)]
    for key, rule, want in zip(keys, got, wanted, strict=True):
        if want == "-":
            assert rule not in STRUCTURAL, key
        else:
            assert rule == want, key


def test_structural_rules_are_data_with_descriptions(rules: RuleSet) -> None:
    """Every place has a rule in the bundled file, and every structural rule says why."""
    structural = [rule for rule in rules.rules if rule.structure is not None]
    assert {rule.structure for rule in structural} == set(FACTS)
    for rule in structural:
        assert rule.kind.value == rule.name.split(".")[0]
        assert describe_rule(rules, rule.name)


def test_a_structural_rule_can_be_switched_off(tmp_path: Path) -> None:
    """A user file with ``enabled = false`` turns a structural rule off like any other."""
    user = tmp_path / "mine.toml"
    user.write_text('[[rule]]\nname = "teaser.run"\nenabled = false\n', encoding="utf-8")
    keys = _keys(CASES / "news_page.txt")
    rules = [rule for _, rule in classify(keys, load_rules([user]))]
    assert "teaser.run" not in rules
    assert "headline.above_article" in rules


def test_seed_pair_versions_get_no_structural_rule(rules: RuleSet) -> None:
    """The seed pair (a raw page with few menus, and its cleaned text) is left to the
    per-paragraph rules: neither has a page's furniture around its article."""
    examples = Path(__file__).resolve().parents[2] / "resources" / "examples"
    for name in ("article-v1.txt", "article-v2.txt"):
        got = classify(_keys(examples / name), rules)
        assert not any(rule in STRUCTURAL for _, rule in got), name


_WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "on",
        "monday",
        "that",
        "a",
        "new",
        "plan",
        "would",
        "cut",
        "costs",
        "for",
        "families",
        "and",
        "firms",
    ]
)
_sentence = st.lists(_WORDS, min_size=8, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)
_furniture = st.sampled_from(
    ["Home", "Sign in", "Share", "Advertisement", "Most read", "Menu", "Search", "12 comments"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=40))
def test_a_version_of_prose_sentences_is_all_body(texts: list[str]) -> None:
    """Only prose sentences (a cleaned article): every paragraph is body."""
    assert all(kind is Kind.BODY for kind, _ in classify(texts, load_rules()))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_sentence, _furniture, st.lists(_WORDS, max_size=6).map(" ".join))))
def test_one_label_per_paragraph_and_deterministic(texts: list[str]) -> None:
    """Any mix of prose, furniture and short lines: one (kind, known rule) per paragraph, the
    same on a second call and when a memo of another version is shared."""
    rules = load_rules()
    first = classify(texts, rules)
    assert len(first) == len(texts)
    assert all(rule == "default" or rule in rules.by_name for _, rule in first)
    assert classify(texts, rules) == first


def test_off_a_page_menus_at_the_edges_stay_menus(rules: RuleSet) -> None:
    """A text with too few marker lines to be a page but mostly prose: short-line runs
    between its prose are its lists (body), a run after its last prose paragraph (before a
    copyright line, which is no prose of the article) is still a menu."""
    prose = [
        "The council voted on Tuesday to approve the budget after a long debate.",
        "Officials said the plan would take effect next year, pending a final review.",
        "Critics argued that the cuts would hurt the poorest residents the most.",
    ]
    menu = ["Politics", "Business", "Culture"]
    texts = [
        *prose[:2],
        *menu,
        prose[2],
        *menu,
        "Copyright (c) 2022 Jane Doe. All rights reserved.",
    ]
    got = [rule for _, rule in classify(texts, rules)]
    assert got[2:5] == ["body.list_off_page"] * 3
    assert got[6:9] == ["navigation.link_run"] * 3


_SETTINGS = ["Half length", "4 minutes", "6 minutes", "8 minutes", "Difficulty", "Beginner"]
_DATA_PAGE = [
    "Game settings explained",
    "You can change every setting of the game from its options screen, as listed below.",
    *_SETTINGS,
    "Choose how long each half lasts and how strong your opponent plays before you start.",
    *_SETTINGS,
    "The camera settings decide from where you watch the match, from the stands or the pitch.",
]


def test_off_a_page_a_text_that_opens_with_prose_keeps_its_tables(rules: RuleSet) -> None:
    """A text with no marker lines that opens with its prose (a cleaned data page: a title,
    a paragraph, then tables of settings) is an article although it is mostly short lines:
    its runs of short lines are its lists, body."""
    got = classify(_DATA_PAGE, rules)
    assert [kind for kind, _ in got] == [Kind.HEADLINE] + [Kind.BODY] * (len(got) - 1)


def test_off_a_page_short_lines_before_the_first_prose_make_a_page(rules: RuleSet) -> None:
    """The same text under a menu (short lines before its first prose paragraph) is a page
    without markers: its runs of short lines stay menus."""
    menu = ["Politics", "Games", "Forum", "Shop"]
    got = [rule for _, rule in classify([*menu, *_DATA_PAGE[1:]], rules)]
    assert got[5 : 5 + len(_SETTINGS)] == ["navigation.link_run"] * len(_SETTINGS)


def test_off_a_page_a_list_of_stories_is_no_article(rules: RuleSet) -> None:
    """A text without marker lines that opens with a teaser whose headline reads as prose
    (a question) but holds a byline under each story is a list of stories: its runs of
    short lines get no place and stay menus."""
    stories = []
    for title, author in (
        ("Will the council ever fix the roads in the old town?", "Jane Roe"),
        ("Is the night bus to the harbour worth its cost this year?", "John Doe"),
        ("Who will run the city library when the director retires?", "Ann Lee"),
    ):
        stories += [title, f"By {author}"]
    menu = ["Politics", "Games", "Forum", "Shop", "Travel", "Jobs"]
    tail = "The council will meet again next week to discuss the budget and the roads."
    got = [rule for _, rule in classify(["Politics", *stories, *menu, tail], rules)]
    assert got[7:13] == ["navigation.link_run"] * 6


# Page shapes, one letter a paragraph (see ``_SHAPES``), and the places the pass gives them
# (see ``_CODES``): each row is one behaviour of the pass.
_SHAPES = {
    "P": (20, True, Kind.BODY, False),  # prose
    "T": (6, False, Kind.BODY, False),  # a title-shaped line
    "L": (3, False, Kind.BODY, False),  # a short list item
    "N": (1, False, Kind.NAVIGATION, True),  # a menu item a rule's pattern found
    "W": (4, False, Kind.DATELINE, True),  # a weak marker: a date a pattern found
    "R": (2, False, Kind.PROMO, True),  # a "Related" heading
    "C": (2, False, Kind.COMMENT, True),  # a comment's own line ("Anna says:")
    "K": (6, False, Kind.COPYRIGHT, True),  # a copyright line
    "Q": (2, False, Kind.COMMENT_PROMPT, True),  # a comment prompt ("21 Comments")
    "H": (5, False, Kind.HEADLINE, False),  # a line a rule took for a headline ("8 min read")
}
_CODES = {
    None: ".",
    "before_article": "b",
    "headline": "h",
    "article_head": "a",
    "after_article": "f",
    "teaser_run": "t",
    "comment_thread": "c",
    "off_page": "o",
}


@pytest.mark.parametrize(
    ("page", "places"),
    [
        # A list inside the article with a date in it stays the article's: the prose after
        # it joins the article over a gap with one weak marker.
        ("NNNNNTPPPPTTTTTWTTTTTPPPPKNNNNN", "bbbbb....................ffffff"),
        # A "Related" heading ends the article: the titles after it are teasers.
        ("NNNNNTPPPPTTTTTRTTTTTPPPPKNNNNN", "bbbbb..........tttttt.fffffffff"),
        # Reader comments, longer than the article, are a thread after it, not the article.
        ("NNNNNTPPPPKNNNNNCPPPPPPPPCPPPPPPPPPPC", "bbbbb.....ffffffccccccccccccccccccccf"),
        # A lone comment line inside a long article (a quote: "Anna says:") does not cut it.
        ("NNNNNTPPPPCPPPPPPPPPPPPKNNNNN", "bbbbb..................ffffff"),
        # A lone comment line near the article's start ("Plantur says:" over a quoted text)
        # does not cut it, even with a thread further down: the thread starts at its prompt.
        ("NNNNNTPPPCPPPPPPPPPPNNNNNQWPCWPCWPC", "bbbbb...............fffffcccccccccf"),
        # A comment prompt over readers' names (short lines no rule knows), each over its
        # comment, starts the thread, though the comments outscore the article.
        ("NNNNNTPPPPPPPPQLPLPLPLPLPLPLPKNNNNN", "bbbbb.........cccccccccccccccffffff"),
        # Not when the text before the prompt is short beside the posts after it (a Q&A
        # page's question over its answers, each with an "Add a comment" prompt).
        ("NNNNNTPPQLPLPLPPPPPPPPPPPPKNNNNN", "bbbbb.....................ffffff"),
        # A comment line with another one soon after it starts the thread at once.
        ("NNNNNTPPPPPPPPPPCPCPCPCKNNNNN", "bbbbb...........ccccccfffffff"),
        # The article's head is title-shaped too (headline, authors, a date, "8 min read"):
        # with fewer than three titles above the headline, that is no teaser run.
        ("NNNNNTTWHPPPPPPPPKNNNNN", "bbbbbbbbh........ffffff"),
        # A teaser run above the head with three titles of its own stays one.
        ("NNNNNTTTTWHPPPPPPPPKNNNNN", "bbbbbttttth........ffffff"),
        # A teaser run after furniture past the article.
        ("NNNNNTPPPPKNNNNNTTTTTPPNNNN", "bbbbb.....fffffftttttffffff"),
        # Past a copyright line after the article, short lines far from other furniture are
        # furniture too (a footer's lines); past a menu item, only those near it.
        ("NNNNNTPPPPPPPPKLLLLLLLLL", "bbbbb.........ffffffffff"),
        ("NNNNNTPPPPPPPPNLLLLLLLLL", "bbbbb.........ffff......"),
        # Titles under a "Related" heading past the article are teasers; shorter lines
        # after them, far from furniture and with no end marker (a copyright line) above
        # them, get no place.
        ("NNNNNTPPPPNNNNNNRTTTTLLL", "bbbbb.....ffffffftttt..."),
    ],
)
def test_page_shapes_get_their_places(page: str, places: str) -> None:
    words, stops, kinds, marked = zip(*(_SHAPES[c] for c in page), strict=True)
    got = page_structure(words, stops, kinds, marked)
    assert "".join(_CODES[p] for p in got) == places


def test_teasers_under_headings_whose_first_shows_its_summary_alone() -> None:
    """Under each "Most read" heading, the first teaser's title is a picture: its summary
    stands alone right under the heading, then titles over summaries. That summary is no
    article text between the heading and the teasers, nor after the chain before it: both
    chains are found, though the article's region reaches over them (they outscore a short
    article, their summaries being sentences)."""
    from diffviewer.core.teaser_runs import labelled_chains

    prose = [(25, True, Kind.BODY, False)] * 6  # the article: 150 words
    wall = [(2, False, Kind.PROMO, True)]  # "Most read"
    alone = [(30, False, Kind.BODY, False)]  # a summary without its title
    pair = [(12, False, Kind.BODY, False), (28, False, Kind.BODY, False)]
    shapes = prose + wall + alone + pair * 4 + wall + alone + pair * 3
    words, stops, kinds, marked = (list(x) for x in zip(*shapes, strict=True))
    is_prose = [w >= 30 or (s and w >= 8) for w, s in zip(words, stops, strict=True)]
    chains = labelled_chains(0, len(shapes) - 1, 10.0, words, stops, is_prose, kinds, marked)
    assert [(c.start, c.stop, labelled) for c, labelled in chains] == [
        (8, 16, False),
        (18, 24, False),
    ]


def test_a_long_teaser_run_is_teasers_only_under_a_heading() -> None:
    """More title-shaped lines in a row than pages show teasers (``TEASER_RUN_MAX``) are a
    list or a table, no place; under a "Trending" or "Most read" heading, as a news portal
    lists its topics, they are teasers however many."""
    from diffviewer.core.teaser_runs import TEASER_RUN_MAX

    titles = "T" * (TEASER_RUN_MAX + 10)
    for heading, expected in (("N", "."), ("R", "t")):
        page = "NNNNNTPPPPPPPPN" + heading + titles + "KNNNNN"
        words, stops, kinds, marked = zip(*(_SHAPES[c] for c in page), strict=True)
        got = page_structure(words, stops, kinds, marked)
        run = got[16 : 16 + len(titles)]
        assert {_CODES[p] for p in run} == {expected}, heading


_CLEANED_WITH_LIST_AND_TABLE = """\
The city council approved the new budget on Monday after a long debate about schools.

The plan sets out three priorities for the coming year, the mayor said in a statement.

Repair the roof of the central library

Hire twelve new teachers for primary schools

Extend the night bus service to the harbour

Plant two hundred trees along the river

Spending by department was set as follows, according to figures released by the council.

Schools 41 million

Transport 18 million

Parks and libraries 9 million

Administration 6 million

Opposition members said the plan did too little for housing and voted against it.
"""

_PAGE_WITH_RELATED = """\
Home

News

Sport

Sign in

Subscribe

Council approves the new budget

The city council approved the new budget on Monday after a long debate about schools.

The plan sets out three priorities for the coming year, the mayor said in a statement.

Opposition members said the plan did too little for housing and voted against it.

Share this article

Related stories

Mayor opens the new harbour bridge to traffic

Schools to get twelve new teachers next year

Night buses will run to the harbour from May

Two hundred trees planted along the river bank

© 2024 City News. All rights reserved.
"""


def test_a_cleaned_article_with_a_list_and_a_table_stays_body(rules: RuleSet) -> None:
    got = classify(
        [normalise(p.text) for p in split_paragraphs(_CLEANED_WITH_LIST_AND_TABLE)], rules
    )
    assert [kind for kind, _ in got] == [Kind.BODY] * len(got)


def test_titles_after_a_related_heading_are_teasers(rules: RuleSet) -> None:
    keys = [normalise(p.text) for p in split_paragraphs(_PAGE_WITH_RELATED)]
    got = dict(zip(keys, classify(keys, rules), strict=True))
    for title in (
        "Mayor opens the new harbour bridge to traffic",
        "Night buses will run to the harbour from May",
    ):
        assert got[title][0] is Kind.TEASER, got[title]
    assert got[keys[6]][0] is Kind.BODY  # The article's first paragraph.


_TEASER_RUN = next(rule for rule in load_rules().rules if rule.name == "teaser.run")


@pytest.mark.parametrize(
    ("line", "is_teaser_shaped"),
    [
        # Lines of a recipe's ingredient list: article text, never a teaser run.
        ("100 g Butter oder Margarine", False),
        ("1 1/2-2 tbsp kecap manis (sweet soya sauce)", False),
        ("120g kway teow (flat rice noodles)", False),
        ("2 EL Zucker und eine Prise Salz", False),
        ("½ cup grated parmesan cheese", False),
        # Teaser headlines (furniture) that a run still catches, digits and all.
        ("23 Super Silly Birthday Jokes for Kids", True),
        ("5 Gründe für den Umstieg aufs E-Bike", True),
        ("Mayor opens the new harbour bridge to traffic", True),
        ("100 Tage im Amt: die Bilanz der Bürgermeisterin", True),
    ],
)
def test_teaser_run_spares_ingredient_lines(line: str, is_teaser_shaped: bool) -> None:
    """teaser.run's not_pattern: a quantity with its unit first is an ingredient, not a
    teaser headline; a headline opening with a number is still one."""
    assert _TEASER_RUN.not_pattern is not None
    assert _TEASER_RUN.not_pattern.search(normalise(line)) is not is_teaser_shaped
