"""Coarse part of speech and lemmas without the attribute_ruler and lemmatizer components.

The English model maps each fine tag to a coarse part of speech (and morphology) with
179 attribute-ruler patterns and then lemmatizes every token; together that costs more
than the tagger and parser. claimledger reads only a handful of lemmas (speech, change
and measure verbs), so the fast path maps tags to parts of speech with array look-ups
(the same patterns, read from the model) and computes a lemma only when code asks for
it (:func:`lemma_of`), with the model's own lemmatizer tables and a cache.

>>> lemma_of(nlp("He said so.")[1])  # doctest: +SKIP
'say'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

_AUX_DEPS = ("aux", "auxpass")
_DO_HAVE = ("do", "does", "did", "'d", "have", "has", "had")
_DO_HAVE_DEPS = ("ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp")
_BE_AFTER_EXPL = ("is", "are", "was", "were", "'s", "'re")


class TagMapper:
    """The attribute ruler's tag map and its single-token exceptions, applied to whole arrays at once."""

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self.strings = strings
        self.morphology = nlp.vocab.morphology
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.component_names else None
        self.tag_pos: dict[int, int] = {}
        self.tag_morph: dict[int, int] = {}
        self.exceptions: dict[tuple[int, int], tuple[int | None, int | None]] = {}
        self.lemmas: dict[tuple[str, str], str] = {}   # (tag, lower) -> lemma set by the attribute ruler
        for pattern in ruler.patterns if ruler is not None else ():
            attrs = pattern["attrs"]
            tokens = pattern["patterns"][0]
            if len(pattern["patterns"]) != 1 or len(tokens) != 1:
                continue
            token = tokens[0]
            pos = POS_IDS[attrs["POS"]] if "POS" in attrs else None
            morph = self.morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None
            if set(token) == {"TAG"} and isinstance(token["TAG"], str):
                tag = strings.add(token["TAG"])
                if pos is not None:
                    self.tag_pos[tag] = pos
                if morph is not None:
                    self.tag_morph[tag] = morph
            elif set(token) == {"TAG", "LOWER"} and isinstance(token["TAG"], str):
                lowers = token["LOWER"]["IN"] if isinstance(token["LOWER"], dict) else [token["LOWER"]]
                for lower in lowers:
                    if not isinstance(lower, str):
                        continue
                    self.exceptions[(strings.add(token["TAG"]), strings.add(lower))] = (pos, morph)
                    if "LEMMA" in attrs:
                        self.lemmas[(token["TAG"], lower)] = attrs["LEMMA"]
        self._ids = {name: strings.add(name) for name in (
            "TO", "IN", "DT", "WDT", "_SP", "mark", "det", "quantmod", "expl", "dep", "ROOT", *_AUX_DEPS,
            *_DO_HAVE, *_DO_HAVE_DEPS, *_BE_AFTER_EXPL)}
        self._pos_lookup: dict[int, tuple[int, int]] = {}

    def pos_and_morph(self, tags: numpy.ndarray, deps: numpy.ndarray, lowers: numpy.ndarray,
                      spaces: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """POS and MORPH arrays for tokens with the given TAG, DEP, LOWER and IS_SPACE arrays."""
        ids = self._ids
        pos = numpy.zeros(len(tags), dtype="uint64")
        morph = numpy.zeros(len(tags), dtype="uint64")
        unique, inverse = numpy.unique(tags, return_inverse=True)
        pos[:] = numpy.array([self.tag_pos.get(int(t), 0) for t in unique], dtype="uint64")[inverse]
        morph[:] = numpy.array([self.tag_morph.get(int(t), 0) for t in unique], dtype="uint64")[inverse]
        if self.exceptions:
            pairs = numpy.stack([tags, lowers], axis=1)
            uniq_pairs, inverse = numpy.unique(pairs, axis=0, return_inverse=True)
            inverse = inverse.reshape(-1)
            for k, (tag, lower) in enumerate(uniq_pairs):
                found = self.exceptions.get((int(tag), int(lower)))
                if found is None:
                    continue
                where = inverse == k
                if found[0] is not None:
                    pos[where] = found[0]
                if found[1] is not None:
                    morph[where] = found[1]
        aux = numpy.isin(deps, [ids[d] for d in _AUX_DEPS]) & ~numpy.isin(tags, [ids["TO"], 0])
        pos[aux] = POS_IDS["AUX"]
        verb = numpy.isin(lowers, [ids[w] for w in _DO_HAVE]) & numpy.isin(deps, [ids[d] for d in _DO_HAVE_DEPS])
        pos[verb] = POS_IDS["VERB"]
        pos[(tags == ids["IN"]) & (deps == ids["mark"])] = POS_IDS["SCONJ"]
        pron = numpy.isin(tags, [ids["DT"], ids["WDT"]]) & ~numpy.isin(deps, [ids["det"], ids["quantmod"], 0])
        pos[pron] = POS_IDS["PRON"]
        expl = numpy.flatnonzero(deps[:-1] == ids["expl"]) + 1
        if len(expl):
            expl = expl[numpy.isin(lowers[expl], [ids[w] for w in _BE_AFTER_EXPL])]
            pos[expl] = POS_IDS["VERB"]
        space = spaces.astype(bool)
        pos[(tags == ids["_SP"]) & ~space] = POS_IDS["X"]
        pos[space] = POS_IDS["SPACE"]
        return pos, morph

    def annotate(self, doc: Doc, tags: numpy.ndarray, heads: numpy.ndarray, deps: numpy.ndarray) -> None:
        """Set TAG, POS, MORPH, HEAD (relative) and DEP on ``doc`` from whole-document arrays."""
        lexical = doc.to_array([LOWER, IS_SPACE])
        spaces = lexical[:, 1].astype(bool)
        tags = tags.copy()
        tags[spaces] = self._ids["_SP"]
        deps = deps.copy()
        deps[spaces & (deps != 0)] = self._ids["dep"]
        pos, morph = self.pos_and_morph(tags, deps, lexical[:, 0], lexical[:, 1])
        doc.from_array([TAG, POS, MORPH, DEP, "HEAD"], numpy.stack([tags, pos, morph, deps, heads], axis=1)
                       .astype("uint64"))


# --- lemmas ------------------------------------------------------------------------------------

_LEMMATIZER: dict[str, Any] = {}


def register_lemmatizer(nlp: Language, mapper: TagMapper | None = None) -> None:
    """Use this pipeline's lemmatizer tables for :func:`lemma_of` on Docs that carry no lemmas."""
    if "lemmatizer" not in nlp.component_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    # plain dicts and sets: the lookups tables hash every key and keep the index as lists
    names = [name.lower() for name in POS_IDS if name]
    index, exc, rules = (lookups.get_table(t, {}) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    _LEMMATIZER["index"] = {pos: set(index[pos]) for pos in names if pos in index}
    _LEMMATIZER["exc"] = {pos: dict(exc[pos]) for pos in names if pos in exc}
    _LEMMATIZER["rules"] = {pos: list(rules[pos]) for pos in names if pos in rules}
    _LEMMATIZER["ruler"] = mapper.lemmas if mapper is not None else {}
    _lemma.cache_clear()


def _is_base_form(univ: str, morph: str) -> bool:
    """``EnglishLemmatizer.is_base_form``: uninflected forms are their own lemma."""
    features = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
    if univ == "noun" and features.get("Number") == "Sing":
        return True
    if univ == "verb" and features.get("VerbForm") == "Fin" and features.get("Tense") == "Pres" \
            and "Number" not in features:
        return True
    if univ == "adj" and features.get("Degree") == "Pos":
        return True
    return features.get("VerbForm") in ("Inf", "None") or features.get("Degree") == "Pos"


@lru_cache(maxsize=16384)
def _lemma(lower: str, pos: str, tag: str, morph: str) -> str:
    """The English lemmatizer's rule lemma (``EnglishLemmatizer.rule_lemmatize``) for one word form."""
    ruler = _LEMMATIZER.get("ruler", {})
    if (tag, lower) in ruler:
        return ruler[(tag, lower)].lower()
    univ = pos.lower()
    if not _LEMMATIZER or univ in ("", "eol", "space") or _is_base_form(univ, morph):
        return lower
    index = _LEMMATIZER["index"].get(univ, {})
    exceptions = _LEMMATIZER["exc"].get(univ, {})
    rules = _LEMMATIZER["rules"].get(univ, {})
    if not (index or exceptions or rules):
        return lower
    forms: list[str] = []
    oov: list[str] = []
    for old, new in rules:
        if lower.endswith(old):
            form = lower[: len(lower) - len(old)] + new
            if not form:
                continue
            if form in index:
                forms.insert(0, form)
            elif not form.isalpha():
                forms.append(form)
            else:
                oov.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exceptions.get(lower, []):
        if form not in forms:
            forms.insert(0, form)
    return (forms or oov or [lower])[0]


def lemma_of(token: Token) -> str:
    """The token's lemma in lower case: the pipeline's when it set one, else computed on demand."""
    lemma = token.lemma_
    if lemma:
        return lemma.lower()
    return _lemma(token.lower_, token.pos_, token.tag_, str(token.morph))
