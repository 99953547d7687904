"""claimledger.evaluate agrees with the independent scorer (reference_score.py) on the gold files."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import random
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from claimledger import evaluate as ev
from claimledger.model import Article
from claimledger.schema import check_offsets, validate_analysis

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"
GOLD_PATHS = sorted(GOLD_DIR.glob("*.gold.json"))
QUANTITY_FIELDS = ("text", "start", "end", "kind", "value", "low", "high", "approximate", "qualifier",
                   "unit", "per", "counted")


def _load_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", GOLD_DIR / "reference_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reference = _load_reference()


def _qid(gold_id: Any) -> str | None:
    return None if gold_id is None else f"q{gold_id}"


def gold_to_analysis(gold: dict[str, Any]) -> dict[str, Any]:
    """The analysis a perfect system would output for a gold file (SPEC analysis JSON)."""
    document = gold["document"]
    quantities = [{"id": _qid(q["id"]), **{k: q[k] for k in QUANTITY_FIELDS}} for q in gold["quantities"]]
    claims = [
        {"id": f"c{q['id']}", "sentence": {"text": q["text"], "start": q["start"], "end": q["end"]},
         "quantity_ids": [_qid(q["id"])],
         "attribution": {**q["attribution"], "description": None, "cue": None},
         "measure": q.get("measure"), "time": None, "change": None, "signals": []}
        for q in gold["quantities"]
    ]
    claim_of = {c["quantity_ids"][0]: c for c in claims}
    for i, change in enumerate(gold.get("changes", [])):
        spec_change = {"direction": change["direction"], "period": change.get("period"),
                       **{role: _qid(change.get(role)) for role in ("from", "to", "by")}}
        anchors = [spec_change[role] for role in ("by", "to", "from") if spec_change[role]]
        claim = next((claim_of[a] for a in anchors if claim_of[a]["change"] is None), None)
        if claim is None:  # every anchor's claim already has a change: a claim of its own
            claim = {**claims[0], "id": f"change{i}", "quantity_ids": [],
                     "sentence": {"text": "", "start": 0, "end": 0}}
            claims.append(claim)
        claim["change"] = spec_change
    checks = [{"id": f"k{i}", "kind": k["kind"], "quantity_ids": [_qid(j) for j in k["quantities"]],
               "stated": None, "computed": None, "verdict": k["verdict"], "explanation": k.get("why", "")}
              for i, k in enumerate(gold.get("checks", []))]
    speakers = [{"name": s["name"], "kind": s["kind"], "description": s.get("description"),
                 "mentions": [{"text": m, "start": document.find(m), "end": document.find(m) + len(m)}
                              for m in s.get("mentions", []) if m in document]}
                for s in gold.get("speakers", [])]
    signals = [{k: s[k] for k in ("type", "text", "start", "end")} for s in gold.get("signals", [])]
    return {"article": ev.gold_article(gold).to_dict(), "document": document, "quantities": quantities,
            "claims": claims, "checks": checks, "statements": [], "speakers": speakers, "signals": signals}


@pytest.fixture(scope="module", params=GOLD_PATHS, ids=lambda p: p.name.removesuffix(".gold.json"))
def gold(request: pytest.FixtureRequest) -> dict[str, Any]:
    return ev.load_gold(request.param)


def assert_agree(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    """Both scorers give the same per-file and combined numbers; returns the combined ones."""
    ours, theirs = ev.score_file(gold, pred), reference.score_one(gold, copy.deepcopy(pred))
    assert ours == theirs
    assert ev.combine([ours]) == reference.combine([theirs])
    return ev.combine([ours])


# --- a gold file scored against itself --------------------------------------------------------------

def test_gold_as_prediction_is_valid_analysis(gold: dict[str, Any]) -> None:
    analysis = gold_to_analysis(gold)
    validate_analysis(analysis)
    assert check_offsets(analysis) == []


def test_gold_against_itself_is_perfect(gold: dict[str, Any]) -> None:
    total = assert_agree(gold, gold_to_analysis(gold))
    assert (total["precision"], total["recall"], total["f1"]) == (1.0, 1.0, 1.0)
    assert set(total["field_acc"].values()) <= {1.0, None}
    assert total["type_acc"] == 1.0
    assert total["speaker_acc"] in (1.0, None)
    for rate in ("change_recall", "check_recall", "signal_recall"):
        assert total[rate] in (1.0, None)
    assert total["false_alarms"] == 0
    assert total["not_quantity_fp"] == 0


def test_empty_prediction_agrees(gold: dict[str, Any]) -> None:
    total = assert_agree(gold, {})
    assert total["recall"] == 0.0


# --- perturbed predictions ----------------------------------------------------------------------------

Perturb = Callable[[dict[str, Any], dict[str, Any]], None]


def drop_every_third_quantity(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    dropped = {q["id"] for q in pred["quantities"][::3]}
    pred["quantities"] = [q for q in pred["quantities"] if q["id"] not in dropped]
    for claim in pred["claims"]:
        claim["quantity_ids"] = [i for i in claim["quantity_ids"] if i not in dropped]


def shift_values(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    for n, q in enumerate(pred["quantities"]):
        factor = (1.01, 1.003, 1.0)[n % 3]  # beyond the 0.5% tolerance, within it, unchanged
        for key in ("value", "low", "high"):
            if q[key] is not None:
                q[key] = q[key] * factor


def flip_verdicts(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    for check in pred["checks"][:1]:
        check["verdict"] = "inconsistent"
    ids = [q["id"] for q in pred["quantities"][:2]]
    pred["checks"].append({"id": "extra", "kind": "sum", "quantity_ids": ids, "stated": None,
                           "computed": None, "verdict": "inconsistent", "explanation": "made up"})


def wrong_speakers(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    for n, claim in enumerate(pred["claims"]):
        speaker = claim["attribution"]["speaker"] or "Someone Else"
        claim["attribution"]["speaker"] = [
            "Nobody", speaker.split()[-1], f"the {speaker.upper()}", "he", None, f"{speaker}, who spoke",
            "Someone " + speaker.split()[-1],
        ][n % 7]
        if n % 5 == 0:
            claim["attribution"]["type"] = "author"


def wrong_fields(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    for n, q in enumerate(pred["quantities"]):
        if n % 2:
            q["kind"] = "other"
            q["unit"] = "" if q["unit"] is None else None
        if n % 3 == 0:
            q["approximate"] = not q["approximate"]
            q["per"] = "year"
            q["counted"] = " ".join((q["counted"] or "").split()[-1:]) or None  # the head noun only


def wrong_changes(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    changed = [c["change"] for c in pred["claims"] if c["change"]]
    for n, change in enumerate(changed):
        if n % 2:
            change["direction"] = "increase" if change["direction"] == "decrease" else "decrease"
        else:
            change["from"], change["to"] = change["to"], change["from"]


def wrong_signals(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    for n, signal in enumerate(pred["signals"]):
        if n % 2 == 0:
            signal["type"] = "dispute" if signal["type"] != "dispute" else "hedge"
    pred["signals"].append({"type": "hedge", "text": "x", "start": "7", "end": None})


def report_not_quantities(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    document = gold["document"]
    for n, phrase in enumerate(gold.get("not_quantities", [])):
        start = document.find(phrase)
        if start >= 0:
            pred["quantities"].append({"id": f"nq{n}", "text": phrase, "start": start,
                                       "end": start + len(phrase), "kind": "count", "value": 1,
                                       "low": 1, "high": 1})


def malformed_and_duplicate_quantities(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    first = pred["quantities"][0]
    pred["quantities"] += [
        {**first, "id": "dup"},
        {**first, "id": "no-start", "start": None},
        {"id": "no-end", "start": 3},
        {**first, "id": "as-text", "start": str(first["start"]), "end": str(first["end"])},
        "not a quantity",
    ]


def edit_document(pred: dict[str, Any], gold: dict[str, Any], move_offsets: bool = True) -> None:
    """Another extraction of the same page: a prefix, a few replaced characters, a stray blank."""
    document = gold["document"]
    middle = len(document) // 2
    prefix = "BREAKING: "
    replaced = document[:middle] + "@#!" + document[middle + 3:]
    pred["document"] = prefix + replaced[:middle + 40] + "  " + replaced[middle + 40:]

    def moved(offset: int) -> int:
        return offset + len(prefix) + (2 if offset >= middle + 40 else 0)

    if move_offsets:
        for span in [*pred["quantities"], *pred["signals"]]:
            start, end = (span.get("start"), span.get("end")) if isinstance(span, dict) else (None, None)
            if isinstance(start, int) and isinstance(end, int):
                span["start"], span["end"] = moved(start), moved(end)


def edit_document_keep_offsets(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    edit_document(pred, gold, move_offsets=False)


def drop_document(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    del pred["document"]


# in the order they can be combined: malformed items last, as the others expect well-formed ones
PERTURBATIONS: list[Perturb] = [
    drop_every_third_quantity, shift_values, flip_verdicts, wrong_speakers, wrong_fields, wrong_changes,
    wrong_signals, report_not_quantities, edit_document, edit_document_keep_offsets, drop_document,
    malformed_and_duplicate_quantities,
]


@pytest.mark.parametrize("perturb", PERTURBATIONS, ids=lambda f: f.__name__)
def test_perturbed_prediction_agrees(gold: dict[str, Any], perturb: Perturb) -> None:
    pred = gold_to_analysis(gold)
    perturb(pred, gold)
    assert_agree(gold, pred)


def test_perturbations_change_the_scores() -> None:
    """The perturbations do bite, so agreement above is not agreement on perfect scores only."""
    gold = ev.load_gold(GOLD_DIR / "seed.gold.json")
    totals = {}
    for perturb in PERTURBATIONS:
        pred = gold_to_analysis(gold)
        perturb(pred, gold)
        totals[perturb.__name__] = ev.combine([ev.score_file(gold, pred)])
    assert totals["drop_every_third_quantity"]["recall"] < 1.0
    assert totals["shift_values"]["recall"] < 1.0
    assert totals["flip_verdicts"]["false_alarms"] == 2
    assert totals["wrong_speakers"]["speaker_acc"] < 1.0
    assert totals["wrong_fields"]["field_acc"]["kind"] < 1.0
    assert totals["wrong_changes"]["change_recall"] < 1.0
    assert totals["wrong_signals"]["signal_recall"] < 1.0
    assert totals["report_not_quantities"]["not_quantity_fp"] > 0
    assert totals["malformed_and_duplicate_quantities"]["precision"] < 1.0
    assert totals["edit_document"]["recall"] == 1.0  # offsets mapped back onto the gold document
    assert totals["edit_document_keep_offsets"]["recall"] < 1.0


@pytest.mark.parametrize("seed", range(8))
def test_random_mixtures_agree(seed: int) -> None:
    rng = random.Random(seed)
    golds = [ev.load_gold(path) for path in GOLD_PATHS]
    ours, theirs = [], []
    for gold in golds:
        pred = gold_to_analysis(gold)
        for perturb in sorted(rng.sample(PERTURBATIONS, k=3), key=PERTURBATIONS.index):
            perturb(pred, gold)
        rng.shuffle(pred["quantities"])
        ours.append(ev.score_file(gold, pred))
        theirs.append(reference.score_one(gold, copy.deepcopy(pred)))
    assert ours == theirs
    assert ev.combine(ours) == reference.combine(theirs)


def test_combine_of_nothing_agrees() -> None:
    assert ev.combine([]) == reference.combine([])


def test_offset_map_agrees_with_reference() -> None:
    source = "Pentagon: flow of fighters drops 90%, from nearly 2,000 a month to 200."
    target = "BREAKING Pentagon: flow of fighter drops by 90%, from nearly 2,000 a month to 200!"
    ours, theirs = ev.offset_map(source, target), reference.offset_map(source, target)
    assert [ours(i) for i in range(-2, len(source) + 3)] == [theirs(i) for i in range(-2, len(source) + 3)]


# --- the API around the scorer ----------------------------------------------------------------------

def test_speaker_matches_names_mentions_and_surnames() -> None:
    speakers = [{"name": "Peter Gersten", "kind": "person", "mentions": ["Maj. Gersten", "he"]},
                {"name": "The Pentagon", "kind": "organization", "mentions": ["the Pentagon’s"]}]
    assert ev.speaker_matches("peter gersten", "Peter Gersten", speakers)
    assert ev.speaker_matches("Gen. Gersten", "Peter Gersten", speakers)
    assert not ev.speaker_matches("he", "Peter Gersten", speakers)
    assert ev.speaker_matches("Pentagon", "The Pentagon", speakers)
    assert ev.speaker_matches("the Pentagon's", "The Pentagon", speakers)
    assert not ev.speaker_matches(None, "The Pentagon", speakers)


def test_gold_article_rebuilds_the_document(gold: dict[str, Any]) -> None:
    article = ev.gold_article(gold)
    assert isinstance(article, Article)
    assert article.document == gold["document"]
    assert article.id == gold["article"]["id"]


def test_load_gold_without_document(tmp_path: Path) -> None:
    gold = json.loads((GOLD_DIR / "seed.gold.json").read_text(encoding="utf-8"))
    document = gold.pop("document")
    held_out = {**gold, "article": {k: v for k, v in gold["article"].items() if k != "text"}}
    path = tmp_path / "held-out.gold.json"
    path.write_text(json.dumps(held_out), encoding="utf-8")
    assert ev.load_gold(path, documents={"seed-foreign-fighters": document})["document"] == document
    with pytest.raises(ValueError, match="has no document"):
        ev.load_gold(path)
    path.write_text(json.dumps(gold), encoding="utf-8")  # body text present: the document is rebuilt
    assert ev.load_gold(path)["document"] == document


def test_load_prediction_picks_the_article(tmp_path: Path) -> None:
    path = tmp_path / "analyses.jsonl"
    path.write_text('{"article": {"id": "a"}}\n{"article": {"id": "b"}}\n', encoding="utf-8")
    assert ev.load_prediction(path, "b")["article"]["id"] == "b"
    assert ev.load_prediction(path, "zzz")["article"]["id"] == "a"


def _perfect_analyzer() -> Callable[[Article], dict[str, Any]]:
    by_id = {g["article"]["id"]: gold_to_analysis(g) for g in map(ev.load_gold, GOLD_PATHS)}
    return lambda article: by_id[article.id]


def test_evaluate_runs_every_gold_article() -> None:
    report = ev.evaluate(GOLD_PATHS, _perfect_analyzer())
    assert len(report.files) == len(GOLD_PATHS) == 13
    assert (report.overall["precision"], report.overall["recall"]) == (1.0, 1.0)
    assert report.errors == []
    json.dumps(report.to_dict())  # plain JSON all the way down
    text = report.format_text()
    assert "seed.gold.json (seed-foreign-fighters)" in text
    assert "quantities   P 1.000  R 1.000  F1 1.000" in text
    assert text.splitlines()[-6] == "overall"


def test_evaluate_reports_a_failing_analysis_and_goes_on() -> None:
    perfect = _perfect_analyzer()

    def flaky(article: Article) -> dict[str, Any]:
        if article.id == "seed-foreign-fighters":
            raise RuntimeError("model not loaded")
        return perfect(article)

    report = ev.evaluate(GOLD_PATHS, flaky)
    assert report.errors == ["article 'seed-foreign-fighters' was scored as empty: "
                             "the analysis raised RuntimeError: model not loaded"]
    assert report.overall["precision"] == 1.0
    assert report.overall["recall"] < 1.0
    assert "error        article 'seed-foreign-fighters'" in report.format_text()


def test_evaluate_report_as_rich_table() -> None:
    from rich.console import Console

    report = ev.evaluate(GOLD_PATHS[:2], lambda article: {})
    console = Console(file=io.StringIO(), width=200)
    console.print(report.rich_table())
    assert "overall" in console.file.getvalue()
