"""A cheap check that a text is English, from the share of common function words.

Generous by design: it rejects a text only when there is evidence of another language,
so figure-heavy English (earnings tables, price lists, names) always passes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimledger.lang.en_stopwords import FUNCTION_WORDS
from claimledger.lang.other_stopwords import OTHER_FUNCTION_WORDS

# Shorter texts are not judged: too few words to tell.
MIN_WORDS = 30
# English news scores 0.2 or more (the lowest of 1,798 dev articles: 0.21); below this we look further.
ENGLISH_ENOUGH = 0.10
# Another language must score at least this much, and more than English, to reject a text.
OTHER_LANGUAGE_MIN = 0.10
# Share of words with accented letters above which a low-English text is taken as another Latin-script
# language (Polish, Czech, Turkish, Swedish ...).
ACCENTED_WORDS_MAX = 0.15
# Share of letters outside the Latin script (Cyrillic, Greek, Arabic, CJK ...) that makes a text not English.
NON_LATIN_LETTERS_MAX = 0.5
MIN_LETTERS = 100
# Words are runs of letters; apostrophes split them ("l'État" -> "l", "État").
_WORD = re.compile(r"[^\W\d_]+")
# Letters outside the Latin script: not a non-letter, digit or underscore, and not in the Latin blocks.
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+")
# The language of an article shows in its first pages; longer texts are judged on these.
SAMPLE_CHARS = 20_000


def looks_english(text: str) -> bool:
    """Whether ``text`` reads as English, judged cheaply from its words.

    >>> looks_english("The number of foreign fighters has dropped by 90 percent, the Pentagon said.")
    True
    >>> looks_english(" ".join(["Le gouvernement a annoncé que la croissance sera de 2 % cette année."] * 4))
    False
    """
    words = [w.lower() for w in _WORD.findall(text, 0, SAMPLE_CHARS)]
    letters = sum(map(len, words))
    non_latin = sum(map(len, _NON_LATIN.findall(text, 0, SAMPLE_CHARS)))
    if letters >= MIN_LETTERS and non_latin / letters > NON_LATIN_LETTERS_MAX:
        return False
    if len(words) < MIN_WORDS:
        return True
    english = _share(words, FUNCTION_WORDS)
    if english >= ENGLISH_ENOUGH:
        return True
    other = max(_share(words, table) for table in OTHER_FUNCTION_WORDS.values())
    if other >= OTHER_LANGUAGE_MIN and other > english:
        return False
    accented = sum(not w.isascii() for w in words) / len(words)
    return accented < ACCENTED_WORDS_MAX


def _share(words: Sequence[str], table: frozenset[str]) -> float:
    return sum(w in table for w in words) / len(words)


