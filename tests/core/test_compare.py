"""The engine end to end: the seed pair, options, N versions, modes, progress and cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffviewer.core.compare import compare_files, compare_texts
from diffviewer.core.errors import Cancelled, FileMissingError
from diffviewer.core.model import ChangeType, Kind, RowStatus
from diffviewer.core.options import CompareMode, CompareOptions

BODY_A = "The minister said the talks in Geneva would resume on Monday after a short pause."
BODY_B = "Officials from both sides met again in the capital late on Friday to talk it over."
BODY_C = "Police closed the bridge for several hours while divers searched the river below."


def test_seed_pair_is_five_removals(seed_paths: tuple[Path, Path]) -> None:
    """The raw page against its cleaned body: exactly 5 changes, all removals, 23 rows."""
    comparison = compare_files(seed_paths)
    assert len(comparison.rows) == 23
    assert [c.type for c in comparison.changes] == [ChangeType.REMOVED] * 5
    removed = {comparison.paragraph(0, c.old[0]).key[:20]: c.kind for c in comparison.changes}
    assert removed["China Demand U.S. Yi"] is Kind.HEADLINE
    assert removed["US Secretary of Stat"] in (Kind.CAPTION, Kind.STANDFIRST)
    assert removed["Chinese Foreign Mini"] is Kind.CAPTION
    assert removed["U.S. Secretary of St"] is Kind.CAPTION
    assert removed["Please let us know i"] is Kind.COMMENT_PROMPT
    statuses = [row.status for row in comparison.rows]
    assert statuses.count(RowStatus.REMOVED) == 5
    assert statuses.count(RowStatus.EQUAL) == 18


def test_seed_against_itself_has_no_changes(seed_paths: tuple[Path, Path]) -> None:
    """A version compared with itself: no changes, every row equal."""
    comparison = compare_files([seed_paths[0], seed_paths[0]])
    assert not comparison.has_differences
    assert all(row.status is RowStatus.EQUAL for row in comparison.rows)


def test_seed_versions_facts(seed_paths: tuple[Path, Path]) -> None:
    """Per-version facts: name, encoding, newline, paragraph and word counts."""
    v1, v2 = compare_files(seed_paths).versions
    assert (v1.name, v2.name) == ("article-v1.txt", "article-v2.txt")
    assert v1.encoding == "utf-8"
    assert len(v1.paragraphs) == 23 and len(v2.paragraphs) == 18
    assert v1.words > v2.words > 500


def test_rewrapping_and_crlf_are_not_changes() -> None:
    """Re-wrapped lines, CRLF vs LF, NBSP and tabs alone never make a change."""
    old = "First line of a\nparagraph here.\n\nSecond\tone."
    new = "First line of a paragraph\u00a0here.\r\n\r\nSecond one.\r\n"
    assert not compare_texts([old, new]).has_differences


def test_ignore_case_and_punctuation_options() -> None:
    """Case and typographic differences are changes by default and vanish with the options."""
    old, new = "He said “no” – twice.", 'he said "no" - twice.'
    assert compare_texts([old, new]).changes[0].type is ChangeType.CHANGED
    both = CompareOptions(ignore_case=True, ignore_punctuation=True)
    assert not compare_texts([old, new], options=both).has_differences


def test_typographic_edits_flagged_and_mutable() -> None:
    """A quote-style-only edit is flagged typographic; muting it drops it but counts it."""
    old = f"{BODY_A}\n\nHe said “no”."
    new = f'{BODY_A}\n\nHe said "no".'
    change = compare_texts([old, new]).changes[0]
    assert change.typographic
    muted = compare_texts([old, new], options=CompareOptions(mute_typographic=True))
    assert not muted.changes
    assert muted.muted_typographic == 1


def test_three_versions_chain_rows() -> None:
    """v1→v2→v3: a paragraph that survives keeps its row; each pair's change is reported."""
    v1 = f"{BODY_A}\n\n{BODY_B}"
    v2 = f"{BODY_A}\n\n{BODY_B}\n\n{BODY_C}"
    v3 = f"{BODY_B}\n\n{BODY_C}"
    comparison = compare_texts([v1, v2, v3])
    assert [r.cells for r in comparison.rows] == [(0, 0, None), (1, 1, 0), (None, 2, 1)]
    assert [(c.type, c.from_version, c.to_version) for c in comparison.changes] == [
        (ChangeType.REMOVED, 1, 2),
        (ChangeType.INSERTED, 0, 1),
    ]
    assert comparison.rows[0].links == (RowStatus.EQUAL, RowStatus.REMOVED)
    assert comparison.rows[2].links == (RowStatus.INSERTED, RowStatus.EQUAL)


def test_against_first_mode_pairs_with_version_one() -> None:
    """In against-first mode every version is compared with the first."""
    v1 = f"{BODY_A}\n\n{BODY_B}"
    comparison = compare_texts(
        [v1, BODY_A, BODY_B], options=CompareOptions(mode=CompareMode.AGAINST_FIRST)
    )
    assert comparison.pairs == ((0, 1), (0, 2))
    assert [(c.type, c.from_version, c.to_version) for c in comparison.changes] == [
        (ChangeType.REMOVED, 0, 2),
        (ChangeType.REMOVED, 0, 1),
    ]


def test_moved_change_shows_in_two_rows() -> None:
    """A move carries both its rows so the viewer can link them."""
    comparison = compare_texts(
        [f"{BODY_C}\n\n{BODY_A}\n\n{BODY_B}", f"{BODY_A}\n\n{BODY_B}\n\n{BODY_C}"]
    )
    (move,) = comparison.changes
    assert move.type is ChangeType.MOVED
    assert len(move.rows) == 2
    assert {comparison.rows[r].status for r in move.rows} == {RowStatus.MOVED}


def test_progress_and_cancel(seed_paths: tuple[Path, Path]) -> None:
    """Progress rises to 1.0; a cancel request stops the comparison with Cancelled."""
    seen: list[float] = []
    compare_files(seed_paths, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        compare_files(seed_paths, cancelled=lambda: True)


def test_missing_file_is_a_typed_error(tmp_path: Path, seed_paths: tuple[Path, Path]) -> None:
    """A missing input raises FileMissingError naming it."""
    missing = tmp_path / "gone.txt"
    with pytest.raises(FileMissingError, match=r"gone\.txt"):
        compare_files([seed_paths[0], missing])


def test_forced_encoding_per_file(tmp_path: Path) -> None:
    """``encodings`` forces a codec for one file (the viewer's "reopen with encoding")."""
    path = tmp_path / "a.txt"
    path.write_bytes("café".encode("cp1252"))
    comparison = compare_files([path, path], encodings=["latin-1", None])
    assert comparison.versions[0].encoding == "latin-1"
    assert comparison.versions[0].paragraphs[0].key == "café"
