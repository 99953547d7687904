"""The spaCy component: nlp.add_pipe("claimledger") on an English pipeline."""

from __future__ import annotations

import pickle

import spacy

from claimledger.model import Analysis
from claimledger.nlp.model import model_name


def test_add_pipe_sets_the_analysis_on_the_doc():
    nlp = spacy.load(model_name())
    nlp.add_pipe("claimledger")
    doc = nlp("Exports fell 10% to $90 million from $100 million, the ministry said.")
    data = doc._.claimledger
    assert [q["kind"] for q in data["quantities"]] == ["percent", "money", "money"]
    assert doc._.claims == data["claims"]
    assert data["claims"][0]["attribution"]["speaker"] == "ministry"
    analysis = Analysis.from_dict(data)
    assert analysis.checks[0].verdict == "consistent"
    # plain values only: the Doc still pickles and crosses processes
    assert pickle.loads(pickle.dumps(data)) == data


def test_component_reads_the_publication_date_from_the_doc():
    nlp = spacy.load(model_name())
    nlp.add_pipe("claimledger")
    doc = nlp.make_doc("In February, officials estimated that 300 people had left.")
    doc._.claimledger_published = "2016-04-27"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    claim = doc._.claims[0]
    assert claim["time"]["start_date"] == "2016-02-01"
