"""Test-wide setup: Qt runs offscreen, set before anything imports Qt."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from diffviewer.core.model import Comparison

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests' QSettings away from the user's real ones.
os.environ.setdefault("XDG_CONFIG_HOME", str(Path(__file__).parent / ".." / ".pytest-config"))
# The rules cache (``core.rules_cache``) of whatever runs outside a test (collection, fixtures
# of a wider scope) goes to a folder of this run, removed at its end; each test has its own.
_CACHE = tempfile.mkdtemp(prefix="diffviewer-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["DIFFVIEWER_CACHE_DIR"] = _CACHE

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "resources" / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _rules_cache_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's rules cache (``core.rules_cache``) lives in its own tmp_path, never in the
    user's cache folder; commands the test starts inherit it."""
    monkeypatch.setenv("DIFFVIEWER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def seed_paths() -> tuple[Path, Path]:
    """The seed pair: raw page text (v1) and cleaned body (v2)."""
    return EXAMPLES / "article-v1.txt", EXAMPLES / "article-v2.txt"


@pytest.fixture(params=["up", "down"])
def moved_comparison(request: pytest.FixtureRequest) -> Comparison:
    """Twelve paragraphs, one of which moves eight places up (or down) in the second version."""
    from diffviewer.core.compare import compare_texts

    paragraphs = [f"Paragraph number {n} of the story, said the minister." for n in range(12)]
    moved = paragraphs[:]
    if request.param == "up":
        moved.insert(1, moved.pop(9))
    else:
        moved.insert(9, moved.pop(1))
    return compare_texts(["\n\n".join(paragraphs), "\n\n".join(moved)])


# Hypothesis profiles: "default" keeps the suite quick on a 2-core machine; "long" is the
# documented fuzzing run: pytest tests/core/test_fuzz.py --hypothesis-profile=long
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", deadline=None)
settings.register_profile(
    "long",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
