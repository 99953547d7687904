"""The checks as the gold files expect them, plus clear failures, rounding edges and properties.

Quantities are built by hand to mirror the gold files in ``/work/shared/gold``
(same text, kind, value, bounds, qualifier and unit); each gold check is
reproduced with the gold's verdict. The one gold check that is ``unverifiable``
for a reason outside arithmetic (west-journal: whether the 3–4 point bounce comes
from this poll) is left out.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimledger.check import (
    difference_check,
    part_whole,
    percent_change,
    reading,
    same_measure,
    sum_check,
)
from claimledger.lang.en_tolerance import QUALIFIER_RULES, RULES
from claimledger.model import Check, Quantity


def q(qid: str, text: str, kind: str, value: float | None, low: float | None = None,
      high: float | None = None, *, point: bool = True, approximate: bool = False,
      qualifier: str | None = None, unit: str | None = None, per: str | None = None) -> Quantity:
    """A quantity as the gold files write it; ``point=True`` fills low/high with the value."""
    if point and low is None and high is None:
        low = high = value
    if kind == "percent" and unit is None:
        unit = "%"
    return Quantity(qid, text, 0, len(text), kind, value, low, high,  # type: ignore[arg-type]
                    approximate=approximate, qualifier=qualifier, unit=unit, per=per)


def nearly(qid: str, text: str, kind: str, value: float, qualifier: str = "nearly", **kw: object) -> Quantity:
    return q(qid, text, kind, value, None, value, point=False, approximate=True, qualifier=qualifier, **kw)  # type: ignore[arg-type]


def more_than(qid: str, text: str, kind: str, value: float, qualifier: str, **kw: object) -> Quantity:
    return q(qid, text, kind, value, value, None, point=False, qualifier=qualifier, **kw)  # type: ignore[arg-type]


def less_than(qid: str, text: str, kind: str, value: float, qualifier: str, **kw: object) -> Quantity:
    return q(qid, text, kind, value, None, value, point=False, qualifier=qualifier, **kw)  # type: ignore[arg-type]


def pct(qid: str, text: str, value: float) -> Quantity:
    return q(qid, text, "percent", value)


def usd(qid: str, text: str, value: float, **kw: object) -> Quantity:
    return q(qid, text, "money", value, unit="USD", **kw)  # type: ignore[arg-type]


# --- seed: "dropped by 90 percent, from nearly 2,000 per month to 200" ------------------------------
SEED = {
    0: pct("0", "90%", 90),
    1: pct("1", "90 percent", 90),
    2: nearly("2", "nearly 2,000 per month", "count", 2000, per="month"),
    3: q("3", "200", "count", 200, per="month"),
    4: q("4", "somewhere between 1,500 and 2,000", "count", None, 1500, 2000, approximate=True,
         qualifier="somewhere between", per="month"),
    5: q("5", "around 200", "count", 200, approximate=True, qualifier="around", per="month"),
    7: nearly("7", "nearly 36,500", "count", 36500),
    9: q("9", "approximately 6,600", "count", 6600, approximate=True, qualifier="approximately"),
}
# --- fakenewsnet BuzzFeed_Fake_15: the Clinton Foundation's 2014 spending ---------------------------
FAKE15 = {
    0: pct("0", "5.7%", 5.7),
    1: pct("1", "5.7 percent", 5.7),
    2: pct("2", "5.7 percent", 5.7),
    3: nearly("3", "a hair under $91.3 million", "money", 91_300_000, "a hair under", unit="USD"),
    4: less_than("4", "less than $5.2 million", "money", 5_200_000, "less than", unit="USD"),
    5: usd("5", "$34.8 million", 34_800_000),
    6: usd("6", "$50.4 million", 50_400_000),
    7: nearly("7", "almost $851K", "money", 851_000, "almost", unit="USD"),
}
# --- fakenewsnet PolitiFact_Real_65: the first 2016 debate's audience -------------------------------
POLITIFACT = {
    0: more_than("0", "Well over 80 million", "count", 80_000_000, "Well over"),
    2: q("2", "84 million", "count", 84_000_000),
    5: q("5", "84 million", "count", 84_000_000),
    6: more_than("6", "Upwards of 18 million", "count", 18_000_000, "Upwards of"),
    **{i: q(str(i), f"{v} million", "count", v * 1e6)
       for i, v in zip(range(7, 15), (13.5, 12.1, 11.4, 9.9, 5.5, 4.9, 2.5, 1.8), strict=True)},
    23: pct("23", "62%", 62), 24: pct("24", "38%", 38), 25: pct("25", "79%", 79), 26: pct("26", "21%", 21),
}
# --- polnear ----------------------------------------------------------------------------------------
BREITBART = {
    0: usd("0", "$25 million", 25_000_000),
    2: usd("2", "about $58 million", 58_000_000, approximate=True, qualifier="about"),
    3: more_than("3", "More than 40 percent", "percent", 40, "More than", unit="%"),
    4: usd("4", "$5 million", 5_000_000),
}
HUFFPOST = {
    0: more_than("0", "More than 6 in 10", "ratio", 0.6, "More than"),
    2: pct("2", "30 percent", 30),
}
NYT = {
    0: pct("0", "46 percent", 46), 1: pct("1", "44 percent", 44),
    2: pct("2", "46 percent", 46), 3: pct("3", "44 percent", 44),
    12: q("12", "1,704", "count", 1704), 13: q("13", "996", "count", 996),
    14: q("14", "plus or minus four percentage points", "percent", 4, qualifier="plus or minus"),
}
POLITICO = {
    0: q("0", "single-digit", "percent", None, 1, 9, approximate=True),
    1: nearly("1", "nearly four in 10", "ratio", 0.4),
    2: pct("2", "39 percent", 39), 3: pct("3", "30 percent", 30), 4: pct("4", "24 percent", 24),
    5: pct("5", "7 percent", 7),
    12: nearly("12", "nearly four in 10", "ratio", 0.4),
    13: pct("13", "38 percent", 38), 17: pct("17", "50 percent", 50), 18: pct("18", "44 percent", 44),
    24: q("24", "1,737", "count", 1737), 26: q("26", "578", "count", 578), 28: q("28", "514", "count", 514),
}
USATODAY = {
    0: usd("0", "$33M", 33_000_000),
    1: less_than("1", "within $4M", "money", 4_000_000, "within", unit="USD"),
    2: less_than("2", "within $4M", "money", 4_000_000, "within", unit="USD"),
    3: more_than("3", "more than $33million", "money", 33_000_000, "more than", unit="USD"),
    4: less_than("4", "within $4million", "money", 4_000_000, "within", unit="USD"),
    5: usd("5", "$37million", 37_000_000),
    6: nearly("6", "nearly $73million", "money", 73_000_000, unit="USD"),
    11: usd("11", "$28.4million", 28_400_000),
    12: nearly("12", "nearly $73million", "money", 73_000_000, unit="USD"),
    13: usd("13", "$112million", 112_000_000),
}
WESTJOURNAL = {
    0: pct("0", "42 percent", 42), 1: pct("1", "46 percent", 46), 2: pct("2", "39 percent", 39),
    6: pct("6", "46 percent", 46), 8: pct("8", "42 percent", 42), 9: pct("9", "39 percent", 39),
    13: pct("13", "four-point", 4), 14: pct("14", "46.2 percent", 46.2), 15: pct("15", "42.1 percent", 42.1),
}
# --- reuters ----------------------------------------------------------------------------------------
REUTERS_15040 = {1: q("1", "48", "count", 48), 4: q("4", "48", "count", 48),
                 5: q("5", "157", "count", 157), 9: q("9", "four", "count", 4)}
REUTERS_3593 = {0: pct("0", "eight pct", 8), 1: pct("1", "eight pct", 8)}
REUTERS_5163 = {
    13: pct("13", "224 pct", 224),
    14: q("14", "131.32", "other", 131.32, unit="point"),
    15: q("15", "424.81", "other", 424.81, unit="point"),
}

S, F, P, B, H, N = SEED, FAKE15, POLITIFACT, BREITBART, HUFFPOST, NYT
PO, U, W = POLITICO, USATODAY, WESTJOURNAL
R1, R2, R3 = REUTERS_15040, REUTERS_3593, REUTERS_5163

# (the check, the gold quantity ids it must use, the gold verdict)
GOLD: list[tuple[str, Callable[[], Check], set[int], str]] = [
    ("seed 90% from nearly 2,000 to 200", lambda: percent_change("c", S[1], S[2], S[3], "decrease"),
     {1, 2, 3}, "consistent"),
    ("seed 90% from 1,500-2,000 to around 200", lambda: percent_change("c", S[0], S[4], S[5], "decrease"),
     {0, 4, 5}, "consistent"),
    ("seed nearly 2,000 vs 1,500-2,000", lambda: same_measure("c", S[2], S[4]), {2, 4}, "consistent"),
    ("seed 200 vs around 200", lambda: same_measure("c", S[3], S[5]), {3, 5}, "consistent"),
    ("seed 6,600 of 36,500", lambda: part_whole("c", S[9], S[7]), {9, 7}, "consistent"),
    ("fake15 5.7% of spending", lambda: part_whole("c", F[4], F[3], F[2]), {2, 4, 3}, "consistent"),
    ("fake15 spending adds up", lambda: sum_check("c", [F[4], F[5], F[6], F[7]], F[3]), {4, 5, 6, 7, 3},
     "consistent"),
    ("fake15 title 5.7%", lambda: same_measure("c", F[0], F[1]), {0, 1}, "consistent"),
    ("fake15 5.7 percent twice", lambda: same_measure("c", F[1], F[2]), {1, 2}, "consistent"),
    ("politifact well over 80m", lambda: same_measure("c", P[0], P[2]), {0, 2}, "consistent"),
    ("politifact 84m twice", lambda: same_measure("c", P[2], P[5]), {2, 5}, "consistent"),
    ("politifact nine of 13 channels", lambda: sum_check("c", [P[i] for i in range(6, 15)], P[2],
                                                         complete=False),
     {6, 7, 8, 9, 10, 11, 12, 13, 14, 2}, "consistent"),
    ("politifact twitter 62+38", lambda: sum_check("c", [P[23], P[24]], 100.0), {23, 24}, "consistent"),
    ("politifact facebook 79+21", lambda: sum_check("c", [P[25], P[26]], 100.0), {25, 26}, "consistent"),
    ("breitbart $25m of about $58m", lambda: part_whole("c", B[0], B[2], B[3]), {0, 2, 3}, "consistent"),
    ("breitbart $5m of $25m", lambda: part_whole("c", B[4], B[0]), {4, 0}, "consistent"),
    ("huffpost 6 in 10 + 30%", lambda: sum_check("c", [H[0], H[2]], 100.0, complete=False), {0, 2},
     "consistent"),
    ("nyt clinton 46% twice", lambda: same_measure("c", N[0], N[2]), {0, 2}, "consistent"),
    ("nyt sanders 44% twice", lambda: same_measure("c", N[1], N[3]), {1, 3}, "consistent"),
    ("nyt lead within the margin", lambda: difference_check("c", N[2], N[3], N[14], within=True),
     {2, 3, 14}, "consistent"),
    ("nyt 996 of 1,704", lambda: part_whole("c", N[13], N[12]), {13, 12}, "consistent"),
    ("politico nearly four in 10 vs 39%", lambda: same_measure("c", PO[1], PO[2]), {1, 2}, "consistent"),
    ("politico nearly four in 10 vs 38%", lambda: same_measure("c", PO[12], PO[13]), {12, 13}, "consistent"),
    ("politico trump single-digit lead", lambda: difference_check("c", PO[2], PO[3], PO[0]), {0, 2, 3},
     "consistent"),
    ("politico clinton single-digit lead", lambda: difference_check("c", PO[17], PO[18], PO[0]),
     {0, 17, 18}, "consistent"),
    ("politico ballot adds to 100", lambda: sum_check("c", [PO[2], PO[3], PO[4], PO[5]], 100.0),
     {2, 3, 4, 5}, "consistent"),
    ("politico subsamples within sample", lambda: part_whole("c", [PO[26], PO[28]], PO[24]), {26, 28, 24},
     "consistent"),
    ("usatoday $33M vs more than $33m", lambda: same_measure("c", U[0], U[3]), {0, 3}, "consistent"),
    ("usatoday within $4M title", lambda: same_measure("c", U[1], U[4]), {1, 4}, "consistent"),
    ("usatoday within $4M subtitle", lambda: same_measure("c", U[2], U[4]), {2, 4}, "consistent"),
    ("usatoday gap within $4m", lambda: difference_check("c", U[5], U[3], U[4]), {3, 4, 5}, "consistent"),
    ("usatoday $33m of nearly $73m", lambda: part_whole("c", U[3], U[6]), {3, 6}, "consistent"),
    ("usatoday nearly $73m twice", lambda: same_measure("c", U[6], U[12]), {6, 12}, "consistent"),
    ("usatoday $28.4m of nearly $73m", lambda: part_whole("c", U[11], U[12]), {11, 12}, "consistent"),
    ("usatoday $37m of $112m", lambda: part_whole("c", U[5], U[13]), {5, 13}, "consistent"),
    ("westjournal clinton 46%", lambda: same_measure("c", W[1], W[6]), {1, 6}, "consistent"),
    ("westjournal trump 39%", lambda: same_measure("c", W[2], W[9]), {2, 9}, "consistent"),
    ("westjournal 42% tied and after", lambda: same_measure("c", W[0], W[8]), {0, 8}, "consistent"),
    ("westjournal four-point lead", lambda: difference_check("c", W[14], W[15], W[13]), {13, 14, 15},
     "consistent"),
    ("reuters-15040 48 patients twice", lambda: same_measure("c", R1[1], R1[4]), {1, 4}, "consistent"),
    ("reuters-15040 four deaths of 157", lambda: part_whole("c", R1[9], R1[5]), {9, 5}, "consistent"),
    ("reuters-3593 eight pct twice", lambda: same_measure("c", R2[0], R2[1]), {0, 1}, "consistent"),
    ("reuters-5163 224 pct at the edge of rounding",
     lambda: percent_change("c", R3[13], R3[14], R3[15], "increase"), {13, 14, 15}, "consistent"),
]


@pytest.mark.parametrize(("name", "make", "ids", "verdict"), GOLD, ids=[g[0] for g in GOLD])
def test_gold_checks(name: str, make: Callable[[], Check], ids: set[int], verdict: str) -> None:
    check = make()
    assert check.verdict == verdict, check.explanation
    assert {str(i) for i in ids} <= set(check.quantity_ids)
    assert check.explanation.endswith(f"— {verdict}.")
    assert check.explanation.count(". ") == 0, "one sentence"
    assert not check.explanation[0].islower()
    check.to_dict()  # JSON-ready


def test_gold_kinds() -> None:
    """Leads and totals are kind "sum" in the gold files; shares and parts "part_whole"."""
    assert difference_check("c", W[14], W[15], W[13]).kind == "sum"
    assert sum_check("c", [P[23], P[24]], 100.0).kind == "sum"
    assert part_whole("c", [PO[26], PO[28]], PO[24]).kind == "part_whole"
    assert percent_change("c", S[1], S[2], S[3]).kind == "percent_change"
    assert same_measure("c", S[3], S[5]).kind == "same_measure"


# --- explanations read as the spec shows ------------------------------------------------------------

def test_seed_explanation_and_intervals() -> None:
    check = percent_change("c1", S[1], S[2], S[3], "decrease")
    assert check.explanation == (
        "From nearly 2,000 to 200 is a drop of 88.9%–90.0% "
        "(nearly 2,000 reads as 1,800–2,000, with rounding); stated 90% (89.5%–90.5%) — consistent."
    )
    assert check.stated is not None and check.computed is not None
    assert (check.stated.low, check.stated.high, check.stated.value) == (89.5, 90.5, 90)
    assert check.computed.low == pytest.approx(100 - 200.5 / 1800 * 100)
    assert check.computed.high == pytest.approx(100 - 199.5 / 2000 * 100)
    assert check.computed.value == pytest.approx(90.0)
    assert check.quantity_ids == ("1", "2", "3")


def test_range_explanation_names_the_approximators() -> None:
    text = percent_change("c", S[0], S[4], S[5]).explanation
    assert text.startswith("From 1,500–2,000 to around 200 is a drop of 83.7%–91.8% (")
    assert "around widens 200 by 10%" in text and "somewhere between widens 1,500–2,000 by 10%" in text


def test_rounding_edge_explanation() -> None:
    check = percent_change("c", R3[13], R3[14], R3[15])
    assert check.explanation == (
        "From 131.32 to 424.81 is a rise of 223.5% (223.48%–223.51% allowing for rounding); "
        "stated 224% (223.5%–224.5%) — consistent."
    )


def test_part_whole_explanations() -> None:
    assert part_whole("c", S[9], S[7]).explanation.startswith("Approximately 6,600 of nearly 36,500 is ")
    share = part_whole("c", F[4], F[3], F[2])
    assert share.explanation.startswith(
        "Less than $5.2 million of a hair under $91.3 million is at most 6.3%")
    assert "stated 5.7% (5.65%–5.75%)" in share.explanation


def test_money_formatting() -> None:
    text = same_measure("c", U[0], U[3]).explanation
    assert text == ("$33 million ($32.5 million–$33.5 million) and more than $33 million "
                    "(at least $33 million) overlap — consistent.")
    eur = q("e", "€2.5 billion", "money", 2.5e9, unit="EUR")
    assert reading(eur).stated == "€2.5 billion"
    huf = q("h", "47 billion forints", "money", 47e9, unit="HUF")
    assert reading(huf).stated == "HUF 47 billion"


# --- clear failures ---------------------------------------------------------------------------------

INCONSISTENT: list[tuple[str, Callable[[], Check]]] = [
    ("from 2,000 to 200, a drop of 50%",
     lambda: percent_change("c", pct("s", "50%", 50), q("b", "2,000", "count", 2000),
                            q("a", "200", "count", 200))),
    ("6 in 10 plus 50% is more than 100%",
     lambda: sum_check("c", [q("a", "6 in 10", "ratio", 0.6), pct("b", "50%", 50)], 100.0)),
    ("6 in 10 plus 50% even as some of a whole",
     lambda: sum_check("c", [q("a", "6 in 10", "ratio", 0.6), pct("b", "50%", 50)], 100.0, complete=False)),
    ("a part larger than its whole",
     lambda: part_whole("c", usd("p", "$50 million", 5e7), usd("w", "$20 million", 2e7))),
    ("parts together larger than the whole",
     lambda: part_whole("c", [q("a", "900", "count", 900), q("b", "900", "count", 900)],
                        q("w", "1,737", "count", 1737))),
    ("a stated share far from part/whole",
     lambda: part_whole("c", usd("p", "$5.2 million", 5.2e6), usd("w", "$91.3 million", 9.13e7),
                        pct("s", "25 percent", 25))),
    ("same measure 46% vs 52%", lambda: same_measure("c", pct("a", "46%", 46), pct("b", "52%", 52))),
    ("parts miss their total",
     lambda: sum_check("c", [pct("a", "39%", 39), pct("b", "30%", 30), pct("c", "20%", 20)], 100.0)),
    ("a stated lead the figures do not give",
     lambda: difference_check("c", pct("a", "46%", 46), pct("b", "44%", 44), pct("g", "six-point", 6))),
    ("a lead outside the margin",
     lambda: difference_check("c", pct("a", "52%", 52), pct("b", "40%", 40),
                              q("m", "plus or minus 4 points", "percent", 4, qualifier="plus or minus"),
                              within=True)),
    ("tripled is not doubled",
     lambda: percent_change("c", q("r", "tripled", "ratio", 3), q("b", "100", "count", 100),
                            q("a", "200", "count", 200))),
    ("a rise where a drop is stated",
     lambda: percent_change("c", pct("s", "20%", 20), q("b", "100", "count", 100),
                            q("a", "120", "count", 120), "decrease")),
    ("224 pct would hold, 225 pct does not",
     lambda: percent_change("c", pct("s", "225 pct", 225), R3[14], R3[15])),
    ("nearly 2,000 cannot be 2,500", lambda: same_measure("c", S[2], q("b", "2,500", "count", 2500))),
]


@pytest.mark.parametrize(("name", "make"), INCONSISTENT, ids=[c[0] for c in INCONSISTENT])
def test_inconsistent(name: str, make: Callable[[], Check]) -> None:
    check = make()
    assert check.verdict == "inconsistent", check.explanation
    assert check.explanation.endswith("— inconsistent.")


def test_inconsistent_explanations() -> None:
    drop = percent_change("c", pct("s", "50%", 50), q("b", "2,000", "count", 2000),
                          q("a", "200", "count", 200))
    assert drop.explanation == ("From 2,000 to 200 is a drop of 90.0% (89.97%–90.03% allowing for rounding); "
                                "stated 50% (49.5%–50.5%) — inconsistent.")
    shares = sum_check("c", [q("a", "6 in 10", "ratio", 0.6), pct("b", "50%", 50)], 100.0)
    assert shares.explanation == ("6 in 10 + 50% = 110% (104.5%–115.5% allowing for rounding), "
                                  "more than the total of 100% — inconsistent.")
    bigger = part_whole("c", usd("p", "$50 million", 5e7), usd("w", "$20 million", 2e7))
    assert bigger.explanation == ("$50 million is more than $20 million: a part larger than its whole "
                                  "— inconsistent.")
    wrong_way = percent_change("c", pct("s", "20%", 20), q("b", "100", "count", 100),
                               q("a", "120", "count", 120), "decrease")
    assert "is a rise of 20.0%" in wrong_way.explanation and "not a drop" in wrong_way.explanation


# --- unverifiable: the comparison would mean nothing -----------------------------------------------

UNVERIFIABLE: list[tuple[str, Callable[[], Check]]] = [
    ("a change from a figure that could be zero",
     lambda: percent_change("c", pct("s", "90%", 90),
                            less_than("b", "fewer than 2,000", "count", 2000, "fewer than"),
                            q("a", "200", "count", 200))),
    ("dollars against euros", lambda: same_measure("c", usd("a", "$5 million", 5e6),
                                                   q("b", "€5 million", "money", 5e6, unit="EUR"))),
    ("per month against per year", lambda: same_measure("c", q("a", "200 a month", "count", 200, per="month"),
                                                        q("b", "2,400 a year", "count", 2400, per="year"))),
    ("a count against money",
     lambda: part_whole("c", q("a", "200", "count", 200), usd("b", "$5 million", 5e6))),
    ("a stated change that is not a percent",
     lambda: percent_change("c", q("s", "90", "count", 90), S[2], S[3])),
    ("no figure at all", lambda: same_measure("c", q("a", "some", "count", None), S[3])),
]


@pytest.mark.parametrize(("name", "make"), UNVERIFIABLE, ids=[c[0] for c in UNVERIFIABLE])
def test_unverifiable(name: str, make: Callable[[], Check]) -> None:
    check = make()
    assert check.verdict == "unverifiable", check.explanation
    assert check.explanation.endswith("— unverifiable.")
    assert check.stated is None and check.computed is None


def test_no_parts_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="needs at least one part"):
        sum_check("c9", [], 100.0)
    with pytest.raises(ValueError, match="needs at least one part"):
        part_whole("c9", [], S[7])


def test_multiples() -> None:
    tripled = q("r", "tripled", "ratio", 3)
    check = percent_change("c", tripled, q("b", "100", "count", 100), q("a", "300", "count", 300))
    assert check.verdict == "consistent"
    assert check.explanation.startswith("From 100 to 300 is 3.00 times as much")
    assert percent_change("c", tripled, R3[14], R3[15]).verdict == "consistent"  # 3.23 rounds to 3


# --- readings: rounding and approximators -----------------------------------------------------------

READINGS: list[tuple[Quantity, float, float, str, str | None]] = [
    (q("q", "224", "count", 224), 223.5, 224.5, "224", "rounding"),
    (q("q", "131.32", "other", 131.32), 131.315, 131.325, "131.32", "rounding"),
    (q("q", "1.5 million", "count", 1.5e6), 1.45e6, 1.55e6, "1.5 million", "rounding"),
    (usd("q", "$33M", 33e6), 32.5e6, 33.5e6, "$33 million", "rounding"),
    (usd("q", "almost $851K", 851e3, approximate=True, qualifier="almost"), 765_900, 851_000,
     "almost $851,000", "approximator 'almost'"),
    (usd("q", "50 cents", 0.5), 0.495, 0.505, "$0.5", "rounding"),
    (pct("q", "eight pct", 8), 7.5, 8.5, "8%", "rounding"),
    (S[2], 1800, 2000, "nearly 2,000", "approximator 'nearly'"),
    (S[4], 1350, 2200, "1,500–2,000", "approximator 'somewhere between'"),
    (S[5], 180, 220, "around 200", "approximator 'around'"),
    (S[9], 5940, 7260, "approximately 6,600", "approximator 'approximately'"),
    (q("q", "between 1,500 and 2,000", "count", None, 1500, 2000, qualifier="between"), 1499.5, 2000.5,
     "1,500–2,000", "rounding"),
    (F[4], 0, 5.2e6, "less than $5.2 million", "bound 'less than'"),
    (less_than("q", "less than 5 percent", "percent", 5, "less than"), -math.inf, 5, "less than 5%",
     "bound 'less than'"),
    (B[3], 40, math.inf, "more than 40%", "bound 'more than'"),
    (P[0], 80e6, math.inf, "well over 80 million", "bound 'well over'"),
    (less_than("q", "up to 400", "count", 400, "up to"), 0, 400, "up to 400", "bound 'up to'"),
    (less_than("q", "as many as 400", "count", 400, "as many as"), 0, 400, "as many as 400",
     "bound 'as many as'"),
    (N[14], 3.5, 4.5, "plus or minus 4%", "rounding"),
    (q("q", "6 in 10", "ratio", 0.6), 0.55, 0.65, "6 in 10", "rounding"),
    (PO[1], 0.36, 0.40, "nearly four in 10", "approximator 'nearly'"),
    (H[0], 0.6, math.inf, "more than 6 in 10", "bound 'more than'"),
    (q("q", "tripled", "ratio", 3), 2.5, 3.5, "tripled", "rounding"),
    (q("q", "half", "ratio", 0.5), 0.495, 0.505, "half", "rounding"),
    (q("q", "two million", "count", 2e6), 1.5e6, 2.5e6, "2 million", "rounding"),
    (q("q", "dozens", "count", None, 24, 99, approximate=True), 24, 99, "dozens", None),
    (PO[0], 1, 9, "single-digit", None),
    (q("q", "three to four percentage points", "percent", None, 3, 4), 2.5, 4.5, "3%–4%", "rounding"),
    (q("q", "10 years", "duration", 10, unit="year"), 9.5, 10.5, "10 years", "rounding"),
    (q("q", "close to 500", "count", 500, approximate=True, qualifier="close to"), 450, 550, "close to 500",
     "approximator 'close to'"),
    (q("q", "just over $33 million", "money", 33e6, 33e6, None, point=False, approximate=True,
       qualifier="just over", unit="USD"), 33e6, 36.3e6, "just over $33 million", "approximator 'just over'"),
]


@pytest.mark.parametrize(("quantity", "low", "high", "stated", "widened_by"), READINGS,
                         ids=[r[0].text for r in READINGS])
def test_reading(quantity: Quantity, low: float, high: float, stated: str, widened_by: str | None) -> None:
    r = reading(quantity)
    assert r.low == pytest.approx(low)
    assert r.high == pytest.approx(high)
    assert r.stated == stated
    assert r.widened_by == widened_by


def test_reading_interval_has_open_ends_as_none() -> None:
    interval = reading(B[3]).to_interval(40)
    assert (interval.low, interval.high, interval.value) == (40, None, 40)


def test_every_qualifier_has_a_rule() -> None:
    assert set(QUALIFIER_RULES.values()) <= set(RULES)


# --- properties -------------------------------------------------------------------------------------

KINDS = ("count", "money", "percent", "other", "measure", "ratio")
SCALES = {"": 1.0, " million": 1e6, " billion": 1e9}


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """A written figure with any qualifier from the table, as an extractor would hand it over."""
    kind = draw(st.sampled_from(KINDS))
    decimals = draw(st.integers(0, 3))
    digits = draw(st.integers(0 if kind in ("percent", "other") else 1, 10**7))
    scale_word = draw(st.sampled_from(list(SCALES))) if kind in ("count", "money") else ""
    number = digits / 10**decimals
    value = number * SCALES[scale_word]
    qualifier = draw(st.one_of(st.none(), st.sampled_from(sorted(QUALIFIER_RULES))))
    sign, percent = ("$" if kind == "money" else ""), ("%" if kind == "percent" else "")
    written = f"{sign}{number:,.{decimals}f}{scale_word}{percent}"
    text = f"{qualifier} {written}" if qualifier else written
    rule = QUALIFIER_RULES.get(qualifier or "", "exact")
    low: float | None = None if rule in ("at_most", "just_under", "up_to") else value
    high: float | None = None if rule in ("at_least", "just_over") else value
    unit = {"money": "USD", "percent": "%", "measure": "km"}.get(kind)
    approximate = rule in ("approximate", "just_under", "just_over")
    return Quantity("q", text, 0, len(text), kind, value, low, high,  # type: ignore[arg-type]
                    approximate=approximate, qualifier=qualifier, unit=unit)


@given(quantities())
def test_readings_have_low_at_most_high(quantity: Quantity) -> None:
    r = reading(quantity)
    assert r.low <= r.high
    assert not math.isnan(r.low) and not math.isnan(r.high)


@given(quantities())
def test_reading_contains_the_written_figure(quantity: Quantity) -> None:
    r = reading(quantity)
    assert quantity.value is not None
    assert r.low <= quantity.value <= r.high or math.isclose(r.low, quantity.value) or math.isclose(
        r.high, quantity.value)


@given(quantities())
def test_a_quantity_agrees_with_itself(quantity: Quantity) -> None:
    check = same_measure("c", quantity, quantity)
    assert check.verdict == "consistent", check.explanation


@given(st.integers(1, 10**7), st.integers(0, 10**7), st.integers(0, 2), st.integers(0, 3))
def test_exact_percent_change_is_consistent(before: int, after: int, before_decimals: int,
                                            stated_decimals: int) -> None:
    b = before / 10**before_decimals
    a = after / 10**before_decimals
    exact = (a - b) / b * 100
    direction = "increase" if exact >= 0 else "decrease"
    size = round(abs(exact), stated_decimals)
    stated = pct("s", f"{size:.{stated_decimals}f}%", size)
    check = percent_change("c", stated, q("b", f"{b:,.{before_decimals}f}", "count", b),
                           q("a", f"{a:,.{before_decimals}f}", "count", a), direction)
    assert check.verdict == "consistent", check.explanation


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=6), st.integers(0, 10**6))
def test_exact_parts_add_up_and_fit_their_whole(parts: list[int], extra: int) -> None:
    quantities_ = [q(f"p{i}", f"{v:,}", "count", v) for i, v in enumerate(parts)]
    total = sum(parts)
    assert sum_check("c", quantities_, q("t", f"{total:,}", "count", total)).verdict == "consistent"
    whole = q("w", f"{total + extra:,}", "count", total + extra)
    assume(total + extra > 0)
    assert part_whole("c", quantities_, whole).verdict == "consistent"


@given(quantities())
def test_an_approximator_never_narrows(quantity: Quantity) -> None:
    """"about X" covers at least what "X" covers."""
    assume(quantity.qualifier is None)
    assert quantity.value is not None
    value = quantity.value
    about = Quantity(quantity.id, f"about {quantity.text}", 0, 0, quantity.kind, value, value, value,
                     approximate=True, qualifier="about", unit=quantity.unit)
    plain, wide = reading(quantity), reading(about)
    assert wide.low <= plain.low and wide.high >= plain.high
