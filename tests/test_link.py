"""The link stage as pure functions: measure keys, places, subjects, cross_source checks on made-up data."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.link import cross_source_checks, measure_key, normalise_counted, places_in, singular
from claimledger.link.cross import Seen, comparable
from claimledger.link.subjects import same_subject, subject_names
from claimledger.model import Quantity

DAY = dt.date(2016, 4, 27)


def q(
    text: str,
    value: float | None,
    low: float | None = None,
    high: float | None = None,
    kind: str = "count",
    **kw: object,
) -> Quantity:
    low = value if low is None and "low" not in kw and value is not None else low
    high = value if high is None and value is not None else high
    return Quantity("q1", text, 0, len(text), kind, value, low, high, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("counted", "expect"),
    [
        ("foreign fighters", "foreign fighter"),
        ("the number of foreign fighters", "foreign fighter"),
        ("Syrian refugees", "syrian refugee"),
        ("countries' central banks", "country central bank"),
        ("Special Operations troops", "special operation troop"),
        ("unemployment rate", "unemployment rate"),
        # too vague to follow across articles, or a name taken for the counted thing
        ("people", None),
        ("registered voters", None),
        ("Pentagon", None),
        ("Richard Viguerie", None),
        ("part", None),
        (None, None),
        ("", None),
        ("residents who run the gamut from farmers to professors and more", None),
    ],
)
def test_normalise_counted(counted: str | None, expect: str | None) -> None:
    assert normalise_counted(counted) == expect


@pytest.mark.parametrize(
    ("word", "expect"),
    [
        ("fighters", "fighter"),
        ("countries", "country"),
        ("taxes", "tax"),
        ("churches", "church"),
        ("sales", "sales"),
        ("status", "status"),
        ("men", "man"),
        ("bus", "bus"),
        ("news", "news"),
    ],
)
def test_singular(word: str, expect: str) -> None:
    assert singular(word) == expect


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("Nearly 2,000 fighters a month entered Iraq and Syria.", ("iraq", "syria")),
        ("U.S. officials and British diplomats met.", ("united kingdom", "united states")),
        ("JAPAN TRADE SURPLUS WIDENS", ("japan",)),
        ("Tell us what you think.", ()),
    ],
)
def test_places(sentence: str, expect: tuple[str, ...]) -> None:
    assert places_in(sentence) == expect


def test_measure_key_parts() -> None:
    fighters = q(
        "nearly 2,000 per month",
        2000,
        None,
        2000,
        per="month",
        counted="foreign fighters",
        approximate=True,
        qualifier="nearly",
    )
    key = measure_key(fighters, "Nearly 2,000 foreign fighters per month entered Iraq and Syria.")
    assert key is not None
    assert key.key == "foreign fighter|iraq+syria|month|count"
    assert key.label == "foreign fighter in iraq and syria per month"
    # another place, another rate or another unit is another measure
    assert measure_key(fighters, "Nearly 2,000 foreign fighters per month entered Syria.").key != key.key
    per_year = q("2,000 a year", 2000, per="year", counted="foreign fighters")
    assert measure_key(per_year, "2,000 foreign fighters a year entered Iraq and Syria.").key != key.key
    money = q("$5 million", 5e6, kind="money", unit="USD", counted="foreign fighters")
    assert measure_key(money, "Iraq and Syria paid $5 million to foreign fighters.").unit == "USD"
    # ratios and durations are not levels one follows
    assert (
        measure_key(q("half", 0.5, kind="ratio", counted="foreign fighters"), "half of foreign fighters")
        is None
    )


def test_subjects() -> None:
    assert subject_names("Acme Corp said it employs 5,200 workers in Ohio.") == {"acme"}
    assert subject_names("In February, Director of National Intelligence James Clapper estimated it.") >= {
        "clapper",
        "james",
    }
    assert not same_subject(frozenset({"acme"}), frozenset({"globex"}))
    assert same_subject(frozenset({"acme"}), frozenset({"acme", "ohio"}))


def seen(
    article: str,
    source: str,
    quantity: Quantity,
    start: dt.date = DAY,
    end: dt.date = DAY,
    names: frozenset[str] = frozenset({"acme"}),
) -> Seen:
    return Seen(f"{article}/{quantity.id}", article, source, DAY, quantity, start, end, None, names)


def test_corroboration_names_both_sources_and_figures() -> None:
    a = seen("a", "Daily Planet", q("5,200", 5200))
    b = seen("b", "Ohio Ledger", q("about 5,000", 5000, approximate=True, qualifier="about"))
    [check] = cross_source_checks("worker in ohio", [a, b], "worker|ohio||count")
    assert check.check.kind == "cross_source" and check.check.verdict == "consistent"
    text = check.check.explanation
    assert "Daily Planet" in text and "Ohio Ledger" in text and "5,200" in text and "about 5,000" in text
    assert text.endswith("consistent.")
    assert check.check.quantity_ids == ("a/q1", "b/q1")


def test_contradiction_when_the_figures_cannot_both_hold() -> None:
    a = seen("a", "Daily Planet", q("5,200", 5200))
    c = seen("c", "Union Gazette", q("9,000", 9000))
    [check] = cross_source_checks("worker in ohio", [a, c])
    assert check.check.verdict == "inconsistent"
    assert "5,200" in check.check.explanation and "9,000" in check.check.explanation
    assert "do not overlap" in check.check.explanation


@pytest.mark.parametrize(
    "other",
    [
        # another period (a year earlier), another company, the same article, no period at all
        seen("c", "Union Gazette", q("9,000", 9000), dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
        seen("c", "Union Gazette", q("9,000", 9000), names=frozenset({"globex"})),
        seen("a", "Daily Planet", q("9,000", 9000)),
        Seen("c/q1", "c", "Union Gazette", None, q("9,000", 9000), None, None, None, frozenset({"acme"})),
    ],
)
def test_no_false_contradictions(other: Seen) -> None:
    a = seen("a", "Daily Planet", q("5,200", 5200))
    assert cross_source_checks("worker in ohio", [a, other]) == []


def test_an_article_with_several_values_contradicts_nobody() -> None:
    a = seen("a", "Daily Planet", q("5,200", 5200))
    b1 = seen("b", "Ohio Ledger", q("9,000", 9000))
    b2 = seen("b", "Ohio Ledger", Quantity("q2", "12,000", 0, 6, "count", 12000, 12000, 12000))
    assert cross_source_checks("worker in ohio", [a, b1, b2]) == []


def test_open_intervals_agree_when_they_meet() -> None:
    a = seen("a", "Daily Planet", q("more than 5,000", 5000, 5000, None, qualifier="more than"))
    b = seen("b", "Ohio Ledger", q("9,000", 9000))
    [check] = cross_source_checks("worker in ohio", [a, b])
    assert check.check.verdict == "consistent"


def test_comparable_needs_same_period() -> None:
    a = seen("a", "X", q("1", 1), DAY, DAY)
    b = seen("b", "Y", q("1", 1), DAY, DAY + dt.timedelta(days=1))
    assert not comparable(a, b)


def test_wire_datelines_and_table_labels_name_nobody() -> None:
    assert subject_names("SAN MATEO, Calif., April 13 - Mthly div 7.1 cts vs 7.1 cts prior") == frozenset()
    assert subject_names("Shr 28 cts vs 1.63 dlrs", "ACME CORP <ACM> 3RD QTR NET") == {"acme", "acm"}
    assert normalise_counted("SAN MATEO") is None


def test_relative_periods_compare_only_on_the_same_day() -> None:
    year = (dt.date(1986, 1, 1), dt.date(1986, 12, 31))
    a = Seen("a/q1", "a", "Reuters", dt.date(1987, 4, 9), q("987", 987), *year, "one year ago", frozenset({"hughes"}))
    b = Seen("b/q1", "b", "Reuters", dt.date(1987, 3, 16), q("1,137", 1137), *year, "one year ago",
             frozenset({"hughes"}))
    assert not comparable(a, b)
    assert comparable(a, Seen("c/q1", "c", "AP", dt.date(1987, 4, 9), q("987", 987), *year, "a year ago",
                              frozenset({"hughes"})))


def test_headline_places_must_match() -> None:
    a = Seen("a/q1", "a", "Reuters", DAY, q("10.44 billion", 10.44e9), DAY, DAY, "in January",
             frozenset({"trade"}), ("canada",))
    b = Seen("b/q1", "b", "Reuters", DAY, q("2.87 billion", 2.87e9), DAY, DAY, "in January",
             frozenset({"trade"}), ("south korea",))
    assert cross_source_checks("february export", [a, b]) == []
