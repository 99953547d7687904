"""Property-based tests: whatever the input, no unhandled exception, and every span the output gives is
a true slice of the document with a well-formed interval.

`make test` runs about 10,000 generated cases in bounded time; `make fuzz` runs many more
(set FUZZ_EXAMPLES).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimledger
from claimledger.extract.quantities import scan
from claimledger.extract.quotes import find_quotes
from claimledger.extract.timex import find_time_expressions, time_spans
from claimledger.ingest import InputError, Reject, read_sources
from claimledger.ingest.readers import read_stream

SCALE = int(os.environ.get("FUZZ_EXAMPLES", "1"))
FAST = settings(max_examples=2500 * SCALE, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=400 * SCALE, deadline=None, suppress_health_check=list(HealthCheck))

# news-like text: words, figures, currency, quotes, dashes, odd Unicode
NEWSY = st.lists(st.one_of(
    st.sampled_from(["said", "about", "nearly", "more than", "between", "and", "to", "from", "percent", "%",
                     "$", "£", "million", "bn", "“", "”", "\"", "—", "-", "/", ":", ",", ".", "\n\n", "half",
                     "two-thirds", "doubled", "rose", "fell", "by", "according to", "In February", "2016",
                     "COVID-19", "one", "a dozen", "per month", "(", ")", "[", "]", "'", "’s"]),
    st.integers(min_value=-10**7, max_value=10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=8),
    st.text(max_size=6),
), max_size=40).map(" ".join)


def _interval_ok(low, high, value) -> bool:
    if low is not None and high is not None and low > high:
        return False
    if value is not None and low is not None and value < low - 1e-9 * max(1.0, abs(low)):
        return False
    return not (value is not None and high is not None and value > high + 1e-9 * max(1.0, abs(high)))


@FAST
@given(NEWSY)
def test_scanner_spans_are_slices_and_intervals_well_formed(text):
    for q in scan(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert _interval_ok(q.low, q.high, q.value)


@FAST
@given(st.text(max_size=300))
def test_scanner_time_and_quotes_never_raise_on_any_unicode(text):
    for q in scan(text):
        assert text[q.start:q.end] == q.text
    for start, end in time_spans(text):
        assert 0 <= start <= end <= len(text)
    for t in find_time_expressions(text):
        assert text[t.start:t.end] == t.text
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.inner_start <= quote.inner_end <= quote.end <= len(text)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["txt", "html", "json", "jsonl", "csv"]))
def test_any_bytes_for_a_file_reader_give_articles_or_rejects(data, fmt):
    try:
        items = list(read_stream(io.BytesIO(data), name=f"fuzz.{fmt}", stem="fuzz", fmt=fmt))
    except InputError as error:  # a whole file that cannot be read at all (a CSV without a header row)
        assert "fuzz" in str(error)
        return
    for item in items:
        assert isinstance(item, Reject | claimledger.Article)
        if isinstance(item, Reject):
            assert item.reason and "fuzz" in item.message()


@FAST
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "title", "text", "published", "source", "url"]),
                    st.one_of(st.none(), st.text(max_size=30), st.integers(), st.booleans()), max_size=6)
    .map(json.dumps),
    st.text(max_size=40)), max_size=6))
def test_any_json_lines_give_articles_or_rejects(lines):
    data = "\n".join(lines).encode()
    for compressed in (False, True):
        stream = io.BytesIO(gzip.compress(data) if compressed else data)
        for item in read_sources_stream(stream):
            assert isinstance(item, Reject | claimledger.Article)


def read_sources_stream(stream):
    return read_stream(stream, name="fuzz.jsonl", stem="fuzz", fmt="jsonl")


@SLOW
@given(text=NEWSY, title=st.one_of(st.none(), st.text(max_size=40)))
def test_the_whole_analysis_never_raises_and_its_spans_hold(nlp, text, title):
    if not text.strip():
        return
    analysis = claimledger.analyze(text, title=title.strip() or None if title else None, nlp=nlp)
    document = analysis.document
    ids = {q.id for q in analysis.quantities}
    for q in analysis.quantities:
        assert document[q.start:q.end] == q.text
        assert _interval_ok(q.low, q.high, q.value)
    owners = [qid for c in analysis.claims for qid in c.quantity_ids]
    assert sorted(owners) == sorted(ids)
    for s in analysis.statements:
        assert 0 <= s.content.start <= s.content.end <= len(document)
        if s.source is not None:
            assert document[s.source.start:s.source.end] == s.source.text
    for signal in analysis.signals:
        assert document[signal.start:signal.end] == signal.text
    for check in analysis.checks:
        assert set(check.quantity_ids) <= ids
        assert check.explanation


def test_a_directory_of_hostile_files_is_read_with_reasons(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.html").write_text("<html><body></body></html>")
    (tmp_path / "broken.json").write_text("{\"id\": ")
    (tmp_path / "good.txt").write_text("Prices rose 3% to $103.")
    items = list(read_sources([str(tmp_path)]))
    rejects = [i for i in items if isinstance(i, Reject)]
    articles = [i for i in items if not isinstance(i, Reject)]
    assert [a.text for a in articles] == ["Prices rose 3% to $103."]
    assert len(rejects) == 3 and all(r.reason for r in rejects)
