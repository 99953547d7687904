"""Observations of measures in one analysed article: each linked figure with its interval, period and source.

A figure is observed when its measure can be normalised (:func:`~claimledger.link.normalise.measure_key`)
and it states a level, not a movement: the ``from`` of a change holds for an earlier time and
the ``by`` is the size of the change, so neither is an observation of the measure's level
in the claim's period.

>>> from claimledger.model import Analysis, Article
>>> observations_of(Analysis(Article(id="a", text="Nothing here."))) == []
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimledger.link.normalise import MeasureKey, measure_key
from claimledger.model import Analysis, Claim, Observation, Quantity

UID_SEPARATOR = "/"


def uid(article_id: str, item_id: str) -> str:
    """The ledger key of something found in an article: ``"<article id>/<id>"``.

    >>> uid("seed-foreign-fighters", "q2")
    'seed-foreign-fighters/q2'
    """
    return f"{article_id}{UID_SEPARATOR}{item_id}"


@dataclass(frozen=True)
class Sighting:
    """An observation with the measure it belongs to, the figure itself and the claim that states it."""

    measure: MeasureKey
    observation: Observation
    quantity: Quantity
    claim_id: str


def period_of(claim: Claim, published: dt.date | None) -> tuple[str | None, dt.date | None, dt.date | None]:
    """The period a claim's figures hold for: its resolved time, else the publication date.

    >>> from claimledger.model import Claim, TextSpan
    >>> period_of(Claim("c0", TextSpan("x", 0, 1), ()), dt.date(2016, 4, 27))
    ('published 2016-04-27', datetime.date(2016, 4, 27), datetime.date(2016, 4, 27))
    """
    time = claim.time
    if time and time.start_date and time.end_date:
        return time.text, time.start_date, time.end_date
    if published:
        text = time.text if time else f"published {published.isoformat()}"
        return text, published, published
    return (time.text if time else None), None, None


def observations_of(analysis: Analysis) -> list[Sighting]:
    """Every observation of a normalisable measure in ``analysis``, in document order."""
    article = analysis.article
    by_id = {q.id: q for q in analysis.quantities}
    out: list[Sighting] = []
    for claim in analysis.claims:
        not_levels = set()
        if claim.change:
            not_levels = {claim.change.from_, claim.change.by} - {None}
        period, start, end = period_of(claim, article.published)
        for quantity_id in claim.quantity_ids:
            q = by_id.get(quantity_id)
            if q is None or quantity_id in not_levels:
                continue
            key = measure_key(q, claim.sentence.text, article.title, claim.attribution.speaker)
            if key is None:
                continue
            observation = Observation(
                measure_key=key.key,
                article_id=article.id,
                quantity_id=q.id,
                low=q.low,
                high=q.high,
                value=q.value,
                period=period,
                start_date=start,
                end_date=end,
                speaker=claim.attribution.speaker,
                source=article.source,
            )
            out.append(Sighting(key, observation, q, claim.id))
    return out


def main_measure(sightings: list[Sighting], claim_id: str) -> str | None:
    """The measure key of a claim's first observed figure, if any."""
    return next((s.measure.key for s in sightings if s.claim_id == claim_id), None)
