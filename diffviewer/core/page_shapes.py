"""The shapes the page-structure pass reads (``core.structure``): title-shaped lines, and the
kinds that a first pass of the rules gave and that mean furniture, a title, glue between
teasers, a comment or an article's head.

Imports: the standard library and ``core.model`` only.
"""

from __future__ import annotations

from diffviewer.core.model import Kind

#: Title-shaped: no final full stop, between these word counts.
TITLE_WORDS = (3, 20)
#: A teaser headline has at least this many words (menus have shorter lines).
TEASER_TITLE_MIN = 4
# Kinds that a marker rule gave: page furniture whatever its shape.
FURNITURE = frozenset(kind for kind in Kind if kind.is_boilerplate)
# Kinds a teaser title may have had in the first pass, and kinds that glue teasers together.
TITLE_KINDS = frozenset({Kind.BODY, Kind.HEADLINE, Kind.PROMO, Kind.TEASER, Kind.NAVIGATION})
GLUE = frozenset({Kind.BYLINE, Kind.DATELINE, Kind.CAPTION})
# Kinds that open a comment thread: a prompt ("12 comments") or a comment's own line.
COMMENT = frozenset({Kind.COMMENT_PROMPT, Kind.COMMENT})
# Kinds of a marker line that ends the page's text for good: past one, after the article,
# short lines are furniture even far from other furniture (``structure``).
END_MARKERS = frozenset(
    {Kind.COPYRIGHT, Kind.COMMENT_PROMPT, Kind.COMMENT, Kind.SOCIAL_PROMPT, Kind.TEASER}
)
# Kinds that may sit between a headline and the article text.
HEAD = frozenset({Kind.BYLINE, Kind.DATELINE, Kind.CAPTION, Kind.STANDFIRST, Kind.HEADLINE})


def is_title(words: int, stop: bool) -> bool:
    """Shaped like a teaser's title: no final full stop, ``TEASER_TITLE_MIN`` to
    ``TITLE_WORDS[1]`` words."""
    return not stop and TEASER_TITLE_MIN <= words <= TITLE_WORDS[1]
