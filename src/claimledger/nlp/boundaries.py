"""A spaCy component that starts a sentence at every paragraph break (and so after the title).

The parser keeps boundaries that are already set, so the title is analysed as its
own sentence and no sentence runs across a blank line.

Boundaries are written with one ``Doc.from_array``: spaCy's ``Token.is_sent_start`` setter
walks the whole Doc each time to check that it is not parsed, which made marking an
article's paragraphs quadratic in its length.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

START, NOT_START = 1, -1


@Language.component("claimledger_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    set_sentence_starts(doc, paragraph_marks(doc))
    return doc


def paragraph_marks(doc: Doc) -> list[tuple[int, int]]:
    """``(token index, START or NOT_START)`` for each paragraph break, in order (a later mark wins):
    the first word of a paragraph starts a sentence and its second word never does (the parser
    sometimes thinks so)."""
    marks: list[tuple[int, int]] = []
    n = len(doc)
    for token in doc[:-1]:
        text = token.text_with_ws
        if "\n" in text and not text.endswith(" ") and (token.is_space or text.endswith("\n")):
            i = token.i + 1
            marks.append((i, START))
            if i + 1 < n and not doc[i + 1].is_space and not doc[i + 1].is_punct:
                marks.append((i + 1, NOT_START))
    return marks


def set_sentence_starts(doc: Doc, marks: Iterable[tuple[int, int]]) -> None:
    """Set ``is_sent_start`` at the marked tokens (later marks win) in one pass over the Doc."""
    marks = list(marks)
    if not marks:
        return
    if doc.has_annotation("DEP"):
        raise ValueError("Sentence starts cannot be set on a parsed Doc; put the component before the parser.")
    starts = doc.to_array([SENT_START]).astype("int64")
    for i, value in marks:
        starts[i] = value
    doc.from_array([SENT_START], starts.astype("uint64"))
