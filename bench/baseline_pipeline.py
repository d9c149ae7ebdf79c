"""The word-level standard-library pipeline the engine is measured against.

A verbatim copy of ``../shared/bench/baseline_difflib.py`` (the project's shared reference,
named by the issue that set the speed targets), its docstring replaced by this one: what a
Python author would write with the standard library to do the engine's work — read both files,
split paragraphs, align them with difflib, pair edited paragraphs inside replaced blocks by
word-list ``SequenceMatcher.ratio``, and diff paired paragraphs word by word. Prints a count
summary.

Usage: python bench/baseline_pipeline.py OLD NEW
"""

import difflib
import json
import re
import sys


def paras(path):
    text = open(path, encoding="utf-8").read()
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def main():
    a, b = paras(sys.argv[1]), paras(sys.argv[2])
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    removed = inserted = changed = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        used = set()
        for o in olds:
            best, bi = 0.0, None
            for k, n in enumerate(news):
                if k in used:
                    continue
                r = difflib.SequenceMatcher(None, o.split(), n.split(), autojunk=False).ratio()
                if r > best:
                    best, bi = r, k
            if bi is not None and best >= 0.5:
                used.add(bi)
                changed += 1
                ow, nw = olds and o.split(), news[bi].split()
                list(difflib.SequenceMatcher(None, ow, nw, autojunk=False).get_opcodes())
            else:
                removed += 1
        inserted += len(news) - len(used)
    print(json.dumps({"removed": removed, "inserted": inserted, "changed": changed}))
    sys.exit(1 if removed or inserted or changed else 0)


if __name__ == "__main__":
    main()
