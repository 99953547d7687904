"""The accuracy gate: eval scores on the gold files may only move upward.

The figures are pinned in ``tests/accuracy_baseline.json``; a change that lowers
one fails here. After an improvement, raise the baseline with ``make baseline``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.evaluate import evaluate
from claimledger.pipeline import analyze_article

from .conftest import GOLD_DIR, GOLD_FILES

BASELINE = Path(__file__).parent / "accuracy_baseline.json"
HIGHER_IS_BETTER = ("precision", "recall", "f1", "type_acc", "speaker_acc", "change_recall", "check_recall",
                    "signal_recall")
LOWER_IS_BETTER = ("false_alarms", "not_quantity_fp")


@pytest.fixture(scope="module")
def scores(nlp):
    overall = evaluate(GOLD_FILES, lambda article: analyze_article(article, nlp).to_dict()).overall
    seed = evaluate([GOLD_DIR / "seed.gold.json"], lambda article: analyze_article(article, nlp).to_dict()).overall
    return {"overall": overall, "seed": seed}


def _pinned() -> dict:
    return json.loads(BASELINE.read_text())


@pytest.mark.parametrize("scope", ["overall", "seed"])
@pytest.mark.parametrize("figure", HIGHER_IS_BETTER)
def test_figure_does_not_drop(scores, scope, figure):
    pinned = _pinned()[scope][figure]
    assert scores[scope][figure] >= pinned - 1e-9, f"{scope} {figure} fell from {pinned} to {scores[scope][figure]}"


@pytest.mark.parametrize("scope", ["overall", "seed"])
@pytest.mark.parametrize("field", ["kind", "approximate", "unit", "per", "counted"])
def test_field_accuracy_does_not_drop(scores, scope, field):
    pinned = _pinned()[scope]["field_acc"][field]
    assert scores[scope]["field_acc"][field] >= pinned - 1e-9


@pytest.mark.parametrize("scope", ["overall", "seed"])
@pytest.mark.parametrize("figure", LOWER_IS_BETTER)
def test_errors_do_not_grow(scores, scope, figure):
    assert scores[scope][figure] <= _pinned()[scope][figure]


def test_issue_targets_hold(scores):
    """The acceptance bar of the analysis issue, on the seed article and over all gold files."""
    seed, overall = scores["seed"], scores["overall"]
    assert seed["f1"] >= 0.95
    assert seed["changes"] == [3, 3]
    assert seed["checks"] == [5, 5]
    assert seed["false_alarms"] == 0 and seed["not_quantity_fp"] == 0
    assert overall["f1"] >= 0.90
    assert overall["field_acc"]["kind"] >= 0.95 and overall["field_acc"]["approximate"] >= 0.95
    assert overall["false_alarms"] == 0
