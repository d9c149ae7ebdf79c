"""Rule patterns' syntax and its translation to RE2 (``to_re2``), with their relaxed forms
(see ``core.patterns.Pattern``); ``PatternError`` for a pattern that cannot be taken.

Syntax: RE2's (https://github.com/google/re2/wiki/Syntax), read as Python reads its own, so
that rules written for Python's ``re`` keep their meaning:

- ``\\w \\W \\d \\D \\s \\S`` are Unicode classes as in Python (RE2's are ASCII): ``\\w`` is a
  letter, a number or ``_`` (``[\\p{L}\\p{N}_]``), ``\\d`` a decimal digit (``\\p{Nd}``), ``\\s``
  Python's whitespace, also inside ``[…]``. ``\\W`` or ``\\S`` inside ``[^…]`` is refused (RE2
  has no class difference; use ``\\p{…}`` classes).
- ``\\b`` and ``\\B`` are RE2's: a boundary between an ASCII word character and anything else.
  RE2 has no Unicode word boundary; next to a non-ASCII letter (``\\bcafé\\b`` before a space,
  ``é`` being no ASCII word character) it differs from Python's. ``bench/rules_equivalence.py``
  counts what this changes for the bundled rules on real pages.
- the ``x`` (verbose) flag, as ``flags = "x"`` or a leading ``(?x)``: whitespace and ``#``
  comments outside ``[…]`` are dropped here (RE2 has no verbose mode); an escaped space or
  ``\\#`` stays. A scoped ``(?x:…)`` is refused.
- Python spellings RE2 lacks are translated: ``\\Z`` (``\\z``), ``\\uXXXX``, ``\\UXXXXXXXX``,
  ``\\N{NAME}``, ``{,n}``, ``(?<name>…)``, ``[`` inside a class (a literal in Python),
  ``[\\b]`` (backspace); ``(?#…)`` comments are dropped.
- ``$`` is the end of the text (RE2; Python also accepts a final newline: paragraphs have none).
- a letter that pages often write in another form matches that form too (outside ``[…]``):
  Arabic alef with or without hamza or madda (``ا أ إ آ``), final yeh and alef maksura
  (``ي ى``), taa marbuta and heh (``ة ه``): "آخر الأخبار" finds "آخر الاخبار", as sites
  type it; and ``ß`` matches ``ss``, as Swiss German writes it ("vergrößern", "vergrössern").
- with the ``i`` flag, RE2 folds case by Unicode's simple case folding, as Python does, but
  for one pair: Python also lets ``i`` match the Turkish ``İ`` and ``ı``, RE2 does not (every
  other ASCII letter, ``ß``, ``é`` and ``µ`` fold alike over all code points).
- refused with a one-line reason: lookahead and lookbehind ``(?=…) (?!…) (?<=…) (?<!…)``, back
  references ``\\1 (?P=name)``, conditionals ``(?(1)…)``, atomic groups and possessive
  quantifiers, flags ``a`` and ``L``, repetition counts above 1,000, and patterns whose compiled
  program passes ``core.patterns.MAX_PROGRAM_BYTES``.

Imports: the standard library and ``core.errors`` only.
"""

from __future__ import annotations

import re
import unicodedata

from diffviewer.core.errors import RulesError

__all__ = ["PatternError", "to_re2"]


_FLAG_LETTERS = "imsx"
# Python's \w: letters (isalpha), numbers (isnumeric) and "_". Python's \s: str.isspace.
_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t-\r\x1c-\x1f\x85\p{Z}"
_CLASS_MEMBERS = {"w": _WORD, "d": _DIGIT, "s": _SPACE, "D": r"\P{Nd}"}
_SHORTHANDS = {
    "w": f"[{_WORD}]",
    "W": f"[^{_WORD}]",
    "d": _DIGIT,
    "D": r"\P{Nd}",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
    "Z": r"\z",
}
# The relaxed forms (see ``Pattern``) of the Unicode classes: their ASCII members and every
# non-ASCII character, a few byte ranges where RE2 makes a large UTF-8 automaton of the class.
_NON_ASCII = r"\x{80}-\x{10ffff}"
_ASCII_SPACE = r"\t-\r\x1c-\x20"
_LOOSE_SHORTHANDS = {
    "w": f"[0-9A-Z_a-z{_NON_ASCII}]",
    "W": "[^0-9A-Z_a-z]",
    "d": f"[0-9{_NON_ASCII}]",
    "D": "[^0-9]",
    "s": f"[{_ASCII_SPACE}{_NON_ASCII}]",
    "S": f"[^{_ASCII_SPACE}]",
}
# In a negated class ``[^…]`` a member's relaxed form must be a subset: its ASCII members.
_ASCII_MEMBERS = {"w": "0-9A-Z_a-z", "d": "0-9", "s": _ASCII_SPACE, "D": r"\x00-/:-\x7f"}
_HEX_DIGITS = {"u": 4, "U": 8}
_SPACES = frozenset(" \t\n\r\f\v")

#: Letters and the forms pages write them in (see the module doc): Arabic alef, yeh, taa
#: marbuta; German sharp s. (Persian yeh and keheh for Arabic yeh and kaf were tried: Persian
#: pages' dates then read as such moved two pages' structure, 4 paragraphs lost, 1 won.)
_FORMS = {
    letter: group
    for group in (
        "[\u0627\u0623\u0625\u0622]",
        "[\u064a\u0649]",
        "[\u0629\u0647]",
    )
    for letter in group[1:-1]
} | {"ß": "(?:ß|ss)"}
_BRACE = re.compile(r"\{(\d*)(,?)(\d*)\}")
_OCTAL = re.compile(r"[0-7]{3}")
_MAX_REPEAT = 1000  # RE2's limit
_LOOSE_ABOVE = 4


class PatternError(RulesError):
    """A pattern RE2 cannot take or that is malformed; the message says why, in one line."""


def to_re2(source: str, flags: str = "") -> str:
    """``source`` (with ``flags``) rewritten in RE2's syntax with Python's meaning (see above)."""
    return _translate(source, flags)[0]


def _translate(source: str, flags: str) -> tuple[str, str]:
    """The RE2 translation, and the same with large counted repetitions unbounded (a pattern
    finding every text the translation finds, and more)."""
    unknown = sorted(set(flags) - set(_FLAG_LETTERS))
    if unknown:
        raise PatternError(f"unknown flag {unknown[0]!r} (known: i, m, s, x)")
    start, leading = _leading_flags(source)
    letters = set(flags) | leading
    translator = _Translator(source, start, verbose="x" in letters)
    body = translator.translate()
    kept = "".join(c for c in "ims" if c in letters)
    prefix = f"(?{kept})" if kept else ""
    return prefix + body, prefix + translator.relaxed()


def _leading_flags(source: str) -> tuple[int, set[str]]:
    """Where the pattern proper starts after Python's global ``(?flags)`` groups, and the flags."""
    letters: set[str] = set()
    i = 0
    while source.startswith("(?", i):
        end = source.find(")", i)
        group = source[i + 2 : end] if end >= 0 else ""
        if not group or not group.isalpha():
            break
        _check_flag_letters(group)
        letters |= set(group) - {"u"}
        i = end + 1
    return i, letters


def _check_flag_letters(letters: str) -> None:
    for letter in letters:
        if letter in "aL":
            raise PatternError(f"the {letter!r} flag is not supported (classes are always Unicode)")
        if letter not in "imsxu":
            raise PatternError(f"unknown flag {letter!r} in a (?…) group")


class _Translator:
    """One left-to-right pass over a pattern, writing its RE2 spelling."""

    def __init__(self, source: str, start: int, *, verbose: bool) -> None:
        self.p = source
        self.i = start
        self.verbose = verbose
        self.out: list[str] = []
        self.loose: dict[int, str] = {}
        """For counted repetitions: what ``relaxed`` writes instead, by index in ``out``."""

    def translate(self) -> str:
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if self.verbose and c in _SPACES:
                self.i += 1
            elif self.verbose and c == "#":
                end = p.find("\n", self.i)
                self.i = len(p) if end < 0 else end + 1
            elif c == "\\":
                letter = p[self.i + 1 : self.i + 2]
                self.add(self.escape(in_class=False), _LOOSE_SHORTHANDS.get(letter))
            elif c == "[":
                self.add(*self.char_class())
            elif c == "(" and p.startswith("(?", self.i):
                self.group()
            elif c == "{":
                self.add(*self.brace())
            elif c in "*+?}" and p.startswith("+", self.i + 1):
                raise PatternError(f"possessive quantifier {c}+ is not supported")
            else:
                self.out.append(_FORMS.get(c, c))
                self.i += 1
        return "".join(self.out)

    def add(self, exact: str, loose: str | None) -> None:
        """Write ``exact``, and ``loose`` in its place in the relaxed form (None: the same)."""
        if loose is not None and loose != exact:
            self.loose[len(self.out)] = loose
        self.out.append(exact)

    def relaxed(self) -> str:
        """The translation's relaxed form (after ``translate``): large counted repetitions
        unbounded, Unicode classes widened to every non-ASCII character (see ``Pattern``)."""
        return "".join(self.loose.get(n, piece) for n, piece in enumerate(self.out))

    def escape(self, *, in_class: bool) -> str:  # noqa: PLR0911 — one return per kind of escape
        p = self.p
        if self.i + 1 >= len(p):
            raise PatternError("the pattern ends with a lone backslash")
        d = p[self.i + 1]
        self.i += 2
        if d in _HEX_DIGITS:
            digits = p[self.i : self.i + _HEX_DIGITS[d]]
            if len(digits) != _HEX_DIGITS[d] or not _is_hex(digits):
                raise PatternError(f"\\{d} needs {_HEX_DIGITS[d]} hexadecimal digits")
            self.i += len(digits)
            return f"\\x{{{digits}}}"
        if d == "N":
            end = p.find("}", self.i)
            if not p.startswith("{", self.i) or end < 0:
                raise PatternError("\\N needs a character name: \\N{EM DASH}")
            try:
                char = unicodedata.lookup(p[self.i + 1 : end])
            except KeyError:
                raise PatternError(f"unknown character name {p[self.i + 1 : end]!r}") from None
            self.i = end + 1
            return f"\\x{{{ord(char):x}}}"
        octal = _OCTAL.match(p, self.i - 1)
        if octal is not None and d != "0":  # Python reads \101 as "A"
            self.i += 2
            return f"\\x{{{int(octal.group(), 8):x}}}"
        if d.isdigit() and d != "0":
            raise PatternError(f"back reference \\{d} is not supported")
        if d in "pP" and p.startswith("{", self.i):  # A Unicode class: \p{Lu}, \P{Greek}
            end = p.find("}", self.i)
            if end < 0:
                raise PatternError(f"\\{d}{{ needs its closing brace: \\{d}{{L}}")
            name = p[self.i : end + 1]
            self.i = end + 1
            return f"\\{d}{name}"
        if in_class:
            if d in _CLASS_MEMBERS:
                return _CLASS_MEMBERS[d]
            if d == "b":
                return r"\x08"
            return "\\" + d
        return _SHORTHANDS.get(d, "\\" + d)

    def char_class(self) -> tuple[str, str]:
        """A ``[…]`` class, read as Python reads it (``]`` first is a member, ``[`` a literal),
        and its relaxed form: where it has Unicode members (``\\w \\d \\s \\D \\p{…}``), a class
        that also takes every non-ASCII character, or for ``[^…]``, one that leaves out only
        the ASCII members of those (a member before a ``-`` that may make a range is kept).

        ``\\W`` or ``\\S`` among other members (``[\\s\\S]``) becomes an alternation: RE2 cannot
        put a negated class inside a class.
        """
        p = self.p
        self.i += 1
        negated = p.startswith("^", self.i)
        self.i += negated
        parts: list[str] = []
        loose_parts: list[str] = []
        complements: list[str] = []
        loose_complements: list[str] = []
        unicode = False
        first = True
        while True:
            if self.i >= len(p):
                raise PatternError("a character class […] is not closed")
            c = p[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            if c == "\\" and p[self.i + 1 : self.i + 2] in ("W", "S"):
                if negated:
                    raise PatternError(
                        f"\\{p[self.i + 1]} inside [^…] is not supported: use \\p{{…}} classes"
                    )
                complements.append(_SHORTHANDS[p[self.i + 1]])
                loose_complements.append(_LOOSE_SHORTHANDS[p[self.i + 1]])
                self.i += 2
            elif c == "\\":
                letter = p[self.i + 1 : self.i + 2]
                member = self.escape(in_class=True)
                unicode = unicode or letter in _CLASS_MEMBERS or letter in "pP"
                ranged = p.startswith("-", self.i) and not p.startswith("-]", self.i)
                subset = _ASCII_MEMBERS.get(letter) if negated and not ranged else None
                parts.append(member)
                loose_parts.append(subset or member)
            else:
                parts.append("\\" + c if c in "[]" else c)
                loose_parts.append(parts[-1])
                self.i += 1
            first = False
        wide = _NON_ASCII if unicode and not negated else ""
        members = "[" + "^" * negated + "".join(parts) + "]"
        loose = "[" + "^" * negated + wide + "".join(loose_parts) + "]"
        if not complements:
            return members, loose
        return (
            "(?:" + "|".join(([members] if parts else []) + complements) + ")",
            "(?:" + "|".join(([loose] if parts else []) + loose_complements) + ")",
        )

    def group(self) -> None:
        """A ``(?`` group: comments dropped, flags checked, what RE2 lacks refused."""
        p = self.p
        after = p[self.i + 2 : self.i + 4]
        if after.startswith("#"):
            end = p.find(")", self.i)
            if end < 0:
                raise PatternError("a (?#…) comment is not closed")
            self.i = end + 1
            return
        if after[:1] in ("=", "!") or after in ("<=", "<!"):
            raise PatternError(
                f"lookahead and lookbehind ((?{after[:2].rstrip('=!') or after[:1]}…) are not "
                "supported: the matching engine is linear-time"
            )
        if after.startswith("P="):
            raise PatternError("back reference (?P=…) is not supported")
        if after.startswith("("):
            raise PatternError("conditional groups (?(…)…) are not supported")
        if after.startswith(">"):
            raise PatternError(
                "atomic groups (?>…) are not supported (nor needed: no backtracking)"
            )
        if after.startswith("<"):  # (?<name>…): RE2's older spelling is (?P<name>…)
            self.out.append("(?P<")
            self.i += 3
            return
        if after.startswith("P") or after.startswith(":"):
            self.out.append("(?")
            self.i += 2
            return
        end = min((k for k in (p.find(":", self.i), p.find(")", self.i)) if k >= 0), default=-1)
        if end < 0:
            raise PatternError("a (?…) group is not closed")
        on, _, off = p[self.i + 2 : end].partition("-")
        _check_flag_letters(on + off)
        if "x" in on + off:
            raise PatternError("the x flag applies to the whole pattern only, not to (?x:…)")
        on = on.replace("u", "")
        if p[end] == ")" and not on and not off:
            self.i = end + 1  # (?u) alone: nothing left to say
            return
        self.out.append(f"(?{on}{'-' + off if off else ''}{p[end]}")
        self.i = end + 1

    def brace(self) -> tuple[str, str]:
        """``{m,n}`` and its relaxed form (``*`` or ``+`` when a bound passes ``_LOOSE_ABOVE``):
        Python's ``{,n}`` is ``{0,n}``; a brace that is no quantifier is literal."""
        match = _BRACE.match(self.p, self.i)
        if match is None or match.group() == "{}":
            self.i += 1
            return r"\{", r"\{"
        self.i = match.end()
        low, comma, high = match.groups()
        least, most = int(low or 0), int(high or 0)
        if least > _MAX_REPEAT or most > _MAX_REPEAT:
            raise PatternError(f"repetition {match.group()} is above {_MAX_REPEAT:,}")
        exact = f"{{{least}{comma}{high}}}"
        if max(least, most) > _LOOSE_ABOVE:
            return exact, "+" if least else "*"
        return exact, exact


def _is_hex(digits: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in digits)
