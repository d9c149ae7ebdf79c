"""Grapheme clusters (Unicode text segmentation, UAX #29): the only module that imports regex.

A reader sees one character where Unicode may store several code points: an emoji ZWJ sequence
(👨‍👩‍👧), an emoji with a skin tone, a flag (two regional indicators), a letter with combining
marks, a Thai consonant with its tone mark, a Devanagari conjunct. The word diff, the
highlights and the word counts cut text only between such extended grapheme clusters.

Python's ``unicodedata`` has neither the Grapheme_Cluster_Break nor the Extended_Pictographic
property, so segmentation comes from the ``regex`` package (``\\X``, kept up to date with
Unicode). It is imported on first need only: ``may_join`` answers with the standard ``re`` for
the texts most news is written in, whose characters never join (``SEPARATE``), and only the
others pay for ``regex``.
Imports: the standard library and (lazily) regex.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

#: Characters that are always a grapheme cluster of their own when no joining character is
#: near (Grapheme_Cluster_Break Other, Control, LF, LV or LVT; a test checks this against
#: ``regex``): Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic letters, punctuation,
#: symbols, CJK, kana, Hangul syllables. Conservative: a character left out only means the
#: slower exact segmentation.
SEPARATE = (
    "\x00-\x0c\x0e-\u02ff"  # ASCII but CR (CR LF is one cluster), Latin-1, Latin Extended-A
    # and B, IPA, spacing modifier letters
    "\u0370-\u0482\u048a-\u052f"  # Greek, Cyrillic (not its combining marks)
    "\u0531-\u0587\u05d0-\u05f4"  # Armenian, Hebrew letters (not the points)
    "\u0606-\u060f\u061b-\u064a\u0660-\u066f\u0671-\u06d5"  # Arabic letters (not the marks)
    "\u1e00-\u1fff"  # Latin Extended Additional (Vietnamese), Greek Extended
    "\u2000-\u200b\u200e-\u2064"  # spaces, ZWSP, LRM/RLM, punctuation (not ZWNJ, ZWJ)
    "\u2070-\u20cf\u2100-\u2bff"  # super/subscripts, currencies, letterlike, arrows, symbols
    "\u3000-\u3029\u3030-\u3098\u309b-\u30ff"  # CJK punctuation, kana (not combining marks)
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"  # ideographs, Hangul syllables
    "\ufe30-\ufe4f\uff01-\uff9d\uffa0-\uffef"  # CJK compatibility and full/halfwidth forms
    "\U00020000-\U0003ffff"  # CJK extensions
)

#: A ZWJ joining two emoji into one (GB11): the only zero-width character a key keeps.
_EMOJI_JOINER = (
    r"(?<=\p{Extended_Pictographic}\p{Grapheme_Cluster_Break=Extend}*)"
    r"\u200d(?=\p{Extended_Pictographic})"
)


@functools.cache
def _all_separate() -> re.Pattern[str]:
    """Compiled on first use (2.5 ms: its ranges pass the Basic Multilingual Plane); ASCII
    text never needs it."""
    return re.compile(f"[{SEPARATE}]*")


def may_join(text: str) -> bool:
    """Whether some grapheme cluster of ``text`` may hold more than one code point (False:
    every code point is a cluster of its own)."""
    if text.isascii():  # every ASCII character is SEPARATE but CR (CR LF is one cluster)
        return "\r" in text
    return _all_separate().fullmatch(text) is None


@functools.cache
def compile_clusters(pattern: str) -> regex.Pattern[str]:
    """``pattern`` compiled by ``regex`` (``\\X``: an extended grapheme cluster; ``\\p{…}``:
    Unicode properties), on first use."""
    import regex

    return regex.compile(pattern)


def clusters(text: str) -> list[str]:
    """The extended grapheme clusters of ``text``, in order."""
    if not may_join(text):
        return list(text)
    return compile_clusters(r"\X").findall(text)


def split_at_emoji_joiners(text: str) -> list[str]:
    """``text`` cut around each ZWJ that joins two emoji into one (those ZWJs left out)."""
    return compile_clusters(_EMOJI_JOINER).split(text)
