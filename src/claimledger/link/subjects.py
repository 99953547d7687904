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
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
     "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)
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


# --- the subject part of a measure key ------------------------------------------------------------

# "<ACM>" (a listed company's ticker) or "<ACME CORP>" (an unlisted one's name), as Reuters writes them
_TICKER = re.compile(r"<([A-Z0-9][A-Z0-9.&'’ -]{0,40}?)>")
# Corporate suffixes left out of a bracketed company name, so "<ACME CORP>" and "<ACME>" meet
_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "plc", "ag", "sa", "nv", "bv", "spa", "llc", "lp", "cos",
                       "corporation", "company", "limited", "group", "holdings"})
_TRAILING_RUN = re.compile(r"(?:[A-Z][\w&'’.-]*,?\s+(?:(?:of|and|de|&)\s+)?)*[A-Z][\w&'’.-]*,?\s*$")
_RUN = re.compile(r"(?<![\w'’])[A-Z][\w&'’.-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w&'’.-]*)*")


def _ticker_key(raw: str) -> str | None:
    words = [w.strip(".'’-") for w in raw.lower().replace("’", "'").split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    text = " ".join(w for w in words if w)
    return f"<{text}>" if text else None


def _titled_companies(title: str) -> list[tuple[str, frozenset[str]]]:
    """Each ``NAME <TICKER>`` of a headline: the ticker's key and the words of the name before it."""
    out = []
    last = 0
    for match in _TICKER.finditer(title):
        key = _ticker_key(match.group(1))
        before = title[last : match.start()]
        last = match.end()
        if key is None:
            continue
        if before.isupper():
            before = before.title()
        run = _TRAILING_RUN.search(before)  # the name just before the ticker
        words = _names(run.group(0)) if run else set()
        inside = match.group(1)
        if " " in inside.strip():  # "<ACME CORP>": the name is inside the brackets
            words |= _names(inside.title())
        out.append((key, frozenset(words)))
    return out


def subject_of(sentence: str, title: str | None = None, speaker: str | None = None) -> str | None:
    """Who or what a figure is about, as a short key part, or ``None`` when it is not clear.

    Conservative, since two figures of one measure meet only when their subjects are equal,
    and a wrong subject is worse than none:

    1. a Reuters ticker in the sentence, ``<ACM>`` → ``<acm>``, when it is the only one and the
       sentence names nothing but that company, its speaker and what the headline names;
    2. a ticker of the headline whose company the sentence names ("ROSPATCH <RPCH> ..." and
       "Rospatch reported a net loss ..."), or the headline's only ticker when the sentence
       names nothing else (an earnings table's rows: "Net loss 231,256 vs profit 341,730");
    3. otherwise the one name of the sentence, besides its speaker, places, calendar words and
       titles, as its last word ("Hillary Clinton" → ``clinton``), when the headline names it
       too, past its first word (a headline in capitals tells no names). A capitalised word
       that opens the sentence counts only if the headline names it ("Exports rose 5 pct");
       two names ("Trump leads Clinton") give none.

    >>> subject_of("Net loss 231,256 vs profit 341,730", "DISTRIBUTED LOGIC CORP <DLOG> 1ST QTR LOSS")
    '<dlog>'
    >>> subject_of("Rospatch reported net loss 2,649,000.", "ROSPATCH <RPCH> TO RESPOND TO DIAGNOSTIC <DRS>")
    '<rpch>'
    >>> subject_of("First Boston Corp <FBC> bought five pct of Hutton's stock.") is None
    True
    >>> subject_of("Hillary Clinton has won 2,000 delegates, the Associated Press said.",
    ...            "Sanders will back Clinton, eventually", speaker="Associated Press")
    'clinton'
    >>> subject_of("Trump leads Clinton by 5 points.", "Trump and Clinton") is None
    True
    >>> subject_of("Exports rose 5 pct.", "Trade") is None
    True
    """
    body = _DATELINE.sub("", sentence, count=1)
    names = _names(_TICKER.sub(" ", body))
    said_by = _names(speaker) if speaker else set()
    rest = names - _opener(body)  # "Domestic sales fell ...": the first word may be no name
    title_names = _names(title.title() if title and title.isupper() else title or "")
    in_sentence = _titled_companies(body)
    if in_sentence:
        keys = {key for key, _ in in_sentence}
        own = set().union(*(words for _, words in in_sentence))
        if len(keys) == 1 and names <= own | said_by | title_names:
            return next(iter(keys))
        return None
    companies = _titled_companies(title) if title else []
    if companies:
        named = {key: words for key, words in companies if words & names}
        if len(named) == 1:
            [(key, words)] = named.items()
            return key if rest <= words | title_names | said_by else None
        if not named and len(companies) == 1 and rest <= title_names | said_by:
            return companies[0][0]
        return None
    headline = _headline_names(title)
    if body.isupper() or not headline:
        return None
    candidates, opener = [], None
    opening = len(body) - len(body.lstrip())
    for match in _RUN.finditer(body):
        words = [w for w in _ordered_names(match.group(0)) if w not in said_by and not _contraction(w)]
        if not words:
            continue
        if match.start() == opening and len(match.group(0).split()) == 1 and words[-1] not in headline:
            opener = words[-1]  # a sentence's first word is capitalised whether or not it is a name
            continue
        candidates.append(words[-1])
    distinct = list(dict.fromkeys(candidates))
    if len(distinct) == 1 and distinct[0] in headline and opener in (None, distinct[0]):
        return distinct[0]
    return None


def _opener(body: str) -> set[str]:
    """The sentence's first word as a name, when it stands alone (capitalised, name or not)."""
    match = _RUN.match(body.lstrip())
    if match is None or len(match.group(0).split()) != 1:
        return set()
    return _names(match.group(0))


def wire_headline(title: str | None) -> bool:
    """Is the headline a wire's, telling no names: set in capitals, or with a company's ticker?

    >>> wire_headline("GM <GM> MARCH U.S. CAR OUTPUT RISES"), wire_headline("U.S. GRAIN CARLOADINGS FALL")
    (True, True)
    >>> wire_headline("Pentagon: Flow of foreign fighters drops"), wire_headline(None)
    (False, False)
    """
    return bool(title and (title.isupper() or _TICKER.search(title)))


def other_names(sentence: str, speaker: str | None = None) -> frozenset[str]:
    """The names a sentence gives besides its speaker, places, calendar words and a lone first word.

    In a wire story (:func:`wire_headline`), a figure without a subject is followed only
    when this is empty: a sentence that names someone whose figure it may be ("General
    Motors Corp said it produced 395,294 cars in the U.S.", with the dateline taken for the
    speaker; "Credit Lyonnais Australia is issuing a 40 mln Australian dlr eurobond") is not
    pooled into "car in united states" or "australian dlr eurobond in australia".

    >>> sorted(other_names("DETROIT, April 1 - General Motors Corp said it produced 395,294 cars in the U.S."))
    ['general', 'motors']
    >>> other_names("Domestic sales fell to 2,501 cars, American Motors said.", "American Motors")
    frozenset()
    """
    body = _DATELINE.sub("", sentence, count=1)
    said_by = _names(speaker) if speaker else set()
    return frozenset(_names(_TICKER.sub(" ", body)) - _opener(body) - said_by)


def _headline_names(title: str | None) -> set[str]:
    """The names a headline tells: none in one set in capitals or in Title Case, never its first word.

    >>> sorted(_headline_names("Calif. win could help Sanders make case vs. Clinton"))
    ['clinton', 'sanders']
    >>> _headline_names("Japan Exports Rise Again"), _headline_names("SUDAN BOOSTS BUDGET")
    (set(), set())
    """
    if not title or " " not in title.strip():
        return set()
    long = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    if not long or all(w[0].isupper() for w in long):
        return set()
    return _names(title.strip().split(None, 1)[1])


def _contraction(word: str) -> bool:
    return "'" in word or "’" in word


def _ordered_names(text: str) -> list[str]:
    """:func:`_names` in the order written."""
    keep = _names(text)
    out = []
    for match in _CAPITALISED.finditer(text):
        word = match.group(0).rstrip(".'’-").lower().removesuffix("'s").removesuffix("’s")
        if word in keep and word not in out:
            out.append(word)
    return out


def subject_label(subject: str) -> str:
    """A subject as shown in a measure's label: a ticker in capitals, a name capitalised.

    >>> subject_label("<acm>"), subject_label("clinton")
    ('ACM', 'Clinton')
    """
    if subject.startswith("<"):
        return subject.strip("<>").upper()
    return subject.title()
