"""Signals around claims: hedges, disputes and corroborations, matched from data lexicons."""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger.lang import en_attribution as L
from claimledger.model import Signal

_TYPES = (("hedge", L.HEDGES), ("dispute", L.DISPUTES), ("corroboration", L.CORROBORATIONS))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    groups = []
    for kind, phrases in _TYPES:
        words = sorted({p.lower() for p in phrases}, key=len, reverse=True)
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        groups.append(f"(?P<{kind}>{body})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)


def find_signals(text: str) -> list[Signal]:
    """Every hedge, dispute and corroboration phrase in ``text``, in order.

    >>> [(s.type, s.text) for s in find_signals("The estimate is probably accurate.")]
    [('hedge', 'estimate'), ('hedge', 'probably'), ('corroboration', 'accurate')]
    """
    out = []
    for m in _pattern().finditer(text):
        kind = m.lastgroup
        assert kind is not None
        out.append(Signal(kind, m.group(), m.start(), m.end()))  # type: ignore[arg-type]
    return out
