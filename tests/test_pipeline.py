"""End to end over real articles: the seed article read as the specification describes it,
and every gold article giving output that matches the shipped JSON Schema."""

from __future__ import annotations

import datetime as dt

import pytest

import claimledger
from claimledger.ingest import read_sources
from claimledger.model import Analysis
from claimledger.pipeline import analyze_article
from claimledger.schema import check_offsets, validate_analysis

from .conftest import FIXTURES, GOLD_FILES


@pytest.fixture(scope="module")
def seed(nlp):
    [article] = list(read_sources([str(FIXTURES / "gold" / "seed-article.txt")], published=dt.date(2016, 4, 27)))
    return analyze_article(article, nlp)


def by_text(analysis: Analysis, text: str):
    return next(q for q in analysis.quantities if q.text == text)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_output_matches_the_schema_and_its_offsets(gold_analyses, path):
    analysis = next(a for p, _, a in gold_analyses if p == path)
    data = analysis.to_dict()
    validate_analysis(data)
    assert check_offsets(data) == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_no_not_quantity_is_reported(gold_analyses, path):
    _, gold, analysis = next(item for item in gold_analyses if item[0] == path)
    spans = [(q["start"], q["end"]) for q in gold["quantities"]]
    document = gold["document"]
    for phrase in gold.get("not_quantities", []):
        at = document.find(phrase)
        while at >= 0:
            for q in analysis.quantities:
                inside_gold = any(min(q.end, e) > max(q.start, s) for s, e in spans)
                assert inside_gold or not (q.start < at + len(phrase) and at < q.end), (phrase, q.text)
            at = document.find(phrase, at + 1)


def test_round_trip_through_json(seed):
    again = Analysis.from_dict(seed.to_dict())
    assert again.to_dict() == seed.to_dict()


@pytest.mark.parametrize(("text", "kind", "low", "high", "qualifier", "per", "speaker", "kind_of_source"), [
    ("90%", "percent", 90, 90, None, None, "Pentagon", "according_to"),
    ("90 percent", "percent", 90, 90, None, None, "Pentagon", "according_to"),
    ("nearly 2,000 per month", "count", None, 2000, "nearly", "month", "Pentagon", "according_to"),
    ("200", "count", 200, 200, None, "month", "Pentagon", "according_to"),
    ("somewhere between 1,500 and 2,000", "count", 1500, 2000, "somewhere between", "month", "Peter Gersten",
     "direct"),
    ("around 200", "count", 200, 200, "around", "month", "Peter Gersten", "direct"),
    ("half", "ratio", 0.5, 0.5, None, None, "recent defectors from ISIS", "indirect"),
    ("nearly 36,500", "count", None, 36500, "nearly", None, "James Clapper", "indirect"),
    ("more than 100", "count", 100, None, "more than", None, "James Clapper", "indirect"),
    ("approximately 6,600", "count", 6600, 6600, "approximately", None, "James Clapper", "indirect"),
    ("250", "count", 250, 250, None, None, "Barack Obama", "indirect"),
])
def test_seed_figures_and_who_stands_behind_them(seed, text, kind, low, high, qualifier, per, speaker,
                                                  kind_of_source):
    q = by_text(seed, text)
    assert (q.kind, q.low, q.high, q.qualifier, q.per) == (kind, low, high, qualifier, per)
    claim = seed.claim_of(q.id)
    assert claim is not None
    assert claim.attribution.type == kind_of_source
    assert claim.attribution.speaker == speaker


def test_seed_changes(seed):
    changes = {c.change for c in seed.claims if c.change}
    ids = {q.text: q.id for q in seed.quantities}
    by_from = {(ch.direction, ch.from_, ch.to, ch.by) for ch in changes}
    assert ("decrease", ids["nearly 2,000 per month"], ids["200"], ids["90 percent"]) in by_from
    assert ("decrease", ids["somewhere between 1,500 and 2,000"], ids["around 200"], None) in by_from
    assert ("decrease", None, None, ids["90%"]) in by_from


def test_seed_checks_hold_and_explain_themselves(seed):
    assert seed.checks, "the seed article has checks"
    assert all(c.verdict == "consistent" for c in seed.checks)
    kinds = {c.kind for c in seed.checks}
    assert {"percent_change", "same_measure", "part_whole"} <= kinds
    drop = next(c for c in seed.checks if c.kind == "percent_change" and by_text(seed, "90 percent").id in
                c.quantity_ids)
    assert "2,000" in drop.explanation and "200" in drop.explanation and "consistent" in drop.explanation


def test_seed_time_resolves_against_the_publication_date(seed):
    claim = seed.claim_of(by_text(seed, "nearly 36,500").id)
    assert claim is not None and claim.time is not None
    assert claim.time.text == "In February"
    assert claim.time.start_date == dt.date(2016, 2, 1) and claim.time.end_date == dt.date(2016, 2, 29)


def test_time_is_left_unresolved_without_a_publication_date(nlp):
    analysis = claimledger.analyze("In February, officials estimated that 300 people had left.", nlp=nlp)
    claim = analysis.claims[0]
    assert claim.time is not None and claim.time.text == "In February"
    assert claim.time.start_date is None and claim.time.end_date is None


def test_seed_speakers_with_descriptions(seed):
    speakers = {s.name: s for s in seed.speakers}
    assert {"Pentagon", "Peter Gersten", "James Clapper", "Barack Obama"} <= set(speakers)
    assert speakers["James Clapper"].description == "Director of National Intelligence"
    assert "deputy commander for operations and intelligence" in (speakers["Peter Gersten"].description or "")
    gersten = {m.text for m in speakers["Peter Gersten"].mentions}
    assert {"Maj. Gersten", "he"} <= gersten


def test_seed_signals(seed):
    found = {(s.type, s.text.lower()) for s in seed.signals}
    assert ("hedge", "estimated") in found
    assert ("corroboration", "consistent with") in found
    assert ("dispute", "accused") in found


def test_analyze_api_returns_typed_objects(nlp):
    analysis = claimledger.analyze("Exports fell 10% to $90 million from $100 million last year.",
                                   title="Exports fall", published="2016-04-27", nlp=nlp)
    assert isinstance(analysis, claimledger.Analysis)
    assert analysis.document.startswith("Exports fall\n\n")
    kinds = [q.kind for q in analysis.quantities]
    assert kinds == ["percent", "money", "money"]
    [check] = [c for c in analysis.checks if c.kind == "percent_change"]
    assert check.verdict == "consistent"


def test_an_inconsistent_change_is_called_out(nlp):
    analysis = claimledger.analyze("Exports fell 50% to $90 million from $100 million last year.", nlp=nlp)
    [check] = [c for c in analysis.checks if c.kind == "percent_change"]
    assert check.verdict == "inconsistent"
    assert "inconsistent" in check.explanation
