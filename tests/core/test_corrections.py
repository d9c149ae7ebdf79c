"""Kinds corrected by hand: applied over a comparison, and remembered as a rule."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.compare import compare_texts
from diffviewer.core.corrections import (
    CORRECTION_RULE,
    apply_corrections,
    escape,
    rule_for,
    rule_toml,
)
from diffviewer.core.kinds import load_rules
from diffviewer.core.model import ChangeType, Kind
from diffviewer.core.summary import one_line
from diffviewer.export import render

RAW = (
    "Ministers meet in Geneva\n\nThe talks began on Monday.\n\n"
    "Ten things to know about the talks (and 3 more) in Geneva this week.\n\nThey end on Friday."
)
CLEAN = "Ministers meet in Geneva\n\nThe talks began on Monday.\n\nThey end on Friday."


def test_a_correction_changes_the_paragraph_the_change_and_the_exports() -> None:
    comparison = compare_texts([RAW, CLEAN])
    (change,) = comparison.changes
    assert change.type is ChangeType.REMOVED and change.kind is Kind.BODY
    key = comparison.paragraph(0, change.old[0]).key
    corrected = apply_corrections(comparison, {key: Kind.PROMO})
    (fixed,) = corrected.changes
    assert fixed.kind is Kind.PROMO and fixed.rule == CORRECTION_RULE
    assert corrected.paragraph(0, change.old[0]).kind is Kind.PROMO
    assert "promo" in one_line(corrected) and "promo" not in one_line(comparison)
    assert '"kind":"promo"' in render(corrected, "json")
    assert '"rule":"user.correction"' in render(corrected, "json")
    assert corrected.rows == comparison.rows
    assert apply_corrections(comparison, {}) is comparison


@given(st.text(max_size=80))
def test_an_escaped_text_matches_exactly_itself(text: str) -> None:
    assert re.fullmatch(escape(text), text, re.DOTALL)


def test_a_remembered_rule_loads_and_gives_the_kind(tmp_path: Path) -> None:
    """The drafted rule is a valid rules-file entry that the next comparison uses."""
    key = "Ten things to know about the talks (and 3 more) in Geneva this week."
    draft = rule_for(key, Kind.PROMO, "example.com")
    assert draft.name == "user.example-com.promo.ten-things-to-know"
    assert (
        draft.pattern
        == r"^Ten things to know about the talks \(and 3 more\) in Geneva this week\.$"
    )
    rules = tmp_path / "rules.toml"
    rules.write_text(rule_toml(draft), encoding="utf-8")
    assert draft.name in load_rules([rules]).by_name
    from diffviewer.core.compare import compare_loaded
    from diffviewer.core.loading import decode_bytes
    from diffviewer.core.options import CompareOptions

    loaded = [decode_bytes(t.encode(), name=n) for t, n in ((RAW, "a"), (CLEAN, "b"))]
    (change,) = compare_loaded(loaded, CompareOptions(rules_files=(str(rules),))).changes
    assert change.kind is Kind.PROMO and change.rule == draft.name
