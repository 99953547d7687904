"""The quantity scanner against real news sentences (SPEC "Quantity" and its "Edge cases, decided").

Each case in ``cases/quantities.json`` is one sentence and *every* quantity it must yield,
with all SPEC fields except ``counted`` (that needs spaCy). A case passes only when the
scanner reports exactly those quantities: same surface text and fields, nothing missing,
nothing extra. Cases whose sentence holds a time expression that only the time module
removes (dates, framing durations) carry ``"needs_time_exclusion": true``; the scan-only
test skips them and ``test_quantities_after_time_exclusion`` runs them with the time spans.
Cases marked ``"needs_change_linking": true`` get a field from the change between two
figures (``extract/figures.py``, which needs spaCy); they document the SPEC output and
are skipped here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.extract.quantities import Found, carry_bracketed_rate, carry_money, scan

CASES = json.loads((Path(__file__).parent / "cases" / "quantities.json").read_text(encoding="utf-8"))
FIELDS = ("kind", "value", "low", "high", "approximate", "qualifier", "unit", "per")
NUMBERS = ("value", "low", "high")
KINDS = {"count", "percent", "money", "ratio", "measure", "duration", "other"}
CASE_KEYS = {"text", "expect", "why", "needs_time_exclusion", "needs_change_linking"}


def _id(case: dict) -> str:
    text = case["text"]
    return text if len(text) <= 60 else text[:57] + "..."


def _params(time: bool) -> list:
    return [pytest.param(c, id=_id(c), marks=[pytest.mark.skip("needs the change linking of figures.py")]
                         if c.get("needs_change_linking") else [])
            for c in CASES if bool(c.get("needs_time_exclusion")) == time]


SCAN_ONLY = _params(time=False)
WITH_TIME = _params(time=True)


def sentence_quantities(text: str, excluded: list[tuple[int, int]] | None = None) -> list[Found]:
    """What the pipeline keeps of one sentence before spaCy (as ``extract/figures.py`` calls it)."""
    return carry_bracketed_rate(carry_money(scan(text, 0, excluded or ())), text, 0)


def _same(field: str, expected, got) -> bool:
    if field in NUMBERS and expected is not None:
        return got is not None and got == pytest.approx(expected, rel=1e-6)
    if field == "approximate":
        return got is expected
    return got == expected


def _problems(case: dict, found: list[Found]) -> list[str]:
    """Every way the scanner's answer differs from the case, one line each."""
    text = case["text"]
    problems = [f"offsets of {f.text!r} do not cut it from the sentence ({f.start}, {f.end})"
                for f in found if text[f.start:f.end] != f.text]
    left = list(found)
    for want in case["expect"]:
        same_text = [f for f in left if f.text == want["text"]]
        if not same_text:
            problems.append(f"missing {want['text']!r} {({k: want[k] for k in FIELDS})}")
            continue
        got = same_text[0]
        left.remove(got)
        for field in FIELDS:
            if not _same(field, want[field], getattr(got, field)):
                problems.append(f"{want['text']!r}: {field} is {getattr(got, field)!r}, "
                                f"expected {want[field]!r}")
    for extra in left:
        problems.append(f"extra {extra.text!r} ({extra.kind}, value {extra.value}, "
                        f"low {extra.low}, high {extra.high}, unit {extra.unit}, per {extra.per})")
    return problems


@pytest.mark.parametrize("case", SCAN_ONLY)
def test_quantities(case: dict) -> None:
    problems = _problems(case, sentence_quantities(case["text"]))
    assert not problems, f"{case['text']}\n  why: {case['why']}\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("case", WITH_TIME)
def test_quantities_after_time_exclusion(case: dict) -> None:
    timex = pytest.importorskip("claimledger.extract.timex")
    text = case["text"]
    problems = _problems(case, sentence_quantities(text, timex.time_spans(text)))
    assert not problems, f"{text}\n  why: {case['why']}\n  " + "\n  ".join(problems)


def test_cases_are_well_formed() -> None:
    """The fixture itself follows the SPEC, so a failing case is the scanner's fault, not the file's."""
    assert len(CASES) >= 150
    assert len({c["text"] for c in CASES}) == len(CASES), "duplicate sentences"
    assert sum(1 for c in CASES if not c["expect"]) >= 20, "too few negative cases"
    for case in CASES:
        assert set(case) <= CASE_KEYS, case["text"]
        assert case["why"], case["text"]
        position = 0
        for q in case["expect"]:
            where = f"{q['text']!r} in {case['text']!r}"
            assert set(q) == {"text", *FIELDS}, where
            at = case["text"].find(q["text"], position)
            assert at >= 0, f"{where}: not in the sentence, or out of order"
            position = at + 1
            assert q["kind"] in KINDS, where
            low, high, value = q["low"], q["high"], q["value"]
            if low is not None and high is not None:
                assert low <= high, where
            if value is None:
                assert low is not None and high is not None, f"{where}: a range needs both ends"
            else:
                assert (low is None or low <= value) and (high is None or value <= high), where
            if q["qualifier"] is not None:
                assert q["qualifier"] in q["text"], where
            if q["kind"] == "percent":
                assert q["unit"] == "%", where
            if q["kind"] == "money":
                assert q["unit"] and len(q["unit"]) == 3 and q["unit"].isupper(), where
            if q["kind"] in ("count", "ratio"):
                assert q["unit"] is None, where
            if q["kind"] in ("measure", "duration", "other"):
                assert q["unit"], where
