"""The cheap first pass: cut a document into sentence-sized chunks and tell which ones need the parser.

A chunk ends at every line break and after a sentence-final mark that is surely one
("... 200 per month. The Pentagon"; never after "Maj." or "U.S."), so the parser,
run on a chunk alone, sets the same sentence boundaries it would on the whole text
(it may still split a chunk further). A chunk needs the parser when it may hold a
figure, a quotation mark, a speech or stance verb, "according to", a poll, a colon
that introduces a quote, or a speaker label; the rest of the text (about a fifth of
it in news) is only tokenized. Everything here is regular expressions on the raw
text, mapped to chunks with one binary search per match.

>>> text = "He said 2,000 left. It rained.\\n\\nThe end."
>>> [text[a:b] for a, b in chunk_spans(text)]
['He said 2,000 left.', 'It rained.', 'The end.']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from claimledger.lang import en_attribution as A
from claimledger.lang import en_numbers as N

# a surely sentence-final mark: after a lower-case word, a digit, % or a bracket; then space and a capital
_FINAL = re.compile(r"(?<=[a-z0-9%)\]][.!?])[\"”’')\]]*(?=[ \t]+[\"“‘(]?[A-Z0-9])")
_NEWLINE = re.compile(r"[ \t]*\n\s*")
_NOT_FINAL = {"vs", "etc", "approx", "est", "no", "nos", "st", "a.m", "p.m", "i.e", "e.g", "cf", "al", "jr", "sr"}
_WORD_BEFORE = re.compile(r"(?<![\w.%)\]])([\w.%)\]]+)[.!?][\"”’')\]]*$")
_FINAL_WORD = re.compile(r"(?:[a-z]{2,}|[a-z]*\d[\d.,]*%?|.*[)\]])")  # a lower-case word, a number, a bracket
_QUOTE_MARKS = re.compile(r"[“”\"„«»]")
_LABEL = re.compile(r"(?m)^[\"“]?[A-Z][A-Z.'’\- ]{1,30}[A-Z]:\s")
_COLON_END = re.compile(r":[ \t]*(?=\n|$)")

# a capitalised name ("Air Force Maj. Gen. Peter Gersten"): its last word may be the surname of a source
_NAME_RUN = re.compile(r"(?<![\w.’'])(?:[A-Z][a-z]+\.?\s+|[A-Z]\.\s*)+[A-Z][a-z’'\-]+[a-z](?![\w’'])")
_NOT_NAME_START = {"the", "a", "an", "in", "on", "at", "for", "but", "and", "when", "while", "after", "before",
                   "as", "if", "this", "that", "last", "next", "by", "with", "from"}
_VERB_SUFFIXES = ("s", "es", "ed", "d", "ing", "ied", "ies")


def _inflections(lemma: str, exceptions: dict[str, list[str]]) -> set[str]:
    """Every form a verb lemma may take: regular endings, doubled consonants, e-drop, and the irregular
    forms of the lemmatizer's exception table (said, told, wrote, thought)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= {form for form, lemmas in exceptions.items() if lemma in lemmas}
    return forms


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Surface forms (lower case) of the speech and stance verbs, "according" and the poll nouns."""
    from claimledger.nlp.attributes import _LEMMATIZER

    exceptions = _LEMMATIZER.get("exc", {}).get("verb", {}) if _LEMMATIZER else {}
    words: set[str] = set(A.LEMMA_ALIASES)
    for lemma in A.SPEECH_VERBS | A.ATTITUDE_VERBS | set(A.LEMMA_ALIASES.values()):
        words |= _inflections(lemma, exceptions)
    return frozenset(words | A.POLL_NOUNS | {"according"})


@lru_cache(maxsize=1)
def figure_words() -> frozenset[str]:
    """The words a quantity can start from, besides digits: the scanner's number, scale, fraction,
    multiplier and vague-amount tables."""
    words: set[str] = set()
    tables = (N.UNITS_WORDS, N.ZERO_WORDS, N.TENS_WORDS, N.MULTIPLIER_WORDS, N.SCALE_WORDS, N.DOZEN_WORDS,
              N.FRACTION_WORDS, N.FRACTION_DENOMINATORS, N.ORDINAL_UNIT_DENOMINATORS, N.FRACTION_OF_SCALE,
              N.MULTIPLIER_RATIOS, N.VAGUE_AMOUNTS, N.DIGIT_RANGES)
    for table in tables:
        for key in table:
            words |= {w for w in re.split(r"[\s-]+", str(key).lower()) if w and w not in ("a", "an", "of", "and")}
    return frozenset(words)


_LETTERS = re.compile(r"[a-z]+")
_DIGIT_OR_FRACTION = re.compile("[0-9" + "".join(N.FRACTION_CHARACTERS) + "]")


def may_hold_figure(text: str) -> bool:
    """False only when the quantity scanner surely finds nothing in ``text``: no digit, no fraction sign
    and no word of its tables. Cheaper than the scan (and the time expressions it needs) by far.

    >>> may_hold_figure("It rained all day."), may_hold_figure("Dozens left.")
    (False, True)
    """
    if _DIGIT_OR_FRACTION.search(text):
        return True
    words = figure_words()
    return any(w in words for w in _LETTERS.findall(text.lower()))


FIGURE, SOURCE = 1, 2   # what a chunk may hold: a figure (parse it); a source (parse it and find its names)


def word_role(word: str) -> int:
    """SOURCE for a quotation mark or a word that may be an attribution cue, FIGURE for a word that may
    start a figure, else 0 (``word`` in lower case)."""
    if word in cue_words() or _QUOTE_MARKS.search(word):
        return SOURCE
    if word in figure_words() or any(c.isdigit() or c in N.FRACTION_CHARACTERS for c in word) \
            or (("-" in word or "/" in word) and any(part in figure_words() for part in re.split(r"[-/]", word))):
        return FIGURE
    return 0


def chunk_spans(text: str) -> list[tuple[int, int]]:
    """Sentence-sized chunks as character spans, covering all non-space text."""
    cuts: list[tuple[int, int]] = []   # (end of a chunk, start of the next)
    for m in _NEWLINE.finditer(text):
        cuts.append((m.start(), m.end()))
    for m in _FINAL.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.end() - 40), m.end())
        if not before or before.group(1).lower() in _NOT_FINAL or not _FINAL_WORD.fullmatch(before.group(1)):
            continue
        end = m.end()
        start = end
        while start < len(text) and text[start] in " \t":
            start += 1
        cuts.append((end, start))
    cuts.sort()
    spans, last = [], 0
    for end, start in cuts:
        if end > last:
            spans.append((last, end))
        last = max(last, start)
    if last < len(text):
        spans.append((last, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def marked_chunks(text: str, starts: list[int]) -> set[int]:
    """Chunks (by index; ``starts`` are their first characters) that end with a colon or open with a
    speaker label: a quote or a block of reported text may follow."""
    out = set()
    for pattern in (_LABEL, _COLON_END):
        for m in pattern.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if k >= 0:
                out.add(k)
    return out


def name_surnames(text: str, start: int, end: int) -> set[str]:
    """The last words of the capitalised names of two words or more in ``text[start:end]``, titles
    ("Maj. Gen.") and sentence openers ("In") not counted as words of the name."""
    out = set()
    for m in _NAME_RUN.finditer(text, start, end):
        words = m.group().split()
        while words and (words[0].lower().rstrip(".") in A.TITLES or words[0].lower() in _NOT_NAME_START):
            words = words[1:]
        if len(words) >= 2:
            out.add(words[-1])
    return out
