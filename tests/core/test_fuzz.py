"""Fuzzing the loader and the engine: nothing escapes but the engine's own typed errors.

Random bytes go through ``decode_bytes``; random near-article texts (headlines, captions,
quotes, CJK, RTL, control and zero-width characters, CRLF) through the whole comparison, whose
alignment invariants must hold. The default profile is quick (CI); the long one is
``pytest tests/core/test_fuzz.py --hypothesis-profile=long``.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare_loaded
from diffviewer.core.errors import LoadError
from diffviewer.core.loading import decode_bytes
from diffviewer.core.options import CompareOptions
from tests.core.test_properties import check_rows

PIECES = [
    "China Demand U.S. Yield to ‘Russia’s Reasonable Concerns’ on Ukraine",
    "(Photo by JOHN MACDOUGALL/AFP via Getty Images)",
    "Please let us know if you're having issues with commenting.",
    "Follow Frances Martel on Facebook and Twitter.",
    "“The security of one state cannot be ensured,” Wang said.",
    "Advertisement",
    "北京会议今天开始。",
    "قال الوزير إن المحادثات ستستأنف",
    "שלום עולם",
    "emoji 👩‍👩‍👧 ok",
    "zero\u200bwidth \u202ebidi\u202c",
    "ctrl\x07\x1b[0m",
    "\r\n",
    "\n\n",
    "\n",
    " ",
    "\t",
]
near_article = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=30).map(
    "".join
)


def _examples(quick: int) -> int:
    """``quick`` examples in the suite's quick run; the profile's count in a long one
    (``--hypothesis-profile=long``: an explicit count here would override the profile's)."""
    profile = settings.default.max_examples
    return quick if profile <= 100 else profile


@settings(max_examples=_examples(150))
@given(data=st.binary(max_size=2000))
def test_random_bytes_decode_or_raise_load_error(data: bytes) -> None:
    """Any bytes either decode to text or raise a LoadError subclass."""
    try:
        loaded = decode_bytes(data, name="fuzz.txt")
    except LoadError as error:
        assert "fuzz.txt" in str(error)
    else:
        assert isinstance(loaded.text, str)


@settings(max_examples=_examples(60))
@given(
    raw=st.lists(
        st.one_of(near_article.map(str.encode), st.binary(max_size=200)), min_size=2, max_size=3
    ),
    ignore_case=st.booleans(),
    ignore_punctuation=st.booleans(),
)
def test_random_inputs_compare_with_invariants(
    raw: list[bytes], ignore_case: bool, ignore_punctuation: bool
) -> None:
    """Whatever decodes compares, and every paragraph appears once, in order, in its column."""
    loaded = []
    for n, data in enumerate(raw):
        try:
            loaded.append(decode_bytes(data, name=f"v{n}.txt"))
        except LoadError:
            return
    options = CompareOptions(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
    check_rows(compare_loaded(loaded, options))
