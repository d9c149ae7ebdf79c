"""Do the bundled rule patterns find the same paragraphs under RE2 as under Python's ``re``?

Runs every ``pattern`` and ``not_pattern`` of resources/rules/kinds.toml, compiled once with
Python's ``re`` (as the rules were written) and once through ``core.patterns`` (RE2), over the
paragraph keys of the seed articles, tests/data and, when it exists, /work/kinds-corpus/*/raw.txt
(pass other folders as arguments), on the first ``PATTERN_WINDOW`` characters as the classifier
does. Prints one line per rule that differs, with an example paragraph, then the totals.
``--reference FILE`` takes the Python side's patterns from another rules file (matched by rule
name), e.g. the kinds.toml before its patterns were respelled for RE2.

    python bench/rules_equivalence.py [--reference OLD_KINDS.toml] [FOLDER…]
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from diffviewer.core.loading import load_file
from diffviewer.core.paragraphs import normalise, split_paragraphs
from diffviewer.core.patterns import compile_pattern
from diffviewer.core.rules import PATTERN_WINDOW

ROOT = Path(__file__).resolve().parent.parent
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


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
    compared = differing = patterns = 0
    for rule in rules:
        for key in ("pattern", "not_pattern"):
            if key not in rule:
                continue
            patterns += 1
            old = reference[rule["name"]]
            flags = 0
            for letter in old.get("flags", ""):
                flags |= _FLAGS[letter]
            python = re.compile(old[key], flags)
            linear = compile_pattern(rule[key], rule.get("flags", ""))
            diffs = [p for p in paragraphs if bool(python.search(p)) != linear.search(p)]
            compared += len(paragraphs)
            differing += len(diffs)
            if diffs:
                example = diffs[0][:100]
                print(f"{rule['name']} {key}: {len(diffs)} differ, e.g. {example!r}")
    print(
        f"{len(paths)} files, {len(paragraphs)} distinct paragraphs, {patterns} patterns: "
        f"{compared:,} pattern × paragraph tests, {differing} differ"
    )


if __name__ == "__main__":
    main()
