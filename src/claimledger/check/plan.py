"""Which arithmetic to check in one article, and the checks themselves.

The arithmetic is pure (:mod:`claimledger.check.arithmetic`); this module decides
which quantities go together: a change's stated amount against its ends, a part
against its whole, a figure stated twice. Where the pairing is inferred rather
than written in one sentence, a failing sum is reported as ``unverifiable``: the
figures may not describe the same thing, so we do not cry "inconsistent".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from claimledger.check.arithmetic import difference_check, part_whole, percent_change, same_measure, sum_check
from claimledger.model import Check, Claim, Quantity

_PART_CUES = re.compile(r"\b(including|includ(?:es|ed)|of whom|of which|among them|of them|of those)\b",
                        re.IGNORECASE)
_PART_FIRST_CUES = re.compile(r"(?:out of|of)\s+(?:the|its|their|his|her|our)?\s*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
_PHRASE_ENDS = {"of", "in", "to", "from", "for", "at", "on", "with", "by", "among", "under", "over", "across",
                "that", "which", "who", "whom", "whose", "and", "or", "is", "are", "was", "were", "has", "have", "had"}
_CLAUSE_COMMA = re.compile(r",(?!\d)")   # a comma, not the one in "23,000"
_AMOUNT_WORDS = {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "number", "total", "group"}
_NEIGHBOURS = 6  # a part is looked for among the figures just before it in its sentence
_YEAR_ON_YEAR = re.compile(r"\byear[- ](?:on|over)[- ]year\b"
                           r"|\b(?:from|than|on) (?:a|the) year (?:earlier|before|ago)\b", re.IGNORECASE)
_OTHER_BASIS = re.compile(r"\b(?:comparable[- ]stores?|same[- ]stores?|like[- ]for[- ]like|constant currenc(?:y|ies)"
                          r"|in real terms|inflation[- ]adjusted|seasonally adjusted|excluding|adjusted for)\b",
                          re.IGNORECASE)
_CUE_BREAK = re.compile(r"\b(?:while|whereas|but|vs|versus|compared)\b", re.IGNORECASE)
_FRACTION_SLACK = 0.1
_DIGIT = re.compile(r"\d")
_DECIMALS = re.compile(r"\d\.(\d+)")
_PERIODS = {"month", "year", "week", "day", "quarter", "hour", "minute", "time", "period", "season",
            "mth", "qtr", "yr", "wk"}
_NET_FIGURES = {"loss", "profit", "income", "earning", "surplus", "deficit", "balance", "net", "result"}
_OF_THOSE = re.compile(r"^\s*(?:of|among)\s+(?:those|them|these|whom)\b", re.IGNORECASE)
_CUE_TO_PART = 3   # "including approximately 6,600": at most a few words from the cue to the part
_CLAUSE_BREAK = re.compile(r"\b(and|or|but|while|whereas|after|before)\b", re.IGNORECASE)
_GAP_QUALIFIERS = {"within"}  # "within $4 million of the $37 million": a gap between two amounts, not a part
_MARGIN_OF_ERROR = re.compile(r"\bmargins? of (?:sampling )?error\b", re.IGNORECASE)  # a poll's error, not a lead
_LEAD = re.compile(r"\b(lead|leads|leading|led|ahead|edge|advantage|margin)\b", re.IGNORECASE)


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        value = f"k{self.n}"
        self.n += 1
        return value


def _inferred(check: Check, why: str) -> Check:
    """A check between figures that the article does not put together itself."""
    if check.verdict != "inconsistent":
        return check
    return replace(check, verdict="unverifiable",
                   explanation=f"{check.explanation.rstrip('.')} — but {why}, so this is not settled here.")


def _same_things(a: Quantity, b: Quantity) -> bool:
    """A part and its whole count the same things, as far as the words tell: the same head noun
    ("5 states" is no part of "475 delegates", "22 emails" none of "seven email chains"); a figure
    with no counted phrase is given the benefit of the doubt."""
    if not a.counted or not b.counted:
        return True
    return _head_noun(a.counted) == _head_noun(b.counted)


def _head_noun(phrase: str) -> str:
    """The noun a counted phrase is about: its last word before any preposition, relative word or
    comma, without a plural -s ("pages that were released" -> "page", "foreign fighters from Syria"
    -> "fighter", "thousands of people" -> "people")."""
    words = _WORD.findall(_CLAUSE_COMMA.split(phrase, maxsplit=1)[0].lower())
    while len(words) > 2 and words[0] in _AMOUNT_WORDS and words[1] == "of":
        words = words[2:]
    cut = next((k for k, w in enumerate(words) if k and w in _PHRASE_ENDS), len(words))
    return _singular(words[cut - 1]) if cut else ""


def _singular(word: str) -> str:
    """ "fighters" -> "fighter", "losses" -> "loss", "countries" -> "country"; "surplus" stays."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


def _weak_part(check: Check, part: Quantity, whole: Quantity) -> Check:
    """A part larger than its whole is only an error when the words say they count the same things: both
    name what they count, and the whole is no net figure (a net loss "including" a larger charge)."""
    if part.counted and whole.counted and _head_noun(whole.counted) not in _NET_FIGURES:
        return check
    return _inferred(check, "the words do not show that both count the same things")


def _same_label(a: str | None, b: str | None) -> bool:
    """Two measure labels that may name one measure: equal, or one of them missing."""
    return a is None or b is None or a == b


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit and (a.per == b.per or a.per is None or b.per is None)


def plan_checks(quantities: Sequence[Quantity], claims: Sequence[Claim], document: str,
                title_end: int = 0) -> list[Check]:
    """All within-article checks: percent_change, part_whole and same_measure.

    ``title_end`` is where the title stops in the document (0 when there is none).
    """
    by_id = {q.id: q for q in quantities}
    ids = _Ids()
    checks: list[Check] = []
    changes = [c.change for c in claims if c.change]
    full = [ch for ch in changes if ch.from_ and ch.to and ch.from_ in by_id and ch.to in by_id]

    # a change's stated amount against its two ends
    sentence_of = {id(c.change): c.sentence.text for c in claims if c.change}
    for ch in full:
        if ch.by and by_id[ch.by].kind in ("percent", "ratio"):
            check = _change_check(ids, by_id[ch.by], by_id[ch.from_], by_id[ch.to],  # type: ignore[index]
                                  ch.direction, sentence_of.get(id(ch), ""))
            if check is not None:
                checks.append(check)
    # a stated amount with no ends (a headline "Drops 90%") against changes that have ends and no amount
    # (each with the first such change only, so that the work grows with the article, not its square)
    for ch in changes:
        if not ch.by or ch.from_ or ch.to or by_id[ch.by].kind != "percent":
            continue
        other = next((o for o in full if not o.by and o.direction == ch.direction), None)
        if other is not None:
            check = percent_change(ids.next(), by_id[ch.by], by_id[other.from_], by_id[other.to],  # type: ignore[index]
                                   direction=ch.direction)
            checks.append(_inferred(check, "the article does not say these figures describe the same change"))

    checks += _parts_and_wholes(quantities, claims, document, ids)
    checks += _leads_and_shares(quantities, claims, ids)
    checks += _same_measures(quantities, claims, changes, by_id, title_end, ids)
    return checks


def _change_check(ids: _Ids, by: Quantity, start: Quantity, end: Quantity, direction,
                  sentence: str) -> Check | None:
    """A stated change against its two ends, read as the words mean it:

    - "rose two points to 51.9 pct from 49.9 pct": a difference in points, not a relative change;
    - "raised by nearly a third", "cut by half": a fraction is the relative change (+33%, -50%),
      not the multiple the end is of the start; fraction and multiplier words ("halving", "nearly
      doubled") are roundings themselves, read within a tenth of their value;
    - ends a thousand times apart ("from 1.042 to 1.504 bln"): one of them lost its scale word, so
      nothing is checked;
    - a rate that holds only if cut rather than rounded, or that is on another basis than the two
      figures ("year-on-year", "on a comparable store basis"), cannot fail as more than unverifiable.
    """
    if start.value and end.value and not 1e-3 < abs(end.value / start.value) < 1e3:
        return None
    if by.kind == "percent" and "point" in by.text.lower() and start.kind == end.kind == "percent":
        larger, smaller = (end, start) if direction == "increase" else (start, end)
        return difference_check(ids.next(), larger, smaller, by)
    if by.kind == "ratio" and by.value is not None and 0 < by.value < 1:
        as_percent = replace(by, kind="percent", unit="%", value=by.value * 100,
                             low=None if by.low is None else by.low * 100,
                             high=None if by.high is None else by.high * 100)
        check = replace(_loosely(ids, as_percent, by.text, start, end, direction),
                        quantity_ids=(by.id, start.id, end.id))
    elif by.kind == "ratio" and by.value is not None and by.value > 1 and not _DIGIT.search(by.text):
        check = _loosely(ids, by, by.text, start, end, direction)
    else:
        check = percent_change(ids.next(), by, start, end, direction=direction)
        decimals = _DECIMALS.search(by.text)
        if check.verdict == "inconsistent" and by.kind == "percent" and decimals and by.high is not None \
                and not by.qualifier:
            # "jumped 29.5 pct" for a rise of 29.56%: companies often cut a figure rather than round it
            cut = replace(by, high=by.high + 0.5 * 10 ** -len(decimals.group(1)))
            if percent_change(check.id, cut, start, end, direction=direction).verdict == "consistent":
                check = _inferred(check, f"it holds if {by.text} was cut rather than rounded")
    if _YEAR_ON_YEAR.search(sentence):
        # "rose 70 pct in February, year-on-year, to 8.14 billion from 5.7 billion in January"
        check = _inferred(check, "the rate is year on year while the two figures may be other periods")
    elif _OTHER_BASIS.search(sentence):
        # "sales rose six pct on a comparable store basis to 108.6 mln dlrs from 89.3 mln dlrs"
        check = _inferred(check, "the rate is on another basis than the two figures")
    return check


def _loosely(ids: _Ids, stated: Quantity, words: str, start: Quantity, end: Quantity, direction) -> Check:
    """``stated`` (a percent or a multiple written as a word) read within a tenth of its value."""
    low = (stated.low if stated.low is not None else stated.value or 0.0) * (1 - _FRACTION_SLACK)
    high = (stated.high if stated.high is not None else stated.value or 0.0) * (1 + _FRACTION_SLACK)
    check = percent_change(ids.next(), replace(stated, low=low, high=high, approximate=True), start, end,
                           direction=direction)
    if check.stated is not None and check.stated.low is not None and check.stated.high is not None:
        low, high = check.stated.low, check.stated.high
    span = f"{low:.0f}%–{high:.0f}%" if stated.kind == "percent" else f"{low:.3g}–{high:.3g} times"
    computed, _, _ = check.explanation.partition("; stated ")
    return replace(check, explanation=f"{computed}; stated {words} (read as {span}) — {check.verdict}.")


def _parts_and_wholes(quantities: Sequence[Quantity], claims: Sequence[Claim], document: str,
                      ids: _Ids) -> list[Check]:
    """ "nearly 36,500 fighters ..., including approximately 6,600 from Western nations"."""
    out: list[Check] = []
    by_sentence: dict[int, list[Quantity]] = {}
    sentence_of = {qid: c.sentence for c in claims for qid in c.quantity_ids}
    for q in quantities:
        sentence = sentence_of.get(q.id)
        if sentence is not None:
            by_sentence.setdefault(sentence.start, []).append(q)
    ordered = _by_sentence(quantities, claims)
    for (previous, earlier), (sentence, group) in pairwise(ordered):
        counts = [q for q in group if q.kind == "count"]
        wholes = [q for q in earlier if q.kind == "count" and q.value is not None]
        if counts and wholes and _OF_THOSE.match(sentence.text) and sentence.start - previous.end < 5:
            check = part_whole(ids.next(), counts[0], wholes[-1])
            out.append(_inferred(check, "the article may mean another figure by \"those\""))
    for group in by_sentence.values():
        for n, part in enumerate(group):
            for whole in group[max(0, n - _NEIGHBOURS): n]:
                if not _comparable(part, whole) or part.kind in ("percent", "ratio") or not _same_things(part, whole) \
                        or _head_noun(whole.counted or "") in _PERIODS:   # "for three months included 575,000"
                    continue
                between = document[whole.end: part.start]
                if len(between) >= 120:
                    continue
                cues = list(_PART_CUES.finditer(between))
                if cues and len(between[cues[-1].end():].split()) <= _CUE_TO_PART:
                    before_cue = between[: cues[-1].start()]
                    # "5.1 cts vs 3.035 dlrs including ...", "assets of $10m but debts of $50m which
                    # included ...", "Western Europe (including EC)": the cue belongs to another phrase
                    if _CUE_BREAK.search(before_cue) or ";" in before_cue \
                            or before_cue.count("(") > before_cue.count(")"):
                        continue
                    out.append(_weak_part(part_whole(ids.next(), part, whole), part, whole))
                    break
                if _PART_FIRST_CUES.search(between) and "," not in between and len(between.split()) <= 6 \
                        and whole.qualifier not in _GAP_QUALIFIERS and not _CLAUSE_BREAK.search(between):
                    # "$28.4 million out of $73 million"; "of" has other senses ("a charge of"), so a
                    # part larger than its whole here is more likely a misreading than an error
                    check = part_whole(ids.next(), whole, part)
                    out.append(_inferred(check, "the words between may not make one figure a part of the other"))
                    break
    return out


def _by_sentence(quantities: Sequence[Quantity], claims: Sequence[Claim]):
    sentence_of = {qid: c.sentence for c in claims for qid in c.quantity_ids}
    groups: dict[int, tuple] = {}
    for q in quantities:
        sentence = sentence_of.get(q.id)
        if sentence is not None:
            groups.setdefault(sentence.start, (sentence, []))[1].append(q)
    return [groups[k] for k in sorted(groups)]


def _near_lead(sentence, gap: Quantity, a: Quantity, b: Quantity) -> bool:
    """ "a four-point lead, 46.2 percent to 42.1 percent": the lead word by the gap, the shares right by it."""
    text, offset = sentence.text, sentence.start
    around = _MARGIN_OF_ERROR.sub(" ", text[max(0, gap.start - offset - 25): gap.end - offset + 25])
    near = min(abs(a.start - gap.end), abs(gap.start - b.end))
    return bool(_LEAD.search(around)) and near <= 40


def _leads_and_shares(quantities: Sequence[Quantity], claims: Sequence[Claim], ids: _Ids) -> list[Check]:
    """A stated lead against the two shares it separates ("a four-point lead, 46.2 percent to 42.1 percent"),
    and two shares of one whole that add up to 100% ("62% for Trump and 38% for Clinton")."""
    out: list[Check] = []
    for sentence, group in _by_sentence(quantities, claims):
        percents = [q for q in group if q.kind == "percent" and q.value is not None]
        gaps = [q for q in percents if "point" in q.text.lower() and q.low == q.high]
        shares = [q for q in percents if q not in gaps]
        if gaps and len(shares) >= 2 and _near_lead(sentence, gaps[0], shares[0], shares[1]):
            a, b = shares[0], shares[1]
            larger, smaller = (a, b) if (a.value or 0) >= (b.value or 0) else (b, a)
            out.append(difference_check(ids.next(), larger, smaller, gaps[0]))
        elif len(shares) == 2 and not gaps and all(q.low == q.high for q in shares) \
                and abs(sum(q.value or 0 for q in shares) - 100) < 1e-9:
            out.append(sum_check(ids.next(), shares, 100.0))
    return out


def _same_measures(quantities: Sequence[Quantity], claims: Sequence[Claim], changes, by_id, title_end: int,
                   ids: _Ids) -> list[Check]:
    """The same measure stated twice: by the same label, as ends of parallel changes, or title and body."""
    out: list[Check] = []
    seen: set[tuple[str, str]] = set()

    def add(a: Quantity, b: Quantity, strong: bool) -> None:
        key = (a.id, b.id) if a.start < b.start else (b.id, a.id)
        if key in seen or a.id == b.id or not _comparable(a, b):
            return
        seen.add(key)
        check = same_measure(ids.next(), by_id[key[0]], by_id[key[1]])
        out.append(check if strong else _inferred(check, "they may describe different moments or sources"))

    # ends of parallel changes: where both started, where both ended
    # (each change with the next one in the same direction: linear in the number of changes)
    with_ends = [ch for ch in changes if ch.from_ in by_id and ch.to in by_id]
    last_by_direction: dict[str, object] = {}
    for b in with_ends:
        a = last_by_direction.get(b.direction)
        if a is not None:
            add(by_id[a.from_], by_id[b.from_], strong=False)  # type: ignore[attr-defined]
            add(by_id[a.to], by_id[b.to], strong=False)  # type: ignore[attr-defined]
        last_by_direction[b.direction] = b
    # a headline figure restated in the body
    measure_of = {qid: c.measure for c in claims for qid in c.quantity_ids}
    # (with its first restatement; when that one is written as in the title, as in a deck under the
    # headline, the next restatement is the body's, and both go with it)
    in_title = [q for q in quantities if q.end <= title_end]
    for t in in_title:
        if t.value is None:
            continue
        restated = (q for q in quantities if q.start >= title_end and q.value == t.value)
        first = next(restated, None)
        if first is None:
            continue
        add(t, first, strong=True)
        if first.text.lower() == t.text.lower():
            body = next(restated, None)
            if body is not None and _same_things(first, body) \
                    and _same_label(measure_of.get(first.id), measure_of.get(body.id)):
                add(t, body, strong=True)
                add(first, body, strong=True)
    # the same labelled measure stated twice with the same figure
    labelled: dict[str, list[Quantity]] = {}
    for q in quantities:
        label = measure_of.get(q.id)
        if label and q.value is not None:
            labelled.setdefault(label, []).append(q)
    for group in labelled.values():
        last_with_value: dict[float, Quantity] = {}
        for b in group:
            a = last_with_value.get(b.value)  # type: ignore[arg-type]
            if a is not None and b.value is not None and b.value >= 10:
                add(a, b, strong=True)
            last_with_value[b.value] = b  # type: ignore[index]
    return out
