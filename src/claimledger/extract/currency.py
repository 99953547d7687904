"""Currencies around a figure: symbols and codes before it ("US$", "c $", "USD 5", "MAUD 60"),
words, codes and signs after it ("dlrs", "rmb", "10 €", "30 MUSD"), and the minor part of a
price ("3 dollars 50 cents").

>>> from claimledger.extract.tokens import tokenize
>>> read_currency_before(tokenize("hk $ 10.05 billion"), 2)
('HKD', 0)
"""

from __future__ import annotations

from claimledger.extract.numerals import read_plain, word
from claimledger.extract.tokens import Token, glued
from claimledger.lang import en_numbers as L

_ENDS = {".", ",", ";", ":", "?", "!", ")", "]", '"', "”"}


def _prefix_before_sign(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """Letters before the currency sign at k: "US$", "C$", "c $ 16.4 million", "HK $", "Mex$"."""
    if k == 0:
        return None
    prev = tokens[k - 1]
    key = prev.lower.rstrip(".") if prev.lower != "u.s." else "u.s."
    if key not in L.CURRENCY_PREFIXES:
        return None
    spaced = not glued(prev, tokens[k])
    if spaced and (key in L.GLUED_ONLY_PREFIXES or (prev.text.islower() and len(key) > 2)):
        return None  # "a $5 bill"
    code = L.CURRENCY_SYMBOLS.get(key + tokens[k].text)
    return (code, k - 1) if code else None


def read_currency_before(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A currency symbol or code right before token i: "$", "US$", "€", "R4bn", "USD 5", "USD115"."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.text in L.CURRENCY_SIGNS and prev.text in L.CURRENCY_SYMBOLS:
        return _prefix_before_sign(tokens, i - 1) or (L.CURRENCY_SYMBOLS[prev.text], i - 1)
    if prev.text in ("R", "Rs") and glued(prev, tokens[i]):
        return L.CURRENCY_SYMBOLS[prev.lower], i - 1
    if prev.lower in L.CURRENCY_CODES and prev.text.isupper() and len(prev.text) == 3:
        return prev.text, i - 1
    return None


def million_code_before(tokens: list[Token], i: int) -> str | None:
    """ "MAUD 60": a millions-prefixed code before the figure; returns the ISO code."""
    prev = tokens[i - 1] if i > 0 else None
    if prev is None or not prev.text.isupper():
        return None
    return L.MILLION_CODES.get(prev.lower)


def currency_word_before(tokens: list[Token], i: int) -> str | None:
    """ "dollar 22.5 million", "rmb 10": a currency word written before the figure."""
    if i == 0:
        return None
    return L.CURRENCY_WORDS_BEFORE.get(word(tokens, i - 1))


def suffix_sign(tokens: list[Token], j: int) -> str | None:
    """A currency sign written after the figure: "10 €", "100元"; "$" only when no figure follows it."""
    if j >= len(tokens) or tokens[j].text not in L.SUFFIX_SIGNS:
        return None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.is_digits:
        return None  # "10 $ 30": the sign opens the next figure
    return L.CURRENCY_SYMBOLS[tokens[j].text]


def redundant_word(tokens: list[Token], j: int, code: str) -> int | None:
    """A currency word repeating the symbol's currency: "$800,000 dollars", "$770M Dollars"."""
    found = _longest(tokens, j, L.CURRENCY_WORDS)
    if found and L.CURRENCY_WORDS[found[0]] == code and found[0] not in L.MINOR_CURRENCY_WORDS:
        return found[1]
    return None


def minor_part(tokens: list[Token], j: int, major: str) -> tuple[float, int] | None:
    """The cents after a major currency word: "3 dollars 50 cents", "thirteen dollars and forty-five cents",
    "15 dollars 50", "17 USD 25"; a bare number only under 100 at the end of the sentence."""
    if major not in L.MAJOR_CURRENCY_WORDS:
        return None
    k = j + 1 if word(tokens, j) == "and" else j
    if k >= len(tokens) or not (tokens[k].is_digits or word(tokens, k) in L.UNITS_WORDS
                                or word(tokens, k) in L.TENS_WORDS):
        return None
    part = read_plain(tokens, k)
    if part is None or part[0].value is None or part[0].scaled or not 0 < part[0].value < 100 \
            or part[0].value != int(part[0].value) or (tokens[k].is_digits and len(tokens[k].text) > 2):
        return None
    end = part[1]
    if word(tokens, end) in ("cents", "cent", "pence", "p"):
        return part[0].value / 100, end + 1
    if end >= len(tokens) or tokens[end].text in _ENDS:
        return part[0].value / 100, end
    return None


def _longest(tokens: list[Token], j: int, table: dict, max_words: int = 3) -> tuple[str, int] | None:
    """Longest table phrase at token j, skipping hyphens glued between words ("Canadian-dlr")."""
    best, words, k = None, [], j
    while k < len(tokens) and len(words) < max_words:
        if tokens[k].text == "-" and words and k + 1 < len(tokens) and glued(tokens[k - 1], tokens[k]) \
                and glued(tokens[k], tokens[k + 1]):
            k += 1
            continue
        words.append(tokens[k].lower)
        k += 1
        key = " ".join(words)
        if key in table:
            best = (key, k)
    return best


def currency_word_after(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """A currency word or phrase at token j ("dlrs", "swiss francs", "us dollar"); returns (word, end)."""
    return _longest(tokens, j, L.CURRENCY_WORDS)


def pound_is_money(tokens: list[Token]) -> bool:
    """ "pounds" is sterling with money words around and no weight words, else a weight ("lose 25 pounds")."""
    words = {t.lower for t in tokens}
    return bool(words & L.POUND_MONEY_CONTEXT) and not words & L.POUND_WEIGHT_CONTEXT
