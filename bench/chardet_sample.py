"""How large a sample chardet needs: accuracy and time per call against sample size.

Builds article-like texts (an ASCII block of page furniture, then paragraphs drawn at random
from a bank of sentences) in several legacy encodings, and for each sample size decodes them
with the loader's chardet path (``diffviewer.core.guessing.guess_and_decode``, the code the app
runs) fed either the head of the file or the loader's sample of non-ASCII lines. A trial is
right when the whole file decodes back to the original text. Prints one table; the chosen
``CHARDET_SAMPLE_BYTES`` and the numbers are copied into ``core.guessing``'s docstring.

Run: ``python bench/chardet_sample.py`` (about a minute on two cores).
Imports: the standard library, chardet and ``diffviewer.core.guessing`` (what the loader runs:
the bench measures exactly what the loader does).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from unittest import mock

from diffviewer.assets import resource
from diffviewer.core import guessing

SIZES = (64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
TEXTS_PER_ENCODING = 8
TEXT_BYTES = 48 * 1024

FURNITURE = (
    "Home | World | US | Politics | Business | Tech | Science | Health | Sport | Opinion\n"
    "Sign in | Subscribe | Newsletters | Podcasts | Video | Live | Weather | Crosswords\n"
)

BANKS: dict[str, tuple[str, ...]] = {
    "cp1252": (
        "The secretary of state said talks were \u201cconstructive\u201d but far from over.",
        "Officials in Beijing didn\u2019t comment on the proposal \u2014 at least not publicly.",
        "Prices rose by 4\u20ac a barrel after the announcement, traders said.",
        "The caf\u00e9 on the corner, a favourite of diplomats, was closed on Tuesday.",
        "\u201cWe are not there yet,\u201d one official said, asking not to be named.",
        "Analysts expect the meeting to produce a joint statement by Friday.",
        "The delegation arrived late on Sunday after a stop in Anchorage.",
        "Markets in Asia were mixed; the yen weakened slightly against the dollar.",
        "His r\u00e9sum\u00e9 lists postings in Brussels, Geneva and Seoul.",
        "The ministry\u2019s statement ran to 1,200 words \u2026 and said very little.",
    ),
    "latin-1": (
        "Le ministre des Affaires \u00e9trang\u00e8res est arriv\u00e9 \u00e0 P\u00e9kin "
        "dimanche soir.",
        "Les n\u00e9gociations ont \u00e9t\u00e9 qualifi\u00e9es de \u00ab constructives "
        "\u00bb par les deux parties.",
        "La d\u00e9l\u00e9gation am\u00e9ricaine a d\u00e9j\u00e0 rencontr\u00e9 le "
        "premier ministre chinois.",
        "Selon un diplomate, aucun accord n'est attendu avant la fin de la semaine.",
        "Les march\u00e9s financiers ont r\u00e9agi avec prudence \u00e0 l'annonce.",
        "Le porte-parole a refus\u00e9 de commenter les rumeurs de d\u00e9part.",
        "La r\u00e9union s'est tenue dans un h\u00f4tel pr\u00e8s de la place Tian'anmen.",
        "Les \u00e9conomistes pr\u00e9voient une hausse mod\u00e9r\u00e9e des prix.",
        "Il a \u00e9voqu\u00e9 la s\u00e9curit\u00e9 r\u00e9gionale et le commerce \u00e9quitable.",
    ),
    "cp1251": (
        "\u0413\u043e\u0441\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c "
        "\u0421\u0428\u0410 \u043f\u0440\u0438\u0431\u044b\u043b \u0432 "
        "\u041f\u0435\u043a\u0438\u043d \u0432 "
        "\u0432\u043e\u0441\u043a\u0440\u0435\u0441\u0435\u043d\u044c\u0435.",
        "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
        "\u043f\u0440\u043e\u0434\u043b\u044f\u0442\u0441\u044f \u0434\u043e "
        "\u043a\u043e\u043d\u0446\u0430 \u043d\u0435\u0434\u0435\u043b\u0438, "
        "\u0441\u043e\u043e\u0431\u0449\u0430\u044e\u0442 "
        "\u0434\u0438\u043f\u043b\u043e\u043c\u0430\u0442\u044b.",
        "\u0420\u044b\u043d\u043a\u0438 \u0410\u0437\u0438\u0438 "
        "\u043e\u0442\u0440\u0435\u0430\u0433\u0438\u0440\u043e\u0432\u0430\u043b\u0438 "
        "\u0441\u0434\u0435\u0440\u0436\u0430\u043d\u043d\u043e.",
        "\u041f\u0440\u0435\u0441\u0441-\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c "
        "\u043e\u0442\u043a\u0430\u0437\u0430\u043b\u0441\u044f \u043e\u0442 "
        "\u043a\u043e\u043c\u043c\u0435\u043d\u0442\u0430\u0440\u0438\u0435\u0432.",
        "\u042d\u043a\u043e\u043d\u043e\u043c\u0438\u0441\u0442\u044b "
        "\u043e\u0436\u0438\u0434\u0430\u044e\u0442 "
        "\u0443\u043c\u0435\u0440\u0435\u043d\u043d\u043e\u0433\u043e "
        "\u0440\u043e\u0441\u0442\u0430 \u0446\u0435\u043d.",
        "\u0412\u0441\u0442\u0440\u0435\u0447\u0430 \u043f\u0440\u043e\u0448\u043b\u0430 "
        "\u0432 \u0433\u043e\u0441\u0442\u0438\u043d\u0438\u0446\u0435 "
        "\u0432 \u0446\u0435\u043d\u0442\u0440\u0435 \u0433\u043e\u0440\u043e\u0434\u0430.",
    ),
    "shift_jis": (
        "\u30d6\u30ea\u30f3\u30b1\u30f3\u56fd\u52d9\u9577\u5b98\u306f\u65e5\u66dc\u65e5"
        "\u306b\u5317\u4eac\u306b\u5230\u7740\u3057\u305f\u3002",
        "\u4ea4\u6e09\u306f\u9031\u672b\u307e\u3067\u7d9a\u304f\u898b\u901a\u3057\u3060"
        "\u3068\u5916\u4ea4\u7b4b\u306f\u8a9e\u3063\u305f\u3002",
        "\u30a2\u30b8\u30a2\u306e\u5e02\u5834\u306f\u614e\u91cd\u306a\u53cd\u5fdc\u3092"
        "\u898b\u305b\u305f\u3002",
        "\u5831\u9053\u5b98\u306f\u30b3\u30e1\u30f3\u30c8\u3092\u62d2\u5426\u3057\u305f\u3002",
        "\u7d4c\u6e08\u5b66\u8005\u306f\u7269\u4fa1\u306e\u7de9\u3084\u304b\u306a\u4e0a"
        "\u6607\u3092\u4e88\u60f3\u3057\u3066\u3044\u308b\u3002",
        "\u4f1a\u8ac7\u306f\u5e02\u5185\u4e2d\u5fc3\u90e8\u306e\u30db\u30c6\u30eb\u3067"
        "\u884c\u308f\u308c\u305f\u3002",
    ),
    "gb2312": (
        "\u7f8e\u56fd\u56fd\u52a1\u537f\u5e03\u6797\u80af\u5468\u65e5\u62b5\u8fbe\u5317"
        "\u4eac\u3002",
        "\u5916\u4ea4\u4eba\u58eb\u8868\u793a\uff0c\u8c08\u5224\u5c06\u6301\u7eed\u5230"
        "\u5468\u672b\u3002",
        "\u4e9a\u6d32\u5e02\u573a\u53cd\u5e94\u8c28\u614e\u3002",
        "\u65b0\u95fb\u53d1\u8a00\u4eba\u62d2\u7edd\u53d1\u8868\u8bc4\u8bba\u3002",
        "\u7ecf\u6d4e\u5b66\u5bb6\u9884\u8ba1\u7269\u4ef7\u5c06\u6e29\u548c\u4e0a\u6da8\u3002",
        "\u4f1a\u8c08\u5728\u5e02\u4e2d\u5fc3\u7684\u4e00\u5bb6\u9152\u5e97\u4e3e\u884c\u3002",
    ),
    "cp1250": (
        "Minister spraw zagranicznych przyjecha\u0142 do Pekinu w niedziel\u0119 wieczorem.",
        "Rozmowy b\u0119d\u0105 trwa\u0107 do ko\u0144ca tygodnia, m\u00f3wi\u0105 dyplomaci.",
        "Rynki w Azji zareagowa\u0142y ostro\u017cnie na t\u0119 wiadomo\u015b\u0107.",
        "Rzecznik odm\u00f3wi\u0142 komentarza w sprawie spotkania.",
        "Ekonomi\u015bci spodziewaj\u0105 si\u0119 umiarkowanego wzrostu cen.",
        "Spotkanie odby\u0142o si\u0119 w hotelu w centrum miasta.",
    ),
}


def seed_paragraphs() -> tuple[str, ...]:
    """The paragraphs of the seed article: real page text, sparse curly quotes and NBSPs."""
    text = resource("examples", "article-v1.txt").read_text(encoding="utf-8")
    return tuple(p.strip() for p in text.split("\n") if p.strip())


def article(label: str, seed: int) -> tuple[str, str]:
    """An article-like text of about TEXT_BYTES bytes, and the encoding it is written in."""
    rng = random.Random(seed)
    encoding, bank = CORPORA[label]
    parts = [FURNITURE * 12]
    size = len(parts[0])
    while size < TEXT_BYTES:
        paragraph = " ".join(rng.choice(bank) for _ in range(rng.randint(2, 5))) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph.encode(encoding))
    return "".join(parts), encoding


def trial(text: str, encoding: str, sampler: Callable[[bytes, int], bytes], size: int) -> bool:
    data = text.encode(encoding)
    with mock.patch.object(guessing, "chardet_sample", sampler):
        return guessing.guess_and_decode(data, size).text == text


def head(data: bytes, limit: int) -> bytes:
    return data[:limit]


CORPORA: dict[str, tuple[str, tuple[str, ...]]] = {
    **{encoding: (encoding, bank) for encoding, bank in BANKS.items()},
    "seed cp1252": ("cp1252", seed_paragraphs()),
}


def main() -> None:
    import chardet

    start = time.perf_counter()
    chardet.detect("caf\u00e9 cr\u00e8me".encode("cp1252"))
    loaded = time.perf_counter() - start
    print(f"chardet {chardet.__version__}: first call (loads models) {loaded:.3f} s")
    texts = {
        label: [article(label, seed) for seed in range(TEXTS_PER_ENCODING)] for label in CORPORA
    }
    print(f"{len(CORPORA)} corpora × {TEXTS_PER_ENCODING} texts of ~{TEXT_BYTES // 1024} KiB")
    print()
    header = f"{'sample':>7}  {'head of file':>12}  {'non-ASCII lines':>15}  {'ms/call':>8}"
    print(f"{header}  misses (lines)")
    for size in SIZES:
        right = {"head": 0, "lines": 0}
        misses: list[str] = []
        elapsed = 0.0
        for label, items in texts.items():
            for text, encoding in items:
                right["head"] += trial(text, encoding, head, size)
                began = time.perf_counter()
                ok = trial(text, encoding, guessing.chardet_sample, size)
                elapsed += time.perf_counter() - began
                right["lines"] += ok
                if not ok:
                    misses.append(label)
        total = len(CORPORA) * TEXTS_PER_ENCODING
        print(
            f"{size:>7}  {right['head']:>6}/{total:<5}  {right['lines']:>9}/{total:<5}"
            f"  {elapsed / total * 1000:>8.1f}  {', '.join(sorted(set(misses))) or '-'}"
        )


if __name__ == "__main__":
    main()
