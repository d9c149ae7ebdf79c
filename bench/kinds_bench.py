"""Kinds on real pages: how well the kinds tell the article from the rest of a scraped page.

For every page of a corpus built by bench/kinds_corpus.py (``pages/<name>/raw.txt``, ``clean.txt``,
``meta.json``), runs diffviewer in process on the pair raw → clean
(``diffviewer.core.compare.compare_files``) and looks at the raw version's paragraphs:

- **removed** (no cell in the clean version's column of their row): they are not article text,
  so a good kind is anything but ``body``;
- **kept**: they are article text, so the kind should be ``body``.

It prints, per language and overall, removed → non-body and kept → body, each as a micro average
(over paragraphs) and a macro average (over pages that have such paragraphs), with counts, and
kept → not boilerplate (a kept heading called ``headline`` or a kept credit called ``caption`` is
not body, but not furniture either: the labels cannot tell an article's own headings and credits
from its text, so this looser figure shows how much of the kept side's misses are of that sort);
then, clean→body,
the cleaned version classified by itself (as a comparison of two revisions of a cleaned story
sees it: every paragraph is article text, so should be body); then the same two figures on the
paragraphs a hand snippet of the corpus names (rem✓: removed ones a snippet says are not article
text, mostly the hard cases next to the article: teasers, bios, promos; kept✓: kept ones a snippet
says are article text; the labels of all others come from an extractor, which keeps furniture
too), the figures nearest those of a hand-labelled set; then per
kind how many removed and kept paragraphs got it and the kind's precision as a non-body call
(share of its paragraphs that were removed; for ``body``: share that were kept); removed → non-body
by place (before the first kept paragraph, between kept ones, after the last); both figures by the
block element a paragraph came from (li, div, p, h2…, from meta.json) and by the page region it
sat in (a hint from HTML tags and class/id words: navigation, footer, comments, share, related,
ad, consent…), with the kinds most given to the removed ones there; the kinds given to the
reader comments that the corpus's hand snippets name (a ``comment`` kind should catch them); then
the 10 worst pages (most misclassified paragraphs) and the run time.

diffviewer is imported from the current directory, so another worktree can measure its own code:
``cd /work/wt/kinds && python /work/wt/corpus/bench/kinds_bench.py --corpus /work/kinds-corpus``.

Options:
    --corpus DIR      the corpus (default /work/kinds-corpus)
    --split S         dev (tune on these), check (report these) or all (default dev)
    --lang L          only pages in these languages (comma-separated)
    --pages N         only the first N pages (a quick look)
    --json FILE       save the figures (overall, per language, per kind, per page)
    --against FILE    print before/after deltas against figures saved with --json: per
                      language, per page region, and the pages with more misses than before
    --misses N        dump N misclassified paragraphs (page, position, text head, kind, rule),
                      chosen evenly over all misses, to study
    --where K=V,…     only misses with these fields: side (removed|kept), place
                      (before|inside|after), region, tag, kind, rule, lang; side=clean
                      gives the cleaned text's paragraphs that were not called body
    --worst N         how many worst pages to list (default 10)
    --rules-table     per rule (Paragraph.rule): how often it decided a removed paragraph, a kept
                      one and a paragraph of the cleaned text classified alone, with its kinds and
                      its precision (removed share for a non-body kind, article share for body):
                      the rules that cost article text most come first. With --against, the
                      saved run's counts beside them (save it with --json --rules-table)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

sys.path.insert(0, os.getcwd())  # Measure the diffviewer of the directory we run from.

from diffviewer.core.compare import compare_files

DEFAULT_CORPUS = Path("/work/kinds-corpus")
BODY = "body"


@dataclass
class Counts:
    """Paragraph counts of one page or a group of pages."""

    removed: int = 0
    removed_ok: int = 0
    kept: int = 0
    kept_ok: int = 0
    kept_article: int = 0
    # Kept paragraphs that a hand snippet of the corpus names as article text (the extractor's
    # labels alone also keep furniture: teaser lists, "Read more" links), and of those, how
    # many got body: the figure nearest a hand-labelled held-out set's.
    kept_confirmed: int = 0
    kept_confirmed_ok: int = 0
    # Removed paragraphs that a hand snippet names as not article text, and of those, how many
    # got a non-body kind.
    removed_confirmed: int = 0
    removed_confirmed_ok: int = 0
    # The cleaned version classified by itself (as a comparison of two revisions of a cleaned
    # story sees it): all of its paragraphs are article text, so each should be body.
    clean: int = 0
    clean_ok: int = 0


@dataclass
class Tally(Counts):
    """Counts for one group of pages (a language, or all)."""

    pages: int = 0
    removed_shares: list[float] = field(default_factory=list)
    kept_shares: list[float] = field(default_factory=list)

    def add(self, result: PageResult) -> None:
        self.pages += 1
        for counter in fields(Counts):
            name = counter.name
            setattr(self, name, getattr(self, name) + getattr(result, name))
        if result.removed:
            self.removed_shares.append(result.removed_ok / result.removed)
        if result.kept:
            self.kept_shares.append(result.kept_ok / result.kept)

    def figures(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float | None:
            return round(part / whole, 4) if whole else None

        def mean(values: list[float]) -> float | None:
            return round(sum(values) / len(values), 4) if values else None

        return {
            "pages": self.pages,
            "removed": self.removed,
            "removed_nonbody": share(self.removed_ok, self.removed),
            "removed_nonbody_macro": mean(self.removed_shares),
            "kept": self.kept,
            "kept_body": share(self.kept_ok, self.kept),
            "kept_body_macro": mean(self.kept_shares),
            "kept_not_boilerplate": share(self.kept_article, self.kept),
            "removed_confirmed": self.removed_confirmed,
            "removed_confirmed_nonbody": share(self.removed_confirmed_ok, self.removed_confirmed),
            "kept_confirmed": self.kept_confirmed,
            "kept_confirmed_body": share(self.kept_confirmed_ok, self.kept_confirmed),
            "clean": self.clean,
            "clean_body": share(self.clean_ok, self.clean),
        }


@dataclass
class PageResult(Counts):
    name: str = ""
    lang: str = "?"
    kinds: Counter[tuple[str, bool]] = field(default_factory=Counter)
    # (rule, kind, side) with side removed|kept|clean: which rule decided each paragraph.
    rules: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    # (group, key, removed|kept, right|all): by place (before/inside/after the article), by
    # block tag, and the kinds of reader comments the hand snippets point at.
    facets: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    label_mismatch: bool = False

    @property
    def errors(self) -> int:
        return (self.removed - self.removed_ok) + (self.kept - self.kept_ok)


def measure_page(folder: Path, meta: dict[str, Any]) -> PageResult:
    comparison = compare_files([folder / "raw.txt", folder / "clean.txt"])
    raw = comparison.versions[0].paragraphs
    kept_index = {
        row.cells[0]
        for row in comparison.rows
        if row.cells[0] is not None and row.cells[1] is not None
    }
    result = PageResult(name=folder.name, lang=meta.get("lang") or "?")
    labels = meta.get("paragraphs", [])
    result.label_mismatch = len(labels) != len(raw) or sum(
        1 for p in labels if p["label"] == "article"
    ) != len(kept_index)
    first, last = (min(kept_index), max(kept_index)) if kept_index else (0, -1)
    for paragraph in comparison.versions[1].paragraphs:
        result.clean += 1
        result.clean_ok += str(paragraph.kind) == BODY
        result.rules[paragraph.rule, str(paragraph.kind), "clean"] += 1
        if str(paragraph.kind) != BODY:
            result.misses.append(
                {
                    "page": folder.name,
                    "lang": result.lang,
                    "side": "clean",
                    "place": "-",
                    "position": f"{paragraph.index + 1}/{len(comparison.versions[1].paragraphs)}",
                    "kind": str(paragraph.kind),
                    "rule": paragraph.rule,
                    "how": "-",
                    "tag": "-",
                    "region": "-",
                    "text": paragraph.text,
                }
            )
    for paragraph in raw:
        kind = str(paragraph.kind)
        was_kept = paragraph.index in kept_index
        result.kinds[kind, was_kept] += 1
        ok = (kind == BODY) if was_kept else (kind != BODY)
        side = "kept" if was_kept else "removed"
        result.rules[paragraph.rule, kind, side] += 1
        label = labels[paragraph.index] if paragraph.index < len(labels) else {}
        place = (
            "before" if paragraph.index < first else "after" if paragraph.index > last else "inside"
        )
        region = label.get("region", "?") or "-"
        for group, key in (("place", place), ("tag", label.get("tag", "?")), ("region", region)):
            result.facets[group, key, side, "all"] += 1
            result.facets[group, key, side, "right"] += ok
        if not was_kept:
            result.facets["region_kind", f"{region} {kind}", side, "all"] += 1
        if "comments" in label.get("how", "") and not was_kept:
            result.facets["comment", kind, side, "all"] += 1
        if was_kept:
            result.kept += 1
            result.kept_ok += ok
            result.kept_article += not paragraph.kind.is_boilerplate
            if "with" in label.get("how", ""):
                result.kept_confirmed += 1
                result.kept_confirmed_ok += ok
        else:
            result.removed += 1
            result.removed_ok += ok
            if "without" in label.get("how", ""):
                result.removed_confirmed += 1
                result.removed_confirmed_ok += ok
        if not ok:
            result.misses.append(
                {
                    "page": folder.name,
                    "lang": result.lang,
                    "side": side,
                    "place": place,
                    "position": f"{paragraph.index + 1}/{len(raw)}",
                    "kind": kind,
                    "rule": paragraph.rule,
                    "how": label.get("how", "?"),
                    "tag": label.get("tag", "?"),
                    "region": region,
                    "text": paragraph.text,
                }
            )
    return result


def load_pages(corpus: Path, split: str, langs: set[str]) -> list[tuple[Path, dict[str, Any]]]:
    pages = []
    for folder in sorted((corpus / "pages").iterdir()):
        meta_path = folder / "meta.json"
        if not meta_path.exists():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if split != "all" and meta.get("split") != split:
            continue
        if langs and meta.get("lang") not in langs:
            continue
        pages.append((folder, meta))
    return pages


def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


def print_table(groups: dict[str, dict[str, Any]], title: str) -> None:
    print(title)
    print(
        f"{'lang':<8}{'pages':>6}{'removed':>9}{'→nonbody':>9}{'macro':>7}"
        f"{'kept':>8}{'→body':>7}{'macro':>7}{'→not bp':>9}{'clean→body':>11}"
        f"{'rem✓':>7}{'→nonb':>7}{'kept✓':>7}{'→body':>7}"
    )
    for name, fig in groups.items():
        print(
            f"{name:<8}{fig['pages']:>6}{fig['removed']:>9}{_fmt(fig['removed_nonbody']):>9}"
            f"{_fmt(fig['removed_nonbody_macro']):>7}{fig['kept']:>8}{_fmt(fig['kept_body']):>7}"
            f"{_fmt(fig['kept_body_macro']):>7}{_fmt(fig.get('kept_not_boilerplate')):>9}"
            f"{_fmt(fig.get('clean_body')):>11}"
            f"{fig.get('removed_confirmed', 0):>7}{_fmt(fig.get('removed_confirmed_nonbody')):>7}"
            f"{fig.get('kept_confirmed', 0):>7}{_fmt(fig.get('kept_confirmed_body')):>7}"
        )


def print_deltas(now: dict[str, Any], before: dict[str, Any]) -> None:
    print("\nAgainst the saved figures (after − before):")
    print(
        f"{'lang':<8}{'→nonbody':>9}{'macro':>9}{'→body':>9}{'macro':>9}{'→not bp':>9}{'clean':>9}"
    )
    old = before.get("languages", {}) | {"all": before.get("overall", {})}
    for name, fig in (now["languages"] | {"all": now["overall"]}).items():
        was = old.get(name)
        if not was:
            print(f"{name:<8} (new)")
            continue
        cells = []
        for key in (
            "removed_nonbody",
            "removed_nonbody_macro",
            "kept_body",
            "kept_body_macro",
            "kept_not_boilerplate",
            "clean_body",
        ):
            a, b = fig.get(key), was.get(key)
            cells.append("      -" if a is None or b is None else f"{a - b:+.3f}")
        print(f"{name:<8}" + "".join(f"{c:>9}" for c in cells))
    _print_region_deltas(now.get("regions", {}), before.get("regions", {}))
    _print_page_deltas(now.get("pages", {}), before.get("pages", {}))


def _ratio(fig: dict[str, int], side: str) -> float | None:
    whole = fig.get(f"{side}_all", 0)
    return fig.get(f"{side}_right", 0) / whole if whole else None


def _print_region_deltas(now: dict[str, Any], before: dict[str, Any]) -> None:
    if not now or not before:
        return
    print(f"\n{'region':<12}{'→nonbody':>9}{'→body':>9}   (after − before, per page region)")
    for region in sorted(now, key=lambda r: -now[r].get("removed_all", 0)):
        cells = []
        for side in ("removed", "kept"):
            a, b = _ratio(now[region], side), _ratio(before.get(region, {}), side)
            cells.append("      -" if a is None or b is None else f"{a - b:+.3f}")
        print(f"{region:<12}" + "".join(f"{c:>9}" for c in cells))


def _print_page_deltas(now: dict[str, Any], before: dict[str, Any], count: int = 10) -> None:
    """The pages with the most new misclassified paragraphs (what a change broke)."""

    def errors(fig: dict[str, Any]) -> int:
        return int(fig["removed"] - fig["removed_nonbody"] + fig["kept"] - fig["kept_body"])

    worse = sorted(
        ((errors(now[name]) - errors(before[name]), name) for name in now if name in before),
        reverse=True,
    )
    worse = [(delta, name) for delta, name in worse[:count] if delta > 0]
    if worse:
        print(f"\nPages with more misclassified paragraphs than before (up to {count}):")
        for delta, name in worse:
            print(f"  +{delta:<5} {name} ({now[name]['lang']})")


def collect(results: list[PageResult]) -> dict[str, Any]:
    """The figures of a run: overall, per language, per kind, per page."""
    overall = Tally()
    by_lang: dict[str, Tally] = defaultdict(Tally)
    kinds: Counter[tuple[str, bool]] = Counter()
    for result in results:
        overall.add(result)
        by_lang[result.lang].add(result)
        kinds.update(result.kinds)
    ordered = sorted(by_lang, key=lambda lang: (-by_lang[lang].pages, lang))
    facets: Counter[tuple[str, str, str, str]] = Counter()
    for result in results:
        facets.update(result.facets)
    grouped: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for (group, key, side, what), count in facets.items():
        grouped[group].setdefault(key, {})[f"{side}_{what}"] = count
    rules: Counter[tuple[str, str, str]] = Counter()
    for result in results:
        rules.update(result.rules)
    per_rule: dict[str, dict[str, Any]] = {}
    for (rule, kind, side), count in rules.items():
        entry = per_rule.setdefault(rule, {"removed": 0, "kept": 0, "clean": 0, "kinds": {}})
        entry[side] += count
        entry["kinds"][kind] = entry["kinds"].get(kind, 0) + count
    per_kind = {}
    for kind in sorted({k for k, _ in kinds}, key=lambda k: -(kinds[k, False] + kinds[k, True])):
        removed, kept = kinds[kind, False], kinds[kind, True]
        right = kept if kind == BODY else removed
        per_kind[kind] = {
            "removed": removed,
            "kept": kept,
            "precision": round(right / (removed + kept), 4) if removed + kept else None,
        }
    return {
        "overall": overall.figures(),
        "languages": {lang: by_lang[lang].figures() for lang in ordered},
        "kinds": per_kind,
        "rules": per_rule,
        "places": grouped["place"],
        "tags": grouped["tag"],
        "regions": grouped["region"],
        "region_kinds": {k: v.get("removed_all", 0) for k, v in grouped["region_kind"].items()},
        "comment_kinds": {k: v.get("removed_all", 0) for k, v in grouped["comment"].items()},
        "pages": {
            r.name: {
                "lang": r.lang,
                "removed": r.removed,
                "removed_nonbody": r.removed_ok,
                "kept": r.kept,
                "kept_body": r.kept_ok,
            }
            for r in results
        },
    }


def print_kinds(per_kind: dict[str, dict[str, Any]]) -> None:
    print(
        "\nPer kind: paragraphs removed / kept that got it; precision (removed share, for "
        "body the kept share)"
    )
    print(f"{'kind':<16}{'removed':>9}{'kept':>8}{'precision':>11}")
    for kind, fig in per_kind.items():
        print(f"{kind:<16}{fig['removed']:>9}{fig['kept']:>8}{_fmt(fig['precision']):>11}")


def _rule_cost(fig: dict[str, Any]) -> int:
    """Article paragraphs a rule got wrong (a non-body kind on kept or clean text, or body on
    removed text, by the rule's main kind), less the removed ones it got right."""
    body = max(fig["kinds"], key=fig["kinds"].get) == BODY
    if body:
        return int(fig["removed"])
    return int(fig["kept"] + fig["clean"])


def print_rules(per_rule: dict[str, dict[str, Any]], before: dict[str, Any] | None) -> None:
    print(
        "\nPer rule: paragraphs it decided, removed / kept / cleaned text alone; precision ="
        " removed share (article share for a body rule); most costly to the other side first"
    )
    head = f"{'rule':<34}{'kind':<14}{'removed':>8}{'kept':>7}{'clean':>7}{'prec':>7}"
    if before is not None:
        head += f"{'| before:':>10}{'removed':>8}{'kept':>7}{'clean':>7}"
    print(head)
    old = (before or {}).get("rules", {})
    for rule in sorted(per_rule, key=lambda r: (-_rule_cost(per_rule[r]), r)):
        fig = per_rule[rule]
        kind = max(fig["kinds"], key=fig["kinds"].get)
        total = fig["removed"] + fig["kept"]
        right = fig["kept"] if kind == BODY else fig["removed"]
        line = (
            f"{rule[:33]:<34}{kind[:13]:<14}{fig['removed']:>8}{fig['kept']:>7}{fig['clean']:>7}"
            f"{_fmt(right / total if total else None):>7}"
        )
        if before is not None:
            was = old.get(rule)
            line += (
                f"{'':>10}{was['removed']:>8}{was['kept']:>7}{was['clean']:>7}"
                if was
                else f"{'':>10}{'(new)':>8}"
            )
        print(line)
    for rule in sorted(set(old) - set(per_rule)):
        was = old[rule]
        print(
            f"{rule[:33]:<34}{'(gone)':<14}{'':>29}{'':>10}{was['removed']:>8}{was['kept']:>7}{was['clean']:>7}"
        )


def _share(fig: dict[str, int], side: str) -> str:
    whole = fig.get(f"{side}_all", 0)
    return _fmt(fig.get(f"{side}_right", 0) / whole if whole else None)


def print_facets(figures: dict[str, Any]) -> None:
    print(
        "\nWhere they are: removed paragraphs before the first kept one, between kept ones, after"
    )
    print(f"{'place':<10}{'removed':>9}{'→nonbody':>9}")
    for place in ("before", "inside", "after"):
        fig = figures["places"].get(place, {})
        print(f"{place:<10}{fig.get('removed_all', 0):>9}{_share(fig, 'removed'):>9}")
    print("\nBy the block element a paragraph came from (the 12 most frequent)")
    print(f"{'tag':<12}{'removed':>9}{'→nonbody':>9}{'kept':>8}{'→body':>7}")
    tags = figures["tags"]
    for tag in sorted(tags, key=lambda t: -sum(v for k, v in tags[t].items() if "all" in k))[:12]:
        fig = tags[tag]
        print(
            f"{tag:<12}{fig.get('removed_all', 0):>9}{_share(fig, 'removed'):>9}"
            f"{fig.get('kept_all', 0):>8}{_share(fig, 'kept'):>7}"
        )
    print("\nBy page region (a hint from HTML tags and class/id words: nav, footer, comment…)")
    print(f"{'region':<12}{'removed':>9}{'→nonbody':>9}{'kept':>8}{'→body':>7}  kinds of removed")
    regions = figures["regions"]
    for region in sorted(regions, key=lambda r: -regions[r].get("removed_all", 0)):
        fig = regions[region]
        kinds = Counter(
            {
                key.split(" ", 1)[1]: n
                for key, n in figures["region_kinds"].items()
                if key.split(" ", 1)[0] == region
            }
        )
        top = ", ".join(f"{k} {n}" for k, n in kinds.most_common(3))
        print(
            f"{region:<12}{fig.get('removed_all', 0):>9}{_share(fig, 'removed'):>9}"
            f"{fig.get('kept_all', 0):>8}{_share(fig, 'kept'):>7}  {top}"
        )
    comments = figures["comment_kinds"]
    if comments:
        total = sum(comments.values())
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(comments.items(), key=lambda i: -i[1]))
        print(f"\nReader comments named by the hand snippets: {total} paragraphs; kinds: {kinds}")


def print_worst(results: list[PageResult], count: int) -> None:
    print(f"\nWorst {count} pages (misclassified paragraphs):")
    print(f"{'page':<44}{'lang':>5}{'removed':>8}{'→body':>6}{'kept':>6}{'→other':>7}")
    for r in sorted(results, key=lambda r: (-r.errors, r.name))[:count]:
        print(
            f"{r.name[:43]:<44}{r.lang:>5}{r.removed:>8}{r.removed - r.removed_ok:>6}"
            f"{r.kept:>6}{r.kept - r.kept_ok:>7}"
        )


def print_misses(results: list[PageResult], count: int, where: str = "") -> None:
    wanted = dict(item.split("=", 1) for item in where.split(",") if "=" in item)
    misses = [
        m
        for r in results
        for m in r.misses
        if all(str(m.get(key)) == value for key, value in wanted.items())
    ]
    if "side" not in wanted:
        misses = [m for m in misses if m["side"] != "clean"]
    step = max(1, len(misses) // count)
    print(f"\n{min(count, len(misses))} of {len(misses)} misclassified paragraphs:")
    for miss in misses[::step][:count]:
        text = " ".join(miss["text"].split())
        print(
            f"[{miss['side']}, {miss['place']}, {miss['region']}] {miss['page'][:40]} "
            f"{miss['lang']} {miss['position']} "
            f"<{miss['tag']}> {miss['kind']} ({miss['rule']}; label by {miss['how']}): "
            f"{text[:100]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", choices=("dev", "check", "all"), default="dev")
    parser.add_argument("--lang", default="", help="comma-separated languages")
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--rules-table", action="store_true")
    parser.add_argument("--where", default="", help="filter --misses: side=removed,region=…")
    args = parser.parse_args(argv)

    import diffviewer

    if not (args.corpus / "pages").is_dir():
        print(
            f"{args.corpus}: no pages/ here; build it with bench/kinds_corpus.py", file=sys.stderr
        )
        return 2
    pages = load_pages(args.corpus, args.split, {x for x in args.lang.split(",") if x})
    if args.pages:
        pages = pages[: args.pages]
    if not pages:
        print(f"no pages in {args.corpus} for split {args.split}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    results = [measure_page(folder, meta) for folder, meta in pages]
    seconds = time.perf_counter() - start

    figures = collect(results)
    figures |= {"split": args.split, "corpus": str(args.corpus), "seconds": round(seconds, 2)}
    figures["diffviewer"] = str(Path(diffviewer.__file__).parent)
    print(f"diffviewer from {figures['diffviewer']}; corpus {args.corpus}, split {args.split}")
    print_table(
        figures["languages"] | {"all": figures["overall"]},
        "\nRemoved paragraphs that got a non-body kind; kept paragraphs that got body (and,"
        " →not bp, a kind that is not boilerplate: body, headline, byline, caption…):",
    )

    print_kinds(figures["kinds"])
    print_facets(figures)
    print_worst(results, args.worst)
    mismatched = sum(r.label_mismatch for r in results)
    paragraphs = figures["overall"]["removed"] + figures["overall"]["kept"]
    print(
        f"\n{len(results)} pages, {paragraphs} paragraphs in {seconds:.1f} s "
        f"({1000 * seconds / max(1, len(results)):.0f} ms a page)"
        + (
            f"; {mismatched} pages where diffviewer's removals differ from the labels"
            if mismatched
            else ""
        )
    )

    if args.rules_table:
        before = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
        print_rules(figures["rules"], before)
    if args.misses:
        print_misses(results, args.misses, args.where)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.against:
        print_deltas(figures, json.loads(args.against.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
