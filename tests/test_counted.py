"""What a figure counts (SPEC ``counted``): the noun phrase it modifies, read from the parse.

Sentences are from the gold articles and the dev corpus.
"""

from __future__ import annotations

import pytest

from claimledger import analyze

CASES = [
    # (sentence, figure, what it counts)
    ("Officials estimate that nearly 2,000 foreign fighters crossed into Syria each month.",
     "nearly 2,000", "foreign fighters"),
    ("Aides said more than 1 million donors made more than 2.5million contributions to Sanders' campaign.",
     "more than 1 million", "donors"),
    ("Campaign aides said the average donation during the October-to-December fundraising quarter was $27.16.",
     "$27.16", "average donation"),
    # a gap between two amounts counts nothing, and the other amount is no counted noun
    ("His haul puts him within $4million of the $37million raised by Democratic front-runner Hillary Clinton.",
     "within $4million", None),
]


@pytest.mark.parametrize(("sentence", "figure", "counted"), CASES)
def test_a_figure_counts_the_noun_it_modifies(nlp, sentence, figure, counted):
    analysis = analyze(sentence, nlp=nlp)
    by_text = {q.text: q for q in analysis.quantities}
    assert figure in by_text, sorted(by_text)
    assert by_text[figure].counted == counted


def test_counted_is_never_another_figure(nlp):
    analysis = analyze("Cruz's haul is a big jump from the $12.2million he raised, within $4million of "
                       "the $37million raised by Clinton. Turnover rose to 505.6 mln stg from 4,612.1 mln.",
                       nlp=nlp)
    for q in analysis.quantities:
        assert q.counted is None or (not q.counted[:1].isdigit() and not q.counted.startswith("$")), q
