"""Many rule patterns searched in one pass over a text, or over many texts at once
(``PatternSet``), and the forms of a pattern such a search needs (``joined_form``; both with
the pattern's anchoring, ``set_form``, which ``core.rules_cache`` keeps between runs).

Imports: the standard library and ``core.patterns`` (which holds the engine) only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from itertools import repeat

from diffviewer.core.patterns import Pattern, PatternError, SetForm, new_set
from diffviewer.core.plain_forms import LEVELS

__all__ = ["PatternSet", "joined_form", "set_form"]


class PatternSet:
    """Many patterns searched in one pass over a text (RE2 sets): ``candidates`` lists the
    members that may occur in it, each searched in its relaxed form, so a member not named
    cannot occur and one named still needs ``Pattern.search_utf8`` to be sure. A set that
    cannot be built (too large) raises ``PatternError``; a search the engine gives up (out of
    memory) returns None, and the caller searches pattern by pattern.

    The members are in two RE2 sets: those anchored at the text's start (``^…``: most rules)
    and the others. Apart, their automata are much smaller than together and build their
    states much sooner: the first search of the 5,739 paragraphs of bench pair (a) took
    34 ms instead of 80 ms (the sets' building aside), and later ones no longer.

    Texts of a plain level (``level``, see ``patterns.texts_plain_level``) are searched with
    sets of the members' plain forms of that level (``core.plain_forms``), others with sets
    of their full forms; each pair of sets is built when first wanted (a page in English
    never builds the full ones, nor a Russian page the plain ones). The bundled rules' plain
    forms are a fifth (level 1) and two fifths (level 2) smaller: building the sets took
    20–30 % and about 50 % less.

    ``candidates_of`` takes many texts, and searches them a block at a time, joined by line
    feeds (which none of them holds): each member is in its ``joined_form``, whose anchors
    hold at every line (for a text without a line feed, the same matches), so the members
    that may occur in any of the block's texts are named for each (and some more: a match
    may run over a line feed). RE2 starts each search afresh: searching 16 texts at once
    costs a sixth of searching them one by one. A member without a joined form (``always``)
    is named for every block. A member may be None: it holds its index and never occurs (so
    that sets of some of the same patterns number them alike).
    """

    __slots__ = ("_members", "_sets", "always")

    def __init__(self, patterns: Sequence[Pattern | None]) -> None:
        levels: list[list[tuple[str, bool]]] = [[] for _ in range(LEVELS)]
        always: list[int] = []
        for n, pattern in enumerate(patterns):
            if pattern is None:
                for members in levels:
                    members.append((_NEVER, True))
                continue
            joined, anchored, _, _, joined_1, _, _, joined_2 = set_form(pattern)
            if joined is None:  # (Its plain forms are itself: see ``set_form``.)
                always.append(n)
                joined = pattern.loose or pattern.translated
            joined_1 = joined_1 or joined
            forms = (joined, joined_1, joined_2 or joined_1)
            for level, form in enumerate(forms):
                levels[level].append((form, anchored))
        self.always = tuple(always)
        """The members whose matches in joined texts the set cannot tell (see ``joined_form``)."""
        self._members: list[list[tuple[str, bool]] | None] = list(levels)
        """The members' forms at each plain level, each with its anchoring, until their sets
        are built (or fail to be)."""
        self._sets: list[_Sets | None] = [None] * LEVELS
        """The RE2 sets of each level (None: not built); one object for equal levels."""
        for level in range(1, LEVELS):
            if levels[level] == levels[level - 1]:
                self._members[level] = None
        if self._members[1] is None and self._members[2] is None:
            self._sets = [_Sets(levels[0])] * LEVELS

    def _built(self, level: int) -> _Sets | None:
        """The sets of the forms of plain ``level``, built now if they are not yet (those of
        the level below where the forms are the same; None: they cannot be built)."""
        if self._sets[level] is None:
            members = self._members[level]
            self._members[level] = None  # Built once, or never: not tried again.
            if members is None and level > 0:
                self._sets[level] = self._built(level - 1)
            elif members is not None:
                with contextlib.suppress(PatternError):
                    self._sets[level] = _Sets(members)
        return self._sets[level]

    def candidates(self, data: bytes, level: int = 0) -> list[int] | None:
        """The members that may occur in ``data`` (UTF-8, of plain ``level`` or above); None
        where a search failed."""
        sets = self._sets[level] or self._built(level)
        return None if sets is None else sets.candidates(data)

    def candidates_of(
        self, texts: Sequence[str], block: int, level: int = 0
    ) -> list[list[int] | None]:
        """``candidates`` of each of ``texts`` (encoded in UTF-8; each of plain ``level`` or
        above), or lists that hold them, from searches of ``block`` texts at a time (one by
        one where a text holds a line feed)."""
        found: list[list[int] | None] = []
        for first in range(0, len(texts), block):
            part = texts[first : first + block]
            joined = "\n".join(part)
            hits = None
            if joined.count("\n") < len(part):
                hits = self.candidates(joined.encode("utf-8", "surrogatepass"), level)
            if hits is None:  # Not keys, or the search failed: one by one.
                data = map(str.encode, part, repeat("utf-8"), repeat("surrogatepass"))
                found.extend(map(self.candidates, data, repeat(level)))
                continue
            if self.always:
                hits += [n for n in self.always if n not in hits]
            found.extend(repeat(hits, len(part)))
        return found


class _Sets:
    """RE2 sets of patterns (a pattern and whether it starts anchored, each), searched as
    one: that of the anchored ones and that of the others (see ``PatternSet``)."""

    __slots__ = ("_free", "_sentinel", "_start")

    def __init__(self, members: Sequence[tuple[str, bool]]) -> None:
        self._start = new_set()
        self._free = new_set()
        for pattern, anchored in members:
            # Each member has its index in both sets (a pattern that never matches holds
            # its place in the other).
            start, free = (pattern, _NEVER) if anchored else (_NEVER, pattern)
            for sets, added in ((self._start, start), (self._free, free)):
                if sets.Add(added.encode("utf-8", "surrogatepass")) < 0:
                    raise PatternError(f"pattern set: failed to add {added!r}")
        # Matches every text, once, at its start: its absence from a result means the search
        # failed. (An empty pattern matched at every byte, and the search recorded it at each:
        # 1.8 times the work of a search of the bench pairs' paragraphs.)
        self._sentinel = self._start.Add(b"^")
        if self._free.Add(b"^") != self._sentinel:
            raise PatternError("pattern set: failed to add its sentinel")
        if not self._start.Compile() or not self._free.Compile():
            raise PatternError("pattern set: failed to compile")

    def candidates(self, data: bytes) -> list[int] | None:
        # RE2's sets themselves, not the re2 module's layer over them, and their lists as they
        # come (a few numbers: no frozenset to build).
        start: list[int] = self._start.Match(data)
        free: list[int] = self._free.Match(data)
        if self._sentinel not in start or self._sentinel not in free:
            return None
        return start + free


# A class of no character: a pattern that never matches (RE2 takes it).
_NEVER = r"[^\x00-\x{10ffff}]"


def set_form(pattern: Pattern) -> SetForm:
    """The ``joined_form`` of ``pattern``'s relaxed form, whether that starts anchored
    (``_starts_anchored``), and per plain level its plain forms (``Pattern.plain_changes``)
    and the joined form of its plain relaxed form (None: the same as one level down), worked
    out once and kept on the pattern (``Pattern.set_form``): scanning the bundled rules'
    120,000 characters takes about 15 ms, and the plain forms 110 ms more, of a start, so the
    rules cache keeps the result between runs."""
    form = pattern.set_form
    if form is None:
        relaxed = pattern.loose or pattern.translated
        joined = joined_form(relaxed)
        exact_1, loose_1, exact_2, loose_2 = pattern.plain_changes()
        relaxed_1 = exact_1 if pattern.loose is None else loose_1
        relaxed_2 = exact_2 if pattern.loose is None else loose_2
        # (A form without a joined one holds \Q…\E, whose plain forms are itself.)
        joined_1 = None if relaxed_1 is None else joined_form(relaxed_1)
        joined_2 = None if relaxed_2 is None else joined_form(relaxed_2)
        anchored = _starts_anchored(relaxed)
        form = (joined, anchored, exact_1, loose_1, joined_1, exact_2, loose_2, joined_2)
        pattern.set_form = form
    return form


def _starts_anchored(translated: str) -> bool:
    """Whether every match of ``translated`` starts at the text's start: after its leading
    flags (no ``m``), each branch of its alternation (``|`` outside groups and classes)
    starts with ``^`` or ``\\A``."""
    body = translated
    while body.startswith("(?"):
        end = body.find(")")
        flags = body[2:end] if end > 0 else ""
        if not flags.isalpha():
            break
        if "m" in flags:
            return False
        body = body[end + 1 :]
    branch = 0  # Where the current top-level branch starts.
    depth = 0
    i = 0
    while i <= len(body):
        if i == branch and not (body.startswith("^", i) or body.startswith("\\A", i)):
            return False
        if i == len(body):
            break
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = _class_end(body, i)
            if end < 0:
                return False
            i = end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branch = i + 1
        i += 1
    return True


def joined_form(translated: str) -> str | None:
    """``translated`` (an RE2 pattern) with its anchors made to hold at a line's edges: ``^``
    and ``\\A`` as ``(?m:^)``, ``$`` and ``\\z`` as ``(?m:$)``; None where that cannot be
    done safely (``\\Q…\\E`` literal text). In a text without a line feed it finds what
    ``translated`` finds; in texts joined by line feeds it finds every match any of them
    holds alone (``\\b`` and ``\\B`` see a line feed as they see a text's edge: no word
    character), and more."""
    out: list[str] = []
    i = 0
    count = len(translated)
    while i < count:
        c = translated[i]
        if c == "\\":
            letter = translated[i + 1 : i + 2]
            if letter == "Q":
                return None
            if letter in ("A", "z"):
                out.append("(?m:^)" if letter == "A" else "(?m:$)")
                i += 2
                continue
            end = i + 2
            if letter in ("p", "P", "x") and translated.startswith("{", end):
                close = translated.find("}", end)
                if close < 0:
                    return None
                end = close + 1
            out.append(translated[i:end])
            i = end
        elif c == "[":
            end = _class_end(translated, i)
            if end < 0:
                return None
            out.append(translated[i:end])
            i = end
        else:
            out.append("(?m:^)" if c == "^" else "(?m:$)" if c == "$" else c)
            i += 1
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Where the class ``[…]`` opening at ``start`` ends (after its ``]``), -1 if it does not:
    a ``]`` right after ``[`` or ``[^`` is a member, as are escaped characters and
    ``[:alpha:]``-style names."""
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            if pattern[i - 1 : i] in ("p", "P", "x") and pattern.startswith("{", i):
                close = pattern.find("}", i)
                if close < 0:
                    return -1
                i = close + 1
        elif c == "[" and pattern.startswith("[:", i):
            close = pattern.find(":]", i + 2)
            if close < 0:
                return -1
            i = close + 2
        elif c == "]":
            return i + 1
        else:
            i += 1
    return -1
