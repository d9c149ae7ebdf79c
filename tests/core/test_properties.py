"""Invariants of the engine, checked on random versions with Hypothesis.

- every paragraph of every version appears exactly once, in order, in its column of the rows;
- every change points at rows that hold its paragraphs;
- word ops rebuild both texts, and never cut a token;
- the same inputs give the same result.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare_texts
from diffviewer.core.model import ChangeType, Comparison, OpTag
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.core.worddiff import tokenize, word_ops

WORDS = ["the", "minister", "said", "Kyiv", "talks", "“quoted”", "—", "a", "北京", "会议", "é"]
word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=1, max_size=12).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(". ".join)
paragraphs = st.lists(paragraph, min_size=0, max_size=12)


def mutate(base: list[str], data: st.DataObject) -> list[str]:
    """A new version: some paragraphs dropped, edited, duplicated, moved; some new ones."""
    out = []
    for para in base:
        action = data.draw(st.sampled_from(["keep", "keep", "drop", "edit", "dup"]))
        if action == "keep":
            out.append(para)
        elif action == "edit":
            out.append(para + " " + data.draw(sentence))
        elif action == "dup":
            out += [para, para]
    out += data.draw(st.lists(paragraph, max_size=2))
    if len(out) > 1 and data.draw(st.booleans()):
        out.append(out.pop(0))
    return out


def check_rows(comparison: Comparison) -> None:
    for v, version in enumerate(comparison.versions):
        column = [row.cells[v] for row in comparison.rows if row.cells[v] is not None]
        assert column == list(range(len(version.paragraphs)))
    for row in comparison.rows:
        assert any(cell is not None for cell in row.cells)
        assert len(row.links) == len(comparison.pairs)
    for change in comparison.changes:
        assert change.rows
        shown = {
            (v, comparison.rows[r].cells[v])
            for r in change.rows
            for v in (change.from_version, change.to_version)
        }
        assert {(change.from_version, i) for i in change.old} <= shown
        assert {(change.to_version, j) for j in change.new} <= shown
        if change.type in (ChangeType.CHANGED, ChangeType.MOVED) and change.word_ops:
            old = comparison.paragraph(change.from_version, change.old[0]).key
            new = comparison.paragraph(change.to_version, change.new[0]).key
            assert "".join(o.text for o in change.word_ops if o.tag is not OpTag.INSERT) == old
            assert "".join(o.text for o in change.word_ops if o.tag is not OpTag.DELETE) == new


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=paragraphs, data=st.data(), versions=st.integers(2, 4), first=st.booleans())
def test_every_paragraph_once_in_order(
    base: list[str], data: st.DataObject, versions: int, first: bool
) -> None:
    """Rows hold each paragraph of each version exactly once, in order, for 2–4 versions."""
    texts = [base]
    for _ in range(versions - 1):
        texts.append(mutate(texts[-1], data))
    options = CompareOptions(mode=CompareMode.AGAINST_FIRST if first else CompareMode.CONSECUTIVE)
    comparison = compare_texts(["\n\n".join(t) for t in texts], options=options)
    check_rows(comparison)
    again = compare_texts(["\n\n".join(t) for t in texts], options=options)
    assert again == comparison


@settings(max_examples=200, deadline=None)
@given(old=st.text(max_size=300), new=st.text(max_size=300))
def test_word_ops_rebuild_both_texts(old: str, new: str) -> None:
    """Equal+delete ops give the old text, equal+insert ops the new one, for any text."""
    ops = word_ops(old, new)
    assert "".join(o.text for o in ops if o.tag is not OpTag.INSERT) == old
    assert "".join(o.text for o in ops if o.tag is not OpTag.DELETE) == new


@settings(max_examples=200, deadline=None)
@given(old=paragraph, new=paragraph)
def test_word_ops_never_cut_a_token(old: str, new: str) -> None:
    """Every op boundary falls on a token boundary of its side's text."""
    ops = word_ops(old, new)
    for text, keep in ((old, OpTag.DELETE), (new, OpTag.INSERT)):
        bounds = {0}
        for token in tokenize(text):
            bounds.add(max(bounds) + len(token))
        pos = 0
        for op in ops:
            if op.tag in (OpTag.EQUAL, keep):
                pos += len(op.text)
                assert pos in bounds
