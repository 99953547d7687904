"""Throughput: claimledger end to end against bare spaCy on the same articles, in one run.

    python benchmarks/throughput.py                 # 2,000 scale articles; memory on a 20,000-article stream
    python benchmarks/throughput.py --quick         # 300 articles; memory at 300 vs 1,500 (development)
    python benchmarks/throughput.py --quantities    # quantity extraction alone against quantulum3

Speed mode, over a fixed sample of ``../shared/corpus/scale.jsonl.gz`` (seed 6):

- **bare spaCy**: ``nlp.pipe`` with the model's full pipeline (tok2vec, tagger, parser,
  attribute_ruler, lemmatizer, ner), the same model claimledger uses;
- **claimledger**: ``claimledger.analyze_many`` end to end (parse, figures, attribution,
  claims, checks), typed :class:`Analysis` objects out;
- **bare spaCy, claimledger gemm** (a reference, not the baseline): the same full pipeline with
  claimledger's matrix products (numpy's BLAS on one thread, :mod:`claimledger.nlp.ops`), so that
  the ratio can also be read without that gain; the blis kernel set the CPU gets is printed
  with it (blis falls back to "generic" on CPUs it does not know);
- **claimledger, 2 workers**: the same in 2 processes (each loads the model once, then
  analyses batches of 50 articles and sends back the analysis JSON).

The machine may be shared, so bare spaCy and claimledger run in alternating blocks of
the sample and each total sums its blocks; the ratio compares the two totals. Peak
resident memory is ``ru_maxrss`` of each process (the main process holds both models).
Memory is then measured on a stream, in a fresh process: claimledger analyses the scale
corpus in file order and the resident set is read after 2,000 and after 20,000 articles.

Quantity mode splits the same sample into sentence-sized chunks and times
claimledger's scanner (time expressions, then quantities, as ``find_figures`` does
without the parse) against ``quantulum3.parser.parse`` on each; F1 on the gold files
(``tests/fixtures/gold``) matches quantities as ``claimledger eval`` does: spans
overlap and every gold bound agrees within 0.5%. quantulum3 is installed for this mode only
(``pip install quantulum3``); without it the mode says so and stops.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import multiprocessing
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "scale.jsonl.gz"
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEED = 6
BLOCK = 250          # articles per alternating block
WORKER_BATCH = 50    # articles per task sent to a worker


def _rss_mib() -> float:
    """The current resident set of this process, in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mib() -> float:
    """The peak resident set of this process (VmHWM: unlike ru_maxrss it does not carry over an exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _records(corpus: Path) -> Iterator[dict]:
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def sample(corpus: Path, n: int) -> list:
    """``n`` articles of the corpus drawn with the fixed seed, in corpus order."""
    from claimledger.model import Article

    records = list(_records(corpus))
    chosen = sorted(random.Random(SEED).sample(range(len(records)), min(n, len(records))))
    return [Article.from_dict(records[i]) for i in chosen]


# --- speed ----------------------------------------------------------------------------------------

def _worker_init() -> None:
    from claimledger.nlp.model import load_model

    load_model()


def _worker_analyse(articles: list) -> tuple[list[dict], float]:
    from claimledger.pipeline import analyze_many

    return [a.to_dict() for a in analyze_many(articles)], _peak_mib()


def _with_workers(articles: list, workers: int) -> tuple[float, float]:
    """Seconds for ``workers`` processes to analyse the articles (after loading the model), and their peak RSS."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_worker_init) as pool:
        pool.map(_worker_analyse, [articles[:2]] * workers)  # every worker has loaded the model
        batches = [articles[i: i + WORKER_BATCH] for i in range(0, len(articles), WORKER_BATCH)]
        start = time.perf_counter()
        results = pool.map(_worker_analyse, batches, chunksize=1)
        seconds = time.perf_counter() - start
    return seconds, max(peak for _, peak in results)


def speed(articles: list, workers: int) -> dict[str, float]:
    import spacy

    from claimledger.nlp.model import load_model, model_name
    from claimledger.nlp.ops import one_blas_thread, use_blas_gemm
    from claimledger.pipeline import analyze_many

    bare = spacy.load(model_name())
    bare_blas = spacy.load(model_name())   # the reference: bare spaCy given claimledger's matrix products
    same_gemm = use_blas_gemm(bare_blas)
    nlp = load_model()
    list(bare.pipe(a.document for a in articles[:5]))
    list(bare_blas.pipe(a.document for a in articles[:5]))
    list(analyze_many(articles[:5], nlp))
    times = {"bare": 0.0, "bare_blas": 0.0, "claimledger": 0.0, "same_gemm": same_gemm}
    claims = 0
    for k in range(0, len(articles), BLOCK):
        block = articles[k: k + BLOCK]
        start = time.perf_counter()
        for _ in bare.pipe((a.document for a in block), batch_size=64):
            pass
        times["bare"] += time.perf_counter() - start
        start = time.perf_counter()
        with one_blas_thread():
            for _ in bare_blas.pipe((a.document for a in block), batch_size=64):
                pass
        times["bare_blas"] += time.perf_counter() - start
        start = time.perf_counter()
        claims += sum(len(a.claims) for a in analyze_many(block, nlp))
        times["claimledger"] += time.perf_counter() - start
    times["main_peak"] = _peak_mib()   # the main process holds three models
    times["claims"] = claims
    if workers > 1:
        times["workers"], times["worker_peak"] = _with_workers(articles, workers)
        times["one_worker"], _ = _with_workers(articles, 1)
    return times


def blis_configuration() -> str:
    """The kernel set blis selects on this CPU ("generic" when it does not know the CPU), as it reports it."""
    import os
    import subprocess

    probe = "import numpy, blis.py; a = numpy.ones((4, 4), dtype='float32'); blis.py.gemm(a, a)"
    done = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "BLIS_ARCH_DEBUG": "1"},
                          capture_output=True, text=True, timeout=120)
    found = re.search(r"sub-configuration '([^']+)'", done.stdout + done.stderr)
    return found.group(1) if found else "unknown"


def memory(corpus: Path, first: int, last: int) -> tuple[float, float, float]:
    """Resident MiB after ``first`` and after ``last`` articles of claimledger on a stream, and the seconds,
    measured in a fresh process (this one holds the speed runs' models and Docs)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_memory_stream, (corpus, first, last))


def _memory_stream(corpus: Path, first: int, last: int) -> tuple[float, float, float]:
    from claimledger.model import Article
    from claimledger.pipeline import analyze_many

    stream = _stream(corpus)
    at_first = float("nan")
    start = time.perf_counter()
    for n, _ in enumerate(analyze_many(itertools.islice((Article.from_dict(r) for r in stream), last)), 1):
        if n == first:
            at_first = _rss_mib()
    return at_first, _rss_mib(), time.perf_counter() - start


def _stream(corpus: Path) -> Iterator[dict]:
    """The corpus in file order, started again from the top when it runs out."""
    while True:
        yield from _records(corpus)


# --- quantities alone -----------------------------------------------------------------------------

def _sentences(document: str) -> list[tuple[int, str]]:
    from claimledger.nlp.chunks import chunk_spans

    return [(a, document[a:b]) for a, b in chunk_spans(document)]


def _claimledger_quantities(sentences: list[tuple[int, str]]) -> list[dict]:
    from claimledger.extract.quantities import carry_bracketed_rate, carry_money, scan
    from claimledger.extract.timex import time_spans

    out = []
    for offset, sentence in sentences:
        excluded = [(s + offset, e + offset) for s, e in time_spans(sentence)]
        found = carry_bracketed_rate(carry_money(scan(sentence, offset, excluded)), sentence, offset)
        out += [{"id": f"q{len(out) + i}", "start": f.start, "end": f.end, "value": f.value, "low": f.low,
                 "high": f.high} for i, f in enumerate(found)]
    return out


def _quantulum_quantities(parser, sentences: list[tuple[int, str]]) -> list[dict]:
    out = []
    for offset, sentence in sentences:
        try:
            found = parser.parse(sentence)
        except Exception:  # quantulum3 raises on some odd text; count it as finding nothing there
            continue
        for q in found:
            start, end = q.span
            value = float(q.value) if q.value is not None else None
            out.append({"id": f"q{len(out)}", "start": start + offset, "end": end + offset, "value": value,
                        "low": value, "high": value})
    return out


def quantities(articles: list) -> int:
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed: `pip install quantulum3` into the venv to compare (skipped).")
        return 0
    from claimledger.evaluate import Placed, load_gold, match_quantities

    sentences = [s for a in articles for s in _sentences(a.document)]
    parser.parse("warm up 2 km")
    rows = []
    for name, extract in (("claimledger", _claimledger_quantities),
                          ("quantulum3", lambda s: _quantulum_quantities(parser, s))):
        start = time.perf_counter()
        found = extract(sentences)
        seconds = time.perf_counter() - start
        matched = predicted = gold_total = 0
        for path in sorted(GOLD.glob("*.gold.json")):
            gold = load_gold(path)
            items = extract(_sentences(gold["document"]))
            placed = [Placed(q, q["start"], q["end"]) for q in items]
            matched += len(match_quantities(gold["quantities"], placed))
            predicted += len(items)
            gold_total += len(gold["quantities"])
        p, r = matched / max(predicted, 1), matched / max(gold_total, 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((name, len(sentences) / seconds, len(found), p, r, f1))
    gold_files = len(list(GOLD.glob("*.gold.json")))
    print(f"{len(sentences):,} sentences of {len(articles):,} scale articles; F1 on {gold_files} gold files")
    print(f"{'extractor':<12} {'sentences/s':>12} {'found':>7} {'precision':>10} {'recall':>7} {'F1':>6}")
    for name, rate, n, p, r, f1 in rows:
        print(f"{name:<12} {rate:>12,.0f} {n:>7,} {p:>10.3f} {r:>7.3f} {f1:>6.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=None, help="sample size (default 2,000; 300 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a small sample and a short memory stream")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-articles", type=int, default=None,
                        help="length of the memory stream (default 20,000; 1,500 with --quick; 0 skips it)")
    parser.add_argument("--quantities", action="store_true", help="quantity extraction alone against quantulum3")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    n = args.articles or (300 if args.quick else 2000)
    articles = sample(args.corpus, n)
    if args.quantities:
        return quantities(articles)
    t = speed(articles, args.workers)
    rate = {k: n / t[k] for k in ("bare", "claimledger")}
    print(f"{n:,} scale articles (seed {SEED}), {sum(len(a.document) for a in articles):,} characters")
    print(f"{'run':<34} {'seconds':>8} {'articles/s':>11}")
    print(f"{'bare spaCy nlp.pipe (full pipeline)':<34} {t['bare']:>8.1f} {rate['bare']:>11.1f}")
    print(f"{'claimledger analyze_many':<34} {t['claimledger']:>8.1f} {rate['claimledger']:>11.1f}")
    if t["same_gemm"]:
        print(f"{'bare spaCy, claimledger gemm (ref)':<34} {t['bare_blas']:>8.1f} {n / t['bare_blas']:>11.1f}")
    if "workers" in t:
        print(f"{'claimledger, 1 worker process':<34} {t['one_worker']:>8.1f} {n / t['one_worker']:>11.1f}")
        print(f"{f'claimledger, {args.workers} worker processes':<34} {t['workers']:>8.1f} {n / t['workers']:>11.1f}")
    print(f"ratio claimledger / bare spaCy: {t['bare'] / t['claimledger']:.2f}x  ({int(t['claims']):,} claims)")
    if t["same_gemm"]:
        print(f"ratio claimledger / bare spaCy given the same matrix products: {t['bare_blas'] / t['claimledger']:.2f}x"
              f"  (blis kernels on this CPU: {blis_configuration()})")
    if "workers" in t:
        print(f"{args.workers} workers / 1 worker: {t['one_worker'] / t['workers']:.2f}x")
    print(f"peak resident memory: main process (three models) {t['main_peak']:,.0f} MiB"
          + (f"; claimledger worker {t['worker_peak']:,.0f} MiB" if "worker_peak" in t else ""))
    last = args.memory_articles if args.memory_articles is not None else (1500 if args.quick else 20000)
    if last:
        first = min(2000, last // 5) if args.quick else 2000
        at_first, at_last, seconds = memory(args.corpus, first, last)
        print(f"memory on a stream (claimledger, scale corpus in file order, {seconds:.0f} s): "
              f"{at_first:,.0f} MiB after {first:,} articles, {at_last:,.0f} MiB after {last:,} "
              f"({100 * (at_last - at_first) / at_first:+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
