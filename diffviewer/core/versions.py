"""Decoded inputs → versions: each one's paragraphs and their keys (``draft``), the kinds of
all versions' paragraphs (``classify_versions``), and the ``Version`` they make together
(``make_version``). ``compare`` runs these around the alignment of the versions.
Imports: the standard library and ``core`` modules only (no Qt).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import is_
from typing import TYPE_CHECKING, cast, overload

from diffviewer.core.loading import LoadedText
from diffviewer.core.model import Kind, Paragraph, Version, make_paragraph
from diffviewer.core.paragraphs import Columns, normalise, normalise_all, split_columns

if TYPE_CHECKING:
    from diffviewer.core.rules import RuleSet


Draft = tuple[Columns, list[str]]
"""A version before its kinds are known: its paragraphs (``paragraphs.Columns``), and each
one's key."""

KindCodes = tuple[list[tuple[str, str]], list[list[int]], list[list[int]]]
"""Kinds and word counts of every version's paragraphs: the distinct (kind, rule name) results;
per version, each paragraph's number in that list; per version, each paragraph's word count."""


def draft(item: LoadedText, known: dict[str, str]) -> Draft:
    """Split a decoded input into paragraphs with keys (``known``: texts → keys, shared with
    other versions).

    Versions share most paragraphs: only texts not seen before are normalised, each once
    (together, ``normalise_all``), and a text that is its key is held once, by every version.
    """
    texts, firsts, lasts = split_columns(item.text)
    keys = list(map(known.get, texts))
    new = list(compress(count(), map(is_, keys, repeat(None))))
    fresh = list(dict.fromkeys(map(texts.__getitem__, new)))  # (Repeats too: once.)
    if fresh:
        # The whole text's checks pay where most of its paragraphs are new (the first
        # version); a later version's few new ones are normalised one by one.
        if 2 * len(fresh) > len(keys):
            made = normalise_all(fresh, item.text)
        else:
            made = list(map(normalise, fresh))
        if len(fresh) == len(keys):  # All new, all different: the keys are made.
            known.update(zip(fresh, made, strict=True))
            return (texts, firsts, lasts), made
        known.update(zip(fresh, made, strict=True))
        for n, key in zip(new, map(known.__getitem__, map(texts.__getitem__, new)), strict=True):
            keys[n] = key
    # A text equal to its key, seen before (in an earlier version, or earlier in this one):
    # hold that one.
    texts = [key if key == text else text for text, key in zip(texts, keys, strict=True)]
    return (texts, firsts, lasts), cast(list[str], keys)  # (Every None replaced above.)


def classify_versions(keys: Sequence[Sequence[str]], rules_files: Sequence[str] = ()) -> KindCodes:
    """The kinds of every version's paragraph keys (``paragraphs.normalise``: nothing else)
    under the bundled rules and ``rules_files``.

    Raises ``RulesError`` for a bad rules file.
    """
    from diffviewer.core.kinds import load_rules

    return classify_with(keys, load_rules(rules_files))


def classify_with(keys: Sequence[Sequence[str]], rules: RuleSet) -> KindCodes:
    """``classify_versions`` with the rules already loaded (``core.rules.load_rules``)."""
    from diffviewer.core.kinds import KindMemo, classify

    # Versions share most paragraphs: classify each (text, facts) once.
    memo = KindMemo(keys=True)
    found: dict[tuple[Kind, str], int] = {}
    codes = [
        [found.setdefault(result, len(found)) for result in classify(version, rules, memo)]
        for version in keys
    ]
    words = [memo.word_counts(version) for version in keys]
    return [(kind.value, rule) for kind, rule in found], codes, words


def make_version(
    item: LoadedText,
    columns: Columns,
    keys: Sequence[str],
    words: Sequence[int],
    codes: Sequence[int],
    table: Sequence[tuple[str, str]],
) -> Version:
    """A version's paragraphs: its columns, keys, word counts and kinds (``codes``: each
    paragraph's number in ``table``, see ``KindCodes``)."""
    texts, firsts, lasts = columns
    if not len(texts) == len(keys) == len(words) == len(codes):
        raise ValueError("one key, word count and kind per paragraph")
    kinds = [KINDS[kind] for kind, _ in table]
    rules = [rule for _, rule in table]
    paragraphs = tuple(
        map(
            make_paragraph,
            count(),
            texts,
            keys,
            firsts,
            lasts,
            words,
            map(kinds.__getitem__, codes),
            map(rules.__getitem__, codes),
        )
    )
    return _version_of(item, paragraphs)


def _version_of(item: LoadedText, paragraphs: tuple[Paragraph, ...]) -> Version:
    """The version of ``item`` (its decoding facts) with ``paragraphs``."""
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


KINDS = {kind.value: kind for kind in Kind}
"""Each kind by its name (as ``KindCodes`` hold them)."""


def build_version(item: LoadedText, rules_files: Sequence[str] = ()) -> Version:
    """One decoded input split into classified paragraphs (for callers outside ``compare``)."""
    columns, keys = draft(item, {})
    table, (codes,), (words,) = classify_versions([keys], rules_files)
    return make_version(item, columns, keys, words, codes, table)


def first_look_version(item: LoadedText, columns: Columns, keys: Sequence[str]) -> Version:
    """A version of a first look (``Comparison.first_look``): its paragraphs, all ``body``
    with no word count, made as they are read (``ParagraphsOnDemand``)."""
    return _version_of(item, cast("tuple[Paragraph, ...]", ParagraphsOnDemand(columns, keys)))


class ParagraphsOnDemand(Sequence[Paragraph]):
    """A first look's paragraphs, each made when read: the view reads those it shows, and
    making them all (twice as many again as the comparison's own) took ~0.1 s at 50,000
    paragraphs, before the first rows and again in the whole comparison's time."""

    __slots__ = ("_firsts", "_keys", "_lasts", "_texts")

    def __init__(self, columns: Columns, keys: Sequence[str]) -> None:
        self._texts, self._firsts, self._lasts = columns
        self._keys = keys

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Paragraph, ...]: ...
    def __getitem__(self, index: int | slice) -> Paragraph | tuple[Paragraph, ...]:
        if isinstance(index, slice):
            return tuple(map(self.__getitem__, range(*index.indices(len(self)))))
        if index < 0:
            index += len(self._texts)
        if not 0 <= index < len(self._texts):
            raise IndexError("paragraph index out of range")
        text = self._texts[index]
        first, last = self._firsts[index], self._lasts[index]
        return make_paragraph(index, text, self._keys[index], first, last, 0, Kind.BODY, "default")
