"""Build a labelled corpus of real pages for the kinds benchmark (bench/kinds_bench.py).

Source: the evaluation fixtures of the trafilatura project (github.com/adbar/trafilatura,
Apache-2.0): ``tests/eval/*.html`` and ``tests/cache/*.html``, ~990 saved web pages (news, blogs,
magazines, government and company pages; mostly German and English, some twenty languages), and
``tests/evaldata.json``, which lists for each page a few hand-picked text snippets that belong to
the article (``with``), that do not (``without``) and that are reader comments (``comments``).
Fixtures of other article extractors are deliberately not used: an independent held-out set is
built from them.

For each page the script writes, under ``--out`` (default /work/kinds-corpus), a folder
``pages/<name>/`` holding:

- ``raw.txt``: the visible text an editor would have copied from the page: one paragraph per block
  element (p, h1–h6, li, dt/dd, a table row, blockquote, figcaption, pre, and text lying directly
  in a div/section/…), paragraphs separated by a blank line. Removed first: head, script, style,
  noscript, template, svg, iframe, form controls, elements with ``hidden``,
  ``aria-hidden="true"``, an inline ``display:none``/``visibility:hidden`` style or a
  screen-reader-only class. Whitespace collapsed; ``<br>`` is a space, two ``<br>`` in a row
  start a new paragraph; table cells without block content join into one row paragraph.
- ``clean.txt``: the raw paragraphs labelled ``article``, in order (so every clean paragraph is
  one raw paragraph, word for word).
- ``meta.json``: source file, URL, language (and where it came from), split, the page's
  agreement figures, and per raw paragraph: ``label`` (``article``/``other``), ``how`` it was
  decided, the block ``tag`` it came from, the page ``region`` it sat in (a hint from HTML tags
  and class/id words: navigation, footer, sidebar, comments, related, share, consent, form, ad,
  header, or ''; never used for the labels) and the extractor ``coverage``.

Labelling method (``how``):

1. ``extractor``: the trafilatura library (bench-only dependency) extracts the main text
   (comments excluded, tables included). Its text and the raw paragraphs are tokenised (words;
   one token per CJK/Thai character) and aligned with difflib; a raw paragraph whose tokens are
   at least half covered by the extracted text is ``article``, else ``other``.
2. ``with``/``without``/``comment``: each hand-written snippet of evaldata.json is looked up in
   the raw paragraphs (token-normalised, within one paragraph or across neighbours). A ``with``
   snippet makes its paragraph ``article``; a ``without`` or ``comments`` snippet makes its
   paragraph(s) ``other``, unless the snippet is a small part (< 20 %) of a long (≥ 30 tokens)
   paragraph the extractor kept (then it is left as the extractor said, and counted as a
   conflict). A snippet that agrees with the extractor's label counts as agreement.
3. ``island``: before the snippets, a small cluster of extractor-``article`` paragraphs (at
   most 2 paragraphs and 30 words) lying 10 or more paragraphs away from the main cluster (the
   one with the most words) becomes ``other``: on reading such islands they were nearly all
   stray matches (a sidebar teaser, a cookie notice, the title's second copy in a breadcrumb).

The page's h1 headline is usually ``other``: trafilatura's text leaves the title out (the kinds
call it ``headline``, which is not body either way). Nothing is special-cased per site.

A page is dropped when trafilatura finds nothing, when under half of its snippets are found in
the raw text (the HTML-to-text step lost them), when the extractor agrees with fewer than 75 %
of the found snippets, when less than 80 % of the extracted text maps onto raw paragraphs, or
when the article is too short (< 3 paragraphs or < 60 words) or the page has < 5 paragraphs.

Language: the ``lang`` attribute of ``<html>`` (or a Content-Language meta), primary subtag;
without one, or when py3langid is confident (≥ 0.95) the article text is in another language,
the detected one (``lang_source`` says which).

Split: the SHA-1 of the file name decides, deterministically: ~70 % ``dev`` (tune on these),
~30 % ``check`` (report these).

A second source, for a check on pages of another family (``--htmldate``, built into another
``--out``): the 200 news pages of the htmldate project's MediaCloud 2020 test set
(github.com/adbar/htmldate, ``tests/test_set`` listed in ``tests/eval_mediacloud_2020.json``;
news sites of 2020 in some thirty languages, most of them English, Spanish, Portuguese, Russian
and Arabic). htmldate finds dates, not articles: its pages are no article extractor's fixtures.
They have no hand snippets, so their labels are the extractor's alone (and islands), noisier on
the kept side (an extractor keeps a page's footer links or a wiki's menus now and then).

Usage:
    python bench/kinds_corpus.py --trafilatura PATH [--out DIR] [--jobs N] [--limit N]
    python bench/kinds_corpus.py --htmldate PATH --out DIR [--jobs N]
    python bench/kinds_corpus.py --out DIR --export DEST FOLDER=PAGE...

The second form copies built pages into a small fixed set (tests/data/real_pages/FOLDER/raw.txt,
clean.txt), trimmed to at most 150 paragraphs around the article, and prints a README row each.

PATH is a checkout of the trafilatura repository or a bare git repository of it (its HEAD is
read with ``git archive``). Needs the ``bench`` extra: ``pip install -e '.[bench]'``.
The corpus is generated, never committed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from io import BytesIO
from multiprocessing import Pool
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.page_text import GLUED, page_language, visible_paragraphs

DEFAULT_OUT = Path("/work/kinds-corpus")

# Spaceless scripts count one token per character; other words are runs of letters/digits.
_SPACELESS = "\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_SPACELESS}]|[^\W_{_SPACELESS}]+")

COVERED = 0.5  # Share of a paragraph's tokens found in the extracted text to call it article.
ISLAND_GAP = 10
ISLAND_PARAGRAPHS = 2
ISLAND_WORDS = 30
MIN_FOUND = 0.5
MIN_AGREEMENT = 0.75  # Two of six hand snippets against the extractor: its labels are unsure.
MIN_MAPPED = 0.8
MIN_ARTICLE_PARAGRAPHS = 3
MIN_ARTICLE_WORDS = 60
MIN_PARAGRAPHS = 5
DEV_SHARE = 70  # Percent of pages in the dev split.


def split_of(name: str) -> str:
    """``dev`` or ``check``, from a hash of the file name (stable across runs and machines)."""
    digest = hashlib.sha1(name.encode()).digest()
    return "dev" if int.from_bytes(digest[:4], "big") % 100 < DEV_SHARE else "check"


def folder_name(file_name: str) -> str:
    """A portable folder name for a fixture (some are page titles with spaces and quotes)."""
    stem = Path(file_name).stem
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", stem)[:80]
    return safe if safe == stem else f"{safe}-{hashlib.sha1(stem.encode()).hexdigest()[:6]}"


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; words glued at a case change ("KlimaschutzBohren", two inline
    elements with no space between them) count as two, as the extractor spaces them."""
    return _TOKEN.findall(GLUED.sub(" ", text).lower())


# --- Labels -------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    source: str
    url: str
    paragraphs: list[tuple[str, str, str]]
    labels: list[str]
    how: list[str]
    coverage: list[float]
    lang: str
    lang_source: str
    figures: dict[str, Any]


def _coverage(paragraph_tokens: list[list[str]], extracted: list[str]) -> tuple[list[float], float]:
    """Share of each paragraph's tokens matched in ``extracted``; share of ``extracted`` matched."""
    flat = [t for toks in paragraph_tokens for t in toks]
    owner = [n for n, toks in enumerate(paragraph_tokens) for _ in toks]
    hits = [0] * len(paragraph_tokens)
    matched = 0
    matcher = SequenceMatcher(None, flat, extracted, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size == 0 or (block.size == 1 and len(paragraph_tokens[owner[block.a]]) > 1):
            continue  # A lone common word matched somewhere is no evidence.
        matched += block.size
        for k in range(block.a, block.a + block.size):
            hits[owner[k]] += 1
    shares = [hits[n] / len(toks) if toks else 0.0 for n, toks in enumerate(paragraph_tokens)]
    return shares, matched / len(extracted) if extracted else 0.0


def _find(snippet: str, norms: list[str]) -> list[int]:
    """Indices of the paragraphs holding a token-normalised snippet (all single ones holding it,
    else the run of neighbours it spans), or []."""
    needle = " " + " ".join(tokens(snippet)) + " "
    if not needle.strip():
        return []
    inside = [n for n, norm in enumerate(norms) if needle in " " + norm + " "]
    if inside:
        return inside
    joined = ""
    starts = []
    for norm in norms:
        starts.append(len(joined))
        joined += " " + norm
    joined += " "
    at = joined.find(needle)
    if at < 0:
        return []
    end = at + len(needle) - 1
    return [n for n, start in enumerate(starts) if start <= end and start + len(norms[n]) + 1 > at]


def drop_islands(paragraph_tokens: list[list[str]], labels: list[str], how: list[str]) -> None:
    """Relabel ``other`` the extractor's small, far-off islands of article text, in place.

    Article paragraphs are grouped into clusters (neighbours fewer than ISLAND_GAP paragraphs
    apart); the cluster with the most words is the article. Any other cluster of at most
    ISLAND_PARAGRAPHS paragraphs and ISLAND_WORDS words is almost always the extractor
    matching a stray line (a sidebar teaser, a cookie notice, a second copy of the title in a
    breadcrumb), so it becomes ``other`` (``how``: ``island``). A hand snippet can still
    make it ``article`` again.
    """
    clusters: list[list[int]] = []
    for n, label in enumerate(labels):
        if label != "article":
            continue
        if clusters and n - clusters[-1][-1] < ISLAND_GAP:
            clusters[-1].append(n)
        else:
            clusters.append([n])
    if len(clusters) < 2:
        return
    words = [sum(len(paragraph_tokens[n]) for n in cluster) for cluster in clusters]
    main = words.index(max(words))
    for k, cluster in enumerate(clusters):
        if k != main and len(cluster) <= ISLAND_PARAGRAPHS and words[k] <= ISLAND_WORDS:
            for n in cluster:
                labels[n] = "other"
                how[n] = "island"


def _apply_snippets(
    snippets: dict[str, Any], paragraph_tokens: list[list[str]], labels: list[str], how: list[str]
) -> tuple[int, int, int, int]:
    """Let the hand-written snippets correct the extractor's labels, in place.

    Returns (snippets found, found ones agreeing with the extractor, conflicts left, total).
    """
    norms = [" ".join(toks) for toks in paragraph_tokens]
    found = agree = conflicts = total = 0
    for group, want in (("with", "article"), ("without", "other"), ("comments", "other")):
        for snippet in snippets.get(group) or ():
            total += 1
            where = _find(snippet, norms)
            if not where:
                continue
            found += 1
            said = [labels[n] for n in where]
            if (want == "article") == ("article" in said):
                agree += 1
                for n in where:
                    how[n] = f"extractor+{group}" if labels[n] == want else how[n]
                continue
            size = sum(len(paragraph_tokens[n]) for n in where)
            if want == "other" and len(tokens(snippet)) < 0.2 * size and size >= 30:
                conflicts += 1  # A few words inside a long paragraph the extractor kept.
                continue
            for n in where:
                labels[n] = want
                how[n] = group
    return found, agree, conflicts, total


def _drop_reason(figures: dict[str, Any]) -> str:
    """Why a labelled page is not fit for the corpus, or ''."""
    total, found = figures["snippets"], figures["found"]
    if total and found / total < MIN_FOUND:
        return "snippets not found in the raw text"
    if found and figures["agree"] / found < MIN_AGREEMENT:
        return "extractor disagrees with the snippets"
    if figures["mapped"] < MIN_MAPPED:
        return "extracted text not in the raw paragraphs"
    if figures["paragraphs"] < MIN_PARAGRAPHS:
        return "too few paragraphs"
    if (
        figures["article_paragraphs"] < MIN_ARTICLE_PARAGRAPHS
        or figures["article_words"] < MIN_ARTICLE_WORDS
    ):
        return "article too short"
    return ""


def label_page(
    name: str, source: str, url: str, html: bytes, snippets: dict[str, Any]
) -> Page | str:
    """Label one page, or return why it was dropped."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return "unparsable"
    paragraphs = visible_paragraphs(tree)
    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=True, deduplicate=False
    )
    if not extracted:
        return "extractor found nothing"
    paragraph_tokens = [tokens(text) for text, _, _ in paragraphs]
    coverage, mapped = _coverage(paragraph_tokens, tokens(extracted))
    labels = ["article" if share >= COVERED else "other" for share in coverage]
    how = ["extractor"] * len(labels)
    drop_islands(paragraph_tokens, labels, how)
    found, agree, conflicts, total = _apply_snippets(snippets, paragraph_tokens, labels, how)
    article_words = sum(
        len(t) for t, label in zip(paragraph_tokens, labels, strict=True) if label == "article"
    )
    figures = {
        "snippets": total,
        "found": found,
        "agree": agree,
        "conflicts": conflicts,
        "mapped": round(mapped, 3),
        "paragraphs": len(paragraphs),
        "article_paragraphs": labels.count("article"),
        "article_words": article_words,
    }
    reason = _drop_reason(figures)
    if reason:
        return reason
    declared = page_language(tree)
    article_text = " ".join(
        t for (t, _, _), label in zip(paragraphs, labels, strict=True) if label == "article"
    )
    detected, confidence = _detect(article_text)
    if not declared:
        lang, lang_source = detected, "detected"
    elif detected != declared and confidence >= 0.95:
        lang, lang_source = detected, f"detected (html says {declared})"
    else:
        lang, lang_source = declared, "html"
    return Page(name, source, url, paragraphs, labels, how, coverage, lang, lang_source, figures)


_IDENTIFIER: Any = None


def _detect(text: str) -> tuple[str, float]:
    global _IDENTIFIER  # noqa: PLW0603 (one model per worker process, loaded on first use)
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lang, confidence = _IDENTIFIER.classify(text[:5000])
    return str(lang), float(confidence)


# --- Driver -------------------------------------------------------------------------------


#: What each source's checkout holds: the list of pages, then the folders of their HTML files.
TRAFILATURA = ("tests/evaldata.json", "tests/eval", "tests/cache")
HTMLDATE = ("tests/eval_mediacloud_2020.json", "tests/test_set")


def _fixtures(source: Path, wanted: tuple[str, ...] = TRAFILATURA) -> Iterator[tuple[Path, bool]]:
    """Yield a directory holding ``wanted`` (a checkout, or a temporary export of a bare
    repository)."""
    if (source / wanted[0]).exists():
        yield source, False
        return
    if not (source / "HEAD").exists() and not (source / ".git").exists():
        raise SystemExit(f"{source}: neither a checkout nor a git repository")
    git_dir = source / ".git" if (source / ".git").exists() else source
    temp = Path(tempfile.mkdtemp(prefix="kinds-corpus-"))
    archive = subprocess.run(
        ["git", f"--git-dir={git_dir}", "archive", "HEAD", *wanted],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(temp, filter="data")
    try:
        yield temp, True
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _work(job: tuple[str, str, str, str, dict[str, Any]]) -> Page | tuple[str, str]:
    name, source, path, url, snippets = job
    try:
        result = label_page(name, source, url, Path(path).read_bytes(), snippets)
    except Exception as error:  # A broken page is dropped with its reason, not a crash.
        return name, f"error: {type(error).__name__}: {error}"
    return (name, result) if isinstance(result, str) else result


def _swap(built: Path, pages: Path) -> None:
    old = pages.with_name("pages.old")
    if old.exists():
        shutil.rmtree(old)
    if pages.exists():
        pages.rename(old)
    built.rename(pages)
    shutil.rmtree(old, ignore_errors=True)


def write_page(page: Page, pages: Path) -> None:
    folder = pages / page.name
    folder.mkdir(parents=True, exist_ok=True)
    texts = [text for text, _, _ in page.paragraphs]
    (folder / "raw.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    kept = [t for t, label in zip(texts, page.labels, strict=True) if label == "article"]
    (folder / "clean.txt").write_text("\n\n".join(kept) + "\n", encoding="utf-8")
    meta = {
        "source": page.source,
        "url": page.url,
        "lang": page.lang,
        "lang_source": page.lang_source,
        "split": split_of(Path(page.source).name),
        "figures": page.figures,
        "paragraphs": [
            {
                "label": label,
                "how": how,
                "tag": tag,
                "region": region,
                "coverage": round(cov, 2),
            }
            for (_, tag, region), label, how, cov in zip(
                page.paragraphs, page.labels, page.how, page.coverage, strict=True
            )
        ],
    }
    (folder / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def export(corpus: Path, dest: Path, pairs: list[str], limit: int = 150) -> None:
    """Copy pages of a built corpus into ``dest/FOLDER/{raw,clean}.txt``, at most ``limit``
    paragraphs each (a window around the article paragraphs), and print a README table row."""
    for pair in pairs:
        folder, _, page = pair.partition("=")
        source = corpus / "pages" / page
        meta = json.loads((source / "meta.json").read_text(encoding="utf-8"))
        texts = (source / "raw.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
        labels = [p["label"] for p in meta["paragraphs"]]
        article = [n for n, label in enumerate(labels) if label == "article"]
        start = max(0, min(article[0] - (limit - (article[-1] - article[0] + 1)) // 2,
                           len(texts) - limit))  # fmt: skip
        window = range(start, min(len(texts), start + limit))
        raw = [texts[n] for n in window]
        clean = [texts[n] for n in window if labels[n] == "article"]
        (dest / folder).mkdir(parents=True, exist_ok=True)
        (dest / folder / "raw.txt").write_text("\n\n".join(raw) + "\n", encoding="utf-8")
        (dest / folder / "clean.txt").write_text("\n\n".join(clean) + "\n", encoding="utf-8")
        trimmed = "" if len(raw) == len(texts) else f" (of {len(texts)})"
        print(
            f"| {folder} | {meta['lang']} | {meta['url']} | {meta['source']} | "
            f"{len(raw)}{trimmed} | {len(clean)} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--trafilatura",
        type=Path,
        help="a checkout of adbar/trafilatura, or a bare git repository of it",
    )
    parser.add_argument(
        "--htmldate",
        type=Path,
        help="a checkout (or bare git repository) of adbar/htmldate: its MediaCloud 2020 news "
        "pages, labelled by the extractor alone (a second corpus, --out elsewhere)",
    )
    parser.add_argument("--export", type=Path, metavar="DEST", help="copy pages to DEST")
    parser.add_argument("pairs", nargs="*", metavar="FOLDER=PAGE", help="pages to --export")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (testing)")
    args = parser.parse_args(argv)
    if args.export:
        export(args.out, args.export, args.pairs)
        return 0
    if (args.trafilatura is None) == (args.htmldate is None):
        parser.error("one of --trafilatura and --htmldate is required to build a corpus")
    start = time.perf_counter()
    source, wanted = (
        (args.trafilatura, TRAFILATURA) if args.trafilatura else (args.htmldate, HTMLDATE)
    )
    for root, _temporary in _fixtures(source.resolve(), wanted):
        data = json.loads((root / wanted[0]).read_text(encoding="utf-8"))
        jobs = []
        for url, listed in sorted(data.items(), key=lambda item: item[1]["file"]):
            # htmldate's list has no snippets (a date per page): the extractor's labels alone.
            entry = listed if wanted is TRAFILATURA else {"file": listed["file"]}
            for folder in wanted[1:]:
                path = root / folder / entry["file"]
                if path.exists():
                    name = folder_name(entry["file"])
                    jobs.append((name, f"{folder}/{entry['file']}", str(path), url, entry))
                    break
        if args.limit:
            jobs = jobs[: args.limit]
        # Built aside and swapped in at the end, so a benchmark running meanwhile reads one
        # whole corpus, old or new.
        building = args.out / "pages.new"
        if building.exists():
            shutil.rmtree(building)
        building.mkdir(parents=True)
        dropped: Counter[str] = Counter()
        kept: list[Page] = []
        seen: set[str] = set()
        with Pool(args.jobs) if args.jobs > 1 else _Serial() as pool:
            for result in pool.imap(_work, jobs, chunksize=4):
                if isinstance(result, tuple):
                    dropped[result[1].split(":")[0]] += 1
                    continue
                if result.name in seen:  # The same file listed under two URLs.
                    dropped["duplicate entry"] += 1
                    continue
                seen.add(result.name)
                write_page(result, building)
                kept.append(result)
        _swap(building, args.out / "pages")
        _report(jobs, kept, dropped, time.perf_counter() - start)
    return 0


class _Serial:
    """Stands in for a Pool with one process (no fork: easier to debug and profile)."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def imap(self, func: Any, items: list[Any], chunksize: int = 1) -> Iterator[Any]:
        del chunksize
        return map(func, items)


def _report(jobs: list[Any], kept: list[Page], dropped: Counter[str], seconds: float) -> None:
    paragraphs = sum(len(p.paragraphs) for p in kept)
    article = sum(p.labels.count("article") for p in kept)
    found = sum(p.figures["found"] for p in kept)
    agree = sum(p.figures["agree"] for p in kept)
    overridden = sum(1 for p in kept for h in p.how if h in {"with", "without", "comments"})
    splits = Counter(split_of(Path(p.source).name) for p in kept)
    langs = Counter(p.lang for p in kept)
    print(
        f"pages: {len(jobs)} listed, {len(kept)} kept ({splits['dev']} dev, "
        f"{splits['check']} check), {sum(dropped.values())} dropped in {seconds:.0f} s"
    )
    for reason, count in dropped.most_common():
        print(f"  dropped: {count:4} {reason}")
    print(f"paragraphs: {paragraphs} ({article} article, {paragraphs - article} other); "
          f"{overridden} labels set by a snippet against the extractor")  # fmt: skip
    print(f"snippet agreement with the extractor on kept pages: {agree}/{found}"
          f" = {agree / max(1, found):.3f}")  # fmt: skip
    print("languages: " + ", ".join(f"{lang or '?'} {n}" for lang, n in langs.most_common()))


if __name__ == "__main__":
    sys.setrecursionlimit(20_000)  # Deeply nested pages; the walk is recursive.
    sys.exit(main())
