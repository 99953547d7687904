"""Resolving a time expression to the period it denotes, against the publication date.

The expression is parsed with the anchored patterns of :mod:`timex_find`; each rule
has a resolver here. Dates without a year take the year the ``direction`` says:
``past`` (the default) the most recent such period that began on or before
publication, ``future`` the first that has not ended by it, ``nearest`` whichever is
closer. What cannot be resolved without guessing is ``(None, None)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from claimledger.extract.timex_calendar import (
    ONE_DAY,
    UNRESOLVED,
    Choice,
    Period,
    Resolved,
    add_months,
    calendar_unit,
    holiday_day,
    month_period,
    months_span,
    occurrence,
    quarter_period,
    relative_calendar,
    safe_date,
    shift,
    single_day,
    week_period,
    year_period,
)
from claimledger.extract.timex_find import RULES
from claimledger.lang import en_time as lang

Direction = Literal["past", "future", "nearest"]

_CHOICE_OF_OFFSET: dict[int, Choice] = {-1: "last", 0: "this", 1: "next"}


# --- reading words -------------------------------------------------------------------------------

def _month_number(word: str) -> int:
    key = word.rstrip(".").lower()
    return lang.MONTHS.get(key) or lang.MONTH_ABBREVIATIONS[key]


def _count(text: str | None) -> float | None:
    """'two' -> 2, '1.5' -> 1.5, 'twenty-five' -> 25, absent -> 1, 'several' -> None."""
    if text is None:
        return 1
    key = " ".join(text.lower().replace("-", " ").split())
    if key in lang.VAGUE_COUNTS:
        return None
    if key in lang.COUNT_WORDS:
        return lang.COUNT_WORDS[key]
    parts = key.split()
    if len(parts) == 2 and parts[0] in lang.TENS_WORDS and parts[1] in lang.UNITS_WORDS:
        return lang.TENS_WORDS[parts[0]] + lang.UNITS_WORDS[parts[1]]
    try:
        return float(key.replace(",", ""))
    except ValueError:
        return None


def _two_digit_year(text: str) -> int:
    value = int(text)
    return value if value >= 100 else (2000 + value if value < 50 else 1900 + value)


def _choice(rel: str | None, direction: Direction) -> Choice:
    """'last' -> the one before publication, 'this' -> containing it, 'next' -> after; else `direction`."""
    offset = lang.RELATIVE_WORDS.get(rel.lower()) if rel else None
    return direction if offset is None else _CHOICE_OF_OFFSET[offset]


def _of_year(text: str | None, anchor: dt.date | None) -> Period | Literal["any"] | None:
    """The year named after 'of': explicit, relative ('last year'), or 'any' for 'the year'."""
    if text is None:
        return None
    words = text.lower().split()
    if words[-1].isdigit():
        return year_period(int(words[-1])) if words[0] != "fiscal" else None
    if words[:2] == ["the", "year"]:
        return "any"
    offset = {"last": -1, "this": 0, "current": 0, "next": 1}.get(words[1] if words[0] == "the" else words[0])
    if offset is None or anchor is None:
        return None
    return year_period(anchor.year + offset)


# --- one resolver per rule -----------------------------------------------------------------------

Resolver = Callable[[re.Match[str], dt.date | None, Direction], Resolved]


def _calendar(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    month = _month_number(m["month"])
    if m.groupdict().get("myear"):
        return month_period(int(m["myear"]), month)
    day = int(re.sub(r"\D", "", m["day"]))
    explicit = int(m["year"]) if m["year"] else None
    return occurrence(lambda y: single_day(y, month, day), anchor, direction, explicit)


def _day_range(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    month, first, last = _month_number(m["month"]), int(re.sub(r"\D", "", m["day"])), int(
        re.sub(r"\D", "", m["day2"]))

    def period(year: int) -> Period | None:
        start, end = safe_date(year, month, first), safe_date(year, month, last)
        return (start, end) if start and end and start <= end else None

    return occurrence(period, anchor, direction, int(m["year"]) if m["year"] else None)


def _numeric_date(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    if m["iy"]:
        date = safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
    else:
        first, second = int(m["a"]), int(m["b"])
        month, day = (second, first) if first > 12 else (first, second)  # US order unless impossible
        date = safe_date(_two_digit_year(m["y"]), month, day)
    return (date, date) if date else UNRESOLVED


def _month_range(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    first, last = _month_number(m["month"]), _month_number(m["month2"])

    def period(year: int) -> Period:
        end_year = year if last >= first else year + 1
        return month_period(year, first)[0], month_period(end_year, last)[1]

    if m["year"]:
        year = int(m["year"])
        return period(year if last >= first else year - 1)
    return occurrence(period, anchor, direction)


def _month(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    month = _month_number(m["month"])
    return occurrence(lambda y: month_period(y, month), anchor, _choice(m["rel"], direction))


def _year(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    return year_period(int(m["year"]))


def _year_range(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    first = int(m["year"])
    last = int(m["year2"]) if len(m["year2"]) == 4 else first - first % 100 + int(m["year2"])
    return (dt.date(first, 1, 1), dt.date(last, 12, 31)) if last > first else UNRESOLVED


def _decade(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    digits = m["decade"].lstrip("'’")
    start: int | None = int(digits) if len(digits) == 4 else None
    if start is None and anchor is not None:  # "the '90s": the most recent such decade that has begun
        start = max((y for y in (1900 + int(digits), 2000 + int(digits)) if y <= anchor.year), default=None)
    elif start is None and int(digits) >= 30:
        start = 1900 + int(digits)
    if start is None:
        return UNRESOLVED
    first, last = lang.DECADE_PARTS[m["part"].lower()] if m["part"] else (0, 9)
    return dt.date(start + first, 1, 1), dt.date(start + last, 12, 31)


def _century(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    word = m["century"].lower()
    number = lang.CENTURY_ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    if not 1 < number <= 30:
        return UNRESOLVED
    return dt.date(100 * (number - 1), 1, 1), dt.date(100 * number - 1, 12, 31)  # 20th: 1900-1999


def _weekday(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    if anchor is None or m["plural"]:
        return UNRESOLVED
    target = lang.WEEKDAYS[m["wd"].lower()]
    rel = m["rel"].lower() if m["rel"] and m["rel"].lower() not in ("early", "late") else None
    choice = _choice(rel, direction)
    delta = (anchor.weekday() - target) % 7
    if choice == "this":
        day = week_period(anchor)[0] + dt.timedelta(days=target)
    elif choice == "last":
        day = anchor - dt.timedelta(days=delta or 7)
    elif choice == "next":
        day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    elif choice == "future" or (choice == "nearest" and delta > 3):
        day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
    else:
        day = anchor - dt.timedelta(days=delta)
    return day, day


def _deictic(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    if anchor is None:
        return UNRESOLVED
    day = anchor + dt.timedelta(days=lang.DEICTIC_DAYS[" ".join(m["word"].lower().split())])
    return day, day


def _unresolved(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    return UNRESOLVED


def _to_date(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    if anchor is None:
        return UNRESOLVED
    period = calendar_unit(anchor, "year" if m["ytd"] else m["unit"].lower())
    return (period[0], anchor) if period else UNRESOLVED


def _yearly_part(m: re.Match[str], anchor: dt.date | None, direction: Direction,
                 part_in: Callable[[int], Period]) -> Resolved:
    """A quarter or half: of a named year, or the occurrence `direction` picks."""
    of = _of_year(m.groupdict().get("of"), anchor)
    if isinstance(of, tuple):
        return part_in(of[0].year)
    if m.groupdict().get("of") and of is None:
        return UNRESOLVED
    return occurrence(part_in, anchor, direction)


def _quarter(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    quarter = int(m["q"] or m["q2"] or lang.QUARTER_ORDINALS[m["ord"].lower()])
    if m["qyear"]:
        return quarter_period(_two_digit_year(m["qyear"]), quarter)
    return _yearly_part(m, anchor, direction, lambda y: quarter_period(y, quarter))


def _half(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    half = lang.HALF_ORDINALS[m["ord"].lower()]
    return _yearly_part(m, anchor, direction, lambda y: months_span(y, 6 * half - 5, 6))


def _part_of(period: Period, unit: str, part: str | None, edge: str | None) -> Period | None:
    """A part (early/mid/late) or an edge (start/end/middle) of a year, month or decade."""
    if edge in ("start", "end"):
        day = period[0] if edge == "start" else period[1]
        return day, day
    key = part or "middle"
    if unit == "year":
        first, last = lang.YEAR_PARTS[key]
        return month_period(period[0].year, first)[0], month_period(period[0].year, last)[1]
    if unit == "month":
        first, last = lang.MONTH_PARTS[key]
        return period[0].replace(day=first), min(period[1], period[0].replace(day=min(last, period[1].day)))
    if unit == "decade":
        first, last = lang.DECADE_PARTS[key]
        return dt.date(period[0].year + first, 1, 1), dt.date(period[0].year + last, 12, 31)
    return None


def _part(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    part = m["part"].lower() if m["part"] else None
    edge = lang.PERIOD_EDGES.get(m["edge"].lower()) if m["edge"] else None
    if m["year"]:
        return _part_of(year_period(int(m["year"])), "year", part, edge) or UNRESOLVED
    if m["month"]:
        month = _month_number(m["month"])

        def in_year(year: int) -> Period | None:
            return _part_of(month_period(year, month), "month", part, edge)

        return occurrence(in_year, anchor, direction, int(m["myear"]) if m["myear"] else None)
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "the":
        if unit != "year":
            return UNRESOLVED
        return occurrence(lambda y: _part_of(year_period(y), "year", part, edge), anchor, direction)
    whole = relative_calendar(anchor, unit, lang.RELATIVE_WORDS[rel]) if anchor else None
    return (_part_of(whole, unit, part, edge) if whole else None) or UNRESOLVED


def _earlier_later(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    whole = calendar_unit(anchor, m["unit"].lower()) if anchor else None
    if whole is None or anchor is None:
        return UNRESOLVED
    return (whole[0], anchor) if m["side"].lower() == "earlier" else (anchor, whole[1])


def _season(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    first_month, length = lang.SEASONS[(m["season"] or m["season2"]).lower()]
    part = (m["part"] or m["part2"] or "").lower()
    offset, size = lang.SEASON_PARTS[part] if part else (0, length)
    year = m["year"] or m["year2"]
    if year and first_month == 12:
        return UNRESOLVED  # "winter 2015": which winter is not settled usage

    def in_year(y: int) -> Period:
        start = add_months(dt.date(y, first_month, 1), offset)
        return start, add_months(start, size) - ONE_DAY

    rel = m["rel"].lower() if m["rel"] and m["rel"].lower() != "the" else None
    return occurrence(in_year, anchor, _choice(rel, direction), int(year) if year else None)


_HOLIDAY_KEYS = {" ".join(k.replace("’", "'").lower().split()): v for k, v in lang.HOLIDAYS.items()}


def _holiday(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    rule = _HOLIDAY_KEYS.get(" ".join(m["holiday"].replace("’", "'").lower().split()))
    if rule is None:
        return UNRESOLVED

    def in_year(year: int) -> Period | None:
        day = holiday_day(rule, year)
        return (day, day) if day else None

    return occurrence(in_year, anchor, _choice(m["rel"], direction), int(m["year"]) if m["year"] else None)


def _rolling(anchor: dt.date, count: float, unit: str, sign: int) -> Resolved:
    """'the past two years': from the anchor moved back (or on) by the span, to the anchor."""
    other = shift(anchor, sign * count, unit)
    if other is None:
        return UNRESOLVED
    return (other, anchor) if sign < 0 else (anchor, other)


def _period(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    unit = "weekend" if unit.startswith("weekend") else lang.PERIOD_UNITS[unit]
    count = _count(m["count"])
    plural_without_count = m["count"] is None and m["unit"].lower().endswith("s")  # "in coming weeks"
    if count is None or count <= 0 or m["approx"] or plural_without_count:
        return UNRESOLVED
    if m["of"]:  # "the last three months of 2015", "the first half of the year"
        return _edge_of_year(rel, count, unit, _of_year(m["of"], anchor), anchor, direction)
    if rel in ("first", "final", "opening", "closing", "following", "previous", "prior", "preceding") \
            or anchor is None:
        return UNRESOLVED  # relative to an event in the text, not to publication
    if unit == "quarter" and m["count"] is None and rel in ("last", "past"):
        return relative_calendar(anchor, "quarter", -1) or UNRESOLVED  # "the last quarter"
    offset = lang.RELATIVE_WORDS[rel]
    rolling = m["the"] or m["count"] or rel in ("past", "coming")
    if rolling and offset != 0 and unit != "weekend":
        return _rolling(anchor, count, unit, offset)
    if m["count"] and count != 1:
        return UNRESOLVED
    if unit == "weekend" and rel == "this" and anchor.weekday() == 0:
        offset = -1  # "this weekend" in a Monday paper is the one just past
    return relative_calendar(anchor, unit, offset) or UNRESOLVED


def _edge_of_year(rel: str, count: float, unit: str, year: Period | Literal["any"] | None,
                  anchor: dt.date | None, direction: Direction) -> Resolved:
    """'the first three months of 2015' (from the start), 'the last quarter of 2015' (to the end)."""
    if year is None or rel not in ("first", "opening", "last", "final", "closing"):
        return UNRESOLVED
    from_start = rel in ("first", "opening")

    def in_year(y: int) -> Period | None:
        start, end = year_period(y)
        other = shift(start if from_start else end + ONE_DAY, count if from_start else -count, unit)
        if other is None:
            return None
        return (start, other - ONE_DAY) if from_start else (other, end)

    if year == "any":
        return occurrence(in_year, anchor, direction)
    return in_year(year[0].year) or UNRESOLVED


def _offset(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    """'two years ago': the calendar unit containing publication minus the span (a year for year units)."""
    word = " ".join((m["dir"] or "").lower().split())
    count = _count(m["count"]) if m["count"] else None
    if anchor is None or count is None or word not in lang.PUBLICATION_OFFSET_WORDS:
        return UNRESOLVED
    unit = lang.PERIOD_UNITS[m["unit"].lower()]
    if unit in ("minute", "hour"):
        return UNRESOLVED
    point = shift(anchor, count * lang.OFFSET_WORDS[word], unit)
    granularity = "year" if unit in ("decade", "century") else "week" if unit == "fortnight" else unit
    return (calendar_unit(point, granularity) if point else None) or UNRESOLVED


def _framed(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    """'for a year' before publication (after it when the context is future); 'in 10 years' unresolved."""
    if not m["for"] or anchor is None or m["acount"].lower() not in ("a", "an"):
        return UNRESOLVED
    return _rolling(anchor, 1, lang.PERIOD_UNITS[m["aunit"].lower()], 1 if direction == "future" else -1)


def _span_ending(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> Resolved:
    """'the 12 months to March': the span that ends with the named date or month."""
    count = _count(m["count"])
    end = resolve_single(m["tail"], anchor, direction)[1]
    start = shift(end + ONE_DAY, -count, lang.PERIOD_UNITS[m["unit"].lower()]) if end and count else None
    return (start, end) if start else UNRESOLVED


RESOLVERS: dict[str, Resolver] = {
    "calendar": _calendar, "calendar_dmy": _calendar, "day_range": _day_range, "numeric_date": _numeric_date,
    "month_range": _month_range, "month": _month, "decade": _decade, "year": _year, "year_range": _year_range,
    "fiscal": _unresolved, "century": _century, "weekday": _weekday, "deictic": _deictic,
    "vague": _unresolved, "to_date": _to_date, "quarter": _quarter, "half": _half, "part": _part,
    "earlier_later": _earlier_later,
    "season": _season, "holiday": _holiday, "period": _period, "offset": _offset, "framed": _framed,
    "span_ending": _span_ending, "clock": _unresolved, "for_clause": _unresolved, "another": _unresolved,
    "stat_window": _unresolved,
}


def parse(text: str) -> tuple[str, re.Match[str]] | None:
    """The first rule whose pattern matches all of `text`, with its match."""
    for rule in RULES:
        match = rule.pattern.fullmatch(text)
        if match:
            return rule.name, match
    return None


def resolve_single(text: str, anchor: dt.date | None, direction: Direction = "past") -> Resolved:
    """Resolve one expression that a single rule matches (no range, no leading preposition).

    >>> resolve_single("last week", dt.date(2016, 4, 27))
    (datetime.date(2016, 4, 18), datetime.date(2016, 4, 24))
    """
    parsed = parse(text)
    if parsed is None:
        return UNRESOLVED
    name, match = parsed
    try:
        return RESOLVERS[name](match, anchor, direction)
    except (ValueError, OverflowError, KeyError):
        return UNRESOLVED
