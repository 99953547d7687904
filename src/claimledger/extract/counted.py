"""What a figure counts: the noun phrase it modifies, read from the dependency parse.

"2,000 foreign fighters" → "foreign fighters"; "61 percent of women" → "women";
"less than $5.2 million in charitable grants" → "charitable grants";
"The average donation was $27.16" → "average donation".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_MAX_TOKENS = 10
_LEFT_MODIFIERS = {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "npadvmod", "case"}
_RIGHT_MODIFIERS = {"prep", "acl", "relcl", "conj", "cc", "pobj", "amod", "compound"}
_NOUNS = {"NOUN", "PROPN", "PRON"}
_CONTAINER_PREPS = {"of", "in", "on", "for"}
_SKIP_NOUNS = {"percent", "pct", "%", "cent", "points", "point", "dollars", "dlrs", "people"}
_LEADS = ("the number of ", "the number ", "number of ", "the total of ", "a total of ", "the share of ",
          "the flow of ", "the amount of ", "the proportion of ", "the percentage of ")


def _phrase(head: Token, exclude: set[int]) -> str | None:
    """The noun phrase headed by ``head``: left modifiers, the head, and right modifiers without figures."""
    left = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in _LEFT_MODIFIERS and child.i not in exclude and child.i == left - 1 - _gap(child, left):
            left = child.left_edge.i if all(t.i not in exclude for t in child.subtree) else child.i
        elif child.dep_ == "det" or child.i in exclude:
            break
    right = head.i
    for child in head.rights:
        if child.dep_ not in _RIGHT_MODIFIERS or child.is_punct and child.text not in (",",):
            break
        subtree = list(child.subtree)
        if any(t.i in exclude or t.like_num for t in subtree):
            break
        if subtree[-1].i - left >= _MAX_TOKENS:
            break
        right = subtree[-1].i
    doc = head.doc
    while left < right and (doc[left].dep_ == "det" or doc[left].is_punct or doc[left].i in exclude):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    text = doc[left: right + 1].text.strip()
    return text or None


def _gap(child: Token, left: int) -> int:
    return left - 1 - child.i if child.i < left - 1 and all(
        t.dep_ in _LEFT_MODIFIERS for t in child.doc[child.i + 1: left]) else 0


def _strip_leads(text: str) -> str:
    lowered = text.lower()
    for lead in _LEADS:
        if lowered.startswith(lead) and len(text) > len(lead):
            return text[len(lead):]
    return text


def counted_phrase(doc: Doc, start: int, end: int) -> str | None:
    """The noun phrase the quantity at ``[start, end)`` counts, or None.

    >>> import spacy  # doctest: +SKIP
    >>> doc = nlp("Officials say 2,000 foreign fighters crossed.")  # doctest: +SKIP
    >>> counted_phrase(doc, 14, 19)  # doctest: +SKIP
    'foreign fighters'
    """
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    exclude = {t.i for t in span}
    root = span.root
    # "61 percent of women", "thousands of television advertisements", "$5.2 million in grants"
    for token in (root, span[-1]):
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _CONTAINER_PREPS and child.i not in exclude:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
                if objects and not objects[0].like_num and objects[0].lower_ not in _SKIP_NOUNS:
                    phrase = _phrase(objects[0], exclude)
                    if phrase:
                        return _strip_leads(phrase)
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") and head.i not in exclude \
            and head.pos_ in _NOUNS and head.lower_ not in _SKIP_NOUNS:
        phrase = _phrase(head, exclude)
        if phrase:
            return _strip_leads(phrase)
    # "The average donation was $27.16", "Turnout was 60 percent"
    if root.dep_ in ("attr", "acomp", "dobj", "npadvmod") and head.lemma_ in ("be", "reach", "total", "stand", "hit"):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
        if subjects:
            phrase = _phrase(subjects[0], exclude)
            if phrase:
                return _strip_leads(phrase)
    return None
