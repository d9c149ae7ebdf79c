"""The engine's public entry point: files or texts + options → ``Comparison``.

Pipeline: load (``loading``) → paragraphs and keys (``paragraphs``) → kinds (``kinds``) →
pairwise alignment (``align``) → word diffs (``worddiff``) → rows for N versions (``rows``).
Word ops are computed on the paragraphs' normalised keys (whitespace collapsed), which is also
what the viewer and the exports show for changed paragraphs.
Imports: the standard library and ``core`` modules only (no Qt).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import Any

from diffviewer.core.align import Op, Step, Thresholds, align_pair
from diffviewer.core.errors import Cancelled
from diffviewer.core.kinds import KindMemo, RuleSet, classify, load_rules
from diffviewer.core.loading import LoadedText, detect_newline, load_file
from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Paragraph,
    RowStatus,
    Version,
)
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.core.paragraphs import (
    comparison_key,
    count_words,
    loose_key,
    normalise,
    split_paragraphs,
)
from diffviewer.core.rows import Unit, merge_units
from diffviewer.core.worddiff import count_changed_words, word_ops

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]

_LOAD_SHARE = 0.3  # Share of the progress bar for loading; the rest is comparing.


def compare_files(
    paths: Sequence[str | os.PathLike[str]],
    options: CompareOptions = CompareOptions(),
    *,
    encodings: Sequence[str | None] | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Comparison:
    """Load and compare files, in order. Raises ``LoadError`` (naming the file) or ``Cancelled``.

    ``encodings`` forces a codec per file (None: detect).
    """
    report = progress or _ignore
    is_cancelled = cancelled or _never
    forced = list(encodings or ())
    forced += [None] * (len(paths) - len(forced))
    loaded = []
    for n, (path, encoding) in enumerate(zip(paths, forced, strict=True)):
        if is_cancelled():
            raise Cancelled
        loaded.append(load_file(path, max_bytes=options.max_file_bytes, encoding=encoding))
        report(_LOAD_SHARE * (n + 1) / len(paths))
    return compare_loaded(
        loaded,
        options,
        progress=lambda f: report(_LOAD_SHARE + (1 - _LOAD_SHARE) * f),
        cancelled=is_cancelled,
    )


def compare_texts(
    texts: Sequence[str],
    names: Sequence[str] | None = None,
    options: CompareOptions = CompareOptions(),
) -> Comparison:
    """Compare texts already in memory (names default to ``v1``, ``v2``…)."""
    labels = list(names) if names is not None else [f"v{n + 1}" for n in range(len(texts))]
    loaded = [
        LoadedText(
            text=text,
            name=name,
            path=None,
            encoding="utf-8",
            confidence=1.0,
            newline=detect_newline(text),
            warnings=(),
            size=len(text.encode("utf-8", "surrogatepass")),
        )
        for text, name in zip(texts, labels, strict=True)
    ]
    return compare_loaded(loaded, options)


def compare_loaded(
    loaded: Sequence[LoadedText],
    options: CompareOptions = CompareOptions(),
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Comparison:
    """Compare decoded inputs. Needs at least two."""
    if len(loaded) < 2:
        raise ValueError("a comparison needs at least two versions")
    with _gc_paused():
        return _compare(loaded, options, progress or _ignore, cancelled or _never)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the engine builds its many small objects.

    The engine creates no reference cycles worth collecting; without the pause, collections
    triggered by allocation cost about a third of the time on large inputs (bench/).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compare(
    loaded: Sequence[LoadedText],
    options: CompareOptions,
    report: Progress,
    is_cancelled: IsCancelled,
) -> Comparison:
    rules = load_rules(options.rules_files)
    versions: list[Version] = []
    memo = VersionMemo()  # Versions share most paragraphs: read each text once.
    for item in loaded:
        if is_cancelled():
            raise Cancelled
        versions.append(build_version(item, rules, memo))
    report(0.2)
    pairs = _pairs(len(versions), options.mode)
    ignore_case, ignore_punctuation = options.ignore_case, options.ignore_punctuation
    keys = [
        [
            comparison_key(p.key, ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
            for p in v.paragraphs
        ]
        for v in versions
    ]
    thresholds = Thresholds(
        pair=options.pair_threshold, move=options.move_threshold, split=options.split_threshold
    )
    changes: list[Change] = []
    unit_lists: list[list[Unit]] = []
    muted = 0
    for n, (p, q) in enumerate(pairs):
        if is_cancelled():
            raise Cancelled
        steps = align_pair(keys[p], keys[q], thresholds)
        pair_changes, units, pair_muted = _interpret(
            steps, versions[p], versions[q], p, q, options, is_cancelled
        )
        changes.extend(pair_changes)
        unit_lists.append(units)
        muted += pair_muted
        report(0.2 + 0.75 * (n + 1) / len(pairs))
    rows, row_of = merge_units([len(v.paragraphs) for v in versions], pairs, unit_lists)
    placed = tuple(_place(change, row_of) for change in changes)
    report(1.0)
    return Comparison(
        versions=tuple(versions),
        rows=rows,
        changes=tuple(sorted(placed, key=lambda c: (c.rows[0] if c.rows else 0, c.from_version))),
        pairs=tuple(pairs),
        muted_typographic=muted,
        options_summary=options.describe(),
    )


class VersionMemo:
    """Work shared by the versions of one comparison, which hold mostly the same paragraphs.

    Per paragraph text: its key and word count; and the kind results (``kinds.KindMemo``).
    Valid for one rule set only.
    """

    __slots__ = ("keys", "kinds")

    def __init__(self) -> None:
        self.keys: dict[str, tuple[str, int]] = {}
        self.kinds = KindMemo()


def build_version(item: LoadedText, rules: RuleSet, memo: VersionMemo | None = None) -> Version:
    """Split a decoded input into classified paragraphs (``memo``: shared with other versions)."""
    memo = memo or VersionMemo()
    raws = split_paragraphs(item.text)
    known = memo.keys
    keyed: list[tuple[str, int]] = []
    for raw in raws:
        found = known.get(raw.text)
        if found is None:
            key = normalise(raw.text)
            found = known[raw.text] = (key, count_words(key))
        keyed.append(found)
    kinds = classify([key for key, _ in keyed], rules, memo.kinds)
    # Positional arguments: noticeably faster than keywords for thousands of frozen objects.
    paragraphs = tuple(
        Paragraph(n, text, key, first, last, words, kind, rule)
        for n, ((text, first, last), (key, words), (kind, rule)) in enumerate(
            zip(raws, keyed, kinds, strict=True)
        )
    )
    return Version(
        name=item.name,
        path=item.path,
        encoding=item.encoding,
        confidence=item.confidence,
        newline=item.newline,
        paragraphs=paragraphs,
        warnings=item.warnings,
        size=item.size,
    )


def _pairs(count: int, mode: CompareMode) -> list[tuple[int, int]]:
    if mode is CompareMode.AGAINST_FIRST:
        return [(0, k) for k in range(1, count)]
    return [(k - 1, k) for k in range(1, count)]


def _interpret(
    steps: list[Step],
    old: Version,
    new: Version,
    p: int,
    q: int,
    options: CompareOptions,
    is_cancelled: IsCancelled,
) -> tuple[list[Change], list[Unit], int]:
    """Turn alignment steps into changes and row units (one unit per row the pair needs)."""
    changes: list[Change] = []
    units: list[Unit] = []
    muted = 0
    change = partial(Change, from_version=p, to_version=q)
    for count, step in enumerate(steps):
        if count % 512 == 511 and is_cancelled():
            raise Cancelled
        if step.op is Op.EQUAL:
            units.append(Unit(step.old[0], step.new[0], RowStatus.EQUAL))
        elif step.op is Op.CHANGED:
            a, b = old.paragraphs[step.old[0]], new.paragraphs[step.new[0]]
            typographic = loose_key(a.key) == loose_key(b.key)
            if typographic and options.mute_typographic:
                muted += 1
                units.append(Unit(a.index, b.index, RowStatus.EQUAL))
                continue
            changes.append(
                change(
                    type=ChangeType.CHANGED,
                    old=step.old,
                    new=step.new,
                    kind=a.kind,
                    rule=a.rule,
                    typographic=typographic,
                    similarity=step.similarity,
                    **_word_diff(a.key, b.key),
                )
            )
            units.append(Unit(a.index, b.index, RowStatus.CHANGED))
        elif step.op is Op.REMOVED:
            a = old.paragraphs[step.old[0]]
            if step.moved_to is None:
                changes.append(
                    change(
                        type=ChangeType.REMOVED,
                        old=step.old,
                        new=(),
                        kind=a.kind,
                        rule=a.rule,
                        words_removed=a.words,
                    )
                )
                units.append(Unit(a.index, None, RowStatus.REMOVED))
            else:
                b = new.paragraphs[step.moved_to]
                edit = _word_diff(a.key, b.key) if a.key != b.key else {}
                changes.append(
                    change(
                        type=ChangeType.MOVED,
                        old=step.old,
                        new=(b.index,),
                        kind=a.kind,
                        rule=a.rule,
                        similarity=step.similarity,
                        **edit,
                    )
                )
                units.append(Unit(a.index, None, RowStatus.MOVED))
        elif step.op is Op.INSERTED:
            b = new.paragraphs[step.new[0]]
            if step.moved_from is None:
                changes.append(
                    change(
                        type=ChangeType.INSERTED,
                        old=(),
                        new=step.new,
                        kind=b.kind,
                        rule=b.rule,
                        words_added=b.words,
                    )
                )
                units.append(Unit(None, b.index, RowStatus.INSERTED))
            else:
                units.append(Unit(None, b.index, RowStatus.MOVED))
        else:
            changes.append(_split_or_merge(step, old, new, change))
            status = RowStatus.SPLIT if step.op is Op.SPLIT else RowStatus.MERGED
            units.append(Unit(step.old[0], step.new[0], status))
            if step.op is Op.SPLIT:
                units.append(Unit(None, step.new[1], status))
            else:
                units.append(Unit(step.old[1], None, status))
    return changes, units, muted


def _split_or_merge(
    step: Step, old: Version, new: Version, change: Callable[..., Change]
) -> Change:
    first = old.paragraphs[step.old[0]]
    old_text = " ".join(old.paragraphs[i].key for i in step.old)
    new_text = " ".join(new.paragraphs[j].key for j in step.new)
    return change(
        type=ChangeType.SPLIT if step.op is Op.SPLIT else ChangeType.MERGED,
        old=step.old,
        new=step.new,
        kind=first.kind,
        rule=first.rule,
        similarity=step.similarity,
        **_word_diff(old_text, new_text),
    )


def _word_diff(old_text: str, new_text: str) -> dict[str, Any]:
    """The word-diff fields of a Change: its ops and the words they add and remove."""
    ops = word_ops(old_text, new_text)
    added, removed = count_changed_words(ops)
    return {"word_ops": ops, "words_added": added, "words_removed": removed}


def _place(change: Change, row_of: Sequence[Sequence[int]]) -> Change:
    """Fill in the rows where a change shows."""
    rows = {row_of[change.from_version][i] for i in change.old}
    rows |= {row_of[change.to_version][j] for j in change.new}
    return replace(change, rows=tuple(sorted(rows)))


def _ignore(_fraction: float) -> None:
    return None


def _never() -> bool:
    return False
