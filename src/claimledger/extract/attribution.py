"""Who stands behind each statement: direct quotes, reported speech, "according to", headline prefixes.

The result gives every statement with its content span, cue, local source mention
and resolved speaker, the speakers with their mentions, and the signals; a claim
takes the attribution of the statement that contains it, else the author's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimledger.extract.quotes import Quote, find_quotes
from claimledger.extract.signals import find_signals
from claimledger.extract.speakers import SpeakerIndex
from claimledger.lang import en_attribution as L
from claimledger.nlp.docindex import DocIndex
from claimledger.model import AUTHOR, Article, Attribution, Signal, Speaker, Statement, TextSpan

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_HEADLINE_PREFIX = re.compile(r"^([A-Z][\w.&’'\- ]{1,40}?):\s+\S")
_MIN_QUOTE_WORDS = 4
_CUE_WINDOW = 10  # tokens after a closing mark in which to look for "he said"
_PRIORITY = {"direct": 0, "indirect": 1, "according_to": 2}


@dataclass(frozen=True)
class _Raw:
    type: str
    content: tuple[int, int]
    cue: TextSpan | None
    source: Span | None
    inherit: bool = False  # a quote with no cue of its own: the previous quote's speaker


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

    def signals_of(self, start: int, end: int) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if start <= s.start and s.end <= end)


def _is_speech_verb(token: Token) -> bool:
    return token.lemma_.lower() in L.SPEECH_VERBS and (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"))


def _subject(verb: Token) -> Span | None:
    """The subject of a speech verb as a mention; None for figures ("61 percent said") and for I/we/you."""
    subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: abs(c.i - verb.i))
    for child in subjects[:1]:  # the nearest: a dateline ("BUDAPEST, March 11 -") may parse as a second subject
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("i", "we", "you", "who", "that", "which"):
                return None
            mention = _mention(child)
            if child.like_num or any(t.like_num and t.ent_type_ not in ("DATE", "TIME") or t.text == "%"
                                     or t.lower_ in ("percent", "pct") for t in mention):
                return None  # "61 percent said": respondents, not a source
            return mention
    return None


def _mention(head: Token) -> Span:
    """The mention headed by ``head``, without appositives or relative clauses after it,
    and without a dateline or clause that the parse hangs before it ("BUDAPEST, March 11 - ...")."""
    doc = head.doc
    left = head.left_edge.i
    for k in range(head.i - 1, left - 1, -1):
        if doc[k].is_punct and doc[k].text not in (".", "’", "'", "&") or doc[k].is_space:
            left = k + 1
            break
    right = head.i
    for child in head.rights:
        if child.dep_ == "appos" and child.i == right + 1 and child.pos_ == "PROPN":
            right = child.right_edge.i  # "the official news agency MTI"
            continue
        if child.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj", "advcl"):
            break
        if child.dep_ == "prep" and child.lower_ not in ("of", "from", "at", "for", "by"):
            break
        right = child.right_edge.i
    return doc[left: right + 1]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _quote_statements(ix: DocIndex, quotes: Sequence[Quote]) -> list[_Raw]:
    doc = ix.doc
    out: list[_Raw] = []
    for quote in quotes:
        cue = source = None
        # after the closing mark: ', Maj. Gersten told reporters.' / ', said Skinner.'
        first = ix.token_at_or_after(quote.end)
        if first is not None:
            for token in doc[first: min(len(doc), first + _CUE_WINDOW)]:
                if token.is_sent_start and token.i > first or token.text in ("“", "\"") or "\n" in token.text:
                    break
                if _is_speech_verb(token):
                    cue, source = token, _subject(token)
                    break
        # before the opening mark: 'Skinner said: “...”'
        if cue is None:
            sent = ix.sentence_at(quote.start)
            if sent is not None:
                before = [t for t in sent if t.idx < quote.start]
                verbs = [t for t in before if _is_speech_verb(t)]
                if verbs and before and before[-1].text in (":", ","):
                    cue, source = verbs[-1], _subject(verbs[-1])
                elif verbs and any(c.dep_ in ("ccomp", "parataxis") for c in verbs[-1].children):
                    continue  # a mixed quote inside reported speech: the reported statement covers it
                elif verbs and quote.words >= _MIN_QUOTE_WORDS:
                    cue, source = verbs[-1], _subject(verbs[-1])
        if quote.words < _MIN_QUOTE_WORDS and cue is None:
            continue  # scare quotes
        content = (quote.inner_start, quote.inner_end)
        cue_span = TextSpan(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None
        out.append(_Raw("direct", content, cue_span, source, inherit=cue is None))
    return out


def _reported_statements(ix: DocIndex, quotes: Sequence[Quote]) -> list[_Raw]:
    doc, text = ix.doc, ix.text
    """Reported speech ("X estimated that ..."), "according to X" and "X's report shows"."""
    out: list[_Raw] = []

    def inside_quote(char: int) -> bool:
        return any(q.inner_start <= char < q.inner_end for q in quotes)

    for sent in ix.sentences:
        prefixed = _poll_prefix(sent, text)
        if prefixed is not None:
            out.append(prefixed)
        for token in sent:
            if inside_quote(token.idx):
                continue
            if token.lower_ == "according" and token.i + 1 < sent.end and doc[token.i + 1].lower_ == "to":
                to = doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                source = _source_of_document(_mention(objects[0]))
                pp_end = objects[0].right_edge.idx + len(objects[0].right_edge.text)
                if token.idx - sent.start_char > sent.end_char - pp_end:
                    content = _trim(text, sent.start_char, token.idx)
                else:
                    content = _trim(text, pp_end, sent.end_char)
                cue = TextSpan(text[token.idx: to.idx + len(to.text)], token.idx, to.idx + len(to.text))
                out.append(_Raw("according_to", content, cue, source))
                continue
            if not _is_speech_verb(token):
                continue
            clauses = [c for c in token.children if c.dep_ in ("ccomp", "parataxis")]
            if not clauses and token.lemma_.lower() in L.FORECAST_VERBS:
                clauses = [c for c in token.children if c.dep_ in ("dobj", "npadvmod")
                           and any(t.like_num or t.lower_ in ("half", "dozens") for t in c.subtree)]
            if not clauses and token.lemma_.lower() in L.DOCUMENT_VERBS:
                subject = _subject(token)
                if subject is not None and subject.root.lower_ in L.REPORT_NOUNS:
                    clauses = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "oprd")]
            if not clauses:
                continue
            subject = _subject(token)
            if subject is None or any(t.lower_ in ("i", "we", "you") for t in subject if len(subject) == 1):
                continue
            clause = clauses[0]
            kind = "indirect"
            if token.lemma_.lower() in L.DOCUMENT_VERBS and _is_document_or_outlet(subject):
                kind = "according_to"
                subject = _source_of_document(subject)
            if clause.i < token.i:   # "..., recent defectors from ISIS have indicated."
                start = sent.start_char
                end = clause.right_edge.idx + len(clause.right_edge.text)
            else:                    # "James Clapper estimated that ..."
                start = clause.left_edge.idx
                end = sent.end_char
            content = _trim(text, start, end)
            if content[1] <= content[0]:
                continue
            cue = TextSpan(token.text, token.idx, token.idx + len(token.text))
            out.append(_Raw(kind, content, cue, subject))
    return out


def _is_person(mention: Span) -> bool:
    root = mention.root
    return root.ent_type_ == "PERSON" or root.lower_ in ("he", "she", "they") or root.lower_ in L.ROLE_NOUNS \
        or any(e.label_ == "PERSON" for e in mention.ents)


def _is_document_or_outlet(mention: Span) -> bool:
    """A report, poll or data ("the poll found"), or an organisation reporting ("The Daily Caller reported")."""
    root = mention.root
    if root.lower_ in L.REPORT_NOUNS:
        return True
    return not _is_person(mention) and (root.pos_ == "PROPN" or root.ent_type_ in ("ORG", "NORP"))


def _poll_prefix(sent: Span, text: str) -> _Raw | None:
    """ "In an ABC News/Washington Post poll released Sept. 11, Clinton led, 50 percent to 41 percent"."""
    first = sent[0]
    if first.lower_ != "in" or len(sent) < 4:
        return None
    objects = [c for c in first.children if c.dep_ == "pobj"]
    if not objects or objects[0].lower_ not in L.POLL_NOUNS:
        return None
    obj = objects[0]
    end = obj.right_edge
    comma = next((t for t in sent if t.i > obj.i and t.text == ","), None)
    if comma is None or comma.i - obj.i > 12:
        return None
    source = sent.doc[obj.left_edge.i: obj.i + 1]
    content = _trim(text, comma.idx + 1, sent.end_char)
    cue = TextSpan(first.text, first.idx, first.idx + len(first.text))
    del end
    return _Raw("according_to", content, cue, _source_of_document(source))


def _source_of_document(mention: Span) -> Span:
    """For "an article published by the Combating Terrorism Center" or "the Pentagon's report", the author."""
    root = mention.root
    if root.lower_ not in L.REPORT_NOUNS and root.lower_ not in ("article", "story", "journal", "paper"):
        return mention
    doc = mention.doc
    for token in mention:
        if token.dep_ == "poss" and token.head == root:
            return doc[token.left_edge.i: token.i + 1]
    for token in root.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in ("by", "from") \
                and (token.head.head == root or token.head.head.head == root and token.head.head.dep_ == "acl") \
                and (token.ent_type_ or token.pos_ == "PROPN"):
            return _mention(token)
    for child in root.rights:  # "figures her campaign released"
        if child.dep_ in ("relcl", "acl"):
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects and not subjects[0].like_num:
                return _mention(subjects[0])
    return mention


def _headline_statement(doc: Doc, article: Article) -> list[_Raw]:
    if not article.title:
        return []
    m = _HEADLINE_PREFIX.match(article.title)
    if not m or any(ch.isdigit() for ch in m.group(1)):
        return []
    source = doc.char_span(0, len(m.group(1)), alignment_mode="contract")
    if source is None:
        return []
    content = (m.end() - 1, len(article.title))
    cue = TextSpan(":", len(m.group(1)), len(m.group(1)) + 1)
    return [_Raw("according_to", content, cue, source)]


def attribute(doc: Doc, article: Article, ix: DocIndex | None = None) -> AttributionResult:
    """Statements, speakers and signals of one parsed article."""
    ix = ix or DocIndex(doc)
    text = ix.text
    quotes = find_quotes(text)
    raws = _headline_statement(doc, article) + _quote_statements(ix, quotes) + _reported_statements(ix, quotes)
    raws.sort(key=lambda r: r.content[0])
    index = SpeakerIndex(doc)
    statements: list[Statement] = []
    last_direct: Statement | None = None
    for raw in raws:
        position = raw.source.start_char if raw.source is not None else raw.content[0]
        resolved = index.resolve(raw.source, position)
        speaker = resolved.name if resolved else None
        description = index.description(speaker) if speaker else None
        if raw.inherit and last_direct is not None and _continues(text, last_direct, raw):
            speaker, description = last_direct.speaker, last_direct.description
        source = TextSpan(raw.source.text, raw.source.start_char, raw.source.end_char) if raw.source else None
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
    return AttributionResult(tuple(statements), index.speakers(), tuple(find_signals(text)), carried)


def _carried(ix: DocIndex, statements: Sequence[Statement],
             index: SpeakerIndex) -> tuple[tuple[int, int, Statement], ...]:
    """A poll's or report's figures often run on after the sentence that names it ("The poll found ...
    Among Democrats, ..."): the rest of its paragraph and the next one carry its attribution, up to the
    next statement or sentence with a speech verb."""
    text = ix.text
    sources = [s for s in statements if s.type == "according_to" and s.speaker
               and index.kind_of(s.speaker) == "organization"]
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
        if _is_speech_verb(token) and token.lemma_.lower() not in ("show", "find", "put", "count", "add"):
            return ix.sentence_of_token(token.i).start_char
    return None


def _continues(text: str, previous: Statement, current: _Raw) -> bool:
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
