"""The data model every stage speaks (see SPEC.md): frozen, typed dataclasses.

Field names follow the specification exactly; JSON output, the database and the
Python API all use them. Offsets are character offsets ``[start, end)`` into the
analysed document (``title + "\\n\\n" + text`` when there is a title).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

QuantityKind = Literal["count", "percent", "money", "ratio", "measure", "duration", "other"]
AttributionType = Literal["direct", "indirect", "according_to", "author"]
CheckKind = Literal["percent_change", "part_whole", "sum", "same_measure", "cross_source"]
Verdict = Literal["consistent", "inconsistent", "unverifiable"]
SignalType = Literal["hedge", "dispute", "corroboration"]
Direction = Literal["increase", "decrease"]

TITLE_SEPARATOR = "\n\n"


def _date_to_str(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date_from(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a feed or a corpus record."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"

    @property
    def document(self) -> str:
        """The string all offsets index into: the title, a blank line, then the body."""
        return f"{self.title}{TITLE_SEPARATOR}{self.text}" if self.title else self.text

    @property
    def body_offset(self) -> int:
        """Where the body starts in :attr:`document`."""
        return len(self.title) + len(TITLE_SEPARATOR) if self.title else 0

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": _date_to_str(self.published),
            "source": self.source,
            "url": self.url,
            "language": self.language,
        }
        if with_text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            text=data.get("text") or "",
            title=data.get("title") or None,
            published=_date_from(data.get("published")),
            source=data.get("source"),
            url=data.get("url"),
            language=data.get("language") or "en",
        )


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the document: its text and offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(text=data.get("text", ""), start=int(data["start"]), end=int(data["end"]))


@dataclass(frozen=True)
class Quantity:
    """One mention of an amount, normalised.

    >>> q = Quantity(id="q0", text="nearly 2,000 per month", start=0, end=22, kind="count",
    ...              value=2000, low=None, high=2000, approximate=True, qualifier="nearly", per="month")
    >>> q.to_dict()["high"]
    2000
    """

    id: str
    text: str
    start: int
    end: int
    kind: QuantityKind
    value: float | None
    low: float | None
    high: float | None
    approximate: bool = False
    qualifier: str | None = None
    unit: str | None = None
    per: str | None = None
    counted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain_number(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        values = {f.name: data.get(f.name) for f in fields(cls)}
        values["approximate"] = bool(values["approximate"])
        return cls(**values)


def _plain_number(value: Any) -> Any:
    """Whole floats print as integers in JSON (2000, not 2000.0)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


@dataclass(frozen=True)
class Attribution:
    """The source the article gives for a statement."""

    type: AttributionType = "author"
    speaker: str | None = None
    description: str | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "speaker": self.speaker, "description": self.description, "cue": self.cue}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(
            type=data.get("type", "author"),
            speaker=data.get("speaker"),
            description=data.get("description"),
            cue=data.get("cue"),
        )


AUTHOR = Attribution()


@dataclass(frozen=True)
class TimeExpression:
    """The period a figure holds for: the expression as written, resolved when possible."""

    text: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start_date": _date_to_str(self.start_date),
            "end_date": _date_to_str(self.end_date),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        return cls(
            text=data["text"],
            start_date=_date_from(data.get("start_date")),
            end_date=_date_from(data.get("end_date")),
        )


@dataclass(frozen=True)
class Change:
    """A stated movement of a measure; from/to/by are quantity ids."""

    direction: Direction
    from_: str | None = None
    to: str | None = None
    by: str | None = None
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"direction": self.direction, "from": self.from_, "to": self.to, "by": self.by,
                "period": self.period}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        return cls(
            direction=data["direction"],
            from_=data.get("from"),
            to=data.get("to"),
            by=data.get("by"),
            period=data.get("period"),
        )


@dataclass(frozen=True)
class Signal:
    """A hedge, dispute or corroboration found in the text."""

    type: SignalType
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signal:
        return cls(type=data["type"], text=data["text"], start=int(data["start"]), end=int(data["end"]))


@dataclass(frozen=True)
class Claim:
    """A statement that asserts one or more quantities."""

    id: str
    sentence: TextSpan
    quantity_ids: tuple[str, ...]
    attribution: Attribution = AUTHOR
    measure: str | None = None
    time: TimeExpression | None = None
    change: Change | None = None
    signals: tuple[Signal, ...] = ()
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": self.sentence.to_dict(),
            "quantity_ids": list(self.quantity_ids),
            "attribution": self.attribution.to_dict(),
            "measure": self.measure,
            "time": self.time.to_dict() if self.time else None,
            "change": self.change.to_dict() if self.change else None,
            "signals": [s.to_dict() for s in self.signals],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], article_id: str | None = None) -> Claim:
        return cls(
            id=data["id"],
            sentence=TextSpan.from_dict(data["sentence"]),
            quantity_ids=tuple(data.get("quantity_ids", ())),
            attribution=Attribution.from_dict(data.get("attribution") or {}),
            measure=data.get("measure"),
            time=TimeExpression.from_dict(data["time"]) if data.get("time") else None,
            change=Change.from_dict(data["change"]) if data.get("change") else None,
            signals=tuple(Signal.from_dict(s) for s in data.get("signals", ())),
            article_id=article_id,
        )


@dataclass(frozen=True)
class Interval:
    """A value with the interval the words and rounding allow."""

    low: float | None
    high: float | None
    value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": _round(self.value), "low": _round(self.low), "high": _round(self.high)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Interval | None:
        if data is None:
            return None
        return cls(low=data.get("low"), high=data.get("high"), value=data.get("value"))


def _round(value: float | None) -> float | None:
    return None if value is None else _plain_number(round(value, 6))


@dataclass(frozen=True)
class Check:
    """A verdict on arithmetic, with the one-sentence explanation a reader sees."""

    id: str
    kind: CheckKind
    quantity_ids: tuple[str, ...]
    stated: Interval | None
    computed: Interval | None
    verdict: Verdict
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "quantity_ids": list(self.quantity_ids),
            "stated": self.stated.to_dict() if self.stated else None,
            "computed": self.computed.to_dict() if self.computed else None,
            "verdict": self.verdict,
            "explanation": self.explanation,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Check:
        return cls(
            id=data["id"],
            kind=data["kind"],
            quantity_ids=tuple(data.get("quantity_ids", ())),
            stated=Interval.from_dict(data.get("stated")),
            computed=Interval.from_dict(data.get("computed")),
            verdict=data["verdict"],
            explanation=data["explanation"],
        )


@dataclass(frozen=True)
class Statement:
    """An attributed statement, with or without figures: who said what."""

    id: str
    type: AttributionType
    speaker: str | None
    content: TextSpan
    cue: TextSpan | None
    source: TextSpan | None = None
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "speaker": self.speaker,
            "content": {"start": self.content.start, "end": self.content.end},
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], document: str = "") -> Statement:
        content = data["content"]
        start, end = int(content["start"]), int(content["end"])
        return cls(
            id=data["id"],
            type=data["type"],
            speaker=data.get("speaker"),
            content=TextSpan(document[start:end], start, end),
            cue=TextSpan.from_dict(data["cue"]) if data.get("cue") else None,
            source=TextSpan.from_dict(data["source"]) if data.get("source") else None,
        )


@dataclass(frozen=True)
class Speaker:
    """A source the article quotes or cites, with every mention that resolves to it."""

    name: str
    kind: str
    description: str | None = None
    mentions: tuple[TextSpan, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(
            name=data["name"],
            kind=data.get("kind", "unknown"),
            description=data.get("description"),
            mentions=tuple(TextSpan.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True)
class Analysis:
    """Everything claimledger finds in one article; ``to_dict()`` is the SPEC JSON."""

    article: Article
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    checks: tuple[Check, ...] = ()
    statements: tuple[Statement, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    signals: tuple[Signal, ...] = ()

    @property
    def document(self) -> str:
        return self.article.document

    def quantity(self, quantity_id: str) -> Quantity:
        return next(q for q in self.quantities if q.id == quantity_id)

    def claim_of(self, quantity_id: str) -> Claim | None:
        return next((c for c in self.claims if quantity_id in c.quantity_ids), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "document": self.document,
            "quantities": [q.to_dict() for q in self.quantities],
            "claims": [c.to_dict() for c in self.claims],
            "checks": [c.to_dict() for c in self.checks],
            "statements": [s.to_dict() for s in self.statements],
            "speakers": [s.to_dict() for s in self.speakers],
            "signals": [s.to_dict() for s in self.signals],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        document = data.get("document", "")
        article_data = dict(data["article"])
        if "text" not in article_data:
            title = article_data.get("title")
            prefix = f"{title}{TITLE_SEPARATOR}" if title else ""
            article_data["text"] = document[len(prefix):] if document.startswith(prefix) else document
        article = Article.from_dict(article_data)
        return cls(
            article=article,
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", ())),
            claims=tuple(Claim.from_dict(c, article.id) for c in data.get("claims", ())),
            checks=tuple(Check.from_dict(c) for c in data.get("checks", ())),
            statements=tuple(Statement.from_dict(s, document) for s in data.get("statements", ())),
            speakers=tuple(Speaker.from_dict(s) for s in data.get("speakers", ())),
            signals=tuple(Signal.from_dict(s) for s in data.get("signals", ())),
        )


@dataclass(frozen=True)
class Observation:
    """One sighting of a measure: a value interval, when, who and where."""

    measure_key: str
    article_id: str
    quantity_id: str
    low: float | None
    high: float | None
    value: float | None
    period: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    speaker: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Measure:
    """The same quantity followed across claims and articles: a timeline."""

    key: str
    label: str
    unit: str | None = None
    per: str | None = None
    observations: tuple[Observation, ...] = field(default=())
