"""The JSON Schema of the analysis object (SPEC.md, "The analysis JSON"), and its checks.

The schema ships with the package as ``analysis.schema.json``. :func:`validate_analysis`
checks the shape of an object; :func:`check_offsets` checks what a schema cannot
say: that every span points at the text it claims to, and that ids resolve.

>>> from claimledger.model import Analysis, Article
>>> obj = Analysis(Article(id="a1", text="Sales rose.")).to_dict()
>>> validate_analysis(obj)
>>> check_offsets(obj)
[]
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match

__all__ = ["AnalysisValidationError", "check_offsets", "load_schema", "validate_analysis"]

SCHEMA_FILE = "analysis.schema.json"


class AnalysisValidationError(jsonschema.ValidationError, ValueError):
    """An analysis object that does not follow the schema.

    ``str(error)`` is one plain sentence naming where the problem is; ``path`` is that
    place as a tuple of keys and indexes, and ``__cause__`` the original jsonschema error.
    """


def load_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the analysis object.

    >>> load_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    return json.loads(_schema_text())


@cache
def _schema_text() -> str:
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER  # dates must be real ISO dates
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def validate_analysis(obj: Mapping[str, Any]) -> None:
    """Raise :class:`AnalysisValidationError` unless ``obj`` follows the analysis schema.

    The message names the place of the most relevant problem and the reason:

    >>> try:
    ...     validate_analysis({"article": {}, "document": ""})
    ... except AnalysisValidationError as error:
    ...     print(error)
    analysis is not valid at (top level): 'quantities' is a required property
    """
    error = best_match(_validator().iter_errors(obj))
    if error is None:
        return
    where = _path_text(error.absolute_path)
    raise AnalysisValidationError(
        f"analysis is not valid at {where}: {error.message}",
        path=error.absolute_path,
        schema_path=error.absolute_schema_path,
    ) from error


def _path_text(path: Any) -> str:
    parts = [str(part) for part in path]
    return "/".join(parts) if parts else "(top level)"


def check_offsets(obj: Mapping[str, Any]) -> list[str]:
    """Return the problems with spans and ids that the schema cannot see (empty when none).

    Every span must lie inside ``document`` and its ``text`` must equal
    ``document[start:end]``; every quantity id that a claim, check or change names
    must exist; every quantity must belong to exactly one claim; ids must be unique.

    >>> doc = "Sales rose 10%."
    >>> obj = {"document": doc, "quantities": [{"id": "q1", "text": "10", "start": 11, "end": 14}],
    ...        "claims": [], "checks": [], "statements": [], "speakers": [], "signals": []}
    >>> for problem in check_offsets(obj):
    ...     print(problem)
    quantity 'q1' has text '10' but the document at 11-14 reads '10%'.
    quantity 'q1' belongs to no claim.
    """
    document = obj.get("document") or ""
    problems = [_span_problem(document, what, span) for what, span in _spans(obj)]
    problems = [p for p in problems if p]
    problems += _content_problems(document, obj.get("statements") or [])
    problems += _id_problems(obj)
    return problems


def _spans(obj: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every span that carries its own text, with a name for it in messages."""
    for q in obj.get("quantities") or []:
        yield f"quantity {q.get('id')!r}", q
    for c in obj.get("claims") or []:
        if c.get("sentence"):
            yield f"the sentence of claim {c.get('id')!r}", c["sentence"]
        for i, s in enumerate(c.get("signals") or []):
            yield f"signal {i} of claim {c.get('id')!r}", s
    for st in obj.get("statements") or []:
        for part in ("cue", "source"):
            if st.get(part):
                yield f"the {part} of statement {st.get('id')!r}", st[part]
    for sp in obj.get("speakers") or []:
        for i, m in enumerate(sp.get("mentions") or []):
            yield f"mention {i} of speaker {sp.get('name')!r}", m
    for i, s in enumerate(obj.get("signals") or []):
        yield f"signal {i} ({s.get('text')!r})", s


def _bounds_problem(document: str, what: str, span: Mapping[str, Any]) -> str | None:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return f"{what} has no integer start and end."
    if start > end:
        return f"{what} ends at {end}, before it starts at {start}."
    if start < 0 or end > len(document):
        return f"{what} spans {start}-{end}, outside the document of {len(document)} characters."
    return None


def _span_problem(document: str, what: str, span: Mapping[str, Any]) -> str | None:
    problem = _bounds_problem(document, what, span)
    if problem:
        return problem
    actual = document[span["start"]:span["end"]]
    if span.get("text") != actual:
        return (f"{what} has text {span.get('text')!r} but the document at "
                f"{span['start']}-{span['end']} reads {actual!r}.")
    return None


def _content_problems(document: str, statements: list[Mapping[str, Any]]) -> list[str]:
    problems = []
    for st in statements:
        problem = _bounds_problem(document, f"the content of statement {st.get('id')!r}",
                                  st.get("content") or {})
        if problem:
            problems.append(problem)
    return problems


def _id_problems(obj: Mapping[str, Any]) -> list[str]:
    problems = []
    for section in ("quantities", "claims", "checks", "statements"):
        counts = Counter(str(item.get("id")) for item in obj.get(section) or [])
        problems += [f"id {i!r} is used by {n} {section}." for i, n in counts.items() if n > 1]
    # ids are compared as strings so that a malformed object still gets a readable report
    owners: dict[str, list[str]] = {str(q.get("id")): [] for q in obj.get("quantities") or []}
    for c in obj.get("claims") or []:
        claim = str(c.get("id"))
        for qid in c.get("quantity_ids") or []:
            if str(qid) in owners:
                owners[str(qid)].append(claim)
            else:
                problems.append(f"claim {claim!r} names quantity {qid!r}, which does not exist.")
        change = c.get("change") or {}
        for role in ("from", "to", "by"):
            qid = change.get(role)
            if qid is not None and str(qid) not in owners:
                problems.append(f"the change of claim {claim!r} names quantity {qid!r} as "
                                f"'{role}', which does not exist.")
    for k in obj.get("checks") or []:
        problems += [f"check {k.get('id')!r} names quantity {qid!r}, which does not exist."
                     for qid in k.get("quantity_ids") or [] if str(qid) not in owners]
    for qid, claims in owners.items():
        if not claims:
            problems.append(f"quantity {qid!r} belongs to no claim.")
        elif len(claims) > 1:
            problems.append(f"quantity {qid!r} belongs to {len(claims)} claims ({', '.join(claims)}).")
    return problems
