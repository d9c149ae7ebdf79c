"""Hand-made ``Comparison`` values for the export tests (no engine involved).

``build`` turns version texts, aligned rows and changes into a consistent ``Comparison``;
the ``*_comparison`` functions are the cases the export tests share: the seed pair's five
removals, a mix of every change type with word ops, three versions, and hostile text.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.model import (
    Change,
    ChangeType,
    Comparison,
    Kind,
    Newline,
    OpTag,
    Paragraph,
    Row,
    RowStatus,
    Version,
    WordOp,
)
from diffviewer.core.paragraphs import normalise
from diffviewer.core.words import count_words

ParagraphSpec = str | tuple[str, Kind, str]


def paragraphs(specs: Sequence[ParagraphSpec]) -> tuple[Paragraph, ...]:
    """Paragraphs from texts (body) or (text, kind, rule), with lines as if blank-separated."""
    out = []
    line = 1
    for index, spec in enumerate(specs):
        text, kind, rule = (spec, Kind.BODY, "default") if isinstance(spec, str) else spec
        last = line + text.count("\n")
        out.append(
            Paragraph(index, text, normalise(text), line, last, count_words(text), kind, rule)
        )
        line = last + 2
    return tuple(out)


def version(name: str, specs: Sequence[ParagraphSpec], path: str | None = None) -> Version:
    body = "\n\n".join(s if isinstance(s, str) else s[0] for s in specs)
    return Version(
        name=name,
        path=path,
        encoding="utf-8",
        confidence=1.0,
        newline=Newline.LF,
        paragraphs=paragraphs(specs),
        size=len(body.encode()),
    )


def row(cells: Sequence[int | None], *links: RowStatus | None) -> Row:
    """A row; ``links`` default to one EQUAL link; status is the first non-equal link."""
    link_tuple = tuple(links) if links else (RowStatus.EQUAL,)
    status = next((s for s in link_tuple if s not in (None, RowStatus.EQUAL)), RowStatus.EQUAL)
    return Row(tuple(cells), link_tuple, status)


def build(
    versions: Sequence[Version],
    rows: Sequence[Row],
    changes: Sequence[Change],
    pairs: Sequence[tuple[int, int]] = ((0, 1),),
    muted_typographic: int = 0,
    options_summary: tuple[tuple[str, str], ...] = (),
) -> Comparison:
    return Comparison(
        versions=tuple(versions),
        rows=tuple(rows),
        changes=tuple(changes),
        pairs=tuple(pairs),
        muted_typographic=muted_typographic,
        options_summary=options_summary,
    )


def removal(old: int, kind: Kind, rule: str, row_number: int, words: int = 0) -> Change:
    return Change(
        ChangeType.REMOVED, 0, 1, (old,), (), kind, rule, words_removed=words, rows=(row_number,)
    )


SEED_V1: list[ParagraphSpec] = [
    ("China Demand U.S. Yield to ‘Russia’s Reasonable Concerns’ on Ukraine", Kind.HEADLINE, "h1"),
    ("US Secretary of State Antony Blinken delivers remarks", Kind.CAPTION, "caption-credit"),
    "Chinese Foreign Ministry Wang Yi demanded respect for “Russia’s reasonable concerns”.",
    ("Wang Yi. (John MacDougall/AFP via Getty Images)", Kind.CAPTION, "caption-credit"),
    "The State Department readout prioritized Ukraine.",
    ("Blinken greets Lavrov. (Saul Loeb/Pool Photo via AP)", Kind.CAPTION, "caption-credit"),
    ("Blinken greets Lavrov. (Saul Loeb/Pool Photo via AP)", Kind.CAPTION, "caption-credit"),
    "Lavrov expressed pessimism.",
    ("Please let us know if you're having issues with commenting.", Kind.COMMENT_PROMPT, "cp"),
]
SEED_V2: list[ParagraphSpec] = [
    "Chinese Foreign Ministry Wang Yi demanded respect for “Russia’s reasonable concerns”.",
    "The State Department readout prioritized Ukraine.",
    ("Blinken greets Lavrov. (Saul Loeb/Pool Photo via AP)", Kind.CAPTION, "caption-credit"),
    "Lavrov expressed pessimism.",
]


def seed_like_comparison() -> Comparison:
    """The shape of the seed pair: five removals (headline, 3 captions, comment prompt)."""
    v1 = version("article-v1.txt", SEED_V1, "/articles/article-v1.txt")
    v2 = version("article-v2.txt", SEED_V2, "/articles/article-v2.txt")
    cells = [(0, None), (1, None), (2, 0), (3, None), (4, 1), (5, None), (6, 2), (7, 3), (8, None)]
    rows = [row(c, RowStatus.REMOVED if c[1] is None else RowStatus.EQUAL) for c in cells]
    removed_rows = [n for n, c in enumerate(cells) if c[1] is None]
    changes = []
    for n in removed_rows:
        p = v1.paragraphs[cells[n][0] or 0]
        changes.append(removal(p.index, p.kind, p.rule, n, p.words))
    return build([v1, v2], rows, changes)


def identical_comparison() -> Comparison:
    v = version("same.txt", ["One paragraph.", ("A caption (AP)", Kind.CAPTION, "cap")])
    return build([v, v], [row((0, 0)), row((1, 1))], [])


def mixed_comparison() -> Comparison:
    """One of each change type, with word ops on the edit and the edited move."""
    v1 = version(
        "old.txt",
        [
            ("Old headline here", Kind.HEADLINE, "h1"),
            "The cat sat on the mat.",
            "Moved paragraph stays the same.",
            "First half. Second half.",
            "Left part.",
            "Right part.",
            "He said “yes”.",
            "Gone paragraph.",
        ],
    )
    v2 = version(
        "new.txt",
        [
            ("New headline here", Kind.HEADLINE, "h1"),
            "The dog sat on the mat.",
            "First half.",
            "Second half.",
            "Left part. Right part.",
            'He said "yes".',
            "Brand new paragraph.",
            "Moved paragraph stays the same!",
        ],
    )
    edit_ops = (
        WordOp(OpTag.EQUAL, "The "),
        WordOp(OpTag.DELETE, "cat"),
        WordOp(OpTag.INSERT, "dog"),
        WordOp(OpTag.EQUAL, " sat on the mat."),
    )
    headline_ops = (
        WordOp(OpTag.DELETE, "Old "),
        WordOp(OpTag.INSERT, "New "),
        WordOp(OpTag.EQUAL, "headline here"),
    )
    move_ops = (
        WordOp(OpTag.EQUAL, "Moved paragraph stays the same"),
        WordOp(OpTag.DELETE, "."),
        WordOp(OpTag.INSERT, "!"),
    )
    quote_ops = (
        WordOp(OpTag.EQUAL, "He said "),
        WordOp(OpTag.DELETE, "“yes”"),
        WordOp(OpTag.INSERT, '"yes"'),
        WordOp(OpTag.EQUAL, "."),
    )
    s = RowStatus
    rows = [
        row((0, 0), s.CHANGED),
        row((1, 1), s.CHANGED),
        row((2, None), s.MOVED),
        row((3, 2), s.SPLIT),
        row((None, 3), s.SPLIT),
        row((4, 4), s.MERGED),
        row((5, None), s.MERGED),
        row((6, 5), s.CHANGED),
        row((7, None), s.REMOVED),
        row((None, 6), s.INSERTED),
        row((None, 7), s.MOVED),
    ]
    c = ChangeType
    changes = [
        Change(c.CHANGED, 0, 1, (0,), (0,), Kind.HEADLINE, "h1", headline_ops, 1, 1, rows=(0,)),
        Change(c.CHANGED, 0, 1, (1,), (1,), Kind.BODY, "default", edit_ops, 1, 1, rows=(1,)),
        Change(c.MOVED, 0, 1, (2,), (7,), Kind.BODY, "default", move_ops, rows=(2, 10)),
        Change(c.SPLIT, 0, 1, (3,), (2, 3), Kind.BODY, "default", rows=(3, 4)),
        Change(c.MERGED, 0, 1, (4, 5), (4,), Kind.BODY, "default", rows=(5, 6)),
        Change(
            c.CHANGED,
            0,
            1,
            (6,),
            (5,),
            Kind.BODY,
            "default",
            quote_ops,
            typographic=True,
            rows=(7,),
        ),
        Change(c.REMOVED, 0, 1, (7,), (), Kind.BODY, "default", words_removed=2, rows=(8,)),
        Change(c.INSERTED, 0, 1, (), (6,), Kind.BODY, "default", words_added=3, rows=(9,)),
    ]
    return build(
        [v1, v2], rows, changes, muted_typographic=2, options_summary=(("ignore case", "on"),)
    )


def three_version_comparison() -> Comparison:
    """v1→v2 removes a caption, v2→v3 inserts a paragraph."""
    v1 = version("v1.txt", ["Body one.", ("Photo: AP", Kind.CAPTION, "cap")])
    v2 = version("v2.txt", ["Body one."])
    v3 = version("v3.txt", ["Body one.", "Body two."])
    s = RowStatus
    rows = [
        row((0, 0, 0), s.EQUAL, s.EQUAL),
        row((1, None, None), s.REMOVED, None),
        row((None, None, 1), None, s.INSERTED),
    ]
    changes = [
        Change(ChangeType.REMOVED, 0, 1, (1,), (), Kind.CAPTION, "cap", words_removed=2, rows=(1,)),
        Change(ChangeType.INSERTED, 1, 2, (), (1,), Kind.BODY, "default", words_added=2, rows=(2,)),
    ]
    return build([v1, v2, v3], rows, changes, pairs=((0, 1), (1, 2)))


HOSTILE_TEXTS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</style><style>body{display:none}</style>",
    "**bold** _em_ `code` [link](http://evil.example) | pipe | <b>tag</b> &amp; ~~gone~~",
    "# Not a heading\n- not a list\n1. not a list either\n    not code",
    '=HYPERLINK("http://evil.example","click")',
)


def hostile_comparison() -> Comparison:
    """Every hostile text removed, edited and inserted, in files with hostile names."""
    old = [*HOSTILE_TEXTS, "Plain <tag> text & more."]
    new = ["Plain <tag> text & more!", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]
    v1 = version('<script>alert("v1")</script>.txt', old, '/tmp/"><img src=x>.txt')
    v2 = version("</style>`|*v2*|`.txt", new)
    edit_ops = (
        WordOp(OpTag.EQUAL, "Plain <tag> text & more"),
        WordOp(OpTag.DELETE, "."),
        WordOp(OpTag.INSERT, "!"),
    )
    n = len(HOSTILE_TEXTS)
    rows = [row((i, None), RowStatus.REMOVED) for i in range(n)]
    rows.append(row((n, 0), RowStatus.CHANGED))
    rows += [row((None, 1), RowStatus.INSERTED), row((None, 2), RowStatus.INSERTED)]
    changes = [
        Change(ChangeType.REMOVED, 0, 1, (i,), (), Kind.BODY, "<rule onclick=x>", rows=(i,))
        for i in range(n)
    ]
    changes.append(
        Change(ChangeType.CHANGED, 0, 1, (n,), (0,), Kind.BODY, "=rule", edit_ops, rows=(n,))
    )
    changes += [
        Change(ChangeType.INSERTED, 0, 1, (), (1,), Kind.BODY, "default", rows=(n + 1,)),
        Change(ChangeType.INSERTED, 0, 1, (), (2,), Kind.BODY, "default", rows=(n + 2,)),
    ]
    return build([v1, v2], rows, changes)


ALL_CASES = {
    "seed_like": seed_like_comparison,
    "identical": identical_comparison,
    "mixed": mixed_comparison,
    "three_versions": three_version_comparison,
    "hostile": hostile_comparison,
}
