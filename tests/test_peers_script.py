"""benchmarks/peers.py tells passing from failing cases in both peer formats, and runs on the real suites.

The scoring tests use hand-written cases and a stub scanner (so they test the scoring, not the scanner,
which changes); the last tests run the real script on ../shared/peers when it is there.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.extract.quantities import Found

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "peers.py"
PEERS = REPO.parent / "shared" / "peers"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimledger_peers_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


peers = _load()
SUITES = {s.type_name: s for s in peers.RT_SUITES}


def q(text: str, sentence: str, kind: str = "count", value: float | None = None, low: float | None = None,
      high: float | None = None, unit: str | None = None, per: str | None = None) -> Found:
    """A found quantity at ``text``'s first occurrence in ``sentence``; a point unless low/high given."""
    start = sentence.index(text)
    if value is not None and low is None and high is None:
        low = high = value
    return Found(text=text, start=start, end=start + len(text), kind=kind, value=value, low=low, high=high,
                 unit=unit, per=per)


def finder(*found: Found):
    return lambda text: list(found)


def rt_case(text: str, *results: tuple[str, str, dict]) -> dict:
    """An RT model case; each result is (surface, TypeName, Resolution), placed at its first occurrence."""
    out = []
    for surface, type_name, resolution in results:
        start = text.index(surface)
        out.append({"Text": surface.lower(), "TypeName": type_name, "Resolution": resolution,
                    "Start": start, "End": start + len(surface) - 1})
    return {"Input": text, "Results": out}


# --- the span rule and interval notation -----------------------------------------------------------

def test_core_span_strips_qualifiers_currency_and_rates_only_at_the_edges() -> None:
    text = "about $ 14 million per month and 3 years"
    ours = (0, text.index(" and"))  # "about $ 14 million per month"
    core = (text.index("14"), text.index(" per"))  # "14 million"
    assert peers.core_span(text, *ours) == core
    assert peers.spans_agree(text, ours, core)
    three = text.index("3 years")
    assert not peers.spans_agree(text, (three, three + 7), (three, three + 1))  # other units stay


def test_parse_interval() -> None:
    assert peers.parse_interval("[20,30)") == (20.0, 30.0)
    assert peers.parse_interval("(,100]") == (None, 100.0)
    assert peers.parse_interval("[100,)") == (100.0, None)
    with pytest.raises(ValueError):
        peers.parse_interval("20-30")


# --- Recognizers-Text -----------------------------------------------------------------------------

def test_rt_number_cases() -> None:
    suite = SUITES["number"]
    text = "nearly 2,000 fighters"
    case = rt_case(text, ("2,000", "number", {"value": "2000"}))
    good = finder(q("nearly 2,000", text, value=2000.0, high=2000.0, low=None))
    assert peers.score_rt_case(case, suite, finder=good).passed  # the qualifier may differ
    wrong_value = finder(q("nearly 2,000", text, value=200.0))
    assert "value" in peers.score_rt_case(case, suite, finder=wrong_value).reasons
    extra = finder(q("nearly 2,000", text, value=2000.0), q("fighters", text, value=3.0))
    assert "extra" in peers.score_rt_case(case, suite, finder=extra).reasons

    text = "I want to earn $20 in 3 years"
    case = rt_case(text, ("20", "number", {"value": "20"}), ("3", "number", {"value": "3"}))
    result = peers.score_rt_case(case, suite, finder=finder(q("$20", text, "money", 20.0, unit="USD")))
    assert not result.passed and result.reasons == {"missing"}  # "$20" matches 20, "3" is missing
    assert result.design == {"framing duration"}
    assert peers.rt_design_categories(rt_case("try one last time", ("one", "number", {"value": "1"}))) == {
        "one (pronoun/idiom)"}


def test_rt_percent_cases() -> None:
    suite = SUITES["percentage"]
    text = "sales rose 30 percent in May"
    case = rt_case(text, ("30 percent", "percentage", {"value": "30%"}))
    good = finder(q("30 percent", text, "percent", 30.0, unit="%"))
    assert peers.score_rt_case(case, suite, finder=good).passed
    result = peers.score_rt_case(case, suite, finder=finder(q("30", text, value=30.0)))
    assert not result.passed and "span" in result.reasons
    not_supported = {**case, "NotSupported": "javascript, python"}
    assert not peers.score_rt_case(not_supported, suite, finder=finder()).python


def test_rt_number_range_cases() -> None:
    suite = SUITES["numberrange"]
    text = "between 20 and 30 and more than 100"
    case = rt_case(text, ("between 20 and 30", "numberrange", {"value": "[20,30)"}),
                   ("more than 100", "numberrange", {"value": "(100,)"}))
    good = finder(q("between 20 and 30", text, low=20.0, high=30.0),
                  q("more than 100", text, value=100.0, low=100.0, high=None))
    assert peers.score_rt_case(case, suite, finder=good).passed
    closed = finder(q("between 20 and 30", text, low=20.0, high=30.0), q("100", text, value=100.0))
    result = peers.score_rt_case(case, suite, finder=closed)
    assert not result.passed and result.reasons == {"value"}


def test_rt_currency_cases() -> None:
    suite = SUITES["currency"]
    text = "fined $ 250,000 and c $ 16.4 million ; shares fell 50 cents"
    case = rt_case(text, ("$ 250,000", "currency", {"value": "250000", "unit": "Dollar"}),
                   ("c $ 16.4 million", "currency", {"value": "16400000", "unit": "Canadian dollar",
                                                     "isoCurrency": "CAD"}),
                   ("50 cents", "currency", {"value": "50", "unit": "Cent"}))
    dollars = q("$ 250,000", text, "money", 250000.0, unit="USD")
    cents = q("50 cents", text, "money", 0.5, unit="USD")
    good = finder(dollars, q("c $ 16.4 million", text, "money", 16_400_000.0, unit="CAD"), cents)
    assert peers.score_rt_case(case, suite, finder=good).passed
    wrong_code = finder(dollars, q("$ 16.4 million", text, "money", 16_400_000.0, unit="USD"), cents)
    result = peers.score_rt_case(case, suite, finder=wrong_code)
    assert not result.passed and result.reasons == {"unit"}
    assert peers.rt_design_categories(rt_case("50 dollar dollar", ("dollar", "currency", {"unit": "Dollar"})))


# --- quantulum3 -----------------------------------------------------------------------------------

def test_quantulum3_cases() -> None:
    text = "I want two meters of cotton for £2,000, and 50 to 80% of it"
    case = {"req": text, "res": [
        {"value": 2, "unit": "metre", "surface": "two meters"},
        {"value": 2000, "unit": "pound sterling", "surface": "£2,000"},
        {"value": 65, "unit": "percentage", "surface": "50 to 80%", "uncertainty": 15},
    ]}
    meters = q("two meters", text, "measure", 2.0, unit="m")
    pounds = q("£2,000", text, "money", 2000.0, unit="GBP")
    good = finder(meters, pounds, q("50 to 80%", text, "percent", None, low=50.0, high=80.0, unit="%"))
    result = peers.score_q3_case(case, finder=good)
    assert result.passed and (result.value_ok, result.unit_ok) == (3, 3)

    wrong_unit = finder(q("two meters", text, "measure", 2.0, unit="ft"), pounds,
                        q("50 to 80%", text, "percent", None, low=50.0, high=80.0, unit="%"))
    result = peers.score_q3_case(case, finder=wrong_unit)
    assert not result.passed and (result.value_ok, result.unit_ok) == (3, 2)

    missing = peers.score_q3_case(case, finder=finder(meters, pounds))
    assert not missing.passed and missing.value_ok == 2

    year = {"req": "It increased by 35% by the end of the 1960s",
            "res": [{"value": 1960, "unit": "dimensionless", "surface": "1960"}]}
    assert peers.q3_design_categories(year) == {"year/decade"}
    assert peers.q3_unit_agrees("teraelectronvolt", meters) is None  # unmapped units never agree


# --- the script -----------------------------------------------------------------------------------

def test_missing_peers_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert peers.main(["--peers", str(tmp_path / "nowhere")]) == 2
    assert "peers folder not found" in capsys.readouterr().err


@pytest.mark.shared
@pytest.mark.skipif(not PEERS.is_dir(), reason="needs ../shared/peers")
def test_script_on_the_real_peers() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"),
                                                                      os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, str(SCRIPT), "--json", "--peers", str(PEERS)],
                         capture_output=True, text=True, env=env, timeout=300, check=True)
    report = json.loads(run.stdout)
    rt = {s["suite"]: s for s in report["recognizers_text"]}
    for name in ("RT NumberModel", "RT PercentModel", "RT NumberRangeModel", "RT CurrencyModel"):
        suite = rt[name]
        assert suite["cases"] > 0 and 0 <= suite["rate"] <= 100
        assert suite["design_cases"] <= suite["cases"]
    assert rt["RT NumberModel"]["py_cases"] < rt["RT NumberModel"]["cases"]
    q3 = {s["suite"]: s for s in report["quantulum3"]}
    main = q3["quantulum3 quantities.json"]
    assert main["cases"] > 0 and 0 <= main["rate"] <= 100
    assert 0 <= main["value_rate"] <= 100 and 0 <= main["unit_rate"] <= 100

    table = subprocess.run([sys.executable, str(SCRIPT), "--peers", str(PEERS), "--failures", "2"],
                           capture_output=True, text=True, env=env, timeout=300, check=True).stdout
    assert "RT CurrencyModel" in table and "quantulum3 quantities.json" in table and "expected:" in table
