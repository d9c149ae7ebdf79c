"""A large comparison's first look: its rows before its kinds and changes (``compare_loaded``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffviewer.core import compare
from diffviewer.core.compare import compare_files
from diffviewer.core.errors import RulesError
from diffviewer.core.loading import LoadedText
from diffviewer.core.model import Comparison, Kind, RowStatus
from diffviewer.core.options import CompareMode, CompareOptions

OLD = [
    "Storm Ida closes schools",
    "The storm reached the coast late on Sunday, with winds of 120 km/h and heavy rain.",
    "Advertisement",
    "Schools in three counties stay closed on Monday, the education office said.",
    "“We expect power to be back by Tuesday,” a spokesman for the grid operator said.",
    "Read more: how to prepare for a storm",
    "Ferries between the islands were cancelled until further notice.",
]
NEW = [
    "Storm Ida closes schools",
    "The storm reached the coast late on Sunday, with winds of 130 km/h and heavy rain.",
    "Schools in three counties stay closed on Monday, the education office said.",
    '"We expect power to be back by Tuesday," a spokesman for the grid operator said.',
    "Ferries between the islands were cancelled until further notice.",
    "Two people were hurt by falling trees in the capital.",
]


def _loaded(paragraphs: list[str], name: str) -> LoadedText:
    text = "\n\n".join(paragraphs) + "\n"
    return LoadedText(text, name, None, "utf-8", 1.0, compare.detect_newline(text), (), len(text))


def _compare(
    versions: list[list[str]], options: CompareOptions = CompareOptions()
) -> tuple[Comparison, list[Comparison]]:
    looks: list[Comparison] = []
    loaded = [_loaded(v, f"v{n + 1}") for n, v in enumerate(versions)]
    return compare.compare_loaded(loaded, options, first_look=looks.append), looks


@pytest.fixture
def small_first_look(monkeypatch: pytest.MonkeyPatch) -> None:
    """First looks from 10 paragraphs (the real threshold is for tens of thousands)."""
    monkeypatch.setattr(compare, "FIRST_LOOK_FROM", 10)


@pytest.mark.usefixtures("small_first_look")
@pytest.mark.parametrize("mute", [False, True])
def test_first_look_has_the_rows_to_come_and_nothing_else(mute: bool) -> None:
    """Same versions, texts and rows (statuses included) as the result; no changes, no
    kinds, no word counts yet; the result itself is not a first look."""
    result, looks = _compare([OLD, NEW], CompareOptions(mute_typographic=mute))
    assert len(looks) == 1
    look = looks[0]
    assert look.first_look and not result.first_look
    assert look.rows == result.rows
    assert look.pairs == result.pairs
    assert [v.name for v in look.versions] == [v.name for v in result.versions]
    for seen, final in zip(look.versions, result.versions, strict=True):
        assert [p.text for p in seen.paragraphs] == [p.text for p in final.paragraphs]
        assert [p.first_line for p in seen.paragraphs] == [p.first_line for p in final.paragraphs]
        assert {p.kind for p in seen.paragraphs} == {Kind.BODY}
        assert {p.words for p in seen.paragraphs} == {0}
        assert [p.index for p in seen.paragraphs] == list(range(len(final.paragraphs)))
        assert seen.paragraphs[-1].index == len(final.paragraphs) - 1
        assert [p.key for p in seen.paragraphs[1:3]] == [p.key for p in final.paragraphs[1:3]]
        with pytest.raises(IndexError):
            seen.paragraphs[len(final.paragraphs)]
        with pytest.raises(IndexError):
            seen.paragraphs[-len(final.paragraphs) - 1]
    assert look.changes == ()
    # The result has what the look lacked: kinds that are not body, changes, word counts.
    assert result.changes
    assert any(p.kind is not Kind.BODY for p in result.versions[0].paragraphs)
    statuses = {row.status for row in look.rows}
    assert {RowStatus.REMOVED, RowStatus.INSERTED} <= statuses
    # The typographic-only edit (curly to straight quotes): an equal row when muted.
    quote_row = next(row for row in look.rows if row.cells[0] == 4)
    assert quote_row.status is (RowStatus.EQUAL if mute else RowStatus.CHANGED)
    assert result.muted_typographic == (1 if mute else 0)


@pytest.mark.usefixtures("small_first_look")
def test_first_look_of_three_versions_in_both_modes() -> None:
    third = [*NEW[:3], "A new paragraph about the clean-up.", *NEW[3:]]
    for mode in CompareMode:
        result, looks = _compare([OLD, NEW, third], CompareOptions(mode=mode))
        assert len(looks) == 1
        assert looks[0].rows == result.rows and looks[0].pairs == result.pairs


def test_no_first_look_for_small_inputs() -> None:
    """Below ``FIRST_LOOK_FROM`` paragraphs the whole comparison comes soon enough."""
    assert len(OLD) + len(NEW) < compare.FIRST_LOOK_FROM
    _, looks = _compare([OLD, NEW])
    assert looks == []


@pytest.mark.usefixtures("small_first_look")
def test_a_bad_rules_file_fails_before_any_first_look(tmp_path: Path) -> None:
    rules = tmp_path / "my-rules.toml"
    rules.write_text('[[rule]]\nname = "x"\nkind = "nonsense"\npattern = "a"\n', "utf-8")
    looks: list[Comparison] = []
    loaded = [_loaded(OLD, "v1"), _loaded(NEW, "v2")]
    options = CompareOptions(rules_files=(str(rules),))
    with pytest.raises(RulesError, match=r"my-rules\.toml"):
        compare.compare_loaded(loaded, options, first_look=looks.append)
    assert looks == []


@pytest.mark.usefixtures("small_first_look")
def test_files_give_a_first_look_too(tmp_path: Path) -> None:
    paths = []
    for name, paragraphs in (("old.txt", OLD), ("new.txt", NEW)):
        path = tmp_path / name
        path.write_text("\n\n".join(paragraphs), "utf-8")
        paths.append(path)
    looks: list[Comparison] = []
    result = compare_files(paths, first_look=looks.append)
    assert [look.rows for look in looks] == [result.rows]
    assert compare_files(paths) == result  # Asking for a first look changes nothing else.
