"""The standard-library baseline: what a plain difflib pipeline does with two article files.

difflib.SequenceMatcher over the paragraph lists, SequenceMatcher.ratio pairing inside replaced
blocks, word-level SequenceMatcher on the pairs; prints a JSON summary. It does less than
diffviewer (no moves, no kinds, no splits, no exports): the bar ``diffviewer --summary json``
must clear when both run as whole processes (bench/engine_bench.py).

Usage: python bench/baseline_pipeline.py OLD NEW
"""

from __future__ import annotations

import json
import re
import sys
from difflib import SequenceMatcher

_BLANK = re.compile(r"\n\s*\n")


def paragraphs(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return [" ".join(p.split()) for p in _BLANK.split(text) if p.strip()]


def pipeline(old: list[str], new: list[str]) -> dict[str, object]:
    changes: list[dict[str, object]] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        if tag == "replace":
            for i in list(olds):  # pair each old paragraph with its most similar new one
                best, best_j = 0.0, None
                for j in news:
                    ratio = SequenceMatcher(None, old[i], new[j]).ratio()
                    if ratio > best:
                        best, best_j = ratio, j
                if best_j is not None and best >= 0.5:
                    words = SequenceMatcher(None, old[i].split(), new[best_j].split())
                    ops = [op for op in words.get_opcodes() if op[0] != "equal"]
                    changes.append({"type": "changed", "old": i, "new": best_j, "ops": len(ops)})
                    olds.remove(i)
                    news.remove(best_j)
        changes += [{"type": "removed", "old": i} for i in olds]
        changes += [{"type": "inserted", "new": j} for j in news]
    return {"changes": changes, "totals": len(changes)}


def main(argv: list[str]) -> int:
    result = pipeline(paragraphs(argv[0]), paragraphs(argv[1]))
    json.dump(result, sys.stdout)
    return 1 if result["totals"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
