"""Shared fixtures: the spaCy pipeline (loaded once), the gold files, and where the shared data lives."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path in ../shared; tests that need it skip, with the reason, where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (the large shared data is not on this machine)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from claimledger.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def gold_analyses(nlp):
    """Every gold file with claimledger's analysis of its article, computed once for the session."""
    from claimledger.evaluate import gold_article, load_gold
    from claimledger.pipeline import analyze_article

    out = []
    for path in GOLD_FILES:
        gold = load_gold(path)
        out.append((path, gold, analyze_article(gold_article(gold), nlp)))
    return out
