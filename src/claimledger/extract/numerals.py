"""Read the amount at a token position: digits, number words, vague amounts, multipliers.

Each reader takes the token list and an index and returns an :class:`Amount` and the
index after it, or ``None``. They know nothing of units or qualifiers. Fractions
("three fifths", "3/4", "and a half") are read by :mod:`claimledger.extract.fraction_readers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.extract.tokens import Token, glued
from claimledger.lang import en_numbers as L

_SPELLED = set(L.UNITS_WORDS) | set(L.TENS_WORDS) | set(L.MULTIPLIER_WORDS) | {"dozen"} | set(L.ZERO_WORDS)
_DIGITS = {**L.UNITS_WORDS, **L.ZERO_WORDS}
_WORD_SCALES = {w: v for w, v in L.SCALE_WORDS.items() if w not in L.SHORT_SCALES}
# Scales after which a smaller number may follow in digits: "3 hundred and 21", "6 crore and two hundred".
_CHAIN_SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}


@dataclass(frozen=True, slots=True)
class Amount:
    value: float | None
    low: float | None
    high: float | None
    kind: str | None = None   # "ratio" for fractions and multipliers, None when units decide
    spelled: bool = False     # written in words ("two"), not digits
    scaled: bool = False      # carries a scale word ("1.2 billion")
    vague: bool = False       # "thousands", "dozens"
    percent_range: bool = False  # "single-digit"
    last_scale: float = 1.0   # the scale word the number ends with ("one million" -> 1e6), for "and a half"


def point(value: float, **kw) -> Amount:
    """An amount with one value: low = high = value."""
    return Amount(value, value, value, **kw)


def word(tokens: list[Token], i: int) -> str:
    return tokens[i].lower if 0 <= i < len(tokens) else ""


_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _first_words(table: dict | set) -> frozenset[str]:
    """The words a table's phrases start with (computed once per table): the scan's fast path."""
    found = _FIRST_WORDS.get(id(table))
    if found is None:
        found = _FIRST_WORDS[id(table)] = frozenset(re.split(r"[\s-]", key)[0] for key in table)
    return found


def phrase_at(tokens: list[Token], i: int, table: dict | set, max_words: int = 4) -> tuple[str, int] | None:
    """Longest phrase of the table starting at token i; hyphens join words ("two-thirds")."""
    if i >= len(tokens) or tokens[i].lower not in _first_words(table):
        return None
    best = None
    words: list[str] = []
    j = i
    while j < len(tokens) and len(words) < max_words * 2:
        words.append(tokens[j].lower)
        j += 1
        key = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        if key in table:
            best = (key, j)
    return best


# --- digits ------------------------------------------------------------------------------------

def _scale_after_digits(tokens: list[Token], i: int, j: int) -> tuple[float, int] | None:
    """The scale word after the digits at i (index j): "1.5 million", "$2.5bn", "6-billion", "US$ 1MM"."""
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is None:
        return None
    if nxt.text == "-" and glued(tokens[i], nxt) and word(tokens, j + 1) in _WORD_SCALES \
            and glued(nxt, tokens[j + 1]):
        return _WORD_SCALES[word(tokens, j + 1)], j + 2  # "the 6-billion-Canadian-dlr market"
    low = nxt.lower
    if low in L.MONEY_ONLY_SCALES:
        return (L.SCALE_WORDS[low], j + 1) if glued(tokens[i], nxt) and nxt.text.isupper() else None
    if low in L.SCALE_WORDS and (low not in L.SHORT_SCALES or glued(tokens[i], nxt)):
        return L.SCALE_WORDS[low], j + 1
    if low == "hundred":
        return 100.0, j + 1  # "322 hundred"
    return None


def read_digits(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Digits with separators and decimals, with a scale word: "1,500", "1.5 million", "$2.5bn", "13 lakh"."""
    value = tokens[i].number
    if value is None:
        return None
    j = i + 1
    scale = _scale_after_digits(tokens, i, j)
    if scale is None:
        return point(value), j
    factor, j = scale
    if word(tokens, j) in L.STACKING_SCALES:  # "3 lakh crore"
        factor *= L.SCALE_WORDS[word(tokens, j)]
        j += 1
    value *= factor
    chained = _digit_chain(tokens, j, factor)
    if chained:
        value, j = value + chained[0], chained[1]
    return point(value, scaled=True, last_scale=factor), j


def _digit_chain(tokens: list[Token], j: int, scale: float) -> tuple[float, int] | None:
    """A smaller number after a scale word in a number written with digits: "4 thousand 3 hundred and 21"."""
    if scale not in _CHAIN_SCALES.values() or scale == 1:
        return None
    k = j + 1 if word(tokens, j) == "and" else j
    if k >= len(tokens):
        return None
    part = read_digits(tokens, k) if tokens[k].is_digits else read_spelled(tokens, k)
    if part is None or part[0].value is None or not 0 < part[0].value < scale:
        return None
    if word(tokens, k - 1) != "and" and not part[0].scaled and k == j and tokens[k].is_digits \
            and part[0].value >= 100:
        return None  # "4000 3 hundred": two numbers
    return part[0].value, part[1]


# --- number words ------------------------------------------------------------------------------

def _spelled_start(tokens: list[Token], i: int) -> tuple[float, float, int] | None:
    """Where a spelled number starts: (total, current, index of its first word); "a dozen" starts with 1."""
    w = word(tokens, i)
    if w == "a" and word(tokens, i + 1) in (*L.MULTIPLIER_WORDS, "dozen"):
        return 0.0, 1.0, i + 1
    if w in L.ZERO_WORDS and word(tokens, i - 1) in L.ZERO_IDIOM_BEFORE:
        return None  # "all for naught"
    if w in _SPELLED and w not in L.MULTIPLIER_WORDS:
        return 0.0, 0.0, i
    return None


def _joins_next(tokens: list[Token], j: int, consumed: int, previous: str) -> bool:
    """A hyphen or "and" inside a spelled number: "twenty-five", "fifty - two", "one hundred and three"."""
    w, nxt = word(tokens, j), word(tokens, j + 1)
    if w == "-" and consumed and previous in L.TENS_WORDS:
        return nxt in L.UNITS_WORDS and 0 < L.UNITS_WORDS[nxt] < 10
    if w == "and" and consumed and (previous in L.MULTIPLIER_WORDS or previous in _WORD_SCALES):
        if not (nxt in L.UNITS_WORDS or nxt in L.TENS_WORDS):
            return False
        return not _fraction_follows(tokens, j + 1, previous)
    return False


def _fraction_follows(tokens: list[Token], k: int, scale_word: str) -> bool:
    """After "<scale> and", a fraction of the scale follows: "one million and two thirds",
    "one hundred and three quarters" (but "one hundred and thirty fifths" is 130 fifths)."""
    small = _plain_spelled(tokens, k)
    if small is None:
        return False
    after = word(tokens, small[1])
    if after not in L.FRACTION_DENOMINATORS:
        return False
    return scale_word != "hundred" or after in L.AMBIGUOUS_DENOMINATORS


def read_spelled(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Number words: "two", "twenty-five", "one hundred and twenty", "a dozen", "one mln", "eight billion"."""
    start = _spelled_start(tokens, i)
    if start is None:
        return None
    total, current, j = start
    consumed, previous, last_scale, scaled = 0, "", 1.0, False
    while j < len(tokens):
        w = tokens[j].lower
        if w in _DIGITS:
            if previous in _DIGITS or (previous in L.TENS_WORDS and L.UNITS_WORDS.get(w, 0) >= 10):
                break  # "one one hundred", "three-nought-four": separate numbers
            current += _DIGITS[w]
        elif w in L.TENS_WORDS:
            if previous in _DIGITS or previous in L.TENS_WORDS:
                break  # "three twenty", "twenty twenty"
            current += L.TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in L.MULTIPLIER_WORDS or (w in _WORD_SCALES and consumed):
            scale = L.MULTIPLIER_WORDS.get(w) or _WORD_SCALES[w]
            if previous in L.STACKING_SCALES or (previous in _WORD_SCALES and w in L.STACKING_SCALES):
                total *= scale  # "three lakh crore"
            else:
                total += (current or 1) * scale
            current, last_scale, scaled = 0, scale, scaled or scale >= 1000
        elif _joins_next(tokens, j, consumed, previous):
            j += 1
            continue
        else:
            break
        consumed += 1
        previous = w
        j += 1
    if not consumed:
        return None
    value = total + current
    amount = point(value, spelled=True, scaled=scaled, last_scale=last_scale if current == 0 else 1.0)
    return _spelled_decimal(amount, tokens, j)


def _spelled_decimal(amount: Amount, tokens: list[Token], j: int) -> tuple[Amount, int]:
    """ "two hundred point zero three" (200.03), "one point three" (1.3), "nought point eleven" (0.11)."""
    if word(tokens, j) != "point" or amount.scaled or amount.value is None:
        return amount, j
    k, digits = j + 1, ""
    while word(tokens, k) in _DIGITS and _DIGITS[word(tokens, k)] < 10:
        digits += str(_DIGITS[word(tokens, k)])
        k += 1
    if not digits:
        tail = _plain_spelled(tokens, k)
        if tail is None:
            return amount, j
        digits, k = str(int(tail[0])), tail[1]
    value = float(f"{int(amount.value)}.{digits}")
    return point(value, spelled=True), k


def _plain_spelled(tokens: list[Token], k: int) -> tuple[float, int] | None:
    """A small spelled number without decimals after "point": "seventy-one", "eleven"."""
    w = word(tokens, k)
    if w in L.TENS_WORDS:
        value = float(L.TENS_WORDS[w])
        if word(tokens, k + 1) == "-" and word(tokens, k + 2) in L.UNITS_WORDS:
            return value + L.UNITS_WORDS[word(tokens, k + 2)], k + 3
        if word(tokens, k + 1) in L.UNITS_WORDS and L.UNITS_WORDS[word(tokens, k + 1)] < 10:
            return value + L.UNITS_WORDS[word(tokens, k + 1)], k + 2
        return value, k + 1
    if w in L.UNITS_WORDS:
        return float(L.UNITS_WORDS[w]), k + 1
    return None


def read_power(amount: Amount, tokens: list[Token], j: int) -> tuple[Amount, int] | None:
    """Powers written with a caret: "1.1^23", "2.5^-1", "1.3x10^6", "6.23x10^-4"."""
    if amount.value is None or amount.spelled or amount.scaled:
        return None
    times, base, k = 1.0, amount.value, j
    if word(tokens, k) in ("x", "×") and word(tokens, k + 1) == "10" and word(tokens, k + 2) == "^":
        times, base, k = amount.value, 10.0, k + 2
    if word(tokens, k) != "^" or not glued(tokens[k - 1], tokens[k]):
        return None
    k += 1
    sign = 1
    while word(tokens, k) in ("-", "+", "−") and glued(tokens[k - 1], tokens[k]):
        sign = -sign if word(tokens, k) != "+" else sign
        k += 1
    if k >= len(tokens) or not tokens[k].is_digits or not glued(tokens[k - 1], tokens[k]):
        return None
    try:
        return point(times * base ** (sign * (tokens[k].number or 0))), k + 1
    except (OverflowError, ZeroDivisionError):
        return None


def read_plain(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """A single number in digits or words, without fractions."""
    if tokens[i].is_digits:
        return read_digits(tokens, i)
    return read_spelled(tokens, i)


# --- vague amounts and multipliers -------------------------------------------------------------

def read_vague(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Vague amounts ("dozens", "many hundreds", "tens of thousands") and digit ranges ("single-digit")."""
    found = phrase_at(tokens, i, L.VAGUE_AMOUNTS)
    if found:
        key, j = found
        if key == "scores" and word(tokens, i - 1) in ("he", "she", "it", "who", "team", "and"):
            return None  # "He scores between ..." is a verb
        low, high = L.VAGUE_AMOUNTS[key]
        return Amount(None, low, high, vague=True), j
    found = phrase_at(tokens, i, L.DIGIT_RANGES, max_words=2)
    if found:
        key, j = found
        low, high = L.DIGIT_RANGES[key]
        return Amount(None, low, high, vague=True, percent_range=True), j
    return None


def read_dozens(amount: Amount, tokens: list[Token], j: int) -> tuple[Amount, int] | None:
    """A number of dozens: "3 dozens" (36), "three dozens", "five dozs"."""
    w = word(tokens, j)
    if w not in L.DOZEN_WORDS or amount.value is None or amount.vague or amount.kind:
        return None
    value = amount.value * L.DOZEN_WORDS[w]
    return point(value, spelled=amount.spelled), j + 1


def read_multiplier(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Multipliers: "doubled", "tripled", "twice as many" (the span takes "as many"/"as much")."""
    w = tokens[i].lower
    if w not in L.MULTIPLIER_RATIOS:
        return None
    nxt = word(tokens, i + 1)
    if nxt in L.MULTIPLIER_IDIOM_AFTER:
        return None  # "doubled down on"
    if w in ("twice", "thrice") and nxt not in ("as", "the", "that", "what"):
        return None
    if w in ("double", "triple") and nxt not in ("the", "its", "their", "his", "her", "that"):
        return None
    value = float(L.MULTIPLIER_RATIOS[w])
    j = i + 1
    if nxt == "as" and word(tokens, i + 2) in ("many", "much"):
        j = i + 3
    return point(value, kind="ratio", spelled=True), j


def read_in_ten(amount: Amount, tokens: list[Token], j: int) -> tuple[Amount, int] | None:
    """ "6 in 10", "nearly four in 10", "one in five": a ratio."""
    if word(tokens, j) not in ("in", "out") or amount.value is None:
        return None
    k = j + 1
    if word(tokens, j) == "out":
        if word(tokens, k) != "of":
            return None
        k += 1
    if k >= len(tokens):
        return None
    denominator = read_digits(tokens, k) if tokens[k].is_digits else read_spelled(tokens, k)
    if not denominator or not denominator[0].value or denominator[0].value not in (2, 3, 4, 5, 10, 20, 100):
        return None
    value = amount.value / denominator[0].value
    if value > 1:
        return None
    return point(value, kind="ratio", spelled=amount.spelled), denominator[1]
