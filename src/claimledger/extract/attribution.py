"""Who stands behind each statement: direct quotes, reported speech, "according to", headline prefixes.

The result gives every statement with its content span, cue, local source mention
and resolved speaker, the speakers with their mentions, and the signals; a claim
takes the attribution of the statement that contains it, else the author's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.extract.quotes import find_quotes
from claimledger.extract.signals import find_signals
from claimledger.extract.speakers import SpeakerIndex
from claimledger.extract.statements import (
    RawStatement,
    block_quotes,
    headline_statement,
    is_speech_verb,
    lemma,
    quote_statements,
    reported_statements,
)
from claimledger.model import AUTHOR, Article, Attribution, Signal, Speaker, Statement, TextSpan
from claimledger.nlp.docindex import DocIndex

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PRIORITY = {"direct": 0, "indirect": 1, "according_to": 2}
_POSSESSIVE_FIGURES = re.compile(r"^(?:['’]s?)\s+(?:\w+\s+)?(?:estimates?|assessments?|figures?|numbers?|data|"
                                 r"claims?|count|tally|projections?|forecasts?|report)\b")


@dataclass(frozen=True)
class AttributionResult:
    statements: tuple[Statement, ...]
    speakers: tuple[Speaker, ...]
    signals: tuple[Signal, ...]
    # stretches of text that go on reporting a document's or poll's figures: (start, end, statement)
    carried: tuple[tuple[int, int, Statement], ...] = ()

    def attribution_of(self, start: int, end: int) -> Attribution:
        """The attribution of a figure at [start, end): the innermost statement that contains it, else
        the report or poll whose figures the surrounding sentences go on giving, else the author."""
        containing = [s for s in self.statements if s.content.start <= start and end <= s.content.end]
        # reported speech inside reported speech ("Fekete said Hungary was hoping for ...") is the outer speaker's;
        # a document named inside ("..., according to the IRS filings") stays the source
        outer = [s for s in containing if s.type in ("direct", "according_to") or not any(
            o is not s and o.content.start <= (s.cue.start if s.cue else -1) < o.content.end for o in containing)]
        containing = outer or containing
        if not containing:
            carried = [s for a, b, s in self.carried if a <= start and end <= b]
            if carried and carried[-1].speaker:
                source = carried[-1]
                return Attribution(type="according_to", speaker=source.speaker, description=source.description,
                                   cue=source.cue.text if source.cue else None)
            return AUTHOR
        best = min(containing, key=lambda s: (_PRIORITY.get(s.type, 3), s.content.end - s.content.start))
        return Attribution(type=best.type, speaker=best.speaker, description=best.description,
                           cue=best.cue.text if best.cue else None)

    # signals that bear on a speaker's figures from elsewhere ("Maj. Gersten's estimate ... is probably accurate")
    about_speaker: tuple[tuple[str, Signal], ...] = ()

    def signals_of(self, start: int, end: int, speaker: str | None = None) -> tuple[Signal, ...]:
        """The signals in a claim's sentence, and those said elsewhere about its speaker's figures."""
        found = [s for s in self.signals if start <= s.start and s.end <= end]
        if speaker:
            found += [s for name, s in self.about_speaker if name == speaker and s not in found]
        return tuple(found)


def attribute(doc: Doc, article: Article, ix: DocIndex | None = None) -> AttributionResult:
    """Statements, speakers and signals of one parsed article."""
    ix = ix or DocIndex(doc)
    text = ix.text
    quotes = find_quotes(text)
    raws = (headline_statement(doc, article) + quote_statements(ix, quotes) + reported_statements(ix, quotes)
            + block_quotes(ix))
    raws.sort(key=lambda r: r.content[0])
    index = SpeakerIndex(doc)
    statements: list[Statement] = []
    last_direct: Statement | None = None
    for raw in raws:
        position = raw.source.start_char if raw.source is not None else raw.content[0]
        resolved = index.resolve(raw.refers_to if raw.refers_to is not None else raw.source, position)
        speaker = resolved.name if resolved else None
        if speaker and raw.type == "according_to":
            index.mark_documentary(speaker)
        description = index.description(speaker) if speaker else None
        source = TextSpan(raw.source.text, raw.source.start_char, raw.source.end_char) if raw.source else None
        if raw.inherit and last_direct is not None and _continues(text, last_direct, raw):
            speaker, description, source = last_direct.speaker, last_direct.description, last_direct.source
        statement = Statement(
            id=f"s{len(statements)}", type=raw.type, speaker=speaker,  # type: ignore[arg-type]
            content=TextSpan(text[raw.content[0]: raw.content[1]], *raw.content),
            cue=raw.cue, source=source, description=description,
        )
        statements.append(statement)
        if raw.type == "direct":
            last_direct = statement
    statements = _dedupe(statements)
    carried = _carried(ix, statements, index)
    speakers = index.speakers()
    signals = tuple(find_signals(text))
    return AttributionResult(tuple(statements), speakers, signals, carried, _about_speakers(ix, speakers, signals))


def _about_speakers(ix: DocIndex, speakers: Sequence[Speaker],
                    signals: Sequence[Signal]) -> tuple[tuple[str, Signal], ...]:
    """A hedge, dispute or corroboration in a sentence that names a speaker's estimate, assessment or
    figures bears on that speaker's claims ("The Pentagon's assessment is consistent with other estimates")."""
    out = []
    text = ix.text
    for signal in signals:
        sentence = ix.sentence_at(signal.start)
        if sentence is None:
            continue
        for speaker in speakers:
            for m in speaker.mentions:
                if not (sentence.start_char <= m.start < sentence.end_char):
                    continue
                after = text[m.end: m.end + 40].lower()
                if _POSSESSIVE_FIGURES.match(after):
                    out.append((speaker.name, signal))
                    break
    return tuple(out)


def _carried(ix: DocIndex, statements: Sequence[Statement],
             index: SpeakerIndex) -> tuple[tuple[int, int, Statement], ...]:
    """A poll's or report's figures often run on after the sentence that names it ("The poll found ...
    Among Democrats, ..."): the rest of its paragraph and the next one carry its attribution, up to the
    next statement or sentence with a speech verb."""
    text = ix.text
    sources = [s for s in statements if s.type == "according_to" and s.speaker
               and index.kind_of(s.speaker) in ("organization", "document")]
    if not sources:
        return ()
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    starts = sorted(s.content.start for s in statements)
    spans = []
    for source in sources:
        from bisect import bisect_right

        after = source.content.end
        k = bisect_right(breaks, after)
        end = breaks[min(k, len(breaks) - 1)]  # the end of its paragraph
        following = [a for a in starts if a > after]
        if following:
            end = min(end, following[0])
        cue_at = _next_speech_cue(ix, after, end)
        end = min(end, cue_at) if cue_at is not None else end
        if end > after:
            spans.append((after, end, source))
    return tuple(spans)


def _next_speech_cue(ix: DocIndex, start: int, end: int) -> int | None:
    doc = ix.doc
    first = ix.token_at_or_after(start)
    if first is None:
        return None
    for token in doc[first:]:
        if token.idx >= end:
            return None
        if is_speech_verb(token) and lemma(token) not in ("show", "find", "put", "count", "add"):
            return ix.sentence_of_token(token.i).start_char
    return None


def _continues(text: str, previous: Statement, current: RawStatement) -> bool:
    """A quote with no cue continues the previous quote when nothing but its attribution lies between."""
    between = text[previous.content.end: current.content[0]]
    return between.count("\n\n") <= 1 and len(between) < 400


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """Reported speech that only restates a direct quote through the quote's own cue adds nothing:
    keep the quote ("“..., now we are down to 60,000,” Alvarez said")."""
    direct = [(s.content.start, s.content.end, s.cue.start if s.cue else -1) for s in statements
              if s.type == "direct"]

    def inside_quote(s: Statement) -> bool:
        length = max(1, s.content.end - s.content.start)
        cue = s.cue.start if s.cue else -2
        return any(c == cue and max(0, min(e, s.content.end) - max(b, s.content.start)) / length > 0.5
                   for b, e, c in direct)

    kept = [s for s in statements if s.type == "direct" or not inside_quote(s)]
    return [Statement(f"s{n}", s.type, s.speaker, s.content, s.cue, s.source, s.description)
            for n, s in enumerate(kept)]
