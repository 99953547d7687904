"""Fast look-ups on a parsed Doc: its text, its sentences, and which sentence holds a token or offset.

spaCy rebuilds ``Doc.text`` and walks the whole Doc for ``token.sent`` on every
call; an article's analysis asks these questions thousands of times, so they are
answered once here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from claimledger.nlp.fast import doc_text


class DocIndex:
    """Cached text, sentences and offset look-ups of one Doc.

    >>> index = DocIndex(nlp("One. Two."))  # doctest: +SKIP
    >>> index.sentence_at(5).text  # doctest: +SKIP
    'Two.'
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def _sentence_token_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def token_starts(self) -> list[int]:
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []

    def sentence_of_token(self, i: int) -> Span:
        """The sentence that holds token ``i``."""
        return self.sentences[max(0, bisect_right(self._sentence_token_starts, i) - 1)]

    def token_at_or_after(self, char: int) -> int | None:
        """Index of the first token that starts at or after ``char``."""
        i = bisect_left(self.token_starts, char)
        return i if i < len(self.doc) else None

    def token_at(self, char: int) -> int | None:
        """Index of the token that holds ``char`` (or the next one, in whitespace)."""
        i = bisect_right(self.token_starts, char) - 1
        if i < 0:
            return 0 if len(self.doc) else None
        token = self.doc[i]
        if char < token.idx + len(token.text):
            return i
        return i + 1 if i + 1 < len(self.doc) else None

    def sentence_at(self, char: int) -> Span | None:
        """The sentence that holds the character at ``char``."""
        i = self.token_at(char)
        return None if i is None else self.sentence_of_token(i)
