"""Finding time expressions with precompiled patterns built from ``lang/en_time.py`` (no spaCy).

Each :class:`Rule` is one kind of expression (a calendar date, a year, "last week",
"over the past two years" ...). The finder runs every rule over the text, keeps the
longest non-overlapping matches, joins ranges ("March 30-April 4") and times of day
to their dates, and takes in a leading preposition ("In February"). The same
patterns, anchored, are what ``timex_resolve`` parses an expression with.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimledger.lang import en_numbers as numbers
from claimledger.lang import en_time as lang


def _alternation(words: Iterable[str], ignore_case: bool = True) -> str:
    """Longest first, escaped, any run of spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _names(words: Iterable[str], upper: bool = False) -> str:
    """Capitalised names ("March"), optionally also in capitals ("MARCH" in a dateline)."""
    forms = [w.capitalize() for w in words] + ([w.upper() for w in words] if upper else [])
    return _alternation(forms, ignore_case=False)


_B = r"(?<![\w'’])"  # start of a word
_E = r"(?![\w'’]|-(?!to-)[a-z])"  # end of a word, not of a compound ("hour-long"); _POSS takes "'s"
_POSS = r"(?:['’]s(?!\w))?"
_DASH = r"\s*[-–—]\s*"


def _group(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _optional(body: str) -> str:
    return f"(?:{body})?"


def _any(*bodies: str) -> str:
    return "(?:" + "|".join(bodies) + ")"


THE = r"(?i:the)\s+"
MONTH_FULL = _names(lang.MONTHS, upper=True)
MONTH_NAME = _names(lang.MONTHS)
MONTH_ABBR = _alternation([a.capitalize() for a in lang.MONTH_ABBREVIATIONS], ignore_case=False) + r"\.?"
MONTH_ANY = _any(MONTH_FULL, MONTH_ABBR)
WEEKDAY = _names(lang.WEEKDAYS, upper=True)
WEEKDAY_ABBR = _alternation([a.capitalize() for a in lang.WEEKDAY_ABBREVIATIONS], ignore_case=False) + r"\.?"
DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
YEAR_FULL = r"(?:1[0-9]|20)\d{2}(?![\d%]|[.,]\d)"
BARE_YEAR = r"(?<![\d,.$£€¥#/])(?:1[5-9]|20)\d{2}(?![\d%]|[.,]\d|s\b|[-–/]\d)"
COUNT = _any(
    r"\d{1,3}(?:,\d{3})+", r"\d+(?:\.\d+)?",
    _alternation(lang.TENS_WORDS) + _optional(r"[-\s]" + _alternation(list(lang.UNITS_WORDS)[1:10])),
    _alternation(list(lang.COUNT_WORDS) + list(lang.VAGUE_COUNTS)),
)
APPROX_WORD = _alternation(lang.APPROXIMATORS)
APPROX = _optional(APPROX_WORD + r"\s+")
UNIT = _alternation(lang.PERIOD_UNITS)
UNIT_PLURAL = _alternation(u for u in lang.PERIOD_UNITS if u.endswith("s"))
RELATIVE = _alternation(lang.RELATIVE_WORDS)
PART = _alternation(lang.YEAR_PARTS)
SEASON = _alternation(lang.SEASONS)
CENTURY_ORDINAL = _any(r"\d{1,2}(?:st|nd|rd|th)", _alternation(lang.CENTURY_ORDINALS))
OPTIONAL_YEAR = _optional(r",?\s+" + _group("year", YEAR_FULL))
# What "of ..." may name after a part of a year: "of 2015", "of last year", "of the year", "of fiscal 2016".
OF_YEAR_REQUIRED = r"\s+(?i:of|in)\s+" + _group("of", _any(
    YEAR_FULL, r"(?i:fiscal\s+)" + YEAR_FULL,
    r"(?i:(?:last|this|next|the\s+(?:current|previous|same))\s+(?:fiscal\s+)?year|the\s+year)"))
OF_YEAR = _optional(OF_YEAR_REQUIRED)
NOT_AGE = r"(?!\s*-?\s*(?i:old)(?!\w)|\s+(?i:of\s+age)(?!\w))"

# Each rule: a name, a pattern and, for the ambiguous ones, a check of the words around the match.
Check = Callable[[str, int, int], bool]


@dataclass(frozen=True)
class Rule:
    """One kind of time expression."""

    name: str
    pattern: re.Pattern[str]
    check: Check | None = None
    rangeable: bool = True  # may be one end of "X to Y"


_TIME_WORD_BEFORE = re.compile(
    r"(?i:\b(?:in|of|since|until|till|through|during|last|this|next|past|early|late|by|before|after"
    r"|from|to|between|each|every|for|on|throughout))\s+$")
_NOT_YEAR_BEFORE = re.compile(r"(?:" + _alternation(lang.NOT_YEAR_BEFORE) + r"|[$£€¥#])\s*$")
_UNIT_WORDS = [*(set(numbers.MEASURE_UNITS) - numbers.AMBIGUOUS_UNITS), *numbers.PERCENT_WORDS,
               *(set(numbers.SCALE_WORDS) - numbers.SHORT_SCALES), *numbers.DURATION_UNITS]
_NOT_YEAR_AFTER = re.compile(r"\s*(?:%|" + _alternation([*lang.NOT_YEAR_AFTER, *_UNIT_WORDS]) + r")(?!\w)")
_OLD_YEAR_BEFORE = re.compile(r"(?i:\b(?:in|since|during|circa|c\.|until|before|after|the\s+year))\s+$")
_CLAIMED_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(lang.CLAIMED_DURATION_BEFORE) + r"))\s+$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_FALL_OF = re.compile(r"\s+(?:of|in)\s+")
_SEASON_PREPOSITION = re.compile(r"(?i:\b(?:in|during|since|until|through|throughout|by|over|for))\s+$")


def _ambiguous_month(text: str, start: int, end: int) -> bool:
    """'May', 'March' ... alone are months only after a time word ("in May", "last March")."""
    word = text[start:end].split()[-1].rstrip("'’s").lower()
    if word not in lang.AMBIGUOUS_MONTHS or " " in text[start:end].strip():
        return True
    return _TIME_WORD_BEFORE.search(text, max(0, start - 30), start) is not None


def _year(text: str, start: int, end: int) -> bool:
    """A bare 4-digit number is a year unless amount words surround it ("about 2000 people")."""
    if _NOT_YEAR_BEFORE.search(text, max(0, start - 20), start) or _NOT_YEAR_AFTER.match(text, end):
        return False
    digits = _FOUR_DIGITS.search(text, start, end)
    year = int(digits.group()) if digits else 0
    return year >= 1900 or _OLD_YEAR_BEFORE.search(text, max(0, start - 20), start) is not None


def _framing(text: str, start: int, end: int) -> bool:
    """'in 10 years' frames a period, but 'sentenced to over 10 years' is the figure claimed."""
    return _CLAIMED_BEFORE.search(text, max(0, start - 20), start) is None


_CLAIMED_ANOTHER = re.compile(r"(?i:\b(?:" + "|".join(lang.CLAIMED_ANOTHER_BEFORE) + r"))\s+(?:to\s+)?$")


def _not_claimed_another(text: str, start: int, end: int) -> bool:
    """'another three years' frames a period, unless it is a sentence ("sentenced to another 10 years")."""
    return _CLAIMED_ANOTHER.search(text, max(0, start - 24), start) is None


def _season(text: str, start: int, end: int) -> bool:
    """'the fall of 2015' and 'in the spring' are seasons; 'the fall in the dollar' is not."""
    words = text[start:end].lower().split()
    if words[0] != "the" or (len(words) > 2 and words[-1][:1].isdigit()):
        return True
    after_preposition = _SEASON_PREPOSITION.search(text, max(0, start - 20), start) is not None
    return after_preposition and not _FALL_OF.match(text, end)


def _rule(name: str, *parts: str, check: Check | None = None, rangeable: bool = True,
          word: bool = True) -> Rule:
    """A rule whose pattern is `parts` joined, bounded as a word unless `word` is False."""
    body = "".join(parts)
    return Rule(name, re.compile(_B + body + _E if word else body), check, rangeable)


RULES: tuple[Rule, ...] = (
    # "Monday, July 25, 2016", "Sept. 11", "Jan. 31", "December 2015", "Dec. 31st, 2015"
    _rule("calendar", _optional(_group("wd", _any(WEEKDAY, WEEKDAY_ABBR)) + r",?\s+"),
          _group("month", MONTH_ANY),
          _any(r"\s+" + _group("day", DAY_NUMBER) + OPTIONAL_YEAR, r",?\s+" + _group("myear", YEAR_FULL)),
          _POSS),
    # "31 December 2015", "the 4th of July"
    _rule("calendar_dmy", _optional(_group("wd", WEEKDAY) + r",?\s+"), _optional(THE),
          _group("day", DAY_NUMBER), r"\s+(?:of\s+)?", _group("month", MONTH_ANY), OPTIONAL_YEAR),
    # "July 25-27" ("March 30-April 4" is a range of two calendar dates)
    _rule("day_range", _group("month", MONTH_ANY), r"\s+", _group("day", DAY_NUMBER), _DASH,
          _group("day2", DAY_NUMBER), OPTIONAL_YEAR),
    # "12/03/2016", "2016-04-27"
    _rule("numeric_date", r"(?<![\w/.-])", _any(
        _group("a", r"\d{1,2}") + "/" + _group("b", r"\d{1,2}") + "/" + _group("y", r"\d{4}|\d{2}"),
        _group("iy", r"\d{4}") + "-" + _group("im", r"\d{2}") + "-" + _group("id", r"\d{2}")),
          r"(?![\w/-]|\.\d)", word=False),
    # "October-to-December", "October-December 2015"
    _rule("month_range", _group("month", MONTH_NAME),
          _any(r"\s*[-–—]\s*to\s*[-–—]\s*", _DASH, r"\s+(?i:to|through)\s+"),
          _group("month2", MONTH_NAME), OPTIONAL_YEAR),
    # "February", "last September", "this May"
    _rule("month", _optional(_group("rel", RELATIVE) + r"\s+"), _group("month", MONTH_NAME), _POSS,
          check=_ambiguous_month),
    # "1970s", "the '90s", "the early 1990s", "mid-1980s"
    _rule("decade", _optional(THE), _optional(_group("part", PART) + r"(?:\s+|-)"),
          _group("decade", r"(?:1[0-9]|20)\d0|['’]\d0"), r"['’]?s"),
    # "2014", "in 1985", "2016's"
    _rule("year", _optional(r"(?i:the\s+year)\s+"), _group("year", BARE_YEAR), _POSS, check=_year),
    # "2015-16", "1985-1986", "2015/16"
    _rule("year_range", r"(?<![\w$£€.,/-])", _group("year", r"(?:19|20)\d{2}"), r"\s*[-–/]\s*",
          _group("year2", r"(?:19|20)\d{2}|\d{2}"), r"(?![\w%/-]|[.,]\d)", word=False),
    # "fiscal 2017", "fiscal year 2015-16", "FY2017", "FY17"
    _rule("fiscal", _any(r"(?i:fiscal)(?:\s+(?i:year))?\s+(?:" + YEAR_FULL + r"|['’]\d{2})",
                         r"FY\s?(?:\d{4}|\d{2})"), r"(?:[-–/]\d{2,4})?", _POSS),
    # "the 20th century", "the twenty-first century"
    _rule("century", _optional(THE), _group("century", CENTURY_ORDINAL), r"[\s-]+(?i:century)", _POSS),
    # "Monday", "last Tuesday", "Monday night", "late Friday", "Tuesday’s"
    _rule("weekday", _optional(_group("rel", _alternation(lang.WEEKDAY_MODIFIERS)) + r"\s+"),
          _group("wd", WEEKDAY), _group("plural", "s") + "?", _POSS,
          _optional(r"\s+" + _group("daypart", _alternation(lang.DAY_PARTS)))),
    # "yesterday", "today", "now", "currently", "last night", "today’s"
    _rule("deictic", _group("word", _alternation(lang.DEICTIC_DAYS)), _POSS),
    # "recently", "over the years", "for months", "in recent weeks"
    _rule("vague", _alternation(lang.VAGUE_TIMES), rangeable=False),
    # "so far this year", "year-to-date"
    _rule("to_date", r"(?i:so\s+far\s+this\s+", _group("unit", "year|month|week"), "|",
          _group("ytd", r"year[-\s]to[-\s]date"), ")"),
    # "the third quarter", "the fourth quarter of 2015", "second-quarter", "Q3 2015"
    _rule("quarter", _any(
        _optional(THE) + _group("ord", _alternation(lang.QUARTER_ORDINALS)) + r"[\s-]+(?i:quarter)" + _POSS
        + OF_YEAR,
        _optional(THE) + _any("Q" + _group("q", "[1-4]"), _group("q2", "[1-4]") + "Q")
        + _optional(r"\s*['’]?" + _group("qyear", YEAR_FULL + r"|\d{2}")))),
    # "the first half of 2015", "the second half of last year"
    _rule("half", _optional(THE), _group("ord", _alternation(lang.HALF_ORDINALS)), r"\s+(?i:half)",
          OF_YEAR_REQUIRED),
    # "late 1985", "early last year", "mid-March", "the start of March", "the end of the year"
    _rule("part", _any(
        _optional(THE) + _group("part", PART) + r"(?:\s+|-)",
        THE + _group("edge", _alternation([*lang.PERIOD_EDGES, "middle"])) + r"\s+(?i:of)\s+"),
          _any(_optional(r"(?i:the\s+)") + _group("year", YEAR_FULL),
               _group("month", MONTH_NAME) + _optional(r",?\s+" + _group("myear", YEAR_FULL)),
               _group("rel", _alternation(("last", "this", "next", "the"))) + r"\s+"
               + _group("unit", _alternation(lang.PART_UNITS))), _POSS),
    # "earlier this year", "later this month"
    _rule("earlier_later", _group("side", _alternation(lang.EARLIER_LATER)), r"\s+(?i:this)\s+",
          _group("unit", _alternation(lang.EARLIER_LATER_UNITS))),
    # "last spring", "the fall of 2015", "summer 2016", "this winter"
    _rule("season", _any(
        _any(_group("rel", _alternation(lang.SEASON_MODIFIERS)) + r"\s+"
             + _optional(_group("part", PART) + r"\s+"), _group("part2", PART) + r"\s+")
        + _group("season", SEASON) + _optional(r"\s+(?i:of\s+)?" + _group("year", YEAR_FULL)),
        _group("season2", SEASON) + r"\s+" + _group("year2", YEAR_FULL)), _POSS, check=_season),
    # "Thanksgiving", "Christmas Eve", "last Christmas", "Christmas 2015"
    _rule("holiday", _optional(_group("rel", _alternation(lang.HOLIDAY_MODIFIERS)) + r"\s+"),
          _group("holiday", _alternation(lang.HOLIDAYS, ignore_case=False)),
          _optional(r"\s+" + _group("year", YEAR_FULL)), _POSS),
    # "last week", "this year", "the past two years", "the last three months of 2015", "the first 30 minutes"
    _rule("period", _optional(_group("the", r"(?i:the)") + r"\s+"),
          _group("rel", _any(RELATIVE, _alternation(lang.EDGE_ORDINALS))), r"\s+",
          _optional(_group("approx", APPROX_WORD) + r"\s+"), _optional(_group("count", COUNT) + r"\s+"),
          r"(?:(?i:fiscal)\s+)?", _group("unit", _any(UNIT, _alternation(("weekend", "weekends")))), _POSS,
          OF_YEAR),
    # "a year ago", "three weeks ago", "a year later", "years ago", "Three weeks" (ahead of the primary)
    _rule("offset", APPROX,
          _any(_group("count", COUNT) + r"\s+" + _group("unit", UNIT), _group("vunit", UNIT_PLURAL)),
          _any(r"\s+" + _group("dir", _alternation(lang.PUBLICATION_OFFSET_WORDS | {"earlier", "later"})),
               r"(?(vunit)(?!)|(?=\s+" + _alternation(lang.EVENT_OFFSET_WORDS) + r"\s))"),
          check=_framing, rangeable=False),
    # "in one year", "within 10 days", "over two years", "for a year", "in a few weeks"; not an age
    # ("over thirty years old")
    _rule("framed", _any(
        _group("prep", _alternation(lang.FRAMING_PREPOSITIONS)) + r"\s+" + APPROX + _group("count", COUNT)
        + r"\s+" + _group("unit", UNIT) + NOT_AGE,
        _group("for", r"(?i:for)") + r"\s+" + APPROX
        + _group("acount", _alternation(("a", "an", *lang.VAGUE_COUNTS))) + r"\s+" + _group("aunit", UNIT)),
          check=_framing, rangeable=False),
    # "For 24 hours, he drove ...": a clause opened by a duration frames the period
    _rule("for_clause", r"(?:^|(?<=[.;:!?]\s))(?i:for)\s+", APPROX, _group("count", COUNT), r"\s+",
          _group("unit", UNIT), r"(?=\s*,)", rangeable=False),
    # "at least another three years": a further period
    _rule("another", APPROX, r"(?i:another)\s+", _group("count", COUNT), r"\s+", _group("unit", UNIT),
          NOT_AGE, check=_not_claimed_another, rangeable=False),
    # "the three-month average": a period written as an adjective of a statistic
    _rule("stat_window", _group("count", COUNT), r"-", _group("unit", UNIT),
          r"(?=\s+" + _alternation(lang.FRAMED_STATISTICS) + r"(?!\w))", rangeable=False),
    # "the 12 months to March", "the year ended June 30"
    _rule("span_ending", _optional(THE), _optional(_group("count", COUNT) + r"\s+"),
          _group("unit", _alternation(lang.SPAN_UNITS)),
          r"\s+", _alternation(lang.SPAN_END_WORDS), r"\s+",
          _group("tail", _any(MONTH_ANY + _optional(r"\s+" + DAY_NUMBER) + _optional(r",?\s+" + YEAR_FULL),
                              WEEKDAY)), rangeable=False),
    # "10 a.m.", "5:30 p.m. ET", "noon", "10 o'clock"
    _rule("clock", r"(?<![\w:.,/-])", _any(
        r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?i:a\.m\.?|p\.m\.?|am|pm)(?!\w)",
        r"(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])",
        _alternation(lang.CLOCK_WORDS) + r"(?!\w)",
        r"[01]?\d\s+o['’]clock(?!\w)"),
          _optional(r"\s+" + _alternation(lang.TIME_ZONES, ignore_case=False) + _E),
          rangeable=False, word=False),
)
RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}

_RANGE_RULES = {"range", "day_range", "month_range", "year_range"}
_RANGE_GAP = re.compile(r"\s*(?:-\s*to\s*-|[-–—]|(?i:to|through|thru|until|till))\s*")
_AND_GAP = re.compile(r"\s+(?i:and)\s+")
_CLOCK_GAP = re.compile(r"\s*(?:,\s*)?(?:(?i:at|on)\s+)?")
_RANGE_OPENER = re.compile(r"(?:" + _alternation(lang.RANGE_OPENERS) + r")\s+$")
_BETWEEN = re.compile(r"(?i:between)\s+$")
_PREPOSITION = re.compile(r"(?<![\w'’-])(?:" + _alternation(lang.LEADING_PREPOSITIONS) + r")\s+$")
_STARTS_WITH_PREPOSITION = re.compile(r"(?:" + _alternation(lang.LEADING_PREPOSITIONS) + r")\s")
_POSSESSIVE_END = re.compile(r"['’]s$")
_WORD_CHARS = re.compile(r"[0-9A-Za-z']")


@dataclass
class Span:
    """A found stretch of text and the rule that found it (the first rule for a joined span)."""

    start: int
    end: int
    rule: str


# Guards: a rule cannot match a text that lacks every word of one of its guard sets (in lower case), or
# lacks a digit where it needs one. Checked with set look-ups on the text's words, before any pattern
# runs: most rules are skipped on most sentences. Rules without a guard always run.
_LETTERS = re.compile(r"[a-z]+")
_HAS_DIGIT = re.compile(r"\d")
DIGIT = "digit"


def _words_of(phrases: Iterable[str]) -> frozenset[str]:
    """One word (the longest) of each phrase, in lower case: a text holding a phrase holds its word."""
    return frozenset(max(_LETTERS.findall(p.lower()), key=len) for p in phrases)


_MONTH_WORDS = _words_of([*lang.MONTHS, *lang.MONTH_ABBREVIATIONS])
_UNIT_WORDS = _words_of(lang.PERIOD_UNITS)
_GUARDS: dict[str, tuple[frozenset[str] | str, ...]] = {
    "calendar": (_MONTH_WORDS,), "calendar_dmy": (_MONTH_WORDS,), "day_range": (_MONTH_WORDS,),
    "month_range": (_words_of(lang.MONTHS),), "month": (_words_of(lang.MONTHS),),
    "numeric_date": (DIGIT,), "decade": (DIGIT,), "year": (DIGIT,), "year_range": (DIGIT,),
    "weekday": (_words_of([*lang.WEEKDAYS, *(w + "s" for w in lang.WEEKDAYS)]),),
    "season": (_words_of(lang.SEASONS),), "holiday": (_words_of(lang.HOLIDAYS),),
    "century": (frozenset({"century"}),), "half": (frozenset({"half"}),),
    "period": (_UNIT_WORDS | {"weekend", "weekends"},), "framed": (_UNIT_WORDS,), "for_clause": (_UNIT_WORDS,),
    "another": (_UNIT_WORDS, frozenset({"another"})),
    "offset": (_UNIT_WORDS, _words_of([*lang.PUBLICATION_OFFSET_WORDS, "earlier", "later",
                                       *lang.EVENT_OFFSET_WORDS])),
    "span_ending": (_words_of(lang.SPAN_UNITS), _words_of(lang.SPAN_END_WORDS)),
    "stat_window": (_UNIT_WORDS, _words_of(lang.FRAMED_STATISTICS)),
}


def _guarded(rule: Rule, words: set[str], digit: bool) -> bool:
    """False when the rule surely cannot match a text with these words."""
    return all(digit if need == DIGIT else not need.isdisjoint(words) for need in _GUARDS.get(rule.name, ()))


def _candidates(text: str) -> list[Span]:
    found: list[Span] = []
    words = set(_LETTERS.findall(text.lower()))
    digit = _HAS_DIGIT.search(text) is not None
    for rule in RULES:
        if not _guarded(rule, words, digit):
            continue
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if end > start and (rule.check is None or rule.check(text, start, end)):
                found.append(Span(start, end, rule.name))
    return found


def _longest_first(candidates: list[Span]) -> list[Span]:
    """Keep the longest of overlapping candidates (the earlier one on a tie)."""
    starts: list[int] = []
    taken: list[Span] = []  # sorted by start, never overlapping
    for span in sorted(candidates, key=lambda s: (s.start - s.end, s.start)):
        index = bisect.bisect_left(starts, span.start)
        if (index > 0 and taken[index - 1].end > span.start) or (index < len(taken)
                                                                 and taken[index].start < span.end):
            continue
        starts.insert(index, span.start)
        taken.insert(index, span)
    return taken


def _rangeable(span: Span) -> bool:
    return span.rule == "range" or RULES_BY_NAME[span.rule].rangeable


def _join(text: str, spans: list[Span]) -> list[Span]:
    """Join "X to Y" ranges and a time of day to its date ("Monday at 10 a.m.")."""
    out: list[Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            gap = text[prev.end:span.start]
            both_rangeable = prev.rule != "range" and _rangeable(prev) and _rangeable(span)
            is_range = both_rangeable and (
                _RANGE_GAP.fullmatch(gap) is not None
                or (_AND_GAP.fullmatch(gap) is not None
                    and _BETWEEN.search(text, max(0, prev.start - 12), prev.start) is not None))
            one_clock = (prev.rule == "clock") != (span.rule == "clock")
            other = span if prev.rule == "clock" else prev
            is_clock = (one_clock and _rangeable(other)
                        and _CLOCK_GAP.fullmatch(gap) is not None)
            if is_range or is_clock:
                out[-1] = Span(prev.start, span.end, "range" if is_range else other.rule)
                continue
        out.append(span)
    return out


def _extend_left(text: str, span: Span) -> Span:
    """Take in a range opener ("from", "between") or a leading preposition ("In", "over")."""
    if span.rule in _RANGE_RULES:
        opener = _RANGE_OPENER.search(text, max(0, span.start - 12), span.start)
        if opener:
            return Span(opener.start(), span.end, span.rule)
    if (_STARTS_WITH_PREPOSITION.match(text, span.start) or span.rule == "deictic"
            or (span.rule != "decade" and _POSSESSIVE_END.search(text, span.start, span.end))):
        return span
    prep = _PREPOSITION.search(text, max(0, span.start - 16), span.start)
    return Span(prep.start(), span.end, span.rule) if prep else span


def find_spans(text: str) -> list[Span]:
    """The time expressions of `text` as maximal, non-overlapping spans in order.

    >>> text = "It fell 90 percent within the past year."
    >>> [text[s.start:s.end] for s in find_spans(text)]
    ['within the past year']
    """
    if not text or not _WORD_CHARS.search(text):
        return []
    spans = _join(text, _longest_first(_candidates(text)))
    return [_extend_left(text, span) for span in spans]
