"""core.summary: totals by type and kind, the editor's sentence, the status-bar line."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    Newline,
    Paragraph,
    Version,
)
from diffviewer.core.summary import kind_noun, one_line, plural, summarise


def _version(name: str, count: int = 12) -> Version:
    paragraphs = tuple(
        Paragraph(i, f"Paragraph {i} text.", f"Paragraph {i} text.", 2 * i + 1, 2 * i + 1, 3)
        for i in range(count)
    )
    return Version(name, f"/a/{name}", "utf-8", 1.0, Newline.LF, paragraphs, size=100)


def _change(
    change_type: ChangeType, kind: Kind, pair: tuple[int, int] = (0, 1), typographic: bool = False
) -> Change:
    old = () if change_type is ChangeType.INSERTED else (0,)
    new = () if change_type is ChangeType.REMOVED else (0,)
    return Change(change_type, pair[0], pair[1], old, new, kind, "r", typographic=typographic)


def _comparison(
    changes: Sequence[Change], versions: int = 2, muted: int = 0, first_mode: bool = False
) -> Comparison:
    pairs = tuple((0, n) if first_mode else (n - 1, n) for n in range(1, versions))
    return Comparison(
        versions=tuple(_version(f"v{n + 1}.txt") for n in range(versions)),
        rows=(),
        changes=tuple(changes),
        pairs=pairs,
        muted_typographic=muted,
    )


SEED_KINDS = (Kind.HEADLINE, Kind.CAPTION, Kind.CAPTION, Kind.CAPTION, Kind.COMMENT_PROMPT)


def test_seed_shaped_removals_read_as_one_sentence() -> None:
    """Five removals of furniture: counts per kind in Kind order, body stated unchanged."""
    # Deliberately out of Kind order: the sentence must reorder them.
    kinds = (Kind.COMMENT_PROMPT, Kind.CAPTION, Kind.HEADLINE, Kind.CAPTION, Kind.CAPTION)
    summary = summarise(_comparison([_change(ChangeType.REMOVED, k) for k in kinds]))
    assert summary.sentence == (
        "5 paragraphs removed: 1 headline, 3 captions, 1 comment prompt. Body text unchanged."
    )
    assert summary.line == "5 removed: 1 headline, 3 captions, 1 comment prompt"
    assert summary.removed == 5
    assert summary.total == 5
    assert (summary.inserted, summary.changed, summary.moved) == (0, 0, 0)
    assert summary.by_kind == Counter({"headline": 1, "caption": 3, "comment_prompt": 1})
    assert not summary.body_changed


def test_no_changes_reads_no_differences() -> None:
    """An empty comparison says so, in the sentence and the status line."""
    summary = summarise(_comparison([]))
    assert summary.sentence == "No differences."
    assert summary.line == "No differences"
    assert summary.total == 0
    assert summary.by_kind == Counter()


def test_muted_typographic_edits_are_counted_but_not_differences() -> None:
    """Muted typographic edits appear in the count and the sentence, not as differences."""
    summary = summarise(_comparison([], muted=12))
    assert summary.sentence == "No differences (12 typographic-only edits muted)."
    assert summary.typographic == 12
    assert one_line(_comparison([], muted=1)) == "No differences (1 typographic-only muted)"


def test_mixed_changes_list_each_type_with_its_kinds() -> None:
    """Several types: the first carries "paragraphs", each has its kinds, body is counted."""
    changes = [
        _change(ChangeType.CHANGED, Kind.BODY),
        _change(ChangeType.CHANGED, Kind.HEADLINE),
        _change(ChangeType.INSERTED, Kind.BODY),
        _change(ChangeType.MOVED, Kind.BODY),
        _change(ChangeType.CHANGED, Kind.BODY, typographic=True),
    ]
    summary = summarise(_comparison(changes, muted=11))
    assert summary.sentence == (
        "1 paragraph inserted (body), 3 edited (1 headline, 2 body), 1 moved (body). "
        "Body text changed: 4 paragraphs. 12 typographic-only edits (11 muted)."
    )
    assert summary.changed == 3
    assert summary.typographic == 12
    assert summary.body_changed
    assert summary.line == "1 inserted, 3 edited, 1 moved: 1 headline, 4 body; 12 typographic-only"


def test_single_change_is_singular() -> None:
    """One change reads "1 paragraph" in both the count and the body clause."""
    summary = summarise(_comparison([_change(ChangeType.REMOVED, Kind.BODY)]))
    assert summary.sentence == "1 paragraph removed: 1 body. Body text changed: 1 paragraph."


def test_more_than_two_versions_add_per_pair_parts() -> None:
    """Totals are over all pairs; each pair then gets its own part, "no differences" included."""
    changes = [
        _change(ChangeType.REMOVED, Kind.CAPTION, (0, 1)),
        _change(ChangeType.REMOVED, Kind.CAPTION, (0, 1)),
        _change(ChangeType.INSERTED, Kind.BODY, (1, 2)),
    ]
    summary = summarise(_comparison(changes, versions=4))
    assert summary.removed == 2
    assert summary.inserted == 1
    assert summary.sentence.endswith(
        "v1→v2: 2 removed (caption); v2→v3: 1 inserted (body); v3→v4: no differences."
    )
    assert [p.label for p in summary.pairs] == ["v1→v2", "v2→v3", "v3→v4"]
    assert [p.counts.total for p in summary.pairs] == [2, 1, 0]


def test_against_first_mode_pairs_are_labelled_from_the_first_version() -> None:
    """In "each against the first" mode, pair parts read v1→v2, v1→v3."""
    changes = [
        _change(ChangeType.REMOVED, Kind.CAPTION, (0, 1)),
        _change(ChangeType.REMOVED, Kind.HEADLINE, (0, 2)),
    ]
    summary = summarise(_comparison(changes, versions=3, first_mode=True))
    assert "v1→v2: 1 removed (caption); v1→v3: 1 removed (headline)." in summary.sentence


def test_two_version_sentence_has_no_pair_part() -> None:
    """With one pair, the per-pair part would repeat the totals, so it is left out."""
    summary = summarise(_comparison([_change(ChangeType.REMOVED, Kind.CAPTION)]))
    assert "v1→v2" not in summary.sentence


def test_version_facts_are_carried_for_exports() -> None:
    """Name, path, encoding, newline, paragraph and word counts of every version."""
    facts = summarise(_comparison([], versions=3)).versions
    assert [f.label for f in facts] == ["v1", "v2", "v3"]
    assert facts[0].name == "v1.txt"
    assert facts[0].path == "/a/v1.txt"
    assert facts[0].encoding == "utf-8"
    assert facts[0].newline is Newline.LF
    assert facts[0].paragraphs == 12
    assert facts[0].words == 36


@pytest.mark.parametrize(
    ("kind", "count", "expected"),
    [
        (Kind.CAPTION, 1, "1 caption"),
        (Kind.CAPTION, 3, "3 captions"),
        (Kind.COMMENT_PROMPT, 2, "2 comment prompts"),
        (Kind.BODY, 2, "2 body"),
        (Kind.NAVIGATION, 2, "2 navigation"),
        (Kind.HEADLINE, 0, "0 headlines"),
    ],
)
def test_kind_nouns_are_pluralised(kind: Kind, count: int, expected: str) -> None:
    """Kind labels take an s in the plural except the mass nouns."""
    assert kind_noun(kind, count) == expected


def test_plural() -> None:
    """Counts other than one take the plural form."""
    assert plural(1, "paragraph") == "1 paragraph"
    assert plural(0, "paragraph") == "0 paragraphs"
    assert plural(2, "child", "children") == "2 children"


_CHANGES = st.lists(
    st.builds(
        _change,
        st.sampled_from(list(ChangeType)),
        st.sampled_from(list(Kind)),
        typographic=st.booleans(),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(changes=_CHANGES, muted=st.integers(0, 5))
def test_totals_agree_with_the_changes(changes: list[Change], muted: int) -> None:
    """Every change counts once by type and once by kind; kinds are listed in Kind order."""
    summary = summarise(_comparison(changes, muted=muted))
    assert summary.total == len(changes)
    assert sum(summary.by_kind.values()) == len(changes)
    assert summary.typographic == sum(c.typographic for c in changes) + muted
    order = [kind for kind, _ in summary.counts.kind_counts]
    assert order == sorted(order, key=list(Kind).index)
    assert summary.body_changed == any(c.kind is Kind.BODY for c in changes)
    assert summary.sentence.endswith(".")
    assert (summary.sentence == "No differences.") == (not changes and not muted)
    assert "Body text" in summary.sentence or not changes
    assert not re.search(r"\b1 paragraphs", summary.sentence)
