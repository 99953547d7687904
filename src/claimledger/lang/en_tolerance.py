"""English language data for checks: how far an approximator or bound word widens a figure.

Tables only; :mod:`claimledger.check.reading` applies them. Keys are lower case.

A *rule* says where each end of the interval goes, relative to the figure ``v``
as written: a factor for the low end and one for the high end (``None`` means
that side is open-ended), and whether the rounding of the written digits also
widens it. ``"approximate"`` is ``(0.9, 1.1, True)``: about 200 reads as 180–220,
or 199.5–200.5 if the rounding were wider than 10%.
"""

from __future__ import annotations

# How much an approximator ("about", "nearly") lets a figure move: 10% of it.
APPROXIMATE_SPREAD = 0.10

# rule name -> (low factor, high factor, rounding also widens)
RULES: dict[str, tuple[float | None, float | None, bool]] = {
    "exact": (1.0, 1.0, True),  # 224 -> 223.5-224.5 (rounding only)
    "approximate": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, True),  # about 200 -> 180-220
    "just_under": (1.0 - APPROXIMATE_SPREAD, 1.0, False),  # nearly 2,000 -> 1,800-2,000
    "just_over": (1.0, 1.0 + APPROXIMATE_SPREAD, False),  # just over 33 -> 33-36.3
    "at_most": (None, 1.0, False),  # less than 5.2 -> up to 5.2 (never below 0 for amounts)
    "at_least": (1.0, None, False),  # more than 40 -> 40 and up
    "up_to": (0.0, 1.0, False),  # up to 400 -> 0-400
}

# Approximator or bound words as written before a figure -> rule.
QUALIFIER_RULES: dict[str, str] = {
    # about the figure, either side
    "about": "approximate", "around": "approximate", "approximately": "approximate",
    "roughly": "approximate", "some": "approximate", "an estimated": "approximate",
    "estimated": "approximate", "close to": "approximate", "an approximate": "approximate",
    "circa": "approximate", "approx.": "approximate", "or so": "approximate",
    "somewhere between": "approximate", "anywhere between": "approximate",
    "roughly between": "approximate", "somewhere around": "approximate", "more or less": "approximate",
    # just below the figure
    "nearly": "just_under", "almost": "just_under", "just under": "just_under",
    "a hair under": "just_under", "just shy of": "just_under", "just below": "just_under",
    "slightly less than": "just_under", "slightly under": "just_under", "a little under": "just_under",
    "a little less than": "just_under", "nearly all of": "just_under",
    # just above the figure
    "just over": "just_over", "just above": "just_over", "slightly more than": "just_over",
    "slightly over": "just_over", "a little over": "just_over", "a little more than": "just_over",
    # at most the figure
    "less than": "at_most", "fewer than": "at_most", "under": "at_most", "below": "at_most",
    "within": "at_most", "no more than": "at_most", "not more than": "at_most", "at most": "at_most",
    "a maximum of": "at_most", "lower than": "at_most",
    # at least the figure
    "more than": "at_least", "over": "at_least", "above": "at_least", "upwards of": "at_least",
    "upward of": "at_least", "well over": "at_least", "well above": "at_least", "at least": "at_least",
    "in excess of": "at_least", "no less than": "at_least", "not less than": "at_least",
    "no fewer than": "at_least", "a minimum of": "at_least", "greater than": "at_least",
    "north of": "at_least", "higher than": "at_least",
    # from nothing up to the figure
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    # the figure is itself a margin: only rounding applies
    "plus or minus": "exact", "+/-": "exact", "±": "exact", "between": "exact", "from": "exact",
}

# Amounts of these kinds are never negative, so an open low end stops at 0.
NON_NEGATIVE_KINDS = frozenset({"count", "money", "duration", "measure", "ratio"})

# A fraction word ("half", "a third") reads like the whole percent it names: half = 49.5%-50.5%.
FRACTION_WORD_HALF_UNIT = 0.005

# Words that link a count to its denominator in a ratio: "6 in 10", "four out of five".
RATIO_LINKS = ("in", "out of")

# Currency codes shown as a symbol in explanations; other codes are written out ("HUF 5").
CURRENCY_SIGNS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

# Scale names used when writing a large figure for people: 84000000 -> "84 million".
SCALE_NAMES: tuple[tuple[float, str], ...] = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
