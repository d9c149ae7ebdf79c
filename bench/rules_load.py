"""How long loading a large rules file takes (issue 11, item 5: it was quadratic).

Writes rules files to a temporary folder and times ``load_rules`` on each, then the first
classification of one short paragraph that reaches every rule (patterns are compiled on first
use), the slowest of 3 (the first: re2 caches its last 128 compiled patterns):
one rule whose pattern is an alternation of 20,000 / 45,000 words, and a file of
many ordinary rules, each near the rules-file size limit where it applies.

    python bench/rules_load.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from diffviewer.core.kinds import classify
from diffviewer.core.rules import RULES_MAX_BYTES, load_rules


def alternation_file(words: int) -> str:
    body = "|".join(f"word{n:06d}" for n in range(words))
    return (
        '[[rule]]\nname = "big.alternation"\nkind = "promo"\ndescription = "d"\n'
        f"pattern = '\\b(?:{body})\\b'\nflags = \"i\"\n"
    )


def many_rules_file(size: int) -> str:
    rules = []
    total = n = 0
    while total < size:
        rule = (
            f'[[rule]]\nname = "many.r{n}"\nkind = "promo"\ndescription = "Rule {n}."\n'
            f"pattern = '^(?:subscribe|sign up) (?:to|for) (?:our )?newsletter {n}\\b'\n"
            'flags = "i"\nmax_words = 20\n\n'
        )
        rules.append(rule)
        total += len(rule)
        n += 1
    return "".join(rules)


def main() -> None:
    print(f"rules-file size limit: {RULES_MAX_BYTES:,} bytes")
    with tempfile.TemporaryDirectory() as folder:
        cases = [(f"{w:,}-word alternation", alternation_file(w)) for w in (20_000, 45_000)]
        cases.append(("many small rules", many_rules_file(RULES_MAX_BYTES - 8192)))
        for name, content in cases:
            path = Path(folder) / "rules.toml"
            path.write_text(content, encoding="utf-8")
            loads, uses = [], []
            for _ in range(3):
                start = time.perf_counter()
                rules = load_rules([path])
                loaded = time.perf_counter()
                classify(["Sign up for our newsletter today"], rules)
                loads.append(loaded - start)
                uses.append(time.perf_counter() - loaded)
            print(
                f"{name:>28}: {len(content):>9,} bytes, load {max(loads):.3f} s, "
                f"first use {max(uses):.3f} s"
            )


if __name__ == "__main__":
    main()
