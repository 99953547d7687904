"""The article size limit and how sizes are written in messages."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 5_000_000
LIMIT_OPTION = "--max-bytes"


def check_max_bytes(max_bytes: int) -> int:
    """Return ``max_bytes`` if it is a usable limit (a positive whole number of bytes)."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive number of bytes, not {max_bytes!r}")
    return max_bytes


def size_text(n_bytes: int) -> str:
    """A size as people write it: ``7.2 MB``, ``12.5 kB``, ``300 bytes`` (decimal units).

    >>> size_text(7_200_000), size_text(12_500), size_text(300)
    ('7.2 MB', '12.5 kB', '300 bytes')
    """
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1_000_000:.1f} MB"
    if n_bytes >= 1_000:
        return f"{n_bytes / 1_000:.1f} kB"
    return f"{n_bytes} bytes"


def too_large_reason(n_bytes: int, max_bytes: int, what: str = "article") -> str:
    """The reason for an oversized record.

    >>> too_large_reason(7_200_000, 5_000_000)
    'article is 7.2 MB, over the 5.0 MB limit (--max-bytes)'
    """
    size, limit = size_text(n_bytes), size_text(max_bytes)
    if size == limit:  # 5,000,001 bytes against 5,000,000: rounding would hide the difference
        size, limit = f"{n_bytes:,} bytes", f"{max_bytes:,}-byte"
    return f"{what} is {size}, over the {limit} limit ({LIMIT_OPTION})"
