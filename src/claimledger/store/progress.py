"""The ingest progress bar on stderr: records done, articles per second, time left (when the total is known).

>>> with progress_bar(None, enabled=False) as (advance, notify):
...     advance(3)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second over the recent past."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("-- articles/s" if speed is None else f"{speed:.1f} articles/s")


@contextmanager
def progress_bar(
    total: int | None, enabled: bool = True
) -> Iterator[tuple[Callable[[int], None], Callable[[str], None]]]:
    """Yield ``(advance, notify)``: count records done, and print a message above the bar."""
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if not enabled:
        yield (lambda n: None), (lambda message: None)
        return
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("ingest")]
    if total is not None:
        columns += [
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
        ]
    else:
        columns += [TextColumn("{task.completed:,} records"), RateColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=console, speed_estimate_period=60) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(n: int) -> None:
            progress.advance(task, n)

        def notify(message: str) -> None:
            progress.console.print(message, style="yellow", markup=False)

        yield advance, notify
