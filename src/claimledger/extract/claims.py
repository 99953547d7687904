"""Group figures into claims: one claim per stated change, and one per remaining figure.

Every quantity belongs to exactly one claim: the claim of the sentence it is written in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimledger.extract.changes import FoundChange
from claimledger.extract.figures import SentenceFigures
from claimledger.model import AUTHOR, Attribution, Change, Claim, Quantity, Signal, TimeExpression

AttributionOf = Callable[[int, int], Attribution]
SignalsOf = Callable[[int, int, str | None], Sequence[Signal]]


def measure_label(quantities: Sequence[Quantity]) -> str | None:
    """A readable, normalised label of what is measured: counted thing, unit and rate.

    >>> from claimledger.model import Quantity
    >>> q = Quantity("q0", "2,000", 0, 5, "count", 2000, 2000, 2000, per="month", counted="foreign fighters")
    >>> measure_label([q])
    'foreign fighters per month'
    """
    counted = next((q.counted for q in quantities if q.counted), None)
    per = next((q.per for q in quantities if q.per), None)
    if counted is None:
        return None
    label = " ".join(counted.lower().replace("’", "'").split())
    kinds = {q.kind for q in quantities}
    if "percent" in kinds and not label.startswith("share"):
        label = f"share of {label}"
    if per:
        label = f"{label} per {per}"
    return label


def _nearest_time(times: Sequence[TimeExpression], start: int, end: int) -> TimeExpression | None:
    located = [t for t in times if t.start is not None and t.end is not None]
    if not located:
        return None

    def distance(t: TimeExpression) -> int:
        assert t.start is not None and t.end is not None
        if t.end <= start:
            return start - t.end
        if t.start >= end:
            return t.start - end + 1  # a period written before the figure reads more naturally
        return 0

    return min(located, key=distance)


def _change(found: FoundChange, period: TimeExpression | None) -> Change:
    return Change(direction=found.direction, from_=found.from_, to=found.to, by=found.by,  # type: ignore[arg-type]
                  period=period.text if period else None)


def build_claims(
    sentences: Sequence[SentenceFigures],
    article_id: str | None = None,
    attribution_of: AttributionOf | None = None,
    signals_of: SignalsOf | None = None,
) -> list[Claim]:
    """Claims in document order, ids c0, c1, ...; attribution and signals come from the callbacks."""
    claims: list[Claim] = []
    for sentence in sentences:
        by_id = {q.id: q for q in sentence.quantities}
        groups: list[tuple[list[Quantity], FoundChange | None]] = []
        in_change: set[str] = set()
        for change in sentence.changes:
            members = [by_id[i] for i in change.quantity_ids if i in by_id]
            if members:
                groups.append((members, change))
                in_change.update(q.id for q in members)
        groups += [([q], None) for q in sentence.quantities if q.id not in in_change]
        groups.sort(key=lambda g: min(q.start for q in g[0]))
        for members, change in groups:
            start, end = min(q.start for q in members), max(q.end for q in members)
            if change is not None:
                start, end = min(start, change.trigger_start), max(end, change.trigger_end)
            time = _nearest_time(sentence.times, start, end)
            attribution = attribution_of(start, end) if attribution_of else AUTHOR
            signals = tuple(signals_of(sentence.sentence.start, sentence.sentence.end, attribution.speaker)) \
                if signals_of else ()
            claims.append(Claim(
                id=f"c{len(claims)}",
                sentence=sentence.sentence,
                quantity_ids=tuple(q.id for q in members),
                attribution=attribution,
                measure=measure_label(members),
                time=time,
                change=_change(change, time) if change else None,
                signals=signals,
                article_id=article_id,
            ))
    return claims
