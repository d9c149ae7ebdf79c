"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from diffviewer.core.kinds import load_rules
from diffviewer.core.rules import RuleSet


@pytest.fixture(scope="module")
def bundled() -> RuleSet:
    """The bundled rules, loaded once per test module."""
    return load_rules()
