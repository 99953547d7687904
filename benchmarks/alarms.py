"""Every "inconsistent" verdict over a corpus sample, with its sentences, to read for false alarms.

    python benchmarks/alarms.py                       # 14,000 scale articles (seed 6)
    python benchmarks/alarms.py --articles 2000
    python benchmarks/alarms.py --corpus ../shared/corpus/dev.jsonl --articles 2000

A check that says "inconsistent" tells a reader the article's arithmetic is wrong, so each one
printed here should be a discrepancy in the text itself; anything else is a false alarm to fix
(and to add to ``tests/test_check_plan.py``). The last line counts the checks by kind and verdict.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=14_000)
    args = parser.parse_args(argv)
    from claimledger.pipeline import analyze_many

    counts: Counter[tuple[str, str]] = Counter()
    alarms = 0
    for analysis in analyze_many(sample(args.corpus, args.articles)):
        quantities = {q.id: q for q in analysis.quantities}
        sentence_of = {qid: c.sentence.text for c in analysis.claims for qid in c.quantity_ids}
        for check in analysis.checks:
            counts[(check.kind, check.verdict)] += 1
            if check.verdict != "inconsistent":
                continue
            alarms += 1
            print(f"{analysis.article.id}  {check.kind}: {check.explanation}")
            for qid in check.quantity_ids:
                sentence = " ".join(sentence_of.get(qid, "").split())
                print(f"    {quantities[qid].text!r}  in: {sentence[:300]}")
    summary = ", ".join(f"{kind} {verdict} {n}" for (kind, verdict), n in sorted(counts.items()))
    print(f"{alarms} inconsistent of {sum(counts.values())} checks ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
