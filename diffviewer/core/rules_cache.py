"""A per-user cache of what a rules file alone decides: its TOML document, the RE2 spelling
of each of its patterns (``core.patterns``) and how a pattern set takes each
(``core.pattern_set.set_form``, with the plain forms of ``core.plain_forms``), so that a
process start neither parses, nor translates, nor scans, nor reduces a rules file it has seen
(about 20, 15 and 110 ms for the bundled one).

Where: ``DIFFVIEWER_CACHE_DIR`` if set; else the user's cache folder (``%LOCALAPPDATA%`` on
Windows, ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` or ``~/.cache`` elsewhere) and
``diffviewer`` in it. An entry is named by checksums of the file's text and of the program
(its version, the entry format and a fingerprint of the translator) and holds that text, the
version, the format and the fingerprint; it is used only if all four are the same again, so a
changed file, program, format or translator never meets an old entry's results.
A missing, unreadable, corrupt or truncated entry is ignored and the file is parsed as without
a cache. Entries are written whole (a temporary file renamed over the name), never where the
folder cannot be made, and only the newest ``KEEP`` are kept.

Imports: the standard library and ``diffviewer`` (the version) only; ``core.patterns``,
``core.pattern_set``, ``core.plain_forms`` and ``core.translation`` when fingerprinting them
(their files, not their code).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from typing import Any, cast

from diffviewer import __version__

__all__ = ["FORMAT", "KEEP", "Translations", "cache_dir", "load", "store"]

#: Entries kept (one per distinct rules file text seen); older ones are removed on a write.
KEEP = 16
#: What an entry holds; a new format never reads an entry of an older one.
FORMAT = 3

_PREFIX = "rules-"
_SUFFIX = ".json"

Translation = tuple[
    str,
    str,
    str | None,
    bool,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
]
Translations = dict[tuple[str, str], Translation]
"""(pattern source, flags) → (its RE2 translation, its relaxed form, and its
``core.patterns.SetForm``: the relaxed form's joined form or None, whether that starts
anchored, and at each plain level the plain forms of the translation, of the relaxed form
and of its joined form)."""


def cache_dir() -> str | None:
    """The folder for diffviewer's cache files (None: no home to put it in)."""
    chosen = os.environ.get("DIFFVIEWER_CACHE_DIR")
    if chosen:
        return chosen
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.join(os.path.expanduser("~"), "Library", "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
            base = os.path.join(os.path.expanduser("~"), ".cache")
    if not base or not os.path.isabs(base):
        return None
    return os.path.join(base, "diffviewer")


def _entry_path(folder: str, data: bytes, fingerprint: str) -> str:
    """The entry of a rules file's text ``data`` for this program: named by both, so that two
    copies of diffviewer (two versions, or a development copy beside an installed one) each
    keep their own entry instead of overwriting each other's on every start."""
    program = zlib.crc32(f"{__version__}\0{FORMAT}\0{fingerprint}".encode("utf-8", "surrogatepass"))
    return os.path.join(
        folder, f"{_PREFIX}{zlib.crc32(data):08x}-{len(data)}-{program:08x}{_SUFFIX}"
    )


def _fingerprint() -> str:
    """The source files of the translator, of the set forms and of the plain forms, by size
    and time of change (a development copy edited without a new version number does not
    reuse what the old code wrote), and the Python that parsed the TOML."""
    from diffviewer.core import pattern_set, patterns, plain_forms, translation

    modules = (patterns, pattern_set, plain_forms, translation)
    try:
        stats = [os.stat(module.__file__ or "") for module in modules]
    except (OSError, TypeError):
        return ""
    files = ":".join(f"{stat.st_size}:{stat.st_mtime_ns}" for stat in stats)
    return f"{files}:{sys.version}"


def load(text: str) -> tuple[dict[str, Any], Translations] | None:
    """The cached document and translations of a rules file whose text is ``text``, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    fingerprint = _fingerprint()
    try:
        path = _entry_path(folder, text.encode("utf-8", "surrogatepass"), fingerprint)
        with open(path, "rb") as handle:
            entry = json.loads(handle.read())
        if (
            entry["text"] != text
            or entry["version"] != __version__
            or entry["format"] != FORMAT
            or entry["translator"] != fingerprint
        ):
            return None
        document = entry["document"]
        translations = {
            (source, flags): tuple(rest) for source, flags, *rest in entry["translations"]
        }
    # Missing, unreadable, truncated, corrupt (RecursionError: nested too deeply), other.
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    if not isinstance(document, dict) or not all(map(_well_formed, translations.items())):
        return None
    return document, cast("Translations", translations)


def _well_formed(item: tuple[tuple[str, str], tuple[object, ...]]) -> bool:
    """Whether a loaded translation has the types it was stored with (``Translation``)."""
    (source, flags), value = item
    if len(value) != 10:
        return False
    translated, loose, joined, anchored, *plain = value
    return (
        all(isinstance(value, str) for value in (source, flags, translated, loose))
        and isinstance(anchored, bool)
        and all(form is None or isinstance(form, str) for form in (joined, *plain))
    )


def store(text: str, document: dict[str, Any], translations: Translations) -> None:
    """Write the entry for ``text`` (silently nothing where that fails)."""
    folder = cache_dir()
    if folder is None:
        return
    fingerprint = _fingerprint()
    entry = {
        "version": __version__,
        "format": FORMAT,
        "translator": fingerprint,
        "text": text,
        "document": document,
        "translations": [[*key, *value] for key, value in translations.items()],
    }
    import tempfile  # only here: its imports cost a start that reads the cache 3 ms

    try:
        payload = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=folder)
    except (OSError, TypeError, ValueError):  # unwritable; a value JSON cannot hold
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        data = text.encode("utf-8", "surrogatepass")
        os.replace(temporary, _entry_path(folder, data, fingerprint))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _prune(folder)


def _prune(folder: str) -> None:
    """Remove all but the ``KEEP`` newest entries."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(_PREFIX) and n.endswith(_SUFFIX)]
        if len(names) <= KEEP:
            return
        paths = sorted((os.path.join(folder, n) for n in names), key=os.path.getmtime)
    except OSError:
        return
    for path in paths[:-KEEP]:
        with contextlib.suppress(OSError):
            os.unlink(path)
