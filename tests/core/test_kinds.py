"""Tests of paragraph classification: the seed pair, the labelled pages, the facts, speed."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import kind_plan
from diffviewer.core.kinds import RuleSet, classify, load_rules
from diffviewer.core.model import Kind
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.text_facts import is_title_case

REPO = Path(__file__).resolve().parents[2]
LABELLED = REPO / "tests" / "data" / "kinds"
SEEDS = REPO / "resources" / "examples"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def keys_of(path: Path) -> list[str]:
    return [normalise(p.text) for p in split_paragraphs(path.read_text(encoding="utf-8"))]


def kinds_by_start(path: Path, rules: RuleSet) -> list[tuple[str, Kind]]:
    keys = keys_of(path)
    return [(key, kind) for key, (kind, _) in zip(keys, classify(keys, rules), strict=True)]


def kind_of(pairs: list[tuple[str, Kind]], start: str) -> list[Kind]:
    found = [kind for key, kind in pairs if key.startswith(start)]
    assert found, f"no paragraph starts with {start!r}"
    return found


def test_seed_raw_page_kinds(rules: RuleSet) -> None:
    """The raw seed page: headline, truncated caption, credits, prompts found; prose stays body."""
    pairs = kinds_by_start(SEEDS / "article-v1.txt", rules)
    assert kind_of(pairs, "China Demand U.S. Yield") == [Kind.HEADLINE]
    assert kind_of(pairs, "US Secretary of State Antony Blinken delivers")[0] in (
        Kind.CAPTION,
        Kind.STANDFIRST,
    )
    assert kind_of(pairs, "Chinese Foreign Minister Wang Yi addresses") == [Kind.CAPTION]
    assert kind_of(pairs, "Chinese Foreign Minister Wang Yi. (John") == [Kind.CAPTION]
    assert kind_of(pairs, "U.S. Secretary of State Antony Blinken, left") == [Kind.CAPTION] * 2
    assert kind_of(pairs, "Please let us know if you're having issues") == [Kind.COMMENT_PROMPT]
    assert kind_of(pairs, "Follow Frances Martel on") == [Kind.SOCIAL_PROMPT]
    special = 8  # headline, caption ×5 (two AP duplicates), comment and social prompts
    assert Counter(kind for _, kind in pairs)[Kind.BODY] == len(pairs) - special
    # Quotes, short sentences and prose mentioning agencies are body.
    for start in ("“Russia’s reasonable", "The State Department readout", "I want to stress"):
        assert kind_of(pairs, start) == [Kind.BODY]


def test_seed_cleaned_page_kinds(rules: RuleSet) -> None:
    """The cleaned seed: its first paragraph is a lede (full stop), not a headline."""
    pairs = kinds_by_start(SEEDS / "article-v2.txt", rules)
    assert pairs[0][1] is Kind.BODY
    assert kind_of(pairs, "Chinese Foreign Minister Wang Yi. (John") == [Kind.CAPTION]
    assert kind_of(pairs, "Follow Frances Martel on") == [Kind.SOCIAL_PROMPT]
    assert Counter(kind for _, kind in pairs)[Kind.BODY] == len(pairs) - 3


def load_labelled() -> list[tuple[str, list[str], list[Kind]]]:
    """(page name, paragraph keys, labels) for every page of tests/data/kinds (see its README)."""
    pages = []
    for labels_path in sorted(LABELLED.glob("*.labels")):
        lines = labels_path.read_text(encoding="utf-8").splitlines()
        labels = [Kind(line.strip()) for line in lines if line.strip() and not line.startswith("#")]
        keys = keys_of(labels_path.with_suffix(".txt"))
        assert len(keys) == len(labels), f"{labels_path.name}: {len(keys)} ≠ {len(labels)}"
        pages.append((labels_path.stem, keys, labels))
    return pages


def scores(
    pages: list[tuple[str, list[str], list[Kind]]], rules: RuleSet
) -> dict[Kind, tuple[float, float, int]]:
    """Per kind: precision, recall and support over all pages."""
    hits: Counter[Kind] = Counter()
    found: Counter[Kind] = Counter()
    wanted: Counter[Kind] = Counter()
    for _, keys, labels in pages:
        for (kind, _), label in zip(classify(keys, rules), labels, strict=True):
            found[kind] += 1
            wanted[label] += 1
            hits[kind] += kind is label
    return {
        kind: (
            hits[kind] / found[kind] if found[kind] else 1.0,
            hits[kind] / wanted[kind] if wanted[kind] else 1.0,
            wanted[kind],
        )
        for kind in Kind
        if found[kind] or wanted[kind]
    }


def test_labelled_pages_precision_and_recall(rules: RuleSet) -> None:
    """Per-kind precision/recall over the labelled pages stay above measured floors (pytest -s)."""
    pages = load_labelled()
    assert len(pages) >= 6
    table = scores(pages, rules)
    print(f"\n{'kind':<15}{'precision':>10}{'recall':>8}{'n':>5}")
    for kind, (precision, recall, support) in table.items():
        print(f"{kind.value:<15}{precision:>10.2f}{recall:>8.2f}{support:>5}")
    macro_p = sum(p for p, _, _ in table.values()) / len(table)
    macro_r = sum(r for _, r, _ in table.values()) / len(table)
    print(f"{'macro':<15}{macro_p:>10.2f}{macro_r:>8.2f}")
    assert len(table) == len(Kind)  # every kind occurs in the set
    body_precision, body_recall, _ = table[Kind.BODY]
    assert body_precision >= 0.95
    assert body_recall >= 0.97
    assert macro_p >= 0.95
    assert macro_r >= 0.9
    assert all(p >= 0.8 and r >= 0.7 for p, r, _ in table.values())


def test_prose_mentioning_boilerplate_words_is_body(rules: RuleSet) -> None:
    """Prose that mentions Twitter, AP, newsletters or following stays body."""
    texts = [
        "Council Approves Budget After Long Night",
        "He said the newsroom posts on Twitter and Facebook first, and AP picks up its stories.",
        "About 40,000 people subscribe to its newsletter, the editor said in an interview.",
        "The founder wrote that readers should “follow the news, not the crowd.”",
        "By Tuesday, the troops had withdrawn from the border.",
        "“No,” she said.",
        "Admission is free.",
    ]
    kinds = [kind for kind, _ in classify(texts, rules)]
    assert kinds == [Kind.HEADLINE] + [Kind.BODY] * (len(texts) - 1)


def test_position_facts_change_the_kind_of_the_same_text(rules: RuleSet) -> None:
    """The same short line is a headline first and body later: results are cached per position."""
    title = "Mayor unveils plan for the waterfront"
    prose = "The plan was presented at city hall on Monday evening to a packed room."
    result = classify([title, prose, title, prose], rules)
    assert result[0] == (Kind.HEADLINE, "headline.first")
    assert result[2] == (Kind.BODY, "default")
    assert result[1] == result[3] == (Kind.BODY, "default")


def test_link_runs_need_three_short_lines(rules: RuleSet) -> None:
    """On a page, three short unpunctuated lines in a row are a menu; two are not; U.S. counts
    as link-like. In a text of prose with no page furniture, they are the article's list."""
    prose = "The plan was presented at city hall on Monday evening to a packed room."
    page = ["Sign in", prose, "Local", "U.S.", "Climate desk", prose, "Share", "© 2022 The Ledger"]
    three = classify(page, rules)
    assert [k for k, _ in three[2:5]] == [Kind.NAVIGATION] * 3
    two = classify([prose, "Local", "Climate desk", prose], rules)
    assert [k for k, _ in two[1:3]] == [Kind.BODY] * 2
    article = classify([prose, "Local", "U.S.", "Climate desk", prose], rules)
    assert article[1:4] == [(Kind.BODY, "body.list_off_page")] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China Demand U.S. Yield to ‘Russia’s Reasonable Concerns’ on Ukraine", True),
        ("Why I Stopped Using Standing Desks (and What I Do Instead)", True),
        ("SENATE PASSES STOPGAP BILL", True),
        ("Ukraine crisis: Johnson to warn Putin of tough sanctions", False),
        ("The Senate voted on Wednesday to pass a short-term spending bill.", False),
        ("Die Bundesregierung hat am Mittwoch neue Sanktionen beschlossen", False),
        ("Politics", False),
    ],
)
def test_title_case(text: str, expected: bool) -> None:
    """Title case means most non-small words capitalised, with at least two counted."""
    assert is_title_case(text) is expected


def test_empty_input_and_empty_paragraphs(rules: RuleSet) -> None:
    """No paragraphs, no results; an empty key is body."""
    assert classify([], rules) == []
    assert classify(["", "x"], rules)[0][0] is Kind.BODY


def make_article(count: int) -> list[str]:
    """``count`` distinct paragraphs: mostly prose of varied length, some page furniture."""
    furniture = [
        "Advertisement",
        "Share this article",
        "Read more: Budget vote explained",
        "By Jane Doe",
        "Updated 26 January 2022",
        "The mayor speaks in the town hall. (Photo by Jane Roe/Getty Images)",
    ]
    out = []
    for n in range(count):
        if n % 10 == 9:
            out.append(f"{furniture[n % len(furniture)]} {n}")
        else:
            words = " ".join(f"word{(n * 7 + k) % 97}" for k in range(20 + n % 60))
            out.append(f"“Paragraph {n},” the council said, {words}.")
    return out


def test_five_thousand_paragraphs_classify_fast(rules: RuleSet) -> None:
    """5,000 distinct paragraphs classify in budget (target < 0.1 s; the bound allows busy CI)."""
    texts = make_article(5000)
    classify(texts[:50], rules)  # the rule plan is built once per rule set
    best = min(_timed(texts, rules) for _ in range(3))
    print(f"\nclassify 5,000 paragraphs: {best * 1000:.1f} ms")
    assert best < 0.3


def _timed(texts: list[str], rules: RuleSet) -> float:
    start = time.perf_counter()
    classify(texts, rules)
    return time.perf_counter() - start


paragraph_text = st.lists(
    st.sampled_from([*"aAbB .,:!?()/-“”’@©09", "Follow ", "By ", "AP", "Advertisement", "\n"]),
    max_size=30,
).map(lambda parts: normalise("".join(parts)))


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraph_text, max_size=30))
def test_one_result_per_paragraph_and_deterministic(texts: list[str]) -> None:
    """Any input: one (kind, known rule) per paragraph, the same on a second call."""
    rules = load_rules()
    first = classify(texts, rules)
    assert len(first) == len(texts)
    assert all(rule == "default" or rule in rules.by_name for _, rule in first)
    assert classify(texts, rules) == first


def test_word_limits_mean_the_same_in_spaceless_scripts(rules: RuleSet) -> None:
    """A Thai or Chinese headline of a dozen words' worth of text is a headline (counting a
    word per character made it a 60-word paragraph), and a long paragraph in those scripts
    stays body; a short Chinese line with a few spaces counts its characters too."""
    thai_title = "นายกรัฐมนตรีประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วม"
    thai_prose = thai_title * 6 + " " + thai_title * 6
    assert classify([thai_title, thai_prose], rules) == [
        (Kind.HEADLINE, "headline.first"),
        (Kind.BODY, "default"),
    ]
    chinese_title = "国务院发布新措施支持受洪水影响的农民恢复生产"
    assert classify([chinese_title], rules)[0] == (Kind.HEADLINE, "headline.first")
    prose = "The plan was presented at city hall on Monday evening to a packed room."
    signed = "正是有了英勇的你们，才有这座英雄的城市 （评论员 罗博 萧海川）"
    # Twenty-some characters and three spaces: more than a menu item's four words.
    page = ["Sign in", prose, signed, "新闻", "体育", prose, "© 2022 Example"]
    assert classify(page, rules)[2][1] != "navigation.link_run"


def test_spaced_phrases_of_a_spaceless_script_count_their_characters() -> None:
    """A Japanese headline spaces its phrases: three tokens, some eight words' worth of
    text, as the same line without its spaces."""
    from diffviewer.core.text_facts import count_rule_words

    spaced = "槇原容疑者 違約金は10億超か 写真"
    assert count_rule_words(spaced, 40) == count_rule_words(spaced.replace(" ", ""), 40) == 8
    assert count_rule_words("Der Film läuft ab heute im Kino", 40) == 7


_PROSE = (
    "The council voted on Tuesday to approve the budget after a long debate.",
    "Officials said the plan would take effect next year, pending a final review.",
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A singular "commentary" alone labels an opinion piece in Polish, Czech, Russian,
        # Ukrainian and Turkish news: article text, not the comment section.
        ("Komentarz", Kind.BODY),
        ("Komentář", Kind.BODY),
        ("Комментарий", Kind.BODY),
        ("Коментар", Kind.BODY),
        ("Yorum", Kind.BODY),
        # With a count, or in the plural, it is the comment section's heading.
        ("1 komentarz", Kind.COMMENT_PROMPT),
        ("Komentarze (12)", Kind.COMMENT_PROMPT),
        ("2 komentáře", Kind.COMMENT_PROMPT),
        ("5 комментариев", Kind.COMMENT_PROMPT),
        ("12 yorum", Kind.COMMENT_PROMPT),
        ("Yorumlar", Kind.COMMENT_PROMPT),
    ],
)
def test_commentary_labels_and_comment_headings(rules: RuleSet, text: str, kind: Kind) -> None:
    got = classify([*_PROSE, text, *_PROSE], rules)
    assert got[len(_PROSE)][0] is kind


def test_the_pattern_set_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """One pass of the RE2 set of all patterns, then only the patterns it names: the same
    kinds as searching every candidate's pattern one by one, on every text in tests/data."""
    data = Path(__file__).resolve().parents[1] / "data"
    versions = [
        [normalise(p.text) for p in split_paragraphs(path.read_text(encoding="utf-8"))]
        for path in sorted(data.rglob("*.txt"))
    ]
    assert sum(map(len, versions)) > 1000
    rules = load_rules()
    with_set = [classify(version, rules) for version in versions]
    kind_plan.plan_for.cache_clear()
    monkeypatch.setattr(kind_plan.Plan, "hits", lambda self, window, level=0: None)
    without = [classify(version, rules) for version in versions]
    kind_plan.plan_for.cache_clear()
    assert with_set == without


def test_skipping_link_run_rules_off_runs_changes_no_result() -> None:
    """The structural pass leaves out the rules that hold only in a link run where a version
    has none: the same kinds as trying them, on every text in tests/data."""
    data = Path(__file__).resolve().parents[1] / "data"
    versions = [keys_of(path) for path in sorted(data.rglob("*.txt"))]
    rules = load_rules()
    kind_plan.plan_for.cache_clear()
    plan = kind_plan.plan_for(rules)
    assert plan.structural_off_runs != plan.structural  # The bundled rules have such rules.
    fast = [classify(version, rules) for version in versions]
    plan.structural_off_runs = plan.structural
    slow = [classify(version, rules) for version in versions]
    kind_plan.plan_for.cache_clear()
    assert fast == slow


def test_a_long_version_builds_the_pattern_set_at_once() -> None:
    """A version of ``SET_AFTER`` paragraphs has the set built for its first search (its
    paragraphs do not compile the patterns one by one first); a short one does not."""
    prose = "The minister said on Tuesday that the budget would be approved next week."
    rules = load_rules()
    for count, built in ((kind_plan.SET_AFTER - 1, False), (kind_plan.SET_AFTER, True)):
        kind_plan.plan_for.cache_clear()
        classify([prose] * count, rules)  # One distinct text: one search.
        assert (kind_plan.plan_for(rules)._set is not None) is built
    kind_plan.plan_for.cache_clear()


def test_a_pattern_set_says_when_its_search_failed() -> None:
    """A set's result always holds its sentinel (matches every text) when the search ran."""
    from diffviewer.core.pattern_set import PatternSet
    from diffviewer.core.patterns import compile_pattern

    found = PatternSet([compile_pattern("share", "i"), compile_pattern(r"^\d+ comments$")])
    assert set(found.candidates(b"Share this") or ()) == {0, 2}
    assert set(found.candidates(b"12 comments") or ()) == {1, 2}
    assert set(found.candidates(b"") or ()) == {2}
