"""Bounds and signs around a figure: approximators and bound words before it ("nearly",
"less than or equal to", ">="), bound words after it ("or more"), a minus sign, and two
bounds of one interval ("more than 10 and less than 40").

>>> from claimledger.extract.tokens import tokenize
>>> read_qualifier(tokenize("well over 100"), 2, "well over 100", 0)
('lower', False, 'well over', 0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.extract.numerals import word
from claimledger.extract.tokens import Token, glued
from claimledger.extract.units import phrase
from claimledger.lang import en_numbers as L

_CHECKED = {"some", "over", "under", "about", "above", "below", "within", "around", "estimated", "up to"}


@dataclass(frozen=True, slots=True)
class Qualifier:
    bound: str          # "point" | "upper" | "lower" | "range"
    approximate: bool
    written: str
    first_index: int


def phrase_before(tokens: Sequence[Token], i: int, table, max_words: int = 6) -> tuple[str, int] | None:
    """Longest table phrase ending right before token i; returns the phrase and its first token."""
    best = None
    for k in range(max(0, i - max_words), i):
        key = " ".join(t.lower for t in tokens[k:i])
        if key in table and (best is None or k < best[1]):
            best = (key, k)
    return best


def _particle(key: str, tokens: Sequence[Token], k: int) -> bool:
    """Whether the bound word is a particle or a preposition here, not a bound."""
    prev = word(tokens, k - 1)
    if key == "some" and prev in ("for", "of"):
        return True
    if key == "over" and prev in L.OVER_PARTICLE_VERBS:
        return True  # "handed over $25 million"
    return key == "up to" and prev in L.UP_TO_PARTICLE_VERBS  # "have gone up to $8,400"


def read_qualifier(tokens: Sequence[Token], i: int, text: str,
                   offset: int) -> tuple[str, bool, str, int] | None:
    """The approximator or bound before token i: (bound, approximate, as written, first token index)."""
    found = phrase_before(tokens, i, L.QUALIFIERS)
    symbol = phrase_before(tokens, i, L.BOUND_SYMBOLS, max_words=2)
    k = symbol[1] if symbol else 0
    if symbol and k > 0 and tokens[k - 1].text in ("<", ">", "=") and glued(tokens[k - 1], tokens[k]):
        symbol = None  # "<>30", "=>30": no bound we know
    if symbol and k > 1 and tokens[k].text == ">" and glued(tokens[k - 1], tokens[k]) \
            and tokens[k - 2].text == "<":
        symbol = None  # "<PN> 1/8": a ticker in brackets
    if symbol and (found is None or symbol[1] <= found[1]):
        key, k = symbol
        return L.BOUND_SYMBOLS[key], False, text[tokens[k].start - offset: tokens[i - 1].end - offset], k
    if not found:
        return None
    key, k = found
    if key in _CHECKED and _particle(key, tokens, k):
        return None
    bound, approximate = L.QUALIFIERS[key]
    written = text[tokens[k].start - offset: tokens[i - 1].end - offset]
    return bound, approximate, written, k


def negative_sign(tokens: Sequence[Token], i: int) -> int | None:
    """The index of a minus sign or word that makes the figure at i negative: "-1", "−273.15", "minus 5",
    "negative one"; not a hyphen between two figures ("10-20") nor "plus or minus 4"."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.text in ("-", "−") and glued(prev, tokens[i]):
        if i >= 2 and glued(tokens[i - 2], prev) and (tokens[i - 2].text[0].isalnum() or tokens[i - 2].text in
                                                     ("%", ")")):
            return None  # "10-20", "COVID-19", "F-16"
        if i >= 2 and tokens[i - 2].is_digits:
            return None  # "75 -300mm": a range written loosely
        return i - 1
    plus_or_minus = word(tokens, i - 2) == "or" and word(tokens, i - 3) == "plus"
    if prev.lower in L.NEGATIVE_WORDS and not plus_or_minus and word(tokens, i - 2) not in ("a", "an"):
        return i - 1  # not "a negative 42% rating"
    return None


def trailing_bound(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """A bound written after the figure: "500 or more" (lower), "5000 or less" (upper), "or equal" ("")."""
    found = phrase(tokens, j, L.TRAILING_BOUNDS, max_words=3)
    if not found:
        return None
    key, end = found
    if word(tokens, end) in ("than", "to") and key.endswith(("more", "less", "greater", "equal")):
        end += 1  # "200 or greater than"
    if end < len(tokens) and (tokens[end].is_digits or tokens[end].text in L.CURRENCY_SIGNS
                              or tokens[end].lower in L.UNITS_WORDS or tokens[end].lower in L.TENS_WORDS):
        return None  # "less than $1 billion or more than $42 billion": two figures
    return L.TRAILING_BOUNDS[key], end
