"""Synthetic article version pairs for the benchmarks.

``make_pair(n, seed)`` returns (old, new) texts of about ``n`` paragraphs each, where the new
version has about 5 % of paragraphs removed, 5 % inserted, 10 % edited (a few words changed),
1 % moved, and a few duplicated paragraphs (repeated captions, "Advertisement" lines).
Deterministic for a seed. Imports: the standard library only.
"""

from __future__ import annotations

import random

_WORDS = (  # noqa: SIM905 - a word list reads better as prose than as 90 quoted items
    "the of and to in a is that for on was with he as it by at from his an were are which this "
    "be or has had not but they their who been have one its new after also would more two first "
    "said when there year about other government people minister president state officials "
    "police city country week report election court policy council market company workers "
    "Ukraine Russia China Washington Beijing Moscow Kyiv Blinken Wang Lavrov Biden Putin NATO "
    "military security talks meeting foreign ministry spokesman statement according reporters"
).split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice(".....?!")


def _paragraph(rng: random.Random, serial: int) -> str:
    # A serial number keeps paragraphs distinct, as real paragraphs are.
    body = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
    return f"{body} (ref {serial})"


def make_pair(n: int, seed: int = 0) -> tuple[str, str]:
    """An (old, new) pair of about ``n`` paragraphs; see the module docstring."""
    rng = random.Random(seed)
    old = [_paragraph(rng, k) for k in range(n)]
    for k in range(0, n, 97):  # A few duplicates: repeated captions and ad slots.
        old.insert(k, "Advertisement")
    new: list[str] = []
    moved: list[str] = []
    serial = n
    for para in old:
        roll = rng.random()
        if roll < 0.05:
            continue  # removed
        if roll < 0.10:
            serial += 1
            new.append(_paragraph(rng, serial))  # inserted
            new.append(para)
        elif roll < 0.20:
            words = para.split()
            for _ in range(max(1, len(words) // 15)):
                words[rng.randrange(len(words))] = rng.choice(_WORDS)
            new.append(" ".join(words))  # edited
        elif roll < 0.21:
            moved.append(para)  # moved further down
        else:
            new.append(para)
    for para in moved:
        new.insert(rng.randrange(len(new) + 1), para)
    return "\n\n".join(old) + "\n", "\n\n".join(new) + "\n"
