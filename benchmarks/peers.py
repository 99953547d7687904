"""Score claimledger's quantity scanner against the test suites of two peer projects.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python benchmarks/peers.py [--peers ../shared/peers] [--json] [--failures N]

The peer data (Microsoft Recognizers-Text "Specs" and quantulum3's test JSON, both MIT) lives outside the
project, by default in ``<repo>/../shared/peers`` (see its README.md); it is read in place and never copied.
If the folder is missing the script exits with status 2.

What runs: for every input, ``claimledger.extract.quantities.scan(text, 0, excluded)`` followed by
``carry_money`` and ``carry_bracketed_rate`` -- what the pipeline does for one sentence (inputs are not
split into sentences). ``excluded`` holds the spans of ``claimledger.extract.timex.time_spans(text)`` when
that module can be imported, as in the pipeline; otherwise nothing is excluded and the output says so.

Recognizers-Text (RT) model files
---------------------------------
A case passes when we find *the same set of entities*: every expected result is matched one-to-one by a
found quantity (same span, accepted kind, same value, same unit), and no *extra* quantity of the suite's
kind is left over. Which of our quantities take part depends on the RT model, because each RT model only
reports its own type:

============  =========================  ==========================================  =====================
RT model      RT TypeName                our quantities that count (extra = fail)    may also match
============  =========================  ==========================================  =====================
Number        number                     kind count, ratio, other                    money (see span rule)
Percent       percentage                 kind percent                                --
NumberRange   numberrange                any kind whose interval is open or wide     any kind with low ==
                                         (low != high)                               high ("equal to 20")
Currency      currency                   kind money                                  --
Dimension     dimension                  kind measure                                --
Age           age                        kind duration                               --
============  =========================  ==========================================  =====================

So a "$20" of ours counts for RT's NumberModel (which reports the number 20 inside it), but a "180ml"
measure is not an extra there (RT's NumberModel deliberately reports nothing for it; that is RT's
Dimension model's business, as it is our ``measure`` kind's).

Span rule. RT's ``Start``/``End`` are inclusive; we use ``[Start, End + 1)``. Both spans are reduced to
a *core* by repeatedly stripping, at the edges only:

* leading approximator/bound words: every key of ``en_numbers.QUALIFIERS`` and ``RANGE_OPENERS`` plus a
  fixed list of RT's bound words (``larger than``, ``equal to``, ``exceeding`` ...);
* leading or trailing currency material: symbols with optional prefix (``$``, ``us $``, ``c $``, ``€``,
  ``£`` ...), ISO codes, and currency words (``dollars``, ``swiss francs``, ``yen`` ...);
* trailing time-rate phrases (``per month``, ``a day``, ``an hour`` -- the SPEC span includes the rate, RT
  spans do not) and trailing bound words (``or more``, ``or less``, ``or so``).

The span matches when the two cores have the same offsets. Units other than currency are *not* stripped:
"3 years" never matches RT's number "3". The stripping is deliberately generous: what the stripped words
mean is still checked, by the value (an RT range "(30,)" needs our low 30 and high None) and by the
currency unit.

Values. Numbers are compared with relative tolerance 1e-6 (absolute 1e-9 near zero). number / percentage
/ dimension / age: RT ``Resolution.value`` against our ``value``. numberrange: RT's interval notation
"[20,30)", "(,100]", "[100,)" gives low/high (brackets, open or closed, are ignored: the SPEC has no
closedness) compared with our ``low``/``high``; a missing bound must be ``None`` on our side too, so
"more than 100" -> low 100, high None. currency: RT values in minor units (unit Cent, Pence, Penny) are
divided by 100, because we report the major currency (SPEC: the unit is an ISO 4217 code); the unit agrees
when RT's ``isoCurrency`` equals our ISO code, or -- when RT gives no ISO code -- when our code is one RT's
unit name can stand for (Dollar: USD, CAD, AUD ...; Pound: GBP; Cent: a dollar or EUR ...). RT unit names
without an entry in that table never agree, and are listed. dimension / age: RT's unit name is mapped to
ours (Mile -> mile, Metric ton -> tonne, Mile per hour -> mph or mile with per hour ...). Not compared:
RT's ``subtype``, and our ``per``, ``approximate`` and ``qualifier`` (RT has no such fields).

Three rates are reported per RT suite: all cases; python-supported cases (not marked ``NotSupported`` or
``NotSupportedByDesign`` for python -- the cases RT's own Python port is held to); and all cases except
those *our SPEC rules out by design*. A case is "ruled out by design" when one of its expected results is
something the SPEC says is not a quantity; such a case still counts as failed in the first two rates. The
categories (each detected by a rule in :func:`rt_design_categories`, counted and printed):

* ``year/date``: a year or a number inside a calendar date ("5/17/2018"): SPEC, time expressions.
* ``ordinal``: "between the tenth and the fifteenth": SPEC, ordinals.
* ``identifier``: IP addresses, phone numbers, "SCP-173", "nrs. 22", "version two": SPEC, numbers in
  names and identifiers.
* ``one (pronoun/idiom)``: "try one last time": SPEC, "one" as pronoun or idiom.
* ``framing duration``: RT's number "3" in "earn $10000 in 3 years": SPEC, a duration that frames another
  figure's period is a time expression.
* ``no number``: RT results without a value (a bare "dollar", "percent", "mcg"): the SPEC's quantity is
  an amount.

quantulum3
----------
Each expected quantity's ``surface`` is located in the sentence and matched to the found quantity that
overlaps it most. Value agreement: our ``value``, or the midpoint of ``low``/``high`` for a range (or the
single bound of an open interval), against quantulum3's ``value`` (a range's midpoint), same tolerance;
cents, pennies and dimes are converted to the major currency first. Unit agreement: quantulum3's unit
name is mapped to our kind and unit (:data:`Q3_UNITS`: "percentage" -> percent "%", "dollar" -> money
USD, "pound sterling" -> GBP, "dimensionless" -> count/ratio/other with unit None, "kilometre" -> measure
km, "second" -> duration second ...); unmapped names never agree and are listed. A case passes when we
find as many quantities as expected and every expected one agrees on value and unit. The span is not part
of the pass (quantulum3's surfaces follow other conventions: "8- to 16-meter"); span agreement under the
RT span rule is reported for information. The third rate excludes cases whose expected quantities the
SPEC rules out: years and decades, and dimensionless numbers right after a capitalised or alphanumeric
word ("English 101", "Voyager 2", "Core i7 860": numbers in names). quantulum3's ``errors.json`` is run
as a crash smoke test.

The reference figures printed beside ours are the ones given in the issue (RT's own Python port), and the
targets are checked on the all-cases rate.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PEERS = REPO.parent / "shared" / "peers"

try:
    from claimledger.extract.quantities import Found, carry_bracketed_rate, carry_money, scan
    from claimledger.lang import en_numbers as L
except ModuleNotFoundError:  # run without PYTHONPATH=src and without an installed package
    sys.path.insert(0, str(REPO / "src"))
    from claimledger.extract.quantities import Found, carry_bracketed_rate, carry_money, scan
    from claimledger.lang import en_numbers as L


def _load_time_spans() -> tuple[Callable[[str], Sequence[tuple[int, int]]] | None, str]:
    try:
        from claimledger.extract.timex import time_spans
    except Exception as exc:  # the module is being written elsewhere; run without it
        return None, f"not available ({type(exc).__name__}: {exc}); run without excluded spans"
    return time_spans, "claimledger.extract.timex.time_spans passed as excluded="


TIME_SPANS, TIMEX_STATUS = _load_time_spans()


def extract(text: str) -> list[Found]:
    """What the pipeline finds in ``text`` taken as one sentence."""
    excluded = list(TIME_SPANS(text)) if TIME_SPANS is not None else []
    found = scan(text, 0, excluded)
    return carry_bracketed_rate(carry_money(found), text, 0)


# --- the span rule -----------------------------------------------------------------------------------

_BOUND_WORDS = {
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "an estimated", "estimated",
    "close to", "somewhere between", "between", "more than", "less than", "fewer than", "at least",
    "at most", "up to", "as many as", "as much as", "over", "under", "above", "below", "no more than",
    "no less than", "greater than", "larger than", "bigger than", "higher than", "lower than",
    "smaller than", "exceeding", "exceeds", "exceed", "surpass", "surpassing", "equal to", "equals",
    "equals to", "equaling to", "or equal to", "greater than or equal to", "less than or equal to",
}
_TRAILING_BOUNDS = {"or more", "or less", "or so", "or fewer", "or greater", "and more", "and above", "plus"}
_CURRENCY_WORDS = {
    "dollar", "dollars", "us dollar", "us dollars", "u.s. dollars", "cent", "cents", "penny", "pence",
    "euro", "euros", "pound", "pounds", "yen", "yuan", "chinese yuan", "franc", "francs", "swiss francs",
    "finnish markka", "dutch guilders", "guilders", "peseta", "pesetas", "rupee", "rupees", "lira",
    "turkish lira", "kuai", "mao", "rmb", "bitcoin", "bitcoins", "btc", "australian dollars",
}
_CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "rmb", "chf", "cad", "aud", "nzd", "hkd", "mxn", "inr"}
_SYMBOL = (r"(?:(?:us|u\.s\.?|c|a|hk|nz|s|mex|usd|aud|cad|nzd|mxn|rs\.?)\s*)?"
           r"[$€£¥₹₩₽₱₡₾₭₿元]|ரூ")


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_LEAD_WORDS = (_BOUND_WORDS | set(L.QUALIFIERS) | set(L.RANGE_OPENERS) | _CURRENCY_WORDS | _CURRENCY_CODES
               | set(L.CURRENCY_WORDS) | set(L.CURRENCY_CODES))
_TRAIL_WORDS = (_CURRENCY_WORDS | _CURRENCY_CODES | set(L.CURRENCY_WORDS) | set(L.CURRENCY_CODES)
                | set(L.RATE_PHRASES) | _TRAILING_BOUNDS)
_LEAD = re.compile(rf"\s*(?:(?:{_alternation(_LEAD_WORDS)})(?!\w)|{_SYMBOL})\s*", re.IGNORECASE)
_TRAIL = re.compile(rf"(?:[\s\-]+|(?<![^\W\d_]))(?:(?:{_alternation(_TRAIL_WORDS)})|{_SYMBOL})\s*$",
                    re.IGNORECASE)


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the edge words the span rule allows to differ (see the module docstring)."""
    a, b = start, end
    changed = True
    while changed:
        changed = False
        m = _LEAD.match(text[a:b])
        if m and 0 < m.end() < b - a:
            a += m.end()
            changed = True
        m = _TRAIL.search(text[a:b])
        if m and m.start() > 0:
            b = a + m.start()
            changed = True
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def spans_agree(text: str, ours: tuple[int, int], theirs: tuple[int, int]) -> bool:
    return core_span(text, *ours) == core_span(text, *theirs)


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _float(text: Any) -> float | None:
    if text is None:
        return None
    text = str(text).strip().rstrip("%").strip()
    if text in ("", "null", "None"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def parse_interval(text: str) -> tuple[float | None, float | None]:
    """RT interval notation: "[20,30)" -> (20, 30); "(,100]" -> (None, 100); "[100,)" -> (100, None)."""
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^\])]*?)\s*[\])]\s*", text or "")
    if not m:
        raise ValueError(f"not an interval: {text!r}")
    return _float(m.group(1)), _float(m.group(2))


def describe(f: Found) -> dict[str, Any]:
    return {"text": f.text, "start": f.start, "end": f.end, "kind": f.kind, "value": f.value, "low": f.low,
            "high": f.high, "qualifier": f.qualifier, "unit": f.unit, "per": f.per}


# --- Recognizers-Text -----------------------------------------------------------------------------

_DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ZWD", "JMD", "BSD", "FJD", "LRD"}
RT_CURRENCY_NAMES: dict[str, set[str]] = {
    "dollar": _DOLLARS, "united states dollar": {"USD"}, "cent": _DOLLARS | {"EUR"},
    "pound": {"GBP"}, "british pound": {"GBP"}, "pence": {"GBP"}, "penny": {"GBP"},
    "franc": {"CHF", "FRF", "BEF", "LUF"}, "swiss franc": {"CHF"}, "euro": {"EUR"},
    "rupee": {"INR", "PKR", "LKR", "NPR"}, "peseta": {"ESP"}, "finnish markka": {"FIM"},
    "netherlands guilder": {"NLG"}, "japanese yen": {"JPY"}, "chinese yuan": {"CNY"}, "bitcoin": {"BTC"},
}
RT_MINOR_UNITS = {"cent", "pence", "penny"}
RT_DIMENSION_UNITS: dict[str, set[str]] = {
    "pound": {"lb"}, "milliliter": {"ml"}, "inch": {"inch"}, "mile": {"mile"}, "barrel": {"barrel"},
    "foot": {"ft"}, "ounce": {"oz"}, "acre": {"acre"}, "gallon": {"gallon"}, "cubic foot": {"ft3"},
    "square meter": {"m2"}, "ton": {"ton", "tonne"}, "metric ton": {"tonne"}, "bit": {"bit"},
    "mile per hour": {"mph", "mile per hour"}, "meter": {"m"}, "kilometer": {"km"}, "millimeter": {"mm"},
    "square kilometer": {"km2"}, "decimeter": {"dm"}, "megabit": {"Mb", "Mbit"}, "megabyte": {"MB"},
    "picometer": {"pm"}, "kilogram": {"kg"}, "microgram": {"µg", "mcg", "ug"}, "gram": {"g"},
    "kilometer per hour": {"km/h", "km per hour"}, "degree": {"degree"}, "centimeter": {"cm"},
}
RT_AGE_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day"}


@dataclass(frozen=True)
class RTSuite:
    name: str
    path: str
    type_name: str
    primary: Callable[[Found], bool]
    optional: Callable[[Found], bool]
    reference: str | None = None
    target: float | None = None
    extra: bool = False


def _kinds(*kinds: str) -> Callable[[Found], bool]:
    return lambda f: f.kind in kinds


def _never(f: Found) -> bool:
    return False


RT_SUITES = [
    RTSuite("RT NumberModel", "recognizers-text/Number/English/NumberModel.json", "number",
            _kinds("count", "ratio", "other"), _kinds("money"), "81.5%", 85.0),
    RTSuite("RT PercentModel", "recognizers-text/Number/English/PercentModel.json", "percentage",
            _kinds("percent"), _never, "100%", 95.0),
    RTSuite("RT NumberRangeModel", "recognizers-text/Number/English/NumberRangeModel.json", "numberrange",
            lambda f: f.low != f.high, lambda f: f.low == f.high, "no range model", 80.0),
    RTSuite("RT CurrencyModel", "recognizers-text/NumberWithUnit/English/CurrencyModel.json", "currency",
            _kinds("money"), _never, "96.9%", 90.0),
    RTSuite("RT DimensionModel (extra)", "recognizers-text/NumberWithUnit/English/DimensionModel.json",
            "dimension", _kinds("measure"), _never, extra=True),
    RTSuite("RT AgeModel (extra)", "recognizers-text/NumberWithUnit/English/AgeModel.json", "age",
            _kinds("duration"), _never, extra=True),
]


@dataclass
class Expected:
    text: str
    start: int
    end: int  # exclusive
    type_name: str
    raw_value: Any
    unit: str | None = None
    iso: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "start": self.start, "end": self.end, "type": self.type_name,
               "value": self.raw_value}
        if self.unit:
            out["unit"] = self.unit
        if self.iso:
            out["iso"] = self.iso
        return out


def rt_expected(case: dict[str, Any]) -> list[Expected]:
    out = []
    for r in case.get("Results", []):
        res = r.get("Resolution") or {}
        start = int(r["Start"])
        out.append(Expected(r.get("Text", ""), start, int(r["End"]) + 1, r.get("TypeName", ""),
                            res.get("value"), res.get("unit"), res.get("isoCurrency")))
    return out


def python_supported(case: dict[str, Any]) -> bool:
    marks = f"{case.get('NotSupported', '')},{case.get('NotSupportedByDesign', '')}".lower()
    return "python" not in marks


def rt_problems(exp: Expected, f: Found) -> list[str]:
    """Why our quantity ``f`` (whose span matches) does not agree with the expected RT result."""
    t = exp.type_name
    problems: list[str] = []
    if t == "numberrange":
        try:
            low, high = parse_interval(str(exp.raw_value))
        except ValueError:
            return [f"value: cannot read {exp.raw_value!r}"]
        if not (close(f.low, low) and close(f.high, high)):
            problems.append(f"value: ours [{f.low}, {f.high}] vs {exp.raw_value}")
        return problems
    want = _float(exp.raw_value)
    kinds = {"number": ("count", "ratio", "other", "money"), "percentage": ("percent",),
             "currency": ("money",), "dimension": ("measure",), "age": ("duration",)}.get(t, ())
    if f.kind not in kinds:
        problems.append(f"kind: ours {f.kind} vs {t}")
    unit_name = (exp.unit or "").lower()
    if t == "currency" and want is not None and unit_name in RT_MINOR_UNITS:
        want /= 100
    if want is None or not close(f.value, want):
        problems.append(f"value: ours {f.value} vs {exp.raw_value}" + (" (minor unit /100)"
                        if t == "currency" and unit_name in RT_MINOR_UNITS else ""))
    if t == "currency":
        accepted = {exp.iso} if exp.iso else RT_CURRENCY_NAMES.get(unit_name)
        if accepted is None:
            problems.append(f"unit: RT unit {exp.unit!r} unmapped (ours {f.unit})")
        elif f.unit not in accepted:
            problems.append(f"unit: ours {f.unit} vs {exp.iso or exp.unit}")
    elif t == "dimension":
        accepted = RT_DIMENSION_UNITS.get(unit_name)
        if accepted is None:
            problems.append(f"unit: RT unit {exp.unit!r} unmapped (ours {f.unit})")
        elif not _unit_in(f, accepted):
            problems.append(f"unit: ours {f.unit}{f' per {f.per}' if f.per else ''} vs {exp.unit}")
    elif t == "age" and f.unit != RT_AGE_UNITS.get(unit_name):
        problems.append(f"unit: ours {f.unit} vs {exp.unit}")
    return problems


def _unit_in(f: Found, accepted: Iterable[str | None]) -> bool:
    """Our unit is accepted as written ("mph") or with its rate ("mile" per "hour" for "mile per hour")."""
    accepted = set(accepted)
    return f.unit in accepted or (f.per is not None and f"{f.unit} per {f.per}" in accepted)


@dataclass
class CaseResult:
    index: int
    text: str
    passed: bool
    expected: list[dict[str, Any]]
    got: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)
    reasons: set[str] = field(default_factory=set)
    python: bool = True
    design: set[str] = field(default_factory=set)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_rt_case(case: dict[str, Any], suite: RTSuite, index: int = 0,
                  finder: Callable[[str], list[Found]] = extract) -> CaseResult:
    text = case["Input"]
    expected = rt_expected(case)
    result = CaseResult(index, text, False, [e.as_dict() for e in expected], [],
                        python=python_supported(case), design=rt_design_categories(case))
    try:
        found = finder(text)
    except Exception as exc:
        result.problems.append(f"crash: {type(exc).__name__}: {exc}")
        result.reasons.add("crash")
        return result
    result.got = [describe(f) for f in found]
    candidates = [f for f in found if suite.primary(f) or suite.optional(f)]
    used: set[int] = set()
    ok = True
    for exp in expected:
        span = (exp.start, exp.end)
        match = next((k for k, f in enumerate(candidates)
                      if k not in used and spans_agree(text, (f.start, f.end), span)), None)
        if match is None:
            ok = False
            near = max(found, key=lambda f: _overlap((f.start, f.end), span), default=None)
            if near is not None and _overlap((near.start, near.end), span) > 0:
                result.problems.append(f"span: expected {exp.text!r}, ours {near.text!r} ({near.kind})")
                result.reasons.add("span")
            else:
                result.problems.append(f"missing: {exp.text!r} = {exp.raw_value}")
                result.reasons.add("missing")
            continue
        used.add(match)
        problems = rt_problems(exp, candidates[match])
        if problems:
            ok = False
            result.problems.extend(f"{exp.text!r}: {p}" for p in problems)
            result.reasons.update(p.split(":", 1)[0] for p in problems)
    for k, f in enumerate(candidates):
        if k not in used and suite.primary(f):
            ok = False
            amount = f.value if f.value is not None else [f.low, f.high]
            result.problems.append(f"extra: {f.text!r} ({f.kind} {amount})")
            result.reasons.add("extra")
    result.passed = ok
    return result


_ORDINAL = re.compile(r"\bthe\s+(?:\w+[-\s])?(?:first|second|third|\w+th|\d+(?:st|nd|rd|th))\b", re.I)
_IP = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
_PHONE = re.compile(r"\+?\d+(?:[-/]\d+){2,}")
_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_ID_BEFORE = re.compile(r"(?:\b(?i:nrs?|nos?|version|vol|flight|section|article|room|route|exit)\.?\s*"
                        r"|\b[A-Z]{2,}-)$")
_DURATION_AFTER = re.compile(r"^\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b", re.I)
_FRAME_BEFORE = re.compile(r"\b(?:in|over|within|for|after|during|next|past|last)\s+$", re.I)


def rt_design_categories(case: dict[str, Any]) -> set[str]:
    """The SPEC exclusions that an RT case's expected results run into (see the module docstring)."""
    text = case["Input"]
    out: set[str] = set()
    for e in rt_expected(case):
        span = (e.start, e.end)
        if e.type_name != "numberrange" and _float(e.raw_value) is None:
            out.add("no number")
            continue
        if e.type_name not in ("number", "numberrange"):
            continue
        if _ORDINAL.search(e.text):
            out.add("ordinal")
        if any(_overlap(span, m.span()) for m in _IP.finditer(text)) or \
                any(_overlap(span, m.span()) for m in _PHONE.finditer(text) if "+" in m.group() or
                    m.group().count("-") >= 2) or _ID_BEFORE.search(text[:e.start]):
            out.add("identifier")
        elif any(_overlap(span, m.span()) for m in _DATE.finditer(text)) or (
                re.fullmatch(r"\d{4}", e.text) and 1600 <= int(e.text) <= 2100
                and not re.search(r"[$€£¥]\s*$", text[:e.start])):
            out.add("year/date")
        if e.text.lower() == "one":
            out.add("one (pronoun/idiom)")
        if e.type_name == "number" and _DURATION_AFTER.match(text[e.end:]) and _FRAME_BEFORE.search(
                text[:e.start]):
            out.add("framing duration")
    return out


def load_json(path: Path) -> Any:
    with path.open(encoding="utf-8-sig") as fh:
        return json.load(fh)


def _rate(passed: int, cases: int) -> float | None:
    return round(100.0 * passed / cases, 1) if cases else None


def run_rt_suite(suite: RTSuite, peers: Path) -> dict[str, Any]:
    cases = load_json(peers / suite.path)
    results = [score_rt_case(c, suite, i) for i, c in enumerate(cases)]
    py = [r for r in results if r.python]
    design_free = [r for r in results if not r.design]
    categories = Counter(cat for r in results for cat in r.design)
    reasons = Counter(reason for r in results if not r.passed for reason in r.reasons)
    passed = sum(r.passed for r in results)
    rate = _rate(passed, len(results))
    return {
        "suite": suite.name, "file": suite.path, "extra": suite.extra,
        "cases": len(results), "passed": passed, "rate": rate,
        "py_cases": len(py), "py_passed": sum(r.passed for r in py),
        "py_rate": _rate(sum(r.passed for r in py), len(py)),
        "design_cases": len(design_free), "design_passed": sum(r.passed for r in design_free),
        "design_rate": _rate(sum(r.passed for r in design_free), len(design_free)),
        "by_design_excluded": len(results) - len(design_free), "by_design_categories": dict(categories),
        "failure_reasons": dict(reasons), "reference_python_port": suite.reference, "target": suite.target,
        "meets_target": None if suite.target is None or rate is None else rate >= suite.target,
        "_results": results,
    }


# --- quantulum3 -----------------------------------------------------------------------------------

_DIMENSIONLESS = ("count", "ratio", "other")


@dataclass(frozen=True)
class Q3Unit:
    kinds: tuple[str, ...]
    units: frozenset[str | None]
    factor: float = 1.0
    per: str | None = None


def _q(kinds: str | tuple[str, ...], *units: str | None, factor: float = 1.0,
       per: str | None = None) -> Q3Unit:
    return Q3Unit((kinds,) if isinstance(kinds, str) else kinds, frozenset(units), factor, per)


Q3_UNITS: dict[str, Q3Unit] = {
    "dimensionless": _q(_DIMENSIONLESS, None),
    "percentage": _q("percent", "%"),
    "dollar": _q("money", "USD"), "euro": _q("money", "EUR"), "pound sterling": _q("money", "GBP"),
    "yen": _q("money", "JPY"), "cent": _q("money", "USD", "EUR", factor=0.01),
    "penny": _q("money", "GBP", factor=0.01), "dime": _q("money", "USD", factor=0.1),
    "dollar per hour": _q("money", "USD", per="hour"),
    "second": _q("duration", "second"), "minute": _q("duration", "minute"), "hour": _q("duration", "hour"),
    "day": _q("duration", "day"), "week": _q("duration", "week"), "month": _q("duration", "month"),
    "year": _q("duration", "year"), "decade": _q("duration", "decade"),
    "count per week": _q(_DIMENSIONLESS, None, per="week"),
    "metre": _q("measure", "m"), "kilometre": _q("measure", "km"), "centimetre": _q("measure", "cm"),
    "millimetre": _q("measure", "mm"), "nanometre": _q("measure", "nm"), "mile": _q("measure", "mile"),
    "inch": _q("measure", "inch"), "foot": _q("measure", "ft"), "yard": _q("measure", "yard"),
    "kilogram": _q("measure", "kg"), "gram": _q("measure", "g"), "milligram": _q("measure", "mg"),
    "tonne": _q("measure", "tonne"), "ton": _q("measure", "ton"), "pound-mass": _q("measure", "lb"),
    "ounce": _q("measure", "oz"), "gallon": _q("measure", "gallon"), "litre": _q("measure", "litre"),
    "centilitre": _q("measure", "cl"), "cubic centimetre": _q("measure", "cm3", "ml"),
    "square kilometre": _q("measure", "km2"), "square mile": _q("measure", "sq mi"),
    "cubic kilometre": _q("measure", "km3"), "acre": _q("measure", "acre"),
    "hectare": _q("measure", "hectare"),
    "watt": _q("measure", "W"), "megawatt hour": _q("measure", "MWh"), "watt hour": _q("measure", "Wh"),
    "kilowatt hour": _q("measure", "kWh"), "byte": _q("measure", "byte"), "megabyte": _q("measure", "MB"),
    "gigabyte": _q("measure", "GB"), "kilometre per hour": _q("measure", "km/h", "km per hour"),
    "mile per hour": _q("measure", "mph", "mile per hour"),
    "ton per day": _q("measure", "ton", "tonne", per="day"),
    "degree Celsius": _q("measure", "°C", "C", "celsius"),
    "degree fahrenheit": _q("measure", "°F", "F", "fahrenheit"),
    "degree Fahrenheit": _q("measure", "°F", "F", "fahrenheit"),
    "kelvin": _q("measure", "K", "kelvin"),
}


def _our_value(f: Found) -> float | None:
    if f.value is not None:
        return f.value
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return f.low if f.low is not None else f.high


def q3_unit_agrees(unit_name: str, f: Found) -> bool | None:
    """True/False, or None when the quantulum3 unit has no mapping (counted as disagreement)."""
    spec = Q3_UNITS.get(unit_name)
    if spec is None:
        return None
    if f.kind not in spec.kinds:
        return False
    if f.per is not None and f"{f.unit} per {f.per}" in spec.units:
        return True
    return f.unit in spec.units and (spec.per is None or f.per == spec.per)


def q3_design_categories(case: dict[str, Any]) -> set[str]:
    text = case["req"]
    out: set[str] = set()
    cursor = 0
    for q in case.get("res", []):
        at = _locate(text, q["surface"], cursor)
        cursor = at + len(q["surface"]) if at >= 0 else cursor
        if q.get("unit") != "dimensionless" or at < 0:
            continue
        surface = q["surface"].strip()
        if re.fullmatch(r"\d{4}", surface) and 1600 <= int(surface) <= 2100:
            out.add("year/decade")
            continue
        before = text[:at]
        word = re.search(r"(\S+)\s*$", before)
        if word is None or re.search(r"(?:^|[.!?]\s+)\S+\s*$", before):
            continue  # nothing before, or the first word of a sentence: capitalised anyway
        name = word.group(1).strip("\"'([“‘")
        if name[:1].isupper() or re.search(r"[A-Za-z]\d", name):
            out.add("number in a name/identifier")
    return out


def _locate(text: str, surface: str, cursor: int) -> int:
    at = text.find(surface, cursor)
    return text.find(surface) if at < 0 else at


@dataclass
class Q3Result:
    index: int
    text: str
    passed: bool
    expected: list[dict[str, Any]]
    got: list[dict[str, Any]]
    value_ok: int = 0
    unit_ok: int = 0
    span_ok: int = 0
    total: int = 0
    problems: list[str] = field(default_factory=list)
    unmapped: set[str] = field(default_factory=set)
    design: set[str] = field(default_factory=set)


def score_q3_case(case: dict[str, Any], index: int = 0,
                  finder: Callable[[str], list[Found]] = extract) -> Q3Result:
    text = case["req"]
    expected = case.get("res", [])
    result = Q3Result(index, text, False, expected, [], total=len(expected),
                      design=q3_design_categories(case))
    try:
        found = finder(text)
    except Exception as exc:
        result.problems.append(f"crash: {type(exc).__name__}: {exc}")
        return result
    result.got = [describe(f) for f in found]
    used: set[int] = set()
    cursor = 0
    all_ok = True
    for q in expected:
        surface = q["surface"]
        at = _locate(text, surface, cursor)
        if at < 0:
            all_ok = False
            result.problems.append(f"surface {surface!r} not in the sentence")
            continue
        cursor = at + len(surface)
        span = (at, at + len(surface))
        best = max((k for k in range(len(found)) if k not in used),
                   key=lambda k: _overlap((found[k].start, found[k].end), span), default=None)
        if best is None or _overlap((found[best].start, found[best].end), span) == 0:
            all_ok = False
            result.problems.append(f"missing: {surface!r} = {q['value']} {q['unit']}")
            if q["unit"] not in Q3_UNITS:
                result.unmapped.add(q["unit"])
            continue
        used.add(best)
        f = found[best]
        spec = Q3_UNITS.get(q["unit"])
        factor = spec.factor if spec else 1.0
        value_ok = close(_our_value(f), float(q["value"]) * factor)
        unit_ok = q3_unit_agrees(q["unit"], f)
        if unit_ok is None:
            result.unmapped.add(q["unit"])
        result.value_ok += value_ok
        result.unit_ok += bool(unit_ok)
        result.span_ok += spans_agree(text, (f.start, f.end), span)
        if not value_ok:
            converted = ""
            if spec and factor != 1:
                converted = f" (x{factor:g} = {float(q['value']) * factor:g})"
            result.problems.append(f"{surface!r}: value ours {_our_value(f)} vs {q['value']}{converted}")
        if not unit_ok:
            result.problems.append(f"{surface!r}: unit ours {f.kind}/{f.unit}/{f.per} vs {q['unit']!r}"
                                   + (" (unmapped)" if unit_ok is None else ""))
        all_ok = all_ok and value_ok and bool(unit_ok)
    if len(found) != len(expected):
        all_ok = False
        extras = [f.text for k, f in enumerate(found) if k not in used]
        result.problems.append(f"count: ours {len(found)} vs {len(expected)}"
                               + (f"; extra {extras}" if extras else ""))
    result.passed = all_ok
    return result


def run_q3_suite(name: str, path: Path) -> dict[str, Any]:
    cases = load_json(path)
    results = [score_q3_case(c, i) for i, c in enumerate(cases)]
    total = sum(r.total for r in results)
    passed = sum(r.passed for r in results)
    design_free = [r for r in results if not r.design]
    unmapped = Counter(u for c in cases for q in c.get("res", []) for u in [q["unit"]] if u not in Q3_UNITS)
    return {
        "suite": name, "file": str(path.relative_to(path.parents[1])), "cases": len(results),
        "passed": passed, "rate": _rate(passed, len(results)),
        "quantities": total, "value_agree": sum(r.value_ok for r in results),
        "value_rate": _rate(sum(r.value_ok for r in results), total),
        "unit_agree": sum(r.unit_ok for r in results),
        "unit_rate": _rate(sum(r.unit_ok for r in results), total),
        "span_agree": sum(r.span_ok for r in results),
        "span_rate": _rate(sum(r.span_ok for r in results), total),
        "design_cases": len(design_free), "design_passed": sum(r.passed for r in design_free),
        "design_rate": _rate(sum(r.passed for r in design_free), len(design_free)),
        "by_design_excluded": len(results) - len(design_free),
        "by_design_categories": dict(Counter(c for r in results for c in r.design)),
        "unmapped_units": dict(unmapped.most_common()),
        "_results": results,
    }


def run_q3_errors(path: Path) -> dict[str, Any]:
    crashes = []
    items = load_json(path)
    for text in items:
        try:
            extract(text)
        except Exception as exc:
            crashes.append({"input": text, "error": f"{type(exc).__name__}: {exc}"})
    return {"suite": "quantulum3 errors.json (crash smoke test)", "cases": len(items),
            "passed": len(items) - len(crashes), "crashes": crashes}


# --- output ---------------------------------------------------------------------------------------

def run_all(peers: Path) -> dict[str, Any]:
    rt = [run_rt_suite(s, peers) for s in RT_SUITES if (peers / s.path).exists()]
    q3 = [run_q3_suite(f"quantulum3 {n}", peers / "quantulum3" / n)
          for n in ("quantities.json", "quantities.ambiguity.json") if (peers / "quantulum3" / n).exists()]
    errors = peers / "quantulum3" / "errors.json"
    return {"peers": str(peers), "timex": TIMEX_STATUS, "recognizers_text": rt, "quantulum3": q3,
            "smoke": run_q3_errors(errors) if errors.exists() else None}


def _public(report: dict[str, Any]) -> dict[str, Any]:
    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if not k.startswith("_")}
    return {**report, "recognizers_text": [clean(s) for s in report["recognizers_text"]],
            "quantulum3": [clean(s) for s in report["quantulum3"]]}


def _pct(rate: float | None) -> str:
    return "   n/a" if rate is None else f"{rate:5.1f}%"


def print_table(report: dict[str, Any], out: Any = sys.stdout) -> None:
    w = out.write
    w(f"peers: {report['peers']}\ntimex: {report['timex']}\n\n")
    w(f"{'suite':<36} {'all cases':>16}  {'python-supported':>16}  {'excl. by design':>16}  "
      f"{'RT py port':>14}  {'target'}\n")
    for s in report["recognizers_text"]:
        target = "" if s["target"] is None else f">={s['target']:.0f}% {'ok' if s['meets_target'] else 'NO'}"
        w(f"{s['suite']:<36} {s['passed']:>4}/{s['cases']:<4} {_pct(s['rate'])}  "
          f"{s['py_passed']:>4}/{s['py_cases']:<4} {_pct(s['py_rate'])}  "
          f"{s['design_passed']:>4}/{s['design_cases']:<4} {_pct(s['design_rate'])}  "
          f"{s['reference_python_port'] or '':>14}  {target}\n")
    for s in report["quantulum3"]:
        w(f"{s['suite']:<36} {s['passed']:>4}/{s['cases']:<4} {_pct(s['rate'])}  {'':>16}  "
          f"{s['design_passed']:>4}/{s['design_cases']:<4} {_pct(s['design_rate'])}\n")
    w("\nquantulum3 per quantity (value / unit agreement; span under the RT span rule, for information):\n")
    for s in report["quantulum3"]:
        w(f"  {s['suite']:<36} value {s['value_agree']}/{s['quantities']} {_pct(s['value_rate'])}   "
          f"unit {s['unit_agree']}/{s['quantities']} {_pct(s['unit_rate'])}   "
          f"span {s['span_agree']}/{s['quantities']} {_pct(s['span_rate'])}\n")
        if s["unmapped_units"]:
            w(f"    unmapped quantulum3 units (never agree): {', '.join(s['unmapped_units'])}\n")
    w("\ncases ruled out by our SPEC (counted as failed above, excluded in the last rate):\n")
    for s in report["recognizers_text"] + report["quantulum3"]:
        cats = ", ".join(f"{k} {v}" for k, v in Counter(s["by_design_categories"]).most_common())
        w(f"  {s['suite']:<36} {s['by_design_excluded']:>3} cases: {cats or '-'}\n")
    w("\nfailure reasons (cases with the reason; a case can have several):\n")
    for s in report["recognizers_text"]:
        reasons = ", ".join(f"{k} {v}" for k, v in Counter(s["failure_reasons"]).most_common())
        w(f"  {s['suite']:<36} {reasons or '-'}\n")
    if report.get("smoke"):
        sm = report["smoke"]
        w(f"\n{sm['suite']}: {sm['passed']}/{sm['cases']} inputs without a crash\n")
        for c in sm["crashes"]:
            w(f"  CRASH {c['input']!r}: {c['error']}\n")


def _short(d: dict[str, Any]) -> str:
    keys = ("text", "kind", "value", "low", "high", "unit", "per")
    return "{" + ", ".join(f"{k}={d[k]!r}" for k in keys if k in d and d[k] is not None) + "}"


def print_failures(report: dict[str, Any], limit: int, out: Any = sys.stdout) -> None:
    w = out.write
    for s in report["recognizers_text"] + report["quantulum3"]:
        failed = [r for r in s["_results"] if not r.passed]
        w(f"\n=== {s['suite']}: {len(failed)} failing, showing {min(limit, len(failed))}\n")
        for r in failed[:limit]:
            flags = []
            if hasattr(r, "python") and not r.python:
                flags.append("not py-supported")
            if r.design:
                flags.append("by design: " + ", ".join(sorted(r.design)))
            w(f"[{r.index}] {r.text!r}" + (f"  ({'; '.join(flags)})" if flags else "") + "\n")
            exp = [{"text": e["text"] if "text" in e else e.get("surface"), "value": e.get("value"),
                    "unit": e.get("unit") or e.get("iso")} for e in r.expected]
            w("    expected: " + ("; ".join(_short(e) for e in exp) or "nothing") + "\n")
            w("    got:      " + ("; ".join(_short(g) for g in r.got) or "nothing") + "\n")
            for p in r.problems:
                w(f"    - {p}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--peers", type=Path, default=DEFAULT_PEERS,
                        help="the peers folder (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--failures", type=int, default=0, metavar="N",
                        help="print up to N failing cases per suite")
    args = parser.parse_args(argv)
    peers: Path = args.peers
    if not (peers / "recognizers-text").is_dir() and not (peers / "quantulum3").is_dir():
        print(f"peers folder not found (or without recognizers-text/ and quantulum3/): {peers}\n"
              "Give it with --peers; it is expected at <repo>/../shared/peers.", file=sys.stderr)
        return 2
    report = run_all(peers)
    if args.json:
        json.dump(_public(report), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_table(report)
    if args.failures:
        print_failures(report, args.failures, out=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
