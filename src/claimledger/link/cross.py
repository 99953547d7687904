"""``cross_source`` checks: two articles state the same measure for overlapping periods — agree or not?

The arithmetic is :func:`claimledger.check.same_measure` (each figure read as the interval
its digits and words allow). What this module adds is *when* two figures may be compared,
and it is conservative, because a false contradiction is worse than a missed one:

* the same normalised measure (counted thing, place, rate and unit all equal);
* two different articles whose sentences name mostly the same things
  (:func:`claimledger.link.subjects.same_subject`: whose delegates, which company's profit);
* the same period: periods that overlap are not enough, since a quarter's profit and the
  year's overlap in time and still differ (a figure without a stated time holds on its
  publication day);
* for ``inconsistent``, each article states one value for that measure in that period
  (an article that itself gives several values may be counting different things), and
  neither sentence gives only a part of the period's amount (:func:`partial`), and neither
  figure is only a bound ("an offer for up to one mln shares" is a limit, not a level).

>>> import datetime as dt
>>> from claimledger.model import Quantity
>>> day, names = dt.date(2016, 4, 27), frozenset({"pentagon"})
>>> a = Seen("a/q1", "a", "Reuters", day, Quantity("q1", "200", 0, 3, "count", 200, 200, 200), day, day,
...          names=names)
>>> b = Seen("b/q4", "b", "AP", day, Quantity("q4", "around 200", 0, 10, "count", 200, 200, 200,
...          approximate=True, qualifier="around"), day, day, names=names)
>>> [c.check.verdict for c in cross_source_checks("foreign fighter per month", [a, b])]
['consistent']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from claimledger.check import same_measure
from claimledger.check.wording import sentence
from claimledger.link.subjects import same_subject
from claimledger.model import Check, Quantity

# The most checks kept for one measure: the earliest pairs in time (a popular measure
# would otherwise give thousands of near-identical corroborations).
MAX_CHECKS_PER_MEASURE = 100


@dataclass(frozen=True)
class Seen:
    """One observation as the cross-source check needs it: where it was seen and the figure itself."""

    uid: str
    article_id: str
    source: str | None
    published: dt.date | None
    quantity: Quantity
    start_date: dt.date | None
    end_date: dt.date | None
    period: str | None = None
    names: frozenset[str] = frozenset()
    title_places: tuple[str, ...] = ()
    partial: bool = False  # the sentence gives one round or a running total ("a further 20 mln")


@dataclass(frozen=True)
class CrossCheck:
    """A ``cross_source`` check between two articles, ``article_id`` the earlier one."""

    check: Check
    article_id: str
    other_article_id: str


def overlaps(a: Seen, b: Seen) -> bool:
    """Do two observations' periods share a day? False when either has no period (for timelines).

    >>> day = dt.date(2016, 1, 1)
    >>> q = Quantity("q", "1", 0, 1, "count", 1, 1, 1)
    >>> overlaps(Seen("a", "a", None, None, q, day, day), Seen("b", "b", None, None, q, None, None))
    False
    """
    if not (a.start_date and a.end_date and b.start_date and b.end_date):
        return False
    return a.start_date <= b.end_date and b.start_date <= a.end_date


_RELATIVE_WORDS = frozenset({
    "ago", "last", "this", "next", "past", "previous", "earlier", "later", "yesterday", "today", "tomorrow",
    "now", "current", "currently", "recent", "recently", "since", "coming", "prior", "ahead",
})


def comparable(a: Seen, b: Seen) -> bool:
    """May two observations of one measure be compared?

    The same period (and, for a period written relative to the day, the same publication
    day), the same places in the two headlines, and mostly the same names.

    >>> day = dt.date(2016, 1, 1)
    >>> q = Quantity("q", "1", 0, 1, "count", 1, 1, 1)
    >>> comparable(Seen("a", "a", None, None, q, day, day, names=frozenset({"opec"})),
    ...            Seen("b", "b", None, None, q, day, day, names=frozenset({"opec"})))
    True
    """
    same_period = bool(a.start_date and a.end_date) and (a.start_date, a.end_date) == (b.start_date, b.end_date)
    if not same_period or a.title_places != b.title_places or not same_subject(a.names, b.names):
        return False
    # "one year ago" resolves to a whole year; written on different days it means different weeks
    return a.published == b.published or not (relative(a.period) or relative(b.period))


def relative(period: str | None) -> bool:
    """Is a period written relative to the publication day ("a year ago", "last week")?

    >>> relative("one year ago"), relative("in February 1986"), relative(None)
    (True, False, False)
    """
    words = set(re.findall(r"[a-z]+", (period or "").lower()))
    return bool(words & _RELATIVE_WORDS)


_PARTIAL = re.compile(
    r"\b(further|another|additional|so far|to date|early round|first round|second round|round of|"
    r"this morning|this afternoon|during the morning|during the afternoon|in the morning|in the afternoon|"
    r"morning session|afternoon session|initial|interim|preliminary|running total|"
    # a row that sets this period's figure against an earlier one's: "Net loss 103,000 vs profit 319,000"
    r"vs|versus|compared with|compared to|year earlier|year ago|year-ago)\b",
    re.IGNORECASE,
)


def partial(sentence: str | None) -> bool:
    """Does a sentence give a part of a day's or period's amount: one round, a further amount, a total so far?

    Two such figures for the same day can differ and both hold (the Bank of England's 17 mln stg
    "in an early round" and "a further 20 mln stg during the morning" on one day), so they
    may corroborate but never contradict. So can the figures of a sentence that sets them
    against an earlier period's ("Net loss 103,000 vs profit 319,000"): which figure holds
    for which period is not in the key.

    >>> partial("The Bank said it provided a further 20 mln stg of assistance."), partial("Acme employs 5,200.")
    (True, False)
    >>> partial("Net loss 103,000 vs profit 319,000")
    True
    """
    return bool(_PARTIAL.search(sentence or ""))


def _check_id(measure_key: str, a: Seen, b: Seen) -> str:
    digest = hashlib.sha1(f"{measure_key}\n{a.uid}\n{b.uid}".encode()).hexdigest()[:12]
    return f"x-{digest}"


def _where(s: Seen) -> str:
    outlet = s.source or "an unnamed source"
    when = f", {s.published.isoformat()}" if s.published else ""
    return f"{outlet} (article '{s.article_id}'{when})"


def _when(a: Seen, b: Seen) -> str:
    """The shared period: its dates, and how each article wrote it when it did ("both for 2016-02 ...")."""
    start, end = a.start_date, a.end_date
    span = "" if start is None else start.isoformat() if start == end else f"{start.isoformat()} to {end}"
    written = list(dict.fromkeys(f"'{s.period}'" for s in (a, b) if s.period and not s.period.startswith("published ")))
    return f"both for {span}" + (f" ({' and '.join(written)})" if written else "")


def explain(label: str, a: Seen, b: Seen, arithmetic: Check) -> str:
    """One sentence naming both sources and both figures, then the interval arithmetic.

    >>> day = dt.date(2016, 4, 27)
    >>> qa = Quantity("q1", "2,000", 0, 5, "count", 2000, 2000, 2000)
    >>> qb = Quantity("q2", "200", 0, 3, "count", 200, 200, 200)
    >>> a, b = Seen("a/q1", "a", "Reuters", day, qa, day, day), Seen("b/q2", "b", "AP", day, qb, day, day)
    >>> explain("foreign fighter", a, b, same_measure("x", qa, qb))
    "Reuters (article 'a', 2016-04-27) gives 2,000 and AP (article 'b', 2016-04-27) gives 200 for \
foreign fighter, both for 2016-04-27: 2,000 (1,999.5–2,000.5) and 200 (199.5–200.5) do not overlap \
— inconsistent."
    """
    figures = arithmetic.explanation.rstrip(".")
    figures = figures[:1].lower() + figures[1:] if figures[:2] != figures[:2].upper() else figures
    when = _when(a, b)
    text = (
        f"{_where(a)} gives {' '.join(a.quantity.text.split())} and {_where(b)} gives "
        f"{' '.join(b.quantity.text.split())} for {label}, {when}: {figures}"
    )
    return sentence(text)


def _sort_key(s: Seen) -> tuple[str, str, str]:
    return ((s.start_date or dt.date.min).isoformat(), s.article_id, s.uid)


def cross_source_checks(
    label: str, seen: list[Seen], measure_key: str = "", limit: int = MAX_CHECKS_PER_MEASURE
) -> list[CrossCheck]:
    """The cross-source checks among the observations of one measure, earliest first.

    For each pair of articles whose observations' periods overlap: ``consistent`` when some
    pair of their figures agrees within the words' tolerance, ``inconsistent`` when neither
    article states more than one value there and the two cannot both hold.
    """
    by_article: dict[str, list[Seen]] = defaultdict(list)
    for s in sorted(seen, key=_sort_key):
        by_article[s.article_id].append(s)
    articles = sorted(by_article, key=lambda a: _sort_key(by_article[a][0]))
    out: list[CrossCheck] = []
    for i, first in enumerate(articles):
        for second in articles[i + 1 :]:
            result = _compare(label, measure_key, by_article[first], by_article[second])
            if result is not None:
                out.append(result)
                if len(out) >= limit:
                    return out
    return out


def _compare(label: str, measure_key: str, left: list[Seen], right: list[Seen]) -> CrossCheck | None:
    pairs = [(a, b) for a in left for b in right if comparable(a, b)]
    if not pairs:
        return None
    tried = []
    for a, b in pairs:
        arithmetic = same_measure(_check_id(measure_key, a, b), a.quantity, b.quantity)
        if arithmetic.verdict == "consistent":
            return _cross(label, a, b, arithmetic)
        tried.append((a, b, arithmetic))
    distinct_left = {(a.quantity.low, a.quantity.high, a.quantity.value) for a, _ in pairs}
    distinct_right = {(b.quantity.low, b.quantity.high, b.quantity.value) for _, b in pairs}
    if len(distinct_left) > 1 or len(distinct_right) > 1:
        return None  # an article with several values here may count several things
    if any(a.partial or b.partial for a, b in pairs):
        return None  # one round, a further amount, a total so far: parts of the period's amount
    if any(_open(s.quantity) for pair in pairs for s in pair):
        return None  # "an offer for up to one mln shares" sets a limit more often than it states a level
    a, b, arithmetic = tried[0]
    if arithmetic.verdict != "inconsistent":
        return None
    return _cross(label, a, b, arithmetic)


def _open(q: Quantity) -> bool:
    """Is a figure only a bound ("up to one mln", "more than 200")?"""
    return q.low is None or q.high is None


def _cross(label: str, a: Seen, b: Seen, arithmetic: Check) -> CrossCheck:
    check = Check(
        id=arithmetic.id,
        kind="cross_source",
        quantity_ids=(a.uid, b.uid),
        stated=arithmetic.stated,
        computed=arithmetic.computed,
        verdict=arithmetic.verdict,
        explanation=explain(label, a, b, arithmetic),
    )
    return CrossCheck(check=check, article_id=a.article_id, other_article_id=b.article_id)
