"""The rich terminal summary printed after every scan."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable
from rich.text import Text

from scanner.evaluate import SEVERITIES
from scanner.models import ColumnAssessment, ScanResult, TableAccess
from scanner.scan import AccessAnswer

STYLES = {
    "SEV0": "bold white on dark_red",
    "SEV1": "bold white on red",
    "SEV2": "bold black on dark_orange",
    "SEV3": "bold black on yellow",
    "SEV4": "white on grey35",
}


def print_summary(
    console: Console,
    result: ScanResult,
    written: Sequence[Path],
    exit_code: int,
    exit_meaning: str,
) -> None:
    cov = result.coverage
    console.print(
        f"[bold]exposure[/] scanned [bold]{cov.tables_scanned}/{cov.tables_total}[/] tables of "
        f"[bold]{escape(result.warehouse)}[/] ({escape(result.source)}): {cov.tables_sampled} sampled, "
        f"{cov.tables_reused} unchanged and reused"
    )
    if result.baseline or result.fixed:
        new = sum(b.state == "new" for b in result.baseline.values())
        console.print(
            f"Since the previous run: [bold]{new}[/] new, {len(result.baseline) - new} unchanged, "
            f"[bold]{len(result.fixed)}[/] fixed; {len(result.suppressed)} suppressed"
        )
    if not cov.complete:
        console.print(
            f"[yellow]Partial coverage:[/] {cov.tables_unreadable} unreadable, "
            f"{cov.tables_access_unknown} with unknown readers — unknown is not clean."
        )
    totals = Text()
    for sev in SEVERITIES:
        count = sum(f.severity == sev for f in result.findings)
        totals.append(f" {sev} ", style=STYLES[sev] if count else "dim")
        totals.append(f" {count}   ")
    console.print(totals)
    if result.findings:
        grid = RichTable(show_lines=False, header_style="bold", pad_edge=False)
        grid.add_column("SEV", no_wrap=True)
        grid.add_column("Rule", no_wrap=True)
        grid.add_column("Table", no_wrap=True, min_width=16)
        grid.add_column("Reach", no_wrap=True)
        grid.add_column("Via", overflow="fold")
        grid.add_column("Classes", overflow="fold")
        grid.add_column("Stored", overflow="fold")
        for f in result.findings:
            classes = sorted({x.class_id for c in f.columns for x in c.classes})
            states = sorted({c.protection.value for c in f.columns})
            grid.add_row(
                Text(f.severity, style=STYLES.get(f.severity, "")),
                f.rule_id,
                f.table.fqn,
                _reach(f.access),
                str(f.principal) if f.principal else "",
                ", ".join(classes),
                "/".join(states),
            )
        console.print(grid)
    else:
        console.print("No findings.")
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    if written:
        folders = sorted({str(p.parent) if p.parent.name == "sev" else str(p) for p in written})
        console.print("Reports: " + ", ".join(folders), highlight=False)
    console.print(f"exit {exit_code}: {exit_meaning}")


def _reach(access: TableAccess) -> str:
    count = access.reader_count
    return f"{access.breadth.value} ({count:,})" if count else access.breadth.value


def print_columns(console: Console, columns: Sequence[ColumnAssessment]) -> None:
    grid = RichTable(header_style="bold", pad_edge=False)
    for title in ("Column", "Class", "Confidence", "95 % interval", "Validated", "Stored", "Signals"):
        grid.add_column(title, overflow="fold")
    for column in columns:
        if not column.classes:
            grid.add_row(column.column.name, "—", "", "", "", column.protection.value, "")
        for index, c in enumerate(column.classes):
            grid.add_row(
                column.column.name if index == 0 else "",
                c.class_id,
                f"{c.confidence:.2f}",
                f"{c.interval[0]:.2f}–{c.interval[1]:.2f}" if c.matched else "—",
                f"{c.matched}/{c.sampled}" if c.matched else "—",
                column.protection.value if index == 0 else "",
                "; ".join(c.signals),
            )
    console.print(grid)


def print_access(console: Console, answer: AccessAnswer) -> None:
    access = answer.access
    people = f", at least {access.reader_count:,} people" if access.reader_count else ""
    console.print(
        f"[bold]{escape(answer.table.fqn)}[/]: readable by {access.breadth.value}{people}", highlight=False
    )
    if access.reason:
        console.print(f"  {access.reason}", highlight=False, markup=False)
    for path in access.paths:
        reach = f" ({path.reach:,})" if path.reach else ""
        console.print(f"  {path.breadth.value}{reach}: {path.describe()}", highlight=False, markup=False)
    if answer.column_readers:
        grid = RichTable(header_style="bold", pad_edge=False)
        grid.add_column("Column", overflow="fold")
        grid.add_column("Readers", overflow="fold")
        for name, paths in answer.column_readers.items():
            grid.add_row(name, ", ".join(sorted({str(p.reader) for p in paths})) or "—")
        console.print(grid)
    for warning in answer.warnings:
        console.print(Text("warning: ", style="yellow") + Text(warning), highlight=False)
    person = answer.user
    if person is None:
        return
    who = [f"user {person.user}"]
    if person.groups:
        who.append(f"groups {', '.join(person.groups)}")
    if person.roles:
        who.append(f"roles {', '.join(person.roles)}")
    if person.unknown:
        console.print(f"{'; '.join(who)}: unknown, {person.unknown}", highlight=False, markup=False)
        return
    verdict = "can read" if person.can_read else "cannot read"
    console.print(f"{'; '.join(who)} {verdict} {answer.table.fqn}", highlight=False, markup=False)
    if person.row_filter is not None:
        console.print(f"  {person.row_filter.describe()}", highlight=False, markup=False)
    elif person.can_read:
        console.print("  no row filter: every row", highlight=False, markup=False)
    for column in person.columns:
        if column.readable:
            seen = f"masked {column.mask.describe()}" if column.mask else "raw values"
            text = f"  {column.column}: {seen}; via {column.paths[0]}"
            if len(column.paths) > 1:
                text += f" (and {len(column.paths) - 1} more)"
        else:
            text = f"  {column.column}: denied: {column.denied_by}"
        console.print(text, highlight=False, markup=False)


@contextlib.contextmanager
def scan_progress(enabled: bool) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on a terminal; a no-op hook otherwise."""
    if not enabled:
        yield lambda index, total, table: None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("scanning", total=None)

        def advance(index: int, total: int, table: str) -> None:
            bar.update(task, completed=index, total=total, description=escape(table))

        yield advance
