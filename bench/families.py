"""The benchmark's input families, and the harder cases, as (old, new) texts or lists of texts.

(a) ``bench.generate.make_pair``: ASCII text, edits that substitute words.
(b) ``small_vocabulary_pair``: a ~100-word vocabulary, curly quotes, apostrophes and em-dashes
    in most paragraphs, edits that insert and delete words as well as substitute them, and
    removed paragraphs with an inserted neighbour drawn from the same words (pairs of middling
    similarity: the shape that costs a word differ most).
(c) ``wikipedia_pair``: the two Wikipedia revisions in diff-match-patch's source distribution
    (``speedtest1.txt``, ``speedtest2.txt``), each repeated 20×. They are fetched once with
    ``pip download --no-deps --no-binary :all: diff-match-patch`` into a cache directory (not
    part of the repository).
(d) ``other_scripts_pair``: news sentences in Russian, Arabic, Greek, Korean (words between
    spaces) and Chinese, Japanese, Thai (written without spaces), a language a paragraph, with
    their own quotation marks and full stops, edited as (b) is: the text every path made for
    Latin letters and spaces leaves.
Harder cases: ``unrelated_pair`` (two versions that share nothing but the vocabulary) and
``many_versions`` (ten unrelated versions).
Deterministic for a seed. Imports: the standard library and ``bench.generate``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

from bench.generate import make_pair

FAMILIES = ("a", "b", "c", "d")
CACHE = Path.home() / ".cache" / "diffviewer-bench"
WIKI_REPEAT = 20

_VOCABULARY = (  # noqa: SIM905 - a word list reads better as prose than as quoted items
    "the of and to in a is that for on was with he she as it by at from his her an were are "
    "which this be or has had not but they their who been have one its new after also would more "
    "two first said when there year about other people minister president state officials police "
    "city country week report election court council market company workers government talks "
    "meeting statement spokesman according told reporters health school families children "
    "water prices budget tax vote party leader opposition Smith Jones Patel Garcia London Paris"
).split()
_OPENERS = ("“", "‘")
_CLOSERS = {"“": "”", "‘": "’"}


def _words(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(_VOCABULARY) for _ in range(rng.randint(low, high))]


def _typographic_sentence(rng: random.Random) -> str:
    words = _words(rng, 6, 20)
    roll = rng.random()
    if roll < 0.35:  # A quotation in curly quotes.
        start = rng.randrange(len(words) - 2)
        stop = rng.randint(start + 2, len(words))
        opener = rng.choice(_OPENERS)
        words[start] = opener + words[start]
        words[stop - 1] = words[stop - 1] + _CLOSERS[opener]
    elif roll < 0.6:  # An aside between em-dashes.
        at = rng.randrange(1, len(words))
        words.insert(at, "—")
    elif roll < 0.8:  # A possessive with a curly apostrophe.
        at = rng.randrange(len(words))
        words[at] += "’s"
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice("....?!")


def _typographic_paragraph(rng: random.Random) -> str:
    return " ".join(_typographic_sentence(rng) for _ in range(rng.randint(2, 4)))


def _edit(rng: random.Random, paragraph: str) -> str:
    """Insert, delete and substitute a few words (about one in twelve)."""
    words = paragraph.split()
    for _ in range(max(1, len(words) // 12)):
        roll = rng.random()
        at = rng.randrange(len(words))
        if roll < 0.35:
            words[at:at] = _words(rng, 1, 3)
        elif roll < 0.7 and len(words) > 4:
            del words[at : at + rng.randint(1, 3)]
        else:
            words[at] = rng.choice(_VOCABULARY)
    return " ".join(words)


def small_vocabulary_pair(n: int, seed: int = 0) -> tuple[str, str]:
    """Family (b): about ``n`` paragraphs; 5 % removed (half of them beside an inserted
    paragraph of the same vocabulary), 3 % inserted, 10 % edited, 1 % moved."""
    rng = random.Random(seed)
    old = [_typographic_paragraph(rng) for _ in range(n)]
    return _edited_pair(
        rng,
        old,
        look_alike=lambda _n: _typographic_paragraph(rng),
        inserted=lambda: _typographic_paragraph(rng),
        edit=lambda _n, para: _edit(rng, para),
    )


def _edited_pair(
    rng: random.Random,
    old: list[str],
    look_alike: Callable[[int], str],
    inserted: Callable[[], str],
    edit: Callable[[int, str], str],
) -> tuple[str, str]:
    """``old`` and its new version: 5 % removed (half of them beside a ``look_alike`` of the
    same words), 3 % ``inserted``, 10 % edited (``edit``), 1 % moved."""
    new: list[str] = []
    moved: list[str] = []
    for n, para in enumerate(old):
        roll = rng.random()
        if roll < 0.05:
            if roll < 0.025:
                new.append(look_alike(n))  # a look-alike neighbour
            continue  # removed
        if roll < 0.08:
            new.append(inserted())
            new.append(para)
        elif roll < 0.18:
            new.append(edit(n, para))
        elif roll < 0.19:
            moved.append(para)
        else:
            new.append(para)
    for para in moved:
        new.insert(rng.randrange(len(new) + 1), para)
    return "\n\n".join(old) + "\n", "\n\n".join(new) + "\n"


#: (words, what joins them, sentence end, quotation marks) by language: common news words.
_SCRIPTS = {
    "ru": (
        "президент правительство министр заявил сообщил выборы страна город году после также "
        "может будет были который однако время новых против переговоры санкции экономики",
        " ",
        ".",
        ("«", "»"),
    ),
    "ar": (
        "قال الرئيس الحكومة الوزير المتحدث الانتخابات البلاد المدينة العام بعد أيضا يمكن سوف "
        "كانت الذي لكن الوقت الجديدة ضد المفاوضات العقوبات الاقتصاد",
        " ",
        ".",
        ("«", "»"),
    ),
    "el": (
        "πρόεδρος κυβέρνηση υπουργός δήλωσε ανακοίνωσε εκλογές χώρα πόλη χρόνια μετά επίσης "
        "μπορεί θα ήταν οποίος όμως χρόνος νέα κατά διαπραγματεύσεις κυρώσεις οικονομία",
        " ",
        ".",
        ("«", "»"),
    ),
    "ko": (
        "대통령은 정부는 장관이 밝혔다 발표했다 선거 나라 도시 올해 이후 또한 수 있다 것이다 "
        "있었다 그러나 시간 새로운 협상 제재 경제",
        " ",
        ".",
        ("“", "”"),
    ),
    "zh": (
        "总统 政府 部长 表示 宣布 选举 国家 城市 今年 之后 此外 可以 将会 已经 但是 时间 新的 "
        "谈判 制裁 经济 发展 问题 会议",
        "",
        "。",
        ("“", "”"),
    ),
    "ja": (
        "大統領は 政府が 大臣は 述べた 発表した 選挙 国 都市 今年 その後 また できる だろう "
        "あった しかし 時間 新しい 交渉 制裁 経済",
        "",
        "。",
        ("「", "」"),
    ),
    "th": (
        "ประธานาธิบดี รัฐบาล รัฐมนตรี กล่าว ประกาศ การเลือกตั้ง ประเทศ เมือง ปีนี้ หลังจาก "
        "นอกจากนี้ สามารถ จะ ได้ แต่ เวลา ใหม่ การเจรจา มาตรการ เศรษฐกิจ",
        "",
        " ",
        ("“", "”"),
    ),
}
_LANGUAGES = tuple(_SCRIPTS)


def _script_paragraph(rng: random.Random, language: str) -> str:
    vocabulary, joiner, end, (opener, closer) = _SCRIPTS[language]
    words = vocabulary.split()
    sentences = []
    for _ in range(rng.randint(2, 4)):
        sentence = [rng.choice(words) for _ in range(rng.randint(6, 20))]
        if rng.random() < 0.35:
            start = rng.randrange(len(sentence) - 2)
            sentence[start] = opener + sentence[start]
            sentence[-2] += closer
        sentences.append(joiner.join(sentence) + end)
    return ("" if joiner == "" and end != " " else " ").join(sentences).strip()


def _script_edit(rng: random.Random, paragraph: str, language: str) -> str:
    """(b)'s edit in the paragraph's language: words inserted, deleted and substituted."""
    vocabulary, joiner, _, _ = _SCRIPTS[language]
    words = vocabulary.split()
    text = paragraph
    for _ in range(max(1, len(paragraph) // 80)):
        at = rng.randrange(len(text))
        if joiner:  # Land on a word boundary.
            at = text.rfind(" ", 0, at) + 1
        roll = rng.random()
        if roll < 0.35:
            text = text[:at] + rng.choice(words) + joiner + text[at:]
        elif roll < 0.7:
            cut = text.find(joiner, at) if joiner else at + rng.randint(1, 4)
            text = text[:at] + text[cut + len(joiner) if cut >= at else len(text) :]
        else:
            text = text[:at] + rng.choice(words) + text[at + rng.randint(1, 3) :]
    return text.strip() or paragraph


def other_scripts_pair(n: int, seed: int = 0) -> tuple[str, str]:
    """Family (d): about ``n`` paragraphs, each in one of ``_SCRIPTS``' languages; removed,
    inserted, edited and moved as (b)'s, look-alike neighbours included."""
    rng = random.Random(seed)
    languages = [rng.choice(_LANGUAGES) for _ in range(n)]
    old = [_script_paragraph(rng, language) for language in languages]
    return _edited_pair(
        rng,
        old,
        look_alike=lambda n: _script_paragraph(rng, languages[n]),
        inserted=lambda: _script_paragraph(rng, rng.choice(_LANGUAGES)),
        edit=lambda n, para: _script_edit(rng, para, languages[n]),
    )


def _speedtest_texts() -> tuple[str, str]:
    CACHE.mkdir(parents=True, exist_ok=True)
    sdists = sorted(CACHE.glob("diff_match_patch-*.tar.gz"))
    if not sdists:
        subprocess.run(
            [
                *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"),
                *("--no-binary", ":all:", "diff-match-patch", "-d", str(CACHE)),
            ],
            check=True,
        )
        sdists = sorted(CACHE.glob("diff_match_patch-*.tar.gz"))
    with tarfile.open(sdists[-1]) as archive:
        texts = []
        for name in ("speedtest1.txt", "speedtest2.txt"):
            (member,) = [m for m in archive.getmembers() if m.name.endswith("/tests/" + name)]
            handle = archive.extractfile(member)
            assert handle is not None
            texts.append(handle.read().decode("utf-8"))
    return texts[0], texts[1]


def wikipedia_pair(repeat: int = WIKI_REPEAT) -> tuple[str, str]:
    """Family (c): the two revisions, each repeated ``repeat`` times (blank lines between)."""
    old, new = _speedtest_texts()
    return _repeat(old, repeat), _repeat(new, repeat)


def _repeat(text: str, times: int) -> str:
    return "\n\n".join([text.strip("\n")] * times) + "\n"


def family_pair(family: str, n: int) -> tuple[str, str]:
    """The pair of ``family`` at ``n`` paragraphs (family c has one size: ``n`` is ignored)."""
    if family == "a":
        return make_pair(n, seed=n)
    if family == "b":
        return small_vocabulary_pair(n, seed=n)
    if family == "c":
        return wikipedia_pair()
    if family == "d":
        return other_scripts_pair(n, seed=n)
    raise ValueError(f"no family {family!r}")


def unrelated_pair(n: int = 4_000) -> tuple[str, str]:
    """Two versions that share only their vocabulary (family a's generator, two seeds)."""
    return make_pair(n, 201)[0], make_pair(n, 202)[0]


def many_versions(count: int = 10, n: int = 5_000) -> list[str]:
    """``count`` unrelated versions of ``n`` paragraphs each."""
    return [make_pair(n, 301 + k)[0] for k in range(count)]
