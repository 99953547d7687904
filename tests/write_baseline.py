"""Write the accuracy baseline from the current scores: `make baseline` (only after an improvement)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimledger.evaluate import evaluate
from claimledger.nlp.model import load_model
from claimledger.pipeline import analyze_article

HERE = Path(__file__).parent
GOLD = sorted((HERE / "fixtures" / "gold").glob("*.gold.json"))


def main() -> int:
    nlp = load_model()

    def run(paths):
        return evaluate(paths, lambda article: analyze_article(article, nlp).to_dict()).overall

    figures = {"overall": run(GOLD), "seed": run([HERE / "fixtures" / "gold" / "seed.gold.json"])}
    keep = ("precision", "recall", "f1", "type_acc", "speaker_acc", "change_recall", "check_recall",
            "signal_recall", "false_alarms", "not_quantity_fp", "field_acc", "changes", "checks")
    out = {scope: {k: v for k, v in f.items() if k in keep} for scope, f in figures.items()}
    (HERE / "accuracy_baseline.json").write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
