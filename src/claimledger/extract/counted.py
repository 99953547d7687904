"""What a figure counts: the noun phrase it modifies, read from the dependency parse.

"2,000 foreign fighters" → "foreign fighters"; "61 percent of women" → "women";
"less than $5.2 million in charitable grants" → "charitable grants";
"The average donation was $27.16" → "average donation".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.attributes import lemma_of

_MAX_TOKENS = 10
_LEFT_MODIFIERS = {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "npadvmod", "case"}
_RIGHT_MODIFIERS = {"prep", "acl", "relcl", "conj", "cc", "pobj", "amod", "compound"}
_NOUNS = {"NOUN", "PROPN", "PRON"}
_CONTAINER_PREPS = {"of", "in", "on"}
_SKIP_NOUNS = {"percent", "pct", "%", "cent", "points", "point", "dollars", "dlrs", "total", "average"}
# Verbs whose subject is the measure itself: "net debt soared to 7.79 billion dlrs", "reserves would stay at".
_MEASURE_VERBS = {"be", "stay", "remain", "stand", "reach", "total", "hit", "amount", "come", "rise", "fall",
                  "drop", "decline", "increase", "decrease", "climb", "grow", "jump", "surge", "soar", "gain",
                  "plunge", "slip", "slide", "dip", "tumble", "slump", "shrink", "ease", "widen", "narrow",
                  "double", "triple", "quadruple", "halve", "swell", "balloon", "average", "run", "sit", "hover",
                  "top", "exceed", "account", "represent", "make"}
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
        if child.dep_ not in _RIGHT_MODIFIERS or (child.is_punct and child.text not in (",",)):
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


def _figure_word(token: Token) -> bool:
    """A number or an amount written as one word ("37million", "$5bn"), which counts nothing itself."""
    return token.like_num or token.is_currency or token.text[:1].isdigit()


def _gap(child: Token, left: int) -> int:
    return left - 1 - child.i if child.i < left - 1 and all(
        t.dep_ in _LEFT_MODIFIERS for t in child.doc[child.i + 1: left]) else 0


def _strip_leads(text: str) -> str:
    lowered = text.lower()
    for lead in _LEADS:
        if lowered.startswith(lead) and len(text) > len(lead):
            return text[len(lead):]
    return text


def counted_phrase(doc: Doc, start: int, end: int, sentence: Span | None = None) -> str | None:
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
    # the figure's own word: a number whose head lies outside the figure ("Well over 80 million people")
    heads_out = [t for t in span if t.head.i not in exclude or t.head == t]
    numeric = [t for t in heads_out if t.like_num or t.pos_ == "NUM"]
    root = numeric[-1] if numeric else span.root
    # "61 percent of women", "thousands of television advertisements", "$5.2 million in grants"
    for token in (root, span[-1]):
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _CONTAINER_PREPS and child.i not in exclude:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
                if objects and not _figure_word(objects[0]) and objects[0].lower_ not in _SKIP_NOUNS:
                    phrase = _phrase(objects[0], exclude)
                    if phrase:
                        return _strip_leads(phrase)
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") and head.i not in exclude \
            and head.pos_ in _NOUNS and head.lower_ not in _SKIP_NOUNS and not _figure_word(head):
        phrase = _phrase(head, exclude)
        if phrase:
            return _strip_leads(phrase)
    # "a deficit of 539.4 mln dlrs", "growth of two pct", "trade of around 10 billion dlrs"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i not in exclude \
            and head.head.lower_ not in _SKIP_NOUNS and not _figure_word(head.head):
        phrase = _phrase(head.head, exclude)
        if phrase:
            return _strip_leads(phrase)
    # "The average donation was $27.16", "net debt soared to 7.79 billion dlrs", "stay at around 3.5 billion"
    verb = head
    if root.dep_ == "pobj" and head.dep_ in ("prep", "dative", "agent"):
        verb = head.head
    if root.dep_ in ("attr", "acomp", "dobj", "npadvmod", "pobj", "advmod") and lemma_of(verb) in _MEASURE_VERBS:
        subject = _measure_subject(verb, exclude)
        if subject:
            return subject
    # "996 were identified as likely voters", "61 percent were women"
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            target = child
            if child.dep_ == "prep" and child.lower_ == "as":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ != "attr":
                continue
            if target is not None and target.pos_ in ("NOUN", "PROPN"):
                phrase = _phrase(target, exclude)
                if phrase:
                    return _strip_leads(phrase)
    among = _among(span, sentence if sentence is not None else span.sent)
    if among:
        return among
    # "a total audience somewhere between 80 and 100 million": the noun phrase right before the figure
    before = span.start - 1
    if before >= 0 and doc_noun(span.doc[before]) and root.dep_ in ("npadvmod", "appos", "advmod", "dobj"):
        phrase = _phrase(span.doc[before], exclude)
        if phrase:
            return _strip_leads(phrase)
    return None


def doc_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lower_ not in _SKIP_NOUNS


def _measure_subject(verb: Token, exclude: set[int]) -> str | None:
    """The subject of a verb of measure, or the noun a participle or relative clause hangs on."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                and c.ent_type_ not in ("PERSON",) and not c.like_num]
    if not subjects and verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
        subjects = [verb.head]  # "the budget deficit, which tripled to 47 billion forints"
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _measure_subject(verb.head, exclude)
    if not subjects:
        return None
    phrase = _phrase(subjects[0], exclude)
    return _strip_leads(phrase) if phrase else None


def _among(span: Span, sent: Span) -> str | None:
    """Poll figures: "50 percent to 41 percent among all adults", "Among Trump voters, 74 percent"."""
    candidates = []
    for token in sent:
        if token.lower_ == "among":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                # the first "among" after the figure reads first; else the nearest one before it
                rank = (0, token.i - span.end) if token.i >= span.end else (1, span.start - token.i)
                candidates.append((rank, objects[0]))
    if not candidates:
        return None
    return _phrase(min(candidates, key=lambda c: c[0])[1], set())
