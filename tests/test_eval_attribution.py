"""Attribution scoring against PolNeAR-style brat files.

``fixtures/polnear`` holds two tiny hand-written articles in the PolNeAR layout:
``mayor-budget`` (an indirect statement, a direct quote interrupted by its cue, an
"according to", an agentless "were said to", a Discuss note, a stub event without
content, and a second annotator's file that must be ignored) and ``poll-lead`` (a
headline attribution and a Content2 role).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluate_attribution import (
    BratSpan,
    evaluate_polnear,
    load_polnear,
    parse_ann,
    score_statements,
)

FIXTURES = Path(__file__).parent / "fixtures" / "polnear"
POLNEAR_DEV = Path(__file__).parents[2] / "shared" / "attribution" / "polnear-dev"


def articles() -> dict[str, Any]:
    return {a.id: a for a in load_polnear(FIXTURES)}


def find(text: str, words: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start


def statement(text: str, content: str, source: str | None = None, kind: str = "indirect",
              source_nth: int = 0) -> dict[str, Any]:
    """A predicted statement: the first occurrence of ``content``, the ``source_nth`` one of ``source``."""
    start = find(text, content)
    span = None
    if source is not None:
        s = find(text, source, source_nth)
        span = {"text": source, "start": s, "end": s + len(source)}
    return {"id": f"s{start}", "type": kind, "speaker": source, "content": {"start": start,
            "end": start + len(content)}, "cue": None, "source": span}


# --- reading ------------------------------------------------------------------------------------------

def test_load_uses_the_first_annotator_and_skips_notes() -> None:
    mayor = articles()["mayor-budget"]
    assert mayor.annotation == "mayor-budget_a1f0.ann"
    assert [e.id for e in mayor.events] == ["E1", "E2", "E3", "E4"]  # E5 has no content
    quote = mayor.events[1]
    assert quote.content.fragments == ((97, 124), (146, 179))
    assert quote.content.text == '"We are not raising taxes," "and we are not cutting schools."'
    assert (quote.cue.text, quote.source.text, quote.direct) == ("told reporters", "Ruiz", True)
    agentless = mayor.events[3]
    assert agentless.source is None and agentless.cue.text == "were said"
    assert [e.direct for e in mayor.events] == [False, True, False, False]


def test_content2_joins_the_content() -> None:
    poll = articles()["poll-lead"]
    called = poll.events[1]
    assert called.content.text == "the race “still open” turnout would decide it"
    assert called.content.length == 21 + 23
    assert called.direct  # curly quotes inside the content


def test_malformed_line_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"broken\.ann line 2 is not brat standoff"):
        parse_ann("T1\tCue 0 4\tsaid\nT2\tContent zero four\tx", "said", source_name="broken.ann")


def test_brat_span_overlap_counts_fragment_characters() -> None:
    span = BratSpan(((10, 20), (30, 40)))
    assert (span.start, span.end, span.length) == (10, 40, 20)
    assert span.overlap(15, 35) == 10
    assert span.overlap(20, 30) == 0


# --- scoring ------------------------------------------------------------------------------------------

def test_scores_of_a_known_prediction() -> None:
    mayor = articles()["mayor-budget"]
    text = mayor.text
    predicted = [
        statement(text, "The city will spend $2.1 billion next year", "Mayor Ana Ruiz"),  # found, right
        statement(text, '"We are not raising taxes," Ruiz told reporters, "and we are not cutting schools."',
                  "Ruiz", kind="direct", source_nth=1),  # covers both fragments: found, right source
        statement(text, "the deficit is close", "The city", kind="according_to"),  # 20 of 35: found, wrong
        statement(text, "Critics were said to be unhappy"),  # 20 of 34 characters, no gold source: right
        statement(text, "City Budget Grows 4%", "City", kind="according_to"),  # only a Discuss note there
        statement(text, "Critics were said", kind="direct"),  # a real statement, but not a quote
    ]
    score = score_statements(mayor, predicted)
    assert score["all"] == {"content_recall": 1.0, "right_source_recall": 0.75, "precision": 0.833,
                            "events": 4, "found": 4, "found_right_source": 3, "predicted": 6, "correct": 5}
    assert score["direct"] == {"content_recall": 1.0, "right_source_recall": 1.0, "precision": 0.5,
                               "events": 1, "found": 1, "found_right_source": 1, "predicted": 2,
                               "correct": 1}
    assert score["events_without_source"] == 1


def test_half_the_content_is_needed() -> None:
    mayor = articles()["mayor-budget"]
    text = mayor.text
    first_half_only = statement(text, '"We are not raising taxes,"', kind="direct")  # 27 of 60 characters
    score = score_statements(mayor, [first_half_only])
    assert (score["all"]["found"], score["all"]["correct"]) == (0, 1)  # not found, yet not a false alarm
    poll = articles()["poll-lead"]
    turnout = statement(poll.text, "turnout would decide it", "Tom Bell")  # 23 of 44 characters
    assert score_statements(poll, [turnout])["all"]["found_right_source"] == 1


def test_the_source_must_be_the_local_mention() -> None:
    mayor = articles()["mayor-budget"]
    quote = '"We are not raising taxes," Ruiz told reporters, "and we are not cutting schools."'
    earlier_mention = statement(mayor.text, quote, "Ruiz", kind="direct")  # in "Mayor Ana Ruiz": too early
    score = score_statements(mayor, [earlier_mention])
    assert (score["direct"]["found"], score["direct"]["found_right_source"]) == (1, 0)


def test_unusable_statements_count_as_wrong() -> None:
    poll = articles()["poll-lead"]
    broken = [{"id": "s1", "type": "direct", "content": {"start": None, "end": 5}}, "junk",
              {"id": "s2", "type": "indirect", "content": {"start": 40, "end": 40}}]
    score = score_statements(poll, broken)
    assert score["all"]["predicted"] == 3 and score["all"]["correct"] == 0
    assert score["direct"]["predicted"] == 1


def test_no_prediction() -> None:
    score = score_statements(articles()["poll-lead"], [])
    assert score["all"]["content_recall"] == 0.0
    assert score["all"]["precision"] is None  # nothing predicted: no precision to speak of


# --- running ------------------------------------------------------------------------------------------

def _analyzer(fail_on: str | None = None, title: str | None = None) -> Any:
    """Finds the mayor's first statement and the poll's headline; optionally fails or adds a title."""

    def analyze_text(text: str) -> dict[str, Any]:
        if fail_on and fail_on in text:
            raise RuntimeError("parser crashed")
        if "Mayor" in text:
            found = [statement(text, "The city will spend $2.1 billion next year", "Mayor Ana Ruiz")]
        else:
            found = [statement(text, "Lee Leads by Five Points", "Poll", kind="according_to")]
        if title is None:
            return {"document": text, "statements": found}
        shift = len(title) + 2  # the analysed document is title + blank line + text
        for s in found:
            s["content"] = {"start": s["content"]["start"] + shift, "end": s["content"]["end"] + shift}
            s["source"] = {**s["source"], "start": s["source"]["start"] + shift,
                           "end": s["source"]["end"] + shift}
        return {"document": f"{title}\n\n{text}", "statements": found}

    return analyze_text


def test_evaluate_polnear_overall() -> None:
    report = evaluate_polnear(FIXTURES, _analyzer())
    overall = report.overall.to_dict()
    assert overall["all"]["found"] == overall["all"]["found_right_source"] == 2
    assert (overall["all"]["events"], overall["all"]["correct"], overall["all"]["predicted"]) == (7, 2, 2)
    assert report.failed_articles == 0
    text = report.format_text(per_article=True)
    assert "2 articles, 7 gold events, 2 direct or mixed quotes" in text
    assert "content recall                0.286 (2/7)" in text
    assert "analysis failed on 0 of 2 articles" in text
    assert "\nmayor-budget\n" in text
    json.dumps(report.to_dict())


def test_offsets_into_a_titled_document_are_mapped() -> None:
    mapped = evaluate_polnear(FIXTURES, _analyzer(title="A Title Added By Extraction"))
    assert mapped.overall.to_dict() == evaluate_polnear(FIXTURES, _analyzer()).overall.to_dict()


def test_a_failing_analysis_is_counted_and_the_run_goes_on() -> None:
    report = evaluate_polnear(FIXTURES, _analyzer(fail_on="Mayor"))
    assert report.failed_articles == 1
    assert report.errors == ["article 'mayor-budget' counted as missed: "
                             "the analysis raised RuntimeError: parser crashed"]
    overall = report.overall.to_dict()["all"]
    assert (overall["events"], overall["found"]) == (7, 1)  # the mayor's events count as missed
    assert "analysis failed on 1 of 2 articles" in report.format_text()


def test_limit() -> None:
    assert [a.id for a in evaluate_polnear(FIXTURES, _analyzer(), limit=1).articles] == ["mayor-budget"]


@pytest.mark.shared
@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="needs ../shared/attribution (PolNeAR dev)")
def test_real_polnear_dev_parses() -> None:
    corpus = load_polnear(POLNEAR_DEV)
    assert len(corpus) == 84
    events = [e for a in corpus for e in a.events]
    # 2,193 event lines in the first annotators' files; one is a stub without content
    assert len(events) == 2192
    assert sum(e.direct for e in events) == 624
    for article in corpus:
        for event in article.events:
            assert all(0 <= s < e <= len(article.text) for s, e in event.content.fragments)
