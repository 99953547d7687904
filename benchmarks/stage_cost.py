"""Where the time goes: the spaCy parse against each claimledger stage, on the same articles in one run.

    python benchmarks/stage_cost.py [--corpus ../shared/corpus/dev.jsonl] [--articles 300]

Prints seconds per stage and each stage's cost as a share of the parse (the issue's
target for attribution: under 15% of the parse).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from claimledger.check.plan import plan_checks
from claimledger.extract.attribution import attribute
from claimledger.extract.claims import build_claims
from claimledger.extract.figures import all_quantities, find_figures
from claimledger.model import Article
from claimledger.nlp.docindex import DocIndex
from claimledger.nlp.model import load_model

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"


def time_stages(docs: Iterable[Doc], articles: Iterable[Article]) -> dict[str, float]:
    """Seconds spent in each analysis stage over parsed articles: figures, attribution, claims and checks.

    The same steps as :func:`claimledger.pipeline.analyze_doc`, timed one by one.
    """
    timings = {"figures": 0.0, "attribution": 0.0, "claims and checks": 0.0}
    for doc, article in zip(docs, articles, strict=True):
        ix = DocIndex(doc)
        t0 = time.perf_counter()
        sentences = find_figures(doc, article.published, ix)
        t1 = time.perf_counter()
        result = attribute(doc, article, ix)
        t2 = time.perf_counter()
        claims = build_claims(sentences, article.id, result.attribution_of, result.signals_of)
        plan_checks(all_quantities(sentences), claims, ix.text, len(article.title or ""))
        t3 = time.perf_counter()
        timings["figures"] += t1 - t0
        timings["attribution"] += t2 - t1
        timings["claims and checks"] += t3 - t2
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with args.corpus.open(encoding="utf-8") as lines:
        articles = [Article.from_dict(json.loads(line)) for line in itertools.islice(lines, args.articles)]
    nlp = load_model()
    start = time.perf_counter()
    docs = list(nlp.pipe((a.document for a in articles), batch_size=16))
    parse = time.perf_counter() - start
    timings = time_stages(docs, articles)
    print(f"{len(articles)} articles; spaCy parse {parse:.1f} s ({len(articles) / parse:.1f} articles/s)")
    for stage, seconds in timings.items():
        print(f"  {stage:<18} {seconds:6.2f} s  {100 * seconds / parse:5.1f}% of the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
