"""Units written after an amount: percent words, currency words, measures, durations, points,
and the rate after them ("per month", "a day").

>>> from claimledger.extract.tokens import tokenize
>>> from claimledger.extract.numerals import point
>>> read_unit(tokenize("30mph"), 1, point(30.0), False)
Unit(kind='measure', unit='mile', end_index=2, factor=1.0, per='hour')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.extract import currency
from claimledger.extract.numerals import Amount, word
from claimledger.extract.tokens import Token, glued
from claimledger.lang import en_numbers as L

_ENDS = {".", ",", ";", ":", "?", "!", ")", "]", '"', "”", "(", "–", "—"}


@dataclass(frozen=True, slots=True)
class Unit:
    kind: str
    unit: str | None
    end_index: int
    factor: float = 1.0
    per: str | None = None


def phrase(tokens: Sequence[Token], i: int, table, max_words: int = 3) -> tuple[str, int] | None:
    """Longest table phrase starting at token i; a hyphen glued between words is skipped
    ("percentage-point" is looked up as "percentage point")."""
    best, words, j = None, [], i
    while j < len(tokens) and len(words) < max_words:
        if tokens[j].text == "-" and words and j + 1 < len(tokens) and glued(tokens[j - 1], tokens[j]) \
                and glued(tokens[j], tokens[j + 1]):
            j += 1
            continue
        words.append(tokens[j].lower)
        j += 1
        key = " ".join(words)
        if key in table:
            best = (key, j)
    return best


def ends_here(tokens: Sequence[Token], j: int) -> bool:
    """Nothing word-like follows at j: the end of the text or punctuation."""
    return j >= len(tokens) or tokens[j].text in _ENDS


def points_kind(tokens: Sequence[Token], i: int) -> str:
    """Points are index points near market words, percentage points near poll words."""
    window = {t.lower for t in tokens[max(0, i - 15): i + 15]}
    if window & L.INDEX_CONTEXT and not window & {"lead", "poll", "polls", "voters", "percentage"}:
        return "other"
    return "percent"


def _hyphen_at(tokens: Sequence[Token], j: int) -> bool:
    return tokens[j].text in ("-", "–") and j + 1 < len(tokens) and glued(tokens[j - 1], tokens[j]) \
        and glued(tokens[j], tokens[j + 1])


def _percent(tokens: Sequence[Token], j: int, amount: Amount, hyphen: bool) -> Unit | None:
    found = phrase(tokens, j, L.PERCENT_WORDS, max_words=2)
    if found:
        key, end = found
        return Unit("percent", "%", end, factor=0.01 if L.PERCENT_WORDS[key] == "bp" else 1.0)
    w = tokens[j].lower
    if w in L.POINT_WORDS and (not amount.spelled or hyphen or word(tokens, j + 1) in (
            "lead", "margin", "edge", "advantage", "gap", "deficit") or word(tokens, j - 1) != "one"):
        if w in ("point", "pt") and amount.spelled and not hyphen and word(tokens, j + 1) not in (
                "lead", "margin", "edge", "advantage", "gap", "deficit"):
            return None  # "one point three" is a decimal, "a five point plan" a count
        kind = points_kind(tokens, j)
        return Unit(kind, "%" if kind == "percent" else "point", j + 1)
    return None


def _money(tokens: Sequence[Token], j: int, amount: Amount, hyphen: bool) -> Unit | None:
    """A currency word, code or sign after the figure, with a scale after a code ("75 USD million")."""
    found = currency.currency_word_after(tokens, j)
    if found:
        key, end = found
        ambiguous = key in L.AMBIGUOUS_CURRENCY_WORDS
        if key in ("pound", "pounds") and not currency.pound_is_money(tokens):
            return None
        if key == "p" and not glued(tokens[j - 1], tokens[j]):
            return None
        if not (ambiguous and (amount.spelled or hyphen)) and not (hyphen and key in L.CURRENCY_CODES):
            if key in L.CURRENCY_CODES and key in L.WORD_CODES and not tokens[j].text.isupper():
                return None
            next_digits = end < len(tokens) and tokens[end].is_digits and glued(tokens[j], tokens[end])
            if key in L.CURRENCY_CODES and next_digits:
                return None  # "3 USD50 cards": the code belongs to the next figure
            factor = L.COIN_WORDS.get(key) or (0.01 if key in L.MINOR_CURRENCY_WORDS else 1.0)
            scale = L.SCALE_WORDS.get(word(tokens, end)) if key in L.CURRENCY_CODES else None
            if scale and word(tokens, end) not in L.SHORT_SCALES:
                return Unit("money", L.CURRENCY_WORDS[key], end + 1, factor=scale)
            return Unit("money", L.CURRENCY_WORDS[key], end, factor=factor)
    if tokens[j].lower in L.CURRENCY_CODES and not hyphen and tokens[j].text.isupper():
        return Unit("money", tokens[j].text.upper(), j + 1)
    if tokens[j].text.isupper() and tokens[j].lower in L.MILLION_CODES:
        return Unit("money", L.MILLION_CODES[tokens[j].lower], j + 1, factor=1e6)
    sign = currency.suffix_sign(tokens, j)
    if sign and not hyphen:
        return Unit("money", sign, j + 1)
    if amount.vague and tokens[j].lower == "of":
        found = phrase(tokens, j + 1, L.CURRENCY_WORDS, max_words=2)
        if found:
            return Unit("money", L.CURRENCY_WORDS[found[0]], found[1])
    return None


def _measure_allowed(key: str, tokens: Sequence[Token], j: int, end: int, amount: Amount) -> bool:
    """Whether a unit that is also a word reads as a unit here ("2 in." but not "2 in March")."""
    if key not in L.AMBIGUOUS_UNITS:
        return True
    if amount.spelled and key in L.DIGITS_ONLY_UNITS:
        return False  # "two degrees" of study
    if glued(tokens[j - 1], tokens[j]):
        return True
    if tokens[j].text[0].isupper() and not tokens[j].text.isupper() and len(tokens[j].text) > 3:
        return False  # "98 Degrees" (a band), "the 400 Series"
    if amount.spelled and key not in L.DIGITS_ONLY_UNITS and key not in ("pound", "pounds"):
        return False
    if key not in L.END_ONLY_UNITS:
        return True
    after = word(tokens, end)
    if key == "in":
        return ends_here(tokens, end) or after in L.INCH_CONTEXT_AFTER
    if key == "m":
        return ends_here(tokens, end) or (end < len(tokens) and tokens[end].is_digits) or after == "x"
    return ends_here(tokens, end) or after == "of"


def _measure(tokens: Sequence[Token], j: int, amount: Amount) -> Unit | None:
    found = phrase(tokens, j, L.MEASURE_UNITS, max_words=3)
    if found is None and amount.vague and tokens[j].lower == "of":
        found = phrase(tokens, j + 1, L.MEASURE_UNITS, max_words=2)  # "thousands of kilometres"
        if found and found[0] in L.AMBIGUOUS_UNITS:
            found = None
    if not found:
        return None
    key, end = found
    if key.split()[-1] in L.POWER_SUFFIXES and not glued(tokens[end - 2], tokens[end - 1]):
        found = phrase(tokens, j, {k: v for k, v in L.MEASURE_UNITS.items() if k == key.split()[0]}, 1)
        if not found:
            return None
        key, end = found  # "12 m 2 dm": metres, then a new figure
    if not _measure_allowed(key, tokens, j, end, amount):
        return None
    if key in ("pound", "pounds") and currency.pound_is_money(tokens):
        return None
    return Unit("measure", L.MEASURE_UNITS[key], end, per=L.RATE_UNITS.get(key))


def _duration(tokens: Sequence[Token], j: int) -> Unit | None:
    """A time unit, maybe after an adjective ("15 extra minutes"), with an age ("34 years old", "87 yo")."""
    if tokens[j].lower in L.DURATION_ADJECTIVES and word(tokens, j + 1) in L.DURATION_UNITS:
        j += 1
    if tokens[j].lower in L.AGE_WORDS and tokens[j].lower != "old":
        return Unit("duration", "year", j + 1)
    if tokens[j].lower not in L.DURATION_UNITS:
        return None
    end = j + 1
    unit = L.DURATION_UNITS[tokens[j].lower]
    if word(tokens, end) == "-" and word(tokens, end + 1) == "old":
        end += 2
    elif word(tokens, end) == "old":
        end += 1
    elif word(tokens, end) == "of" and word(tokens, end + 1) == "age":
        end += 2
    return Unit("duration", unit, end)


def read_unit(tokens: Sequence[Token], j: int, amount: Amount, has_currency: bool) -> Unit | None:
    """The unit written after an amount: percent, currency, measure, duration, points."""
    if j >= len(tokens):
        return None
    hyphen = _hyphen_at(tokens, j)
    if hyphen:
        j += 1  # "50-pct", "98-minute", "34-year-old", "four-point", "12-cent"
    if has_currency:
        return None
    found = _percent(tokens, j, amount, hyphen) or _money(tokens, j, amount, hyphen)
    if found:
        return found
    found = _measure(tokens, j, amount) if not (hyphen and tokens[j].lower in L.AMBIGUOUS_UNITS
                                                        and tokens[j].lower in L.END_ONLY_UNITS) else None
    return found or _duration(tokens, j)


def read_rate(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """A rate after a figure: "per month", "a day", "monthly"; not "a month earlier" nor "monthly users"."""
    found = phrase(tokens, j, L.RATE_PHRASES, max_words=2)
    if not found:
        return None
    key, end = found
    after = word(tokens, end)
    from_now = after == "from" and word(tokens, end + 1) == "now"
    if after in L.NOT_RATE_AFTER or after in ("'", "’") or from_now:
        return None  # "four pct a month earlier", "a month's holiday"
    if key in L.RATE_ADJECTIVES and end < len(tokens) and tokens[end].text.isalpha() \
            and tokens[end].text.islower() and after not in L.FUNCTION_WORDS:
        return None  # "320 million monthly active users"
    return L.RATE_PHRASES[key], end


def rate_after_noun(tokens: Sequence[Token], j: int) -> str | None:
    """A rate written after the counted noun: "280,000 jobs a year" (the figure is per year)."""
    if j >= len(tokens) or not tokens[j].text.isalpha() or not tokens[j].text.islower():
        return None
    if tokens[j].lower in L.FUNCTION_WORDS or tokens[j].lower in L.MEASURE_UNITS:
        return None
    rate = read_rate(tokens, j + 1)
    return rate[0] if rate else None


def rate_after_bracket(tokens: Sequence[Token], j: int) -> str | None:
    """A rate after a bracketed conversion: "10 million euros (US$13 million) a year"."""
    if j >= len(tokens):
        return None
    if tokens[j].text == ")":
        rate = read_rate(tokens, j + 1)
        return rate[0] if rate else None
    if tokens[j].text != "(":
        return None
    for k in range(j + 1, min(len(tokens), j + 10)):
        if tokens[k].text == ")":
            rate = read_rate(tokens, k + 1)
            return rate[0] if rate else None
    return None
