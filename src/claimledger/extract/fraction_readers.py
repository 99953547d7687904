"""Fractions: "three fifths", "a third of", "3/4", "2 1/4", "1-1/8 pct", "½", "one over three",
"and a half", "half a million".

:func:`read_fraction` reads a fraction that starts at a token; :func:`read_fraction_tail`
extends a number already read ("five" + "and a quarter", "three" + "fifths").

>>> from claimledger.extract.tokens import tokenize
>>> read_fraction(tokenize("3/4 of them"), 0)[0].value
0.75
"""

from __future__ import annotations

from claimledger.extract.numerals import Amount, phrase_at, point, read_plain, read_spelled, word
from claimledger.extract.tokens import Token, glued
from claimledger.lang import en_numbers as L

# Denominators of a digit fraction that make it a fraction even with nothing after it ("3/4");
# "5/17" is more likely a date, "9/11" an identifier.
_PLAIN_DENOMINATORS = {2, 3, 4, 8, 16, 32, 64}
_WORD_SCALES = {w: v for w, v in L.SCALE_WORDS.items() if w not in L.SHORT_SCALES}
_SCALES = {**_WORD_SCALES, "dozen": 12.0}
_ENDS = {".", ",", ";", ":", "?", "!", ")", "]", '"', "”", "'", "’"}


def _ends_here(tokens: list[Token], j: int) -> bool:
    """Nothing word-like follows: the end of the text or punctuation."""
    return j >= len(tokens) or tokens[j].text in _ENDS


def _unit_follows(tokens: list[Token], j: int) -> bool:
    """A unit, percent word or "of" right after: "7/8 pct", "1/4 mile", "1/40 of"."""
    w = word(tokens, j)
    two = f"{w} {word(tokens, j + 1)}"
    return (w == "of" or w in L.PERCENT_WORDS or w in L.MEASURE_UNITS or two in L.MEASURE_UNITS
            or w in L.CURRENCY_WORDS or w in L.DURATION_UNITS)


# --- fractions written with digits ------------------------------------------------------------

def digit_fraction(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """ "3/4", "7/8 pct", "1/40 of": a fraction, not a date ("5/17/2018") or an identifier ("9/11")."""
    if i + 2 >= len(tokens) or tokens[i + 1].text != "/" or not tokens[i + 2].is_digits:
        return None
    num, slash, den = tokens[i], tokens[i + 1], tokens[i + 2]
    if not (glued(num, slash) and glued(slash, den)) or not (num.text + den.text).isdigit():
        return None  # "1,250/1,350 stg" is a range of prices
    if i + 3 < len(tokens) and tokens[i + 3].text in ("/", "-") and glued(den, tokens[i + 3]):
        return None  # 5/17/2018
    n, d = num.number, den.number
    if not n or not d or n >= d:
        return None
    if int(d) not in _PLAIN_DENOMINATORS and not _unit_follows(tokens, i + 3):
        return None
    return n / d, i + 3


def _mixed_digits(amount: Amount, tokens: list[Token], j: int) -> tuple[float, int] | None:
    """The fraction after a whole number in digits: "2 1/4", "1-1/8", "2½"."""
    if j >= len(tokens) or amount.scaled or amount.value is None or amount.value != int(amount.value):
        return None
    tok = tokens[j]
    if tok.text in L.FRACTION_CHARACTERS:
        return L.FRACTION_CHARACTERS[tok.text], j + 1  # "2½", "5 ½ years"
    if tok.text == "-" and glued(tokens[j - 1], tok) and j + 1 < len(tokens) and glued(tok, tokens[j + 1]):
        found = digit_fraction(tokens, j + 1)
        return found if found and _fraction_only(tokens, j + 1) else None
    if tok.is_digits and not glued(tokens[j - 1], tok):
        found = digit_fraction(tokens, j)
        return found if found and _fraction_only(tokens, j) else None
    return None


def _fraction_only(tokens: list[Token], k: int) -> bool:
    """A proper fraction with a one-digit numerator, as in mixed numbers: "1/8", "3/4"."""
    return len(tokens[k].text) <= 2


# --- fractions written in words ---------------------------------------------------------------

def denominator_at(tokens: list[Token], k: int) -> tuple[float, int] | None:
    """An ordinal denominator: "fifths", "hundredth", "twenty-first", "twenty fifths"."""
    w = word(tokens, k)
    if w in L.TENS_WORDS:
        m = k + 2 if word(tokens, k + 1) == "-" else k + 1
        if word(tokens, m) in L.ORDINAL_UNIT_DENOMINATORS:
            return L.TENS_WORDS[w] + L.ORDINAL_UNIT_DENOMINATORS[word(tokens, m)], m + 1
        return None
    if w == "-" and word(tokens, k + 1) in L.FRACTION_DENOMINATORS and \
            glued(tokens[k], tokens[k + 1]) == glued(tokens[k - 1], tokens[k]):
        return L.FRACTION_DENOMINATORS[word(tokens, k + 1)], k + 2  # "five hundred-fifths", "one-eighth"
    if w in L.FRACTION_DENOMINATORS:
        return L.FRACTION_DENOMINATORS[w], k + 1
    return None


def _reads_as_ordinal(tokens: list[Token], k: int, end: int) -> bool:
    """ "one third party", "a fifth straight year", "seventh-graders": an ordinal, not a denominator."""
    if end < len(tokens) and tokens[end].text == "-" and glued(tokens[end - 1], tokens[end]):
        return True
    w = word(tokens, end - 1)
    if w.endswith("s") or w in ("half", "halves"):
        return False
    nxt = word(tokens, end)
    return not _ends_here(tokens, end) and nxt not in L.FUNCTION_WORDS and nxt not in ("more", "less")


def _over(amount: Amount, tokens: list[Token], j: int) -> tuple[float, int] | None:
    """ "one over three", "2000 over 3": a quotient, when nothing follows the divisor."""
    if word(tokens, j) != "over" or j + 1 >= len(tokens) or amount.value is None:
        return None
    divisor = read_plain(tokens, j + 1)
    if divisor is None or not divisor[0].value or not _ends_here(tokens, divisor[1]):
        return None
    return amount.value / divisor[0].value, divisor[1]


def _word_fraction(tokens: list[Token], k: int) -> tuple[float, int] | None:
    """A fraction in words after "and": "a half", "one half", "three quarters", "five ninths"."""
    found = phrase_at(tokens, k, L.FRACTION_WORDS, max_words=2)
    if found:
        return L.FRACTION_WORDS[found[0]], found[1]
    if word(tokens, k) == "a":
        den = denominator_at(tokens, k + 1)
        return (1 / den[0], den[1]) if den else None
    numerator = read_spelled(tokens, k)
    if numerator is None or numerator[0].value is None:
        return None
    den = denominator_at(tokens, numerator[1])
    return (numerator[0].value / den[0], den[1]) if den else None


def _and_fraction(amount: Amount, tokens: list[Token], j: int) -> tuple[Amount, int] | None:
    """ "five and a quarter" (5.25), "one million and a half" (1.5e6), "one billion and a half million"."""
    if word(tokens, j) != "and" or amount.value is None or amount.vague:
        return None
    found = _word_fraction(tokens, j + 1)
    if found is None:
        return None
    fraction, k = found
    scale = _SCALES.get(word(tokens, k))
    if scale and amount.last_scale == 1 and not amount.scaled:
        return point((amount.value + fraction) * scale, spelled=amount.spelled, scaled=True), k + 1
    if scale:
        return point(amount.value + fraction * scale, spelled=amount.spelled, scaled=True), k + 1
    value = amount.value + fraction * amount.last_scale
    return point(value, spelled=amount.spelled, scaled=amount.scaled), k


def _spelled_over_denominator(amount: Amount, tokens: list[Token], i: int,
                              j: int) -> tuple[Amount, int] | None:
    """ "three fifths" (0.6), "twenty one fifths" (4.2), "one hundred thirty fifths" (100/35)."""
    if not amount.spelled or amount.value is None:
        return None
    split = _split_tens_denominator(tokens, i, j)
    if split:
        return split
    den = denominator_at(tokens, j)
    if den is None:
        return None
    if word(tokens, j) in L.AMBIGUOUS_DENOMINATORS and amount.value != 3 and word(tokens, i) != "a":
        return None  # "two quarters" of a year; "three quarters" is a fraction
    if _reads_as_ordinal(tokens, j, den[1]):
        return None
    if amount.value != 1 and not word(tokens, den[1] - 1).endswith("s") and word(tokens, j) not in ("half",):
        return None  # "two millionth": an ordinal after a count, not two millionths
    return point(amount.value / den[0], kind="ratio", spelled=True), den[1]


def _split_tens_denominator(tokens: list[Token], i: int, j: int) -> tuple[Amount, int] | None:
    """The numerator's last tens word starts the denominator: "one hundred thirty fifths" = 100 / 35."""
    k = j - 1
    if word(tokens, k) not in L.TENS_WORDS or k <= i or word(tokens, k - 1) in ("and", "-"):
        return None
    den = denominator_at(tokens, k)
    if den is None:
        return None
    head = read_spelled(tokens[:k], i)  # the numerator without its last word (rare: only before ordinals)
    if head is None or head[1] != k or not head[0].value:
        return None
    return point(head[0].value / den[0], kind="ratio", spelled=True), den[1]


def read_fraction_tail(amount: Amount, tokens: list[Token], i: int, j: int) -> tuple[Amount, int] | None:
    """A fraction that continues the number at tokens[i:j]: denominators, "over", "and a half", "2 1/4"."""
    found = _spelled_over_denominator(amount, tokens, i, j)
    if found:
        return found
    found_over = _over(amount, tokens, j)
    if found_over:
        return point(found_over[0], kind="ratio", spelled=amount.spelled), found_over[1]
    found_and = _and_fraction(amount, tokens, j)
    if found_and:
        return found_and
    mixed = _mixed_digits(amount, tokens, j)
    if mixed:
        return point(amount.value + mixed[0]), mixed[1]  # type: ignore[operator]
    return None


# --- fractions that start at a token ----------------------------------------------------------

def _of_scale(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """ "half million", "half a million", "a quarter million", "half a dozen", "two thirds of a million"."""
    found = phrase_at(tokens, i, L.FRACTION_OF_SCALE, max_words=2) or phrase_at(
        tokens, i, L.FRACTION_WORDS, max_words=2)
    if not found:
        return None
    key, k = found
    fraction = L.FRACTION_OF_SCALE.get(key) or L.FRACTION_WORDS[key]
    if word(tokens, k) == "of" and word(tokens, k + 1) == "a":
        k += 2
    elif word(tokens, k) == "a":
        k += 1
    scale = _SCALES.get(word(tokens, k))
    if scale is None:
        return None
    return point(fraction * scale, spelled=True, scaled=scale >= 1000), k + 1


def _standalone_words(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """Fraction words: "half", "a third of", "two-thirds", "a hundredth"."""
    found = phrase_at(tokens, i, L.FRACTION_WORDS, max_words=2)
    if not found:
        if word(tokens, i) == "a":
            den = denominator_at(tokens, i + 1)
            if den and word(tokens, i + 1) not in L.AMBIGUOUS_DENOMINATORS and \
                    (word(tokens, den[1]) == "of" or _ends_here(tokens, den[1])):
                return point(1 / den[0], kind="ratio", spelled=True), den[1]
        return None
    key, j = found
    after = word(tokens, j)
    before = word(tokens, i - 1)
    if key in ("a quarter", "one quarter", "one-quarter") and after != "of":
        return None  # "a quarter" is usually a period of time
    if _reads_as_ordinal(tokens, i, j):
        return None  # "for a third successive month", "a fifth straight year", "a third party"
    if key == "half" and (before in L.ORDINAL_WORDS or before in ("last", "next", "the", "this", "a")
                          or after in ("-", "time")):
        return None  # "the second half", "half-time", "a half"
    value = L.FRACTION_WORDS[key]
    return point(value, kind="ratio", spelled=True), j


def read_fraction(tokens: list[Token], i: int) -> tuple[Amount, int] | None:
    """A fraction starting at token i: "half a million", "two-thirds", "⅔", "3/4"."""
    tok = tokens[i]
    if tok.text in L.FRACTION_CHARACTERS:
        value = L.FRACTION_CHARACTERS[tok.text]
        return point(value, kind="ratio"), i + 1
    if tok.is_digits:
        found = digit_fraction(tokens, i)
        if found is None:
            return None
        # "3/4 of voters" is a share; "rose 1/2" (a price move) or "7/8 pct" a number
        return point(found[0], kind="ratio" if word(tokens, found[1]) == "of" else None), found[1]
    return _of_scale(tokens, i) or _standalone_words(tokens, i)
