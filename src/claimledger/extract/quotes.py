"""Direct quotations in raw text: curly and straight marks, multi-paragraph and unbalanced quotes.

No parse is needed: a scanner pairs marks paragraph by paragraph. An opening mark
left open at the end of a paragraph closes there (news style continues such a
quote in the next paragraph, which opens with a mark again). Nothing here raises
on odd input: unbalanced or nested marks give the best pairing they allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n\s*\n")
_MARK = re.compile(r"[“”\"„«»]")
_OPENERS = {"“", "„", "«"}
_CLOSERS = {"”", "»"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the marks included in [start, end); ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended before a closing mark
    words: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space, a line start or an opening bracket."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:":
        return not after.isspace()
    return False


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order, never overlapping.

    >>> [text[q.inner_start:q.inner_end] for q in find_quotes(text := '“We won,” he said. "Twice."')]
    ['We won,', 'Twice.']
    """
    quotes: list[Quote] = []
    for p_start, p_end in _paragraphs(text):
        open_at: int | None = None
        for m in _MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if open_at is None:
                if mark in _OPENERS or (mark == "\"" and _is_opening_straight(text, i)) or (mark in _CLOSERS and \
                        (i == p_start or text[i - 1].isspace())):
                    open_at = i
                continue
            closes = mark in _CLOSERS or mark == "\"" or (mark == "“" and text[open_at] == "“" and
                                                         (i + 1 >= p_end or text[i + 1] in " ,.;:!?\n"))
            if mark in _OPENERS and not closes:
                # a second opening mark while open: the first was never closed; start again here
                _add(quotes, text, open_at, i, closed=False)
                open_at = i
                continue
            if closes:
                _add(quotes, text, open_at, i + 1, closed=True)
                open_at = None
        if open_at is not None:
            _add(quotes, text, open_at, p_end, closed=False)
    return quotes


def _add(quotes: list[Quote], text: str, start: int, end: int, closed: bool) -> None:
    inner_start, inner_end = start + 1, end - 1 if closed else end
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end <= inner_start:
        return
    words = len(_WORD.findall(text, inner_start, inner_end))
    if not closed:
        end = inner_end
    quotes.append(Quote(start, end, inner_start, inner_end, closed, words))
