"""Time expressions in news text: find them and resolve them against the publication date.

Pure regex and table code (no spaCy), fast enough to run on every sentence.
Finding is in :mod:`timex_find`, parsing one expression in :mod:`timex_resolve`;
this module joins them: ranges ("March 30-April 4"), "since X", a time of day
with its date, and the tense of the context (a date without a year after
"until" or "will" is the next one, not the last).

Resolution rules (published = the article's publication date):

- a month, a date, a quarter, a season or a holiday without a year: the most recent
  one that began on or before publication ("In February" on 2016-04-27 -> Feb 2016;
  "July 25" on 2016-08-01 -> 2016-07-25); after a future cue ("until Jan. 31",
  "will ... on April 26", "scheduled for May 11") the first one not yet over; after a
  modal ("would", "could") whichever is nearer;
- a weekday: the most recent such day on or before publication (that day itself when
  published on it); "last Tuesday" strictly before, "next Tuesday" strictly after,
  "this Tuesday" in the publication's Monday-Sunday week;
- "last/this/next week|month|quarter|year": the calendar unit (weeks run Monday-Sunday);
  "this weekend" is the publication week's weekend (the one just past in a Monday paper);
- "the past/last two years", "within the past year", "the past week": publication minus the
  span, to publication; "the next two years": publication to publication plus the span;
  "the last quarter": the calendar quarter before publication's;
- "two years ago": the calendar unit containing publication minus the span ("a year ago" on
  1987-03-15 -> all of 1986; "three weeks ago" -> that Monday-Sunday week);
- "for a year": the year before publication (after it in a future context);
- "early/mid/late" of a year: Jan-Apr, May-Aug, Sep-Dec; of a month: days 1-10, 11-20, 21-end;
  of a decade: years 0-3, 4-6, 7-9; "the start/end of X": X's first/last day;
- "the first/last N months of 2015": counted from the year's start/end; "the 12 months to March":
  the span ending with March;
- "now", "currently", "today": publication day; "yesterday"/"last night" the day before;
- "since X": from X's start to publication; "X to Y", "X-Y", "X through Y": X's start to Y's end;
- "the 20th century": 1900-1999; "the '90s": the most recent such decade;
- "12/03/2016": month/day/year (US order) unless the first number cannot be a month;
- never guessed, left (None, None): anything needing a publication date without one,
  "recently", "for months", "in 10 years", "a year later", "the following day", "the first 30
  minutes", "fiscal 2017", "winter 2015", times of day alone, vague counts ("several years ago").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from claimledger.extract.timex_calendar import UNRESOLVED, Resolved
from claimledger.extract.timex_find import RULES_BY_NAME, Span, find_spans
from claimledger.extract.timex_resolve import Direction, parse, resolve_single
from claimledger.lang import en_time as lang
from claimledger.model import TimeExpression

__all__ = ["find_and_resolve", "find_spans", "find_time_expressions", "resolve", "resolve_spans", "time_spans"]


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_LEADING = re.compile(
    r"(?i:(?P<prep>" + _words(lang.LEADING_PREPOSITIONS + lang.RANGE_OPENERS) + r"))\s+(?P<rest>.+)")
_JOINER = re.compile(r"\s*(?:-\s*to\s*-|[-–—]|\b(?i:to|through|thru|until|till|and)\b)\s*")
_CLOCK_GLUE = re.compile(r"(?:^|(?<=[\s,]))(?i:at|on)(?=\s|$)")
_HAS_YEAR = re.compile(r"\d{4}|['’]\d\d\b|(?i:\b(?:last|this|next)\s+year)")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z])|\n")
# A period after a short capitalised word ("Mr.", "Gen.", "U.S.", "Sept.") ends no sentence.
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z][A-Za-z]{0,3}|[A-Z](?:\.[A-Z])+)\.$")
_IMMEDIATE_FUTURE = re.compile(r"(?i:\b(?:" + _words(lang.FUTURE_CUES_BEFORE) + r"))\s+(?:the\s+)?$")
_FUTURE_CONTEXT = re.compile(r"(?i:(?<![\w'’])(?:" + _words(lang.FUTURE_CUES_CONTEXT) + r")(?!\w))")
_MODAL_CONTEXT = re.compile(r"\b(?:" + _words(lang.MODAL_CUES) + r")\b")
_CONTEXT_CHARS = 100


def find_time_expressions(text: str, offset: int = 0) -> list[TimeExpression]:
    """Every time expression in `text`: maximal, non-overlapping, in order, unresolved.

    Offsets are shifted by `offset`, so a caller can pass one sentence and its offset in the document.

    >>> [(t.text, t.start) for t in find_time_expressions("On Monday, President Obama said", offset=10)]
    [('On Monday', 10)]
    """
    return [TimeExpression(text=text[s.start:s.end], start=s.start + offset, end=s.end + offset)
            for s in find_spans(text)]


def time_spans(text: str) -> list[tuple[int, int]]:
    """The spans a quantity extractor must not report as quantities: dates, years, framing durations ...

    Durations that are themselves the figure ("sentenced to 10 years", "a 98-minute debate") are left out.

    >>> time_spans("dropped from nearly 2,000 per month to 200 within the past year")
    [(43, 63)]
    """
    return [(s.start, s.end) for s in find_spans(text)]


def resolve(expression: str, published: dt.date | None, direction: Direction = "past") -> Resolved:
    """The period `expression` denotes, as (first day, last day), resolved against `published`.

    `direction` says which way a date without a year lies from publication ("past", "future",
    "nearest"; :func:`find_and_resolve` reads it from the context). Returns (None, None) when the
    expression cannot be resolved without guessing.

    >>> resolve("In February", dt.date(2016, 4, 27))
    (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    >>> resolve("In February", None)
    (None, None)
    """
    text = " ".join(expression.replace("’", "'").split()).rstrip(",;:")
    if not text:
        return UNRESOLVED
    if parse(text):
        return resolve_single(text, published, direction)
    leading = _LEADING.fullmatch(text)
    if leading:
        inner = resolve(leading["rest"], published, direction)
        if leading["prep"].lower() == "since":
            return (inner[0], published) if inner[0] and (published is None or inner[0] <= published) \
                else UNRESOLVED
        return inner
    without_clock = _without_clock(text)
    if without_clock and without_clock != text:
        return resolve(without_clock, published, direction)
    for joiner in _JOINER.finditer(text):
        left, right = text[:joiner.start()], text[joiner.end():]
        if left and right and parse(left) and parse(right):
            return _range(left, right, published, direction)
    return UNRESOLVED


def find_and_resolve(text: str, published: dt.date | None, offset: int = 0) -> list[TimeExpression]:
    """Find every time expression in `text` and resolve it against the publication date.

    >>> [(t.text, str(t.start_date), str(t.end_date))
    ...  for t in find_and_resolve("Candidates have until Jan. 31 to disclose", dt.date(2016, 1, 4))]
    [('Jan. 31', '2016-01-31', '2016-01-31')]
    """
    return resolve_spans(text, find_spans(text), published, offset)


def resolve_spans(text: str, spans: Sequence[Span], published: dt.date | None,
                  offset: int = 0) -> list[TimeExpression]:
    """Resolve time expressions already found by :func:`find_spans` (so a caller finds them once)."""
    found = []
    for span in spans:
        written = text[span.start:span.end]
        start_date, end_date = resolve(written, published, context_direction(text, span.start))
        found.append(TimeExpression(written, start_date, end_date, span.start + offset, span.end + offset))
    return found


def context_direction(text: str, start: int) -> Direction:
    """Which way a date without a year lies, from the words before it in its sentence.

    >>> context_direction("ahead of the contests in Utah on Tuesday", 32)
    'future'
    """
    window = text[max(0, start - _CONTEXT_CHARS):start]
    ends = [m for m in _SENTENCE_END.finditer(window) if not _ABBREVIATION.search(window, 0, m.start() + 1)]
    if ends:
        window = window[ends[-1].end():]
    if _IMMEDIATE_FUTURE.search(window) or _FUTURE_CONTEXT.search(window):
        return "future"
    return "nearest" if _MODAL_CONTEXT.search(window) else "past"


def _without_clock(text: str) -> str:
    """The expression with its time of day taken out ("Monday at 10 a.m." -> "Monday")."""
    clock = RULES_BY_NAME["clock"].pattern
    if not clock.search(text):
        return ""
    rest = clock.sub(" ", text)
    return " ".join(_CLOCK_GLUE.sub(" ", rest).split()).strip(" ,")


def _range(left: str, right: str, published: dt.date | None, direction: Direction) -> Resolved:
    """'X to Y': from X's start to Y's end; a yearless end is moved after the start if needed."""
    first, last = resolve(left, published, direction), resolve(right, published, direction)
    if first[0] and last[1] and last[1] < first[0]:
        if not _HAS_YEAR.search(right):
            last = resolve(right, first[0], "future")
        elif not _HAS_YEAR.search(left):
            first = resolve(left, last[1], "past")
    if first[0] is None or last[1] is None or last[1] < first[0]:
        return UNRESOLVED
    return first[0], last[1]
