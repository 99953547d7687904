"""Score analyses against hand-annotated gold files: the rules of ``gold/README.md``.

This is claimledger's own implementation of the independent scorer
``reference_score.py``; on the same inputs both give the same numbers (a test
shows that they do). In short:

- a predicted quantity matches a gold one when the spans overlap and every
  non-null gold bound (value, low, high) agrees within 0.5%; pairs are taken
  greedily, largest overlap first;
- over matched pairs: accuracy of kind, approximate, unit, per and counted, and
  of the attribution type and speaker of the claim that holds the quantity;
- gold changes, checks and signals found, inconsistent verdicts the gold does
  not have (false alarms), and not-quantities reported as quantities.

When the predicted document differs a little from the gold one (another
extraction of the same page), predicted offsets are mapped onto the gold
document with :mod:`difflib` before anything is compared.

>>> report = evaluate(["tests/fixtures/gold/seed.gold.json"], lambda article: {})  # doctest: +SKIP
>>> print(report.format_text())  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.model import TITLE_SEPARATOR, Article

__all__ = [
    "EvalReport",
    "FileReport",
    "FileScore",
    "Tally",
    "bounds_agree",
    "combine",
    "evaluate",
    "gold_article",
    "load_gold",
    "load_prediction",
    "match_quantities",
    "offset_map",
    "score_file",
    "score_prediction",
    "speaker_matches",
]

BOUND_KEYS = ("value", "low", "high")
BOUND_TOLERANCE = 0.005  # relative: "equals within 0.5%"
EXACT_FIELDS = ("kind", "approximate", "unit", "per")
FIELDS = (*EXACT_FIELDS, "counted")
COUNTED_OVERLAP = 0.5  # share of the gold `counted` words the prediction must have
PRONOUNS = ("he", "she", "they", "it")  # mentions too vague to stand for a speaker
CHANGE_ROLES = ("from", "to", "by")

Json = Mapping[str, Any]


# --- loading -------------------------------------------------------------------------------------

def load_gold(path: str | Path, documents: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Read a gold file; a held-out file without ``document`` gets it from ``documents`` by article id.

    >>> gold = load_gold("tests/fixtures/gold/seed.gold.json")
    >>> gold["article"]["id"], gold["document"][:9]
    ('seed-foreign-fighters', 'Pentagon:')
    """
    try:
        gold: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"gold file '{path}' is not valid JSON: {error}") from error
    if not isinstance(gold, dict) or "article" not in gold or "quantities" not in gold:
        raise ValueError(f"gold file '{path}' is not a gold file: it has no 'article' or no 'quantities'.")
    if not gold.get("document"):
        article_id = gold["article"].get("id")
        if documents and article_id in documents:
            gold["document"] = documents[article_id]
        elif gold["article"].get("text"):
            gold["document"] = Article.from_dict(gold["article"]).document
        else:
            raise ValueError(f"gold file '{path}' has no document and no text for article {article_id!r}.")
    return gold


def gold_article(gold: Json) -> Article:
    """The article a gold file annotates, ready to be analysed.

    >>> article = gold_article(load_gold("tests/fixtures/gold/seed.gold.json"))
    >>> article.published.isoformat(), article.document[:8]
    ('2016-04-27', 'Pentagon')
    """
    data = dict(gold["article"])
    if not data.get("text"):
        document, title = gold["document"], data.get("title")
        prefix = f"{title}{TITLE_SEPARATOR}" if title else ""
        data["text"] = document.removeprefix(prefix)
    return Article.from_dict(data)


def load_prediction(path: str | Path, article_id: str | None = None) -> dict[str, Any]:
    """Read one analysis object from a JSON or JSON Lines file: the one for ``article_id``, else the first.

    >>> load_prediction("analyses.jsonl", "seed-foreign-fighters")["article"]["id"]  # doctest: +SKIP
    'seed-foreign-fighters'
    """
    text = Path(path).read_text(encoding="utf-8").strip()
    try:
        loaded = json.loads(text)
        objects = loaded if isinstance(loaded, list) else [loaded]
    except json.JSONDecodeError:
        objects = [json.loads(line) for line in text.splitlines() if line.strip()]
    for obj in objects:
        if (obj.get("article") or {}).get("id") == article_id:
            return obj
    return objects[0] if objects else {}


# --- offsets -------------------------------------------------------------------------------------

def offset_map(source: str, target: str) -> Callable[[int], int]:
    """Map character offsets in ``source`` onto ``target``, a near-identical string.

    An offset inside a stretch both strings share moves with it; an offset in text
    that only ``source`` has goes to the start of the next shared stretch.

    >>> to_target = offset_map("Sales rose 10%.", "BREAKING: Sales rose 10%.")
    >>> to_target(11)
    21
    """
    if source == target:
        return lambda offset: offset
    blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()
    block_ends = [a + size for a, _, size in blocks]

    def to_target(offset: int) -> int:
        i = bisect.bisect_right(block_ends, offset)  # the first block that ends after the offset
        if i == len(blocks):
            return len(target)
        a, b, _ = blocks[i]
        return b + (offset - a) if offset >= a else b

    return to_target


@dataclass(frozen=True)
class Placed:
    """A predicted item with its span moved onto the gold document."""

    item: Json
    start: int
    end: int


def _place(items: Iterable[Any], to_gold: Callable[[int], int]) -> list[Placed]:
    placed = []
    for item in items:
        try:
            start, end = to_gold(int(item["start"])), to_gold(int(item["end"]))
        except (KeyError, TypeError, ValueError):
            continue  # an item without usable offsets cannot match anything
        placed.append(Placed(item, start, end))
    return placed


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _items(obj: Json, key: str) -> list[Any]:
    return list(obj.get(key) or [])


# --- tallies -------------------------------------------------------------------------------------

@dataclass
class Tally:
    """How many of ``total`` were right (``hits``).

    >>> t = Tally(); t.add(True); t.add(False); t.ratio
    0.5
    """

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.total + other.total)

    @property
    def ratio(self) -> float | None:
        return round(self.hits / self.total, 3) if self.total else None

    def to_list(self) -> list[int]:
        return [self.hits, self.total]

    @classmethod
    def from_list(cls, pair: Sequence[int]) -> Tally:
        return cls(int(pair[0]), int(pair[1]))

    def __str__(self) -> str:
        return f"{self.hits}/{self.total}"


@dataclass
class FileScore:
    """The counts for one gold file; ``to_dict()`` has the shape of ``reference_score.score_one``."""

    gold_quantities: int = 0
    predicted_quantities: int = 0
    matched_quantities: int = 0
    not_quantity_fp: int = 0
    fields: dict[str, Tally] = field(default_factory=dict)
    attribution_type: Tally = field(default_factory=Tally)
    attribution_speaker: Tally = field(default_factory=Tally)
    changes: Tally = field(default_factory=Tally)
    checks: Tally = field(default_factory=Tally)
    false_alarms: int = 0
    predicted_checks: int = 0
    signals: Tally = field(default_factory=Tally)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_q": self.gold_quantities,
            "pred_q": self.predicted_quantities,
            "match_q": self.matched_quantities,
            "not_quantity_fp": self.not_quantity_fp,
            "fields": {name: tally.to_list() for name, tally in self.fields.items()},
            "attribution": {"type": self.attribution_type.to_list(),
                            "speaker": self.attribution_speaker.to_list()},
            "changes": self.changes.to_list(),
            "checks": self.checks.to_list(),
            "false_alarms": self.false_alarms,
            "pred_checks": self.predicted_checks,
            "signals": self.signals.to_list(),
        }

    @classmethod
    def from_dict(cls, data: Json) -> FileScore:
        attribution = data.get("attribution") or {}
        return cls(
            gold_quantities=data["gold_q"],
            predicted_quantities=data["pred_q"],
            matched_quantities=data["match_q"],
            not_quantity_fp=data["not_quantity_fp"],
            fields={name: Tally.from_list(pair) for name, pair in (data.get("fields") or {}).items()},
            attribution_type=Tally.from_list(attribution.get("type", [0, 0])),
            attribution_speaker=Tally.from_list(attribution.get("speaker", [0, 0])),
            changes=Tally.from_list(data["changes"]),
            checks=Tally.from_list(data["checks"]),
            false_alarms=data["false_alarms"],
            predicted_checks=data.get("pred_checks", 0),
            signals=Tally.from_list(data["signals"]),
        )


# --- scoring one file ----------------------------------------------------------------------------

def score_file(gold: Json, pred: Json) -> dict[str, Any]:
    """Score one analysis against its gold file; the same dict as ``reference_score.score_one``.

    >>> gold = load_gold("tests/fixtures/gold/seed.gold.json")
    >>> score = score_file(gold, {})
    >>> score["gold_q"], score["match_q"], score["changes"]
    (11, 0, [0, 3])
    """
    return score_prediction(gold, pred).to_dict()


def score_prediction(gold: Json, pred: Json) -> FileScore:
    """Like :func:`score_file`, as a typed :class:`FileScore`."""
    document = gold["document"]
    to_gold = offset_map(pred.get("document") or document, document)
    predicted = _place((q for q in _items(pred, "quantities") if isinstance(q, Mapping)), to_gold)
    gold_quantities = gold["quantities"]
    matches = match_quantities(gold_quantities, predicted)
    score = FileScore(
        gold_quantities=len(gold_quantities),
        predicted_quantities=len(predicted),
        matched_quantities=len(matches),
        not_quantity_fp=_not_quantity_false_positives(gold, predicted),
    )
    predicted_by_id = {p.item.get("id"): p.item for p in predicted}
    matched_pairs = [(g, predicted_by_id[matches[g["id"]]]) for g in gold_quantities if g["id"] in matches]
    score.fields = _field_tallies(matched_pairs)
    score.attribution_type, score.attribution_speaker = _attribution_tallies(gold, pred, matched_pairs)
    score.changes = _change_tally(gold, pred, matches)
    score.checks, score.false_alarms, score.predicted_checks = _check_tallies(gold, pred, matches)
    score.signals = _signal_tally(gold, _place(_items(pred, "signals"), to_gold))
    return score


def bounds_agree(gold_quantity: Json, predicted: Json) -> bool:
    """Every non-null gold bound equals the predicted one within 0.5%.

    >>> bounds_agree({"value": 2000, "low": None, "high": 2000}, {"value": 2005.0, "high": 2000})
    True
    """
    return all(_close(gold_quantity[key], predicted.get(key))
               for key in BOUND_KEYS if gold_quantity.get(key) is not None)


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= BOUND_TOLERANCE * max(abs(a), abs(b), 1e-9)


def match_quantities(gold_quantities: Sequence[Json], predicted: Sequence[Placed]) -> dict[Any, Any]:
    """Pair gold and predicted quantities greedily, largest overlap first; gold id → predicted id.

    Ties go to the higher gold id, then the higher predicted id, as in the reference scorer.
    """
    candidates = []
    for g in gold_quantities:
        for p in predicted:
            shared = _overlap(g["start"], g["end"], p.start, p.end)
            if shared > 0 and bounds_agree(g, p.item):
                candidates.append((shared, g["id"], p.item.get("id")))
    candidates.sort(reverse=True)
    gold_to_pred: dict[Any, Any] = {}
    taken: set[Any] = set()
    for _, gold_id, pred_id in candidates:
        if gold_id not in gold_to_pred and pred_id not in taken:
            gold_to_pred[gold_id] = pred_id
            taken.add(pred_id)
    return gold_to_pred


def _occurrences(document: str, needle: str) -> Iterator[int]:
    """Every start of ``needle`` in ``document``, overlapping ones included."""
    i = document.find(needle)
    while i >= 0:
        yield i
        i = document.find(needle, i + 1)


def _not_quantity_false_positives(gold: Json, predicted: Sequence[Placed]) -> int:
    """Occurrences of a gold not-quantity covered by a prediction that overlaps no gold quantity."""
    gold_spans = [(g["start"], g["end"]) for g in gold["quantities"]]
    stray = [p for p in predicted
             if not any(_overlap(start, end, p.start, p.end) for start, end in gold_spans)]
    count = 0
    for phrase in gold.get("not_quantities", []):
        for i in _occurrences(gold["document"], phrase):
            count += any(_overlap(i, i + len(phrase), p.start, p.end) for p in stray)
    return count


def _field_tallies(pairs: Sequence[tuple[Json, Json]]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in FIELDS}
    for gold_q, pred_q in pairs:
        for name in EXACT_FIELDS:
            tallies[name].add(_field_agrees(name, gold_q.get(name), pred_q.get(name)))
        if gold_q.get("counted"):
            tallies["counted"].add(_counted_agrees(gold_q["counted"], pred_q.get("counted")))
    return tallies


def _field_agrees(name: str, gold_value: Any, pred_value: Any) -> bool:
    # a missing or empty predicted unit is as good as the gold's null unit
    return bool(gold_value == pred_value or (name == "unit" and gold_value is None and not pred_value))


def _counted_agrees(gold_counted: str, pred_counted: str | None) -> bool:
    gold_words = set(gold_counted.lower().split())
    pred_words = set((pred_counted or "").lower().split())
    return len(gold_words & pred_words) / len(gold_words) >= COUNTED_OVERLAP


def _attribution_tallies(gold: Json, pred: Json, pairs: Sequence[tuple[Json, Json]]) -> tuple[Tally, Tally]:
    claim_of: dict[Any, Json] = {}
    for claim in _items(pred, "claims"):
        for quantity_id in claim.get("quantity_ids") or []:
            claim_of[quantity_id] = claim  # the last claim that names a quantity wins
    type_tally, speaker_tally = Tally(), Tally()
    for gold_q, pred_q in pairs:
        attribution = claim_of.get(pred_q.get("id"), {}).get("attribution") or {}
        expected = gold_q["attribution"]
        type_tally.add(attribution.get("type") == expected["type"])
        if expected["type"] != "author":
            speaker_tally.add(speaker_matches(attribution.get("speaker"), expected["speaker"],
                                              gold.get("speakers", [])))
    return type_tally, speaker_tally


def _normalise_name(name: str | None) -> str:
    text = (name or "").strip().lower().replace("’", "'")
    for determiner in ("the ", "a "):
        text = text.removeprefix(determiner)
    return text


def _mention_text(mention: Any) -> str:
    return mention if isinstance(mention, str) else (mention.get("text") or "")


def speaker_matches(predicted: str | None, gold_name: str, gold_speakers: Sequence[Json]) -> bool:
    """The predicted speaker is the gold one: its name, one of its mentions, or a person's surname.

    Case is ignored, and so are a leading "the" or "a".

    >>> people = [{"name": "Peter Gersten", "kind": "person", "mentions": ["Maj. Gersten", "he"]}]
    >>> speaker_matches("Gersten", "Peter Gersten", people), speaker_matches("he", "Peter Gersten", people)
    (True, False)
    """
    guess = _normalise_name(predicted)
    if not guess:
        return False
    gold = _normalise_name(gold_name)
    names = {gold}
    for speaker in gold_speakers:
        if _normalise_name(speaker["name"]) == gold:
            mentions = (_mention_text(m) for m in speaker.get("mentions", []))
            names |= {_normalise_name(m) for m in mentions if m.lower() not in PRONOUNS}
            if speaker.get("kind") == "person":
                names.add(gold.split()[-1])
    if guess in names:
        return True
    surname = guess.split()[-1]
    same_surname = any(n and len(n.split()) > 1 and n.split()[-1] == surname for n in names)
    return same_surname or gold in guess  # the full name inside a longer description also counts


def _change_tally(gold: Json, pred: Json, matches: Mapping[Any, Any]) -> Tally:
    predicted = [claim["change"] for claim in _items(pred, "claims") if claim.get("change")]
    tally = Tally()
    for expected in gold.get("changes", []):
        tally.add(any(_change_agrees(expected, change, matches) for change in predicted))
    return tally


def _change_agrees(expected: Json, change: Json, matches: Mapping[Any, Any]) -> bool:
    # a gold role left null is not scored; a gold quantity that was not matched needs a null role
    return change.get("direction") == expected["direction"] and all(
        expected.get(role) is None or matches.get(expected[role]) == change.get(role)
        for role in CHANGE_ROLES
    )


def _check_tallies(gold: Json, pred: Json, matches: Mapping[Any, Any]) -> tuple[Tally, int, int]:
    """Gold checks found, unmatched predicted `inconsistent` verdicts, and predicted checks."""
    predicted = [check for check in _items(pred, "checks") if isinstance(check, Mapping)]
    used: set[int] = set()
    tally = Tally()
    for expected in gold.get("checks", []):
        wanted = {matches.get(quantity_id) for quantity_id in expected["quantities"]}
        found = next((j for j, check in enumerate(predicted)
                      if j not in used and _check_agrees(expected, check, wanted)), None)
        if found is not None:
            used.add(found)
        tally.add(found is not None)
    false_alarms = sum(1 for j, check in enumerate(predicted)
                       if j not in used and check.get("verdict") == "inconsistent")
    return tally, false_alarms, len(predicted)


def _check_agrees(expected: Json, check: Json, wanted: set[Any]) -> bool:
    return (check.get("kind") == expected["kind"] and check.get("verdict") == expected["verdict"]
            and None not in wanted and wanted <= set(check.get("quantity_ids") or []))


def _signal_tally(gold: Json, predicted: Sequence[Placed]) -> Tally:
    tally = Tally()
    for expected in gold.get("signals", []):
        tally.add(any(p.item.get("type") == expected["type"]
                      and _overlap(expected["start"], expected["end"], p.start, p.end)
                      for p in predicted))
    return tally


# --- combining -----------------------------------------------------------------------------------

def combine(scores: Iterable[Json]) -> dict[str, Any]:
    """Add up per-file scores and compute the rates; the same dict as ``reference_score.combine``.

    >>> total = combine([score_file(load_gold("tests/fixtures/gold/seed.gold.json"), {})])
    >>> total["precision"], total["recall"], total["f1"], total["change_recall"]
    (0.0, 0.0, 0.0, 0.0)
    """
    total = FileScore()
    for data in scores:
        one = FileScore.from_dict(data)
        total.gold_quantities += one.gold_quantities
        total.predicted_quantities += one.predicted_quantities
        total.matched_quantities += one.matched_quantities
        total.not_quantity_fp += one.not_quantity_fp
        total.false_alarms += one.false_alarms
        total.changes += one.changes
        total.checks += one.checks
        total.signals += one.signals
        total.attribution_type += one.attribution_type
        total.attribution_speaker += one.attribution_speaker
        for name, tally in one.fields.items():
            total.fields[name] = total.fields.get(name, Tally()) + tally
    return _summary(total)


def _summary(total: FileScore) -> dict[str, Any]:
    matched = total.matched_quantities
    precision = matched / total.predicted_quantities if total.predicted_quantities else 0.0
    recall = matched / total.gold_quantities if total.gold_quantities else 0.0
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    counts = total.to_dict()
    del counts["pred_checks"]  # per file only, as in the reference scorer
    return {
        **counts,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": f1,
        "speaker_acc": total.attribution_speaker.ratio,
        "type_acc": total.attribution_type.ratio,
        "change_recall": total.changes.ratio,
        "check_recall": total.checks.ratio,
        "signal_recall": total.signals.ratio,
        "field_acc": {name: tally.ratio for name, tally in total.fields.items()},
    }


# --- running and reporting -----------------------------------------------------------------------

@dataclass
class FileReport:
    """The score of one gold file, and the error if the analysis failed (scored as empty)."""

    gold_path: str
    article_id: str
    score: FileScore
    error: str | None = None

    @property
    def summary(self) -> dict[str, Any]:
        return combine([self.score.to_dict()])

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold_path, "article_id": self.article_id, "error": self.error,
                "score": self.score.to_dict(), "summary": self.summary}


@dataclass
class EvalReport:
    """Per-file scores and the overall figures of one :func:`evaluate` run."""

    files: list[FileReport]

    @property
    def overall(self) -> dict[str, Any]:
        return combine(f.score.to_dict() for f in self.files)

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.files if f.error]

    def to_dict(self) -> dict[str, Any]:
        return {"files": [f.to_dict() for f in self.files], "overall": self.overall, "errors": self.errors}

    def format_text(self) -> str:
        """A readable report: one block per gold file, then the overall figures."""
        lines = [f"claimledger eval: {len(self.files)} gold files", ""]
        for report in self.files:
            lines.append(f"{Path(report.gold_path).name} ({report.article_id})")
            if report.error:
                lines.append(f"  error        {report.error}")
            lines += _summary_lines(report.summary)
            lines.append("")
        lines.append("overall")
        lines += _summary_lines(self.overall)
        return "\n".join(lines)

    def rich_table(self) -> Any:
        """The same figures as a :class:`rich.table.Table`, one row per file and one for the total."""
        from rich.table import Table

        table = Table(title="claimledger eval")
        for header in ("gold file", "P", "R", "F1", "kind", "approx", "unit", "per", "counted",
                       "type", "speaker", "changes", "checks", "false alarms", "signals", "not-q FP"):
            table.add_column(header, justify="left" if header == "gold file" else "right")
        for report in self.files:
            table.add_row(Path(report.gold_path).name, *_summary_cells(report.summary))
        table.add_section()
        table.add_row("overall", *_summary_cells(self.overall))
        return table


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _count(pair: Sequence[int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def _summary_cells(s: Json) -> list[str]:
    fields = s["fields"]
    return [
        _rate(s["precision"]), _rate(s["recall"]), _rate(s["f1"]),
        *(_count(fields.get(name, [0, 0])) for name in FIELDS),
        _count(s["attribution"]["type"]), _count(s["attribution"]["speaker"]),
        _count(s["changes"]), _count(s["checks"]), str(s["false_alarms"]),
        _count(s["signals"]), str(s["not_quantity_fp"]),
    ]


def _summary_lines(s: Json) -> list[str]:
    fields = ", ".join(f"{name} {_rate(s['field_acc'].get(name))} ({_count(s['fields'][name])})"
                       for name in FIELDS if name in s["fields"])
    attribution = s["attribution"]
    return [
        f"  quantities   P {_rate(s['precision'])}  R {_rate(s['recall'])}  F1 {_rate(s['f1'])}"
        f"  ({s['match_q']} matched of {s['gold_q']} gold, {s['pred_q']} predicted)",
        f"  fields       {fields or 'no matched quantities'}",
        f"  attribution  type {_rate(s['type_acc'])} ({_count(attribution['type'])}),"
        f" speaker {_rate(s['speaker_acc'])} ({_count(attribution['speaker'])})",
        f"  changes      {_count(s['changes'])} found;  checks {_count(s['checks'])} found;"
        f"  false inconsistent alarms {s['false_alarms']}",
        f"  signals      {_count(s['signals'])} found;  not-quantities reported as quantities"
        f" {s['not_quantity_fp']}",
    ]


def evaluate(gold_paths: Iterable[str | Path], analyze: Callable[[Article], Any]) -> EvalReport:
    """Analyse every gold article with ``analyze`` and score the result against its gold file.

    ``analyze`` returns the SPEC analysis dict (or an object with ``to_dict()``). When it
    raises, the article is scored as an empty analysis and the error is reported; the run goes on.

    >>> report = evaluate(["tests/fixtures/gold/seed.gold.json"], lambda article: {})
    >>> report.overall["recall"], report.errors
    (0.0, [])
    """
    files = []
    for path in gold_paths:
        gold = load_gold(path)
        article = gold_article(gold)
        error = None
        try:
            prediction = analyze(article)
            if hasattr(prediction, "to_dict"):
                prediction = prediction.to_dict()
        except Exception as exc:  # one bad article must not stop the evaluation
            prediction = {}
            error = (f"article {article.id!r} was scored as empty: "
                     f"the analysis raised {type(exc).__name__}: {exc}")
        files.append(FileReport(str(path), article.id, score_prediction(gold, prediction), error))
    return EvalReport(files)
