"""The ingest stage as the spec describes it: every format, every bad input, and a run that goes on.

Each bad record is a `Reject` with a plain reason; only a source that cannot be opened at
all raises `InputError`. Fixtures are in ``tests/fixtures/ingest`` (see its README);
large inputs are generated in a temporary folder.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import sys
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest

from claimledger.ingest import (
    DEFAULT_MAX_BYTES,
    BadRecord,
    InputError,
    Reject,
    article_from_html,
    article_from_record,
    article_from_text,
    looks_english,
    parse_published,
    read_path,
    read_sources,
)
from claimledger.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
NON_ENGLISH: dict[str, str] = json.loads((FIXTURES / "non-english.json").read_text(encoding="utf-8"))
ENGLISH = (
    "The minister said on Tuesday that the number of jobs in the region had risen by 12 percent over "
    "the past year, from about 40,000 to 44,800, and that he expected the figure to keep growing as new "
    "factories open in the coming months."
)
JOBS = ["Unemployment", "in", "the", "region", "fell"]
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (gold files and corpora) is absent")


def read(*sources: str | Path, **options: object) -> list[Article | Reject]:
    return list(read_sources([str(source) for source in sources], **options))  # type: ignore[arg-type]


def articles(items: Iterable[Article | Reject]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def rejects(items: Iterable[Article | Reject]) -> list[Reject]:
    return [item for item in items if isinstance(item, Reject)]


def only_reject(items: list[Article | Reject]) -> Reject:
    assert len(items) == 1 and isinstance(items[0], Reject), items
    return items[0]


def line(**fields: object) -> str:
    return json.dumps({"text": ENGLISH, **fields})


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- plain text ------------------------------------------------------------------------------------

TITLE_CASES = [
    {"case": "a title line, a blank line, the body", "raw": "Prices rise\n\nPrices rose 3% in May.",
     "title": "Prices rise", "text": "Prices rose 3% in May."},
    {"case": "no blank line after the first line: no title", "raw": "Prices rise\nPrices rose 3% in May.",
     "title": None, "text": "Prices rise\nPrices rose 3% in May."},
    {"case": "several blank lines and outer whitespace",
     "raw": "\n  Prices rise\n\n\n  Prices rose 3% in May.  \n\n", "title": "Prices rise",
     "text": "Prices rose 3% in May."},
    {"case": "a blank line holding spaces",
     "raw": "Prices rise\n   \nPrices rose 3%.", "title": "Prices rise", "text": "Prices rose 3%."},
    {"case": "Windows line ends become \\n",
     "raw": "Prices rise\r\n\r\nPrices rose 3%.\r\nThen they fell.", "title": "Prices rise",
     "text": "Prices rose 3%.\nThen they fell."},
    {"case": "one paragraph: no title", "raw": "Prices rose 3% in May.", "title": None,
     "text": "Prices rose 3% in May."},
    {"case": "a first line of 301 characters is a paragraph, not a title",
     "raw": "Prices rose. " * 23 + "Up.\n\nMore.", "title": None,
     "text": "Prices rose. " * 23 + "Up.\n\nMore."},
]


@pytest.mark.parametrize("case", TITLE_CASES, ids=[c["case"] for c in TITLE_CASES])
def test_plain_text_title_is_the_first_line_when_a_blank_line_follows(case: dict) -> None:
    article = article_from_text(case["raw"], id="a1")
    assert (article.title, article.text) == (case["title"], case["text"])


def test_seed_article_document_equals_the_gold_document() -> None:
    article = only_article(read(FIXTURES / "seed-article.txt", published=dt.date(2016, 4, 27)))
    assert article.title == "Pentagon: Flow of Foreign Fighters into Iraq, Syria Drops 90%"
    assert article.text.startswith("The number foreign fighters")
    # plain text is taken as written: the trailing page line stays
    assert article.text.endswith("Please let us know if you're having issues with commenting.")
    assert article.document == (FIXTURES / "seed-article.document.txt").read_text(encoding="utf-8")
    assert (article.id, article.published) == ("seed-article", dt.date(2016, 4, 27))


@needs_shared
@pytest.mark.shared
def test_seed_article_in_shared_reads_to_the_shared_gold_document() -> None:
    gold = json.loads((SHARED / "gold" / "seed.gold.json").read_text(encoding="utf-8"))
    article = only_article(read(SHARED / "gold" / "seed-article.txt"))
    assert article.document == gold["document"]


def only_article(items: list[Article | Reject]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)],
    ids=["UTF-8", "UTF-8 with BOM", "UTF-16 LE with BOM", "UTF-16 BE with BOM", "UTF-32 with BOM"],
)
def test_text_in_utf8_or_with_a_byte_order_mark_reads(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    raw = "Café prices rise\n\n" + ENGLISH
    article = only_article(read(write(tmp_path / "a.txt", prefix + raw.encode(encoding))))
    assert (article.title, article.text) == ("Café prices rise", ENGLISH)


def test_unknown_extension_is_read_as_plain_text_and_gzip_is_recognised(tmp_path: Path) -> None:
    packed = gzip.compress(ENGLISH.encode())
    items = read(write(tmp_path / "note.md", ENGLISH), write(tmp_path / "b.txt.gz", packed))
    assert [(a.id, a.text) for a in articles(items)] == [("note", ENGLISH), ("b", ENGLISH)]


# --- HTML ------------------------------------------------------------------------------------------

def test_html_gives_the_main_text_and_the_page_metadata() -> None:
    article = only_article(read(FIXTURES / "page.html"))
    assert article.id == "page"
    assert article.title == "City budget grows 4% as transit spending doubles"
    assert article.published == dt.date(2021, 3, 9)
    assert article.url == "https://ledger.example.org/2021/03/09/city-budget-grows/"
    assert article.source == "The Riverside Ledger"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The city council approved a budget of $1.2 billion")
    assert paragraphs[2].endswith("while property tax income was flat.")


@pytest.mark.parametrize("boilerplate", ["Subscribe", "cookies", "All rights reserved", "Privacy policy",
                                         "City budget grows"])
def test_html_drops_page_boilerplate_and_the_repeated_headline(boilerplate: str) -> None:
    assert boilerplate not in only_article(read(FIXTURES / "page.html")).text


def test_html_published_option_and_url_win_over_what_the_page_says() -> None:
    html = (FIXTURES / "page.html").read_bytes()
    article = article_from_html(html, id="p", url="https://example.com/x", published=dt.date(2021, 3, 10))
    assert (article.published, article.url) == (dt.date(2021, 3, 10), "https://example.com/x")


def test_html_honours_the_declared_charset() -> None:
    article = only_article(read(FIXTURES / "page-cp1252.html"))
    assert article.title == "Café owners say rents rose 12% in a year"
    assert "from an average of £2,500 a month to £2,800" in article.text
    assert "traders’ association" in article.text


def test_article_from_html_takes_text_or_bytes() -> None:
    page = f"<html><body><article><p>{ENGLISH}</p></article></body></html>"
    assert article_from_html(page, id="s").text == article_from_html(page.encode(), id="b").text == ENGLISH


@pytest.mark.parametrize(
    "page",
    ["<html><head><title>Only a title</title></head><body></body></html>",
     "<html><body><script>var figures = [1, 2, 3];</script></body></html>",
     "<!DOCTYPE html><html><body>   </body></html>"],
    ids=["empty body", "script only", "whitespace only"],
)
def test_html_without_a_body_is_rejected(tmp_path: Path, page: str) -> None:
    reject = only_reject(read(write(tmp_path / "p.html", page)))
    assert reject.reason == "body is empty after HTML extraction"
    with pytest.raises(BadRecord, match="body is empty after HTML extraction"):
        article_from_html(page, id="p")


def test_deeply_nested_html_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    depth = 100_000
    deep = "<html><body>" + "<div>" * depth + f"<p>{ENGLISH}</p>" + "</div>" * depth + "</body></html>"
    items = read(write(tmp_path / "a-deep.html", deep), write(tmp_path / "b.txt", ENGLISH))
    assert isinstance(items[0], Reject) and items[0].reason
    assert only_article(items[1:]).id == "b"


# --- JSON, JSON Lines, CSV -------------------------------------------------------------------------

def test_json_object_is_one_article() -> None:
    article = only_article(read(FIXTURES / "article.json"))
    assert article == Article(
        id="jobs-june", title="Jobless rate falls to 5.1%", published=dt.date(2021, 7, 2),
        source="Regional Wire", url="https://wire.example.org/jobs", text=article.text,
    )
    assert article.text.split()[:5] == JOBS


def test_json_list_gives_each_object_and_rejects_the_bad_one() -> None:
    items = read(FIXTURES / "articles.json")
    assert [a.id for a in articles(items)] == ["airline-q1", "articles-3"]  # no id: stem and position
    assert rejects(items) == [Reject(str(FIXTURES / "articles.json#2"), "the record has no text")]


def test_jsonl_broken_line_in_the_middle_keeps_the_others() -> None:
    items = read(FIXTURES / "articles.jsonl")
    assert [a.id for a in articles(items)] == ["jobs-june", "airline-q1", "articles-5"]  # line 5 has no id
    (reject,) = rejects(items)
    assert reject.record == f"{FIXTURES / 'articles.jsonl'}:2"
    assert reject.message() == (
        f"article '{FIXTURES / 'articles.jsonl'}:2' skipped: "
        "line is not valid JSON (Unterminated string starting at column 26)"
    )


def test_jsonl_reads_dates_given_as_datetimes() -> None:
    items = articles(read(FIXTURES / "articles.jsonl"))
    assert [a.published for a in items] == [dt.date(2021, 7, 2), dt.date(2021, 4, 20), None]


@pytest.mark.parametrize(
    ("name", "pack"),
    [("a.jsonl", bytes), ("a.ndjson", bytes), ("a.jsonl.gz", gzip.compress), ("a.json.gz", gzip.compress),
     ("a.json", bytes)],
    ids=["jsonl", "ndjson", "jsonl.gz", "json.gz holding lines", "json holding lines"],
)
def test_json_lines_in_every_wrapping(tmp_path: Path, name: str, pack: object) -> None:
    content = f"{line(id='one')}\n\n{line(id='two')}\n".encode()
    items = read(write(tmp_path / name, pack(content)))  # type: ignore[operator]
    assert [a.id for a in articles(items)] == ["one", "two"] and not rejects(items)


def test_gzipped_json_document_is_read_as_one_document(tmp_path: Path) -> None:
    content = json.dumps([{"id": "one", "text": ENGLISH}, {"id": "two", "text": ENGLISH}], indent=2)
    items = read(write(tmp_path / "a.json.gz", gzip.compress(content.encode())))
    assert [a.id for a in articles(items)] == ["one", "two"]


CSV_COLUMNS = {"text": "body", "title": "headline", "published": "date", "source": "outlet"}


def test_csv_with_its_own_column_names() -> None:
    items = read(FIXTURES / "articles.csv", csv_columns=CSV_COLUMNS)
    first, second = articles(items)
    assert (first.id, first.title, first.published, first.source) == (
        "articles-2", "Jobless rate falls to 5.1%", dt.date(2021, 7, 2), "Regional Wire")
    assert first.text.split()[:5] == JOBS
    assert "in a statement.\n\nIts chief executive" in second.text  # a quoted body over several lines
    assert [(r.record.rsplit(":", 1)[1], r.reason) for r in rejects(items)] == [
        ("6", "text is empty"),
        ("7", "published 'not a date' is not a date (expected YYYY-MM-DD)"),
    ]


def test_gzipped_csv(tmp_path: Path) -> None:
    packed = write(tmp_path / "a.csv.gz", gzip.compress((FIXTURES / "articles.csv").read_bytes()))
    assert len(articles(read(packed, csv_columns=CSV_COLUMNS))) == 2


def test_csv_without_a_text_column_is_rejected_naming_the_columns() -> None:
    [reject] = rejects(read(FIXTURES / "articles.csv"))
    assert "no text column 'text'; its columns are 'headline', 'body', 'date'" in reject.reason


def test_csv_mapping_to_a_missing_column_is_rejected_and_other_sources_go_on(tmp_path: Path) -> None:
    other = write(tmp_path / "other.txt", b"Prices rose 3% to $103.")
    items = list(read_sources([str(FIXTURES / "articles.csv"), str(other)],
                              csv_columns={"text": "body", "title": "heading"}))
    [reject] = rejects(items)
    assert "no title column 'heading'" in reject.reason
    assert [a.text for a in articles(items)] == ["Prices rose 3% to $103."]


def test_malformed_csv_rows_are_rejected_and_the_next_rows_kept(tmp_path: Path) -> None:
    rows = ['id,text', f'a,"{ENGLISH}"', '"b"x,broken quote', 'c,too,many,fields', f'd,"{ENGLISH}"']
    items = read(write(tmp_path / "a.csv", "\n".join(rows) + "\n"))
    assert [a.id for a in articles(items)] == ["a", "d"]
    assert [(r.record.rsplit(":", 1)[1], r.reason) for r in rejects(items)] == [
        ("3", "row is not valid CSV (',' expected after '\"')"),
        ("4", "row has 4 fields but the header has 2"),
    ]


# --- records ---------------------------------------------------------------------------------------

NOT_A_DATE = "is not a date (expected YYYY-MM-DD)"
RECORD_PROBLEMS = [
    ({"id": "x"}, "the record has no text"),
    ({"text": 42}, "text is a number, not a string"),
    ({"text": "  \n "}, "text is empty"),
    ({"text": ENGLISH, "id": ["a"]}, "id is an array, not a string"),
    ({"text": ENGLISH, "title": 3}, "title is a number, not a string"),
    ({"text": ENGLISH, "url": {"href": "x"}}, "url is an object, not a string"),
    ({"text": ENGLISH, "published": "27/04/2016"}, f"published '27/04/2016' {NOT_A_DATE}"),
    ({"text": ENGLISH, "published": "2016-02-30"}, f"published '2016-02-30' {NOT_A_DATE}"),
    ({"text": ENGLISH, "published": 20160427}, f"published '20160427' {NOT_A_DATE}"),
    ({"text": ENGLISH, "language": "fr"}, "language is 'fr', not English"),
    ({"text": NON_ENGLISH["de"]}, "text does not look like English"),
    ([ENGLISH], "the record is an array, not an article object"),
    ("just a string", "the record is a string, not an article object"),
]


@pytest.mark.parametrize(("record", "reason"), RECORD_PROBLEMS, ids=[r for _, r in RECORD_PROBLEMS])
def test_a_bad_record_is_rejected_with_its_reason(tmp_path: Path, record: object, reason: str) -> None:
    with pytest.raises(BadRecord) as raised:
        article_from_record(record, record_name="a.jsonl:1")  # type: ignore[arg-type]
    assert raised.value.reason == reason
    content = f"{line(id='before')}\n{json.dumps(record)}\n{line(id='after')}\n"
    items = read(write(tmp_path / "a.jsonl", content))
    assert [a.id for a in articles(items)] == ["before", "after"]
    assert rejects(items) == [Reject(f"{tmp_path / 'a.jsonl'}:2", reason)]


def test_record_fields_are_read_and_other_keys_ignored() -> None:
    record = {"id": 17, "title": "T", "text": ENGLISH, "published": "2016-04-27T10:00:00Z", "source": "S",
              "url": "https://example.com", "dataset": "d", "license": "research only"}
    assert article_from_record(record, record_name="c.jsonl:3") == Article(
        id="17", title="T", text=ENGLISH, published=dt.date(2016, 4, 27), source="S", url="https://example.com")


def test_record_text_is_kept_exactly_as_given() -> None:
    text = "  " + ENGLISH + "\r\n"
    assert article_from_record({"id": "a", "text": text}, record_name="x").text == text


def test_published_option_fills_records_without_a_date_and_does_not_override() -> None:
    option = dt.date(2020, 1, 1)
    items = articles(read(FIXTURES / "articles.jsonl", published=option))
    assert [a.published for a in items] == [dt.date(2021, 7, 2), dt.date(2021, 4, 20), option]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016-04-27", dt.date(2016, 4, 27)), ("2016-04-27T10:00:00Z", dt.date(2016, 4, 27)),
     ("2016-04-27 23:30:00+02:00", dt.date(2016, 4, 27)), (" 2016-04-27 ", dt.date(2016, 4, 27)),
     (dt.datetime(2016, 4, 27, 8), dt.date(2016, 4, 27)), (None, None), ("", None)],
)
def test_published_accepts_iso_dates_and_datetimes(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


# --- standard input --------------------------------------------------------------------------------

STDIN_CASES = [
    ("JSON object", json.dumps({"text": ENGLISH}, indent=2).encode(), ["stdin"]),
    ("JSON array", json.dumps([{"text": ENGLISH}, {"id": "b", "text": ENGLISH}]).encode(), ["stdin-1", "b"]),
    ("JSON Lines", f"{line(id='a')}\n{line(id='b')}\n".encode(), ["a", "b"]),
    ("gzipped JSON Lines", gzip.compress(f"{line(id='a')}\n{line()}\n".encode()), ["a", "stdin-2"]),
    ("HTML", (FIXTURES / "page.html").read_bytes(), ["stdin"]),
    ("plain text", f"Jobs rise\n\n{ENGLISH}".encode(), ["stdin"]),
    ("UTF-16 text", f"Jobs rise\n\n{ENGLISH}".encode("utf-16"), ["stdin"]),
]


@pytest.mark.parametrize(("kind", "payload", "ids"), STDIN_CASES, ids=[c[0] for c in STDIN_CASES])
def test_stdin_format_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, kind: str, payload: bytes, ids: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    items = read("-")
    assert not rejects(items)
    assert [a.id for a in articles(items)] == ids
    if kind == "HTML":
        assert items[0].title == "City budget grows 4% as transit spending doubles"  # type: ignore[union-attr]
    if kind.endswith("text"):
        assert (items[0].title, items[0].text) == ("Jobs rise", ENGLISH)  # type: ignore[union-attr]


def test_stdin_records_are_named_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{line()}\n{{oops\n".encode())))
    assert rejects(read("-")) == [Reject("<stdin>:2", "line is not valid JSON "
                                         "(Expecting property name enclosed in double quotes at column 2)")]


def test_empty_stdin_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert only_reject(read("-")) == Reject("<stdin>", "file is empty")


# --- directories, globs, sources -------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "b.txt", ENGLISH)
    write(tmp_path / "a.jsonl", f"{line(id='a1')}\n{line(id='a2')}\n")
    write(tmp_path / "sub" / "c.html", f"<html><body><article><p>{ENGLISH}</p></article></body></html>")
    write(tmp_path / "sub" / "deeper" / "d.json", line(id="d"))
    write(tmp_path / "notes.md", "not an article extension")
    write(tmp_path / ".hidden" / "e.txt", ENGLISH)
    write(tmp_path / ".f.txt", ENGLISH)
    return tmp_path


def test_a_directory_is_read_recursively_in_sorted_order_known_extensions_only(tree: Path) -> None:
    assert [a.id for a in articles(read(tree))] == ["a1", "a2", "b", "c", "d"]


@pytest.mark.parametrize(("pattern", "ids"), [("*.txt", ["b"]), ("**/*.json*", ["a1", "a2", "d"]),
                                                ("sub", ["c", "d"])])
def test_a_glob_pattern_gives_its_matches_in_order(tree: Path, pattern: str, ids: list[str]) -> None:
    assert [a.id for a in articles(read(f"{tree}/{pattern}"))] == ids


def test_each_file_is_read_once_in_source_order(tree: Path) -> None:
    assert [a.id for a in articles(read(tree / "b.txt", tree, tree / "b.txt"))] == ["b", "a1", "a2", "c", "d"]


def test_a_single_path_string_is_one_source(tree: Path) -> None:
    assert [a.id for a in articles(read_sources(str(tree / "b.txt")))] == ["b"]


@pytest.mark.parametrize(
    ("source", "message"),
    [("missing.txt", "no such file or directory: '.*missing.txt'"), ("nomatch-*.txt", "no files match"),
     ("empty-dir", "directory '.*empty-dir' has no article files")],
)
def test_a_source_naming_nothing_fails_before_any_article(tree: Path, source: str, message: str) -> None:
    (tree / "empty-dir").mkdir()
    items = read_sources([str(tree / "b.txt"), str(tree / source)])
    with pytest.raises(InputError, match=message):
        next(items)


def test_read_path_of_a_missing_file_or_a_directory_is_an_input_error(tree: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_path(tree / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        list(read_path(tree))


@pytest.mark.parametrize("max_bytes", [0, -1, 1.5, True])
def test_max_bytes_must_be_a_positive_number_of_bytes(tree: Path, max_bytes: object) -> None:
    with pytest.raises(ValueError, match="max_bytes must be a positive number of bytes"):
        read(tree, max_bytes=max_bytes)


# --- bad input -------------------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b" \n\n \t\n", "text is empty"),
    ("nul.txt", b"Prices rose\x00 3% in May.", "file looks binary, not text"),
    ("controls.txt", bytes(range(1, 32)) * 20, "file looks binary, not text"),
    ("latin1.txt", "Café\n\n".encode("latin-1") + ENGLISH.encode(),
     "file is not valid UTF-8 (first bad byte 0xE9 at offset 3)"),
    ("bad-utf16.txt", codecs.BOM_UTF16_LE + "Prices".encode("utf-16-le") + b"\x00\xd8",
     "file starts with a UTF-16 byte order mark but is not valid UTF-16 (first bad byte 0x00 at offset 14)"),
    ("empty.html", b"", "file is empty"),
    ("wrong-charset.html",
     b'<html><head><meta charset="utf-8"></head><body><p>Caf\xe9 ' + ENGLISH.encode() + b"</p></body></html>",
     "file is not valid UTF-8 (first bad byte 0xE9 at offset 53)"),
    ("undecodable-declared.html",
     b'<html><head><meta charset="shift_jis"></head><body><p>\x81\x20</p></body></html>',
     "file is not valid in its declared charset 'shift_jis' (first bad byte 0x81 at offset 54)"),
    ("empty.json", b"  \n", "file is empty"),
    ("bad.json", b'{"text": }', "file is not valid JSON (Expecting value at line 1, column 10)"),
    ("number.json", b"42", "the record is a number, not an article object"),
    ("nested.json", b"[" * 100_000 + b"]" * 100_000, "file is nested too deeply to be read as JSON"),
    ("huge-number.jsonl", line(id="a").encode() + b'\n{"text": ' + b"9" * 5_000 + b"}\n",
     "line is not valid JSON (a number in it has too many digits)"),
    ("binary.jsonl", line(id="a").encode() + b"\n\x00\x01\x02\x00\n", "line looks binary, not text"),
    ("latin1.jsonl", line(id="a").encode() + b'\n{"text": "caf\xe9"}\n',
     "line is not valid UTF-8 (first bad byte 0xE9 at offset 13)"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input_is_a_reject_with_a_plain_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path / name, content)
    items = read(path, write(tmp_path / "zz-next.txt", ENGLISH))
    assert rejects(items)[-1].reason == reason
    assert articles(items)[-1].id == "zz-next"  # the run goes on


@pytest.mark.parametrize(
    ("name", "reason"),
    [("empty.txt", "file is empty"), ("binary.txt", "file looks binary, not text"),
     ("latin1.txt", "file is not valid UTF-8 (first bad byte 0xE9 at offset 3)")],
)
def test_bad_fixture_files_are_rejected(name: str, reason: str) -> None:
    assert only_reject(read(FIXTURES / name)) == Reject(str(FIXTURES / name), reason)


def test_utf16_fixture_reads() -> None:
    assert only_article(read(FIXTURES / "utf16.txt")).title == "Jobless rate falls to 5.1%"


def test_reject_message_names_the_record_and_the_reason() -> None:
    assert Reject("path/to/file.jsonl:17", "line is not valid JSON (Expecting ',' delimiter at column 40)") \
        .message() == ("article 'path/to/file.jsonl:17' skipped: "
                       "line is not valid JSON (Expecting ',' delimiter at column 40)")


# --- size limits and compression -------------------------------------------------------------------

def test_an_article_over_the_default_limit_is_rejected_with_its_size(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", b"x" * 7_200_000)
    assert DEFAULT_MAX_BYTES == 5_000_000
    assert only_reject(read(big)).reason == "article is 7.2 MB, over the 5.0 MB limit (--max-bytes)"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [("a.txt", "x" * 1_500, "article is 1.5 kB, over the 1.0 kB limit (--max-bytes)"),
     ("a.html", "x" * 1_001, "article is 1,001 bytes, over the 1,000-byte limit (--max-bytes)"),
     ("a.txt.gz", gzip.compress(b"x" * 2_000), "article is 2.0 kB, over the 1.0 kB limit (--max-bytes)"),
     ("a.json", json.dumps([{"text": "x" * 600}] * 2),
      "JSON file is 1.2 kB, over the 1.0 kB limit (--max-bytes); "
      "write large collections as JSON Lines (.jsonl), one article a line")],
)
def test_oversized_files_are_rejected(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    assert only_reject(read(write(tmp_path / name, content), max_bytes=1_000)).reason == reason


def test_a_megabyte_json_line_under_the_limit_is_fine(tmp_path: Path) -> None:
    text = " ".join([ENGLISH] * 5_000)
    assert len(text) > 1_000_000
    assert only_article(read(write(tmp_path / "a.jsonl", line(id="big", text=text) + "\n"))).text == text


def test_a_line_over_the_limit_is_rejected_and_reading_resumes_at_the_next_line(tmp_path: Path) -> None:
    long_line = line(id="long", text="word " * 10_000)
    path = write(tmp_path / "a.jsonl", f"{line(id='a')}\n{long_line}\n{line(id='b')}\n")
    items = read(path, max_bytes=10_000)
    assert [a.id for a in articles(items)] == ["a", "b"]
    assert rejects(items) == [Reject(f"{path}:2", "article is 50.0 kB, over the 10.0 kB limit (--max-bytes)")]


def test_a_gzip_bomb_is_rejected_without_holding_it_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as bomb:
        bomb.write(f"{line(id='before')}\n".encode())
        for _ in range(30):
            bomb.write(b"A" * 1_000_000)  # one 30 MB line
        bomb.write(f"\n{line(id='after')}\n".encode())
    tracemalloc.start()
    try:
        items = read(path, max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id for a in articles(items)] == ["before", "after"]
    assert rejects(items) == [Reject(f"{path}:2", "article is 30.0 MB, over the 1.0 MB limit (--max-bytes)")]
    assert peak < 4_000_000


def test_a_truncated_gzip_keeps_the_records_before_the_cut() -> None:
    items = read(FIXTURES / "truncated.jsonl.gz")
    assert [a.id for a in articles(items)] == [f"water-{i}" for i in range(1, 21)]
    assert rejects(items) == [Reject(
        f"{FIXTURES / 'truncated.jsonl.gz'}:21",
        "the compressed file ends early (it is truncated); the records from here on are lost",
    )]


@pytest.mark.parametrize("how", ["as .json.gz", "on standard input"])
def test_a_truncated_gzip_keeps_its_records_when_the_format_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    packed = (FIXTURES / "truncated.jsonl.gz").read_bytes()
    if how == "on standard input":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(packed)))
        items, name = read("-"), "<stdin>"
    else:
        path = write(tmp_path / "cut.json.gz", packed)
        items, name = read(path), str(path)
    assert len(articles(items)) == 20
    assert [r.record for r in rejects(items)] == [f"{name}:21"]


def test_a_corrupt_gzip_is_reported_after_the_records_it_gave(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(f"{line(id='a')}\n{line(id='b')}\n".encode()))
    packed[-8] ^= 0xFF  # the CRC-32 of the content
    items = read(write(tmp_path / "a.jsonl.gz", bytes(packed)))
    assert [a.id for a in articles(items)] == ["a", "b"]
    assert only_reject(rejects(items)).reason.startswith("the compressed data is corrupt (CRC check failed")  # type: ignore[arg-type]


def test_memory_stays_flat_over_20000_gzipped_records(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for number in range(20_000):
            out.write(line(id=f"r{number}") + "\n")
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Article) for item in read_sources([str(path)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 2_000_000  # the file is 5 MB unpacked; streaming keeps a few records at a time


# --- language --------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_news_in_other_languages_is_rejected(tmp_path: Path, language: str) -> None:
    path = write(tmp_path / f"{language}.txt", NON_ENGLISH[language])
    assert only_reject(read(path)).reason == "text does not look like English"
    with pytest.raises(BadRecord, match="text does not look like English"):
        article_from_text(NON_ENGLISH[language], id=language)


ENGLISH_THAT_LOOKS_ODD = {
    "an earnings table": (
        "OMAHA, Neb., March 27 - Qtr ends Feb 28\n\n    Shr 18 cts vs 10 cts\n"
        "    Net 2,051,000 vs 901,000\n    Revs 25.8 mln vs 19.2 mln\n    Avg shrs 10.7 mln vs 9,059,600\n"
        "    12 mths\n    Shr 87 cts vs 63 cts\n    Net 9,020,000 vs 5,680,000\n"
        "    Revs 94.4 mln vs 73.7 mln\n    Avg shrs 10.3 mln vs 9,059,600"
    ),
    "names and places": (
        "Jean-Luc Mélenchon, Angela Merkel, Pedro Sánchez, Mariano Rajoy and François Hollande met in "
        "Brussels with José Manuel Barroso, Donald Tusk, Jean-Claude Juncker and Federica Mogherini on "
        "Monday; Hollande said the talks in Bruxelles, Köln and Málaga had gone well, the Élysée said."
    ),
    "a French quote in English news": (
        "“La situation est grave,” said the prime minister, who added that the government would spend "
        "2 billion euros on the plan. Officials said that the money would be paid over three years and "
        "that most of it would go to the regions hit hardest by the floods in the spring."
    ),
    "a short foreign sentence (too short to judge)": "Le gouvernement a annoncé une hausse de 2 %.",
}


@pytest.mark.parametrize("kind", ENGLISH_THAT_LOOKS_ODD)
def test_english_full_of_figures_names_or_quotes_passes(kind: str) -> None:
    assert looks_english(ENGLISH_THAT_LOOKS_ODD[kind])


@needs_shared
@pytest.mark.shared
def test_the_dev_corpus_reads_cleanly_in_place() -> None:
    corpus = SHARED / "corpus" / "dev.jsonl"
    items = read(corpus)
    assert not rejects(items)
    assert len(items) == 1_798
    with corpus.open(encoding="utf-8") as records:
        first = json.loads(records.readline())
    assert items[0] == Article(
        id=first["id"], title=first["title"], text=first["text"], source=first["source"], url=first["url"],
        published=parse_published(first["published"]),
    )
