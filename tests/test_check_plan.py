"""Which arithmetic an article gets checked, from real sentences: right pairings, and no false alarms."""

from __future__ import annotations

import pytest

import claimledger


@pytest.fixture(scope="module")
def analyze(nlp):
    return lambda text: claimledger.analyze(text, nlp=nlp)


@pytest.mark.parametrize("text", [
    # different things counted: five states are no part of 475 delegates
    "Five other states head to the polls, including California, where 475 delegates are in play.",
    # a part and a whole in one clause, then another figure
    "Twenty-three of the 53 wounded remained hospitalized, six in critical condition.",
    # a lead over ten polls is not the margin of one result
    "Despite leading each of the last 10 Iowa polls by an average of seven percentage points, Mr. Trump was "
    "defeated by Senator Ted Cruz of Texas, who won, 27.6 percent to 24.3 percent.",
    "Those changes at the 189-nation organization, including cuts in the roughly 15,000-member work force, "
    "are at the heart of the complaints.",
    # "of" after another noun is no partitive: 25 mln dlrs is a charge, not a whole (scale corpus, Reuters)
    "Of that, the securities operations of Prudential-Bache netted 81.7 mln dlrs after taxes and a charge of "
    "25 mln dlrs.",
    # "including" far from the figure it would introduce (scale corpus)
    "Ireland have finished runners-up three times, including last year, since the old Five Nations became Six "
    "in 2000, and not finished outside the top three in the past five years.",
    # 22 emails are no part of seven email chains (dev corpus, Politico)
    "Now, though, State has moved to classify and withhold a total of seven email chains and 37 pages of "
    "messages — including 22 emails in total — from its monthly release of Clinton's correspondence.",
    # a poll's margin of error is no lead between two shares (dev corpus, Washington Post)
    "According to the same poll, Clinton's favorability among Hispanics fell in August from 71 percent to 55 "
    "percent, a drop outside the sample's 10 percentage-point margin of error.",
    # a year-on-year rate beside figures for two months (dev corpus, Reuters)
    "Japan's trade surplus with the rest of the world rose by more than 70 pct in February, year-on-year, to "
    "8.14 billion dlrs from 5.7 billion in January, political sources said.",
    # scale corpus (Reuters, BBC): the cue belongs to another phrase
    "Qtly div from income 5.1 cts vs 3.035 dlrs in prior qtr including capital gains of 2.978 dlrs",
    "In its first estimate for 1987, it puts EC plantings at 1.85 mln hectares compared with 1.89 mln in 1986, "
    "while it estimates sowings in Western Europe (including EC) at 2.49 mln hectares compared with 2.50 mln in 1986.",
    "In its Chapter 11 filing OptInRealBig claimed it had assets of less than $10m (£5.29m) but debts of more "
    "than $50m which included the $46m that Microsoft is seeking via its lawsuit.",
    # a period is no whole of an amount
    "Nonrecurring income for three and 12 months 1986 included 575,000 for settlement of litigation and a gain "
    "of 618,719 dlrs on surrender of leaseholds.",
    # a rate on another basis than the two figures
    "Payless Cashways Inc said its sales for the four weeks ended February 28 rose six pct on a comparable store "
    "basis to 108.6 mln dlrs from 89.3 mln dlrs a year ago.",
    # "by" after a participle names who, not how much
    "It said that the 74 pct of the thrifts reporting profits had net after-tax income of 2.3 billion dlrs, up "
    "from 2.0 billion dlrs earned by 77 pct of the profitable industry in the third quarter.",
    # "a third successive month" is an ordinal, not a fraction
    "Public construction outlays rose for a third successive month to 75.2 billion dlrs in January from 71.2 "
    "billion dlrs in December, the department said.",
    # one end lost its scale word ("from 1.042 to 1.504 bln")
    "Venalum's profits rose by around half, from 1.042 to 1.504 bln bolivars.",
    # a net loss may include a larger charge; ships are not tonnes
    "Chi-Chi's posted a third-quarter loss of 10 mln dlrs, including a 20 mln dlr pretax loss from the disposal "
    "of 21 company-owned restaurants.",
    "Four ships are currently loading 32,000 tonnes, including 24,000 for Egypt, 6,000 for Tanzania and 2,000 "
    "for Mauritania.",
    "1986 qtr and nine mths includes charge 4,860,000, or 50 cts per share from strengthening reserve.",
])
def test_no_false_alarm(analyze, text):
    assert not [c for c in analyze(text).checks if c.verdict == "inconsistent"]


def test_a_part_of_its_whole(analyze):
    analysis = analyze("Twenty-three of the 53 wounded remained hospitalized.")
    [check] = [c for c in analysis.checks if c.kind == "part_whole"]
    assert check.verdict == "consistent"


def test_a_lead_against_its_shares(analyze):
    analysis = analyze("The poll shows Clinton with a four-point lead, 46.2 percent to 42.1 percent.")
    [check] = [c for c in analysis.checks if c.kind == "sum"]
    assert check.verdict == "consistent" and "4.1" in check.explanation


def test_a_wrong_lead_is_inconsistent(analyze):
    analysis = analyze("The poll shows Clinton with a nine-point lead, 46 percent to 42 percent.")
    [check] = [c for c in analysis.checks if c.kind == "sum"]
    assert check.verdict == "inconsistent"


def test_shares_adding_up(analyze):
    analysis = analyze("Twitter said the share of conversation was 62% for Trump and 38% for Clinton.")
    [check] = [c for c in analysis.checks if c.kind == "sum"]
    assert check.verdict == "consistent"


def test_of_those_takes_the_whole_from_the_sentence_before(analyze):
    analysis = analyze("The poll surveyed 1,704 California adults. Of those, 996 were identified as likely voters.")
    [check] = [c for c in analysis.checks if c.kind == "part_whole"]
    assert check.verdict == "consistent"


def test_a_gap_between_two_amounts_is_no_part_of_either(analyze):
    analysis = analyze("His haul puts him within $4million of the $37million raised by Democratic front-runner "
                       "Hillary Clinton during the same period.")
    assert not [c for c in analysis.checks if c.kind == "part_whole"]


def test_a_part_out_of_its_whole(analyze):
    analysis = analyze("His campaign said he ended December with $28.4million in available cash out of the "
                       "nearly $73million raised.")
    [check] = [c for c in analysis.checks if c.kind == "part_whole"]
    assert check.verdict == "consistent"


def test_a_headline_figure_repeated_in_the_deck_is_checked_against_the_body(nlp):
    # the gold USA Today article: headline, a deck that repeats it, then the body
    analysis = claimledger.analyze(
        "Is within $4M of Clinton's haul.\n\nBernie Sanders raised more than $33million during the last three "
        "months of 2015, his campaign announced Saturday. His haul puts him within $4million of the $37million "
        "raised by Democratic front-runner Hillary Clinton during the same period.",
        title="Bernie Sanders raises $33M, is within $4M of Clinton's haul", nlp=nlp)
    texts = {q.id: q.text for q in analysis.quantities}
    pairs = {tuple(texts[i] for i in c.quantity_ids) for c in analysis.checks if c.kind == "same_measure"}
    assert ("within $4M", "within $4million") in pairs
    assert all(c.verdict == "consistent" for c in analysis.checks if c.kind == "same_measure")
    headline = [c for c in analysis.checks if c.kind == "same_measure"
                and {texts[i] for i in c.quantity_ids} == {"within $4M", "within $4million"}]
    assert len(headline) == 2   # the headline's and the deck's, each with the body's


@pytest.mark.parametrize(("text", "verdict", "shown"), [
    # a change in points is a difference, not a relative change
    ("Pan Am Corp said February load factor rose two points to 51.9 pct from 49.9 pct a year ago.",
     "consistent", "51.9% − 49.9% = 2 points"),
    # a fraction after "by" is the relative change, read within a tenth of itself
    ("Kloeckner raised profits by nearly a third in the 1985/86 year to 45.2 mln marks from 33.8 mln.",
     "consistent", "stated nearly a third (read as 27%–37%)"),
    ("Indonesia saw its revenue from oil and gas exports halving to 6.5 billion dlrs last year from 12.4 "
     "billion in 1985.", "consistent", "a drop of 47.6%"),
    # a multiplier word is a rounding too; a figure may have been cut rather than rounded
    ("December rod mill wirebar use nearly doubled to 3,148,000 lbs in January from 1,540,000 lbs in December.",
     "consistent", "2.04 times as much"),
    ("Ford Motor Co sales jumped 29.5 pct in the period to 79,249 cars from 61,169 a year ago.",
     "unverifiable", "it holds if 29.5 pct was cut rather than rounded"),
    # and a real discrepancy is still one
    ("The company also reported third quarter sales increased 35 pct to 14.5 mln dlrs from 10.6 mln dlrs.",
     "inconsistent", "a rise of 36.8%"),
    ("Saab losses halved in 2004 to $200m from $500m the previous year.", "inconsistent", "a drop of 60.0%"),
])
def test_a_change_is_read_as_its_words_mean_it(analyze, text, verdict, shown):
    [check] = analyze(text).checks
    assert check.verdict == verdict
    assert shown in check.explanation
