"""The command line as a user runs it: tables, JSON that matches the schema, bad input reported and skipped."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.schema import validate_analysis

from .conftest import FIXTURES, GOLD_DIR

SAMPLE = FIXTURES.parent.parent / "examples" / "sample-article.txt"


@pytest.fixture(scope="module")
def runner(nlp):  # the model is loaded once for the session
    return CliRunner()


def test_analyze_prints_the_ledger_table(runner):
    result = runner.invoke(main, ["analyze", str(SAMPLE), "--published", "2016-04-27"])
    assert result.exit_code == 0, result.output
    assert "75,000" in result.output and "85,000" in result.output and "percent_change" in result.output
    assert "consistent" in result.output
    assert "Maria Alvarez" in result.output


def test_analyze_statements_view(runner):
    result = runner.invoke(main, ["analyze", str(SAMPLE), "--statements"])
    assert result.exit_code == 0
    assert "Statements" in result.output and "David Chen" in result.output


def test_analyze_json_matches_the_schema(runner):
    result = runner.invoke(main, ["analyze", str(GOLD_DIR / "seed-article.txt"), "--format", "json",
                                  "--published", "2016-04-27"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    validate_analysis(data)
    assert data["article"]["published"] == "2016-04-27"
    assert len(data["quantities"]) == 11


def test_analyze_jsonl_one_line_per_article_and_bad_records_skipped(runner, tmp_path):
    path = tmp_path / "news.jsonl.gz"
    lines = [
        json.dumps({"id": "a1", "title": "Jobs", "text": "Employers added 200,000 jobs in March, up from 150,000."}),
        "{not json",
        json.dumps({"id": "a2", "text": "Prices rose 3% to $103 from $100, the agency said."}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    result = runner.invoke(main, ["analyze", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["article"]["id"] for o in out] == ["a1", "a2"]
    assert "news.jsonl.gz:2" in result.stderr and "not valid JSON" in result.stderr


def test_analyze_stdin(runner):
    result = runner.invoke(main, ["analyze", "-", "--format", "json"], input="Turnout was 61 percent, officials said.")
    assert result.exit_code == 0
    assert json.loads(result.output)["quantities"][0]["kind"] == "percent"


def test_nothing_analysable_exits_non_zero_with_the_reason(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(main, ["analyze", str(empty)])
    assert result.exit_code != 0
    assert "empty" in result.stderr


def test_a_bad_date_is_a_clear_error(runner):
    result = runner.invoke(main, ["analyze", str(SAMPLE), "--published", "last tuesday"])
    assert result.exit_code == 2
    assert "not a date" in result.output


def test_eval_prints_scores_and_json(runner):
    result = runner.invoke(main, ["eval", str(GOLD_DIR / "seed.gold.json"), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.output)["gold"]["overall"]
    assert scores["f1"] >= 0.95
