"""Find every quantity in a sentence and normalise it (SPEC `Quantity`), without spaCy.

The scanner walks a light token list; at each position it reads an amount
(:mod:`numerals`, :mod:`fraction_readers`), then the currency, sign and qualifier before it
(:mod:`currency`, :mod:`bounds`) and the unit and rate after it (:mod:`units`). What it
reports is a :class:`Found`; ids and the counted noun phrase are added later, by the pipeline.

>>> [(f.text, f.kind, f.high) for f in scan("from nearly 2,000 per month to 200")]
[('nearly 2,000 per month', 'count', 2000.0), ('200', 'count', 200.0)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimledger.extract import currency
from claimledger.extract.bounds import negative_sign, phrase_before, read_qualifier, trailing_bound
from claimledger.extract.fraction_readers import read_fraction, read_fraction_tail
from claimledger.extract.identifiers import chain_end, is_identifier_or_time, is_name_word_number
from claimledger.extract.numerals import (
    Amount,
    point,
    read_digits,
    read_dozens,
    read_in_ten,
    read_multiplier,
    read_power,
    read_spelled,
    read_vague,
    word,
)
from claimledger.extract.ranges import read_range_end, read_unit_range, shared_unit
from claimledger.extract.tokens import Token, glued, tokenize
from claimledger.extract.units import (
    Unit,
    ends_here,
    rate_after_bracket,
    rate_after_noun,
    read_rate,
    read_unit,
)
from claimledger.lang import en_numbers as L
from claimledger.nlp.chunks import figure_words


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
    noun_after: bool = False  # a content word follows ("3.6 million shares"): not a bare figure
    converted: bool = False   # a bracketed money figure follows ("1.6 billion ($2.54 billion)")


def _looks_like_year(amount: Amount, tok: Token) -> bool:
    return (
        amount.value is not None and not amount.scaled and not amount.spelled
        and tok.text.isdigit() and len(tok.text) == 4 and 1600 <= amount.value <= 2100
    )


# --- the amount ----------------------------------------------------------------------------------

_START_WORDS = figure_words() | {"a", "an"}


def _may_start(tok: Token) -> bool:
    """False when no amount can start at this token: it is no digit, fraction sign or word of the tables
    (most tokens; checked before any reader runs)."""
    return tok.is_digits or tok.lower in _START_WORDS or tok.text in L.FRACTION_CHARACTERS


def _read_amount(tokens: Sequence[Token], i: int) -> tuple[Amount, int] | None:
    """The amount at token i, with a fraction or dozens after it ("five and a quarter", "3 dozens")."""
    tok = tokens[i]
    if not _may_start(tok):
        return None
    if tok.is_digits:
        fraction = read_fraction(tokens, i)  # type: ignore[arg-type]
        if fraction:
            return fraction
        digits = read_digits(tokens, i)  # type: ignore[arg-type]
        power = read_power(digits[0], tokens, digits[1]) if digits else None  # type: ignore[arg-type]
        if power:
            return power
        if is_identifier_or_time(tokens, i):
            return None
        base = read_digits(tokens, i)  # type: ignore[arg-type]
    else:
        for reader in (read_vague, read_multiplier, read_fraction):
            found = reader(tokens, i)  # type: ignore[arg-type]
            if found:
                return found
        if is_name_word_number(tokens, i):
            return None
        base = read_spelled(tokens, i)  # type: ignore[arg-type]
    if base is None:
        return None
    amount, j = base
    return (read_fraction_tail(amount, tokens, i, j)  # type: ignore[arg-type]
            or read_dozens(amount, tokens, j) or base)  # type: ignore[arg-type]


def _negated(amount: Amount) -> Amount:
    def neg(x: float | None) -> float | None:
        return None if x is None else -x
    return replace(amount, value=neg(amount.value), low=neg(amount.high), high=neg(amount.low))


def _metres(amount: Amount, tokens: Sequence[Token], j: int, has_currency: bool) -> Unit | None:
    """ "1.8m tall": a glued "m" is metres, not millions, before a word of length."""
    if has_currency or not amount.scaled or j < 2 or tokens[j - 1].lower != "m" \
            or not glued(tokens[j - 2], tokens[j - 1]) or word(tokens, j) not in L.METRE_CONTEXT_AFTER:
        return None
    return Unit("measure", "m", j, factor=1e-6)


# --- the scanner ---------------------------------------------------------------------------------

def scan(text: str, offset: int = 0, excluded: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Every quantity in ``text``; offsets are shifted by ``offset``.

    ``excluded`` are document spans (dates, years, framing durations) whose numbers
    are time expressions, not quantities.

    >>> [(f.text, f.low, f.high, f.qualifier) for f in scan("somewhere between 1,500 and 2,000 fighters")]
    [('somewhere between 1,500 and 2,000', 1500.0, 2000.0, 'somewhere between')]
    """
    tokens = tokenize(text, offset)
    found: list[Found] = []
    firsts: list[int] = []
    i = floor = 0
    while i < len(tokens):
        quantity, next_i = _quantity_at(tokens, i, text, offset, floor)
        if quantity is not None and not any(s <= quantity.number_start < e for s, e in excluded):
            found.append(quantity)
            firsts.append(_token_at(tokens, quantity.start, i))
            floor = next_i
        i = max(next_i, i + 1)
    found = _join_bounds(found, text, offset)
    return _share_change_units(found, tokens, firsts) if len(found) == len(firsts) else found


def _token_at(tokens: Sequence[Token], start: int, near: int) -> int:
    """The index of the token that starts at ``start`` (searching back from ``near``)."""
    k = near
    while k > 0 and tokens[k].start > start:
        k -= 1
    return k


def _opener(tokens: Sequence[Token], first_index: int, qualifier) -> tuple[str | None, bool]:
    """The range opener before the figure ("between", "somewhere between", "ranges from") and whether
    the figure follows a plain "from" (a change: "from A to B" is two quantities)."""
    found = phrase_before(tokens, qualifier[3] if qualifier else first_index, L.RANGE_OPENERS, max_words=4)
    if found is None and qualifier is None:
        found = phrase_before(tokens, first_index, L.RANGE_OPENERS, max_words=4)
    if found is None:
        return None, False
    if found[0] == "from":
        cue = word(tokens, found[1] - 1)
        if cue not in L.RANGE_FROM_CUES:
            return None, True
    return found[0], False


def _quantity_at(tokens: Sequence[Token], i: int, text: str, offset: int,
                 floor: int = 0) -> tuple[Found | None, int]:
    """The quantity whose number starts at token i, and where the scan goes on; tokens before ``floor``
    belong to the quantity before."""
    read = _read_amount(tokens, i)
    if read is None:
        return None, chain_end(tokens, i)
    amount, j = read
    tok = tokens[i]
    sign = negative_sign(tokens, i)
    if sign is not None:
        amount = _negated(amount)
    lead = sign if sign is not None else i
    money = currency.read_currency_before(tokens, lead)
    million_code = None if money else currency.million_code_before(tokens, lead)
    if million_code:
        money = (million_code, lead - 1)
        amount = replace(amount, value=_times(amount.value, 1e6), low=_times(amount.low, 1e6),
                         high=_times(amount.high, 1e6), scaled=True)
    if money is not None and money[1] > 0 and sign is None:
        before = negative_sign(tokens, money[1]) if tokens[money[1] - 1].text in ("-", "−") else None
        if before is not None:  # "-$5"
            amount, sign = _negated(amount), before
    first_index = money[1] if money else lead
    if sign is not None and sign < first_index:
        first_index = sign
    qualifier = read_qualifier(tokens, first_index, text, offset)
    opener, after_from = _opener(tokens, first_index, qualifier)
    has_currency = money is not None

    unit: Unit | None = None
    in_ten = read_in_ten(amount, tokens, j)  # type: ignore[arg-type]
    if in_ten:
        amount, j = in_ten
    elif amount.value is not None and amount.kind is None and not amount.vague:
        unit = _metres(amount, tokens, j, has_currency) or read_unit(tokens, j, amount, has_currency)
        if unit is None and not after_from:
            rng = read_range_end(tokens, j, amount, opener, word(tokens, first_index - 1))
            if rng:
                amount, j = rng
                qualifier = _range_qualifier(qualifier, opener, tokens, first_index, text, offset)
        elif unit is not None and opener is not None and not has_currency:
            rng_unit = read_unit_range(tokens, unit, amount, opener)
            if rng_unit:
                amount, unit = rng_unit
                qualifier = _range_qualifier(qualifier, opener, tokens, first_index, text, offset)
    number_end = j
    if unit is None:
        unit = read_unit(tokens, j, amount, has_currency)
        if amount.kind == "ratio" and unit is not None and unit.kind not in ("percent", "measure", "money"):
            unit = None  # "half an hour" stays a ratio; "7/8 pct", "1/4 mile" take their unit

    kind, unit_name, factor, per = "count", None, 1.0, None
    if has_currency:
        kind, unit_name = "money", money[0]  # type: ignore[index]
    if amount.kind == "ratio" and not unit:
        kind = "ratio"
    elif unit:
        if not has_currency:
            kind, unit_name = unit.kind, unit.unit
        factor, per, j = unit.factor, unit.per, unit.end_index
    elif amount.percent_range:
        kind, unit_name = "percent", "%"
    before_word = currency.currency_word_before(tokens, first_index) if first_index > floor else None
    if before_word and not has_currency and amount.kind is None and (unit is None or unit.kind == "money"):
        # "dollar 22.5 million"; in "rmb 10 usd 20" the code after 10 opens the next figure
        kind, unit_name, factor, first_index, has_currency = "money", before_word, 1.0, first_index - 1, True
        j = number_end
    if has_currency:
        extra = currency.redundant_word(tokens, j, unit_name)  # type: ignore[arg-type]
        if extra:
            j = extra
    elif kind == "count" and amount.value is not None:
        shared = shared_unit(tokens, j, amount, after_from)
        if shared:
            kind, unit_name, factor = shared.kind, shared.unit, shared.factor
    if kind == "money" and unit_name and amount.value is not None and amount.low == amount.high:
        word_before_j = word(tokens, j - 1)
        cents = currency.minor_part(tokens, j, word_before_j)
        if cents:
            amount = point(amount.value + cents[0] / (factor if factor else 1), spelled=amount.spelled)
            j = cents[1]
    rate = read_rate(tokens, j)
    if rate and kind != "duration":
        per, j = rate[0], rate[1]
    elif per is None and kind in ("money", "count"):
        per = rate_after_bracket(tokens, j) or (rate_after_noun(tokens, j) if kind == "count" else None)
    trailing = trailing_bound(tokens, j) if amount.low == amount.high else None
    if trailing:
        j = trailing[1]
        rate = read_rate(tokens, j) if per is None and kind != "duration" else None
        if rate:  # "$50,000 or more annually"
            per, j = rate[0], rate[1]

    if kind == "count" and amount.kind is None and not qualifier:
        leading = _percent_of(tokens, first_index, j)
        if leading is not None:
            kind, unit_name, first_index = "percent", "%", leading
    if _not_a_quantity(tokens, i, j, amount, unit, has_currency, qualifier or sign is not None, kind):
        return None, chain_end(tokens, i) if tok.is_digits else i + 1

    if qualifier:
        first_index = min(first_index, qualifier[3])
    start = tokens[first_index].start
    end = tokens[j - 1].end
    value, low, high = _scaled(amount, factor)
    approximate = amount.vague
    qualifier_text = None
    bound = None
    if qualifier:
        bound, approx_q, qualifier_text, _ = qualifier
        approximate = approximate or approx_q
    if trailing and trailing[0]:
        bound = trailing[0]
    if bound == "upper":
        low, value = None, value if value is not None else high
    elif bound == "lower":
        high, value = None, value if value is not None else low
    nxt = tokens[j] if j < len(tokens) else None
    return Found(
        text=text[start - offset: end - offset], start=start, end=end, kind=kind,
        value=value, low=low, high=high, approximate=approximate, qualifier=qualifier_text,
        unit=unit_name, per=per, scaled=amount.scaled, number_start=tokens[lead].start,
        noun_after=_noun(nxt),
        converted=nxt is not None and nxt.text == "(" and j + 1 < len(tokens)
        and (tokens[j + 1].text in L.CURRENCY_SIGNS or tokens[j + 1].lower in L.CURRENCY_PREFIXES),
    ), j


def _percent_of(tokens: Sequence[Token], first_index: int, j: int) -> int | None:
    """ "per cent of 210" as a whole text: the percent word leads (a label, as in a table heading)."""
    if word(tokens, first_index - 1) != "of" or not ends_here(tokens, j):
        return None
    found = phrase_before(tokens, first_index - 1, L.PERCENT_LEADING, max_words=2)
    return found[1] if found and found[1] == 0 else None


def _noun(tok: Token | None) -> bool:
    """A content word, likely a noun ("shares", "people"), not a verb ("announced") nor a money noun."""
    if tok is None or not tok.text.isalpha() or not tok.text.islower():
        return False
    return tok.lower not in L.FUNCTION_WORDS and tok.lower not in L.MONEY_NOUNS \
        and not tok.lower.endswith(("ed", "ing"))


def _times(x: float | None, factor: float) -> float | None:
    return None if x is None else x * factor


def _range_qualifier(qualifier, opener: str | None, tokens: Sequence[Token], first_index: int, text: str,
                     offset: int):
    """The range opener as the qualifier of a range ("between", "somewhere between")."""
    if not opener or qualifier:
        return qualifier
    found = phrase_before(tokens, first_index, L.RANGE_OPENERS, max_words=4)
    if found is None:
        return qualifier
    k = found[1]
    written = text[tokens[k].start - offset: tokens[first_index - 1].end - offset]
    return ("range", L.RANGE_OPENERS[opener], written, k)


def _not_a_quantity(tokens: Sequence[Token], i: int, j: int, amount: Amount, unit: Unit | None,
                    has_currency: bool, qualifier, kind: str) -> bool:
    """Pronoun and idiom uses of "one", compounds ("one-time"), years, and scores ("3-2")."""
    tok = tokens[i]
    if amount.spelled and not unit and not has_currency and amount.kind is None and not amount.scaled:
        words = [t.lower for t in tokens[i:j]]
        if words == ["one"] and not qualifier:
            return True  # "one of them", "no one"
        nxt = tokens[j] if j < len(tokens) else None
        if nxt is not None and nxt.text == "-" and glued(tokens[j - 1], nxt):
            return True  # "one-time", "two-party"
    if unit and unit.kind == "duration" and tok.lower == "one" and not qualifier \
            and not (i + 1 < len(tokens) and tokens[i + 1].text == "-") \
            and word(tokens, unit.end_index - 1) not in ("old", "age"):
        return True  # "one day", "one year": idioms and framing, not figures
    if not has_currency and not unit and not qualifier and _looks_like_year(amount, tok) \
            and amount.low == amount.high:
        return True
    return (kind == "count" and amount.value is not None and not amount.scaled and tok.is_digits
            and j < len(tokens) and tokens[j].text == "-" and glued(tokens[j - 1], tokens[j])
            and j + 1 < len(tokens) and tokens[j + 1].is_digits)  # scores and codes like "3-2"


def _scaled(amount: Amount, factor: float) -> tuple[float | None, float | None, float | None]:
    def f(x: float | None) -> float | None:
        return None if x is None else round(x * factor, 10)
    return f(amount.value), f(amount.low), f(amount.high)


# --- after the scan: joining and sharing -------------------------------------------------------------

def _join_bounds(found: list[Found], text: str, offset: int) -> list[Found]:
    """Two bounds of one interval: "more than 10 and less than 40", "at most 100 and at least 20"."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _one_interval(prev, f, text[prev.end - offset: f.start - offset]):
            lower, upper = (prev, f) if prev.high is None else (f, prev)
            out[-1] = replace(prev, text=text[prev.start - offset: f.end - offset], end=f.end, value=None,
                              low=lower.low, high=upper.high, approximate=prev.approximate or f.approximate)
            continue
        out.append(f)
    return out


def _one_interval(a: Found, b: Found, gap: str) -> bool:
    if gap.strip().lower() not in L.BOUND_JOINERS or not a.qualifier or not b.qualifier:
        return False
    if (a.kind, a.unit) != (b.kind, b.unit) and b.unit is not None:
        return False
    pair = (a.low, a.high, b.low, b.high)
    if a.high is None and b.low is None and None not in (a.low, b.high):
        return pair[0] < pair[3]  # type: ignore[operator]
    if a.low is None and b.high is None and None not in (a.high, b.low):
        return pair[2] < pair[1]  # type: ignore[operator]
    return False


def _share_change_units(found: list[Found], tokens: Sequence[Token], firsts: list[int]) -> list[Found]:
    """A bare figure after "from" takes the unit of the figure after "to" in the same sentence, and the
    other way round: "will increase to 90,000 yen per 15 tonne lot from 70,000 now"."""
    marks = [word(tokens, k - 1) for k in firsts]
    out = list(found)
    for n, f in enumerate(found):
        if marks[n] not in ("from", "to") or f.kind != "count" or f.unit or f.value is None or f.qualifier:
            continue
        other = "to" if marks[n] == "from" else "from"
        partners = [g for m, g in enumerate(found) if marks[m] == other and g.kind in ("money", "percent")
                    and abs(firsts[m] - firsts[n]) <= 15 and not (g.scaled and not f.scaled)]
        if partners:
            g = min(partners, key=lambda g: abs(g.start - f.start))
            out[n] = replace(f, kind=g.kind, unit=g.unit)
    return out


def carry_money(found: list[Found]) -> list[Found]:
    """Scaled bare figures in a sentence about money are money too ("a 539.4 mln dlrs deficit after a
    295.3 mln surplus"); not a figure followed by a counted noun ("3.6 million shares"), nor any when a
    bare figure is converted in brackets ("1.6 billion ($2.54 billion)": it is in another currency)."""
    currencies = [f.unit for f in found if f.kind == "money"]
    if not currencies or any(f.converted and f.kind == "count" for f in found):
        return found
    out = []
    for f in found:
        if f.kind == "count" and f.scaled and f.unit is None and not f.noun_after:
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

