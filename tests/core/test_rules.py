"""Tests of the kind-rules format: bundled file, user overrides, broken files, runaway patterns."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from diffviewer.core.errors import RulesError
from diffviewer.core.kinds import classify, describe_rule, load_rules
from diffviewer.core.model import Kind
from diffviewer.core.rules import PATTERN_WINDOW
from tests.core.rule_examples import BODY, EXAMPLES, middle


def write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "texts", "index"), EXAMPLES)
def test_each_example_is_classified_by_its_rule(bundled, name, texts, index) -> None:  # type: ignore[no-untyped-def]
    """The example paragraph gets its rule's kind, from that very rule (so order is right too)."""
    kind, rule = classify(list(texts), bundled)[index]
    assert rule == name
    assert kind is bundled.by_name[name].kind


def test_every_bundled_rule_has_name_description_and_an_example(bundled) -> None:  # type: ignore[no-untyped-def]
    """No bundled rule goes untested; each is named after its kind and explains itself."""
    examples = {name for name, _, _ in EXAMPLES}
    for rule in bundled.rules:
        assert rule.name in examples, f"no example for {rule.name}"
        assert rule.name.split(".")[0] == rule.kind.value
        assert len(rule.description) > 15
        assert describe_rule(bundled, rule.name) == rule.description
    assert examples <= set(bundled.by_name)


def test_describe_rule_for_default_and_unknown(bundled) -> None:  # type: ignore[no-untyped-def]
    """The default rule has a description; an unknown name gives an empty string."""
    assert "No rule matched" in describe_rule(bundled, "default")
    assert describe_rule(bundled, "no.such.rule") == ""


def test_every_bundled_pattern_compiles(bundled) -> None:  # type: ignore[no-untyped-def]
    """Each bundled pattern, and its relaxed form, compiles and runs (RE2 parses the bundled
    rules on first use only, not when they are loaded)."""
    for rule in bundled.rules:
        for pattern in (rule.pattern, rule.not_pattern):
            if pattern is not None:
                pattern.search("A short paragraph of text.")  # raises PatternError if broken


def test_loading_the_bundled_rules_leaves_re2_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up does not pay for RE2's syntax check of the bundled patterns (known good)."""
    from diffviewer.core import patterns, rules

    def no_re2(translated: str, budget: int) -> None:
        raise AssertionError(f"compiled at load: {translated!r}")

    monkeypatch.setattr(patterns, "_compile", no_re2)
    _source, parsed, _disabled = rules._bundled.__wrapped__()
    assert any(rule.pattern is not None for rule in parsed)


def test_bundled_rules_are_parsed_once(bundled) -> None:  # type: ignore[no-untyped-def]
    """Loading again reuses the compiled bundled rules (the cache), and equal sets compare equal."""
    again = load_rules()
    assert again == bundled
    assert all(a is b for a, b in zip(again.rules, bundled.rules, strict=True))


def test_user_rule_comes_first_and_wins(tmp_path: Path) -> None:
    """A user rule is tried before bundled rules, so it can claim a paragraph."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "mysite.follow_is_body"
kind = "body"
description = "Our columnists end with a follow line that we keep."
pattern = '^Follow '
""",
    )
    rules = load_rules([path])
    assert rules.sources[0] == str(path)
    assert len(rules.sources) == 2
    texts, index = middle("Follow Frances Martel on Facebook and Twitter.")
    assert classify(list(texts), rules)[index] == (Kind.BODY, "mysite.follow_is_body")


def test_user_rule_with_a_bundled_name_replaces_it(tmp_path: Path) -> None:
    """Same name: the user's version is used, the bundled one dropped."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "promo.advertisement"
kind = "promo"
description = "Only our own ad marker."
pattern = '^-- ad --$'
""",
    )
    rules = load_rules([path])
    assert [r.name for r in rules.rules].count("promo.advertisement") == 1
    assert rules.by_name["promo.advertisement"].description == "Only our own ad marker."
    texts, index = middle("Advertisement")
    assert classify(list(texts), rules)[index][1] != "promo.advertisement"
    texts, index = middle("-- ad --")
    assert classify(list(texts), rules)[index] == (Kind.PROMO, "promo.advertisement")


def test_user_can_switch_a_bundled_rule_off(tmp_path: Path) -> None:
    """``enabled = false`` removes the bundled rule of that name."""
    path = write(tmp_path, '[[rule]]\nname = "promo.advertisement"\nenabled = false\n')
    rules = load_rules([path])
    assert "promo.advertisement" not in rules.by_name
    texts, index = middle("Advertisement")
    assert classify(list(texts), rules)[index][1] != "promo.advertisement"


def test_follows_may_name_the_rule_that_decided_the_previous_paragraph(tmp_path: Path) -> None:
    """``follows`` takes rule names as well as kinds: a rule can follow one promo rule (a
    "Related" heading) and not another (an advertisement marker), although both give promo."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "mysite.after_related"
kind = "teaser"
description = "The line after our Related heading."
follows = ["promo.related"]
max_words = 12
""",
    )
    rules = load_rules([path])
    after_related = classify([*BODY, "Related stories", "Harbour fares rise by a third"], rules)
    assert after_related[-1] == (Kind.TEASER, "mysite.after_related")
    after_ad = classify([*BODY, "Advertisement", "Harbour fares rise by a third"], rules)
    assert after_ad[-2][0] is Kind.PROMO
    assert after_ad[-1][1] != "mysite.after_related"


def test_a_file_of_comments_only_adds_nothing(tmp_path: Path) -> None:
    """An empty user file is valid: the bundled rules alone apply."""
    rules = load_rules([write(tmp_path, "# nothing yet\n")])
    assert rules.rules == load_rules().rules


VALID = 'name = "x.y"\nkind = "promo"\ndescription = "A test rule."\n'

BROKEN = [
    (
        "unknown kind",
        VALID.replace('"promo"', '"sidebar"') + "max_words = 3\n",
        "unknown kind 'sidebar'",
    ),
    (
        "bad regex",
        VALID + "pattern = '(unclosed'\n",
        "bad regular expression in 'pattern': missing )",
    ),
    ("unknown key", VALID + "patern = 'x'\n", "unknown key 'patern'; did you mean 'pattern'?"),
    ("wrong type int", VALID + "max_words = '3'\n", "'max_words' must be a whole number"),
    ("bool as int", VALID + "max_words = true\n", "'max_words' must be a whole number"),
    ("wrong type bool", VALID + "title_case = 1\n", "'title_case' must be true or false"),
    ("wrong type list", VALID + "follows = 'promo'\n", "'follows' must be a list of strings"),
    ("missing kind", 'name = "x.y"\ndescription = "d"\nmax_words = 3\n', "missing 'kind'"),
    ("missing name", 'kind = "promo"\ndescription = "d"\nmax_words = 3\n', "missing 'name'"),
    (
        "missing description",
        'name = "x.y"\nkind = "promo"\nmax_words = 3\n',
        "missing 'description'",
    ),
    ("bad name", VALID.replace('"x.y"', '"has space"') + "max_words = 3\n", "bad name 'has space'"),
    ("reserved name", VALID.replace('"x.y"', '"default"') + "max_words = 3\n", "reserved"),
    ("no condition", VALID, "no condition"),
    ("unknown flag", VALID + "pattern = 'x'\nflags = 'iq'\n", "unknown flag 'q'"),
    (
        "min above max",
        VALID + "min_words = 5\nmax_words = 2\n",
        "min_words (5) is above max_words (2)",
    ),
    ("negative", VALID + "max_words = -1\n", "'max_words' must not be negative"),
    ("unknown position", VALID + "position = 'middle'\n", "unknown position 'middle'"),
    ("n missing", VALID + "position = 'first_n'\n", "needs n"),
    ("n alone", VALID + "n = 3\nmax_words = 2\n", "'n' only goes with"),
    ("follows unknown", VALID + "follows = ['menu']\n", "unknown kind 'menu' in 'follows'"),
    ("follows bad name", VALID + "follows = ['promo..related']\n", "unknown kind 'promo..related'"),
    ("unknown structure", VALID + "structure = 'sidebar'\n", "unknown structure 'sidebar'"),
    ("disabled with more", 'name = "x.y"\nenabled = false\nkind = "promo"\n', "takes only 'name'"),
    ("lookahead", VALID + "pattern = 'a(?=b)'\n", "lookahead and lookbehind"),
    ("back reference", VALID + "pattern = '(a)\\1'\n", "back reference \\1 is not supported"),
]


@pytest.mark.parametrize(("case", "body", "message"), BROKEN, ids=[c for c, _, _ in BROKEN])
def test_broken_rule_is_refused_with_file_rule_and_problem(
    tmp_path: Path, case, body, message
) -> None:  # type: ignore[no-untyped-def]
    """Each problem gives a RulesError naming the file, the rule number and line, the problem."""
    good = '[[rule]]\nname = "a.first"\nkind = "promo"\ndescription = "Fine."\nmax_words = 1\n\n'
    path = write(tmp_path, good + "[[rule]]\n" + body)
    with pytest.raises(RulesError) as raised:
        load_rules([path])
    text = str(raised.value)
    assert text.startswith(f"{path}: rule 2")
    assert "(line 7)" in text
    assert message in text
    if "name" not in case:
        assert "'x.y'" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[rule]\nname = 1", "not valid TOML"),
        ("[rule]\nname = 'x.y'\n", "write each rule as [[rule]]"),
        ("title = 'mine'\n", "unknown top-level key 'title'"),
        (
            '[[rule]]\nname = "a.b"\nkind = "promo"\ndescription = "d"\nmax_words = 1\n'
            '[[rule]]\nname = "a.b"\nkind = "promo"\ndescription = "d"\nmax_words = 2\n',
            "rule 2 'a.b' (line 6): the name 'a.b' is used by an earlier rule",
        ),
    ],
)
def test_broken_file_structure_is_refused(tmp_path: Path, content: str, message: str) -> None:
    """TOML syntax errors, a single [rule] table, stray keys and duplicate names name the file."""
    path = write(tmp_path, content)
    with pytest.raises(RulesError, match="^" + str(path).replace("\\", "\\\\")) as raised:
        load_rules([path])
    assert message in str(raised.value)


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    """A missing file, a folder and a non-UTF-8 file each give a RulesError naming the path."""
    missing = tmp_path / "nope.toml"
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules([missing])
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules([tmp_path])
    latin = tmp_path / "latin.toml"
    latin.write_bytes("# r\xe8gles\n".encode("latin-1"))
    with pytest.raises(RulesError, match=r"not UTF-8 text \(bad byte at offset 3\)"):
        load_rules([latin])


def test_patterns_only_see_the_first_window_of_text(tmp_path: Path) -> None:
    """A user pattern cannot look past PATTERN_WINDOW characters of a paragraph."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "mysite.needle"
kind = "promo"
description = "Finds a needle."
pattern = 'needle'
""",
    )
    rules = load_rules([path])
    near = "x " * 100 + "needle"
    far = "x " * PATTERN_WINDOW + "needle"
    assert classify([near], rules)[0] == (Kind.PROMO, "mysite.needle")
    assert classify([far], rules)[0][1] != "mysite.needle"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_rules_from_a_device_are_refused_at_once(device: str) -> None:
    """A device is refused before it is read (it used to grow to GBs, or hang)."""
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    start = time.perf_counter()
    with pytest.raises(RulesError, match="not a regular file"):
        load_rules([device])
    assert time.perf_counter() - start < 1.0


def test_rules_from_a_fifo_are_refused_at_once(tmp_path: Path) -> None:
    """A FIFO with no writer is refused, not waited on."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "rules.fifo"
    os.mkfifo(fifo)
    with pytest.raises(RulesError, match="named pipe"):
        load_rules([fifo])


def test_rules_files_have_a_size_limit_and_no_binary(tmp_path: Path) -> None:
    """Above the limit, or holding NUL bytes: one clear line, nothing parsed."""
    from diffviewer.core.rules import RULES_MAX_BYTES

    big = write(tmp_path, "# " + "x" * RULES_MAX_BYTES + "\n")
    with pytest.raises(RulesError, match="larger than the 512 KiB a rules file may hold"):
        load_rules([big])
    nul = tmp_path / "nul.toml"
    nul.write_bytes(b"# rules\x00\n")
    with pytest.raises(RulesError, match="NUL bytes"):
        load_rules([nul])


def test_deeply_nested_toml_is_one_clear_line(tmp_path: Path) -> None:
    """100,000 nested arrays: a RulesError naming the file, no RecursionError."""
    path = write(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(RulesError) as raised:
        load_rules([path])
    assert str(raised.value) == f"{path}: not valid TOML: arrays or tables nested too deeply"


def test_a_rules_file_may_start_with_a_bom(tmp_path: Path) -> None:
    """Windows editors write a UTF-8 BOM: the file is read as if it had none."""
    path = tmp_path / "bom.toml"
    path.write_bytes(
        b'\xef\xbb\xbf[[rule]]\nname = "mine.x"\nkind = "promo"\ndescription = "d"\n'
        b"pattern = 'needle'\n"
    )
    assert classify(["a needle"], load_rules([path]))[0] == (Kind.PROMO, "mine.x")


def test_a_big_rules_file_loads_in_well_under_a_second(tmp_path: Path) -> None:
    """A 20,000-word alternation took 24 s to load (quadratic reading); now well under 1 s."""
    body = "|".join(f"word{n:06d}" for n in range(20_000))
    path = write(tmp_path, "[[rule]]\n" + VALID + f"pattern = '\\b(?:{body})\\b'\n")
    start = time.perf_counter()
    rules = load_rules([path])
    assert time.perf_counter() - start < 1.0
    assert classify(["a word019999 here"], rules)[0] == (Kind.PROMO, "x.y")
