"""The engine's public entry point: files or texts + options → ``Comparison``.

Pipeline: load (``loading``) → paragraphs and keys (``versions``) → pairwise alignment
(``align``) → rows for N versions (``rows``) → kinds (``versions``) and word diffs
(``worddiff``) → changes. A large comparison can be shown before its kinds and changes are
found: its rows come first, as a ``first_look`` (see ``compare_loaded``). Word ops are
computed on the paragraphs' normalised keys (whitespace collapsed), which is also what the
viewer and the exports show for changed paragraphs.
One process does all the work, for the viewer and the headless command alike.
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

from diffviewer.core.align import align_pair, bags_for_pairs
from diffviewer.core.errors import Cancelled
from diffviewer.core.heap import steady_heap
from diffviewer.core.loading import LoadedText, detect_newline, load_file
from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    OpTag,
    Row,
    RowStatus,
    WordOp,
)
from diffviewer.core.options import CompareMode, CompareOptions
from diffviewer.core.paragraphs import Columns, comparison_key, same_loose_key
from diffviewer.core.rows import Unit, merge_units
from diffviewer.core.steps import Op, Step, Thresholds
from diffviewer.core.versions import (
    KINDS,
    classify_with,
    draft,
    first_look_version,
    make_version,
)
from diffviewer.core.worddiff import TokenCodes, count_changed_words, word_ops

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]
FirstLook = Callable[[Comparison], None]

FIRST_LOOK_FROM = 20_000
"""Paragraphs (all versions together) from which ``compare_loaded`` gives a first look: below,
the whole comparison takes well under a second (bench/ui_bench.py)."""

_LOAD_SHARE = 0.3  # Share of the progress bar for loading; the rest is comparing.


def compare_files(
    paths: Sequence[str | os.PathLike[str]],
    options: CompareOptions = CompareOptions(),
    *,
    encodings: Sequence[str | None] | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    first_look: FirstLook | None = None,
) -> Comparison:
    """Load and compare files, in order. Raises ``LoadError`` (naming the file) or ``Cancelled``.

    ``encodings`` forces a codec per file (None: detect); ``first_look``: see
    ``compare_loaded``.
    """
    report = progress or _ignore
    is_cancelled = cancelled or _never
    forced = list(encodings or ())
    forced += [None] * (len(paths) - len(forced))
    loaded: list[LoadedText] = []
    for n, (path, encoding) in enumerate(zip(paths, forced, strict=True)):
        if is_cancelled():
            raise Cancelled
        loaded.append(
            load_file(path, max_bytes=options.max_file_bytes, encoding=encoding, others=loaded)
        )
        report(_LOAD_SHARE * (n + 1) / len(paths))
    steady_heap(sum(item.size for item in loaded))
    with _gc_paused():
        return _compare(
            loaded,
            options,
            lambda f: report(_LOAD_SHARE + (1 - _LOAD_SHARE) * f),
            is_cancelled,
            first_look,
            owned=True,
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
    first_look: FirstLook | None = None,
) -> Comparison:
    """Compare decoded inputs. Needs at least two.

    ``first_look``, for inputs of ``FIRST_LOOK_FROM`` paragraphs or more, is called once the
    versions are aligned, before kinds and word diffs, with a ``Comparison`` whose
    ``first_look`` is True: the same versions and rows as the result, no changes, every
    paragraph ``body`` with no word count. The viewer shows it while the rest is found.
    """
    if len(loaded) < 2:
        raise ValueError("a comparison needs at least two versions")
    steady_heap(sum(item.size for item in loaded))
    with _gc_paused():
        return _compare(loaded, options, progress or _ignore, cancelled or _never, first_look)


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
    first_look: FirstLook | None = None,
    *,
    owned: bool = False,
) -> Comparison:
    """``owned``: ``loaded`` is a list nobody else reads; its texts are let go once split (at
    50,000 paragraphs, a fifth of the peak memory: bench/engine_bench.py)."""
    from diffviewer.core.kinds import load_rules  # (Not at import: see versions.classify_versions.)

    known: dict[str, str] = {}  # Versions share most paragraphs: read each once.
    drafts = []
    for n in range(len(loaded)):
        drafts.append(draft(loaded[n], known))
        if owned and isinstance(loaded, list):
            loaded[n] = replace(loaded[n], text="")
    del known
    # Read after the texts are let go (before, the peak at 50,000 paragraphs was 30 MB higher),
    # and before any first look: a bad rules file is said at once.
    rule_set = load_rules(options.rules_files)
    keys = [version_keys for _, version_keys in drafts]
    pairs = _pairs(len(drafts), options.mode)
    thresholds = Thresholds(
        pair=options.pair_threshold, move=options.move_threshold, split=options.split_threshold
    )
    # Kinds come after the alignment: for a first look, and for memory. With kinds first,
    # the whole command's peak RSS at 50,000 paragraphs of (a) was 170 MB instead of 141
    # (glibc raises its mmap threshold after freeing a large block, and the alignment's many
    # blocks then stay on the heap; with a fixed threshold the order made no difference).
    unit_lists: list[list[Unit]] = []
    aligned: list[tuple[list[Step], set[int]]] = []
    bags = bags_for_pairs(_compared_keys(keys, options), pairs)
    for n, (p, q) in enumerate(pairs):
        if is_cancelled():
            raise Cancelled
        steps = align_pair(bags(p), bags(q), thresholds)
        units, muted = _units(steps, keys[p], keys[q], options.mute_typographic)
        unit_lists.append(units)
        aligned.append((steps, muted))
        report(0.5 * (n + 1) / len(pairs))
    del bags
    rows, row_of = merge_units([len(k) for k in keys], pairs, unit_lists)
    del unit_lists
    if first_look is not None and sum(map(len, keys)) >= FIRST_LOOK_FROM:
        first_look(_first_look(loaded, drafts, rows, pairs, options))
    kind_codes = classify_with(keys, rule_set)
    report(0.7)
    found: list[dict[str, Any]] = []
    for n, (steps, muted) in enumerate(aligned):
        found += _pair_changes(steps, muted, keys, pairs[n], kind_codes[2], is_cancelled)
        report(0.7 + 0.25 * (n + 1) / len(pairs))
    muted_count = sum(len(muted) for _, muted in aligned)
    del aligned
    table, codes, words = kind_codes
    versions = [
        make_version(item, columns, version_keys, version_words, version_codes, table)
        for item, (columns, version_keys), version_words, version_codes in zip(
            loaded, drafts, words, codes, strict=True
        )
    ]
    changes = []
    for fields in found:
        version, index = _kind_source(fields)
        kind, rule = table[codes[version][index]]
        changes.append(Change(**fields, kind=KINDS[kind], rule=rule, rows=_rows_of(fields, row_of)))
    report(1.0)
    return Comparison(
        versions=tuple(versions),
        rows=rows,
        changes=tuple(sorted(changes, key=lambda c: (c.rows[0] if c.rows else 0, c.from_version))),
        pairs=tuple(pairs),
        muted_typographic=muted_count,
        options_summary=options.describe(),
    )


def _compared_keys(keys: list[list[str]], options: CompareOptions) -> list[list[str]]:
    """What alignment compares: the keys, or their forms without case or punctuation."""
    ignore_case, ignore_punctuation = options.ignore_case, options.ignore_punctuation
    if not (ignore_case or ignore_punctuation):
        return keys
    return [
        [
            comparison_key(k, ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
            for k in version_keys
        ]
        for version_keys in keys
    ]


def _pair_changes(
    steps: list[Step],
    muted: set[int],
    keys: Sequence[Sequence[str]],
    pair: tuple[int, int],
    words: Sequence[Sequence[int]],
    is_cancelled: IsCancelled,
) -> list[dict[str, Any]]:
    """The changes of one compared pair (``_interpret``) from its steps and their word diffs;
    ``words``: every version's word counts (from the kinds pass)."""
    p, q = pair
    edits = _word_diffs(steps, keys[p], keys[q], muted, is_cancelled)
    return _interpret(steps, edits, muted, keys[p], keys[q], p, q, (words[p], words[q]))


def _first_look(
    loaded: Sequence[LoadedText],
    drafts: Sequence[tuple[Columns, Sequence[str]]],
    rows: tuple[Row, ...],
    pairs: Sequence[tuple[int, int]],
    options: CompareOptions,
) -> Comparison:
    """The comparison's versions and rows before kinds and changes (see ``compare_loaded``)."""
    versions = [
        first_look_version(item, columns, version_keys)
        for item, (columns, version_keys) in zip(loaded, drafts, strict=True)
    ]
    return Comparison(
        versions=tuple(versions),
        rows=rows,
        changes=(),
        pairs=tuple(pairs),
        options_summary=options.describe(),
        first_look=True,
    )


def _pairs(count: int, mode: CompareMode) -> list[tuple[int, int]]:
    if mode is CompareMode.AGAINST_FIRST:
        return [(0, k) for k in range(1, count)]
    return [(k - 1, k) for k in range(1, count)]


def _diff_texts(
    step: Step, old_keys: Sequence[str], new_keys: Sequence[str]
) -> tuple[str, str] | None:
    """The two texts a step's change is word-diffed on, or None if it needs no word diff."""
    if step.op is Op.CHANGED:
        return old_keys[step.old[0]], new_keys[step.new[0]]
    if step.op is Op.REMOVED:
        if step.moved_to is None or old_keys[step.old[0]] == new_keys[step.moved_to]:
            return None
        return old_keys[step.old[0]], new_keys[step.moved_to]
    if step.op in (Op.SPLIT, Op.MERGED):
        return " ".join(old_keys[i] for i in step.old), " ".join(new_keys[j] for j in step.new)
    return None


def _word_diffs(
    steps: Sequence[Step],
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    muted: set[int],
    is_cancelled: IsCancelled,
) -> dict[int, dict[str, Any]]:
    """The word-diff fields of each step that needs them (see ``_diff_texts``; not the
    ``muted`` ones, left out of the changes), by step number.

    A pair of texts met again (a paragraph repeated on the page, with the same edit) is diffed
    once: its steps share the fields, which nobody changes.
    """
    edits: dict[int, dict[str, Any]] = {}
    done: dict[tuple[str, str], dict[str, Any]] = {}
    codes = TokenCodes()  # One token table for all the pair's word diffs.
    equal, inserted = Op.EQUAL, Op.INSERTED  # (Locals: see _interpret.)
    for count, step in enumerate(steps):
        if count % 512 == 511 and is_cancelled():
            raise Cancelled
        if step.op is equal or step.op is inserted or count in muted:  # (Most steps.)
            continue
        texts = _diff_texts(step, old_keys, new_keys)
        if texts is not None:
            fields = done.get(texts)
            if fields is None:
                fields = done[texts] = _word_diff(*texts, codes)
            edits[count] = fields
    return edits


def _units(
    steps: Sequence[Step], old: Sequence[str], new: Sequence[str], mute_typographic: bool
) -> tuple[list[Unit], set[int]]:
    """A pair's row units (one per row the pair needs) and the numbers of its steps that
    ``mute_typographic`` leaves out of the changes: edits of case, quotes, dashes or
    punctuation only (``same_loose_key``), shown as equal rows."""
    units: list[Unit] = []
    muted: set[int] = set()
    # Per step, a run of mostly equal ones: enum members held in locals (reading ``Op.EQUAL``
    # goes through the enum class, ~0.2 µs in Python 3.11), units made by ``tuple.__new__``
    # (a NamedTuple's own ``__new__`` is a Python function).
    equal, changed, removed, inserted = Op.EQUAL, Op.CHANGED, Op.REMOVED, Op.INSERTED
    row_equal, unit = RowStatus.EQUAL, tuple.__new__
    for count, step in enumerate(steps):
        op = step.op
        if op is equal:
            units.append(unit(Unit, (step.old[0], step.new[0], row_equal)))
        elif op is changed:
            i, j = step.old[0], step.new[0]
            if mute_typographic and same_loose_key(old[i], new[j]):
                muted.add(count)
                units.append(Unit(i, j, row_equal))
            else:
                units.append(Unit(i, j, RowStatus.CHANGED))
        elif op is removed:
            status = RowStatus.REMOVED if step.moved_to is None else RowStatus.MOVED
            units.append(Unit(step.old[0], None, status))
        elif op is inserted:
            status = RowStatus.INSERTED if step.moved_from is None else RowStatus.MOVED
            units.append(Unit(None, step.new[0], status))
        else:
            status = RowStatus.SPLIT if op is Op.SPLIT else RowStatus.MERGED
            units.append(Unit(step.old[0], step.new[0], status))
            if op is Op.SPLIT:
                units.append(Unit(None, step.new[1], status))
            else:
                units.append(Unit(step.old[1], None, status))
    return units, muted


def _interpret(
    steps: list[Step],
    edits: dict[int, dict[str, Any]],
    muted: set[int],
    old: Sequence[str],
    new: Sequence[str],
    p: int,
    q: int,
    counts: tuple[Sequence[int], Sequence[int]],
) -> list[dict[str, Any]]:
    """Turn alignment steps into changes (not the ``muted`` ones: see ``_units``).

    ``old``, ``new``: the paragraphs' keys, ``counts`` their word counts (``count_words``,
    counted once for the report); ``edits``: the word-diff fields of the steps that have them
    (``_word_diffs``). Changes come as the fields of a ``Change`` but its kind, rule and rows,
    known once kinds are found and all pairs merged (see ``_kind_source``).
    """
    changes: list[dict[str, Any]] = []
    change: Callable[..., dict[str, Any]] = partial(dict, from_version=p, to_version=q)
    old_counts, new_counts = counts
    equal, changed = Op.EQUAL, Op.CHANGED  # (Locals: see _units.)
    for count, step in enumerate(steps):
        if step.op is equal or count in muted:
            continue
        if step.op is changed:
            i, j = step.old[0], step.new[0]
            a_key, b_key = old[i], new[j]
            # ASCII keys with different word counts cannot have equal loose keys (whose words
            # are the same runs of word characters): no need to build those.
            typographic = (
                not (a_key.isascii() and b_key.isascii()) or old_counts[i] == new_counts[j]
            ) and same_loose_words(a_key, b_key, edits.get(count))
            changes.append(
                change(
                    type=ChangeType.CHANGED,
                    old=step.old,
                    new=step.new,
                    typographic=typographic,
                    similarity=step.similarity,
                    **edits[count],
                )
            )
        elif step.op is Op.REMOVED:
            i = step.old[0]
            if step.moved_to is None:
                changes.append(
                    change(
                        type=ChangeType.REMOVED,
                        old=step.old,
                        new=(),
                        words_removed=old_counts[i],
                    )
                )
            else:
                changes.append(
                    change(
                        type=ChangeType.MOVED,
                        old=step.old,
                        new=(step.moved_to,),
                        similarity=step.similarity,
                        **edits.get(count, {}),
                    )
                )
        elif step.op is Op.INSERTED:
            if step.moved_from is None:
                changes.append(
                    change(
                        type=ChangeType.INSERTED,
                        old=(),
                        new=step.new,
                        words_added=new_counts[step.new[0]],
                    )
                )
        else:
            changes.append(
                change(
                    type=ChangeType.SPLIT if step.op is Op.SPLIT else ChangeType.MERGED,
                    old=step.old,
                    new=step.new,
                    similarity=step.similarity,
                    **edits[count],
                )
            )
    return changes


def same_loose_words(a: str, b: str, edit: dict[str, Any] | None = None) -> bool:
    """``same_loose_key(a, b)``; given ``edit``, the word diff of ``a`` and ``b``
    (``_word_diff``), only on the part between their common start and end that it found.

    The cuts fall right after a space (the start's last, the end's first), so each side's
    loose key is the loose keys of its three parts in a row: its characters are mapped one
    by one (case folded, punctuation to spaces), a space stays a space and ends a word, and a
    hyphen, whose fate depends on its neighbours, never sits beside a cut.
    """
    ops: Sequence[WordOp] = edit["word_ops"] if edit is not None else ()
    if not ops:
        return same_loose_key(a, b)
    first, last = ops[0], ops[-1]
    start = a.rfind(" ", 0, len(first.text)) + 1 if first.tag is OpTag.EQUAL else 0
    end = 0
    if len(ops) > 1 and last.tag is OpTag.EQUAL:
        end = a.find(" ", len(a) - len(last.text)) + 1
    if not end:
        return same_loose_key(a[start:], b[start:])
    return same_loose_key(a[start:end], b[start : end + len(b) - len(a)])


def _kind_source(fields: dict[str, Any]) -> tuple[int, int]:
    """(version, paragraph) whose kind a change has: its first old paragraph, else its new one
    (an insertion)."""
    if fields["old"]:
        return fields["from_version"], fields["old"][0]
    return fields["to_version"], fields["new"][0]


def _word_diff(old_text: str, new_text: str, codes: TokenCodes) -> dict[str, Any]:
    """The word-diff fields of a Change: its ops and the words they add and remove."""
    ops = word_ops(old_text, new_text, codes)
    added, removed = count_changed_words(ops)
    return {"word_ops": ops, "words_added": added, "words_removed": removed}


def _rows_of(fields: dict[str, Any], row_of: Sequence[Sequence[int]]) -> tuple[int, ...]:
    """The rows where a change (its fields, as ``_interpret`` gives them) shows."""
    rows = {row_of[fields["from_version"]][i] for i in fields["old"]}
    rows |= {row_of[fields["to_version"]][j] for j in fields["new"]}
    return tuple(sorted(rows))


def _ignore(_fraction: float) -> None:
    return None


def _never() -> bool:
    return False
