"""Issue 7, limits: oversized articles, gzip bombs, deeply nested HTML and JSON, lines of a megabyte and a
million tiny articles. Each is reported with the record and the reason, memory stays bounded, and the run
goes on to the next record.

Every hostile file is generated at run time in ``tmp_path`` (a 50 MB gzip bomb is ~50 kB on disk).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest

import claimledger
from claimledger.ingest import DEFAULT_MAX_BYTES, BadRecord, Reject, article_from_html, read_sources

MB = 1_000_000
MEMORY_CEILING = 100 * MB  # what reading one hostile record may add, however large it claims to be
BOMB_MIB = 50  # a gzip bomb's record decompresses to 50 MiB (52.4 MB)
CHUNK = 1 << 20
CLAIMLEDGER = [sys.executable, "-c", "from claimledger.cli import main; main()"]
TIMEOUT = 180

GOOD = "Prices rose 3% to $103 in May, the company said."
# Plain English with figures, ASCII only, so characters and bytes agree; long texts repeat it.
ENGLISH = (
    "The council said the new water network now reaches 120 of the homes in the town, "
    "up from 80 a year earlier, and that the work will go on for another year. "
)


def english(n_bytes: int) -> str:
    """English text of exactly ``n_bytes`` bytes (ASCII), ending in a letter so nothing is stripped."""
    text = (ENGLISH * (n_bytes // len(ENGLISH) + 1))[: n_bytes - 1]
    return text + "x"


def shown(items: Iterable[object]) -> list[str]:
    """Each item as a user sees it: an article's id, or a reject's message."""
    return [item.message() if isinstance(item, Reject) else item.id for item in items]  # type: ignore[attr-defined]


def mb_text(n_bytes: int) -> str:
    return f"{n_bytes / MB:.1f} MB"


def write_gzip_bomb(path: Path, head: bytes, fill: bytes, tail: bytes, mib: int = BOMB_MIB) -> None:
    """Write ``head``, ``mib`` MiB of ``fill`` repeated, then ``tail``, gzip-compressed and streamed
    (never all in memory)."""
    block = (fill * (CHUNK // len(fill) + 1))[:CHUNK]
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(head)
        for _ in range(mib):
            out.write(block)
        out.write(tail)


def read_traced(sources: list[str], **options: object) -> tuple[list[object], int, float]:
    """Read ``sources`` with tracemalloc on: the items, the peak of Python memory, the seconds taken."""
    tracemalloc.start()
    try:
        started = time.monotonic()
        items = list(read_sources(sources, **options))  # type: ignore[arg-type]
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, peak, elapsed


# --- the article size limit ------------------------------------------------------------------------------


def test_the_default_limit_is_five_megabytes_and_bad_limits_are_refused() -> None:
    assert DEFAULT_MAX_BYTES == 5_000_000
    for bad in (0, -1, True, 1.5, "5MB"):
        with pytest.raises(ValueError, match="max_bytes must be a positive number of bytes"):
            list(read_sources([os.devnull], max_bytes=bad))  # type: ignore[arg-type]


def test_a_file_one_byte_over_the_default_limit_is_rejected_by_name_and_the_next_is_read(tmp_path: Path) -> None:
    at_limit, over, good = tmp_path / "1-at-limit.txt", tmp_path / "2-over-limit.txt", tmp_path / "3-good.txt"
    at_limit.write_text(english(DEFAULT_MAX_BYTES))
    over.write_text(english(DEFAULT_MAX_BYTES + 1))
    good.write_text(GOOD)
    items = list(read_sources([str(tmp_path)]))
    assert shown(items) == [
        "1-at-limit",
        f"article '{over}' skipped: article is 5,000,001 bytes, over the 5,000,000-byte limit (--max-bytes)",
        "3-good",
    ]
    assert items[0].text == english(DEFAULT_MAX_BYTES)  # type: ignore[union-attr]
    assert items[2].text == GOOD  # type: ignore[union-attr]


def test_a_json_line_one_byte_over_the_default_limit_is_rejected_and_the_next_line_is_read(tmp_path: Path) -> None:
    def line_of(n_bytes: int, article_id: str) -> bytes:
        head, tail = f'{{"id": "{article_id}", "text": "'.encode(), b'"}'
        return head + english(n_bytes - len(head) - len(tail)).encode() + tail

    path = tmp_path / "news.jsonl"
    with path.open("wb") as out:
        for line in (line_of(DEFAULT_MAX_BYTES, "at-limit"), line_of(DEFAULT_MAX_BYTES + 1, "over"),
                     json.dumps({"id": "good", "text": GOOD}).encode()):
            out.write(line + b"\n")
    items = list(read_sources([str(path)]))
    assert shown(items) == [
        "at-limit",
        f"article '{path}:2' skipped: article is 5,000,001 bytes, over the 5,000,000-byte limit (--max-bytes)",
        "good",
    ]


LIMIT = 2_000  # a small configured limit; each format's record over it is rejected, the next one read


def _oversized_fixture(tmp_path: Path, fmt: str) -> tuple[list[str], list[str]]:
    """A record of ~3 kB in ``fmt`` followed by a good record; returns (sources, expected items)."""
    big = english(3_000)
    if fmt in ("txt", "html", "json"):
        path = tmp_path / f"1-big.{fmt}"
        if fmt == "txt":
            path.write_text(big)
            reason = "article is 3.0 kB, over the 2.0 kB limit (--max-bytes)"
        elif fmt == "html":
            path.write_text(f"<html><head><title>Water</title></head><body><article><p>{big}</p></article></body></html>")
            reason = f"article is {path.stat().st_size / 1000:.1f} kB, over the 2.0 kB limit (--max-bytes)"
        else:
            path.write_text(json.dumps([{"id": "big", "text": big}], indent=1))
            reason = (f"JSON file is {path.stat().st_size / 1000:.1f} kB, over the 2.0 kB limit (--max-bytes); "
                      "write large collections as JSON Lines (.jsonl), one article a line")
        (tmp_path / "2-good.txt").write_text(GOOD)
        return [str(tmp_path)], [f"article '{path}' skipped: {reason}", "2-good"]
    path = tmp_path / f"news.{fmt}"
    if fmt == "jsonl":
        lines = [json.dumps({"id": "big", "text": big}), json.dumps({"id": "good", "text": GOOD})]
        path.write_text("\n".join(lines) + "\n")
        size = len(lines[0])
        return [str(path)], [
            f"article '{path}:1' skipped: article is {size / 1000:.1f} kB, over the 2.0 kB limit (--max-bytes)",
            "good",
        ]
    assert fmt == "csv"
    path.write_text(f'id,text\nbig,"{big}"\ngood,"{GOOD}"\n')
    size = len(f'big,"{big}"')  # the line without its newline
    return [str(path)], [
        f"article '{path}:2' skipped: article is {size / 1000:.1f} kB, over the 2.0 kB limit (--max-bytes)",
        "good",
    ]


@pytest.mark.parametrize("fmt", ["txt", "html", "json", "jsonl", "csv"])
def test_a_configured_limit_rejects_an_oversized_record_in_every_format(tmp_path: Path, fmt: str) -> None:
    sources, expected = _oversized_fixture(tmp_path, fmt)
    assert shown(read_sources(sources, max_bytes=LIMIT)) == expected
    # the same records under the default limit are all read
    assert not [item for item in read_sources(sources) if isinstance(item, Reject)]


@pytest.mark.model
def test_the_cli_max_bytes_option_rejects_by_name_and_analyses_the_rest(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(english(400))
    (tmp_path / "small.txt").write_text(GOOD)
    done = subprocess.run([*CLAIMLEDGER, "analyze", str(tmp_path), "--max-bytes", "300", "--format", "jsonl"],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    message = " ".join(done.stderr.split())  # the console may wrap a long message
    assert f"article '{tmp_path / 'big.txt'}' skipped: article is 400 bytes, over the 300 bytes limit " \
           "(--max-bytes)" in message
    assert [json.loads(line)["article"]["id"] for line in done.stdout.splitlines()] == ["small"]

    refused = subprocess.run([*CLAIMLEDGER, "analyze", str(tmp_path), "--max-bytes", "0"],
                             capture_output=True, text=True, timeout=TIMEOUT)
    assert refused.returncode == 2 and "--max-bytes" in refused.stderr


# --- gzip bombs --------------------------------------------------------------------------------------------

# (file name, head, fill, tail, the record the bomb is, the record read after it)
BOMBS = {
    "jsonl": ("bomb.jsonl.gz", b'{"id": "first", "text": "' + GOOD.encode() + b'"}\n{"id": "bomb", "text": "',
              b"a", b'"}\n{"id": "after", "text": "' + GOOD.encode() + b'"}\n', ":2", "after"),
    "txt": ("1-bomb.txt.gz", b"Water\n\n", b"word ", b"", "", "2-after"),
    "html": ("1-bomb.html.gz", b"<html><body><article><p>", b"word ", b"</p></article></body></html>", "",
             "2-after"),
    "csv": ("bomb.csv.gz", b'id,text\nbomb,"', b"a", b'"\nafter,"' + GOOD.encode() + b'"\n', ":2", "after"),
    "spaces": ("spaces.jsonl.gz", b'{"id": "first", "text": "' + GOOD.encode() + b'"}\n', b" ",
               b'\n{"id": "after", "text": "' + GOOD.encode() + b'"}\n', ":2", "after"),
}


def _bomb(tmp_path: Path, kind: str) -> Path:
    name, head, fill, tail, _, _ = BOMBS[kind]
    path = tmp_path / name
    write_gzip_bomb(path, head, fill, tail)
    if kind in ("txt", "html"):
        (tmp_path / "2-after.txt").write_text(GOOD)
    assert path.stat().st_size < MB, "a bomb is tiny on disk"
    return path


def test_a_jsonl_gz_line_of_50_megabytes_is_rejected_in_bounded_memory_and_the_next_line_read(
    tmp_path: Path,
) -> None:
    path = _bomb(tmp_path, "jsonl")
    head, _, tail = BOMBS["jsonl"][1], BOMBS["jsonl"][2], BOMBS["jsonl"][3]
    bomb_line = len(head.split(b"\n")[1]) + BOMB_MIB * CHUNK + len(tail.split(b"\n")[0])
    items, peak, elapsed = read_traced([str(path)])
    assert shown(items) == [
        "first",
        f"article '{path}:2' skipped: article is {mb_text(bomb_line)}, over the 5.0 MB limit (--max-bytes)",
        "after",
    ]
    assert peak < MEMORY_CEILING, f"reading the bomb held {peak / MB:.0f} MB"
    assert elapsed < 60


@pytest.mark.parametrize("kind", ["txt", "html", "csv", "spaces"])
def test_a_gzip_bomb_in_any_format_is_rejected_in_bounded_memory_and_the_run_goes_on(
    tmp_path: Path, kind: str
) -> None:
    path = _bomb(tmp_path, kind)
    items, peak, elapsed = read_traced([str(tmp_path)])
    record, after = f"{path}{BOMBS[kind][4]}", BOMBS[kind][5]
    assert len(items) in (2, 3), shown(items)
    if kind == "spaces":  # a first, small line comes before the bomb line
        assert shown(items)[0] == "first"
        items = items[1:]
    rejected, read_after = items
    assert isinstance(rejected, Reject) and rejected.record == record, shown(items)
    assert "over the 5.0 MB limit (--max-bytes)" in rejected.message()
    assert rejected.message().startswith(f"article '{record}' skipped: article is ")
    assert not isinstance(read_after, Reject) and read_after.id == after and read_after.text == GOOD
    assert peak < MEMORY_CEILING, f"reading the bomb held {peak / MB:.0f} MB"
    assert elapsed < 60


READ_IN_CHILD = """
import json, resource, sys
from claimledger.ingest import Reject, read_sources
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
items = [i.message() if isinstance(i, Reject) else i.id for i in read_sources(sys.argv[1:])]
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"items": items, "grown_bytes": grown * 1024}))
"""


@pytest.mark.parametrize("via", ["file", "stdin"])
def test_a_gzip_bomb_does_not_grow_the_process_by_100_megabytes(tmp_path: Path, via: str) -> None:
    """The whole process's peak memory (C buffers included), measured in a fresh process."""
    path = _bomb(tmp_path, "jsonl")
    with path.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-c", READ_IN_CHILD, str(path) if via == "file" else "-"],
                              stdin=stdin, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    record = str(path) if via == "file" else "<stdin>"
    assert result["items"][0] == "first" and result["items"][2] == "after"
    assert result["items"][1].startswith(f"article '{record}:2' skipped: article is 52.4 MB, over the 5.0 MB")
    assert result["grown_bytes"] < MEMORY_CEILING, f"the process grew by {result['grown_bytes'] / MB:.0f} MB"


# --- deep nesting ---------------------------------------------------------------------------------------------

DEPTH = 100_000
TOP = "Sales rose 3% to $103 million in May, the company said."
BOTTOM = "Prices rose 5% in June."
NESTINGS = {
    "div": ("<div>", "</div>"),
    "span": ("<span>", "</span>"),
    "table": ("<table><tr><td>", "</td></tr></table>"),
    "mixed": ("<div><ul><li>", "</li></ul></div>"),
    "unclosed": ("<div>", ""),
}


def _deep_page(opening: str, closing: str, with_top: bool) -> str:
    top = f"<p>{TOP}</p>" if with_top else ""
    return (f"<html><head><title>Deep page</title></head><body><article>{top}"
            f"{opening * DEPTH}{BOTTOM}{closing * DEPTH}</article></body></html>")


@pytest.mark.parametrize("nesting", sorted(NESTINGS))
def test_html_nested_100000_levels_deep_is_read_or_rejected_and_the_next_file_read(
    tmp_path: Path, nesting: str
) -> None:
    opening, closing = NESTINGS[nesting]
    pages = {
        tmp_path / "1-deep-with-text.html": _deep_page(opening, closing, with_top=True),
        tmp_path / "2-deep-only.html": _deep_page(opening, closing, with_top=False),
    }
    for path, page in pages.items():
        path.write_text(page)
    (tmp_path / "3-after.txt").write_text(GOOD)
    started = time.monotonic()
    items = list(read_sources([str(tmp_path)]))
    assert time.monotonic() - started < 60
    assert len(items) == 3, shown(items)
    for item, path in zip(items[:2], pages, strict=True):
        if isinstance(item, Reject):  # nothing readable, or nested too deeply: said so, by name
            assert item.record == str(path) and item.reason
        else:
            assert item.id == path.stem and item.text.strip()
            assert "<div" not in item.text and "<span" not in item.text
    first = items[0]
    assert not isinstance(first, Reject) and TOP in first.text, "the text above the nesting is kept"
    assert not isinstance(items[2], Reject) and items[2].text == GOOD


def test_article_from_html_raises_only_bad_record_on_deep_nesting() -> None:
    for opening, closing in NESTINGS.values():
        try:
            article = article_from_html(_deep_page(opening, closing, with_top=False), id="deep")
        except BadRecord as bad:
            assert bad.reason
        else:
            assert article.text.strip()


def test_json_nested_100000_levels_deep_is_rejected_by_name_and_the_next_record_read(tmp_path: Path) -> None:
    deep_array = "[" * DEPTH + "]" * DEPTH
    deep_object = '{"text": ' * DEPTH + '"x"' + "}" * DEPTH
    lines = tmp_path / "deep.jsonl"
    lines.write_text("\n".join([deep_array, deep_object, json.dumps({"id": "after", "text": GOOD})]) + "\n")
    (tmp_path / "deep.json").write_text('{"text":\n' * DEPTH + '"x"' + "}" * DEPTH)  # one document
    items = list(read_sources([str(lines), str(tmp_path / "deep.json")]))
    assert shown(items) == [
        f"article '{lines}:1' skipped: line is nested too deeply to be read as JSON",
        f"article '{lines}:2' skipped: line is nested too deeply to be read as JSON",
        "after",
        f"article '{tmp_path / 'deep.json'}' skipped: file is nested too deeply to be read as JSON",
    ]


# --- lines of a megabyte ---------------------------------------------------------------------------------------


def test_lines_of_a_megabyte_are_read_whole_or_rejected_by_name_and_the_run_goes_on(tmp_path: Path) -> None:
    megabyte = english(MB)
    path = tmp_path / "long.jsonl"
    lines = [
        json.dumps({"id": "first", "text": GOOD}),
        json.dumps({"id": "long", "text": megabyte}),
        "x" * MB,  # a megabyte that is not JSON
        json.dumps({"id": "long-title", "title": "t" * MB, "text": GOOD}),
        json.dumps({"id": "after", "text": GOOD}),
    ]
    path.write_text("\n".join(lines))  # no final newline: the last line is read too
    items = list(read_sources([str(path)]))
    assert shown(items)[:2] == ["first", "long"] and shown(items)[3:] == ["long-title", "after"]
    assert items[1].text == megabyte  # type: ignore[union-attr]  # whole: nothing truncated
    assert isinstance(items[2], Reject) and items[2].record == f"{path}:3"
    assert items[2].reason.startswith("line is not valid JSON")
    assert len(items[2].message()) < 500, "the reason does not quote the megabyte back"

    limited = shown(read_sources([str(path)], max_bytes=500_000))
    assert limited == [
        "first",
        f"article '{path}:2' skipped: article is {mb_text(len(lines[1]))}, over the 500.0 kB limit (--max-bytes)",
        f"article '{path}:3' skipped: article is 1.0 MB, over the 500.0 kB limit (--max-bytes)",
        f"article '{path}:4' skipped: article is {mb_text(len(lines[3]))}, over the 500.0 kB limit (--max-bytes)",
        "after",
    ]


def test_a_megabyte_in_one_csv_field_or_one_text_line_is_read_whole(tmp_path: Path) -> None:
    megabyte = english(MB)
    (tmp_path / "a.csv").write_text(f'id,text\nlong,"{megabyte}"\nafter,"{GOOD}"\n')
    (tmp_path / "b.txt").write_text(megabyte)
    items = list(read_sources([str(tmp_path)]))
    assert shown(items) == ["long", "after", "b"]
    assert items[0].text == megabyte and items[2].text == megabyte  # type: ignore[union-attr]


# --- a million tiny articles ------------------------------------------------------------------------------------

MILLION = 1_000_000
BROKEN_EVERY = 100_000  # one broken line in each hundred thousand: reported, and the stream goes on


def _rss() -> int:
    """This process's resident memory now (Linux), else its peak so far."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def test_a_million_tiny_articles_stream_through_read_sources_with_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "million.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        block: list[bytes] = []
        for n in range(1, MILLION + 1):
            if n % BROKEN_EVERY == 0:
                block.append(b'{"id": "broken", "text": \n')
            else:
                block.append(b'{"id": "a%d", "text": "Sales rose %d%%."}\n' % (n, n % 100))
            if len(block) == 10_000:
                out.write(b"".join(block))
                block = []
        out.write(b"".join(block))

    started = time.monotonic()
    articles = 0
    rejects: list[Reject] = []
    first = last = None
    baseline = grown = 0
    for item in read_sources([str(path)]):
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            articles += 1
            first = first or item.id
            last = item.id
        if articles == 100_000:
            baseline = _rss()
    grown = _rss() - baseline
    elapsed = time.monotonic() - started

    assert articles == MILLION - MILLION // BROKEN_EVERY
    assert (first, last) == ("a1", f"a{MILLION - 1}")
    assert [r.record for r in rejects] == [f"{path}:{n}" for n in range(BROKEN_EVERY, MILLION + 1, BROKEN_EVERY)]
    assert all(r.reason.startswith("line is not valid JSON") for r in rejects)
    assert grown < 50 * MB, f"memory grew by {grown / MB:.0f} MB between the 100,000th and the last article"
    assert elapsed < 150, f"reading took {elapsed:.0f} s"


# --- what the size limit promises the analysis ------------------------------------------------------------------


@pytest.mark.model
def test_analyze_reports_an_article_over_the_model_length_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "1-long.txt").write_text(english(1_000_100))  # 1.0 MB: well under the 5 MB limit
    (tmp_path / "2-short.txt").write_text(GOOD)
    done = subprocess.run([*CLAIMLEDGER, "analyze", str(tmp_path), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    ids = [json.loads(line)["article"]["id"] for line in done.stdout.splitlines()]
    assert "2-short" in ids
    reported = " ".join(done.stderr.split())
    assert "1-long" in ids or "1-long.txt' skipped:" in reported or "article '1-long' skipped:" in reported
    assert "Traceback" not in done.stderr


REPEATED = "The council said 120 homes were connected to the water network, up from 80 a year earlier. "


@pytest.mark.model
def test_checks_grow_linearly_with_a_repetitive_article(nlp) -> None:
    fifty = claimledger.analyze(REPEATED * 50, nlp=nlp)
    hundred = claimledger.analyze(REPEATED * 100, nlp=nlp)
    assert len(hundred.quantities) == 2 * len(fifty.quantities)
    assert len(hundred.checks) <= 2.5 * max(1, len(fifty.checks)), (len(fifty.checks), len(hundred.checks))
