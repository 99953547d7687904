"""The link stage: figures followed across articles as measures, and ``cross_source`` checks.

>>> from claimledger.link import normalise_counted
>>> normalise_counted("foreign fighters")
'foreign fighter'
"""

from claimledger.link.cross import CrossCheck, Seen, cross_source_checks, overlaps
from claimledger.link.normalise import MeasureKey, measure_key, normalise_counted, singular
from claimledger.link.observe import Sighting, observations_of, period_of, uid
from claimledger.link.places import places_in

__all__ = [
    "CrossCheck",
    "MeasureKey",
    "Seen",
    "Sighting",
    "cross_source_checks",
    "measure_key",
    "normalise_counted",
    "observations_of",
    "overlaps",
    "period_of",
    "places_in",
    "singular",
    "uid",
]
