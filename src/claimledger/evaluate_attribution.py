"""Score attributed statements (who said what) against PolNeAR, an attribution corpus in brat format.

A gold event has a content (possibly in several fragments), a cue and at most one
source mention. Scoring, for all events and for direct or mixed quotes apart:

- **content recall**: a gold event is found when one predicted statement's content
  covers at least half of the gold content's characters;
- **recall with the right source**: found by a statement whose ``source`` span
  overlaps the gold Source. A gold event without a source (passive or agentless:
  "were said to") has no mention to get wrong, so it counts as right-source
  whenever it is found;
- **precision**: predicted statements whose content overlaps some gold content,
  over all predicted statements. For direct quotes: predicted statements of type
  ``direct`` whose content overlaps the content of a gold direct or mixed quote,
  over all predicted ``direct`` statements.

A gold event is a direct or mixed quote when its content contains a quotation mark
(``"``, ``“`` or ``”``), whether the content begins, ends or only partly lies inside a quote.

>>> articles = load_polnear("tests/fixtures/polnear")
>>> [(a.id, len(a.events)) for a in articles]
[('mayor-budget', 4), ('poll-lead', 3)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.evaluate import Tally, offset_map

__all__ = [
    "ArticleAttribution",
    "AttributionReport",
    "AttributionScore",
    "BratSpan",
    "PolnearArticle",
    "PolnearEvent",
    "attribution_score",
    "evaluate_polnear",
    "load_polnear",
    "parse_ann",
    "score_statements",
]

QUOTE_MARKS = frozenset('"“”')
CONTENT_COVERAGE = 0.5  # share of the gold content characters a statement must cover
IGNORED_TYPES = frozenset({"Discuss", "Discard"})  # annotator notes, not attributions


@dataclass(frozen=True)
class BratSpan:
    """A span of the article text in one or more fragments ``[start, end)``."""

    fragments: tuple[tuple[int, int], ...]
    text: str = ""

    @property
    def start(self) -> int:
        return min(start for start, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(end for _, end in self.fragments)

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.fragments)

    def overlap(self, start: int, end: int) -> int:
        """How many characters of this span lie inside ``[start, end)``.

        >>> BratSpan(((0, 10), (20, 30))).overlap(5, 25)
        10
        """
        return sum(max(0, min(end, f_end) - max(start, f_start)) for f_start, f_end in self.fragments)


@dataclass(frozen=True)
class PolnearEvent:
    """One gold attribution: content, cue, the local source mention (or None), and whether it quotes."""

    id: str
    content: BratSpan
    cue: BratSpan | None
    source: BratSpan | None
    direct: bool


@dataclass(frozen=True)
class PolnearArticle:
    """An article of the corpus, with the events of one annotator (``annotation`` names the file)."""

    id: str
    text: str
    events: tuple[PolnearEvent, ...]
    annotation: str = ""


# --- reading brat standoff -----------------------------------------------------------------------

def load_polnear(directory: str | Path) -> list[PolnearArticle]:
    """Read ``text/*.txt`` and, per article, the alphabetically first ``attributions/<article>_*.ann``.

    Articles without an annotation file are left out.

    >>> article = load_polnear("tests/fixtures/polnear")[1]
    >>> [(e.id, e.direct, e.source.text if e.source else None) for e in article.events]
    [('E1', False, 'a new poll'), ('E2', True, 'The survey’s director, Tom Bell'), ('E3', False, 'Poll')]
    """
    root = Path(directory)
    annotations: dict[str, list[Path]] = {}
    for ann in (root / "attributions").glob("*.ann"):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    articles = []
    for text_path in sorted((root / "text").glob("*.txt")):
        files = sorted(annotations.get(text_path.stem, []), key=lambda p: p.name)
        if not files:
            continue
        # brat offsets count characters of the file as it is: no newline translation
        text = text_path.read_bytes().decode("utf-8")
        events = parse_ann(files[0].read_text(encoding="utf-8"), text, source_name=files[0].name)
        articles.append(PolnearArticle(text_path.stem, text, tuple(events), files[0].name))
    return articles


def parse_ann(ann: str, text: str, source_name: str = "annotation") -> list[PolnearEvent]:
    """The attribution events of one ``.ann`` file; events without content are left out.

    >>> text = 'Taxes will rise, she said.'
    >>> ann = "\\n".join(["T1\\tContent 0 15\\tTaxes will rise", "T2\\tCue 21 25\\tsaid",
    ...                  "E1\\tAttribution:T2 Content:T1 Cue:T2"])
    >>> [(e.content.text, e.cue.text, e.source) for e in parse_ann(ann, text)]
    [('Taxes will rise', 'said', None)]
    """
    spans: dict[str, tuple[str, BratSpan]] = {}
    event_lines: list[tuple[str, str]] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        columns = line.split("\t")
        try:
            if line.startswith("T"):
                label, offsets = columns[1].split(" ", 1)
                fragments = tuple(_fragment(part) for part in offsets.split(";"))
                spans[columns[0]] = (label, BratSpan(fragments, " ".join(text[s:e] for s, e in fragments)))
            elif line.startswith("E"):
                event_lines.append((columns[0], columns[1]))
        except (IndexError, ValueError) as error:
            raise ValueError(f"{source_name} line {number} is not brat standoff: {line!r}") from error
    events = (_event(event_id, roles, spans, text) for event_id, roles in event_lines)
    return [event for event in events if event is not None]


def _fragment(part: str) -> tuple[int, int]:
    start, end = part.split()
    return int(start), int(end)


def _event(event_id: str, roles: str, spans: Mapping[str, tuple[str, BratSpan]],
           text: str) -> PolnearEvent | None:
    content: list[tuple[int, int]] = []
    cue = source = None
    for role in roles.split():
        name, _, ref = role.partition(":")
        label, span = spans.get(ref, ("", None))
        if span is None or label in IGNORED_TYPES:
            continue
        if name.startswith("Content"):  # Content2: a second stretch of the same statement
            content += span.fragments
        elif name == "Cue" and cue is None:
            cue = span
        elif name == "Source" and source is None:
            source = span
    if not content:
        return None  # a stub without content cannot be found by anyone
    fragments = tuple(sorted(content))
    merged = BratSpan(fragments, " ".join(text[start:end] for start, end in fragments))
    if merged.length == 0:
        return None
    return PolnearEvent(event_id, merged, cue, source, direct=_is_quote(merged.text))


def _is_quote(content: str) -> bool:
    return any(mark in content for mark in QUOTE_MARKS)


# --- scoring -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Predicted:
    """The parts of a predicted statement that are scored; spans are None when unusable."""

    type: str | None
    content: tuple[int, int] | None
    source: tuple[int, int] | None


def _offsets(span: Any) -> tuple[int, int] | None:
    if not isinstance(span, Mapping):
        return None
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and start < end:
        return start, end
    return None


def _read_statement(data: Any) -> _Predicted:
    if not isinstance(data, Mapping):
        return _Predicted(None, None, None)
    return _Predicted(data.get("type"), _offsets(data.get("content")), _offsets(data.get("source")))


@dataclass
class AttributionScore:
    """Counts for one article or many; the rates are computed from them."""

    found: Tally = field(default_factory=Tally)
    right_source: Tally = field(default_factory=Tally)
    precision: Tally = field(default_factory=Tally)
    direct_found: Tally = field(default_factory=Tally)
    direct_right_source: Tally = field(default_factory=Tally)
    direct_precision: Tally = field(default_factory=Tally)
    events_without_source: int = 0

    def __add__(self, other: AttributionScore) -> AttributionScore:
        return AttributionScore(
            self.found + other.found,
            self.right_source + other.right_source,
            self.precision + other.precision,
            self.direct_found + other.direct_found,
            self.direct_right_source + other.direct_right_source,
            self.direct_precision + other.direct_precision,
            self.events_without_source + other.events_without_source,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "all": _rates(self.found, self.right_source, self.precision),
            "direct": _rates(self.direct_found, self.direct_right_source, self.direct_precision),
            "events_without_source": self.events_without_source,
        }


def _rates(found: Tally, right_source: Tally, precision: Tally) -> dict[str, Any]:
    return {
        "content_recall": found.ratio,
        "right_source_recall": right_source.ratio,
        "precision": precision.ratio,
        "events": found.total,
        "found": found.hits,
        "found_right_source": right_source.hits,
        "predicted": precision.total,
        "correct": precision.hits,
    }


def score_statements(article: PolnearArticle, pred_statements: Sequence[Any]) -> dict[str, Any]:
    """Score predicted ``statements`` (SPEC analysis JSON, offsets into ``article.text``).

    >>> article = load_polnear("tests/fixtures/polnear")[1]
    >>> poll = {"type": "according_to", "content": {"start": 32, "end": 57},
    ...         "source": {"text": "a new poll", "start": 59, "end": 69}}
    >>> score = score_statements(article, [poll])
    >>> score["all"]["content_recall"], score["all"]["right_source_recall"], score["all"]["precision"]
    (0.333, 0.333, 1.0)
    """
    return attribution_score(article, pred_statements).to_dict()


def attribution_score(article: PolnearArticle, pred_statements: Sequence[Any]) -> AttributionScore:
    """Like :func:`score_statements`, as a typed :class:`AttributionScore`."""
    predicted = [_read_statement(s) for s in pred_statements]
    score = AttributionScore()
    for event in article.events:
        covering = [p for p in predicted if p.content and _covers(p.content, event.content)]
        right = bool(covering) and (event.source is None or any(
            p.source and event.source.overlap(*p.source) > 0 for p in covering))
        score.found.add(bool(covering))
        score.right_source.add(right)
        if event.direct:
            score.direct_found.add(bool(covering))
            score.direct_right_source.add(right)
        score.events_without_source += event.source is None
    for p in predicted:
        score.precision.add(_touches(p, article.events))
        if p.type == "direct":
            score.direct_precision.add(_touches(p, [e for e in article.events if e.direct]))
    return score


def _covers(content: tuple[int, int], gold: BratSpan) -> bool:
    return gold.overlap(*content) >= CONTENT_COVERAGE * gold.length


def _touches(predicted: _Predicted, events: Iterable[PolnearEvent]) -> bool:
    content = predicted.content
    return content is not None and any(e.content.overlap(*content) > 0 for e in events)


# --- running and reporting -----------------------------------------------------------------------

@dataclass
class ArticleAttribution:
    """The score of one article, and the error if its analysis failed (its events count as missed)."""

    id: str
    score: AttributionScore
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error, **self.score.to_dict()}


@dataclass
class AttributionReport:
    """Per-article scores and the overall figures of one :func:`evaluate_polnear` run."""

    articles: list[ArticleAttribution]

    @property
    def overall(self) -> AttributionScore:
        return sum((a.score for a in self.articles), AttributionScore())

    @property
    def errors(self) -> list[str]:
        return [a.error for a in self.articles if a.error]

    @property
    def failed_articles(self) -> int:
        return len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": [a.to_dict() for a in self.articles], "overall": self.overall.to_dict(),
                "failed_articles": self.failed_articles, "errors": self.errors}

    def format_text(self, per_article: bool = False) -> str:
        """A readable report: the overall table, then failures (and each article if asked)."""
        total = self.overall
        lines = [f"claimledger attribution eval: {len(self.articles)} articles, {total.found.total} gold "
                 f"events, {total.direct_found.total} direct or mixed quotes", ""]
        lines += _table(total)
        lines += ["", f"gold events without a source: {total.events_without_source} "
                      "(right-source whenever found)",
                  f"analysis failed on {self.failed_articles} of {len(self.articles)} articles "
                  "(their events count as missed)"]
        lines += [f"  {error}" for error in self.errors]
        if per_article:
            for article in self.articles:
                lines += ["", article.id, *_table(article.score)]
        return "\n".join(lines)


def _cell(tally: Tally) -> str:
    rate = "n/a" if tally.ratio is None else f"{tally.ratio:.3f}"
    return f"{rate} ({tally})".ljust(22)


def _table(score: AttributionScore) -> list[str]:
    return [
        f"  {'':30}{'all events':22}direct quotes",
        f"  {'content recall':30}{_cell(score.found)}{_cell(score.direct_found)}".rstrip(),
        f"  {'recall with the right source':30}{_cell(score.right_source)}"
        f"{_cell(score.direct_right_source)}".rstrip(),
        f"  {'precision':30}{_cell(score.precision)}{_cell(score.direct_precision)}".rstrip(),
    ]


def _statements_on_text(analysis: Mapping[str, Any], text: str) -> list[Any]:
    """The analysis' statements with their offsets moved from its document onto ``text``."""
    statements = list(analysis.get("statements") or [])
    document = analysis.get("document") or text
    if document == text:
        return statements
    to_text = offset_map(document, text)
    moved = []
    for statement in statements:
        if isinstance(statement, Mapping):
            statement = dict(statement)
            for part in ("content", "source"):
                span = _offsets(statement.get(part))
                if span:
                    statement[part] = {**statement[part], "start": to_text(span[0]), "end": to_text(span[1])}
        moved.append(statement)
    return moved


def evaluate_polnear(directory: str | Path, analyze_text: Callable[[str], Any],
                     limit: int | None = None) -> AttributionReport:
    """Analyse each PolNeAR article's text with ``analyze_text`` and score its ``statements``.

    ``analyze_text`` returns the SPEC analysis dict (or an object with ``to_dict()``); offsets
    into a ``document`` that differs from the text are mapped onto the text. When it raises,
    the error is counted and reported, the article's events count as missed, and the run goes on.

    >>> report = evaluate_polnear("tests/fixtures/polnear", lambda text: {"statements": []})
    >>> report.overall.found.total, report.overall.found.hits, report.failed_articles
    (7, 0, 0)
    """
    articles = load_polnear(directory)
    results = []
    for article in articles[:limit]:
        error = None
        try:
            analysis = analyze_text(article.text)
            if hasattr(analysis, "to_dict"):
                analysis = analysis.to_dict()
            statements = _statements_on_text(analysis, article.text)
        except Exception as exc:  # one bad article must not stop the evaluation
            statements = []
            error = (f"article {article.id!r} counted as missed: "
                     f"the analysis raised {type(exc).__name__}: {exc}")
        results.append(ArticleAttribution(article.id, attribution_score(article, statements), error))
    return AttributionReport(results)
