"""A spaCy component that starts a sentence at every paragraph break (and so after the title).

The parser keeps boundaries that are already set, so the title is analysed as its
own sentence and no sentence runs across a blank line.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("claimledger_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.text_with_ws.endswith(" "):
            nxt = doc[token.i + 1]
            if token.is_space or token.text_with_ws.endswith("\n"):
                nxt.is_sent_start = True
                # a paragraph's second word never starts a sentence (the parser sometimes thinks so)
                if nxt.i + 1 < len(doc) and not doc[nxt.i + 1].is_space and not doc[nxt.i + 1].is_punct:
                    doc[nxt.i + 1].is_sent_start = False
    return doc
