"""The link stage as pure functions: measure keys, places, subjects, cross_source checks on made-up data."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.link import cross_source_checks, measure_key, normalise_counted, places_in, singular
from claimledger.link.cross import Seen, comparable, partial
from claimledger.link.normalise import needs_subject
from claimledger.link.subjects import same_subject, subject_label, subject_names, subject_of
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
    assert key.key == "foreign fighter|iraq+syria|month|count|"
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


REUTERS_TABLE = "Shr loss nine cts vs profit 13 cts\n    Net loss 231,256 vs profit 341,730"


@pytest.mark.parametrize(
    ("sentence", "title", "speaker", "expect"),
    [
        # a Reuters earnings table: the headline's only ticker
        (REUTERS_TABLE, "DISTRIBUTED LOGIC CORP <DLOG> 1ST QTR LOSS", None, "<dlog>"),
        ("ANAHEIM, Calif., March 3 - Qtr ended Jan 31 Net loss 231,256", "DISTRIBUTED LOGIC <DLOG> LOSS", None,
         "<dlog>"),
        # an unlisted company's name in brackets, without its suffix
        ("Net loss 53,412,000 vs profit 4,479,000", "<PRECAMBRIAN SHIELD RESOURCES LTD> YEAR LOSS", None,
         "<precambrian shield resources>"),
        # the headline's company that the sentence names, of two
        ("For its fourth quarter, Rospatch reported a net loss of 2,649,000 dlrs.",
         "ROSPATCH <RPCH> TO RESPOND TO DIAGNOSTIC <DRS>", None, "<rpch>"),
        # the sentence names another company than the headline's: unclear
        ("Texaco said Pennzoil's claim of 10.3 billion dlrs was too high.", "TEXACO <TX> SAYS", None, None),
        # a ticker in the sentence, only when nothing else is named
        ("First Boston Corp <FBC> said its profit rose to 5 mln dlrs.", None, None, "<fbc>"),
        ("Hutton said First Boston Corp <FBC> bought 5 pct of its stock.", None, None, None),
        ("Acme <ACM> and Globex <GBX> each sold 5 mln shares.", None, None, None),
        # prose: one name, which the headline names too; the speaker is not the subject
        ("Hillary Clinton has won 2,000 delegates, the Associated Press said.",
         "Another big night for Hillary Clinton's campaign",
         "Associated Press", "clinton"),
        ("Clinton has won 2,000 delegates.", "Calif. win could help Sanders make case vs. Clinton", None, "clinton"),
        ("Clinton has won 2,000 delegates.", "Clinton nears the nomination", None, None),  # a headline's opener
        ("Sudan has a foreign debt of 10.6 billion dlrs.", "SUDAN BOOSTS BUDGET CASH FOR DEBT", None, None),
        ("Clinton has won 2,000 delegates.", "Primary results", None, None),
        ("Clinton has won 2,000 delegates.", None, None, None),
        ("Trump leads Clinton by 5 points.", "Trump and Clinton debate", None, None),
        ("Exports rose 5 pct, the ministry said.", "Japan Exports Up", None, None),  # a word that opens a sentence
        ("I've counted 5 sides.", "I've counted", None, None),
        ("In February, 200 fighters crossed into Syria.", "Fighters cross into Syria", None, None),
    ],
)
def test_subject_of(sentence: str, title: str | None, speaker: str | None, expect: str | None) -> None:
    assert subject_of(sentence, title, speaker) == expect


def test_subject_in_the_measure_key() -> None:
    net = q("231,256", 231256, counted="Net loss")
    dlog = measure_key(net, REUTERS_TABLE, "DISTRIBUTED LOGIC CORP <DLOG> 1ST QTR LOSS")
    acme = measure_key(net, REUTERS_TABLE, "ACME CORP <ACM> 1ST QTR LOSS")
    assert dlog is not None and acme is not None
    assert dlog.key == "net loss|||count|<dlog>" and dlog.subject == "<dlog>"
    assert dlog.label == "DLOG: net loss" and subject_label("clinton") == "Clinton"
    assert dlog.key != acme.key, "two companies' losses are two measures"
    # a company's figure whose company is unclear (and no place) is not followed at all
    assert measure_key(net, REUTERS_TABLE) is None
    assert needs_subject("net profit") and needs_subject("loss") and not needs_subject("job loss")
    # ... but one about a place is (a country's retail sales)
    sales = q("5 billion dlrs", 5e9, kind="money", unit="USD", counted="retail sales")
    assert measure_key(sales, "U.S. retail sales rose to 5 billion dlrs.").key == "retail sales|united states||USD|"
    assert measure_key(q("5 mln", 5e6, kind="money", unit="USD", counted="net profit"),
                       "Net profit in Japan rose to 5 mln dlrs.") is None, "whose profit in Japan?"
    # a figure about a place needs no subject, and keeps an empty subject part
    fighters = q("200", 200, counted="foreign fighters")
    assert measure_key(fighters, "200 foreign fighters entered Syria.").key == "foreign fighter|syria||count|"
    # ... unless the sentence names someone whose figure it may be, without a clear subject
    cars = q("395,294", 395294, counted="cars")
    gm = "DETROIT, April 1 - General Motors Corp said it produced 395,294 cars in the U.S. in March."
    assert measure_key(cars, gm, "GM <GM> MARCH U.S. CAR OUTPUT RISES", "DETROIT") is None
    amc = "Domestic sales were off 61 pct to 2,501 cars, American Motors said."
    assert measure_key(cars, amc, "AMERICAN MOTORS <AMO> LATE FEBRUARY SALES OFF", "American Motors").key == (
        "car|united states||count|<amo>"  # "American" is a demonym
    )
    assert measure_key(q("£43m", 43e6, kind="money", unit="GBP", counted="m"), "£43m in the US") is None
    # a figure about nobody in particular (no subject, no place) is not followed
    assert measure_key(fighters, "200 foreign fighters entered the country.") is None
    coupon = q("6.5 pct", 6.5, kind="percent", unit="%", counted="coupon")
    assert measure_key(coupon, "The bonds carry a 6.5 pct coupon.") is None


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
    [check] = cross_source_checks("Acme: worker in ohio", [a, b], "worker|ohio||count|acme")
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


def test_parts_of_a_days_amount_corroborate_but_never_contradict() -> None:
    early = Seen("a/q1", "a", "Reuters", DAY, q("17 mln stg", 17e6, kind="money", unit="GBP"), DAY, DAY,
                 names=frozenset({"bank", "england"}), partial=False)
    further = Seen("b/q1", "b", "Reuters", DAY, q("20 mln stg", 20e6, kind="money", unit="GBP"), DAY, DAY,
                   names=frozenset({"bank", "england"}),
                   partial=partial("The Bank of England said it provided a further 20 mln stg during the morning."))
    assert further.partial
    assert cross_source_checks("assistance in united kingdom (GBP)", [early, further]) == []
    again = Seen("c/q1", "c", "Reuters", DAY, q("20 mln stg", 20e6, kind="money", unit="GBP"), DAY, DAY,
                 names=frozenset({"bank", "england"}))
    [check] = cross_source_checks("assistance in united kingdom (GBP)", [further, again])
    assert check.check.verdict == "consistent"


def test_a_bound_never_contradicts() -> None:
    names = frozenset({"thompson", "medical"})
    cap = Seen("a/q1", "a", "Reuters", DAY, q("up to one mln", None, None, 1e6), DAY, DAY, names=names)
    tendered = Seen("b/q1", "b", "Reuters", DAY, q("about 1,290,000", 1.29e6, 1.161e6, 1.419e6), DAY, DAY,
                    names=names)
    assert cross_source_checks("TM: common share", [cap, tendered]) == []
