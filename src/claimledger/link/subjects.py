"""Who or what a figure is about, roughly: the proper names of its sentence, for comparing across articles.

A measure key says *what* is counted ("delegate", "net profit"); whose delegates or which
company's profit is in the names around it. Two articles' figures are compared only
when their sentences name mostly the same things (see :func:`same_subject`).

>>> sorted(subject_names("Clinton has won 2,000 delegates, the Associated Press said on Tuesday."))
['associated', 'clinton', 'press']
>>> subject_names("In February, 200 fighters crossed into Syria.")
frozenset()
"""

from __future__ import annotations

import re

from claimledger.lang.en_numbers import TENS_WORDS, UNITS_WORDS
from claimledger.lang.en_stopwords import FUNCTION_WORDS
from claimledger.lang.en_time import MONTHS, WEEKDAYS
from claimledger.link.places import PLACES

# "SAN MATEO, Calif., April 13 - ": a wire dateline names where it was filed, not what it is about
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'\s-]+,[^\n]{0,40}? - ")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][\w&'’.-]*")
# Capitalised words that name nobody: titles, sentence openers, calendar words.
# fmt: off
_NOT_NAMES = frozenset({
    # row labels of earnings tables and headline abbreviations (Reuters)
    "shr", "shrs", "mthly", "net", "revs", "rev", "qtr", "mth", "mths", "oper", "avg", "vs", "loss", "profit", "sales",
    "cts", "dlr", "ups", "sets", "says", "note", "div", "qtly", "pay", "prior", "record", "earnings", "rd", "th",
    "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "president", "minister", "secretary", "chairman",
    "chief", "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "as", "for", "if", "when",
    "while", "after", "before", "since", "last", "next", "this", "that", "these", "those", "there", "it",
    "he", "she", "they", "we", "i", "his", "her", "their", "its", "our", "according", "about", "some",
    "officials", "official", "new", "inc", "corp", "co", "ltd", "plc", "said", "today",
    "yesterday", "tomorrow", "reuter", "reuters", "first", "second", "third", "fourth", "quarter",
    "year", "billion", "million", "mln", "bln", "dlrs", "pct", "percent", "u.s", "u.s.", "us",
})
# fmt: on
_PLACE_WORDS = frozenset(w.lower() for forms in PLACES.values() for form in forms for w in form.split())
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS)
# How much two sentences' names must share (Jaccard) for their figures to be compared.
MIN_SHARED = 0.5


def subject_names(sentence: str, title: str | None = None) -> frozenset[str]:
    """The lower-cased capitalised words of a sentence (and of its article's title) that may name its subject.

    Places (already in the measure key), calendar words, titles, function words and the row
    labels of earnings tables ("Shr", "Net", "Revs") are left out. A text set all in capitals
    (a Reuters headline) is read in title case, so a table row such as "Shr 28 cts vs 1.63 dlrs"
    takes its subject from the headline: "ACME CORP <ACM> 3RD QTR NET" names acme.

    >>> sorted(subject_names("Shr 28 cts vs 1.63 dlrs", "ACME CORP <ACM> 3RD QTR NET"))
    ['acm', 'acme']
    >>> sorted(subject_names("SAN MATEO, Calif., April 13 - Mthly div 7.1 cts vs 7.1 cts prior"))
    []
    """
    names = _names(_DATELINE.sub("", sentence, count=1))
    if title:
        names |= _names(title.title() if title.isupper() else title)
    return frozenset(names)


def _names(text: str) -> set[str]:
    if text.isupper():
        return set()
    out = set()
    for match in _CAPITALISED.finditer(text):
        word = match.group(0).rstrip(".'’-").lower().removesuffix("'s").removesuffix("’s")
        if (len(word) < 2 or word in _NOT_NAMES or word in FUNCTION_WORDS or word in _PLACE_WORDS
                or word in _CALENDAR or word in _NUMBER_WORDS):
            continue
        out.add(word)
    return out


def same_subject(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sentences name mostly the same things? Both must name something.

    >>> same_subject(frozenset({"clinton"}), frozenset({"clinton", "sanders"}))
    True
    >>> same_subject(frozenset({"clinton"}), frozenset({"sanders", "trump", "cruz"}))
    False
    >>> same_subject(frozenset(), frozenset())
    False
    """
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= MIN_SHARED
