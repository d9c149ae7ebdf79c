"""A static reading of rule patterns: the runaway-backtracking guard and the literal prefilter.

``analyse`` walks a (valid) Python regular expression once, without running it, and returns:

- ``nested``: the first fragment that risks exponential backtracking, or None. Refused are
  repeated groups (``*``, ``+``, ``{m,n}`` with n > 1) that hold an unbounded repetition
  (``*``, ``+``, ``{m,}``), as in ``(a+)+``, ``(a*)*``, ``(.*)*``, or an alternation whose
  branches can begin with the same character, as in ``(a|a)*``. Limits: it over-approximates
  (``(?:\\s+\\w+){1,3}`` is refused although harmless: write ``(?:\\s+\\w+)?(?:\\s+\\w+)?`` or a
  bounded class instead), treats character classes and escapes such as ``\\w`` as overlapping
  everything, and does not credit atomic groups or possessive quantifiers. Polynomial
  backtracking such as ``.*.*.*x`` passes; the rules bound it by showing patterns only the first
  2,000 characters of a paragraph.
- ``literals``: ASCII strings (casefolded, ≥ 3 characters) of which every match must contain
  one, or None when no such set was found or none is needed (the pattern is anchored with
  ``^``, or starts with a literal character, which ``re`` already scans for quickly). The
  classifier skips a pattern when none of them occurs in the casefolded paragraph: a few fast
  substring tests instead of a slow case-insensitive search. Non-ASCII pattern characters end a
  literal, so pattern-side case pairs (ſ/s, K/k) cannot defeat it; a text-side capital dotted
  İ casefolds to two characters and can hide a match of a pattern containing "i".
- ``tail``: for a pattern that ends with ``$`` or ``\\Z`` (no MULTILINE) and spans a bounded
  number of characters, how many characters from the end of the text can hold a match, so
  that the classifier searches (and prefilters) only those: ``re`` tries every start position
  of an end-anchored pattern. ``search(text, len(text) - tail)`` finds what ``search(text)``
  finds, since lookbehinds and ``\\b`` still see the characters before the start position.

Imports: the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MIN_LITERAL = 3
_COMMON_BELOW = 5
_QUANTIFIER = re.compile(r"\*|\+|\?|\{(\d*)(,?)(\d*)\}")
# Runs of characters that stand for themselves (in verbose mode, whitespace and # do not).
_PLAIN = re.compile(r"[^.^$*+?{}\[\]\\|()]+")
_PLAIN_VERBOSE = re.compile(r"[^.^$*+?{}\[\]\\|()\s#]+")

Needs = frozenset[str] | None
"""Strings one of which every match contains; None: nothing known."""


@dataclass(frozen=True, slots=True)
class Analysis:
    nested: str | None
    literals: frozenset[str] | None
    tail: int | None = None
    """Every match lies in the last ``tail`` characters of the text (the pattern ends with
    ``$`` or ``\\Z`` and spans at most ``tail - 1`` characters), or None."""


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the reading knows of a piece of pattern."""

    unbounded: bool = False
    """Holds ``*``, ``+`` or ``{m,}`` somewhere."""
    ambiguous: bool = False
    """Holds an alternation whose branches can start with the same character."""
    first: frozenset[str] | None = frozenset()
    """Characters a match can start with (casefolded), or None for any."""
    nullable: bool = True
    """Can match the empty string."""
    needs: Needs = None
    char: str | None = None
    """The character, for a plain ASCII literal character (it extends literal runs)."""
    zero_width: bool = False
    anchored: bool = False
    """Every match starts at ``^`` or ``\\A`` (only the start of the text is tried)."""
    width: int | None = 0
    """The most characters a match spans, or None for no known bound."""
    ends: bool = False
    """Every match ends at ``$`` or ``\\Z`` (without MULTILINE: the end of the text, or just
    before a final newline)."""


_EMPTY = _Shape(zero_width=True)
_START = _Shape(zero_width=True, anchored=True)
_END = _Shape(zero_width=True, ends=True)
_ANY_CHAR = _Shape(first=None, nullable=False, width=1)
_BACK_REFERENCE = _Shape(first=None, nullable=True, width=None)
# Escapes that name one character by a fixed number of hex digits: \x41, \u00e9, \U0001f600.
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


class _Nested(Exception):
    def __init__(self, fragment: str) -> None:
        super().__init__(fragment)
        self.fragment = fragment


def analyse(pattern: str, *, verbose: bool = False, multiline: bool = False) -> Analysis:
    """Read a pattern ``re.compile`` accepted (``verbose``, ``multiline``: it was compiled with
    re.VERBOSE, re.MULTILINE)."""
    scanner = _Scanner(pattern, verbose)
    try:
        shape = scanner.alternation()
    except _Nested as nested:
        return Analysis(nested.fragment, None)
    except (IndexError, ValueError):  # a construct this reading does not know: refuse it
        return Analysis(pattern, None)
    quick_start = shape.anchored or (shape.first is not None and len(shape.first) == 1)
    bounded_end = shape.ends and shape.width is not None and not (multiline or scanner.multiline)
    # "+ 1": ``$`` also matches before a final newline.
    tail = shape.width + 1 if bounded_end and shape.width is not None else None
    return Analysis(None, None if quick_start else shape.needs, tail)


def find_nested_repetition(pattern: str, *, verbose: bool = False) -> str | None:
    """The first fragment of a (valid) ``pattern`` that risks exponential backtracking, or None."""
    return analyse(pattern, verbose=verbose).nested


def _better(a: Needs, b: Needs) -> Needs:
    """The more selective of two requirements: strings of ``_COMMON_BELOW`` characters or more
    (short ones such as "by " or "get " occur in most prose), then fewer alternatives, then
    longer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda s: (min(map(len, s)) < _COMMON_BELOW, len(s), -min(map(len, s))))


def _literal(run: str) -> Needs:
    return frozenset({run}) if len(run) >= _MIN_LITERAL else None


class _Scanner:
    """A recursive-descent reading of a regex, tracking only what ``_Shape`` needs."""

    def __init__(self, pattern: str, verbose: bool) -> None:
        self.p = pattern
        self.i = 0
        self.verbose = verbose
        self.multiline = False
        """An inline ``m`` flag was seen: ``$`` may match at any line end."""

    def alternation(self) -> _Shape:
        branches = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        ambiguous = any(b.ambiguous for b in branches)
        for n, a in enumerate(branches):
            for b in branches[n + 1 :]:
                if a.nullable or b.nullable or a.first is None or b.first is None:
                    ambiguous = True
                else:
                    ambiguous |= bool(a.first & b.first)
        first: frozenset[str] | None = frozenset()
        needs: Needs = frozenset()
        anchored = all(b.anchored for b in branches)
        widths = [b.width for b in branches]
        for branch in branches:
            first = None if first is None or branch.first is None else first | branch.first
            needs = None if needs is None or branch.needs is None else needs | branch.needs
        return _Shape(
            unbounded=any(b.unbounded for b in branches),
            ambiguous=ambiguous,
            first=first,
            nullable=any(b.nullable for b in branches),
            needs=needs,
            anchored=anchored,
            width=None if None in widths else max(w for w in widths if w is not None),
            ends=all(b.ends for b in branches),
        )

    def sequence(self) -> _Shape:
        unbounded = ambiguous = False
        first: frozenset[str] | None = frozenset()
        nullable = True
        needs: Needs = None
        run = ""
        anchored = False
        consumed = False
        width: int | None = 0
        ends = False
        while True:
            self.skip_verbose()
            if self.i >= len(self.p) or self.p[self.i] in "|)":
                break
            plain = self.plain_run()
            if plain:
                # Unquantified ordinary characters, read in one step: what ``quantified``
                # would return for each of them, folded into this sequence's facts.
                consumed = True
                ends = False
                width = None if width is None else width + len(plain)
                if nullable:
                    first = None if first is None else first | {plain[0].casefold()}
                    nullable = False
                if plain.isascii():
                    run += plain.lower()  # ASCII casefolding is lowering
                    continue
                for c in plain:
                    char = self.char(c).char
                    if char is not None:
                        run += char
                    else:
                        needs = _better(needs, _literal(run))
                        run = ""
                continue
            item = self.quantified()
            if not consumed:
                anchored |= item.anchored
                consumed = not item.zero_width
            ends = item.ends
            width = None if width is None or item.width is None else width + item.width
            unbounded |= item.unbounded
            ambiguous |= item.ambiguous
            if nullable:
                first = None if first is None or item.first is None else first | item.first
                nullable = item.nullable
            if item.char is not None:
                run += item.char
            elif not item.zero_width:
                needs = _better(_better(needs, _literal(run)), item.needs)
                run = ""
        needs = _better(needs, _literal(run))
        return _Shape(
            unbounded, ambiguous, first, nullable, needs, anchored=anchored, width=width, ends=ends
        )

    def plain_run(self) -> str:
        """Consume and return the ordinary characters here that no quantifier applies to."""
        match = (_PLAIN_VERBOSE if self.verbose else _PLAIN).match(self.p, self.i)
        if match is None:
            return ""
        end = match.end()
        self.i = end
        self.skip_verbose()
        if self.i < len(self.p) and self.p[self.i] in "*+?{":
            end -= 1  # the last character is (perhaps) quantified: ``quantified`` reads it
        self.i = end
        return self.p[match.start() : end]

    def quantified(self) -> _Shape:
        start = self.i
        shape = self.atom()
        while True:
            self.skip_verbose()
            match = _QUANTIFIER.match(self.p, self.i)
            if match is None or match.group() == "{}":  # "{}" is a literal
                return shape
            low, high = _bounds(match)
            self.i = match.end()
            if self.i < len(self.p) and self.p[self.i] in "?+":  # lazy or possessive
                self.i += 1
            if (high is None or high > 1) and (shape.unbounded or shape.ambiguous):
                raise _Nested(self.p[start : self.i])
            shape = _Shape(
                unbounded=shape.unbounded or high is None,
                ambiguous=shape.ambiguous,
                first=shape.first,
                nullable=shape.nullable or low == 0,
                needs=shape.needs if low > 0 else None,
                width=None if shape.width is None or high is None else shape.width * high,
            )

    def atom(self) -> _Shape:  # noqa: PLR0911 — one branch per regex construct
        p, c = self.p, self.p[self.i]
        if c == "(":
            return self.group()
        if c == "[":
            self.i += 1
            if p[self.i] == "^":
                self.i += 1
            if p[self.i] == "]":
                self.i += 1
            while p[self.i] != "]":
                self.i += 2 if p[self.i] == "\\" else 1
            self.i += 1
            return _ANY_CHAR
        if c == "\\":
            return self.escape()
        self.i += 1
        if c == "^":
            return _START
        if c == "$":
            return _END
        if c == ".":
            return _ANY_CHAR
        return self.char(c)

    def escape(self) -> _Shape:  # noqa: PLR0911 — one branch per kind of escape
        p = self.p
        d = p[self.i + 1]
        self.i += 2
        if d == "A":
            return _START
        if d == "Z":
            return _END
        if d in "bB":
            return _EMPTY
        if d == "N" and self.i < len(p) and p[self.i] == "{":
            self.i = p.index("}", self.i) + 1
            return _ANY_CHAR
        if d.isdigit():
            # A back reference (\1, \12) or an octal escape (\0, \012, \101): its digits
            # are not literal characters. Taking a digit too many only loses a literal.
            for _ in range(2):
                if self.i < len(p) and p[self.i].isdigit():
                    self.i += 1
            return _BACK_REFERENCE
        if d in _HEX_DIGITS:
            self.i += _HEX_DIGITS[d]  # the digits are not literal characters
            return _ANY_CHAR
        if d.isalnum():
            return _ANY_CHAR  # \w \d \s …: not worth decoding
        return self.char(d)

    @staticmethod
    def char(c: str) -> _Shape:
        folded = c.casefold()
        plain = folded if c.isascii() and len(folded) == 1 else None
        return _Shape(first=frozenset({folded}), nullable=False, char=plain, width=1)

    def group(self) -> _Shape:
        p = self.p
        self.i += 1
        zero_width = conditional = False
        verbose = self.verbose
        if p[self.i] == "?":
            self.i += 1
            c = p[self.i]
            if c == "#":  # comment
                self.i = p.index(")", self.i) + 1
                return _EMPTY
            if c in ":>":
                self.i += 1
            elif c == "P" and p[self.i + 1] == "=":  # (?P=name) back reference
                self.i = p.index(")", self.i) + 1
                return _BACK_REFERENCE
            elif c == "P" or (c == "<" and p[self.i + 1] not in "=!"):  # named group
                self.i = p.index(">", self.i) + 1
            elif c in "=!" or c == "<":  # lookaround
                self.i += 1 if c in "=!" else 2
                zero_width = True
            elif c == "(":  # conditional (?(id)yes|no): what it requires is unclear
                self.i = p.index(")", self.i) + 1
                zero_width = conditional = True
            else:  # inline flags: (?aiLmsux) or (?i-s:…)
                end = min(k for k in (p.find(":", self.i), p.find(")", self.i)) if k >= 0)
                on, _, off = p[self.i : end].partition("-")
                self.i = end + 1
                self.multiline |= "m" in on
                if p[end] == ")":
                    self.verbose |= "x" in on
                    return _EMPTY
                # Scoped flags (?x:…), (?-x:…): verbose or not inside the group only.
                self.verbose = ("x" in on or verbose) and "x" not in off
        body = self.alternation()
        self.verbose = verbose
        if p[self.i] != ")":
            raise IndexError(self.i)
        self.i += 1
        if zero_width:
            return _Shape(
                unbounded=body.unbounded,
                ambiguous=body.ambiguous,
                zero_width=True,
                width=None if conditional else 0,
            )
        return _Shape(
            body.unbounded,
            body.ambiguous,
            body.first,
            body.nullable,
            body.needs,
            anchored=body.anchored,
            width=body.width,
            ends=body.ends,
        )

    def skip_verbose(self) -> None:
        if not self.verbose:
            return
        p = self.p
        while self.i < len(p) and (p[self.i].isspace() or p[self.i] == "#"):
            if p[self.i] == "#":
                end = p.find("\n", self.i)
                self.i = len(p) if end < 0 else end
            self.i += 1


def _bounds(match: re.Match[str]) -> tuple[int, int | None]:
    text = match.group()
    if text == "*":
        return 0, None
    if text == "+":
        return 1, None
    if text == "?":
        return 0, 1
    low, comma, high = match.groups()
    lo = int(low) if low else 0
    if not comma:
        return lo, lo
    return lo, int(high) if high else None
