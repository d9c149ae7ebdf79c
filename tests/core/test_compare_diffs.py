"""Shortcuts of the compare stage's word diffs and their reading: whether two keys differ only
typographically is decided on the part of them that their word diff found changed
(``compare.same_loose_words``), with the same answer as on the whole keys; a pair of texts met
again in a comparison is diffed once.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import compare
from diffviewer.core.compare import _word_diff, compare_texts, same_loose_words
from diffviewer.core.paragraphs import same_loose_key
from diffviewer.core.worddiff import TokenCodes
from tests.core.edit_strategies import edited_pieces

_PIECES = st.sampled_from(
    [
        "a", "A", "the", "The", "x1", " ", " ", " ", ".", ",", "-", "--", "1", "2", "3.5",
        "1,000", "\u00a0", "“", "”", "\"", "'", "’", "é", "É", "ß", "SS", "—", "–", "%", "…",
        "e\u0301", "中", "(", ")", "-1", "a-", "-b", "²", "ﬁ",
    ]
)  # fmt: skip


def _key(pieces: list[str]) -> str:
    return " ".join("".join(pieces).split())


def _edited() -> st.SearchStrategy[tuple[str, str]]:
    """A key and an edit of it: pieces inserted, deleted or replaced here and there."""
    return edited_pieces(_PIECES).map(lambda pair: (_key(pair[0]), _key(pair[1])))


@settings(max_examples=600, deadline=None)
@given(_edited())
def test_loose_words_on_the_changed_part_agree_with_whole_keys(pair: tuple[str, str]) -> None:
    """Cut after a space inside the common start and end, the keys' parts have equal loose keys
    exactly when the whole keys do (case, quotes, dashes, hyphens beside digits)."""
    a, b = pair
    assert same_loose_words(a, b, _word_diff(a, b, TokenCodes())) == same_loose_key(a, b)


def test_a_typographic_edit_in_the_middle_is_found_on_the_middle() -> None:
    """A curly quote for a straight one, deep inside a long key, is typographic; a word
    changed there is not."""
    head, tail = "word " * 50, " end" * 50
    quoted = (f'{head}said "yes"{tail}', f"{head}said “yes”{tail}")
    assert same_loose_words(*quoted, _word_diff(*quoted, TokenCodes()))
    changed = (f"{head}said yes{tail}", f"{head}said no{tail}")
    assert not same_loose_words(*changed, _word_diff(*changed, TokenCodes()))


def test_a_repeated_edit_is_diffed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph repeated on a page with the same edit each time: one word diff, and every
    change carries its ops."""
    calls: list[tuple[str, str]] = []

    def counted(old: str, new: str, codes: TokenCodes) -> dict[str, object]:
        calls.append((old, new))
        return _word_diff(old, new, codes)

    monkeypatch.setattr(compare, "_word_diff", counted)
    old = "\n\n".join(["Subscribe to our daily newsletter now.", "Other text here."] * 3)
    new = "\n\n".join(["Subscribe to our weekly newsletter now.", "Other text here."] * 3)
    changes = compare_texts([old, new]).changes
    assert len(calls) == 1
    assert len(changes) == 3
    assert all(change.word_ops == changes[0].word_ops != () for change in changes)
