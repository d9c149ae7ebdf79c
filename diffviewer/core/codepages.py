"""Which code page a non-UTF text is in: chardet's candidates ranked for a news text.

chardet's top guess alone is often wrong on short texts: its candidates are nearly tied
("Zoë and Chloë went to the fête." comes out as cp720, "Größe" as mac-iceland). ``rank``
weighs each candidate by chardet's confidence (relative to its best), how likely the code
page is for a news text (``_PRIORS``: Windows code pages and national standards first, then
the other ISO-8859 parts, Mac, DOS and rare regional ones last), the oddity of the text it
decodes to (``core.plausible``) and what the other versions of the comparison say (the same
encoding, the same characters). ``decoders`` names the codecs to decode the file with once a
candidate is chosen (its superset; Western European names settled by the bytes).

Figures: ``bench/encoding_bench.py`` (README, Loading).

Imports: the standard library and ``core.plausible`` (chardet only in ``core.loading``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diffviewer.core.plausible import oddity

__all__ = ["Hint", "decoders", "rank"]

_WESTERN = frozenset({"latin-1", "iso8859-15", "cp1252", "ascii"})
_C1_BYTE = re.compile(rb"[\x80-\x9f]")
# Where ISO-8859-15 differs from latin-1: € Š š Ž ž Œ œ Ÿ.
_ISO8859_15_ONLY = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe]")
# Superset tried when the chosen codec cannot decode the whole file.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
}

# How likely a code page is for a news text, as a log-odds bonus: the Windows code pages and
# the national standards first, the other ISO-8859 parts after, Mac, DOS and rare regional
# code pages last (chardet ranks them alike when a text is short).
_PRIORS = {
    # The most common legacy code page: ahead where chardet's candidates are nearly tied, as
    # on a word alone ("naïve", not cp1250's "naďve").
    **dict.fromkeys(("cp1252", "latin-1"), 0.25),
    **dict.fromkeys(("cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256"), 0.0),
    "cp1257": -0.5,  # Baltic: far rarer than cp1252, which shares most of its Latin letters
    **dict.fromkeys(("cp1258", "cp874", "tis-620", "koi8-r", "koi8-u"), 0.0),
    **dict.fromkeys(("gb2312", "gbk", "gb18030", "big5", "big5hkscs", "shift_jis"), 0.0),
    **dict.fromkeys(("cp932", "euc_jp", "euc_kr", "cp949"), 0.0),
    **dict.fromkeys(("iso8859-2", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8"), 0.0),
    **dict.fromkeys(("iso8859-9", "iso8859-11", "iso8859-13", "iso8859-15"), -0.2),
    # Only UTF-16 without any NUL (no ASCII at all) is ranked here: a code page's reading
    # that is just as clean is likelier.
    **dict.fromkeys(("utf-16-le", "utf-16-be"), -1.0),
    **dict.fromkeys(("iso8859-3", "iso8859-4", "iso8859-10", "iso8859-14", "iso8859-16"), -1.5),
    **dict.fromkeys(("johab", "euc_jis_2004", "euc_jisx0213", "shift_jis_2004", "cp866"), -1.5),
}
_PRIOR_MAC_DOS = -2.5  # mac-*, cp437, cp850…
_PRIOR_OTHER = -3.0  # hp-roman8, kz1048, ptcp154, cp720, cp1006…
# Weights of the ranking: chardet's confidence ratio (capped), the oddity of the decoded
# sample (per non-ASCII character, see core.plausible), and the hints from other versions.
_CONFIDENCE_FLOOR = -6.0
_ODDITY_WEIGHT = 2.0
_SAME_AS_OTHER = 1.5
_SHARED_CHARACTERS = 2.0
_SCORED_CHARS = 1024
_CONFIDENCE_MARGIN = 3.0
_WESTERN_FAMILY = frozenset({"cp1252", "latin-1", "iso8859-15"})
_HINT_CHARS = 64 * 1024  # of each other version


def _prior(codec: str) -> float:
    if codec in _PRIORS:
        return _PRIORS[codec]
    if codec.startswith("mac-") or re.fullmatch(r"cp[4-8]\d\d", codec):
        return _PRIOR_MAC_DOS
    return _PRIOR_OTHER


def rank(
    data: bytes,
    sample: bytes,
    candidates: Iterable[tuple[str, float]],
    others: Sequence[tuple[str, str]],
) -> list[tuple[str, float]]:
    """Candidates (codec, chardet's confidence) best first, each with how sure the choice is
    (its share of the evidence). ``sample`` is what is scored, ``data`` the whole file (a
    UTF-16 candidate is scored on its head), ``others`` (encoding, text) of the other
    versions of the comparison.

    Score = log of chardet's confidence relative to its best (capped) + the code page's
    prior − the oddity of the decoded sample + hints from the other versions. Candidates
    are scored best bound first; scoring stops once no bound comes within
    ``_CONFIDENCE_MARGIN`` of the best score: the rest could neither win nor weigh much in
    the confidence (e^-3 each at most).
    """
    listed = list(candidates)
    if not listed:
        return []
    top = max(confidence for _, confidence in listed) or 1.0
    hint = Hint.of(others)
    bounded = sorted(
        (
            (
                max(_CONFIDENCE_FLOOR, math.log(max(confidence, 1e-9) / top)) + _prior(codec),
                codec,
            )
            for codec, confidence in listed
        ),
        reverse=True,
    )
    scores: dict[str, float] = {}
    readings: set[str] = set()  # a text read alike by two codecs is one reading, not two
    for bound, codec in bounded:
        if scores and bound + hint.most < max(scores.values()) - _CONFIDENCE_MARGIN:
            break
        text = _decode_sample(data if codec.startswith("utf-16") else sample, codec)
        if text is not None and text not in readings:
            readings.add(text)
            scores[codec] = bound - _ODDITY_WEIGHT * oddity(text) + hint.bonus(codec, text)
    if not scores:
        return []
    best = max(scores.values())
    total = sum(math.exp(score - best) for score in scores.values())
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    return [(codec, round(max(0.01, math.exp(score - best) / total), 2)) for codec, score in ranked]


def _decode_sample(sample: bytes, codec: str) -> str | None:
    """The head of ``sample`` decoded strictly, or None when ``codec`` (or its superset)
    cannot decode it. A character cut at the end is dropped: the sample and its head are
    cut from the file at byte counts (the whole file is decoded strictly later)."""
    head = sample[: _SCORED_CHARS * (2 if codec.startswith("utf-16") else 1)]
    for name in (codec, _SUPERSETS.get(codec, codec)):
        try:
            return head.decode(name)
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:
                try:
                    return head[: error.start].decode(name)
                except UnicodeDecodeError:
                    pass
    return None


@dataclass(frozen=True, slots=True)
class Hint:
    """What the other versions of a comparison tell about this one's encoding."""

    encodings: frozenset[str]
    characters: frozenset[str]

    @classmethod
    def of(cls, others: Sequence[tuple[str, str]]) -> Hint:
        """From the (encoding, text) of the other versions; UTF encodings tell nothing."""
        encodings = {
            "cp1252" if encoding in _WESTERN_FAMILY else encoding
            for encoding, _ in others
            if not encoding.startswith("utf-")
        }
        characters: set[str] = set()
        for _, text in others:
            characters.update(text[:_HINT_CHARS])
        return cls(frozenset(encodings), frozenset(c for c in characters if c >= "\x80"))

    @property
    def most(self) -> float:
        return (_SAME_AS_OTHER if self.encodings else 0.0) + (
            _SHARED_CHARACTERS if self.characters else 0.0
        )

    def bonus(self, codec: str, text: str) -> float:
        """Same encoding as another version, and the share of this text's non-ASCII
        characters that the others hold."""
        family = "cp1252" if codec in _WESTERN_FAMILY else codec
        bonus = _SAME_AS_OTHER if family in self.encodings else 0.0
        if self.characters:
            own = {char for char in text if char >= "\x80"}
            if own:
                bonus += _SHARED_CHARACTERS * len(own & self.characters) / len(own)
        return bonus


def decoders(data: bytes, guess: str | None) -> list[str]:
    """The codecs to decode the file with when ``guess`` is chosen, best first (its
    superset after it).

    Western European guesses are settled by the bytes rather than by chardet's pick among
    equals: bytes 0x80–0x9F are C1 controls in latin-1 and ISO-8859-15 but letters and
    punctuation in cp1252 (“ ” € …), so they mean cp1252; without them and without the eight
    bytes where ISO-8859-15 differs, the three decode alike and the file is reported as latin-1.
    """
    if guess is None:
        return []
    if guess in _WESTERN:
        if _C1_BYTE.search(data):
            return ["cp1252", guess]
        if guess == "iso8859-15" and _ISO8859_15_ONLY.search(data):
            return [guess]
        return ["latin-1"]
    superset = _SUPERSETS.get(guess)
    return [guess] if superset is None else [guess, superset]
