"""Stated changes: "dropped by 90 percent, from nearly 2,000 per month to 200"; "X, up from Y".

A change is anchored on a trigger word (a change verb, noun or "up"/"down"); its
`by`, `from` and `to` are the quantities introduced by "by", "from" and "to" in the
clause after it (or right after the verb: "Drops 90%").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimledger.lang import en_changes as L
from claimledger.nlp.attributes import lemma_of


@dataclass(frozen=True, slots=True)
class Placed:
    """A quantity's id and where it sits."""

    id: str
    start: int
    end: int
    kind: str
    unit: str | None
    value: float | None


@dataclass(frozen=True, slots=True)
class FoundChange:
    direction: str
    trigger_start: int
    trigger_end: int
    by: str | None = None
    from_: str | None = None
    to: str | None = None

    @property
    def quantity_ids(self) -> tuple[str, ...]:
        return tuple(q for q in (self.by, self.from_, self.to) if q)


def _direction(token: Token) -> str | None:
    lemma = lemma_of(token)
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if lemma in L.INCREASE_VERBS:
            return "increase"
        if lemma in L.DECREASE_VERBS:
            return "decrease"
    if token.pos_ in ("NOUN", "PROPN"):
        if lemma in L.INCREASE_NOUNS:
            return "increase"
        if lemma in L.DECREASE_NOUNS:
            return "decrease"
    if token.lower_ in L.DIRECTION_ADVERBS:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in ("from", "to"):
            return L.DIRECTION_ADVERBS[token.lower_]
    # headlines write verbs capitalised and the tagger may call them nouns: "Syria Drops 90%"
    if token.is_title and lemma in (L.INCREASE_VERBS | L.DECREASE_VERBS) and token.text.endswith("s"):
        return "increase" if lemma in L.INCREASE_VERBS else "decrease"
    return None


_SKIPPABLE = {"a", "an", "the", "its", "their", "his", "her", "provisional", "preliminary", "record", "revised",
              "estimated", "projected", "new", "total", "around", "about", "nearly", "almost", "only", "just",
              "some", "roughly", "approximately", "over", "under"}
_LEVEL_VERBS = {"close", "end", "finish", "settle", "stand", "stood", "closed", "ended", "finished", "settled"}


def _word_before(sentence: Span, quantity: Placed) -> str:
    """The preposition that introduces a figure, looking past articles and adjectives ("to a provisional 47
    billion"), and reading "to close at 63.06" as "to"."""
    doc = sentence.doc
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return ""
    i = span.start - 1
    while i > sentence.start and doc[i].lower_ in _SKIPPABLE and span.start - i <= 3:
        i -= 1
    word = doc[i].lower_
    if word == "at" and i >= 2 and doc[i - 1].lower_ in _LEVEL_VERBS:
        return "to"
    if word == "by" and i >= 1 and doc[i - 1].tag_ == "VBN" and not _direction(doc[i - 1]):
        return "by (agent)"   # "2.0 billion dlrs earned by 77 pct of the industry": who, not how much
    return word


def find_changes(sentence: Span, quantities: Sequence[Placed], text: str | None = None) -> list[FoundChange]:
    """The changes stated in one sentence, each using quantities of that sentence.

    Each quantity takes part in at most one change.
    """
    text = text if text is not None else sentence.doc.text
    if not quantities:
        return []
    triggers = [t for t in sentence if _direction(t)]
    used: set[str] = set()
    changes: list[FoundChange] = []
    for n, trigger in enumerate(triggers):
        direction = _direction(trigger)
        assert direction is not None
        clause_end = triggers[n + 1].idx if n + 1 < len(triggers) else sentence.end_char
        after = [q for q in quantities if trigger.idx < q.start < clause_end and q.id not in used]
        by = from_ = to = None
        # "Drops 90%", "fell 18.61 points to 451.51": a figure right after the verb is the amount of change
        if after and trigger.pos_ != "NOUN":
            gap = text[trigger.idx + len(trigger.text): after[0].start]
            if len(gap.split()) <= 1 and _word_before(sentence, after[0]) not in ("to", "from"):
                by = after[0]
        for q in after:
            if q is by:
                continue
            word = _word_before(sentence, q)
            if word == "by" and by is None:
                by = q
            elif word == "from" and from_ is None:
                from_ = q
            elif word == "to" and to is None and (from_ is not None or by is not None or q is after[0]):
                to = q
        # "a 90 percent drop", "a 10% increase": a figure right before a change noun
        if by is None and trigger.pos_ == "NOUN":
            before = [q for q in quantities if q.end <= trigger.idx and q.id not in used]
            if before and len(text[before[-1].end: trigger.idx].split()) <= 1:
                by = before[-1]
            elif after and _word_before(sentence, after[0]) == "of":
                by = after[0]  # "a drop of 90 percent"
        # "reduce a deficit of 43.8 billion to between 30 and 35 billion": the "of" figure is where it started
        if to is not None and from_ is None:
            earlier = [q for q in after if q.start < to.start and q is not by and _word_before(sentence, q) == "of"
                       and q.unit == to.unit and q.kind == to.kind]
            if earlier:
                from_ = earlier[0]
        # "growth of two pct this year, from one pct": the first figure is the level reached, not the amount
        if from_ is not None and to is None and by is not None and by.unit == from_.unit and by.kind == from_.kind \
                and by.start < from_.start:
            to, by = by, None
        # "doubled", "tripled": the multiplier is the change itself
        if by is None and lemma_of(trigger) in L.MULTIPLIER_VERBS:
            at = [q for q in quantities if q.start <= trigger.idx < q.end and q.id not in used]
            by = at[0] if at else None
        # "X, up from Y": the figure before the trigger is where it went
        if trigger.lower_ in L.DIRECTION_ADVERBS and from_ is not None and to is None:
            before = [q for q in quantities if q.end <= trigger.idx and q.id not in used]
            if before:
                to = before[-1]
        if to is not None and from_ is None and by is None and _word_before(sentence, to) != "to":
            to = None
        if not (by or from_ or to):
            continue
        if from_ and to and from_.value is not None and to.value is not None and from_.value != to.value \
                and from_.unit == to.unit:
            direction = "increase" if to.value > from_.value else "decrease"
        change = FoundChange(direction, trigger.idx, trigger.idx + len(trigger.text),
                             by=by.id if by else None, from_=from_.id if from_ else None, to=to.id if to else None)
        used.update(change.quantity_ids)
        changes.append(change)
    changes += _comparatives(sentence, [q for q in quantities if q.id not in used])
    return sorted(changes, key=lambda c: c.trigger_start)


def _comparatives(sentence: Span, quantities: Sequence[Placed]) -> list[FoundChange]:
    """ "spent 40 percent less on grants", "$5 million more in other expenses": the figure is the change."""
    doc = sentence.doc
    out = []
    for q in quantities:
        if q.kind not in ("money", "percent"):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or span.end >= sentence.end:
            continue
        word = doc[span.end]
        if word.lower_ in L.COMPARATIVES and (span.end + 1 >= sentence.end or doc[span.end + 1].lower_ != "than"
                                              or q.kind == "percent"):
            out.append(FoundChange(L.COMPARATIVES[word.lower_], word.idx, word.idx + len(word.text), by=q.id))
    return out
