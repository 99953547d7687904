"""Figures of one parsed document: quantities with ids and counted phrases, and the changes between them.

This is the per-sentence loop; it runs on a spaCy ``Doc`` whose sentences are set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from claimledger.extract.changes import FoundChange, Placed, find_changes
from claimledger.extract.counted import counted_phrase
from claimledger.extract.quantities import Found, carry_bracketed_rate, carry_money, scan
from claimledger.extract.timex import find_spans, resolve_spans
from claimledger.model import Quantity, TextSpan, TimeExpression
from claimledger.nlp.chunks import may_hold_figure
from claimledger.nlp.docindex import DocIndex


@dataclass(frozen=True)
class SentenceFigures:
    """One sentence with the quantities, changes and time expressions found in it."""

    sentence: TextSpan
    quantities: tuple[Quantity, ...]
    changes: tuple[FoundChange, ...]
    times: tuple[TimeExpression, ...]


def sentence_spans(doc: Doc, ix: DocIndex | None = None) -> list[Span]:
    """The document's sentences, with surrounding whitespace trimmed off."""
    out = []
    for sent in (ix.sentences if ix is not None else doc.sents):
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            out.append(doc[start:end])
    return out


def _to_quantity(found: Found, quantity_id: str, counted: str | None) -> Quantity:
    return Quantity(
        id=quantity_id, text=found.text, start=found.start, end=found.end, kind=found.kind,  # type: ignore[arg-type]
        value=found.value, low=found.low, high=found.high, approximate=found.approximate,
        qualifier=found.qualifier, unit=found.unit, per=found.per, counted=counted,
    )


def _placed(q: Quantity) -> Placed:
    return Placed(q.id, q.start, q.end, q.kind, q.unit, q.value)


def find_figures(doc: Doc, published: dt.date | None = None, ix: DocIndex | None = None) -> list[SentenceFigures]:
    """Quantities (ids q0, q1, ... in document order), changes and time expressions, sentence by sentence."""
    ix = ix or DocIndex(doc)
    text = ix.text
    out: list[SentenceFigures] = []
    n = 0
    for sent in sentence_spans(doc, ix):
        sentence_text = text[sent.start_char: sent.end_char]
        if not may_hold_figure(sentence_text):
            out.append(SentenceFigures(TextSpan(sentence_text, sent.start_char, sent.end_char), (), (), ()))
            continue
        spans = find_spans(sentence_text)  # found once: they exclude numbers and, resolved, date the claims
        excluded = [(s.start + sent.start_char, s.end + sent.start_char) for s in spans]
        found = scan(sentence_text, sent.start_char, excluded)
        found = carry_bracketed_rate(carry_money(found), sentence_text, sent.start_char)
        quantities = []
        for f in found:
            quantities.append(_to_quantity(f, f"q{n}", counted_phrase(doc, f.start, f.end, sent)))
            n += 1
        changes = find_changes(sent, [_placed(q) for q in quantities], text) if quantities else []
        times = resolve_spans(sentence_text, spans, published, sent.start_char) if quantities else []
        out.append(SentenceFigures(TextSpan(sentence_text, sent.start_char, sent.end_char), tuple(quantities),
                                   tuple(changes), tuple(times)))
    return _link_across_sentences(out)


def _link_across_sentences(sentences: list[SentenceFigures]) -> list[SentenceFigures]:
    """Complete changes that name only where a figure went ("down to around 200") from the sentence before,
    and carry the rate and unit of a change's known end to the other ("from nearly 2,000 per month to 200")."""
    out: list[SentenceFigures] = []
    for k, current in enumerate(sentences):
        by_id = {q.id: q for q in current.quantities}
        changes = list(current.changes)
        for c, change in enumerate(changes):
            if change.to and not change.from_ and not change.by and k > 0:
                target = by_id[change.to]
                previous = [q for q in sentences[k - 1].quantities
                            if q.kind == target.kind and q.unit == target.unit
                            and not any(q.id in ch.quantity_ids for ch in sentences[k - 1].changes)]
                if previous:
                    changes[c] = replace(change, from_=previous[-1].id)
                    by_id[previous[-1].id] = previous[-1]
        quantities = {q.id: q for q in current.quantities}
        earlier = {q.id: q for s in out[-1:] for q in s.quantities}
        for change in changes:
            ends = [i for i in (change.from_, change.to) if i]
            pool = {**earlier, **quantities}
            per = next((pool[i].per for i in ends if pool[i].per), None)
            point = by_id.get(change.by) if change.by else None
            for i in ends:
                if i not in quantities:
                    continue
                q = quantities[i]
                if per and q.per is None and q.kind in ("count", "money", "measure"):
                    q = replace(q, per=per)
                if point is not None and point.kind == "other" and q.kind == "count" and q.unit is None:
                    q = replace(q, kind="other", unit=point.unit)
                quantities[i] = q
        out.append(replace(current, quantities=tuple(quantities[q.id] for q in current.quantities),
                           changes=tuple(changes)))
    return out


def all_quantities(sentences: Sequence[SentenceFigures]) -> list[Quantity]:
    return [q for s in sentences for q in s.quantities]
