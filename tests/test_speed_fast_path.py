"""The fast parse (claimledger.nlp.fast) gives the analysis of the full pipeline where it matters.

Functional tests only: no timing here (benchmarks/throughput.py measures speed).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimledger.model import Article
from claimledger.nlp.attributes import lemma_of
from claimledger.nlp.chunks import chunk_spans, may_hold_figure
from claimledger.nlp.fast import UNPARSED
from claimledger.pipeline import analyze_doc, fast_pipeline, parse_many

from .conftest import GOLD_FILES

TEXTS = [
    "Air Force Maj. Gen. Peter Gersten, the deputy commander for operations, spoke on Tuesday.\n\n"
    "“We saw 2,000 a month,” Maj. Gersten told reporters.\n\n“Now it is around 200,” he continued.",
    "Exports fell 10% to $90 million from $100 million, the ministry said. It rained all day.",
    "The weather was mild. According to the Pentagon, nearly 2,000 fighters crossed per month.",
    "Sen. Marco Rubio called the statement “offensive and outlandish.”\n\nJeb Bush got 10% in the poll.",
]


def _full_and_fast(nlp, text: str, title: str | None = None) -> tuple[dict, dict]:
    article = Article(id="a", text=text, title=title)
    fast_doc, _ = next(parse_many([article], nlp))
    return analyze_doc(nlp(article.document), article).to_dict(), analyze_doc(fast_doc, article).to_dict()


@pytest.mark.parametrize("text", TEXTS)
def test_fast_path_gives_the_full_pipeline_analysis(nlp, text):
    full, fast = _full_and_fast(nlp, text)
    for key in ("quantities", "claims", "statements", "checks"):
        assert fast[key] == full[key], key


def test_title_is_parsed_as_a_headline_source(nlp):
    full, fast = _full_and_fast(nlp, "The flow dropped from 2,000 a month to 200.", title="Pentagon: Flow Drops 90%")
    assert fast["claims"] == full["claims"]
    assert fast["claims"][0]["attribution"]["speaker"] == "Pentagon"


def test_only_chunks_with_figures_quotes_or_cues_are_parsed(nlp):
    doc = fast_pipeline(nlp)("It rained all day. Exports fell 10%, the ministry said.")
    assert doc.text == "It rained all day. Exports fell 10%, the ministry said."
    unparsed = doc.user_data[UNPARSED]
    assert [doc[a:b].text for a, b in unparsed] == ["It rained all day."]
    assert {t.pos_ for t in doc[0:4]} == {""}
    assert [t.pos_ for t in doc[5:7]] == ["NOUN", "VERB"]
    # every sentence still exists: a left-out chunk is one sentence with a flat tree
    assert [s.text.strip() for s in doc.sents] == ["It rained all day.", "Exports fell 10%, the ministry said."]


def test_same_tokens_and_tags_as_the_full_pipeline(nlp):
    text = TEXTS[0]
    full, fast = nlp(text), fast_pipeline(nlp)(text)
    assert [t.text for t in fast] == [t.text for t in full]
    parsed = [(f, q) for f, q in zip(full, fast, strict=True) if q.tag_]
    assert parsed
    assert all(f.tag_ == q.tag_ and f.pos_ == q.pos_ for f, q in parsed)


def test_lemmas_on_demand_match_the_lemmatizer(nlp):
    text = "She said they had told him the figures doubled, rose and were estimated."
    full, fast = nlp(text), fast_pipeline(nlp)(text)
    for f, q in zip(full, fast, strict=True):
        if f.pos_ in ("VERB", "AUX", "NOUN"):
            assert lemma_of(q) == f.lemma_.lower(), f.text


def test_lemma_of_falls_back_to_the_word_without_a_pipeline(nlp):
    doc = Doc(nlp.vocab, words=["Said"])
    assert lemma_of(doc[0]) in ("said", "say")


def test_chunks_cut_only_at_sure_sentence_ends():
    text = "Maj. Gen. Peter Gersten left the U.S. Army. He said 5. Then in 2015. Next.\n\nNew paragraph."
    assert [text[a:b] for a, b in chunk_spans(text)] == [
        "Maj. Gen. Peter Gersten left the U.S. Army. He said 5.", "Then in 2015.", "Next.", "New paragraph."]


@pytest.mark.parametrize(("text", "expected"), [
    ("It rained all day.", False), ("Dozens left.", True), ("Sales doubled.", True), ("Up ½ point", True),
    ("twenty-five people", True), ("In 2015, nothing.", True),
])
def test_may_hold_figure(text, expected):
    assert may_hold_figure(text) is expected


def test_analyze_many_streams_in_batches(nlp):
    from claimledger.pipeline import analyze_many

    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS * 20)]
    analyses = list(analyze_many(articles, nlp, batch_size=7))
    assert [a.article.id for a in analyses] == [a.id for a in articles]
    assert analyses[1].quantities[0].kind == "percent"


def test_pipelines_without_the_fast_components_still_work():
    import spacy

    from claimledger.pipeline import analyze

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert fast_pipeline(nlp) is None
    analysis = analyze("Exports fell 10% to $90 million.", nlp=nlp)
    assert [q.kind for q in analysis.quantities] == ["percent", "money"]


def test_blas_gemm_gives_the_same_parse_as_blis():
    import spacy
    from thinc.api import NumpyOps

    from claimledger.nlp.model import model_name
    from claimledger.nlp.ops import BlasOps, use_blas_gemm

    blis, blas = spacy.load(model_name()), spacy.load(model_name())
    assert use_blas_gemm(blas)
    assert isinstance(blas.get_pipe("ner").model.ops, BlasOps)
    assert type(blis.get_pipe("ner").model.ops) is NumpyOps
    for text in TEXTS:
        a, b = blis(text), blas(text)
        assert [(t.tag_, t.head.i, t.dep_, t.ent_type_, t.ent_iob_) for t in a] == \
            [(t.tag_, t.head.i, t.dep_, t.ent_type_, t.ent_iob_) for t in b]


def test_blas_gemm_can_be_turned_off(monkeypatch):
    import spacy

    from claimledger.nlp.model import model_name
    from claimledger.nlp.ops import BlasOps, use_blas_gemm

    monkeypatch.setenv("CLAIMLEDGER_GEMM", "blis")
    nlp = spacy.load(model_name())
    assert not use_blas_gemm(nlp)
    assert not isinstance(nlp.get_pipe("tok2vec").model.ops, BlasOps)


def test_blas_is_held_to_one_thread_only_while_claimledger_parses():
    from threadpoolctl import threadpool_info

    from claimledger.nlp.ops import one_blas_thread

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    before = blas_threads()
    if not before:
        pytest.skip("numpy has no BLAS that threadpoolctl can hold (claimledger then keeps blis)")
    with one_blas_thread():
        assert blas_threads() == {1}
    assert blas_threads() == before


def test_names_in_source_sentences_get_the_full_pipeline_entities(nlp):
    text = ("Sen. Marco Rubio of Florida told CNN on Sunday that the Pentagon had sent 3,000 troops.\n\n"
            "“It is not enough,” said Jeanne Shaheen, a Democrat from New Hampshire.")
    full, fast = nlp(text), fast_pipeline(nlp)(text)
    names = {"PERSON", "ORG", "GPE", "NORP"}
    assert {(e.text, e.label_) for e in fast.ents if e.label_ in names} == \
        {(e.text, e.label_) for e in full.ents if e.label_ in names}


def test_the_recognizer_gets_its_own_tok2vec_back_after_a_batch(nlp):
    fast = fast_pipeline(nlp)
    before = fast.ner.model.layers[0]
    fast("Sen. Marco Rubio said 10 people left.")
    assert fast.ner.model.layers[0] is before
    assert nlp("Marco Rubio spoke.").ents   # the plain pipeline still recognizes entities


def _articles_with_new_words(n: int, start: int = 0) -> list[Article]:
    return [Article(id=f"a{k}", text=f"Zorblax{k} Quintaro{k} said exports of grommet{k} rose 10% to $3 million.")
            for k in range(start, start + n)]


def test_a_stream_does_not_grow_the_vocabulary(nlp):
    from claimledger.pipeline import analyze_many

    list(analyze_many(_articles_with_new_words(40), nlp, batch_size=20))   # the first batch warms the caches
    size = len(nlp.vocab.strings)
    analyses = list(analyze_many(_articles_with_new_words(200, start=1000), nlp, batch_size=20))
    assert len(nlp.vocab.strings) <= size + 20   # at most the words of one warm-up batch of a new pipeline
    assert analyses[-1].claims[0].attribution.speaker == "Zorblax1199 Quintaro1199"
    assert [q.text for q in analyses[-1].quantities] == ["10%", "$3 million"]


def test_analyses_from_several_threads_equal_one_by_one(nlp):
    from concurrent.futures import ThreadPoolExecutor

    from claimledger.pipeline import analyze_article

    articles = _articles_with_new_words(12, start=5000) + [Article(id="t", text=t) for t in TEXTS]
    alone = [analyze_article(a, nlp).to_dict() for a in articles]
    with ThreadPoolExecutor(4) as pool:
        together = [a.to_dict() for a in pool.map(lambda a: analyze_article(a, nlp), articles)]
    assert together == alone


def _gold_texts() -> list[str]:
    from claimledger.evaluate import gold_article, load_gold

    return [gold_article(load_gold(path)).document for path in GOLD_FILES]


@pytest.mark.parametrize(("name", "attributes"), [("parser", ("HEAD", "DEP")), ("ner", ("ENT_IOB", "ENT_TYPE"))])
def test_transition_loop_with_the_gil_makes_spacys_moves(nlp, name, attributes):
    """claimledger's own greedy loop (nlp/transitions.py) gives the heads, labels and entities of
    spaCy's greedy_parse on the gold articles."""
    from claimledger.nlp.transitions import parse_states

    component = nlp.get_pipe(name)
    before = [n for n in nlp.pipe_names if n in ("tok2vec", "tagger")]
    docs = [nlp(text, disable=[n for n in nlp.pipe_names if n not in before]) for text in _gold_texts()]
    spacys, ours = [d.copy() for d in docs], [d.copy() for d in docs]
    component.set_annotations(spacys, component.predict(spacys))
    component.set_annotations(ours, parse_states(component, ours))
    assert sum(len(d) for d in docs) > 5000
    for a, b in zip(spacys, ours, strict=True):
        assert (a.to_array(list(attributes)) == b.to_array(list(attributes))).all()


def test_transition_loop_handles_empty_docs(nlp):
    from claimledger.nlp.transitions import pipe

    docs = [nlp.make_doc(""), nlp.make_doc("Exports rose 10%."), nlp.make_doc(" ")]
    for doc in docs:
        nlp.get_pipe("tok2vec")(doc)
    pipe(nlp.get_pipe("parser"), docs, batch_size=2)
    assert len(docs[0]) == 0
    assert [t.dep_ for t in docs[1]].count("ROOT") == 1
    assert docs[1][1].text == "rose" and docs[1][1].dep_ == "ROOT"


def test_paragraph_breaks_start_sentences_as_the_token_setter_would(nlp):
    from claimledger.nlp.boundaries import paragraph_boundaries

    text = "Title here\n\nFirst para, 10 words.\nSecond line \n\n\"Quote,\" he said.\n Last"
    ours, setter = nlp.make_doc(text), nlp.make_doc(text)
    paragraph_boundaries(ours)
    for token in setter[:-1]:   # what the component did before it wrote one array
        ws = token.text_with_ws
        if "\n" in ws and not ws.endswith(" ") and (token.is_space or ws.endswith("\n")):
            nxt = setter[token.i + 1]
            nxt.is_sent_start = True
            if nxt.i + 1 < len(setter) and not setter[nxt.i + 1].is_space and not setter[nxt.i + 1].is_punct:
                setter[nxt.i + 1].is_sent_start = False
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in setter]
    assert any(t.is_sent_start for t in ours)


def test_paragraph_breaks_refuse_a_parsed_doc(nlp):
    from claimledger.nlp.boundaries import paragraph_boundaries

    doc = nlp("One line.\n\nAnother line.")
    with pytest.raises(ValueError, match="before the parser"):
        paragraph_boundaries(doc)
