"""Hand-built Comparison values for the view tests (no engine needed): one small pair with every
change type, and a long uniform pair for row-height tests."""

from __future__ import annotations

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

R = RowStatus


def para(index: int, text: str, kind: Kind = Kind.BODY, rule: str = "default") -> Paragraph:
    return Paragraph(
        index,
        text,
        " ".join(text.split()),
        2 * index + 1,
        2 * index + 1,
        len(text.split()),
        kind,
        rule,
    )


def version(name: str, paragraphs: list[Paragraph]) -> Version:
    return Version(name, f"/tmp/samples/{name}", "utf-8", 1.0, Newline.LF, tuple(paragraphs))


def sample() -> Comparison:
    """Rows: 0 moved-in, 1 removed headline, 2 equal, 3 changed, 4 removed caption,
    5 inserted, 6 moved-out (old place of row 0)."""
    old = [
        para(0, "Headline here", Kind.HEADLINE, "first_line"),
        para(1, "Body one is the same."),
        para(2, "The quick brown fox jumps."),
        para(3, "A caption (AFP)", Kind.CAPTION, "agency_credit"),
        para(4, "Moved para text here."),
    ]
    new = [
        para(0, "Moved para text here."),
        para(1, "Body one is the same."),
        para(2, "The quick red fox jumps."),
        para(3, "Brand new paragraph."),
    ]
    rows = (
        Row((None, 0), (R.MOVED,), R.MOVED),
        Row((0, None), (R.REMOVED,), R.REMOVED),
        Row((1, 1), (R.EQUAL,), R.EQUAL),
        Row((2, 2), (R.CHANGED,), R.CHANGED),
        Row((3, None), (R.REMOVED,), R.REMOVED),
        Row((None, 3), (R.INSERTED,), R.INSERTED),
        Row((4, None), (R.MOVED,), R.MOVED),
    )
    ops = (
        WordOp(OpTag.EQUAL, "The quick "),
        WordOp(OpTag.DELETE, "brown"),
        WordOp(OpTag.INSERT, "red"),
        WordOp(OpTag.EQUAL, " fox jumps."),
    )
    changes = (
        Change(ChangeType.MOVED, 0, 1, (4,), (0,), Kind.BODY, "default", rows=(0, 6)),
        Change(ChangeType.REMOVED, 0, 1, (0,), (), Kind.HEADLINE, "first_line", rows=(1,)),
        Change(
            ChangeType.CHANGED,
            0,
            1,
            (2,),
            (2,),
            Kind.BODY,
            "default",
            word_ops=ops,
            words_added=1,
            words_removed=1,
            rows=(3,),
        ),
        Change(ChangeType.REMOVED, 0, 1, (3,), (), Kind.CAPTION, "agency_credit", rows=(4,)),
        Change(ChangeType.INSERTED, 0, 1, (), (3,), Kind.BODY, "default", rows=(5,)),
    )
    return Comparison((version("old.txt", old), version("new.txt", new)), rows, changes, ((0, 1),))


def long_pair(n_rows: int, removed_every: int = 50) -> Comparison:
    """``n_rows`` rows of paragraphs of varied length; every ``removed_every``-th one removed."""
    old: list[Paragraph] = []
    new: list[Paragraph] = []
    rows: list[Row] = []
    changes: list[Change] = []
    for n in range(n_rows):
        words = 8 + (n * 37) % 90
        text = " ".join(f"word{(n + k) % 97}" for k in range(words)) + "."
        old.append(para(len(old), text))
        if n % removed_every == removed_every - 1:
            rows.append(Row((len(old) - 1, None), (R.REMOVED,), R.REMOVED))
            changes.append(
                Change(
                    ChangeType.REMOVED, 0, 1, (len(old) - 1,), (), Kind.BODY, "default", rows=(n,)
                )
            )
        else:
            new.append(para(len(new), text))
            rows.append(Row((len(old) - 1, len(new) - 1), (R.EQUAL,), R.EQUAL))
    return Comparison(
        (version("long-old.txt", old), version("long-new.txt", new)),
        tuple(rows),
        tuple(changes),
        ((0, 1),),
    )
