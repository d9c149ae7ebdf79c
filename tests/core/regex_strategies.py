"""Hypothesis strategies for small regular expressions, shared by the pattern-reading tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def patterns(atoms: Sequence[str], quantifiers: Sequence[str]) -> st.SearchStrategy[str]:
    """Patterns built from ``atoms`` by concatenation, alternation and ``quantifiers``."""
    return st.recursive(
        st.sampled_from(list(atoms)),
        lambda inner: st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            st.tuples(inner, st.sampled_from(list(quantifiers))).map(lambda p: f"(?:{p[0]}){p[1]}"),
        ),
        max_leaves=8,
    )
