"""Ranges between two figures: "between A and B", "A to B", "A-B", "20~100", "between 200,000 dlrs and
one mln dlrs", and the unit a bare figure shares with the next one ("46 to 40 percent").

>>> from claimledger.extract.tokens import tokenize
>>> from claimledger.extract.numerals import point
>>> amount = read_range_end(tokenize("6 – 8 degrees"), 1, point(6.0), None)[0]
>>> (amount.low, amount.high)
(6.0, 8.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimledger.extract.fraction_readers import read_fraction_tail
from claimledger.extract.identifiers import is_identifier_or_time
from claimledger.extract.numerals import Amount, read_plain, word
from claimledger.extract.tokens import Token, glued
from claimledger.extract.units import Unit, read_unit
from claimledger.lang import en_numbers as L

_RANGE_JOINERS = {"to", "-", "–", "—", "and", "through", "or", "~"}
_DASHES = {"-", "–", "—", "~"}


def _range_joiner(tokens: Sequence[Token], j: int, opener: str | None) -> bool:
    """Whether token j joins two figures into a range: "A to B", "A-B", "A - B", "between A and B"."""
    if j >= len(tokens):
        return False
    joiner = tokens[j].lower
    if joiner not in _RANGE_JOINERS:
        return False
    if joiner == "and":
        return opener is not None
    if joiner == "or":
        return opener is None and word(tokens, j - 2) != "either" and word(tokens, j - 3) != "either"
    if joiner == "-" and j + 1 < len(tokens):
        both = glued(tokens[j - 1], tokens[j]) and glued(tokens[j], tokens[j + 1])
        spaced = not glued(tokens[j - 1], tokens[j]) and not glued(tokens[j], tokens[j + 1])
        return both or spaced
    return True


def read_range_end(tokens: Sequence[Token], j: int, first: Amount, opener: str | None,
                    first_word_before: str = "") -> tuple[Amount, int] | None:
    """The second number of a range: "between A and B", "A to B", "A-B", "20~100"."""
    if first.value is None or first.kind == "ratio" or not _range_joiner(tokens, j, opener):
        return None
    joiner = tokens[j].lower
    k = j + 1
    if k < len(tokens) and tokens[k].text in ("$", "€", "£", "¥"):
        k += 1
    if k >= len(tokens):
        return None
    if tokens[k].is_digits and is_identifier_or_time(tokens, k):
        return None
    sign = 1.0
    if tokens[k].lower in L.NEGATIVE_WORDS and k + 1 < len(tokens):
        sign, k = -1.0, k + 1
    second = read_plain(tokens, k)  # type: ignore[arg-type]
    if second:
        second = read_fraction_tail(second[0], tokens, k, second[1]) or second  # type: ignore[arg-type]
    if not second or second[0].value is None:
        return None
    low, high = first.value, sign * second[0].value
    scale = second[0].last_scale
    if second[0].scaled and not first.scaled and scale > 1 and low * scale <= high:
        low *= scale  # "3.5 to four mln barrels"
    if not low < high or (joiner in _DASHES | {"to"} and high > 100 * max(low, 1) and opener != "from"):
        return None
    if joiner == "to" and opener is None and high > 5 * max(low, 1) and first_word_before in L.CHANGE_WORDS:
        return None  # "rose 4-7/8 to 52-7/8": by and to, not a range
    return Amount(None, low, high, spelled=first.spelled and second[0].spelled,
                  scaled=first.scaled or second[0].scaled), second[1]


def read_unit_range(tokens: Sequence[Token], unit: Unit, first: Amount,
                     opener: str | None) -> tuple[Amount, Unit] | None:
    """A range with the unit written on both ends: "between 200,000 dlrs and one mln dlrs"."""
    j = unit.end_index
    if opener is None or first.value is None or word(tokens, j) not in ("and", "to", "-", "–"):
        return None
    second = read_plain(tokens, j + 1) if j + 1 < len(tokens) else None  # type: ignore[arg-type]
    if not second or second[0].value is None:
        return None
    unit2 = read_unit(tokens, second[1], second[0], False)
    end = second[0]
    if unit2 is None or (unit2.kind, unit2.unit) != (unit.kind, unit.unit) or not first.value < end.value:  # type: ignore[operator]
        return None
    rng = Amount(None, first.value * unit.factor, end.value * unit2.factor,  # type: ignore[operator]
                 scaled=first.scaled or end.scaled)
    return rng, replace(unit2, factor=1.0)


def shared_unit(tokens: Sequence[Token], j: int, first: Amount, after_from: bool) -> Unit | None:
    """The unit of the next figure, shared by a bare one: "46 to 40 percent", "to 3.80 from 3.85 pct"."""
    joiner = word(tokens, j)
    if joiner not in ("to", "from") or j + 1 >= len(tokens) or first.value is None:
        return None
    second = read_plain(tokens, j + 1)  # type: ignore[arg-type]
    if not second or second[0].value is None or (second[0].scaled and not first.scaled):
        return None
    if joiner == "to" and not after_from and first.value < second[0].value:
        return None
    unit = read_unit(tokens, second[1], second[0], False)
    if unit is None or unit.kind not in ("percent", "money"):
        return None
    return replace(unit, end_index=j)
