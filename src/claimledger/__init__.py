"""claimledger: a ledger of the quantitative claims in news articles.

>>> import claimledger
>>> analysis = claimledger.analyze("Sales rose 10% to $110 million.", published="2016-04-27")  # doctest: +SKIP
>>> analysis.quantities[0].kind  # doctest: +SKIP
'percent'
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
from claimledger.pipeline import analyze, analyze_article, analyze_many
from claimledger.store.ledger import open_ledger

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
    "analyze",
    "analyze_article",
    "analyze_many",
    "open_ledger",
]
