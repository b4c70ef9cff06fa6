"""What the commands that can run on a Dask cluster share: the options, the dashboard line and the progress bars."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import _stderr, _stderr_console, default, progress_enabled

SchedulerOption = Annotated[Optional[str], typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="Run on a Dask cluster: tcp://HOST:PORT of a running scheduler, or local[N] for N worker processes here "
         "(pip install 'claimcheck-news[dask]').")]
PartitionOption = Annotated[Optional[int], typer.Option(
    "--partition-size", metavar="N", min=1,
    help=default("With --scheduler: documents (or dataset rows) per partition.", "500"))]
ScratchOption = Annotated[Optional[str], typer.Option(
    "--scratch", metavar="DIR_OR_URL",
    help=default("With --scheduler: where the workers leave the sorted findings for this machine to read (a remote "
                 "cluster needs a folder or fsspec URL both see).", "a temporary folder here"))]

_LABELS = {"leads": "Reading leads", "events": "Finding events", "documents": "Extracting and checking documents",
           "facts": "Judging facts", "sorting": "Sorting findings", "extracting": "Extracting"}


def announce(client, quiet: bool = False) -> None:
    """The cluster's dashboard on stderr (where to watch the tasks, the workers' memory and the progress)."""
    from ..cluster import dashboard

    link = dashboard(client)
    if link and not quiet:
        _stderr(f"Dask dashboard: {link}")


def progress_bars():
    """A progress bar per stage (partitions done) on a terminal; nothing in CI or a pipe."""
    from ..cluster.run import Progress

    if not progress_enabled():
        return None

    class Bars(Progress):
        def __init__(self) -> None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Rich, TextColumn, TimeElapsedColumn

            self.bars = Rich(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("partitions"), TimeElapsedColumn(), transient=True, console=_stderr_console())
            self.bars.start()
            self.tasks: dict[str, object] = {}
            self.seen: dict[str, set[int]] = {}

        def stage(self, name: str, total: int) -> None:
            self.tasks[name] = self.bars.add_task(_LABELS.get(name, name), total=total)
            self.seen[name] = set()

        def done(self, name: str, part: int) -> None:
            if name in self.tasks and part not in self.seen[name]:  # a partition run again is counted once
                self.seen[name].add(part)
                self.bars.update(self.tasks[name], completed=len(self.seen[name]))

        def close(self) -> None:
            self.bars.stop()

    return Bars()
