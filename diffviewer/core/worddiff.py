"""Word-level diff of two paragraphs: the only module that imports diff-match-patch.

Texts are cut into tokens (words, numbers with their group separators and decimal marks,
whitespace runs, single punctuation marks; one token per character in scripts written without
spaces), each distinct token is encoded as one private-use
character, and diff-match-patch diffs those strings. So an edit never splits a word, and
``diff_cleanupSemantic`` works on whole tokens.

Backend: ``fast_diff_match_patch`` (the same algorithm in C++, with wheels for Linux, macOS and
Windows; several times faster) where it is installed, else the pure-Python ``diff_match_patch``.
Both give the same ops (a test holds them equal on a corpus of pairs).

Determinism: no time limit (``Diff_Timeout = 0``, ``timelimit=0``), so no wall clock decides a
result. diff-match-patch is then
O(N·D) in the worst case; the work is bounded by size instead: after stripping the common token
prefix and suffix, a middle part longer than ``MAX_DIRECT_TOKENS`` tokens is first anchored by
patience matching (``core.matching``), stretches between anchors within the bound are diffed by
diff-match-patch. Repetitive text has no unique token to anchor on: a long stretch left
unmatched is anchored on the long equal runs of its shortest edit script when that has at most
``MAX_FEW_EDITS`` edits (``matching.few_edits_runs``, O(N · MAX_FEW_EDITS)); any longer changed
stretch is one deletion plus one insertion.
Tokens are whole grapheme clusters (``core.graphemes``): an edit inside an emoji sequence, a
flag or a Thai cluster highlights the whole character.
Imports: fast_diff_match_patch or diff_match_patch, the standard library, ``core.matching``,
``core.model``, ``core.graphemes`` and ``core.words``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Any

from diffviewer.core.graphemes import may_join
from diffviewer.core.matching import few_edits_runs, matching_pairs
from diffviewer.core.model import OpTag, WordOp
from diffviewer.core.words import cluster_pattern, count_words, spaceless_pattern

#: Largest middle part (old + new tokens, after common prefix/suffix) diffed in one go.
MAX_DIRECT_TOKENS = 3000
#: Most token insertions + deletions looked for in a long stretch with no unique token.
MAX_FEW_EDITS = 100
#: Shortest equal run of such a stretch's edit script taken as an anchor (shorter ones are left
#: to diff-match-patch with the edits around them, whose semantic cleanup may merge them).
_MIN_RUN = 8

# A number written with group separators or a decimal mark is one token: "100,000", "12.5",
# "3,5", "1.234.567", "1 000" (with a no-break space U+00A0 or a narrow one U+202F, as French
# writes it), so that an edit to it shows as one number for another ("100,000" → "120,000"),
# not as a change of its first digits. A mark joins only with a digit on both sides: "in 2024."
# keeps its full stop, "3,000-word" its hyphen; a plain space never joins ("in 2024 100 …").
# Word characters right after the last digits stay in the token ("2.5km"), as in ``\w+``.
_NUMBER_MARKS = "[.,\u00a0\u202f]"
_TOKEN = rf"[{{S}}]|\d+(?:{_NUMBER_MARKS}\d+)+[^\W{{S}}]*|[^\W{{S}}]+|\s+|[^\w\s]"
# The same cut in whole grapheme clusters, for texts whose code points may join: a cluster of a
# spaceless script, a number (its digits whole clusters), a run of clusters starting with a
# word character (``WORD_CLUSTERS``) or with whitespace, or one other cluster (an emoji
# sequence, a flag, a mark…).
_CLUSTER_TOKEN = (
    r"(?=[{S}])\X"
    rf"|(?:(?=\d)\X)+(?:{_NUMBER_MARKS}(?:(?=\d)\X)+)+(?:(?![{{S}}])(?=[\p{{L}}\p{{N}}_])\X)*"
    r"|(?:(?![{S}])(?=[\p{L}\p{N}_])\X)+|(?:(?=\s)\X)+|\X"
)
# The same cut for ASCII text, where the spaceless classes cannot match (cheap to compile).
_ASCII_TOKEN = re.compile(r"\d+(?:[.,]\d+)+\w*|\w+|\s+|[^\w\s]")


Diff = Callable[[str, str], list[tuple[OpTag, int]]]
"""A character diff with semantic cleanup: (tag, length) runs (lengths in code points)."""


@functools.cache
def _differ() -> Diff:
    """The backend, chosen on first use (a start-up need not pay its import)."""
    try:
        from fast_diff_match_patch import diff as compiled
    except ImportError:  # No wheel for this platform or Python: the pure-Python package.
        return pure_diff
    tags = {"=": OpTag.EQUAL, "-": OpTag.DELETE, "+": OpTag.INSERT}

    def compiled_diff(old: str, new: str) -> list[tuple[OpTag, int]]:
        # No deadline: results must not depend on how busy the machine is. Lengths, not
        # texts: the caller cuts its texts by them (no strings built here to decode).
        runs = compiled(
            old, new, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
        )
        return [(tags[op], length) for op, length in runs]

    return compiled_diff


@functools.cache
def _pure_differ() -> Any:
    """diff_match_patch's differ (importing it, and the urllib.parse it pulls in, costs ~7 ms)."""
    from diff_match_patch import diff_match_patch

    differ = diff_match_patch()
    differ.Diff_Timeout = 0  # No deadline: results must not depend on how busy the machine is.
    return differ


def pure_diff(old: str, new: str) -> list[tuple[OpTag, int]]:
    """The pure-Python backend: ``diff_main`` without line mode, then ``diff_cleanupSemantic``."""
    differ = _pure_differ()
    diffs = differ.diff_main(old, new, False)
    differ.diff_cleanupSemantic(diffs)
    return [(_DMP_TAG[op], len(text)) for op, text in diffs]


# Token codes: the Basic Multilingual Plane's private-use area, then planes 15 and 16.
_CODE_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
_MAX_CODES = sum(hi - lo + 1 for lo, hi in _CODE_RANGES)

_DMP_TAG = {-1: OpTag.DELETE, 0: OpTag.EQUAL, 1: OpTag.INSERT}
# The tags as module globals for the loops over ops: reading ``OpTag.EQUAL`` goes through the
# enum class (~0.2 µs in Python 3.11; a global, ~0.02 µs).
_EQUAL, _DELETE, _INSERT = OpTag.EQUAL, OpTag.DELETE, OpTag.INSERT


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into tokens whose concatenation is ``text``, never inside a grapheme
    cluster (the exact segmentation only where code points may join: ``may_join``)."""
    return (_tokenizer(text) or _cut_clusters)(text)


def _tokenizer(text: str) -> Callable[[str], list[str]] | None:
    """The token cut for ``text`` and its parts (``findall`` of a pattern), or None when its
    code points may join into clusters (``_cut_clusters`` then, on the whole text only)."""
    if text.isascii():
        return _ASCII_TOKEN.findall
    if may_join(text):
        return None
    return spaceless_pattern(_TOKEN).findall


def _cut_clusters(text: str) -> list[str]:
    return cluster_pattern(_CLUSTER_TOKEN).findall(text)


class TokenCodes(dict[str, str]):
    """Token → private-use character, given on first sight (``__missing__``).

    One table can serve all the word diffs of a comparison, so that each pair needs no
    vocabulary of its own. Which character a token gets does not change a result:
    diff-match-patch compares characters for equality, and its semantic scoring sees every
    private-use character alike (neither letter, digit, space nor line break).
    """

    def __init__(self) -> None:
        super().__init__()
        self.tokens: dict[str, str] = {}
        """Character → token: the decoding table."""

    def __missing__(self, token: str) -> str:
        if len(self) >= _MAX_CODES:
            raise _TableFull
        code = _code_point(len(self))
        self[token] = code
        self.tokens[code] = token
        return code


class _TableFull(Exception):
    """A ``TokenCodes`` has given out every private-use character."""


def word_ops(old: str, new: str, codes: TokenCodes | None = None) -> tuple[WordOp, ...]:
    """The word-granular difference between two texts.

    EQUAL+DELETE texts concatenate to ``old``; EQUAL+INSERT texts to ``new``. ``codes``: a
    table shared with other word diffs (saves work; the result is the same).

    The common token prefix and suffix are equal ops. Most of a paragraph usually is, so the
    texts are first cut where they start and stop differing (``_trim``) and only the part
    between is tokenized; the ops are those of tokenizing the whole texts.
    """
    if old == new:
        return (WordOp(OpTag.EQUAL, old),) if old else ()
    cut_old, cut_new = _tokenizer(old), _tokenizer(new)
    start, old_end, new_end = 0, len(old), len(new)
    if cut_old is not None and cut_new is not None:
        start, old_end, new_end = _trim(old, new)
    else:
        cut_old = cut_old or _cut_clusters
        cut_new = cut_new or _cut_clusters
    a, b = cut_old(old[start:old_end]), cut_new(new[start:new_end])
    prefix = _common_prefix(a, b)
    if prefix == min(len(a), len(b)) and old_end < len(old):
        # One middle is all prefix: the token prefix may run on into the cut-off tail (which
        # the whole texts' suffix would not take then), so the tail is tokenized after all.
        tail = cut_old(old[old_end:])
        a += tail
        b += tail
        old_end, new_end = len(old), len(new)
    suffix = _common_suffix(a, b, prefix)
    ops: list[tuple[OpTag, str]] = []
    if start or prefix:
        ops.append((_EQUAL, old[:start] + "".join(a[:prefix])))
    middle = (a[prefix : len(a) - suffix], b[prefix : len(b) - suffix])
    ops.extend(_diff_middle(*middle, TokenCodes() if codes is None else codes))
    if suffix or old_end < len(old):
        ops.append((_EQUAL, "".join(a[len(a) - suffix :]) + old[old_end:]))
    return tuple(_merge(ops))


def _trim(old: str, new: str) -> tuple[int, int, int]:
    """(start, old end, new end): where two different texts may be cut so that
    ``old[:start] == new[:start]``, ``old[old_end:] == new[new_end:]``, and each cut falls
    between two tokens in both texts, the text before it tokenized alike in both.

    A cut is made right after a plain space followed by a letter or digit: a plain space is
    always a whitespace token of its own run (no number mark, no other token takes it), and
    that run stops at a character that is not whitespace, under either token pattern. The
    start cut lies inside the common character prefix and the end cuts inside the common
    character suffix, which does not reach into the prefix.
    """
    shortest = min(len(old), len(new))
    same = _same_prefix(old, new, shortest)
    start = 0
    space = old.rfind(" ", 0, same - 1) if same > 1 else -1
    while space >= 0:
        if old[space + 1].isalnum():
            start = space + 1
            break
        space = old.rfind(" ", 0, space)
    same = _same_suffix(old, new, shortest - start)
    old_end = len(old)
    space = old.find(" ", old_end - same)
    while 0 <= space < old_end - 1:
        if old[space + 1].isalnum():
            old_end = space + 1
            break
        space = old.find(" ", space + 1)
    return start, old_end, len(new) - (len(old) - old_end)


def _same_prefix(old: str, new: str, most: int) -> int:
    """The length of the common prefix of two texts, at most ``most`` (slices compared in C,
    bisecting the length)."""
    lo, hi = 0, most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old.startswith(new[lo:mid], lo):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _same_suffix(old: str, new: str, most: int) -> int:
    """The length of the common suffix of two texts, at most ``most``."""
    lo, hi = 0, most
    old_len, new_len = len(old), len(new)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old.startswith(new[new_len - mid : new_len - lo], old_len - mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def count_changed_words(ops: Sequence[WordOp]) -> tuple[int, int]:
    """(words added, words removed) in a word diff."""
    # Ops split texts between tokens, so no word spans two of them: each side is counted in one
    # go, its texts joined by a line break (a control character: never part of a word nor of
    # a grapheme cluster with its neighbours).
    added = count_words("\n".join([op.text for op in ops if op.tag is _INSERT]))
    removed = count_words("\n".join([op.text for op in ops if op.tag is _DELETE]))
    return added, removed


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: list[str], b: list[str], prefix: int) -> int:
    n = min(len(a), len(b)) - prefix
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _diff_middle(a: list[str], b: list[str], codes: TokenCodes) -> Iterator[tuple[OpTag, str]]:
    if not a or not b:
        if a:
            yield OpTag.DELETE, "".join(a)
        if b:
            yield OpTag.INSERT, "".join(b)
        return
    if len(a) + len(b) <= MAX_DIRECT_TOKENS:
        yield from _diff_tokens(a, b, codes)
        return
    yield from _diff_long(a, b, codes)


def _diff_tokens(a: list[str], b: list[str], codes: TokenCodes) -> Iterator[tuple[OpTag, str]]:
    """Diff two token lists with diff-match-patch, one character per distinct token; each
    run of n characters is the text of the next n tokens (cut from the joined tokens)."""
    try:
        old, new = "".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b))
    except _TableFull:  # A shared table ran out: a table of their own holds these tokens.
        codes = TokenCodes()
        old, new = "".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b))
    old_text, new_text = "".join(a), "".join(b)
    old_at = list(accumulate(map(len, a), initial=0))  # Where each token starts.
    new_at = list(accumulate(map(len, b), initial=0))
    i = j = 0
    for tag, length in _differ()(old, new):
        if tag is _INSERT:
            yield tag, new_text[new_at[j] : new_at[j + length]]
            j += length
            continue
        yield tag, old_text[old_at[i] : old_at[i + length]]
        i += length
        if tag is _EQUAL:
            j += length


def _diff_long(a: list[str], b: list[str], codes: TokenCodes) -> Iterator[tuple[OpTag, str]]:
    """Anchor long token lists (``_anchor_runs``); diff the stretches between anchors."""
    i = j = 0
    for mi, mj, size in [*_anchor_runs(a, b), (len(a), len(b), 0)]:
        gap_a, gap_b = a[i:mi], b[j:mj]
        if gap_a and gap_b and len(gap_a) + len(gap_b) <= MAX_DIRECT_TOKENS:
            yield from _diff_tokens(gap_a, gap_b, codes)
        else:
            if gap_a:
                yield OpTag.DELETE, "".join(gap_a)
            if gap_b:
                yield OpTag.INSERT, "".join(gap_b)
        if size:
            yield OpTag.EQUAL, "".join(a[mi : mi + size])
        i, j = mi + size, mj + size


def _anchor_runs(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Runs (i, j, length) of equal tokens anchoring a long diff, in order: patience matching
    first; in a stretch it leaves unmatched and too long to diff directly (repetitive text,
    whose tokens all repeat), the long equal runs of a shortest edit script with few edits."""
    runs: list[tuple[int, int, int]] = []
    i = j = 0
    for mi, mj in [*matching_pairs(a, b), (len(a), len(b))]:
        if i < mi and j < mj and (mi - i) + (mj - j) > MAX_DIRECT_TOKENS:
            found = few_edits_runs(a[i:mi], b[j:mj], MAX_FEW_EDITS) or ()
            runs.extend((i + x, j + y, size) for x, y, size in found if size >= _MIN_RUN)
        if mi < len(a):
            last = runs[-1] if runs else None
            if last is not None and last[0] + last[2] == mi and last[1] + last[2] == mj:
                runs[-1] = (last[0], last[1], last[2] + 1)
            else:
                runs.append((mi, mj, 1))
        i, j = mi + 1, mj + 1
    return runs


def _code_point(n: int) -> str:
    for lo, hi in _CODE_RANGES:
        size = hi - lo + 1
        if n < size:
            return chr(lo + n)
        n -= size
    raise ValueError("token vocabulary too large")  # Guarded by the caller.


def _merge(ops: list[tuple[OpTag, str]]) -> Iterator[WordOp]:
    """Join neighbouring ops of the same tag and drop empty ones."""
    tag: OpTag | None = None
    parts: list[str] = []
    for op_tag, text in ops:
        if not text:
            continue
        if op_tag is tag:
            parts.append(text)
            continue
        if tag is not None:
            yield WordOp(tag, parts[0] if len(parts) == 1 else "".join(parts))
        tag, parts = op_tag, [text]
    if tag is not None:
        yield WordOp(tag, parts[0] if len(parts) == 1 else "".join(parts))
