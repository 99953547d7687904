"""Resolve source mentions to speakers: full names, titles stripped, pronouns and role nouns resolved.

"Air Force Maj. Gen. Peter Gersten", "Maj. Gersten", "he" → "Peter Gersten";
"the Post" → "Washington Post"; "The Pentagon’s" → "Pentagon".
A mention that cannot be resolved is reported as unresolved (``None``), never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimledger.lang import en_attribution as L
from claimledger.model import Speaker, TextSpan

_ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}
_POSSESSIVE = ("’s", "'s", "’", "'")
_PRONOUN_WINDOW = 1500  # characters back to look for a pronoun's speaker
_GENERIC_ORG_NOUNS = {"organization", "organisation", "group", "company", "firm", "institute", "agency",
                      "foundation", "bank", "committee", "commission"}
_MEDIA_NOUNS = {"magazine", "journal", "newspaper", "paper", "network", "station", "channel"}
_MEDIA_WORDS = ("Journal", "Times", "Post", "News", "Magazine", "Herald", "Tribune", "Gazette", "Review", "Press")


def _clean(text: str) -> str:
    text = " ".join(text.replace("\xa0", " ").split())
    for suffix in _POSSESSIVE:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    lowered = text.lower()
    for det in ("the ", "a ", "an "):
        if lowered.startswith(det):
            text = text[len(det):]
            break
    return text.strip(" ,.;:“”\"")


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in L.TITLES or token.text in (".",)


def _person_name(ent: Span) -> str:
    """A PERSON entity without titles and possessives: "Maj. Gen. Peter Gersten’s" → "Peter Gersten"."""
    tokens = [t for t in ent if not t.is_punct or t.text == "-"]
    while tokens and (_is_title(tokens[0]) or (tokens[0].text.endswith(".") and len(tokens[0]) <= 5)):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("’s", "'s", "’", "'"):
        tokens = tokens[:-1]
    return _clean(" ".join(t.text for t in tokens))


def _with_of_place(ent: Span) -> Span:
    """ "Public Policy Institute" + "of California": the NER often stops before the place."""
    doc = ent.doc
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "PROPN":
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
    return doc[ent.start: end]


@dataclass
class _Entry:
    name: str
    kind: str
    description: str | None = None
    mentions: list[TextSpan] = field(default_factory=list)
    last_position: int = -1


@dataclass(frozen=True)
class Resolved:
    name: str
    kind: str
    description: str | None


class SpeakerIndex:
    """Speakers of one document, built up as statements are resolved in reading order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entries: dict[str, _Entry] = {}
        self.full_names: dict[str, str] = {}   # surname (lower) -> fullest person name
        self.org_names: list[str] = []
        self.person_starts: list[tuple[int, str]] = []  # (char offset, canonical name) of person mentions
        self.ents: tuple[Span, ...] = tuple(doc.ents)  # spaCy rebuilds doc.ents on every access
        self.documentary: set[str] = set()  # speakers cited for documents, polls and data ("according to")
        for ent in self.ents:
            if ent.label_ == "PERSON":
                name = _person_name(ent)
                if not name:
                    continue
                key = name.split()[-1].lower()
                if len(name) > len(self.full_names.get(key, "")):
                    self.full_names[key] = name
            elif ent.label_ in _ORG_LABELS:
                self.org_names.append(_clean(_with_of_place(ent).text))
        for ent in self.ents:
            # people who act in their clause (subjects), the likely antecedents of "he" or "she"
            if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass", "appos", "conj"):
                name = _person_name(ent)
                if name:
                    self.person_starts.append((ent.start_char, self.full_names[name.split()[-1].lower()]))

    # --- canonical names ------------------------------------------------------------------------
    def _org_name(self, text: str) -> str:
        """The fullest organisation name the article uses for a mention: "Post" → "Washington Post"."""
        head = text.split()[-1].lower() if text else ""
        candidates = [o for o in self.org_names if o.lower().endswith(head) and len(o) > len(text)
                      and o.lower().endswith(text.lower())]
        return max(candidates, key=len) if candidates else text

    def _person_description(self, full: str, ent: Span) -> str | None:
        """The description at the fullest mention of a person ("Air Force Maj. Gen. Peter Gersten, the ...")."""
        for other in self.ents:
            if other.label_ == "PERSON" and _person_name(other) == full:
                found = self._description_of(other)
                if found:
                    return found
        return self._description_of(ent)

    def _description_of(self, ent: Span) -> str | None:
        """Titles before the name and an appositive after it."""
        doc = ent.doc
        parts = []
        i = ent.start
        while i > 0 and not doc[i].is_sent_start and (
                doc[i - 1].is_title or doc[i - 1].is_upper or _is_title(doc[i - 1])
                or (doc[i - 1].lower_ == "of" and i - 2 >= 0 and doc[i - 2].is_title)):
            if doc[i - 1].is_punct and doc[i - 1].text != ".":
                break
            i -= 1
        titles = [t for t in ent if _is_title(t) and t.text != "."]
        pre = doc[i: ent.start].text.strip() if i < ent.start else ""
        if titles and not pre:
            first_name_token = next((t for t in ent if not _is_title(t) and not t.text.endswith(".")), None)
            if first_name_token is not None and first_name_token.i > ent.start:
                pre = doc[ent.start: first_name_token.i].text
        if pre and pre.split()[0].lower() in ("during", "in", "on", "at", "by", "for", "when"):
            pre = ""
        if pre:
            parts.append(pre)
        root = ent.root
        appositions = [c for c in root.children if c.dep_ == "appos" and c.i > ent.end - 1]
        if appositions:
            subtree = list(appositions[0].subtree)
            text = doc[subtree[0].i: subtree[-1].i + 1].text
            parts.append(_clean(text))
        return ", ".join(parts) if parts else None

    # --- resolution ----------------------------------------------------------------------------
    def resolve(self, source: Span | None, position: int) -> Resolved | None:
        """The speaker a source mention refers to, or None when it cannot be told."""
        if source is None or not len(source):
            return None
        words = [t for t in source if not t.is_punct]
        if not words:
            return None
        first = words[0].lower_
        if len(words) == 1 and (first in L.PERSON_PRONOUNS or first in L.GROUP_PRONOUNS or first in L.ORG_PRONOUNS):
            if first in ("i", "we"):
                return None
            resolved = self._pronoun(first, position)
        else:
            resolved = self._named(source)
        if resolved is not None:
            self._record(resolved, source, position)
        return resolved

    def _named(self, source: Span) -> Resolved | None:
        inside = self._ents_in(source)
        persons = [e for e in inside if e.label_ == "PERSON"]
        root = source.root
        if persons and not (root.lower_ in L.ORG_ROLE_NOUNS and root not in persons[0]):
            ent = persons[0]
            name = _person_name(ent)
            if name:
                full = self.full_names.get(name.split()[-1].lower(), name)
                return Resolved(full, "person", self._person_description(full, ent))
        position = source.start_char
        determiners = [c for c in root.children if c.dep_ in ("det", "poss") and c.i >= source.start]
        determiner = determiners[0].lower_ if determiners else (root.doc[root.i - 1].lower_ if root.i > 0 else "")
        # "his campaign", "her campaign": the campaign of the person the pronoun stands for
        if determiner in ("his", "her", "their"):
            owner = self._pronoun({"his": "he", "her": "she", "their": "they"}[determiner], position)
            if owner is not None:
                return Resolved(f"{owner.name}'s {root.text}", "organization", None)
        # "the organization's IRS filings": whose filings, then which
        possessors = [t for t in root.children if t.dep_ == "poss" and t.i >= source.start]
        if root.lower_ in L.REPORT_NOUNS and possessors:
            owner_span = root.doc[possessors[0].left_edge.i: possessors[0].i + 1]
            owner = self.resolve_inner(owner_span, position)
            after = possessors[0].i + 1
            while after < source.end and root.doc[after].text in ("’s", "'s", "’", "'"):
                after += 1
            rest = _clean(root.doc[after: source.end].text)
            if owner is not None:
                return Resolved(f"{owner.name} {rest}".strip(), "organization", None)
        orgs = [e for e in inside if e.label_ in _ORG_LABELS]
        if orgs and root.lower_ not in L.ROLE_NOUNS and (
                root in orgs[0] or root.lower_ in L.REPORT_NOUNS or root.lower_ in L.ORG_ROLE_NOUNS
                or root.pos_ == "PROPN"):
            name = self._org_name(_clean(_with_of_place(orgs[0]).text))
            if root.lower_ in L.REPORT_NOUNS and root not in orgs[0]:
                name = f"{name} {root.text}"
            return Resolved(name, "organization", None)
        if determiner in ("the", "this", "that", "its", "these", "those"):
            # a role noun ("the general") refers to the last person with that role
            if root.lower_ in L.ROLE_NOUNS:
                for entry in sorted(self.entries.values(), key=lambda e: -e.last_position):
                    if entry.kind == "person" and root.lower_ in (entry.description or "").lower():
                        return Resolved(entry.name, entry.kind, entry.description)
            # "the magazine", "that poll": the last organisation of that sort
            if root.lower_ in L.ORG_ROLE_NOUNS:
                found = self._last_org_like(root.lower_, position)
                if found is not None:
                    return found
        if root.pos_ == "PROPN":
            if any(_is_title(t) for t in source if t.i < root.i) or root.ent_type_ == "PERSON":
                name = _clean(" ".join(t.text for t in source if not _is_title(t) and t.pos_ == "PROPN"))
                if name:
                    full = self.full_names.get(name.split()[-1].lower(), name)
                    return Resolved(full, "person", None)
            return Resolved(self._org_name(_clean(source.text)), "organization", None)
        text = _clean(source.text)
        if not text or len(text.split()) > 10:
            return None
        return Resolved(text, "document" if root.lower_ in L.REPORT_NOUNS else "group", None)

    def _ents_in(self, span: Span) -> list[Span]:
        return [e for e in self.ents if span.start <= e.start and e.end <= span.end]

    def resolve_inner(self, mention: Span, position: int) -> Resolved | None:
        """Resolve a mention without recording it as a speaker (a possessor, an owner)."""
        words = [t for t in mention if not t.is_punct and t.text not in ("’s", "'s")]
        if len(words) == 1 and words[0].lower_ in (*L.PERSON_PRONOUNS, *L.GROUP_PRONOUNS, *L.ORG_PRONOUNS):
            return self._pronoun(words[0].lower_, position)
        return self._named(mention)

    def _last_org_like(self, noun: str, position: int) -> Resolved | None:
        """The most recent organisation speaker, or organisation named, that a role noun can stand for."""
        entries = [e for e in self.entries.values() if e.kind == "organization" and e.last_position <= position]
        fitting = [e for e in entries if noun in e.name.lower()]
        if not fitting and noun in L.REPORT_NOUNS:
            fitting = [e for e in entries if e.name in self.documentary]  # "the poll": whoever's poll was last cited
        if fitting:
            best = max(fitting, key=lambda e: e.last_position)
            return Resolved(best.name, best.kind, best.description)
        named = [e for e in self.ents if e.label_ == "ORG" and e.end_char <= position]
        for ent in reversed(named):
            text = _clean(_with_of_place(ent).text)
            if noun in text.lower() or (noun in _MEDIA_NOUNS and any(w in text for w in _MEDIA_WORDS)):
                return Resolved(self._org_name(text), "organization", None)
        if noun in _GENERIC_ORG_NOUNS and named:
            return Resolved(self._org_name(_clean(_with_of_place(named[-1]).text)), "organization", None)
        return None

    def _pronoun(self, pronoun: str, position: int) -> Resolved | None:
        wanted = "person" if pronoun in L.PERSON_PRONOUNS else ("organization" if pronoun in L.ORG_PRONOUNS else None)
        if pronoun in ("i", "we"):
            return None  # inside a quote; the quote's own speaker applies
        # the most recent speaker of a compatible kind, or failing that the most recent person named
        best: _Entry | None = None
        for entry in self.entries.values():
            if entry.last_position < position - _PRONOUN_WINDOW or entry.last_position > position:
                continue
            if wanted and entry.kind != wanted and pronoun not in L.GROUP_PRONOUNS:
                continue
            if best is None or entry.last_position > best.last_position:
                best = entry
        named = [(s, n) for s, n in self.person_starts if position - _PRONOUN_WINDOW <= s < position]
        if wanted == "person" and named and (best is None or named[-1][0] > best.last_position):
            name = named[-1][1]
            entry = self.entries.get(name)
            return Resolved(name, "person", entry.description if entry else None)
        if best is None:
            return None
        return Resolved(best.name, best.kind, best.description)

    def _record(self, resolved: Resolved, source: Span, position: int) -> None:
        entry = self.entries.get(resolved.name)
        if entry is None:
            entry = self.entries[resolved.name] = _Entry(resolved.name, resolved.kind, resolved.description)
        elif resolved.description and not entry.description:
            entry.description = resolved.description
        mention = TextSpan(source.text, source.start_char, source.end_char)
        if mention not in entry.mentions:
            entry.mentions.append(mention)
        entry.last_position = max(entry.last_position, position)

    def mark_documentary(self, name: str) -> None:
        """Remember a source cited for figures ("according to X"), which "the poll" or "the report" may mean."""
        self.documentary.add(name)

    def kind_of(self, name: str) -> str | None:
        entry = self.entries.get(name)
        return entry.kind if entry else None

    def description(self, name: str) -> str | None:
        entry = self.entries.get(name)
        return entry.description if entry else None

    def speakers(self) -> tuple[Speaker, ...]:
        """Every resolved speaker with all its mentions, including named mentions outside statements."""
        out = []
        for entry in self.entries.values():
            mentions = list(entry.mentions)
            if entry.kind == "person":
                surname = entry.name.split()[-1]
                for ent in self.ents:
                    if ent.label_ == "PERSON" and _person_name(ent).split()[-1:] == [surname]:
                        span = TextSpan(ent.text, ent.start_char, ent.end_char)
                        if not any(m.start < span.end and span.start < m.end for m in mentions):
                            mentions.append(span)
            elif entry.kind == "organization":
                for ent in self.ents:
                    if ent.label_ in _ORG_LABELS and self._org_name(_clean(_with_of_place(ent).text)) == entry.name:
                        span = TextSpan(ent.text, ent.start_char, ent.end_char)
                        if not any(m.start < span.end and span.start < m.end for m in mentions):
                            mentions.append(span)
            mentions.sort(key=lambda m: m.start)
            out.append(Speaker(entry.name, entry.kind, entry.description, tuple(mentions)))
        return tuple(out)
