"""Hypothesis strategies shared by the tests of word diffs: a text made of pieces, and an edit
of it (pieces inserted, deleted or replaced here and there)."""

from __future__ import annotations

from hypothesis import strategies as st


def edited_pieces(
    pieces: st.SearchStrategy[str],
) -> st.SearchStrategy[tuple[list[str], list[str]]]:
    """A list of ``pieces`` and an edit of it: up to four insertions, deletions or replacements."""

    @st.composite
    def edited(draw: st.DrawFn) -> tuple[list[str], list[str]]:
        original = draw(st.lists(pieces, max_size=30))
        changed = list(original)
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(changed)))
            what = draw(st.sampled_from(["insert", "delete", "replace"]))
            if what == "insert":
                changed.insert(at, draw(pieces))
            elif at < len(changed):
                if what == "delete":
                    del changed[at]
                else:
                    changed[at] = draw(pieces)
        return original, changed

    return edited()
