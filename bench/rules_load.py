"""How long loading a large rules file takes (issue 11, item 5: it was quadratic).

Writes rules files to a temporary folder and times ``load_rules`` on each (median of 3):
one rule whose pattern is an alternation of 20,000 / 45,000 words, and a file of
many ordinary rules, each near the rules-file size limit where it applies.

    python bench/rules_load.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

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
            times = []
            for _ in range(3):
                start = time.perf_counter()
                load_rules([path])
                times.append(time.perf_counter() - start)
            print(f"{name:>28}: {len(content):>9,} bytes, {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
