"""A light tokenizer for the quantity scanner: words, digit groups and symbols with offsets.

spaCy's tokenizer is not needed to find figures, and the scanner runs on every
sentence of every article, so it uses one compiled regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])"     # 1e10, 12.32e+14
    r"|(?<![\d.,])\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)"  # 1 234 567 (narrow spaces)
    r"|(?<![\d.,])\d{1,3}(?:(?: \d{3}){2,}| 000)(?:\.\d+)?(?![\d,]|\.\d)"  # 1 234 567, 40 000
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]*\d)"  # 12,34,567.89 (Indian grouping)
    r"|\d+ \. \d+(?= |$)"                    # 1 . 6 (a decimal split by a word tokenizer)
    r"|\d+(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)"  # 1,500 or 36,500.25
    r"|\d*\.\d+|\d+"                         # 1.5, .5, 200
    r"|[A-Za-z]+(?:\.[A-Za-z])+\.?"          # U.S., a.m., p.m.
    r"|[A-Za-z]+"                            # words
    r"|[^\sA-Za-z\d]"                        # any other single symbol
)
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|#\w+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit() or (self.text[0] == "." and len(self.text) > 1)

    @property
    def number(self) -> float | None:
        """The value of a digits token: "1,500" -> 1500.0, "1 234" -> 1234.0, "1e3" -> 1000.0."""
        try:
            return float(self.text.translate(_GROUPING))
        except ValueError:
            return None


_GROUPING = str.maketrans("", "", ", \u202f\u00a0")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into tokens with document offsets; URLs, e-mail addresses and hashtags are skipped.

    >>> [t.text for t in tokenize("nearly 2,000 per month")]
    ['nearly', '2,000', 'per', 'month']
    """
    masked = _URL.sub(lambda m: " " * len(m.group()), text) if ("/" in text or "@" in text or "#" in text) else text
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, m.group().lower())
        for m in _TOKEN.finditer(masked)
    ]


def glued(left: Token, right: Token) -> bool:
    """True when two tokens touch with no space between them ("2.5" + "bn")."""
    return left.end == right.start
