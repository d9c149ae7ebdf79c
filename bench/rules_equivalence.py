"""Do the bundled rule patterns find the same paragraphs under RE2 as under Python's ``re``?

Runs the patterns of every rule of resources/rules/kinds.toml (a paragraph passes when the
``pattern`` is found and the ``not_pattern`` is not), compiled once in Python (with the
``regex`` module, which reads ``re``'s syntax and also the ``\\p{…}`` classes the rules now
use, where ``re`` refuses them) and once through ``core.patterns`` (RE2), over the
paragraph keys of the seed articles, tests/data and, when it exists, /work/kinds-corpus/*/raw.txt
(pass other folders as arguments), on the first ``PATTERN_WINDOW`` characters as the classifier
does. Prints one line per rule that differs, with an example paragraph, then the totals.
``--reference FILE`` takes the Python side's patterns from another rules file (matched by rule
name), e.g. the kinds.toml before its patterns were respelled for RE2.

    python bench/rules_equivalence.py [--reference OLD_KINDS.toml] [FOLDER…]
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import regex

from diffviewer.core.loading import load_file
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.patterns import compile_pattern
from diffviewer.core.rules import PATTERN_WINDOW

ROOT = Path(__file__).resolve().parent.parent
_FLAGS = {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}


def texts(folders: list[Path]) -> list[Path]:
    found = sorted((ROOT / "resources" / "examples").glob("*.txt"))
    found += sorted((ROOT / "tests" / "data").rglob("*.txt"))
    for folder in folders:
        found += sorted(folder.glob("*/raw.txt")) + sorted(folder.glob("*/*/raw.txt"))
    return found


def keys(paths: list[Path]) -> list[str]:
    seen: dict[str, None] = {}
    for path in paths:
        try:
            text = load_file(path).text
        except Exception as error:  # a test fixture may be binary on purpose
            print(f"skipped {path}: {error}", file=sys.stderr)
            continue
        for paragraph in split_paragraphs(text):
            key = normalise(paragraph.text)
            if key:
                seen.setdefault(key[:PATTERN_WINDOW])
    return list(seen)


def main() -> None:
    arguments = sys.argv[1:]
    rules = tomllib.loads((ROOT / "resources" / "rules" / "kinds.toml").read_text("utf-8"))["rule"]
    reference = {rule["name"]: rule for rule in rules}
    if arguments[:1] == ["--reference"]:
        old = tomllib.loads(Path(arguments[1]).read_text("utf-8"))["rule"]
        reference.update({rule["name"]: rule for rule in old})
        arguments = arguments[2:]
    folders = [Path(a) for a in arguments] or [Path("/work/kinds-corpus")]
    paths = texts([f for f in folders if f.is_dir()])
    paragraphs = keys(paths)
    compared = differing = 0
    for rule in rules:
        if "pattern" not in rule and "not_pattern" not in rule:
            continue
        python = _python_test(reference[rule["name"]])
        linear = _linear_test(rule)
        diffs = [p for p in paragraphs if python(p) != linear(p)]
        compared += len(paragraphs)
        differing += len(diffs)
        if diffs:
            print(f"{rule['name']}: {len(diffs)} differ, e.g. {diffs[0][:100]!r}")
    print(
        f"{len(paths)} files, {len(paragraphs)} distinct paragraphs, {compared:,} rule x paragraph "
        f"tests (pattern found and not_pattern not found), {differing} differ"
    )


def _python_test(rule: dict[str, str]) -> Callable[[str], bool]:
    flags = 0
    for letter in rule.get("flags", ""):
        flags |= _FLAGS[letter]
    pattern = regex.compile(rule["pattern"], flags) if "pattern" in rule else None
    exclude = regex.compile(rule["not_pattern"], flags) if "not_pattern" in rule else None
    return lambda text: (
        (pattern is None or pattern.search(text) is not None)
        and (exclude is None or exclude.search(text) is None)
    )


def _linear_test(rule: dict[str, str]) -> Callable[[str], bool]:
    flags = rule.get("flags", "")
    pattern = compile_pattern(rule["pattern"], flags) if "pattern" in rule else None
    exclude = compile_pattern(rule["not_pattern"], flags) if "not_pattern" in rule else None
    return lambda text: (
        (pattern is None or pattern.search(text)) and (exclude is None or not exclude.search(text))
    )


if __name__ == "__main__":
    main()
