"""Where claimledger's time goes: each step of the fast parse and of the analysis, against bare spaCy.

    python benchmarks/profile_fast.py [--articles 300]

Same sample as ``benchmarks/throughput.py`` (scale corpus, seed 6). Prints seconds per
step, its share of claimledger's total, and the share of tokens the parser and the
entity recognizer were given.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stage_cost import time_stages
from throughput import DEFAULT_CORPUS, sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args(argv)
    import spacy

    from claimledger.nlp.model import load_model, model_name
    from claimledger.pipeline import fast_pipeline

    articles = sample(args.corpus, args.articles)
    bare = spacy.load(model_name())
    start = time.perf_counter()
    docs = [bare.make_doc(a.document) for a in articles]
    steps: dict[str, float] = {"tokenizer": time.perf_counter() - start}
    for name, component in bare.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=64))
        steps[name] = time.perf_counter() - start
    bare_total = sum(steps.values())
    tokens = sum(len(d) for d in docs)
    print(f"{len(articles)} articles, {tokens:,} tokens; bare spaCy, component by component: {bare_total:.1f} s")
    for name, seconds in steps.items():
        print(f"  {name:<16} {seconds:6.2f} s  {100 * seconds / bare_total:5.1f}%")

    fast = fast_pipeline(load_model())
    assert fast is not None
    timings: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)

    def timed(label: str, function, count=None):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            out = function(*a, **k)
            timings[label] += time.perf_counter() - t0
            if count:
                counts[label] += count(*a, **k)
            return out
        return wrapper

    fast._layout = timed("tokenize: chunks and selection", fast._layout)
    fast._parse = timed("tok2vec + tagger + parser (chunks)", fast._parse,
                        lambda docs, pieces: sum(p.end - p.start + p.left + p.right for p in pieces))
    fast._annotate = timed("copy back, tags to POS", fast._annotate)
    fast._entities = timed("entity recognizer (windows)", fast._entities)
    ner_tokens = [0]
    from claimledger.nlp import transitions

    loop = transitions.pipe

    def counting_pipe(component, subdocs, batch_size):
        if component is fast.ner:
            ner_tokens[0] += sum(len(d) for d in subdocs)
        return loop(component, subdocs, batch_size)

    transitions.pipe = counting_pipe
    start = time.perf_counter()
    items = [(a.document, len(a.title) if a.title else 0) for a in articles]
    parsed = list(fast.pipe(items))
    timings["tokenizer (make_doc)"] = (time.perf_counter() - start) - sum(timings.values())
    stages = time_stages(parsed, articles)
    timings["analysis: figures (scan, timex, counted, changes)"] += stages["figures"]
    timings["analysis: attribution (quotes, speech, speakers)"] += stages["attribution"]
    timings["analysis: claims and checks"] += stages["claims and checks"]
    total = sum(timings.values())
    print(f"claimledger end to end: {total:.1f} s  (ratio to the bare components {bare_total / total:.2f}x)")
    for label, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {label:<52} {seconds:6.2f} s  {100 * seconds / total:5.1f}%")
    parsed_tokens = counts["tok2vec + tagger + parser (chunks)"]
    print(f"tokens given to the parser: {parsed_tokens / tokens:.0%} (context and second round included); "
          f"to the entity recognizer's transition system: {ner_tokens[0] / tokens:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
