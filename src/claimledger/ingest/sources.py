"""What a source names: a file, a directory (walked), a glob pattern, or "-" for standard input."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path, PurePath

from claimledger.ingest.errors import InputError

STDIN = "-"
# File extensions the readers know, and the format each means; any of them may end in ".gz".
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
}
GZIP_SUFFIX = ".gz"


def format_of(path: str | PurePath) -> str | None:
    """The format a file name announces ("news.jsonl.gz" gives "jsonl"), or None for an unknown one."""
    name = PurePath(path).name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return FORMATS.get(PurePath(name).suffix)


def expand_sources(sources: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files to read, in order: each source expanded, each file once; "-" stays as is.

    A directory gives its files with a known extension, recursively and sorted (hidden
    files and folders skipped); a pattern gives its matches, sorted. Raises `InputError`
    for a source that names nothing.
    """
    files: list[str] = []
    seen: set[str] = set()
    for source in [sources] if isinstance(sources, str | os.PathLike) else sources:
        for path in _expand(os.fspath(source)):
            key = path if path == STDIN else os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files


def _expand(source: str) -> list[str]:
    if source == STDIN:
        return [STDIN]
    path = Path(source)
    if path.is_dir():
        return _walk(path)
    if path.exists():
        return [source]
    if glob.has_magic(source):
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            raise InputError(f"no files match '{source}'")
        expanded: list[str] = []
        for match in matches:
            expanded += _walk(Path(match)) if os.path.isdir(match) else [match]
        return expanded
    raise InputError(f"no such file or directory: '{source}'")


def _walk(directory: Path) -> list[str]:
    found = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found += [os.path.join(folder, name) for name in names if format_of(name) and name[0] != "."]
    if not found:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"directory '{directory}' has no article files (known extensions: {known}, "
                         f"each optionally {GZIP_SUFFIX})")
    return sorted(found)
