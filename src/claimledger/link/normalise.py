"""The normalised measure of a figure: counted thing (lemmatised, lower case), place, rate, unit and subject.

Two figures share a measure only when all five parts match, so the key is built to be
conservative: a counted phrase that is too vague to follow across articles ("people",
"part", a proper name the extractor mistook for the counted thing) gives no key at all,
and neither does a figure about nobody in particular (no subject and no place: "37
workers", "a 6.5 pct coupon") or a company's figure whose company is not clear (profit,
a share's earnings): "net profit" pooled over many companies is no timeline.

>>> from claimledger.model import Quantity
>>> q = Quantity("q2", "nearly 2,000 per month", 0, 22, "count", 2000, None, 2000, approximate=True,
...              qualifier="nearly", per="month", counted="foreign fighters")
>>> key = measure_key(q, "Nearly 2,000 foreign fighters per month were entering Iraq and Syria.")
>>> key.key
'foreign fighter|iraq+syria|month|count|'
>>> key.label
'foreign fighter in iraq and syria per month'
>>> measure_key(q.__class__("q", "8", 0, 1, "count", 8, 8, 8, counted="people"), "8 people came.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.link.places import places_in
from claimledger.link.subjects import other_names, subject_label, subject_of, wire_headline
from claimledger.model import Quantity

# Kinds that name a level one can follow over time; ratios (doubled, half) and durations
# (ages, sentences) say how something relates or lasts, not what it amounts to.
LINKED_KINDS = frozenset({"count", "money", "percent", "measure"})
# Words dropped from a counted phrase: determiners, quantifier words, vague heads before "of".
# fmt: off
_DROP = frozenset({
    "the", "a", "an", "some", "about", "around", "nearly", "almost", "roughly", "approximately", "more",
    "than", "less", "fewer", "over", "under", "up", "to", "at", "least", "most", "estimated", "total",
    "number", "numbers", "share", "percent", "percentage", "pct", "per", "cent", "its", "their", "his",
    "her", "our", "your", "my", "this", "that", "these", "those", "such", "all", "only", "just",
    "another", "other", "others", "additional", "extra", "further", "new", "own", "of", "which", "who",
    "and", "or", "with", "for", "in", "on", "from", "by", "as", "is", "are", "was", "were", "be", "been",
    "it", "they", "them", "he", "she", "we", "you", "i", "what", "whom",
})
# fmt: on
# A counted phrase whose words are all in here is too vague to follow across articles.
# fmt: off
GENERIC = frozenset({
    "people", "person", "one", "ones", "thing", "time", "times", "year", "years", "day", "days", "point",
    "points", "part", "parts", "group", "member", "members", "case", "cases", "figure", "figures",
    "amount", "amounts", "way", "ways", "item", "items", "unit", "units", "percent", "share", "shares",
    "level", "levels", "rate", "rates", "total", "lot", "lots", "piece", "kind", "respondent", "voter",
    "adult", "american", "democrat", "republican", "men", "women", "man", "woman", "child", "children",
    "other", "thousand", "million", "billion", "dlrs", "dlr", "dollar", "dollars", "cent", "cents",
    "mth", "mths", "qtr", "shr", "shrs", "yr", "yrs",
    "mln", "bln", "stg", "yen", "franc", "marks", "mark", "pound", "pounds", "vote", "votes", "margin",
    "lead", "increase", "decrease", "rise", "fall", "drop", "gain", "loss", "change", "growth",
    "version", "question", "questions", "word", "words", "poll", "survey", "study", "report", "state",
    "states", "country", "countries", "nil", "none", "zero",
})
# fmt: on
# Irregular plurals; regular ones follow the rules in :func:`singular`.
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "people",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "series": "series",
    "species": "species",
    "news": "news",
    "sales": "sales",
    "earnings": "earnings",
    "proceeds": "proceeds",
    "arms": "arms",
    "savings": "savings",
    "goods": "goods",
    "reserves": "reserve",
    "crisis": "crisis",
    "basis": "basis",
    "analysis": "analysis",
}
_KEEP_S = ("ss", "us", "is", "ics", "ous")
_WORD = re.compile(r"[a-z][a-z'’.-]*[a-z]|[a-z]")
MAX_COUNTED_WORDS = 6
# A counted thing with one of these words is a company's figure: followed only when the
# company is known, never pooled over everyone (nor over a country's companies).
# fmt: off
NEEDS_SUBJECT = frozenset({
    "profit", "revenue", "rev", "revs", "earnings", "net", "shr", "oper", "operating", "pretax",
    "dividend", "div", "turnover", "ebit", "ebitda",
})
# fmt: on
# ... and so is one that is only one of these ("loss", but not "job loss").
NEEDS_SUBJECT_ALONE = frozenset({"loss", "income", "profit", "asset", "cash", "debt", "backlog", "order"})
_CLAUSE = frozenset({"who", "which", "that", "whose", "whom", "where", "when"})


def singular(word: str) -> str:
    """A noun's singular by rule: fighters → fighter, countries → country, taxes → tax.

    >>> [singular(w) for w in ("fighters", "countries", "taxes", "sales", "analysis", "status")]
    ['fighter', 'country', 'tax', 'sales', 'analysis', 'status']
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def normalise_counted(counted: str | None) -> str | None:
    """The counted phrase lower-cased, without determiners and quantifier words, each word singular.

    Returns ``None`` for a phrase that cannot be followed: empty, too long, only vague words,
    or a proper name (every word capitalised, as when the extractor took a name for the thing).

    >>> normalise_counted("the number of foreign fighters"), normalise_counted("Syrian refugees")
    ('foreign fighter', 'syrian refugee')
    >>> normalise_counted("Pentagon"), normalise_counted("registered voters"), normalise_counted("people")
    (None, None, None)
    """
    if not counted:
        return None
    text = counted.replace("’", "'").strip()
    words = text.split()
    letters = [w for w in words if w[:1].isalpha()]
    if letters and all(w[0].isupper() for w in letters):
        return None  # "Pentagon", "SAN MATEO": a name or a dateline, not a counted thing
    tokens = [t.strip(".'-") for t in _WORD.findall(text.lower())]
    for n, token in enumerate(tokens):
        if token in _CLAUSE:  # "residents who run the gamut ...": the thing is before the clause
            tokens = tokens[:n]
            break
    tokens = [t.removesuffix("'s") for t in tokens if len(t) > 1 and t not in _DROP]  # "£43m" gives no "m"
    if not tokens or len(tokens) > MAX_COUNTED_WORDS:
        return None
    lemmas = [singular(t) for t in tokens]
    content = [w for w, t in zip(lemmas, tokens, strict=True) if w not in GENERIC and t not in GENERIC]
    if not content or _vague(lemmas):
        return None
    return " ".join(lemmas)


def _vague(lemmas: list[str]) -> bool:
    """A qualifier and a generic head ("registered voter", "likely voter"): a population, not a measure."""
    return len(lemmas) <= 2 and lemmas[-1] in {
        "voter",
        "respondent",
        "adult",
        "resident",
        "citizen",
        "american",
        "democrat",
        "republican",
    }


@dataclass(frozen=True)
class MeasureKey:
    """A normalised measure: the key that links observations, and its parts."""

    key: str
    label: str
    counted: str
    place: str | None
    per: str | None
    unit: str
    subject: str | None = None


def needs_subject(counted: str) -> bool:
    """Is this a figure of one company or candidate, meaningless pooled over all of them?

    >>> needs_subject("net profit"), needs_subject("loss"), needs_subject("job loss"), needs_subject("worker")
    (True, True, False, False)
    """
    return bool(NEEDS_SUBJECT.intersection(counted.split())) or counted in NEEDS_SUBJECT_ALONE


def unit_of(q: Quantity) -> str:
    """The unit part of a key: ``%`` for percents, the currency for money, the unit name, else ``count``.

    >>> from claimledger.model import Quantity
    >>> unit_of(Quantity("q", "$5", 0, 2, "money", 5, 5, 5, unit="USD"))
    'USD'
    """
    if q.kind == "percent":
        return "%"
    if q.kind == "count":
        return "count"
    return q.unit or q.kind


def measure_key(
    q: Quantity, sentence: str, title: str | None = None, speaker: str | None = None
) -> MeasureKey | None:
    """The measure a figure in ``sentence`` belongs to, or ``None`` when it cannot be followed.

    The key is ``counted|place|per|unit|subject``. The place is every place the sentence
    names (so a figure about "Iraq and Syria" never meets one about Syria alone); the
    subject is who or what the figure is about (:func:`claimledger.link.subjects.subject_of`,
    from the sentence, the article's ``title`` and the claim's ``speaker``), empty when not clear.

    >>> from claimledger.model import Quantity
    >>> q = Quantity("q", "3.2 pct", 0, 7, "percent", 3.2, 3.2, 3.2, unit="%", counted="unemployment rate")
    >>> measure_key(q, "West German unemployment rate rose to 3.2 pct in January.").key
    'unemployment rate|germany||%|'
    >>> net = Quantity("q", "231,256", 0, 7, "count", 231256, 231256, 231256, counted="Net loss")
    >>> measure_key(net, "Net loss 231,256 vs profit 341,730", "ACME CORP <ACM> 1ST QTR LOSS").label
    'ACM: net loss'
    >>> measure_key(net, "Net loss 231,256 vs profit 341,730") is None  # whose loss, where?
    True
    """
    if q.kind not in LINKED_KINDS:
        return None
    counted = normalise_counted(q.counted)
    if counted is None:
        return None
    subject = subject_of(sentence, title, speaker)
    places = places_in(sentence)
    place = "+".join(places) or None
    if subject is None and (
        place is None
        or needs_subject(counted)
        or (wire_headline(title) and other_names(sentence, speaker))
    ):
        # about nobody in particular, a company's figure pooled over a country, or, in a wire
        # story, about someone the sentence names but whose figure it is is not clear
        return None
    unit = unit_of(q)
    key = "|".join((counted, place or "", q.per or "", unit, subject or ""))
    label = counted
    if places:
        label += " in " + " and ".join(places)
    if q.per:
        label += f" per {q.per}"
    if unit not in ("count", "%"):
        label += f" ({unit})"
    elif unit == "%":
        label += " (%)"
    if subject:
        label = f"{subject_label(subject)}: {label}"
    return MeasureKey(key=key, label=label, counted=counted, place=place, per=q.per, unit=unit, subject=subject)
