"""Rule patterns and matching them (the one importer of re2).

Rule patterns run on google-re2, an engine whose matching time is linear in the text whatever
the pattern: no user rule can hang the app, so no static guard against "catastrophic"
patterns is needed (Python's ``re`` backtracks: ``.*.*.*.*=`` took minutes on 5,000 characters).

Their syntax, RE2's read as Python reads its own, and its translation: ``core.translation``.

Imports: the standard library, re2 and ``core`` (plain_forms, translation) only.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable
from itertools import islice

import re2
from re2 import _re2

from diffviewer.core.plain_forms import CASELESS_RANGES, LEVELS, plain_form
from diffviewer.core.translation import PatternError, _translate, to_re2

__all__ = [
    "MAX_PROGRAM_BYTES",
    "Pattern",
    "PatternError",
    "SetForm",
    "compile_pattern",
    "new_set",
    "plain_level_utf8",
    "texts_plain_level",
    "to_re2",
]

#: Memory RE2 may use for one compiled pattern (its program and matching caches). A pattern
#: that needs more is refused (a 400,000-word alternation fits; RE2's default, 8 MiB, is too
#: small for the bundled breadcrumb rule, whose Unicode classes repeat 480 times).
MAX_PROGRAM_BYTES = 32 << 20
_CHECK_BYTES = 1 << 10


SetForm = tuple[
    str | None, bool, str | None, str | None, str | None, str | None, str | None, str | None
]
"""What searches derive from a pattern's translation once (``core.pattern_set.set_form``;
``core.rules_cache`` keeps it between runs): how ``core.pattern_set`` puts the pattern in a
set (the joined form of its relaxed form, None where it has none, and whether every match of
that starts at the text's start), then per plain level (1, 2) its plain forms
(``Pattern.plain_changes``: of the translation and of the relaxed form) and the joined form
of the plain relaxed form (None: the form one level down)."""


class Pattern:
    """A rule pattern; ``search`` tells whether it occurs in a text.

    Its syntax is checked when it is made (``compile_pattern``); its programs are compiled on
    first use. RE2 compiles a counted repetition copy by copy, and a Unicode class is large in
    UTF-8: ``[\\w…]{1,40}`` is 55,000 instructions, and compiling the bundled rules took 0.25 s,
    five times the rest of comparing the seed articles. So a pattern is first searched in its
    relaxed form, which finds every text the pattern finds: large counts unbounded (``{1,40}``
    → ``+``) and Unicode classes widened to every non-ASCII character (``\\w`` is 1,347
    instructions, ``[0-9A-Z_a-z\\x{80}-\\x{10ffff}]`` 13: the bundled rules' relaxed programs
    went from 146,762 instructions to 50,591, and compile in a third of the time). The
    exact program is compiled and run only once the relaxed one finds something, which for
    most rules is never. A pattern too large for the engine's memory budget is only found
    then: ``search`` raises ``PatternError`` naming the rule.

    ``search_utf8`` takes the text already encoded: a classifier trying many patterns on one
    paragraph encodes it once (RE2 matches UTF-8; each ``str`` search would encode it again,
    which costs more than the search itself on short paragraphs). A text of a plain level
    (``plain_level_utf8``: no letter of the caseless scripts; nor any other outside ASCII) is
    searched with the pattern's plain forms of that level (``core.plain_forms``: its
    Cyrillic, Arabic, CJK …, then its ``é``, ``ß``, ``ő`` … alternatives left out), which find
    what the pattern finds in such a text and compile sooner.
    """

    __slots__ = (
        "_plain",
        "_programs",
        "loose",
        "set_form",
        "source",
        "translated",
        "where",
    )

    def __init__(
        self,
        source: str,
        translated: str,
        loose: str,
        where: str,
        set_form: SetForm | None = None,
    ) -> None:
        self.source = source
        """The pattern as the rules file wrote it."""
        self.translated = translated
        """Its RE2 translation."""
        self.loose = loose if loose != translated else None
        """The translation with large counts unbounded, if it has any."""
        self.where = where
        """The rule and key, for an error found on first use."""
        self.set_form = set_form
        """Its ``SetForm`` where an earlier run worked it out (``core.rules_cache``); None until
        ``core.pattern_set.set_form`` works it out."""
        self._programs: list[_re2.RE2 | None] = [None] * (2 * LEVELS)
        """Compiled on first use, per plain level: of the translation, of the relaxed form."""
        self._plain = None if set_form is None else (*set_form[2:4], *set_form[5:7])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pattern) and other.translated == self.translated

    def __hash__(self) -> int:
        return hash(self.translated)

    def __repr__(self) -> str:
        return f"Pattern({self.source!r})"

    def search(self, text: str) -> bool:
        return self.search_utf8(text.encode("utf-8", "surrogatepass"))

    def search_utf8(self, data: bytes, level: int = 0) -> bool:
        """Whether the pattern occurs in ``data`` (UTF-8); ``level``: the plain level of
        ``data`` or one below (``plain_level_utf8``), whose plain forms serve."""
        # RE2's own Match, not the re2 module's ``search``, which builds a generator and a
        # match object per call: 0.75 µs a search instead of 1.06 µs (each bundled pattern on
        # 1,000 paragraphs of the 5,000-paragraph bench pairs (a) and (b)).
        programs = self._programs
        first = programs[2 * level + 1] or self._program(level, 1)
        if first.Match(_UNANCHORED, data, 0, len(data))[0][1] < 0:
            return False
        if self.loose is None:
            return True
        exact = programs[2 * level] or self._program(level, 0)
        end: int = exact.Match(_UNANCHORED, data, 0, len(data))[0][1]
        return end >= 0

    def plain_changes(self) -> tuple[str | None, str | None, str | None, str | None]:
        """The plain forms (``core.plain_forms.plain_form``) of the translation and of the
        relaxed form at level 1, then at level 2, each made from the one below (None: the
        same as the form one level down; the relaxed one's also where there is no relaxed
        form), from ``set_form`` or worked out now."""
        if self._plain is None:
            exact = plain_form(self.translated, 1)
            loose = None if self.loose is None else plain_form(self.loose, 1)
            self._plain = (
                exact,
                loose,
                plain_form(exact or self.translated, 2),
                None if self.loose is None else plain_form(loose or self.loose, 2),
            )
        return self._plain

    def _program(self, level: int, which: int) -> _re2.RE2:
        """The program for texts of plain ``level``: of the translation (``which`` 0) or of
        the relaxed form (1); one level down's where the plain form is the same, or where RE2
        refuses it (that one finds the same in such a text)."""
        compiled = None
        if level == 0:
            form = self.translated if which == 0 else self.loose or self.translated
            try:
                compiled = _compile(form, MAX_PROGRAM_BYTES)
            except PatternError as error:
                raise PatternError(f"{self.where}: {error}") from None
        else:
            change = self.plain_changes()[2 * (level - 1) + (which if self.loose else 0)]
            if change is not None:
                with contextlib.suppress(PatternError):
                    compiled = _compile(change, MAX_PROGRAM_BYTES)
            if compiled is None:
                down = 2 * (level - 1) + which
                compiled = self._programs[down] or self._program(level - 1, which)
        self._programs[2 * level + which] = compiled
        return compiled


def compile_pattern(
    source: str,
    flags: str = "",
    where: str = "rule pattern",
    *,
    check: bool = True,
    translation: tuple[str, str] | None = None,
    set_form: SetForm | None = None,
) -> Pattern:
    """``source`` with the ``flags`` letters (i, m, s, x), its syntax checked; ``PatternError``
    if RE2 cannot take it. ``where`` names it in an error found on first use.

    ``check=False`` leaves RE2's own check (about 0.2 ms a pattern) to the first use: for
    patterns known good (the bundled rules, which a test compiles one by one).
    ``translation``: its RE2 translation and relaxed form as an earlier run made them
    (``core.rules_cache``), not made again; ``set_form``: its ``SetForm``, likewise.
    """
    translated, loose = translation or _translate(source, flags)
    if not check:
        return Pattern(source, translated, loose, where, set_form)
    # A budget too small for any real program: RE2 parses the pattern (reporting its errors)
    # and gives up compiling at once.
    for program in (translated, loose):
        with contextlib.suppress(_TooLarge):
            _compile(program, _CHECK_BYTES)
    return Pattern(source, translated, loose, where, set_form)


class _TooLarge(PatternError):
    pass


_UNANCHORED = _re2.RE2.Anchor.UNANCHORED
_CASELESS_CLASS = "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in CASELESS_RANGES) + "]"


def plain_level_utf8(data: bytes) -> int:
    """The plain level of the UTF-8 text ``data`` (``core.plain_forms.plain_level``: the
    same as that of the text; searching the bytes with RE2 takes half the time of searching
    the text with ``re``, and a text's bytes are at hand where patterns are searched)."""
    if data.isascii():
        return 2
    # Level 1's check first: a page in a caseless script needs no other (nor its compiling).
    for level in (1, 2):
        found: int = _lacking(level).Match(_UNANCHORED, data, 0, len(data))[0][1]
        if found >= 0:
            return level - 1
    return 2


def texts_plain_level(texts: Iterable[str]) -> int:
    """The lowest plain level of ``texts`` (``plain_level_utf8`` of them all: a few ms for
    the 5,000 paragraphs of bench pair (b)), looked at ``_LEVEL_BATCH`` texts at a time: all
    of them joined at once was a second copy of a version's text, 30 MB more at the peak of a
    50,000-paragraph comparison."""
    level = LEVELS - 1
    batches = iter(texts)
    while level and (batch := list(islice(batches, _LEVEL_BATCH))):
        joined = "\n".join(batch)
        if not joined.isascii():
            level = min(level, plain_level_utf8(joined.encode("utf-8", "surrogatepass")))
    return level


_LEVEL_BATCH = 1024


@functools.cache
def _lacking(level: int) -> _re2.RE2:
    """What a text of plain ``level`` lacks (1: a caseless character; 2: that, a letter
    outside ASCII, or U+0345)."""
    other = r"|[^\P{L}A-Za-z]|\x{345}" if level == 2 else ""
    return _compile(_CASELESS_CLASS + other, MAX_PROGRAM_BYTES)


def new_set() -> _re2.Set:
    """An empty RE2 set of unanchored patterns, with the options of ``Pattern``'s programs
    (``PatternSet`` adds its members and compiles it)."""
    options = re2.Options()
    options.log_errors = False
    options.never_capture = True
    options.max_mem = MAX_PROGRAM_BYTES
    return _re2.Set(_UNANCHORED, options)


@functools.lru_cache(maxsize=128)  # rules loaded again, or equal patterns: compiled once
def _compile(translated: str, budget: int) -> _re2.RE2:
    """RE2's compiled program (the re2 module's own layer only adds per-search costs)."""
    options = re2.Options()
    options.log_errors = False
    options.never_capture = True
    options.max_mem = budget
    compiled = _re2.RE2(translated.encode("utf-8", "surrogatepass"), options)
    if not compiled.ok():
        reason = compiled.error()
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        if "pattern too large" in str(reason):
            raise _TooLarge(
                "the pattern is too large for the matching engine (split it into several rules)"
            )
        raise PatternError(f"{reason}")
    return compiled
