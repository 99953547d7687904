"""The parser's and the entity recognizer's greedy transition loop, run with the GIL held.

spaCy's own loop (``Parser.greedy_parse``) releases the GIL and then calls small compiled
helpers (``Vec.arg_max`` in each state's maxout, the ``StateC`` accessors) that, in the
spaCy wheels built with Cython 3, take the GIL back to check for exceptions: several
times per hidden unit, per state, per step. Without the GIL each of those is a lock and a
condition variable; with it held, it is a counter. On the development machine that churn
was about three quarters of the parser's transition time.

This loop is spaCy's own training-time loop: the step model scores every unfinished
state (``ParserStepModel.predict``, the same feature sums in the same order), and
``Parser.transition_states`` applies the best valid move to each. The moves, and so the
heads, labels and entities, are the same as ``greedy_parse``'s; the tests hold it to that.

>>> states = parse_states(nlp.get_pipe("parser"), docs)   # doctest: +SKIP
>>> nlp.get_pipe("parser").set_annotations(docs, states)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc


def parse_states(component: Parser, docs: list[Doc]) -> list[Any]:
    """The final states of a greedy parse of ``docs`` (what ``component.predict`` returns), for
    ``component.set_annotations``. A component set to beam search keeps its own ``predict``."""
    if component.cfg.get("beam_width", 1) != 1 or not any(len(doc) for doc in docs):
        return component.predict(docs)
    component._ensure_labels_are_added(docs)
    batch = component.moves.init_batch(docs)
    model = component.model.predict(docs)
    try:
        score = _scorer(model)
        states = [state for state in batch if not state.is_final()]
        while states:
            states = component.transition_states(states, score(states))
    finally:
        model.clear_memory()
    return batch


def _scorer(model: Any) -> Callable[[list[Any]], numpy.ndarray]:
    """The step model's ``predict`` (spaCy's ``step_forward`` at inference) without its per-step
    overhead: the upper layer's weights are read once, and the minimum score is given to unseen
    classes only when there are any. The arithmetic is the same, in the same order."""
    upper = model.vec2scores if model.attrs["has_upper"] else None
    unseen = numpy.flatnonzero(model._class_mask == 0)
    if upper is None or upper.name != "linear":
        return model.predict
    W, b = upper.get_param("W"), upper.get_param("b")
    gemm, state2vec = upper.ops.gemm, model.state2vec

    def score(states: list[Any]) -> numpy.ndarray:
        scores = gemm(state2vec.predict(model.get_token_ids(states)), W, trans2=True)
        scores += b
        if len(unseen):
            scores[:, unseen] = numpy.nanmin(scores)
        return scores
    return score


def pipe(component: Parser, docs: list[Doc], batch_size: int) -> list[Doc]:
    """``component.pipe(docs, batch_size)`` through :func:`parse_states`."""
    for start in range(0, len(docs), batch_size):
        batch = docs[start: start + batch_size]
        component.set_annotations(batch, parse_states(component, batch))
    return docs
