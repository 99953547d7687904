"""Checks of the arithmetic: pure functions of quantities, each returning a ``Check`` with its sentence.

>>> from claimledger.model import Quantity
>>> from claimledger.check import same_measure
>>> q = lambda i, text, v: Quantity(i, text, 0, len(text), "count", v, v, v)
>>> same_measure("c1", q("q1", "48", 48), q("q2", "48", 48)).verdict
'consistent'
"""

from claimledger.check.arithmetic import (
    difference_check,
    part_whole,
    percent_change,
    same_measure,
    sum_check,
)
from claimledger.check.reading import Reading, reading, to_interval

__all__ = [
    "Reading",
    "difference_check",
    "part_whole",
    "percent_change",
    "reading",
    "same_measure",
    "sum_check",
    "to_interval",
]
