"""Find every quantity in a sentence and normalise it (SPEC `Quantity`), without spaCy.

The scanner walks a light token list; at each position it reads an amount
(:mod:`claimledger.extract.numerals`), then the currency or qualifier before it
and the unit and rate after it. What it reports is a :class:`Found`; ids and the
counted noun phrase are added later, by the pipeline.

>>> [(f.text, f.kind, f.high) for f in scan("from nearly 2,000 per month to 200")]
[('nearly 2,000 per month', 'count', 2000.0), ('200', 'count', 200.0)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimledger.extract.numerals import (
    Amount,
    read_fraction,
    read_in_ten,
    read_multiplier,
    read_number,
    read_vague,
)
from claimledger.extract.tokens import Token, glued, tokenize
from claimledger.lang import en_numbers as L

_RANGE_JOINERS = {"to", "-", "–", "—", "and", "through", "or"}
_TIME_OF_DAY = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "est", "edt", "bst", "et", "pst", "pdt"}


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity as the scanner found it: SPEC fields without id and counted."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool = False
    qualifier: str | None = None
    unit: str | None = None
    per: str | None = None
    scaled: bool = False
    number_start: int = 0   # where the numeral itself starts (after qualifier and currency)


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    unit: str | None
    end_index: int
    factor: float = 1.0
    per: str | None = None


def _word(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].lower if 0 <= i < len(tokens) else ""


def _phrase(tokens: Sequence[Token], i: int, table, max_words: int = 3) -> tuple[str, int] | None:
    """Longest table phrase starting at token i (hyphen-joined words are written "a-b")."""
    best, words, j = None, [], i
    while j < len(tokens) and len(words) < max_words:
        words.append(tokens[j].lower)
        j += 1
        key = " ".join(words)
        if key in table:
            best = (key, j)
    return best


def _phrase_before(tokens: Sequence[Token], i: int, table, max_words: int = 4) -> tuple[str, int] | None:
    """Longest table phrase ending right before token i; returns the phrase and its first token."""
    best = None
    for k in range(max(0, i - max_words), i):
        key = " ".join(t.lower for t in tokens[k:i])
        if key in table and (best is None or k < best[1]):
            best = (key, k)
    return best


# --- exclusions -------------------------------------------------------------------------------

def _is_identifier_or_time(tokens: Sequence[Token], i: int) -> bool:
    """Digits that belong to a name, an identifier, an ordinal, a date or a time of day."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and glued(prev, tok):
        if prev.text[0].isalpha() and prev.text not in ("R", "Rs", "US", "C", "A", "HK", "S", "NZ"):
            return True  # G7, A380, MP3
        if prev.text in ("-", "/") and i > 1 and glued(tokens[i - 2], prev):
            before = tokens[i - 2]
            if before.text[0].isalpha() and before.lower not in L.QUALIFIERS and before.lower not in ("mid",):
                return True  # COVID-19, F-16, IL-2
            if before.is_digits and prev.text == "/":
                return True  # 9/11, 24/7
        if prev.text in ("#", "№"):
            return True
    if nxt is not None:
        if glued(tok, nxt):
            if nxt.text in ("/", ":") and i + 2 < len(tokens) and tokens[i + 2].is_digits and glued(nxt, tokens[i + 2]):
                return True  # 9/11, 10:30
            if nxt.text[0].isalpha():
                low = nxt.lower
                if low in L.ORDINAL_SUFFIXES or low in _TIME_OF_DAY or low == "s":
                    return True  # 20th, 10am, 1990s
                known = (low in L.SCALE_WORDS or low in L.PERCENT_WORDS or low in L.MEASURE_UNITS
                         or low in L.DURATION_UNITS or low in L.CURRENCY_WORDS or low in L.CURRENCY_CODES)
                if not known:
                    return True  # 3D, 4G, 737MAX
        if nxt.lower in _TIME_OF_DAY:
            return True
    if prev is not None and not glued(prev, tok):
        word = prev.text.rstrip(".")
        if word and word[0].isupper() and prev.lower.rstrip(".") in L.IDENTIFIER_PREFIXES and \
                not (i - 1 == 0 and prev.lower not in ("no", "section", "article")):
            return True  # Section 230, Boeing 737, Flight 370
        if prev.text == "." and i > 1 and tokens[i - 2].lower in ("no", "nos", "vol", "p", "pp", "art", "sec"):
            return True  # No. 1
    return False


def _looks_like_year(amount: Amount, tok: Token) -> bool:
    return (
        amount.value is not None and not amount.scaled and not amount.spelled
        and tok.text.isdigit() and len(tok.text) == 4 and 1600 <= amount.value <= 2100
    )


# --- units after the amount ---------------------------------------------------------------------

def _points_kind(tokens: Sequence[Token], i: int) -> str:
    """Points are index points near market words, percentage points near poll words."""
    window = {t.lower for t in tokens[max(0, i - 15): i + 15]}
    if window & L.INDEX_CONTEXT and not window & {"lead", "poll", "polls", "voters", "percentage"}:
        return "other"
    return "percent"


def _read_unit(tokens: Sequence[Token], j: int, amount: Amount, has_currency: bool) -> _Unit | None:
    """The unit written after an amount: percent, currency word, measure, duration, points."""
    if j >= len(tokens):
        return None
    start = j
    hyphen = tokens[j].text in ("-", "–") and j + 1 < len(tokens) and glued(tokens[j - 1], tokens[j]) \
        and glued(tokens[j], tokens[j + 1])
    if hyphen:
        j += 1  # "50-pct", "98-minute", "34-year-old", "four-point"
    found = _phrase(tokens, j, L.PERCENT_WORDS, max_words=2)
    if found:
        key, end = found
        if L.PERCENT_WORDS[key] == "bp":
            return _Unit("percent", "%", end, factor=0.01)
        return _Unit("percent", "%", end)
    if tokens[j].lower in L.POINT_WORDS and not amount.spelled or tokens[j].lower in ("point", "points") and (
            hyphen or _word(tokens, j + 1) in ("lead", "margin", "edge", "advantage", "gap", "deficit")
            or _word(tokens, j - 1) not in ("one",)):
        if tokens[j].lower in L.POINT_WORDS:
            kind = _points_kind(tokens, j)
            return _Unit(kind, "%" if kind == "percent" else "point", j + 1)
    if not has_currency:
        found = _phrase(tokens, j, L.CURRENCY_WORDS, max_words=3)
        if found and not hyphen:
            key, end = found
            if key not in L.AMBIGUOUS_CURRENCY_WORDS or not amount.spelled:
                if key in ("p", "pence") and not glued(tokens[j - 1], tokens[j]) and key == "p":
                    found = None
                else:
                    factor = 0.01 if key in L.MINOR_CURRENCY_WORDS else 1.0
                    return _Unit("money", L.CURRENCY_WORDS[key], end, factor=factor)
        if tokens[j].lower in L.CURRENCY_CODES and not hyphen and tokens[j].text.isupper():
            return _Unit("money", tokens[j].text.upper(), j + 1)
        if amount.vague and tokens[j].lower == "of":
            found = _phrase(tokens, j + 1, L.CURRENCY_WORDS, max_words=2)
            if found:
                key, end = found
                return _Unit("money", L.CURRENCY_WORDS[key], end)
    found = _phrase(tokens, j, L.MEASURE_UNITS, max_words=3)
    if found:
        key, end = found
        if key not in L.AMBIGUOUS_UNITS or glued(tokens[j - 1], tokens[j]) or tokens[j].text != key.upper():
            if not (key in L.AMBIGUOUS_UNITS and not glued(tokens[start - 1], tokens[start])):
                return _Unit("measure", L.MEASURE_UNITS[key], end, per=L.RATE_UNITS.get(key))
    if tokens[j].lower in L.DURATION_UNITS:
        end = j + 1
        unit = L.DURATION_UNITS[tokens[j].lower]
        # "34-year-old", "34 years old": an age
        if _word(tokens, end) == "-" and _word(tokens, end + 1) == "old":
            end += 2
        elif _word(tokens, end) == "old":
            end += 1
        return _Unit("duration", unit, end)
    if hyphen:
        return None
    return None


def _read_rate(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    found = _phrase(tokens, j, L.RATE_PHRASES, max_words=2)
    if found:
        key, end = found
        return L.RATE_PHRASES[key], end
    return None


# --- before the amount ---------------------------------------------------------------------------

def _read_currency_before(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """A currency symbol or code right before token i: "$", "US$", "€", "R4bn", "USD 5"."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.text in ("$", "€", "£", "¥", "₹", "₩", "₽", "₱"):
        k = i - 1
        if k > 0 and glued(tokens[k - 1], prev) and tokens[k - 1].text in ("US", "C", "A", "HK", "S", "NZ"):
            return L.CURRENCY_SYMBOLS[(tokens[k - 1].text + prev.text).lower()], k - 1
        return L.CURRENCY_SYMBOLS[prev.text], k
    if prev.text in ("R", "Rs") and glued(prev, tokens[i]):
        return L.CURRENCY_SYMBOLS[prev.lower], i - 1
    if prev.lower in L.CURRENCY_CODES and prev.text.isupper() and len(prev.text) == 3:
        return prev.text, i - 1
    return None


def _read_qualifier(tokens: Sequence[Token], i: int, text: str, offset: int) -> tuple[str, bool, str, int] | None:
    """The approximator or bound before token i: (bound, approximate, as written, first token index)."""
    found = _phrase_before(tokens, i, L.QUALIFIERS)
    if not found:
        return None
    key, k = found
    if key in ("some", "over", "under", "about", "above", "below", "within", "around", "estimated"):
        prev = _word(tokens, k - 1)
        if key == "some" and prev in ("for", "of"):
            return None
        if key == "over" and prev in L.OVER_PARTICLE_VERBS:
            return None  # "handed over $25 million", "turned over 70 mln pesos"
    bound, approximate = L.QUALIFIERS[key]
    written = text[tokens[k].start - offset: tokens[i - 1].end - offset]
    return bound, approximate, written, k


# --- the scanner ---------------------------------------------------------------------------------

def _read_amount(tokens: Sequence[Token], i: int) -> tuple[Amount, int] | None:
    tok = tokens[i]
    if tok.is_digits:
        if _is_identifier_or_time(tokens, i):
            return None
        return read_number(tokens, i)  # type: ignore[arg-type]
    for reader in (read_vague, read_multiplier, read_fraction, read_number):
        found = reader(tokens, i)  # type: ignore[arg-type]
        if found:
            return found
    return None


def _read_range_end(tokens: Sequence[Token], j: int, first: Amount, opener: str | None) -> tuple[Amount, int] | None:
    """The second number of a range: "between A and B", "A to B", "A-B"."""
    if j >= len(tokens) or first.value is None or first.kind == "ratio":
        return None
    joiner = tokens[j].lower
    if joiner not in _RANGE_JOINERS:
        return None
    if joiner == "and" and opener is None:
        return None
    if joiner == "or" and opener is not None:
        return None
    if joiner in ("-", "–", "—") and j + 1 < len(tokens) and tokens[j].text == "-" and not (
            glued(tokens[j - 1], tokens[j]) and glued(tokens[j], tokens[j + 1])):
        return None
    k = j + 1
    if k < len(tokens) and tokens[k].text in ("$", "€", "£", "¥"):
        k += 1
    if k >= len(tokens):
        return None
    if tokens[k].is_digits and _is_identifier_or_time(tokens, k):
        return None
    second = read_number(tokens, k)  # type: ignore[arg-type]
    if not second or second[0].value is None:
        return None
    low, high = first.value, second[0].value
    if second[0].scaled and not first.scaled:
        scale = second[0].value / float(tokens[k].text.replace(",", "")) if tokens[k].is_digits else None
        if scale and scale > 1 and low * scale <= high:
            low *= scale
    if not low < high or (joiner in ("-", "–", "—", "to") and high > 100 * max(low, 1)):
        return None
    return Amount(None, low, high, spelled=first.spelled and second[0].spelled,
                  scaled=first.scaled or second[0].scaled), second[1]


def scan(text: str, offset: int = 0, excluded: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Every quantity in ``text``; offsets are shifted by ``offset``.

    ``excluded`` are document spans (dates, years, framing durations) whose numbers
    are time expressions, not quantities.

    >>> [(f.text, f.low, f.high, f.qualifier) for f in scan("somewhere between 1,500 and 2,000 fighters")]
    [('somewhere between 1,500 and 2,000', 1500.0, 2000.0, 'somewhere between')]
    """
    tokens = tokenize(text, offset)
    found: list[Found] = []
    i = 0
    while i < len(tokens):
        result = _quantity_at(tokens, i, text, offset)
        if result is None:
            i += 1
            continue
        quantity, next_i = result
        if not any(s <= quantity.number_start < e for s, e in excluded):
            found.append(quantity)
        i = max(next_i, i + 1)
    return found


def _quantity_at(tokens: Sequence[Token], i: int, text: str, offset: int) -> tuple[Found, int] | None:
    read = _read_amount(tokens, i)
    if read is None:
        return None
    amount, j = read
    tok = tokens[i]
    currency = _read_currency_before(tokens, i)
    first_index = currency[1] if currency else i
    qualifier = _read_qualifier(tokens, first_index, text, offset)
    opener = _phrase_before(tokens, qualifier[3] if qualifier else first_index, L.RANGE_OPENERS)
    if opener is None and qualifier is None:
        opener = _phrase_before(tokens, first_index, L.RANGE_OPENERS)
    after_from = opener is not None and opener[0] == "from"
    if after_from:
        opener = None  # "from A to B" is a change, not a range

    in_ten = read_in_ten(amount, tokens, j)  # type: ignore[arg-type]
    if in_ten:
        amount, j = in_ten
    elif amount.value is not None and amount.kind is None and not amount.vague:
        # a unit between the numbers belongs to the first ("40 percent to 42 percent" is no range)
        unit_first = _read_unit(tokens, j, amount, currency is not None)
        if (unit_first is None or unit_first.kind in ("count",)) and not after_from:
            rng = _read_range_end(tokens, j, amount, opener[0] if opener else None)
            if rng:
                amount, j = rng
                if opener and not qualifier:
                    k = opener[1]
                    qualifier = ("range", L.RANGE_OPENERS[opener[0]],
                                 text[tokens[k].start - offset: tokens[first_index - 1].end - offset], k)

    unit = None if amount.kind == "ratio" else _read_unit(tokens, j, amount, currency is not None)
    kind, unit_name, factor, per = "count", None, 1.0, None
    if currency:
        kind, unit_name = "money", currency[0]
    if amount.kind == "ratio":
        kind = "ratio"
    if unit:
        if not currency:
            kind, unit_name = unit.kind, unit.unit
        factor, per, j = unit.factor, unit.per, unit.end_index
    elif amount.percent_range:
        kind, unit_name = "percent", "%"
    rate = _read_rate(tokens, j)
    if rate and kind != "duration":
        per, j = rate[0], rate[1]

    # what is not a quantity
    if amount.spelled and not unit and not currency and amount.kind is None and not amount.scaled:
        words = [t.lower for t in tokens[i:j]]
        if words == ["one"] and not qualifier:
            return None  # "one of them", "no one"
        nxt = tokens[j] if j < len(tokens) else None
        if nxt is not None and nxt.text == "-" and glued(tokens[j - 1], nxt):
            return None  # "one-time", "two-party"
    if unit and unit.kind == "duration" and [t.lower for t in tokens[i:i + 1]] == ["one"] and not qualifier \
            and not (i + 1 < len(tokens) and tokens[i + 1].text == "-"):
        return None  # "one day", "one year": idioms and framing, not figures
    if not currency and not unit and not qualifier and _looks_like_year(amount, tok) and amount.low == amount.high:
        return None
    if kind == "count" and amount.value is not None and not amount.scaled and tok.is_digits \
            and j < len(tokens) and tokens[j].text == "-" and glued(tokens[j - 1], tokens[j]) \
            and j + 1 < len(tokens) and tokens[j + 1].is_digits:
        return None  # scores and codes like "3-2" that were not read as a range

    start_index = qualifier[3] if qualifier else first_index
    start = tokens[start_index].start
    end = tokens[j - 1].end
    value, low, high = _scaled(amount, factor)
    approximate = amount.vague
    qualifier_text = None
    if qualifier:
        bound, approx_q, qualifier_text, _ = qualifier
        approximate = approximate or approx_q
        if bound == "upper":
            low = None
            value = value if value is not None else high
        elif bound == "lower":
            high = None
            value = value if value is not None else low
    return Found(
        text=text[start - offset: end - offset], start=start, end=end, kind=kind,
        value=value, low=low, high=high, approximate=approximate, qualifier=qualifier_text,
        unit=unit_name, per=per, scaled=amount.scaled, number_start=tok.start,
    ), j


def _scaled(amount: Amount, factor: float) -> tuple[float | None, float | None, float | None]:
    def f(x: float | None) -> float | None:
        return None if x is None else round(x * factor, 10)
    return f(amount.value), f(amount.low), f(amount.high)


def carry_money(found: list[Found]) -> list[Found]:
    """Scaled bare figures in a sentence about money are money too ("a 539.4 mln dlrs deficit after a 295.3 mln surplus")."""
    currencies = [f.unit for f in found if f.kind == "money"]
    if not currencies:
        return found
    out = []
    for f in found:
        if f.kind == "count" and f.scaled and f.unit is None:
            nearest = min((g for g in found if g.kind == "money"), key=lambda g: abs(g.start - f.start))
            f = replace(f, kind="money", unit=nearest.unit)
        out.append(f)
    return out


def carry_bracketed_rate(found: list[Found], sentence: str, offset: int) -> list[Found]:
    """A rate written once for the sentence ("... foreign fighters entering the fight [per month]")."""
    for phrase, per in L.RATE_PHRASES.items():
        if not phrase.startswith("per "):
            continue
        marker = f"[{phrase}]"
        at = sentence.lower().find(marker)
        if at < 0:
            continue
        return [replace(f, per=per) if f.per is None and f.start < offset + at and f.kind == "count" else f
                for f in found]
    return found
