"""Kind rules as data: the TOML format, its validation, and the checks on a rules file.

A rules file holds one ``[[rule]]`` table per rule (see ``resources/rules/kinds.toml``, which
documents every key). Rules are data, never code: a file is parsed with ``tomllib`` and each
pattern compiled by ``core.patterns`` (RE2, linear-time); nothing in a file is evaluated or
imported.

Loading order: user files first, in the order given, then the bundled file, so a user rule is
tried before any bundled one. A rule whose ``name`` a later file also uses replaces that later
rule; ``{name = "…", enabled = false}`` switches the later rule off.

Work: patterns run on a linear-time engine (see ``core.patterns``) and only ever see the
first ``PATTERN_WINDOW`` characters of a paragraph, so no rule can make a comparison slow.
A file's TOML document, its patterns' translations and their set forms come from
``core.rules_cache`` when an earlier run has seen the same text (everything else is checked as
for a new file).

Imports: the standard library, ``assets`` and ``core`` (model, errors, pattern_set, patterns,
reading, rules_cache, structure) only.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from diffviewer.assets import resource_text
from diffviewer.core import rules_cache
from diffviewer.core.errors import FileTooLargeError, LoadError, RulesError
from diffviewer.core.model import Kind
from diffviewer.core.pattern_set import set_form
from diffviewer.core.patterns import Pattern, PatternError, compile_pattern
from diffviewer.core.reading import read_checked
from diffviewer.core.structure import FACTS as STRUCTURE_FACTS

#: Patterns see at most this many characters from the start of a paragraph.
PATTERN_WINDOW = 2000

#: Largest rules file read: 17 times the bundled one, and loaded in under a second even when it
#: holds 2,800 small rules (``bench/rules_load.py``).
RULES_MAX_BYTES = 512 * 1024

#: Values of ``position``: the first/last paragraph, or among the first/last ``n``.
POSITIONS = ("first", "last", "first_n", "last_n")

_INT_KEYS = ("min_words", "max_words", "n")
_BOOL_KEYS = ("ends_with_full_stop", "title_case", "in_link_run", "enabled")
_STR_KEYS = (
    "name",
    "kind",
    "description",
    "pattern",
    "not_pattern",
    "flags",
    "position",
    "structure",
)
_LIST_KEYS = ("follows",)
_KNOWN_KEYS = (*_STR_KEYS, *_INT_KEYS, *_BOOL_KEYS, *_LIST_KEYS)
_CONDITION_KEYS = (
    "pattern",
    "not_pattern",
    "min_words",
    "max_words",
    "ends_with_full_stop",
    "title_case",
    "position",
    "in_link_run",
    "follows",
    "structure",
)
_NAME = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_RULE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\]", re.MULTILINE)

#: The name reported when no rule matched.
DEFAULT_RULE = "default"
DEFAULT_DESCRIPTION = "No rule matched: ordinary article text."


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule: every condition that is not None must hold for the rule to match."""

    name: str
    kind: Kind
    description: str
    source: str
    """The file the rule came from."""
    pattern: Pattern | None = None
    not_pattern: Pattern | None = None
    min_words: int | None = None
    max_words: int | None = None
    ends_with_full_stop: bool | None = None
    title_case: bool | None = None
    position: str | None = None
    n: int = 1
    in_link_run: bool | None = None
    follows: frozenset[Kind | str] | None = None
    """What the previous paragraph must have been given (none for the first): a kind, or the
    rule (by name) that decided it, so that a rule can follow a "Related" heading and not an
    advertisement marker, although both are promos."""
    structure: str | None = None
    """The place on the page the paragraph must have (``core.structure.FACTS``), or None."""


@dataclass(frozen=True)
class RuleSet:
    """Rules in the order they are tried, and the files they came from (user files first)."""

    rules: tuple[Rule, ...]
    sources: tuple[str, ...]
    by_name: dict[str, Rule] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {rule.name: rule for rule in self.rules})


def load_rules(extra_files: Sequence[str | os.PathLike[str]] = ()) -> RuleSet:
    """The user's ``extra_files`` (tried first, in order) followed by the bundled rules.

    The bundled file is read and compiled once per process. Raises ``RulesError`` naming the
    file, the rule (number, name, line) and the problem.
    """
    parsed = [_parse_file(os.fspath(path)) for path in extra_files]
    parsed.append(_bundled())
    taken: set[str] = set()
    rules: list[Rule] = []
    for _source, file_rules, disabled in parsed:
        for rule in file_rules:
            if rule.name not in taken:
                rules.append(rule)
                taken.add(rule.name)
        taken.update(disabled)
    return RuleSet(tuple(rules), tuple(source for source, _, _ in parsed))


_Parsed = tuple[str, tuple[Rule, ...], frozenset[str]]


@functools.lru_cache(maxsize=1)
def _bundled() -> _Parsed:
    try:
        source, text = resource_text("rules", "kinds.toml")
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(f"bundled rules (kinds.toml): cannot read them: {error}") from error
    # Shipped with the app and each pattern compiled by a test: RE2 parses them on first use.
    return _parse_text(text, source, check=False)


def _parse_file(path: str) -> _Parsed:
    """A user's rules file, checked as versions are (a regular file, a size limit, no binary
    data), then read as UTF-8 (a BOM allowed)."""
    source = path
    try:
        data = read_checked(path, RULES_MAX_BYTES)
    except FileTooLargeError:
        raise RulesError(
            f"{source}: cannot read rules file: larger than the {RULES_MAX_BYTES // 1024} KiB "
            "a rules file may hold"
        ) from None
    except LoadError as error:
        raise RulesError(f"{source}: cannot read rules file: {error.reason}") from None
    if b"\x00" in data:
        raise RulesError(f"{source}: holds NUL bytes: binary data, not a rules file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RulesError(
            f"{source}: not UTF-8 text (bad byte at offset {error.start}); "
            "rules files are TOML, which is always UTF-8"
        ) from error
    return _parse_text(text.removeprefix("\ufeff"), source)


def _parse_text(text: str, source: str, *, check: bool = True) -> _Parsed:
    """The rules of a file's ``text``; ``check``: parse each pattern with RE2 now (see
    ``patterns.compile_pattern``)."""
    cached = rules_cache.load(text)
    document, earlier = cached if cached is not None else (_toml(text, source), {})
    translations: rules_cache.Translations = {}
    parsed = _rules_of(document, text, source, check, earlier, translations)
    if cached is None:
        rules_cache.store(text, document, translations)
    return parsed


def _toml(text: str, source: str) -> dict[str, Any]:
    import tomllib  # not imported where the cache holds the document: 3 ms of a start

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"{source}: not valid TOML: {error}") from error
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise RulesError(f"{source}: not valid TOML: arrays or tables nested too deeply") from None


def _rules_of(
    document: dict[str, Any],
    text: str,
    source: str,
    check: bool,
    earlier: rules_cache.Translations,
    translations: rules_cache.Translations,
) -> _Parsed:
    """The rules of a file's parsed ``document``; the translation of each pattern is taken
    from ``earlier`` where it is there, and put in ``translations``."""
    extra = sorted(set(document) - {"rule"})
    if extra:
        raise RulesError(
            f"{source}: unknown top-level key {extra[0]!r}; a rules file holds only [[rule]] tables"
        )
    tables = document.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise RulesError(f"{source}: 'rule' must be a list of tables: write each rule as [[rule]]")
    headers = _header_lines(text)
    lines: list[int | None] = list(headers) if len(headers) == len(tables) else [None] * len(tables)
    rules: list[Rule] = []
    disabled: set[str] = set()
    seen: set[str] = set()
    for number, (table, line) in enumerate(zip(tables, lines, strict=True), start=1):
        where = _where(source, number, table, line)
        rule = _parse_rule(table, source, where, check, earlier, translations)
        name = str(table["name"])
        if name in seen:
            raise RulesError(f"{where}: the name {name!r} is used by an earlier rule of this file")
        seen.add(name)
        if rule is None:
            disabled.add(name)
        else:
            rules.append(rule)
    return source, tuple(rules), frozenset(disabled)


def _header_lines(text: str) -> list[int]:
    """The line number of each ``[[rule]]`` header, counting newlines once over the text (not
    from the start for each header: that was quadratic in a file of many rules)."""
    lines: list[int] = []
    line, counted = 1, 0
    for match in _RULE_HEADER.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        lines.append(line)
    return lines


def _where(source: str, number: int, table: dict[str, object], line: int | None) -> str:
    name = table.get("name")
    label = f"rule {number}" + (f" {name!r}" if isinstance(name, str) else "")
    return f"{source}: {label}" + (f" (line {line})" if line is not None else "")


def _parse_rule(
    table: dict[str, object],
    source: str,
    where: str,
    check: bool,
    earlier: rules_cache.Translations,
    translations: rules_cache.Translations,
) -> Rule | None:
    """A compiled rule, or None for a rule switched off with ``enabled = false``."""
    _check_types(table, where)
    if "name" not in table:
        raise RulesError(f"{where}: missing 'name'")
    name = str(table["name"])
    if not _NAME.fullmatch(name) or name == DEFAULT_RULE:
        raise RulesError(
            f"{where}: bad name {name!r}: use dotted words such as 'caption.photo_credit'"
            + (" ('default' is reserved)" if name == DEFAULT_RULE else "")
        )
    if table.get("enabled", True) is False:
        others = sorted(set(table) - {"name", "enabled"})
        if others:
            raise RulesError(
                f"{where}: a rule with enabled = false takes only 'name', not {others}"
            )
        return None
    for key in ("kind", "description"):
        if key not in table:
            raise RulesError(f"{where}: missing {key!r}")
    kind_name = str(table["kind"])
    try:
        kind = Kind(kind_name)
    except ValueError:
        known = ", ".join(k.value for k in Kind)
        raise RulesError(f"{where}: unknown kind {kind_name!r} (kinds: {known})") from None
    if not any(key in table for key in _CONDITION_KEYS):
        raise RulesError(f"{where}: no condition: the rule would match every paragraph")
    flags = str(table.get("flags", ""))
    unknown = sorted(set(flags) - set("imsx"))
    if unknown:
        raise RulesError(f"{where}: unknown flag {unknown[0]!r} in flags (known: i, m, s, x)")
    min_words = _non_negative(table, "min_words", where)
    max_words = _non_negative(table, "max_words", where)
    if min_words is not None and max_words is not None and min_words > max_words:
        raise RulesError(f"{where}: min_words ({min_words}) is above max_words ({max_words})")
    position, n = _position(table, where)
    follows = None
    if "follows" in table:
        follows = frozenset(_follows_list(table["follows"], where))
    structure = table.get("structure")
    if structure is not None and structure not in STRUCTURE_FACTS:
        known = ", ".join(STRUCTURE_FACTS)
        raise RulesError(f"{where}: unknown structure {structure!r} (known: {known})")
    return Rule(
        name=name,
        kind=kind,
        description=str(table["description"]).strip(),
        source=source,
        pattern=_compile(table, "pattern", flags, where, check, earlier, translations),
        not_pattern=_compile(table, "not_pattern", flags, where, check, earlier, translations),
        min_words=min_words,
        max_words=max_words,
        ends_with_full_stop=_optional_bool(table, "ends_with_full_stop"),
        title_case=_optional_bool(table, "title_case"),
        position=position,
        n=n,
        in_link_run=_optional_bool(table, "in_link_run"),
        follows=follows,
        structure=None if structure is None else str(structure),
    )


def _check_types(table: dict[str, object], where: str) -> None:
    for key, value in table.items():
        if key not in _KNOWN_KEYS:
            import difflib  # only for the hint

            close = difflib.get_close_matches(key, _KNOWN_KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise RulesError(f"{where}: unknown key {key!r}{hint}")
        if key in _STR_KEYS:
            expected, ok = "a string", isinstance(value, str)
        elif key in _INT_KEYS:
            expected, ok = "a whole number", type(value) is int
        elif key in _BOOL_KEYS:
            expected, ok = "true or false", isinstance(value, bool)
        else:
            expected = "a list of strings"
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not ok:
            raise RulesError(f"{where}: {key!r} must be {expected}, not {value!r}")


def _non_negative(table: dict[str, object], key: str, where: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    assert isinstance(value, int)  # checked by _check_types
    if value < 0:
        raise RulesError(f"{where}: {key!r} must not be negative")
    return value


def _optional_bool(table: dict[str, object], key: str) -> bool | None:
    value = table.get(key)
    return value if isinstance(value, bool) else None


def _position(table: dict[str, object], where: str) -> tuple[str | None, int]:
    position = table.get("position")
    n = table.get("n")
    if position is None:
        if n is not None:
            raise RulesError(f'{where}: \'n\' only goes with position = "first_n" or "last_n"')
        return None, 1
    if position not in POSITIONS:
        known = ", ".join(POSITIONS)
        raise RulesError(f"{where}: unknown position {position!r} (positions: {known})")
    if position in ("first_n", "last_n"):
        if not isinstance(n, int) or n < 1:
            raise RulesError(f"{where}: position {position!r} needs n, a whole number ≥ 1")
        return str(position), n
    if n is not None:
        raise RulesError(f'{where}: \'n\' only goes with position = "first_n" or "last_n"')
    return str(position), 1


def _follows_list(values: object, where: str) -> Iterable[Kind | str]:
    """Kinds, and rule names (dotted: a rule of this file or of another one) as they are."""
    assert isinstance(values, list)  # checked by _check_types
    for value in values:
        if "." in value and _NAME.fullmatch(value):
            yield value
            continue
        try:
            yield Kind(value)
        except ValueError:
            raise RulesError(
                f"{where}: unknown kind {value!r} in 'follows' (a rule's name has a dot)"
            ) from None


def _compile(
    table: dict[str, object],
    key: str,
    flags: str,
    where: str,
    check: bool,
    earlier: rules_cache.Translations,
    translations: rules_cache.Translations,
) -> Pattern | None:
    """The compiled pattern under ``key`` (None if absent)."""
    source = table.get(key)
    if source is None:
        return None
    assert isinstance(source, str)  # checked by _check_types
    label = f"{where}: bad regular expression in {key!r}"
    cached = earlier.get((source, flags))
    try:
        pattern = compile_pattern(
            source,
            flags,
            label,
            check=check,
            translation=None if cached is None else cached[:2],
            set_form=None if cached is None else cached[2:],
        )
    except PatternError as error:
        raise RulesError(f"{label}: {error}") from None
    relaxed = pattern.loose or pattern.translated
    translations[source, flags] = (pattern.translated, relaxed, *set_form(pattern))
    return pattern
