"""Read the amount at a token position: digits, number words, fractions, vague amounts, multipliers.

Each reader takes the token list and an index and returns an :class:`Amount` and the
index after it, or ``None``. They know nothing of units or qualifiers.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.extract.tokens import Token, glued
from claimledger.lang import en_numbers as L

_SPELLED = set(L.UNITS_WORDS) | set(L.TENS_WORDS) | set(L.MULTIPLIER_WORDS) | {"dozen"}


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


def _word(tokens: list[Token], i: int) -> str:
    return tokens[i].lower if 0 <= i < len(tokens) else ""


def _phrase_at(tokens: list[Token], i: int, table: dict | set, max_words: int = 4) -> tuple[str, int] | None:
    """Longest phrase of the table starting at token i; hyphens join words ("two-thirds")."""
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


def read_digits(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Digits with separators and decimals, with a scale word: "1,500", "1.5 million", "$2.5bn"."""
    tok = tokens[i]
    try:
        value = float(tok.text.replace(",", ""))
    except ValueError:
        return None
    j = i + 1
    scaled = False
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and nxt.lower in L.SCALE_WORDS:
        short = nxt.lower in L.SHORT_SCALES
        if not short or glued(tok, nxt):
            # "Thousands" as a plural scale only reads as vague ("2 millions" is rare); keep singular scales.
            value *= L.SCALE_WORDS[nxt.lower]
            scaled = True
            j += 1
    return Amount(value, value, value, scaled=scaled), j


def read_spelled(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Number words: "two", "twenty-five", "one hundred and twenty", "a dozen", "a million", "eight billion"."""
    j = i
    if _word(tokens, j) == "a" and _word(tokens, j + 1) in (*L.MULTIPLIER_WORDS, "dozen"):
        total, current, j = 0.0, 1.0, j + 1
    elif _word(tokens, j) in _SPELLED and _word(tokens, j) not in L.MULTIPLIER_WORDS:
        total, current = 0.0, 0.0
    else:
        return None
    consumed = 0
    while j < len(tokens):
        w = tokens[j].lower
        if w in L.UNITS_WORDS:
            current += L.UNITS_WORDS[w]
        elif w in L.TENS_WORDS:
            current += L.TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * L.MULTIPLIER_WORDS[w]
            current = 0
        elif w == "-" and consumed and _word(tokens, j + 1) in L.UNITS_WORDS and glued(tokens[j - 1], tokens[j]):
            j += 1
            continue
        elif w == "and" and consumed and _word(tokens, j - 1) in ("hundred", "thousand") \
                and _word(tokens, j + 1) in (*L.UNITS_WORDS, *L.TENS_WORDS):
            j += 1
            continue
        else:
            break
        consumed += 1
        j += 1
    if not consumed:
        return None
    value = total + current
    scaled = any(tokens[k].lower in ("million", "billion", "trillion", "thousand") for k in range(i, j))
    return Amount(value, value, value, spelled=True, scaled=scaled), j


def read_number(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """A single number in digits or words, with "and a half" ("two and a half million")."""
    tok = tokens[i]
    found = read_digits(tokens, i) if tok.is_digits else read_spelled(tokens, i)
    if found is None:
        return None
    amount, j = found
    if _word(tokens, j) == "and" and _word(tokens, j + 1) == "a" and _word(tokens, j + 2) == "half" \
            and amount.value is not None and not amount.scaled:
        value = amount.value + 0.5
        j += 3
        scale = L.SCALE_WORDS.get(_word(tokens, j))
        if scale and _word(tokens, j) not in L.SHORT_SCALES:
            value *= scale
            j += 1
        amount = Amount(value, value, value, spelled=amount.spelled, scaled=scale is not None)
    return amount, j


def read_vague(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Vague amounts ("dozens", "hundreds of thousands") and digit ranges ("single-digit")."""
    found = _phrase_at(tokens, i, L.VAGUE_AMOUNTS)
    if found:
        key, j = found
        low, high = L.VAGUE_AMOUNTS[key]
        return Amount(None, low, high, vague=True), j
    found = _phrase_at(tokens, i, L.DIGIT_RANGES, max_words=2)
    if found:
        key, j = found
        low, high = L.DIGIT_RANGES[key]
        return Amount(None, low, high, vague=True, percent_range=True), j
    return None


def read_fraction(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Fractions in words: "half", "a third of", "two-thirds"."""
    found = _phrase_at(tokens, i, L.FRACTION_WORDS, max_words=2)
    if not found:
        return None
    key, j = found
    after = _word(tokens, j)
    before = _word(tokens, i - 1)
    if key in ("a quarter", "one quarter", "one-quarter") and after != "of":
        return None  # "a quarter" is usually a period of time
    if key == "half":
        if before in L.ORDINAL_WORDS or before in ("last", "next", "the", "this", "a") or after in ("-", "time"):
            return None  # "the second half", "half-time", "a half"
    value = L.FRACTION_WORDS[key]
    return Amount(value, value, value, kind="ratio", spelled=True), j


def read_multiplier(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Multipliers: "doubled", "tripled", "twice as many"."""
    w = tokens[i].lower
    if w not in L.MULTIPLIER_RATIOS:
        return None
    nxt = _word(tokens, i + 1)
    if w in ("twice", "thrice") and nxt not in ("as", "the", "that", "what"):
        return None
    if w in ("double", "triple") and nxt not in ("the", "its", "their", "his", "her", "that"):
        return None
    value = float(L.MULTIPLIER_RATIOS[w])
    return Amount(value, value, value, kind="ratio", spelled=True), i + 1


def read_in_ten(amount: Amount, tokens: list[Token], j: int) -> tuple[Amount, int] | None:
    """ "6 in 10", "nearly four in 10", "one in five": a ratio."""
    if _word(tokens, j) not in ("in", "out") or amount.value is None:
        return None
    k = j + 1
    if _word(tokens, j) == "out":
        if _word(tokens, k) != "of":
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
    return Amount(value, value, value, kind="ratio", spelled=amount.spelled), denominator[1]
