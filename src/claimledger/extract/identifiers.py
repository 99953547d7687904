"""Numbers that are not amounts: names and identifiers (G7, COVID-19, Boeing 757-200, "Anderson
Cooper 360", "911 calls"), ordinals (20th), dates and times of day (9/11, 10:30, 10am).

>>> from claimledger.extract.tokens import tokenize
>>> is_identifier_or_time(tokenize("a Boeing 737 crashed"), 2)
True
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.extract.tokens import Token, glued
from claimledger.lang import en_numbers as L

_TIME_OF_DAY = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "est", "edt", "bst", "et", "pst", "pdt"}
_CURRENCY_LETTERS = ("R", "Rs", "US", "C", "A", "HK", "S", "NZ")
_SENTENCE_START = {".", "!", "?", ":", ";", '"', "“", "(", "—", "–"}


def _glued_before(tokens: Sequence[Token], i: int) -> bool:
    """Digits glued to a word, a hyphenated name or a number sign: "G7", "COVID-19", "9/11", "#1"."""
    tok, prev = tokens[i], tokens[i - 1]
    if prev.text[0].isalpha() and prev.text not in _CURRENCY_LETTERS and not (
            prev.lower in L.CURRENCY_CODES and prev.text.isupper()):
        return True  # G7, A380, MP3
    if prev.text in ("-", "/") and i > 1 and glued(tokens[i - 2], prev):
        before = tokens[i - 2]
        scale_suffix = before.lower in L.SCALE_WORDS and i > 2 and tokens[i - 3].is_digits \
            and glued(tokens[i - 3], before)  # "5k-20k"
        if before.text[0].isalpha() and before.lower not in L.QUALIFIERS and before.lower not in ("mid",) \
                and not scale_suffix:
            return True  # COVID-19, F-16, IL-2
        if before.is_digits and prev.text == "/":
            return True  # 9/11, 24/7
    return prev.text in ("#", "№") and glued(prev, tok)


def _glued_after(tokens: Sequence[Token], i: int) -> bool:
    """Digits glued to a suffix that makes them no amount: "20th", "10am", "1990s", "3D", "10:30"."""
    nxt = tokens[i + 1]
    digits_after = i + 2 < len(tokens) and tokens[i + 2].is_digits and glued(nxt, tokens[i + 2])
    if nxt.text in ("/", ":") and digits_after:
        return True  # 9/11, 10:30
    if not nxt.text[0].isalpha():
        return False
    if digits_after and nxt.lower not in ("km", "m"):
        return True  # "24703L202": a code
    low = nxt.lower
    if low in L.ORDINAL_SUFFIXES or low in _TIME_OF_DAY or low == "s":
        return True  # 20th, 10am, 1990s
    known = (low in L.SCALE_WORDS or low in L.PERCENT_WORDS or low in L.MEASURE_UNITS or low == "yo"
             or low in L.DURATION_UNITS or low in L.CURRENCY_WORDS or low in L.CURRENCY_CODES
             or low in L.MILLION_CODES or low in L.DOZEN_WORDS or (low == "mm" and nxt.text.isupper())
             or nxt.text in L.CURRENCY_SYMBOLS)
    return not known  # 3D, 4G, 737MAX


def _after_name(tokens: Sequence[Token], i: int) -> bool:
    """A number after a name: "Section 230", "Boeing 737", "No. 1", "Anderson Cooper 360 was"."""
    prev = tokens[i - 1]
    word = prev.text.rstrip(".")
    sentence_start = i - 1 == 0
    if word and word[0].isupper() and prev.lower.rstrip(".") in L.IDENTIFIER_PREFIXES and \
            not (sentence_start and prev.lower not in ("no", "section", "article", "number")):
        return True
    if prev.text == "." and i > 1 and tokens[i - 2].lower in ("no", "nos", "vol", "p", "pp", "art", "sec"):
        return True  # No. 1
    # "Anderson Cooper 360 was": two capitalised words, not a title-case headline ("Palin Unleashed 4 Words")
    return (i >= 3 and i + 1 < len(tokens) and _capitalised(tokens[i - 1]) and _capitalised(tokens[i - 2])
            and tokens[i - 3].text not in _SENTENCE_START and not _capitalised(tokens[i - 3])
            and tokens[i + 1].lower in L.NAME_FOLLOWERS)


def _capitalised(tok: Token) -> bool:
    return tok.text[0].isupper() and tok.text.isalpha() and not tok.text.isupper()


def is_identifier_or_time(tokens: Sequence[Token], i: int) -> bool:
    """Digits that belong to a name, an identifier, an ordinal, a date or a time of day."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and glued(prev, tok) and _glued_before(tokens, i):
        return True
    if nxt is not None:
        if glued(tok, nxt) and _glued_after(tokens, i):
            return True
        if nxt.lower in _TIME_OF_DAY or nxt.lower in L.NAME_NOUNS_AFTER:
            return True  # "10 am", "The 400 series"
        if nxt.lower in L.IDENTIFIER_NUMBERS.get(tok.text, ()):
            return True  # "911 calls"
    return prev is not None and not glued(prev, tok) and _after_name(tokens, i)


def is_name_word_number(tokens: Sequence[Token], i: int) -> bool:
    """A number word in a name or an enumeration: "Number two, ..."."""
    return i > 0 and tokens[i - 1].text == "Number" and tokens[i].lower in L.UNITS_WORDS


def chain_end(tokens: Sequence[Token], i: int) -> int:
    """Past an identifier and what is glued to it: "15-674", "757-200", "10:30", "2-1" are skipped whole."""
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text in ("-", "/", ":", ".") and glued(tokens[j - 1], tokens[j]) \
            and glued(tokens[j], tokens[j + 1]) and tokens[j + 1].text[0].isalnum():
        j += 2
    return j if tokens[i].is_digits else i + 1
