"""Calendar arithmetic for resolving time expressions: months, weeks, quarters, holidays, occurrences.

Pure functions of dates; no text. ``occurrence`` picks which year a yearly period
(a month, a date, a quarter, a holiday) falls in, relative to an anchor date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from typing import Literal

from claimledger.lang import en_time as lang

Choice = Literal["past", "future", "nearest", "last", "next", "this"]
Period = tuple[dt.date, dt.date]
Resolved = tuple[dt.date | None, dt.date | None]
UNRESOLVED: Resolved = (None, None)
ONE_DAY = dt.timedelta(days=1)


def month_period(year: int, month: int) -> Period:
    """The first and last day of a month: ``month_period(2016, 2)`` -> Feb 1 to Feb 29, 2016."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (clipped to the month's end): Jan 31 + 1 -> Feb 28/29."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def year_period(year: int) -> Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def quarter_period(year: int, quarter: int) -> Period:
    return dt.date(year, 3 * quarter - 2, 1), month_period(year, 3 * quarter)[1]


def week_period(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def months_span(year: int, first_month: int, count: int) -> Period:
    start = dt.date(year, first_month, 1)
    return start, add_months(start, count) - ONE_DAY


def occurrence(period_in: Callable[[int], Period | None], anchor: dt.date | None, choice: Choice,
                explicit_year: int | None = None) -> Resolved:
    """The occurrence of a yearly period that `choice` picks relative to `anchor`."""
    if explicit_year is not None:
        return period_in(explicit_year) or UNRESOLVED
    if anchor is None:
        return UNRESOLVED
    periods = [p for y in range(anchor.year - 8, anchor.year + 9) if (p := period_in(y)) is not None]
    past = [p for p in periods if p[0] <= anchor]
    future = [p for p in periods if p[1] >= anchor]
    picked: Period | None = None
    if choice == "past" and past:
        picked = past[-1]
    elif choice == "future" and future:
        picked = future[0]
    elif choice == "last":
        picked = next((p for p in reversed(periods) if p[1] < anchor), None)
    elif choice == "next":
        picked = next((p for p in periods if p[0] > anchor), None)
    elif choice == "this":
        picked = next((p for p in periods if p[0] <= anchor <= p[1]), None)
    if picked is None and choice in ("nearest", "this") and past and future:
        picked = past[-1] if (anchor - past[-1][1]).days <= (future[0][0] - anchor).days else future[0]
    return picked or UNRESOLVED


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def single_day(year: int, month: int, day: int) -> Period | None:
    date = safe_date(year, month, day)
    return (date, date) if date else None


def shift(day: dt.date, count: float, unit: str) -> dt.date | None:
    """`day` moved by `count` units (negative: back)."""
    try:
        if unit in lang.UNIT_MONTHS:
            return add_months(day, round(count * lang.UNIT_MONTHS[unit]))
        days = count * lang.UNIT_DAYS[unit]
        return day + dt.timedelta(days=math.ceil(days) if days > 0 else math.floor(days))
    except (OverflowError, ValueError, KeyError):
        return None


def calendar_unit(day: dt.date, unit: str) -> Period | None:
    """The calendar day, week, month, quarter, year or decade containing `day`."""
    if unit == "day":
        return day, day
    if unit == "week":
        return week_period(day)
    if unit == "weekend":
        monday = week_period(day)[0]
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_period(day.year)
    if unit == "decade":
        return dt.date(day.year - day.year % 10, 1, 1), dt.date(day.year - day.year % 10 + 9, 12, 31)
    if unit == "century":
        return dt.date(day.year - day.year % 100, 1, 1), dt.date(day.year - day.year % 100 + 99, 12, 31)
    return None


def relative_calendar(anchor: dt.date, unit: str, offset: int) -> Period | None:
    """last/this/next week, month, year ...: the calendar unit `offset` units from the anchor's."""
    if unit in ("day", "week", "weekend"):
        return calendar_unit(anchor + dt.timedelta(days=offset * (1 if unit == "day" else 7)), unit)
    months = lang.UNIT_MONTHS.get(unit)
    return calendar_unit(add_months(anchor.replace(day=1), offset * months), unit) if months else None


def holiday_day(rule: lang.HolidayRule, year: int) -> dt.date | None:
    """The day a holiday rule of ``en_time.HOLIDAYS`` gives in `year`: ("nth", 11, 3, 4) -> Thanksgiving."""
    kind, *args = rule
    numbers = [int(a) for a in args]
    if kind == "fixed":
        return safe_date(year, numbers[0], numbers[1])
    if kind == "easter":
        return easter(year) + dt.timedelta(days=numbers[0])
    month, weekday, nth = numbers[:3]
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = month_period(year, month)[1]
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=numbers[3] if kind == "after_nth" else 0)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
