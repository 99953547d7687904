"""The analysis JSON Schema: what model.py produces is valid, broken objects are not."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import jsonschema
import pytest

from claimledger.model import (
    Analysis,
    Article,
    Attribution,
    Change,
    Check,
    Claim,
    Interval,
    Quantity,
    Signal,
    Speaker,
    Statement,
    TextSpan,
    TimeExpression,
)
from claimledger.schema import AnalysisValidationError, check_offsets, load_schema, validate_analysis

TITLE = "Pentagon: Flow of Foreign Fighters Drops 90%"
TEXT = ("The flow has dropped by 90 percent, from nearly 2,000 per month to 200, "
        "according to the Pentagon. “Our estimates are down to around 200,” Gersten said.")


def span(document: str, text: str, nth: int = 0) -> TextSpan:
    """The ``nth`` occurrence of ``text`` in ``document`` as a TextSpan."""
    start = -1
    for _ in range(nth + 1):
        start = document.index(text, start + 1)
    return TextSpan(text, start, start + len(text))


def quantity(document: str, qid: str, text: str, **values: Any) -> Quantity:
    s = span(document, text)
    defaults: dict[str, Any] = {"kind": "count", "value": None, "low": None, "high": None}
    return Quantity(id=qid, text=text, start=s.start, end=s.end, **{**defaults, **values})


def make_analysis() -> Analysis:
    article = Article(id="seed", title=TITLE, text=TEXT, published=dt.date(2016, 4, 27),
                      source="Breitbart News", url="https://example.org/seed")
    doc = article.document
    quantities = (
        quantity(doc, "q1", "90%", kind="percent", value=90, low=90, high=90, unit="%"),
        quantity(doc, "q2", "90 percent", kind="percent", value=90, low=90, high=90, unit="%"),
        quantity(doc, "q3", "nearly 2,000 per month", value=2000, high=2000, approximate=True,
                 qualifier="nearly", per="month", counted="foreign fighters"),
        quantity(doc, "q4", "200", value=200, low=200, high=200, per="month"),
    )
    pentagon = Attribution(type="according_to", speaker="Pentagon", cue="according to")
    hedge = Signal(type="hedge", text="Our estimates", start=span(doc, "Our estimates").start,
                   end=span(doc, "Our estimates").end)
    sentence = span(doc, TEXT.split(". ")[0] + ".")
    claims = (
        Claim(id="c1", sentence=span(doc, TITLE), quantity_ids=("q1",), attribution=pentagon,
              measure="relative change of foreign fighters per month"),
        Claim(id="c2", sentence=sentence, quantity_ids=("q2", "q3", "q4"), attribution=pentagon,
              measure="foreign fighters entering per month",
              time=TimeExpression("within the past year", dt.date(2015, 4, 27), dt.date(2016, 4, 27)),
              change=Change(direction="decrease", from_="q3", to="q4", by="q2"), signals=(hedge,)),
    )
    check = Check(id="k1", kind="percent_change", quantity_ids=("q2", "q3", "q4"),
                  stated=Interval(low=90, high=90, value=90), computed=Interval(low=None, high=90.0),
                  verdict="consistent", explanation="From nearly 2,000 to 200 is a drop of at most 90.0%.")
    quote = span(doc, "Our estimates are down to around 200,")
    statement = Statement(id="s1", type="direct", speaker="Peter Gersten", content=quote,
                          cue=span(doc, "said"), source=span(doc, "Gersten"))
    speakers = (Speaker(name="Pentagon", kind="organization", mentions=(span(doc, "Pentagon"),
                                                                         span(doc, "Pentagon", 1))),
                Speaker(name="Peter Gersten", kind="person", description="Maj. Gen.",
                        mentions=(span(doc, "Gersten"),)))
    return Analysis(article=article, quantities=quantities, claims=claims, checks=(check,),
                    statements=(statement,), speakers=speakers, signals=(hedge,))


@pytest.fixture
def analysis() -> dict[str, Any]:
    return make_analysis().to_dict()


def test_schema_is_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_model_output_is_valid(analysis: dict[str, Any]) -> None:
    validate_analysis(analysis)
    assert check_offsets(analysis) == []


def test_minimal_analysis_is_valid() -> None:
    obj = Analysis(Article(id="a1", text="Nothing to count here.")).to_dict()
    validate_analysis(obj)
    assert check_offsets(obj) == []


def test_model_round_trip_stays_valid(analysis: dict[str, Any]) -> None:
    again = Analysis.from_dict(analysis).to_dict()
    validate_analysis(again)
    assert check_offsets(again) == []


def test_extra_properties_are_allowed(analysis: dict[str, Any]) -> None:
    analysis["quantities"][0]["confidence"] = 0.9
    analysis["pipeline"] = {"version": "0.1.0"}
    validate_analysis(analysis)


def _set(obj: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split("/")
    for part in parents:
        obj = obj[int(part)] if isinstance(obj, list) else obj[part]
    if value is _DELETE:
        del obj[last]
    elif isinstance(obj, list):
        obj[int(last)] = value
    else:
        obj[last] = value


_DELETE = object()

INVALID = [
    ("quantities", _DELETE, "(top level): 'quantities' is a required property"),
    ("article/id", 7, "article/id: 7 is not of type 'string'"),
    ("article/published", "27 April 2016", "article/published: '27 April 2016' is not a 'date'"),
    ("quantities/0/kind", "number", "quantities/0/kind: 'number' is not one of"),
    ("quantities/0/id", 1, "quantities/0/id"),
    ("quantities/1/value", "90", "quantities/1/value: '90' is not of type 'number', 'null'"),
    ("quantities/2/approximate", _DELETE, "quantities/2: 'approximate' is a required property"),
    ("quantities/3/start", -1, "quantities/3/start: -1 is less than the minimum of 0"),
    ("claims/0/attribution/type", "quote", "claims/0/attribution/type: 'quote' is not one of"),
    ("claims/1/change/direction", "up", "claims/1/change/direction"),
    ("claims/1/time", "last year", "claims/1/time: 'last year' is not of type 'object', 'null'"),
    ("claims/1/time/end_date", _DELETE, "claims/1/time: 'end_date' is a required property"),
    ("claims/0/sentence", None, "claims/0/sentence: None is not of type 'object'"),
    ("claims/1/quantity_ids/0", 2, "claims/1/quantity_ids/0"),
    ("checks/0/kind", "ratio", "checks/0/kind: 'ratio' is not one of"),
    ("checks/0/verdict", "ok", "checks/0/verdict"),
    ("checks/0/stated", 90, "checks/0/stated: 90 is not of type 'object', 'null'"),
    ("checks/0/computed/low", "90", "checks/0/computed/low"),
    ("statements/0/type", "quote", "statements/0/type"),
    ("statements/0/content", {"start": 3}, "statements/0/content: 'end' is a required property"),
    ("speakers/0/mentions/0/text", _DELETE, "speakers/0/mentions/0: 'text' is a required property"),
    ("signals/0/type", "doubt", "signals/0/type: 'doubt' is not one of"),
]


@pytest.mark.parametrize(("path", "value", "message"), INVALID, ids=[case[0] for case in INVALID])
def test_invalid_objects_are_refused(analysis: dict[str, Any], path: str, value: Any, message: str) -> None:
    broken = copy.deepcopy(analysis)
    _set(broken, path, value)
    with pytest.raises(AnalysisValidationError) as caught:
        validate_analysis(broken)
    assert str(caught.value).startswith("analysis is not valid at ")
    assert message in str(caught.value)
    assert isinstance(caught.value, jsonschema.ValidationError)
    assert isinstance(caught.value, ValueError)


def test_offset_problems_are_reported(analysis: dict[str, Any]) -> None:
    analysis["quantities"][0]["text"] = "90 %"
    analysis["claims"][1]["sentence"]["end"] += 1
    analysis["statements"][0]["cue"]["start"] = 0
    analysis["speakers"][1]["mentions"][0]["end"] = 10_000
    analysis["signals"][0]["text"] = "our estimates"
    analysis["statements"][0]["content"] = {"start": 5, "end": 2}
    problems = check_offsets(analysis)
    assert "quantity 'q1' has text '90 %' but the document at 41-44 reads '90%'." in problems
    assert any(p.startswith("the sentence of claim 'c2' has text") for p in problems)
    assert any(p.startswith("the cue of statement 's1' has text 'said'") for p in problems)
    assert any(p.startswith("mention 0 of speaker 'Peter Gersten' spans") for p in problems)
    assert any(p.startswith("signal 0 ('our estimates')") for p in problems)
    assert not any(p.startswith("signal 0 of claim 'c2'") for p in problems)  # its own copy is intact
    assert "the content of statement 's1' ends at 2, before it starts at 5." in problems
    assert (f"mention 0 of speaker 'Peter Gersten' spans 185-10000, outside the document of "
            f"{len(analysis['document'])} characters.") in problems
    assert len(problems) == 6


def test_id_problems_are_reported(analysis: dict[str, Any]) -> None:
    analysis["claims"][0]["quantity_ids"].append("q3")  # q3 now in two claims
    analysis["claims"][1]["quantity_ids"].remove("q4")  # q4 in none
    analysis["claims"][1]["quantity_ids"].append("q9")
    analysis["claims"][1]["change"]["by"] = "q8"
    analysis["checks"][0]["quantity_ids"].append("q7")
    analysis["checks"].append(dict(analysis["checks"][0]))
    assert check_offsets(analysis) == [
        "id 'k1' is used by 2 checks.",
        "claim 'c2' names quantity 'q9', which does not exist.",
        "the change of claim 'c2' names quantity 'q8' as 'by', which does not exist.",
        "check 'k1' names quantity 'q7', which does not exist.",
        "check 'k1' names quantity 'q7', which does not exist.",
        "quantity 'q3' belongs to 2 claims (c1, c2).",
        "quantity 'q4' belongs to no claim.",
    ]


def test_check_offsets_survives_a_malformed_object() -> None:
    problems = check_offsets({"document": "abc", "quantities": [{"id": "q1", "start": None}],
                              "claims": [{"id": "c1"}]})
    assert problems == ["quantity 'q1' has no integer start and end.", "quantity 'q1' belongs to no claim."]
