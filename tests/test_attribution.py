"""Who stands behind every figure and every statement, sentence by sentence, in real news phrasing."""

from __future__ import annotations

import pytest

import claimledger
from claimledger.extract.quotes import find_quotes


@pytest.fixture(scope="module")
def analyze(nlp):
    def run(text: str, title: str | None = None):
        return claimledger.analyze(text, title=title, nlp=nlp)
    return run


def attribution_of(analysis, figure: str):
    q = next(q for q in analysis.quantities if q.text == figure)
    return analysis.claim_of(q.id).attribution


@pytest.mark.parametrize(("text", "figure", "kind", "speaker"), [
    ("“We had 2,000 fighters a month,” Maj. Gen. Peter Gersten told reporters.", "2,000", "direct", "Peter Gersten"),
    ("\"Turnout was 61 percent,\" said Skinner.", "61 percent", "direct", "Skinner"),
    ("Patrick Skinner said: “About 300 people left.”", "About 300", "direct", "Patrick Skinner"),
    ("James Clapper estimated that nearly 36,500 fighters had traveled to Syria.", "nearly 36,500", "indirect",
     "James Clapper"),
    ("Exports fell 5 percent last year, according to the Commerce Department.", "5 percent", "according_to",
     "Commerce Department"),
    ("Many jihadists are only receiving half pay, recent defectors have indicated.", "half", "indirect",
     "recent defectors"),
    ("The Pentagon's report shows that 250 troops were sent.", "250", "according_to", "Pentagon report"),
    ("The official news agency MTI said today Hungary would devalue by eight pct.", "eight pct", "indirect", "MTI"),
    ("Unemployment stood at 5.1 percent in March.", "5.1 percent", "author", None),
])
def test_who_stands_behind_a_figure(analyze, text, figure, kind, speaker):
    attribution = attribution_of(analyze(text), figure)
    assert attribution.type == kind
    assert attribution.speaker == speaker


def test_headline_prefix_is_the_source(analyze):
    analysis = analyze("The number has fallen sharply.", title="Pentagon: Flow of Fighters Drops 90%")
    assert attribution_of(analysis, "90%").type == "according_to"
    assert attribution_of(analysis, "90%").speaker == "Pentagon"


def test_titles_stripped_pronouns_resolved_and_described(analyze):
    analysis = analyze(
        "Air Force Maj. Gen. Peter Gersten, the deputy commander for operations, spoke on Tuesday.\n\n"
        "“We saw 2,000 a month,” Maj. Gersten told reporters.\n\n"
        "“Now it is around 200,” he continued.")
    assert attribution_of(analysis, "2,000 a month").speaker == "Peter Gersten"
    assert attribution_of(analysis, "around 200").speaker == "Peter Gersten"
    [gersten] = [s for s in analysis.speakers if s.name == "Peter Gersten"]
    assert "deputy commander for operations" in (gersten.description or "")
    assert {"Maj. Gersten", "he"} <= {m.text for m in gersten.mentions}


def test_the_short_name_of_an_outlet_resolves_to_the_full_one(analyze):
    analysis = analyze("The Washington Post reported the figures on Monday.\n\n"
                       "Patrick Skinner told the Post that 300 fighters had left.")
    assert attribution_of(analysis, "300").speaker == "Washington Post" or \
        attribution_of(analysis, "300").speaker == "Patrick Skinner"
    names = {s.name for s in analysis.speakers}
    assert "Post" not in names


def test_a_quote_split_by_its_attribution_is_one_statement(analyze):
    analysis = analyze("“That speech went beyond the room,” said Donna Brazile, the party chair. "
                       "“It went beyond the moment.”")
    direct = [s for s in analysis.statements if s.type == "direct"]
    assert len(direct) == 1 and direct[0].speaker == "Donna Brazile"
    assert "beyond the room" in direct[0].content.text and "beyond the moment" in direct[0].content.text


def test_a_quote_continuing_the_previous_speaker_inherits_it(analyze):
    analysis = analyze("“We will win 300 seats,” Smith said.\n\n“And then we will govern for 10 years.”")
    assert attribution_of(analysis, "10 years").speaker == "Smith"


def test_a_block_quote_after_a_colon_is_the_cited_outlet(analyze):
    analysis = analyze("The Daily Caller reported that the foundation spent little on charity:\n\n"
                       "Just 5.7 percent of the budget went to grants. The rest, $85 million, went to salaries.")
    assert attribution_of(analysis, "$85 million").speaker == "Daily Caller"


@pytest.mark.parametrize("text", [
    "“This quote never closes and runs on 200 miles",
    "He said ”backwards“ marks and \"straight\" ones \"nested “inside” here\" for 5 people.",
    "“First paragraph of a long quote with 3 figures.\n\n“Second paragraph goes on with 4 more.”",
    " ".join(["he said."] * 500) + " They counted 12 votes.",
    "“We lost 40 percent,” someone said.",
])
def test_odd_quotation_never_crashes(analyze, text):
    analysis = analyze(text)
    for s in analysis.statements:
        assert 0 <= s.content.start <= s.content.end <= len(analysis.document)


def test_a_speaker_never_named_is_unresolved_not_guessed(analyze):
    analysis = analyze("“We lost 40 percent of our members,” he said.")
    assert attribution_of(analysis, "40 percent").type == "direct"
    assert attribution_of(analysis, "40 percent").speaker is None


def test_signals_bear_on_the_speaker_whose_estimate_they_judge(analyze):
    analysis = analyze("Maj. Gen. Peter Gersten said 200 fighters now arrive each month.\n\n"
                       "Patrick Skinner told the Post that Maj. Gersten's estimate is “probably accurate.”")
    q = next(q for q in analysis.quantities if q.text.startswith("200"))
    signals = {(s.type, s.text) for s in analysis.claim_of(q.id).signals}
    assert ("corroboration", "accurate") in signals


def test_quote_marks_pair_within_paragraphs():
    text = "“One,” he said. \"Two.\"\n\n“Three"
    inner = [text[q.inner_start:q.inner_end] for q in find_quotes(text)]
    assert inner == ["One,", "Two.", "Three"]
