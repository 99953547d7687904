"""English language data for time expressions: calendar names, relative words, periods, holidays.

Tables only; ``extract/timex_find.py`` builds its patterns from them and
``extract/timex_resolve.py`` reads their values. Keys are lower case unless a
table says otherwise (names of months and weekdays are matched capitalised).
"""

from __future__ import annotations

from claimledger.lang.en_numbers import TENS_WORDS, UNITS_WORDS

# Month names and abbreviations -> month number. Abbreviations only count before a day or a year.
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also common words or first names: alone they need a time word before them.
AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}

# Weekday names -> ISO weekday index (Monday 0); abbreviations only in front of a calendar date.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Parts of a day written after a weekday ("Monday night") or after "this"/"last" ("last night").
DAY_PARTS = ("morning", "afternoon", "evening", "night", "overnight")

# Relative words before a period noun -> direction: -1 before publication, 0 containing it, +1 after.
RELATIVE_WORDS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
    "this": 0, "current": 0,
    "next": 1, "coming": 1, "following": 1,
}
# Words after "N units" placing the period relative to an anchor.
OFFSET_WORDS: dict[str, int] = {
    "ago": -1, "back": -1, "earlier": -1, "before": -1, "prior to": -1,
    "later": 1, "after": 1, "from now": 1, "ahead of": 1, "hence": 1,
}
# Of those, the ones anchored on the publication date (others are relative to an event in the text).
PUBLICATION_OFFSET_WORDS = {"ago", "back", "from now", "hence"}

# Period nouns -> canonical unit. "second" is left out: it is an ordinal far more often.
PERIOD_UNITS: dict[str, str] = {
    "minute": "minute", "minutes": "minute", "hour": "hour", "hours": "hour",
    "day": "day", "days": "day", "night": "day", "nights": "day",
    "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}
# Length of each unit in months (calendar units) or days (short units), used for "the past two years".
UNIT_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
UNIT_DAYS: dict[str, float] = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14}
# Units that "last"/"this"/"next" turn into a calendar period (last week = the Monday-Sunday week before).
CALENDAR_UNITS = ("day", "week", "weekend", "month", "quarter", "year", "decade", "century")

# Counts written before a period noun: digits, number words, "a"/"an", "a couple of".
COUNT_WORDS: dict[str, int] = {**UNITS_WORDS, **TENS_WORDS, "a": 1, "an": 1, "a couple of": 2, "a dozen": 12}
# Counts that say "some" but not how many: the expression is found, never resolved.
VAGUE_COUNTS = ("a few", "several", "many", "some")

# Deictic words -> days from publication ("yesterday" -1). Resolved to that single day.
DEICTIC_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "now": 0, "currently": 0, "presently": 0, "at present": 0,
    "right now": 0, "as of now": 0, "nowadays": 0, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
}
# Time words found as time expressions but never resolved: they name no definite period.
VAGUE_TIMES = (
    "recently", "lately", "in recent years", "in recent months", "in recent weeks", "in recent days",
    "in recent times", "over the years", "over the decades", "the other day", "these days",
    "in the coming days", "in the coming weeks", "in the coming months", "in the coming years",
    "for years", "for months", "for weeks", "for decades", "in years", "in months", "in weeks",
    "in decades", "for a while",
)

# Parts of a year, a month and a decade: (first, last) month, day or year of the part.
YEAR_PARTS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}
MONTH_PARTS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20),
                                           "late": (21, 31)}
DECADE_PARTS: dict[str, tuple[int, int]] = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}
# "earlier this year" runs from the period's start to publication, "later this year" the other way.
EARLIER_LATER: dict[str, int] = {"earlier": -1, "later": 1}
# Edges of a period, read as single days: "the start of March" = March 1, "the end of 2015" = Dec 31.
PERIOD_EDGES: dict[str, str] = {"start": "start", "beginning": "start", "end": "end", "close": "end"}

# Seasons -> (first month, number of months); winter starts in December and runs into the next year.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 3), "summer": (6, 3), "fall": (9, 3), "autumn": (9, 3), "winter": (12, 3),
}
# Parts of a season: (months after its start, length in months): "late summer" = August.
SEASON_PARTS: dict[str, tuple[int, int]] = {"early": (0, 1), "mid": (1, 1), "middle": (1, 1), "late": (2, 1)}

# Quarters and halves of a year, by ordinal word.
QUARTER_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
}
HALF_ORDINALS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
# Centuries by ordinal word (digits with st/nd/rd/th are read directly).
CENTURY_ORDINALS: dict[str, int] = {
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21, "20th": 20,
    "19th": 19, "18th": 18,
}

# Holidays (matched as written, capitalised) -> rule for the day in a given year:
# ("fixed", month, day) | ("nth", month, weekday, n) with n = -1 for the last | ("easter", days after Easter)
# | ("after_nth", month, weekday, n, days after). None: a real time expression with no fixed date.
HolidayRule = tuple[str | int, ...]
HOLIDAYS: dict[str, HolidayRule | None] = {
    "New Year's Day": ("fixed", 1, 1), "New Year's Eve": ("fixed", 12, 31),
    "Martin Luther King Jr. Day": ("nth", 1, 0, 3), "Martin Luther King Day": ("nth", 1, 0, 3),
    "Inauguration Day": ("fixed", 1, 20), "Valentine's Day": ("fixed", 2, 14),
    "Presidents Day": ("nth", 2, 0, 3), "Presidents' Day": ("nth", 2, 0, 3),
    "St. Patrick's Day": ("fixed", 3, 17), "Good Friday": ("easter", -2), "Easter Sunday": ("easter", 0),
    "Easter": ("easter", 0), "Easter Monday": ("easter", 1), "Cinco de Mayo": ("fixed", 5, 5),
    "Mother's Day": ("nth", 5, 6, 2), "Memorial Day": ("nth", 5, 0, -1), "Father's Day": ("nth", 6, 6, 3),
    "Independence Day": ("fixed", 7, 4), "the Fourth of July": ("fixed", 7, 4),
    "Fourth of July": ("fixed", 7, 4), "July Fourth": ("fixed", 7, 4),
    "Bastille Day": ("fixed", 7, 14), "Labor Day": ("nth", 9, 0, 1), "Columbus Day": ("nth", 10, 0, 2),
    "Halloween": ("fixed", 10, 31), "Election Day": ("after_nth", 11, 0, 1, 1),
    "Veterans Day": ("fixed", 11, 11), "Armistice Day": ("fixed", 11, 11),
    "Thanksgiving Day": ("nth", 11, 3, 4), "Thanksgiving": ("nth", 11, 3, 4),
    "Black Friday": ("after_nth", 11, 3, 4, 1), "Cyber Monday": ("after_nth", 11, 3, 4, 4),
    "Christmas Eve": ("fixed", 12, 24), "Christmas Day": ("fixed", 12, 25), "Christmas": ("fixed", 12, 25),
    "Boxing Day": ("fixed", 12, 26), "Super Tuesday": None, "Election Night": None,
}

# Prepositions kept at the front of a time expression ("In February", "over the past two years").
# "since" also changes the period: from the expression to publication.
LEADING_PREPOSITIONS = ("in", "on", "at", "during", "throughout", "within", "over", "for", "since")
# Words joining two time expressions into one range ("March 30-April 4", "May 13 through Sunday").
RANGE_JOINERS = ("-", "–", "—", "to", "through", "thru", "until", "till", "and")
# Words opening a range; kept in its span ("from May 13 through Sunday").
RANGE_OPENERS = ("from", "between")

# Time zones written after a time of day.
TIME_ZONES = ("ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC",
              "BST")
# Named times of day.
CLOCK_WORDS = ("noon", "midnight", "midday")

# Words before a bare 4-digit number that make it an amount, not a year ("about 2000 people").
NOT_YEAR_BEFORE = (
    "about", "around", "nearly", "almost", "approximately", "roughly", "some", "estimated", "more than",
    "fewer than", "less than", "at least", "at most", "up to", "as many as", "as few as", "total of",
    "exactly", "just over", "just under", "number", "no.", "nos.",
)
# Words after a bare 4-digit number that make it an amount, not a year ("2000 people"); units, scales
# and percent words from en_numbers count too. Not currencies: "in 2010 dollars" is a year.
NOT_YEAR_AFTER = (
    "people", "persons", "troops", "soldiers", "fighters", "jobs",
    "workers", "employees", "members", "voters", "votes", "respondents", "residents", "students",
    "children", "cases", "deaths", "units", "shares", "points", "pts", "words", "pages",
    "times", "homes", "patients",
    "men", "women", "families", "rooms", "beds", "cars", "vehicles", "planes", "officers", "refugees",
    "migrants", "companies", "firms", "stores", "schools",
)
# Verbs and prepositions before "N years" that make the duration the figure claimed ("sentenced to 10 years").
CLAIMED_DURATION_BEFORE = (
    "to", "of", "serve", "serves", "served", "serving", "sentenced", "sentence", "face", "faces",
    "facing", "faced", "spent", "spend", "spends", "spending", "lasted", "lasting", "lasts", "wait",
    "waits", "waited", "waiting", "took", "takes", "take",
)

# Words before a date that say it lies ahead of publication ("until Jan. 31", "will ... on April 26").
FUTURE_CUES_BEFORE = ("until", "till", "by", "before", "ahead of")
FUTURE_CUES_CONTEXT = (
    "will", "'ll", "’ll", "shall", "going to", "scheduled", "set to", "due to", "due on", "upcoming",
    "next", "ahead", "anticipation", "plans to", "planned", "planning", "expected to", "expects to",
    "slated", "poised to", "forthcoming", "looks to", "look to", "would be held",
)
# Modals before a date: the nearer of last and next occurrence ("would defeat Trump in November").
MODAL_CUES = ("would", "could", "might", "may", "should")

# Words in front of a weekday, a season or a holiday ("last Tuesday", "late Friday", "this spring").
WEEKDAY_MODIFIERS = ("last", "this", "next", "coming", "past", "early", "late")
SEASON_MODIFIERS = ("last", "this", "next", "past", "coming", "the")
HOLIDAY_MODIFIERS = ("last", "this", "next")
# Ordinals that count from a period's edge: "the first 30 minutes", "the last three months of 2015".
EDGE_ORDINALS: dict[str, str] = {"first": "start", "opening": "start", "last": "end", "final": "end",
                                 "closing": "end"}
# Approximators allowed inside a framing duration ("about two years ago").
APPROXIMATORS = ("about", "around", "nearly", "almost", "roughly", "some", "more than", "less than",
                 "just over", "just under", "over", "under", "at least", "approximately")
# Prepositions that make "N units" frame a period ("within 10 days", "in one year").
FRAMING_PREPOSITIONS = ("in", "within", "over", "during", "throughout")
# Statistics that a period written as an adjective frames: "the three-month average", "a 10-day mean"
# ("a 10-year low" is a figure, not a frame, and stays out).
FRAMED_STATISTICS = ("average", "moving average", "rolling average", "mean", "median")
# Words before "another N units" that make it the figure claimed ("sentenced to another 10 years").
CLAIMED_ANOTHER_BEFORE = ("sentenced", "serve", "serves", "served", "serving", "jailed", "imprisoned", "wait",
                          "waits", "waited", "waiting", "spend", "spent", "spends", "last", "lasted", "lasts")
# Words after "N units" that make it an age, which is a figure: "over thirty years old", "3 years of age".
AGE_AFTER = ("old", "of age")
# Words after "N units" that only point at another event: kept out of the span ("three weeks ahead of").
EVENT_OFFSET_WORDS = ("before", "after", "ahead of", "prior to")
# Words between a span and the date it ends on ("the 12 months to March").
SPAN_END_WORDS = ("to", "ended", "ending", "through")
SPAN_UNITS = ("month", "months", "year", "years", "week", "weeks", "quarter", "quarters")
# Period nouns that "part" words ("early", "the end of") and "earlier this" apply to.
PART_UNITS = ("year", "month", "week", "decade", "century")
EARLIER_LATER_UNITS = ("year", "month", "week", "quarter")
