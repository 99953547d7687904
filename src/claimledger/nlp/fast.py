"""claimledger's fast parse: the model's heavy components only where the analysis reads them.

For a batch of articles:

1. tokenize every document whole (all offsets stay those of the article's document);
2. cut it into sentence-sized chunks and keep those that may hold a figure, a quote or
   an attribution cue (:mod:`claimledger.nlp.chunks`);
3. run tok2vec, tagger and parser on the kept chunks only, as short Docs batched across
   the articles, and copy tags, heads and labels back; a chunk left out becomes one
   sentence with a flat tree;
4. set coarse parts of speech from the tags with array look-ups instead of the
   attribute_ruler and lemmatizer components (:mod:`claimledger.nlp.attributes`);
5. run the entity recognizer only on short windows around proper-noun runs in the
   parsed chunks (names of people and organisations, the only entities the analysis reads):
   its tok2vec on the runs with 4 tokens of context, its transition system on the runs
   with 2, with those vectors.

The result is one Doc per article with the same text and tokens as ``nlp(text)``;
where it was parsed, its sentences, tags and dependencies are the model's.

>>> fast = FastPipeline(load_model())  # doctest: +SKIP
>>> doc = next(fast.pipe(["Exports fell 10% to $90 million, the ministry said."]))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, IDX, LOWER, NORM, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import Model

from claimledger.nlp import transitions
from claimledger.nlp.attributes import TagMapper, register_lemmatizer
from claimledger.nlp.boundaries import START, paragraph_marks, set_sentence_starts
from claimledger.nlp.chunks import SOURCE, chunk_spans, marked_chunks, name_surnames, word_role
from claimledger.nlp.ops import one_blas_thread, use_blas_gemm

REQUIRED = ("tok2vec", "tagger", "parser")
CONTEXT = 4              # tokens each side that the tok2vec layers see (4 window-1 layers): a piece parsed with
#                          them gets the vectors, and so the tags and tree, of the whole Doc
NER_CONTEXT = 4          # the entity recognizer's own tok2vec sees 4 tokens each side as well
NER_STATE_CONTEXT = 2    # tokens each side of a name its transition system runs on
TOK2VEC_TOKENS = 3000    # tokens per tok2vec batch
_PROPER_TAGS = ("NNP", "NNPS")
_ROLE_CACHE = 50_000   # words whose first-pass role is remembered
UNPARSED = "claimledger_unparsed"  # doc.user_data key: token ranges that were only tokenized
TEXT = "claimledger_text"          # doc.user_data key: the text the Doc was made from


@dataclass
class _Piece:
    doc_index: int
    start: int      # token range in the article's Doc
    end: int
    left: int       # context tokens before and after it in its Doc
    right: int


class FastPipeline:
    """Parse articles with the heavy components run only on the chunks that need them."""

    def __init__(self, nlp: Language, batch_size: int = 32, chunk_batch_size: int = 256) -> None:
        missing = [name for name in REQUIRED if name not in nlp.pipe_names]
        if missing:
            raise ValueError(f"the fast path needs the components {', '.join(missing)} in the pipeline")
        self.nlp = nlp
        self.batch_size = batch_size
        self.chunk_batch_size = chunk_batch_size
        self.tok2vec = nlp.get_pipe("tok2vec")
        self.tagger = nlp.get_pipe("tagger")
        self.parser = nlp.get_pipe("parser")
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self.blas = use_blas_gemm(nlp)
        self.mapper = TagMapper(nlp)
        register_lemmatizer(nlp, self.mapper)
        strings = nlp.vocab.strings
        self._root, self._dep = strings.add("ROOT"), strings.add("dep")
        self._roles: dict[int, int] = {}
        self._subject_deps = numpy.array([strings.add(d) for d in ("nsubj", "nsubjpass")], dtype="uint64")
        self._proper = numpy.array([strings.add(t) for t in _PROPER_TAGS], dtype="uint64")

    def __call__(self, text: str, title_end: int = 0) -> Doc:
        return next(self.pipe([(text, title_end)]))

    def pipe(self, texts: Iterable[str | tuple[str, int]], batch_size: int | None = None) -> Iterator[Doc]:
        """Docs for the texts, in order; a text may come with where its title ends: ``(text, title_end)``."""
        for batch in minibatch(texts, size=batch_size or self.batch_size):
            with one_blas_thread():
                docs = self._batch([t if isinstance(t, tuple) else (t, 0) for t in batch])
            yield from docs

    # --- one batch ---------------------------------------------------------------------------
    def _batch(self, items: list[tuple[str, int]]) -> list[Doc]:
        docs = [self.nlp.make_doc(text) for text, _ in items]
        for doc, (text, _) in zip(docs, items, strict=True):
            doc.user_data[TEXT] = text   # spaCy rebuilds Doc.text token by token on every call
        pieces: list[_Piece] = []
        layouts: list[list[tuple[int, int, int]]] = []
        for d, (doc, (text, title_end)) in enumerate(zip(docs, items, strict=True)):
            layout = self._layout(doc, text, title_end)
            layouts.append(layout)
            pieces += self._pieces(d, len(doc), layout)
        subdocs = self._parse(docs, pieces)
        # second round: a chunk left out that names, in full, someone the parsed text names by surname
        # ("Air Force Maj. Gen. Peter Gersten, the deputy commander, spoke on Tuesday."): the full name,
        # the description and the antecedent of "he" come from it
        more: list[_Piece] = []
        for d, doc in enumerate(docs):
            subjects = self._subject_names(pieces, subdocs, d)
            if subjects:
                named = self._named_chunks(doc, items[d][0], layouts[d], subjects)
                more += self._pieces(d, len(doc), named)
                added = {(a, b) for a, b, _ in named}
                layouts[d] = [(a, b, SOURCE if (a, b) in added else role) for a, b, role in layouts[d]]
        if more:
            pieces = pieces + more
            subdocs = subdocs + self._parse(docs, more)
        by_doc: dict[int, list[tuple[_Piece, Doc]]] = {}
        for piece, sub in zip(pieces, subdocs, strict=True):
            by_doc.setdefault(piece.doc_index, []).append((piece, sub))
        for d, doc in enumerate(docs):
            self._annotate(doc, layouts[d], by_doc.get(d, []))
        if self.ner is not None:
            self._entities(docs, layouts)
        for doc in docs:
            doc.user_data.pop(_WORDS, None)
        return docs

    def _parse(self, docs: list[Doc], pieces: list[_Piece]) -> list[Doc]:
        subdocs = [self._subdoc(docs[p.doc_index], p) for p in pieces]
        # tok2vec in batches of about TOK2VEC_TOKENS tokens: its arrays then stay in the CPU's cache
        # (a third faster than one batch of 30,000 tokens); the tagger and parser read doc.tensor
        for batch in _by_tokens(subdocs, TOK2VEC_TOKENS):
            for _ in self.tok2vec.pipe(batch, batch_size=len(batch)):
                pass
        subdocs = list(self.tagger.pipe(subdocs, batch_size=self.chunk_batch_size))
        return transitions.pipe(self.parser, subdocs, self.chunk_batch_size)

    def _subject_names(self, pieces: list[_Piece], subdocs: list[Doc], d: int) -> set[str]:
        """The proper nouns (as written) that are subjects in an article's parsed pieces: the names
        sources go by ("Gersten told reporters")."""
        words: set[str] = set()
        for piece, sub in zip(pieces, subdocs, strict=True):
            if piece.doc_index != d:
                continue
            array = sub.to_array([TAG, DEP])[piece.left: piece.left + piece.end - piece.start]
            hits = numpy.isin(array[:, 0], self._proper) & numpy.isin(array[:, 1], self._subject_deps)
            words |= {sub[piece.left + int(i)].text for i in numpy.flatnonzero(hits)}
        return words

    @staticmethod
    def _named_chunks(doc: Doc, text: str, layout: list[tuple[int, int, int]],
                      names: set[str]) -> list[tuple[int, int, int]]:
        """The chunks left out that hold a name of two words or more ending in one of ``names``."""
        out = []
        for a, b, parse in layout:
            if not parse and name_surnames(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) & names:
                out.append((a, b, SOURCE))
        return out

    def _layout(self, doc: Doc, text: str, title_end: int) -> list[tuple[int, int, int]]:
        """Chunks as token ranges that cover the Doc, each with whether to parse it."""
        n = len(doc)
        if not n:
            return []
        spans = chunk_spans(text)
        if not spans:
            return [(0, n, False)]
        arrays = doc.to_array([IDX, LOWER])
        idx = arrays[:, 0].astype("int64")
        starts = numpy.searchsorted(idx, [a for a, _ in spans], side="left")
        starts[0] = 0
        # tokens that may start a figure, quote marks and cue words: one look-up per distinct word
        words, inverse = numpy.unique(arrays[:, 1], return_inverse=True)
        roles = numpy.array([self._word_role(int(w)) for w in words], dtype="int64")[inverse.reshape(-1)]
        hits = numpy.flatnonzero(roles)
        needed = numpy.zeros(len(spans), dtype="int64")
        numpy.maximum.at(needed, numpy.searchsorted(starts, hits, side="right") - 1, roles[hits])
        for k in marked_chunks(text, [a for a, _ in spans]):
            needed[k] = SOURCE
        needed[:numpy.searchsorted([a for a, _ in spans], title_end, side="left")] = SOURCE
        bounds = [int(x) for x in starts] + [n]
        return [(bounds[k], bounds[k + 1], int(needed[k])) for k in range(len(spans)) if bounds[k + 1] > bounds[k]]

    def _word_role(self, lower: int) -> int:
        role = self._roles.get(lower)
        if role is None:
            if len(self._roles) >= _ROLE_CACHE:   # a cache, not a vocabulary: start again when full
                self._roles.clear()
            role = self._roles[lower] = word_role(self.nlp.vocab.strings[lower])
        return role

    @staticmethod
    def _pieces(d: int, n: int, layout: list[tuple[int, int, int]]) -> list[_Piece]:
        """Runs of chunks to parse, each with up to CONTEXT tokens of context on both sides."""
        runs: list[list[int]] = []
        for a, b, parse in layout:
            if not parse:
                continue
            if runs and runs[-1][1] == a:
                runs[-1][1] = b
            else:
                runs.append([a, b])
        return [_Piece(d, a, b, min(CONTEXT, a), min(CONTEXT, n - b)) for a, b in runs]

    def _subdoc(self, doc: Doc, piece: _Piece) -> Doc:
        words, spaces, norms = _words(doc)
        a, b = piece.start - piece.left, piece.end + piece.right
        sub = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
        sub.from_array([NORM], norms[a:b])   # the tokenizer's exceptions set norms ("n't" -> "not") the models read
        marks = paragraph_marks(sub)
        marks.append((piece.left, START))
        if piece.right:
            marks.append((piece.left + piece.end - piece.start, START))
        set_sentence_starts(sub, marks)
        return sub

    def _annotate(self, doc: Doc, layout: list[tuple[int, int, int]], parsed: list[tuple[_Piece, Doc]]) -> None:
        n = len(doc)
        if not n:
            return
        tags = numpy.zeros(n, dtype="uint64")
        deps = numpy.full(n, self._dep, dtype="uint64")
        heads = numpy.zeros(n, dtype="int64")
        unparsed = []
        for a, b, parse in layout:
            if not parse:
                heads[a:b] = a - numpy.arange(a, b)   # a flat tree: one sentence, headed by its first token
                deps[a] = self._root
                unparsed.append((a, b))
        for piece, sub in parsed:
            array = sub.to_array([TAG, DEP, HEAD])[piece.left: piece.left + piece.end - piece.start]
            tags[piece.start: piece.end] = array[:, 0]
            deps[piece.start: piece.end] = array[:, 1]
            heads[piece.start: piece.end] = array[:, 2].astype("int64")
        self.mapper.annotate(doc, tags, heads.astype("uint64"), deps)
        doc.user_data[UNPARSED] = unparsed

    def _entities(self, docs: list[Doc], layouts: list[list[tuple[int, int, int]]]) -> None:
        """Entities from the recognizer run on proper-noun runs of the chunks that may hold a source.

        The recognizer's own tok2vec reads each run with NER_CONTEXT tokens each side (so the vectors are
        those of the whole Doc); its transition system then runs only on the runs with NER_STATE_CONTEXT
        tokens each side, with those vectors: its state features are the next word and the open entity,
        so away from other entities it makes the same moves. Per article, the windows are joined into
        one short Doc."""
        assert self.ner is not None
        wide: list[tuple[int, numpy.ndarray]] = []
        narrow: list[numpy.ndarray] = []
        for d, doc in enumerate(docs):
            array = doc.to_array([TAG, DEP])
            proper = numpy.isin(array[:, 0], self._proper)
            # names in chunks that may hold a source; elsewhere only names that are subjects, which
            # tell a person ("Jeb Bush got 10%") from the measure itself ("Exports rose 10%")
            seeds = numpy.zeros(len(doc), dtype=bool)
            subjects = proper & numpy.isin(array[:, 1], self._subject_deps)
            for a, b, role in layouts[d]:
                if role == SOURCE:
                    seeds[a:b] = proper[a:b]
                elif role:
                    seeds[a:b] = subjects[a:b]
            if not seeds.any():
                continue
            wide.append((d, numpy.flatnonzero(_dilate(seeds, NER_CONTEXT))))
            narrow.append(numpy.flatnonzero(_dilate(seeds, NER_STATE_CONTEXT)))
        if not wide:
            for doc in docs:
                doc.set_ents([], default="outside")
            return
        projected = self.ner.model.layers[0]   # the recognizer's tok2vec, projected to its hidden width
        vectors = projected.predict([self._window_doc(docs[d], positions) for d, positions in wide])
        rows: dict[int, numpy.ndarray] = {}
        subdocs = []
        offset = 0
        for (d, positions), kept in zip(wide, narrow, strict=True):
            sub = self._window_doc(docs[d], kept)
            rows[id(sub)] = vectors[offset + numpy.searchsorted(positions, kept)]
            offset += len(positions)
            subdocs.append(sub)
        found: dict[int, list[Span]] = {}
        self.ner.model.layers[0] = _given_vectors(rows)
        try:
            recognized = transitions.pipe(self.ner, subdocs, self.chunk_batch_size)
        finally:
            self.ner.model.layers[0] = projected
        for (d, _), positions, sub in zip(wide, narrow, recognized, strict=True):
            doc = docs[d]
            spans = []
            for ent in sub.ents:
                a, b = int(positions[ent.start]), int(positions[ent.end - 1]) + 1
                if b - a == ent.end - ent.start:   # an entity that spans a gap between windows is dropped
                    spans.append(Span(doc, a, b, label=ent.label))
            found[d] = spans
        for d, doc in enumerate(docs):
            doc.set_ents(found.get(d, []), default="outside")

    @staticmethod
    def _window_doc(doc: Doc, positions: numpy.ndarray) -> Doc:
        """A Doc of the tokens at ``positions`` (a space where the windows have gaps)."""
        all_words, all_spaces, norms = _words(doc)
        words = [all_words[i] for i in positions.tolist()]
        spaces = numpy.array(all_spaces, dtype=bool)[positions]
        spaces[:-1] |= numpy.diff(positions) != 1
        sub = Doc(doc.vocab, words=words, spaces=spaces.tolist())
        sub.from_array([NORM], norms[positions])
        return sub


def _dilate(mask: numpy.ndarray, width: int) -> numpy.ndarray:
    """Every position within ``width`` of a True one."""
    counts = numpy.concatenate([[0], numpy.cumsum(mask)])
    at = numpy.arange(len(mask))
    return counts[numpy.minimum(len(mask), at + width + 1)] > counts[numpy.maximum(0, at - width)]


def _given_vectors(rows: dict[int, numpy.ndarray]) -> Model:
    """A stand-in for the recognizer's tok2vec that returns vectors already computed, by Doc."""
    def forward(model: Model, docs: list[Doc], is_train: bool):
        return numpy.concatenate([rows[id(doc)] for doc in docs]), lambda d_vectors: []
    return Model("claimledger_given_vectors", forward)


_WORDS = "claimledger_words"


def _by_tokens(docs: list[Doc], budget: int) -> Iterator[list[Doc]]:
    """The Docs in order, in batches of about ``budget`` tokens (a longer Doc is a batch of its own)."""
    batch: list[Doc] = []
    size = 0
    for doc in docs:
        if batch and size + len(doc) > budget:
            yield batch
            batch, size = [], 0
        batch.append(doc)
        size += len(doc)
    if batch:
        yield batch


def doc_text(doc: Doc) -> str:
    """The Doc's text: the one the fast path made it from, else spaCy's ``Doc.text``."""
    text = doc.user_data.get(TEXT)
    if isinstance(text, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        return text
    return doc.text


def _words(doc: Doc) -> tuple[list[str], list[bool], numpy.ndarray]:
    """The Doc's token texts, trailing-space flags and norms (cached while the batch runs)."""
    cached = doc.user_data.get(_WORDS)
    if cached is None:
        arrays = doc.to_array([IDX, SPACY]).tolist()
        text = doc_text(doc)
        ends = [start for start, _ in arrays[1:]] + [len(text)]
        words = [text[start: end - space] for (start, space), end in zip(arrays, ends, strict=True)]
        cached = doc.user_data[_WORDS] = (words, [bool(space) for _, space in arrays], doc.to_array([NORM]))
    return cached
