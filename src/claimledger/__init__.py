"""claimledger: a ledger of the quantitative claims in news articles.

>>> import claimledger
>>> analysis = claimledger.analyze("Sales rose 10% to $110 million.")  # doctest: +SKIP
"""

from claimledger.model import (
    Analysis,
    Article,
    Attribution,
    Change,
    Check,
    Claim,
    Interval,
    Measure,
    Quantity,
    Signal,
    Speaker,
    Statement,
    TimeExpression,
)

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "Change",
    "Check",
    "Claim",
    "Interval",
    "Measure",
    "Quantity",
    "Signal",
    "Speaker",
    "Statement",
    "TimeExpression",
    "__version__",
]
