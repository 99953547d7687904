"""Find attributed statements in a parsed article: quotes, reported speech, "according to", headlines.

Each finder returns raw statements: a content span, a cue, the local source
mention, and the mention to resolve the speaker from (the antecedent of "who").
Speakers are resolved afterwards, in reading order (:mod:`claimledger.extract.speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimledger.extract.quotes import Quote
from claimledger.lang import en_attribution as L
from claimledger.model import Article, TextSpan
from claimledger.nlp.attributes import lemma_of
from claimledger.nlp.chunks import cue_words
from claimledger.nlp.docindex import DocIndex

_HEADLINE_PREFIX = re.compile(r"^([A-Z][\w.&’'\- ]{1,40}?):\s+\S")
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s+\S")
_DASH_BYLINE = re.compile(r"\s*[―—–]\s*([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})")
_MIN_QUOTE_WORDS = 4
_CUE_WINDOW = 10          # tokens after a closing mark in which to look for "he said"
_SPLIT_QUOTE_GAP = 160    # characters of attribution allowed between the two halves of a split quote
_CLIMB = 3                # steps up the parse to find the subject of "..., adding"
_RELATIVE = {"who", "which", "that"}
_COMPLEMENT_PREPS = {"about", "on", "of", "for", "against", "to", "with", "as", "into"}
_PLACE_OR_TIME = {"DATE", "TIME", "GPE", "LOC"}


@dataclass(frozen=True)
class RawStatement:
    type: str
    content: tuple[int, int]
    cue: TextSpan | None
    source: Span | None
    inherit: bool = False            # a quote with no cue of its own: the previous quote's speaker
    refers_to: Span | None = None    # what to resolve the speaker from, when not the source ("who" → officials)


def cue_lexemes(vocab: Vocab) -> frozenset[int]:
    """The lower-case string ids of every word that may be a cue verb, or "according"."""
    cached = _CUE_IDS.get(id(vocab))
    if cached is None:
        cached = _CUE_IDS[id(vocab)] = frozenset(vocab.strings.add(w) for w in cue_words())
    return cached


_CUE_IDS: dict[int, frozenset[int]] = {}
_CUE_ARRAYS: dict[frozenset[int], numpy.ndarray] = {}


def _cue_array(cues: frozenset[int]) -> numpy.ndarray:
    array = _CUE_ARRAYS.get(cues)
    if array is None:
        array = _CUE_ARRAYS[cues] = numpy.array(sorted(cues), dtype="uint64")
    return array


# --- words and mentions --------------------------------------------------------------------------

def lemma(token: Token) -> str:
    lowered = token.lower_
    return L.LEMMA_ALIASES.get(lowered) or lemma_of(token)


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def is_speech_verb(token: Token) -> bool:
    return lemma(token) in L.SPEECH_VERBS and is_verb(token)


def is_cue_verb(token: Token) -> bool:
    """Speech verbs and the verbs of stance that PolNeAR-style attribution counts ("called", "urged")."""
    word = lemma(token)
    return (word in L.SPEECH_VERBS or word in L.ATTITUDE_VERBS) and is_verb(token)


def mention(head: Token) -> Span:
    """The mention headed by ``head``, without appositives or relative clauses after it,
    and without a dateline or clause that the parse hangs before it ("BUDAPEST, March 11 - ...")."""
    doc = head.doc
    left = head.left_edge.i
    for k in range(head.i - 1, left - 1, -1):
        if (doc[k].is_punct and doc[k].text not in (".", "’", "'", "&")) or doc[k].is_space:
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


def _is_respondents(span: Span) -> bool:
    """ "61 percent said": poll respondents, not a source."""
    return any(t.text == "%" or t.lower_ in ("percent", "pct") for t in span) or (
        span.root.like_num and span.root.ent_type_ not in ("PERSON", "ORG"))


def subject(verb: Token, depth: int = 0) -> tuple[Span | None, Span | None]:
    """The subject of a cue verb as (source mention, mention to resolve), climbing from ", adding" or
    "and said" to the verb whose subject it shares; (None, None) for figures ("61 percent said")."""
    subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                      key=lambda c: abs(c.i - verb.i))
    if subjects:
        child = subjects[0]  # the nearest: a dateline may parse as a second subject
        if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            antecedent = mention(verb.head)
            if _is_respondents(antecedent):
                return None, None
            return child.doc[child.i: child.i + 1], antecedent
        found = mention(child)
        if _is_respondents(found):
            return None, None
        return found, found
    if depth < _CLIMB and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acomp", "prep"):
        head = verb.head
        if head.dep_ == "prep" or verb.dep_ == "pcomp":
            head = head.head if head.dep_ == "prep" else head
        if head.dep_ == "ccomp" and head.head is not head:
            head = head.head  # "X indicated that the U.S. is stepping up ..., announcing": X announced
        if head is not verb:
            return subject(head, depth + 1)
    return None, None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _span_of(token: Token) -> TextSpan:
    return TextSpan(token.text, token.idx, token.idx + len(token.text))


# --- direct quotes --------------------------------------------------------------------------------

def _cue_after(ix: DocIndex, quote: Quote) -> tuple[Token | None, Span | None, Span | None]:
    """ '..., Maj. Gersten told reporters.' / '..., said Skinner.' right after the closing mark."""
    doc = ix.doc
    first = ix.token_at_or_after(quote.end)
    if first is None:
        return None, None, None
    for token in doc[first: min(len(doc), first + _CUE_WINDOW)]:
        if (token.is_sent_start and token.i > first) or token.text in ("“", "\"") or "\n" in token.text:
            break
        if is_speech_verb(token):
            source, refers = subject(token)
            return token, source, refers
    return None, None, None


def _dash_byline(ix: DocIndex, quote: Quote) -> tuple[TextSpan, Span] | None:
    """ '“...” ― Karen Bobadilla': a name after a dash is the quote's source."""
    m = _DASH_BYLINE.match(ix.text, quote.end)
    if not m:
        return None
    source = ix.doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
    if source is None or not len(source):
        return None
    dash_at = ix.text.index(m.group(0).strip()[0], quote.end)
    return TextSpan(ix.text[dash_at], dash_at, dash_at + 1), source


def _cue_before(ix: DocIndex, quote: Quote) -> tuple[Token | None, Span | None, Span | None, bool]:
    """ 'Skinner said: “...”', 'Obama called the holiday “a celebration ...”'. The last value is True for a
    short quote inside reported speech, which the reported statement covers."""
    sent = ix.sentence_at(quote.start)
    if sent is None:
        return None, None, None, False
    before = [t for t in sent if t.idx < quote.start]
    if not before:
        return None, None, None, False
    verbs = [t for t in before if is_speech_verb(t)]
    if verbs:
        verb = verbs[-1]
        if before[-1].text in (":", ","):
            return (verb, *subject(verb), False)
        if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return None, None, None, True
        if quote.words >= _MIN_QUOTE_WORDS:
            return (verb, *subject(verb), False)
    # the verb that governs the quote ("called the holiday “a celebration ...”")
    inner = ix.token_at_or_after(quote.inner_start)
    if inner is not None:
        token = ix.doc[inner]
        for _ in range(5):
            if token.head is token:
                break
            token = token.head
            if token.idx < quote.start and is_cue_verb(token):
                return (token, *subject(token), False)
    return None, None, None, False


def _previous_paragraph_cue(ix: DocIndex, quote: Quote) -> tuple[Token | None, Span | None, Span | None]:
    """ 'He said:¶“We have a situation ...”': a quote that opens a paragraph after one ending with ':'."""
    text = ix.text
    before = text[:quote.start].rstrip()
    if not before.endswith(":") or "\n" not in text[len(before): quote.start]:
        return None, None, None
    sent = ix.sentence_at(len(before) - 1)
    if sent is None:
        return None, None, None
    verbs = [t for t in sent if is_speech_verb(t)]
    if not verbs:
        return None, None, None
    return (verbs[-1], *subject(verbs[-1]))


def quote_statements(ix: DocIndex, quotes: Sequence[Quote]) -> list[RawStatement]:
    """Direct quotes with their cue and source; a quote split by its attribution is one statement."""
    out: list[RawStatement] = []
    n = 0
    while n < len(quotes):
        quote = quotes[n]
        cue, source, refers = _cue_after(ix, quote)
        cue_span = _span_of(cue) if cue is not None else None
        if cue is None:
            byline = _dash_byline(ix, quote)
            if byline is not None:
                cue_span, source = byline
                refers = source
        if cue_span is None:
            cue, source, refers, mixed = _cue_before(ix, quote)
            if mixed:
                n += 1
                continue
            if cue is None:
                cue, source, refers = _previous_paragraph_cue(ix, quote)
            cue_span = _span_of(cue) if cue is not None else None
        if quote.words < _MIN_QUOTE_WORDS and cue_span is None:
            n += 1
            continue  # scare quotes
        start, end = quote.inner_start, quote.inner_end
        # “A,” he said, “B.”: one statement with the attribution inside it
        if cue is not None and cue.idx > quote.end and n + 1 < len(quotes):
            following = quotes[n + 1]
            between = ix.text[quote.end: following.start]
            if "\n" not in between and len(between) <= _SPLIT_QUOTE_GAP and cue.idx < following.start \
                    and _cue_after(ix, following)[0] is None:
                end = following.inner_end
                n += 1
        out.append(RawStatement("direct", (start, end), cue_span, source, inherit=cue_span is None,
                                refers_to=refers))
        n += 1
    return out + _speaker_labels(ix)


def _speaker_labels(ix: DocIndex) -> list[RawStatement]:
    """Transcripts: a paragraph opening "PENCE: ..." is Pence's."""
    out = []
    text = ix.text
    for m in re.finditer(r"(?:^|\n\s*\n)[\"“]?(?=[A-Z][A-Z.'’\- ]{1,30}[A-Z]:\s)", text):
        label = _SPEAKER_LABEL.match(text, m.end())
        if not label:
            continue
        end = text.find("\n\n", label.end())
        end = len(text) if end < 0 else end
        source = ix.doc.char_span(label.start(1), label.end(1), alignment_mode="contract")
        colon = label.end(1)
        out.append(RawStatement("direct", trim(text, colon + 1, end), TextSpan(":", colon, colon + 1), source,
                                refers_to=source))
    return out


# --- reported speech -------------------------------------------------------------------------------

def block_quotes(ix: DocIndex) -> list[RawStatement]:
    """ "The Daily Caller reported that ...:¶Just 5.7 percent of ...": a paragraph introduced by a cue and a
    colon is quoted as a block, with or without quotation marks."""
    text = ix.text
    out = []
    for m in re.finditer(r":[ \t]*\n\s*\n", text):
        colon = m.start()
        sent = ix.sentence_at(max(0, colon - 1))
        if sent is None:
            continue
        verbs = [t for t in sent if is_speech_verb(t) and t.idx < colon]
        if not verbs:
            continue
        verb = verbs[-1]
        source, refers = subject(verb)
        if source is None:
            continue
        start = m.end()
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if start >= end or text[start] in "“\"":
            continue  # a quoted paragraph is read as a quote
        kind = "according_to" if lemma(verb) in L.DOCUMENT_VERBS and is_document_or_outlet(source) else "indirect"
        out.append(RawStatement(kind, trim(text, start, end), _span_of(verb), source, refers_to=refers))
    return out


def _complements(verb: Token) -> list[Token]:
    """What a cue verb with no clause says: its object, "to ..." or an about/on/against phrase."""
    out = []
    for child in verb.rights:
        if child.dep_ in ("dobj", "dative", "oprd", "xcomp"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].ent_type_ not in _PLACE_OR_TIME:
                out.append(child)
    return out


def _according_to(ix: DocIndex, sent: Span, token: Token) -> RawStatement | None:
    doc, text = ix.doc, ix.text
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects or objects[0].like_num:
        return None  # "according to 49 percent of respondents" names no source
    source = source_of_document(mention(objects[0]))
    pp_end = objects[0].right_edge.idx + len(objects[0].right_edge.text)
    if token.idx - sent.start_char > sent.end_char - pp_end:
        content = trim(text, sent.start_char, token.idx)
    else:
        content = trim(text, pp_end, sent.end_char)
    cue = TextSpan(text[token.idx: to.idx + len(to.text)], token.idx, to.idx + len(to.text))
    return RawStatement("according_to", content, cue, source, refers_to=source)


def _reported(ix: DocIndex, sent: Span, token: Token) -> RawStatement | None:
    """ "James Clapper estimated that ...", "..., recent defectors have indicated", "X urged Y to ..."."""
    text = ix.text
    word = lemma(token)
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "parataxis")]
    if not clauses and word in L.FORECAST_VERBS:
        clauses = [c for c in token.children if c.dep_ in ("dobj", "npadvmod")
                   and any(t.like_num or t.lower_ in ("half", "dozens") for t in c.subtree)]
    source, refers = subject(token)
    if not clauses and word in L.DOCUMENT_VERBS and source is not None and source.root.lower_ in L.REPORT_NOUNS:
        clauses = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "oprd")]
    parenthetical = not clauses and token.dep_ == "parataxis"
    complements = [] if clauses or parenthetical or word in L.DOCUMENT_VERBS or word in L.FORECAST_VERBS \
        else _complements(token)
    if not (clauses or parenthetical or complements) or source is None:
        return None
    kind = "indirect"
    if word in L.DOCUMENT_VERBS and is_document_or_outlet(source):
        kind = "according_to"
        source = refers = source_of_document(source)
    if parenthetical:  # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt."
        content = trim(text, sent.start_char, sent.end_char)
    elif clauses:
        clause = clauses[0]
        if clause.i < token.i:   # "..., recent defectors from ISIS have indicated."
            content = trim(text, sent.start_char, clause.right_edge.idx + len(clause.right_edge.text))
        else:                    # "James Clapper estimated that ..."
            content = trim(text, clause.left_edge.idx, sent.end_char)
    else:                        # "he urged North Korea to resume talks"
        first, last = complements[0].left_edge, max((c.right_edge for c in complements), key=lambda t: t.i)
        content = trim(text, first.idx, last.idx + len(last.text))
    if content[1] <= content[0]:
        return None
    return RawStatement(kind, content, _span_of(token), source, refers_to=refers)


def reported_statements(ix: DocIndex, quotes: Sequence[Quote]) -> list[RawStatement]:
    """Reported speech, "according to X", "X's report shows" and "In a new poll, ..."."""
    doc = ix.doc
    out: list[RawStatement] = []
    inner = [(q.inner_start, q.inner_end) for q in quotes]
    cues = cue_lexemes(doc.vocab)

    def inside_quote(char: int) -> bool:
        return any(a <= char < b for a, b in inner)

    # the only words that can be cues, found with one array look-up: their token positions in order
    hits = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _cue_array(cues))).tolist() if len(doc) else []
    k = 0
    for sent in ix.sentences:
        prefixed = _poll_prefix(sent, ix.text)
        if prefixed is not None:
            out.append(prefixed)
        while k < len(hits) and hits[k] < sent.start:
            k += 1
        while k < len(hits) and hits[k] < sent.end:
            token = doc[hits[k]]
            k += 1
            if inside_quote(token.idx):
                continue
            found = None
            if token.lower_ == "according" and token.i + 1 < sent.end and doc[token.i + 1].lower_ == "to":
                found = _according_to(ix, sent, token)
            elif is_cue_verb(token):
                found = _reported(ix, sent, token)
            if found is not None:
                out.append(found)
    return out


def is_person(span: Span) -> bool:
    root = span.root
    return root.ent_type_ == "PERSON" or root.lower_ in ("he", "she", "they") or root.lower_ in L.ROLE_NOUNS \
        or any(e.label_ == "PERSON" for e in span.ents)


def is_document_or_outlet(span: Span) -> bool:
    """A report, poll or data ("the poll found"), or an organisation reporting ("The Daily Caller reported")."""
    root = span.root
    if root.lower_ in L.REPORT_NOUNS:
        return True
    return not is_person(span) and (root.pos_ == "PROPN" or root.ent_type_ in ("ORG", "NORP"))


def _poll_prefix(sent: Span, text: str) -> RawStatement | None:
    """ "In an ABC News/Washington Post poll released Sept. 11, Clinton led, 50 percent to 41 percent"."""
    first = sent[0]
    if first.lower_ != "in" or len(sent) < 4:
        return None
    objects = [c for c in first.children if c.dep_ == "pobj"]
    if not objects or objects[0].lower_ not in L.POLL_NOUNS:
        return None
    obj = objects[0]
    comma = next((t for t in sent if t.i > obj.i and t.text == ","), None)
    if comma is None or comma.i - obj.i > 12:
        return None
    source = source_of_document(sent.doc[obj.left_edge.i: obj.i + 1])
    content = trim(text, comma.idx + 1, sent.end_char)
    return RawStatement("according_to", content, _span_of(first), source, refers_to=source)


def source_of_document(span: Span) -> Span:
    """For "an article published by the Combating Terrorism Center" or "the Pentagon's report", the author."""
    root = span.root
    if root.lower_ not in L.REPORT_NOUNS and root.lower_ not in ("article", "story", "journal", "paper"):
        return span
    if any(token.dep_ == "poss" and token.head == root for token in span):
        return span  # "the organization's IRS filings": the speakers index names the owner and the document
    for token in root.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in ("by", "from") \
                and (token.head.head == root or (token.head.head.head == root and token.head.head.dep_ == "acl")) \
                and (token.ent_type_ or token.pos_ == "PROPN" or token.lower_ in L.ORG_ROLE_NOUNS):
            return mention(token)
    for child in root.rights:  # "figures her campaign released"
        if child.dep_ in ("relcl", "acl"):
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects and not subjects[0].like_num:
                return mention(subjects[0])
    return span


def headline_statement(doc: Doc, article: Article) -> list[RawStatement]:
    """A headline prefix, "Pentagon: Flow of Foreign Fighters ... Drops 90%"; without a title, the first
    line when it stands alone as a paragraph."""
    title = article.title
    if not title:
        first_break = article.text.find("\n\n")
        title = article.text[:first_break] if 0 < first_break <= 160 and "\n" not in article.text[:first_break] \
            else None
    if not title:
        return []
    m = _HEADLINE_PREFIX.match(title)
    if not m or any(ch.isdigit() for ch in m.group(1)):
        return []
    source = doc.char_span(0, len(m.group(1)), alignment_mode="contract")
    if source is None:
        return []
    content = (m.end() - 1, len(title))
    cue = TextSpan(":", len(m.group(1)), len(m.group(1)) + 1)
    return [RawStatement("according_to", content, cue, source, refers_to=source)]
